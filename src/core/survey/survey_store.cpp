// Storing survey data: CRS handling, survey_point/survey_line rows, parcels.
#include "survey/survey_store.h"

#include "crs/proj_context.h"
#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "store/parcel_store.h"
#include "store/reference_data.h"
#include "store/project.h"

#include <proj.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <set>

namespace vnland::survey {
namespace {

/// A SpatiaLite geometry BLOB of a 2D point (little endian): start 0x00,
/// order 0x01, SRID, MBR, 0x7C, class 1 (POINT), x, y, end 0xFE.
void spatialitePointBlob(unsigned char *out, int srid, double x, double y)
{
    auto put32 = [](unsigned char *p, int32_t v) { std::memcpy(p, &v, 4); };
    auto putD = [](unsigned char *p, double v) { std::memcpy(p, &v, 8); };
    static_assert(std::endian::native == std::endian::little, "SpatiaLite blobs are written little endian");
    out[0] = 0x00;
    out[1] = 0x01;
    put32(out + 2, srid);
    putD(out + 6, x);
    putD(out + 14, y);
    putD(out + 22, x);
    putD(out + 30, y);
    out[38] = 0x7C;
    put32(out + 39, 1);
    putD(out + 43, x);
    putD(out + 51, y);
    out[59] = 0xFE;
}

/// Sorts points along a Morton curve over their bounding box.
void spatialSort(std::vector<SurveyPoint> &points)
{
    if (points.size() < 2)
        return;
    double minE = points[0].east, maxE = minE, minN = points[0].north, maxN = minN;
    for (const auto &p : points) {
        minE = std::min(minE, p.east);
        maxE = std::max(maxE, p.east);
        minN = std::min(minN, p.north);
        maxN = std::max(maxN, p.north);
    }
    const double sx = maxE > minE ? 65535.0 / (maxE - minE) : 0, sy = maxN > minN ? 65535.0 / (maxN - minN) : 0;
    auto spread = [](uint32_t v) {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        v = (v | (v << 1)) & 0x55555555;
        return v;
    };
    std::vector<std::pair<uint32_t, uint32_t>> keys(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const auto x = static_cast<uint32_t>((points[i].east - minE) * sx);
        const auto y = static_cast<uint32_t>((points[i].north - minN) * sy);
        keys[i] = {spread(x) | (spread(y) << 1), static_cast<uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end());
    std::vector<SurveyPoint> sorted;
    sorted.reserve(points.size());
    for (const auto &k : keys)
        sorted.push_back(std::move(points[k.second]));
    points = std::move(sorted);
}

} // namespace

bool toProjectCrs(store::Project &project, std::vector<SurveyPoint> &points, bool geographic,
                  const std::string &sourceCrs, std::vector<RejectedLine> &rejected, std::string *operation,
                  std::string *usedCrs, std::string *error)
{
    const std::string target = "EPSG:" + std::to_string(project.srid());
    std::string source = sourceCrs.empty() ? (geographic ? std::string("EPSG:4326") : target) : sourceCrs;
    if (usedCrs)
        *usedCrs = source;
    if (source == target)
        return true;
    std::string err;
    const crs::Transformer *t = crs::Transformer::cached(source, target, &err);
    if (!t) {
        *error = "cannot transform from " + source + " to " + target + ": " + err;
        return false;
    }
    if (operation)
        *operation = t->description();
    // x = easting/longitude, y = northing/latitude.
    std::vector<double> x(points.size()), y(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        x[i] = points[i].east;
        y[i] = points[i].north;
    }
    t->transform(x.data(), y.data(), points.size());
    size_t kept = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || x[i] == HUGE_VAL || y[i] == HUGE_VAL) {
            rejected.push_back({points[i].line, points[i].name, "the point cannot be transformed to " + target});
            continue;
        }
        points[i].east = x[i];
        points[i].north = y[i];
        if (kept != i)
            points[kept] = std::move(points[i]);
        ++kept;
    }
    points.resize(kept);
    return true;
}

