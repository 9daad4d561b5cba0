// Tests of the scan vectorizer (src/core/vectorize): stages on small rasters
// drawn here, end to end on synthetic sheets drawn from a known coverage
// (clean and degraded), the sample scan, the CLI's exit codes and bad input,
// and --into a project.
#define BOOST_TEST_MODULE vectorize
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "crs/map_sheet_grid.h"
#include "geom/geos_context.h"
#include "georef/sample_scan.h"
#include "io/vector_importer.h"
#include "store/database.h"
#include "store/project.h"
#include "vectorize/degrade.h"
#include "vectorize/scoring.h"
#include "vectorize/sheet_faces.h"
#include "vectorize/vectorize.h"
#include "vectorize/vectorize_internal.h"
#include "vectorize/vectorize_store.h"

#include <QGuiApplication>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace vnland;
using namespace vnland::vectorize;
using vnland::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct AppInit {
    AppInit()
    {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "test_vectorize";
        static char *argv[] = {name, nullptr};
        app = std::make_unique<QGuiApplication>(argc, argv);
        GDALAllRegister();
    }
    std::unique_ptr<QGuiApplication> app;
};

/// A sheet drawn from a known coverage: a 10 × 10 grid of 50 m cells over the
/// whole frame of 322500-5-d, interior vertices jittered (shared by neighbours),
/// each parcel labelled number / code / area.
struct SyntheticSheet {
    std::string scan, points;
    std::vector<TruthParcel> truth;
    crs::SheetFrame frame;
    georef::SampleScan drawn;
};

const char *const kCodes[] = {"ONT", "CLN", "LUC", "BHK", "DGT", "TSC", "NTS", "SKC", "ODT", "RSX"};

SyntheticSheet makeSheet(const TempDir &dir, const std::string &name, const DegradeOptions *degrade, double rotationDeg = 0.7,
                         unsigned seed = 11)
{
    SyntheticSheet s;
    s.frame = *crs::sheetFrame("322500-5-d");
    const int n = 10;
    const double cell = s.frame.size() / n;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> j(-0.15 * cell, 0.15 * cell);
    std::vector<std::vector<georef::PointD>> v(n + 1, std::vector<georef::PointD>(n + 1));
    for (int i = 0; i <= n; ++i)
        for (int k = 0; k <= n; ++k) {
            double e = s.frame.minEast + i * cell, no = s.frame.minNorth + k * cell;
            if (i > 0 && i < n)
                e += j(rng);
            if (k > 0 && k < n)
                no += j(rng);
            v[i][k] = {e, no};
        }
    georef::SampleScanOptions o;
    o.rotationDeg = rotationDeg;
    o.seed = seed;
    o.noise = 3;
    int number = 0;
    for (int k = n - 1; k >= 0; --k)
        for (int i = 0; i < n; ++i) {
            const std::vector<georef::PointD> ring = {v[i][k], v[i + 1][k], v[i + 1][k + 1], v[i][k + 1], v[i][k]};
            o.lines.push_back(ring);
            std::string wkt = "POLYGON((";
            for (size_t q = 0; q < ring.size(); ++q)
                wkt += (q ? "," : "") + std::to_string(ring[q].x) + " " + std::to_string(ring[q].y);
            wkt += "))";
            geom::GeomPtr g = geom::fromWkt(wkt);
            geom::GeomPtr c(GEOSGetCentroid_r(geom::ctx(), g.get()));
            geom::GeomPtr b(GEOSBoundary_r(geom::ctx(), g.get()));
            double room = 0, cx = 0, cy = 0;
            GEOSDistance_r(geom::ctx(), c.get(), b.get(), &room);
            GEOSGeomGetX_r(geom::ctx(), c.get(), &cx);
            GEOSGeomGetY_r(geom::ctx(), c.get(), &cy);
            georef::SampleParcelLabel l;
            l.at = {cx, cy};
            l.roomM = room;
            l.number = std::to_string(++number);
            l.landuse = kCodes[number % 10];
            l.area = std::round(geom::area(g.get()) * 10) / 10;
            o.labels.push_back(l);
            TruthParcel t;
            t.wkb = geom::toWkb(g.get());
            s.truth.push_back(t);
        }
    s.drawn = georef::renderSampleScan(s.frame, o);
    BOOST_REQUIRE(s.drawn.textDrawn);
    // Truth labels: what the sheet shows (a label may be left out near a grid cross).
    for (const auto &d : s.drawn.labels) {
        const int idx = std::stoi(d.number) - 1;
        s.truth[idx].thuaSo = idx + 1;
        if (d.withArea) {
            s.truth[idx].landuseCode = o.labels[idx].landuse;
            s.truth[idx].area = o.labels[idx].area;
        }
    }
    if (degrade) {
        DegradeOptions d = *degrade;
        d.pxPerMm = o.dpi / 25.4;
        degradeScan(s.drawn.pixels, s.drawn.width, s.drawn.height, d);
    }
    s.scan = dir.file(name + ".png");
    s.points = dir.file(name + ".points");
    std::string err;
    BOOST_REQUIRE_MESSAGE(georef::writeScanImage(s.drawn, s.scan, &err), err);
    BOOST_REQUIRE_MESSAGE(s.drawn.truth.writePoints(s.points, {}, &err), err);
    if (const char *keep = std::getenv("VNLAND_VEC_KEEP")) { // look at the sheets the tests draw
        fs::copy_file(s.scan, fs::path(keep) / (name + ".png"), fs::copy_options::overwrite_existing);
        fs::copy_file(s.points, fs::path(keep) / (name + ".points"), fs::copy_options::overwrite_existing);
    }
    return s;
}

