// Headless digitizing operations for the editor (số hóa thửa đất): clip by
// neighbours (avoid overlap), split, merge, topological vertex move / insert /
// delete, tracing along existing boundaries, parcel numbering after Circular
// 25/2014 and typed input (bearing, distance, coordinates).
//
// Geometry is passed as the plain structs of edit_geometry.h (see the ring
// conventions there: x = easting, y = northing, rings without a repeated
// closing point). GEOS (reentrant API, thread-local context) does the
// geometry; everything here runs on the calling thread.
//
// Expected failures (line that does not cross, parts not adjacent, bad text …)
// come back as ok = false with a Vietnamese message for the land officer.
// Include this header for the whole edit API (it includes snap_index.h).
#pragma once

#include "edit/edit_geometry.h"
#include "edit/snap_index.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vnland::edit {

// ---------------------------------------------------------------- clipping

struct ClipOptions {
    /// Parts and holes of the clipped result smaller than this (m²) are
    /// dropped as slivers (mảnh vụn).
    double minPartArea = 0.01;
};

struct ClipResult {
    bool ok = false;
    std::string error;                 ///< why not ok: candidate invalid, nothing left …
    MultiPoly geometry;                ///< candidate minus the union of the neighbours
    std::vector<int64_t> clippedBy;    ///< neighbours that overlapped the drawn parcel (took area off), ascending
    std::vector<int64_t> invalidNeighbours; ///< near neighbours that failed GEOSisValid; made valid for the clip
    /// Neighbours that must take new vertices so the shared boundary has
    /// identical vertices on both sides (a result vertex on the middle of a
    /// neighbour edge = a T-junction): apply them in the same edit. Only
    /// neighbours that changed; geometry otherwise as given (invalid
    /// neighbours are NOT replaced by their repaired form here).
    ParcelGeoms neighbourUpdates;
    double removedArea = 0;            ///< area of the candidate that the clip took off, m²
};

/// Avoid overlap (tránh chồng đè): @p candidate minus the union of
/// @p neighbours. Before the difference, each candidate vertex within
/// @p snapTol of a neighbour vertex moves onto the nearest one, neighbour
/// vertices within @p snapTol of a candidate edge are added to it (GEOSSnap),
/// and remaining vertices within @p snapTol of a neighbour edge move onto that
/// edge; after it, parts and holes below options.minPartArea are dropped.
/// Result vertices along the shared boundary coincide exactly with neighbour
/// vertices (neighbourUpdates adds the missing ones to the neighbours).
/// Invalid neighbours are repaired with GEOSMakeValid for the clip and listed
/// in invalidNeighbours. Neighbours whose box is farther than @p snapTol from
/// the candidate's box are skipped cheaply (passing a whole view is fine, the
/// ids from SnapIndex::parcelsInBox are better). ok = false when the candidate
/// itself is invalid or nothing (or only slivers) remains.
ClipResult clipByNeighbours(const MultiPoly &candidate, const ParcelGeoms &neighbours, double snapTol,
                            const ClipOptions &options = {});

// ------------------------------------------------------------ split, merge

struct SplitResult {
    bool ok = false;
    std::string error;
    std::vector<MultiPoly> parts; ///< 2 or more single-polygon pieces, largest first
    /// Points where the line meets the parcel's outline and that were not
    /// vertices of it: neighbours sharing that outline need them too (apply
    /// insertVertex with each, or the validation reports T-junctions).
    std::vector<XY> newBoundaryVertices;
};

/// Splits @p parcel by the polyline @p line (tách thửa): the boundary and
/// the line are noded and polygonized (GEOSNode + GEOSPolygonize), pieces
/// inside the parcel are kept. Error when the line does not cross the parcel
/// completely (fewer than 2 pieces).
SplitResult splitByLine(const MultiPoly &parcel, const std::vector<XY> &line);

struct MergeResult {
    bool ok = false;
    std::string error;
    MultiPoly geometry;            ///< one polygon
    std::vector<XY> removedVertices; ///< shared-edge vertices dropped from the outline
};

/// Merges parcels (hợp thửa) into one polygon (GEOSUnaryUnion). Error when
/// fewer than 2 parts, a part is invalid, or the parts do not form one
/// connected polygon through shared edges (touching at a point is not
/// enough). Vertices that were on the common edges only and now lie in the
/// middle of a straight outline edge are removed, except those within 1 mm
/// of a point of @p keepVertices (vertices of other neighbours that still
/// need them).
MergeResult merge(const std::vector<MultiPoly> &parts, const std::vector<XY> &keepVertices = {});

// ----------------------------------------------------- topological vertices

