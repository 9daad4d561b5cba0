#include "action_registry.h"

#include <QAction>

#include <algorithm>
#include <stdexcept>

namespace vnland::app {

QAction *ActionRegistry::add(const QString &id, QAction *action)
{
    if (m_actions.contains(id) && m_actions.value(id))
        throw std::logic_error("action registered twice: " + id.toStdString());
    action->setObjectName(id);
    m_actions.insert(id, action);
    emit actionAdded(id);
    return action;
}

QAction *ActionRegistry::action(const QString &id) const { return m_actions.value(id); }

bool ActionRegistry::trigger(const QString &id) const
{
    QAction *a = action(id);
    if (!a || !a->isEnabled())
        return false;
    a->trigger();
    return true;
}

QStringList ActionRegistry::ids() const
{
    QStringList out;
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it)
        if (it.value())
            out << it.key();
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace vnland::app