VectorizeOptions optionsFor(const std::string &points)
{
    VectorizeOptions o;
    o.sheetId = "322500-5-d";
    o.scale = 1000;
    std::string err;
    auto g = georef::GcpSet::readAny(points, &err);
    BOOST_REQUIRE_MESSAGE(g, err);
    o.gcps = *g;
    o.transform = georef::TransformType::Polynomial2;
    return o;
}

/// Coverage facts: every candidate valid, no overlaps (the areas add up to
/// the union) and no gaps (the union is the frame).
void checkCoverage(const VectorizeResult &r, const crs::SheetFrame &frame)
{
    std::vector<GEOSGeometry *> gs;
    double sum = 0;
    for (const auto &c : r.candidates) {
        geom::GeomPtr g = geom::fromWkb(c.wkb.data(), c.wkb.size());
        BOOST_REQUIRE(g);
        std::string why;
        BOOST_TEST(geom::isValid(g.get(), &why), why);
        sum += geom::area(g.get());
        gs.push_back(g.release());
    }
    geom::GeomPtr coll(GEOSGeom_createCollection_r(geom::ctx(), GEOS_GEOMETRYCOLLECTION, gs.data(), static_cast<unsigned>(gs.size())));
    geom::GeomPtr uni(GEOSUnaryUnion_r(geom::ctx(), coll.get()));
    const double frameArea = frame.size() * frame.size();
    BOOST_TEST(std::abs(sum - geom::area(uni.get())) < 0.01); // no overlaps
    BOOST_TEST(std::abs(geom::area(uni.get()) - frameArea) < 0.01); // no gaps, nothing outside
}

} // namespace

BOOST_GLOBAL_FIXTURE(AppInit);

BOOST_AUTO_TEST_SUITE(stages)

