// Everything the validation engine needs besides the parcels themselves:
// rule parameters, map-sheet frames and scales, the land-use code list of the
// project's reference year, retired parcel numbers and the area-tolerance table.
// Loaded from a project, or filled by hand in tests and the editor.
#pragma once

#include "store/parcel_store.h"
#include "topology/validation_rule.h"

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::topology {

struct MapSheetFrame {
    std::string communeCode;
    int toSo = 0;
    int scale = 1000;                 // tỷ lệ (denominator M)
    std::vector<unsigned char> frameWkb; // may be empty when only the scale is known
};

/// Area tolerance rows (see schemas/003_validation.sql for the meaning of kind/a/b).
struct AreaToleranceRow {
    std::string scheme;
    std::optional<int> scale;
    double areaMin = 0;
    std::optional<double> areaMax;
    std::string kind; // formula | fixed | linear
    double a = 0;
    double b = 0;
};

class AreaToleranceTable {
public:
    /// Rows of the shipped schemas/area_tolerance.csv.
    static AreaToleranceTable shipped();
    static AreaToleranceTable fromProject(store::Project &project);

    /// Tolerance ΔP in m² for legal area @p area at scale 1:@p scale; nullopt when
    /// the scheme has no row for it (then the formula scheme is used by the rule).
    std::optional<double> tolerance(const std::string &scheme, int scale, double area) const;
    const std::vector<AreaToleranceRow> &rows() const { return m_rows; }
    void add(const AreaToleranceRow &row) { m_rows.push_back(row); }

private:
    std::vector<AreaToleranceRow> m_rows;
};

using ParcelNumber = std::tuple<std::string, int, int>; // commune, tờ, thửa

struct ValidationContext {
    RuleParams params = RuleParams::defaults();
    int defaultScale = 1000;
    std::vector<MapSheetFrame> sheets;
    /// Land-use codes valid in the reference year; empty set = rule has nothing to check against.
    std::set<std::string> validLanduseCodes;
    std::string landuseReferenceYear = "2018";
    /// Numbers held by history rows (retired after splits/merges): not "missing".
    std::set<ParcelNumber> retiredNumbers;
    AreaToleranceTable areaTolerances = AreaToleranceTable::shipped();
    /// Parcels whose stored geometry could not be read (they come with an empty
    /// wkb): their invalid_geometry finding says why, a gap where one may lie is
    /// said to be possibly that parcel and never filled by a fix.
    std::vector<store::DamagedGeometry> damagedGeometries;

    /// Loads everything from @p project (reads only; see ensureValidationData).
    static ValidationContext load(store::Project &project);
};

/// The damaged parcel (context.damagedGeometries) that may lie where @p env is
/// (its extent within 1 m), or one whose place is unknown; null when none.
const store::DamagedGeometry *damagedParcelNear(const ValidationContext &context, double minX, double minY, double maxX,
                                                double maxY);

/// "Thửa id 12 (xã 07192, tờ 3, thửa 10)": a damaged parcel in Vietnamese messages.
std::string damagedLabelVi(const store::DamagedGeometry &d);

/// Codes valid for @p year ("2018" or "2024") in the shipped list; "unverified"
/// 2024 codes count as valid (they are flagged by the code list, not here).
std::set<std::string> landuseCodesValidIn(const std::string &year);

/// Fills area_tolerance from schemas/area_tolerance.csv when the table is empty.
void ensureValidationData(store::Project &project);

/// Rule parameters stored in the project (validation_rule_param) over the defaults.
RuleParams loadRuleParams(store::Project &project);
/// Stores "rule.param=value" in the project after checking it; false + error when invalid.
bool storeRuleParam(store::Project &project, const std::string &assignment, std::string *error);

} // namespace vnland::topology
