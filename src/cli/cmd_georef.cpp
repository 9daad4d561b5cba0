// vnland georef fit | warp | report | detect | sample — georeferencing of
// scanned cadastral sheets (nắn bản đồ quét).
#include "args.h"
#include "progress_bar.h"
#include "commands.h"

#include "crs/map_sheet_grid.h"
#include "georef/cross_detector.h"
#include "georef/fit_report_pdf.h"
#include "georef/gcp_fit.h"
#include "georef/gcp_set.h"
#include "georef/raster_store.h"
#include "georef/sample_scan.h"
#include "georef/warp.h"
#include "report/report_data.h"
#include "store/project.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace vnland::cli {

namespace {

using namespace vnland::georef;

const char *kUsage =
    "Usage:\n"
    "  vnland georef fit SCAN --gcps FILE --transform T [--scale M] [--json] [--write-points FILE]\n"
    "  vnland georef warp SCAN --gcps FILE --transform T --out OUT.tif [--resampling R] [--crs EPSG]\n"
    "        [--compress DEFLATE|LZW|NONE] [--nodata V] [--no-overviews] [--res METRES] [--threads N]\n"
    "        [--vrt OUT.vrt] [--world-file] [--project P.sqlite] [--scale M]\n"
    "  vnland georef report SCAN --gcps FILE --transform T --out REPORT.json|REPORT.pdf [--scale M]\n"
    "  vnland georef detect SCAN (--sheet ID | --frame minE,minN,maxE,maxN) --scale M --seed FILE\n"
    "        --out FILE.points [--json] [--min-confidence C] [--max-offset PX]\n"
    "        (a cross more than 0.2 mm × scale off what the other crosses predict — polynomial 2 or its\n"
    "        neighbours — is rejected; seeds are never rejected)\n"
    "  vnland georef sample --sheet ID --out SCAN.png|jpg|tif --truth FILE.points [--parcels FILE] [--dpi D]\n"
    "        [--seed N] [--noise S] [--oversample 1|2] [--epsg CODE] [--sheet-no N] [--commune T] [--district T]\n"
    "        [--province T] [--project P.sqlite] [--no-text] [--realistic]\n"
    "        (text: title block, grid km values, thửa number / land use / area; --realistic: paper shrink\n"
    "        different in x/y, scanner skew, polynomial-2 bending and local wobble, blur, noise, JPEG, 300 dpi)\n"
    "GCP files: QGIS .points (both header variants) or CSV id,map_x,map_y,pixel_x,pixel_y,enabled.\n"
    "Transforms: linear, helmert, affine, polynomial2, polynomial3, tps, projective.\n"
    "Resampling: near, bilinear, cubic, cubicspline, lanczos. Tolerance = 0.2 mm × scale.\n";

int fail(const std::string &msg)
{
    std::cerr << "vnland georef: " << msg << "\n";
    return 2;
}

struct Common {
    std::string scan;
    GcpSet gcps;
    TransformType type = TransformType::Helmert;
    int scale = 0;
};

/// Loads SCAN, --gcps and --transform; returns 0 or an exit code.
int loadCommon(const Args &a, Common &c)
{
    c.scan = a.pos(1);
    if (c.scan.empty())
        return fail("give the scan file");
    if (!std::filesystem::exists(c.scan))
        return fail(c.scan + ": no such file");
    const auto gcpPath = a.value("gcps");
    if (!gcpPath)
        return fail("give --gcps FILE (.points or .csv)");
    std::string err;
    auto set = GcpSet::readAny(*gcpPath, &err);
    if (!set)
        return fail(err);
    c.gcps = std::move(*set);
    const auto t = parseTransform(a.value("transform", "helmert"));
    if (!t)
        return fail("unknown --transform '" + a.value("transform", "") + "'");
    c.type = *t;
    try {
        c.scale = std::stoi(a.value("scale", "0"));
    } catch (const std::exception &) {
        return fail("--scale takes a number, e.g. 1000");
    }
    return 0;
}

void printFit(const GcpFit &fit, const GcpSet &gcps)
{
    std::printf("Transform: %s, %d of %zu GCPs enabled (n_min %d)\n", transformId(fit.type), fit.enabled, gcps.size(),
                fit.nMin);
    for (const auto &p : fit.model->parameters())
        std::printf("  %-18s %.10g\n", p.name.c_str(), p.value);
    std::printf("%-8s %12s %12s %9s %9s %8s %8s %8s %8s %8s  %s\n", "id", "map_x", "map_y", "pixel_x", "pixel_y", "dX_m",
                "dY_m", "res_m", "res_px", "loo_m", "flag");
    for (const auto &r : fit.residuals) {
        const Gcp &g = gcps.at(r.index);
        std::printf("%-8s %12.3f %12.3f %9.2f %9.2f %8.3f %8.3f %8.3f %8.2f %8s  %s\n", g.id.c_str(), g.mapX, g.mapY,
                    g.pixelX, g.pixelY, r.dxMap, r.dyMap, r.map, r.px,
                    r.leaveOneOut >= 0 ? std::to_string(r.leaveOneOut).substr(0, 6).c_str() : "-",
                    !r.enabled ? "disabled" : r.blunder ? "BLUNDER" : "");
    }
    std::printf("Mean error (sai số trung phương): %.3f m = %.2f px; max %.3f m\n", fit.meanErrorMap, fit.meanErrorPx,
                fit.maxErrorMap);
    if (fit.scale > 0)
        std::printf("Tolerance (hạn sai) 0.2 mm × %d = %.2f m: %s\n", fit.scale, fit.tolerance, fit.pass ? "PASS" : "FAIL");
}

int georefFit(const Argv &argv)
{
    Args a(argv, {"gcps", "transform", "scale", "write-points"}, {"json", "help"});
    if (!a.ok())
        return fail(a.error());
    Common c;
    if (int rc = loadCommon(a, c))
        return rc;
    const auto fit = fitGcps(c.gcps, c.type, c.scale);
    if (!fit.ok())
        return fail(a.value("gcps", "") + ": " + fit.error);
    if (a.has("json"))
        std::cout << QJsonDocument(fit.toJson(c.gcps)).toJson(QJsonDocument::Indented).toStdString();
    else
        printFit(fit, c.gcps);
    if (const auto out = a.value("write-points")) {
        std::string err;
        if (!c.gcps.writePoints(*out, fit.pointsResiduals(), &err))
            return fail(err);
    }
    bool blunder = false;
    for (const auto &r : fit.residuals)
        blunder |= r.blunder;
    return (c.scale > 0 && !fit.pass) || blunder ? 1 : 0;
}

int epsgOf(const GcpSet &gcps)
{
    if (gcps.crsWkt().empty())
        return 0;
    OGRSpatialReference srs;
    if (srs.importFromWkt(gcps.crsWkt().c_str()) != OGRERR_NONE)
        return 0;
    srs.AutoIdentifyEPSG();
    const char *code = srs.GetAuthorityCode(nullptr);
    return code ? std::atoi(code) : 0;
}

int georefWarp(const Argv &argv)
{
    Args a(argv, {"gcps", "transform", "out", "resampling", "crs", "compress", "nodata", "res", "threads", "vrt", "project",
                  "scale"},
           {"no-overviews", "world-file", "quiet", "help"});
    if (!a.ok())
        return fail(a.error());
    Common c;
    if (int rc = loadCommon(a, c))
        return rc;
    const auto out = a.value("out");
    if (!out)
        return fail("give --out OUT.tif");
    WarpOptions opt;
    const auto rs = parseResampling(a.value("resampling", "bilinear"));
    if (!rs)
        return fail("unknown --resampling '" + a.value("resampling", "") + "'");
    opt.resampling = *rs;
    try {
        const int fromFile = epsgOf(c.gcps);
        opt.epsg = std::stoi(a.value("crs", fromFile ? std::to_string(fromFile) : "5899"));
        if (a.has("nodata")) {
            opt.alpha = false;
            opt.noData = std::stod(a.value("nodata", "0"));
        }
        opt.pixelSize = std::stod(a.value("res", "0"));
    } catch (const std::exception &) {
        return fail("--crs, --nodata and --res take numbers");
    }
    opt.compression = a.value("compress", "DEFLATE");
    if (opt.compression != "DEFLATE" && opt.compression != "LZW" && opt.compression != "NONE")
        return fail("--compress takes DEFLATE, LZW or NONE");
    opt.overviews = !a.has("no-overviews");
    opt.threads = a.value("threads", "ALL_CPUS");
    ProgressBar bar(!a.has("quiet"));
    opt.progress = [&bar](double f) {
        bar.update(f, "warp");
        return true;
    };
    const auto fit = fitGcps(c.gcps, c.type, c.scale, false);
    if (!fit.ok())
        return fail(a.value("gcps", "") + ": " + fit.error);
    const auto res = warpScan(c.scan, *fit.model, *out, opt);
    bar.finish();
    if (!res.ok)
        return fail(res.error);
    std::cout << "Wrote " << *out << " (" << res.width << " × " << res.height << " px, EPSG:" << opt.epsg << ", "
              << resamplingId(opt.resampling) << ", " << transformId(c.type) << ", mean error "
              << fit.meanErrorMap << " m) in " << res.seconds << " s\n";
    std::string err;
    if (const auto vrt = a.value("vrt")) {
        if (!writeGeoreferencedVrt(c.scan, c.gcps, *fit.model, opt.epsg, *vrt, &err))
            return fail(err);
        std::cout << "Wrote " << *vrt << "\n";
    }
    if (a.has("world-file")) {
        const auto wld = writeWorldFile(c.scan, *fit.model, &err);
        if (wld.empty())
            return fail(err);
        std::cout << "Wrote " << wld << "\n";
    }
    if (const auto projectPath = a.value("project")) {
        try {
            auto project = store::Project::open(*projectPath);
            RasterRecord scan;
            scan.name = std::filesystem::path(c.scan).stem().string();
            scan.path = std::filesystem::absolute(c.scan).string();
            scan.kind = "scan";
            scan.scale = c.scale;
            GDALDatasetUniquePtr ds(GDALDataset::Open(c.scan.c_str(), GDAL_OF_RASTER));
            if (ds)
                scan.width = ds->GetRasterXSize(), scan.height = ds->GetRasterYSize();
            const int64_t scanId = registerRaster(*project, scan);
            saveGcps(*project, scanId, c.gcps);
            RasterRecord warped = scan;
            warped.kind = "warped";
            warped.path = std::filesystem::absolute(*out).string();
            warped.name = std::filesystem::path(*out).stem().string();
            warped.sourceId = scanId;
            warped.srid = opt.epsg;
            warped.width = res.width;
            warped.height = res.height;
            warped.geoTransform = res.geoTransform;
            warped.transform = transformId(c.type);
            warped.resampling = resamplingId(opt.resampling);
            warped.gcpsEnabled = fit.enabled;
            warped.meanError = fit.meanErrorMap;
            warped.maxError = fit.maxErrorMap;
            if (c.scale > 0)
                warped.tolerance = fit.tolerance;
            const int64_t id = registerRaster(*project, warped);
            std::cout << "Registered raster layer " << id << " in " << *projectPath << "\n";
        } catch (const std::exception &e) {
            return fail(std::string(*projectPath) + ": " + e.what());
        }
    }
    return 0;
}

int georefReport(const Argv &argv)
{
    Args a(argv, {"gcps", "transform", "out", "scale"}, {"help"});
    if (!a.ok())
        return fail(a.error());
    Common c;
    if (int rc = loadCommon(a, c))
        return rc;
    const auto out = a.value("out");
    if (!out)
        return fail("give --out REPORT.json");
    const auto ext = std::filesystem::path(*out).extension();
    if (ext != ".json" && ext != ".pdf")
        return fail(*out + ": the report is written as .json or .pdf");
    const auto fit = fitGcps(c.gcps, c.type, c.scale);
    if (!fit.ok())
        return fail(a.value("gcps", "") + ": " + fit.error);
    if (ext == ".pdf") {
        std::string err;
        if (!writeFitReportPdf(fit, c.gcps, std::filesystem::path(c.scan).filename().string(), *out, &err))
            return fail(err);
        std::cout << "Wrote " << *out << "\n";
        return c.scale > 0 && !fit.pass ? 1 : 0;
    }
    QJsonObject o = fit.toJson(c.gcps);
    o[QStringLiteral("scan")] = QString::fromStdString(c.scan);
    o[QStringLiteral("gcp_file")] = QString::fromStdString(a.value("gcps", ""));
    GDALDatasetUniquePtr ds(GDALDataset::Open(c.scan.c_str(), GDAL_OF_RASTER));
    if (ds) {
        o[QStringLiteral("scan_width")] = ds->GetRasterXSize();
        o[QStringLiteral("scan_height")] = ds->GetRasterYSize();
    }
    std::ofstream f(*out, std::ios::binary | std::ios::trunc);
    f << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
    f.close();
    if (!f)
        return fail(*out + ": cannot write");
    std::cout << "Wrote " << *out << " (mean error " << fit.meanErrorMap << " m"
              << (c.scale > 0 ? std::string(fit.pass ? ", PASS" : ", FAIL") : std::string()) << ")\n";
    return c.scale > 0 && !fit.pass ? 1 : 0;
}

std::optional<crs::SheetFrame> frameFromArgs(const Args &a, int scale, std::string &err)
{
    if (const auto id = a.value("sheet")) {
        auto f = crs::sheetFrame(*id, {}, &err);
        if (f && scale > 0 && f->scale != scale) {
            err = "sheet " + *id + " is a 1:" + std::to_string(f->scale) + " sheet, not 1:" + std::to_string(scale);
            return std::nullopt;
        }
        return f;
    }
    if (const auto fr = a.value("frame")) {
        double v[4];
        if (std::sscanf(fr->c_str(), "%lf,%lf,%lf,%lf", &v[0], &v[1], &v[2], &v[3]) != 4 || v[2] <= v[0] || v[3] <= v[1]) {
            err = "--frame takes minEast,minNorth,maxEast,maxNorth";
            return std::nullopt;
        }
        crs::SheetFrame f;
        f.id = "frame";
        f.scale = scale;
        f.minEast = v[0], f.minNorth = v[1], f.maxEast = v[2], f.maxNorth = v[3];
        return f;
    }
    err = "give --sheet ID or --frame minE,minN,maxE,maxN";
    return std::nullopt;
}

int georefDetect(const Argv &argv)
{
    Args a(argv, {"sheet", "frame", "scale", "seed", "out", "min-confidence", "max-offset"}, {"json", "help"});
    if (!a.ok())
        return fail(a.error());
    const std::string scan = a.pos(1);
    if (scan.empty() || !std::filesystem::exists(scan))
        return fail(scan.empty() ? "give the scan file" : scan + ": no such file");
    DetectOptions opt;
    try {
        opt.scale = std::stoi(a.value("scale", "0"));
        opt.minConfidence = std::stod(a.value("min-confidence", "0.5"));
        opt.maxInconsistencyPx = std::stod(a.value("max-offset", "0"));
    } catch (const std::exception &) {
        return fail("--scale, --min-confidence and --max-offset take numbers");
    }
    if (!(opt.maxInconsistencyPx >= 0))
        return fail("--max-offset takes pixels (0 = the tolerance 0.2 mm × scale)");
    if (opt.scale <= 0)
        return fail("give --scale M (e.g. 1000)");
    std::string err;
    const auto frame = frameFromArgs(a, opt.scale, err);
    if (!frame)
        return fail(err);
    const auto seedPath = a.value("seed");
    if (!seedPath)
        return fail("give --seed FILE with 2–3 GCPs placed by hand (e.g. three frame corners)");
    const auto seeds = GcpSet::readAny(*seedPath, &err);
    if (!seeds)
        return fail(err);
    const auto out = a.value("out");
    if (!out)
        return fail("give --out FILE.points");
    const auto res = detectCrosses(scan, sheetTargets(*frame), *seeds, opt);
    if (!res.ok)
        return fail(res.error);
    GcpSet gcps = res.gcps;
    OGRSpatialReference srs;
    if (srs.importFromEPSG(5899) == OGRERR_NONE && !seeds->crsWkt().empty())
        gcps.setCrsWkt(seeds->crsWkt());
    const bool csv = std::filesystem::path(*out).extension() == ".csv";
    if (!(csv ? gcps.writeCsv(*out, &err) : gcps.writePoints(*out, {}, &err)))
        return fail(err);
    int rejected = 0;
    QJsonArray rows;
    for (const auto &d : res.crosses) {
        rejected += !d.accepted;
        QJsonObject r;
        r[QStringLiteral("id")] = QString::fromStdString(d.target.id);
        r[QStringLiteral("map_x")] = d.target.mapX;
        r[QStringLiteral("map_y")] = d.target.mapY;
        r[QStringLiteral("predicted_x")] = d.predicted.x;
        r[QStringLiteral("predicted_y")] = d.predicted.y;
        r[QStringLiteral("pixel_x")] = d.found.x;
        r[QStringLiteral("pixel_y")] = d.found.y;
        r[QStringLiteral("confidence")] = d.confidence;
        r[QStringLiteral("accepted")] = d.accepted;
        if (!d.accepted)
            r[QStringLiteral("reason")] = QString::fromStdString(d.reason);
        if (d.seed)
            r[QStringLiteral("seed")] = true;
        if (!d.note.empty())
            r[QStringLiteral("note")] = QString::fromStdString(d.note);
        if (d.offsetPx >= 0)
            r[QStringLiteral("offset_px")] = d.offsetPx;
        rows.append(r);
    }
    if (a.has("json")) {
        QJsonObject o;
        o[QStringLiteral("sheet")] = QString::fromStdString(frame->id);
        o[QStringLiteral("crosses")] = rows;
        o[QStringLiteral("accepted")] = res.accepted();
        o[QStringLiteral("rejected")] = rejected;
        o[QStringLiteral("threshold_px")] = res.thresholdPx;
        o[QStringLiteral("tolerance_px")] = res.tolerancePx;
        o[QStringLiteral("model")] = QString::fromStdString(res.model);
        QJsonArray others;
        for (const auto &g : res.otherSeeds) {
            QJsonObject r;
            r[QStringLiteral("map_x")] = g.mapX;
            r[QStringLiteral("map_y")] = g.mapY;
            r[QStringLiteral("pixel_x")] = g.pixelX;
            r[QStringLiteral("pixel_y")] = g.pixelY;
            others.append(r);
        }
        o[QStringLiteral("other_seeds")] = others;
        std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << "Sheet " << frame->id << ": " << res.accepted() << " of " << res.crosses.size()
                  << " grid crosses found, written to " << *out << "\n";
        char buf[160];
        std::snprintf(buf, sizeof buf, "Consistency: %s fit or grid neighbours, threshold %.2f px (0.2 mm × %d)\n",
                      res.model.empty() ? "no" : res.model.c_str(), res.thresholdPx, opt.scale);
        std::cout << buf;
        for (const auto &d : res.crosses)
            if (d.seed && !d.note.empty())
                std::cout << "  seed " << d.target.id << ": " << d.note << "\n";
        for (const auto &g : res.otherSeeds)
            std::cout << "  seed at (" << g.pixelX << ", " << g.pixelY << ") is no grid cross of the sheet: kept as placed\n";
        for (const auto &d : res.crosses)
            if (!d.accepted)
                std::cout << "  rejected " << d.target.id << " near (" << static_cast<int>(d.predicted.x) << ", "
                          << static_cast<int>(d.predicted.y) << "): " << d.reason << "\n";
    }
    return rejected ? 1 : 0;
}

int georefSample(const Argv &argv)
{
    Args a(argv, {"sheet", "out", "truth", "parcels", "dpi", "seed", "noise", "oversample", "epsg", "sheet-no", "commune",
                  "district", "province", "project"},
           {"help", "no-text", "realistic"});
    if (!a.ok())
        return fail(a.error());
    std::string err;
    const auto id = a.value("sheet");
    const auto out = a.value("out");
    const auto truth = a.value("truth");
    if (!id || !out || !truth)
        return fail("give --sheet ID --out SCAN.png --truth FILE.points");
    const auto frame = crs::sheetFrame(*id, {}, &err);
    if (!frame)
        return fail(err);
    const bool realistic = a.has("realistic");
    SampleScanOptions opt = realistic ? realisticScanOptions() : SampleScanOptions{};
    try {
        opt.dpi = std::stod(a.value("dpi", realistic ? "300" : "150"));
        opt.seed = static_cast<unsigned>(std::stoul(a.value("seed", "2029")));
        opt.noise = std::stod(a.value("noise", realistic ? "5" : "4"));
        opt.oversample = std::stoi(a.value("oversample", realistic ? "1" : "2"));
        opt.title.sheetNo = std::stoi(a.value("sheet-no", "0"));
    } catch (const std::exception &) {
        return fail("--dpi, --seed, --noise, --oversample and --sheet-no take numbers");
    }
    if (!(opt.dpi >= 10 && opt.dpi <= 1200))
        return fail("--dpi takes 10 … 1200");
    if (!(opt.noise >= 0 && opt.noise <= 100))
        return fail("--noise takes a grey-level σ 0 … 100");
    if (const auto parcels = a.value("parcels")) {
        opt.lines = readLines(*parcels, std::stoi(a.value("epsg", "5899")), &err);
        if (opt.lines.empty())
            return fail(err.empty() ? *parcels + ": no lines" : err);
        opt.labels = readParcelLabels(*parcels, std::stoi(a.value("epsg", "5899")), &opt.title, &err);
        if (opt.labels.empty())
            return fail(err);
    }
    // Title: the options, else the project (province, commune name in admin_unit), else the parcels' addresses.
    if (const auto projectPath = a.value("project")) {
        try {
            auto project = store::Project::open(*projectPath, true);
            const auto unit = report::unitInfo(*project, opt.title.communeCode);
            auto withPrefix = [](const std::string &name, const char *prefix, std::initializer_list<const char *> known) {
                const QString low = QString::fromStdString(name).toLower();
                for (const char *k : known)
                    if (low.startsWith(QString::fromUtf8(k)))
                        return name;
                return prefix + name;
            };
            if (!unit.communeName.empty() && unit.communeName != unit.communeCode)
                opt.title.commune = withPrefix(unit.communeName, "Xã ", {"xã ", "phường ", "thị trấn "});
            if (!unit.provinceName.empty())
                opt.title.province = withPrefix(unit.provinceName, "Tỉnh ", {"tỉnh ", "thành phố "});
        } catch (const std::exception &e) {
            const std::string what = e.what();
            return fail(what.rfind(*projectPath, 0) == 0 ? what : *projectPath + ": " + what);
        }
    }
    for (const auto &[option, field] : {std::pair{"commune", &opt.title.commune}, std::pair{"district", &opt.title.district},
                                        std::pair{"province", &opt.title.province}})
        if (const auto v = a.value(option))
            *field = *v;
    opt.text = !a.has("no-text");
    const auto scan = renderSampleScan(*frame, opt);
    if (!writeScanImage(scan, *out, &err))
        return fail(err);
    GcpSet t = scan.truth;
    OGRSpatialReference srs;
    if (srs.importFromEPSG(std::stoi(a.value("epsg", "5899"))) == OGRERR_NONE) {
        char *wkt = nullptr;
        const char *opts[] = {"FORMAT=WKT2_2019", "MULTILINE=NO", nullptr};
        if (srs.exportToWkt(&wkt, opts) == OGRERR_NONE && wkt)
            t.setCrsWkt(wkt);
        CPLFree(wkt);
    }
    if (!t.writePoints(*truth, {}, &err))
        return fail(err);
    std::cout << "Wrote " << *out << " (" << scan.width << " × " << scan.height << " px, sheet " << frame->id << " 1:"
              << frame->scale << ") and " << *truth << " (" << t.size() << " grid crosses)\n";
    if (scan.textDrawn)
        std::cout << "Text: title block, grid values, " << scan.labels.size() << " parcel labels (" << scan.labelsSkipped
                  << " left out: no room or near a grid cross)\n";
    else if (opt.text)
        std::cout << "No text drawn (needs a QGuiApplication and the DejaVu Sans font)\n";
    return 0;
}

} // namespace

int cmdGeoref(const Argv &argv)
{
    const std::string sub = argv.empty() ? std::string() : argv[0];
    if (sub.empty() || sub == "--help" || sub == "-h") {
        std::cout << kUsage;
        return sub.empty() ? 2 : 0;
    }
    for (const auto &s : argv)
        if (s == "--help") {
            std::cout << kUsage;
            return 0;
        }
    if (sub == "fit")
        return georefFit(argv);
    if (sub == "warp")
        return georefWarp(argv);
    if (sub == "report")
        return georefReport(argv);
    if (sub == "detect")
        return georefDetect(argv);
    if (sub == "sample")
        return georefSample(argv);
    std::cerr << "vnland georef: unknown sub-command '" << sub << "'\n" << kUsage;
    return 2;
}

} // namespace vnland::cli
