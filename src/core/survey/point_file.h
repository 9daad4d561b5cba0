// Reader for surveyors' point files (CSV/TXT): with or without a header, the
// common layouts PNEZD, PENZD, NEZ, PNEZ, PNE (+ code), delimiter (comma,
// semicolon, tab, spaces) and decimal separator (point or comma) detected,
// projected coordinates or WGS84 degrees (decimal or DMS such as 20°58'12.3"N).
//
// Axis order (thứ tự trục). Vietnamese files call the northing X and the
// easting Y, and write X first. The order of the two coordinate columns is
// decided, in this priority:
//   1. header names: N/NORTH/NORTHING/LAT are north, E/EAST/EASTING/LON east;
//      X/Y are Vietnamese (X = north) unless order = EastNorth is given;
//   2. the option order = NorthEast (--order ne) or EastNorth (--order en);
//   3. the values: anywhere in Vietnam a VN-2000/UTM northing (> 940 000 m) is
//      larger than the easting (< 840 000 m) and a latitude (8–24°) smaller
//      than the longitude (102–110°); hemisphere letters N/S/E/W decide DMS;
//   4. otherwise north first, with a warning.
// Headerless layout per line: a first field that is not a number is the point
// name; with four or more fields the first is the name (PNEZ…); with three
// numbers the third decides: |v| >= 10 000 m → P N E, else N E Z. After the
// two coordinates a number is the height, anything else the code (the rest of
// the line). Lines starting with '#' or '//' are comments. Lines starting
// with LINE (or NOI) list point names to connect, e.g. "LINE 1-2-3-4-1" or
// "LINE 10..14 10" (see parcel_builder.h).
#pragma once

#include "survey/survey_point.h"

#include <string>
#include <vector>

namespace vnland::survey {

enum class AxisOrder { Auto, NorthEast, EastNorth };

struct PointFileOptions {
    AxisOrder order = AxisOrder::Auto;
    /// Forces geographic (true) or projected (false) reading; unset = by values.
    std::optional<bool> geographic;
};

struct PointFileResult {
    bool ok = false;
    std::string error;                   ///< why nothing could be read (names the file)
    std::vector<SurveyPoint> points;     ///< north/east in file units (metres, or degrees when geographic)
    std::vector<RejectedLine> rejected;
    /// LINE sequences: point names in order (each a connection chain).
    std::vector<std::pair<int64_t, std::vector<std::string>>> connections;
    bool geographic = false;             ///< coordinates are latitude/longitude degrees
    bool header = false;
    char delimiter = ',';                ///< ',', ';', '\t' or ' ' (runs of blanks)
    char decimal = '.';
    std::string layout;                  ///< e.g. "header: P N E Z D" or "PNEZD"
    std::string orderHow;                ///< how the axis order was decided
    std::vector<std::string> warnings;
};

PointFileResult readPointFile(const std::string &path, const PointFileOptions &options = {});
/// Same, from text already in memory; @p sourceName is used in messages.
PointFileResult parsePointText(std::string_view text, const std::string &sourceName,
                               const PointFileOptions &options = {});

/// "comma", "semicolon", "tab", "spaces".
std::string delimiterName(char d);

} // namespace vnland::survey
