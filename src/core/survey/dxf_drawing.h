// Cadastral drawings from CAD (DXF, read with GDAL's DXF driver): polylines
// on the boundary layers become parcels (closed ones directly, open ones
// noded and polygonized with the rest of the linework); TEXT/MTEXT inside a
// parcel gives its parcel number (số thửa), land-use code (mã loại đất) and
// drawn area; legacy TCVN3/VNI/CP1258 text is decoded (io::decode).
//
// Layer presets. "tt25" follows the level conventions of Circular 25/2014
// (cadastral_rules.md): boundary level 10, parcel label level 11, current land
// type level 2, area level 4. A DXF layer matches a level when its name is the
// number, optionally after "Level"/"LV"/"L" ("10", "Level 10", "LV_10").
// Preset "any": every polyline is a boundary and texts are read by their form
// (an integer = parcel number, 2–4 capital letters = land-use code, a decimal
// number = area); other texts are kept as labels.
#pragma once

#include "survey/parcel_builder.h"
#include "survey/survey_point.h"

#include <string>
#include <vector>

namespace vnland::survey {

struct DxfOptions {
    std::string preset = "tt25";              ///< tt25 | any
    std::vector<std::string> boundaryLayers;  ///< override: DXF layer names or level numbers
    std::string encoding;                     ///< tcvn3 | vni | cp1258 | utf-8; empty = file's code page
    ParcelBuildOptions parcels;
};

struct DxfLabel {
    std::string layer;
    std::string text;                         ///< decoded, UTF-8 NFC
    double north = 0, east = 0;
};

struct DxfResult {
    bool ok = false;
    std::string error;
    ParcelBuildResult build;                  ///< parcels (with labels applied), lines, issues
    std::vector<DxfLabel> otherLabels;        ///< texts that are not number / code / area
    /// Entities that cannot be used (a HATCH without boundary path, a TEXT
    /// or vertex at NaN/∞): named by type, layer and entity handle (line 0:
    /// GDAL gives no DXF line numbers).
    std::vector<RejectedLine> rejected;
    int closedPolylines = 0, openLines = 0, texts = 0;
    std::string layout;
};

DxfResult readDxfDrawing(const std::string &path, const DxfOptions &options);

} // namespace vnland::survey
