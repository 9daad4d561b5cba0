// Land database: creation, migration, constraints, parcel round trip.
#define BOOST_TEST_MODULE store
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "geom/geos_context.h"
#include "store/migrator.h"
#include "store/layer_styles.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/spatialite_blob.h"

#include <sqlite3.h>
#include <QXmlStreamReader>
#include "store/reference_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>

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

// QGIS opens the land database looking like the editor: layer_styles holds a default
// QML style for the parcels (land-use colours, thửa/area labels) and the map sheets.
BOOST_AUTO_TEST_CASE(land_database_carries_qgis_layer_styles)
{
    test::TempDir tmp;
    const auto path = tmp.file("p.sqlite");
    auto p = store::Project::create(path, {});
    auto &db = p->db();
    BOOST_TEST(db.queryInt("SELECT count(*) FROM layer_styles WHERE f_table_name = 'parcel' AND f_geometry_column = 'geom'"
                           " AND useAsDefault AND f_table_schema = '' AND f_table_catalog = ''")
                   .value_or(0) == 1);
    BOOST_TEST(db.queryInt("SELECT count(*) FROM layer_styles WHERE f_table_name = 'map_sheet' AND f_geometry_column = 'frame'"
                           " AND useAsDefault").value_or(0) == 1);
    const std::string qml = db.queryText("SELECT styleQML FROM layer_styles WHERE f_table_name = 'parcel'").value_or("");
    // Well-formed QML: a categorized renderer on landuse_code, one category per coloured code.
    QXmlStreamReader xml(QString::fromStdString(qml));
    int categories = 0, symbols = 0;
    QString attr, label, lua;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"renderer-v2")
            attr = xml.attributes().value(QStringLiteral("attr")).toString();
        else if (xml.name() == u"category") {
            ++categories;
            if (xml.attributes().value(QStringLiteral("value")) == u"LUA")
                lua = xml.attributes().value(QStringLiteral("symbol")).toString();
        } else if (xml.name() == u"symbol")
            ++symbols;
        else if (xml.name() == u"text-style")
            label = xml.attributes().value(QStringLiteral("fieldName")).toString();
    }
    BOOST_TEST(!xml.hasError(), xml.errorString().toStdString());
    BOOST_TEST(attr.toStdString() == "landuse_code");
    const std::string csv = store::schemaResource("landuse_colors.csv");
    const int csvCodes = int(std::count(csv.begin(), csv.end(), '\n')) - 1;
    BOOST_TEST(categories >= csvCodes);   // every coloured code, and "all other values"
    BOOST_TEST(symbols == categories);
    BOOST_TEST(!lua.isEmpty());
    BOOST_TEST(qml.find("\"255,252,130,255\"") != std::string::npos);   // LUA #FFFC82, as in the editor
    BOOST_TEST(label.contains(QStringLiteral("thua_so")));
    BOOST_TEST(label.contains(QStringLiteral("legal_area")));
    // A style the user made the default in QGIS stays the default when VNLand refreshes its own.
    db.exec("UPDATE layer_styles SET useAsDefault = 0");
    db.exec("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML,"
            " useAsDefault) VALUES ('', '', 'parcel', 'geom', 'mine', '<qgis/>', 1)");
    store::writeLayerStyles(db);
    BOOST_TEST(db.queryText("SELECT styleName FROM layer_styles WHERE f_table_name = 'parcel' AND useAsDefault").value_or("")
               == "mine");
    BOOST_TEST(db.queryInt("SELECT count(*) FROM layer_styles WHERE styleName = 'VNLand'").value_or(0) == 2);
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

// ---- damaged geometry blobs (issue #16): the checked reader, never SpatiaLite's parser ----

namespace {

std::vector<unsigned char> spatialiteBlob(store::Project &p, const std::string &sql, const std::string &wkt)
{
    store::Statement st(p.db(), sql);
    st.bind(1, wkt);
    BOOST_REQUIRE(st.step());
    BOOST_REQUIRE_MESSAGE(!st.isNull(0), sql << " " << wkt);
    return st.blob(0);
}

void put32(std::vector<unsigned char> &b, size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); }

