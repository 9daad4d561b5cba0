// The editor's actions by id (Tiled's ActionManager idea): every menu and
// toolbar action is registered once under a stable id ("importAction",
// "toolAddParcel" …), which is also its object name, so features, tests and
// scripts find an action without knowing which window or menu made it. One
// registry per main window.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;

namespace vnland::app {

class ActionRegistry : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Registers @p action under @p id (sets its object name); an id is registered once.
    QAction *add(const QString &id, QAction *action);
    /// The action of @p id, or null.
    QAction *action(const QString &id) const;
    /// Triggers the action of @p id when it exists and is enabled.
    bool trigger(const QString &id) const;
    /// All ids, sorted.
    QStringList ids() const;

signals:
    void actionAdded(const QString &id);

private:
    QHash<QString, QPointer<QAction>> m_actions;
};

} // namespace vnland::app
