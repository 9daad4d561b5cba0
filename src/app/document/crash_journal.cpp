#include "document/crash_journal.h"

#include "document/document.h"
#include "document/undo_commands.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <map>

namespace vnland::app {

CrashJournal::CrashJournal(Document *doc) : QObject(doc), m_doc(doc), m_path(pathFor(doc->path())), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("crashJournal"));
    // Rewritten shortly after a change (a burst of edits or clicks costs one
    // write); a crash loses at most that delay.
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelayMs);
    connect(m_timer, &QTimer::timeout, this, &CrashJournal::write);
    connect(doc->undoStack(), &QUndoStack::indexChanged, m_timer, qOverload<>(&QTimer::start));
    connect(doc, &Document::sketchChanged, m_timer, qOverload<>(&QTimer::start));
    connect(this, &CrashJournal::message, doc, &Document::message);
    // Not a normal close (that discards the journal first): keep it current.
    connect(doc, &Document::aboutToBeDestroyed, this, [this] {
        if (m_timer->isActive())
            write();
        m_doc = nullptr;
    });
}

CrashJournal *CrashJournal::of(const Document *doc)
{
    return doc ? doc->findChild<CrashJournal *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QString CrashJournal::path() const { return m_path; }

bool CrashJournal::exists() const { return QFileInfo::exists(m_path); }

void CrashJournal::discard()
{
    m_timer->stop();
    QFile::remove(m_path);
}

void CrashJournal::write()
{
    m_timer->stop();
    if (!m_doc || m_doc->isRestoring() || !m_doc->hasProject())
        return;
    QUndoStack *undo = m_doc->undoStack();
    if (undo->count() == 0 && m_doc->sketch().empty()) {
        discard();
        return;
    }
    QJsonArray cmds;
    for (int i = 0; i < undo->count(); ++i)
        cmds.append(commandToJson(undo->command(i)));
    QJsonArray sketch;
    for (const QPointF &p : m_doc->sketch())
        sketch.append(QJsonArray{p.x(), p.y()});
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("vnland-journal 1")},
                     {QStringLiteral("project"), m_doc->path()},
                     {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                     {QStringLiteral("index"), undo->index()},
                     {QStringLiteral("commands"), cmds},
                     {QStringLiteral("sketchTool"), m_doc->sketchTool()},
                     {QStringLiteral("sketch"), sketch}};
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!f.commit())
        emit message(tr("Could not write the journal %1").arg(m_path));
}

bool CrashJournal::restore(QString *error)
{
    if (!m_doc)
        return false;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read the journal").arg(m_path);
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    if (root.value(QStringLiteral("format")).toString() != QStringLiteral("vnland-journal 1")) {
        if (error)
            *error = tr("%1 is not an editor journal").arg(m_path);
        return false;
    }
    std::vector<std::unique_ptr<QUndoCommand>> cmds;
    for (const QJsonValue &v : root.value(QStringLiteral("commands")).toArray())
        if (auto c = commandFromJson(m_doc, v.toObject()))
            cmds.push_back(std::move(c));
    const int index = std::clamp(root.value(QStringLiteral("index")).toInt(), 0, int(cmds.size()));
    // The database must be in the state the history describes: each parcel as
    // the last applied command left it (as the first undone one found it).
    std::map<int64_t, ParcelRecord> expected;
    for (int i = int(cmds.size()) - 1; i >= 0; --i)
        collectExpected(cmds[size_t(i)].get(), i < index, expected);
    bool consistent = true;
    for (const auto &[id, rec] : expected)
        if (!sameRecord(m_doc->record(id), rec)) {
            consistent = false;
            break;
        }
    if (!consistent) {
        cmds.clear();
        emit message(tr("The undo history in the journal no longer matches the project; only the drawing is restored"));
    }
    QUndoStack *undo = m_doc->undoStack();
    m_doc->setRestoring(true);
    undo->clear();
    for (auto &c : cmds)
        undo->push(c.release());   // redo() does nothing while restoring
    if (consistent && index < undo->count())
        undo->setIndex(index);   // undone commands: the database already has their before state
    m_doc->setRestoring(false);
    std::vector<QPointF> sketch;
    for (const QJsonValue &p : root.value(QStringLiteral("sketch")).toArray())
        sketch.emplace_back(p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble());
    m_doc->setSketch(root.value(QStringLiteral("sketchTool")).toString(), sketch);
    write();
    return consistent;
}

} // namespace vnland::app
