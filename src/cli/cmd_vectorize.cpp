// vnland vectorize — a scanned, georeferenced cadastral sheet into candidate
// parcels with their labels read (số hoá tự động), to a vector file or into a project.
#include "args.h"
#include "progress_bar.h"
#include "commands.h"

#include "georef/gcp_set.h"
#include "georef/transform.h"
#include "store/project.h"
#include "vectorize/vectorize.h"
#include "vectorize/vectorize_store.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace vnland::cli {

namespace {

const char *kUsage =
    "Usage:\n"
    "  vnland vectorize SCAN [--gcps FILE.points --transform T] --sheet ID [--scale M]\n"
    "        (--out FILE [--format DRIVER] | --into PROJECT.sqlite [--commune CODE --to-so N])\n"
    "        [--report FILE.json] [--epsg CODE] [--gap-mm 1.0] [--simplify-mm 0.1] [--threads N]\n"
    "        [--no-ocr] [--tessdata DIR] [--quiet]\n"
    "SCAN: any GDAL raster (PNG, JPEG, TIFF; grey or colour; 8/16-bit). Without --gcps the raster's own\n"
    "georeference (GeoTIFF, world file) is used. --out: GeoPackage, shapefile, GeoJSON … by extension,\n"
    "one polygon layer with thua_so, landuse_code, label_area, confidence, review.\n"
    "--into adds the candidates to a project in one transaction, flagged 'candidate' (+ reasons).\n"
    "Exit: 0 nothing needs review, 1 some candidates need review, 2 bad input or failure.\n";

int fail(const std::string &msg)
{
    std::cerr << "vnland vectorize: " << msg << "\n";
    return 2;
}

std::atomic<bool> g_cancel{false};
extern "C" void onSigint(int) { g_cancel = true; }

} // namespace

int cmdVectorize(const Argv &argv)
{
    Args a(argv,
           {"gcps", "transform", "sheet", "scale", "out", "format", "into", "commune", "to-so", "report", "epsg", "gap-mm",
            "simplify-mm", "threads", "tessdata"},
           {"help", "no-ocr", "quiet"});
    if (a.has("help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!a.ok())
        return fail(a.error() + "\n" + kUsage);
    const std::string scan = a.pos(0);
    if (scan.empty())
        return fail(std::string("give the scan file\n") + kUsage);
    if (!std::filesystem::is_regular_file(scan))
        return fail(scan + ": no such file");
    const auto out = a.value("out"), into = a.value("into");
    if (!out == !into)
        return fail("give exactly one of --out FILE or --into PROJECT.sqlite");
    if (out && std::filesystem::exists(*out))
        return fail(*out + ": exists already; choose another file name");
    if (into && !std::filesystem::exists(*into))
        return fail(*into + ": no such project (create it with `vnland create`)");
    vectorize::VectorizeOptions o;
    o.sheetId = a.value("sheet", "");
    if (o.sheetId.empty())
        return fail("give --sheet ID (số hiệu mảnh, e.g. 322500-5-d)");
    try {
        o.scale = std::stoi(a.value("scale", "0"));
        o.epsg = std::stoi(a.value("epsg", "0"));
        o.gapMm = std::stod(a.value("gap-mm", "1.0"));
        o.simplifyMm = std::stod(a.value("simplify-mm", "0.1"));
        o.threads = std::stoi(a.value("threads", "2"));
    } catch (const std::exception &) {
        return fail("--scale, --epsg, --gap-mm, --simplify-mm and --threads take numbers");
    }
    if (o.gapMm < 0 || o.gapMm > 5 || o.simplifyMm < 0 || o.simplifyMm > 2)
        return fail("--gap-mm must be within 0…5 and --simplify-mm within 0…2 (paper millimetres)");
    if (const auto g = a.value("gcps")) {
        std::string err;
        auto set = georef::GcpSet::readAny(*g, &err);
        if (!set)
            return fail(err);
        o.gcps = std::move(*set);
        const auto t = georef::parseTransform(a.value("transform", "affine"));
        if (!t)
            return fail("unknown --transform '" + a.value("transform", "") + "'");
        o.transform = *t;
    }
    o.ocr = !a.has("no-ocr");
    o.ocrDataPath = a.value("tessdata", "");
    const bool quiet = a.has("quiet");
    ProgressBar bar(!quiet);
    o.progress = [&bar](double f, const std::string &stage) { bar.update(f, stage); };
    std::signal(SIGINT, onSigint);
    o.cancel = &g_cancel;

    std::unique_ptr<store::Project> project;
    vectorize::IntoOptions io;
    if (into) {
        try {
            project = store::Project::open(*into);
        } catch (const std::exception &e) {
            return fail(*into + ": " + e.what());
        }
        if (!o.epsg)
            o.epsg = project->srid();
        io.communeCode = a.value("commune", "");
        try {
            io.toSo = std::stoi(a.value("to-so", "0"));
        } catch (const std::exception &) {
            return fail("--to-so takes a number");
        }
        io.sheetId = o.sheetId;
        io.scale = o.scale;
        io.source = scan;
        // The commune and tờ number are checked before the scan is read, not after.
        const auto target = vectorize::resolveTarget(*project, project->srid(), io);
        if (!target.ok)
            return fail(target.error + " (project unchanged)");
    }
    const auto res = vectorize::vectorizeScan(scan, o);
    bar.finish();
    if (res.cancelled)
        return fail("cancelled; nothing written");
    if (!res.ok)
        return fail(res.error);
    if (out) {
        std::string err;
        if (!vectorize::writeCandidates(res, *out, a.value("format", ""), &err)) {
            std::error_code ec;
            std::filesystem::remove(*out, ec);
            return fail(err);
        }
    } else {
        const auto r = vectorize::addCandidates(*project, res, io);
        if (!r.ok)
            return fail(r.error + " (project unchanged)");
        std::cout << "Added " << r.inserted << " candidate parcels to " << *into << " (commune " << r.communeCode
                  << ", tờ " << r.toSo << "), flagged 'candidate'\n";
    }
    if (const auto rep = a.value("report")) {
        std::ofstream f(*rep, std::ios::binary);
        f << vectorize::reportJson(res, scan);
        if (!f)
            return fail(*rep + ": cannot be written");
    }
    int labelled = 0;
    for (const auto &c : res.candidates)
        labelled += c.labelPixelX >= 0;
    double total = 0;
    for (const auto &t : res.timings)
        total += t.seconds;
    std::printf("%zu candidate parcels (%d labelled), %d need review; %d × %d px, %.1f px/mm, line %.1f px; %.1f s\n",
                res.candidates.size(), labelled, res.needReview(), res.width, res.height, res.pxPerMm, res.lineWidthPx, total);
    if (out)
        std::printf("Wrote %s (EPSG:%d)\n", out->c_str(), res.epsg);
    return res.needReview() > 0 ? 1 : 0;
}

} // namespace vnland::cli
