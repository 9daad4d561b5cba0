// Neighbour rules: overlap (by intersection area, so containment and exact
// duplicates count — GEOS overlaps() would miss both), duplicate geometry and
// vertices that come within tolerance of a neighbour's edge without being one
// of its vertices (T-junctions, undershoots, overshoots).
#include "topology/rule_checks.h"

#include <algorithm>
#include <cmath>

namespace vnland::topology::detail {
namespace {

std::string pairLabel(const model::Parcel &a, const model::Parcel &b)
{
    auto one = [](const model::Parcel &p) {
        if (p.toSo && p.thuaSo)
            return "thửa " + std::to_string(*p.thuaSo) + " tờ " + std::to_string(*p.toSo);
        return "id " + std::to_string(p.id);
    };
    return one(a) + " và " + one(b);
}

/// Polygonal part of an overlay result as a MultiPolygon (null when none).
geom::GeomPtr polygonsOf(const GEOSGeometry *g)
{
    auto h = geom::ctx();
    std::vector<GEOSGeometry *> parts;
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int k = 0; k < n; ++k) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(h, g, k);
        const int t = GEOSGeomTypeId_r(h, part);
        if (t == GEOS_POLYGON) {
            parts.push_back(GEOSGeom_clone_r(h, part));
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            geom::GeomPtr sub = polygonsOf(part);
            if (sub)
                for (int m = 0; m < GEOSGetNumGeometries_r(h, sub.get()); ++m)
                    parts.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, sub.get(), m)));
        }
    }
    if (parts.empty())
        return nullptr;
    return geom::GeomPtr(
        GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

double segDistance2(XY p, XY a, XY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::max(0.0, std::min(1.0, t));
    const double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return ex * ex + ey * ey;
}

// ---- A cheap certificate that two valid polygons only touch ----
// Most candidate pairs of a coverage are neighbours sharing a chain of
// identical vertices; GEOS relate costs ~60 µs on such pairs. The certificate
// below proves "interiors are disjoint" in a few µs when:
//  1. no edge of one properly crosses an edge of the other;
//  2. every vertex of either is a vertex of the other or strictly outside it;
//  3. every edge whose two ends are shared vertices is an edge of the other
//     too, or its midpoint is strictly outside the other;
//  4. every ring of either has a vertex strictly outside the other (so exact
//     duplicates and islands filling a hole never pass).
// If interiors met, a boundary point of one would lie inside the other; walking
// along its edge to the first boundary crossing violates 1, 2 or 3; and if no
// boundary enters the other's interior, the interiors coincide, which 4 rules
// out. Any pair that fails goes to GEOS, so the certificate can only save time.

enum class Where { Inside, Outside, Boundary };

inline double orient(XY a, XY b, XY c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

Where locate(const ParcelIndex &index, size_t j, XY p)
{
    bool inside = false;
    for (size_t r = 0; r < index.ringCount(j); ++r) {
        size_t n = 0;
        const XY *q = index.ring(j, r, &n);
        for (size_t k = 0; k + 1 < n; ++k) {
            const XY a = q[k], b = q[k + 1];
            if (orient(a, b, p) == 0 && p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x) &&
                p.y >= std::min(a.y, b.y) && p.y <= std::max(a.y, b.y))
                return Where::Boundary;
            if ((a.y > p.y) != (b.y > p.y)) {
                const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if (x > p.x)
                    inside = !inside;
            }
        }
    }
    return inside ? Where::Inside : Where::Outside;
}

struct PtLess {
    bool operator()(const XY &a, const XY &b) const { return a.x < b.x || (a.x == b.x && a.y < b.y); }
};

bool strictlyOutsideBox(XY p, const geom::Envelope &e)
{
    return p.x < e.minX || p.x > e.maxX || p.y < e.minY || p.y > e.maxY;
}

using Edge = std::pair<XY, XY>; // lower point first

struct EdgeLess {
    bool operator()(const Edge &a, const Edge &b) const
    {
        const PtLess l;
        if (l(a.first, b.first))
            return true;
        if (l(b.first, a.first))
            return false;
        return l(a.second, b.second);
    }
};

Edge normalized(XY p, XY q) { return PtLess()(p, q) ? Edge{p, q} : Edge{q, p}; }

/// Conditions 2–4 for the vertices and edges of @p a against @p b.
bool sideCertified(const ParcelIndex &index, size_t a, size_t b, const std::vector<XY> &bVertices,
                   const std::vector<Edge> &bEdges, const geom::Envelope &box)
{
    const PtLess less;
    auto isVertexOfB = [&](XY p) { return std::binary_search(bVertices.begin(), bVertices.end(), p, less); };
    for (size_t r = 0; r < index.ringCount(a); ++r) {
        size_t n = 0;
        const XY *q = index.ring(a, r, &n);
        bool someOutside = false;
        thread_local std::vector<char> shared;
        shared.assign(n, 0);
        for (size_t k = 0; k + 1 < n; ++k) {
            const XY p = q[k];
            if (strictlyOutsideBox(p, box)) {
                someOutside = true;
                continue;
            }
            if (isVertexOfB(p)) {
                shared[k] = 1;
                continue;
            }
            if (locate(index, b, p) != Where::Outside)
                return false;
            someOutside = true;
        }
        if (!someOutside)
            return false;
        shared[n - 1] = shared[0];
        for (size_t k = 0; k + 1 < n; ++k) {
            if (!shared[k] || !shared[k + 1])
                continue;
            if (std::binary_search(bEdges.begin(), bEdges.end(), normalized(q[k], q[k + 1]), EdgeLess()))
                continue; // a shared edge
            const XY mid{(q[k].x + q[k + 1].x) / 2, (q[k].y + q[k + 1].y) / 2};
            if (locate(index, b, mid) != Where::Outside)
                return false;
        }
    }
    return true;
}

void collectVertices(const ParcelIndex &index, size_t i, const geom::Envelope &box, std::vector<XY> &out,
                     std::vector<Edge> &edges)
{
    out.clear();
    edges.clear();
    for (size_t r = 0; r < index.ringCount(i); ++r) {
        size_t n = 0;
        const XY *q = index.ring(i, r, &n);
        for (size_t k = 0; k + 1 < n; ++k) {
            const bool in = !strictlyOutsideBox(q[k], box);
            if (in)
                out.push_back(q[k]);
            if (in && !strictlyOutsideBox(q[k + 1], box))
                edges.push_back(normalized(q[k], q[k + 1]));
        }
    }
    std::sort(out.begin(), out.end(), PtLess());
    std::sort(edges.begin(), edges.end(), EdgeLess());
}

bool touchOnlyCertified(const ParcelIndex &index, size_t a, size_t b)
{
    if (!index.valid(a) || !index.valid(b))
        return false;
    const geom::Envelope &ea = index.envelope(a), &eb = index.envelope(b);
    geom::Envelope box;
    box.expand(std::max(ea.minX, eb.minX), std::max(ea.minY, eb.minY));
    box.expand(std::min(ea.maxX, eb.maxX), std::min(ea.maxY, eb.maxY));
    // 1. No proper crossings between edges near the common box.
    auto edgesIn = [&](size_t i, std::vector<std::pair<XY, XY>> &out) {
        out.clear();
        for (size_t r = 0; r < index.ringCount(i); ++r) {
            size_t n = 0;
            const XY *q = index.ring(i, r, &n);
            for (size_t k = 0; k + 1 < n; ++k) {
                const XY p = q[k], s = q[k + 1];
                if (std::max(p.x, s.x) < box.minX || std::min(p.x, s.x) > box.maxX || std::max(p.y, s.y) < box.minY ||
                    std::min(p.y, s.y) > box.maxY)
                    continue;
                out.emplace_back(p, s);
            }
        }
    };
    thread_local std::vector<std::pair<XY, XY>> edA, edB;
    thread_local std::vector<XY> vA, vB;
    edgesIn(a, edA);
    edgesIn(b, edB);
    for (const auto &[p1, p2] : edA) {
        const double minX = std::min(p1.x, p2.x), maxX = std::max(p1.x, p2.x);
        const double minY = std::min(p1.y, p2.y), maxY = std::max(p1.y, p2.y);
        for (const auto &[q1, q2] : edB) {
            if (std::max(q1.x, q2.x) < minX || std::min(q1.x, q2.x) > maxX || std::max(q1.y, q2.y) < minY ||
                std::min(q1.y, q2.y) > maxY)
                continue;
            const double o1 = orient(p1, p2, q1), o2 = orient(p1, p2, q2);
            const double o3 = orient(q1, q2, p1), o4 = orient(q1, q2, p2);
            if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
                return false;
        }
    }
    thread_local std::vector<Edge> eA, eB;
    collectVertices(index, a, box, vA, eA);
    collectVertices(index, b, box, vB, eB);
    return sideCertified(index, a, b, vB, eB, box) && sideCertified(index, b, a, vA, eA, box);
}

void checkPair(const ParcelIndex &index, size_t i, size_t j, geom::PreparedPtr &prepared, const RuleMask &rules,
               WorkerState &ws)
{
    if (touchOnlyCertified(index, i, j))
        return;
    auto h = geom::ctx();
    if (!prepared)
        prepared.reset(GEOSPrepare_r(h, index.geometry(i)));
    const GEOSPreparedGeometry *prep = prepared.get();
    const GEOSGeometry *a = index.geometry(i);
    const GEOSGeometry *b = index.geometry(j);
    if (GEOSPreparedIntersects_r(h, prep, b) != 1)
        return;
    char *im = GEOSRelate_r(h, a, b);
    if (!im)
        return;
    const bool interiors = im[0] != 'F';
    const bool equal = GEOSRelatePatternMatch_r(h, im, "T*F**FFF*") == 1;
    GEOSFree_r(h, im);
    if (!interiors)
        return;
    const auto &pa = index.parcel(i), &pb = index.parcel(j);
    if (equal && has(rules, Rule::DuplicateGeometry)) {
        Issue issue;
        issue.rule = Rule::DuplicateGeometry;
        issue.severity = ws.context->params.severity(Rule::DuplicateGeometry);
        setParcels(issue, index, {i, j});
        issue.measure = index.area(i);
        issue.geometryWkb = geom::toWkb(a);
        issue.message = pairLabel(pa, pb) + " trùng hình học (" + fmt(index.area(i), 2) + " m²)";
        issue.detail = "{\"area\":" + fmt(index.area(i), 3) + "}";
        ws.issues.push_back(std::move(issue));
    }
    if (!has(rules, Rule::Overlap))
        return;
    geom::GeomPtr inter(GEOSIntersection_r(h, a, b));
    if (!inter)
        return;
    geom::GeomPtr polys = polygonsOf(inter.get());
    const double area = polys ? geom::area(polys.get()) : 0;
    if (area <= ws.context->params.value(Rule::Overlap, "min_area"))
        return;
    // Kind helps the officer: one inside the other, identical, or a partial overlap.
    const char *kind = equal ? "duplicate"
                             : (std::abs(area - index.area(j)) < 1e-6 * std::max(1.0, area) ? "contains"
                                : std::abs(area - index.area(i)) < 1e-6 * std::max(1.0, area) ? "within"
                                                                                                 : "partial");
    Issue issue;
    issue.rule = Rule::Overlap;
    issue.severity = ws.context->params.severity(Rule::Overlap);
    setParcels(issue, index, {i, j});
    issue.measure = area;
    issue.geometryWkb = geom::toWkb(polys.get());
    issue.message = pairLabel(pa, pb) + " chồng lấn " + fmt(area, 3) + " m²" +
                    (std::string(kind) == "contains"  ? " (thửa sau nằm trong thửa trước)"
                     : std::string(kind) == "within"  ? " (thửa trước nằm trong thửa sau)"
                     : std::string(kind) == "duplicate" ? " (trùng nhau)"
                                                        : "");
    issue.detail = "{\"area\":" + fmt(area, 4) + ",\"kind\":\"" + kind + "\"}";
    ws.issues.push_back(std::move(issue));
}

void checkUnmatched(const ParcelIndex &index, size_t i, size_t j, const RuleMask &rules, WorkerState &ws)
{
    const double tol = ws.context->params.value(Rule::UnmatchedVertex, "tolerance");
    const double same = 1e-6; // coordinates equal to the micrometre are the same node
    const geom::Envelope &eb = index.envelope(j);
    for (size_t r = 0; r < index.ringCount(i); ++r) {
        size_t n = 0;
        const XY *pts = index.ring(i, r, &n);
        for (size_t k = 0; k + 1 < n; ++k) {
            const XY v = pts[k];
            if (v.x < eb.minX - tol || v.x > eb.maxX + tol || v.y < eb.minY - tol || v.y > eb.maxY + tol)
                continue;
            double best2 = 1e300;
            bool onVertex = false;
            for (size_t rb = 0; rb < index.ringCount(j) && !onVertex; ++rb) {
                size_t m = 0;
                const XY *q = index.ring(j, rb, &m);
                for (size_t s = 0; s + 1 < m; ++s) {
                    if (std::abs(q[s].x - v.x) <= same && std::abs(q[s].y - v.y) <= same) {
                        onVertex = true;
                        break;
                    }
                    // Segments whose box is farther than tol cannot be closer.
                    if (v.x < std::min(q[s].x, q[s + 1].x) - tol || v.x > std::max(q[s].x, q[s + 1].x) + tol ||
                        v.y < std::min(q[s].y, q[s + 1].y) - tol || v.y > std::max(q[s].y, q[s + 1].y) + tol)
                        continue;
                    best2 = std::min(best2, segDistance2(v, q[s], q[s + 1]));
                }
            }
            if (onVertex || best2 > tol * tol)
                continue;
            const double best = std::sqrt(best2);
            Issue issue;
            issue.rule = Rule::UnmatchedVertex;
            issue.severity = ws.context->params.severity(Rule::UnmatchedVertex);
            setParcels(issue, index, {i, j});
            issue.measure = best;
            issue.geometryWkb = pointWkb(v.x, v.y);
            const bool onEdge = best <= same;
            issue.message = pairLabel(index.parcel(i), index.parcel(j)) +
                            (onEdge ? ": đỉnh nằm trên cạnh thửa kề nhưng thửa kề không có đỉnh tại đó (nút chữ T)"
                                    : ": đỉnh cách cạnh thửa kề " + fmt(best, 3) + " m (chưa khép/vượt quá)");
            issue.detail = "{\"x\":" + fmt(v.x) + ",\"y\":" + fmt(v.y) + ",\"distance\":" + fmt(best, 4) +
                           ",\"kind\":\"" + (onEdge ? "t_junction" : "near_miss") + "\"}";
            ws.issues.push_back(std::move(issue));
            (void)rules;
        }
    }
}

/// Edges of parcel i that no candidate neighbour has (either direction).
void collectFreeEdges(const ParcelIndex &index, size_t i, WorkerState &ws)
{
    thread_local std::vector<Edge> theirs;
    theirs.clear();
    const geom::Envelope &ea = index.envelope(i);
    for (size_t j : ws.candidates) {
        if (j == i)
            continue;
        for (size_t r = 0; r < index.ringCount(j); ++r) {
            size_t n = 0;
            const XY *q = index.ring(j, r, &n);
            for (size_t k = 0; k + 1 < n; ++k) {
                if (std::max(q[k].x, q[k + 1].x) < ea.minX || std::min(q[k].x, q[k + 1].x) > ea.maxX ||
                    std::max(q[k].y, q[k + 1].y) < ea.minY || std::min(q[k].y, q[k + 1].y) > ea.maxY)
                    continue;
                theirs.push_back(normalized(q[k], q[k + 1]));
            }
        }
    }
    std::sort(theirs.begin(), theirs.end(), EdgeLess());
    for (size_t r = 0; r < index.ringCount(i); ++r) {
        size_t n = 0;
        const XY *q = index.ring(i, r, &n);
        for (size_t k = 0; k + 1 < n; ++k) {
            if (q[k].x == q[k + 1].x && q[k].y == q[k + 1].y)
                continue;
            if (!std::binary_search(theirs.begin(), theirs.end(), normalized(q[k], q[k + 1]), EdgeLess()))
                ws.freeEdges.emplace_back(q[k], q[k + 1]);
        }
    }
}

} // namespace

