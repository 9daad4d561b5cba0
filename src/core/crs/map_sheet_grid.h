// Map sheet division and numbering (số hiệu mảnh) of cadastral maps,
// Circular 25/2014/TT-BTNMT Art. 5.5: square inner frames on the plane
// kilometre grid of the provincial VN-2000 TM-3 projection, numbered from
// the upper-left corner. The grid anchoring and the truncation of X are not
// in the excerpts of the Circular we have, so they are parameters whose
// defaults reproduce a real sheet (Viên Nội, Hà Nội: 1:1000 `301575-1-b`).
// Coordinates: north = X, east = Y in Vietnamese usage; metres.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vnland::crs {

struct SheetGridParams {
    double anchorNorth = 0;      // 1:10000 (6 km) and 1:5000 (3 km) cells start at this northing
    double anchorEast = 500000;  // … and at this easting (the false easting)
    int xModulusKm = 1000;       // X in km is written modulo this (1000 → last 3 digits); 0 = full value
    int xThousandsKm = 2000;     // added back when reading an id (2000 north of about 18°N, 1000 south of it)
};

/// Scales the Circular numbers: 10000, 5000, 2000, 1000, 500, 200.
const std::vector<int> &sheetScales();

struct SheetFrame {
    std::string id;
    int scale = 0;
    double minNorth = 0, maxNorth = 0, minEast = 0, maxEast = 0; // inner frame (khung trong)
    bool contains(double north, double east) const
    {
        return north >= minNorth && north <= maxNorth && east >= minEast && east <= maxEast;
    }
    /// WKT polygon in (east north) order, closed, counter-clockwise from the lower-left corner.
    std::string wkt() const;
    /// Side length on the ground, metres.
    double size() const { return maxEast - minEast; }
};

/// Sheet containing (north, east) at @p scale. Cells are closed at the
/// bottom/left and open at the top/right. Null + @p error when the scale is
/// not one of sheetScales() or the point is off the numbering range.
std::optional<SheetFrame> sheetAt(double north, double east, int scale, const SheetGridParams &params = {},
                                  std::string *error = nullptr);

/// Frame of a sheet id ("10-300576", "301575", "301575-1", "301575-1-b",
/// "301575-1-(16)", "301575-1-100"). Null + @p error when the id is malformed
/// or not on the grid.
std::optional<SheetFrame> sheetFrame(const std::string &id, const SheetGridParams &params = {},
                                     std::string *error = nullptr);

/// The 8 sheets around @p frame at the same scale, clockwise from north:
/// N, NE, E, SE, S, SW, W, NW (ones off the numbering range are skipped).
std::vector<SheetFrame> sheetNeighbours(const SheetFrame &frame, const SheetGridParams &params = {});

/// The sheets at @p scale that intersect the rectangle (closed), top row
/// first, left to right. Empty when the rectangle is off the numbering range.
/// Used to fill a project's map_sheet table from the parcels' extent.
std::vector<SheetFrame> sheetsCovering(double minNorth, double minEast, double maxNorth, double maxEast, int scale,
                                       const SheetGridParams &params = {});

/// Orders sheets for the per-commune serial (tờ số 1, 2, …): smaller scales
/// first (1:10000 before 1:1000), then top to bottom, then left to right.
void sortForSerials(std::vector<SheetFrame> &sheets);

struct GridCross {
    double north = 0, east = 0;
    int row = 0, col = 0;  // row 0 = top edge, col 0 = left edge
    bool onFrame = false;  // on the inner frame line
};

/// Grid crosses (mắt lưới) every 10 cm of paper: scale/10 metres apart,
/// including the frame corners and edges, top row first, left to right.
std::vector<GridCross> gridCrosses(const SheetFrame &frame);

} // namespace vnland::crs
