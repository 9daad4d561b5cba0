// Bucket-grid snapping index: every parcel segment is listed in the grid
// cells its bounding box covers; extra points in their cell; frame lines are
// few and scanned linearly. A query visits only the cells within tolerance.
#include "edit/snap_index.h"
#include "edit/edit_support.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace vnland::edit {

namespace {

struct Box {
    double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest(), maxY = std::numeric_limits<double>::lowest();
    void expand(XY p)
    {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    bool empty() const { return minX > maxX; }
};

using detail::dist2;
using detail::nearestOnSegment;

uint64_t cellKey(int64_t ix, int64_t iy)
{
    return (static_cast<uint64_t>(static_cast<uint32_t>(ix)) << 32) | static_cast<uint32_t>(iy);
}

/// Ranking of candidates: point-like before segments, then distance, then kind, then id.
struct Rank {
    bool segment = true;
    double d2 = std::numeric_limits<double>::max();
    int kindOrder = 99;
    int64_t id = std::numeric_limits<int64_t>::max();
    bool operator<(const Rank &o) const
    {
        return std::tie(segment, d2, kindOrder, id) < std::tie(o.segment, o.d2, o.kindOrder, o.id);
    }
};

int kindOrder(SnapKind k)
{
    switch (k) {
    case SnapKind::ParcelVertex: return 0;
    case SnapKind::SurveyPoint: return 1;
    case SnapKind::GridCross: return 2;
    case SnapKind::SheetFrame: return 3;
    case SnapKind::ParcelSegment: return 4;
    case SnapKind::None: break;
    }
    return 99;
}

} // namespace

struct SnapIndex::Impl {
    struct Entry {
        int64_t id = -1;
        MultiPoly geometry; // rings opened (no closing point)
        Box box;
        std::vector<uint64_t> cells;
    };
    struct SegRef {
        const Entry *entry;
        int32_t part, ring, seg;
    };
    struct PointRef {
        XY p;
        PointKind kind;
        int64_t id;
    };
    struct Line {
        std::vector<XY> pts;
        bool closed = false;
        int64_t id = -1;
        Box box;
    };

    double cell = 25;
    bool autoCell = true;
    std::unordered_map<int64_t, Entry> parcels; // node-based: Entry addresses are stable
    std::unordered_map<uint64_t, std::vector<SegRef>> segCells;
    std::unordered_map<uint64_t, std::vector<PointRef>> pointCells;
    size_t pointCount = 0;
    std::vector<Line> lines;
    /// Parcels wider or taller than kLargeCells cells: parcelsInBox checks them
    /// one by one; every other parcel is found through the cells of the query
    /// box grown by that size.
    static constexpr double kLargeCells = 8;
    std::unordered_set<int64_t> large;

    int64_t ix(double x) const { return static_cast<int64_t>(std::floor(x / cell)); }

    /// Calls f(key) for the cells covering the box; false when there are too many
    /// (the caller then scans everything instead).
    template <class F>
    bool forCells(double minX, double minY, double maxX, double maxY, size_t limit, F &&f) const
    {
        const int64_t x0 = ix(minX), x1 = ix(maxX), y0 = ix(minY), y1 = ix(maxY);
        const double count = (static_cast<double>(x1 - x0) + 1) * (static_cast<double>(y1 - y0) + 1);
        if (count > static_cast<double>(limit))
            return false;
        for (int64_t x = x0; x <= x1; ++x)
            for (int64_t y = y0; y <= y1; ++y)
                f(cellKey(x, y));
        return true;
    }

