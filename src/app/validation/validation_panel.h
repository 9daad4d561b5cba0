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
#include "gui/task_runner.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <atomic>
#include <memory>
#include <set>
#include <vector>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vnland::app {

class Document;
class EditorContext;

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

    explicit ValidationPanel(EditorContext *main, QWidget *parent = nullptr);
    ~ValidationPanel() override;

    void setDocument(Document *doc);

    /// Rules ticked in the list (all when "all rules" is ticked).
    std::vector<topology::Rule> chosenRules() const;
    void setChosenRules(const std::vector<topology::Rule> &rules);   ///< empty = all

    /// Starts a run in the background; false when one runs or no project is open.
    /// Incremental: only the parcels changed since the last run (and their neighbours).
    bool startValidation(bool incremental = false);
    bool isRunning() const { return bool(m_task); }
    /// A fix being planned (fixIssue/fixRule started, fixFinished not yet sent).
    bool isPlanning() const { return bool(m_planTask); }
    void cancel();

    const std::vector<IssueRow> &issues() const { return m_issues; }
    /// Pending issues of @p rule shown in the tree.
    int pendingCount(topology::Rule rule) const;
    const IssueRow *issue(int64_t id) const;
    /// Parcel ids edited since the last run started.
    const QSet<int64_t> &changedIds() const { return m_changed; }
    const topology::ValidationReport &lastReport() const { return m_lastReport; }

    /// Zooms the map to the issue, highlights its location and selects its parcels.
    void showIssue(int64_t issueId);
    /// Plans the rule's fix restricted to the issue's parcels as a task and then
    /// pushes it as one undoable command; fixFinished() follows. False (with
    /// @p error) when it cannot start: no fix for it, or a plan is running.
    bool fixIssue(int64_t issueId, QString *error = nullptr);
    /// The same for every issue of @p rule.
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
    /// A fix started by fixIssue()/fixRule() ended: pushed, or the reason (also shown in the status line).
    void fixFinished(bool ok, const QString &error);

private:
    void runFinished(topology::ValidationReport &report, const QString &failure, bool cancelled, Document *doc);
    void itemActivated(QTreeWidgetItem *item);
    void updateButtons();
    int64_t currentIssueId() const;
    std::optional<topology::Rule> currentRule() const;
    /// Starts planning @p rule's fix as a task; @p keep filters its edits (issue fixes).
    bool planAndPush(topology::Rule rule, std::set<int64_t> keep, const QString &text, int64_t issueId, QString *error);
    bool pushFix(topology::FixPlan plan, const QString &text, int64_t issueId, QString *error);
    void exportDialog();

    EditorContext *m_main;
    QPointer<Document> m_doc;
    QListWidget *m_rules = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_run = nullptr, *m_rerun = nullptr, *m_cancel = nullptr;
    QPushButton *m_fix = nullptr, *m_fixRule = nullptr, *m_exception = nullptr, *m_export = nullptr;

    QPointer<gui::Task> m_task;        // the running validation
    QPointer<gui::Task> m_planTask;    // the fix being planned
    QSet<int64_t> m_running;     // changed ids handed to the running job
    QSet<int64_t> m_changed;     // parcel ids edited since the last run
    topology::ValidationReport m_lastReport;
    std::vector<IssueRow> m_issues;
    int m_undoIndex = 0;        // undo stack index last seen
};

} // namespace vnland::app
