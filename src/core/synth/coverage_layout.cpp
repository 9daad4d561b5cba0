// Geometry of a synthetic coverage: block grid, block layouts, lot rings and
// map sheets (see coverage_layout.h).
#include "synth/coverage_layout.h"

#include "crs/map_sheet_grid.h"
#include "synth/vn_names.h"

#include <algorithm>
#include <cmath>

namespace vnland::synth::layout {

double quant(double v)
{
    return std::round(v * 1000.0) / 1000.0; // survey coordinates to the millimetre
}

static uint64_t splitmix(uint64_t &state)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t hashMix(uint64_t seed, std::initializer_list<int64_t> values)
{
    uint64_t state = seed ^ 0x5851F42D4C957F2DULL;
    uint64_t h = splitmix(state);
    for (int64_t v : values) {
        state ^= static_cast<uint64_t>(v) + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h ^= splitmix(state);
    }
    return h;
}

std::mt19937_64 rngFor(uint64_t seed, int64_t a, int64_t b, int64_t tag)
{
    return std::mt19937_64(hashMix(seed, {a, b, tag}));
}

static double splitUnit(uint64_t &state)
{
    return static_cast<double>(splitmix(state) >> 11) * 0x1.0p-53;
}

/// Appends @p a and the interior points of the primitive edge a→b (not b).
void appendEdge(std::vector<Pt> &ring, Pt a, Pt b, uint64_t seed)
{
    ring.push_back(a);
    const bool swapped = (b.x < a.x) || (b.x == a.x && b.y < a.y);
    const Pt p = swapped ? b : a;
    const Pt q = swapped ? a : b;
    const double dx = q.x - p.x, dy = q.y - p.y;
    const double len = std::hypot(dx, dy);
    if (len < 4.0)
        return;
    uint64_t state = hashMix(seed, {std::llround(p.x * 1000), std::llround(p.y * 1000), std::llround(q.x * 1000),
                                    std::llround(q.y * 1000)});
    const int n = len < 25.0 ? 1 : 1 + static_cast<int>(splitmix(state) % 2);
    const double nx = -dy / len, ny = dx / len;
    const double amp = std::min(0.3, 0.04 * len);
    std::vector<Pt> pts;
    for (int k = 1; k <= n; ++k) {
        const double t = (k + (splitUnit(state) - 0.5) * 0.5) / (n + 1);
        const double off = amp * (0.3 + 0.7 * splitUnit(state)) * (splitUnit(state) < 0.5 ? -1.0 : 1.0);
        pts.push_back({quant(p.x + dx * t + nx * off), quant(p.y + dy * t + ny * off)});
    }
    if (swapped)
        std::reverse(pts.begin(), pts.end());
    ring.insert(ring.end(), pts.begin(), pts.end());
}

/// Appends the chain of nodes (each consecutive pair a primitive edge), without the last node.
void appendChain(std::vector<Pt> &ring, const std::vector<Pt> &nodes, uint64_t seed)
{
    for (size_t k = 0; k + 1 < nodes.size(); ++k)
        appendEdge(ring, nodes[k], nodes[k + 1], seed);
}

double signedArea(const std::vector<Pt> &ring)
{
    double a = 0;
    const size_t n = ring.size();
    for (size_t k = 0; k < n; ++k) {
        const Pt &p = ring[k], &q = ring[(k + 1) % n];
        a += (p.x - ring[0].x) * (q.y - ring[0].y) - (q.x - ring[0].x) * (p.y - ring[0].y);
    }
    return a / 2;
}

Pt centroid(const std::vector<Pt> &ring)
{
    double a = 0, cx = 0, cy = 0;
    const Pt o = ring[0];
    const size_t n = ring.size();
    for (size_t k = 0; k < n; ++k) {
        const double px = ring[k].x - o.x, py = ring[k].y - o.y;
        const double qx = ring[(k + 1) % n].x - o.x, qy = ring[(k + 1) % n].y - o.y;
        const double c = px * qy - qx * py;
        a += c;
        cx += (px + qx) * c;
        cy += (py + qy) * c;
    }
    if (std::abs(a) < 1e-12)
        return o;
    return {o.x + cx / (3 * a), o.y + cy / (3 * a)};
}

// --- the grid -------------------------------------------------------------------

static BlockCounts drawCounts(const Grid &g, int i, int j)
{
    std::mt19937_64 r = rngFor(g.seed, i, j, 1);
    int lo = 2, hi = 4;
    switch (g.zone(i, j)) {
    case Zone::Residential: lo = 5; hi = 10; break;
    case Zone::Town: lo = 6; hi = 11; break;
    case Zone::Rice: lo = 2; hi = 5; break;
    case Zone::Garden: lo = 3; hi = 6; break;
    case Zone::Aquaculture: lo = 1; hi = 3; break;
    }
    BlockCounts c;
    c.north = static_cast<uint8_t>(uniformInt(r, lo, hi));
    c.south = static_cast<uint8_t>(uniformInt(r, lo, hi));
    return c;
}

bool buildGrid(Grid &g, const SynthOptions &o, std::string *error)
{
    g.seed = o.seed;
    const double expectedPerBlock = 10.5;
    const double blocks = std::max(1.0, static_cast<double>(o.parcels) / expectedPerBlock);
    g.nx = std::max(1, static_cast<int>(std::ceil(std::sqrt(blocks * 75.0 / 105.0))));
    // Pass 1: lot counts, block by block, until the parcel count is reached.
    int64_t remaining = o.parcels;
    int j = 0;
    while (remaining > 0) {
        for (int i = 0; i < g.nx && remaining > 0; ++i) {
            BlockCounts c = drawCounts(g, i, j);
            if (c.total() >= remaining) {
                const int r = static_cast<int>(remaining);
                c.north = static_cast<uint8_t>((r + 1) / 2);
                c.south = static_cast<uint8_t>(r / 2);
                g.lastCount = i + 1;
            }
            remaining -= c.total();
            g.counts.push_back(c);
        }
        ++j;
        if (j > 100000000 / g.nx) {
            if (error)
                *error = "synth: too many parcels";
            return false;
        }
    }
    g.nb = j;
    if (g.lastCount == 0)
        g.lastCount = g.nx;
    g.counts.resize(static_cast<size_t>(g.nb) * g.nx);

    // Column widths and gaps (west to east).
    g.gapW.resize(g.nx + 1);
    for (int i = 0; i <= g.nx; ++i) {
        std::mt19937_64 r = rngFor(g.seed, i, -1, 2);
        g.gapW[i] = g.canalCol(i) ? 10.0 + uniformInt(r, 0, 4) : (i % 6 == 3 ? 8.0 : 5.0);
    }
    double x = o.originEasting;
    for (int i = 0; i < g.nx; ++i) {
        std::mt19937_64 r = rngFor(g.seed, i, -2, 3);
        x += g.gapW[i];
        g.colX0.push_back(quant(x));
        x += 70.0 + 60.0 * unit(r);
        g.colX1.push_back(quant(x));
    }
    // Band heights and gaps (north to south); the origin is the south-west corner.
    g.rowW.resize(g.nb + 1);
    std::vector<double> heights(g.nb);
    double total = 0;
    for (int b = 0; b <= g.nb; ++b) {
        std::mt19937_64 r = rngFor(g.seed, -1, b, 4);
        g.rowW[b] = g.canalRow(b) ? 10.0 + uniformInt(r, 0, 3) : (b % 5 == 2 ? 7.0 : 5.0);
        total += g.rowW[b];
        if (b < g.nb) {
            heights[b] = 55.0 + 30.0 * unit(r);
            total += heights[b];
        }
    }
    double y = o.originNorthing + total;
    for (int b = 0; b < g.nb; ++b) {
        y -= g.rowW[b];
        g.bandY1.push_back(quant(y));
        y -= heights[b];
        g.bandY0.push_back(quant(y));
    }
    return true;
}

// --- one block ----------------------------------------------------------------------

static std::vector<double> splitWidth(std::mt19937_64 &r, double x0, double x1, int k)
{
    std::vector<double> w(k);
    double sum = 0;
    for (auto &v : w) {
        v = 0.75 + 0.5 * unit(r);
        sum += v;
    }
    std::vector<double> xs{x0};
    double acc = x0;
    for (int a = 0; a < k - 1; ++a) {
        acc += (x1 - x0) * w[a] / sum;
        xs.push_back(quant(acc));
    }
    xs.push_back(x1);
    return xs;
}

BlockLayout layoutBlock(const Grid &g, int i, int j)
{
    BlockLayout b;
    if (!g.exists(i, j))
        return b;
    b.exists = true;
    b.zone = g.zone(i, j);
    b.kN = g.count(i, j).north;
    b.kS = g.count(i, j).south;
    b.x0 = g.colX0[i];
    b.x1 = g.colX1[i];
    b.y0 = g.bandY0[j];
    b.y1 = g.bandY1[j];
    std::mt19937_64 r = rngFor(g.seed, i, j, 5);
    const std::vector<double> xt = splitWidth(r, b.x0, b.x1, b.kN);
    for (double x : xt)
        b.top.push_back({x, b.y1});
    if (b.kS == 0) { // a block of one lot
        b.bottom = {{b.x0, b.y0}, {b.x1, b.y0}};
        b.left = {{b.x0, b.y0}, {b.x0, b.y1}};
        b.right = {{b.x1, b.y0}, {b.x1, b.y1}};
        return b;
    }
    const std::vector<double> xb = splitWidth(r, b.x0, b.x1, b.kS);
    for (double x : xb)
        b.bottom.push_back({x, b.y0});
    const double h = b.y1 - b.y0;
    const double ymW = quant(b.y0 + h * (0.42 + 0.16 * unit(r)));
    const double ymE = quant(b.y0 + h * (0.42 + 0.16 * unit(r)));
    // Side edges slant a little; their mid ends are merged when closer than 1.5 m.
    struct MidNode {
        double x;
        bool north;
        int index;
    };
    std::vector<double> xmN(b.kN + 1), xmS(b.kS + 1);
    xmN[0] = b.x0;
    xmN[b.kN] = b.x1;
    for (int k = 1; k < b.kN; ++k)
        xmN[k] = quant(xt[k] + (unit(r) - 0.5) * 3.0);
    xmS[0] = b.x0;
    xmS[b.kS] = b.x1;
    for (int k = 1; k < b.kS; ++k)
        xmS[k] = quant(xb[k] + (unit(r) - 0.5) * 3.0);
    std::vector<double> xs;
    for (double v : xmN)
        xs.push_back(v);
    for (int k = 1; k < b.kS; ++k) {
        double best = xmS[k];
        for (double v : xmN)
            if (std::abs(v - xmS[k]) < 1.5)
                best = v;
        xmS[k] = best;
        xs.push_back(best);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    for (double x : xs) {
        const double t = (x - b.x0) / (b.x1 - b.x0);
        double y = ymW + (ymE - ymW) * t;
        if (x != b.x0 && x != b.x1)
            y += (unit(r) - 0.5) * 2.0;
        b.mid.push_back({x, quant(y)});
    }
    auto indexOf = [&](double x) {
        return static_cast<int>(std::lower_bound(xs.begin(), xs.end(), x) - xs.begin());
    };
    for (double v : xmN)
        b.northIdx.push_back(indexOf(v));
    for (double v : xmS)
        b.southIdx.push_back(indexOf(v));
    b.left = {{b.x0, b.y0}, b.mid.front(), {b.x0, b.y1}};
    b.right = {{b.x1, b.y0}, b.mid.back(), {b.x1, b.y1}};
    return b;
}

LotRing northLot(const BlockLayout &b, int k, uint64_t seed)
{
    LotRing l;
    auto &ring = l.ring;
    if (b.kS == 0) {
        appendEdge(ring, b.top[0], b.top[1], seed);
        l.roadFrom = 0;
        l.roadTo = ring.size();
        appendEdge(ring, b.top[1], {b.x1, b.y0}, seed);
        appendEdge(ring, {b.x1, b.y0}, {b.x0, b.y0}, seed);
        appendEdge(ring, {b.x0, b.y0}, b.top[0], seed);
        return l;
    }
    appendEdge(ring, b.top[k], b.top[k + 1], seed);
    l.roadFrom = 0;
    l.roadTo = ring.size();
    l.eastFrom = ring.size();
    appendEdge(ring, b.top[k + 1], b.mid[b.northIdx[k + 1]], seed);
    l.eastTo = ring.size();
    for (int m = b.northIdx[k + 1]; m > b.northIdx[k]; --m)
        appendEdge(ring, b.mid[m], b.mid[m - 1], seed);
    l.westFrom = ring.size();
    appendEdge(ring, b.mid[b.northIdx[k]], b.top[k], seed);
    l.westTo = ring.size();
    l.hasEast = k + 1 < b.kN;
    l.hasWest = k > 0;
    return l;
}

LotRing southLot(const BlockLayout &b, int k, uint64_t seed)
{
    LotRing l;
    auto &ring = l.ring;
    for (int m = b.southIdx[k]; m < b.southIdx[k + 1]; ++m)
        appendEdge(ring, b.mid[m], b.mid[m + 1], seed);
    l.eastFrom = ring.size();
    appendEdge(ring, b.mid[b.southIdx[k + 1]], b.bottom[k + 1], seed);
    l.eastTo = ring.size();
    l.roadFrom = ring.size();
    appendEdge(ring, b.bottom[k + 1], b.bottom[k], seed);
    l.roadTo = ring.size();
    l.westFrom = ring.size();
    appendEdge(ring, b.bottom[k], b.mid[b.southIdx[k]], seed);
    l.westTo = ring.size();
    l.hasEast = k + 1 < b.kS;
    l.hasWest = k > 0;
    return l;
}

// --- map sheets -----------------------------------------------------------------------

static int cellScale(int scaleOption, int cx, int cy)
{
    if (scaleOption == 1000 || scaleOption == 2000)
        return scaleOption;
    return ((cx + cy) % 2 == 0) ? 2000 : 1000;
}

SheetKey sheetKeyAt(int scaleOption, double x, double y)
{
    const int cx = static_cast<int>(std::floor(x / 1000.0));
    const int cy = static_cast<int>(std::floor(y / 1000.0));
    if (cellScale(scaleOption, cx, cy) == 2000)
        return {cx, cy, 0};
    const bool east = x - cx * 1000.0 >= 500.0;
    const bool north = y - cy * 1000.0 >= 500.0;
    return {cx, cy, north ? (east ? 2 : 1) : (east ? 4 : 3)};
}

std::vector<SheetInfo> buildSheets(const Grid &g, const SynthOptions &o, std::map<SheetKey, int> *index,
                                   std::vector<Rect> *region)
{
    const double X0 = g.gapWest(0), X1 = g.gapEast(g.nx);
    const double top = g.rowHigh(0);
    const double xLast = g.gapEast(g.lastCount);
    region->clear();
    if (g.nb >= 2)
        region->push_back({X0, g.rowLow(g.nb - 1), X1, top});
    else
        region->push_back({X0, g.rowLow(0), xLast, top});
    region->push_back({X0, g.rowLow(g.nb), xLast, g.bandY1[g.nb - 1]});
    const int cx0 = static_cast<int>(std::floor(X0 / 1000)), cx1 = static_cast<int>(std::floor(X1 / 1000));
    const int cy0 = static_cast<int>(std::floor(g.rowLow(g.nb) / 1000)), cy1 = static_cast<int>(std::floor(top / 1000));
    std::vector<std::pair<SheetKey, Rect>> found;
    for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx) {
            const int scale = cellScale(o.sheetScale, cx, cy);
            for (int q = (scale == 2000 ? 0 : 1); q <= (scale == 2000 ? 0 : 4); ++q) {
                Rect r{cx * 1000.0, cy * 1000.0, cx * 1000.0 + 1000, cy * 1000.0 + 1000};
                if (q > 0) {
                    if (q == 2 || q == 4)
                        r.x0 += 500;
                    else
                        r.x1 -= 500;
                    if (q == 1 || q == 2)
                        r.y0 += 500;
                    else
                        r.y1 -= 500;
                }
                bool hit = false;
                for (const Rect &reg : *region)
                    hit = hit || reg.intersects(r);
                if (hit)
                    found.push_back({{cx, cy, q}, r});
            }
        }
    // tờ số: smaller scales first, then top→bottom, left→right.
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        const int sa = a.first.quarter == 0 ? 0 : 1, sb = b.first.quarter == 0 ? 0 : 1;
        if (sa != sb)
            return sa < sb;
        if (a.second.y1 != b.second.y1)
            return a.second.y1 > b.second.y1;
        return a.second.x0 < b.second.x0;
    });
    std::vector<SheetInfo> sheets;
    for (const auto &[key, r] : found) {
        SheetInfo s;
        s.communeCode = o.communeCode;
        s.toSo = static_cast<int>(sheets.size()) + 1;
        s.scale = key.quarter == 0 ? 2000 : 1000;
        // Số hiệu mảnh from the one implementation of Circular 25/2014 numbering.
        const auto frame = crs::sheetAt((r.y0 + r.y1) / 2, (r.x0 + r.x1) / 2, s.scale);
        s.sheetId = frame ? frame->id : std::string();
        s.minX = r.x0;
        s.minY = r.y0;
        s.maxX = r.x1;
        s.maxY = r.y1;
        (*index)[key] = s.toSo;
        sheets.push_back(s);
    }
    return sheets;
}

Zone Grid::zone(int i, int j) const
{
    std::mt19937_64 r = rngFor(seed, i / 3, j / 3, 7);
    const double u = unit(r);
    if (u < 0.40)
        return Zone::Residential;
    if (u < 0.48)
        return Zone::Town;
    if (u < 0.70)
        return Zone::Rice;
    if (u < 0.90)
        return Zone::Garden;
    return Zone::Aquaculture;
}

} // namespace vnland::synth::layout
