// Survey points and lines as the survey readers hand them to the store.
// Axis convention: Vietnamese survey files call the northing X and the easting
// Y; here every coordinate is named by direction (north/east) so that nothing
// depends on which letter a file used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnland::survey {

struct SurveyPoint {
    std::string name;               ///< số hiệu điểm
    std::string code;               ///< mã điểm (field code), may hold line-control tokens
    double north = 0;               ///< Vietnamese X (bắc), metres in the project CRS
    double east = 0;                ///< Vietnamese Y (đông), metres in the project CRS
    std::optional<double> height;   ///< H, metres
    std::string kind = "measured";  ///< measured | gnss | station | control | traverse | adjusted
    int64_t line = 0;               ///< line/record number in the source file (1-based)
};

/// A boundary line or traverse leg chain, as point coordinates in order.
struct SurveyLine {
    std::string code;
    std::string kind = "boundary";  ///< boundary | traverse | drawing
    std::string fromName, toName;
    std::vector<std::pair<double, double>> eastNorth; ///< (east, north) vertices
};

/// A line of the source that could not be read.
struct RejectedLine {
    int64_t line = 0;
    std::string text;
    std::string reason;
};

} // namespace vnland::survey
