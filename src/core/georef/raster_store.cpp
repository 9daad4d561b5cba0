// raster_layer / gcp rows of a project.
#include "georef/raster_store.h"

#include "store/database.h"
#include "store/project.h"

#include <cstdio>
#include <sstream>

namespace vnland::georef {

namespace {

std::string gtText(const std::array<double, 6> &g)
{
    std::string s;
    for (int i = 0; i < 6; ++i)
        s += (i ? "," : "") + formatDouble(g[i]);
    return s;
}

std::optional<std::array<double, 6>> parseGt(const std::optional<std::string> &s)
{
    if (!s)
        return std::nullopt;
    std::array<double, 6> g{};
    std::istringstream in(*s);
    std::string item;
    for (int i = 0; i < 6; ++i) {
        if (!std::getline(in, item, ','))
            return std::nullopt;
        g[i] = std::stod(item);
    }
    return g;
}

RasterRecord readRecord(store::Statement &q)
{
    RasterRecord r;
    r.id = q.int64(0);
    r.name = q.text(1);
    r.path = q.text(2);
    r.kind = q.text(3);
    if (!q.isNull(4))
        r.sourceId = q.int64(4);
    r.sheetId = q.optText(5).value_or("");
    r.scale = q.isNull(6) ? 0 : q.integer(6);
    r.srid = q.isNull(7) ? 0 : q.integer(7);
    r.width = q.isNull(8) ? 0 : q.integer(8);
    r.height = q.isNull(9) ? 0 : q.integer(9);
    r.geoTransform = parseGt(q.optText(10));
    r.transform = q.optText(11).value_or("");
    r.resampling = q.optText(12).value_or("");
    r.gcpsEnabled = q.isNull(13) ? 0 : q.integer(13);
    r.meanError = q.optReal(14);
    r.maxError = q.optReal(15);
    r.tolerance = q.optReal(16);
    return r;
}

constexpr const char *kColumns = "id, name, path, kind, source_id, sheet_id, scale, srid, width, height, geotransform, "
                                 "transform, resampling, gcps_enabled, mean_error, max_error, tolerance";

} // namespace

int64_t registerRaster(store::Project &project, const RasterRecord &rec)
{
    auto &db = project.db();
    store::Transaction tx(db);
    const auto existing = findRaster(project, rec.path, rec.kind);
    std::optional<std::string> footprint;
    if (rec.geoTransform && rec.width > 0 && rec.height > 0) {
        const auto &g = *rec.geoTransform;
        auto pt = [&](double u, double v) {
            return formatDouble(g[0] + g[1] * u + g[2] * v) + " " + formatDouble(g[3] + g[4] * u + g[5] * v);
        };
        const double w = rec.width, h = rec.height;
        footprint = "POLYGON((" + pt(0, 0) + "," + pt(0, h) + "," + pt(w, h) + "," + pt(w, 0) + "," + pt(0, 0) + "))";
    }
    const std::string sql = existing
        ? "UPDATE raster_layer SET name=?1, path=?2, kind=?3, source_id=?4, sheet_id=?5, scale=?6, srid=?7, width=?8, "
          "height=?9, geotransform=?10, transform=?11, resampling=?12, gcps_enabled=?13, mean_error=?14, max_error=?15, "
          "tolerance=?16, footprint=GeomFromText(?17, ?18) WHERE id=?19"
        : "INSERT INTO raster_layer (name, path, kind, source_id, sheet_id, scale, srid, width, height, geotransform, "
          "transform, resampling, gcps_enabled, mean_error, max_error, tolerance, footprint) VALUES (?1, ?2, ?3, ?4, ?5, "
          "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, GeomFromText(?17, ?18))";
    store::Statement st(db, sql);
    auto optInt = [](int v) { return v ? std::optional<int>(v) : std::nullopt; };
    auto optStr = [](const std::string &v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
    st.bind(1, rec.name).bind(2, rec.path).bind(3, rec.kind).bind(4, rec.sourceId).bind(5, optStr(rec.sheetId));
    st.bind(6, optInt(rec.scale)).bind(7, optInt(rec.srid)).bind(8, optInt(rec.width)).bind(9, optInt(rec.height));
    st.bind(10, rec.geoTransform ? std::optional<std::string>(gtText(*rec.geoTransform)) : std::nullopt);
    st.bind(11, optStr(rec.transform)).bind(12, optStr(rec.resampling)).bind(13, rec.gcpsEnabled);
    st.bind(14, rec.meanError).bind(15, rec.maxError).bind(16, rec.tolerance);
    st.bind(17, footprint).bind(18, project.srid());
    if (existing)
        st.bind(19, existing->id);
    st.exec();
    const int64_t id = existing ? existing->id : db.lastInsertId();
    tx.commit();
    return id;
}

std::optional<RasterRecord> findRaster(store::Project &project, const std::string &path, const std::string &kind)
{
    store::Statement q(project.db(), std::string("SELECT ") + kColumns
                                         + " FROM raster_layer WHERE path = ?1 AND kind = ?2 ORDER BY id LIMIT 1");
    q.bind(1, path).bind(2, kind);
    if (!q.step())
        return std::nullopt;
    return readRecord(q);
}

std::vector<RasterRecord> listRasters(store::Project &project)
{
    std::vector<RasterRecord> out;
    store::Statement q(project.db(), std::string("SELECT ") + kColumns + " FROM raster_layer ORDER BY id");
    while (q.step())
        out.push_back(readRecord(q));
    return out;
}

void saveGcps(store::Project &project, int64_t rasterId, const GcpSet &gcps)
{
    auto &db = project.db();
    store::Transaction tx(db);
    store::Statement del(db, "DELETE FROM gcp WHERE raster_id = ?1");
    del.bind(1, rasterId).exec();
    store::Statement ins(db, "INSERT INTO gcp (raster_id, seq, label, map_x, map_y, pixel_x, pixel_y, enabled, confidence) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    int seq = 0;
    for (const Gcp &g : gcps.points()) {
        ins.bind(1, rasterId).bind(2, ++seq).bind(3, g.id).bind(4, g.mapX).bind(5, g.mapY).bind(6, g.pixelX);
        ins.bind(7, g.pixelY).bind(8, g.enabled ? 1 : 0);
        ins.bind(9, g.confidence >= 0 ? std::optional<double>(g.confidence) : std::nullopt);
        ins.exec();
    }
    tx.commit();
}

GcpSet loadGcps(store::Project &project, int64_t rasterId)
{
    GcpSet set;
    store::Statement q(project.db(), "SELECT label, map_x, map_y, pixel_x, pixel_y, enabled, confidence FROM gcp "
                                     "WHERE raster_id = ?1 ORDER BY seq");
    q.bind(1, rasterId);
    while (q.step()) {
        Gcp g;
        g.id = q.optText(0).value_or("");
        g.mapX = q.real(1);
        g.mapY = q.real(2);
        g.pixelX = q.real(3);
        g.pixelY = q.real(4);
        g.enabled = q.integer(5) != 0;
        g.confidence = q.optReal(6).value_or(-1);
        set.add(g);
    }
    return set;
}

} // namespace vnland::georef
