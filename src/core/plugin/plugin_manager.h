// Finds and loads VNLand plugins: static ones first, then the plugin folders
// (VNLAND_PLUGIN_PATH, next to the installed binaries, and the build tree).
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QPluginLoader;

namespace vnland::plugin {

struct PluginInfo {
    QString fileName;
    QString name;
    QString iid;
    bool loaded = false;
    QString error;
};

class PluginManager {
public:
    static PluginManager &instance();

    /// Scans the plugin folders once (later calls do nothing).
    void loadPlugins();
    QStringList searchPaths() const;
    const QList<PluginInfo> &plugins() const { return m_infos; }

    template <class T>
    QList<T *> objects()
    {
        loadPlugins();
        QList<T *> out;
        for (QObject *o : m_objects)
            if (T *t = qobject_cast<T *>(o))
                out.append(t);
        return out;
    }

private:
    PluginManager() = default;
    bool m_loaded = false;
    QList<QObject *> m_objects;
    QList<PluginInfo> m_infos;
    std::vector<std::unique_ptr<QPluginLoader>> m_loaders;
};

} // namespace vnland::plugin
