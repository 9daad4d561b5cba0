// Import and export: counts, CRS handling, encodings, mapping, bad inputs that
// must leave the project untouched, and export -> import round trips.
#define BOOST_TEST_MODULE io
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "io/exporter.h"
#include "io/ogr_util.h"
#include "io/vector_importer.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace vnland;
using vnland::io::transformRings;
namespace fs = std::filesystem;

struct GlobalSetup {
    GlobalSetup()
    {
        static int argc = 1;
        static char name[] = "test_io";
        static char *argv[] = {name, nullptr};
        app = new QCoreApplication(argc, argv);
        GDALAllRegister();
    }
    ~GlobalSetup() { delete app; }
    QCoreApplication *app;
};
BOOST_TEST_GLOBAL_FIXTURE(GlobalSetup);

namespace {

struct Feature {
    std::string wkt;
    std::map<std::string, std::string> text; // raw bytes as written to the DBF
    std::map<std::string, int> ints;
    std::map<std::string, double> reals;
};

/// Writes a shapefile with Circular 75 fields; raw text bytes are written as given.
void writeShp(const std::string &path, int epsg, const std::vector<Feature> &features, const char *cpg = nullptr)
{
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    BOOST_REQUIRE(ds);
    OGRSpatialReference srs;
    if (epsg)
        srs.importFromEPSG(epsg);
    const char *lco[] = {"ENCODING=", nullptr}; // no recoding, no .cpg
    OGRLayer *layer = ds->CreateLayer(fs::path(path).stem().c_str(), epsg ? &srs : nullptr, wkbPolygon, const_cast<char **>(lco));
    for (const char *n : {"MaXa", "TenChu", "DiaChi", "KyHieuMucD", "KyHieuDoiT"}) {
        OGRFieldDefn d(n, OFTString);
        d.SetWidth(100);
        layer->CreateField(&d);
    }
    for (const char *n : {"SoHieuToBa", "SoThuTuThu"}) {
        OGRFieldDefn d(n, OFTInteger);
        layer->CreateField(&d);
    }
    for (const char *n : {"DienTich", "DienTichPh"}) {
        OGRFieldDefn d(n, OFTReal);
        d.SetWidth(12);
        d.SetPrecision(1);
        layer->CreateField(&d);
    }
    for (const Feature &f : features) {
        OGRFeature feat(layer->GetLayerDefn());
        for (const auto &[k, v] : f.text)
            feat.SetField(k.c_str(), v.c_str());
        for (const auto &[k, v] : f.ints)
            feat.SetField(k.c_str(), v);
        for (const auto &[k, v] : f.reals)
            feat.SetField(k.c_str(), v);
        OGRGeometry *g = nullptr;
        OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g);
        feat.SetGeometryDirectly(g);
        BOOST_REQUIRE(layer->CreateFeature(&feat) == OGRERR_NONE);
    }
    ds.reset();
    if (cpg) {
        fs::path p(path);
        std::ofstream(p.replace_extension(".cpg")) << cpg;
    }
}

std::string square(double x, double y, double size)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", x, y, x + size, y,
                  x + size, y + size, x, y + size, x, y);
    return buf;
}

Feature parcel(int thua, double x, double y, double size, const std::string &owner, const std::string &code = "ONT")
{
    Feature f;
    f.wkt = square(x, y, size);
    f.text = {{"MaXa", "07192"}, {"TenChu", owner}, {"DiaChi", owner}, {"KyHieuMucD", code}, {"KyHieuDoiT", "GDC"}};
    f.ints = {{"SoHieuToBa", 1}, {"SoThuTuThu", thua}};
    f.reals = {{"DienTich", size * size}, {"DienTichPh", size * size}};
    return f;
}

/// A 4-parcel block in EPSG:5899, UTF-8.
std::vector<Feature> block()
{
    return {parcel(1, 502000, 2320000, 10, "Nguyễn Văn Ấn"), parcel(2, 502010, 2320000, 10, "Trần Thị Ưng", "CLN"),
            parcel(3, 502000, 2320010, 10, "Lê Đức Thọ", "LUC"), parcel(4, 502010, 2320010, 10, "Phạm Ngọc Ẩn", "XYZ")};
}

int64_t count(store::Project &p, const char *table)
{
    return p.db().queryInt(std::string("SELECT count(*) FROM ") + table).value_or(-1);
}

} // namespace