SurveyImportResult storeSurvey(store::Project &project, const std::string &source, SurveyData data,
                               const SurveyImportOptions &options)
{
    namespace fs = std::filesystem;
    SurveyImportResult res;
    SurveyImportReport &rep = res.report;
    rep.source = source;
    rep.format = data.format;
    rep.layout = data.layout;
    rep.warnings = std::move(data.warnings);
    rep.rejected = std::move(data.rejected);
    // Coordinates that are not finite numbers (a NaN text in a drawing, an
    // overflowing reduction) reject their line; they never reach the
    // NOT NULL columns.
    {
        auto finite = [](double v) { return std::isfinite(v); };
        size_t kept = 0;
        for (size_t i = 0; i < data.points.size(); ++i) {
            const SurveyPoint &p = data.points[i];
            if (!finite(p.north) || !finite(p.east) || (p.height && !finite(*p.height))) {
                rep.rejected.push_back({p.line, p.name, "point '" + p.name + "': coordinates are not finite numbers"});
                continue;
            }
            if (kept != i)
                data.points[kept] = std::move(data.points[i]);
            ++kept;
        }
        data.points.resize(kept);
        std::erase_if(data.lines, [&](const SurveyLine &l) {
            for (const auto &[e, n] : l.eastNorth)
                if (!finite(e) || !finite(n)) {
                    rep.rejected.push_back({0, l.code, "line " + l.code + ": a vertex is not a finite number"});
                    return true;
                }
            return false;
        });
    }
    if (!toProjectCrs(project, data.points, data.geographic, options.sourceCrs, rep.rejected, &rep.operation,
                      &rep.sourceCrs, &res.error)) {
        res.error = source + ": " + res.error;
        return res;
    }
    if (data.drawing) {
        rep.parcels = std::move(*data.drawing);
        for (auto &l : rep.parcels.lines)
            data.lines.push_back(l);
    } else if (options.buildParcels) {
        std::vector<BuildIssue> issues;
        auto lines = boundaryLines(data.points, data.connections, options.parcels, issues);
        rep.parcels = buildParcels(lines, data.points, options.parcels);
        rep.parcels.issues.insert(rep.parcels.issues.begin(), issues.begin(), issues.end());
        for (auto &l : rep.parcels.lines)
            data.lines.push_back(l);
    }
    // A file of which nothing can be stored is bad input, not an import of
    // nothing: no import_log row, the project stays as it was.
    const bool anyLine = std::any_of(data.lines.begin(), data.lines.end(),
                                     [](const SurveyLine &l) { return l.eastNorth.size() >= 2; });
    if (data.points.empty() && !anyLine && rep.parcels.parcels.empty()) {
        res.error = source + ": nothing to import ("
                  + (rep.rejected.empty() ? std::string("no points, lines or parcels")
                                          : "0 points; " + std::to_string(rep.rejected.size()) + " line(s) rejected")
                  + ") — the project is unchanged";
        return res;
    }
    const std::string absSource = fs::absolute(source).string();
    store::Database &db = project.db();
    try {
        store::Transaction tx(db);
        {
            store::Statement log(db, "INSERT INTO import_log(started, source, driver, source_crs, operation)"
                                     " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?)");
            log.bind(1, absSource).bind(2, "survey:" + data.format).bind(3, rep.sourceCrs).bind(4, rep.operation).exec();
            rep.importId = db.lastInsertId();
        }
        // The R*Tree triggers cost more than the insert itself: a bulk load
        // drops the index and rebuilds it once (same transaction).
        const int64_t existing = db.queryInt("SELECT count(*) FROM survey_point").value_or(0);
        const bool bulk = data.points.size() > 2000 && static_cast<int64_t>(data.points.size()) > existing / 4;
        if (bulk) {
            // R*Tree building is several times faster on spatially ordered
            // input; rows go in along a Morton (Z-order) curve. The file
            // order stays in source_line.
            spatialSort(data.points);
            db.exec("SELECT DisableSpatialIndex('survey_point', 'geom')");
            db.exec("DROP TABLE IF EXISTS idx_survey_point_geom");
            db.exec("DROP INDEX IF EXISTS survey_point_import");
        }
        {
            // The geometry goes in as a SpatiaLite BLOB built here: no SQL
            // function call per row. The full path is in import_log.source.
            store::Statement ins(db, "INSERT INTO survey_point(name, code, kind, x_north, y_east, height, source_file,"
                                     " source_line, import_id, geom) VALUES (?,?,?,?,?,?,?,?,?,?)");
            const int srid = project.srid();
            const std::string fileName = fs::path(source).filename().string();
            unsigned char blob[60];
            for (const SurveyPoint &p : data.points) {
                ins.bind(1, p.name);
                if (p.code.empty())
                    ins.bind(2, nullptr);
                else
                    ins.bind(2, p.code);
                ins.bind(3, p.kind).bind(4, p.north).bind(5, p.east).bind(6, p.height).bind(7, fileName);
                spatialitePointBlob(blob, srid, p.east, p.north);
                ins.bind(8, p.line).bind(9, rep.importId).bindBlob(10, blob, sizeof blob);
                ins.exec();
                ++rep.pointsImported;
            }
        }
        if (bulk) {
            if (db.queryInt("SELECT CreateSpatialIndex('survey_point', 'geom')").value_or(0) != 1)
                throw store::DbError(project.path() + ": cannot rebuild the spatial index of the survey points");
            db.exec("CREATE INDEX survey_point_import ON survey_point (import_id, name)");
        }
        {
            store::Statement ins(db, "INSERT INTO survey_line(code, kind, from_name, to_name, source_file, import_id, geom)"
                                     " VALUES (?,?,?,?,?,?, GeomFromWKB(?, ?))");
            for (const SurveyLine &l : data.lines) {
                if (l.eastNorth.size() < 2)
                    continue;
                std::vector<unsigned char> wkb;
                {
                    GEOSContextHandle_t h = geom::ctx();
                    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(l.eastNorth.size()), 2);
                    for (size_t i = 0; i < l.eastNorth.size(); ++i)
                        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), l.eastNorth[i].first, l.eastNorth[i].second);
                    geom::GeomPtr g(GEOSGeom_createLineString_r(h, seq));
                    wkb = geom::toWkb(g.get());
                }
                ins.bind(1, l.code).bind(2, l.kind).bind(3, l.fromName).bind(4, l.toName).bind(5, absSource);
                ins.bind(6, rep.importId).bindBlob(7, wkb.data(), wkb.size()).bind(8, project.srid());
                ins.exec();
                ++rep.linesImported;
            }
        }
        if (!rep.parcels.parcels.empty()) {
            // The checks of the normal import path: identity (commune, tờ,
            // thửa) against live parcels and within the file, land-use code,
            // geometry validity — flagged, never rejected.
            std::set<std::string> identities;
            {
                store::Statement st(db, "SELECT commune_code, to_so, thua_so FROM parcel WHERE end_time IS NULL AND"
                                        " identity_conflict = 0 AND thua_so IS NOT NULL");
                while (st.step())
                    identities.insert(st.text(0) + "/" + st.text(1) + "/" + st.text(2));
            }
            const auto &codes = store::landuseCodes();
            auto addFlag = [](std::string &flags, const std::string &f) {
                if (flags.find(f) == std::string::npos)
                    flags += (flags.empty() ? "" : ",") + f;
            };
            store::ParcelWriter writer(project);
            std::set<std::string> communes;
            for (model::Parcel &p : rep.parcels.parcels) {
                if (p.thuaSo) {
                    const std::string key = p.communeCode + "/" + (p.toSo ? std::to_string(*p.toSo) : "") + "/"
                                          + std::to_string(*p.thuaSo);
                    if (!identities.insert(key).second)
                        addFlag(p.flags, "duplicate_number");
                }
                if (p.landuseCode.empty())
                    addFlag(p.flags, "missing_landuse");
                else if (!codes.count(p.landuseCode) && p.landuseCode != "OTC")
                    addFlag(p.flags, "unknown_landuse");
                if (geom::GeomPtr g = geom::fromWkb(p.wkb.data(), p.wkb.size()); !g || !geom::isValid(g.get()))
                    addFlag(p.flags, "invalid_geometry");
                writer.insert(p, rep.importId);
                if (!p.communeCode.empty())
                    communes.insert(p.communeCode);
                ++rep.parcelsImported;
            }
            for (const auto &c : communes)
                project.ensureCommune(c);
        }
        {
            store::Statement log(db, "UPDATE import_log SET finished = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
                                     " features_in = ?, imported = ?, rejected = ? WHERE id = ?");
            log.bind(1, rep.pointsImported + static_cast<int64_t>(rep.rejected.size()))
                .bind(2, rep.pointsImported)
                .bind(3, static_cast<int64_t>(rep.rejected.size()))
                .bind(4, rep.importId)
                .exec();
            store::Statement ch(db, "INSERT INTO change_log(action, detail, source) VALUES ('import-survey', ?, ?)");
            ch.bind(1, std::to_string(rep.pointsImported) + " survey points, " + std::to_string(rep.parcelsImported)
                           + " parcels imported, " + std::to_string(rep.rejected.size()) + " lines rejected")
                .bind(2, absSource)
                .exec();
        }
        tx.commit();
    } catch (const std::exception &e) {
        res.error = std::string(e.what()) + " — the import was rolled back; the project is unchanged";
        return res;
    }
    res.ok = true;
    return res;
}

