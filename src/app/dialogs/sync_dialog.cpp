// SyncDialog: check-out / check-in through the server backend plugin.
#include "dialogs/sync_dialog.h"

#include "plugin/plugin_manager.h"
#include "store/project.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <memory>

namespace vnland::app {

SyncDialog::SyncDialog(const QString &workPath, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Land-database server"));
    // Plugins are loaded on the GUI thread; the worker only calls into them.
    const auto backends = plugin::PluginManager::instance().objects<plugin::SyncBackendPlugin>();
    m_backend = backends.isEmpty() ? nullptr : backends.first();

    QSettings settings;
    m_connection = new QLineEdit(settings.value(QStringLiteral("sync/connection"), QStringLiteral("service=land")).toString());
    m_connection->setToolTip(tr("postgresql://HOST/DATABASE or service=NAME; the password comes from the pgpass file, "
                                "never from the project"));
    m_schema = new QLineEdit(settings.value(QStringLiteral("sync/schema"), QStringLiteral("vnland")).toString());
    auto *server = new QFormLayout;
    server->addRow(tr("Connection:"), m_connection);
    server->addRow(tr("Schema:"), m_schema);

    m_commune = new QLineEdit;
    m_commune->setPlaceholderText(tr("commune code, e.g. 07192"));
    m_sheet = new QLineEdit;
    m_sheet->setPlaceholderText(tr("sheet serial, or sheet id without a commune; empty = whole commune"));
    m_target = new QLineEdit;
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Work project"), m_target->text(),
                                                       tr("VNLand project (*.sqlite)"));
        if (!p.isEmpty())
            m_target->setText(p);
    });
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target);
    targetRow->addWidget(browse);
    m_checkout = new QPushButton(tr("Check out"));
    m_checkout->setObjectName(QStringLiteral("checkoutButton"));
    auto *outForm = new QFormLayout;
    outForm->addRow(tr("Commune:"), m_commune);
    outForm->addRow(tr("Map sheet:"), m_sheet);
    outForm->addRow(tr("Work project:"), targetRow);
    outForm->addRow(QString(), m_checkout);
    auto *outBox = new QGroupBox(tr("Check out a map sheet or commune"));
    outBox->setLayout(outForm);

    m_work = new QLineEdit(workPath);
    m_skipConflicts = new QCheckBox(tr("Apply the parcels without conflict, leave the conflicting ones"));
    m_checkin = new QPushButton(tr("Check in"));
    m_checkin->setObjectName(QStringLiteral("checkinButton"));
    auto *inForm = new QFormLayout;
    inForm->addRow(tr("Work project:"), m_work);
    inForm->addRow(QString(), m_skipConflicts);
    inForm->addRow(QString(), m_checkin);
    auto *inBox = new QGroupBox(tr("Check in (save the project first)"));
    inBox->setLayout(inForm);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_status = new QLabel;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(server);
    layout->addWidget(outBox);
    layout->addWidget(inBox);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(620, 560);

    connect(m_checkout, &QPushButton::clicked, this, &SyncDialog::checkout);
    connect(m_checkin, &QPushButton::clicked, this, &SyncDialog::checkin);
    if (!m_backend) {
        m_checkout->setEnabled(false);
        m_checkin->setEnabled(false);
        m_status->setText(tr("No server plugin found (vnland_postgis)."));
    }
}

plugin::SyncOptions SyncDialog::options() const
{
    plugin::SyncOptions o;
    o.schema = m_schema->text().trimmed();
    return o;
}

void SyncDialog::run(const QString &title, std::function<plugin::SyncReport()> job,
                     std::function<void(const plugin::SyncReport &)> done)
{
    m_busy = true;
    m_checkout->setEnabled(false);
    m_checkin->setEnabled(false);
    m_status->setText(title);
    m_log->appendPlainText(title);
    auto *watcher = new QFutureWatcher<plugin::SyncReport>(this);
    connect(watcher, &QFutureWatcher<plugin::SyncReport>::finished, this, [this, watcher, done] {
        const plugin::SyncReport r = watcher->result();
        watcher->deleteLater();
        if (r.status == 2)
            m_log->appendPlainText(r.error);
        for (const QString &f : r.findings)
            m_log->appendPlainText(f);
        for (const auto &c : r.counts)
            m_log->appendPlainText(QStringLiteral("  %1: %2").arg(c.first).arg(c.second));
        m_status->setText(r.status == 0 ? tr("Done.") : r.status == 1 ? tr("Refused: see the conflicts above.")
                                                                       : tr("Failed."));
        m_busy = false;
        m_checkout->setEnabled(true);
        m_checkin->setEnabled(true);
        done(r);
        emit operationDone(r.status);
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void SyncDialog::checkout()
{
    const QString conn = m_connection->text().trimmed();
    const QString target = m_target->text().trimmed();
    if (conn.isEmpty() || target.isEmpty() || (m_commune->text().trimmed().isEmpty() && m_sheet->text().trimmed().isEmpty())) {
        m_status->setText(tr("Give the connection, a commune or map sheet, and the work project file."));
        return;
    }
    QSettings settings;
    // Never a password in the settings file: the plugin strips the secrets (the password comes from pgpass).
    QString storable;
    auto *backendObject = dynamic_cast<QObject *>(m_backend);
    if (backendObject && QMetaObject::invokeMethod(backendObject, "storableConnection", Qt::DirectConnection,
                                                   Q_RETURN_ARG(QString, storable), Q_ARG(QString, conn)))
        settings.setValue(QStringLiteral("sync/connection"), storable);
    settings.setValue(QStringLiteral("sync/schema"), m_schema->text().trimmed());
    plugin::SyncOptions o = options();
    o.communeCode = m_commune->text().trimmed();
    bool isNumber = false;
    const int to = m_sheet->text().trimmed().toInt(&isNumber);
    if (!o.communeCode.isEmpty() && isNumber)
        o.toSo = to;
    else
        o.sheetId = m_sheet->text().trimmed();
    auto *backend = m_backend;
    run(tr("Checking out…"), [backend, conn, o, target] { return backend->checkout(conn, o, target); },
        [this, target](const plugin::SyncReport &r) {
            if (r.status == 0) {
                m_work->setText(target);
                emit checkedOut(target);
            }
        });
}

void SyncDialog::checkin()
{
    const QString path = m_work->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Give the work project to check in."));
        return;
    }
    plugin::SyncOptions o;
    o.skipConflicts = m_skipConflicts->isChecked();
    auto *backend = m_backend;
    run(tr("Checking in…"),
        [backend, path, o] {
            // The worker opens its own connection to the work project.
            try {
                auto work = store::Project::open(path.toStdString());
                return backend->checkin(*work, o);
            } catch (const std::exception &e) {
                plugin::SyncReport r;
                r.status = 2;
                r.error = QString::fromStdString(e.what());
                return r;
            }
        },
        [](const plugin::SyncReport &) {});
}

} // namespace vnland::app
