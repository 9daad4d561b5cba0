// Export of the land database: SpatiaLite hand-over copy, GeoPackage,
// Shapefile (Circular 75 field names, UTF-8 .cpg, EPSG-identified .prj),
// GeoJSON (RFC 7946, WGS84 through the pinned operation), and every format
// an ExporterPlugin provides (CSV …).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::io {

struct ExportOptions {
    std::string format;        ///< spatialite|gpkg|shp|geojson or a plugin's format name
    std::string communeCode;   ///< empty = all
    bool includeHistory = false;
    bool overwrite = false;
};

struct ExportResult {
    bool ok = false;
    std::string error;
    int64_t written = 0;
    std::string operation;     ///< PROJ pipeline when coordinates were transformed
    /// What the output does not carry as stored, one sentence each naming the
    /// parcel(s) and the reason: damaged geometries (written without geometry),
    /// Shapefile texts cut to the DBF field width (full texts in sideFile).
    std::vector<std::string> warnings;
    int64_t withoutGeometry = 0; ///< parcels written with a null geometry
    std::string sideFile;      ///< Shapefile: CSV with the full texts that were cut, when any
};

/// Format names: built-in first, then plugins.
/// The output is written under a temporary name in the target folder
/// (".NAME.vnland-tmp-PID.EXT", sidecars alike) and renamed over the target only
/// when complete: a failed or killed export leaves the previous file untouched,
/// and the next run removes what a killed one left.
std::vector<std::string> exportFormats();

ExportResult exportProject(store::Project &project, const std::string &outPath, const ExportOptions &options);

} // namespace vnland::io
