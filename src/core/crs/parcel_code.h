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
    double tolerance = 0;    // precision of the pole actually used, metres
    std::string error;
    bool ok() const { return !code.empty(); }
};

/// Precision of the pole for a parcel whose envelope is @p width × @p height metres:
/// 1 mm for every parcel up to 1 km across (a 12-character cell is about
/// 3.7 × 1.9 cm), then one millionth of the larger side, so that the search stays
/// a few thousand cells even for a parcel with a vertex 10 000 km away (a fixed
/// 1 mm took > 60 s and 2.7 GB there).
double poleTolerance(double width, double height);

/// Code of a polygonal geometry in a VN-2000 projected CRS; @p toWgs84 must
/// transform that CRS to EPSG:4326 (x = lon, y = lat) with the pinned operation.
/// @p tolerance is the pole's precision in metres; 0 = poleTolerance() of the parcel.
ParcelCode parcelCode(const GEOSGeometry *polygon, const Transformer &toWgs84, double tolerance = 0);

} // namespace vnland::crs
