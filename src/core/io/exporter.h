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
};

/// Format names: built-in first, then plugins.
std::vector<std::string> exportFormats();

ExportResult exportProject(store::Project &project, const std::string &outPath, const ExportOptions &options);

} // namespace vnland::io
