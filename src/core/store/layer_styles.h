// QGIS layer styles in the land database (table layer_styles, schemas/007): QGIS
// opens the parcel layer of a VNLand project filled by land-use code with the
// editor's colours (schemas/landuse_colors.csv), labelled with the thửa number over
// the area; map sheets as frames labelled with their number.
#pragma once

#include <string>

namespace vnland::store {

class Database;

/// QGIS QML (3.x) of the parcel layer: categorized by landuse_code.
std::string parcelStyleQml();
/// QGIS QML of the map_sheet layer: outline only, labelled with to_so.
std::string sheetStyleQml();
/// Writes (or refreshes) VNLand's default styles for parcel.geom and map_sheet.frame;
/// a style a user saved from QGIS under another name is left alone.
void writeLayerStyles(Database &db);

} // namespace vnland::store
