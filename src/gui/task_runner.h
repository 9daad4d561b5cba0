// One runner for the editor's long jobs (QGIS's QgsTaskManager idea): each
// task runs on a worker thread of the runner's own pool, opens its own
// database connection by path (never the GUI's connection), reports progress
// through the core's progress callbacks, can be cancelled through the core's
// cancel flag (const std::atomic<bool> *), and hands its result to a callback
// that runs on the GUI thread. No nested event loop: start() returns at once.
// Two tasks that write the same project are never run together: the second
// one is refused with a sentence naming the task that holds the project.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace vnland::store {
class Project;
}

namespace vnland::gui {

/// What a running task sees on its worker thread.
class TaskContext {
public:
    explicit TaskContext(std::string projectPath, bool writes);
    ~TaskContext();
    TaskContext(const TaskContext &) = delete;
    TaskContext &operator=(const TaskContext &) = delete;

    /// The task's own connection to its project, opened by path on first use
    /// (read-only unless the task writes). Throws when the project cannot be opened.
    store::Project &project();
    const std::string &projectPath() const { return m_path; }
    /// Closes the connection (the runner does it on the worker when the work returns).
    void closeProject();

    /// The flag to hand to the core (ImportOptions::cancel, EngineOptions::cancel …).
    const std::atomic<bool> &cancelFlag() const { return m_cancel; }
    bool isCancelled() const { return m_cancel.load(); }
    void requestCancel() { m_cancel = true; }

    /// Progress as (done, total) or as a fraction 0…1 (thread-safe, polled by the GUI).
    void setProgress(int64_t done, int64_t total);
    void setFraction(double f);
    /// −1 while unknown, else 0…1000.
    int permille() const { return m_permille.load(); }
    /// A callback for the core's (done, total) progress.
    std::function<void(int64_t, int64_t)> countProgress();

private:
    std::string m_path;
    bool m_writes = false;
    std::unique_ptr<store::Project> m_project;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_permille{-1};
};

/// How a task ended, seen by its result callback on the GUI thread.
struct TaskOutcome {
    bool cancelled = false;   ///< cancel was requested (the result is then not used)
    QString error;            ///< an exception thrown by the work (the project could not be opened …)
    bool ok() const { return !cancelled && error.isEmpty(); }
};

class TaskRunner;

/// One job. Lives until its result callback has run (then deleted later).
class Task : public QObject {
    Q_OBJECT
public:
    QString description() const { return m_description; }
    QString projectPath() const { return m_projectPath; }
    bool writes() const { return m_writes; }
    bool isRunning() const { return m_running; }
    /// Asks the work to stop (through the core's cancel flag); the result callback still runs, cancelled.
    void cancel();
    bool isCancelled() const;
    int permille() const;

signals:
    void progressChanged(int permille);   ///< −1 = unknown
    void finished(bool ok);

private:
    friend class TaskRunner;
    explicit Task(QObject *parent) : QObject(parent) {}
    QString m_description;
    QString m_projectPath;   // canonical; empty = the task touches no project
    bool m_writes = false;
    bool m_running = true;
    int m_lastPermille = -2;
    std::shared_ptr<TaskContext> m_ctx;
};

struct TaskSpec {
    QString description;   ///< "Importing coto.shp", shown in the status bar and in refusals
    QString projectPath;   ///< the project the task opens by path; empty = none
    bool writes = false;   ///< writes the project: refused while another writer of it runs
};

class TaskRunner : public QObject {
    Q_OBJECT
public:
    explicit TaskRunner(QObject *parent = nullptr);
    ~TaskRunner() override;

    /// Starts @p work on a worker thread; @p done(result, outcome) runs on the
    /// GUI thread afterwards (not when the runner is destroyed first). Returns
    /// null and sets @p refused when a writer of the same project is running.
    template <class R>
    Task *start(const TaskSpec &spec, std::function<R(TaskContext &)> work,
                std::function<void(R &, const TaskOutcome &)> done, QString *refused = nullptr)
    {
        auto result = std::make_shared<std::optional<R>>();
        return startErased(
            spec, [work = std::move(work), result](TaskContext &c) { result->emplace(work(c)); },
            [done = std::move(done), result](const TaskOutcome &o) {
                if (!result->has_value())
                    result->emplace();
                done(**result, o);
            },
            refused);
    }

    /// The running writer of @p projectPath, if any.
    Task *writerOf(const QString &projectPath) const;
    bool isBusy() const { return m_active > 0; }
    int activeCount() const { return m_active; }
    /// Asks every running task to stop (they finish cancelled).
    void cancelAll();
    /// Blocks (no event loop) until the workers have returned; their result
    /// callbacks are then dropped. For shutdown only.
    void shutdown();

    static QString canonicalPath(const QString &path);

signals:
    void taskStarted(vnland::gui::Task *task);
    void taskFinished(vnland::gui::Task *task, bool ok);

private:
    Task *startErased(const TaskSpec &spec, std::function<void(TaskContext &)> work,
                      std::function<void(const TaskOutcome &)> done, QString *refused);
    void poll();

    QThreadPool m_pool;
    int m_active = 0;
    bool m_shuttingDown = false;
};

} // namespace vnland::gui
