// Parcel numbering after Circular 25/2014 and typed input (bearing, distance,
// coordinates) for the next vertex.
#include "edit/edit_ops.h"

#include "survey/cogo.h"
#include "survey/polar.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace vnland::edit {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string trimmed(const std::string &s)
{
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

/// A whole-string number with '.' or ',' as decimal mark.
std::optional<double> number(std::string s)
{
    s = trimmed(s);
    if (s.empty())
        return std::nullopt;
    std::replace(s.begin(), s.end(), ',', '.');
    size_t used = 0;
    try {
        const double v = std::stod(s, &used);
        if (used != s.size() || !std::isfinite(v))
            return std::nullopt;
        return v;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace

int nextParcelNumber(const std::vector<int> &existingNumbersInSheet)
{
    int highest = 0;
    for (int n : existingNumbersInSheet)
        highest = std::max(highest, n);
    return highest + 1;
}

std::map<int64_t, int> renumberZigZag(const std::vector<std::pair<int64_t, XY>> &points, double bandHeight)
{
    if (!(bandHeight > 0))
        throw std::invalid_argument("renumberZigZag: band height must be positive");
    std::map<int64_t, int> out;
    if (points.empty())
        return out;
    double top = points.front().second.y;
    for (const auto &p : points)
        top = std::max(top, p.second.y);
    struct Item {
        long band;
        double x, y;
        int64_t id;
    };
    std::vector<Item> items;
    items.reserve(points.size());
    for (const auto &[id, p] : points)
        items.push_back({static_cast<long>(std::floor((top - p.y) / bandHeight)), p.x, p.y, id});
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.band != b.band)
            return a.band < b.band;
        // Bands are counted from the top one (0) whatever the empty bands between:
        // parity of the band index keeps the zig-zag tied to position, not to order.
        const bool eastward = a.band % 2 == 0;
        if (a.x != b.x)
            return eastward ? a.x < b.x : a.x > b.x;
        if (a.y != b.y)
            return a.y > b.y;
        return a.id < b.id;
    });
    int n = 0;
    for (const Item &it : items)
        out[it.id] = ++n;
    return out;
}

std::optional<double> parseBearing(const std::string &textIn, std::string *error)
{
    const std::string text = trimmed(textIn);
    const auto deg = survey::parseBearing(text);
    if (!deg) {
        if (error)
            *error = text.empty() ? "Chưa nhập phương vị"
                                  : "Phương vị không hợp lệ: '" + text +
                                        "' (nhập độ phút giây 123°45'30\", 123 45 30 hoặc độ thập phân 123.7583, từ 0 "
                                        "đến dưới 360)";
        return std::nullopt;
    }
    return *deg * kPi / 180.0;
}

std::optional<double> parseDistance(const std::string &textIn, std::string *error)
{
    std::string text = trimmed(textIn);
    if (text.size() > 1 && (text.back() == 'm' || text.back() == 'M'))
        text = trimmed(text.substr(0, text.size() - 1));
    const auto d = number(text);
    if (!d || *d <= 0) {
        if (error)
            *error = "Khoảng cách không hợp lệ: '" + trimmed(textIn) + "' (số mét dương, ví dụ 12.5)";
        return std::nullopt;
    }
    return d;
}

std::optional<XY> parseXY(const std::string &textIn, std::string *error)
{
    const std::string text = trimmed(textIn);
    auto fail = [&]() -> std::optional<XY> {
        if (error)
            *error = "Tọa độ không hợp lệ: '" + text +
                     "' (nhập X (bắc) rồi Y (đông), cách nhau bằng dấu cách hoặc dấu chấm phẩy, ví dụ "
                     "1234567.89 567890.12)";
        return std::nullopt;
    };
    std::vector<std::string> fields;
    // A ';' or blanks always separate; a ',' separates only when no ';' or blank
    // does, otherwise it is a decimal comma.
    const bool commaSeparates = text.find(';') == std::string::npos &&
                                text.find_first_of(" \t") == std::string::npos;
    std::string cur;
    for (char c : text) {
        const bool sep = c == ';' || c == ' ' || c == '\t' || (commaSeparates && c == ',');
        if (sep) {
            if (!cur.empty())
                fields.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        fields.push_back(cur);
    // "1234567,89, 567890,12": drop a trailing comma used as separator before a blank.
    for (std::string &f : fields)
        if (!f.empty() && f.back() == ',')
            f.pop_back();
    // Labels "X=… Y=…" (also "X: …", "Y = …", either order) name the axes.
    std::vector<std::string> joined;
    for (size_t i = 0; i < fields.size(); ++i) {
        std::string f = fields[i];
        while (i + 1 < fields.size() && (f == "=" || f == ":" || f.back() == '=' || f.back() == ':' ||
                                         ((f == "X" || f == "x" || f == "Y" || f == "y"))))
            f += fields[++i];
        joined.push_back(f);
    }
    if (joined.size() != 2)
        return fail();
    std::optional<double> north, east;
    int labelled = 0;
    for (size_t i = 0; i < 2; ++i) {
        std::string f = joined[i];
        char label = 0;
        if (f.size() > 2 && (f[1] == '=' || f[1] == ':') && std::strchr("XxYy", f[0])) {
            label = static_cast<char>(std::toupper(static_cast<unsigned char>(f[0])));
            f = f.substr(2);
            ++labelled;
        }
        const auto v = number(f);
        if (!v)
            return fail();
        const bool isNorth = label ? label == 'X' : i == 0;
        (isNorth ? north : east) = v;
    }
    if ((labelled != 0 && labelled != 2) || !north || !east)
        return fail(); // one label only, or X twice
    return XY{*east, *north};
}

XY polarPoint(XY from, double distance, double bearingRad)
{
    return {from.x + distance * std::sin(bearingRad), from.y + distance * std::cos(bearingRad)};
}

double bearingBetween(XY from, XY to)
{
    return survey::azimuthDeg(from.y, from.x, to.y, to.x) * kPi / 180.0;
}

std::string formatBearing(double bearingRad, int secondDecimals)
{
    secondDecimals = std::clamp(secondDecimals, 0, 6);
    double deg = std::fmod(bearingRad * 180.0 / kPi, 360.0);
    if (deg < 0)
        deg += 360.0;
    const double scale = std::pow(10.0, secondDecimals);
    // Round once in units of the last printed second digit so 59.99" never prints as 60".
    long long units = std::llround(deg * 3600.0 * scale);
    units %= static_cast<long long>(360LL * 3600LL * static_cast<long long>(scale));
    const long long perDeg = static_cast<long long>(3600 * scale), perMin = static_cast<long long>(60 * scale);
    const long long d = units / perDeg;
    const long long m = (units % perDeg) / perMin;
    const double s = static_cast<double>(units % perMin) / scale;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld°%02lld'%0*.*f\"", d, m, secondDecimals ? secondDecimals + 3 : 2,
                  secondDecimals, s);
    return buf;
}

} // namespace vnland::edit
