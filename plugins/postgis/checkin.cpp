// vnland checkin: sends a work project's edits back to the server.
// 1. Edited parcels are those whose content hash differs from the one taken at
//    check-out; new UUIDs are new parcels; parcels missing from the work file
//    are retired (end_time set, row kept).
// 2. The topology rules run on the work file; an error an edit introduced
//    (not present at check-out) refuses the check-in.
// 3. In one server transaction: parcels changed on the server since the
//    check-out are conflicts. By default any conflict refuses the whole
//    check-in (a boundary edit moves two parcels; sending only one side would
//    leave an overlap or gap on the server) and nothing changes; with
//    --skip-conflicts the other parcels are applied and the conflicting ones
//    left as the server has them. Changed rows keep their old version in
//    parcel_history. The lock is released at commit.
#include "local_rows.h"
#include "pg_connection.h"
#include "pg_schema.h"
#include "sync_ops.h"

#include "store/project.h"

#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace vnland::postgis {

namespace {

std::string join(const std::vector<std::string> &items, const std::string &sep)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : std::string()) + items[i];
    return out;
}

struct WorkRow {
    RowValues values;
    std::vector<unsigned char> wkb;
    std::string hash;
};

/// Test hook: VNLAND_TEST_CHECKIN_PAUSE_AFTER=N stops after N applied rows
/// (transaction open) and waits, so a test can kill the process mid-way.
void testPause(long long applied)
{
    static const long long after = [] {
        const char *v = std::getenv("VNLAND_TEST_CHECKIN_PAUSE_AFTER");
        return v ? std::atoll(v) : -1LL;
    }();
    if (after < 0 || applied != after)
        return;
    std::fprintf(stderr, "checkin: paused after %lld rows (test hook)\n", applied);
    std::fflush(stderr);
    if (const char *marker = std::getenv("VNLAND_TEST_CHECKIN_PAUSE_FILE"))
        if (FILE *f = std::fopen(marker, "w"))
            std::fclose(f);
    QThread::sleep(600);
}

} // namespace

