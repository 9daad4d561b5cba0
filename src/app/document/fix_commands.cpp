#include "document/fix_commands.h"

#include "document/command_target.h"

#include "store/database.h"
#include "store/project.h"
#include "topology/validation_store.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <exception>
#include <iterator>
#include <set>

namespace vnland::app {
namespace {

std::vector<int64_t> editedIds(const topology::FixPlan &plan)
{
    std::vector<int64_t> ids;
    for (const auto &e : plan.edits)
        ids.push_back(e.parcelId);
    return ids;
}

/// Pending issue ids of a rule (before/after a fix, to know which ones it settled).
std::set<int64_t> pendingIssueIds(store::Project &project, topology::Rule rule)
{
    std::set<int64_t> ids;
    store::Statement st(project.db(), "SELECT id FROM validation_issue WHERE status = 'pending' AND rule = ?");
    st.bind(1, topology::ruleId(rule));
    while (st.step())
        ids.insert(st.int64(0));
    return ids;
}

QString issueStatus(store::Project &project, int64_t id)
{
    store::Statement st(project.db(), "SELECT status FROM validation_issue WHERE id = ?");
    st.bind(1, id);
    return st.step() ? QString::fromStdString(st.text(0)) : QString();
}

QString toBase64(const std::vector<unsigned char> &b)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size())).toBase64());
}

std::vector<unsigned char> fromBase64(const QJsonValue &v)
{
    const QByteArray b = QByteArray::fromBase64(v.toString().toLatin1());
    return {b.begin(), b.end()};
}

} // namespace

ApplyFixCommand::ApplyFixCommand(CommandTarget *doc, topology::FixPlan plan, int64_t issueId, const QString &text,
                                 QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_plan(std::move(plan)), m_issueId(issueId)
{
}

void ApplyFixCommand::redo()
{
    if (m_doc->isRestoring())
        return;   // the journal's database already holds this state
    try {
        store::Project &project = m_doc->project();
        const auto before = pendingIssueIds(project, m_plan.rule);
        topology::applyFix(project, m_plan);   // one transaction: all or nothing
        if (m_issueId > 0 && issueStatus(project, m_issueId) == QLatin1String("pending"))
            topology::setIssueStatus(project, m_issueId, "fixed", "editor fix");
        const auto after = pendingIssueIds(project, m_plan.rule);
        m_settled.clear();
        std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(m_settled));
    } catch (const std::exception &e) {
        setObsolete(true);   // not pushed / taken off the stack: it did not happen
        m_doc->reportWriteFailure(QCoreApplication::translate("vnland::app::ApplyFixCommand", "%1 was not applied: %2").arg(text(), QString::fromUtf8(e.what())));
    }
    m_doc->reloadParcels(editedIds(m_plan));
}

void ApplyFixCommand::undo()
{
    if (m_doc->isRestoring())
        return;
    try {
        store::Project &project = m_doc->project();
        topology::revertFix(project, m_plan);
        for (int64_t id : m_settled)
            topology::setIssueStatus(project, id, "pending");
    } catch (const std::exception &e) {
        setObsolete(true);
        m_doc->reportWriteFailure(QCoreApplication::translate("vnland::app::ApplyFixCommand", "%1 could not be undone: %2").arg(text(), QString::fromUtf8(e.what())));
    }
    m_doc->reloadParcels(editedIds(m_plan));
}

QJsonObject ApplyFixCommand::toJson() const
{
    QJsonArray edits;
    for (const auto &e : m_plan.edits)
        edits.append(QJsonObject{{QStringLiteral("id"), qint64(e.parcelId)},
                                 {QStringLiteral("uuid"), QString::fromStdString(e.uuid)},
                                 {QStringLiteral("before"), toBase64(e.before)},
                                 {QStringLiteral("after"), toBase64(e.after)},
                                 {QStringLiteral("areaBefore"), e.areaBefore},
                                 {QStringLiteral("areaAfter"), e.areaAfter},
                                 {QStringLiteral("retire"), e.retire},
                                 {QStringLiteral("action"), QString::fromStdString(e.action)},
                                 {QStringLiteral("detail"), QString::fromStdString(e.detail)}});
    QJsonArray settled;
    for (int64_t id : m_settled)
        settled.append(qint64(id));
    return {{QStringLiteral("type"), QStringLiteral("fix")},
            {QStringLiteral("text"), text()},
            {QStringLiteral("rule"), QString::fromUtf8(topology::ruleId(m_plan.rule))},
            {QStringLiteral("issue"), qint64(m_issueId)},
            {QStringLiteral("edits"), edits},
            {QStringLiteral("settled"), settled}};
}

