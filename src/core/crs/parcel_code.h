// Parcel code (mã thửa đất) of draft Circular 19/2026: the 12-character
// GeoHash of the WGS84 position of the parcel's pole of inaccessibility,
// computed in the VN-2000 TM-3 plane and transformed with the pinned
// EPSG:6960 operation.
#pragma once

#include "crs/transformer.h"
#include "geom/geos_context.h"

#include <string>

namespace vnland::crs {

struct ParcelCode {
    std::string code;        // 12-character GeoHash; empty on failure
    double east = 0, north = 0; // pole of inaccessibility in the project CRS
    double radius = 0;       // inscribed-circle radius, metres
    double lat = 0, lon = 0; // WGS84 degrees
    std::string error;
    bool ok() const { return !code.empty(); }
};

/// Code of a polygonal geometry in a VN-2000 projected CRS; @p toWgs84 must
/// transform that CRS to EPSG:4326 (x = lon, y = lat) with the pinned operation.
/// @p tolerance is the pole's precision in metres (1 mm by default; a
/// 12-character cell is about 3.7 × 1.9 cm).
ParcelCode parcelCode(const GEOSGeometry *polygon, const Transformer &toWgs84, double tolerance = 0.001);

} // namespace vnland::crs
