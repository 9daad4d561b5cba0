// Storing and exporting validation results.
#include "topology/validation_store.h"

#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "topology/rule_checks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vnland::topology {
namespace {

std::string joinIds(const std::vector<int64_t> &ids)
{
    std::string s;
    for (size_t k = 0; k < ids.size(); ++k)
        s += (k ? "," : "") + std::to_string(ids[k]);
    return s;
}

std::string joinText(const std::vector<std::string> &v)
{
    std::string s;
    for (size_t k = 0; k < v.size(); ++k)
        s += (k ? "," : "") + v[k];
    return s;
}

std::string issueKey(const std::string &rule, const std::string &uuids, const std::string &detail)
{
    return rule + "|" + uuids + "|" + detail;
}

std::string ruleList(const std::vector<Rule> &rules)
{
    std::string s;
    for (size_t k = 0; k < rules.size(); ++k)
        s += (k ? "," : "") + std::string(ruleId(rules[k]));
    return s;
}

QJsonObject detailObject(const std::string &detail)
{
    if (detail.empty())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(detail)).object();
}

std::string wktOf(const std::vector<unsigned char> &wkb)
{
    if (wkb.empty())
        return {};
    auto g = geom::fromWkb(wkb.data(), wkb.size());
    return g ? geom::toWkt(g.get(), 3) : std::string();
}

} // namespace

ValidationReport validateProject(store::Project &project, const EngineOptions &options)
{
    ensureValidationData(project);
    ValidationContext context = ValidationContext::load(project);
    const std::vector<model::Parcel> parcels =
        store::loadParcels(project, store::ParcelFilter::allUnsorted(), &context.damagedGeometries);
    return validate(parcels, context, options);
}