    void insert(int64_t id, const MultiPoly &g)
    {
        Entry &e = parcels[id];
        e.id = id;
        e.geometry.clear();
        for (const Poly &p : g) {
            Poly q;
            for (const Ring &r : p.rings)
                q.rings.push_back(openRing(r));
            e.geometry.push_back(std::move(q));
        }
        e.box = Box();
        std::unordered_set<uint64_t> cells;
        for (size_t pi = 0; pi < e.geometry.size(); ++pi) {
            const auto &rings = e.geometry[pi].rings;
            for (size_t ri = 0; ri < rings.size(); ++ri) {
                const Ring &r = rings[ri];
                const size_t n = r.size();
                for (size_t s = 0; s < n; ++s) {
                    const XY a = r[s], b = r[(s + 1) % n];
                    e.box.expand(a);
                    const SegRef ref{&e, static_cast<int32_t>(pi), static_cast<int32_t>(ri), static_cast<int32_t>(s)};
                    forCells(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y),
                             std::numeric_limits<size_t>::max(), [&](uint64_t key) {
                                 segCells[key].push_back(ref);
                                 cells.insert(key);
                             });
                }
            }
        }
        e.cells.assign(cells.begin(), cells.end());
        if (!e.box.empty() && std::max(e.box.maxX - e.box.minX, e.box.maxY - e.box.minY) > kLargeCells * cell)
            large.insert(id);
    }

    void erase(int64_t id)
    {
        auto it = parcels.find(id);
        if (it == parcels.end())
            return;
        const Entry *e = &it->second;
        for (uint64_t key : e->cells) {
            auto c = segCells.find(key);
            if (c == segCells.end())
                continue;
            auto &v = c->second;
            v.erase(std::remove_if(v.begin(), v.end(), [e](const SegRef &r) { return r.entry == e; }), v.end());
            if (v.empty())
                segCells.erase(c);
        }
        large.erase(id);
        parcels.erase(it);
    }

    /// Calls f(item) for every item listed in the cells of @p map within tol
    /// of p (a segment may come more than once); all items when that would
    /// visit more cells than the map has.
    template <class Map, class F>
    void forNear(const Map &map, XY p, double tol, F &&f) const
    {
        const bool ok = forCells(p.x - tol, p.y - tol, p.x + tol, p.y + tol, 4 * map.size() + 64, [&](uint64_t key) {
            auto c = map.find(key);
            if (c != map.end())
                for (const auto &r : c->second)
                    f(r);
        });
        if (!ok)
            for (const auto &[key, refs] : map)
                for (const auto &r : refs)
                    f(r);
    }

    static const Ring &ringOf(const SegRef &r) { return r.entry->geometry[r.part].rings[r.ring]; }
};

SnapIndex::SnapIndex(double cellSize) : m_d(std::make_unique<Impl>())
{
    if (cellSize > 0) {
        m_d->cell = cellSize;
        m_d->autoCell = false;
    }
}
SnapIndex::~SnapIndex() = default;
SnapIndex::SnapIndex(SnapIndex &&) noexcept = default;
SnapIndex &SnapIndex::operator=(SnapIndex &&) noexcept = default;

void SnapIndex::build(const ParcelGeoms &parcels)
{
    clearParcels();
    if (m_d->autoCell && !parcels.empty()) {
        double sum = 0;
        size_t n = 0;
        for (const auto &[id, g] : parcels) {
            Box b;
            for (const Poly &p : g)
                for (const Ring &r : p.rings)
                    for (const XY &v : r)
                        b.expand(v);
            if (!b.empty()) {
                sum += std::max(b.maxX - b.minX, b.maxY - b.minY);
                ++n;
            }
        }
        const double cell = n ? std::clamp(sum / static_cast<double>(n), 1.0, 1000.0) : 25.0;
        if (cell != m_d->cell) {
            // Points are bucketed by the cell size too: re-bucket them.
            std::vector<Impl::PointRef> pts;
            for (const auto &[key, refs] : m_d->pointCells)
                pts.insert(pts.end(), refs.begin(), refs.end());
            m_d->pointCells.clear();
            m_d->pointCount = 0;
            m_d->cell = cell;
            for (const auto &p : pts)
                addPoint(p.p, p.kind, p.id);
        }
    }
    m_d->parcels.reserve(parcels.size());
    for (const auto &[id, g] : parcels) {
        m_d->erase(id);
        m_d->insert(id, g);
    }
}

void SnapIndex::update(int64_t id, const MultiPoly &geometry)
{
    m_d->erase(id);
    m_d->insert(id, geometry);
}

void SnapIndex::remove(int64_t id) { m_d->erase(id); }

void SnapIndex::clearParcels()
{
    m_d->parcels.clear();
    m_d->large.clear();
    m_d->segCells.clear();
}

