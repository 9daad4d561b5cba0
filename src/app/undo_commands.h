// Undoable edits. Commands store parcel ids and old/new values, never rows or
// pointers, so they stay valid whatever the views do.
#pragma once

#include "document.h"

#include <QUndoCommand>

namespace vnland::app {

/// Generic attribute edit: one field of one parcel.
class ChangeValue : public QUndoCommand {
public:
    ChangeValue(Document *doc, int64_t parcelId, ParcelField field, QVariant oldValue, QVariant newValue);
    void redo() override;
    void undo() override;

private:
    Document *m_doc;
    int64_t m_parcelId;
    ParcelField m_field;
    QVariant m_old;
    QVariant m_new;
};

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
