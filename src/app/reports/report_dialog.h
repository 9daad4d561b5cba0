// Report preview dialog (Báo cáo): builds one of the statutory reports of the
// core (sổ mục kê, bảng tổng hợp, thống kê, trích lục, báo cáo kiểm tra) on a
// worker thread, shows its tables, and writes it as PDF, XLSX, CSV or HTML
// through the core writers, also off the GUI thread.
#pragma once

#include "plugin/plugin_interfaces.h"
#include "report/report_data.h"

#include <QDialog>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace vnland::gui {
class TaskRunner;
}

namespace vnland::app {

enum class ReportKind { Register, Summary, Statistics, Extract, Validation };


class ReportDialog : public QDialog {
    Q_OBJECT
public:
    /// Opens its own read-only connection to @p projectPath on the worker, so
    /// the editor's connection stays on the GUI thread. @p parcels limits the
    /// report to those parcels (the extract of the selection). Building and
    /// saving are tasks of @p tasks (the editor's runner; null = a runner of
    /// the dialog's own); closing the dialog drops a result still on its way.
    ReportDialog(const QString &projectPath, ReportKind kind, std::vector<report::ParcelRef> parcels = {},
                 QWidget *parent = nullptr, gui::TaskRunner *tasks = nullptr);
    ~ReportDialog() override;

    static QString kindTitle(ReportKind kind);

    bool isBusy() const { return m_building || m_saving; }
    /// The tables on show (empty while building, or when the report has nothing).
    const QList<plugin::ReportTable> &tables() const { return m_tables; }
    QTabWidget *preview() const { return m_tabs; }
    /// Preview table of report table @p i.
    QTableWidget *previewTable(int i) const;
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *schemeCombo() const { return m_scheme; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }
    /// Broken statistics identities, one per line (hidden when none).
    QPlainTextEdit *problemsView() const { return m_problems; }

signals:
    void previewReady();
    /// After a save attempt: @p ok, and the file written or the reason.
    void saved(bool ok, const QString &pathOrError);

private:
    void rebuild();
    void showResult();
    void browse();
    void save();
    void updateExtension();
    void updateButtons();

    struct Built;
    gui::TaskRunner *m_tasks;
    QString m_projectPath;
    ReportKind m_kind;
    std::vector<report::ParcelRef> m_parcels;
    QList<plugin::ReportTable> m_tables;
    std::shared_ptr<Built> m_built;          ///< last result from the worker (extracts, problems)
    bool m_building = false;
    bool m_saving = false;
    bool m_rebuildAgain = false;

    QTabWidget *m_tabs;
    QList<QTableWidget *> m_tableWidgets;
    QPlainTextEdit *m_problems;
    QComboBox *m_scheme;
    QComboBox *m_format;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_save;
    QLabel *m_status;
};

} // namespace vnland::app
