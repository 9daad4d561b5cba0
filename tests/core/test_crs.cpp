// VN-2000 coordinate engine: the pinned EPSG:6960 operation, round trips over
// every provincial meridian, the CRS catalogue, recognition of imported CRS
// definitions, DMS, and GDAL reading back the CRSs we write.
#define BOOST_TEST_MODULE crs
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "crs/angle_format.h"
#include "crs/crs_catalogue.h"
#include "crs/crs_recognition.h"
#include "crs/geohash.h"
#include "crs/parcel_code.h"
#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <gdal.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace vnland;

namespace {

constexpr double kDegToM = 111320.0; // metres per degree of latitude, near enough for tolerances

double groundDistance(double lat1, double lon1, double lat2, double lon2)
{
    const double dn = (lat2 - lat1) * kDegToM;
    const double de = (lon2 - lon1) * kDegToM * std::cos(lat1 * M_PI / 180);
    return std::hypot(dn, de);
}

struct TestPoint {
    std::string id;
    double wgsLat, wgsLon, vnLat, vnLon;
};

std::vector<TestPoint> publishedPoints()
{
    const std::string path = test::testDataDir() + "/crs/vn2000_testpoints.csv";
    std::ifstream f(path);
    BOOST_REQUIRE_MESSAGE(f, "missing test input " << path);
    std::vector<TestPoint> out;
    std::string line;
    std::getline(f, line); // header
    while (std::getline(f, line)) {
        std::stringstream ss(line);
        TestPoint p;
        std::string cell;
        std::getline(ss, p.id, ',');
        std::getline(ss, cell, ',');
        p.wgsLat = std::stod(cell);
        std::getline(ss, cell, ',');
        p.wgsLon = std::stod(cell);
        std::getline(ss, cell, ',');
        p.vnLat = std::stod(cell);
        std::getline(ss, cell, ',');
        p.vnLon = std::stod(cell);
        out.push_back(p);
    }
    return out;
}

// The explicit pipeline of vn2000.md (WGS84 lon/lat degrees -> VN-2000 TM-3 E,N), typed here
// independently of the product code.
std::string explicitPipeline(double cm)
{
    std::ostringstream s;
    s.precision(10);
    s << "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=push +v_3"
         " +step +proj=cart +ellps=WGS84"
         " +step +inv +proj=helmert +x=-191.90441429 +y=-39.30318279 +z=-111.45032835"
         " +rx=-0.00928836 +ry=0.01975479 +rz=-0.00427372 +s=0.252906278 +convention=coordinate_frame"
         " +step +inv +proj=cart +ellps=WGS84 +step +proj=pop +v_3"
         " +step +proj=tmerc +lat_0=0 +lon_0="
      << cm << " +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84";
    return s.str();
}

std::vector<int> provincialTm3Codes()
{
    std::set<int> codes;
    for (const auto &p : crs::provinces())
        codes.insert(p.epsg);
    return {codes.begin(), codes.end()};
}

} // namespace

BOOST_AUTO_TEST_CASE(published_pairs_within_2cm)
{
    const auto points = publishedPoints();
    BOOST_REQUIRE_EQUAL(points.size(), 3u);
    auto toVn = crs::Transformer::create("EPSG:4326", "EPSG:4756");
    BOOST_REQUIRE(toVn);
    BOOST_TEST(toVn->usesPinnedOperation());
    for (const auto &p : points) {
        double lon = p.wgsLon, lat = p.wgsLat;
        BOOST_REQUIRE(toVn->transform(lon, lat));
        const double d = groundDistance(lat, lon, p.vnLat, p.vnLon);
        BOOST_TEST_INFO(p.id << " WGS84 -> VN-2000 off by " << d << " m");
        BOOST_TEST(d < 0.02);
        // And the other way.
        lon = p.vnLon;
        lat = p.vnLat;
        BOOST_REQUIRE(toVn->transformInverse(lon, lat));
        const double back = groundDistance(lat, lon, p.wgsLat, p.wgsLon);
        BOOST_TEST_INFO(p.id << " VN-2000 -> WGS84 off by " << back << " m");
        BOOST_TEST(back < 0.02);
    }
}

