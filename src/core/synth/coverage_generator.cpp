// Synthetic cadastral coverage: attributes, numbering, faults and the
// streaming driver. Layout: a grid of blocks (khu) separated by road strips,
// with a canal in place of some road columns/rows; each block is split by a
// wavy back line into a north and a south row of lots (coverage_layout.h).
// Bands (rows of blocks) are generated, numbered and handed out north to
// south, so memory stays bounded by one band whatever the parcel count.
#include "synth/coverage_generator.h"

#include "synth/coverage_layout.h"
#include "synth/vn_names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

namespace vnland::synth {

namespace {

using namespace layout;

// --- features ------------------------------------------------------------------------

struct FaultRef {
    size_t faultIndex;
    int role; // 0 = faulty parcel, 1 = partner
};

struct Obj {
    std::vector<Pt> ring;
    model::Parcel p;  // attributes (wkb, numbers filled at emission)
    int subrow = 0;
    double cx = 0, cy = 0;
    double sortX = 0;
    bool dupNumber = false;
    bool dupGeometry = false;
    int64_t areaFault = -1;   // index of its area_mismatch fault in m_faults, or -1
    double areaShift = 0;     // relative shift of the legal area (area_mismatch)
    std::vector<FaultRef> faultRefs;
};

struct PendingFault {
    int64_t target;
    std::string kind;
};

const char *const kUnknownCodes[] = {"T", "2L", "LNK", "ao", "thổ cư"};

struct LotAttributes {
    std::string landuse, userType, owner;
};

LotAttributes lotAttributes(Zone z, std::mt19937_64 &r)
{
    const double u = unit(r);
    auto household = [&](const char *code) { return LotAttributes{code, "GDC", householdName(r)}; };
    switch (z) {
    case Zone::Residential:
        if (u < 0.72)
            return household("ONT");
        if (u < 0.88)
            return household("CLN");
        if (u < 0.95)
            return household("BHK");
        if (u < 0.97)
            return {"DGD", "TCN", "Trường Tiểu học Cô Tô"};
        if (u < 0.985)
            return {"TSC", "TCN", "Ủy ban nhân dân xã Cô Tô"};
        return {"DYT", "TCN", "Trạm Y tế xã Cô Tô"};
    case Zone::Town:
        if (u < 0.80)
            return household("ODT");
        if (u < 0.88)
            return household("TMD");
        if (u < 0.93)
            return {"TSC", "TCN", "Ủy ban nhân dân huyện Cô Tô"};
        if (u < 0.97)
            return {"DGD", "TCN", "Trường Trung học cơ sở Cô Tô"};
        return {"DYT", "TCN", "Trung tâm Y tế huyện Cô Tô"};
    case Zone::Rice:
        if (u < 0.85)
            return household("LUC");
        if (u < 0.95)
            return household("BHK");
        return household("NTS");
    case Zone::Garden:
        if (u < 0.60)
            return household("CLN");
        if (u < 0.85)
            return household("BHK");
        if (u < 0.95)
            return household("NTS");
        return {"NTD", "UBQ", "Ủy ban nhân dân xã Cô Tô"};
    case Zone::Aquaculture:
        if (u < 0.9)
            return household("NTS");
        return household("BHK");
    }
    return household("ONT");
}

std::vector<unsigned char> multiPolygonWkb(const std::vector<Pt> &ring)
{
    std::vector<unsigned char> w;
    auto put32 = [&](uint32_t v) {
        for (int k = 0; k < 4; ++k)
            w.push_back(static_cast<unsigned char>(v >> (8 * k)));
    };
    auto putD = [&](double d) {
        uint64_t v;
        std::memcpy(&v, &d, 8);
        for (int k = 0; k < 8; ++k)
            w.push_back(static_cast<unsigned char>(v >> (8 * k)));
    };
    w.reserve(9 + 9 + 4 + 16 * (ring.size() + 1) + 4);
    w.push_back(1);
    put32(6);
    put32(1);
    w.push_back(1);
    put32(3);
    put32(1);
    put32(static_cast<uint32_t>(ring.size() + 1));
    for (const Pt &p : ring) {
        putD(p.x);
        putD(p.y);
    }
    putD(ring[0].x);
    putD(ring[0].y);
    return w;
}

/// Area of @p ring inside the axis-aligned rectangle (Sutherland–Hodgman clipping; exact
/// for any simple ring, since the clip window is convex).
double areaInside(const std::vector<Pt> &ring, double x0, double y0, double x1, double y1)
{
    std::vector<Pt> poly = ring, next;
    auto clip = [&](auto inside, auto cut) {
        next.clear();
        for (size_t k = 0; k < poly.size(); ++k) {
            const Pt &a = poly[k], &b = poly[(k + 1) % poly.size()];
            const bool ia = inside(a), ib = inside(b);
            if (ia)
                next.push_back(a);
            if (ia != ib)
                next.push_back(cut(a, b));
        }
        poly.swap(next);
    };
    auto atX = [](double x) {
        return [x](const Pt &a, const Pt &b) { return Pt{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
    };
    auto atY = [](double y) {
        return [y](const Pt &a, const Pt &b) { return Pt{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
    };
    clip([&](const Pt &p) { return p.x >= x0; }, atX(x0));
    clip([&](const Pt &p) { return p.x <= x1; }, atX(x1));
    clip([&](const Pt &p) { return p.y >= y0; }, atY(y0));
    clip([&](const Pt &p) { return p.y <= y1; }, atY(y1));
    return poly.size() < 3 ? 0.0 : std::abs(signedArea(poly));
}

// --- the streaming generator ---------------------------------------------------------

class Generator {
public:
    Generator(const SynthOptions &o, const std::function<void(const model::Parcel &)> &sink)
        : m_o(o), m_sink(sink)
    {
    }

    bool run(SynthResult &res, std::string *error);

private:
    void makeRoads(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &above,
                   const std::vector<BlockLayout> &below, int subrow);
    void makeVertical(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &band, int subrow);
    void makeLots(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &band, int subrowNorth);
    Obj roadObj(std::vector<Pt> ring, bool waterway, int subrow);
    void applyFaults(std::vector<Obj> &out, size_t objIndex, LotRing &lot, bool rowHasEast, size_t eastObj,
                     size_t westObj);
    void emitBand(std::vector<Obj> &objs, SynthResult &res);
    int sheetOfLargerPart(const Obj &o) const;

    const SynthOptions &m_o;
    const std::function<void(const model::Parcel &)> &m_sink;
    Grid m_g;
    std::map<SheetKey, int> m_sheetIndex;
    std::vector<SheetInfo> m_sheets;
    std::vector<int> m_sheetCounter;
    std::vector<std::pair<int, std::string>> m_sheetLast; // last (thửa, uuid) per sheet
    std::vector<PendingFault> m_pending; // sorted by target
    size_t m_nextPending = 0;
    std::vector<PendingFault> m_waiting; // due but not yet placed
    std::vector<InjectedFault> m_faults;
    int64_t m_lotOrdinal = 0;
    int64_t m_featureNo = 0;
    int m_subrow = 0;
    std::mt19937_64 m_faultRng;
};

Obj Generator::roadObj(std::vector<Pt> ring, bool waterway, int subrow)
{
    Obj o;
    std::mt19937_64 r = rngFor(m_g.seed, std::llround(ring[0].x * 1000), std::llround(ring[0].y * 1000),
                               static_cast<int64_t>(ring.size()) * 16 + 11);
    o.p.uuid = uuid(r);
    o.ring = std::move(ring);
    o.subrow = subrow;
    o.p.objectKind = waterway ? "waterway" : "road";
    o.p.landuseCode = waterway ? "DTL" : "DGT";
    o.p.userTypeCode = "UBQ";
    o.p.ownerName = "Ủy ban nhân dân xã Cô Tô";
    o.p.certificateIssued = 0;
    return o;
}

void Generator::makeRoads(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &above,
                          const std::vector<BlockLayout> &below, int subrow)
{
    const Grid &g = m_g;
    const double yLow = g.rowLow(j), yHigh = g.rowHigh(j);
    const bool canalRow = g.canalRow(j);
    for (int i = 0; i <= g.nx; ++i) {
        // Intersection west of column i.
        const bool any = g.exists(i - 1, j - 1) || g.exists(i, j - 1) || g.exists(i - 1, j) || g.exists(i, j);
        if (any) {
            const double xW = g.gapWest(i), xE = g.gapEast(i);
            std::vector<Pt> ring;
            appendChain(ring, {{xW, yLow}, {xE, yLow}, {xE, yHigh}, {xW, yHigh}, {xW, yLow}}, g.seed);
            out.push_back(roadObj(std::move(ring), canalRow && g.canalCol(i), subrow));
        }
        if (i == g.nx)
            break;
        const BlockLayout *b = (j < g.nb && below[i].exists) ? &below[i] : nullptr;
        const BlockLayout *a = (j > 0 && above[i].exists) ? &above[i] : nullptr;
        if (!a && !b)
            continue;
        const double x0 = g.colX0[i], x1 = g.colX1[i];
        std::vector<Pt> ring;
        appendChain(ring, b ? b->top : std::vector<Pt>{{x0, yLow}, {x1, yLow}}, g.seed);
        appendEdge(ring, {x1, yLow}, {x1, yHigh}, g.seed);
        if (a) {
            std::vector<Pt> rev(a->bottom.rbegin(), a->bottom.rend());
            appendChain(ring, rev, g.seed);
        } else {
            appendChain(ring, {{x1, yHigh}, {x0, yHigh}}, g.seed);
        }
        appendEdge(ring, {x0, yHigh}, {x0, yLow}, g.seed);
        out.push_back(roadObj(std::move(ring), canalRow, subrow));
    }
}

void Generator::makeVertical(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &band, int subrow)
{
    const Grid &g = m_g;
    for (int i = 0; i <= g.nx; ++i) {
        const BlockLayout *w = i > 0 && band[i - 1].exists ? &band[i - 1] : nullptr;
        const BlockLayout *e = i < g.nx && band[i].exists ? &band[i] : nullptr;
        if (!w && !e)
            continue;
        const double xW = g.gapWest(i), xE = g.gapEast(i), y0 = g.bandY0[j], y1 = g.bandY1[j];
        std::vector<Pt> ring;
        appendChain(ring, w ? w->right : std::vector<Pt>{{xW, y0}, {xW, y1}}, g.seed);
        appendEdge(ring, {xW, y1}, {xE, y1}, g.seed);
        if (e) {
            std::vector<Pt> rev(e->left.rbegin(), e->left.rend());
            appendChain(ring, rev, g.seed);
        } else {
            appendChain(ring, {{xE, y1}, {xE, y0}}, g.seed);
        }
        appendEdge(ring, {xE, y0}, {xW, y0}, g.seed);
        out.push_back(roadObj(std::move(ring), g.canalCol(i), subrow));
    }
}

void Generator::makeLots(std::vector<Obj> &out, int j, const std::vector<BlockLayout> &band, int subrowNorth)
{
    const Grid &g = m_g;
    for (int i = 0; i < g.nx; ++i) {
        const BlockLayout &b = band[i];
        if (!b.exists)
            continue;
        std::mt19937_64 r = rngFor(g.seed, i, j, 6);
        const int hamlet = static_cast<int>(hashMix(g.seed, {i / 4, j / 4, 8}) % static_cast<uint64_t>(hamletCount()));
        for (int row = 0; row < (b.kS == 0 ? 1 : 2); ++row) {
            const int k = row == 0 ? b.kN : b.kS;
            const size_t first = out.size();
            std::vector<LotRing> rings;
            for (int a = 0; a < k; ++a)
                rings.push_back(row == 0 ? northLot(b, a, g.seed) : southLot(b, a, g.seed));
            for (int a = 0; a < k; ++a) {
                Obj o;
                o.subrow = subrowNorth + row;
                const LotAttributes attr = lotAttributes(b.zone, r);
                o.p.objectKind = "parcel";
                o.p.landuseCode = attr.landuse;
                o.p.userTypeCode = attr.userType;
                o.p.ownerName = attr.owner;
                o.p.address = attr.userType == "GDC"
                                  ? address(unit(r) < 0.85 ? hamlet : uniformInt(r, 0, hamletCount() - 1))
                                  : std::string("xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh");
                o.p.uuid = uuid(r);
                const double area = std::abs(signedArea(rings[a].ring));
                const bool certified = attr.userType != "GDC" || unit(r) < 0.85;
                o.p.certificateIssued = certified ? 1 : 0;
                // The legal area agrees with the drawn polygon (kept to 0.1 m²); a certificate
                // from an older survey that disagrees is the injectable fault area_mismatch.
                // (The draws keep the random stream of the earlier generator, so the other
                // attributes do not change.)
                if (unit(r) < 0.04) {
                    (void)unit(r);
                    (void)unit(r);
                }
                if (certified)
                    o.p.legalArea = std::round(area * 10) / 10;
                if (unit(r) < 0.25) {
                    o.p.toSoCu = std::to_string(uniformInt(r, 1, 24));
                    o.p.thuaSoCu = unit(r) < 0.3 ? "c" + std::to_string(uniformInt(r, 1, 999))
                                                 : std::to_string(uniformInt(r, 1, 600));
                }
                o.ring = rings[a].ring;
                out.push_back(std::move(o));
            }
            for (int a = 0; a < k; ++a) {
                const size_t idx = first + a;
                applyFaults(out, idx, rings[a], rings[a].hasEast, a + 1 < k ? idx + 1 : idx,
                            a > 0 ? idx - 1 : idx);
                ++m_lotOrdinal;
            }
        }
    }
}

void Generator::applyFaults(std::vector<Obj> &out, size_t objIndex, LotRing &lot, bool rowHasEast, size_t eastObj,
                            size_t westObj)
{
    while (m_nextPending < m_pending.size() && m_pending[m_nextPending].target <= m_lotOrdinal)
        m_waiting.push_back(m_pending[m_nextPending++]);
    if (m_waiting.empty())
        return;
    Obj &o = out[objIndex];
    const bool geometric = !o.faultRefs.empty();
    for (size_t w = 0; w < m_waiting.size(); ++w) {
        const std::string kind = m_waiting[w].kind;
        const bool sideKind = kind == "overlap" || kind == "gap" || kind == "sliver";
        const bool ringKind = sideKind || kind == "self_intersection" || kind == "spike";
        if (ringKind && geometric)
            continue;
        if (sideKind && !(lot.hasEast || lot.hasWest))
            continue;
        if (sideKind && out[lot.hasEast ? eastObj : westObj].faultRefs.size())
            continue;
        if ((kind == "self_intersection" || kind == "spike") && lot.roadTo - lot.roadFrom < 2)
            continue;
        (void)rowHasEast;
        InjectedFault f;
        f.kind = kind;
        const double before = std::abs(signedArea(o.ring));
        std::vector<Pt> &ring = o.ring;
        if (sideKind) {
            const bool east = lot.hasEast;
            const size_t from = east ? lot.eastFrom : lot.westFrom;
            const size_t to = east ? lot.eastTo : lot.westTo; // exclusive end: the next node
            const size_t partner = east ? eastObj : westObj;
            Pt a = ring[from];
            Pt b = ring[to % ring.size()];
            const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
            // Outward normal of the lot along a→b: left of a clockwise ring, right of a counter-clockwise one.
            const bool cw = signedArea(ring) < 0;
            const double nx = cw ? -dy / len : dy / len, ny = cw ? dx / len : -dx / len;
            if (kind == "overlap" || kind == "gap") {
                const double d = (kind == "overlap" ? 1.0 : -1.0) * (1.5 + 1.5 * unit(m_faultRng));
                const size_t v = from + 1; // an interior jitter point (side edges are long enough to have one)
                if (v >= to)
                    continue;
                ring[v] = {quant(ring[v].x + nx * d), quant(ring[v].y + ny * d)};
                f.x = ring[v].x;
                f.y = ring[v].y;
                f.unit = "m2";
                f.note = kind == "overlap" ? "a shared boundary vertex pushed into the neighbour"
                                           : "a shared boundary vertex pulled back, leaving a gap";
            } else { // sliver: the whole edge pulled back by ~0.1 m
                const double d = -(0.08 + 0.07 * unit(m_faultRng));
                std::vector<Pt> moved;
                const double ux = dx / len, uy = dy / len;
                moved.push_back({quant(a.x + ux * 0.8 + nx * d), quant(a.y + uy * 0.8 + ny * d)});
                for (size_t v = from + 1; v < to; ++v)
                    moved.push_back({quant(ring[v].x + nx * d), quant(ring[v].y + ny * d)});
                moved.push_back({quant(b.x - ux * 0.8 + nx * d), quant(b.y - uy * 0.8 + ny * d)});
                ring.erase(ring.begin() + static_cast<long>(from + 1), ring.begin() + static_cast<long>(to));
                ring.insert(ring.begin() + static_cast<long>(from + 1), moved.begin(), moved.end());
                f.x = quant((a.x + b.x) / 2);
                f.y = quant((a.y + b.y) / 2);
                f.unit = "m2";
                f.note = "a long thin gap (" + std::to_string(static_cast<int>(std::round(-d * 100)))
                         + " cm wide) along a shared boundary";
            }
            const double after = std::abs(signedArea(ring));
            f.measure = std::round(std::abs(after - before) * 1000) / 1000;
            m_faults.push_back(f);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
            out[partner].faultRefs.push_back({m_faults.size() - 1, 1});
        } else if (kind == "self_intersection" || kind == "spike") {
            // On the road edge: a bow-tie twist or a needle, on a segment after an interior vertex.
            const size_t v = lot.roadFrom + 1;
            const Pt p = ring[v];
            const Pt nxt = ring[(v + 1) % ring.size()];
            const double dx = nxt.x - p.x, dy = nxt.y - p.y, len = std::hypot(dx, dy);
            const double ux = dx / len, uy = dy / len;
            const bool cw = signedArea(ring) < 0;
            const double ox = cw ? -uy : uy, oy = cw ? ux : -ux; // outward normal
            std::vector<Pt> ins;
            if (kind == "self_intersection") {
                const double step = std::min(0.3, len / 4);
                const Pt p2{quant(p.x + ux * step), quant(p.y + uy * step)};
                ins.push_back({quant(p2.x - ox * 3), quant(p2.y - oy * 3)});
                ins.push_back({quant(p.x - ox * 3), quant(p.y - oy * 3)});
                ins.push_back(p2);
                f.x = quant(p.x + ux * step / 2 - ox * 1.5);
                f.y = quant(p.y + uy * step / 2 - oy * 1.5);
                f.measure = 0;
                f.note = "bow-tie: the ring crosses itself 1.5 m inside the road edge (leaves a notch of about "
                         + std::to_string(std::round(step * 1.5 / 2 * 100) / 100).substr(0, 4) + " m2)";
            } else {
                const double tip = 6.0;
                ins.push_back({quant(p.x + ux * 0.02 + ox * tip), quant(p.y + uy * 0.02 + oy * tip)});
                ins.push_back({quant(p.x + ux * 0.05), quant(p.y + uy * 0.05)});
                f.x = ins[0].x;
                f.y = ins[0].y;
                f.measure = tip;
                f.unit = "m";
                f.note = "a 6 m needle into the road (about 0.15 m2 overlap with it)";
            }
            ring.insert(ring.begin() + static_cast<long>(v + 1), ins.begin(), ins.end());
            m_faults.push_back(f);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
            // What validate also (truly) reports about this parcel, listed as faults of their own.
            const bool spike = kind == "spike";
            InjectedFault side;
            side.sideEffectOf = kind;
            side.x = spike ? f.x : quant(p.x + ux * 0.15);
            side.y = spike ? f.y : quant(p.y + uy * 0.15);
            side.kind = spike ? "overlap" : "gap";
            side.unit = "m2";
            side.measure = spike ? 0.15 : std::round(0.75 * std::min(0.3, len / 4) * 1000) / 1000;
            side.note = spike ? "side effect of the spike: its needle overlaps the road"
                              : "side effect of the bow-tie: its twisted loop leaves a notch next to the road uncovered";
            m_faults.push_back(side);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
            side.kind = "unmatched_vertex";
            side.x = spike ? quant(p.x + ux * 0.05) : ins[2].x;
            side.y = spike ? quant(p.y + uy * 0.05) : ins[2].y;
            side.measure = 0;
            side.unit = "";
            side.note = "side effect of the " + std::string(spike ? "spike" : "bow-tie") +
                        ": a new vertex on the road edge, where the road has no node";
            m_faults.push_back(side);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
        } else if (kind == "unknown_code") {
            const char *code = kUnknownCodes[uniformInt(m_faultRng, 0, 4)];
            o.p.landuseCode = code;
            const Pt c = centroid(ring);
            f.x = quant(c.x);
            f.y = quant(c.y);
            f.note = std::string("land-use code \"") + code + "\" is not in the code list";
            m_faults.push_back(f);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
        } else if (kind == "duplicate_number") {
            if (o.dupNumber || o.dupGeometry)
                continue;
            const Pt c = centroid(ring);
            f.x = quant(c.x);
            f.y = quant(c.y);
            f.note = "two live parcels share (commune, tờ, thửa)";
            o.dupNumber = true;
            m_faults.push_back(f);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
        } else if (kind == "area_mismatch") {
            if (o.dupGeometry || o.areaFault >= 0)
                continue;
            // A certificate from an older survey: the legal area is off by 1–3 % and always
            // beyond the tolerance 0.0004·M·√P at 1:2000 (set at emission, on the final ring).
            o.areaShift = (unit(m_faultRng) < 0.5 ? -1.0 : 1.0) * (0.01 + 0.02 * unit(m_faultRng));
            o.p.certificateIssued = 1;
            const Pt c = centroid(ring);
            f.x = quant(c.x);
            f.y = quant(c.y);
            f.unit = "m2";
            f.note = "the legal area (certificate of an older survey) differs from the drawn parcel";
            m_faults.push_back(f);
            o.areaFault = static_cast<int64_t>(m_faults.size() - 1);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
        } else if (kind == "duplicate_geometry") {
            if (o.dupNumber || o.dupGeometry || o.areaFault >= 0)
                continue;
            const Pt c = centroid(ring);
            f.x = quant(c.x);
            f.y = quant(c.y);
            f.note = "a second feature with the same polygon and another number";
            o.dupGeometry = true;
            m_faults.push_back(f);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
            InjectedFault side = f; // the copy also overlaps the original entirely
            side.kind = "overlap";
            side.sideEffectOf = "duplicate_geometry";
            side.unit = "m2";
            side.measure = std::round(std::abs(signedArea(ring)) * 1000) / 1000;
            side.note = "side effect of the duplicate geometry: the copy covers the original entirely";
            m_faults.push_back(side);
            o.faultRefs.push_back({m_faults.size() - 1, 0});
        } else {
            continue;
        }
        m_waiting.erase(m_waiting.begin() + static_cast<long>(w));
        return; // one fault per lot at a time
    }
}

/// The tờ of an object: the sheet holding the larger part of it (a parcel crossing a
/// frame is numbered on the sheet with the larger area, cadastral_rules.md); the
/// sheet of its centroid on a tie. 0 = no sheet.
int Generator::sheetOfLargerPart(const Obj &o) const
{
    const SheetKey centre = sheetKeyAt(m_o.sheetScale, o.cx, o.cy);
    double x0 = o.ring[0].x, x1 = x0, y0 = o.ring[0].y, y1 = y0;
    for (const Pt &p : o.ring) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    std::vector<SheetKey> keys = {centre};
    for (const Pt &p : {Pt{x0, y0}, Pt{x1, y0}, Pt{x0, y1}, Pt{x1, y1}}) {
        const SheetKey k = sheetKeyAt(m_o.sheetScale, p.x, p.y);
        if (std::none_of(keys.begin(), keys.end(), [&](const SheetKey &q) { return !(q < k) && !(k < q); }))
            keys.push_back(k);
    }
    auto it = m_sheetIndex.find(centre);
    int best = it == m_sheetIndex.end() ? 0 : it->second;
    if (keys.size() == 1)
        return best;
    double bestArea = best > 0 ? areaInside(o.ring, m_sheets[best - 1].minX, m_sheets[best - 1].minY,
                                            m_sheets[best - 1].maxX, m_sheets[best - 1].maxY)
                               : 0.0;
    for (size_t k = 1; k < keys.size(); ++k) {
        auto found = m_sheetIndex.find(keys[k]);
        if (found == m_sheetIndex.end())
            continue;
        const SheetInfo &sh = m_sheets[found->second - 1];
        const double a = areaInside(o.ring, sh.minX, sh.minY, sh.maxX, sh.maxY);
        if (a > bestArea) {
            bestArea = a;
            best = found->second;
        }
    }
    return best;
}

void Generator::emitBand(std::vector<Obj> &objs, SynthResult &res)
{
    for (auto &o : objs) {
        if (signedArea(o.ring) < 0)
            std::reverse(o.ring.begin(), o.ring.end()); // exterior rings counter-clockwise
        const Pt c = centroid(o.ring);
        o.cx = c.x;
        o.cy = c.y;
        o.sortX = (o.subrow % 2 == 0) ? c.x : -c.x; // zig-zag
    }
    std::stable_sort(objs.begin(), objs.end(), [](const Obj &a, const Obj &b) {
        if (a.subrow != b.subrow)
            return a.subrow < b.subrow;
        return a.sortX < b.sortX;
    });
    auto identity = [&](const Obj &o) {
        return InjectedFault::Identity{m_o.communeCode, o.p.toSo.value_or(0), o.p.thuaSo.value_or(0), o.p.uuid};
    };
    std::vector<Obj *> withFaults;
    std::vector<Obj> extra;
    for (auto &o : objs) {
        o.p.communeCode = m_o.communeCode;
        const int to = sheetOfLargerPart(o);
        o.p.toSo = to;
        if (to > 0) {
            int &counter = m_sheetCounter[to - 1];
            auto &last = m_sheetLast[to - 1];
            if (o.dupNumber && counter > 0) {
                o.p.thuaSo = counter; // the number the previous object on this sheet already has
                for (auto &ref : o.faultRefs)
                    if (m_faults[ref.faultIndex].kind == "duplicate_number")
                        m_faults[ref.faultIndex].parcels.push_back(
                            {m_o.communeCode, to, counter, last.second});
            } else {
                o.p.thuaSo = ++counter;
            }
            last = {*o.p.thuaSo, o.p.uuid};
        }
    }
    for (auto &o : objs) {
        for (const auto &ref : o.faultRefs) {
            auto &parts = m_faults[ref.faultIndex].parcels;
            if (ref.role == 0)
                parts.insert(parts.begin(), identity(o));
            else
                parts.push_back(identity(o));
        }
    }
    for (auto &o : objs) {
        const double area = std::abs(signedArea(o.ring));
        o.p.measuredArea = std::round(area * 10) / 10;
        if (o.areaFault >= 0) {
            // Beyond the 1:2000 tolerance 0.8·√P by at least a quarter, whatever the shift drawn.
            const double minDiff = 1.25 * 0.0004 * 2000 * std::sqrt(area) + 0.5;
            const double diff = std::max(std::abs(o.areaShift) * area, minDiff);
            // Shrink only when at least half remains; a small parcel is enlarged instead.
            const double sign = o.areaShift < 0 && diff <= 0.5 * area ? -1.0 : 1.0;
            const double legal = std::round((area + sign * diff) * 10) / 10;
            o.p.legalArea = legal;
            m_faults[static_cast<size_t>(o.areaFault)].measure = std::round(std::abs(legal - *o.p.measuredArea) * 10) / 10;
        } else if (o.p.legalArea) {
            o.p.legalArea = o.p.measuredArea; // agrees with the final ring, also after a geometric fault
        }
        o.p.wkb = multiPolygonWkb(o.ring);
        o.p.id = ++m_featureNo;
        res.totalArea += area;
        res.featureCount++;
        if (o.p.objectKind == "parcel")
            res.parcelCount++;
        else if (o.p.objectKind == "road")
            res.roadCount++;
        else
            res.waterwayCount++;
        res.countByLanduse[o.p.landuseCode]++;
        m_sink(o.p);
        if (o.dupGeometry) {
            model::Parcel copy = o.p;
            copy.uuid = uuid(m_faultRng);
            if (o.p.toSo && *o.p.toSo > 0)
                copy.thuaSo = ++m_sheetCounter[*o.p.toSo - 1];
            copy.id = ++m_featureNo;
            for (const auto &ref : o.faultRefs)
                if (m_faults[ref.faultIndex].kind == "duplicate_geometry"
                    || m_faults[ref.faultIndex].sideEffectOf == "duplicate_geometry")
                    m_faults[ref.faultIndex].parcels.push_back(
                        {m_o.communeCode, copy.toSo.value_or(0), copy.thuaSo.value_or(0), copy.uuid});
            res.totalArea += area;
            res.featureCount++;
            res.parcelCount++;
            res.countByLanduse[copy.landuseCode]++;
            m_sink(copy);
        }
    }
}

bool Generator::run(SynthResult &res, std::string *error)
{
    std::map<std::string, int> faultCounts;
    if (!parseFaultSpec(m_o.faults, &faultCounts, error))
        return false;
    if (m_o.parcels <= 0) {
        if (error)
            *error = "synth: --parcels must be a positive number";
        return false;
    }
    if (m_o.communeCode.size() != 5
        || !std::all_of(m_o.communeCode.begin(), m_o.communeCode.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (error)
            *error = "synth: the commune code must have 5 digits (got \"" + m_o.communeCode + "\")";
        return false;
    }
    if (m_o.sheetScale != 0 && m_o.sheetScale != 1000 && m_o.sheetScale != 2000) {
        if (error)
            *error = "synth: sheet scale must be 1000, 2000 or 0 (mixed)";
        return false;
    }
    int totalFaults = 0;
    for (const auto &[k, n] : faultCounts)
        totalFaults += n;
    if (totalFaults * 4 > m_o.parcels) {
        if (error)
            *error = "synth: " + std::to_string(totalFaults) + " faults need at least "
                     + std::to_string(totalFaults * 4) + " parcels";
        return false;
    }
    if (!buildGrid(m_g, m_o, error))
        return false;
    std::vector<Rect> region;
    m_sheets = buildSheets(m_g, m_o, &m_sheetIndex, &region);
    m_sheetCounter.assign(m_sheets.size(), 0);
    m_sheetLast.assign(m_sheets.size(), {0, std::string()});

    // Fault targets: spread over the first 90 % of the lots, kinds in a seeded order.
    m_faultRng = rngFor(m_o.seed, -7, -7, 99);
    std::vector<std::string> kinds;
    for (const auto &k : faultKinds()) {
        auto it = faultCounts.find(k);
        if (it != faultCounts.end())
            for (int n = 0; n < it->second; ++n)
                kinds.push_back(k);
    }
    for (size_t a = kinds.size(); a > 1; --a)
        std::swap(kinds[a - 1], kinds[static_cast<size_t>(uniformInt(m_faultRng, 0, static_cast<int>(a) - 1))]);
    for (size_t a = 0; a < kinds.size(); ++a) {
        const double span = 0.9 * static_cast<double>(m_o.parcels) / static_cast<double>(kinds.size());
        m_pending.push_back({static_cast<int64_t>(span * (static_cast<double>(a) + 0.25 + 0.5 * unit(m_faultRng))), kinds[a]});
    }
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const PendingFault &a, const PendingFault &b) { return a.target < b.target; });

    std::vector<BlockLayout> prev(m_g.nx), cur(m_g.nx);
    for (int j = 0; j <= m_g.nb; ++j) {
        for (int i = 0; i < m_g.nx; ++i)
            cur[i] = j < m_g.nb ? layoutBlock(m_g, i, j) : BlockLayout{};
        std::vector<Obj> objs;
        makeRoads(objs, j, prev, cur, m_subrow++);
        if (j < m_g.nb) {
            const int north = m_subrow++;
            makeLots(objs, j, cur, north);
            m_subrow++;
            makeVertical(objs, j, cur, north);
        }
        emitBand(objs, res);
        std::swap(prev, cur);
    }
    if (!m_waiting.empty() || m_nextPending < m_pending.size()) {
        if (error)
            *error = "synth: could not place every requested fault (too few suitable parcels)";
        return false;
    }
    res.seed = m_o.seed;
    res.communeCode = m_o.communeCode;
    res.sheets = m_sheets;
    res.faults = m_faults;
    res.minX = m_g.gapWest(0);
    res.maxX = m_g.gapEast(m_g.nx);
    res.minY = m_g.rowLow(m_g.nb);
    res.maxY = m_g.rowHigh(0);
    res.ok = true;
    return true;
}

} // namespace

const std::vector<std::string> &faultKinds()
{
    static const std::vector<std::string> kinds = {"overlap",          "gap",          "sliver",
                                                   "self_intersection", "duplicate_number", "unknown_code",
                                                   "spike",            "duplicate_geometry", "area_mismatch"};
    return kinds;
}

bool parseFaultSpec(const std::string &spec, std::map<std::string, int> *counts, std::string *error)
{
    counts->clear();
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        item.erase(std::remove_if(item.begin(), item.end(), [](char c) { return c == ' '; }), item.end());
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string kind = item.substr(0, eq);
        if (std::find(faultKinds().begin(), faultKinds().end(), kind) == faultKinds().end()) {
            if (error) {
                *error = "synth: unknown fault kind \"" + kind + "\" (known:";
                for (const auto &k : faultKinds())
                    *error += " " + k;
                *error += ")";
            }
            return false;
        }
        int n = 1;
        if (eq != std::string::npos) {
            const std::string v = item.substr(eq + 1);
            char *end = nullptr;
            const long parsed = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || parsed < 0 || parsed > 100000) {
                if (error)
                    *error = "synth: bad count \"" + v + "\" for fault " + kind;
                return false;
            }
            n = static_cast<int>(parsed);
        }
        (*counts)[kind] += n;
    }
    return true;
}

std::string SynthResult::manifestJson() const
{
    QJsonObject root;
    auto s = [](const std::string &v) { return QString::fromStdString(v); };
    root[QStringLiteral("seed")] = QString::number(seed);
    root[QStringLiteral("commune_code")] = s(communeCode);
    root[QStringLiteral("crs")] = QStringLiteral("EPSG:5899");
    root[QStringLiteral("parcels")] = static_cast<qint64>(parcelCount);
    root[QStringLiteral("roads")] = static_cast<qint64>(roadCount);
    root[QStringLiteral("waterways")] = static_cast<qint64>(waterwayCount);
    root[QStringLiteral("features")] = static_cast<qint64>(featureCount);
    QJsonArray fs;
    for (const auto &f : faults) {
        QJsonObject o;
        o[QStringLiteral("kind")] = s(f.kind);
        QJsonArray ps;
        for (const auto &p : f.parcels) {
            QJsonObject po;
            po[QStringLiteral("commune_code")] = s(p.communeCode);
            po[QStringLiteral("to_so")] = p.toSo;
            po[QStringLiteral("thua_so")] = p.thuaSo;
            po[QStringLiteral("uuid")] = s(p.uuid);
            ps.append(po);
        }
        o[QStringLiteral("parcels")] = ps;
        o[QStringLiteral("x")] = f.x;
        o[QStringLiteral("y")] = f.y;
        o[QStringLiteral("measure")] = f.measure;
        o[QStringLiteral("unit")] = s(f.unit);
        o[QStringLiteral("note")] = s(f.note);
        if (!f.sideEffectOf.empty())
            o[QStringLiteral("side_effect_of")] = s(f.sideEffectOf);
        fs.append(o);
    }
    root[QStringLiteral("faults")] = fs;
    QJsonArray ss;
    for (const auto &sh : sheets) {
        QJsonObject o;
        o[QStringLiteral("commune_code")] = s(sh.communeCode);
        o[QStringLiteral("to_so")] = sh.toSo;
        o[QStringLiteral("scale")] = sh.scale;
        o[QStringLiteral("sheet_id")] = s(sh.sheetId);
        o[QStringLiteral("frame")] = QJsonArray{sh.minX, sh.minY, sh.maxX, sh.maxY};
        ss.append(o);
    }
    root[QStringLiteral("sheets")] = ss;
    const QByteArray b = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

SynthResult generateCoverage(const SynthOptions &options, const std::function<void(const model::Parcel &)> &sink,
                             std::string *error)
{
    SynthResult res;
    Generator gen(options, sink);
    if (!gen.run(res, error))
        res.ok = false;
    return res;
}

} // namespace vnland::synth
