// From survey points to parcels (thửa đất): point codes or LINE sequences join
// points into boundary lines (ranh giới thửa); the lines are noded and
// polygonized with GEOS; dangles (đoạn treo) and unclosed boundaries are
// reported; label points give parcel numbers and land-use codes.
//
// Code conventions (field "code" of a point, blank-separated tokens):
//   RG<id>      the point continues boundary line RG<id> (RG = ranh giới);
//   RG<id>.S    the point starts a new chain of that line (breaks it);
//   RG<id>.C    the point ends the chain, which is closed back to its first point;
//   RG<id>.E    the point ends the chain (open).
//   A point can be on several lines: "RG1 RG2.S".
//   THUA <n> [<land-use code>]   a label point: parcel number and land use
//   of the parcel that contains it.
// LINE records of a point file ("LINE 1-2-3-4-1", "LINE 10..14") connect the
// named points in order (number sequences).
#pragma once

#include "model/parcel.h"
#include "survey/survey_point.h"

#include <optional>
#include <string>
#include <vector>

namespace vnland::survey {

struct ParcelBuildOptions {
    std::string linePrefix = "RG";     ///< tokens starting with this are line codes
    std::string labelKeyword = "THUA"; ///< label point keyword
    double gridSize = 0.001;           ///< coordinates snapped to this grid (metres) before noding
    std::string communeCode;
    std::optional<int> toSo;
};

struct BuildIssue {
    std::string kind;                  ///< dangle | cut | invalid_ring | unknown_point | label_outside | label_twice | unlabelled
    std::string message;               ///< X (north) / Y (east) order in the text
    std::vector<unsigned char> wkb;    ///< where, in the project CRS
};

struct ParcelBuildResult {
    std::vector<SurveyLine> lines;     ///< the boundary lines joined from the points
    std::vector<model::Parcel> parcels;///< polygons with measured area (and label data)
    std::vector<BuildIssue> issues;
};

/// Boundary lines from point codes and LINE sequences. Points must already be
/// in the project CRS. Unknown names in LINE sequences become issues.
std::vector<SurveyLine> boundaryLines(const std::vector<SurveyPoint> &points,
                                      const std::vector<std::pair<int64_t, std::vector<std::string>>> &connections,
                                      const ParcelBuildOptions &options, std::vector<BuildIssue> &issues);

/// The linework buildParcels polygonizes: @p lines snapped to the grid,
/// each distinct segment once (duplicates and collinear overlaps merged in
/// O(n log n)), noded at every crossing and merged through vertices where
/// only two edges meet. One entry per edge of the planar graph.
std::vector<SurveyLine> nodedBoundaries(const std::vector<SurveyLine> &lines, const ParcelBuildOptions &options,
                                        std::vector<BuildIssue> &issues);

/// Nodes and polygonizes @p lines; label points (code THUA …) among @p points
/// give numbers and land-use codes. Parcels come out north to south, west to east.
ParcelBuildResult buildParcels(const std::vector<SurveyLine> &lines, const std::vector<SurveyPoint> &points,
                               const ParcelBuildOptions &options);

} // namespace vnland::survey
