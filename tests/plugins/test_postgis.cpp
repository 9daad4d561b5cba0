// PostGIS server backend against a real PostgreSQL 15 + PostGIS 3 server
// (.ci/postgres.sh starts one and exports PGSERVICEFILE, PGPASSFILE and
// VNLAND_PG_SERVICE). Without a server every case FAILS with a message saying
// how to start one: the province workflow is not optional.
#define BOOST_TEST_MODULE postgis
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "pg_connection.h"

#include "plugin/plugin_manager.h"
#include "plugin/sync_backend.h"
#include "store/database.h"
#include "store/migrator.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "topology/topology_engine.h"
#include "topology/validation_context.h"

#ifdef VNLAND_TEST_EDITOR
#include "dialogs/sync_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#endif
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
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
    const auto w1 = s.checkout("w1.sqlite", 1), w2 = s.checkout("w2.sqlite", 2);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 2);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_parcel") ==
               s.count("SELECT count(*) FROM parcel WHERE to_so IN (1, 2) AND end_time IS NULL"));
    BOOST_TEST(s.text("SELECT holder FROM checkout_lock ORDER BY id LIMIT 1") != "");
    {
        auto w = store::Project::open(w1, true);
        BOOST_TEST(store::countParcels(*w) == s.count("SELECT count(*) FROM parcel WHERE to_so = 1 AND end_time IS NULL"));
        BOOST_TEST(w->srid() == 5899);
        // The work file names the server but holds no password.
        BOOST_TEST(w->meta("sync.connection").value().find("password") == std::string::npos);
    }
    const int thua2 = static_cast<int>(s.count("SELECT min(thua_so) FROM parcel WHERE to_so = 2 AND object_kind = 'parcel'"));
    editOwner(w1, 1, 5, "Nguyễn Văn A");
    editOwner(w2, 2, thua2, "Trần Thị B");
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
    BOOST_TEST(ownerOnServer(s, 2, thua2) == "Trần Thị B");
    BOOST_TEST(s.count("SELECT count(*) FROM parcel_history") == 3); // two owners changed, one parcel retired
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NOT NULL") == 2);
    // A work file cannot be checked in twice.
    BOOST_TEST(s.cli("checkin '" + w1 + "'").exitCode == 2);
}