std::string SurveyImportReport::toText() const
{
    std::string out;
    char buf[256];
    out += "Source: " + source + " (" + format + (layout.empty() ? "" : ", " + layout) + ")\n";
    if (!sourceCrs.empty())
        out += "Source CRS: " + sourceCrs + "\n";
    if (!operation.empty())
        out += "Operation: " + operation + "\n";
    std::snprintf(buf, sizeof buf, "Survey points imported: %lld, lines: %lld, rejected lines: %zu\n",
                  static_cast<long long>(pointsImported), static_cast<long long>(linesImported), rejected.size());
    out += buf;
    for (const auto &w : warnings)
        out += "warning: " + w + "\n";
    for (const auto &r : rejected)
        out += source + (r.line > 0 ? ":" + std::to_string(r.line) : std::string()) + ": " + r.reason + "\n";
    if (!parcels.parcels.empty() || !parcels.issues.empty()) {
        double total = 0;
        for (const auto &p : parcels.parcels)
            total += p.measuredArea.value_or(0);
        std::snprintf(buf, sizeof buf, "Parcels built: %lld, total area %.2f m²\n",
                      static_cast<long long>(parcelsImported), total);
        out += buf;
        for (const auto &i : parcels.issues)
            out += "issue (" + i.kind + "): " + i.message + "\n";
    }
    return out;
}

} // namespace vnland::survey
