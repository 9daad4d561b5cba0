// Undo commands for the editor.
#include "document/undo_commands.h"

#include "document/fix_commands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUndoStack>

namespace vnland::app {

ChangeValue::ChangeValue(CommandTarget *doc, int64_t parcelId, ParcelField field, QVariant oldValue, QVariant newValue,
                         QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_parcelId(parcelId)
    , m_field(field)
    , m_old(std::move(oldValue))
    , m_new(std::move(newValue))
{
    setText(QCoreApplication::translate("vnland::app::ChangeValue", "Change %1").arg(doc->fieldLabel(field)));
}

void ChangeValue::redo()
{
    if (m_doc->isRestoring())
        return;
    QString error;
    if (!m_doc->applyValue(m_parcelId, m_field, m_new, &error)) {
        setObsolete(true);   // not kept on the stack: the value was not written
        m_doc->reportWriteFailure(QCoreApplication::translate("vnland::app::ChangeValue", "%1 was not saved: %2").arg(text(), error));
    }
}

void ChangeValue::undo()
{
    if (m_doc->isRestoring())
        return;
    QString error;
    if (!m_doc->applyValue(m_parcelId, m_field, m_old, &error)) {
        setObsolete(true);   // the database keeps the new value; the history drops the step
        m_doc->reportWriteFailure(
            QCoreApplication::translate("vnland::app::ChangeValue", "%1 could not be undone: %2").arg(text(), error));
    }
}

GeometryEdit::GeometryEdit(CommandTarget *doc, const QString &text, ChangeSet changes, bool applied, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc), m_changes(std::move(changes)), m_skipRedo(applied)
{
    setText(text);
}

void GeometryEdit::write(bool after)
{
    std::vector<std::pair<int64_t, const ParcelRecord *>> list;
    for (const auto &c : m_changes)
        list.emplace_back(c.id, after ? &c.after : &c.before);
    QString error;
    if (!m_doc->writeRecords(list, after ? QStringLiteral("redo_edit") : QStringLiteral("undo_edit"), &error)) {
        setObsolete(true);   // one transaction: nothing was written, and the history drops the step
        m_doc->reportWriteFailure(after ? QCoreApplication::translate("vnland::app::GeometryEdit", "%1 could not be redone: %2")
                                              .arg(text(), error)
                                        : QCoreApplication::translate("vnland::app::GeometryEdit", "%1 could not be undone: %2")
                                              .arg(text(), error));
    }
}

const QJsonArray &GeometryEdit::journalChanges() const
{
    if (m_json.isEmpty())
        for (const auto &c : m_changes)
            m_json.append(QJsonObject{{QStringLiteral("id"), qint64(c.id)},
                                      {QStringLiteral("before"), recordToJson(c.before)},
                                      {QStringLiteral("after"), recordToJson(c.after)}});
    return m_json;
}

void GeometryEdit::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    if (!m_doc->isRestoring())
        write(true);
}

void GeometryEdit::undo()
{
    if (!m_doc->isRestoring())
        write(false);
}

QJsonObject commandToJson(const QUndoCommand *cmd)
{
    if (const auto *f = dynamic_cast<const ApplyFixCommand *>(cmd))
        return f->toJson();
    if (const auto *st = dynamic_cast<const IssueStatusCommand *>(cmd))
        return st->toJson();
    QJsonObject o{{QStringLiteral("text"), cmd->text()}};
    if (const auto *g = dynamic_cast<const GeometryEdit *>(cmd)) {
        o[QStringLiteral("type")] = QStringLiteral("geometry");
        o[QStringLiteral("changes")] = g->journalChanges();
    } else if (const auto *v = dynamic_cast<const ChangeValue *>(cmd)) {
        o[QStringLiteral("type")] = QStringLiteral("value");
        o[QStringLiteral("id")] = qint64(v->parcelId());
        o[QStringLiteral("field")] = int(v->field());
        o[QStringLiteral("old")] = QJsonValue::fromVariant(v->oldValue());
        o[QStringLiteral("new")] = QJsonValue::fromVariant(v->newValue());
    } else {
        o[QStringLiteral("type")] = QStringLiteral("macro");
    }
    QJsonArray children;
    for (int i = 0; i < cmd->childCount(); ++i)
        children.append(commandToJson(cmd->child(i)));
    if (!children.isEmpty())
        o[QStringLiteral("children")] = children;
    return o;
}

namespace {
QUndoCommand *buildCommand(CommandTarget *doc, const QJsonObject &o, QUndoCommand *parent)
{
    const QString type = o.value(QStringLiteral("type")).toString();
    const QString text = o.value(QStringLiteral("text")).toString();
    QUndoCommand *cmd = nullptr;
    if (type == QStringLiteral("geometry")) {
        ChangeSet changes;
        for (const QJsonValue &c : o.value(QStringLiteral("changes")).toArray())
            changes.push_back({c[QStringLiteral("id")].toInteger(), recordFromJson(c[QStringLiteral("before")].toObject()),
                               recordFromJson(c[QStringLiteral("after")].toObject())});
        cmd = new GeometryEdit(doc, text, std::move(changes), false, parent);
    } else if (type == QStringLiteral("value")) {
        cmd = new ChangeValue(doc, o.value(QStringLiteral("id")).toInteger(), ParcelField(o.value(QStringLiteral("field")).toInt()),
                              o.value(QStringLiteral("old")).toVariant(), o.value(QStringLiteral("new")).toVariant(), parent);
    } else if (type == QStringLiteral("fix")) {
        cmd = ApplyFixCommand::fromJson(doc, o, parent);
        if (!cmd)
            return nullptr;
    } else if (type == QStringLiteral("status")) {
        cmd = IssueStatusCommand::fromJson(doc, o, parent);
    } else {
        cmd = new QUndoCommand(text, parent);   // a macro: undo/redo run its children
    }
    for (const QJsonValue &c : o.value(QStringLiteral("children")).toArray())
        buildCommand(doc, c.toObject(), cmd);
    return cmd;
}
} // namespace

std::unique_ptr<QUndoCommand> commandFromJson(CommandTarget *doc, const QJsonObject &o)
{
    return std::unique_ptr<QUndoCommand>(buildCommand(doc, o, nullptr));
}

void collectExpected(const QUndoCommand *cmd, bool applied, std::map<int64_t, ParcelRecord> &expected)
{
    // Called from the last command back: for applied commands the first seen
    // (latest) after state is what the database holds; for undone ones the
    // earliest before state, so later calls override.
    if (const auto *g = dynamic_cast<const GeometryEdit *>(cmd)) {
        for (const auto &c : g->changes()) {
            if (applied) {
                expected.try_emplace(c.id, c.after);   // the last applied command wins
            } else {
                expected.insert_or_assign(c.id, c.before);
            }
        }
    }
    for (int i = cmd->childCount() - 1; i >= 0; --i)
        collectExpected(cmd->child(i), applied, expected);
}

UndoMacro::UndoMacro(QUndoStack *stack, const QString &text) : m_stack(stack) { m_stack->beginMacro(text); }
UndoMacro::~UndoMacro() { m_stack->endMacro(); }

} // namespace vnland::app