BOOST_AUTO_TEST_CASE(uneven_light_binarised)
{
    // Lines of contrast 70 on paper whose brightness runs from 130 to 245.
    cv::Mat img(300, 400, CV_8U);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x)
            img.at<uint8_t>(y, x) = static_cast<uint8_t>(130 + 115.0 * x / img.cols);
    cv::Mat lines(img.size(), CV_8U, cv::Scalar(0));
    for (int y = 40; y < 300; y += 60)
        cv::line(lines, {0, y}, {399, y + 10}, cv::Scalar(255), 2);
    img.setTo(cv::Scalar(0), lines); // mask only
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x)
            if (lines.at<uint8_t>(y, x))
                img.at<uint8_t>(y, x) = static_cast<uint8_t>(60 + 115.0 * x / img.cols);
    const cv::Mat ink = detail::binarize(detail::flattenLighting(img, 40), 15);
    // The light smoothing before the threshold may widen a line by a pixel on each side; what
    // must not happen is the dark end of the paper turning into ink: count ink farther away.
    cv::Mat near;
    cv::dilate(lines, near, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    int hit = 0, miss = 0, falseInk = 0;
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const bool l = lines.at<uint8_t>(y, x), k = ink.at<uint8_t>(y, x);
            hit += l && k;
            miss += l && !k;
            // The outer 3 px of the image are left out: the lighting estimate is extrapolated
            // there (a known artefact; scan margins lie outside the sheet frame anyway).
            const bool border = x < 3 || y < 3 || x >= img.cols - 3 || y >= img.rows - 3;
            falseInk += !border && !near.at<uint8_t>(y, x) && k;
        }
    BOOST_TEST(miss < hit / 20);
    BOOST_TEST(falseInk < hit / 20);
}

BOOST_AUTO_TEST_CASE(text_separated_from_lines)
{
    cv::Mat ink(200, 200, CV_8U, cv::Scalar(0));
    cv::rectangle(ink, {10, 10}, {190, 190}, cv::Scalar(255), 2);
    cv::putText(ink, "12", {80, 100}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(255), 1);
    ink.at<uint8_t>(150, 150) = 255; // a speck
    const auto parts = detail::separateInk(ink, 20, 3);
    BOOST_TEST(cv::countNonZero(parts.lines(cv::Rect(60, 80, 60, 30))) == 0);
    BOOST_TEST(cv::countNonZero(parts.text(cv::Rect(60, 80, 60, 30))) > 20);
    BOOST_TEST(parts.text.at<uint8_t>(150, 150) == 0);
    BOOST_TEST(cv::countNonZero(parts.lines) > 4 * 170);
    const double w = detail::estimateLineWidth(parts.lines);
    BOOST_TEST(w > 2.0);
    BOOST_TEST(w < 4.5);
}

BOOST_AUTO_TEST_CASE(gap_closed_dangle_and_cross_ignored)
{
    // A box split in two by a line with a 5 px break; a dangle and a cross inside the left part.
    cv::Mat lines(200, 300, CV_8U, cv::Scalar(0));
    cv::rectangle(lines, {10, 10}, {290, 190}, cv::Scalar(255), 2);
    cv::line(lines, {150, 10}, {150, 95}, cv::Scalar(255), 2);
    cv::line(lines, {150, 101}, {150, 190}, cv::Scalar(255), 2);
    cv::line(lines, {10, 60}, {60, 60}, cv::Scalar(255), 2);   // dangle from the frame
    cv::line(lines, {80, 130}, {110, 130}, cv::Scalar(255), 2); // cross
    cv::line(lines, {95, 115}, {95, 145}, cv::Scalar(255), 2);
    cv::Mat inside(lines.size(), CV_8U, cv::Scalar(0));
    cv::rectangle(inside, {12, 12}, {288, 188}, cv::Scalar(255), cv::FILLED);
    cv::Mat labels;
    BOOST_TEST(detail::voronoiFaces(lines, inside, 50, labels) == 1);   // the break joins both halves
    const cv::Mat closed = detail::closeGaps(lines, 8);
    BOOST_TEST(detail::voronoiFaces(closed, inside, 50, labels) == 2);
    BOOST_TEST(labels.at<int>(100, 80) != labels.at<int>(100, 220));
    BOOST_TEST(labels.at<int>(60, 30) == labels.at<int>(130, 95)); // dangle and cross are inside one face
    // Edges between the two faces: one, from the top to the bottom, near x = 150.
    const auto edges = detail::crackEdges(labels);
    int inner = 0;
    for (const auto &e : edges) {
        bool border = true;
        for (const auto &p : e)
            border = border && (p.x == 0 || p.y == 0 || p.x == labels.cols || p.y == labels.rows);
        if (border)
            continue;
        ++inner;
        for (const auto &p : e)
            BOOST_TEST(std::abs(p.x - 151) <= 2.5);
    }
    BOOST_TEST(inner == 1);
}

