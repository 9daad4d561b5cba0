// vnland publish: the project's land database into a PostGIS schema.
// Reference tables are upserted row by row; parcels go through COPY into a
// temporary stage table and are merged set-based in the same transaction:
// matched by UUID, else by identity (commune, tờ, thửa) of a live parcel;
// changed parcels keep their old row in parcel_history (end_time set);
// unchanged parcels are not touched, so re-publishing changes nothing.
#include "local_rows.h"
#include "pg_connection.h"
#include "pg_schema.h"
#include "sync_ops.h"

#include "store/database.h"
#include "store/project.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
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

/// Upserts a small reference table row by row (bound values) on its key.
/// Rows whose values are the same are left alone (no new row version).
long long upsertTable(store::Project &project, Connection &c, const std::string &table,
                      const std::vector<std::string> &key, const std::string &geomColumn, const std::string &where,
                      int srid)
{
    const std::vector<std::string> server = serverColumns(c, table);
    std::vector<LocalColumn> cols;
    for (const LocalColumn &col : localColumns(project.db(), table, {"id"}))
        if (std::find(server.begin(), server.end(), col.name) != server.end())
            cols.push_back(col);
    std::vector<std::string> names, params, sets, cmpOld, cmpNew;
    for (size_t i = 0; i < cols.size(); ++i) {
        const std::string q = c.quoteIdent(cols[i].name);
        names.push_back(q);
        params.push_back("$" + std::to_string(i + 1));
        if (std::find(key.begin(), key.end(), cols[i].name) == key.end()) {
            sets.push_back(q + " = EXCLUDED." + q);
            cmpOld.push_back("t." + q);
            cmpNew.push_back("EXCLUDED." + q);
        }
    }
    if (!geomColumn.empty()) {
        const std::string q = c.quoteIdent(geomColumn);
        names.push_back(q);
        params.push_back("$" + std::to_string(cols.size() + 1) + "::geometry");
        sets.push_back(q + " = EXCLUDED." + q);
        cmpOld.push_back("ST_AsEWKB(t." + q + ")");
        cmpNew.push_back("ST_AsEWKB(EXCLUDED." + q + ")");
    }
    std::vector<std::string> keyQ;
    for (const auto &k : key)
        keyQ.push_back(c.quoteIdent(k));
    const std::string sql = "INSERT INTO " + c.quoteIdent(table) + " AS t (" + join(names, ", ") + ") VALUES (" +
                            join(params, ", ") + ") ON CONFLICT (" + join(keyQ, ", ") + ") DO UPDATE SET " +
                            join(sets, ", ") + " WHERE (" + join(cmpOld, ", ") + ") IS DISTINCT FROM (" +
                            join(cmpNew, ", ") + ")";
    long long changed = 0;
    forEachLocalRow(project.db(), table, cols, geomColumn, where, {}, [&](const RowValues &v, const auto &wkb) {
        Params p;
        for (const auto &x : v)
            p.add(x);
        if (!geomColumn.empty())
            p.add(wkb.empty() ? std::optional<std::string>() : std::optional<std::string>(ewkbHex(wkb, srid)));
        changed += c.exec(sql, p).affected();
        return true;
    });
    return changed;
}

} // namespace

