// Undoable commands of the validation panel: an automatic fix (core applyFix /
// revertFix) and an issue's status (an accepted exception). Both live in the
// crash journal like the edit commands (undo_commands.h), and both refuse to
// stay on the undo stack when their database write fails: the command is then
// made obsolete (QUndoStack drops it) and the reason goes to Document::message.
#pragma once

#include "topology/topology_fix.h"

#include <QJsonObject>
#include <QString>
#include <QUndoCommand>

#include <cstdint>
#include <memory>
#include <vector>

namespace vnland::app {

class CommandTarget;

/// Applies a fix plan and puts the "before" geometries back on undo; the
/// issues the fix settled go back to pending.
class ApplyFixCommand : public QUndoCommand {
public:
    ApplyFixCommand(CommandTarget *doc, topology::FixPlan plan, int64_t issueId, const QString &text,
                    QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    const topology::FixPlan &plan() const { return m_plan; }
    QJsonObject toJson() const;
    static ApplyFixCommand *fromJson(CommandTarget *doc, const QJsonObject &o, QUndoCommand *parent);

private:
    CommandTarget *m_doc;
    topology::FixPlan m_plan;
    int64_t m_issueId;
    std::vector<int64_t> m_settled;
};

/// An officer's decision on an issue (ngoại lệ): status and note.
class IssueStatusCommand : public QUndoCommand {
public:
    IssueStatusCommand(CommandTarget *doc, int64_t issueId, QString oldStatus, QString newStatus, QString note,
                       const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    QJsonObject toJson() const;
    static IssueStatusCommand *fromJson(CommandTarget *doc, const QJsonObject &o, QUndoCommand *parent);

private:
    bool set(const QString &status, const QString &note);
    CommandTarget *m_doc;
    int64_t m_id;
    QString m_old, m_new, m_note;
};

} // namespace vnland::app