BOOST_AUTO_TEST_CASE(hcmc_point_follows_the_pin_not_proj_default)
{
    const double lat = 10.775, lon = 106.700; // Hồ Chí Minh City, inside the EPSG:5194 area
    const int hcmc = crs::lookupCrs("Hồ Chí Minh").epsg;
    BOOST_REQUIRE_EQUAL(hcmc, 9210);

    auto ours = crs::Transformer::create("EPSG:4326", "EPSG:" + std::to_string(hcmc));
    BOOST_REQUIRE(ours);
    BOOST_TEST(ours->usesPinnedOperation());
    BOOST_TEST(ours->crossesDatum());
    BOOST_TEST(ours->description().find(crs::pinnedHelmertStep()) != std::string::npos);
    double e = lon, n = lat;
    BOOST_REQUIRE(ours->transform(e, n));

    PJ_CONTEXT *c = crs::ctx();
    crs::PjPtr pinned(proj_create(c, explicitPipeline(105.75).c_str()));
    BOOST_REQUIRE(pinned);
    PJ_COORD in = proj_coord(lon, lat, 0, 0);
    const PJ_COORD ref = proj_trans(pinned.get(), PJ_FWD, in);
    BOOST_TEST_INFO("ours " << e << " " << n << " explicit " << ref.xy.x << " " << ref.xy.y);
    BOOST_TEST(std::hypot(e - ref.xy.x, n - ref.xy.y) < 0.001);

    // PROJ's own choice for the same pair picks EPSG:5194 here.
    crs::PjPtr raw(proj_create_crs_to_crs(c, "EPSG:4326", ("EPSG:" + std::to_string(hcmc)).c_str(), nullptr));
    BOOST_REQUIRE(raw);
    crs::PjPtr def(proj_normalize_for_visualization(c, raw.get()));
    const PJ_COORD d = proj_trans(def.get(), PJ_FWD, in);
    const double shift = std::hypot(e - d.xy.x, n - d.xy.y);
    BOOST_TEST_INFO("PROJ default differs by " << shift << " m");
    BOOST_TEST(shift > 0.7);
    BOOST_TEST(shift < 0.9);
}

BOOST_AUTO_TEST_CASE(every_datum_crossing_is_pinned)
{
    for (int code : provincialTm3Codes()) {
        for (const char *other : {"EPSG:4326", "EPSG:32648", "EPSG:32649", "EPSG:4978"}) {
            const std::string tm3 = "EPSG:" + std::to_string(code);
            for (int dir = 0; dir < 2; ++dir) {
                std::string err;
                auto t = dir ? crs::Transformer::create(other, tm3, &err) : crs::Transformer::create(tm3, other, &err);
                BOOST_TEST_INFO(tm3 << " <-> " << other << ": " << err);
                BOOST_REQUIRE(t);
                BOOST_TEST(t->crossesDatum());
                BOOST_TEST(t->usesPinnedOperation());
            }
        }
    }
    // Between two VN-2000 CRSs there is no datum shift at all.
    auto same = crs::Transformer::create("EPSG:5899", "EPSG:3405");
    BOOST_REQUIRE(same);
    BOOST_TEST(!same->crossesDatum());
    // A VN-2000 CRS written as a PROJ string with the correct +towgs84 is pinned too.
    auto str = crs::Transformer::create(
        "+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
        "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m",
        "EPSG:4326");
    BOOST_REQUIRE(str);
    BOOST_TEST(str->usesPinnedOperation());
}