BOOST_AUTO_TEST_CASE(import_shapefile_counts_attributes_and_flags)
{
    test::TempDir tmp;
    writeShp(tmp.file("block.shp"), 5899, block(), "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto r = io::importVector(*p, tmp.file("block.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.featuresIn == 4);
    BOOST_TEST(r.report.imported == 4);
    BOOST_TEST(r.report.rejectedCount == 0);
    BOOST_TEST(r.report.mapping == "tt75");
    BOOST_TEST(r.report.encodingHow == ".cpg");
    BOOST_TEST(r.report.operation.empty()); // same CRS: no transformation
    const auto parcels = store::loadParcels(*p);
    BOOST_REQUIRE(parcels.size() == 4);
    BOOST_TEST(parcels[0].ownerName == "Nguyễn Văn Ấn");
    BOOST_TEST(parcels[0].communeCode == "07192");
    BOOST_TEST(*parcels[0].toSo == 1);
    BOOST_TEST(*parcels[1].thuaSo == 2);
    BOOST_TEST(*parcels[1].measuredArea == 100.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(parcels[3].landuseCode == "XYZ");
    BOOST_TEST(parcels[3].flags == "unknown_landuse"); // kept and flagged, never dropped
    BOOST_TEST(parcels[0].flags.empty());
    BOOST_TEST(count(*p, "parcel_landuse") == 4);
    BOOST_TEST(count(*p, "import_log") == 1);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM admin_unit WHERE code='07192'").value() == 1);
}

BOOST_AUTO_TEST_CASE(invalid_multipart_and_duplicate_features_are_kept_and_flagged)
{
    test::TempDir tmp;
    auto features = block();
    Feature bow = parcel(5, 502020, 2320000, 10, "Bow");
    bow.reals.clear();
    bow.wkt = "POLYGON((502020 2320000,502030 2320010,502030 2320000,502020 2320010,502020 2320000))";
    features.push_back(bow);
    features.push_back(parcel(1, 502040, 2320000, 10, "Duplicate of 1"));
    Feature multi = parcel(6, 0, 0, 0, "Multi");
    multi.reals.clear();
    multi.wkt = "MULTIPOLYGON(((502050 2320000,502055 2320000,502055 2320005,502050 2320000)),"
                "((502060 2320000,502065 2320000,502065 2320005,502060 2320000)))";
    features.push_back(multi);
    Feature z = parcel(7, 0, 0, 0, "Z");
    z.reals.clear();
    z.wkt = "POLYGON Z((502070 2320000 5,502080 2320000 5,502080 2320010 5,502070 2320000 5))";
    features.push_back(z);
    writeShp(tmp.file("f.shp"), 5899, features, "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto r = io::importVector(*p, tmp.file("f.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.featuresIn == 8);
    BOOST_TEST(r.report.imported == 8);
    std::map<std::string, std::string> flagsByOwner;
    for (const auto &pc : store::loadParcels(*p))
        flagsByOwner[pc.ownerName] = pc.flags;
    BOOST_TEST(flagsByOwner["Bow"] == "invalid_geometry");
    BOOST_TEST(flagsByOwner["Duplicate of 1"] == "duplicate_number");
    BOOST_TEST(flagsByOwner["Multi"] == "multipart");
    BOOST_TEST(flagsByOwner["Z"] == ""); // Z dropped silently is fine: the parcel itself is kept
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE identity_conflict = 1").value() == 1);
    BOOST_TEST(p->db().queryInt("SELECT CoordDimension(geom) = 'XY' FROM parcel WHERE owner_name = 'Z'").value() == 1);
}

BOOST_AUTO_TEST_CASE(tcvn3_shapefile_without_cpg_is_detected_and_decoded)
{
    test::TempDir tmp;
    // TCVN3 bytes, written as old software did (no .cpg): "Thôn Thanh Ấm".
    auto features = block();
    features[0].text["DiaChi"] = "Th\xAB" "n Thanh \xCA" "m";
    features[1].text["DiaChi"] = "Th\xAB" "n Thanh \xCA" "m";
    features[0].text["TenChu"] = "Nguy\xD4" "n V\xA8" "n An";
    features[1].text["TenChu"] = "Tr\xC7" "n Th\xDE" " Hoa";
    features[2].text["TenChu"] = "L\xAA \xA7\xF8" "c Th\xE4";
    features[3].text["TenChu"] = "Ph\xB9" "m Ng\xE4" "c Lan";
    for (auto &f : features)
        if (f.text["DiaChi"].find('\xAB') == std::string::npos)
            f.text["DiaChi"] = "x\xB7 C\xAB T\xAB";
    writeShp(tmp.file("old.shp"), 5899, features);
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto r = io::importVector(*p, tmp.file("old.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.encoding == "tcvn3");
    BOOST_TEST(r.report.encodingHow == "detected");
    const auto parcels = store::loadParcels(*p);
    BOOST_TEST(parcels[0].address == "Thôn Thanh Ấm");
    BOOST_TEST(parcels[0].ownerName == "Nguyễn Văn An");
    BOOST_TEST(parcels[1].ownerName == "Trần Thị Hoa");
    BOOST_TEST(parcels[2].ownerName == "Lê Đức Thọ");
    BOOST_TEST(parcels[3].ownerName == "Phạm Ngọc Lan");
    BOOST_TEST(parcels[2].address == "xã Cô Tô");
}

BOOST_AUTO_TEST_CASE(reprojection_through_the_pinned_operation)
{
    // Published pair (shared/reference/vn2000_testpoints.csv, BH_KM0055): WGS84 and VN-2000
    // geographic coordinates of the same point. A GeoJSON in WGS84 is imported into a
    // TM-3 project; the vertex must land where the published VN-2000 position projects.
    const double wLat = 9.756210278, wLon = 107.983234722, vLat = 9.757236111, vLon = 107.981458333;
    test::TempDir tmp;
    store::ProjectSettings s;
    s.epsg = 5898; // VN-2000 / TM-3 108°
    s.centralMeridian = 108;
    auto p = store::Project::create(tmp.file("p.sqlite"), s);
    char json[1024];
    std::snprintf(json, sizeof json,
                  R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"to_so":1,"thua_so":1,
                  "landuse_code":"ONT","commune_code":"00001"},"geometry":{"type":"Polygon","coordinates":[[[%.9f,%.9f],
                  [%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f]]]}}]})",
                  wLon, wLat, wLon + 0.0005, wLat, wLon + 0.0005, wLat + 0.0005, wLon, wLat);
    std::ofstream(tmp.file("p.geojson")) << json;
    const auto r = io::importVector(*p, tmp.file("p.geojson"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.operation.find("helmert") != std::string::npos);
    BOOST_TEST(r.report.operation.find("-191.90441429") != std::string::npos);
    const auto parcels = store::loadParcels(*p);
    BOOST_REQUIRE(parcels.size() == 1);
    auto g = geom::fromWkb(parcels[0].wkb.data(), parcels[0].wkb.size());
    const GEOSGeometry *ring = GEOSGetExteriorRing_r(geom::ctx(), GEOSGetGeometryN_r(geom::ctx(), g.get(), 0));
    double e = 0, n = 0;
    GEOSGeomGetX_r(geom::ctx(), GEOSGeomGetStartPoint_r(geom::ctx(), ring), &e);
    GEOSGeomGetY_r(geom::ctx(), GEOSGeomGetStartPoint_r(geom::ctx(), ring), &n);
    // Expected: the published VN-2000 geographic position projected (no datum change).
    auto proj = crs::Transformer::create("EPSG:4756", "EPSG:5898");
    double ee = vLon, en = vLat;
    BOOST_REQUIRE(proj->transform(ee, en));
    BOOST_TEST_MESSAGE("difference to published value: " << std::hypot(e - ee, n - en) << " m");
    BOOST_TEST(std::hypot(e - ee, n - en) < 0.01); // 1 cm (measured: 3.5 mm)
}

BOOST_AUTO_TEST_CASE(missing_prj_is_a_clear_error_and_changes_nothing)
{
    test::TempDir tmp;
    writeShp(tmp.file("noprj.shp"), 0, block(), "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto r = io::importVector(*p, tmp.file("noprj.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("--source-crs") != std::string::npos);
    BOOST_TEST(r.error.find("noprj.shp") != std::string::npos);
    BOOST_TEST(r.error.find(".prj") != std::string::npos);
    BOOST_TEST(count(*p, "parcel") == 0);
    BOOST_TEST(count(*p, "import_log") == 0);
    // With --source-crs it imports.
    io::ImportOptions o;
    o.sourceCrs = "EPSG:5899";
    const auto r2 = io::importVector(*p, tmp.file("noprj.shp"), o);
    BOOST_TEST(r2.ok);
    BOOST_TEST(count(*p, "parcel") == 4);
}