plugin::SyncReport checkinWork(store::Project &work, const plugin::SyncOptions &options)
{
    plugin::SyncReport report;
    const auto conninfo = work.meta(kMetaConnection);
    const auto lockText = work.meta(kMetaLock);
    if (!conninfo || !lockText || lockText->empty())
        throw PgError(work.path() + ": not a checked-out work file (no sync.lock_id); use vnland checkout first");
    if (work.meta(kMetaCheckedIn).value_or("") != "")
        throw PgError(work.path() + ": already checked in at " + *work.meta(kMetaCheckedIn) +
                      "; check the area out again to continue editing");
    plugin::SyncOptions o = options;
    if (o.schema.isEmpty())
        o.schema = QString::fromStdString(work.meta(kMetaSchema).value_or("vnland"));
    const std::string schema = schemaName(o);
    const long long lockId = std::atoll(lockText->c_str());
    const std::string holder = work.meta(kMetaHolder).value_or(defaultHolder());

    // Local rows (live and history) by UUID.
    const auto cols = localColumns(work.db(), "parcel", {"id", "import_id"});
    size_t uuidCol = 0, communeCol = 0, toCol = 0, thuaCol = 0, endCol = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
        if (cols[i].name == "uuid") uuidCol = i;
        if (cols[i].name == "commune_code") communeCol = i;
        if (cols[i].name == "to_so") toCol = i;
        if (cols[i].name == "thua_so") thuaCol = i;
        if (cols[i].name == "end_time") endCol = i;
    }
    std::map<std::string, WorkRow> local;
    forEachLocalRow(work.db(), "parcel", cols, "geom", "", {}, [&](const RowValues &v, const auto &wkb) {
        WorkRow w{v, wkb, rowHash(cols, v, wkb, {"begin_time"})};
        local.emplace(v[uuidCol].value_or(""), std::move(w));
        return true;
    });

    Connection c(*conninfo);
    openSchema(c, schema);
    Result lock = c.exec("SELECT released IS NOT NULL, holder, coalesce(release_note, ''),"
                         " to_char(released, 'YYYY-MM-DD HH24:MI TZ') FROM checkout_lock WHERE id = $1",
                         Params().add(lockId));
    if (lock.rows() == 0)
        throw PgError(c.describe() + ": lock " + std::to_string(lockId) + " of " + work.path() +
                      " is not on the server (schema " + schema + ")");
    if (lock.text(0, 0) == "t" && lock.text(0, 2).rfind("taken over", 0) == 0)
        throw PgError(c.describe() + ": lock " + std::to_string(lockId) + " of " + work.path() + " was " +
                      lock.text(0, 2) + " at " + lock.text(0, 3) +
                      "; nothing was sent (the edits stay in this file): check the area out again to redo them");
    if (lock.text(0, 0) == "t")
        throw PgError(c.describe() + ": lock " + std::to_string(lockId) + " of " + work.path() +
                      " was already checked in or released");

    if (options.abandon) {
        c.exec("UPDATE checkout_lock SET released = now(), release_note = 'abandoned: nothing sent' WHERE id = $1",
               Params().add(lockId));
        work.setMeta(kMetaCheckedIn, "abandoned " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString());
        report.count("released lock", lockId);
        return report;
    }

    std::map<std::string, std::pair<std::string, std::string>> base; // uuid -> server hash, work hash
    {
        Result r = c.exec("SELECT uuid, server_hash, work_hash FROM checkout_parcel WHERE lock_id = $1", Params().add(lockId));
        for (int i = 0; i < r.rows(); ++i)
            base[r.text(i, 0)] = {r.text(i, 1), r.text(i, 2)};
    }
    std::vector<std::string> edited, added, retired;
    for (const auto &[uuid, row] : local) {
        auto it = base.find(uuid);
        if (it == base.end())
            added.push_back(uuid);
        else if (it->second.second != row.hash)
            edited.push_back(uuid);
    }
    for (const auto &[uuid, hashes] : base)
        if (!local.count(uuid))
            retired.push_back(uuid);

    // Topology of the edited area: errors the edits introduced refuse the check-in.
    if (!options.skipValidation && !(edited.empty() && added.empty() && retired.empty())) {
        std::set<std::string> touched(edited.begin(), edited.end());
        touched.insert(added.begin(), added.end());
        std::set<std::string> baseline;
        const std::string text = work.meta(kMetaBaseline).value_or("");
        size_t pos = 0;
        while (pos < text.size()) {
            size_t nl = text.find('\n', pos);
            if (nl == std::string::npos)
                nl = text.size();
            baseline.insert(text.substr(pos, nl - pos));
            pos = nl + 1;
        }
        for (const auto &sig : issueSignatures(work, &touched)) {
            if (baseline.count(sig))
                continue;
            // sig = rule|uuids|message
            const size_t a = sig.find('|'), b = sig.find('|', a + 1);
            report.findings << QString::fromStdString("lỗi topology mới (" + sig.substr(0, a) + "): " + sig.substr(b + 1) +
                                                      " [" + sig.substr(a + 1, b - a - 1) + "]");
        }
        if (!report.findings.isEmpty()) {
            report.status = 1;
            report.findings.prepend(QStringLiteral("check-in refused: the edits introduce topology errors "
                                                   "(fix them, or --skip-validation); the server is unchanged"));
            return report;
        }
    }

    Transaction tx(c);
    lockSchemaForWrite(c, schema);
    // A forced check-out may have taken the lock over meanwhile (it locks the same row).
    if (c.exec("SELECT released IS NOT NULL FROM checkout_lock WHERE id = $1 FOR UPDATE", Params().add(lockId)).text(0, 0) == "t")
        throw PgError(c.describe() + ": lock " + std::to_string(lockId) + " of " + work.path() +
                      " was taken over or released during the check-in; nothing was sent");
    // Conflicts: parcels changed on the server since the check-out.
    std::set<std::string> conflicts;
    {
        Result r = c.exec("SELECT cp.uuid, cp.server_hash, md5(p::text), p.to_so, p.thua_so FROM checkout_parcel cp"
                          " LEFT JOIN parcel p ON p.uuid = cp.uuid WHERE cp.lock_id = $1",
                          Params().add(lockId));
        std::set<std::string> mine(edited.begin(), edited.end());
        mine.insert(retired.begin(), retired.end());
        for (int i = 0; i < r.rows(); ++i) {
            const std::string uuid = r.text(i, 0);
            if (!mine.count(uuid) || r.text(i, 1) == r.text(i, 2))
                continue;
            conflicts.insert(uuid);
            report.findings << QString::fromStdString("xung đột: thửa " + r.text(i, 4) + " tờ " + r.text(i, 3) + " (" + uuid +
                                                      ") đã bị thay đổi trên máy chủ sau khi lấy ra");
        }
    }
    for (const auto &uuid : added) {
        const WorkRow &w = local[uuid];
        if (w.values[endCol] || !w.values[thuaCol])
            continue;
        Result r = c.exec("SELECT uuid FROM parcel WHERE end_time IS NULL AND identity_conflict = 0 AND commune_code = $1"
                          " AND to_so = $2::integer AND thua_so = $3::integer AND uuid <> $4",
                          Params().add(w.values[communeCol]).add(w.values[toCol]).add(w.values[thuaCol]).add(uuid));
        if (r.rows() > 0) {
            conflicts.insert(uuid);
            report.findings << QString::fromStdString("xung đột: số thửa " + w.values[thuaCol].value_or("") + " tờ " +
                                                      w.values[toCol].value_or("") + " của thửa mới " + uuid +
                                                      " đã có trên máy chủ (" + r.text(0, 0) + ")");
        }
    }
    report.count("conflicts", static_cast<qint64>(conflicts.size()));
    if (!conflicts.empty() && !options.skipConflicts) {
        report.status = 1;
        report.findings.prepend(QStringLiteral("check-in refused: %1 conflict(s); the server is unchanged "
                                               "(--skip-conflicts applies the other parcels)")
                                    .arg(conflicts.size()));
        report.count("updated", 0);
        report.count("inserted", 0);
        report.count("retired", 0);
        return report; // Transaction rolls back
    }

    const std::vector<std::string> server = serverColumns(c, "parcel");
    std::vector<size_t> sendCols;
    std::vector<std::string> names, sets, params;
    for (size_t i = 0; i < cols.size(); ++i) {
        if (std::find(server.begin(), server.end(), cols[i].name) == server.end() || cols[i].name == "uuid" ||
            cols[i].name == "begin_time")
            continue;
        sendCols.push_back(i);
        const std::string q = c.quoteIdent(cols[i].name);
        names.push_back(q);
        params.push_back("$" + std::to_string(names.size() + 1));
        sets.push_back(q + " = " + params.back());
    }
    const std::string geomParam = "$" + std::to_string(names.size() + 2) + "::geometry";
    const std::string now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    std::vector<std::string> all, allSel;
    for (const auto &n : server) {
        all.push_back(c.quoteIdent(n));
        allSel.push_back(n == "end_time" ? "coalesce(end_time, " + now + ")" : c.quoteIdent(n));
    }
    const std::string toHistory = "INSERT INTO parcel_history (" + join(all, ", ") + ") SELECT " + join(allSel, ", ") +
                                  " FROM parcel WHERE uuid = $1";
    // A parcel retired in the work file (end_time set) keeps its begin time.
    std::string endParam = "NULL";
    for (size_t k = 0; k < sendCols.size(); ++k)
        if (cols[sendCols[k]].name == "end_time")
            endParam = "$" + std::to_string(k + 2) + "::text";
    const std::string update = "UPDATE parcel SET " + join(sets, ", ") + ", geom = " + geomParam +
                               ", begin_time = CASE WHEN " + endParam + " IS NULL THEN " + now +
                               " ELSE begin_time END WHERE uuid = $1";
    const std::string insert = "INSERT INTO parcel (uuid, " + join(names, ", ") + ", geom) VALUES ($1, " +
                               join(params, ", ") + ", " + geomParam + ")";
    const std::string retire = "UPDATE parcel SET end_time = " + now + " WHERE uuid = $1 AND end_time IS NULL";
    const std::string logSql = "INSERT INTO change_log(parcel_uuid, action, detail, source) VALUES ($1, $2, NULL, $3)";
    const std::string source = "checkin " + holder + " lock " + std::to_string(lockId);
    const int srid = work.srid();
    auto rowParams = [&](const std::string &uuid) {
        const WorkRow &w = local[uuid];
        Params p;
        p.add(uuid);
        for (size_t i : sendCols)
            p.add(w.values[i]);
        p.add(w.wkb.empty() ? std::optional<std::string>() : std::optional<std::string>(ewkbHex(w.wkb, srid)));
        return p;
    };
    long long applied = 0, updated = 0, inserted = 0, retiredCount = 0;
    for (const auto &uuid : edited) {
        if (conflicts.count(uuid))
            continue;
        c.exec(toHistory, Params().add(uuid));
        updated += c.exec(update, rowParams(uuid)).affected();
        c.exec(logSql, Params().add(uuid).add("checkin_update").add(source));
        testPause(++applied);
    }
    for (const auto &uuid : added) {
        if (conflicts.count(uuid))
            continue;
        inserted += c.exec(insert, rowParams(uuid)).affected();
        c.exec(logSql, Params().add(uuid).add("checkin_insert").add(source));
        testPause(++applied);
    }
    for (const auto &uuid : retired) {
        if (conflicts.count(uuid))
            continue;
        c.exec(toHistory, Params().add(uuid));
        retiredCount += c.exec(retire, Params().add(uuid)).affected();
        c.exec(logSql, Params().add(uuid).add("checkin_retire").add(source));
        testPause(++applied);
    }
    c.exec("UPDATE checkout_lock SET released = now(), release_note = $2 WHERE id = $1",
           Params().add(lockId).add("checked in: " + std::to_string(updated) + " updated, " + std::to_string(inserted) +
                                    " new, " + std::to_string(retiredCount) + " retired, " +
                                    std::to_string(conflicts.size()) + " conflicts skipped"));
    tx.commit();
    work.setMeta(kMetaCheckedIn, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString());
    report.count("updated", updated);
    report.count("inserted", inserted);
    report.count("retired", retiredCount);
    report.count("unchanged", static_cast<qint64>(base.size() - edited.size() - retired.size()));
    if (!conflicts.empty())
        report.status = 1;
    return report;
}

} // namespace vnland::postgis
