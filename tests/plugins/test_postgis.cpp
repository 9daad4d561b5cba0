// PostGIS server backend against a real PostgreSQL 15 + PostGIS 3 server
// (.ci/postgres.sh starts one and exports PGSERVICEFILE, PGPASSFILE and
// VNLAND_PG_SERVICE). Without a server every case FAILS with a message saying
// how to start one: the province workflow is not optional.
#define BOOST_TEST_MODULE postgis
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "pg_connection.h"

#include "store/migrator.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "topology/topology_engine.h"
#include "topology/validation_context.h"

#ifdef VNLAND_TEST_EDITOR
#include "sync_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#endif
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <sstream>
#include <set>
#include <unistd.h>

using namespace vnland;
using postgis::Params;

namespace {

std::string service()
{
    const char *s = std::getenv("VNLAND_PG_SERVICE");
    return s ? s : "";
}

std::string conninfo() { return "service=" + service(); }

struct AppFixture {
    int argc = 1;
    char name[8] = "test";
    char *argv[1] = {name};
#ifdef VNLAND_TEST_EDITOR
    QApplication app{argc, argv};
#else
    QCoreApplication app{argc, argv};
#endif
};

/// A schema of its own per test case, dropped afterwards; the Cô Tô sample imported once per case.
struct Server {
    std::string schema;
    test::TempDir tmp;
    std::unique_ptr<postgis::Connection> db;

    Server()
    {
        if (service().empty())
            BOOST_FAIL("no PostgreSQL test server: VNLAND_PG_SERVICE is not set. Start one with "
                       "`source .ci/postgres.sh` (needs postgresql-15 and postgresql-15-postgis-3) before ctest.");
        try {
            db = std::make_unique<postgis::Connection>(conninfo());
        } catch (const std::exception &e) {
            BOOST_FAIL(std::string("PostgreSQL test server not reachable (service ") + service() + "): " + e.what() +
                       " — run `source .ci/postgres.sh` before ctest.");
        }
        const auto *tc = &boost::unit_test::framework::current_test_case();
        schema = "t" + std::to_string(getpid()) + "_" + tc->p_name.get();
        std::transform(schema.begin(), schema.end(), schema.begin(), [](unsigned char ch) { return std::tolower(ch); });
        schema = schema.substr(0, 40); // PostgreSQL names stop at 63 bytes
        db->execScript("DROP SCHEMA IF EXISTS " + db->quoteIdent(schema) + " CASCADE");
    }
    ~Server()
    {
        if (db)
            try {
                db->execScript("DROP SCHEMA IF EXISTS " + db->quoteIdent(schema) + " CASCADE");
            } catch (...) {
            }
    }

