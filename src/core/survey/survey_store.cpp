// Storing survey data: CRS handling, survey_point/survey_line rows, parcels.
#include "survey/survey_store.h"

#include "crs/proj_context.h"
#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <proj.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace vnland::survey {

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
            db.exec("SELECT DisableSpatialIndex('survey_point', 'geom')");
            db.exec("DROP TABLE IF EXISTS idx_survey_point_geom");
        }
        {
            store::Statement ins(db, "INSERT INTO survey_point(name, code, kind, x_north, y_east, height, source_file,"
                                     " source_line, import_id, geom) VALUES (?,?,?,?,?,?,?,?,?, MakePoint(?, ?, ?))");
            const int srid = project.srid();
            for (const SurveyPoint &p : data.points) {
                ins.bind(1, p.name);
                if (p.code.empty())
                    ins.bind(2, nullptr);
                else
                    ins.bind(2, p.code);
                ins.bind(3, p.kind).bind(4, p.north).bind(5, p.east).bind(6, p.height).bind(7, absSource);
                ins.bind(8, p.line).bind(9, rep.importId).bind(10, p.east).bind(11, p.north).bind(12, srid);
                ins.exec();
                ++rep.pointsImported;
            }
        }
        if (bulk && db.queryInt("SELECT CreateSpatialIndex('survey_point', 'geom')").value_or(0) != 1)
            throw store::DbError(project.path() + ": cannot rebuild the spatial index of the survey points");
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
            store::ParcelWriter writer(project);
            if (!options.parcels.communeCode.empty())
                project.ensureCommune(options.parcels.communeCode);
            for (const model::Parcel &p : rep.parcels.parcels) {
                writer.insert(p, rep.importId);
                ++rep.parcelsImported;
            }
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
        out += source + ": line " + std::to_string(r.line) + ": " + r.reason + "\n";
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
