// Direct conversion of 2D ISO WKB (Polygon/MultiPolygon) into SpatiaLite's
// internal geometry BLOB, so that bulk inserts skip two SQL function calls and
// a geometry parse per row.
#pragma once

#include <cstddef>
#include <vector>

namespace vnland::store {

struct Mbr {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
};

/// A SpatiaLite MULTIPOLYGON blob (a Polygon is wrapped) in @p srid, and its MBR.
/// Empty when the WKB is not a little- or big-endian 2D Polygon/MultiPolygon.
std::vector<unsigned char> multiPolygonBlobFromWkb(const unsigned char *wkb, size_t size, int srid, Mbr *mbr);

/// 2D little-endian ISO WKB of a SpatiaLite POLYGON or MULTIPOLYGON blob (XY,
/// uncompressed). Empty for other classes: callers then ask SpatiaLite (AsBinary).
std::vector<unsigned char> wkbFromSpatialiteBlob(const unsigned char *blob, size_t size);

} // namespace vnland::store
