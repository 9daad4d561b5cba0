// vnland import-survey / cogo: surveyors' field data into a project.
#include "args.h"
#include "commands.h"

#include "store/project.h"
#include "survey/cogo.h"
#include "survey/survey_import.h"

#include <QFile>

#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>

namespace vnland::cli {
namespace {

std::unique_ptr<store::Project> openOrCreate(const std::string &path, const std::string &cmd)
{
    try {
        if (QFile::exists(QString::fromStdString(path)))
            return store::Project::open(path);
        return store::Project::create(path, {});
    } catch (const std::exception &e) {
        std::cerr << "vnland " << cmd << ": " << e.what() << "\n";
        return nullptr;
    }
}

} // namespace

int cmdImportSurvey(const Argv &argv)
{
    Args a(argv, {"into", "format", "source-crs", "order", "commune", "to-so", "line-prefix", "dxf-preset",
                  "boundary-layer", "encoding", "station"},
           {"build-parcels", "quiet", "help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("into")) {
        std::cerr << (a.ok() ? "" : "vnland import-survey: " + a.error() + "\n")
                  << "Usage: vnland import-survey FILE --into PROJECT.sqlite [--format csv|gsi|sdr33|dxf]\n"
                     "                    [--source-crs CRS] [--order ne|en] [--build-parcels]\n"
                     "                    [--commune CODE] [--to-so N] [--line-prefix RG] [--quiet]\n"
                     "                    [--dxf-preset tt25|any] [--boundary-layer NAME]… [--encoding tcvn3|vni|cp1258]\n"
                     "                    [--station E,N,Z[,HI]]\n"
                     "Point files: PNEZD, PENZD, NEZ, PNEZ … with or without header; Vietnamese X = north,\n"
                     "Y = east. --order ne|en says which coordinate comes first when the file does not.\n"
                     "GNSS latitude/longitude (decimal or DMS) is WGS84 unless --source-crs says otherwise.\n"
                     "--build-parcels joins points coded RG<id>[.S|.C|.E] or LINE records into boundaries and\n"
                     "polygonizes them into parcels (label points: code 'THUA <n> [land-use]').\n"
                     "DXF: polylines on the boundary layers (tt25: level 10) become parcels; texts on levels 11/2/4\n"
                     "give parcel number, land-use code and drawn area.\n"
                     "Total stations (Leica GSI-8/16, Sokkia SDR33): coordinates the instrument recorded are\n"
                     "taken as they are; observations made before any station record are reduced from\n"
                     "--station E,N,Z[,HI] (easting, northing, height; HI for lines that record no instrument\n"
                     "height, WI 88; Hz readings taken as azimuths). Without it GSI uses E=0, N=0, Z=0 with a\n"
                     "warning and SDR33 rejects such observations.\n"
                     "Rejected lines are listed on stderr as FILE:LINE: reason.\n"
                     "Exit: 0 ok, 1 some lines rejected or boundary issues (the rest imported),\n"
                     "      2 bad input or nothing imported (the project is unchanged).\n";
        return a.has("help") ? 0 : 2;
    }
    survey::SurveyFileOptions opts;
    opts.format = a.value("format", "");
    const std::string order = a.value("order", "");
    if (order == "ne" || order == "NE")
        opts.order = survey::AxisOrder::NorthEast;
    else if (order == "en" || order == "EN")
        opts.order = survey::AxisOrder::EastNorth;
    else if (!order.empty()) {
        std::cerr << "vnland import-survey: --order must be ne (X north first) or en (east first)\n";
        return 2;
    }
    opts.import.sourceCrs = a.value("source-crs", "");
    opts.import.buildParcels = a.has("build-parcels");
    opts.import.parcels.communeCode = a.value("commune", "");
    opts.import.parcels.linePrefix = a.value("line-prefix", "RG");
    opts.dxf.preset = a.value("dxf-preset", "tt25");
    opts.dxf.boundaryLayers = a.values("boundary-layer");
    opts.dxf.encoding = a.value("encoding", "");
    if (auto t = a.value("to-so")) {
        try {
            opts.import.parcels.toSo = std::stoi(*t);
        } catch (const std::exception &) {
            std::cerr << "vnland import-survey: --to-so must be a number\n";
            return 2;
        }
    }
    if (auto st = a.value("station")) {
        // E,N,Z[,HI]: finite numbers, '.' decimal point.
        std::vector<double> v;
        std::string item;
        bool good = true;
        for (size_t i = 0; i <= st->size() && good; ++i) {
            if (i == st->size() || (*st)[i] == ',') {
                double x = 0;
                const char *b = item.data() + (!item.empty() && item[0] == '+'), *e = item.data() + item.size();
                const auto res = std::from_chars(b, e, x);
                good = b != e && res.ec == std::errc() && res.ptr == e && std::isfinite(x);
                v.push_back(x);
                item.clear();
            } else {
                item.push_back((*st)[i]);
            }
        }
        if (!good || v.size() < 3 || v.size() > 4) {
            std::cerr << "vnland import-survey: --station must be E,N,Z or E,N,Z,HI (numbers in metres), not '"
                      << *st << "'\n";
            return 2;
        }
        survey::Station s;
        s.east = v[0];
        s.north = v[1];
        s.height = v[2];
        s.instrumentHeight = v.size() > 3 ? v[3] : 0.0;
        opts.station = s;
    }
    auto project = openOrCreate(*a.value("into"), "import-survey");
    if (!project)
        return 2;
    const survey::SurveyImportResult r = survey::importSurveyFile(*project, a.pos(0), opts);
    const auto &rep = r.report;
    for (const auto &rej : rep.rejected)
        std::cerr << "rejected: " << a.pos(0) << (rej.line > 0 ? ":" + std::to_string(rej.line) : std::string())
                  << ": " << rej.reason << "\n";
    for (const auto &w : rep.warnings)
        std::cerr << "warning: " << w << "\n";
    if (!r.ok) {
        std::cerr << "vnland import-survey: " << r.error << "\n";
        return 2;
    }
    for (const auto &i : rep.parcels.issues)
        std::cerr << "issue (" << i.kind << "): " << i.message << "\n";
    if (!a.has("quiet")) {
        std::cout << "Imported " << rep.pointsImported << " survey points from " << a.pos(0) << " (" << rep.format
                  << (rep.layout.empty() ? "" : ": " + rep.layout) << ")\n";
        std::cout << "  rejected lines: " << rep.rejected.size() << "\n";
        std::cout << "  source CRS: " << rep.sourceCrs << " -> EPSG:" << project->srid() << "\n";
        if (!rep.operation.empty())
            std::cout << "  operation: " << rep.operation << "\n";
        if (opts.import.buildParcels || rep.format == "dxf") {
            double total = 0;
            for (const auto &p : rep.parcels.parcels)
                total += p.measuredArea.value_or(0);
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.2f", total);
            std::cout << "  boundary lines: " << rep.linesImported << ", parcels: " << rep.parcelsImported
                      << ", area " << buf << " m², boundary issues: " << rep.parcels.issues.size() << "\n";
            for (const auto &p : rep.parcels.parcels)
                if (!p.flags.empty())
                    std::cout << "  flagged parcel " << (p.thuaSo ? std::to_string(*p.thuaSo) : std::string("(no number)"))
                              << ": " << p.flags << "\n";
        }
    }
    return rep.rejected.empty() && rep.parcels.issues.empty() ? 0 : 1;
}

int cmdCogo(const Argv &argv)
{
    Args a(argv, {"into"}, {"quiet", "help"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("into")) {
        std::cerr << (a.ok() ? "" : "vnland cogo: " + a.error() + "\n")
                  << "Usage: vnland cogo TRAVERSE.txt --into PROJECT.sqlite [--quiet]\n"
                     "Records: START name X Y | LEG to-name bearing distance | CLOSE name [X Y]\n"
                     "(X = north, Y = east; bearings are azimuths 26°10'00\", 26-10-00, or N26-10-00E).\n"
                     "A closed traverse is adjusted by the compass (Bowditch) rule.\n"
                     "Exit: 0 ok, 1 some lines rejected, 2 bad input (nothing stored).\n";
        return a.has("help") ? 0 : 2;
    }
    const std::string src = a.pos(0);
    const survey::TraverseParse parsed = survey::readTraverseFile(src);
    for (const auto &rej : parsed.rejected)
        std::cerr << "rejected: " << src << ":" << rej.line << ": " << rej.reason << "\n";
    if (!parsed.ok) {
        std::cerr << "vnland cogo: " << parsed.error << "\n";
        return 2;
    }
    const survey::TraverseResult t = survey::adjustTraverse(parsed.traverse);
    auto project = openOrCreate(*a.value("into"), "cogo");
    if (!project)
        return 2;
    survey::SurveyData data;
    data.format = "cogo";
    data.layout = t.closes ? "traverse, compass-rule adjusted" : "open traverse";
    data.points = t.adjusted;
    // A loop closes on its start: store that point once.
    if (t.closes && data.points.size() > 1 && data.points.back().name == data.points.front().name)
        data.points.pop_back();
    data.lines = t.lines;
    data.rejected = parsed.rejected;
    const survey::SurveyImportResult r = survey::storeSurvey(*project, src, std::move(data), {});
    if (!r.ok) {
        std::cerr << "vnland cogo: " << r.error << "\n";
        return 2;
    }
    if (!a.has("quiet"))
        std::cout << t.toText() << "Stored " << r.report.pointsImported << " points and " << r.report.linesImported
                  << " lines in " << *a.value("into") << "\n";
    return parsed.rejected.empty() ? 0 : 1;
}

} // namespace vnland::cli