/// A SpatiaLite POLYGON XY blob of @p pts (one ring), big-endian.
std::vector<unsigned char> bigEndianPolygon(const std::vector<std::pair<double, double>> &pts)
{
    std::vector<unsigned char> b;
    auto u32 = [&](uint32_t v) {
        for (int k = 3; k >= 0; --k)
            b.push_back(static_cast<unsigned char>(v >> (8 * k)));
    };
    auto f64 = [&](double d) {
        uint64_t v;
        std::memcpy(&v, &d, 8);
        for (int k = 7; k >= 0; --k)
            b.push_back(static_cast<unsigned char>(v >> (8 * k)));
    };
    b.push_back(0x00);
    b.push_back(0x00); // big-endian
    u32(5899);
    for (int k = 0; k < 4; ++k)
        f64(0);
    b.push_back(0x7C);
    u32(3);
    u32(1);
    u32(static_cast<uint32_t>(pts.size()));
    for (const auto &[x, y] : pts) {
        f64(x);
        f64(y);
    }
    b.push_back(0xFE);
    return b;
}

} // namespace

BOOST_AUTO_TEST_CASE(checked_reader_agrees_with_spatialite_on_every_class)
{
    // Valid blobs of every class SpatiaLite writes (XY, Z, M, ZM, compressed): the checked
    // reader gives the same 2D WKB as SpatiaLite's AsBinary(CastToXY()).
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    const char *wkts[] = {
        "POINT(502000.5 2320000.25)",
        "LINESTRING(0 0, 10 0.5, 20 3.25, 30 3)",
        "POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))",
        "MULTIPOINT(1 2, 3 4)",
        "MULTILINESTRING((0 0, 1 1), (2 2, 3 3, 4 5))",
        "MULTIPOLYGON(((502000 2320000, 502010 2320000, 502010 2320010, 502000 2320000)), ((0 0, 1 0, 1 1, 0 0)))",
        "GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 5 5), POLYGON((0 0, 1 0, 1 1, 0 0)))",
        "POLYGON Z((0 0 1, 30 0 2, 30 30 3, 0 30 4, 0 0 1))",
        "POLYGON M((0 0 1, 30 0 2, 30 30 3, 0 30 4, 0 0 1))",
        "POLYGON ZM((0 0 1 9, 30 0 2 9, 30 30 3 9, 0 30 4 9, 0 0 1 9))",
        "MULTIPOLYGON Z(((0 0 1, 3 0 2, 3 3 3, 0 0 1)))",
        "LINESTRING ZM(0 0 1 2, 1 1 1 2, 2 0 1 2)",
    };
    int checked = 0;
    for (const char *wkt : wkts) {
        for (const char *sql : {"SELECT GeomFromText(?, 5899)", "SELECT CompressGeometry(GeomFromText(?, 5899))"}) {
            BOOST_TEST_CONTEXT(sql << " " << wkt)
            {
                const auto blob = spatialiteBlob(*p, sql, wkt);
                const auto read = store::readSpatialiteBlob(blob.data(), blob.size());
                BOOST_REQUIRE_MESSAGE(read.ok(), read.problem);
                store::Statement st(p->db(), "SELECT AsBinary(CastToXY(?))");
                st.bindBlob(1, blob.data(), blob.size());
                BOOST_REQUIRE(st.step());
                BOOST_TEST(read.wkb == st.blob(0));
                ++checked;
            }
        }
    }
    BOOST_TEST(checked == 24);
    // Big-endian blobs (other writers) read the same as little-endian ones.
    const auto be = bigEndianPolygon({{0, 0}, {10, 0}, {10, 10}, {0, 0}});
    const auto read = store::readSpatialiteBlob(be.data(), be.size());
    BOOST_REQUIRE_MESSAGE(read.ok(), read.problem);
    const auto le = spatialiteBlob(*p, "SELECT GeomFromText(?, 5899)", "POLYGON((0 0, 10 0, 10 10, 0 0))");
    BOOST_TEST(read.wkb == store::readSpatialiteBlob(le.data(), le.size()).wkb);
}