BOOST_AUTO_TEST_CASE(parcel_changed_on_the_server_since_the_checkout_is_a_conflict_and_changes_nothing)
{
    Server s;
    const auto project = s.project();
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    const auto w2 = s.checkout("w2.sqlite");
    // The district republishes parcel 7 changed while tờ 1 is checked out.
    editOwner(project, 1, 7, "Lê Văn X");
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    editOwner(w2, 1, 7, "Lê Văn Y");
    editOwner(w2, 1, 8, "Lê Văn Z"); // no conflict itself, but goes with the refused check-in
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
    // By số hiệu mảnh: the same parcels as commune + tờ (once the whole commune's lock is given up).
    BOOST_REQUIRE(s.cli("checkin '" + w + "' --abandon --quiet").exitCode == 0);
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
    // The server's settings are read as strictly as a land database's: a central meridian written
    // with a comma (an old locale) still reads; a bad one is named, never a silent 0.
    BOOST_REQUIRE(s.cli("checkin '" + bySheet + "' --abandon --quiet").exitCode == 0);
    s.db->useSchema(s.schema);
    s.db->exec("UPDATE project_meta SET value = '107,75' WHERE key = 'central_meridian'");
    const std::string comma = s.tmp.file("comma.sqlite");
    r = s.cli("checkout " + conninfo() + " --sheet " + sheetId + " --to '" + comma + "' --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_TEST(store::Project::open(comma, true)->settings().centralMeridian == 107.75);
    BOOST_REQUIRE(s.cli("checkin '" + comma + "' --abandon --quiet").exitCode == 0);
    s.db->useSchema(s.schema);
    s.db->exec("UPDATE project_meta SET value = 'east' WHERE key = 'central_meridian'");
    r = s.cli("checkout " + conninfo() + " --sheet " + sheetId + " --to '" + s.tmp.file("bad.sqlite") + "'");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("central_meridian") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("\"east\"") != std::string::npos, r.err);
    BOOST_TEST(!std::filesystem::exists(s.tmp.file("bad.sqlite")));
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

BOOST_AUTO_TEST_CASE(a_locked_sheet_or_commune_is_refused_unless_forced_and_the_take_over_is_recorded)
{
    Server s;
    const auto project = s.project();
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    const auto checkout = [&](const std::string &area, const std::string &who, bool force) {
        return s.cli("checkout " + conninfo() + " " + area + " --to '" + s.tmp.file(who + ".sqlite") + "' --who " + who +
                     (force ? " --force" : ""));
    };
    auto r = checkout("--commune 07192 --sheet 1", "alice", false);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
    const std::string aliceLock = s.text("SELECT max(id)::text FROM checkout_lock");
    // The same sheet (by tờ or by số hiệu mảnh) and the whole commune are refused; nothing is written.
    const std::string sheetId = s.text("SELECT sheet_id FROM map_sheet WHERE to_so = 1");
    for (const std::string &area : {std::string("--commune 07192 --sheet 1"), "--sheet " + sheetId, std::string("--commune 07192")}) {
        r = checkout(area, "bob", false);
        BOOST_TEST(r.exitCode == 1, area << ": " << r.err << r.out);
        BOOST_TEST(r.out.find("check-out refused") != std::string::npos, r.out);
        BOOST_TEST(r.out.find("lock " + aliceLock + ": xã 07192, tờ 1 checked out by alice since") != std::string::npos, r.out);
        BOOST_TEST(r.out.find("--force") != std::string::npos, r.out);
        BOOST_TEST(!QFile::exists(QString::fromStdString(s.tmp.file("bob.sqlite"))));
    }
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock") == 1);
    // Another sheet is free; the whole commune is then refused naming both holders.
    r = checkout("--commune 07192 --sheet 2", "carol", false);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
    r = checkout("--commune 07192", "bob", false);
    BOOST_TEST(r.exitCode == 1, r.err + r.out);
    BOOST_TEST(r.out.find("by alice") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("by carol") != std::string::npos, r.out);

    // --force takes tờ 1 over from alice; recorded: who, when, whose lock.
    editOwner(s.tmp.file("alice.sqlite"), 1, 5, "Sửa của Alice");
    r = checkout("--commune 07192 --sheet 1", "bob", true);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(r.out.find("took over lock " + aliceLock + " of alice") != std::string::npos, r.out);
    const std::string bobLock = s.text("SELECT max(id)::text FROM checkout_lock");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_takeover WHERE new_lock_id = $1::bigint AND old_lock_id = $2::bigint"
                       " AND by_holder = 'bob' AND old_holder = 'alice' AND by_db_user = current_user"
                       " AND taken > now() - interval '10 minutes'"
                       " AND old_taken = (SELECT taken FROM checkout_lock WHERE id = $2::bigint)",
                       Params().add(bobLock).add(aliceLock)) == 1);
    BOOST_TEST(s.text("SELECT release_note FROM checkout_lock WHERE id = $1::bigint", Params().add(aliceLock)) ==
               "taken over by bob (lock " + bobLock + ", --force)");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL AND holder IN ('bob', 'carol')") == 2);
    // Alice's work file can no longer be checked in, and nothing of it reaches the server.
    const std::string before = s.snapshot();
    r = s.cli("checkin '" + s.tmp.file("alice.sqlite") + "'");
    BOOST_TEST(r.exitCode == 2, r.err + r.out);
    BOOST_TEST(r.err.find("taken over by bob") != std::string::npos, r.err);
    BOOST_TEST(s.snapshot() == before);
    BOOST_TEST(ownerOnServer(s, 1, 5) != "Sửa của Alice");
    // Bob's check-in works, and tờ 1 is free again afterwards.
    editOwner(s.tmp.file("bob.sqlite"), 1, 6, "Sửa của Bob");
    r = s.cli("checkin '" + s.tmp.file("bob.sqlite") + "'");
    BOOST_TEST(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(ownerOnServer(s, 1, 6) == "Sửa của Bob");
    r = checkout("--commune 07192 --sheet 1", "dave", false);
    BOOST_TEST(r.exitCode == 0, r.err + r.out);
    // Two officers at the same moment on a free sheet: exactly one gets it.
    {
        QProcess a, b;
        const auto args = [&](const std::string &who) {
            return QStringList{QStringLiteral("checkout"), QString::fromStdString(conninfo()), QStringLiteral("--commune"),
                               QStringLiteral("07192"), QStringLiteral("--sheet"), QStringLiteral("4"),
                               QStringLiteral("--to"), QString::fromStdString(s.tmp.file(who + ".sqlite")),
                               QStringLiteral("--who"), QString::fromStdString(who), QStringLiteral("--schema"),
                               QString::fromStdString(s.schema), QStringLiteral("--quiet")};
        };
        a.start(QStringLiteral(VNLAND_CLI), args("gina"));
        b.start(QStringLiteral(VNLAND_CLI), args("hank"));
        BOOST_REQUIRE(a.waitForFinished(120000) && b.waitForFinished(120000));
        const std::multiset<int> codes{a.exitCode(), b.exitCode()};
        BOOST_TEST((codes == std::multiset<int>{0, 1}), a.readAllStandardError().toStdString() << b.readAllStandardError().toStdString());
        BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL AND to_so = 4") == 1);
    }
    // A whole commune taken by force ends every lock in it; then its sheets are refused.
    r = checkout("--commune 07192", "erin", true);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_takeover WHERE by_holder = 'erin'") == 3); // carol, dave, gina or hank
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 1);
    r = checkout("--commune 07192 --sheet 3", "frank", false);
    BOOST_TEST(r.exitCode == 1, r.err + r.out);
    BOOST_TEST(r.out.find("xã 07192 checked out by erin") != std::string::npos, r.out);
    // A schema from before recorded take-overs: --force says how to upgrade it; publish does.
    s.db->useSchema(s.schema);
    s.db->execScript("DROP TABLE checkout_takeover");
    r = checkout("--commune 07192 --sheet 3", "frank", true);
    BOOST_TEST(r.exitCode == 2, r.err + r.out);
    BOOST_TEST(r.err.find("publish once with this version") != std::string::npos, r.err);
    BOOST_TEST(!QFile::exists(QString::fromStdString(s.tmp.file("frank.sqlite"))));
    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    r = checkout("--commune 07192 --sheet 3", "frank", true);
    BOOST_TEST(r.exitCode == 0, r.err + r.out);
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_takeover WHERE by_holder = 'frank' AND old_holder = 'erin'") == 1);
}