    std::string project(const std::string &shp = "coto_tt75_tcvn3_utm48n.shp")
    {
        const std::string p = tmp.file("coto.sqlite");
        auto r = test::runCli("import '" + test::sampleDir() + "/coto/" + shp + "' --into '" + p + "' --quiet");
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        if (shp == "coto_tt75_tcvn3_utm48n.shp") {
            r = test::runCli("import '" + test::sampleDir() + "/coto/coto_sheets.geojson' --into '" + p + "' --quiet");
            BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        }
        return p;
    }
    test::RunResult cli(const std::string &args) { return test::runCli(args + " --schema " + schema); }
    test::RunResult publish(const std::string &project) { return cli("publish '" + project + "' --to " + conninfo()); }
    std::string checkout(const std::string &name, int toSo = 1)
    {
        const std::string w = tmp.file(name);
        auto r = cli("checkout " + conninfo() + " --commune 07192 --sheet " + std::to_string(toSo) + " --to '" + w + "' --quiet");
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
        return w;
    }
    long long count(const std::string &sql, const Params &p = {})
    {
        db->useSchema(schema);
        return db->exec(sql, p).integer(0, 0);
    }
    std::string text(const std::string &sql, const Params &p = {})
    {
        db->useSchema(schema);
        return db->exec(sql, p).text(0, 0);
    }
    /// Everything a check-in or publish could change, as one hash.
    std::string snapshot()
    {
        return text("SELECT md5(coalesce((SELECT string_agg(md5(p::text), '' ORDER BY id) FROM parcel p), '') ||"
                    " (SELECT count(*) FROM parcel_history)::text || (SELECT count(*) FROM change_log)::text ||"
                    " (SELECT count(*) FROM checkout_lock WHERE released IS NOT NULL)::text)");
    }
};

/// Sets the owner of parcel tờ/thửa in a work file (through the engine's writer).
void editOwner(const std::string &work, int toSo, int thuaSo, const std::string &owner)
{
    auto p = store::Project::open(work);
    store::ParcelFilter f;
    f.toSo = toSo;
    for (auto parcel : store::loadParcels(*p, f))
        if (parcel.thuaSo == thuaSo) {
            parcel.ownerName = owner;
            store::ParcelWriter(*p).updateAttributes(parcel);
            return;
        }
    BOOST_FAIL("no parcel " << thuaSo << " on sheet " << toSo);
}

std::string ownerOnServer(Server &s, int toSo, int thuaSo)
{
    return s.text("SELECT owner_name FROM parcel WHERE end_time IS NULL AND commune_code = '07192' AND to_so = $1::integer"
                  " AND thua_so = $2::integer",
                  Params().add(toSo).add(thuaSo));
}

} // namespace

BOOST_GLOBAL_FIXTURE(AppFixture);

BOOST_AUTO_TEST_CASE(schema_on_server_matches_the_project)
{
    Server s;
    const auto project = s.project();
    auto r = s.publish(project);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_TEST(r.out.find("inserted: 393") != std::string::npos, r.out);
    auto local = store::Project::open(project, true);
    // Every table the migrations create, with the same columns in the same order.
    std::set<std::string> tables;
    const std::regex create(R"(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+))", std::regex::icase);
    for (const auto &m : store::Migrator::available())
        for (std::sregex_iterator it(m.sql.begin(), m.sql.end(), create), end; it != end; ++it)
            tables.insert((*it)[1].str());
    BOOST_TEST(tables.size() >= 15u);
    for (const auto &t : tables) {
        std::vector<std::string> lc, sc;
        store::Statement st(local->db(), "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        st.bind(1, t);
        while (st.step())
            lc.push_back(st.text(0));
        s.db->useSchema(s.schema);
        auto res = s.db->exec("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0"
                              " AND NOT attisdropped ORDER BY attnum",
                              Params().add(t));
        for (int i = 0; i < res.rows(); ++i)
            sc.push_back(res.text(i, 0));
        BOOST_TEST(lc == sc, "columns of " << t);
    }
    // Same EPSG codes and geometry types, a GiST index per spatial index.
    BOOST_TEST(s.count("SELECT count(*) FROM geometry_columns WHERE f_table_schema = $1 AND srid = 5899", Params().add(s.schema)) == 7);
    BOOST_TEST(s.text("SELECT type FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = 'parcel'",
                      Params().add(s.schema)) == "MULTIPOLYGON");
    BOOST_TEST(s.count("SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gist%'",
                       Params().add(s.schema)) == 6); // 5 from the schema + parcel_history
    // Constraints travel: unknown object kind and a second live (commune, tờ, thửa) are refused.
    BOOST_CHECK_THROW(s.db->exec("UPDATE parcel SET object_kind = 'castle' WHERE id = (SELECT min(id) FROM parcel)"),
                      postgis::PgError);
    BOOST_CHECK_THROW(s.db->exec("INSERT INTO parcel(uuid, commune_code, to_so, thua_so)"
                                 " SELECT 'dup', commune_code, to_so, thua_so FROM parcel WHERE thua_so IS NOT NULL LIMIT 1"),
                      postgis::PgError);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel WHERE NOT ST_IsEmpty(geom)") == 393);
    BOOST_TEST(s.count("SELECT count(*) FROM map_sheet WHERE frame IS NOT NULL") == 4);
    // Land uses follow their parcels.
    const auto uses = local->db().queryInt("SELECT count(*) FROM parcel_landuse").value();
    BOOST_TEST(uses >= 300);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_landuse") == uses);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_landuse l JOIN parcel p ON p.id = l.parcel_id"
                       " WHERE l.is_main = 1 AND l.code = p.landuse_code") == uses);
}