BOOST_AUTO_TEST_CASE(checked_reader_names_every_damage)
{
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    // MULTIPOLYGON XY: class at 39, part count at 43, 0x69 at 47, part class at 48, ring count at 52,
    // vertex count at 56, vertices from 60.
    const auto good = spatialiteBlob(*p, "SELECT CastToMultiPolygon(GeomFromText(?, 5899))",
                                     "POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
    BOOST_REQUIRE(store::readSpatialiteBlob(good.data(), good.size()).ok());
    struct Case {
        const char *what;
        std::function<void(std::vector<unsigned char> &)> damage;
        const char *expected;
    };
    const std::vector<Case> cases = {
        {"ring count", [](auto &b) { put32(b, 52, 0x7fffffff); }, "ring count 2147483647 is more than"},
        {"vertex count", [](auto &b) { put32(b, 56, 0xffffffff); }, "vertex count 4294967295 needs"},
        {"part count", [](auto &b) { put32(b, 43, 0x40000000); }, "part count 1073741824 is more than"},
        {"smaller vertex count", [](auto &b) { put32(b, 56, 4); }, "not closed"},
        {"ring of 3", [](auto &b) { put32(b, 56, 3); }, "has 3 vertices (a ring needs at least 4)"},
        {"entity mark", [](auto &b) { b[47] = 0x00; }, "entity mark"},
        {"part class", [](auto &b) { put32(b, 48, 2); }, "does not belong"},
        {"nested collection", [](auto &b) { put32(b, 48, 7); }, "does not belong"},
        {"geometry class", [](auto &b) { put32(b, 39, 99); }, "unknown geometry class 99"},
        {"start mark", [](auto &b) { b[0] = 0x42; }, "SpatiaLite mark"},
        {"byte order", [](auto &b) { b[1] = 0x02; }, "byte-order mark 2"},
        {"MBR mark", [](auto &b) { b[38] = 0x00; }, "MBR end mark"},
        {"end mark", [](auto &b) { b.back() = 0x00; }, "end mark 0xFE"},
        {"trailing bytes", [](auto &b) { b.insert(b.end() - 1, 8, 0); }, "8 bytes follow"},
        {"too short", [](auto &b) { b.resize(20); }, "fewer than the 44"},
        {"empty", [](auto &b) { b.clear(); }, "empty"},
        {"NaN", [](auto &b) { const double v = std::nan(""); std::memcpy(&b[60 + 16], &v, 8); }, "not a number"},
        {"infinity", [](auto &b) { const double v = INFINITY; std::memcpy(&b[60 + 8], &v, 8); }, "not a number"},
        {"1e308", [](auto &b) { const double v = 1e308; std::memcpy(&b[60 + 16], &v, 8); }, "1e+308 is out of range"},
    };
    for (const auto &c : cases) {
        BOOST_TEST_CONTEXT(c.what)
        {
            auto b = good;
            c.damage(b);
            const auto r = store::readSpatialiteBlob(b.data(), b.size());
            BOOST_TEST(!r.ok());
            BOOST_TEST(r.wkb.empty());
            BOOST_TEST(r.problem.find(c.expected) != std::string::npos, r.problem);
        }
    }
    // A bad coordinate still tells where the parcel lies (the other vertices).
    auto b = good;
    const double far = 1e308;
    std::memcpy(&b[60 + 16], &far, 8);
    const auto r = store::readSpatialiteBlob(b.data(), b.size());
    BOOST_REQUIRE(r.hasExtent);
    BOOST_TEST(r.extent.minX == 0.0);
    BOOST_TEST(r.extent.maxY == 30.0);
    // Every truncation of a valid blob is refused, none crashes.
    for (size_t n = 0; n < good.size(); ++n)
        BOOST_TEST(!store::readSpatialiteBlob(good.data(), n).ok());
}

BOOST_AUTO_TEST_CASE(damaged_parcel_is_handed_on_with_its_reason_and_place)
{
    test::TempDir tmp;
    auto p = store::Project::create(tmp.file("p.sqlite"), {});
    std::vector<int64_t> ids;
    {
        store::ParcelWriter w(*p);
        for (int k = 0; k < 3; ++k) {
            auto g = geom::fromWkt("POLYGON((" + std::to_string(502000 + 10 * k) + " 2320000, " +
                                   std::to_string(502010 + 10 * k) + " 2320000, " + std::to_string(502010 + 10 * k) +
                                   " 2320010, " + std::to_string(502000 + 10 * k) + " 2320000))");
            model::Parcel parcel;
            parcel.communeCode = "07192";
            parcel.toSo = 4;
            parcel.thuaSo = k + 1;
            parcel.wkb = geom::toWkb(g.get());
            ids.push_back(w.insert(parcel));
        }
    }
    // Damage the middle one as bit rot would: no trigger sees it, the spatial index keeps its box.
    {
        auto &db = p->db();
        std::vector<std::pair<std::string, std::string>> triggers;
        store::Statement tr(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'parcel'");
        while (tr.step())
            triggers.emplace_back(tr.text(0), tr.text(1));
        for (const auto &t : triggers)
            db.exec("DROP TRIGGER \"" + t.first + "\"");
        store::Statement get(db, "SELECT geom FROM parcel WHERE id = ?");
        get.bind(1, ids[1]);
        BOOST_REQUIRE(get.step());
        auto blob = get.blob(0);
        put32(blob, 52, 0x7fffffff);
        store::Statement up(db, "UPDATE parcel SET geom = ? WHERE id = ?");
        up.bindBlob(1, blob.data(), blob.size()).bind(2, ids[1]);
        up.exec();
        for (const auto &t : triggers)
            db.exec(t.second);
    }
    std::vector<store::DamagedGeometry> damaged;
    const auto parcels = store::loadParcels(*p, {}, &damaged);
    BOOST_REQUIRE_EQUAL(parcels.size(), 3u);
    BOOST_TEST(parcels[1].wkb.empty());
    BOOST_TEST(!parcels[0].wkb.empty());
    BOOST_TEST(!parcels[2].wkb.empty());
    BOOST_REQUIRE_EQUAL(damaged.size(), 1u);
    BOOST_TEST(damaged[0].id == ids[1]);
    BOOST_TEST(damaged[0].label().find("parcel id " + std::to_string(ids[1]) + " (xã 07192, tờ 4, thửa 2") == 0u,
               damaged[0].label());
    BOOST_TEST(damaged[0].reason.find("ring count 2147483647") != std::string::npos);
    // Its place comes from the spatial index (float boxes: within a metre).
    BOOST_REQUIRE(damaged[0].extent);
    BOOST_TEST(std::abs(damaged[0].extent->minX - 502010) < 1);
    BOOST_TEST(std::abs(damaged[0].extent->maxY - 2320010) < 1);
    // The same from a scan, and the extent of the usable geometries leaves it out.
    BOOST_TEST(store::findDamagedGeometries(*p).size() == 1u);
    const auto extent = store::parcelExtent(*p);
    BOOST_REQUIRE(extent);
    BOOST_TEST(extent->minX == 502000.0);
    BOOST_TEST(extent->maxX == 502030.0);
    // forEachParcelChecked hands it on with the reason.
    int seen = 0;
    store::forEachParcelChecked(*p, {}, [&](const model::Parcel &x, const store::DamagedGeometry *d) {
        seen += d ? 1 : 0;
        BOOST_TEST((d != nullptr) == (x.id == ids[1]));
        return true;
    });
    BOOST_TEST(seen == 1);
}
