// Validation results in the project (validation_run, validation_issue) and
// as files: JSON, GeoJSON (one feature per issue, for QGIS) and CSV.
#pragma once

#include "topology/topology_engine.h"

#include <cstdint>
#include <string>

namespace vnland::store {
class Project;
}

namespace vnland::topology {

/// Loads the live parcels and the context of @p project and validates them.
/// Writes area_tolerance reference rows first when the project is writable.
ValidationReport validateProject(store::Project &project, const EngineOptions &options = {});

struct SaveResult {
    int64_t runId = 0;
    size_t pending = 0;     // issues now pending (decide the exit code)
    size_t exceptions = 0;  // issues found again that an officer had accepted as exceptions
};

/// Stores a report: a validation_run row, then the issues. Pending issues of
/// the rules that ran are replaced (incremental: only those touching the
/// examined parcels); an issue an officer marked as an exception keeps that
/// status when found again (same rule, parcels and detail). One transaction.
SaveResult saveReport(store::Project &project, const ValidationReport &report);

/// Marks an issue fixed or exception (an officer's decision); false if no such issue.
bool setIssueStatus(store::Project &project, int64_t issueId, const std::string &status, const std::string &note = {});

struct ExportOptions {
    int epsg = 0;            // CRS of the geometries (the project's)
    bool wgs84 = false;      // GeoJSON in WGS84 lon/lat instead of the project CRS
    std::string projectPath; // written into JSON metadata
    int64_t runId = 0;
};

/// Each returns false and sets @p error (naming the file) on failure.
bool writeJson(const std::string &path, const ValidationReport &report, const ExportOptions &options, std::string *error);
bool writeGeoJson(const std::string &path, const ValidationReport &report, const ExportOptions &options,
                  std::string *error);
bool writeCsv(const std::string &path, const ValidationReport &report, const ExportOptions &options, std::string *error);

/// Text summary: one line per rule with a count, then the total.
std::string summaryText(const ValidationReport &report);

} // namespace vnland::topology