BOOST_AUTO_TEST_CASE(republishing_unchanged_data_changes_nothing)
{
    Server s;
    const auto project = s.project();
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    const std::string before = s.snapshot();
    const auto xmin = s.text("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM parcel");
    const auto useXmin = s.text("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM parcel_landuse");
    auto r = s.publish(project);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_TEST(r.out.find("unchanged: 393") != std::string::npos, r.out);
    BOOST_TEST(s.text("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM parcel") == xmin); // no row rewritten
    BOOST_TEST(s.text("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM parcel_landuse") == useXmin);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_history") == 0);
    (void)before;
    // One changed parcel: updated in place, its old version kept as history with end_time.
    editOwner(project, 1, 5, "Phạm Văn C");
    r = s.publish(project);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_TEST(r.out.find("updated: 1") != std::string::npos, r.out);
    BOOST_TEST(ownerOnServer(s, 1, 5) == "Phạm Văn C");
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_history WHERE to_so = 1 AND thua_so = 5 AND end_time IS NOT NULL"
                       " AND owner_name IS DISTINCT FROM 'Phạm Văn C'") == 1);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel") == 393);
    // A land-use row changed alone is replaced for its parcel only.
    std::string useUuid;
    {
        auto p = store::Project::open(project);
        p->db().exec("UPDATE parcel_landuse SET area = 123.5 WHERE id = (SELECT min(id) FROM parcel_landuse)");
        useUuid = p->db().queryText("SELECT p.uuid FROM parcel_landuse l JOIN parcel p ON p.id = l.parcel_id"
                                    " WHERE l.id = (SELECT min(id) FROM parcel_landuse)").value();
    }
    const auto usesBefore = s.count("SELECT count(*) FROM parcel_landuse");
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_landuse l JOIN parcel p ON p.id = l.parcel_id"
                       " WHERE p.uuid = $1 AND l.area = 123.5", Params().add(useUuid)) == 1);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_landuse") == usesBefore);
}