SaveResult saveReport(store::Project &project, const ValidationReport &report)
{
    auto &db = project.db();
    SaveResult result;
    store::Transaction tx(db);
    {
        store::Statement run(db, "INSERT INTO validation_run(mode, rules, parcels, issues, cancelled, finished)"
                                 " VALUES (?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        run.bind(1, report.incremental ? "incremental" : "full")
            .bind(2, ruleList(report.rulesRun))
            .bind(3, static_cast<int64_t>(report.parcelsExamined))
            .bind(4, static_cast<int64_t>(report.issues.size()))
            .bind(5, report.cancelled ? 1 : 0);
        run.exec();
        result.runId = db.lastInsertId();
    }
    // Exceptions an officer accepted stay accepted.
    std::set<std::string> exceptions;
    {
        store::Statement st(db, "SELECT rule, parcel_uuids, coalesce(detail, '') FROM validation_issue WHERE status = 'exception'");
        while (st.step())
            exceptions.insert(issueKey(st.text(0), st.text(1), st.text(2)));
    }
    // Replace the pending issues this run re-examined.
    {
        const std::set<int64_t> examined(report.examinedIds.begin(), report.examinedIds.end());
        store::Statement sel(db, "SELECT id, parcel_ids FROM validation_issue WHERE status = 'pending' AND rule = ?");
        store::Statement del(db, "DELETE FROM validation_issue WHERE id = ?");
        for (Rule r : report.rulesRun) {
            std::vector<int64_t> drop;
            sel.bind(1, ruleId(r));
            while (sel.step()) {
                if (!report.incremental) {
                    drop.push_back(sel.int64(0));
                    continue;
                }
                std::stringstream ss(sel.text(1));
                std::string item;
                while (std::getline(ss, item, ','))
                    if (!item.empty() && examined.count(std::stoll(item))) {
                        drop.push_back(sel.int64(0));
                        break;
                    }
            }
            sel.reset();
            for (int64_t id : drop)
                del.bind(1, id).exec();
        }
    }
    store::Statement ins(db, "INSERT INTO validation_issue(run_id, rule, severity, parcel_id, parcel_ids, parcel_uuids,"
                             " measure, unit, message, detail, status, geom)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?, GeomFromWKB(?, ?))");
    for (const Issue &issue : report.issues) {
        const std::string uuids = joinText(issue.parcelUuids);
        const bool isException = exceptions.count(issueKey(ruleId(issue.rule), uuids, issue.detail)) > 0;
        // An accepted exception is not inserted again: the existing row already records it.
        if (isException) {
            ++result.exceptions;
            continue;
        }
        ++result.pending;
        ins.bind(1, result.runId).bind(2, ruleId(issue.rule)).bind(3, severityId(issue.severity));
        issue.parcelIds.empty() ? ins.bind(4, nullptr) : ins.bind(4, issue.parcelIds.front());
        ins.bind(5, joinIds(issue.parcelIds)).bind(6, uuids).bind(7, issue.measure).bind(8, measureUnit(issue.rule));
        ins.bind(9, issue.message).bind(10, issue.detail).bind(11, "pending");
        if (issue.geometryWkb.empty())
            ins.bind(12, nullptr);
        else
            ins.bindBlob(12, issue.geometryWkb.data(), issue.geometryWkb.size());
        ins.bind(13, project.srid());
        ins.exec();
    }
    tx.commit();
    return result;
}

bool setIssueStatus(store::Project &project, int64_t issueId, const std::string &status, const std::string &note)
{
    if (status != "pending" && status != "fixed" && status != "exception")
        return false;
    store::Statement st(project.db(), "UPDATE validation_issue SET status = ?, status_note = ?,"
                                      " status_time = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    st.bind(1, status).bind(2, note).bind(3, issueId);
    st.exec();
    return project.db().changes() > 0;
}

std::string summaryText(const ValidationReport &report)
{
    std::ostringstream out;
    for (Rule r : report.rulesRun) {
        const auto &info = ruleInfo(r);
        out << "  " << info.id << std::string(20 - std::min<size_t>(19, std::string(info.id).size()), ' ')
            << report.count(r) << "  " << info.nameVi << "\n";
    }
    out << "  tổng cộng: " << report.issues.size() << " lỗi trên " << report.parcelsExamined << " đối tượng ("
        << detail::fmt(report.seconds, 2) << " s)" << (report.cancelled ? " — đã huỷ" : "") << "\n";
    return out.str();
}

bool writeJson(const std::string &path, const ValidationReport &report, const ExportOptions &options, std::string *error)
{
    QJsonObject root;
    root["project"] = QString::fromStdString(options.projectPath);
    root["run_id"] = static_cast<qint64>(options.runId);
    root["epsg"] = options.epsg;
    root["mode"] = report.incremental ? "incremental" : "full";
    root["cancelled"] = report.cancelled;
    root["parcels_examined"] = static_cast<qint64>(report.parcelsExamined);
    root["seconds"] = report.seconds;
    QJsonObject summary;
    QJsonArray rules;
    for (Rule r : report.rulesRun) {
        rules.append(ruleId(r));
        summary[ruleId(r)] = static_cast<qint64>(report.count(r));
    }
    root["rules"] = rules;
    root["summary"] = summary;
    root["issue_count"] = static_cast<qint64>(report.issues.size());
    QJsonArray issues;
    for (const Issue &i : report.issues) {
        QJsonObject o;
        o["rule"] = ruleId(i.rule);
        o["severity"] = severityId(i.severity);
        QJsonArray ids, uuids;
        for (auto id : i.parcelIds)
            ids.append(static_cast<qint64>(id));
        for (const auto &u : i.parcelUuids)
            uuids.append(QString::fromStdString(u));
        o["parcel_ids"] = ids;
        o["parcel_uuids"] = uuids;
        o["measure"] = i.measure;
        o["unit"] = measureUnit(i.rule);
        o["message"] = QString::fromStdString(i.message);
        o["detail"] = detailObject(i.detail);
        o["wkt"] = QString::fromStdString(wktOf(i.geometryWkb));
        issues.append(o);
    }
    root["issues"] = issues;
    std::ofstream f(path, std::ios::binary);
    if (!f) {
        if (error)
            *error = path + ": cannot write the file";
        return false;
    }
    f << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
    return static_cast<bool>(f);
}

namespace {
int toWgs84(double *x, double *y, void *userdata)
{
    return static_cast<const crs::Transformer *>(userdata)->transform(*x, *y) ? 1 : 0;
}
} // namespace

bool writeGeoJson(const std::string &path, const ValidationReport &report, const ExportOptions &options,
                  std::string *error)
{
    std::unique_ptr<crs::Transformer> tr;
    if (options.wgs84) {
        std::string why;
        tr = crs::Transformer::create("EPSG:" + std::to_string(options.epsg), "EPSG:4326", &why);
        if (!tr) {
            if (error)
                *error = path + ": no transformation from EPSG:" + std::to_string(options.epsg) + " to WGS84: " + why;
            return false;
        }
    }
    std::ofstream f(path, std::ios::binary);
    if (!f) {
        if (error)
            *error = path + ": cannot write the file";
        return false;
    }
    auto h = geom::ctx();
    GEOSGeoJSONWriter *writer = GEOSGeoJSONWriter_create_r(h);
    const std::string crsName =
        options.wgs84 ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + std::to_string(options.epsg);
    f << "{\"type\":\"FeatureCollection\",\"name\":\"vnland_validation\",\"crs\":{\"type\":\"name\",\"properties\":"
         "{\"name\":\""
      << crsName << "\"}},\"features\":[\n";
    for (size_t k = 0; k < report.issues.size(); ++k) {
        const Issue &i = report.issues[k];
        QJsonObject props;
        props["rule"] = ruleId(i.rule);
        props["severity"] = severityId(i.severity);
        props["parcel_ids"] = QString::fromStdString(joinIds(i.parcelIds));
        props["parcel_uuids"] = QString::fromStdString(joinText(i.parcelUuids));
        props["measure"] = i.measure;
        props["unit"] = measureUnit(i.rule);
        props["message"] = QString::fromStdString(i.message);
        props["detail"] = QString::fromStdString(i.detail);
        std::string geometry = "null";
        if (!i.geometryWkb.empty()) {
            geom::GeomPtr g = geom::fromWkb(i.geometryWkb.data(), i.geometryWkb.size());
            if (g && tr)
                g.reset(GEOSGeom_transformXY_r(h, g.get(), &toWgs84, tr.get()));
            if (g) {
                char *s = GEOSGeoJSONWriter_writeGeometry_r(h, writer, g.get(), -1);
                if (s) {
                    geometry = s;
                    GEOSFree_r(h, s);
                }
            }
        }
        f << "{\"type\":\"Feature\",\"id\":" << k + 1 << ",\"geometry\":" << geometry
          << ",\"properties\":" << QJsonDocument(props).toJson(QJsonDocument::Compact).toStdString() << "}"
          << (k + 1 < report.issues.size() ? ",\n" : "\n");
    }
    f << "]}\n";
    GEOSGeoJSONWriter_destroy_r(h, writer);
    return static_cast<bool>(f);
}

bool writeCsv(const std::string &path, const ValidationReport &report, const ExportOptions &, std::string *error)
{
    std::ofstream f(path, std::ios::binary);
    if (!f) {
        if (error)
            *error = path + ": cannot write the file";
        return false;
    }
    auto q = [](const std::string &s) {
        std::string out = "\"";
        for (char c : s)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    // UTF-8 BOM so that spreadsheet programs show Vietnamese correctly.
    f << "\xEF\xBB\xBF" << "rule,severity,parcel_ids,parcel_uuids,measure,unit,message,detail,wkt\r\n";
    for (const Issue &i : report.issues) {
        f << ruleId(i.rule) << ',' << severityId(i.severity) << ',' << q(joinIds(i.parcelIds)) << ','
          << q(joinText(i.parcelUuids)) << ',' << detail::fmt(i.measure, 4) << ',' << measureUnit(i.rule) << ','
          << q(i.message) << ',' << q(i.detail) << ',' << q(wktOf(i.geometryWkb)) << "\r\n";
    }
    return static_cast<bool>(f);
}

} // namespace vnland::topology
