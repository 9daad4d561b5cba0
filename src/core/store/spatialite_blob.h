// Direct conversion of 2D ISO WKB (Polygon/MultiPolygon) into SpatiaLite's
// internal geometry BLOB, so that bulk inserts skip two SQL function calls and
// a geometry parse per row.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vnland::store {

struct Mbr {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
};

/// A SpatiaLite MULTIPOLYGON blob (a Polygon is wrapped) in @p srid, and its MBR.
/// Empty when the WKB is not a little- or big-endian 2D Polygon/MultiPolygon.
/// With @p requireReadable (the default) it refuses what readSpatialiteBlob refuses (rings of
/// fewer than 4 vertices or not closed, non-finite or off-Earth coordinates), so a written blob
/// always reads back; without it the structure is copied as it is (to locate a damaged parcel).
std::vector<unsigned char> multiPolygonBlobFromWkb(const unsigned char *wkb, size_t size, int srid, Mbr *mbr,
                                                  bool requireReadable = true);

/// Coordinates farther than this from the origin (metres, or degrees) are not a
/// place on Earth in any CRS: a stored geometry holding one is damaged.
constexpr double kMaxCoordinate = 1e8;

/// A stored geometry read back: WKB, or why it cannot be used.
struct BlobGeometry {
    std::vector<unsigned char> wkb; ///< 2D little-endian ISO WKB; empty when problem is set
    std::string problem;            ///< English sentence naming what is wrong; empty when read
    /// Box of the usable vertices when the structure could be read (also when a
    /// coordinate is bad: it tells where the parcel lies).
    Mbr extent;
    bool hasExtent = false;
    bool ok() const { return problem.empty(); }
};

/// Reads any SpatiaLite geometry blob (every class, XY/XYZ/XYM/XYZM, compressed or
/// not) into 2D WKB without SpatiaLite's parser, which trusts the counts in the
/// blob: every count is checked against the bytes left, the marks and the end,
/// rings must be closed with 4+ vertices, and every X/Y must be finite and within
/// ±kMaxCoordinate. Never crashes or allocates more than the blob size on any bytes.
BlobGeometry readSpatialiteBlob(const unsigned char *blob, size_t size);

/// readSpatialiteBlob(...).wkb: empty when the blob is damaged.
std::vector<unsigned char> wkbFromSpatialiteBlob(const unsigned char *blob, size_t size);

} // namespace vnland::store
