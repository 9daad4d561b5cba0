// Report preview dialog: worker-built tables in tabs, save through the core writers.
#include "reports/report_dialog.h"
#include "gui/task_runner.h"

#include "report/report_tables.h"
#include "plugin/plugin_manager.h"
#include "report/report_writer.h"
#include "store/project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFileInfo>
#include <QPointer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vnland::app {

/// What the worker hands back to the GUI thread.
struct ReportDialog::Built {
    QList<plugin::ReportTable> tables;
    std::vector<report::ExtractData> extracts;   // extract only: the PDF draws them in full
    std::vector<std::string> problems;           // statistics identities that do not hold
    QString error;
    bool landscape = true;
};

namespace {

struct SaveResult {
    bool ok = false;
    QString message;
};

} // namespace

ReportDialog::ReportDialog(const QString &projectPath, ReportKind kind, std::vector<report::ParcelRef> parcels,
                           QWidget *parent, gui::TaskRunner *tasks)
    : QDialog(parent), m_tasks(tasks ? tasks : new gui::TaskRunner(this)), m_projectPath(projectPath), m_kind(kind),
      m_parcels(std::move(parcels))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(kindTitle(kind));
    resize(960, 640);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reportPreview"));
    m_problems = new QPlainTextEdit(this);
    m_problems->setObjectName(QStringLiteral("reportProblems"));
    m_problems->setReadOnly(true);
    m_problems->setMaximumHeight(140);
    m_problems->setStyleSheet(QStringLiteral("QPlainTextEdit { color: #b00020; }"));
    m_problems->hide();

    m_scheme = new QComboBox(this);
    m_scheme->setObjectName(QStringLiteral("reportScheme"));
    m_scheme->addItem(tr("2018 land-use list"), QStringLiteral("2018"));
    m_scheme->addItem(tr("2024 land-use list"), QStringLiteral("2024"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("reportFormat"));
    m_format->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    m_format->addItem(QStringLiteral("XLSX (Excel)"), QStringLiteral("xlsx"));
    m_format->addItem(QStringLiteral("CSV (UTF-8)"), QStringLiteral("csv"));
    m_format->addItem(QStringLiteral("HTML"), QStringLiteral("html"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("reportPath"));
    m_path->setPlaceholderText(tr("Output file"));
    m_browse = new QPushButton(tr("Choose…"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("reportSave"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    if (kind == ReportKind::Statistics)
        form->addRow(tr("Land-use list:"), m_scheme);
    else
        m_scheme->hide();
    form->addRow(tr("Format:"), m_format);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_save);
    form->addRow(tr("File:"), pathRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problems);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportDialog::updateExtension);
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &ReportDialog::rebuild);
    connect(m_browse, &QPushButton::clicked, this, &ReportDialog::browse);
    connect(m_save, &QPushButton::clicked, this, &ReportDialog::save);
    connect(m_path, &QLineEdit::textChanged, this, &ReportDialog::updateButtons);
    rebuild();
}

ReportDialog::~ReportDialog() = default;

QString ReportDialog::kindTitle(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Register: return tr("Parcel register");
    case ReportKind::Summary: return tr("Summary table");
    case ReportKind::Statistics: return tr("Land statistics");
    case ReportKind::Extract: return tr("Parcel extract");
    case ReportKind::Validation: return tr("Validation report");
    }
    return {};
}

QTableWidget *ReportDialog::previewTable(int i) const
{
    return i >= 0 && i < m_tableWidgets.size() ? m_tableWidgets[i] : nullptr;
}

void ReportDialog::rebuild()
{
    if (m_building) {
        m_rebuildAgain = true;   // the scheme changed while building: once more when done
        return;
    }
    m_building = true;
    m_tables.clear();
    m_tabs->clear();
    m_tableWidgets.clear();
    m_problems->hide();
    m_status->setText(tr("Preparing the report…"));
    updateButtons();

    const ReportKind kind = m_kind;
    const std::string scheme = m_scheme->currentData().toString().toStdString();
    report::ReportFilter filter;
    filter.parcels = m_parcels;
    QPointer<ReportDialog> self(this);
    QString refused;
    gui::Task *task = m_tasks->start<std::shared_ptr<Built>>(
        {tr("Preparing %1").arg(kindTitle(kind)), m_projectPath, false},
        [kind, scheme, filter](gui::TaskContext &ctx) {
        auto b = std::make_shared<Built>();
        try {
            store::Project *project = &ctx.project();
            switch (kind) {
            case ReportKind::Register: b->tables = report::registerTables(*project, filter); break;
            case ReportKind::Summary:
                b->tables = report::summaryTables(*project, filter);
                b->landscape = false;
                break;
            case ReportKind::Statistics:
                b->tables = report::statisticsTables(*project, filter, scheme, &b->problems);
                break;
            case ReportKind::Extract:
                b->extracts = report::buildExtracts(*project, filter);
                b->tables = report::extractTables(b->extracts);
                break;
            case ReportKind::Validation: b->tables = report::validationTables(*project, filter); break;
            }
        } catch (const std::exception &e) {
            b->error = QString::fromUtf8(e.what());
        }
        return b;
    },
        [self](std::shared_ptr<Built> &b, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            if (!b) {
                b = std::make_shared<Built>();
                b->error = outcome.error;
            }
            self->m_built = b;
            self->m_building = false;
            if (self->m_rebuildAgain) {
                self->m_rebuildAgain = false;
                self->rebuild();
                return;
            }
            self->showResult();
        },
        &refused);
    if (!task) {
        m_building = false;
        m_status->setText(refused);
        updateButtons();
    }
}

