// Rule table and parameter defaults.
#include "topology/validation_rule.h"

#include <cstdlib>
#include <stdexcept>

namespace vnland::topology {

const std::vector<RuleInfo> &allRules()
{
    static const std::vector<RuleInfo> rules = {
        {Rule::InvalidGeometry, "invalid_geometry", Severity::Error, "Hình học không hợp lệ"},
        {Rule::Overlap, "overlap", Severity::Error, "Thửa chồng lấn"},
        {Rule::Gap, "gap", Severity::Error, "Khe hở giữa các thửa"},
        {Rule::Sliver, "sliver", Severity::Warning, "Thửa mảnh (dải hẹp)"},
        {Rule::DuplicateGeometry, "duplicate_geometry", Severity::Error, "Thửa trùng hình học"},
        {Rule::DuplicateNumber, "duplicate_number", Severity::Error, "Trùng số thửa"},
        {Rule::MissingNumber, "missing_number", Severity::Warning, "Thiếu số thửa"},
        {Rule::MinArea, "min_area", Severity::Warning, "Diện tích nhỏ hơn tối thiểu"},
        {Rule::AreaMismatch, "area_mismatch", Severity::Warning, "Diện tích đo vẽ lệch diện tích pháp lý"},
        {Rule::UnmatchedVertex, "unmatched_vertex", Severity::Error, "Đỉnh không khớp với thửa kề"},
        {Rule::NearVertices, "near_vertices", Severity::Warning, "Hai đỉnh quá gần nhau"},
        {Rule::DuplicateVertex, "duplicate_vertex", Severity::Warning, "Đỉnh trùng lặp"},
        {Rule::Spike, "spike", Severity::Warning, "Góc nhọn bất thường (gai)"},
        {Rule::UnknownLanduse, "unknown_landuse", Severity::Warning, "Mã loại đất không hợp lệ"},
        {Rule::OutsideBoundary, "outside_boundary", Severity::Error, "Thửa nằm ngoài khung tờ bản đồ"},
    };
    return rules;
}

const RuleInfo &ruleInfo(Rule r) { return allRules().at(static_cast<size_t>(r)); }
const char *ruleId(Rule r) { return ruleInfo(r).id; }

std::optional<Rule> ruleFromId(const std::string &id)
{
    for (const auto &info : allRules())
        if (id == info.id)
            return info.rule;
    return std::nullopt;
}

const char *severityId(Severity s) { return s == Severity::Error ? "error" : "warning"; }

std::optional<Severity> severityFromId(const std::string &id)
{
    if (id == "error")
        return Severity::Error;
    if (id == "warning")
        return Severity::Warning;
    return std::nullopt;
}

const char *measureUnit(Rule r)
{
    switch (r) {
    case Rule::Overlap:
    case Rule::Gap:
    case Rule::DuplicateGeometry:
    case Rule::MinArea:
    case Rule::AreaMismatch:
    case Rule::OutsideBoundary:
        return "m2";
    case Rule::UnmatchedVertex:
    case Rule::NearVertices:
        return "m";
    case Rule::Spike:
        return "deg";
    case Rule::Sliver:
        return "ratio";
    case Rule::DuplicateNumber:
    case Rule::MissingNumber:
    case Rule::DuplicateVertex:
        return "count";
    case Rule::InvalidGeometry:
    case Rule::UnknownLanduse:
        return "";
    }
    return "";
}

RuleParams RuleParams::defaults()
{
    RuleParams p;
    // Areas are in m² and distances in m of the project's VN-2000 TM-3 plane.
    // Tolerances follow cadastral_rules.md: areas are kept to 0.1 m², so
    // 0.01 m² is below anything a register can show; the finest boundary-point
    // accuracy (5 cm at 1:200) is the distance under which two points are the same node.
    p.m_numbers = {
        {"overlap.min_area", 0.01},
        {"gap.min_area", 0.01},
        // 1: every part of a map_sheet frame left uncovered is a gap. Off by default: the
        // frames of edge sheets reach past the commune boundary, which the database does not hold.
        {"gap.use_frames", 0},
        {"sliver.max_thinness", 0.1},      // 4πA/P²; 1 = circle, a 1 m × 30 m strip ≈ 0.098
        {"sliver.max_area", 50},
        {"min_area.min_area", 1.0},
        {"area_mismatch.scale", 0},        // 0: the sheet's scale from map_sheet, else the project default
        {"unmatched_vertex.tolerance", 0.05},
        {"near_vertices.tolerance", 0.05},
        {"duplicate_vertex.tolerance", 0.001}, // coordinates are kept to the millimetre
        {"spike.min_angle", 5.0},          // degrees
        {"outside_boundary.min_area", 0.01},
    };
    // Tolerance scheme name in area_tolerance (schemas/area_tolerance.csv).
    p.m_texts = {{"area_mismatch.scheme", "formula_0.0004"}};
    for (const auto &info : allRules())
        p.m_severity[info.rule] = info.severity;
    return p;
}

static std::string key(Rule r, const std::string &param) { return std::string(ruleId(r)) + "." + param; }

double RuleParams::value(Rule r, const std::string &param) const
{
    auto it = m_numbers.find(key(r, param));
    if (it == m_numbers.end())
        throw std::logic_error("unknown rule parameter " + key(r, param));
    return it->second;
}

void RuleParams::setValue(Rule r, const std::string &param, double v) { m_numbers[key(r, param)] = v; }

std::string RuleParams::text(Rule r, const std::string &param) const
{
    auto it = m_texts.find(key(r, param));
    return it == m_texts.end() ? std::string() : it->second;
}

void RuleParams::setText(Rule r, const std::string &param, const std::string &v) { m_texts[key(r, param)] = v; }

Severity RuleParams::severity(Rule r) const
{
    auto it = m_severity.find(r);
    return it == m_severity.end() ? ruleInfo(r).severity : it->second;
}

void RuleParams::setSeverity(Rule r, Severity s) { m_severity[r] = s; }

std::vector<std::string> RuleParams::paramNames(Rule r) const
{
    std::vector<std::string> out;
    const std::string prefix = std::string(ruleId(r)) + ".";
    for (const auto &[k, v] : m_numbers)
        if (k.rfind(prefix, 0) == 0)
            out.push_back(k.substr(prefix.size()));
    for (const auto &[k, v] : m_texts)
        if (k.rfind(prefix, 0) == 0)
            out.push_back(k.substr(prefix.size()));
    return out;
}

bool RuleParams::setFromString(const std::string &assignment, std::string *error)
{
    const auto eq = assignment.find('=');
    const auto dot = assignment.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq) {
        if (error)
            *error = "expected RULE.PARAM=VALUE, got '" + assignment + "'";
        return false;
    }
    const std::string ruleName = assignment.substr(0, dot);
    const std::string param = assignment.substr(dot + 1, eq - dot - 1);
    const std::string value = assignment.substr(eq + 1);
    const auto rule = ruleFromId(ruleName);
    if (!rule) {
        if (error)
            *error = "unknown rule '" + ruleName + "'";
        return false;
    }
    if (param == "severity") {
        const auto s = severityFromId(value);
        if (!s) {
            if (error)
                *error = "severity must be error or warning, got '" + value + "'";
            return false;
        }
        setSeverity(*rule, *s);
        return true;
    }
    const std::string k = key(*rule, param);
    if (m_texts.count(k)) {
        m_texts[k] = value;
        return true;
    }
    if (!m_numbers.count(k)) {
        if (error)
            *error = "rule " + ruleName + " has no parameter '" + param + "'";
        return false;
    }
    char *end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (value.empty() || !end || *end != '\0') {
        if (error)
            *error = k + " takes a number, got '" + value + "'";
        return false;
    }
    m_numbers[k] = v;
    return true;
}

} // namespace vnland::topology
