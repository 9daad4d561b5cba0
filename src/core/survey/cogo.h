// COGO traverse (đường chuyền): legs of bearing and distance from a known
// point, optionally closing on a known point; misclose (sai số khép) and the
// compass-rule (Bowditch) adjustment.
//
// Traverse file (one record a line, blanks between fields, '#' comments):
//   START <name> <X north> <Y east>     known start point (Vietnamese X = north first)
//   LEG <to-name> <bearing> <distance>   one leg from the previous point
//   CLOSE <name>                         closes on a point named earlier (loop)
//   CLOSE <name> <X north> <Y east>      closes on another known point
// Bearings are azimuths (phương vị) from grid north, clockwise, in degrees:
// DMS 26°10'00", 26:10:00, 26-10-00, or decimal 26.1666667; or quadrant
// bearings N26°10'E, S29-38-00E … Distances are horizontal, in metres.
#pragma once

#include "survey/survey_point.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnland::survey {

struct TraverseLeg {
    std::string to;
    double azimuthDeg = 0;
    double distance = 0;
    int64_t line = 0;
};

struct Traverse {
    std::string startName;
    double startNorth = 0, startEast = 0;
    std::vector<TraverseLeg> legs;
    bool closes = false;
    std::string closeName;
    double closeNorth = 0, closeEast = 0;
};

struct TraverseParse {
    bool ok = false;
    std::string error;
    Traverse traverse;
    std::vector<RejectedLine> rejected;
};

/// Parses a traverse file (see above); @p sourceName is used in messages.
TraverseParse parseTraverse(std::string_view text, const std::string &sourceName);
TraverseParse readTraverseFile(const std::string &path);

/// Azimuth in degrees from a DMS/decimal azimuth or a quadrant bearing.
std::optional<double> parseBearing(const std::string &text);

struct TraverseResult {
    bool closes = false;
    double totalLength = 0;
    double miscloseNorth = 0, miscloseEast = 0;  ///< computed minus known, metres
    double miscloseDistance = 0;
    double ratio = 0;                            ///< N of 1:N (0 when the misclose is zero or open)
    std::vector<SurveyPoint> unadjusted;         ///< start, then one per leg
    std::vector<SurveyPoint> adjusted;           ///< the same after the compass rule
    std::vector<SurveyLine> lines;               ///< adjusted legs

    std::string toText() const;
};

/// Runs the traverse; with a closing point the compass rule distributes the
/// misclose in proportion to the leg lengths.
TraverseResult adjustTraverse(const Traverse &t);

} // namespace vnland::survey