BOOST_AUTO_TEST_CASE(disjoint_edits_in_two_work_files_both_check_in)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const auto w1 = s.checkout("w1.sqlite"), w2 = s.checkout("w2.sqlite");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL AND to_so = 1") == 2);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_parcel") == 2 * s.count("SELECT count(*) FROM parcel WHERE to_so = 1 AND end_time IS NULL"));
    BOOST_TEST(s.text("SELECT holder FROM checkout_lock ORDER BY id LIMIT 1") != "");
    {
        auto w = store::Project::open(w1, true);
        BOOST_TEST(store::countParcels(*w) == s.count("SELECT count(*) FROM parcel WHERE to_so = 1 AND end_time IS NULL"));
        BOOST_TEST(w->srid() == 5899);
        // The work file names the server but holds no password.
        BOOST_TEST(w->meta("sync.connection").value().find("password") == std::string::npos);
    }
    editOwner(w1, 1, 5, "Nguyễn Văn A");
    editOwner(w2, 1, 6, "Trần Thị B");
    // w1 also replaces parcel 9 by a new parcel (new UUID, same place, number 9001): retire + insert.
    std::string oldUuid, newUuid;
    {
        auto p = store::Project::open(w1);
        store::ParcelFilter f;
        f.toSo = 1;
        for (auto parcel : store::loadParcels(*p, f))
            if (parcel.thuaSo == 9) {
                oldUuid = parcel.uuid;
                store::Statement del(p->db(), "DELETE FROM parcel WHERE id = ?");
                del.bind(1, parcel.id).exec();
                parcel.uuid = newUuid = store::newUuid();
                parcel.thuaSo = 9001;
                store::ParcelWriter(*p).insert(parcel);
            }
    }
    BOOST_REQUIRE(!oldUuid.empty());
    auto r1 = s.cli("checkin '" + w1 + "'");
    BOOST_TEST(r1.exitCode == 0, r1.err + r1.out);
    BOOST_TEST(r1.out.find("inserted: 1") != std::string::npos, r1.out);
    BOOST_TEST(r1.out.find("retired: 1") != std::string::npos, r1.out);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel WHERE uuid = $1 AND end_time IS NOT NULL", Params().add(oldUuid)) == 1);
    BOOST_TEST(s.count("SELECT count(*) FROM parcel WHERE uuid = $1 AND end_time IS NULL AND thua_so = 9001",
                       Params().add(newUuid)) == 1);
    auto r2 = s.cli("checkin '" + w2 + "'");
    BOOST_TEST(r2.exitCode == 0, r2.err + r2.out);
    BOOST_TEST(ownerOnServer(s, 1, 5) == "Nguyễn Văn A");
    BOOST_TEST(ownerOnServer(s, 1, 6) == "Trần Thị B");
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_history") == 3); // two owners changed, one parcel retired
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NOT NULL") == 2);
    // A work file cannot be checked in twice.
    BOOST_TEST(s.cli("checkin '" + w1 + "'").exitCode == 2);
}

BOOST_AUTO_TEST_CASE(same_parcel_edited_twice_second_checkin_is_a_conflict_and_changes_nothing)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const auto w1 = s.checkout("w1.sqlite"), w2 = s.checkout("w2.sqlite");
    editOwner(w1, 1, 7, "Lê Văn X");
    editOwner(w2, 1, 7, "Lê Văn Y");
    editOwner(w2, 1, 8, "Lê Văn Z"); // no conflict itself, but goes with the refused check-in
    BOOST_REQUIRE(s.cli("checkin '" + w1 + "'").exitCode == 0);
    const std::string before = s.snapshot();
    auto r = s.cli("checkin '" + w2 + "'");
    BOOST_TEST(r.exitCode == 1, r.err + r.out);
    BOOST_TEST(r.out.find("xung đột: thửa 7 tờ 1") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("conflicts: 1") != std::string::npos, r.out);
    BOOST_TEST(s.snapshot() == before);
    BOOST_TEST(ownerOnServer(s, 1, 7) == "Lê Văn X");
    BOOST_TEST(ownerOnServer(s, 1, 8) != "Lê Văn Z");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 1);
    // The officer decides: apply the rest, leave the conflicting parcel as the server has it.
    r = s.cli("checkin '" + w2 + "' --skip-conflicts");
    BOOST_TEST(r.exitCode == 1, r.err + r.out);
    BOOST_TEST(ownerOnServer(s, 1, 7) == "Lê Văn X");
    BOOST_TEST(ownerOnServer(s, 1, 8) == "Lê Văn Z");
}

