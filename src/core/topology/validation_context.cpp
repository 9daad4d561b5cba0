// Loading the validation context from a project.
#include "topology/validation_context.h"

#include "store/database.h"
#include "store/project.h"
#include "store/reference_data.h"
#include "store/spatialite_blob.h"

#include <cmath>

namespace vnland::topology {
namespace {

std::optional<double> optNumber(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    return std::stod(s);
}

} // namespace

AreaToleranceTable AreaToleranceTable::shipped()
{
    AreaToleranceTable t;
    const auto rows = store::parseCsv(store::schemaResource("area_tolerance.csv"));
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto &r = rows[i];
        if (r.size() < 7)
            continue;
        AreaToleranceRow row;
        row.scheme = r[0];
        if (!r[1].empty())
            row.scale = std::stoi(r[1]);
        row.areaMin = optNumber(r[2]).value_or(0);
        row.areaMax = optNumber(r[3]);
        row.kind = r[4];
        row.a = std::stod(r[5]);
        row.b = optNumber(r[6]).value_or(0);
        t.m_rows.push_back(row);
    }
    return t;
}

AreaToleranceTable AreaToleranceTable::fromProject(store::Project &project)
{
    AreaToleranceTable t;
    store::Statement st(project.db(), "SELECT scheme, scale, area_min, area_max, kind, a, b FROM area_tolerance ORDER BY id");
    while (st.step()) {
        AreaToleranceRow row;
        row.scheme = st.text(0);
        if (!st.isNull(1))
            row.scale = st.integer(1);
        row.areaMin = st.real(2);
        row.areaMax = st.optReal(3);
        row.kind = st.text(4);
        row.a = st.real(5);
        row.b = st.real(6);
        t.m_rows.push_back(row);
    }
    if (t.m_rows.empty())
        return shipped();
    return t;
}

std::optional<double> AreaToleranceTable::tolerance(const std::string &scheme, int scale, double area) const
{
    for (const auto &r : m_rows) {
        if (r.scheme != scheme || (r.scale && *r.scale != scale))
            continue;
        // area_min < P ≤ area_max (the first band also takes P = 0)
        const bool aboveMin = area > r.areaMin || (r.areaMin <= 0 && area >= 0);
        if (!aboveMin || (r.areaMax && area > *r.areaMax))
            continue;
        if (r.kind == "formula")
            return r.a * scale * std::sqrt(std::max(0.0, area));
        if (r.kind == "fixed")
            return r.a;
        if (r.kind == "linear")
            return r.a + r.b * (area - r.areaMin);
    }
    return std::nullopt;
}

const store::DamagedGeometry *damagedParcelNear(const ValidationContext &context, double minX, double minY, double maxX,
                                                double maxY)
{
    constexpr double margin = 1.0;
    for (const auto &d : context.damagedGeometries) {
        if (!d.extent)
            return &d;
        const store::Mbr &e = *d.extent;
        if (e.minX - margin <= maxX && e.maxX + margin >= minX && e.minY - margin <= maxY && e.maxY + margin >= minY)
            return &d;
    }
    return nullptr;
}

std::string damagedLabelVi(const store::DamagedGeometry &d)
{
    std::string s = "Thửa id " + std::to_string(d.id) + " (";
    if (!d.communeCode.empty())
        s += "xã " + d.communeCode + ", ";
    return s + "tờ " + (d.toSo ? std::to_string(*d.toSo) : std::string("?")) + ", thửa " +
           (d.thuaSo ? std::to_string(*d.thuaSo) : std::string("?")) + ")";
}

std::set<std::string> landuseCodesValidIn(const std::string &year)
{
    std::set<std::string> out;
    for (const auto &[code, c] : store::landuseCodes()) {
        const std::string &v = year == "2024" ? c.valid2024 : c.valid2018;
        if (v == "yes" || v == "unverified")
            out.insert(code);
    }
    // The "đất ở" group is OCT in some sources and OTC in others: accept both.
    if (out.count("OCT"))
        out.insert("OTC");
    return out;
}

