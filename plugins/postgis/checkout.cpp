// vnland checkout: one map sheet (tờ) or a whole commune from the server into
// a new local work project, and a lock on the server recording who took which
// parcels when, with a content hash of each parcel as the server had it and as
// the work file holds it (check-in compares against both). A sheet or commune
// under an open lock is refused; with force the old locks are released and the
// take-over recorded in checkout_takeover.
#include "local_rows.h"
#include "pg_connection.h"
#include "pg_schema.h"
#include "sync_ops.h"

#include "store/parcel_store.h"
#include "store/project.h"
#include "topology/topology_engine.h"
#include "topology/validation_context.h"

#include <QFile>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace vnland::postgis {

std::set<std::string> issueSignatures(store::Project &work, const std::set<std::string> *onlyTouching)
{
    const auto parcels = store::loadParcels(work);
    const auto context = topology::ValidationContext::load(work);
    const auto report = topology::validate(parcels, context);
    std::set<std::string> out;
    for (const auto &issue : report.issues) {
        if (issue.severity != topology::Severity::Error)
            continue;
        std::vector<std::string> uuids = issue.parcelUuids;
        if (onlyTouching && std::none_of(uuids.begin(), uuids.end(), [&](const std::string &u) { return onlyTouching->count(u) > 0; }))
            continue;
        std::sort(uuids.begin(), uuids.end());
        std::string sig = topology::ruleId(issue.rule);
        sig += '|';
        for (size_t i = 0; i < uuids.size(); ++i)
            sig += (i ? "," : "") + uuids[i];
        out.insert(sig + "|" + issue.message);
    }
    return out;
}

namespace {

bool hasTable(Connection &c, const std::string &table)
{
    return c.exec("SELECT to_regclass($1) IS NOT NULL", Params().add(table)).text(0, 0) == "t";
}

std::string join(const std::vector<std::string> &items, const std::string &sep)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : std::string()) + items[i];
    return out;
}

/// Copies rows of a server table into the same local table (columns in both).
int copyDown(Connection &c, store::Project &work, const std::string &table, const std::string &geomColumn,
             const std::string &where, const Params &params, const std::set<std::string> &skip)
{
    const std::vector<std::string> server = serverColumns(c, table);
    std::vector<LocalColumn> cols;
    for (const LocalColumn &col : localColumns(work.db(), table, skip))
        if (std::find(server.begin(), server.end(), col.name) != server.end())
            cols.push_back(col);
    std::vector<std::string> sel, ins, qs;
    for (const auto &col : cols) {
        sel.push_back(c.quoteIdent(col.name));
        ins.push_back("\"" + col.name + "\"");
        qs.push_back("?");
    }
    if (!geomColumn.empty()) {
        sel.push_back("encode(ST_AsBinary(" + c.quoteIdent(geomColumn) + "), 'hex')");
        ins.push_back("\"" + geomColumn + "\"");
        qs.push_back(table == "parcel" ? "CastToMultiPolygon(GeomFromWKB(?, ?))" : "GeomFromWKB(?, ?)");
    }
    Result r = c.exec("SELECT " + join(sel, ", ") + " FROM " + c.quoteIdent(table) + " WHERE " + where, params);
    const std::string verb = table == "parcel" ? "INSERT INTO" : "INSERT OR REPLACE INTO";
    store::Statement st(work.db(), verb + " \"" + table + "\" (" + join(ins, ", ") + ") VALUES (" + join(qs, ", ") + ")");
    for (int row = 0; row < r.rows(); ++row) {
        int k = 1;
        for (size_t i = 0; i < cols.size(); ++i, ++k) {
            if (r.isNull(row, static_cast<int>(i)))
                st.bind(k, nullptr);
            else if (cols[i].kind == 'i')
                st.bind(k, static_cast<int64_t>(r.integer(row, static_cast<int>(i))));
            else if (cols[i].kind == 'r')
                st.bind(k, r.real(row, static_cast<int>(i)));
            else
                st.bind(k, r.text(row, static_cast<int>(i)));
        }
        if (!geomColumn.empty()) {
            const int g = static_cast<int>(cols.size());
            if (r.isNull(row, g)) {
                st.bind(k, nullptr).bind(k + 1, nullptr);
            } else {
                const auto wkb = fromHex(r.raw(row, g), static_cast<size_t>(r.length(row, g)));
                st.bindBlob(k, wkb.data(), wkb.size()).bind(k + 1, work.srid());
            }
        }
        st.exec();
    }
    return r.rows();
}

} // namespace

