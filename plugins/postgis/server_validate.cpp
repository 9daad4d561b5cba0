// vnland validate-server: the overlap/gap rules (or others) across sheet and
// commune borders on the server's data. The extent is cut into tiles holding
// about options.batchSize live parcels (a quadtree on GiST-indexed counts);
// each tile's parcels, plus a margin around it, are streamed into the core
// engine one batch at a time, so memory stays bounded by the batch. A finding
// belongs to the tile holding the centre of its location, so none is counted
// twice.
#include "pg_connection.h"
#include "local_rows.h"
#include "pg_schema.h"
#include "sync_ops.h"

#include "geom/geos_context.h"
#include "topology/topology_engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace vnland::postgis {
namespace {

struct Tile {
    double minX, minY, maxX, maxY;
};

} // namespace

plugin::SyncReport validateServerData(const std::string &conninfo, const plugin::SyncOptions &options)
{
    plugin::SyncReport report;
    const std::string schema = schemaName(options);
    Connection c(conninfo);
    const int srid = openSchema(c, schema);
    topology::EngineOptions engine;
    std::string error;
    const std::string rules = options.rules.isEmpty() ? std::string("overlap,gap") : options.rules.join(',').toStdString();
    if (!topology::parseRuleList(rules, engine.rules, &error))
        throw PgError("--rules: " + error);
    const int batch = std::max(100, options.batchSize);
    const double margin = 50.0; // metres around a tile: a finding near its edge still sees all its parcels

    Result ext = c.exec("SELECT n, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM"
                        " (SELECT ST_Extent(geom) AS e, count(*) AS n FROM parcel WHERE end_time IS NULL) x");
    if (ext.rows() == 0 || ext.isNull(0, 1)) {
        report.count("parcels", 0);
        return report;
    }
    const Tile all{ext.real(0, 1), ext.real(0, 2), ext.real(0, 3) + 1e-6, ext.real(0, 4) + 1e-6};
    const std::string inBox = "end_time IS NULL AND geom && ST_MakeEnvelope($1, $2, $3, $4, $5)";
    auto boxParams = [&](const Tile &t, double m) {
        return Params().add(t.minX - m).add(t.minY - m).add(t.maxX + m).add(t.maxY + m).add(srid);
    };

    // Quadtree of tiles small enough for one batch.
    std::vector<Tile> tiles;
    std::function<void(const Tile &, int)> split = [&](const Tile &t, int depth) {
        const long long n = c.exec("SELECT count(*) FROM parcel WHERE " + inBox, boxParams(t, 0)).integer(0, 0);
        if (n == 0)
            return;
        if (n <= batch || depth >= 14) {
            tiles.push_back(t);
            return;
        }
        const double mx = (t.minX + t.maxX) / 2, my = (t.minY + t.maxY) / 2;
        split({t.minX, t.minY, mx, my}, depth + 1);
        split({mx, t.minY, t.maxX, my}, depth + 1);
        split({t.minX, my, mx, t.maxY}, depth + 1);
        split({mx, my, t.maxX, t.maxY}, depth + 1);
    };
    split(all, 0);

    std::map<std::string, std::string> found; // signature -> line
    std::map<std::string, long long> perRule;
    long long fetched = 0;
    size_t largest = 0;
    for (size_t k = 0; k < tiles.size(); ++k) {
        const Tile &t = tiles[k];
        Result r = c.exec("SELECT id, uuid, object_kind, commune_code, to_so, thua_so, encode(ST_AsBinary(geom), 'hex')"
                          " FROM parcel WHERE " + inBox,
                          boxParams(t, margin));
        std::vector<model::Parcel> parcels(static_cast<size_t>(r.rows()));
        for (int i = 0; i < r.rows(); ++i) {
            model::Parcel &p = parcels[static_cast<size_t>(i)];
            p.id = r.integer(i, 0);
            p.uuid = r.text(i, 1);
            p.objectKind = r.text(i, 2);
            p.communeCode = r.text(i, 3);
            if (!r.isNull(i, 4))
                p.toSo = static_cast<int>(r.integer(i, 4));
            if (!r.isNull(i, 5))
                p.thuaSo = static_cast<int>(r.integer(i, 5));
            if (!r.isNull(i, 6))
                p.wkb = fromHex(r.raw(i, 6), static_cast<size_t>(r.length(i, 6)));
        }
        fetched += r.rows();
        largest = std::max(largest, parcels.size());
        topology::ValidationContext context; // no sheet frames: holes of the coverage only
        const topology::ValidationReport rep = topology::validate(parcels, context, engine);
        for (const auto &issue : rep.issues) {
            // Location centre decides the tile that owns the finding.
            double cx = NAN, cy = NAN;
            geom::GeomPtr g = issue.geometryWkb.empty() ? nullptr
                                                        : geom::fromWkb(issue.geometryWkb.data(), issue.geometryWkb.size());
            if (g) {
                const geom::Envelope e = geom::envelope(g.get());
                cx = (e.minX + e.maxX) / 2;
                cy = (e.minY + e.maxY) / 2;
            }
            if (!std::isnan(cx) && (cx < t.minX || cx >= t.maxX || cy < t.minY || cy >= t.maxY))
                continue;
            std::vector<std::string> uuids = issue.parcelUuids;
            std::sort(uuids.begin(), uuids.end());
            std::string sig = topology::ruleId(issue.rule);
            for (const auto &u : uuids)
                sig += "|" + u;
            if (found.count(sig))
                continue;
            ++perRule[topology::ruleId(issue.rule)];
            char measure[64];
            std::snprintf(measure, sizeof measure, "%.3f %s", issue.measure, topology::measureUnit(issue.rule));
            std::string line = std::string(topology::ruleId(issue.rule)) + "\t" + measure + "\t";
            for (size_t i = 0; i < uuids.size(); ++i)
                line += (i ? "," : "") + uuids[i];
            found[sig] = line + "\t" + issue.message;
        }
        if (options.progress)
            options.progress(QStringLiteral("batch %1/%2: %3 parcels").arg(k + 1).arg(tiles.size()).arg(parcels.size()));
    }
    for (const auto &[sig, line] : found)
        report.findings << QString::fromStdString(line);
    report.count("parcels", ext.integer(0, 0));
    report.count("batches", static_cast<qint64>(tiles.size()));
    report.count("largest batch", static_cast<qint64>(largest));
    report.count("parcels fetched (with margins)", fetched);
    for (const auto &[rule, n] : perRule)
        report.count(QString::fromStdString(rule), n);
    report.count("issues", static_cast<qint64>(found.size()));
    report.status = found.empty() ? 0 : 1;
    return report;
}

} // namespace vnland::postgis
