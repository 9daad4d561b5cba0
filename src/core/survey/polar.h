// Polar reduction (tính tọa độ từ góc và cạnh): a total-station observation
// from a station (điểm trạm máy) oriented on a backsight (điểm định hướng)
// becomes coordinates. Shared by the GSI and SDR33 reader plugins.
//
// Conventions: horizontal directions clockwise from the circle zero, zenith
// angles from the vertical (90° = horizontal), slope distances in metres.
// Azimuth = Hz + orientation, orientation = azimuth(station → backsight) −
// Hz reading on the backsight. ΔX(north) = HD·cos az, ΔY(east) = HD·sin az,
// HD = SD·sin z, ΔH = SD·cos z + instrument height − target height.
#pragma once

#include <optional>

namespace vnland::survey {

struct Station {
    double north = 0, east = 0;
    std::optional<double> height;
    double instrumentHeight = 0;
    double orientationDeg = 0;  ///< added to Hz readings to get azimuths
    bool oriented = false;
};

struct PolarResult {
    double north = 0, east = 0;
    std::optional<double> height;
    double horizontalDistance = 0;
    double azimuthDeg = 0;
};

/// Azimuth in degrees [0, 360) from one point to another (north/east metres).
double azimuthDeg(double fromNorth, double fromEast, double toNorth, double toEast);

/// Orients @p st on a backsight with known coordinates read with @p hzDeg.
void orientOn(Station &st, double bsNorth, double bsEast, double hzDeg);

/// @p slopeDistance with @p zenithDeg; or give the horizontal distance with
/// zenithDeg = 90 (no height then unless @p heightDifference is given).
PolarResult reducePolar(const Station &st, double hzDeg, double zenithDeg, double slopeDistance,
                        double targetHeight, std::optional<double> heightDifference = std::nullopt);

/// Angle units of instrument files.
double gonToDeg(double gon);
/// DDD.MMSSss packed as in instrument files (e.g. 123.45005 → 123°45'00.5").
double packedDmsToDeg(double packed);

} // namespace vnland::survey
