// Report data computed from the land database: the parcel register (sổ mục kê,
// PL15), the per-sheet summary (bảng tổng hợp, PL16), land statistics by the
// land-use hierarchy × land-user type (Biểu 01/TKĐĐ style), the parcel extract
// and technical record (trích lục / hồ sơ kỹ thuật, PL13) and the validation
// issue list. Writers (report_writer.h, pdf_report.h, plugins) only format it.
#pragma once

#include "model/parcel.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::report {

/// Areas travel in tenths of a square metre (0.1 m², the printed precision) so
/// that every total and every statistics identity is exact integer arithmetic.
using Tenths = int64_t;
Tenths toTenths(double m2);
/// "1234.5" (machine form, CSV/XLSX cells) or "1.234,5" (Vietnamese print form).
std::string formatTenths(Tenths t, bool vietnamese);
/// A count with Vietnamese thousands dots ("12.345").
std::string formatCount(int64_t n);

struct ParcelRef {
    int toSo = 0;
    int thuaSo = 0;
    bool operator<(const ParcelRef &o) const { return toSo != o.toSo ? toSo < o.toSo : thuaSo < o.thuaSo; }
};

/// Which parcels a report covers. Empty members do not filter.
struct ReportFilter {
    std::string communeCode;
    std::optional<int> toSo;
    std::string landuseCode;          ///< parcels with this code on any of their land uses
    std::vector<ParcelRef> parcels;   ///< "tờ/thửa" pairs
    /// Vectorized candidates not yet reviewed (flag "candidate") are left out of the statutory
    /// reports unless this is set: they are not approved parcels.
    bool includeCandidates = false;
    /// Parses "1/12,1/13" into @p out; false + @p error on a malformed item.
    static bool parseParcelList(const std::string &text, std::vector<ParcelRef> *out, std::string *error);
};

/// True when the comma-separated @p flags hold @p flag as one of their items.
bool hasFlag(const std::string &flags, const std::string &flag);
/// Live parcels of the unit (commune/tờ of @p filter) still flagged "candidate": vectorized and not
/// reviewed, so left out of the reports (unless filter.includeCandidates).
int64_t unreviewedCandidates(store::Project &project, const ReportFilter &filter);

/// Names for the report header.
struct UnitInfo {
    std::string provinceName;
    std::string communeCode;
    std::string communeName;          ///< from admin_unit; empty when unknown
    /// "Xã Tân Lập (07192)" or "Mã xã 07192".
    std::string communeLabel() const;
};
UnitInfo unitInfo(store::Project &project, const std::string &communeCode);
/// Communes that have live objects matching the filter, in code order.
std::vector<std::string> communesOf(store::Project &project, const ReportFilter &filter);

// ---------------------------------------------------------------- register (PL15)

/// One line of the register: one land use of one parcel.
struct RegisterLine {
    int64_t parcelId = 0;
    std::string communeCode;
    std::optional<int> toSo;
    std::optional<int> thuaSo;
    std::string objectKind;
    std::string ownerName;
    std::string userTypeCode;
    Tenths currentArea = 0;           ///< area of this land use (hiện trạng)
    std::string currentCode;
    std::optional<Tenths> legalArea;  ///< on the first line of a parcel only
    std::string legalCode;            ///< legal land type (legal_landuse_code, else the current code)
    bool coUserLine = false;          ///< an extra line naming one more co-user
    std::string note;
    bool firstOfParcel = true;
};

struct RegisterData {
    std::vector<RegisterLine> lines;
    int64_t parcelCount = 0;          ///< distinct rows of the parcel table
    Tenths totalCurrent = 0;
    Tenths totalLegal = 0;
};

/// Register lines ordered by commune, tờ, thửa. The area of a line is the
/// parcel's measured area when it has one land use, and the parcel_landuse
/// area of each use when it has several.
/// The co-users of a household parcel ("A và B", "A; B"); other user types: the name as is.
std::vector<std::string> splitCoUsers(const std::string &owner, const std::string &userType);

RegisterData buildRegister(store::Project &project, const ReportFilter &filter);

// ---------------------------------------------------------------- summary (PL16)

