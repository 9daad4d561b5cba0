// vnland import / export.
#include "args.h"
#include "progress_bar.h"
#include "commands.h"

#include "io/exporter.h"
#include "io/vector_importer.h"
#include "store/project.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace vnland::cli {
namespace {

bool writeJson(const std::string &path, const QJsonObject &o)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return true;
}

} // namespace

int cmdImport(const Argv &argv)
{
    Args a(argv, {"into", "source-crs", "mapping", "encoding", "layer", "commune", "report", "wait"},
           {"quiet", "help", "fix-towgs84", "update", "skip-existing", "keep-both"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("into")) {
        std::cerr << (a.ok() ? "" : "vnland import: " + a.error() + "\n")
                  << "Usage: vnland import SRC --into PROJECT.sqlite [--source-crs CRS] [--mapping FILE.json|none]\n"
                     "                    [--encoding utf-8|cp1258|tcvn3|vni|latin1] [--layer NAME] [--commune CODE]\n"
                     "                    [--report FILE.json] [--fix-towgs84] [--update|--skip-existing|--keep-both]\n"
                     "                    [--wait SECONDS] [--quiet]\n"
                     "The project is created (EPSG:5899) if it does not exist. All or nothing: on any error the\n"
                     "project is left unchanged.\n"
                     "Features already in the project (same UUID or commune/tờ/thửa; map sheets: same commune/tờ)\n"
                     "refuse the import unless --update (replace them, old values kept in the change log),\n"
                     "--skip-existing (leave them) or --keep-both (add them as flagged duplicates) is given.\n"
                     "--wait: how long to wait for another process writing to the project (default 60 s,\n"
                     "or VNLAND_LOCK_TIMEOUT).\n";
        return a.has("help") ? 0 : 2;
    }
    const std::string src = a.pos(0), projectPath = *a.value("into");
    if (int(a.has("update")) + int(a.has("skip-existing")) + int(a.has("keep-both")) > 1) {
        std::cerr << "vnland import: give only one of --update, --skip-existing and --keep-both\n";
        return 2;
    }
    if (auto wait = a.value("wait")) {
        char *end = nullptr;
        const double s = std::strtod(wait->c_str(), &end);
        if (wait->empty() || *end != '\0' || !(s >= 0 && s <= 86400)) {
            std::cerr << "vnland import: --wait takes a number of seconds (0 … 86400), not \"" << *wait << "\"\n";
            return 2;
        }
        store::Database::setDefaultLockTimeout(static_cast<int>(s * 1000));
    }
    std::unique_ptr<store::Project> project;
    try {
        if (QFile::exists(QString::fromStdString(projectPath)))
            project = store::Project::open(projectPath);
        else
            project = store::Project::create(projectPath, {});
    } catch (const std::exception &e) {
        std::cerr << "vnland import: " << e.what() << "\n";
        return 2;
    }
    io::ImportOptions opts;
    opts.sourceCrs = a.value("source-crs", "");
    opts.mappingFile = a.value("mapping", "");
    opts.encoding = a.value("encoding", "");
    opts.layer = a.value("layer", "");
    opts.communeCode = a.value("commune", "");
    opts.fixTowgs84 = a.has("fix-towgs84");
    opts.existing = a.has("update")          ? io::ImportOptions::Existing::Update
                    : a.has("skip-existing") ? io::ImportOptions::Existing::Skip
                    : a.has("keep-both")     ? io::ImportOptions::Existing::KeepBoth
                                             : io::ImportOptions::Existing::Refuse;
    ProgressBar bar(!a.has("quiet"));
    opts.progress = [&](int64_t done, int64_t total) { bar.update(done, total); };
    const io::ImportResult r = io::importVector(*project, src, opts);
    bar.finish();
    if (auto reportPath = a.value("report")) {
        QJsonObject o = r.report.toJson();
        o[QStringLiteral("ok")] = r.ok;
        if (!r.ok)
            o[QStringLiteral("error")] = QString::fromStdString(r.error);
        if (!writeJson(*reportPath, o))
            std::cerr << "vnland import: " << *reportPath << ": cannot write the report\n";
    }
    if (!r.ok) {
        std::cerr << "vnland import: " << r.error << "\n";
        return 2;
    }
    const auto &rep = r.report;
    for (const auto &w : rep.warnings)
        std::cerr << "warning: " << w << "\n";
    for (const auto &rej : rep.rejected)
        std::cerr << "rejected: " << src << " layer " << rej.layer << " feature " << rej.fid << ": " << rej.reason << "\n";
    if (!a.has("quiet")) {
        std::cout << "Imported " << rep.imported << " of " << rep.featuresIn << " features from " << src << " ("
                  << rep.driver << ")";
        if (rep.sheets)
            std::cout << ", of them " << rep.sheets << " map sheets";
        std::cout << "\n";
        std::cout << "  rejected: " << rep.rejectedCount << ", flagged: " << rep.flagged.size() << "\n";
        if (rep.alreadyThere) {
            int64_t unchanged = 0;
            for (const auto &e : rep.existing)
                unchanged += e.action == "unchanged";
            std::cout << "  already in the project: " << rep.alreadyThere << " (updated: " << rep.updated - unchanged
                      << ", unchanged: " << unchanged << ", skipped: " << rep.skipped
                      << ", kept both: " << rep.alreadyThere - rep.updated - rep.skipped << ")\n";
        }
        std::cout << "  source CRS: " << rep.sourceCrs << " -> EPSG:" << project->srid() << "\n";
        for (const auto &n : rep.notes)
            std::cout << "  " << n << "\n";
        if (!rep.operation.empty())
            std::cout << "  operation: " << rep.operation << "\n";
        std::cout << "  encoding: " << rep.encoding << " (" << rep.encodingHow << "), mapping: " << rep.mapping << "\n";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f", rep.totalArea);
        std::cout << "  area imported: " << buf << " m²\n";
    }
    return rep.rejectedCount > 0 ? 1 : 0;
}

int cmdExport(const Argv &argv)
{
    Args a(argv, {"to", "format", "commune"}, {"history", "overwrite", "help", "quiet"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("to")) {
        std::cerr << (a.ok() ? "" : "vnland export: " + a.error() + "\n")
                  << "Usage: vnland export PROJECT.sqlite --to OUT --format spatialite|gpkg|shp|geojson|csv\n"
                     "                    [--commune CODE] [--history] [--overwrite]\n";
        return a.has("help") ? 0 : 2;
    }
    io::ExportOptions opts;
    opts.format = a.value("format", "");
    const std::string out = *a.value("to");
    if (opts.format.empty()) {
        const auto dot = out.rfind('.');
        const std::string ext = dot == std::string::npos ? "" : out.substr(dot + 1);
        opts.format = ext == "sqlite" ? "spatialite" : ext == "json" ? "geojson" : ext;
    }
    opts.communeCode = a.value("commune", "");
    opts.includeHistory = a.has("history");
    opts.overwrite = a.has("overwrite");
    try {
        auto project = store::Project::open(a.pos(0), true);
        const io::ExportResult r = io::exportProject(*project, out, opts);
        if (!r.ok) {
            std::cerr << "vnland export: " << r.error << "\n";
            return 2;
        }
        if (!a.has("quiet")) {
            std::cout << "Exported " << r.written << " objects to " << out << " (" << opts.format << ")\n";
            if (!r.operation.empty())
                std::cout << "  operation: " << r.operation << "\n";
        }
        // Exit 1: written, but not everything as stored (damaged geometries, cut texts).
        for (const auto &w : r.warnings)
            std::cerr << "vnland export: " << out << ": " << w << "\n";
        if (!r.warnings.empty())
            return 1;
    } catch (const std::exception &e) {
        std::cerr << "vnland export: " << e.what() << "\n";
        return 2;
    }
    return 0;
}

} // namespace vnland::cli