plugin::SyncReport checkoutArea(const std::string &conninfo, const plugin::SyncOptions &options,
                                const std::string &workPath, bool force)
{
    plugin::SyncReport report;
    const std::string schema = schemaName(options);
    if (QFile::exists(QString::fromStdString(workPath)))
        throw PgError(workPath + ": the work file exists already; check out into a new file");
    Connection c(conninfo);
    openSchema(c, schema);

    // Which area: số hiệu mảnh, commune + tờ, or a whole commune.
    std::string commune = options.communeCode.toStdString();
    std::optional<int> toSo = options.toSo;
    const std::string sheetId = options.sheetId.toStdString();
    if (!sheetId.empty()) {
        Result r = c.exec("SELECT commune_code, to_so FROM map_sheet WHERE sheet_id = $1" +
                              std::string(commune.empty() ? "" : " AND commune_code = $2"),
                          commune.empty() ? Params().add(sheetId) : Params().add(sheetId).add(commune));
        if (r.rows() == 0)
            throw PgError(c.describe() + ": no map sheet with số hiệu mảnh '" + sheetId + "' in schema " + schema);
        if (r.rows() > 1)
            throw PgError(c.describe() + ": số hiệu mảnh '" + sheetId + "' is used by " + std::to_string(r.rows()) +
                          " communes; add --commune");
        commune = r.text(0, 0);
        toSo = static_cast<int>(r.integer(0, 1));
    }
    if (commune.empty()) {
        Result r = c.exec("SELECT DISTINCT commune_code FROM parcel WHERE end_time IS NULL AND commune_code IS NOT NULL LIMIT 2");
        if (r.rows() != 1)
            throw PgError(c.describe() + ": the server holds several communes; name one with --commune");
        commune = r.text(0, 0);
    }
    const std::string where = toSo ? "commune_code = $1 AND to_so = $2" : "commune_code = $1";
    Params areaParams;
    areaParams.add(commune);
    if (toSo)
        areaParams.add(*toSo);
    const std::string area = "xã " + commune + (toSo ? ", tờ " + std::to_string(*toSo) : std::string());

    const std::string holder = options.who.isEmpty() ? defaultHolder() : options.who.toStdString();
    Transaction tx(c);
    // One check-out of a commune at a time decides about its locks (a second one waits here).
    c.exec("SELECT pg_advisory_xact_lock(hashtext('vnland-checkout:' || $1 || ':' || $2))",
           Params().add(schema).add(commune));
    // Open locks on the same sheet, on the whole commune, or (for a whole commune) on any of its sheets.
    Result others = c.exec("SELECT id, holder, to_char(taken, 'YYYY-MM-DD HH24:MI TZ'), to_so FROM checkout_lock"
                           " WHERE released IS NULL AND commune_code = $1 AND (to_so IS NULL OR $2::integer IS NULL OR to_so = $2::integer)"
                           " ORDER BY id FOR UPDATE",
                           Params().add(commune).add(toSo));
    if (others.rows() > 0 && !force) {
        report.status = 1;
        report.findings << QString::fromStdString("check-out refused: " + area + " is locked; nothing was written");
        for (int i = 0; i < others.rows(); ++i)
            report.findings << QString::fromStdString(
                "  lock " + others.text(i, 0) + ": " +
                (others.isNull(i, 3) ? "xã " + commune : "xã " + commune + ", tờ " + others.text(i, 3)) +
                " checked out by " + others.text(i, 1) + " since " + others.text(i, 2));
        report.findings << QStringLiteral("  wait for the check-in (or checkin --abandon), or take the lock over with "
                                          "--force: the holder's work file can then no longer be checked in");
        return report; // rolls back; no work file
    }
    if (others.rows() > 0 && !hasTable(c, "checkout_takeover"))
        throw PgError(c.describe() + ": schema '" + schema +
                      "' predates recorded lock take-overs; publish once with this version of VNLand to upgrade it");

    // Server hashes of the live parcels of the area.
    Result hashes = c.exec("SELECT uuid, md5(p::text) FROM parcel p WHERE end_time IS NULL AND " + where, areaParams);
    if (hashes.rows() == 0)
        throw PgError(c.describe() + ": no live parcel in " + area + " (schema " + schema + ")");

    // The work project, with the server's settings.
    store::ProjectSettings settings;
    {
        Result m = c.exec("SELECT key, value FROM project_meta");
        std::map<std::string, std::string> meta;
        for (int i = 0; i < m.rows(); ++i)
            meta[m.text(i, 0)] = m.text(i, 1);
        // The same strict reading as a land database's (a bad value names the key, never a
        // silent 0 or a locale-dependent number).
        settings = store::settingsFromMeta(c.describe() + " (schema " + schema + ")", meta, false);
        settings.name = (settings.name.empty() ? std::string("VNLand") : settings.name) + " — " + area;
    }
    auto work = store::Project::create(workPath, settings);
    std::map<std::string, std::string> workHash;
    try {
        store::Transaction ltx(work->db());
        copyDown(c, *work, "admin_unit", "", "code = $1 OR code = (SELECT parent_code FROM admin_unit WHERE code = $1)",
                 Params().add(commune), {});
        copyDown(c, *work, "map_sheet", "frame", where, areaParams, {"id"});
        const int n = copyDown(c, *work, "parcel", "geom", "end_time IS NULL AND " + where, areaParams, {"id", "import_id"});
        report.count("parcels", n);
        ltx.commit();
        const auto cols = localColumns(work->db(), "parcel", {"id", "import_id"});
        forEachLocalRow(work->db(), "parcel", cols, "geom", "", {}, [&](const RowValues &v, const auto &wkb) {
            std::string uuid;
            for (size_t i = 0; i < cols.size(); ++i)
                if (cols[i].name == "uuid" && v[i])
                    uuid = *v[i];
            workHash[uuid] = rowHash(cols, v, wkb, {"begin_time"});
            return true;
        });
    } catch (...) {
        work.reset();
        QFile::remove(QString::fromStdString(workPath));
        throw;
    }

    Result lock = c.exec("INSERT INTO checkout_lock(holder, commune_code, to_so, sheet_id, work_file, parcels)"
                         " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                         Params().add(holder).add(commune).add(toSo)
                             .add(sheetId.empty() ? std::optional<std::string>() : std::optional<std::string>(sheetId))
                             .add(workPath).add(hashes.rows()));
    const std::string lockId = lock.text(0, 0);
    // --force: the holders' locks end here, and the take-over is recorded (who, when, whose lock).
    for (int i = 0; i < others.rows(); ++i) {
        c.exec("INSERT INTO checkout_takeover(new_lock_id, by_holder, old_lock_id, old_holder, old_taken)"
               " SELECT $1::bigint, $2, id, holder, taken FROM checkout_lock WHERE id = $3::bigint",
               Params().add(lockId).add(holder).add(others.text(i, 0)));
        c.exec("UPDATE checkout_lock SET released = now(), release_note = $2 WHERE id = $1::bigint",
               Params().add(others.text(i, 0)).add("taken over by " + holder + " (lock " + lockId + ", --force)"));
        report.findings << QString::fromStdString("note: took over lock " + others.text(i, 0) + " of " + others.text(i, 1) +
                                                  " (since " + others.text(i, 2) + "); it can no longer be checked in");
    }
    c.copyBegin("COPY checkout_parcel (lock_id, uuid, server_hash, work_hash) FROM STDIN");
    std::string buf;
    for (int i = 0; i < hashes.rows(); ++i) {
        buf += lockId + '\t';
        appendCopyField(buf, hashes.text(i, 0));
        buf += '\t' + hashes.text(i, 1) + '\t' + workHash[hashes.text(i, 0)] + '\n';
    }
    c.copyPut(buf.data(), buf.size());
    c.copyEnd();

    try {
        work->setMeta(kMetaConnection, Connection::publicConnInfo(conninfo));
        work->setMeta(kMetaSchema, schema);
        work->setMeta(kMetaLock, lockId);
        work->setMeta(kMetaHolder, holder);
        std::string baseline;
        for (const auto &s : issueSignatures(*work, nullptr))
            baseline += s + "\n";
        work->setMeta(kMetaBaseline, baseline);
        tx.commit();
    } catch (...) {
        work.reset();
        QFile::remove(QString::fromStdString(workPath));
        throw;
    }
    report.count("lock", std::stoll(lockId));
    return report;
}

} // namespace vnland::postgis