BOOST_AUTO_TEST_CASE(crack_edges_junction)
{
    // Three labels meeting in a T: three inner edges ending at the junction (5,5).
    cv::Mat labels(10, 10, CV_32S, cv::Scalar(1));
    labels(cv::Rect(5, 0, 5, 5)).setTo(2);
    labels(cv::Rect(0, 5, 10, 5)).setTo(3);
    const auto edges = detail::crackEdges(labels);
    int atJunction = 0;
    for (const auto &e : edges)
        for (const auto *p : {&e.front(), &e.back()})
            atJunction += p->x == 5 && p->y == 5;
    BOOST_TEST(atJunction == 3);
    const auto dp = detail::simplifyDp({{0, 0}, {1, 0.2}, {2, 0}, {3, 5}, {4, 0}}, 0.5);
    BOOST_TEST(dp.size() == 4u);
}

// Fill parcel's lookup: the face under a click, holes excluded, the highest number read.
BOOST_AUTO_TEST_CASE(sheet_faces_find_the_face_under_a_point)
{
    using edit::MultiPoly;
    using edit::Poly;
    VectorizeResult r;
    r.ok = true;
    r.epsg = 5899;
    Candidate a, b;
    // a: 0..10 square with a 4..6 hole; b: the 10..20 square beside it.
    a.wkb = edit::toWkb(MultiPoly{Poly{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}}});
    a.thuaSo = 7;
    b.wkb = edit::toWkb(MultiPoly{Poly{{{{10, 0}, {20, 0}, {20, 10}, {10, 10}}}}});
    b.thuaSo = 12;
    r.candidates = {a, b};
    const SheetFaces f(std::move(r), 500);
    BOOST_TEST(f.size() == 2u);
    BOOST_TEST(f.epsg() == 5899);
    BOOST_TEST(f.faceAt(2, 2) == 0);
    BOOST_TEST(f.faceAt(15, 5) == 1);
    BOOST_TEST(f.faceAt(5, 5) == -1);      // in the hole
    BOOST_TEST(f.faceAt(25, 5) == -1);     // outside
    BOOST_TEST(f.highestNumber() == 12);
    BOOST_TEST(f.snapTolerance() == 0.1, boost::test_tools::tolerance(1e-12));   // 0.2 mm at 1:500
    BOOST_TEST(f.candidate(1).thuaSo.value_or(0) == 12);
    BOOST_TEST(f.polygon(0).front().rings.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(end_to_end)

BOOST_AUTO_TEST_CASE(clean_synthetic_sheet)
{
    TempDir dir;
    const auto s = makeSheet(dir, "clean", nullptr);
    const auto r = vectorizeScan(s.scan, optionsFor(s.points));
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    if (std::getenv("VNLAND_VEC_DEBUG"))
        for (const auto &c : r.candidates)
            BOOST_TEST_MESSAGE("cand area " << c.area << " " << (c.area < 100 ? geom::toWkt(geom::fromWkb(c.wkb.data(), c.wkb.size()).get(), 1) : std::string()) << " n=" << c.numberField.text << " c=" << c.codeField.text << " a="
                                            << c.areaField.text << " @" << c.labelPixelX << "," << c.labelPixelY << " review "
                                            << c.reviewText());
    checkCoverage(r, s.frame);
    const Score sc = scoreCandidates(r.candidates, s.truth, s.frame.wkt(), 1000);
    BOOST_TEST_MESSAGE("clean: " << sc.summary());
    BOOST_TEST(sc.recall >= 0.98);
    BOOST_TEST(sc.f1 >= 0.95);
    BOOST_TEST(sc.vertexMeanMm < 0.3);
    BOOST_TEST(sc.numberAccuracy() >= 0.9);
    BOOST_TEST(sc.codeAccuracy() >= 0.95);
    BOOST_TEST(sc.areaReadShare() >= 0.9);
    BOOST_TEST(sc.areaAccuracy() >= 0.9);
}

BOOST_AUTO_TEST_CASE(degraded_synthetic_sheet)
{
    TempDir dir;
    DegradeOptions d;
    d.jpegQuality = 75;
    const auto s = makeSheet(dir, "degraded", &d, 1.5, 23);
    const auto r = vectorizeScan(s.scan, optionsFor(s.points));
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    checkCoverage(r, s.frame);
    const Score sc = scoreCandidates(r.candidates, s.truth, s.frame.wkt(), 1000);
    BOOST_TEST_MESSAGE("degraded: " << sc.summary());
    BOOST_TEST(sc.recall >= 0.9);
    BOOST_TEST(sc.f1 >= 0.9);
    BOOST_TEST(sc.vertexMeanMm < 0.3);
    // Labels on this sheet are mostly unreadable (faded 1.8–2.4 mm text at 150 dpi, blur, noise, JPEG):
    // whatever is not read must be flagged, never accepted.
    for (const auto &c : r.candidates)
        if (!c.thuaSo || c.landuseCode.empty())
            BOOST_TEST(!c.review.empty());
}

BOOST_AUTO_TEST_CASE(cross_checks_flag_candidates)
{
    TempDir dir;
    const auto s = makeSheet(dir, "checks", nullptr);
    auto o = optionsFor(s.points);
    const auto r = vectorizeScan(s.scan, o);
    BOOST_REQUIRE(r.ok);
    // Parcels whose label was left out (near a grid cross) are flagged no_label, and every flag has a reason.
    int noLabel = 0, unlabelledTruth = 0;
    for (const auto &c : r.candidates)
        noLabel += std::find(c.review.begin(), c.review.end(), "no_label") != c.review.end();
    for (const auto &t : s.truth)
        unlabelledTruth += !t.thuaSo;
    BOOST_TEST(noLabel >= unlabelledTruth);
    BOOST_TEST(r.needReview() >= noLabel);
    // Numbers left unlabelled are reported missing on the sheet.
    BOOST_TEST(r.missingNumbers.size() >= static_cast<size_t>(std::max(0, unlabelledTruth - 2)));
    // Without OCR every labelled candidate is flagged, nothing is accepted unread.
    o.ocr = false;
    const auto r2 = vectorizeScan(s.scan, o);
    BOOST_REQUIRE(r2.ok);
    BOOST_TEST(r2.needReview() == static_cast<int>(r2.candidates.size()));
}

BOOST_AUTO_TEST_CASE(cancel_stops)
{
    TempDir dir;
    const auto s = makeSheet(dir, "cancel", nullptr);
    auto o = optionsFor(s.points);
    std::atomic<bool> cancel{false};
    int calls = 0;
    o.cancel = &cancel;
    o.progress = [&](double, const std::string &) {
        if (++calls == 2)
            cancel = true;
    };
    const auto r = vectorizeScan(s.scan, o);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.cancelled);
    BOOST_TEST(r.candidates.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(out_gpkg_fields_and_exit_code)
{
    TempDir dir;
    const auto s = makeSheet(dir, "cli", nullptr);
    const std::string out = dir.file("cand.gpkg"), rep = dir.file("rep.json");
    const auto run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                                          " --transform polynomial2 --sheet 322500-5-d --scale 1000 --out " + out +
                                          " --report " + rep + " --quiet");
    BOOST_TEST(run.exitCode == 1, run.err); // some candidates need review (labels left out near crosses)
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(ds);
    OGRLayer *l = ds->GetLayer(0);
    BOOST_REQUIRE(l);
    OGRFeatureDefn *def = l->GetLayerDefn();
    BOOST_REQUIRE(def->GetFieldCount() == 5);
    const char *names[] = {"thua_so", "landuse_code", "label_area", "confidence", "review"};
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(std::string(def->GetFieldDefn(i)->GetNameRef()) == names[i]);
    BOOST_TEST(def->GetFieldDefn(0)->GetType() == OFTInteger);
    BOOST_TEST(def->GetFieldDefn(2)->GetType() == OFTReal);
    BOOST_TEST(l->GetFeatureCount() >= 95);
    BOOST_TEST(l->GetSpatialRef()->GetAuthorityCode(nullptr) == std::string("5899"));
    const std::string json = vnland::test::readFile(rep);
    BOOST_TEST(json.find("\"flagged\"") != std::string::npos);
    BOOST_TEST(json.find("no_label") != std::string::npos);
    BOOST_TEST(json.find("\"seconds\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_input_clear_error_nothing_written)
{
    TempDir dir;
    const auto s = makeSheet(dir, "bad", nullptr);
    const std::string base = " --sheet 322500-5-d --scale 1000 --quiet --out ";
    auto expectFail = [&](const std::string &args, const std::string &needle, const std::string &out) {
        const auto run = vnland::test::runCli("vectorize " + args + base + out);
        BOOST_TEST(run.exitCode == 2, args);
        BOOST_TEST(run.err.find(needle) != std::string::npos, run.err);
        BOOST_TEST(!fs::exists(out), out);
    };
    const std::string empty = dir.file("empty.png");
    std::ofstream(empty).close();
    expectFail(empty + " --gcps " + s.points, "empty.png", dir.file("o1.gpkg"));
    // Truncated PNG.
    {
        const std::string all = vnland::test::readFile(s.scan);
        std::ofstream(dir.file("trunc.png"), std::ios::binary) << all.substr(0, all.size() / 3);
    }
    expectFail(dir.file("trunc.png") + " --gcps " + s.points, "trunc.png", dir.file("o2.gpkg"));
    // Random bytes.
    {
        std::ofstream f(dir.file("noise.tif"), std::ios::binary);
        std::mt19937 rng(3);
        for (int i = 0; i < 5000; ++i)
            f.put(static_cast<char>(rng()));
    }
    expectFail(dir.file("noise.tif") + " --gcps " + s.points, "noise.tif", dir.file("o3.gpkg"));
    // No georeference.
    expectFail(s.scan, "no georeference", dir.file("o4.gpkg"));
    // Wrong sheet id: malformed, and a real sheet elsewhere.
    {
        const auto run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                                              " --sheet 99x --scale 1000 --quiet --out " + dir.file("o5.gpkg"));
        BOOST_TEST(run.exitCode == 2);
        BOOST_TEST(run.err.find("99x") != std::string::npos, run.err);
        BOOST_TEST(!fs::exists(dir.file("o5.gpkg")));
        const auto run2 = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                                               " --sheet 322500-5-a --scale 1000 --quiet --out " + dir.file("o6.gpkg"));
        BOOST_TEST(run2.exitCode == 2);
        BOOST_TEST(run2.err.find("does not lie on this scan") != std::string::npos, run2.err);
        BOOST_TEST(!fs::exists(dir.file("o6.gpkg")));
        const auto run3 = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                                               " --sheet 322500-5-d --scale 2000 --quiet --out " + dir.file("o7.gpkg"));
        BOOST_TEST(run3.exitCode == 2);
        BOOST_TEST(run3.err.find("1:1000") != std::string::npos, run3.err);
    }
    // Output exists already: refused, file unchanged.
    {
        std::ofstream(dir.file("exists.gpkg")) << "keep";
        const auto run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points + base + dir.file("exists.gpkg"));
        BOOST_TEST(run.exitCode == 2);
        BOOST_TEST(vnland::test::readFile(dir.file("exists.gpkg")) == "keep");
    }
}

