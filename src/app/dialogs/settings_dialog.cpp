// Settings dialog.
#include "dialogs/settings_dialog.h"

#include "translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace vnland::app {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QStringLiteral("auto"));
    m_language->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const int idx = m_language->findData(QSettings().value(QStringLiteral("language"), QStringLiteral("auto")).toString());
    m_language->setCurrentIndex(std::max(idx, 0));
    form->addRow(tr("Language:"), m_language);
    layout->addLayout(form);
    auto *note = new QLabel(tr("A new language takes effect when VNLand is started again."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    QSettings().setValue(QStringLiteral("language"), m_language->currentData().toString());
    QDialog::accept();
}

} // namespace vnland::app
