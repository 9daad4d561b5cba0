// Plain geometry types for the digitizing tools (công cụ số hóa) and their
// conversion to GEOS and WKB. The editor keeps parcels as rings of points; the
// edit engine works on the same plain structs so neither side needs the
// other's types, and GEOS does all computational geometry underneath.
//
// Conventions (all of src/core/edit):
//  - XY: x = easting (Y of the Vietnamese surveyor), y = northing (X of the
//    surveyor), metres in the project CRS (VN-2000 TM-3).
//  - Ring: each vertex ONCE, the ring is implicitly closed — there is NO
//    repeated closing point (vertex indices are then unambiguous). Inputs that
//    do repeat the first point at the end are accepted (the copy is dropped).
//  - Poly: rings[0] is the exterior (vỏ), rings[1..] are holes. Orientation is
//    not significant: inputs may run either way; results of GEOS operations
//    (clip, split, merge) come in whatever orientation GEOS gives, vertex edits
//    keep the input's order and orientation.
//  - MultiPoly: the parts of one parcel; a normal parcel has one part.
#pragma once

#include "geom/geos_context.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vnland::edit {

struct XY {
    double x = 0; ///< easting
    double y = 0; ///< northing
    friend bool operator==(const XY &a, const XY &b) { return a.x == b.x && a.y == b.y; }
    friend bool operator!=(const XY &a, const XY &b) { return !(a == b); }
};
using Ring = std::vector<XY>;
struct Poly {
    std::vector<Ring> rings;
};
using MultiPoly = std::vector<Poly>;

/// A parcel for the edit functions: row id (parcel.id or an editor-local id) and geometry.
using ParcelGeom = std::pair<int64_t, MultiPoly>;
using ParcelGeoms = std::vector<ParcelGeom>;

/// GEOS MultiPolygon of @p mp (closing points added); null when a ring has
/// fewer than 3 vertices or GEOS refuses it. The result may be invalid
/// (self-intersection …): check with geom::isValid.
geom::GeomPtr toGeos(const MultiPoly &mp);
/// GEOS Polygon of @p p; null as for toGeos(MultiPoly).
geom::GeomPtr toGeos(const Poly &p);
/// LineString of @p line (open polyline, at least 2 points); null otherwise.
geom::GeomPtr lineToGeos(const std::vector<XY> &line);

/// The polygonal parts of @p g (Polygon, MultiPolygon or a collection; points
/// and lines inside a collection are skipped); closing points removed, and
/// consecutive duplicate vertices dropped. Empty for null/empty input.
MultiPoly fromGeos(const GEOSGeometry *g);

/// 2D little-endian WKB MultiPolygon (what parcel.geom stores); empty when toGeos fails.
std::vector<unsigned char> toWkb(const MultiPoly &mp);
/// Polygonal parts of a WKB geometry; @p ok (optional) false when the WKB does not parse.
MultiPoly fromWkb(const std::vector<unsigned char> &wkb, bool *ok = nullptr);

/// Planar area in m² (holes subtracted); 0 for an unconvertible geometry.
double area(const MultiPoly &mp);
/// GEOSisValid of the geometry; @p reason gets GEOS's reason when invalid.
bool isValid(const MultiPoly &mp, std::string *reason = nullptr);
/// Total number of vertices (each ring vertex once).
size_t vertexCount(const MultiPoly &mp);

/// Ring with a repeated closing point and consecutive duplicates removed.
Ring openRing(const Ring &r);

} // namespace vnland::edit
