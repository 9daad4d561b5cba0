// Survey data into the land database: survey_point / survey_line rows (schema
// 004_survey.sql), coordinates brought into the project CRS (WGS84 GNSS points
// through the pinned VN-2000 operation), an import_log row, one transaction.
#pragma once

#include "survey/parcel_builder.h"
#include "survey/point_file.h"
#include "survey/polar.h"
#include "survey/survey_point.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::survey {

/// What a reader (point file, GSI, SDR33, COGO …) produced, before storing.
struct SurveyData {
    std::vector<SurveyPoint> points;
    std::vector<SurveyLine> lines;        ///< already in project-CRS metres
    std::vector<RejectedLine> rejected;
    std::vector<std::pair<int64_t, std::vector<std::string>>> connections;
    bool geographic = false;              ///< points are lat/lon degrees (north = lat, east = lon)
    std::string format;                   ///< csv, gsi, sdr33, cogo …
    std::string layout;                   ///< how the file was read, for the report
    std::vector<std::string> warnings;
    /// Parcels already built by the reader (DXF drawings), stored as they are.
    std::optional<ParcelBuildResult> drawing;
    /// Input to the total-station readers (set before read): the station for
    /// observations that come before any station record of the file
    /// (`--station E,N,Z[,HI]`, orientation 0). None: the reader uses
    /// E 0, N 0, Z 0 and says so in a warning.
    std::optional<Station> assumedStation;
};

struct SurveyImportOptions {
    std::string sourceCrs;                ///< CRS of the file; empty = the project CRS (or WGS84 if geographic)
    bool buildParcels = false;
    ParcelBuildOptions parcels;
};

struct SurveyImportReport {
    std::string source;
    std::string format;
    std::string layout;
    std::string sourceCrs;
    std::string operation;                ///< PROJ pipeline used (empty when none was needed)
    int64_t importId = 0;
    int64_t pointsImported = 0;
    int64_t linesImported = 0;
    std::vector<RejectedLine> rejected;
    std::vector<std::string> warnings;
    ParcelBuildResult parcels;            ///< when buildParcels
    int64_t parcelsImported = 0;

    /// A readable report, one finding per line (Vietnamese X = north first).
    std::string toText() const;
};

struct SurveyImportResult {
    bool ok = false;
    std::string error;                    ///< the project is unchanged when !ok
    SurveyImportReport report;
};

/// Stores @p data into @p project in one transaction (points, lines, and with
/// buildParcels the parcels built from them through store::ParcelWriter).
SurveyImportResult storeSurvey(store::Project &project, const std::string &source, SurveyData data,
                               const SurveyImportOptions &options);

/// Brings points into the project CRS in place. Geographic points default to
/// WGS84 (EPSG:4326). Points that fail to transform are moved to @p rejected.
bool toProjectCrs(store::Project &project, std::vector<SurveyPoint> &points, bool geographic,
                  const std::string &sourceCrs, std::vector<RejectedLine> &rejected, std::string *operation,
                  std::string *usedCrs, std::string *error);

} // namespace vnland::survey