struct SheetSummary {
    std::string communeCode;
    std::optional<int> toSo;
    int64_t parcels = 0;              ///< object_kind = 'parcel'
    int64_t otherObjects = 0;         ///< roads, waterways … (not parcels)
    int64_t users = 0;                ///< distinct owner names whose user type has role "user"
    int64_t managers = 0;             ///< distinct owner names whose user type has role "manager"
    Tenths area = 0;                  ///< measured area of every live object
};

struct SummaryData {
    std::vector<SheetSummary> sheets;
    SheetSummary total;               ///< users/managers counted distinct over all sheets
};

SummaryData buildSummary(store::Project &project, const ReportFilter &filter);

// ---------------------------------------------------------------- statistics

struct StatisticsScheme {
    struct Row {
        std::string stt, code, name, parent;
        int level = 1;
        bool inTotal = false;         ///< top-level row that adds up to the unit total
        std::vector<std::string> also;
    };
    struct Column {
        std::string key, name, parent, kind, role;
        std::vector<std::string> also;
    };
    std::string name;                 ///< "2018" | "2024"
    std::vector<Row> rows;
    std::vector<Column> columns;      ///< in print order, groups before their children
};

/// Loads schemas/statistics_rows_<scheme>.csv and statistics_columns.csv (embedded).
bool loadStatisticsScheme(const std::string &scheme, StatisticsScheme *out, std::string *error);

struct StatisticsData {
    StatisticsScheme scheme;
    /// values[row][col]: col 0 is the row total, col i+1 is scheme.columns[i].
    std::vector<std::vector<Tenths>> values;
    std::vector<Tenths> unitTotal;    ///< same columns; every live object of the unit except rows outside the total (MVB)
    int64_t lineCount = 0;
    /// Violations of the identities, in words (empty = all identities hold).
    std::vector<std::string> problems;
    bool ok() const { return problems.empty(); }
};

/// Computes the statistics and checks: every parent row equals the sum of its
/// children in every column, the in-total rows (NNP + PNN + CSD) equal the unit
/// total, and every group column equals the sum of its children.
StatisticsData buildStatistics(store::Project &project, const ReportFilter &filter, const std::string &scheme);

// ---------------------------------------------------------------- extract (PL13)

struct ExtractVertex {
    int number = 0;                   ///< 1 = northernmost, then clockwise
    double north = 0, east = 0;       ///< X, Y in the project's VN-2000 CRS
    double edgeLength = 0;            ///< to the next vertex
    std::vector<std::string> neighbours; ///< labels of the parcels along the edge to the next vertex
};

struct ExtractNeighbour {
    std::string label;                ///< thửa number, "tờ/thửa" on another sheet, or the object kind
    std::vector<std::vector<std::pair<double, double>>> rings; ///< (east, north)
    double labelEast = 0, labelNorth = 0;
};

struct ExtractData {
    model::Parcel parcel;
    UnitInfo unit;
    int epsg = 0;                     ///< project CRS of the coordinates
    int scale = 0;                    ///< map sheet scale (denominator), 0 if unknown
    std::string sheetId;
    std::vector<std::pair<std::string, Tenths>> uses; ///< land-use code, area
    std::vector<ExtractVertex> vertices; ///< main exterior ring
    std::vector<std::vector<std::pair<double, double>>> rings; ///< every ring (east, north)
    std::vector<ExtractNeighbour> neighbours;
    std::string note;                 ///< multipart / holes / invalid geometry
    /// Why the stored geometry could not be read (damaged blob, NULL …); empty when read.
    std::string geometryProblem;
};

/// Extracts for the parcels matching the filter (parcels and other objects),
/// ordered by commune, tờ, thửa. Objects without a readable geometry are
/// returned with an empty vertex list and a note.
std::vector<ExtractData> buildExtracts(store::Project &project, const ReportFilter &filter);

// ---------------------------------------------------------------- validation

/// The validation_issue table (written by the topology engine) read generically.
struct ValidationData {
    bool available = false;           ///< false when the project has no validation_issue table
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::map<std::string, int64_t> countByRule;
};
ValidationData buildValidation(store::Project &project, const ReportFilter &filter);

} // namespace vnland::report
