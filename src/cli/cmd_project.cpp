// vnland create / info.
#include "args.h"
#include "commands.h"

#include "store/project.h"
#include "store/project_summary.h"

#include <QJsonDocument>

#include <iostream>

namespace vnland::cli {

int cmdCreate(const Argv &argv)
{
    Args a(argv, {"epsg", "name", "province", "province-code", "central-meridian", "scale"}, {"help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland create: " + a.error() + "\n")
                  << "Usage: vnland create PROJECT.sqlite [--epsg 5899] [--name N] [--province NAME]"
                     " [--province-code 22] [--central-meridian 107.75] [--scale 1000]\n";
        return a.has("help") ? 0 : 2;
    }
    store::ProjectSettings s;
    try {
        s.epsg = std::stoi(a.value("epsg", "5899"));
        s.name = a.value("name", "");
        s.provinceName = a.value("province", s.provinceName);
        s.provinceCode = a.value("province-code", s.provinceCode);
        s.centralMeridian = std::stod(a.value("central-meridian", "107.75"));
        s.defaultScale = std::stoi(a.value("scale", "1000"));
    } catch (const std::exception &) {
        std::cerr << "vnland create: --epsg, --central-meridian and --scale take numbers\n";
        return 2;
    }
    try {
        store::Project::create(a.pos(0), s);
    } catch (const std::exception &e) {
        std::cerr << "vnland create: " << e.what() << "\n";
        return 2;
    }
    std::cout << "Created " << a.pos(0) << " (EPSG:" << s.epsg << ")\n";
    return 0;
}

int cmdInfo(const Argv &argv)
{
    Args a(argv, {}, {"json", "help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland info: " + a.error() + "\n") << "Usage: vnland info PROJECT.sqlite [--json]\n";
        return a.has("help") ? 0 : 2;
    }
    try {
        auto project = store::Project::open(a.pos(0), true);
        const auto summary = store::summarize(*project);
        if (a.has("json"))
            std::cout << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented).toStdString();
        else
            std::cout << summary.toText();
    } catch (const std::exception &e) {
        std::cerr << "vnland info: " << e.what() << "\n";
        return 2;
    }
    return 0;
}

} // namespace vnland::cli
