// Recognising the CRS of imported data: deprecated EPSG codes, PROJ.4 strings
// with +towgs84 (either sign convention), .prj WKT1 from MicroStation, ArcGIS
// or MapInfo naming VN-2000 without an authority, and custom TM-3 definitions.
// The importer calls crs::recognize on the .prj / CRS text it found.
#pragma once

#include <string>
#include <vector>

namespace vnland::crs {

struct Recognition {
    int epsg = 0;                   // EPSG code to store/use; 0 = no safe code (see notes)
    std::string name;               // what the definition is, in words
    bool vn2000 = false;            // on the VN-2000 datum (declared or inferred)
    bool wrongSignTowgs84 = false;  // +towgs84/TOWGS84 has Decision 05/2007's signs pasted unchanged
    std::vector<std::string> notes; // what was recognised and every warning, for the user

    // Additions beyond the core fields:
    int suggestedEpsg = 0;          // code the user may accept (wrong-sign or ambiguous cases)
    int deprecatedEpsg = 0;         // the deprecated code found in the input (6956–6959)
    bool corrected = false;         // the wrong-sign definition was replaced because the caller asked
    std::string definition;         // what to pass to createCrs: "EPSG:n", a synthesised WKT, or the input
    bool ok() const { return !definition.empty(); }
};

struct RecognizeOptions {
    /// Replace a wrong-sign +towgs84 definition by the EPSG code (only when the user agreed).
    bool correctWrongSign = false;
};

/// Recognises a CRS given as WKT (1 or 2, with or without authority), a
/// PROJ.4/PROJ string, or "EPSG:n". Never throws; unknown input gives
/// ok() == false and a note saying why.
Recognition recognize(const std::string &wktOrProj, const RecognizeOptions &options = {});

/// Position-vector +towgs84 parameters of EPSG:6960 (7 values), the correct form.
const double *vn2000Towgs84();

} // namespace vnland::crs