void ensureValidationData(store::Project &project)
{
    auto &db = project.db();
    if (db.readOnly() || db.queryInt("SELECT count(*) FROM area_tolerance").value_or(0) > 0)
        return;
    store::Transaction tx(db);
    store::Statement ins(db, "INSERT INTO area_tolerance(scheme, scale, area_min, area_max, kind, a, b, source, verified)"
                             " VALUES (?,?,?,?,?,?,?,?,?)");
    const auto rows = store::parseCsv(store::schemaResource("area_tolerance.csv"));
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto &r = rows[i];
        if (r.size() < 9)
            continue;
        ins.bind(1, r[0]);
        r[1].empty() ? ins.bind(2, nullptr) : ins.bind(2, std::stoi(r[1]));
        ins.bind(3, optNumber(r[2]).value_or(0));
        ins.bind(4, optNumber(r[3]));
        ins.bind(5, r[4]).bind(6, std::stod(r[5])).bind(7, optNumber(r[6]).value_or(0)).bind(8, r[7]).bind(9, r[8]);
        ins.exec();
    }
    tx.commit();
}

RuleParams loadRuleParams(store::Project &project)
{
    RuleParams p = RuleParams::defaults();
    store::Statement st(project.db(), "SELECT rule, param, value FROM validation_rule_param ORDER BY rule, param");
    while (st.step()) {
        std::string ignored;
        // A row the engine no longer knows is skipped, not fatal: old projects keep opening.
        p.setFromString(st.text(0) + "." + st.text(1) + "=" + st.text(2), &ignored);
    }
    return p;
}

bool storeRuleParam(store::Project &project, const std::string &assignment, std::string *error)
{
    RuleParams check = RuleParams::defaults();
    if (!check.setFromString(assignment, error))
        return false;
    const auto dot = assignment.find('.');
    const auto eq = assignment.find('=');
    store::Statement st(project.db(), "INSERT OR REPLACE INTO validation_rule_param(rule, param, value) VALUES (?,?,?)");
    st.bind(1, assignment.substr(0, dot)).bind(2, assignment.substr(dot + 1, eq - dot - 1)).bind(3, assignment.substr(eq + 1));
    st.exec();
    return true;
}

ValidationContext ValidationContext::load(store::Project &project)
{
    ValidationContext c;
    auto &db = project.db();
    c.params = loadRuleParams(project);
    c.defaultScale = project.settings().defaultScale;
    c.landuseReferenceYear = project.meta("landuse_reference_year").value_or("2018");
    {
        store::Statement st(db, "SELECT commune_code, to_so, scale, frame FROM map_sheet ORDER BY commune_code, to_so");
        while (st.step()) {
            MapSheetFrame s;
            s.communeCode = st.text(0);
            s.toSo = st.integer(1);
            s.scale = st.integer(2);
            if (!st.isNull(3)) {
                // Read by the checked reader (SpatiaLite's parser trusts damaged counts).
                int size = 0;
                const unsigned char *blob = st.blobData(3, &size);
                s.frameWkb = store::wkbFromSpatialiteBlob(blob, static_cast<size_t>(size > 0 ? size : 0));
            }
            c.sheets.push_back(std::move(s));
        }
    }
    {
        // The project's own code table may carry codes a province added.
        const bool y2024 = c.landuseReferenceYear == "2024";
        store::Statement st(db, y2024 ? "SELECT code FROM landuse_code WHERE valid_2024 IN ('yes', 'unverified')"
                                      : "SELECT code FROM landuse_code WHERE valid_2018 IN ('yes', 'unverified')");
        while (st.step())
            c.validLanduseCodes.insert(st.text(0));
        if (c.validLanduseCodes.count("OCT"))
            c.validLanduseCodes.insert("OTC");
        if (c.validLanduseCodes.empty())
            c.validLanduseCodes = landuseCodesValidIn(c.landuseReferenceYear);
    }
    {
        store::Statement st(db, "SELECT DISTINCT coalesce(commune_code, ''), to_so, thua_so FROM parcel"
                                " WHERE end_time IS NOT NULL AND to_so IS NOT NULL AND thua_so IS NOT NULL");
        while (st.step())
            c.retiredNumbers.emplace(st.text(0), st.integer(1), st.integer(2));
    }
    c.areaTolerances = AreaToleranceTable::fromProject(project);
    return c;
}

} // namespace vnland::topology
