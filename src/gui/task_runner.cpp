#include "gui/task_runner.h"

#include "store/project.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace vnland::gui {

TaskContext::TaskContext(std::string projectPath, bool writes) : m_path(std::move(projectPath)), m_writes(writes) {}

TaskContext::~TaskContext() = default;

store::Project &TaskContext::project()
{
    if (!m_project) {
        if (m_path.empty())
            throw std::runtime_error("this task has no project");
        m_project = store::Project::open(m_path, !m_writes);
        if (!m_project)
            throw std::runtime_error("cannot open " + m_path);
    }
    return *m_project;
}

void TaskContext::closeProject()
{
    m_project.reset();
}

void TaskContext::setProgress(int64_t done, int64_t total)
{
    if (total > 0)
        m_permille = int(std::clamp<int64_t>(1000 * done / total, 0, 1000));
}

void TaskContext::setFraction(double f)
{
    m_permille = int(std::clamp(f, 0.0, 1.0) * 1000);
}

std::function<void(int64_t, int64_t)> TaskContext::countProgress()
{
    return [this](int64_t done, int64_t total) { setProgress(done, total); };
}

void Task::cancel()
{
    if (m_ctx)
        m_ctx->requestCancel();
}

bool Task::isCancelled() const
{
    return m_ctx && m_ctx->isCancelled();
}

int Task::permille() const
{
    return m_ctx ? m_ctx->permille() : -1;
}

TaskRunner::TaskRunner(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &TaskRunner::poll);
    timer->start(100);
}

TaskRunner::~TaskRunner()
{
    shutdown();
}

QString TaskRunner::canonicalPath(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo fi(path);
    const QString c = fi.canonicalFilePath();
    return c.isEmpty() ? fi.absoluteFilePath() : c;
}

Task *TaskRunner::writerOf(const QString &projectPath) const
{
    const QString key = canonicalPath(projectPath);
    if (key.isEmpty())
        return nullptr;
    for (Task *t : findChildren<Task *>(QString(), Qt::FindDirectChildrenOnly))
        if (t->m_running && t->m_writes && t->m_projectPath == key)
            return t;
    return nullptr;
}

Task *TaskRunner::startErased(const TaskSpec &spec, std::function<void(TaskContext &)> work,
                              std::function<void(const TaskOutcome &)> done, QString *refused)
{
    if (m_shuttingDown) {
        if (refused)
            *refused = tr("The editor is closing.");
        return nullptr;
    }
    if (spec.writes) {
        if (Task *other = writerOf(spec.projectPath)) {
            if (refused)
                *refused = tr("“%1” is still writing to this project. Wait until it has finished or cancel it, "
                              "then try again.")
                               .arg(other->description());
            return nullptr;
        }
    }
    auto *task = new Task(this);
    task->m_description = spec.description;
    task->m_projectPath = canonicalPath(spec.projectPath);
    task->m_writes = spec.writes;
    task->m_ctx = std::make_shared<TaskContext>(spec.projectPath.toStdString(), spec.writes);
    ++m_active;

    auto error = std::make_shared<QString>();
    auto *watcher = new QFutureWatcher<void>(task);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, task, error, done = std::move(done)] {
        task->m_running = false;
        --m_active;
        TaskOutcome outcome;
        outcome.cancelled = task->m_ctx->isCancelled();
        outcome.error = *error;
        // Progress displays close first, then the result arrives (it may open dialogs or windows).
        emit task->finished(outcome.ok());
        emit taskFinished(task, outcome.ok());
        if (!m_shuttingDown)
            done(outcome);
        task->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [ctx = task->m_ctx, work = std::move(work), error] {
        try {
            work(*ctx);
        } catch (const std::exception &e) {
            *error = QString::fromUtf8(e.what());
        } catch (...) {
            *error = QStringLiteral("unknown error");
        }
        ctx->closeProject();   // the connection is closed on the thread that used it
    }));
    emit taskStarted(task);
    return task;
}

void TaskRunner::poll()
{
    for (Task *t : findChildren<Task *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!t->m_running)
            continue;
        const int p = t->permille();
        if (p != t->m_lastPermille) {
            t->m_lastPermille = p;
            emit t->progressChanged(p);
        }
    }
}

void TaskRunner::cancelAll()
{
    for (Task *t : findChildren<Task *>(QString(), Qt::FindDirectChildrenOnly))
        if (t->m_running)
            t->cancel();
}

void TaskRunner::shutdown()
{
    m_shuttingDown = true;
    cancelAll();
    m_pool.waitForDone();
}

} // namespace vnland::gui
