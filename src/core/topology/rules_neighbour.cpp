// Neighbour rules: overlap (by intersection area, so containment and exact
// duplicates count — GEOS overlaps() would miss both), duplicate geometry and
// vertices that come within tolerance of a neighbour's edge without being one
// of its vertices (T-junctions, undershoots, overshoots).
#include "topology/rule_checks.h"

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

double segDistance(XY p, XY a, XY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::max(0.0, std::min(1.0, t));
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

void checkPair(const ParcelIndex &index, size_t i, size_t j, const GEOSPreparedGeometry *prep, const RuleMask &rules,
               WorkerState &ws)
{
    auto h = geom::ctx();
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
            double best = 1e300;
            bool onVertex = false;
            for (size_t rb = 0; rb < index.ringCount(j) && !onVertex; ++rb) {
                size_t m = 0;
                const XY *q = index.ring(j, rb, &m);
                for (size_t s = 0; s + 1 < m; ++s) {
                    if (std::abs(q[s].x - v.x) <= same && std::abs(q[s].y - v.y) <= same) {
                        onVertex = true;
                        break;
                    }
                    best = std::min(best, segDistance(v, q[s], q[s + 1]));
                }
            }
            if (onVertex || best > tol)
                continue;
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

} // namespace

void checkNeighbours(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws,
                     const std::vector<char> *pairOwner)
{
    if (!index.readable(i))
        return;
    const bool pairRules = has(rules, Rule::Overlap) || has(rules, Rule::DuplicateGeometry);
    const bool vertexRule = has(rules, Rule::UnmatchedVertex);
    const double margin = vertexRule ? ws.context->params.value(Rule::UnmatchedVertex, "tolerance") : 0;
    index.query(index.envelope(i), margin, ws.candidates);
    geom::PreparedPtr prep;
    const geom::Envelope &ea = index.envelope(i);
    for (size_t j : ws.candidates) {
        if (j == i || !index.readable(j))
            continue;
        // Each unordered pair once: the lower position owns it, unless (incremental)
        // the other one is outside the examined set.
        const bool owner = pairOwner ? (j > i || !(*pairOwner)[j]) : j > i;
        const geom::Envelope &eb = index.envelope(j);
        const bool envMeet = !(eb.minX > ea.maxX || eb.maxX < ea.minX || eb.minY > ea.maxY || eb.maxY < ea.minY);
        if (pairRules && owner && envMeet) {
            if (!prep)
                prep.reset(GEOSPrepare_r(geom::ctx(), index.geometry(i)));
            checkPair(index, i, j, prep.get(), rules, ws);
        }
        if (vertexRule)
            checkUnmatched(index, i, j, rules, ws);
    }
}

} // namespace vnland::topology::detail
