// bench_vectorize — quality and speed of `vnland vectorize` on the Cô Tô
// sample sheet (tờ 3, 322500-5-d, drawn from sample_data/coto/coto_faulty.shp
// exactly as sample_data/coto/regenerate.sh does) and on degraded copies,
// scored against that coverage: parcel F1 at IoU ≥ 0.9, vertex offset, labels
// read right; time and peak memory. The baseline a QGIS user has — a fixed
// threshold + GDALPolygonize (what gdal_polygonize does) — is scored in the
// same run. `bench_vectorize --large` adds a ~10 000 px sheet (300 dpi+);
// `--verbose` lists every label field read wrong.
#include "bench_support.h"

#include "crs/map_sheet_grid.h"
#include "geom/geos_context.h"
#include "georef/sample_scan.h"
#include "vectorize/degrade.h"
#include "vectorize/scoring.h"
#include "vectorize/vectorize.h"

#include <QGuiApplication>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>

using namespace vnland;
using namespace vnland::vectorize;
namespace fs = std::filesystem;

namespace {

std::vector<TruthParcel> readTruth(const std::string &shp)
{
    std::vector<TruthParcel> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(shp.c_str(), GDAL_OF_VECTOR));
    if (!ds)
        return out;
    OGRLayer *l = ds->GetLayer(0);
    for (auto &f : *l) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g)
            continue;
        TruthParcel t;
        t.wkb.resize(g->WkbSize());
        g->exportToWkb(wkbNDR, t.wkb.data());
        if (f->IsFieldSetAndNotNull(f->GetFieldIndex("SoThuTuThu")))
            t.thuaSo = f->GetFieldAsInteger("SoThuTuThu");
        t.landuseCode = f->GetFieldAsString("KyHieuMucD");
        out.push_back(std::move(t));
    }
    return out;
}