namespace {

std::string shellQuoted(const std::string &text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// The test server's port and password from the pgpass file .ci/postgres.sh wrote.
std::pair<std::string, std::string> serverPortAndPassword()
{
    const char *file = std::getenv("PGPASSFILE");
    BOOST_REQUIRE_MESSAGE(file, "PGPASSFILE is not set (source .ci/postgres.sh)");
    std::istringstream in(test::readFile(file));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string x; std::getline(ls, x, ':');)
        f.push_back(x);
    BOOST_REQUIRE_MESSAGE(f.size() == 5, "unexpected pgpass line in " << file);
    return {f[1], f[4]};
}

} // namespace

BOOST_AUTO_TEST_CASE(no_secret_of_a_connection_string_reaches_a_message_a_log_or_a_stored_row)
{
    // libpq's own password-type options are secrets, and so is any key libpq does not know.
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption *)> defaults(PQconndefaults(), PQconninfoFree);
    BOOST_REQUIRE(defaults);
    int passwordOptions = 0;
    for (PQconninfoOption *o = defaults.get(); o->keyword; ++o)
        if (o->dispchar && std::string(o->dispchar).find('*') != std::string::npos) {
            BOOST_TEST(postgis::isSecretConnKey(o->keyword), o->keyword);
            ++passwordOptions;
        }
    BOOST_TEST(passwordOptions >= 2); // password, sslpassword
    for (const char *key : {"password", "sslpassword", "oauth_client_secret", "Password", "pasword"})
        BOOST_TEST(postgis::isSecretConnKey(key), key);
    for (const char *key : {"host", "hostaddr", "port", "dbname", "user", "service", "sslmode", "connect_timeout"})
        BOOST_TEST(!postgis::isSecretConnKey(key), key);

    struct Case {
        std::string conn;
        std::vector<std::string> secrets;
    };
    const std::vector<Case> cases = {
        {"host=db.example password=Hunter2x port=5432", {"Hunter2x"}},
        {"host=db.example sslpassword='key pass\\'phrase' port=5432", {"key pass", "phrase"}},
        {"host = db.example  password = Spaced9", {"Spaced9"}},
        {"host=db.example password=back\\ slash1", {"back", "slash1"}},
        {"postgresql://officer:UriSecret1@db.example:5432/land", {"UriSecret1"}},
        {"postgres://officer:p%40ss%2Fword@db.example/land", {"p%40ss%2Fword", "p@ss/word", "ss%2F"}},
        {"postgresql://officer:un/encoded@pw@db.example/land", {"un/encoded", "encoded@pw"}},
        {"postgresql://db.example/land?sslmode=require&password=QueryPw1&sslpassword=QuerySsl2", {"QueryPw1", "QuerySsl2"}},
        {"postgresql://db.example/land?pass%77ord=Encoded3", {"Encoded3"}},
        {"  PostgreSQL://officer:Upper4x@db.example/land", {"Upper4x"}},
        {"host=db.example Password=CaseTypo5", {"CaseTypo5"}},
        {"host=db.example pasword=Typo6", {"Typo6"}},
        {"host=db.example Pasted7secret", {"Pasted7secret"}},
        {"host=db.example password='unterminated Open8", {"Open8"}},
        {"dbname='host=db.example password=Inner9' user=x", {"Inner9"}},
        {"postgresql://db.example/host%3Dx%20password%3DInnerUri10", {"InnerUri10"}},
        {"host=db.example oauth_client_secret=Oauth11", {"Oauth11"}},
    };
    for (const auto &c : cases) {
        const std::string shown = postgis::redactConnInfo(c.conn);
        for (const auto &secret : c.secrets)
            BOOST_TEST(shown.find(secret) == std::string::npos, c.conn << " -> " << shown);
        BOOST_TEST(shown.find("db.example") != std::string::npos, c.conn << " -> " << shown);
        BOOST_TEST(shown.find("***") != std::string::npos, c.conn << " -> " << shown);
        // Whatever libpq's parser says about it is scrubbed too.
        char *err = nullptr;
        PQconninfoOption *opts = PQconninfoParse(c.conn.c_str(), &err);
        if (opts)
            PQconninfoFree(opts);
        if (err) {
            const std::string msg = postgis::scrubSecrets(err, postgis::connInfoSecrets(c.conn));
            PQfreemem(err);
            for (const auto &secret : c.secrets)
                BOOST_TEST(msg.find(secret) == std::string::npos, c.conn << " -> " << msg);
        }
    }
    BOOST_TEST(postgis::redactConnInfo("service=land") == "service=land");
    BOOST_TEST(postgis::redactConnInfo("postgresql://officer@db.example/land?sslmode=require") ==
               "postgresql://officer@db.example/land?sslmode=require");
    // The stored form keeps everything but the secrets, and connects the same way (with pgpass).
    BOOST_TEST(postgis::Connection::publicConnInfo("host=h password=P1 sslpassword=P2 port=5") == "host='h' port='5'");
    BOOST_TEST(postgis::Connection::publicConnInfo("postgresql://u:Pw3secret@h/db?sslpassword=Ssl4secret") ==
               "user='u' dbname='db' host='h'");
    BOOST_TEST(postgis::Connection::publicConnInfo("dbname='host=h password=Inner5' user=u").find("Inner5") == std::string::npos);

    Server s;
    const auto project = s.project();
    const auto [port, password] = serverPortAndPassword();
    // Connections that fail: the message names the server, never the secret.
    const std::vector<std::pair<std::string, std::string>> failing = {
        {"host=127.0.0.1 port=1 sslpassword=CliSecret1 password=CliSecret2", "CliSecret"},
        {"postgresql://u:CliSecret3%zz@127.0.0.1:1/db", "CliSecret3"},
        {"postgresql://u:Cli/Secret4@127.0.0.1:1/db", "Secret4"},
        {"postgresql://u:Cli@Secret9@127.0.0.1:1/db", "Secret9"},
        {"host=127.0.0.1 port=1 Password=CliSecret5", "CliSecret5"},
        {"host=127.0.0.1 port=1 password='CliSecret6", "CliSecret6"},
        {"dbname='host=127.0.0.1 password=CliSecret7' host=127.0.0.1 port=" + port, "CliSecret7"},
        {"user:CliSecret8@db.example", "CliSecret8"},                 // no plugin takes it
        {"postgresql://vnland_test:" + password + "x@127.0.0.1:" + port + "/vnland_test", password}, // wrong password
    };
    for (const auto &[conn, secret] : failing) {
        auto r = test::runCli("publish '" + project + "' --to " + shellQuoted(conn));
        BOOST_TEST(r.exitCode == 2, conn);
        BOOST_TEST(!r.err.empty(), conn);
        BOOST_TEST((r.err + r.out).find(secret) == std::string::npos, conn << ": " << r.err);
    }

    BOOST_REQUIRE(s.publish(project).exitCode == 0);
    // Connections with secrets that work: nothing secret in the work file, the lock row or the output.
    const std::vector<std::pair<std::string, std::vector<std::string>>> working = {
        {conninfo() + " sslpassword=WorkSecret1", {"WorkSecret1"}},
        {"postgresql://vnland_test:" + password + "@127.0.0.1:" + port + "/vnland_test?sslpassword=WorkSecret2",
         {password, "WorkSecret2"}},
    };
    int toSo = 0;
    for (const auto &[conn, secrets] : working) {
        const std::string w = s.tmp.file("secret" + std::to_string(++toSo) + ".sqlite");
        auto r = s.cli("checkout " + shellQuoted(conn) + " --commune 07192 --sheet " + std::to_string(toSo) + " --to '" + w + "'");
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
        auto again = s.cli("checkout " + shellQuoted(conn) + " --commune 07192 --sheet " + std::to_string(toSo) + " --to '" +
                           s.tmp.file("refused.sqlite") + "'");
        BOOST_TEST(again.exitCode == 1, again.err + again.out);
        editOwner(w, toSo, static_cast<int>(s.count("SELECT min(thua_so) FROM parcel WHERE to_so = $1::integer AND object_kind = 'parcel'",
                                                     Params().add(toSo))),
                  "Chủ mới");
        auto in = s.cli("checkin '" + w + "'"); // connects with the stored form, the password from pgpass
        BOOST_TEST(in.exitCode == 0, in.err + in.out);
        const std::string file = test::readFile(w) + test::readFile(w + "-wal");
        BOOST_REQUIRE(!file.empty());
        auto wp = store::Project::open(w, true);
        const std::string stored = wp->meta("sync.connection").value_or("");
        BOOST_TEST((stored.find("127.0.0.1") != std::string::npos || stored.find(service()) != std::string::npos), stored);
        for (const auto &secret : secrets) {
            BOOST_TEST((r.out + r.err + again.out + again.err + in.out + in.err).find(secret) == std::string::npos, conn);
            BOOST_TEST(stored.find(secret) == std::string::npos, stored);
            BOOST_TEST(file.find(secret) == std::string::npos, "the work file holds " << secret);
            BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock l WHERE row_to_json(l)::text LIKE '%' || $1 || '%'",
                               Params().add(secret)) == 0);
            BOOST_TEST(s.count("SELECT count(*) FROM change_log c WHERE row_to_json(c)::text LIKE '%' || $1 || '%'",
                               Params().add(secret)) == 0);
        }
    }
}

