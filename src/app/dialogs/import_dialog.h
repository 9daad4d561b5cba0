// Import dialog over io::importVector: the source file, its detected field
// mapping with decoded sample values, the text encoding with a preview of the
// decoded text, and the source CRS. The import itself runs in the background
// (MainWindow::importFile) with progress and cancel.
#pragma once

#include "io/vector_importer.h"

#include <QDialog>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace vnland::app {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(QWidget *parent = nullptr);

    /// Reads the file's first layer: fields, CRS, sample text; fills the previews.
    bool inspect(const QString &path);
    io::ImportOptions options() const;
    QString sourcePath() const;

    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *encodingCombo() const { return m_encoding; }
    QPlainTextEdit *encodingPreview() const { return m_preview; }
    QTableWidget *mappingTable() const { return m_mapping; }
    QLabel *infoLabel() const { return m_info; }
    QLineEdit *sourceCrsEdit() const { return m_sourceCrs; }

private:
    void updatePreview();

    QLineEdit *m_path;
    QLabel *m_info;
    QComboBox *m_encoding;
    QComboBox *m_existing;
    QPlainTextEdit *m_preview;
    QTableWidget *m_mapping;
    QLineEdit *m_sourceCrs;
    QLineEdit *m_mappingFile;
    std::vector<std::string> m_fieldNames;
    std::vector<std::vector<std::string>> m_rows;   // raw bytes of string fields, first features
    std::string m_detected;                          // detected encoding name
};

} // namespace vnland::app