BOOST_AUTO_TEST_CASE(colour_and_16bit_scans)
{
    TempDir dir;
    const auto s = makeSheet(dir, "depth", nullptr);
    GDALDriver *tif = GetGDALDriverManager()->GetDriverByName("GTiff");
    // RGB copy with a colour cast, and a 16-bit copy.
    {
        GDALDatasetUniquePtr ds(tif->Create(dir.file("rgb.tif").c_str(), s.drawn.width, s.drawn.height, 3, GDT_Byte, nullptr));
        // The colour copy is a georeferenced GeoTIFF (affine fit of the true crosses): no --gcps needed.
        std::vector<georef::PointD> px, mp;
        s.drawn.truth.enabledPoints(px, mp);
        const auto affine = georef::TransformModel::fit(georef::TransformType::Affine, px, mp);
        BOOST_REQUIRE(affine && affine->geoTransform());
        auto gt = *affine->geoTransform();
        ds->SetGeoTransform(gt.data());
        OGRSpatialReference srs;
        srs.importFromEPSG(5899);
        ds->SetSpatialRef(&srs);
        std::vector<uint8_t> band(s.drawn.pixels.size());
        for (int b = 0; b < 3; ++b) {
            for (size_t i = 0; i < band.size(); ++i)
                band[i] = static_cast<uint8_t>(s.drawn.pixels[i] * (b == 2 ? 0.8 : 1.0));
            BOOST_REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, s.drawn.width, s.drawn.height, band.data(),
                                                             s.drawn.width, s.drawn.height, GDT_Byte, 0, 0, nullptr) == CE_None);
        }
        GDALDatasetUniquePtr d16(tif->Create(dir.file("g16.tif").c_str(), s.drawn.width, s.drawn.height, 1, GDT_UInt16, nullptr));
        std::vector<uint16_t> v(s.drawn.pixels.size());
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = static_cast<uint16_t>(s.drawn.pixels[i] * 200 + 1000);
        BOOST_REQUIRE(d16->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, s.drawn.width, s.drawn.height, v.data(), s.drawn.width,
                                                      s.drawn.height, GDT_UInt16, 0, 0, nullptr) == CE_None);
    }
    for (const char *name : {"rgb.tif", "g16.tif"}) {
        auto o = optionsFor(s.points);
        if (std::string(name) == "rgb.tif")
            o.gcps = {}; // the GeoTIFF's own georeference
        o.ocr = false; // geometry only: OCR is measured on the grey sheet
        const auto r = vectorizeScan(dir.file(name), o);
        BOOST_REQUIRE_MESSAGE(r.ok, r.error);
        BOOST_TEST(r.epsg == 5899);
        const Score sc = scoreCandidates(r.candidates, s.truth, s.frame.wkt(), 1000);
        BOOST_TEST_MESSAGE(name << ": " << sc.summary());
        BOOST_TEST(sc.f1 >= 0.95, name);
    }
}