void ReportDialog::showResult()
{
    const Built &b = *m_built;
    m_tables = b.tables;
    const bool vi = QLocale().language() == QLocale::Vietnamese;
    for (const plugin::ReportTable &t : m_tables) {
        auto *page = new QWidget;
        auto *v = new QVBoxLayout(page);
        auto *head = new QLabel(QStringLiteral("<b>%1</b><br>%2").arg(t.title.toHtmlEscaped(),
                                                                    t.headerLines.join(QStringLiteral(" · ")).toHtmlEscaped()),
                                page);
        head->setWordWrap(true);
        v->addWidget(head);
        auto *table = new QTableWidget(int(t.rows.size()), int(t.columns.size()), page);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setHorizontalHeaderLabels(t.columns);
        table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter | Qt::Alignment(Qt::TextWordWrap));
        for (int r = 0; r < t.rows.size(); ++r) {
            const bool bold = t.emphasisRows.contains(r);
            for (int c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c) {
                const bool numeric = t.numericColumns.contains(c);
                auto *item = new QTableWidgetItem(numeric && vi ? report::viNumber(t.rows[r][c]) : t.rows[r][c]);
                if (numeric)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (bold) {
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                }
                table->setItem(r, c, item);
            }
        }
        table->resizeColumnsToContents();
        v->addWidget(table, 1);
        for (const QString &line : t.footerLines)
            v->addWidget(new QLabel(line, page));
        m_tableWidgets << table;
        m_tabs->addTab(page, t.sheetName.isEmpty() ? t.title : t.sheetName);
    }
    if (!b.problems.empty()) {
        QStringList lines;
        for (const auto &p : b.problems)
            lines << QStringLiteral("• ") + QString::fromStdString(p);
        m_problems->setPlainText(tr("The land statistics do not add up; the report cannot be saved until the data "
                                    "are corrected:")
                                 + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        m_problems->show();
        m_status->setText(tr("%n identity check(s) failed.", nullptr, int(b.problems.size())));
    } else if (!b.error.isEmpty()) {
        m_status->setText(tr("Cannot prepare the report: %1").arg(b.error));
    } else if (m_tables.isEmpty()) {
        m_status->setText(m_kind == ReportKind::Validation
                              ? tr("The project has no validation results; run the validation first.")
                              : tr("No parcel matches the report."));
    } else {
        qsizetype rows = 0;
        for (const auto &t : m_tables)
            rows += t.rows.size();
        m_status->setText(tr("%1 table(s), %2 row(s).").arg(m_tables.size()).arg(rows));
    }
    updateButtons();
    emit previewReady();
}

void ReportDialog::updateButtons()
{
    const bool ready = !m_building && !m_saving && !m_tables.isEmpty();
    m_save->setEnabled(ready);
    m_format->setEnabled(!m_saving);
    m_scheme->setEnabled(!m_building && !m_saving);
}

void ReportDialog::updateExtension()
{
    const QString p = m_path->text().trimmed();
    if (p.isEmpty())
        return;
    const QFileInfo fi(p);
    const QString ext = m_format->currentData().toString();
    m_path->setText(fi.suffix().isEmpty() ? p + QLatin1Char('.') + ext
                                          : p.left(p.size() - fi.suffix().size()) + ext);
}

void ReportDialog::browse()
{
    const QString ext = m_format->currentData().toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save report"), m_path->text(),
                                                      QStringLiteral("%1 (*.%2)").arg(m_format->currentText(), ext));
    if (!path.isEmpty())
        m_path->setText(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + ext : path);
}

void ReportDialog::save()
{
    if (m_building || m_saving || m_tables.isEmpty())
        return;
    if (m_path->text().trimmed().isEmpty()) {
        browse();
        if (m_path->text().trimmed().isEmpty())
            return;
    }
    const QString path = m_path->text().trimmed();
    const auto format = report::parseFormat(m_format->currentData().toString().toStdString());
    if (!format)
        return;
    // Plugins (the XLSX writer) are loaded once, here on the GUI thread, so
    // their objects do not belong to a worker thread.
    plugin::PluginManager::instance().loadPlugins();
    m_saving = true;
    updateButtons();
    m_status->setText(tr("Writing %1…").arg(path));
    const std::shared_ptr<const Built> built = m_built;
    const bool extract = m_kind == ReportKind::Extract;
    QPointer<ReportDialog> self(this);
    QString refused;
    gui::Task *task = m_tasks->start<SaveResult>(
        {tr("Writing %1").arg(QFileInfo(path).fileName()), QString(), false},
        [built, fmt = *format, path, extract](gui::TaskContext &) {
        SaveResult r;
        QString error;
        if (extract) {
            QStringList written;
            r.ok = report::writeExtracts(built->extracts, fmt, path, false, &written, &error);
        } else {
            r.ok = report::writeTables(built->tables, fmt, path, &error, {built->landscape});
        }
        r.message = error;
        return r;
    },
        [self, path](SaveResult &r, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            if (!outcome.error.isEmpty()) {
                r.ok = false;
                r.message = outcome.error;
            }
            self->m_saving = false;
            self->updateButtons();
            self->m_status->setText(r.ok ? tr("Saved %1.").arg(path) : tr("Cannot save the report: %1").arg(r.message));
            emit self->saved(r.ok, r.ok ? path : r.message);
        },
        &refused);
    if (!task) {
        m_saving = false;
        updateButtons();
        m_status->setText(refused);
    }
}

} // namespace vnland::app