plugin::SyncReport publishProject(store::Project &project, const std::string &conninfo,
                                  const plugin::SyncOptions &options)
{
    plugin::SyncReport report;
    const std::string schema = schemaName(options);
    auto progress = [&](const std::string &s) {
        if (options.progress)
            options.progress(QString::fromStdString(s));
    };
    Connection c(conninfo);
    Transaction tx(c);
    std::vector<std::string> log;
    const int srid = ensureSchema(c, schema, project.srid(), &log);
    lockSchemaForWrite(c, schema);
    for (const auto &l : log)
        progress(l);

    // Reference data and sheets (small): row by row.
    upsertTable(project, c, "project_meta", {"key"}, "", "key NOT LIKE 'sync.%'", srid);
    upsertTable(project, c, "landuse_code", {"code"}, "", "", srid);
    upsertTable(project, c, "landuse_hierarchy", {"scheme", "code"}, "", "", srid);
    upsertTable(project, c, "admin_unit", {"code"}, "", "", srid);
    report.count("map_sheet changed", upsertTable(project, c, "map_sheet", {"commune_code", "to_so"}, "frame", "", srid));

    // Parcels: COPY into a stage table.
    const std::vector<std::string> server = serverColumns(c, "parcel");
    std::vector<LocalColumn> cols;
    for (const LocalColumn &col : localColumns(project.db(), "parcel", {"id", "import_id"}))
        if (std::find(server.begin(), server.end(), col.name) != server.end())
            cols.push_back(col);
    std::vector<std::string> names, cmp;
    for (const auto &col : cols) {
        names.push_back(c.quoteIdent(col.name));
        if (col.name != "uuid" && col.name != "begin_time")
            cmp.push_back(c.quoteIdent(col.name));
    }
    const std::string colList = join(names, ", ");
    // Binary COPY when every column has a type we can send (PostgreSQL's binary
    // COPY format: big-endian numbers, raw text, EWKB for geometry), else text.
    std::vector<std::string> types;
    {
        Result t = c.exec("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute"
                          " WHERE attrelid = 'parcel'::regclass AND attnum > 0 AND NOT attisdropped");
        std::map<std::string, std::string> byName;
        for (int i = 0; i < t.rows(); ++i)
            byName[t.text(i, 0)] = t.text(i, 1);
        for (const auto &col : cols)
            types.push_back(byName[col.name]);
    }
    const bool binary = std::all_of(types.begin(), types.end(), [](const std::string &t) {
        return t == "integer" || t == "bigint" || t == "double precision" || t == "text";
    });
    // withId (first publish only): the local row ids travel too, so land uses can follow without a join.
    auto copyParcels = [&](const std::string &target, bool withSeq, bool withId) {
        std::vector<LocalColumn> sendCols = cols;
        std::vector<std::string> sendTypes = types;
        if (withId) {
            sendCols.insert(sendCols.begin(), LocalColumn{"id", 'i'});
            sendTypes.insert(sendTypes.begin(), "bigint");
        }
        const auto &types = sendTypes;
        c.copyBegin("COPY " + target + " (" + (withId ? "id, " : "") + colList + ", geom" + (withSeq ? ", seq" : "") + ") FROM STDIN" +
                    (binary ? " (FORMAT binary)" : ""));
        std::string buf;
        buf.reserve(1 << 21);
        auto be = [&buf](uint64_t v, int bytes) {
            for (int k = bytes - 1; k >= 0; --k)
                buf += static_cast<char>((v >> (8 * k)) & 0xff);
        };
        if (binary) {
            buf.append("PGCOPY\n\377\r\n\0", 11);
            be(0, 4); // flags
            be(0, 4); // header extension
        }
        long long count = 0;
        forEachLocalRow(project.db(), "parcel", sendCols, "geom", "", {}, [&](const RowValues &v, const auto &wkb) {
            ++count;
            if (binary) {
                be(v.size() + 1 + (withSeq ? 1 : 0), 2);
                for (size_t i = 0; i < v.size(); ++i) {
                    if (!v[i]) {
                        be(0xffffffffu, 4);
                    } else if (types[i] == "text") {
                        be(v[i]->size(), 4);
                        buf += *v[i];
                    } else if (types[i] == "double precision") {
                        const double d = std::strtod(v[i]->c_str(), nullptr);
                        uint64_t bits;
                        std::memcpy(&bits, &d, 8);
                        be(8, 4);
                        be(bits, 8);
                    } else {
                        const long long x = std::strtoll(v[i]->c_str(), nullptr, 10);
                        const int size = types[i] == "bigint" ? 8 : 4;
                        be(static_cast<uint64_t>(size), 4);
                        be(static_cast<uint64_t>(x), size);
                    }
                }
                if (wkb.empty()) {
                    be(0xffffffffu, 4);
                } else {
                    const auto e = ewkb(wkb, srid);
                    be(e.size(), 4);
                    buf.append(reinterpret_cast<const char *>(e.data()), e.size());
                }
                if (withSeq) {
                    be(8, 4);
                    be(static_cast<uint64_t>(count), 8);
                }
            } else {
                for (const auto &x : v) {
                    appendCopyField(buf, x);
                    buf += '\t';
                }
                if (wkb.empty())
                    buf += "\\N";
                else
                    buf += ewkbHex(wkb, srid);
                if (withSeq)
                    buf += '\t' + std::to_string(count);
                buf += '\n';
            }
            if (buf.size() > (1 << 20)) {
                c.copyPut(buf.data(), buf.size());
                buf.clear();
            }
            return true;
        });
        if (binary)
            be(0xffff, 2); // trailer
        if (!buf.empty())
            c.copyPut(buf.data(), buf.size());
        c.copyEnd();
        return count;
    };
    const std::string now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    long long rows = 0, inserted = 0, updated = 0;
    c.exec("SET LOCAL maintenance_work_mem = '256MB'");
    c.exec("SET LOCAL work_mem = '128MB'"); // hash joins and set operations of the merge stay in memory
    const bool firstLoad = c.exec("SELECT NOT EXISTS (SELECT 1 FROM parcel)").text(0, 0) == "t";
    if (firstLoad) {
        // First publish: straight COPY into parcel, secondary indexes (GiST, identity, sheet, code)
        // dropped and built once afterwards — in the same transaction, so still all or nothing.
        Result idx = c.exec("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                            " WHERE x.indrelid = 'parcel'::regclass"
                            " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)");
        Result uniq = c.exec("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                             " WHERE conrelid = 'parcel'::regclass AND contype = 'u'");
        for (int i = 0; i < idx.rows(); ++i)
            c.execScript("DROP INDEX " + c.quoteIdent(idx.text(i, 0)));
        for (int i = 0; i < uniq.rows(); ++i)
            c.execScript("ALTER TABLE parcel DROP CONSTRAINT " + c.quoteIdent(uniq.text(i, 0)));
        progress("copying parcels");
        rows = inserted = copyParcels("parcel", false, true);
        c.exec("SELECT setval(pg_get_serial_sequence('parcel', 'id'), greatest(max(id), 1)) FROM parcel");
        progress("indexing " + std::to_string(rows) + " parcels");
        // Definitions read back from the server's catalogue, not built from input.
        for (int i = 0; i < uniq.rows(); ++i)
            c.execScript("ALTER TABLE parcel ADD CONSTRAINT " + c.quoteIdent(uniq.text(i, 0)) + " " + uniq.text(i, 1));
        for (int i = 0; i < idx.rows(); ++i)
            c.execScript(idx.text(i, 1));
        c.execScript("ANALYZE parcel");
    } else {
        c.execScript("CREATE TEMP TABLE vnland_stage ON COMMIT DROP AS SELECT " + colList +
                     ", geom FROM parcel WITH NO DATA; ALTER TABLE vnland_stage ADD COLUMN seq BIGINT");
        progress("copying parcels");
        rows = copyParcels("vnland_stage", true, false);
        progress("merging " + std::to_string(rows) + " parcels");
        c.execScript("ANALYZE vnland_stage");
        // Match by UUID, then by the identity of a live parcel.
        c.execScript("CREATE TEMP TABLE vnland_match ON COMMIT DROP AS"
                     " SELECT s.seq, s.uuid, p.id AS sid FROM vnland_stage s JOIN parcel p ON p.uuid = s.uuid");
        const long long byUuid = c.exec("SELECT count(*) FROM vnland_match").integer(0, 0);
        if (byUuid < rows)
            c.execScript("INSERT INTO vnland_match SELECT s.seq, s.uuid, p.id FROM vnland_stage s JOIN parcel p"
                         " ON p.commune_code = s.commune_code AND p.to_so = s.to_so AND p.thua_so = s.thua_so"
                         " WHERE s.end_time IS NULL AND s.identity_conflict = 0 AND s.thua_so IS NOT NULL"
                         " AND p.end_time IS NULL AND p.identity_conflict = 0"
                         " AND NOT EXISTS (SELECT 1 FROM parcel u WHERE u.uuid = s.uuid)");
        c.execScript("ANALYZE vnland_match; CREATE TEMP TABLE vnland_new (uuid TEXT, id BIGINT) ON COMMIT DROP");
        const long long matched = c.exec("SELECT count(*) FROM vnland_match").integer(0, 0);
        std::vector<std::string> pOld, sNew, sets;
        for (const auto &q : cmp) {
            pOld.push_back("p." + q);
            sNew.push_back("s." + q);
            sets.push_back(q + " = s." + q);
        }
        c.exec("CREATE TEMP TABLE vnland_changed ON COMMIT DROP AS SELECT m.sid, m.seq FROM vnland_stage s"
               " JOIN vnland_match m ON m.seq = s.seq JOIN parcel p ON p.id = m.sid"
               " WHERE (" + join(pOld, ", ") + ") IS DISTINCT FROM (" + join(sNew, ", ") +
               ") OR NOT ST_OrderingEquals(p.geom, s.geom) OR (p.geom IS NULL) <> (s.geom IS NULL)");
        // History: the server's row as it was, closed now.
        std::vector<std::string> all, allSel;
        for (const auto &n : serverColumns(c, "parcel")) {
            all.push_back(c.quoteIdent(n));
            allSel.push_back(n == "end_time" ? "coalesce(p.end_time, " + now + ")" : "p." + c.quoteIdent(n));
        }
        c.exec("INSERT INTO parcel_history (" + join(all, ", ") + ") SELECT " + join(allSel, ", ") +
               " FROM parcel p JOIN vnland_changed ch ON ch.sid = p.id");
        updated = c.exec("UPDATE parcel p SET " + join(sets, ", ") +
                         ", geom = s.geom, begin_time = CASE WHEN s.end_time IS NULL THEN " + now +
                         " ELSE p.begin_time END FROM vnland_changed ch JOIN vnland_stage s ON s.seq = ch.seq"
                         " WHERE p.id = ch.sid")
                      .affected();
        if (matched < rows)
            inserted = c.exec("WITH ins AS (INSERT INTO parcel (" + colList + ", geom) SELECT " + colList +
                              ", geom FROM vnland_stage s WHERE NOT EXISTS (SELECT 1 FROM vnland_match m WHERE m.seq = s.seq)"
                              " RETURNING uuid, id) INSERT INTO vnland_new SELECT uuid, id FROM ins")
                           .affected();
    }

    // Land uses (parcel_landuse) follow their parcel. First publish: the server ids are the local ones, land uses go straight in.
    // Later: staged by UUID and replaced per parcel only where the set differs,
    // so an unchanged re-publish rewrites nothing.
    const std::string useTarget = firstLoad ? "parcel_landuse (parcel_id, code, area, is_main)" : "vnland_use";
    if (!firstLoad)
        c.execScript("CREATE TEMP TABLE vnland_use (uuid TEXT, code TEXT, area DOUBLE PRECISION, is_main INTEGER)"
                     " ON COMMIT DROP");
    // First load: foreign keys of parcel_landuse checked once after the COPY, not row by row.
    Result useFks = c.exec(firstLoad ? "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                       " WHERE conrelid = 'parcel_landuse'::regclass AND contype = 'f'"
                                     : "SELECT 1 WHERE false");
    for (int i = 0; i < useFks.rows(); ++i)
        c.execScript("ALTER TABLE parcel_landuse DROP CONSTRAINT " + c.quoteIdent(useFks.text(i, 0)));
    progress("copying land uses");
    c.copyBegin("COPY " + useTarget + " FROM STDIN");
    {
        std::string buf;
        char num[64];
        store::Statement st(project.db(), firstLoad ? "SELECT parcel_id, code, area, is_main FROM parcel_landuse"
                                                    : "SELECT p.uuid, l.code, l.area, l.is_main FROM parcel_landuse l"
                                                      " JOIN parcel p ON p.id = l.parcel_id");
        while (st.step()) {
            appendCopyField(buf, st.text(0));
            buf += '\t';
            appendCopyField(buf, st.text(1));
            buf += '\t';
            if (st.isNull(2)) {
                buf += "\\N";
            } else {
                auto r = std::to_chars(num, num + sizeof num, st.real(2));
                buf.append(num, r.ptr);
            }
            buf += '\t' + std::to_string(st.int64(3)) + '\n';
            if (buf.size() > (1 << 20)) {
                c.copyPut(buf.data(), buf.size());
                buf.clear();
            }
        }
        if (!buf.empty())
            c.copyPut(buf.data(), buf.size());
    }
    c.copyEnd();
    for (int i = 0; i < useFks.rows(); ++i) // definitions from the server's catalogue
        c.execScript("ALTER TABLE parcel_landuse ADD CONSTRAINT " + c.quoteIdent(useFks.text(i, 0)) + " " +
                     useFks.text(i, 1));
    if (!firstLoad) {
        c.execScript("CREATE TEMP TABLE vnland_ids ON COMMIT DROP AS"
                     " SELECT uuid, sid AS id FROM vnland_match UNION ALL SELECT uuid, id FROM vnland_new;"
                     "ANALYZE vnland_ids; ANALYZE vnland_use;"
                     "CREATE TEMP TABLE vnland_use_diff ON COMMIT DROP AS"
                     " WITH srv AS (SELECT i.uuid, l.code, l.area, l.is_main FROM parcel_landuse l"
                     "              JOIN vnland_ids i ON i.id = l.parcel_id),"
                     " d AS ((SELECT * FROM vnland_use EXCEPT ALL SELECT * FROM srv)"
                     "       UNION (SELECT * FROM srv EXCEPT ALL SELECT * FROM vnland_use))"
                     " SELECT DISTINCT i.id FROM d JOIN vnland_ids i ON i.uuid = d.uuid WHERE i.id IS NOT NULL;"
                     "DELETE FROM parcel_landuse WHERE parcel_id IN (SELECT id FROM vnland_use_diff);"
                     "INSERT INTO parcel_landuse (parcel_id, code, area, is_main)"
                     " SELECT i.id, u.code, u.area, u.is_main FROM vnland_use u JOIN vnland_ids i ON i.uuid = u.uuid"
                     " WHERE i.id IN (SELECT id FROM vnland_use_diff)");
    }

    const std::string source = "publish " + project.path();
    if (updated > 0)
        c.exec("INSERT INTO change_log(parcel_uuid, action, detail, source)"
               " SELECT p.uuid, 'publish_update', NULL, $1 FROM parcel p JOIN vnland_changed ch ON ch.sid = p.id",
               Params().add(source));
    if (inserted > 0)
        c.exec("INSERT INTO change_log(action, detail, source) VALUES ('publish_insert', $1, $2)",
               Params().add(std::to_string(inserted) + " parcels").add(source));
    tx.commit();
    report.count("parcels read", rows);
    report.count("inserted", inserted);
    report.count("updated", updated);
    report.count("unchanged", rows - inserted - updated);
    return report;
}

} // namespace vnland::postgis