void checkNeighbours(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws,
                     const std::vector<char> *pairOwner)
{
    if (!index.readable(i))
        return;
    const bool pairRules = has(rules, Rule::Overlap) || has(rules, Rule::DuplicateGeometry);
    const bool vertexRule = has(rules, Rule::UnmatchedVertex);
    const double margin = vertexRule ? ws.context->params.value(Rule::UnmatchedVertex, "tolerance") : 1e-9;
    index.query(index.envelope(i), margin, ws.candidates);
    geom::PreparedPtr prep;
    const geom::Envelope &ea = index.envelope(i);
    if (ws.collectFreeEdges)
        collectFreeEdges(index, i, ws);
    for (size_t j : ws.candidates) {
        if (j == i || !index.readable(j))
            continue;
        // Each unordered pair once: the lower position owns it, unless (incremental)
        // the other one is outside the examined set.
        const bool owner = pairOwner ? (j > i || !(*pairOwner)[j]) : j > i;
        const geom::Envelope &eb = index.envelope(j);
        const bool envMeet = !(eb.minX > ea.maxX || eb.maxX < ea.minX || eb.minY > ea.maxY || eb.maxY < ea.minY);
        if (pairRules && owner && envMeet)
            checkPair(index, i, j, prep, rules, ws);
        if (vertexRule)
            checkUnmatched(index, i, j, rules, ws);
    }
}

} // namespace vnland::topology::detail
