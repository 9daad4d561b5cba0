// DMS parsing and formatting.
#include "crs/angle_format.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <regex>

namespace vnland::crs {

namespace {
/// A decimal number matched by the pattern below; nullopt when it does not fit a double
/// (std::stod would throw on "1e999"-like digit runs).
std::optional<double> number(const std::string &digits)
{
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(digits.c_str(), &end);
    if (end == digits.c_str() || errno == ERANGE || !std::isfinite(v))
        return std::nullopt;
    return v;
}
} // namespace

std::optional<double> parseAngle(const std::string &text)
{
    // Separators: ° d : ' ′ " ″ or spaces; hemisphere letter before or after.
    static const std::regex re(
        R"(^\s*([NSEWnsew])?\s*([+-]?\d+(?:\.\d+)?)\s*(?:°|d|:|\s)?\s*(?:(\d+(?:\.\d+)?)\s*(?:'|′|:|\s)?\s*(?:(\d+(?:\.\d+)?)\s*(?:"|″|'')?)?)?\s*([NSEWnsew])?\s*$)");
    std::smatch m;
    if (!std::regex_match(text, m, re))
        return std::nullopt;
    if (m[1].matched && m[5].matched)
        return std::nullopt;
    const std::string degText = m[2].str();
    const auto degValue = number(degText);
    if (!degValue)
        return std::nullopt;
    double deg = *degValue;
    const bool negative = !degText.empty() && degText[0] == '-';
    double v = std::fabs(deg);
    if (m[3].matched) {
        if (degText.find('.') != std::string::npos)
            return std::nullopt; // 10.5°30' makes no sense
        const auto minValue = number(m[3].str());
        if (!minValue || *minValue >= 60)
            return std::nullopt;
        const double min = *minValue;
        if (min >= 60)
            return std::nullopt;
        v += min / 60.0;
        if (m[4].matched) {
            if (m[3].str().find('.') != std::string::npos)
                return std::nullopt;
            const auto secValue = number(m[4].str());
            if (!secValue || *secValue >= 60)
                return std::nullopt;
            const double sec = *secValue;
            if (sec >= 60)
                return std::nullopt;
            v += sec / 3600.0;
        }
    }
    const std::string hemi = m[1].matched ? m[1].str() : (m[5].matched ? m[5].str() : std::string());
    const bool south = !hemi.empty() && (hemi[0] == 'S' || hemi[0] == 's' || hemi[0] == 'W' || hemi[0] == 'w');
    return (negative != south) ? -v : v;
}

std::string formatDms(double degrees, bool latitude, int secondDecimals)
{
    const char hemi = latitude ? (degrees < 0 ? 'S' : 'N') : (degrees < 0 ? 'W' : 'E');
    const double scale = std::pow(10.0, secondDecimals);
    // Round once in units of the last second digit so 59.999995" carries over.
    long long units = std::llround(std::fabs(degrees) * 3600.0 * scale);
    const long long perDeg = static_cast<long long>(3600 * scale);
    const long long perMin = static_cast<long long>(60 * scale);
    const long long d = units / perDeg;
    units -= d * perDeg;
    const long long mi = units / perMin;
    units -= mi * perMin;
    const double s = static_cast<double>(units) / scale;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld°%02lld'%0*.*f\"%c", d, mi, secondDecimals + (secondDecimals ? 3 : 2),
                  secondDecimals, s, hemi);
    return buf;
}

} // namespace vnland::crs