BOOST_AUTO_TEST_CASE(round_trips_over_all_17_meridians_within_1mm)
{
    const auto codes = provincialTm3Codes();
    BOOST_REQUIRE_EQUAL(codes.size(), 17u);
    for (int code : codes) {
        const crs::CatalogueEntry *entry = crs::findEntry(code);
        BOOST_REQUIRE(entry);
        const std::string tm3 = "EPSG:" + std::to_string(code);
        const std::string utm = entry->centralMeridian < 108 ? "EPSG:3405" : "EPSG:3406";
        auto toWgs = crs::Transformer::create(tm3, "EPSG:4326");
        auto wgsToUtm = crs::Transformer::create("EPSG:4326", utm);
        auto utmToGeo = crs::Transformer::create(utm, "EPSG:4756");
        auto geoToTm3 = crs::Transformer::create("EPSG:4756", tm3);
        BOOST_REQUIRE(toWgs && wgsToUtm && utmToGeo && geoToTm3);
        BOOST_TEST(wgsToUtm->usesPinnedOperation());
        BOOST_TEST(!utmToGeo->crossesDatum());
        for (double lat : {8.6, 12.0, 16.0, 21.0, 23.3}) {
            for (double dlon : {-1.5, 0.0, 1.5}) {
                // Start from a TM-3 point: project a VN-2000 geographic position.
                double e = entry->centralMeridian + dlon, n = lat;
                BOOST_REQUIRE(geoToTm3->transform(e, n));
                const double e0 = e, n0 = n;
                BOOST_REQUIRE(toWgs->transform(e, n));
                BOOST_REQUIRE(wgsToUtm->transform(e, n));
                BOOST_REQUIRE(utmToGeo->transform(e, n));
                BOOST_REQUIRE(geoToTm3->transform(e, n));
                BOOST_TEST_INFO(tm3 << " at " << lat << "," << entry->centralMeridian + dlon);
                BOOST_TEST(std::hypot(e - e0, n - n0) < 0.001);
                // And backwards through the inverse operations.
                BOOST_REQUIRE(geoToTm3->transformInverse(e, n));
                BOOST_REQUIRE(utmToGeo->transformInverse(e, n));
                BOOST_REQUIRE(wgsToUtm->transformInverse(e, n));
                BOOST_REQUIRE(toWgs->transformInverse(e, n));
                BOOST_TEST(std::hypot(e - e0, n - n0) < 0.001);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(cached_transformers_on_two_threads_agree)
{
    // Each thread plans its own PJ in its own context; results are identical.
    std::vector<double> x(20000), y(20000);
    for (size_t i = 0; i < x.size(); ++i) {
        x[i] = 104.5 + 3.0 * i / x.size();
        y[i] = 8.6 + 14.0 * i / x.size();
    }
    std::vector<double> x1 = x, y1 = y, x2 = x, y2 = y;
    const crs::Transformer *t1 = nullptr, *t2 = nullptr; // owned by each thread's cache
    std::thread a([&] {
        t1 = crs::Transformer::cached("EPSG:4326", "EPSG:9210");
        t1->transform(x1.data(), y1.data(), x1.size());
    });
    std::thread b([&] {
        t2 = crs::Transformer::cached("EPSG:4326", "EPSG:9210");
        t2->transform(x2.data(), y2.data(), x2.size());
    });
    a.join();
    b.join();
    BOOST_TEST(x1 == x2);
    BOOST_TEST(y1 == y2);
    BOOST_TEST(x1[0] != x[0]);
}

BOOST_AUTO_TEST_CASE(cached_transformer_is_reused_per_thread)
{
    const crs::Transformer *a = crs::Transformer::cached("EPSG:5899", "EPSG:4326");
    const crs::Transformer *b = crs::Transformer::cached("EPSG:5899", "EPSG:4326");
    BOOST_REQUIRE(a);
    BOOST_TEST(a == b);
    std::string err;
    BOOST_TEST(!crs::Transformer::cached("EPSG:5899", "nonsense", &err));
    BOOST_TEST(!err.empty());
}

BOOST_AUTO_TEST_CASE(catalogue_has_63_provinces_and_their_codes)
{
    const auto &ps = crs::provinces();
    BOOST_REQUIRE_EQUAL(ps.size(), 63u);
    for (const auto &p : ps) {
        BOOST_TEST_INFO(p.nameVi);
        BOOST_TEST(crs::tm3EpsgForMeridian(p.centralMeridian) == p.epsg);
        // The EPSG definition really has that meridian.
        crs::PjPtr c = crs::createCrs("EPSG:" + std::to_string(p.epsg));
        BOOST_REQUIRE(c);
        const char *projString = proj_as_proj_string(crs::ctx(), c.get(), PJ_PROJ_4, nullptr);
        std::ostringstream want;
        want << "+lon_0=" << p.centralMeridian << " ";
        BOOST_TEST(std::string(projString).find(want.str()) != std::string::npos);
    }
    BOOST_TEST(crs::provinceByCode("22")->nameVi == "Quảng Ninh");
    BOOST_TEST(crs::findEntry(5899)->provinceCodes.size() == 6u);
    BOOST_TEST((crs::findEntry(3405)->kind == crs::CrsKind::Utm));
    BOOST_TEST((crs::findEntry(4756)->kind == crs::CrsKind::Geographic));
    BOOST_TEST((crs::findEntry(4326)->kind == crs::CrsKind::Wgs84));
}

BOOST_AUTO_TEST_CASE(lookup_by_name_code_meridian_epsg)
{
    const std::pair<const char *, int> cases[] = {
        {"Quảng Ninh", 5899}, {"quang ninh", 5899}, {"QUANG NINH", 5899}, {"Tỉnh Quảng Ninh", 5899},
        {"22", 5899}, {"107°45'", 5899}, {"107.75", 5899}, {"107-45", 5899}, {"EPSG:5899", 5899},
        {"5899", 5899}, {"Hồ Chí Minh", 9210}, {"TP. Hồ Chí Minh", 9210}, {"ho chi minh", 9210},
        {"Bà Rịa - Vũng Tàu", 5899}, {"ba ria vung tau", 5899}, {"Đắk Lắk", 9218}, {"dak lak", 9218},
        {"Hà Nội", 5897}, {"1", 5897}, {"01", 5897}, {"Cà Mau", 9207}, {"103", 9205}, {"104°30′", 9207},
        {"wgs84", 4326}, {"WGS 84", 4326}, {"vn2000", 4756}, {"utm48", 3405}, {"UTM 49N", 3406}, {"Huế", 9214}};
    for (const auto &[query, epsg] : cases) {
        const auto r = crs::lookupCrs(query);
        BOOST_TEST_INFO(query << ": " << r.error);
        BOOST_TEST(r.ok());
        BOOST_TEST(r.epsg == epsg);
    }
    const auto dep = crs::lookupCrs("EPSG:6959");
    BOOST_TEST(dep.epsg == 5899);
    BOOST_REQUIRE(!dep.notes.empty());
    BOOST_TEST(dep.notes[0].find("deprecated") != std::string::npos);
    BOOST_TEST(!crs::lookupCrs("Atlantis").ok());
    BOOST_TEST(!crs::lookupCrs("99").ok());
    BOOST_TEST(!crs::lookupCrs("106.75").ok()); // a meridian without an EPSG code
    BOOST_TEST(crs::foldVietnamese("Bà Rịa - Vũng Tàu") == "ba ria vung tau");
    BOOST_TEST(crs::foldVietnamese("Đồng Tháp") == "dong thap");
}

// --- Recognition on import ------------------------------------------------

namespace {
const char *kPvRight = "-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";
const char *kPvWrong = "-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278";

std::string tm3Proj(double cm, const char *towgs)
{
    std::ostringstream s;
    s << "+proj=tmerc +lat_0=0 +lon_0=" << cm << " +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84";
    if (towgs)
        s << " +towgs84=" << towgs;
    s << " +units=m +no_defs";
    return s.str();
}
} // namespace

BOOST_AUTO_TEST_CASE(recognize_deprecated_codes)
{
    for (int old = 6956; old <= 6959; ++old) {
        const auto r = crs::recognize("EPSG:" + std::to_string(old));
        BOOST_TEST(r.epsg == old - 6956 + 5896);
        BOOST_TEST(r.deprecatedEpsg == old);
        BOOST_TEST(r.vn2000);
    }
    // A .prj written from the deprecated definition (false easting 0, false northing 500 000).
    const std::string swapped =
        R"(PROJCS["VN_2000_TM-3_Da_Nang_zone",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,)"
        R"(298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
        R"(PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",500000.0],PARAMETER["Central_Meridian",107.75],)"
        R"(PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
    const auto sw = crs::recognize(swapped);
    BOOST_TEST(sw.epsg == 5899);
    BOOST_REQUIRE(!sw.notes.empty());
    BOOST_TEST(sw.notes[0].find("false northing 500000") != std::string::npos);
    // WKT1 carrying the deprecated authority code.
    crs::PjPtr c = crs::createCrs("EPSG:6959");
    const char *wkt1 = proj_as_wkt(crs::ctx(), c.get(), PJ_WKT1_GDAL, nullptr);
    BOOST_REQUIRE(wkt1);
    BOOST_TEST(crs::recognize(wkt1).epsg == 5899);
}

BOOST_AUTO_TEST_CASE(recognize_towgs84_both_signs)
{
    const auto right = crs::recognize(tm3Proj(107.75, kPvRight));
    BOOST_TEST(right.epsg == 5899);
    BOOST_TEST(right.vn2000);
    BOOST_TEST(!right.wrongSignTowgs84);

    const auto wrong = crs::recognize(tm3Proj(107.75, kPvWrong));
    BOOST_TEST(wrong.vn2000);
    BOOST_TEST(wrong.wrongSignTowgs84);
    BOOST_TEST(wrong.epsg == 0); // not corrected unless asked
    BOOST_TEST(wrong.suggestedEpsg == 5899);
    BOOST_TEST(!wrong.corrected);
    BOOST_TEST(wrong.definition == tm3Proj(107.75, kPvWrong));
    bool warned = false;
    for (const auto &n : wrong.notes)
        warned = warned || n.find("WARNING") != std::string::npos;
    BOOST_TEST(warned);

    const auto fixed = crs::recognize(tm3Proj(107.75, kPvWrong), {true});
    BOOST_TEST(fixed.epsg == 5899);
    BOOST_TEST(fixed.wrongSignTowgs84);
    BOOST_TEST(fixed.corrected);

    // The wrong string, used as declared, really moves positions by 0.5-0.8 m.
    auto asDeclared = crs::Transformer::create(tm3Proj(107.75, kPvWrong), "EPSG:4326");
    auto pinned = crs::Transformer::create("EPSG:5899", "EPSG:4326");
    BOOST_REQUIRE(asDeclared && pinned);
    BOOST_TEST(!asDeclared->usesPinnedOperation());
    double e1 = 430000, n1 = 2320000, e2 = e1, n2 = n1;
    asDeclared->transform(e1, n1);
    pinned->transform(e2, n2);
    const double d = groundDistance(n1, e1, n2, e2);
    BOOST_TEST_INFO("wrong-sign shift " << d << " m");
    BOOST_TEST(d > 0.4);
    BOOST_TEST(d < 1.0);

    // UTM and geographic forms.
    BOOST_TEST(crs::recognize("+proj=utm +zone=48 +ellps=WGS84 +towgs84=" + std::string(kPvRight) + " +units=m").epsg == 3405);
    BOOST_TEST(crs::recognize("+proj=longlat +ellps=WGS84 +towgs84=" + std::string(kPvRight)).epsg == 4756);
    BOOST_TEST(crs::recognize("+proj=longlat +datum=WGS84 +no_defs").epsg == 4326);
}

BOOST_AUTO_TEST_CASE(recognize_prj_wkt1_without_authority)
{
    // ArcGIS style.
    const std::string arcgis =
        R"(PROJCS["VN_2000_TM_3_105_45",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],)"
        R"(PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
        R"(PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.75],)"
        R"(PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
    auto r = crs::recognize(arcgis);
    BOOST_TEST(r.epsg == 9210);
    BOOST_TEST(r.vn2000);
    // MicroStation style, "VN-2000" names.
    const std::string microstation =
        R"(PROJCS["VN-2000 / TM-3 Quang Ninh",GEOGCS["VN-2000",DATUM["VN-2000",SPHEROID["WGS 84",6378137,298.257223563]],)"
        R"(PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
        R"(PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",107.75],PARAMETER["scale_factor",0.9999],)"
        R"(PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]])";
    r = crs::recognize(microstation);
    BOOST_TEST(r.epsg == 5899);
    BOOST_TEST(r.vn2000);
    // MapInfo export: datum named VN_2000 with a TOWGS84 clause (correct signs).
    const std::string mapinfo =
        R"(PROJCS["Vietnam TM-3 105",GEOGCS["unnamed",DATUM["VN_2000",SPHEROID["WGS 84",6378137,298.257223563],)"
        R"(TOWGS84[)" + std::string(kPvRight) + R"(]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],)"
        R"(PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],)"
        R"(PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["Meter",1]])";
    r = crs::recognize(mapinfo);
    BOOST_TEST(r.epsg == 5897);
    BOOST_TEST(!r.wrongSignTowgs84);
    // Same, wrong-sign TOWGS84.
    std::string mapinfoWrong = mapinfo;
    mapinfoWrong.replace(mapinfoWrong.find(kPvRight), std::strlen(kPvRight), kPvWrong);
    r = crs::recognize(mapinfoWrong);
    BOOST_TEST(r.wrongSignTowgs84);
    BOOST_TEST(r.suggestedEpsg == 5897);
}