/// Tờ 1 of a fresh check-out: owners of thửa 5–9 set to @p tag, the two lowest-numbered other
/// parcels deleted, a new parcel (number 9000 + @p n) where the first was. Live count on the
/// server after the check-in: one less.
static plugin::SyncBackendPlugin &backend()
{
    const auto all = plugin::PluginManager::instance().objects<plugin::SyncBackendPlugin>();
    BOOST_REQUIRE_MESSAGE(!all.isEmpty(), "the vnland_postgis plugin is not found");
    return *all.first();
}

static std::string checkoutAndEdit(Server &s, int n, const std::string &tag)
{
    // In this process (the plugin, as the editor uses it): only the check-ins run as a child.
    const std::string w = s.tmp.file("kill" + std::to_string(n) + ".sqlite");
    plugin::SyncOptions o;
    o.schema = QString::fromStdString(s.schema);
    o.communeCode = QStringLiteral("07192");
    o.toSo = 1;
    const auto r = backend().checkout(QString::fromStdString(conninfo()), o, QString::fromStdString(w));
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.error.toStdString() << r.findings.join('\n').toStdString());
    auto p = store::Project::open(w);
    store::ParcelFilter f;
    f.toSo = 1;
    std::vector<model::Parcel> others;
    for (auto parcel : store::loadParcels(*p, f)) {
        if (parcel.thuaSo && *parcel.thuaSo >= 5 && *parcel.thuaSo <= 9) {
            parcel.ownerName = tag;
            store::ParcelWriter(*p).updateAttributes(parcel);
        } else if (parcel.thuaSo && *parcel.thuaSo < 9000) {
            others.push_back(parcel);
        }
    }
    std::sort(others.begin(), others.end(), [](const model::Parcel &a, const model::Parcel &b) { return *a.thuaSo < *b.thuaSo; });
    BOOST_REQUIRE(others.size() >= 2);
    for (int k = 0; k < 2; ++k) {
        store::Statement del(p->db(), "DELETE FROM parcel WHERE id = ?");
        del.bind(1, others[k].id).exec();
    }
    model::Parcel added = others[0];
    added.uuid = store::newUuid();
    added.thuaSo = 9000 + n;
    added.ownerName = tag;
    store::ParcelWriter(*p).insert(added);
    return w;
}

