// Map sheet numbering of Circular 25/2014 Art. 5.5 (see map_sheet_grid.h).
#include "crs/map_sheet_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

namespace vnland::crs {
namespace {

constexpr double kCell10k = 6000, kCell5k = 3000, kCell2k = 1000;

struct Cell {
    double bottom = 0, left = 0, size = 0;
};

/// Cell of a regular grid anchored at (aN, aE) with side @p size containing (n, e).
Cell anchored(double n, double e, double aN, double aE, double size)
{
    return {aN + std::floor((n - aN) / size) * size, aE + std::floor((e - aE) / size) * size, size};
}

/// Sub-cell (row from top, column from left) of a parent split k × k.
Cell split(const Cell &parent, double n, double e, int k, int *rowFromTop, int *col)
{
    const double s = parent.size / k;
    const int rb = std::clamp(static_cast<int>(std::floor((n - parent.bottom) / s)), 0, k - 1);
    const int c = std::clamp(static_cast<int>(std::floor((e - parent.left) / s)), 0, k - 1);
    *rowFromTop = k - 1 - rb;
    *col = c;
    return {parent.bottom + rb * s, parent.left + c * s, s};
}

Cell child(const Cell &parent, int rowFromTop, int col, int k)
{
    const double s = parent.size / k;
    return {parent.bottom + (k - 1 - rowFromTop) * s, parent.left + col * s, s};
}

bool code(const Cell &c, const SheetGridParams &p, std::string *out, std::string *error)
{
    const long long topKm = std::llround((c.bottom + c.size) / 1000.0);
    const long long leftKm = std::llround(c.left / 1000.0);
    if (topKm < 0 || leftKm < 0 || leftKm > 999) {
        if (error)
            *error = "coordinate outside the sheet numbering range (X ≥ 0, 0 ≤ Y < 1 000 km)";
        return false;
    }
    const long long x = p.xModulusKm > 0 ? topKm % p.xModulusKm : topKm;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%03lld%03lld", x, leftKm);
    *out = buf;
    return true;
}

SheetFrame frameOf(const Cell &c, const std::string &id, int scale)
{
    SheetFrame f;
    f.id = id;
    f.scale = scale;
    f.minNorth = c.bottom;
    f.maxNorth = c.bottom + c.size;
    f.minEast = c.left;
    f.maxEast = c.left + c.size;
    return f;
}

std::string km(double metres)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", metres / 1000);
    return buf;
}

bool onGrid(double v, double anchor, double size)
{
    const double r = std::fmod(v - anchor, size);
    return std::fabs(r) < 1e-6 || std::fabs(std::fabs(r) - size) < 1e-6;
}

} // namespace

const std::vector<int> &sheetScales()
{
    static const std::vector<int> s = {10000, 5000, 2000, 1000, 500, 200};
    return s;
}

std::string SheetFrame::wkt() const
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", minEast, minNorth,
                  maxEast, minNorth, maxEast, maxNorth, minEast, maxNorth, minEast, minNorth);
    return buf;
}

std::optional<SheetFrame> sheetAt(double north, double east, int scale, const SheetGridParams &p, std::string *error)
{
    if (!std::isfinite(north) || !std::isfinite(east)) {
        if (error)
            *error = "coordinate is not a number";
        return std::nullopt;
    }
    std::string base;
    if (scale == 10000) {
        const Cell c = anchored(north, east, p.anchorNorth, p.anchorEast, kCell10k);
        if (!code(c, p, &base, error))
            return std::nullopt;
        return frameOf(c, "10-" + base, scale);
    }
    if (std::find(sheetScales().begin(), sheetScales().end(), scale) == sheetScales().end()) {
        if (error)
            *error = "scale 1:" + std::to_string(scale) + " has no sheet numbering (use 10000, 5000, 2000, 1000, 500 or 200)";
        return std::nullopt;
    }
    const Cell c5 = anchored(north, east, p.anchorNorth, p.anchorEast, kCell5k);
    if (!code(c5, p, &base, error))
        return std::nullopt;
    if (scale == 5000)
        return frameOf(c5, base, scale);
    int r = 0, c = 0;
    const Cell c2 = split(c5, north, east, 3, &r, &c);
    const std::string id2 = base + "-" + std::to_string(r * 3 + c + 1);
    if (scale == 2000)
        return frameOf(c2, id2, scale);
    if (scale == 1000) {
        const Cell c1 = split(c2, north, east, 2, &r, &c);
        return frameOf(c1, id2 + "-" + std::string(1, "abcd"[r * 2 + c]), scale);
    }
    if (scale == 500) {
        const Cell c05 = split(c2, north, east, 4, &r, &c);
        return frameOf(c05, id2 + "-(" + std::to_string(r * 4 + c + 1) + ")", scale);
    }
    const Cell c02 = split(c2, north, east, 10, &r, &c);
    return frameOf(c02, id2 + "-" + std::to_string(r * 10 + c + 1), scale);
}