BOOST_AUTO_TEST_CASE(an_edit_that_makes_an_overlap_is_refused)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const auto w = s.checkout("w.sqlite");
    {
        auto p = store::Project::open(w);
        store::ParcelFilter f;
        f.toSo = 1;
        auto parcels = store::loadParcels(*p, f);
        // Grow parcel 5 over its neighbours (5 m buffer).
        auto it = std::find_if(parcels.begin(), parcels.end(), [](const model::Parcel &x) { return x.thuaSo == 5; });
        BOOST_REQUIRE(it != parcels.end());
        p->db().exec("SELECT 1");
        store::Statement st(p->db(), "SELECT AsBinary(CastToMultiPolygon(Buffer(GeomFromWKB(?, 5899), 5)))");
        st.bindBlob(1, it->wkb.data(), it->wkb.size());
        BOOST_REQUIRE(st.step());
        store::ParcelWriter(*p).updateGeometry(it->id, st.blob(0), 1000);
    }
    const std::string before = s.snapshot();
    auto r = s.cli("checkin '" + w + "'");
    BOOST_TEST(r.exitCode == 1, r.err + r.out);
    BOOST_TEST(r.out.find("lỗi topology mới (overlap): thửa 5 tờ 1") != std::string::npos, r.out);
    BOOST_TEST(s.snapshot() == before);
    // The officer gives the edit up: the lock is released, no parcel changes.
    const std::string parcelsBefore = s.text("SELECT md5(string_agg(md5(p::text), '' ORDER BY id)) FROM parcel p");
    r = s.cli("checkin '" + w + "' --abandon");
    BOOST_TEST(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 0);
    BOOST_TEST(s.text("SELECT release_note FROM checkout_lock") == "abandoned: nothing sent");
    BOOST_TEST(s.text("SELECT md5(string_agg(md5(p::text), '' ORDER BY id)) FROM parcel p") == parcelsBefore);
    BOOST_TEST(s.cli("checkin '" + w + "'").exitCode == 2); // nothing left to check in
}

BOOST_AUTO_TEST_CASE(killed_checkin_leaves_the_server_unchanged)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const auto w = s.checkout("w.sqlite");
    editOwner(w, 1, 5, "A");
    editOwner(w, 1, 6, "B");
    editOwner(w, 1, 7, "C");
    const std::string before = s.snapshot();
    const QString marker = QString::fromStdString(s.tmp.file("paused"));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VNLAND_TEST_CHECKIN_PAUSE_AFTER"), QStringLiteral("2"));
    env.insert(QStringLiteral("VNLAND_TEST_CHECKIN_PAUSE_FILE"), marker);
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(VNLAND_CLI), {QStringLiteral("checkin"), QString::fromStdString(w)});
    BOOST_REQUIRE(child.waitForStarted());
    for (int i = 0; i < 600 && !QFile::exists(marker); ++i)
        QThread::msleep(100);
    BOOST_REQUIRE_MESSAGE(QFile::exists(marker), "the check-in never reached the pause: " << child.readAllStandardError().toStdString());
    // Two rows are written inside the open transaction; nobody else sees them.
    BOOST_TEST(s.snapshot() == before);
    child.kill(); // SIGKILL: no chance to clean up
    BOOST_REQUIRE(child.waitForFinished());
    for (int i = 0; i < 50 && s.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                                      " AND datname = current_database()") > 0; ++i)
        QThread::msleep(100);
    BOOST_TEST(s.snapshot() == before);
    BOOST_TEST(ownerOnServer(s, 1, 5) != "A");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 1);
    // The same work file checks in normally afterwards.
    auto r = s.cli("checkin '" + w + "'");
    BOOST_TEST(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(ownerOnServer(s, 1, 5) == "A");
    BOOST_TEST(ownerOnServer(s, 1, 7) == "C");
}

BOOST_AUTO_TEST_CASE(server_validation_in_small_batches_finds_what_the_engine_finds_on_the_whole_set)
{
    Server s;
    const auto project = s.project("coto_faulty.shp");
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    auto r = s.cli("validate-server " + conninfo() + " --batch 40 --quiet");
    BOOST_TEST(r.exitCode == 1, r.err);
    std::set<std::string> server;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> f;
        std::istringstream ls(line);
        for (std::string x; std::getline(ls, x, '\t');)
            f.push_back(x);
        BOOST_REQUIRE(f.size() >= 3);
        server.insert(f[0] + "|" + f[2]);
    }
    auto local = store::Project::open(project, true);
    topology::EngineOptions o;
    std::string err;
    topology::parseRuleList("overlap,gap", o.rules, &err);
    const auto rep = topology::validate(store::loadParcels(*local), topology::ValidationContext(), o);
    std::set<std::string> whole;
    for (const auto &i : rep.issues) {
        auto u = i.parcelUuids;
        std::sort(u.begin(), u.end());
        std::string sig = std::string(topology::ruleId(i.rule)) + "|";
        for (size_t k = 0; k < u.size(); ++k)
            sig += (k ? "," : "") + u[k];
        whole.insert(sig);
    }
    BOOST_TEST(whole.size() == 10u);
    BOOST_TEST(server == whole);
    auto stats = s.cli("validate-server " + conninfo() + " --batch 40");
    const std::smatch m = [&] {
        std::smatch mm;
        std::regex_search(stats.out, mm, std::regex("batches: (\\d+)"));
        return mm;
    }();
    BOOST_REQUIRE(!m.empty());
    BOOST_TEST(std::stoi(m[1].str()) >= 8); // really streamed in batches
}

