// GeoHash (Niemeyer's base-32 interleaved latitude/longitude cells), used for
// the parcel code (mã thửa đất) of draft Circular 19/2026.
#pragma once

#include <optional>
#include <string>

namespace vnland::crs {

/// GeoHash of a WGS84 position, @p length characters (1–22).
std::string geohashEncode(double latitude, double longitude, int length = 12);

struct GeohashCell {
    double minLat = 0, maxLat = 0, minLon = 0, maxLon = 0;
    double lat() const { return (minLat + maxLat) / 2; }
    double lon() const { return (minLon + maxLon) / 2; }
};

/// The cell of a GeoHash; null if it contains a character outside the alphabet.
std::optional<GeohashCell> geohashDecode(const std::string &hash);

} // namespace vnland::crs