BOOST_AUTO_TEST_CASE(corrupt_files_are_clear_errors_and_change_nothing)
{
    test::TempDir tmp;
    writeShp(tmp.file("good.shp"), 5899, block(), "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    BOOST_REQUIRE(io::importVector(*p, tmp.file("good.shp"), {}).ok);
    const auto before = count(*p, "parcel");
    // Corrupt .shp: garbage header.
    writeShp(tmp.file("bad.shp"), 5899, block(), "UTF-8");
    {
        std::fstream f(tmp.file("bad.shp"), std::ios::in | std::ios::out | std::ios::binary);
        f.write("garbage garbage garbage garbage garbage", 40);
    }
    auto r = io::importVector(*p, tmp.file("bad.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("bad.shp") != std::string::npos);
    // Corrupt .dbf: truncated to its first bytes.
    writeShp(tmp.file("baddbf.shp"), 5899, block(), "UTF-8");
    fs::resize_file(tmp.file("baddbf.dbf"), 20);
    r = io::importVector(*p, tmp.file("baddbf.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("baddbf") != std::string::npos);
    // Not a vector file at all.
    std::ofstream(tmp.file("notes.txt")) << "hello";
    r = io::importVector(*p, tmp.file("missing.gpkg"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("not found") != std::string::npos);
    BOOST_TEST(count(*p, "parcel") == before);
    BOOST_TEST(count(*p, "import_log") == 1);
}

BOOST_AUTO_TEST_CASE(unknown_mapping_and_wrong_encoding_change_nothing)
{
    test::TempDir tmp;
    auto features = block();
    features[0].text["TenChu"] = "Th\xAB" "n"; // TCVN3 byte in a file declared UTF-8
    writeShp(tmp.file("enc.shp"), 5899, features, "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    auto r = io::importVector(*p, tmp.file("enc.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("not valid UTF-8") != std::string::npos);
    BOOST_TEST(r.error.find("feature 0") != std::string::npos);
    BOOST_TEST(r.error.find("TenChu") != std::string::npos);
    BOOST_TEST(count(*p, "parcel") == 0);

    std::ofstream(tmp.file("m.json")) << R"({"name":"x","fields":{"thua":["SoThuTuThu"]}})";
    io::ImportOptions o;
    o.mappingFile = tmp.file("m.json");
    r = io::importVector(*p, tmp.file("enc.shp"), o);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("unknown target field \"thua\"") != std::string::npos);
    o.mappingFile = tmp.file("nonexistent.json");
    r = io::importVector(*p, tmp.file("enc.shp"), o);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("nonexistent.json") != std::string::npos);
    o.mappingFile.clear();
    o.encoding = "klingon";
    r = io::importVector(*p, tmp.file("enc.shp"), o);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("unknown encoding") != std::string::npos);
    BOOST_TEST(count(*p, "parcel") == 0);
    BOOST_TEST(count(*p, "import_log") == 0);
}

BOOST_AUTO_TEST_CASE(read_only_and_locked_projects)
{
    test::TempDir tmp;
    writeShp(tmp.file("good.shp"), 5899, block(), "UTF-8");
    const auto path = tmp.file("p.sqlite");
    store::Project::create(path, {});
    // Locked: another connection holds the write lock (waited for 1.5 s here, 60 s by default).
    {
        store::Database other(path, store::Database::Mode::ReadWrite);
        other.exec("BEGIN EXCLUSIVE");
        auto p = store::Project::open(path);
        p->db().setLockTimeout(1500);
        std::vector<std::pair<double, double>> waits;
        store::Database::setLockWaitReporter([&](const std::string &, double waited, double limit) {
            waits.emplace_back(waited, limit);
        });
        const auto start = std::chrono::steady_clock::now();
        const auto r = io::importVector(*p, tmp.file("good.shp"), {});
        const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        store::Database::setLockWaitReporter(nullptr);
        BOOST_TEST(!r.ok);
        BOOST_TEST(r.error.find("locked") != std::string::npos);
        BOOST_TEST(r.error.find("another process holds the project") != std::string::npos);
        BOOST_TEST(r.error.find("p.sqlite") != std::string::npos);
        BOOST_TEST(took >= 1.4);
        BOOST_TEST(took < 10);
        BOOST_REQUIRE(waits.size() == 1); // told once, about a second into the wait
        BOOST_TEST(waits[0].first >= 1.0);
        BOOST_TEST(waits[0].second == 1.5);
        other.exec("ROLLBACK");
        BOOST_TEST(count(*p, "parcel") == 0);
    }
    // Read-only file.
    fs::permissions(path, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    try {
        store::Project::open(path);
        BOOST_FAIL("a read-only project must not open for writing");
    } catch (const store::DbError &e) {
        BOOST_TEST(std::string(e.what()).find("read-only") != std::string::npos);
    }
    auto cli = test::runCli("import '" + tmp.file("good.shp") + "' --into '" + path + "' --quiet");
    BOOST_TEST(cli.exitCode == 2);
    BOOST_TEST(cli.err.find("read-only") != std::string::npos);
    auto ro = store::Project::open(path, true);
    BOOST_TEST(count(*ro, "parcel") == 0);
}

BOOST_AUTO_TEST_CASE(export_import_round_trips)
{
    test::TempDir tmp;
    writeShp(tmp.file("block.shp"), 5899, block(), "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    BOOST_REQUIRE(io::importVector(*p, tmp.file("block.shp"), {}).ok);
    p->db().exec("UPDATE parcel SET legal_landuse_code = 'LUK' WHERE thua_so = 1"); // legal type ≠ current
    const auto original = store::loadParcels(*p);
    BOOST_REQUIRE(original[0].legalLanduseCode == "LUK");
    for (const std::string fmt : {"gpkg", "shp", "geojson", "spatialite"}) {
        BOOST_TEST_CONTEXT("format " << fmt)
        {
            const std::string out = tmp.file("out." + (fmt == "spatialite" ? std::string("sqlite") : fmt));
            io::ExportOptions eo;
            eo.format = fmt;
            const auto er = io::exportProject(*p, out, eo);
            BOOST_REQUIRE_MESSAGE(er.ok, er.error);
            BOOST_TEST(er.written == 4);
            std::vector<model::Parcel> back;
            if (fmt == "spatialite") {
                auto copy = store::Project::open(out, true);
                back = store::loadParcels(*copy);
            } else {
                auto q = store::Project::create(tmp.file("back-" + fmt + ".sqlite"), {});
                const auto ir = io::importVector(*q, out, {});
                BOOST_REQUIRE_MESSAGE(ir.ok, ir.error);
                BOOST_TEST(ir.report.imported == 4);
                back = store::loadParcels(*q);
            }
            BOOST_REQUIRE(back.size() == original.size());
            for (size_t i = 0; i < back.size(); ++i) {
                BOOST_TEST(back[i].uuid == original[i].uuid);
                BOOST_TEST(back[i].ownerName == original[i].ownerName);
                BOOST_TEST(*back[i].thuaSo == *original[i].thuaSo);
                BOOST_TEST(back[i].legalLanduseCode == original[i].legalLanduseCode);
                BOOST_TEST(std::abs(*back[i].measuredArea - *original[i].measuredArea) < 0.01);
            }
        }
    }
    // Excel-friendly CSV through the plugin: BOM + Vietnamese.
    io::ExportOptions eo;
    eo.format = "csv";
    const auto er = io::exportProject(*p, tmp.file("out.csv"), eo);
    BOOST_REQUIRE_MESSAGE(er.ok, er.error);
    const std::string csv = test::readFile(tmp.file("out.csv"));
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    BOOST_TEST(csv.find("Nguyễn Văn Ấn") != std::string::npos);
    // Shapefile .prj and .cpg are read back by GDAL as EPSG:5899 and UTF-8.
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.file("out.shp").c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(ds);
    const OGRSpatialReference *srs = ds->GetLayer(0)->GetSpatialRef();
    BOOST_REQUIRE(srs);
    BOOST_TEST(std::string(srs->GetAuthorityCode(nullptr) ? srs->GetAuthorityCode(nullptr) : "") == "5899");
    BOOST_TEST(test::readFile(tmp.file("out.cpg")) == "UTF-8");
    // Overwrite protection.
    BOOST_TEST(!io::exportProject(*p, tmp.file("out.csv"), eo).ok);
}

BOOST_AUTO_TEST_CASE(bulk_import_builds_a_valid_spatial_index)
{
    test::TempDir tmp;
    std::vector<Feature> many;
    for (int i = 0; i < 2500; ++i)
        many.push_back(parcel(i + 1, 502000 + (i % 50) * 10, 2320000 + (i / 50) * 10, 10, "Chủ " + std::to_string(i)));
    writeShp(tmp.file("many.shp"), 5899, many, "UTF-8");
    std::vector<Feature> few;
    for (int i = 0; i < 10; ++i)
        few.push_back(parcel(5000 + i, 503000 + i * 10, 2320000, 10, "Thêm"));
    writeShp(tmp.file("few.shp"), 5899, few, "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto triggersBefore = p->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND tbl_name='parcel'").value();
    auto r = io::importVector(*p, tmp.file("many.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 2500);
    BOOST_TEST(p->db().queryText("SELECT rtreecheck('idx_parcel_geom')").value() == "ok");
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM idx_parcel_geom").value() == 2500);
    BOOST_TEST(p->db().queryText("PRAGMA journal_mode").value() == "wal"); // back to WAL after the bulk load
    // Secondary indexes dropped for the load are back, the identity one still unique.
    for (const char *index : {"parcel_identity", "parcel_sheet", "parcel_landuse_parcel"})
        BOOST_TEST(p->db().queryInt(std::string("SELECT count(*) FROM sqlite_master WHERE type='index' AND name='") + index + "'").value() == 1);
    BOOST_CHECK_THROW(p->db().exec("INSERT INTO parcel(uuid, commune_code, to_so, thua_so) VALUES ('x', '07192', 1, 1)"),
                      store::DbError);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND tbl_name='parcel'").value()
               == triggersBefore);
    // The index answers window queries exactly like a full scan does.
    const char *window = "BuildMbr(502095, 2320095, 502155, 2320155, 5899)";
    const auto viaIndex = p->db().queryInt(std::string("SELECT count(*) FROM parcel WHERE id IN (SELECT rowid FROM SpatialIndex"
                                                       " WHERE f_table_name='parcel' AND search_frame=") + window + ")").value();
    const auto viaScan = p->db().queryInt(std::string("SELECT count(*) FROM parcel WHERE MbrIntersects(geom, ") + window + ")").value();
    BOOST_TEST(viaIndex == viaScan);
    BOOST_TEST(viaScan == 49);
    // A small import afterwards goes through the triggers.
    r = io::importVector(*p, tmp.file("few.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM idx_parcel_geom").value() == 2510);
    BOOST_TEST(p->db().queryText("SELECT rtreecheck('idx_parcel_geom')").value() == "ok");
}

BOOST_AUTO_TEST_CASE(wrong_sign_towgs84_is_refused_until_the_user_agrees)
{
    test::TempDir tmp;
    writeShp(tmp.file("tw.shp"), 5899, block(), "UTF-8");
    // A .prj as old converters wrote it: Decision 05/2007's rotation signs pasted into TOWGS84.
    std::ofstream(tmp.file("tw.prj"))
        << R"(PROJCS["VN_2000_TM3_107_45",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137,298.257223563],)"
           R"(TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]],)"
           R"(PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
           R"(PARAMETER["False_Easting",500000],PARAMETER["False_Northing",0],PARAMETER["Central_Meridian",107.75],)"
           R"(PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0],UNIT["Meter",1]])";
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    auto r = io::importVector(*p, tmp.file("tw.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("--fix-towgs84") != std::string::npos);
    BOOST_TEST(r.error.find("tw.prj") != std::string::npos);
    BOOST_TEST(count(*p, "parcel") == 0);
    io::ImportOptions o;
    o.fixTowgs84 = true;
    r = io::importVector(*p, tmp.file("tw.shp"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.sourceCrs == "EPSG:5899");
    BOOST_TEST(r.report.operation.empty()); // now the project CRS itself: no transformation
    BOOST_TEST(*store::loadParcels(*p)[0].measuredArea == 100.0, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(other_gdal_formats_import)
{
    // KML, MapInfo, FileGDB (OpenFileGDB) and DXF polygons, each written through GDAL with the
    // same four parcels; import must give the same areas and (where the format keeps them) attributes.
    test::TempDir tmp;
    struct Case {
        const char *driver;
        const char *file;
        bool attributes;
    };
    const Case cases[] = {{"KML", "p.kml", true}, {"MapInfo File", "p.tab", true}, {"OpenFileGDB", "p.gdb", true},
                          {"DXF", "p.dxf", false}};
    for (const Case &c : cases) {
        BOOST_TEST_CONTEXT(c.driver)
        {
            GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(c.driver);
            BOOST_REQUIRE(drv);
            const std::string path = tmp.file(c.file);
            GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            BOOST_REQUIRE(ds);
            OGRSpatialReference srs;
            srs.importFromEPSG(std::string(c.driver) == "KML" ? 4326 : 5899);
            srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            // MapInfo stores integer coordinates over the layer bounds: give it tight bounds.
            const char *mifOptions[] = {"BOUNDS=500000,2310000,510000,2330000", nullptr};
            OGRLayer *layer = ds->CreateLayer("parcels", std::string(c.driver) == "DXF" ? nullptr : &srs, wkbPolygon,
                                              std::string(c.driver) == "MapInfo File" ? const_cast<char **>(mifOptions) : nullptr);
            BOOST_REQUIRE(layer);
            if (c.attributes) {
                for (const char *n : {"to_so", "thua_so"}) {
                    OGRFieldDefn d(n, OFTInteger);
                    BOOST_REQUIRE(layer->CreateField(&d) == OGRERR_NONE);
                }
                OGRFieldDefn d("owner_name", OFTString);
                BOOST_REQUIRE(layer->CreateField(&d) == OGRERR_NONE);
            }
            auto toWgs = crs::Transformer::create("EPSG:5899", "EPSG:4326");
            int i = 0;
            for (const Feature &f : block()) {
                OGRFeature feat(layer->GetLayerDefn());
                if (c.attributes) {
                    feat.SetField("to_so", 1);
                    feat.SetField("thua_so", f.ints.at("SoThuTuThu"));
                    feat.SetField("owner_name", f.text.at("TenChu").c_str());
                }
                OGRGeometry *g = nullptr;
                OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g);
                if (std::string(c.driver) == "KML")
                    BOOST_REQUIRE(transformRings(g, *toWgs));
                feat.SetGeometryDirectly(g);
                BOOST_REQUIRE(layer->CreateFeature(&feat) == OGRERR_NONE);
                ++i;
            }
            ds.reset();
            auto p = store::Project::create(tmp.file(std::string(c.file) + ".sqlite"), {});
            io::ImportOptions o;
            if (!c.attributes) {
                o.mappingFile = "none";
                o.sourceCrs = "EPSG:5899";
            }
            const auto r = io::importVector(*p, path, o);
            BOOST_REQUIRE_MESSAGE(r.ok, r.error);
            BOOST_TEST(r.report.imported == 4);
            BOOST_TEST(r.report.rejectedCount == 0);
            const auto parcels = store::loadParcels(*p);
            BOOST_REQUIRE(parcels.size() == 4);
            double total = 0;
            for (const auto &pc : parcels)
                total += *pc.measuredArea;
            BOOST_TEST(total == 400.0, boost::test_tools::tolerance(1e-4));
            if (c.attributes) {
                BOOST_TEST(parcels[0].ownerName == "Nguyễn Văn Ấn");
                BOOST_TEST(*parcels[3].thuaSo == 4);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Hostile and repeated inputs (issue #16): damaged .dbf, duplicate sheets, mapping
// files, absurd coordinates, re-imports, bad settings, two writers.

namespace {

std::string sampleShp() { return test::sampleDir() + "/coto/coto_tt75_tcvn3_utm48n"; }

/// Copies the Cô Tô sample shapefile (393 parcels) to @p dir / @p stem.*; returns the .shp path.
std::string copySample(const test::TempDir &dir, const std::string &stem)
{
    for (const char *ext : {".shp", ".shx", ".prj", ".dbf"})
        fs::copy_file(sampleShp() + ext, dir.file(stem + ext));
    return dir.file(stem + ".shp");
}

/// A GeoJSON in EPSG:5899 with the given features (properties as JSON text, one square each).
std::string geojson(const std::vector<std::pair<std::string, std::string>> &propsAndWkt)
{
    std::string out = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5899"}},"features":[)";
    for (size_t i = 0; i < propsAndWkt.size(); ++i)
        out += std::string(i ? "," : "") + R"({"type":"Feature","properties":)" + propsAndWkt[i].first
            + R"(,"geometry":)" + propsAndWkt[i].second + "}";
    return out + "]}";
}

std::string squareJson(double x, double y, double size)
{
    char buf[400];
    std::snprintf(buf, sizeof buf, R"({"type":"Polygon","coordinates":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]})",
                  x, y, x + size, y, x + size, y + size, x, y + size, x, y);
    return buf;
}

/// Runs the CLI with output in files of its own (several may run at once, on threads).
test::RunResult runCliConcurrently(const std::string &args, const std::string &tag)
{
    static std::atomic<int> counter{0};
    const auto base = fs::temp_directory_path() / ("vnland-io-" + std::to_string(getpid()) + "-" + tag + "-" + std::to_string(counter++));
    const std::string out = base.string() + ".out", err = base.string() + ".err";
    const int status = std::system(("'" + std::string(VNLAND_CLI) + "' " + args + " >'" + out + "' 2>'" + err + "'").c_str());
    test::RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = test::readFile(out);
    r.err = test::readFile(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

/// @p n parcels of sheet @p toSo in a grid (bulk path above 2000).
std::vector<Feature> grid(int n, int toSo, double x0)
{
    std::vector<Feature> out;
    for (int i = 0; i < n; ++i) {
        Feature f = parcel(i + 1, x0 + (i % 50) * 10, 2320000 + (i / 50) * 10, 10, "Chủ " + std::to_string(i));
        f.ints["SoHieuToBa"] = toSo;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(dbf_with_fewer_records_than_shapes_is_refused_with_both_counts)
{
    // The Cô Tô sample with its .dbf header count set to 0, and with the last 10 records cut:
    // GDAL would read 0 and 383 features and lose the other shapes without a word.
    test::TempDir tmp;
    const std::string whole = copySample(tmp, "whole");
    const std::string zero = copySample(tmp, "zero");
    const std::string less = copySample(tmp, "less");
    std::string dbf = test::readFile(tmp.file("whole.dbf"));
    const auto u16 = [&](size_t at) { return size_t(uint8_t(dbf[at])) | size_t(uint8_t(dbf[at + 1])) << 8; };
    const size_t records = size_t(uint8_t(dbf[4])) | size_t(uint8_t(dbf[5])) << 8, headerLen = u16(8), recordLen = u16(10);
    BOOST_REQUIRE(records == 393);
    {
        std::string z = dbf;
        z[4] = z[5] = z[6] = z[7] = 0;
        std::ofstream(tmp.file("zero.dbf"), std::ios::binary | std::ios::trunc) << z;
        std::string l = dbf.substr(0, headerLen + recordLen * 383) + "\x1a";
        l[4] = char(383 & 0xff);
        l[5] = char(383 >> 8);
        std::ofstream(tmp.file("less.dbf"), std::ios::binary | std::ios::trunc) << l;
        // Header unchanged, file cut: the header claims more than the file holds.
        std::ofstream(tmp.file("cut.dbf"), std::ios::binary | std::ios::trunc) << dbf.substr(0, headerLen + recordLen * 200);
        for (const char *ext : {".shp", ".shx", ".prj"})
            fs::copy_file(sampleShp() + ext, tmp.file(std::string("cut") + ext));
    }
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    for (const auto &[file, expect] : {std::pair{zero, std::string("0 attribute records")},
                                       std::pair{less, std::string("383 attribute records")},
                                       std::pair{tmp.file("cut.shp"), std::string("its header claims 393, the file holds 200")}}) {
        BOOST_TEST_CONTEXT(file)
        {
            const auto r = io::importVector(*p, file, {});
            BOOST_TEST(!r.ok);
            BOOST_TEST(r.error.find("393 shapes") != std::string::npos, r.error);
            BOOST_TEST(r.error.find(expect) != std::string::npos, r.error);
            BOOST_TEST(r.error.find(fs::path(file).filename().string()) != std::string::npos);
            BOOST_TEST(r.error.find("Nothing was imported") != std::string::npos);
            BOOST_TEST(count(*p, "parcel") == 0);
            BOOST_TEST(count(*p, "import_log") == 0);
        }
    }
    const auto cli = test::runCli("import '" + zero + "' --into '" + tmp.file("p.sqlite") + "' --quiet");
    BOOST_TEST(cli.exitCode == 2);
    BOOST_TEST(cli.err.find("393 shapes but zero.dbf has 0 attribute records") != std::string::npos, cli.err);
    // What the message suggests works: the shapes alone, without the .dbf.
    fs::remove(tmp.file("zero.dbf"));
    io::ImportOptions none;
    none.mappingFile = "none";
    auto r = io::importVector(*p, zero, none);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 393);
    // The intact file is untouched by the check.
    auto q = store::Project::create(tmp.file("q.sqlite"), {});
    r = io::importVector(*q, whole, {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 393);
}

BOOST_AUTO_TEST_CASE(duplicate_map_sheets_are_rejected_never_overwritten)
{
    test::TempDir tmp;
    const auto sheet = [](int to, const char *id, double x) {
        return std::pair{std::string(R"({"commune_code":"07192","to_so":)") + std::to_string(to) + R"(,"scale":1000,"sheet_id":")"
                             + id + "\"}",
                         squareJson(x, 2320000, 500)};
    };
    // Five sheets, tờ 2 twice: before, INSERT OR REPLACE kept the second and reported 5.
    std::ofstream(tmp.file("sheets.geojson"))
        << geojson({sheet(1, "A", 500000), sheet(2, "B", 500500), sheet(3, "C", 501000), sheet(2, "B-again", 501500),
                    sheet(4, "D", 502000)});
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    auto r = io::importVector(*p, tmp.file("sheets.geojson"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.featuresIn == 5);
    BOOST_TEST(r.report.imported == 4);
    BOOST_TEST(r.report.sheets == 4);
    BOOST_REQUIRE(r.report.rejected.size() == 1);
    BOOST_TEST(r.report.rejected[0].fid == 3);
    BOOST_TEST(r.report.rejected[0].reason.find("sheet 07192/2") != std::string::npos, r.report.rejected[0].reason);
    BOOST_TEST(r.report.rejected[0].reason.find("first as feature 1") != std::string::npos);
    BOOST_TEST(count(*p, "map_sheet") == 4);
    BOOST_TEST(p->db().queryText("SELECT sheet_id FROM map_sheet WHERE to_so = 2").value() == "B");
    // Again: the sheets are in the project; refused, named, nothing changed.
    r = io::importVector(*p, tmp.file("sheets.geojson"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("4 of its 5 features are already in the project") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("sheet 07192/1 (feature 0)") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("--update") != std::string::npos);
    BOOST_TEST(count(*p, "map_sheet") == 4);
    BOOST_TEST(count(*p, "import_log") == 1);
    // --skip-existing leaves them; --update replaces the one that changed and logs what it was.
    io::ImportOptions o;
    o.existing = io::ImportOptions::Existing::Skip;
    r = io::importVector(*p, tmp.file("sheets.geojson"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.skipped == 4);
    BOOST_TEST(r.report.imported == 0);
    std::ofstream(tmp.file("sheets2.geojson"), std::ios::trunc)
        << geojson({sheet(1, "A2", 500000), sheet(2, "B", 500500), sheet(5, "E", 502500)});
    o.existing = io::ImportOptions::Existing::Update;
    r = io::importVector(*p, tmp.file("sheets2.geojson"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 1);
    BOOST_TEST(r.report.updated == 2);
    BOOST_TEST(count(*p, "map_sheet") == 5);
    BOOST_TEST(p->db().queryText("SELECT sheet_id FROM map_sheet WHERE to_so = 1").value() == "A2");
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'import_update_sheet'"
                                " AND detail LIKE '%\"sheet_id_before\":\"A\"%'").value() == 1);
    // The real sample sheets: a second import is refused, --update finds nothing to change.
    const std::string coto = test::sampleDir() + "/coto/coto_sheets.geojson";
    auto q = store::Project::create(tmp.file("q.sqlite"), {});
    r = io::importVector(*q, coto, {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    const int64_t sheets = r.report.sheets;
    BOOST_TEST(sheets == count(*q, "map_sheet"));
    BOOST_TEST(!io::importVector(*q, coto, {}).ok);
    r = io::importVector(*q, coto, o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.updated == sheets);
    BOOST_TEST(q->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'import_update_sheet'").value() == 0);
    for (const auto &e : r.report.existing)
        BOOST_TEST(e.action == "unchanged");
}

BOOST_AUTO_TEST_CASE(mapping_files_refuse_unknown_fields_and_wrong_types_with_line_and_key)
{
    test::TempDir tmp;
    writeShp(tmp.file("block.shp"), 5899, block(), "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const auto tryMapping = [&](const std::string &json) {
        std::ofstream(tmp.file("m.json"), std::ios::trunc) << json;
        io::ImportOptions o;
        o.mappingFile = tmp.file("m.json");
        return io::importVector(*p, tmp.file("block.shp"), o);
    };
    // A field the layer does not have: every owner name would have come out empty.
    auto r = tryMapping("{\n  \"name\": \"office\",\n  \"fields\": {\n    \"to_so\": \"SoHieuToBa\",\n"
                        "    \"thua_so\": \"SoThuTuThu\",\n    \"owner_name\": \"TenChuSuDung\",\n"
                        "    \"address\": [\"DiaChiThua\", \"DiaChi_2\"]\n  }\n}\n");
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("m.json line 6, \"owner_name\": no field named \"TenChuSuDung\"") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("line 7, \"address\": no field named \"DiaChiThua\" or \"DiaChi_2\"") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("TenChu, DiaChi") != std::string::npos); // the layer's fields, to choose from
    BOOST_TEST(r.error.find("block.shp") != std::string::npos);
    // Wrong JSON types.
    r = tryMapping("{\n  \"fields\": {\n    \"to_so\": \"SoHieuToBa\",\n    \"owner_name\": 5\n  }\n}");
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("m.json line 4, \"owner_name\": must be a source field name") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("not a number") != std::string::npos);
    r = tryMapping("{\"fields\": {\"owner_name\": [\"TenChu\", 7]}}");
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("line 1, \"owner_name\"") != std::string::npos, r.error);
    r = tryMapping("{\"fields\": {\"owner_name\": {\"from\": \"TenChu\"}}}");
    BOOST_TEST(r.error.find("not an object") != std::string::npos, r.error);
    r = tryMapping("{\n\"name\": [\"x\"],\n\"fields\": {\"owner_name\": \"TenChu\"}}");
    BOOST_TEST(r.error.find("m.json line 2, \"name\": must be a text, not a list") != std::string::npos, r.error);
    r = tryMapping("{\n\"fields\": [\"TenChu\"]}");
    BOOST_TEST(r.error.find("m.json line 2, \"fields\": must be an object") != std::string::npos, r.error);
    r = tryMapping("{\n\"feilds\": {\"owner_name\": \"TenChu\"}}");
    BOOST_TEST(r.error.find("m.json line 2, \"feilds\": unknown key") != std::string::npos, r.error);
    r = tryMapping("{\"fields\": {\"owner_name\": \"\"}}");
    BOOST_TEST(!r.ok);
    BOOST_TEST(count(*p, "parcel") == 0);
    BOOST_TEST(count(*p, "import_log") == 0);
    // Alternatives are fine when one exists; a target VNLand does not import is a warning.
    r = tryMapping("{\n  \"fields\": {\n    \"to_so\": \"SoHieuToBa\",\n    \"thua_so\": \"SoThuTuThu\",\n"
                   "    \"owner_name\": [\"Ten_Chu\", \"TENCHU\"],\n    \"end_time\": \"SoHieuToBa\"\n  }\n}");
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(store::loadParcels(*p)[0].ownerName == "Nguyễn Văn Ấn");
    BOOST_REQUIRE(r.report.warnings.size() == 1);
    BOOST_TEST(r.report.warnings[0].find("m.json line 6, \"end_time\": not imported") != std::string::npos, r.report.warnings[0]);
    // The CLI: exit 2 and the message.
    std::ofstream(tmp.file("m.json"), std::ios::trunc) << "{\"fields\": {\"owner_name\": \"Chu\"}}";
    const auto cli = test::runCli("import '" + tmp.file("block.shp") + "' --into '" + tmp.file("q.sqlite") + "' --mapping '"
                                  + tmp.file("m.json") + "' --quiet");
    BOOST_TEST(cli.exitCode == 2);
    BOOST_TEST(cli.err.find("line 1, \"owner_name\": no field named \"Chu\"") != std::string::npos, cli.err);
}

BOOST_AUTO_TEST_CASE(non_finite_and_absurd_coordinates_are_rejected_with_their_fid)
{
    test::TempDir tmp;
    auto features = block();
    Feature huge = parcel(5, 0, 0, 0, "Huge");
    huge.wkt = "POLYGON((502020 2320000,1e308 2320000,502030 2320010,502020 2320000))";
    Feature far = parcel(6, 0, 0, 0, "Far");
    far.wkt = "POLYGON((502040 2320000,502050 2320000,502050 52320010,502040 2320000))"; // 50 000 km north
    features.push_back(huge);
    features.push_back(far);
    writeShp(tmp.file("c.shp"), 5899, features, "UTF-8");
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    auto r = io::importVector(*p, tmp.file("c.shp"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 4);
    BOOST_REQUIRE(r.report.rejected.size() == 2);
    BOOST_TEST(r.report.rejected[0].fid == 4);
    BOOST_TEST(r.report.rejected[0].reason.find("of ring 1: x = 1e+308") != std::string::npos, r.report.rejected[0].reason);
    BOOST_TEST(r.report.rejected[1].fid == 5);
    BOOST_TEST(r.report.rejected[1].reason.find("far outside any land in EPSG:5899") != std::string::npos, r.report.rejected[1].reason);
    BOOST_TEST(r.report.rejected[1].reason.find("y = 52320010") != std::string::npos);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE NOT (measured_area < 1e12)").value() == 0);
    // NaN and infinity in a GeoJSON (GDAL reads the literals), and a WGS84 file: checked before and after.
    std::ofstream(tmp.file("n.geojson"))
        << R"({"type":"FeatureCollection","features":[)"
           R"({"type":"Feature","properties":{"to_so":9,"thua_so":1},"geometry":{"type":"Polygon","coordinates":[[[107.76,20.97],[107.761,20.97],[107.761,20.971],[107.76,20.97]]]}},)"
           R"({"type":"Feature","properties":{"to_so":9,"thua_so":2},"geometry":{"type":"Polygon","coordinates":[[[107.76,20.97],[NaN,20.97],[107.761,20.971],[107.76,20.97]]]}},)"
           R"({"type":"Feature","properties":{"to_so":9,"thua_so":3},"geometry":{"type":"Polygon","coordinates":[[[107.76,20.97],[107.761,Infinity],[107.761,20.971],[107.76,20.97]]]}},)"
           R"({"type":"Feature","properties":{"to_so":9,"thua_so":4},"geometry":{"type":"Polygon","coordinates":[[[107.76,20.97],[107.761,1e300],[107.761,20.971],[107.76,20.97]]]}}]})";
    r = io::importVector(*p, tmp.file("n.geojson"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.featuresIn == 4);
    BOOST_TEST(r.report.imported == 1);
    BOOST_TEST(r.report.rejectedCount == 3);
    for (const auto &rej : r.report.rejected)
        BOOST_TEST((rej.reason.find("not a usable number") != std::string::npos
                    || rej.reason.find("cannot be transformed") != std::string::npos),
                   rej.fid << ": " << rej.reason);
    // The CLI lists them with the FID and exits 1; the project exports whole afterwards.
    auto q = tmp.file("q.sqlite");
    const auto cli = test::runCli("import '" + tmp.file("c.shp") + "' --into '" + q + "' --quiet");
    BOOST_TEST(cli.exitCode == 1);
    BOOST_TEST(cli.err.find("feature 4: coordinate is not a usable number") != std::string::npos, cli.err);
    io::ExportOptions eo;
    eo.format = "geojson";
    const auto er = io::exportProject(*p, tmp.file("out.geojson"), eo);
    BOOST_REQUIRE_MESSAGE(er.ok, er.error);
    BOOST_TEST(er.written == 5);
}

BOOST_AUTO_TEST_CASE(reimport_names_existing_parcels_and_updates_or_skips_on_request)
{
    test::TempDir tmp;
    writeShp(tmp.file("block.shp"), 5899, block(), "UTF-8");
    const std::string path = tmp.file("p.sqlite");
    auto p = store::Project::create(path, {});
    BOOST_REQUIRE(io::importVector(*p, tmp.file("block.shp"), {}).ok);
    const auto before = store::loadParcels(*p);
    // The same file again: refused, the parcels named, nothing written.
    auto r = io::importVector(*p, tmp.file("block.shp"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("4 of its 4 features are already in the project") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("07192/1/1 (feature 0), 07192/1/2 (feature 1)") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("--update") != std::string::npos);
    BOOST_TEST(r.error.find("--skip-existing") != std::string::npos);
    BOOST_TEST(r.report.existing.size() == 4);
    BOOST_TEST(count(*p, "parcel") == 4);
    BOOST_TEST(count(*p, "import_log") == 1);
    auto cli = test::runCli("import '" + tmp.file("block.shp") + "' --into '" + path + "' --quiet --report '"
                            + tmp.file("r.json") + "'");
    BOOST_TEST(cli.exitCode == 2);
    BOOST_TEST(cli.err.find("UNIQUE") == std::string::npos);
    {
        const QJsonObject report = QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(tmp.file("r.json")))).object();
        BOOST_TEST(report.value(QStringLiteral("ok")).toBool() == false);
        const QJsonArray existing = report.value(QStringLiteral("existing_features")).toArray();
        BOOST_REQUIRE(existing.size() == 4);
        BOOST_TEST(existing[0].toObject().value(QStringLiteral("identity")).toString().toStdString() == "07192/1/1");
        BOOST_TEST(existing[0].toObject().value(QStringLiteral("uuid")).toString().toStdString() == before[0].uuid);
        BOOST_TEST(existing[0].toObject().value(QStringLiteral("action")).toString().toStdString() == "exists");
    }
    BOOST_TEST(cli.err.find("07192/1/4 (feature 3)") != std::string::npos, cli.err);
    // Two new parcels beside the four: --skip-existing imports only those.
    auto six = block();
    six.push_back(parcel(7, 502020, 2320000, 10, "Mới 7"));
    six.push_back(parcel(8, 502020, 2320010, 10, "Mới 8"));
    writeShp(tmp.file("six.shp"), 5899, six, "UTF-8");
    cli = test::runCli("import '" + tmp.file("six.shp") + "' --into '" + path + "' --skip-existing");
    BOOST_TEST(cli.exitCode == 0, cli.err);
    BOOST_TEST(cli.out.find("Imported 2 of 6") != std::string::npos, cli.out);
    BOOST_TEST(cli.out.find("skipped: 4") != std::string::npos, cli.out);
    BOOST_TEST(count(*p, "parcel") == 6);
    // --update: thửa 1 has a new owner, thửa 2 moved 1 m east; same rows and UUIDs, old values logged.
    auto changed = block();
    changed[0].text["TenChu"] = "Chủ mới";
    changed[1].wkt = square(502011, 2320000, 10);
    writeShp(tmp.file("changed.shp"), 5899, changed, "UTF-8");
    io::ImportOptions o;
    o.existing = io::ImportOptions::Existing::Update;
    r = io::importVector(*p, tmp.file("changed.shp"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 0);
    BOOST_TEST(r.report.updated == 4);
    BOOST_TEST(count(*p, "parcel") == 6);
    BOOST_TEST(count(*p, "parcel_landuse") == 6);
    const auto after = store::loadParcels(*p);
    BOOST_TEST(after[0].id == before[0].id);
    BOOST_TEST(after[0].uuid == before[0].uuid);
    BOOST_TEST(after[0].ownerName == "Chủ mới");
    BOOST_TEST(after[1].uuid == before[1].uuid);
    auto g = geom::fromWkb(after[1].wkb.data(), after[1].wkb.size());
    double minX = 0;
    GEOSGeom_getXMin_r(geom::ctx(), g.get(), &minX);
    BOOST_TEST(minX == 502011.0);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'import_update'").value() == 2);
    BOOST_TEST(p->db().queryText("SELECT parcel_uuid FROM change_log WHERE action = 'import_update'"
                                 " AND detail LIKE '%owner_name%'").value() == before[0].uuid);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'import_update'"
                                " AND detail LIKE '%\"before\":\"Nguyễn Văn Ấn\"%'").value() == 1);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'import_update'"
                                " AND detail LIKE '%geometry_before%MULTIPOLYGON%502010%'").value() == 1);
    int unchanged = 0;
    for (const auto &e : r.report.existing)
        unchanged += e.action == "unchanged";
    BOOST_TEST(unchanged == 2);
    BOOST_TEST(p->db().queryText("SELECT rtreecheck('idx_parcel_geom')").value() == "ok");
    // By UUID (a file exported by VNLand, edited elsewhere): the number may change too.
    std::ofstream(tmp.file("u.geojson"))
        << geojson({{R"({"uuid":")" + before[2].uuid + R"(","commune_code":"07192","to_so":1,"thua_so":30,"owner_name":"Đổi số"})",
                     squareJson(502000, 2320010, 10)}});
    r = io::importVector(*p, tmp.file("u.geojson"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.updated == 1);
    BOOST_TEST(p->db().queryInt("SELECT thua_so FROM parcel WHERE uuid = '" + before[2].uuid + "'").value() == 30);
    BOOST_TEST(p->db().queryInt("SELECT id FROM parcel WHERE uuid = '" + before[2].uuid + "'").value() == before[2].id);
    // Without a flag the UUID clash is named, not "UNIQUE constraint failed: parcel.uuid".
    r = io::importVector(*p, tmp.file("u.geojson"), {});
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("07192/1/30 (feature 0)") != std::string::npos, r.error);
    BOOST_TEST(r.error.find("UNIQUE") == std::string::npos);
    // A retired parcel's UUID is not revived.
    p->db().exec("UPDATE parcel SET end_time = '2025-01-01T00:00:00Z' WHERE uuid = '" + before[2].uuid + "'");
    r = io::importVector(*p, tmp.file("u.geojson"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_REQUIRE(r.report.rejected.size() == 1);
    BOOST_TEST(r.report.rejected[0].reason.find("retired into history") != std::string::npos);
    // --keep-both: added as flagged duplicates, the project's parcels unchanged.
    o.existing = io::ImportOptions::Existing::KeepBoth;
    r = io::importVector(*p, tmp.file("block.shp"), o);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 4);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE identity_conflict = 1"
                                " AND flags LIKE '%duplicate_number%'").value() == 3); // thửa 3 is 30 now
    // Two features of one file with the same UUID: the second gets a new one, flagged.
    const std::string u = "0190a0b0-0000-7000-8000-000000000001";
    std::ofstream(tmp.file("dup.geojson"))
        << geojson({{R"({"uuid":")" + u + R"(","to_so":5,"thua_so":1})", squareJson(503000, 2320000, 10)},
                    {R"({"uuid":")" + u + R"(","to_so":5,"thua_so":2})", squareJson(503010, 2320000, 10)}});
    r = io::importVector(*p, tmp.file("dup.geojson"), {});
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.report.imported == 2);
    BOOST_REQUIRE(r.report.flagged.size() == 2); // both lack a land-use code
    BOOST_TEST(r.report.flagged[0].flags.find("duplicate_uuid") == std::string::npos);
    BOOST_TEST(r.report.flagged[1].flags.find("duplicate_uuid") != std::string::npos);
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM parcel WHERE uuid = '" + u + "'").value() == 1);
}

BOOST_AUTO_TEST_CASE(bad_project_settings_name_the_key_and_the_value)
{
    test::TempDir tmp;
    const std::string path = tmp.file("p.sqlite");
    store::Project::create(path, {});
    {
        auto p = store::Project::open(path);
        BOOST_TEST(p->meta("central_meridian").value() == "107.75"); // written the same in any locale
    }
    const auto setMeta = [&](const char *key, const char *value) {
        store::Database db(path, store::Database::Mode::ReadWrite);
        store::Statement st(db, "UPDATE project_meta SET value = ? WHERE key = ?");
        st.bind(1, value).bind(2, key).exec();
    };
    struct Case {
        const char *key, *value, *good;
    };
    for (const Case &c : {Case{"epsg", "abc", "5899"}, Case{"epsg", "5899x", "5899"}, Case{"central_meridian", "east", "107.75"},
                          Case{"central_meridian", "nan", "107.75"}, Case{"default_scale", "-500", "1000"},
                          Case{"landuse_reference_year", "1999", "2018"}}) {
        BOOST_TEST_CONTEXT(c.key << " = " << c.value)
        {
            setMeta(c.key, c.value);
            try {
                store::Project::open(path, true);
                BOOST_FAIL("a bad setting must not open");
            } catch (const store::DbError &e) {
                const std::string msg = e.what();
                BOOST_TEST(msg.find(std::string("\"") + c.key + "\"") != std::string::npos, msg);
                BOOST_TEST(msg.find(std::string("\"") + c.value + "\"") != std::string::npos, msg);
                BOOST_TEST(msg.find("p.sqlite") != std::string::npos);
            }
            const auto cli = test::runCli("validate '" + path + "'");
            BOOST_TEST(cli.exitCode == 2);
            BOOST_TEST(cli.err.find("stoi") == std::string::npos);
            BOOST_TEST(cli.err.find(std::string("project setting \"") + c.key + "\"") != std::string::npos, cli.err);
            setMeta(c.key, c.good);
        }
    }
    setMeta("central_meridian", "107,750000"); // what std::to_string wrote under a Vietnamese locale
    BOOST_TEST(store::Project::open(path, true)->settings().centralMeridian == 107.75);
}

BOOST_AUTO_TEST_CASE(a_second_writer_waits_with_progress_and_says_who_holds_the_project)
{
    test::TempDir tmp;
    writeShp(tmp.file("block.shp"), 5899, block(), "UTF-8");
    const std::string path = tmp.file("p.sqlite");
    store::Project::create(path, {});
    // This process holds the write lock for 2.5 s; the CLI import waits, tells, then succeeds.
    {
        store::Database other(path, store::Database::Mode::ReadWrite);
        other.exec("BEGIN IMMEDIATE");
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(2500));
            other.exec("COMMIT");
        });
        const auto cli = test::runCli("import '" + tmp.file("block.shp") + "' --into '" + path + "' --quiet --wait 30");
        release.join();
        BOOST_TEST(cli.exitCode == 0, cli.err);
        BOOST_TEST(cli.err.find("p.sqlite: another process holds the project (it is writing to it); waiting 1 s")
                       != std::string::npos, cli.err);
    }
    // Held longer than --wait: a clear error, exit 2, nothing changed.
    {
        store::Database other(path, store::Database::Mode::ReadWrite);
        other.exec("BEGIN IMMEDIATE");
        writeShp(tmp.file("more.shp"), 5899, grid(10, 2, 503000), "UTF-8");
        const auto cli = test::runCli("import '" + tmp.file("more.shp") + "' --into '" + path + "' --quiet --wait 1");
        other.exec("ROLLBACK");
        BOOST_TEST(cli.exitCode == 2);
        BOOST_TEST(cli.err.find("another process holds the project and did not finish within 1 s") != std::string::npos, cli.err);
        BOOST_TEST(cli.err.find("--wait") != std::string::npos);
    }
    // VNLAND_LOCK_TIMEOUT reaches every command (here `fix`, which has no --wait).
    {
        store::Database other(path, store::Database::Mode::ReadWrite);
        other.exec("BEGIN IMMEDIATE");
        const auto start = std::chrono::steady_clock::now();
        setenv("VNLAND_LOCK_TIMEOUT", "1", 1); // inherited by the CLI that runCli starts
        const auto cli = test::runCli("fix '" + path + "' --rule duplicate_geometry");
        unsetenv("VNLAND_LOCK_TIMEOUT");
        const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        other.exec("ROLLBACK");
        BOOST_TEST(cli.exitCode == 2);
        BOOST_TEST(cli.err.find("did not finish within 1 s") != std::string::npos, cli.err);
        BOOST_TEST(took < 30, "took " << took << " s: " << cli.err); // not the default 60 s
        BOOST_TEST(cli.err.find("p.sqlite: p.sqlite") == std::string::npos, cli.err); // the project named once
    }
    auto p = store::Project::open(path, true);
    BOOST_TEST(count(*p, "parcel") == 4);
    // A bad --wait is refused.
    BOOST_TEST(test::runCli("import '" + tmp.file("more.shp") + "' --into '" + path + "' --wait soon").exitCode == 2);
}

BOOST_AUTO_TEST_CASE(two_cli_imports_at_the_same_time_both_land)
{
    // Real processes, each a bulk import (> 2000 features), started together, three rounds:
    // before, the second failed with a bare "database is locked" in 3 of 10 pairs.
    test::TempDir tmp;
    writeShp(tmp.file("a.shp"), 5899, grid(2500, 1, 502000), "UTF-8");
    writeShp(tmp.file("b.shp"), 5899, grid(2500, 2, 503000), "UTF-8");
    for (int round = 0; round < 3; ++round) {
        BOOST_TEST_CONTEXT("round " << round)
        {
            const std::string path = tmp.file("p" + std::to_string(round) + ".sqlite");
            store::Project::create(path, {});
            test::RunResult ra, rb;
            std::thread ta([&] { ra = runCliConcurrently("import '" + tmp.file("a.shp") + "' --into '" + path + "' --quiet", "a"); });
            std::thread tb([&] { rb = runCliConcurrently("import '" + tmp.file("b.shp") + "' --into '" + path + "' --quiet", "b"); });
            ta.join();
            tb.join();
            BOOST_TEST(ra.exitCode == 0, ra.err);
            BOOST_TEST(rb.exitCode == 0, rb.err);
            auto p = store::Project::open(path, true);
            BOOST_TEST(count(*p, "parcel") == 5000);
            BOOST_TEST(count(*p, "import_log") == 2);
            BOOST_TEST(p->db().queryText("SELECT rtreecheck('idx_parcel_geom')").value() == "ok");
            BOOST_TEST(p->db().queryInt("SELECT count(*) FROM idx_parcel_geom").value() == 5000);
        }
    }
}

BOOST_AUTO_TEST_CASE(fix_and_info_during_a_bulk_import_see_a_whole_project)
{
    // Before, the bulk path switched the journal mode and dropped triggers where other
    // connections could see it: `fix` during a > 2000-feature import failed with
    // "no such table: parcel" (10 of 10).
    test::TempDir tmp;
    writeShp(tmp.file("big.shp"), 5899, grid(6000, 1, 502000), "UTF-8");
    writeShp(tmp.file("block.shp"), 5899, [] {
        auto b = block();
        for (auto &f : b)
            f.ints["SoHieuToBa"] = 9;
        return b;
    }(), "UTF-8");
    const std::string path = tmp.file("p.sqlite");
    BOOST_REQUIRE(test::runCli("import '" + tmp.file("block.shp") + "' --into '" + path + "' --quiet").exitCode == 0);
    std::atomic<bool> importing{true};
    test::RunResult imp;
    std::thread t([&] {
        imp = runCliConcurrently("import '" + tmp.file("big.shp") + "' --into '" + path + "' --quiet", "big");
        importing = false;
    });
    int during = 0, runs = 0;
    while (importing && runs < 200) {
        const bool startedDuring = importing;
        const auto fix = runCliConcurrently("fix '" + path + "' --rule sliver", "fix");
        const auto info = runCliConcurrently("info '" + path + "'", "info");
        ++runs;
        BOOST_TEST(fix.exitCode != 2, fix.err);
        BOOST_TEST(info.exitCode == 0, info.err);
        BOOST_TEST(fix.err.find("no such table") == std::string::npos, fix.err);
        BOOST_TEST(info.err.find("no such table") == std::string::npos, info.err);
        during += startedDuring; // it then waits for the import's lock to write
    }
    t.join();
    BOOST_TEST(imp.exitCode == 0, imp.err);
    BOOST_TEST_MESSAGE(during << " of " << runs << " fix/info runs started during the import");
    BOOST_TEST(during >= 1);
    auto p = store::Project::open(path, true);
    BOOST_TEST(count(*p, "parcel") == 6004);
    BOOST_TEST(p->db().queryText("PRAGMA journal_mode").value() == "wal");
}

BOOST_AUTO_TEST_CASE(a_real_third_party_shapefile_with_more_records_than_shapes_is_refused)
{
    // tests/data/io/shapetcl/mismatch.*: 1 shape, 2 .dbf records (see tests/data/io/README.md).
    const std::string shp = test::testDataDir() + "/io/shapetcl/mismatch.shp";
    BOOST_REQUIRE(fs::exists(shp));
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    io::ImportOptions o;
    o.sourceCrs = "EPSG:5899";
    const auto r = io::importVector(*p, shp, o);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("has 1 shape but mismatch.dbf has 2 attribute records") != std::string::npos, r.error);
    BOOST_TEST(count(*p, "import_log") == 0);
    const io::ShapefileCounts c = io::shapefileCounts(shp);
    BOOST_TEST(c.shapes == 1);
    BOOST_TEST(c.dbfRecords == 2);
}
