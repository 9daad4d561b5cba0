// Plugin discovery: reads each plugin's JSON metadata before loading it.
#include "plugin/plugin_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QPluginLoader>

#ifndef VNLAND_BUILD_PLUGIN_DIR
#define VNLAND_BUILD_PLUGIN_DIR ""
#endif
#ifndef VNLAND_PLUGIN_SUBDIR
#define VNLAND_PLUGIN_SUBDIR "lib/vnland/plugins"
#endif

namespace vnland::plugin {

PluginManager &PluginManager::instance()
{
    static PluginManager manager;
    return manager;
}

QStringList PluginManager::searchPaths() const
{
    QStringList paths;
    const QByteArray env = qgetenv("VNLAND_PLUGIN_PATH");
    if (!env.isEmpty())
        paths += QString::fromLocal8Bit(env).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        paths << QDir(appDir).filePath(QStringLiteral("../" VNLAND_PLUGIN_SUBDIR));
        if (qEnvironmentVariableIsEmpty("VNLAND_NO_BUILD_PLUGINS"))
            paths << QDir(appDir).filePath(QStringLiteral("../plugins_out"));
    }
    // The build tree is searched too (tests, running from the build folder), unless
    // VNLAND_NO_BUILD_PLUGINS is set — the install test uses that to prove the installed path.
    const QString buildDir = QStringLiteral(VNLAND_BUILD_PLUGIN_DIR);
    if (!buildDir.isEmpty() && qEnvironmentVariableIsEmpty("VNLAND_NO_BUILD_PLUGINS"))
        paths << buildDir;
    QStringList unique;
    for (const QString &p : paths) {
        const QString c = QDir(p).canonicalPath();
        if (!c.isEmpty() && !unique.contains(c))
            unique << c;
    }
    return unique;
}

void PluginManager::loadPlugins()
{
    if (m_loaded)
        return;
    m_loaded = true;
    for (QObject *o : QPluginLoader::staticInstances())
        m_objects.append(o);

    QStringList seenNames;
    for (const QString &dirPath : searchPaths()) {
        const QDir dir(dirPath);
        for (const QString &file : dir.entryList(QDir::Files)) {
            if (!QLibrary::isLibrary(file))
                continue;
            auto loader = std::make_unique<QPluginLoader>(dir.absoluteFilePath(file));
            PluginInfo info;
            info.fileName = loader->fileName();
            const QJsonObject meta = loader->metaData();
            info.iid = meta.value(QStringLiteral("IID")).toString();
            info.name = meta.value(QStringLiteral("MetaData")).toObject().value(QStringLiteral("name")).toString();
            if (!info.iid.startsWith(QStringLiteral("vn.vnland."))) {
                continue; // not ours
            }
            if (seenNames.contains(info.name)) {
                continue; // same plugin found in the build tree and installed
            }
            if (QObject *o = loader->instance()) {
                info.loaded = true;
                m_objects.append(o);
                seenNames << info.name;
                m_loaders.push_back(std::move(loader));
            } else {
                info.error = loader->errorString();
            }
            m_infos.append(info);
        }
    }
}

} // namespace vnland::plugin
