// Settings dialog: interface language (stored in QSettings "language").
#pragma once

#include <QDialog>

class QComboBox;

namespace vnland::app {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    QComboBox *languageCombo() const { return m_language; }
    void accept() override;

private:
    QComboBox *m_language;
};

} // namespace vnland::app