BOOST_AUTO_TEST_CASE(recognize_custom_tm3)
{
    // No datum at all: WGS84 ellipsoid + TM-3 parameters is taken as VN-2000, with a note.
    auto r = crs::recognize(tm3Proj(106.25, nullptr));
    BOOST_TEST(r.epsg == 9212);
    BOOST_TEST(r.vn2000);
    BOOST_TEST(!r.notes.empty());
    // A meridian without an EPSG code stays custom but on the VN-2000 datum, so it is pinned.
    r = crs::recognize(tm3Proj(106.75, kPvRight));
    BOOST_TEST(r.epsg == 0);
    BOOST_TEST(r.vn2000);
    BOOST_REQUIRE(r.ok());
    crs::PjPtr custom = crs::createCrs(r.definition);
    BOOST_REQUIRE(custom);
    BOOST_TEST(crs::isVn2000(custom.get()));
    auto t = crs::Transformer::create(custom.get(), crs::createCrs("EPSG:4326").get());
    BOOST_REQUIRE(t);
    BOOST_TEST(t->usesPinnedOperation());
    // Unknown text.
    BOOST_TEST(!crs::recognize("not a crs").ok());
}

BOOST_AUTO_TEST_CASE(dms_parse_and_format)
{
    BOOST_TEST(*crs::parseAngle("10°46'30\"N") == 10.775, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*crs::parseAngle("106 42 0 E") == 106.7, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*crs::parseAngle("10:46:30") == 10.775, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*crs::parseAngle("S 10°46'30\"") == -10.775, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*crs::parseAngle("106.7") == 106.7, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(!crs::parseAngle("10°75'"));
    BOOST_TEST(!crs::parseAngle("abc"));
    BOOST_TEST(crs::formatDms(10.775, true, 3) == "10°46'30.000\"N");
    BOOST_TEST(crs::formatDms(106.7, false, 2) == "106°42'00.00\"E");
    BOOST_TEST(crs::formatDms(10.0 - 1e-10, true, 3) == "10°00'00.000\"N");
}

// --- Item 7: GDAL reads back the CRS we write as the same EPSG code --------

namespace {
int gdalIdentify(const OGRSpatialReference *srs)
{
    if (!srs)
        return 0;
    const char *code = srs->GetAuthorityCode(nullptr);
    if (code && srs->GetAuthorityName(nullptr) && std::string(srs->GetAuthorityName(nullptr)) == "EPSG")
        return std::atoi(code);
    int count = 0;
    int *confidence = nullptr;
    OGRSpatialReferenceH *matches = srs->FindMatches(nullptr, &count, &confidence);
    int result = 0;
    if (count > 0 && confidence[0] >= 90) {
        const auto *best = OGRSpatialReference::FromHandle(matches[0]);
        if (best->GetAuthorityCode(nullptr))
            result = std::atoi(best->GetAuthorityCode(nullptr));
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return result;
}

int writeAndReadBack(const std::string &driverName, const std::string &path, int epsg)
{
    GDALAllRegister();
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    BOOST_REQUIRE(drv);
    {
        GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        BOOST_REQUIRE(ds);
        OGRSpatialReference srs;
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        BOOST_REQUIRE(srs.importFromEPSG(epsg) == OGRERR_NONE);
        OGRLayer *layer = ds->CreateLayer("parcel", &srs, wkbPolygon, nullptr);
        BOOST_REQUIRE(layer);
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(ds);
    return gdalIdentify(ds->GetLayer(0)->GetSpatialRef());
}
} // namespace

BOOST_AUTO_TEST_CASE(gdal_reads_back_written_crs_as_same_epsg)
{
    test::TempDir tmp;
    for (int epsg : {5899, 9210, 5897, 3405}) {
        BOOST_TEST_INFO("EPSG:" << epsg);
        BOOST_TEST(writeAndReadBack("ESRI Shapefile", tmp.file("p" + std::to_string(epsg) + ".shp"), epsg) == epsg);
        BOOST_TEST(writeAndReadBack("GPKG", tmp.file("p" + std::to_string(epsg) + ".gpkg"), epsg) == epsg);
    }
    // A project (SpatiaLite) registers its geometry with the project EPSG code.
    {
        auto p = store::Project::create(tmp.file("proj.sqlite"), {});
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.file("proj.sqlite").c_str(), GDAL_OF_VECTOR));
        BOOST_REQUIRE(ds);
        OGRLayer *parcel = ds->GetLayerByName("parcel");
        BOOST_REQUIRE(parcel);
        BOOST_TEST(gdalIdentify(parcel->GetSpatialRef()) == 5899);
    }
    // GeoTIFF (scans georeferenced in the project CRS).
    {
        GDALDriver *tif = GetGDALDriverManager()->GetDriverByName("GTiff");
        BOOST_REQUIRE(tif);
        GDALDatasetUniquePtr ds(tif->Create(tmp.file("scan.tif").c_str(), 4, 4, 1, GDT_Byte, nullptr));
        BOOST_REQUIRE(ds);
        OGRSpatialReference srs;
        srs.importFromEPSG(5899);
        ds->SetSpatialRef(&srs);
        double gt[6] = {430000, 1, 0, 2320000, 0, -1};
        ds->SetGeoTransform(gt);
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.file("scan.tif").c_str(), GDAL_OF_RASTER));
        BOOST_REQUIRE(ds);
        BOOST_TEST(gdalIdentify(ds->GetSpatialRef()) == 5899);
    }
    // And our recognizer reads the shapefile .prj GDAL wrote (ESRI WKT1, no authority).
    const std::string prj = test::readFile(tmp.file("p5899.prj"));
    BOOST_TEST(prj.find("AUTHORITY") == std::string::npos);
    BOOST_TEST(crs::recognize(prj).epsg == 5899);
}