std::optional<SheetFrame> sheetFrame(const std::string &idText, const SheetGridParams &p, std::string *error)
{
    static const std::regex re(R"(^\s*(10-)?(\d{3,4})(\d{3})(?:-([1-9])(?:-(?:([a-dA-D])|\((\d{1,2})\)|(\d{1,3})))?)?\s*$)");
    std::smatch m;
    auto fail = [&](const std::string &why) {
        if (error)
            *error = "sheet id '" + idText + "': " + why;
        return std::nullopt;
    };
    if (!std::regex_match(idText, m, re))
        return fail("not of the form 10-XXXYYY, XXXYYY, XXXYYY-n, XXXYYY-n-a, XXXYYY-n-(k) or XXXYYY-n-k");
    const bool tenK = m[1].matched;
    if (tenK && m[4].matched)
        return fail("a 1:10000 id has no sheet number after XXXYYY");
    const long long x = std::stoll(m[2].str());
    const long long y = std::stoll(m[3].str());
    if (p.xModulusKm > 0 && x >= p.xModulusKm)
        return fail("X part " + m[2].str() + " has more digits than the X truncation allows");
    const double topKm = static_cast<double>(p.xModulusKm > 0 ? p.xThousandsKm + x : x);
    const double top = topKm * 1000, left = static_cast<double>(y) * 1000;
    const double size = tenK ? kCell10k : kCell5k;
    if (!onGrid(top, p.anchorNorth, size) || !onGrid(left, p.anchorEast, size))
        return fail("upper-left corner X " + std::to_string(static_cast<long long>(topKm)) + " km, Y " +
                    std::to_string(y) + " km is not on the " + (tenK ? "6" : "3") + " km grid anchored at X " +
                    km(p.anchorNorth) + " km, Y " + km(p.anchorEast) + " km");
    Cell cell{top - size, left, size};
    int scale = tenK ? 10000 : 5000;
    if (m[4].matched) {
        const int n = std::stoi(m[4].str());
        cell = child(cell, (n - 1) / 3, (n - 1) % 3, 3);
        scale = 2000;
        if (m[5].matched) {
            const int q = std::tolower(static_cast<unsigned char>(m[5].str()[0])) - 'a';
            cell = child(cell, q / 2, q % 2, 2);
            scale = 1000;
        } else if (m[6].matched) {
            const int k = std::stoi(m[6].str());
            if (k < 1 || k > 16)
                return fail("a 1:500 sheet number is (1) to (16)");
            cell = child(cell, (k - 1) / 4, (k - 1) % 4, 4);
            scale = 500;
        } else if (m[7].matched) {
            const int k = std::stoi(m[7].str());
            if (k < 1 || k > 100)
                return fail("a 1:200 sheet number is 1 to 100");
            cell = child(cell, (k - 1) / 10, (k - 1) % 10, 10);
            scale = 200;
        }
    }
    // Re-derive the id from the centre so the spelling is canonical (lower-case letter).
    return sheetAt(cell.bottom + cell.size / 2, cell.left + cell.size / 2, scale, p, error);
}

std::vector<SheetFrame> sheetNeighbours(const SheetFrame &f, const SheetGridParams &p)
{
    static const int dirs[8][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
    const double s = f.size();
    const double cn = (f.minNorth + f.maxNorth) / 2, ce = (f.minEast + f.maxEast) / 2;
    std::vector<SheetFrame> out;
    for (const auto &d : dirs)
        if (auto n = sheetAt(cn + d[0] * s, ce + d[1] * s, f.scale, p))
            out.push_back(*n);
    return out;
}

std::vector<SheetFrame> sheetsCovering(double minNorth, double minEast, double maxNorth, double maxEast, int scale,
                                       const SheetGridParams &p)
{
    std::vector<SheetFrame> out;
    if (maxNorth < minNorth || maxEast < minEast)
        return out;
    const auto topLeft = sheetAt(maxNorth, minEast, scale, p);
    const auto bottomRight = sheetAt(minNorth, maxEast, scale, p);
    if (!topLeft || !bottomRight)
        return out;
    const double s = topLeft->size();
    // Sheets are half-open at the top/right: an extent ending exactly on a sheet
    // line does not reach into the next sheet.
    const double top = (maxNorth > minNorth && topLeft->minNorth == maxNorth) ? topLeft->minNorth : topLeft->maxNorth;
    const double right =
        (maxEast > minEast && bottomRight->minEast == maxEast) ? bottomRight->minEast : bottomRight->maxEast;
    const double bottom = bottomRight->minNorth, left = topLeft->minEast;
    for (double t = top; t > bottom + s / 2; t -= s)
        for (double l = left; l < right - s / 2; l += s)
            if (auto f = sheetAt(t - s / 2, l + s / 2, scale, p))
                out.push_back(*f);
    return out;
}

void sortForSerials(std::vector<SheetFrame> &sheets)
{
    std::stable_sort(sheets.begin(), sheets.end(), [](const SheetFrame &a, const SheetFrame &b) {
        if (a.scale != b.scale)
            return a.scale > b.scale;
        if (a.maxNorth != b.maxNorth)
            return a.maxNorth > b.maxNorth;
        return a.minEast < b.minEast;
    });
}

std::vector<GridCross> gridCrosses(const SheetFrame &f)
{
    std::vector<GridCross> out;
    const double step = f.scale / 10.0; // 10 cm of paper
    const int n = static_cast<int>(std::lround(f.size() / step));
    for (int r = 0; r <= n; ++r)
        for (int c = 0; c <= n; ++c) {
            GridCross g;
            g.row = r;
            g.col = c;
            g.north = f.maxNorth - r * step;
            g.east = f.minEast + c * step;
            g.onFrame = r == 0 || c == 0 || r == n || c == n;
            out.push_back(g);
        }
    return out;
}

} // namespace vnland::crs