BOOST_AUTO_TEST_CASE(checkin_killed_at_20_random_points_is_all_or_nothing)
{
    Server s;
    BOOST_REQUIRE(s.publish(s.project()).exitCode == 0);
    const auto liveCount = [&] { return s.count("SELECT count(*) FROM parcel WHERE end_time IS NULL"); };
    const auto tagged = [&](const std::string &tag) {
        return s.count("SELECT count(*) FROM parcel WHERE end_time IS NULL AND owner_name = $1", Params().add(tag));
    };
    // One full run first: its duration spreads the kill points, and it shows the after state.
    const long long live0 = liveCount();
    const std::string w0 = checkoutAndEdit(s, 0, "kill 0");
    QElapsedTimer clock;
    clock.start();
    // Without the topology check (deleting 11 opens a gap): the runs are about the transaction.
    auto r = s.cli("checkin '" + w0 + "' --skip-validation");
    const double seconds = clock.elapsed() / 1000.0;
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err + r.out);
    BOOST_REQUIRE(liveCount() == live0 - 1);
    BOOST_REQUIRE(tagged("kill 0") == 6); // five owners and the new parcel

    std::mt19937 random(20261203);
    std::uniform_real_distribution<double> within(0.0, 1.0);
    const int kills = 20;
    int before = 0, after = 0, finished = 0;
    for (int i = 1; i <= kills; ++i) {
        const std::string tag = "kill " + std::to_string(i);
        const std::string w = checkoutAndEdit(s, i, tag);
        const long long live = liveCount();
        const std::string snap = s.snapshot();
        const long long history = s.count("SELECT count(*) FROM parcel_history");
        const double at = seconds * (i - 1 + within(random)) / kills; // one point in each twentieth of the run
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.setStandardOutputFile(QProcess::nullDevice());
        child.start(QStringLiteral(VNLAND_CLI), {QStringLiteral("checkin"), QString::fromStdString(w),
                                                 QStringLiteral("--schema"), QString::fromStdString(s.schema),
                                                 QStringLiteral("--skip-validation"), QStringLiteral("--quiet")});
        BOOST_REQUIRE(child.waitForStarted());
        const bool done = child.waitForFinished(static_cast<int>(at * 1000));
        if (!done) {
            child.kill(); // SIGKILL
            BOOST_REQUIRE(child.waitForFinished());
        }
        // The server ends the killed session's transaction when it sees the socket closed.
        for (int k = 0; k < 100 && s.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                           " AND state LIKE 'idle in transaction%'") > 0; ++k)
            QThread::msleep(50);
        {
            store::Database work(w, store::Database::Mode::ReadOnly);
            BOOST_TEST(work.queryText("PRAGMA integrity_check").value_or("") == "ok", w);
        }
        const long long n = tagged(tag);
        BOOST_TEST((n == 0 || n == 6), tag << ": " << n << " of 6 edits on the server");
        if (n == 0) {
            ++before;
            BOOST_TEST(liveCount() == live, tag);
            BOOST_TEST(s.snapshot() == snap, tag);
            // The interrupted check-in is simply run again.
            plugin::SyncOptions o;
            o.skipValidation = true;
            const auto again = backend().checkin(*store::Project::open(w), o);
            BOOST_TEST(again.status == 0, tag << ": " << again.error.toStdString());
            BOOST_TEST(tagged(tag) == 6, tag);
        } else {
            ++(done ? finished : after);
            BOOST_TEST(liveCount() == live - 1, tag);
            BOOST_TEST(s.count("SELECT count(*) FROM parcel_history") == history + 7, tag); // 5 updates, 2 retired
            BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 0, tag);
        }
    }
    BOOST_TEST_MESSAGE("check-in killed at " << kills << " points over " << seconds << " s: " << before
                                             << " left the server as before, " << after << " as after (killed after the commit), "
                                             << finished << " had finished");
    BOOST_TEST(before >= kills / 2); // the kill points really fall inside the run
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
    // The dialog keeps the connection in the settings (written under the test folder): never a secret.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QString::fromStdString(s.tmp.file("settings")));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QString::fromStdString(s.tmp.file("settings")));
    app::SyncDialog dlg{QString()};
    dlg.connectionEdit()->setText(QString::fromStdString(conninfo() + " sslpassword=DialogSecret1"));
    dlg.schemaEdit()->setText(QString::fromStdString(s.schema));
    dlg.communeEdit()->setText(QStringLiteral("07192"));
    dlg.sheetEdit()->setText(QStringLiteral("2"));
    dlg.targetEdit()->setText(work);
    QString opened;
    QObject::connect(&dlg, &app::SyncDialog::checkedOut, [&](const QString &p) { opened = p; });
    BOOST_TEST(clickAndWait(dlg, dlg.checkoutButton()) == 0);
    BOOST_TEST(opened == work);
    BOOST_TEST(dlg.workEdit()->text() == work);
    const QString kept = QSettings().value(QStringLiteral("sync/connection")).toString();
    BOOST_TEST(kept.contains(QString::fromStdString(service())), kept.toStdString());
    BOOST_TEST(!kept.contains(QStringLiteral("DialogSecret1")), kept.toStdString());
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL AND to_so = 2") == 1);
    const int thua = static_cast<int>(s.count("SELECT min(thua_so) FROM parcel WHERE to_so = 2 AND object_kind = 'parcel'"));
    editOwner(work.toStdString(), 2, thua, "Hoàng Thị D");
    BOOST_TEST(clickAndWait(dlg, dlg.checkinButton()) == 0);
    BOOST_TEST(ownerOnServer(s, 2, thua) == "Hoàng Thị D");
    BOOST_TEST(s.count("SELECT count(*) FROM checkout_lock WHERE released IS NULL") == 0);
    BOOST_TEST(!dlg.isBusy());
}
#endif