void SnapIndex::addPoint(XY p, PointKind kind, int64_t id)
{
    m_d->pointCells[cellKey(m_d->ix(p.x), m_d->ix(p.y))].push_back({p, kind, id});
    ++m_d->pointCount;
}

void SnapIndex::clearPoints()
{
    m_d->pointCells.clear();
    m_d->pointCount = 0;
}

void SnapIndex::addLine(const std::vector<XY> &line, bool closed, int64_t id)
{
    Impl::Line l;
    for (const XY &p : line)
        if (l.pts.empty() || l.pts.back() != p)
            l.pts.push_back(p);
    if (closed && l.pts.size() > 1 && l.pts.front() == l.pts.back())
        l.pts.pop_back();
    if (l.pts.empty())
        return;
    l.closed = closed && l.pts.size() > 2;
    l.id = id;
    for (const XY &p : l.pts)
        l.box.expand(p);
    m_d->lines.push_back(std::move(l));
}

void SnapIndex::clearLines() { m_d->lines.clear(); }

SnapResult SnapIndex::snap(XY p, double tol, SnapFlags flags, int64_t excludeId) const
{
    SnapResult best;
    Rank bestRank;
    if (!(tol >= 0))
        return best;
    const double tol2 = tol * tol;
    auto offer = [&](const Rank &rank, const SnapResult &r) {
        if (rank.d2 <= tol2 && rank < bestRank) {
            bestRank = rank;
            best = r;
        }
    };
    const bool wantV = flags & SnapToVertex, wantS = flags & SnapToSegment;
    if (wantV || wantS) {
        m_d->forNear(m_d->segCells, p, tol, [&](const Impl::SegRef &ref) {
            if (ref.entry->id == excludeId)
                return;
            const Ring &r = Impl::ringOf(ref);
            const int n = static_cast<int>(r.size());
            const int s1 = (ref.seg + 1) % n;
            const XY a = r[ref.seg], b = r[s1];
            SnapResult c;
            c.parcelId = ref.entry->id;
            c.part = ref.part;
            c.ring = ref.ring;
            if (wantV) {
                for (int v : {static_cast<int>(ref.seg), s1}) {
                    c.kind = SnapKind::ParcelVertex;
                    c.point = r[v];
                    c.vertex = v;
                    c.segment = -1;
                    offer({false, dist2(p, c.point), 0, c.parcelId}, c);
                }
            }
            if (wantS) {
                c.kind = SnapKind::ParcelSegment;
                c.point = nearestOnSegment(p, a, b);
                c.vertex = -1;
                c.segment = ref.seg;
                offer({true, dist2(p, c.point), kindOrder(SnapKind::ParcelSegment), c.parcelId}, c);
            }
        });
    }
    const bool wantG = flags & SnapToGridCross, wantP = flags & SnapToSurveyPoint;
    if ((wantG || wantP) && m_d->pointCount) {
        m_d->forNear(m_d->pointCells, p, tol, [&](const Impl::PointRef &pt) {
            if ((pt.kind == PointKind::GridCross && !wantG) || (pt.kind == PointKind::SurveyPoint && !wantP))
                return;
            SnapResult c;
            c.kind = pt.kind == PointKind::GridCross ? SnapKind::GridCross : SnapKind::SurveyPoint;
            c.point = pt.p;
            c.parcelId = pt.id;
            offer({false, dist2(p, pt.p), kindOrder(c.kind), pt.id}, c);
        });
    }
    if (flags & SnapToSheetFrame) {
        for (size_t li = 0; li < m_d->lines.size(); ++li) {
            const Impl::Line &l = m_d->lines[li];
            if (p.x < l.box.minX - tol || p.x > l.box.maxX + tol || p.y < l.box.minY - tol || p.y > l.box.maxY + tol)
                continue;
            const int n = static_cast<int>(l.pts.size());
            SnapResult c;
            c.kind = SnapKind::SheetFrame;
            c.parcelId = l.id;
            c.ring = static_cast<int>(li);
            for (int v = 0; v < n; ++v) {
                c.point = l.pts[v];
                c.vertex = v;
                c.segment = -1;
                offer({false, dist2(p, c.point), kindOrder(SnapKind::SheetFrame), l.id}, c);
            }
            const int segs = l.closed ? n : n - 1;
            for (int s = 0; s < segs; ++s) {
                c.point = nearestOnSegment(p, l.pts[s], l.pts[(s + 1) % n]);
                c.vertex = -1;
                c.segment = s;
                offer({true, dist2(p, c.point), kindOrder(SnapKind::SheetFrame), l.id}, c);
            }
        }
    }
    if (best.found())
        best.distance = std::sqrt(bestRank.d2);
    return best;
}