ApplyFixCommand *ApplyFixCommand::fromJson(CommandTarget *doc, const QJsonObject &o, QUndoCommand *parent)
{
    const auto rule = topology::ruleFromId(o.value(QStringLiteral("rule")).toString().toStdString());
    if (!rule)
        return nullptr;
    topology::FixPlan plan;
    plan.rule = *rule;
    for (const QJsonValue &v : o.value(QStringLiteral("edits")).toArray()) {
        topology::GeometryEdit e;
        e.parcelId = v[QStringLiteral("id")].toInteger();
        e.uuid = v[QStringLiteral("uuid")].toString().toStdString();
        e.before = fromBase64(v[QStringLiteral("before")]);
        e.after = fromBase64(v[QStringLiteral("after")]);
        e.areaBefore = v[QStringLiteral("areaBefore")].toDouble();
        e.areaAfter = v[QStringLiteral("areaAfter")].toDouble();
        e.retire = v[QStringLiteral("retire")].toBool();
        e.action = v[QStringLiteral("action")].toString().toStdString();
        e.detail = v[QStringLiteral("detail")].toString().toStdString();
        plan.edits.push_back(std::move(e));
    }
    auto *cmd = new ApplyFixCommand(doc, std::move(plan), o.value(QStringLiteral("issue")).toInteger(),
                                    o.value(QStringLiteral("text")).toString(), parent);
    for (const QJsonValue &v : o.value(QStringLiteral("settled")).toArray())
        cmd->m_settled.push_back(v.toInteger());
    return cmd;
}

IssueStatusCommand::IssueStatusCommand(CommandTarget *doc, int64_t issueId, QString oldStatus, QString newStatus, QString note,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_id(issueId), m_old(std::move(oldStatus)), m_new(std::move(newStatus)),
      m_note(std::move(note))
{
}

bool IssueStatusCommand::set(const QString &status, const QString &note)
{
    QString why;
    try {
        if (topology::setIssueStatus(m_doc->project(), m_id, status.toStdString(), note.toStdString()))
            return true;
        why = QCoreApplication::translate("vnland::app::IssueStatusCommand", "issue %1 is not in the project").arg(m_id);
    } catch (const std::exception &e) {
        why = QString::fromUtf8(e.what());
    }
    setObsolete(true);
    m_doc->reportWriteFailure(QCoreApplication::translate("vnland::app::IssueStatusCommand", "%1 failed: %2").arg(text(), why));
    return false;
}

void IssueStatusCommand::redo()
{
    if (!m_doc->isRestoring())
        set(m_new, m_note);
}

void IssueStatusCommand::undo()
{
    if (!m_doc->isRestoring())
        set(m_old, {});
}

QJsonObject IssueStatusCommand::toJson() const
{
    return {{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("text"), text()},
            {QStringLiteral("issue"), qint64(m_id)},          {QStringLiteral("old"), m_old},
            {QStringLiteral("new"), m_new},                   {QStringLiteral("note"), m_note}};
}

IssueStatusCommand *IssueStatusCommand::fromJson(CommandTarget *doc, const QJsonObject &o, QUndoCommand *parent)
{
    return new IssueStatusCommand(doc, o.value(QStringLiteral("issue")).toInteger(), o.value(QStringLiteral("old")).toString(),
                                  o.value(QStringLiteral("new")).toString(), o.value(QStringLiteral("note")).toString(),
                                  o.value(QStringLiteral("text")).toString(), parent);
}

} // namespace vnland::app
