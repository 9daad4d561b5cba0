// Undoable edits. Commands store parcel ids and old/new values, never rows or
// pointers, so they stay valid whatever the views do.
#pragma once

#include "document/command_target.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUndoCommand>

#include <map>
#include <memory>

namespace vnland::app {

/// Generic attribute edit: one field of one parcel.
class ChangeValue : public QUndoCommand {
public:
    ChangeValue(CommandTarget *doc, int64_t parcelId, ParcelField field, QVariant oldValue, QVariant newValue,
                QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int64_t parcelId() const { return m_parcelId; }
    ParcelField field() const { return m_field; }
    const QVariant &oldValue() const { return m_old; }
    const QVariant &newValue() const { return m_new; }

private:
    CommandTarget *m_doc;
    int64_t m_parcelId;
    ParcelField m_field;
    QVariant m_old;
    QVariant m_new;
};

/// A geometry edit (add, reshape, split, merge, delete, renumber, vertex edits):
/// the parcel rows before and after. redo writes the after records, undo the
/// before records, so retired and deleted parcels come back exactly.
class GeometryEdit : public QUndoCommand {
public:
    /// @p applied: the after state is already written (the first redo is skipped).
    GeometryEdit(CommandTarget *doc, const QString &text, ChangeSet changes, bool applied, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    const ChangeSet &changes() const { return m_changes; }
    /// The journal form of the changes, made once (the command never changes).
    const QJsonArray &journalChanges() const;

private:
    void write(bool after);
    mutable QJsonArray m_json;
    CommandTarget *m_doc;
    ChangeSet m_changes;
    bool m_skipRedo;
};

/// Journal serialisation of the undo stack (GeometryEdit, ChangeValue, macros).
QJsonObject commandToJson(const QUndoCommand *cmd);
std::unique_ptr<QUndoCommand> commandFromJson(CommandTarget *doc, const QJsonObject &o);
/// Adds to @p expected the database state @p cmd implies for its parcels
/// (after when @p applied, else before); called from the last command back.
void collectExpected(const QUndoCommand *cmd, bool applied, std::map<int64_t, ParcelRecord> &expected);

/// RAII macro guard: commands pushed while it lives undo as one step.
class UndoMacro {
public:
    UndoMacro(QUndoStack *stack, const QString &text);
    ~UndoMacro();
    UndoMacro(const UndoMacro &) = delete;
    UndoMacro &operator=(const UndoMacro &) = delete;

private:
    QUndoStack *m_stack;
};

} // namespace vnland::app