BOOST_AUTO_TEST_CASE(publish_then_checkout_round_trips_every_field_exactly)
{
    Server s;
    const auto project = s.project();
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    const std::string w = s.tmp.file("all.sqlite");
    auto r = s.cli("checkout " + conninfo() + " --commune 07192 --to '" + w + "' --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto a = store::Project::open(project, true);
    auto b = store::Project::open(w, true);
    std::map<std::string, model::Parcel> byUuid;
    for (const auto &p : store::loadParcels(*a))
        byUuid[p.uuid] = p;
    const auto work = store::loadParcels(*b);
    BOOST_TEST(work.size() == byUuid.size());
    size_t same = 0;
    for (const auto &p : work) {
        const auto &o = byUuid.at(p.uuid);
        const bool eq = p.wkb == o.wkb && p.measuredArea == o.measuredArea && p.legalArea == o.legalArea &&
                        p.toSo == o.toSo && p.thuaSo == o.thuaSo && p.ownerName == o.ownerName &&
                        p.address == o.address && p.landuseCode == o.landuseCode && p.objectKind == o.objectKind &&
                        p.flags == o.flags && p.beginTime == o.beginTime && p.certificateIssued == o.certificateIssued;
        same += eq ? 1 : 0;
    }
    BOOST_TEST(same == work.size()); // bit-exact doubles and geometry through binary COPY and back
    BOOST_TEST(b->db().queryInt("SELECT count(*) FROM map_sheet WHERE frame IS NOT NULL").value() == 4);
    // By số hiệu mảnh: the same parcels as commune + tờ.
    const std::string sheetId = s.text("SELECT sheet_id FROM map_sheet WHERE to_so = 1");
    const std::string bySheet = s.tmp.file("bysheet.sqlite");
    r = s.cli("checkout " + conninfo() + " --sheet " + sheetId + " --to '" + bySheet + "' --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto c = store::Project::open(bySheet, true);
    store::ParcelFilter f;
    f.toSo = 1;
    BOOST_TEST(store::countParcels(*c) == store::countParcels(*a, f));
    BOOST_TEST(c->meta("sync.lock_id").value() != "");
    // An unknown sheet id is named.
    r = s.cli("checkout " + conninfo() + " --sheet 999999-9 --to '" + s.tmp.file("none.sqlite") + "'");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("999999-9") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(overlap_across_a_commune_border_is_found_on_the_server)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    // A neighbouring commune published from another project, its west edge 8 m inside Cô Tô's east edge.
    const std::string gpkg = s.tmp.file("next.gpkg"), next = s.tmp.file("next.sqlite");
    auto r = test::runCli("synth --parcels 300 --seed 5 --commune 07195 --origin 502280,2319810 --out '" + gpkg + "' --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    r = test::runCli("import '" + gpkg + "' --into '" + next + "' --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_REQUIRE(s.publish(next).exitCode == 0);
    r = s.cli("validate-server " + conninfo() + " --batch 60 --quiet");
    BOOST_TEST(r.exitCode == 1, r.err);
    int across = 0;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("overlap\t", 0) != 0)
            continue;
        const auto t1 = line.find('\t', 8);
        const auto t2 = line.find('\t', t1 + 1);
        const std::string uuids = line.substr(t1 + 1, t2 - t1 - 1);
        const auto comma = uuids.find(',');
        BOOST_REQUIRE(comma != std::string::npos);
        across += s.count("SELECT count(DISTINCT commune_code) FROM parcel WHERE uuid IN ($1, $2)",
                          Params().add(uuids.substr(0, comma)).add(uuids.substr(comma + 1))) == 2;
    }
    BOOST_TEST(across >= 3);
}

BOOST_AUTO_TEST_CASE(connection_errors_are_clear_and_exit_2)
{
    Server s;
    const auto project = s.project();
    auto r = test::runCli("publish '" + project + "' --to 'postgresql://nobody@127.0.0.1:1/nothing'");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("cannot connect to the land-database server") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("PGPASSFILE") != std::string::npos, r.err);
    r = test::runCli("checkout 'service=no_such_service_here' --commune 07192 --sheet 1 --to '" + s.tmp.file("x.sqlite") + "'");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("no_such_service_here") != std::string::npos, r.err);
    // One schema, one EPSG code: a project in another VN-2000 zone is refused by name.
    {
        BOOST_REQUIRE(s.publish(project).exitCode == 0);
        store::ProjectSettings other;
        other.epsg = 5897;
        store::Project::create(s.tmp.file("zone.sqlite"), other);
        r = s.publish(s.tmp.file("zone.sqlite"));
        BOOST_TEST(r.exitCode == 2);
        BOOST_TEST(r.err.find("EPSG:5899") != std::string::npos, r.err);
        BOOST_TEST(r.err.find("EPSG:5897") != std::string::npos, r.err);
        s.db->execScript("DROP SCHEMA " + s.db->quoteIdent(s.schema) + " CASCADE");
    }
    // A schema never published is named.
    r = s.cli("checkout " + conninfo() + " --commune 07192 --sheet 1 --to '" + s.tmp.file("y.sqlite") + "'");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("holds no VNLand land database") != std::string::npos, r.err);
}

