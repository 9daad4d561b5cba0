// Topology and attribute rules for a parcel coverage: ids, severities,
// parameters (defaults from shared cadastral_rules.md, overridable per project)
// and the Issue a rule reports.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vnland::topology {

enum class Rule {
    InvalidGeometry,
    Overlap,
    Gap,
    Sliver,
    DuplicateGeometry,
    DuplicateNumber,
    MissingNumber,
    MinArea,
    AreaMismatch,
    UnmatchedVertex,
    NearVertices,
    DuplicateVertex,
    Spike,
    UnknownLanduse,
    OutsideBoundary,
};
constexpr int kRuleCount = 15;

enum class Severity { Error, Warning };

struct RuleInfo {
    Rule rule;
    const char *id;       // stable id used in the CLI, the database and exports
    Severity severity;    // default severity
    const char *nameVi;   // what a land officer reads
};

/// All rules in a fixed order.
const std::vector<RuleInfo> &allRules();
const RuleInfo &ruleInfo(Rule r);
const char *ruleId(Rule r);
std::optional<Rule> ruleFromId(const std::string &id);
const char *severityId(Severity s);
std::optional<Severity> severityFromId(const std::string &id);

/// One finding. Parcel ids are row ids of the parcel table; uuids travel with
/// them because ids of history rows are not meaningful to other systems.
struct Issue {
    Rule rule = Rule::InvalidGeometry;
    Severity severity = Severity::Error;
    std::vector<int64_t> parcelIds;
    std::vector<std::string> parcelUuids;
    std::vector<unsigned char> geometryWkb; // location: point, line or (multi)polygon; may be empty
    double measure = 0;                      // area m², distance m, angle °, count … (see measureUnit)
    std::string message;                     // Vietnamese, for the officer
    std::string detail;                      // machine-readable JSON object text
};

/// Unit of Issue::measure for a rule ("m2", "m", "deg", "count", "ratio", "").
const char *measureUnit(Rule r);

/// Rule parameters: numeric values by "rule.param" key, plus per-rule severity
/// and enabled flags. Defaults (see defaults()) come from cadastral_rules.md;
/// a project stores overrides in validation_rule_param.
class RuleParams {
public:
    static RuleParams defaults();

    double value(Rule r, const std::string &param) const;
    void setValue(Rule r, const std::string &param, double v);
    std::string text(Rule r, const std::string &param) const;
    void setText(Rule r, const std::string &param, const std::string &v);
    Severity severity(Rule r) const;
    void setSeverity(Rule r, Severity s);

    /// Known parameter names of a rule (numeric and text).
    std::vector<std::string> paramNames(Rule r) const;
    /// Sets "rule.param=value" (value numeric, or text for text params, or
    /// severity error|warning). False + @p error when unknown or malformed.
    bool setFromString(const std::string &assignment, std::string *error);

    const std::map<std::string, double> &numbers() const { return m_numbers; }
    const std::map<std::string, std::string> &texts() const { return m_texts; }

private:
    std::map<std::string, double> m_numbers;     // "overlap.min_area" -> 0.01
    std::map<std::string, std::string> m_texts;  // "area_mismatch.scheme" -> "formula_0.0004"
    std::map<Rule, Severity> m_severity;
};

} // namespace vnland::topology