struct VertexEditResult {
    bool ok = false;
    std::string error;
    ParcelGeoms changed;           ///< new geometry of every parcel the edit touched, in input order
    std::vector<int64_t> invalid;  ///< ids in changed whose new geometry fails GEOSisValid
    std::vector<std::string> invalidReasons; ///< GEOS reason per entry of invalid
};

/// Moves the vertex at @p from to @p to in every parcel having a vertex
/// within @p tol of @p from (in each ring only the vertex nearest to @p from
/// moves, so two vertices of one ring never merge by accident). ok = false
/// when no parcel has a vertex there. Invalid results are still returned in
/// changed and listed in invalid: the caller decides to refuse or accept.
VertexEditResult moveVertex(const ParcelGeoms &parcels, XY from, XY to, double tol);

/// Inserts a vertex at the point nearest to @p at on every segment within
/// @p tol (a shared edge gets it on both sides; the same exact coordinate
/// everywhere: the projection on the nearest segment found). Parcels that
/// already have a vertex within @p tol are left alone. ok = false when no
/// segment is near.
VertexEditResult insertVertex(const ParcelGeoms &parcels, XY at, double tol);

/// Deletes the vertex within @p tol of @p at from every parcel that has it.
/// Refused (ok = false, nothing changed) when a ring would keep fewer than 3
/// distinct vertices, or when no parcel has a vertex there.
VertexEditResult deleteVertex(const ParcelGeoms &parcels, XY at, double tol);

// ------------------------------------------------------------------ tracing

struct TraceResult {
    bool ok = false;
    std::string error;
    std::vector<XY> path; ///< from the snapped start to the snapped end, every boundary vertex on the way
    double length = 0;    ///< metres
};

/// Tracing (vẽ bám theo ranh giới có sẵn): the shortest path along the noded
/// boundaries of @p boundaries (Dijkstra on the boundary graph) between the
/// boundary points nearest to @p from and @p to; each must be within @p tol
/// of a boundary (a point on a segment splits that segment). Error when a
/// point is off the boundaries or the two are not connected.
TraceResult trace(const std::vector<MultiPoly> &boundaries, XY from, XY to, double tol);

// ---------------------------------------------------------------- numbering

/// Number for a new parcel on a sheet (thửa số mới): highest existing + 1,
/// 1 when the sheet has none. Retired numbers must be included by the caller
/// (Circular 25/2014: new numbers continue above the sheet's highest).
int nextParcelNumber(const std::vector<int> &existingNumbersInSheet);

/// Renumbering a sheet (đánh số thửa, Circular 25/2014): 1…n from the
/// northernmost parcel, in horizontal bands of @p bandHeight metres counted
/// down from the top label point; the first band runs west→east, the next
/// east→west, and so on (zig-zag). Within a band, ties in x go north first,
/// then lower id. Returns parcel id → new number. @p bandHeight ≤ 0 throws
/// std::invalid_argument.
std::map<int64_t, int> renumberZigZag(const std::vector<std::pair<int64_t, XY>> &parcelLabelPoints,
                                      double bandHeight);

// -------------------------------------------------------------- typed input

/// Bearing (phương vị, clockwise from grid north) typed by the officer, in
/// RADIANS: DMS "123°45'30\"", "123 45 30", "123:45:30", "123-45-30", decimal
/// degrees "123.7583", quadrant "N56°15'E". Range [0°, 360°). nullopt and a
/// Vietnamese @p error on bad text. Uses survey::parseBearing.
std::optional<double> parseBearing(const std::string &text, std::string *error = nullptr);

/// A positive distance in metres ("12.5", "12,5" with a decimal comma, "12.5m").
std::optional<double> parseDistance(const std::string &text, std::string *error = nullptr);

/// Typed coordinates in the VIETNAMESE SURVEYOR ORDER "X Y" = NORTHING first,
/// then EASTING (as in hồ sơ kỹ thuật thửa đất and point files), separated by
/// blanks, ';' or ',' (a ',' followed by a blank or a ';' is the separator
/// when decimal commas are used, e.g. "1234567,89; 567890,12"). Both values
/// may carry labels instead, in either order: "X=1234567.89 Y=567890.12",
/// "Y: 567890.12; X: 1234567.89" (X is north, Y is east, as on Vietnamese
/// maps). Returns XY with x = easting, y = northing. nullopt and @p error on
/// bad text.
std::optional<XY> parseXY(const std::string &text, std::string *error = nullptr);

/// The point at @p distance metres and @p bearingRad (clockwise from grid
/// north) from @p from: x += d·sin(b), y += d·cos(b).
XY polarPoint(XY from, double distance, double bearingRad);

/// Bearing in radians [0, 2π) from one point to another (clockwise from north).
double bearingBetween(XY from, XY to);

/// "123°45'30.0\"" for a bearing in radians; @p secondDecimals digits.
std::string formatBearing(double bearingRad, int secondDecimals = 1);

} // namespace vnland::edit
