// New-project dialog.
#include "dialogs/new_project_dialog.h"

#include "crs/crs_catalogue.h"
#include "store/project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace vnland::app {

NewProjectDialog::NewProjectDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New project"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    form->addRow(tr("Project file:"), pathRow);
    m_name = new QLineEdit(this);
    form->addRow(tr("Name:"), m_name);
    m_province = new QComboBox(this);
    for (const auto &p : crs::provinces())
        m_province->addItem(QStringLiteral("%1 – %2").arg(QString::fromStdString(p.code), QString::fromStdString(p.nameVi)),
                            QString::fromStdString(p.code));
    m_province->setCurrentIndex(std::max(0, m_province->findData(QStringLiteral("22"))));
    form->addRow(tr("Province (before 2025):"), m_province);
    m_crs = new QLabel(this);
    form->addRow(tr("Coordinate system:"), m_crs);
    m_communeCode = new QLineEdit(this);
    m_communeCode->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{5}")), m_communeCode));
    m_communeCode->setPlaceholderText(tr("5-digit GSO code, e.g. 07192"));
    form->addRow(tr("Commune code:"), m_communeCode);
    m_communeName = new QLineEdit(this);
    form->addRow(tr("Commune name:"), m_communeName);
    m_scale = new QComboBox(this);
    for (int s : {200, 500, 1000, 2000, 5000, 10000})
        m_scale->addItem(QStringLiteral("1:%1").arg(s), s);
    m_scale->setCurrentIndex(m_scale->findData(1000));
    form->addRow(tr("Default scale:"), m_scale);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_province, &QComboBox::currentIndexChanged, this, &NewProjectDialog::provinceChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("New project"), m_path->text(), tr("VNLand projects (*.sqlite)"));
        if (!p.isEmpty())
            m_path->setText(QFileInfo(p).suffix().isEmpty() ? p + QStringLiteral(".sqlite") : p);
    });
    provinceChanged();
}

void NewProjectDialog::provinceChanged()
{
    const auto *p = crs::provinceByCode(m_province->currentData().toString().toStdString());
    if (!p) {
        m_crs->clear();
        return;
    }
    const auto *entry = crs::findEntry(p->epsg);
    m_crs->setText(tr("%1 (EPSG:%2), central meridian %3")
                       .arg(entry ? QString::fromStdString(entry->name) : QStringLiteral("VN-2000 / TM-3"))
                       .arg(p->epsg)
                       .arg(QString::fromStdString(p->meridianDms)));
}

void NewProjectDialog::accept()
{
    m_error->clear();
    QString path = m_path->text().trimmed();
    const auto *p = crs::provinceByCode(m_province->currentData().toString().toStdString());
    if (path.isEmpty()) {
        m_error->setText(tr("Choose where to save the project file."));
        return;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    if (QFileInfo::exists(path)) {
        m_error->setText(tr("%1 already exists; choose another file name.").arg(path));
        return;
    }
    const QString commune = m_communeCode->text().trimmed();
    if (!commune.isEmpty() && commune.size() != 5) {
        m_error->setText(tr("The commune code has 5 digits."));
        return;
    }
    if (!p) {
        m_error->setText(tr("Choose a province."));
        return;
    }
    store::ProjectSettings s;
    s.name = m_name->text().trimmed().isEmpty() ? QFileInfo(path).completeBaseName().toStdString()
                                                : m_name->text().trimmed().toStdString();
    s.epsg = p->epsg;
    s.centralMeridian = p->centralMeridian;
    s.provinceCode = p->code;
    s.provinceName = p->nameVi;
    s.defaultScale = m_scale->currentData().toInt();
    try {
        auto project = store::Project::create(path.toStdString(), s);
        if (!commune.isEmpty())
            project->ensureCommune(commune.toStdString(), m_communeName->text().trimmed().toStdString());
    } catch (const std::exception &e) {
        m_error->setText(tr("Cannot create the project: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_created = path;
    QDialog::accept();
}

} // namespace vnland::app
