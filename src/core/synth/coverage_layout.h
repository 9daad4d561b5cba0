// Geometry of a synthetic coverage (internal to src/core/synth): the block
// grid, block layouts, lot rings built from primitive edges, map sheets.
//
// Every boundary is a chain of "primitive edges" between nodes; the jitter
// points inside a primitive edge are a pure function of its two end nodes, so
// the polygons on either side of an edge produce identical vertices without
// talking to each other. That lets the generator stream band by band.
#pragma once

#include "synth/coverage_generator.h"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace vnland::synth::layout {

struct Pt {
    double x = 0, y = 0;
};

enum class Zone { Residential, Town, Rice, Garden, Aquaculture };

struct BlockCounts {
    uint8_t north = 0, south = 0;
    int total() const { return north + south; }
};

struct Grid {
    uint64_t seed = 0;
    int nx = 0, nb = 0, lastCount = 0; // blocks in the last (possibly partial) band
    std::vector<double> colX0, colX1;  // block columns
    std::vector<double> gapW;          // nx + 1 column gaps (gap i is west of column i)
    std::vector<double> bandY0, bandY1;
    std::vector<double> rowW;          // nb + 1 row gaps (gap j is north of band j)
    std::vector<BlockCounts> counts;   // per block, band-major

    bool canalCol(int i) const { return i >= 1 && i < nx && i % 24 == std::min(7, std::max(1, nx / 2)); }
    bool canalRow(int j) const { return nb >= 4 && j >= 1 && j < nb && j % 30 == std::min(10, nb / 2); }
    bool exists(int i, int j) const
    {
        if (i < 0 || j < 0 || i >= nx || j >= nb)
            return false;
        return j < nb - 1 || i < lastCount;
    }
    const BlockCounts &count(int i, int j) const { return counts[static_cast<size_t>(j) * nx + i]; }
    double gapWest(int i) const { return i > 0 ? colX1[i - 1] : colX0[0] - gapW[0]; }
    double gapEast(int i) const { return i < nx ? colX0[i] : colX1[nx - 1] + gapW[nx]; }
    double rowLow(int j) const { return j < nb ? bandY1[j] : bandY0[nb - 1] - rowW[nb]; }
    double rowHigh(int j) const { return j > 0 ? bandY0[j - 1] : bandY1[0] + rowW[0]; }

    /// Land-use zone of a block; zones come in 3×3 block patches.
    Zone zone(int i, int j) const;
};

struct BlockLayout {
    bool exists = false;
    Zone zone = Zone::Residential;
    int kN = 0, kS = 0;
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    std::vector<Pt> top, bottom, mid; // west→east
    std::vector<int> northIdx, southIdx; // mid node of each side edge (kN+1, kS+1)
    std::vector<Pt> left, right;       // south→north
};

struct LotRing {
    std::vector<Pt> ring;
    size_t eastFrom = 0, eastTo = 0; // ring indices of the east side edge (from < to)
    size_t westFrom = 0, westTo = 0; // west side edge; westTo may be ring.size() (= index 0)
    size_t roadFrom = 0, roadTo = 0; // the edge on the road
    bool hasEast = false, hasWest = false;
};

struct SheetKey {
    int cx, cy, quarter; // km cell; quarter 0 = the whole 1:2000 sheet, 1..4 = a b c d
    bool operator<(const SheetKey &o) const
    {
        return std::tie(cx, cy, quarter) < std::tie(o.cx, o.cy, o.quarter);
    }
};

struct Rect {
    double x0, y0, x1, y1;
    bool intersects(const Rect &o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

/// Rounds to the millimetre (survey coordinates).
double quant(double v);
uint64_t hashMix(uint64_t seed, std::initializer_list<int64_t> values);
std::mt19937_64 rngFor(uint64_t seed, int64_t a, int64_t b, int64_t tag);

/// Appends @p a and the interior points of the primitive edge a→b (not b).
void appendEdge(std::vector<Pt> &ring, Pt a, Pt b, uint64_t seed);
/// Appends the chain of nodes (each consecutive pair a primitive edge), without the last node.
void appendChain(std::vector<Pt> &ring, const std::vector<Pt> &nodes, uint64_t seed);
double signedArea(const std::vector<Pt> &ring);
Pt centroid(const std::vector<Pt> &ring);

/// Pass 1: column/band sizes and lot counts per block until o.parcels is reached.
bool buildGrid(Grid &g, const SynthOptions &o, std::string *error);
BlockLayout layoutBlock(const Grid &g, int i, int j);
LotRing northLot(const BlockLayout &b, int k, uint64_t seed);
LotRing southLot(const BlockLayout &b, int k, uint64_t seed);

/// The sheet (km cell and quarter) holding a point; see SynthOptions::sheetScale.
SheetKey sheetKeyAt(int scaleOption, double x, double y);
/// Sheets touching the coverage, numbered (tờ số); @p index maps keys to tờ.
std::vector<SheetInfo> buildSheets(const Grid &g, const SynthOptions &o, std::map<SheetKey, int> *index,
                                   std::vector<Rect> *region);

} // namespace vnland::synth::layout
