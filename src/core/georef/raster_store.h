// The project's raster layers (raster_layer) and GCP sets (gcp table,
// schemas/005_georef.sql): scans, warped GeoTIFFs and VRTs registered in the
// land database, each GCP set stored with the raster it belongs to.
#pragma once

#include "georef/gcp_set.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::georef {

struct RasterRecord {
    int64_t id = 0;
    std::string name;
    std::string path;
    std::string kind = "scan"; // scan | warped | vrt
    std::optional<int64_t> sourceId;
    std::string sheetId;
    int scale = 0;
    int srid = 0;
    int width = 0, height = 0;
    std::optional<std::array<double, 6>> geoTransform;
    std::string transform, resampling;
    int gcpsEnabled = 0;
    std::optional<double> meanError, maxError, tolerance;
};

/// Inserts @p rec (or updates the row with the same path and kind) and
/// returns its id. The footprint is computed from the geotransform.
int64_t registerRaster(store::Project &project, const RasterRecord &rec);
std::optional<RasterRecord> findRaster(store::Project &project, const std::string &path, const std::string &kind);
std::vector<RasterRecord> listRasters(store::Project &project);

/// Replaces the GCP set stored for raster @p rasterId.
void saveGcps(store::Project &project, int64_t rasterId, const GcpSet &gcps);
GcpSet loadGcps(store::Project &project, int64_t rasterId);

} // namespace vnland::georef