std::vector<VertexRef> SnapIndex::verticesAt(XY p, double tol) const
{
    std::set<std::tuple<int64_t, int, int, int>> seen;
    std::vector<std::pair<double, VertexRef>> found;
    const double tol2 = tol * tol;
    m_d->forNear(m_d->segCells, p, tol, [&](const Impl::SegRef &ref) {
        const Ring &r = Impl::ringOf(ref);
        const int v = ref.seg;
        const double d2 = dist2(p, r[v]);
        if (d2 <= tol2 && seen.insert({ref.entry->id, ref.part, ref.ring, v}).second)
            found.push_back({d2, {ref.entry->id, ref.part, ref.ring, v, r[v]}});
    });
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first, a.second.parcelId, a.second.part, a.second.ring, a.second.vertex) <
               std::tie(b.first, b.second.parcelId, b.second.part, b.second.ring, b.second.vertex);
    });
    std::vector<VertexRef> out;
    out.reserve(found.size());
    for (auto &f : found)
        out.push_back(f.second);
    return out;
}

std::vector<SegmentRef> SnapIndex::segmentsAt(XY p, double tol) const
{
    std::set<std::tuple<int64_t, int, int, int>> seen;
    std::vector<SegmentRef> out;
    const double tol2 = tol * tol;
    m_d->forNear(m_d->segCells, p, tol, [&](const Impl::SegRef &ref) {
        const Ring &r = Impl::ringOf(ref);
        const XY q = nearestOnSegment(p, r[ref.seg], r[(ref.seg + 1) % r.size()]);
        const double d2 = dist2(p, q);
        if (d2 <= tol2 && seen.insert({ref.entry->id, ref.part, ref.ring, ref.seg}).second)
            out.push_back({ref.entry->id, ref.part, ref.ring, ref.seg, q, std::sqrt(d2)});
    });
    std::sort(out.begin(), out.end(), [](const SegmentRef &a, const SegmentRef &b) {
        return std::tie(a.distance, a.parcelId, a.part, a.ring, a.segment) <
               std::tie(b.distance, b.parcelId, b.part, b.ring, b.segment);
    });
    return out;
}

std::vector<int64_t> SnapIndex::parcelsInBox(double minX, double minY, double maxX, double maxY) const
{
    std::unordered_set<int64_t> ids;
    auto consider = [&](const Impl::Entry &e) {
        if (!e.box.empty() && e.box.maxX >= minX && e.box.minX <= maxX && e.box.maxY >= minY && e.box.minY <= maxY)
            ids.insert(e.id);
    };
    // A parcel no larger than g whose box meets the query box has all its
    // segments, hence its cells, inside the query box grown by g.
    const double g = Impl::kLargeCells * m_d->cell;
    const bool ok = m_d->forCells(minX - g, minY - g, maxX + g, maxY + g, m_d->segCells.size() + 64, [&](uint64_t key) {
        auto c = m_d->segCells.find(key);
        if (c != m_d->segCells.end())
            for (const auto &r : c->second)
                consider(*r.entry);
    });
    if (ok) {
        for (int64_t id : m_d->large)
            consider(m_d->parcels.at(id));
    } else {
        for (const auto &[id, e] : m_d->parcels)
            consider(e);
    }
    std::vector<int64_t> out(ids.begin(), ids.end());
    std::sort(out.begin(), out.end());
    return out;
}

const MultiPoly *SnapIndex::parcel(int64_t id) const
{
    auto it = m_d->parcels.find(id);
    return it == m_d->parcels.end() ? nullptr : &it->second.geometry;
}

size_t SnapIndex::parcelCount() const { return m_d->parcels.size(); }

double SnapIndex::cellSize() const { return m_d->cell; }

} // namespace vnland::edit
