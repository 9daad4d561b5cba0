// New-project dialog: file, name, province (→ VN-2000 TM-3 CRS from the core
// catalogue), commune and default scale; creates the land database.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace vnland::app {

class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *provinceCombo() const { return m_province; }
    QLineEdit *communeCodeEdit() const { return m_communeCode; }
    QLineEdit *communeNameEdit() const { return m_communeName; }
    QComboBox *scaleCombo() const { return m_scale; }
    QLabel *crsLabel() const { return m_crs; }
    /// The created project file (after accept()).
    QString createdPath() const { return m_created; }

    void accept() override;

private:
    void provinceChanged();

    QLineEdit *m_path;
    QLineEdit *m_name;
    QComboBox *m_province;
    QLabel *m_crs;
    QLineEdit *m_communeCode;
    QLineEdit *m_communeName;
    QComboBox *m_scale;
    QLabel *m_error;
    QString m_created;
};

} // namespace vnland::app