// --- GeoHash parcel code ---------------------------------------------------

BOOST_AUTO_TEST_CASE(geohash_reference_values)
{
    // Published examples (G. Niemeyer, geohash.org).
    BOOST_TEST(crs::geohashEncode(42.6, -5.6, 5) == "ezs42");
    BOOST_TEST(crs::geohashEncode(57.64911, 10.40744, 11) == "u4pruydqqvj");
    const auto c = crs::geohashDecode("ezs42");
    BOOST_REQUIRE(c);
    BOOST_TEST(std::fabs(c->lat() - 42.6) < 0.03);
    BOOST_TEST(std::fabs(c->lon() + 5.6) < 0.03);
    BOOST_TEST(!crs::geohashDecode("ezs4a")); // 'a' is not in the alphabet
}

BOOST_AUTO_TEST_CASE(parcel_code_of_a_square_parcel)
{
    // A 20 m square centred on E 430 000, N 2 320 000 in VN-2000 / TM-3 107-45.
    // Hand check: the centre through the vn2000.md pipeline (cct -I, h = 0 on
    // WGS84) is 20.97197574219 N, 107.07867534661 E, whose 12-character GeoHash,
    // computed separately, is w7spk9u69gxk (the point is >= 4.8 mm inside the cell).
    auto g = geom::fromWkt("MULTIPOLYGON(((429990 2319990,430010 2319990,430010 2320010,429990 2320010,429990 2319990)))");
    BOOST_REQUIRE(g);
    auto toWgs = crs::Transformer::create("EPSG:5899", "EPSG:4326");
    BOOST_REQUIRE(toWgs);
    const auto code = crs::parcelCode(g.get(), *toWgs);
    BOOST_REQUIRE_MESSAGE(code.ok(), code.error);
    BOOST_TEST(code.code == "w7spk9u69gxk");
    BOOST_TEST(std::fabs(code.east - 430000) < 0.001);
    BOOST_TEST(std::fabs(code.north - 2320000) < 0.001);
    BOOST_TEST(std::fabs(code.radius - 10) < 0.002);
    BOOST_TEST(std::fabs(code.lat - 20.97197574219) < 1e-9);
    BOOST_TEST(std::fabs(code.lon - 107.07867534661) < 1e-9);

    // An L-shaped parcel (arms 10 m wide): the pole sits in the corner where the circle
    // touches both outer sides and the re-entrant vertex: r = 10·√2 / (1 + √2) = 5.858 m.
    auto shifted = geom::fromWkt("POLYGON((430000 2320000,430040 2320000,430040 2320010,430010 2320010,430010 2320040,"
                                 "430000 2320040,430000 2320000))");
    BOOST_REQUIRE(shifted);
    const auto lc = crs::parcelCode(shifted.get(), *toWgs);
    BOOST_REQUIRE(lc.ok());
    geom::GeomPtr pole(GEOSGeom_createPointFromXY_r(geom::ctx(), lc.east, lc.north));
    BOOST_TEST(GEOSContains_r(geom::ctx(), shifted.get(), pole.get()) == 1);
    BOOST_TEST(std::fabs(lc.radius - 10 * std::sqrt(2.0) / (1 + std::sqrt(2.0))) < 0.002);
    BOOST_TEST(std::fabs(lc.east - 430000 - lc.radius) < 0.002);
    const auto cell = crs::geohashDecode(lc.code);
    BOOST_REQUIRE(cell);
    BOOST_TEST((lc.lat >= cell->minLat && lc.lat <= cell->maxLat && lc.lon >= cell->minLon && lc.lon <= cell->maxLon));

    // Refuses a transformation that is not pinned.
    auto notPinned = crs::Transformer::create(tm3Proj(107.75, kPvWrong), "EPSG:4326");
    BOOST_REQUIRE(notPinned);
    BOOST_TEST(!crs::parcelCode(g.get(), *notPinned).ok());
}

