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

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

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