#ifdef VNLAND_TEST_EDITOR
/// Clicks @p button and waits for the dialog's operationDone; returns its status (-1 on timeout).
static int clickAndWait(app::SyncDialog &dlg, QPushButton *button)
{
    int status = -1;
    QEventLoop loop;
    QObject::connect(&dlg, &app::SyncDialog::operationDone, &loop, [&](int s) {
        status = s;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    button->click();
    loop.exec();
    return status;
}

BOOST_AUTO_TEST_CASE(editor_dialog_checks_out_and_in)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const QString work = QString::fromStdString(s.tmp.file("dialog.sqlite"));
    app::SyncDialog dlg{QString()};
    dlg.connectionEdit()->setText(QString::fromStdString(conninfo()));
    dlg.schemaEdit()->setText(QString::fromStdString(s.schema));
    dlg.communeEdit()->setText(QStringLiteral("07192"));
    dlg.sheetEdit()->setText(QStringLiteral("2"));
    dlg.targetEdit()->setText(work);
    QString opened;
    QObject::connect(&dlg, &app::SyncDialog::checkedOut, [&](const QString &p) { opened = p; });
    BOOST_TEST(clickAndWait(dlg, dlg.checkoutButton()) == 0);
    BOOST_TEST(opened == work);
    BOOST_TEST(dlg.workEdit()->text() == work);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL AND to_so = 2") == 1);
    const int thua = static_cast<int>(s.count("SELECT min(thua_so) FROM parcel WHERE to_so = 2 AND object_kind = 'parcel'"));
    editOwner(work.toStdString(), 2, thua, "Hoàng Thị D");
    BOOST_TEST(clickAndWait(dlg, dlg.checkinButton()) == 0);
    BOOST_TEST(ownerOnServer(s, 2, thua) == "Hoàng Thị D");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 0);
    BOOST_TEST(!dlg.isBusy());
}
#endif
