// Land database: creation, migration, constraints, parcel round trip.
#define BOOST_TEST_MODULE store
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "geom/geos_context.h"
#include "store/migrator.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/spatialite_blob.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

using namespace vnland;

BOOST_AUTO_TEST_CASE(create_applies_schema_and_metadata)
{
    test::TempDir tmp;
    const auto path = tmp.file("p.sqlite");
    {
        auto p = store::Project::create(path, {});
        BOOST_TEST(p->db().userVersion() == store::Migrator::latestVersion());
        BOOST_TEST(store::Migrator::latestVersion() >= 1);
        BOOST_TEST(p->srid() == 5899);
        BOOST_TEST(p->meta("province_name").value() == "Quảng Ninh");
        // Geometry columns registered with the project's EPSG code.
        BOOST_TEST(p->db().queryInt("SELECT srid FROM geometry_columns WHERE f_table_name='parcel'").value() == 5899);
        BOOST_TEST(p->db().queryInt("SELECT spatial_index_enabled FROM geometry_columns WHERE f_table_name='parcel'").value() == 1);
        BOOST_TEST(p->db().queryText("PRAGMA journal_mode").value() == "wal");
        // Land-use codes loaded from schemas/.
        BOOST_TEST(p->db().queryInt("SELECT count(*) FROM landuse_code").value() == 80);
        BOOST_TEST(p->db().queryText("SELECT name_vi FROM landuse_code WHERE code='ONT'").value() == "Đất ở tại nông thôn");
        BOOST_TEST(p->db().queryInt("SELECT count(*) FROM landuse_hierarchy WHERE scheme='2018'").value() == 70);
    }
    // Reopening does not migrate again.
    auto p = store::Project::open(path);
    BOOST_TEST(p->settings().epsg == 5899);
}

BOOST_AUTO_TEST_CASE(create_refuses_existing_file)
{
    test::TempDir tmp;
    const auto path = tmp.file("p.sqlite");
    store::Project::create(path, {});
    BOOST_CHECK_THROW(store::Project::create(path, {}), store::DbError);
}

BOOST_AUTO_TEST_CASE(open_rejects_non_project)
{
    test::TempDir tmp;
    const auto path = tmp.file("x.sqlite");
    { store::Database db(path, store::Database::Mode::Create); db.exec("CREATE TABLE t(a)"); }
    try {
        store::Project::open(path);
        BOOST_FAIL("expected an error");
    } catch (const store::DbError &e) {
        BOOST_TEST(std::string(e.what()).find("not a VNLand project") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find(path) != std::string::npos);
    }
    BOOST_CHECK_THROW(store::Project::open(tmp.file("missing.sqlite")), store::DbError);
}

BOOST_AUTO_TEST_CASE(migration_from_older_version)
{
    test::TempDir tmp;
    const auto path = tmp.file("p.sqlite");
    {
        auto p = store::Project::create(path, {});
        p->db().setUserVersion(0);
        // A v0 file with its tables present would fail on re-applying v1; emulate a
        // truly empty v0 file instead.
    }
    {
        store::Database db(tmp.file("v0.sqlite"), store::Database::Mode::Create);
        db.exec("SELECT InitSpatialMetadata(1)");
        db.exec("CREATE TABLE project_meta(key TEXT PRIMARY KEY, value TEXT)");
        db.exec("INSERT INTO project_meta VALUES ('epsg', '5899')");
    }
    auto p = store::Project::open(tmp.file("v0.sqlite"));
    BOOST_TEST(p->db().userVersion() == store::Migrator::latestVersion());
    BOOST_TEST(p->db().queryInt("SELECT count(*) FROM landuse_code").value() == 80);
}

BOOST_AUTO_TEST_CASE(parcel_identity_unique_among_live)
{
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    auto g = geom::fromWkt("POLYGON((502000 2320000, 502010 2320000, 502010 2320010, 502000 2320010, 502000 2320000))");
    model::Parcel parcel;
    parcel.communeCode = "07192";
    parcel.toSo = 1;
    parcel.thuaSo = 5;
    parcel.landuseCode = "ONT";
    parcel.ownerName = "Nguyễn Văn Ấn";
    parcel.measuredArea = geom::area(g.get());
    parcel.wkb = geom::toWkb(g.get());
    {
        store::ParcelWriter w(*p);
        w.insert(parcel);
        parcel.uuid.clear();
        BOOST_CHECK_THROW(w.insert(parcel), store::DbError);
        parcel.flags = "duplicate_number"; // flagged duplicates are allowed and kept for validation
        w.insert(parcel);
    }
    const auto parcels = store::loadParcels(*p);
    BOOST_REQUIRE(parcels.size() == 2);
    BOOST_TEST(parcels[0].ownerName == "Nguyễn Văn Ấn");
    BOOST_TEST(*parcels[0].measuredArea == 100.0);
    auto back = geom::fromWkb(parcels[0].wkb.data(), parcels[0].wkb.size());
    BOOST_TEST(GEOSGeomTypeId_r(geom::ctx(), back.get()) == GEOS_MULTIPOLYGON);
    BOOST_TEST(geom::area(back.get()) == 100.0);
}

BOOST_AUTO_TEST_CASE(parcel_wkb_matches_spatialite_asbinary)
{
    // forEachParcel converts SpatiaLite blobs to WKB itself; it must agree with AsBinary byte for byte.
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    {
        store::ParcelWriter w(*p);
        int n = 0;
        for (const char *wkt :
             {"POLYGON((502000 2320000, 502010 2320000, 502010 2320010, 502000 2320010, 502000 2320000))",
              "POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))",
              "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6.123456789, 5 5)))"}) {
            auto g = geom::fromWkt(wkt);
            model::Parcel parcel;
            parcel.communeCode = "07192";
            parcel.toSo = 1;
            parcel.thuaSo = ++n;
            parcel.wkb = geom::toWkb(g.get());
            w.insert(parcel);
        }
    }
    const auto parcels = store::loadParcels(*p);
    BOOST_REQUIRE(parcels.size() == 3);
    store::Statement st(p->db(), "SELECT AsBinary(geom) FROM parcel ORDER BY thua_so");
    for (const auto &parcel : parcels) {
        BOOST_REQUIRE(st.step());
        const auto expected = st.blob(0);
        BOOST_TEST(parcel.wkb == expected);
    }
    const std::vector<unsigned char> junk = {0x00, 0x01, 0x02};
    BOOST_TEST(store::wkbFromSpatialiteBlob(junk.data(), junk.size()).empty());
}

BOOST_AUTO_TEST_CASE(new_uuids_are_version7_and_ordered)
{
    // RFC 9562 layout: 8-4-4-4-12 lower-case hex, version nibble 7, variant 10xx; one
    // process's UUIDs sort in creation order (index appends, not random page splits).
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i)
        ids.push_back(vnland::store::newUuid());
    for (const auto &u : ids) {
        BOOST_REQUIRE_EQUAL(u.size(), 36u);
        BOOST_CHECK(u[8] == '-' && u[13] == '-' && u[18] == '-' && u[23] == '-');
        BOOST_CHECK_EQUAL(u[14], '7');
        BOOST_CHECK(std::string("89ab").find(u[19]) != std::string::npos);
        BOOST_CHECK(std::all_of(u.begin(), u.end(), [](char c) { return c == '-' || (std::isxdigit(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c))); }));
    }
    for (size_t i = 1; i < ids.size(); ++i)
        BOOST_REQUIRE_MESSAGE(ids[i - 1] < ids[i], ids[i - 1] << " !< " << ids[i]);
}
