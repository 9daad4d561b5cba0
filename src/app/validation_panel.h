// The validation panel (kiểm tra topology): choose the rules, run them in the
// background with progress and cancel, see the issues (lỗi) grouped by rule,
// click one to zoom to it and select its parcels, apply the automatic fix
// (sửa lỗi) of one issue or of a whole rule as an undoable command, mark an
// issue as an exception (ngoại lệ), re-validate only the parcels changed since
// the last run, and export the issues as GeoJSON, CSV or JSON. The engine,
// the fixes and the writers are core/topology; the panel only drives them.
// Issues shown are the project's validation_issue rows (pending and
// exception), so they survive closing the project.
#pragma once

#include "topology/topology_fix.h"
#include "topology/topology_engine.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vnland::app {

class Document;
class MainWindow;

class ValidationPanel : public QWidget {
    Q_OBJECT
public:
    /// One row of validation_issue.
    struct IssueRow {
        int64_t id = 0;
        topology::Rule rule = topology::Rule::InvalidGeometry;
        topology::Severity severity = topology::Severity::Error;
        std::vector<int64_t> parcelIds;
        std::vector<std::string> parcelUuids;
        double measure = 0;
        QString unit, message, status, detail;
        std::vector<unsigned char> wkb;
    };

    explicit ValidationPanel(MainWindow *main, QWidget *parent = nullptr);
    ~ValidationPanel() override;

    void setDocument(Document *doc);

    /// Rules ticked in the list (all when "all rules" is ticked).
    std::vector<topology::Rule> chosenRules() const;
    void setChosenRules(const std::vector<topology::Rule> &rules);   ///< empty = all

    /// Starts a run in the background; false when one runs or no project is open.
    /// Incremental: only the parcels changed since the last run (and their neighbours).
    bool startValidation(bool incremental = false);
    bool isRunning() const { return bool(m_watcher); }
    void cancel();
    /// Starts a run and waits for it (event loop running). For tests and scripts.
    bool validateAndWait(bool incremental = false, int timeoutMs = 120000);

    const std::vector<IssueRow> &issues() const { return m_issues; }
    /// Pending issues of @p rule shown in the tree.
    int pendingCount(topology::Rule rule) const;
    const IssueRow *issue(int64_t id) const;
    /// Parcel ids edited since the last run started.
    const QSet<int64_t> &changedIds() const { return m_changed; }
    const topology::ValidationReport &lastReport() const { return m_lastReport; }

    /// Zooms the map to the issue, highlights its location and selects its parcels.
    void showIssue(int64_t issueId);
    /// Pushes an undoable fix of one issue (the rule's fix restricted to its parcels).
    bool fixIssue(int64_t issueId, QString *error = nullptr);
    /// Pushes an undoable fix of every issue of @p rule.
    bool fixRule(topology::Rule rule, QString *error = nullptr);
    /// Marks an issue as an exception (undoable; stored in the project).
    bool markException(int64_t issueId, const QString &note = {});
    /// Writes the shown pending issues; format from the suffix (.geojson, .csv, .json).
    bool exportIssues(const QString &path, QString *error = nullptr);

    /// Re-reads the issues from the project and rebuilds the tree.
    void reloadIssues();

    QTreeWidget *tree() const { return m_tree; }
    QListWidget *ruleList() const { return m_rules; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void validationFinished();

private:
    void runFinished();
    void itemActivated(QTreeWidgetItem *item);
    void updateButtons();
    int64_t currentIssueId() const;
    std::optional<topology::Rule> currentRule() const;
    std::optional<topology::FixPlan> planInBackground(topology::Rule rule, QString *error);
    bool pushFix(topology::FixPlan plan, const QString &text, int64_t issueId, QString *error);
    void exportDialog();

    MainWindow *m_main;
    QPointer<Document> m_doc;
    QListWidget *m_rules = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_run = nullptr, *m_rerun = nullptr, *m_cancel = nullptr;
    QPushButton *m_fix = nullptr, *m_fixRule = nullptr, *m_exception = nullptr, *m_export = nullptr;

    struct RunState {
        std::atomic<bool> cancel{false};
        std::atomic<int> permille{0};
    };
    std::shared_ptr<RunState> m_runState;
    QPointer<QFutureWatcher<topology::ValidationReport>> m_watcher;
    QSet<int64_t> m_running;     // changed ids handed to the running job
    QSet<int64_t> m_changed;     // parcel ids edited since the last run
    topology::ValidationReport m_lastReport;
    std::vector<IssueRow> m_issues;
    int m_undoIndex = 0;        // undo stack index last seen
};

} // namespace vnland::app
