// vnland — the command-line face of the engine: every capability scriptable.
#include "commands.h"

#include <QCoreApplication>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <QGuiApplication>

#include <gdal.h>

#include <cstring>
#include <iostream>
#include <memory>

namespace vnland::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"create", "create an empty project (land database)", &cmdCreate},
        {"import", "import a vector file into a project (any GDAL format)", &cmdImport},
        {"export", "export a project: spatialite, gpkg, shp, geojson, csv, …", &cmdExport},
        {"info", "summary of a project: CRS, extent, communes, sheets, areas", &cmdInfo},
        {"plugins", "list the plugins found", &cmdPlugins},
        {"georef", "georeference scanned sheets: fit, warp, report, detect grid crosses", &cmdGeoref},
        {"report", "statutory reports: register, summary, statistics, extract, validation (PDF/XLSX/CSV/HTML)", &cmdReport},
        {"import-survey", "import survey points (CSV/TXT, GSI, SDR33), optionally build parcels", &cmdImportSurvey},
        {"cogo", "compute and adjust a traverse (compass rule) into a project", &cmdCogo},
        {"synth", "write a seeded synthetic coverage (sample data, tests, benchmarks)", &cmdSynth},
        {"crs", "VN-2000 CRS catalogue, CRS info, coordinate transformation", &cmdCrs},
        {"sheet", "map sheet id (số hiệu mảnh), frame, neighbours, grid crosses", &cmdSheet},
        {"parcel-code", "parcel codes (GeoHash of the pole of inaccessibility)", &cmdParcelCode},
        {"validate", "check topology and attributes of a project's parcels", &cmdValidate},
        {"fix", "fix one rule's findings (gaps, overlaps, slivers, vertices …)", &cmdFix},
        {"publish", "publish a project to a PostgreSQL/PostGIS land-database server", &cmdPublish},
        {"checkout", "check a map sheet or commune out of the server into a work project", &cmdCheckout},
        {"checkin", "check a work project's edits back into the server (conflicts refused)", &cmdCheckin},
        {"validate-server", "overlap/gap rules across borders on the server's data", &cmdValidateServer},
        {"vectorize", "scanned sheet → candidate parcels with labels read (OCR), for review", &cmdVectorize},
    };
    return list;
}

} // namespace vnland::cli

static void usage()
{
    std::cout << "Usage: vnland COMMAND [ARGS…]\n\nCommands:\n";
    for (const auto &c : vnland::cli::commands())
        std::cout << "  " << c.name << std::string(16 - std::min<size_t>(15, std::strlen(c.name)), ' ') << c.summary
                  << "\n";
    std::cout << "\n`vnland COMMAND --help` shows the options of one command.\n"
                 "\nExit codes: 0 done; 1 done with findings or in part (every rejected line, feature or\n"
                 "damaged parcel is named); 2 bad input or failure (nothing was changed).\n";
}

int main(int argc, char **argv)
{
    // `report` and `georef report|sample` paint PDFs/images with fonts, which needs a QGuiApplication; without a
    // display it runs on the offscreen platform. Other commands stay headless.
    const bool gui = argc > 1
        && (!std::strcmp(argv[1], "report")
            || (argc > 2 && !std::strcmp(argv[1], "georef") && (!std::strcmp(argv[2], "report") || !std::strcmp(argv[2], "sample"))));
    if (gui && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt warns on stderr when XDG_RUNTIME_DIR is unset (a root shell on a server, cron, CI) and
    // falls back to a private directory; prepare that directory itself, quietly.
    if (gui && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        std::error_code ec;
        const auto dir = std::filesystem::temp_directory_path(ec) / ("runtime-vnland-" + std::to_string(::getuid()));
        std::filesystem::create_directories(dir, ec);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
        struct stat st {};
        if (::stat(dir.c_str(), &st) == 0 && st.st_uid == ::getuid() && (st.st_mode & 077) == 0)
            qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir.string()));
    }
    std::unique_ptr<QCoreApplication> app(gui ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("vnland"));
    GDALAllRegister();
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        usage();
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "vnland " << VNLAND_VERSION << "\n";
        return 0;
    }
    vnland::cli::Argv rest(argv + 2, argv + argc);
    for (const auto &c : vnland::cli::commands())
        if (!std::strcmp(argv[1], c.name))
            return c.run(rest);
    std::cerr << "vnland: unknown command '" << argv[1] << "'\n";
    usage();
    return 2;
}
