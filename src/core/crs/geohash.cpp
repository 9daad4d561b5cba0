// GeoHash encoding and decoding.
#include "crs/geohash.h"

#include <algorithm>
#include <cstring>

namespace vnland::crs {
namespace {
constexpr char kAlphabet[] = "0123456789bcdefghjkmnpqrstuvwxyz";
}

std::string geohashEncode(double latitude, double longitude, int length)
{
    length = std::clamp(length, 1, 22);
    double lat[2] = {-90, 90}, lon[2] = {-180, 180};
    std::string out;
    bool even = true; // longitude bit first
    int bit = 0, ch = 0;
    while (static_cast<int>(out.size()) < length) {
        double *range = even ? lon : lat;
        const double v = even ? longitude : latitude;
        const double mid = (range[0] + range[1]) / 2;
        ch <<= 1;
        if (v >= mid) {
            ch |= 1;
            range[0] = mid;
        } else {
            range[1] = mid;
        }
        even = !even;
        if (++bit == 5) {
            out += kAlphabet[ch];
            bit = 0;
            ch = 0;
        }
    }
    return out;
}

std::optional<GeohashCell> geohashDecode(const std::string &hash)
{
    GeohashCell c{-90, 90, -180, 180};
    bool even = true;
    for (char h : hash) {
        const char *p = std::strchr(kAlphabet, h >= 'A' && h <= 'Z' ? h - 'A' + 'a' : h);
        if (!p || !*p)
            return std::nullopt;
        const int v = static_cast<int>(p - kAlphabet);
        for (int b = 4; b >= 0; --b) {
            const bool one = (v >> b) & 1;
            double &lo = even ? c.minLon : c.minLat;
            double &hi = even ? c.maxLon : c.maxLat;
            const double mid = (lo + hi) / 2;
            (one ? lo : hi) = mid;
            even = !even;
        }
    }
    return c;
}

} // namespace vnland::crs
