// vnland plugins: what the plugin manager found, and where it looked.
#include "commands.h"

#include "plugin/plugin_interfaces.h"
#include "plugin/plugin_manager.h"

#include <iostream>

namespace vnland::cli {

int cmdPlugins(const Argv &)
{
    auto &pm = plugin::PluginManager::instance();
    pm.loadPlugins();
    std::cout << "Plugin folders:\n";
    for (const QString &p : pm.searchPaths())
        std::cout << "  " << p.toStdString() << "\n";
    std::cout << "Plugins:\n";
    for (const auto &info : pm.plugins())
        std::cout << "  " << info.name.toStdString() << " [" << info.iid.toStdString() << "] "
                  << (info.loaded ? "loaded" : "FAILED: " + info.error.toStdString()) << "  " << info.fileName.toStdString()
                  << "\n";
    for (auto *e : pm.objects<plugin::ExporterPlugin>())
        std::cout << "  exporter " << e->formatName().toStdString() << ": " << e->description().toStdString() << "\n";
    for (auto *w : pm.objects<plugin::ReportWriterPlugin>())
        std::cout << "  report writer " << w->formatName().toStdString() << ": " << w->description().toStdString() << "\n";
    for (auto *r : pm.objects<plugin::SurveyReaderPlugin>())
        std::cout << "  survey reader " << r->formatName().toStdString() << ": " << r->description().toStdString() << "\n";
    return 0;
}

} // namespace vnland::cli