BOOST_AUTO_TEST_CASE(into_project_one_transaction)
{
    TempDir dir;
    const auto s = makeSheet(dir, "into", nullptr);
    const std::string proj = dir.file("p.sqlite");
    {
        store::ProjectSettings ps;
        auto p = store::Project::create(proj, ps);
        p->ensureCommune("07192", "Cô Tô");
    }
    // A commune given but no tờ and no map_sheet row: refused, project untouched.
    auto run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                                    " --transform polynomial2 --sheet 322500-5-d --scale 1000 --quiet --into " + proj);
    BOOST_TEST(run.exitCode == 2);
    BOOST_TEST(run.err.find("--to-so") != std::string::npos, run.err);
    {
        auto p = store::Project::open(proj, true);
        BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel").value_or(-1) == 0);
    }
    run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                               " --transform polynomial2 --sheet 322500-5-d --scale 1000 --quiet --to-so 3 --into " + proj);
    BOOST_TEST(run.exitCode == 1, run.err);
    auto p = store::Project::open(proj, true);
    const auto n = p->db().queryInt("SELECT count(*) FROM parcel WHERE commune_code = '07192' AND to_so = 3").value_or(-1);
    BOOST_TEST(n >= 95);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE flags NOT LIKE 'candidate%'").value_or(-1) == 0);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE flags LIKE '%no_label%'").value_or(0) >= 1);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM map_sheet WHERE sheet_id = '322500-5-d' AND to_so = 3").value_or(0) == 1);
    // Second run: numbers already held → flagged duplicate_number, still one transaction, no constraint failure.
    p.reset();
    run = vnland::test::runCli("vectorize " + s.scan + " --gcps " + s.points +
                               " --transform polynomial2 --sheet 322500-5-d --quiet --commune 07192 --into " + proj);
    BOOST_TEST(run.exitCode == 1, run.err);
    p = store::Project::open(proj, true);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel").value_or(-1) == 2 * n);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE flags LIKE '%duplicate_number%'").value_or(0) >= n / 2);
}

BOOST_AUTO_TEST_SUITE_END()
