// One entry point for surveyors' files: picks the reader by --format or by the
// file (point files in core, total-station formats from SurveyReaderPlugin
// plugins), then stores through storeSurvey.
#pragma once

#include "survey/dxf_drawing.h"
#include "survey/point_file.h"
#include "survey/survey_store.h"

#include <optional>
#include <string>
#include <vector>

namespace vnland::survey {

struct SurveyFileOptions {
    std::string format;                 ///< csv|txt|gsi|sdr33|dxf …; empty = by extension / plugin canRead
    AxisOrder order = AxisOrder::Auto;
    SurveyImportOptions import;
    DxfOptions dxf;                     ///< layer preset, encoding (dxf only)
    /// Total-station files: the station of observations before any station
    /// record (`--station E,N,Z[,HI]`); none = E 0, N 0, Z 0 with a warning.
    std::optional<Station> station;
};

/// Reads @p path into SurveyData. False + @p error (naming the file) when the
/// file cannot be read at all; line-level problems go to data.rejected.
bool readSurveyFile(const std::string &path, const SurveyFileOptions &options, SurveyData &data, std::string *error);

/// Reads and stores in one go.
SurveyImportResult importSurveyFile(store::Project &project, const std::string &path, const SurveyFileOptions &options);

/// Format names a file can be read as (core formats and plugins).
std::vector<std::string> surveyFormats();

} // namespace vnland::survey