/// Baseline: binarise at a fixed grey level (180), polygonize the paper regions, georeference, keep what is in the frame.
std::vector<Candidate> baseline(const std::string &scan, const georef::TransformModel &model, const crs::SheetFrame &frame)
{
    std::vector<Candidate> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(scan.c_str(), GDAL_OF_RASTER));
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    std::vector<uint8_t> px(static_cast<size_t>(w) * h);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, px.data(), w, h, GDT_Byte, 0, 0, nullptr) != CE_None)
        return out;
    for (auto &v : px)
        v = v < 180 ? 0 : 1; // between the paper (~235) and anti-aliased 0.15 mm ink
    GDALDatasetUniquePtr mem(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", w, h, 1, GDT_Byte, nullptr));
    if (mem->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, px.data(), w, h, GDT_Byte, 0, 0, nullptr) != CE_None)
        return out;
    GDALDatasetUniquePtr vec(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer *l = vec->CreateLayer("p", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("v", OFTInteger);
    l->CreateField(&fd);
    GDALPolygonize(mem->GetRasterBand(1), mem->GetRasterBand(1), l, 0, nullptr, nullptr, nullptr);
    geom::GeomPtr fr = geom::fromWkt(frame.wkt());
    for (auto &f : *l) {
        OGRGeometry *g = f->GetGeometryRef();
        OGRPolygon *poly = g ? g->toPolygon() : nullptr;
        if (!poly)
            continue;
        // pixel → map through the same transform the vectorizer uses
        for (int r = 0; r <= poly->getNumInteriorRings(); ++r) {
            OGRLinearRing *ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
            for (int i = 0; i < ring->getNumPoints(); ++i) {
                const auto m = model.forward({ring->getX(i), ring->getY(i)});
                ring->setPoint(i, m.x, m.y);
            }
        }
        std::vector<unsigned char> wkb(poly->WkbSize());
        poly->exportToWkb(wkbNDR, wkb.data());
        geom::GeomPtr gg = geom::fromWkb(wkb.data(), wkb.size());
        if (!gg)
            continue;
        geom::GeomPtr pos(GEOSPointOnSurface_r(geom::ctx(), gg.get()));
        if (!pos || !GEOSContains_r(geom::ctx(), fr.get(), pos.get()) || geom::area(gg.get()) < 2)
            continue;
        Candidate c;
        c.wkb = std::move(wkb);
        c.area = geom::area(gg.get());
        out.push_back(std::move(c));
    }
    return out;
}

struct Case {
    const char *name;
    DegradeOptions degrade;
    bool degraded = false;
    double rotation = 0.7;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    GDALAllRegister();
    bool large = false, verbose = false;
    for (int i = 1; i < argc; ++i) {
        large = large || !std::strcmp(argv[i], "--large");
        verbose = verbose || !std::strcmp(argv[i], "--verbose");
    }
    const std::string sample = VNLAND_SOURCE_DIR "/sample_data/coto/";
    const auto frame = *crs::sheetFrame("322500-5-d");
    std::string err;
    const auto lines = georef::readLines(sample + "coto_faulty.shp", 5899, &err);
    georef::SampleSheetTitle title;
    const auto labels = georef::readParcelLabels(sample + "coto_faulty.shp", 5899, &title, &err);
    auto truth = readTruth(sample + "coto_faulty.shp");
    if (lines.empty() || labels.empty() || truth.empty()) {
        std::fprintf(stderr, "bench_vectorize: cannot read %scoto_faulty.shp: %s\n", sample.c_str(), err.c_str());
        return 2;
    }
    const fs::path dir = fs::temp_directory_path() / "vnland_bench_vectorize";
    fs::create_directories(dir);

    std::vector<Case> cases;
    cases.push_back({"sample", {}, false});
    {
        Case c{"noise+jpeg", {}, true};
        c.degrade.fade = 0, c.degrade.lightRange = 0, c.degrade.breaks = 0, c.degrade.specks = 0, c.degrade.noise = 12,
        c.degrade.blurPx = 0.6, c.degrade.jpegQuality = 60;
        cases.push_back(c);
    }
    {
        Case c{"faded+light", {}, true};
        c.degrade.breaks = 0, c.degrade.specks = 0, c.degrade.noise = 4, c.degrade.fade = 0.4, c.degrade.lightRange = 80;
        cases.push_back(c);
    }
    {
        Case c{"broken+specks", {}, true};
        c.degrade.fade = 0, c.degrade.lightRange = 0, c.degrade.noise = 3, c.degrade.breaks = 600, c.degrade.specks = 4000;
        cases.push_back(c);
    }
    {
        Case c{"skewed 2.5°", {}, false, 2.5};
        cases.push_back(c);
    }
    std::printf("%-14s %6s %6s %6s %7s %7s %7s %7s %7s %6s %7s | %s\n", "sheet", "F1", "recall", "prec", "vtx_mm", "numbers",
                "codes", "areas%", "areas", "sec", "peakMiB", "baseline F1 (threshold + GDALPolygonize)");
    for (const Case &c : cases) {
        georef::SampleScanOptions o;
        o.lines = lines;
        o.labels = labels;
        o.title = title;
        o.noise = 3;
        o.rotationDeg = c.rotation;
        auto scan = georef::renderSampleScan(frame, o);
        // Truth labels as drawn: number always, code and area where the three-line label fitted.
        std::vector<TruthParcel> t = truth;
        std::map<std::string, bool> drawn;
        for (const auto &d : scan.labels)
            drawn[d.number] = d.withArea;
        for (size_t i = 0; i < t.size(); ++i) {
            const std::string num = t[i].thuaSo ? std::to_string(*t[i].thuaSo) : "";
            const auto it = drawn.find(num);
            if (it == drawn.end()) {
                t[i].thuaSo.reset();
                t[i].landuseCode.clear();
            } else if (it->second) {
                // The printed area: the label whose point lies in this parcel (numbers repeat across sheets).
                geom::GeomPtr g = geom::fromWkb(t[i].wkb.data(), t[i].wkb.size());
                const geom::Envelope e = geom::envelope(g.get());
                for (const auto &l : labels) {
                    if (l.number != num || l.area <= 0 || l.at.x < e.minX || l.at.x > e.maxX || l.at.y < e.minY || l.at.y > e.maxY)
                        continue;
                    geom::GeomPtr pt(GEOSGeom_createPointFromXY_r(geom::ctx(), l.at.x, l.at.y));
                    if (GEOSContains_r(geom::ctx(), g.get(), pt.get()) == 1)
                        t[i].area = std::round(l.area * 10) / 10;
                }
            } else {
                t[i].landuseCode.clear();
            }
        }
        if (c.degraded) {
            DegradeOptions d = c.degrade;
            d.pxPerMm = o.dpi / 25.4;
            degradeScan(scan.pixels, scan.width, scan.height, d);
        }
        const std::string png = (dir / (std::string("s") + std::to_string(&c - cases.data()) + ".png")).string();
        georef::writeScanImage(scan, png, &err);
        VectorizeOptions vo;
        vo.sheetId = frame.id;
        vo.scale = 1000;
        vo.gcps = scan.truth;
        vo.transform = georef::TransformType::Polynomial2;
        const double t0 = bench::now();
        const auto r = vectorizeScan(png, vo);
        const double secs = bench::now() - t0;
        if (!r.ok) {
            std::printf("%-14s failed: %s\n", c.name, r.error.c_str());
            continue;
        }
        const Score s = scoreCandidates(r.candidates, t, frame.wkt(), 1000);
        std::vector<georef::PointD> px, mp;
        scan.truth.enabledPoints(px, mp);
        const auto model = georef::TransformModel::fit(georef::TransformType::Polynomial2, px, mp);
        const Score b = scoreCandidates(baseline(png, *model, frame), t, frame.wkt(), 1000);
        std::printf("%-14s %6.3f %6.3f %6.3f %7.3f %7.3f %7.3f %7.3f %7.3f %6.1f %7.0f | %.3f\n", c.name, s.f1, s.recall,
                    s.precision, s.vertexMeanMm, s.numberAccuracy(), s.codeAccuracy(), s.areaReadShare(), s.areaAccuracy(),
                    secs, bench::selfPeakMiB(), b.f1);
        if (verbose)
            for (const auto &m : s.misreads)
                std::printf("    %s\n", m.c_str());
        std::fflush(stdout);
    }
    if (large) {
        georef::SampleScanOptions o;
        o.lines = lines;
        o.labels = labels;
        o.dpi = 450; // 500 + 80 mm of paper → ~10 300 px square
        o.oversample = 1;
        auto scan = georef::renderSampleScan(frame, o);
        const std::string tif = (dir / "large.tif").string();
        georef::writeScanImage(scan, tif, &err);
        VectorizeOptions vo;
        vo.sheetId = frame.id;
        vo.gcps = scan.truth;
        vo.transform = georef::TransformType::Polynomial2;
        scan = {};
        const double t0 = bench::now();
        const auto r = vectorizeScan(tif, vo);
        std::printf("large %d × %d px: %s, %zu candidates, %.1f s, peak %.0f MiB (whole process)\n", r.width, r.height,
                    r.ok ? "ok" : r.error.c_str(), r.candidates.size(), bench::now() - t0, bench::selfPeakMiB());
    }
    return 0;
}
