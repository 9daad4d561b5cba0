// Polar reduction of total-station observations.
#include "survey/polar.h"

#include <cmath>

namespace vnland::survey {
namespace {
constexpr double kPi = 3.14159265358979323846;
double norm360(double a)
{
    a = std::fmod(a, 360.0);
    return a < 0 ? a + 360.0 : a;
}
} // namespace

double azimuthDeg(double fromNorth, double fromEast, double toNorth, double toEast)
{
    return norm360(std::atan2(toEast - fromEast, toNorth - fromNorth) * 180.0 / kPi);
}

void orientOn(Station &st, double bsNorth, double bsEast, double hzDeg)
{
    st.orientationDeg = norm360(azimuthDeg(st.north, st.east, bsNorth, bsEast) - hzDeg);
    st.oriented = true;
}

PolarResult reducePolar(const Station &st, double hzDeg, double zenithDeg, double slopeDistance, double targetHeight,
                        std::optional<double> heightDifference)
{
    PolarResult r;
    const double z = zenithDeg * kPi / 180.0;
    r.horizontalDistance = slopeDistance * std::sin(z);
    r.azimuthDeg = norm360(hzDeg + st.orientationDeg);
    const double a = r.azimuthDeg * kPi / 180.0;
    r.north = st.north + r.horizontalDistance * std::cos(a);
    r.east = st.east + r.horizontalDistance * std::sin(a);
    if (st.height) {
        const double dh = heightDifference ? *heightDifference : slopeDistance * std::cos(z);
        r.height = *st.height + st.instrumentHeight + dh - targetHeight;
    }
    return r;
}

double gonToDeg(double gon) { return gon * 0.9; }

double packedDmsToDeg(double packed)
{
    const double sign = packed < 0 ? -1 : 1;
    packed = std::fabs(packed);
    // Work in units of 0.01" so that 45.3000 does not become 45°29'59.99".
    const long long u = std::llround(packed * 1000000.0);
    const long long d = u / 1000000, m = (u / 10000) % 100;
    const double s = static_cast<double>(u % 10000) / 100.0;
    return sign * (static_cast<double>(d) + static_cast<double>(m) / 60.0 + s / 3600.0);
}

} // namespace vnland::survey
