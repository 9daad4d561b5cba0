// Undo commands for the editor.
#include "undo_commands.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace vnland::app {

ChangeValue::ChangeValue(Document *doc, int64_t parcelId, ParcelField field, QVariant oldValue, QVariant newValue)
    : m_doc(doc)
    , m_parcelId(parcelId)
    , m_field(field)
    , m_old(std::move(oldValue))
    , m_new(std::move(newValue))
{
    setText(QCoreApplication::translate("vnland::app::ChangeValue", "Change %1").arg(Document::fieldName(field)));
}

void ChangeValue::redo()
{
    QString error;
    if (!m_doc->applyValue(m_parcelId, m_field, m_new, &error))
        emit m_doc->message(error);
}

void ChangeValue::undo()
{
    QString error;
    if (!m_doc->applyValue(m_parcelId, m_field, m_old, &error))
        emit m_doc->message(error);
}

UndoMacro::UndoMacro(QUndoStack *stack, const QString &text) : m_stack(stack) { m_stack->beginMacro(text); }
UndoMacro::~UndoMacro() { m_stack->endMacro(); }

} // namespace vnland::app