BOOST_AUTO_TEST_CASE(cli_parcel_code_writes_the_column)
{
    test::TempDir tmp;
    const std::string path = tmp.file("p.sqlite");
    {
        auto p = store::Project::create(path, {});
        store::ParcelWriter w(*p);
        model::Parcel parcel;
        parcel.uuid = store::newUuid();
        parcel.communeCode = "06877";
        parcel.toSo = 5;
        parcel.thuaSo = 12;
        parcel.landuseCode = "ONT";
        auto g = geom::fromWkt("MULTIPOLYGON(((429990 2319990,430010 2319990,430010 2320010,429990 2320010,429990 2319990)))");
        parcel.wkb = geom::toWkb(g.get());
        w.insert(parcel);
    }
    auto r = test::runCli("parcel-code '" + path + "'");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("06877,5,12,w7spk9u69gxk,") != std::string::npos);
    r = test::runCli("parcel-code '" + path + "' --write");
    BOOST_TEST(r.exitCode == 0);
    auto p = store::Project::open(path, true);
    BOOST_TEST(p->db().queryText("SELECT parcel_code FROM parcel WHERE thua_so = 12").value_or("") == "w7spk9u69gxk");
}

// --- CLI ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(cli_crs_transform_and_info)
{
    // vn2000.md pipeline at the HCMC point (cct): E 603 699.4777, N 1 191 731.8289.
    auto r = test::runCli("crs transform --from wgs84 --to 'Hồ Chí Minh' 10.775 106.700");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out == "1191731.829 603699.478\n");
    BOOST_TEST(r.err.find("pinned EPSG:6960") != std::string::npos);
    r = test::runCli("crs transform --from wgs84 --to 9210 --order en 106.700 10.775");
    BOOST_TEST(r.out == "603699.478 1191731.829\n");
    r = test::runCli("crs transform --from 9210 --to wgs84 --dms 1191731.8289 603699.4777");
    BOOST_TEST(r.out == "10°46'30.00000\"N 106°42'00.00000\"E\n");
    // CSV with a header and an id column; DMS input.
    test::TempDir tmp;
    {
        std::ofstream f(tmp.file("pts.csv"));
        f << "id,lat,lon\nHCM,10°46'30\"N,106°42'E\nbad,x,y\n";
    }
    r = test::runCli("crs transform --from 4326 --to 9210 --csv '" + tmp.file("pts.csv") + "'");
    BOOST_TEST(r.exitCode == 2); // line 3 is unreadable and named
    BOOST_TEST(r.out.find("id,lat,lon\nHCM,1191731.829,603699.478\n") != std::string::npos);
    BOOST_TEST(r.err.find("pts.csv:3") != std::string::npos);
    r = test::runCli("crs info 'quang ninh'");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("EPSG:5899") != std::string::npos);
    BOOST_TEST(r.out.find("+proj=helmert +x=-191.90441429") != std::string::npos);
    BOOST_TEST(r.out.find("pinned EPSG:6960") != std::string::npos);
    {
        std::ofstream f(tmp.file("wrong.prj"));
        f << tm3Proj(107.75, kPvWrong);
    }
    r = test::runCli("crs recognize '" + tmp.file("wrong.prj") + "'");
    BOOST_TEST(r.exitCode == 1); // a finding: wrong-sign +towgs84, not corrected
    BOOST_TEST(r.out.find("Suggested: EPSG:5899") != std::string::npos);
    BOOST_TEST(r.out.find("WARNING") != std::string::npos);
    r = test::runCli("crs recognize '" + tmp.file("wrong.prj") + "' --correct");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("EPSG: EPSG:5899") != std::string::npos);
    // A .prj file as --from (its wrong-sign warning is shown, the declared definition used).
    r = test::runCli("crs transform --from '" + tmp.file("wrong.prj") + "' --to wgs84 2319785.071 429096.969");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.err.find("WARNING") != std::string::npos);
    BOOST_TEST(r.err.find("datum shift as declared") != std::string::npos);
    r = test::runCli("crs info Atlantis");
    BOOST_TEST(r.exitCode == 2);
    r = test::runCli("crs list");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("5899   VN-2000 / TM-3 107-45") != std::string::npos);
    BOOST_TEST(r.out.find("Bà Rịa - Vũng Tàu") != std::string::npos);
}
