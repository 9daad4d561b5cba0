// Parcel form (dock): edits tờ, thửa, land-use code, owner, address and legal
// area of the one selected parcel. Apply pushes one undoable macro.
#pragma once

#include "document/document.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vnland::app {

class ParcelForm : public QWidget {
    Q_OBJECT
public:
    explicit ParcelForm(QWidget *parent = nullptr);
    void setDocument(Document *doc);

    QLineEdit *toSoEdit() const { return m_toSo; }
    QLineEdit *thuaSoEdit() const { return m_thuaSo; }
    QComboBox *landuseCombo() const { return m_landuse; }
    QLineEdit *ownerEdit() const { return m_owner; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *legalAreaEdit() const { return m_legalArea; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *errorLabel() const { return m_error; }
    /// The row shown, or -1.
    int row() const { return m_row; }

public slots:
    /// Validates and applies the form; false with the reason shown when invalid.
    bool apply();
    void revert();

private:
    void showRow(int row);
    void validateForm();
    QVariant formValue(ParcelField field) const;

    Document *m_doc = nullptr;
    int m_row = -1;
    bool m_loading = false;
    QLabel *m_title;
    QLineEdit *m_toSo;
    QLineEdit *m_thuaSo;
    QComboBox *m_landuse;
    QLineEdit *m_owner;
    QLineEdit *m_address;
    QLineEdit *m_legalArea;
    QLabel *m_measured;
    QLabel *m_error;
    QPushButton *m_apply;
    QPushButton *m_revert;
};

} // namespace vnland::app
