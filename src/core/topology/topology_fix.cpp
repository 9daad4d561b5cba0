// Planning and applying topology fixes.
#include "topology/topology_fix.h"

#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "topology/parcel_index.h"
#include "topology/rule_checks.h"
#include "topology/topology_engine.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace vnland::topology {
namespace {

using detail::fmt;
using Key = std::pair<double, double>;

struct Working {
    const ParcelIndex &index;
    std::map<size_t, geom::GeomPtr> changed;
    std::map<size_t, std::string> notes;
    std::set<size_t> retired;

    const GEOSGeometry *get(size_t i) const
    {
        auto it = changed.find(i);
        return it != changed.end() ? it->second.get() : index.geometry(i);
    }
};

geom::GeomPtr polygonal(geom::GeomPtr g)
{
    auto h = geom::ctx();
    if (!g)
        return g;
    std::vector<GEOSGeometry *> parts;
    std::function<void(const GEOSGeometry *)> walk = [&](const GEOSGeometry *x) {
        const int t = GEOSGeomTypeId_r(h, x);
        if (t == GEOS_POLYGON) {
            if (!GEOSisEmpty_r(h, x))
                parts.push_back(GEOSGeom_clone_r(h, x));
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            for (int k = 0; k < GEOSGetNumGeometries_r(h, x); ++k)
                walk(GEOSGetGeometryN_r(h, x, k));
        }
    };
    walk(g.get());
    if (parts.empty())
        return nullptr;
    return geom::GeomPtr(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

/// Rebuilds a polygonal geometry ring by ring; @p edit may change the points of
/// ring r (global ring number, shell then holes, polygon by polygon; the
/// closing point is not included). Null when a shell collapses.
geom::GeomPtr mapRings(const GEOSGeometry *g, const std::function<void(size_t, std::vector<XY> &)> &edit)
{
    auto h = geom::ctx();
    size_t ringNo = 0;
    bool failed = false;
    auto makeRing = [&](const GEOSGeometry *ring) -> GEOSGeometry * {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned int n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        std::vector<XY> pts(n);
        GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double *>(pts.data()), 0, 0);
        if (!pts.empty())
            pts.pop_back(); // closing point
        edit(ringNo++, pts);
        std::vector<XY> clean;
        for (const XY &p : pts)
            if (clean.empty() || clean.back().x != p.x || clean.back().y != p.y)
                clean.push_back(p);
        while (clean.size() > 1 && clean.front().x == clean.back().x && clean.front().y == clean.back().y)
            clean.pop_back();
        if (clean.size() < 3)
            return nullptr;
        clean.push_back(clean.front());
        GEOSCoordSequence *out = GEOSCoordSeq_copyFromBuffer_r(h, reinterpret_cast<const double *>(clean.data()),
                                                               static_cast<unsigned>(clean.size()), 0, 0);
        return GEOSGeom_createLinearRing_r(h, out);
    };
    std::vector<GEOSGeometry *> polys;
    auto doPolygon = [&](const GEOSGeometry *poly) {
        GEOSGeometry *shell = makeRing(GEOSGetExteriorRing_r(h, poly));
        std::vector<GEOSGeometry *> holes;
        for (int k = 0; k < GEOSGetNumInteriorRings_r(h, poly); ++k)
            if (GEOSGeometry *r = makeRing(GEOSGetInteriorRingN_r(h, poly, k)))
                holes.push_back(r);
        if (!shell) {
            failed = true;
            for (auto *r : holes)
                GEOSGeom_destroy_r(h, r);
            return;
        }
        polys.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
    };
    if (GEOSGeomTypeId_r(h, g) == GEOS_POLYGON)
        doPolygon(g);
    else
        for (int k = 0; k < GEOSGetNumGeometries_r(h, g); ++k)
            doPolygon(GEOSGetGeometryN_r(h, g, k));
    geom::GeomPtr result(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size())));
    if (failed)
        return nullptr;
    return result;
}

/// Overlay results can keep a zero-width needle where two boundaries met
/// end to end; a vertex whose edges fold back on each other (angle under
/// 0.01°) is dropped, as long as the result stays valid.
geom::GeomPtr withoutNeedles(geom::GeomPtr g)
{
    if (!g)
        return g;
    bool changed = false;
    geom::GeomPtr out = mapRings(g.get(), [&](size_t, std::vector<XY> &pts) {
        for (bool again = true; again && pts.size() > 3;) {
            again = false;
            const size_t n = pts.size();
            for (size_t k = 0; k < n; ++k) {
                const XY p = pts[(k + n - 1) % n], c = pts[k], q = pts[(k + 1) % n];
                const double ux = p.x - c.x, uy = p.y - c.y, vx = q.x - c.x, vy = q.y - c.y;
                const double nu = std::sqrt(ux * ux + uy * uy), nv = std::sqrt(vx * vx + vy * vy);
                if (nu == 0 || nv == 0)
                    continue;
                const double cross = std::abs(ux * vy - uy * vx) / (nu * nv), dot = (ux * vx + uy * vy) / (nu * nv);
                if (dot > 0 && cross < 1.75e-4) { // sin(0.01°)
                    pts.erase(pts.begin() + static_cast<long>(k));
                    changed = again = true;
                    break;
                }
            }
        }
    });
    if (!changed || !out || GEOSisValid_r(geom::ctx(), out.get()) != 1)
        return g;
    return out;
}

/// WKT for the change log, only of a geometry whose envelope is finite and on Earth:
/// GEOS 3.11's WKT writer overflows a stack buffer on 1e308 ("stack smashing").
std::string safeWkt(const GEOSGeometry *g)
{
    const geom::Envelope e = geom::envelope(g);
    for (double v : {e.minX, e.minY, e.maxX, e.maxY})
        if (!std::isfinite(v) || std::abs(v) > store::kMaxCoordinate)
            return {};
    return geom::toWkt(g, 3);
}

geom::GeomPtr original(const ParcelIndex &index, size_t i)
{
    const auto &wkb = index.parcel(i).wkb;
    return wkb.empty() ? nullptr : geom::fromWkb(wkb.data(), wkb.size());
}

/// Parcels (positions) that have a vertex exactly at one of @p points.
std::set<size_t> parcelsWithVertices(const ParcelIndex &index, const std::set<Key> &points)
{
    std::set<size_t> out;
    std::vector<size_t> cand;
    for (const Key &p : points) {
        geom::Envelope e;
        e.expand(p.first, p.second);
        index.query(e, 1e-6, cand);
        for (size_t j : cand) {
            for (size_t r = 0; r < index.ringCount(j) && !out.count(j); ++r) {
                size_t n = 0;
                const XY *pts = index.ring(j, r, &n);
                for (size_t k = 0; k < n; ++k)
                    if (pts[k].x == p.first && pts[k].y == p.second) {
                        out.insert(j);
                        break;
                    }
            }
        }
    }
    return out;
}

/// Applies vertex moves (everywhere the old point occurs) and insertions into
/// segments; records results in @p w (invalid results are skipped).
void applyVertexEdits(Working &w, const std::map<Key, XY> &moves,
                      const std::map<size_t, std::map<size_t, std::vector<std::pair<size_t, XY>>>> &inserts,
                      std::vector<std::string> &skipped)
{
    std::set<Key> moved;
    for (const auto &[k, v] : moves)
        moved.insert(k);
    std::set<size_t> affected = parcelsWithVertices(w.index, moved);
    for (const auto &[i, m] : inserts)
        affected.insert(i);
    auto h = geom::ctx();
    for (size_t i : affected) {
        geom::GeomPtr src = original(w.index, i);
        if (!src)
            continue;
        auto insIt = inserts.find(i);
        geom::GeomPtr out = mapRings(src.get(), [&](size_t r, std::vector<XY> &pts) {
            // Insertions refer to segment numbers of the unmodified ring: do them first, last segment first.
            if (insIt != inserts.end()) {
                auto rit = insIt->second.find(r);
                if (rit != insIt->second.end()) {
                    std::map<size_t, std::vector<XY>> bySeg;
                    for (const auto &[seg, p] : rit->second)
                        bySeg[seg].push_back(p);
                    for (auto it = bySeg.rbegin(); it != bySeg.rend(); ++it) {
                        const size_t s = it->first;
                        if (s >= pts.size())
                            continue;
                        const XY a = pts[s];
                        auto list = it->second;
                        std::sort(list.begin(), list.end(), [&](const XY &p, const XY &q) {
                            return std::hypot(p.x - a.x, p.y - a.y) < std::hypot(q.x - a.x, q.y - a.y);
                        });
                        pts.insert(pts.begin() + static_cast<long>(s) + 1, list.begin(), list.end());
                    }
                }
            }
            for (XY &p : pts) {
                auto it = moves.find({p.x, p.y});
                if (it != moves.end())
                    p = it->second;
            }
        });
        const auto &parcel = w.index.parcel(i);
        if (!out || GEOSisValid_r(h, out.get()) != 1) {
            skipped.push_back("Thửa id " + std::to_string(parcel.id) +
                              ": sửa đỉnh sẽ làm hình học không hợp lệ, giữ nguyên");
            continue;
        }
        w.changed[i] = std::move(out);
    }
}

void planVertices(const ParcelIndex &index, const ValidationContext &c, Rule rule, Working &w, FixPlan &plan)
{
    const double tol = rule == Rule::DuplicateVertex ? c.params.value(Rule::DuplicateVertex, "tolerance")
                                                     : c.params.value(Rule::NearVertices, "tolerance");
    // Union-find on exact coordinates: every point within tol of its ring
    // neighbour joins the earlier one, in every parcel that has it.
    std::map<Key, Key> parent;
    std::function<Key(Key)> find = [&](Key k) {
        auto it = parent.find(k);
        if (it == parent.end() || it->second == k)
            return k;
        return it->second = find(it->second);
    };
    for (size_t i = 0; i < index.size(); ++i)
        for (size_t r = 0; r < index.ringCount(i); ++r) {
            size_t n = 0;
            const XY *pts = index.ring(i, r, &n);
            for (size_t k = 0; k + 1 < n; ++k) {
                const double d = std::hypot(pts[k + 1].x - pts[k].x, pts[k + 1].y - pts[k].y);
                if (d == 0 || d > tol)
                    continue;
                const Key a = find({pts[k].x, pts[k].y}), b = find({pts[k + 1].x, pts[k + 1].y});
                if (a != b)
                    parent[std::max(a, b)] = std::min(a, b);
            }
        }
    std::map<Key, XY> moves;
    for (const auto &[k, v] : parent) {
        const Key root = find(k);
        if (root != k)
            moves[k] = XY{root.first, root.second};
    }
    applyVertexEdits(w, moves, {}, plan.skipped);
    // Exact consecutive duplicates disappear when rings are rebuilt.
    for (size_t i = 0; i < index.size(); ++i) {
        if (w.changed.count(i))
            continue;
        bool dup = false;
        for (size_t r = 0; r < index.ringCount(i) && !dup; ++r) {
            size_t n = 0;
            const XY *pts = index.ring(i, r, &n);
            for (size_t k = 0; k + 1 < n; ++k)
                if (pts[k].x == pts[k + 1].x && pts[k].y == pts[k + 1].y)
                    dup = true;
        }
        if (dup)
            if (geom::GeomPtr src = original(index, i))
                if (geom::GeomPtr out = mapRings(src.get(), [](size_t, std::vector<XY> &) {}))
                    w.changed[i] = std::move(out);
    }
}

bool nearestSegment(const ParcelIndex &index, size_t j, XY v, size_t *ring, size_t *seg, XY *proj, double *dist)
{
    *dist = 1e300;
    for (size_t r = 0; r < index.ringCount(j); ++r) {
        size_t n = 0;
        const XY *q = index.ring(j, r, &n);
        for (size_t s = 0; s + 1 < n; ++s) {
            const double dx = q[s + 1].x - q[s].x, dy = q[s + 1].y - q[s].y;
            const double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? ((v.x - q[s].x) * dx + (v.y - q[s].y) * dy) / len2 : 0;
            t = std::max(0.0, std::min(1.0, t));
            const XY p{q[s].x + t * dx, q[s].y + t * dy};
            const double d = std::hypot(v.x - p.x, v.y - p.y);
            if (d < *dist) {
                *dist = d;
                *ring = r;
                *seg = s;
                *proj = p;
            }
        }
    }
    return *dist < 1e300;
}

void planSnap(const ParcelIndex &index, const ValidationContext &c, const std::vector<Issue> &issues, Working &w,
              FixPlan &plan)
{
    const double tol = c.params.value(Rule::UnmatchedVertex, "tolerance");
    std::map<Key, XY> moves;
    std::map<size_t, std::map<size_t, std::vector<std::pair<size_t, XY>>>> inserts;
    std::set<Key> targets;
    for (const Issue &issue : issues) {
        if (issue.parcelIds.size() < 2 || issue.geometryWkb.size() != 21)
            continue;
        XY v;
        std::memcpy(&v.x, &issue.geometryWkb[5], 8);
        std::memcpy(&v.y, &issue.geometryWkb[13], 8);
        const size_t j = index.indexOfId(issue.parcelIds[1]);
        if (j == SIZE_MAX || moves.count({v.x, v.y}))
            continue;
        if (targets.count({v.x, v.y})) { // a neighbour's vertex already snaps onto this one
            ++plan.issuesAddressed;
            continue;
        }
        // A vertex of the neighbour within tolerance: snap onto it.
        double bestD = 1e300;
        XY best{};
        for (size_t r = 0; r < index.ringCount(j); ++r) {
            size_t n = 0;
            const XY *q = index.ring(j, r, &n);
            for (size_t s = 0; s + 1 < n; ++s) {
                const double d = std::hypot(q[s].x - v.x, q[s].y - v.y);
                if (d < bestD) {
                    bestD = d;
                    best = q[s];
                }
            }
        }
        if (bestD <= tol) {
            if (auto it = moves.find({best.x, best.y}); it != moves.end())
                best = it->second;
            moves[{v.x, v.y}] = best;
            targets.insert({best.x, best.y});
            ++plan.issuesAddressed;
            continue;
        }
        // Otherwise onto the nearest edge, which gets the shared node.
        size_t ring = 0, seg = 0;
        XY p;
        double d = 0;
        if (!nearestSegment(index, j, v, &ring, &seg, &p, &d) || d > tol)
            continue;
        if (d > 0) {
            moves[{v.x, v.y}] = p;
            targets.insert({p.x, p.y});
        }
        inserts[j][ring].emplace_back(seg, p);
        ++plan.issuesAddressed;
    }
    applyVertexEdits(w, moves, inserts, plan.skipped);
}

void planGaps(const ParcelIndex &index, const ValidationContext &c, const std::vector<Issue> &issues, Working &w,
              FixPlan &plan)
{
    auto h = geom::ctx();
    for (const Issue &issue : issues) {
        geom::GeomPtr gap = geom::fromWkb(issue.geometryWkb.data(), issue.geometryWkb.size());
        if (!gap)
            continue;
        // A parcel whose geometry could not be read leaves a hole that looks like a
        // gap: filling it would hand that parcel's land to a neighbour.
        const geom::Envelope ge = geom::envelope(gap.get());
        if (const store::DamagedGeometry *d = damagedParcelNear(c, ge.minX, ge.minY, ge.maxX, ge.maxY)) {
            plan.skipped.push_back("Khe hở " + fmt(issue.measure, 3) + " m²: không tự lấp, có thể là chỗ của " +
                                   damagedLabelVi(*d) + " có hình học bị hỏng" +
                                   (d->extent ? std::string() : std::string(" (không rõ vị trí)")));
            continue;
        }
        size_t bestI = SIZE_MAX;
        double bestLen = 0;
        for (int64_t id : issue.parcelIds) {
            const size_t i = index.indexOfId(id);
            if (i == SIZE_MAX || !index.readable(i) || w.retired.count(i))
                continue;
            const double len = detail::sharedBoundaryLength(gap.get(), w.get(i));
            if (len > bestLen) {
                bestLen = len;
                bestI = i;
            }
        }
        if (bestI == SIZE_MAX) {
            plan.skipped.push_back("Khe hở " + fmt(issue.measure, 3) + " m²: không có thửa kề chung cạnh");
            continue;
        }
        geom::GeomPtr merged = withoutNeedles(polygonal(geom::GeomPtr(GEOSUnion_r(h, w.get(bestI), gap.get()))));
        if (!merged) {
            plan.skipped.push_back("Khe hở " + fmt(issue.measure, 3) + " m²: không hợp nhất được");
            continue;
        }
        w.notes[bestI] += (w.notes[bestI].empty() ? "" : ",") + fmt(issue.measure, 3);
        w.changed[bestI] = std::move(merged);
        ++plan.issuesAddressed;
    }
}

void planOverlaps(const ParcelIndex &index, const std::vector<Issue> &issues, Working &w, FixPlan &plan)
{
    auto h = geom::ctx();
    for (const Issue &issue : issues) {
        if (issue.parcelIds.size() != 2)
            continue;
        const size_t a = index.indexOfId(issue.parcelIds[0]), b = index.indexOfId(issue.parcelIds[1]);
        if (a == SIZE_MAX || b == SIZE_MAX)
            continue;
        geom::GeomPtr ov(GEOSIntersection_r(h, w.get(a), w.get(b)));
        ov = polygonal(std::move(ov));
        if (!ov || geom::area(ov.get()) <= 0) {
            ++plan.issuesAddressed; // an earlier edit already removed it
            continue;
        }
        // As QGIS's geometry checker: each parcel without the overlap shares an
        // edge with the overlap; the parcel where that edge is shorter gives it
        // up (a vertex pushed into the neighbour, a needle: the faulty parcel
        // goes back to its shape). A parcel that would vanish (it lies inside
        // the other) keeps its area and the outer one gets a hole.
        geom::GeomPtr restA = polygonal(geom::GeomPtr(GEOSDifference_r(h, w.get(a), w.get(b))));
        geom::GeomPtr restB = polygonal(geom::GeomPtr(GEOSDifference_r(h, w.get(b), w.get(a))));
        const bool emptyA = !restA || geom::area(restA.get()) < 1e-6;
        const bool emptyB = !restB || geom::area(restB.get()) < 1e-6;
        const double lenA = emptyA ? 0 : detail::sharedBoundaryLength(restA.get(), ov.get());
        const double lenB = emptyB ? 0 : detail::sharedBoundaryLength(restB.get(), ov.get());
        size_t loser = lenA <= lenB ? a : b;
        if ((loser == a && emptyA) || (loser == b && emptyB))
            loser = loser == a ? b : a;
        const size_t winner = loser == a ? b : a;
        geom::GeomPtr rest = withoutNeedles(std::move(loser == a ? restA : restB));
        if (emptyA && emptyB) {
            plan.skipped.push_back("Thửa id " + std::to_string(index.parcel(a).id) + " và " +
                                   std::to_string(index.parcel(b).id) +
                                   ": trùng hoàn toàn, cần xoá một thửa bằng tay (không tự động xoá thửa)");
            continue;
        }
        w.notes[loser] += (w.notes[loser].empty() ? "" : ",") + std::to_string(index.parcel(winner).id);
        w.changed[loser] = std::move(rest);
        ++plan.issuesAddressed;
    }
}

void planSlivers(const ParcelIndex &index, const std::vector<Issue> &issues, Working &w, FixPlan &plan)
{
    auto h = geom::ctx();
    std::vector<size_t> cand;
    for (const Issue &issue : issues) {
        const size_t s = issue.parcelIds.empty() ? SIZE_MAX : index.indexOfId(issue.parcelIds[0]);
        if (s == SIZE_MAX || w.retired.count(s))
            continue;
        index.query(index.envelope(s), 1e-6, cand);
        size_t bestI = SIZE_MAX;
        double bestLen = 0;
        for (size_t j : cand) {
            if (j == s || !index.readable(j) || w.retired.count(j))
                continue;
            const double len = detail::sharedBoundaryLength(w.get(s), w.get(j));
            if (len > bestLen) {
                bestLen = len;
                bestI = j;
            }
        }
        if (bestI == SIZE_MAX) {
            plan.skipped.push_back("Thửa mảnh id " + std::to_string(index.parcel(s).id) + ": không có thửa kề chung cạnh");
            continue;
        }
        geom::GeomPtr merged = withoutNeedles(polygonal(geom::GeomPtr(GEOSUnion_r(h, w.get(bestI), w.get(s)))));
        if (!merged)
            continue;
        w.notes[bestI] += (w.notes[bestI].empty() ? "" : ",") + std::to_string(index.parcel(s).id);
        w.notes[s] = std::to_string(index.parcel(bestI).id);
        w.changed[bestI] = std::move(merged);
        w.retired.insert(s);
        ++plan.issuesAddressed;
    }
}

/// Exact duplicates: the parcel entered later (higher id) is retired into history
/// (end_time set, the row and its uuid stay; the live coverage is unchanged because
/// the parcel it duplicates remains). Nothing is deleted.
void planDuplicates(const ParcelIndex &index, const std::vector<Issue> &issues, Working &w, FixPlan &plan)
{
    for (const Issue &issue : issues) {
        if (issue.parcelIds.size() < 2)
            continue;
        const size_t a = index.indexOfId(std::min(issue.parcelIds[0], issue.parcelIds[1]));
        const size_t b = index.indexOfId(std::max(issue.parcelIds[0], issue.parcelIds[1]));
        if (a == SIZE_MAX || b == SIZE_MAX)
            continue;
        if (!w.retired.count(a)) // when a is itself a retired copy, its original stays
            w.notes[b] = std::to_string(index.parcel(a).id);
        w.retired.insert(b);
        ++plan.issuesAddressed;
    }
}

} // namespace

bool isFixable(Rule r)
{
    switch (r) {
    case Rule::InvalidGeometry:
    case Rule::DuplicateVertex:
    case Rule::NearVertices:
    case Rule::UnmatchedVertex:
    case Rule::Gap:
    case Rule::Overlap:
    case Rule::Sliver:
    case Rule::DuplicateGeometry:
        return true;
    default:
        return false;
    }
}

namespace {

/// @p given plus the parcels GEOS cannot use that the store did not already name
/// (in-memory parcels with a NaN or 1e308 vertex, or without geometry): their place
/// from the usable vertices, so a gap fix never hands their land to a neighbour.
ValidationContext withUnreadableParcels(const std::vector<model::Parcel> &parcels, const ParcelIndex &index,
                                        const ValidationContext &given)
{
    ValidationContext c = given;
    for (size_t i = 0; i < index.size(); ++i) {
        if (index.readable(i))
            continue;
        const auto &p = parcels[i];
        if (std::any_of(c.damagedGeometries.begin(), c.damagedGeometries.end(),
                        [&](const store::DamagedGeometry &d) { return d.id == p.id; }))
            continue;
        store::DamagedGeometry d;
        d.id = p.id;
        d.uuid = p.uuid;
        d.communeCode = p.communeCode;
        d.toSo = p.toSo;
        d.thuaSo = p.thuaSo;
        d.reason = index.invalidReason(i);
        if (!p.wkb.empty()) {
            // Through the checked blob reader: it gives the box of the usable vertices.
            const auto blob = store::multiPolygonBlobFromWkb(p.wkb.data(), p.wkb.size(), 0, nullptr, false);
            const store::BlobGeometry read = store::readSpatialiteBlob(blob.data(), blob.size());
            if (read.hasExtent)
                d.extent = read.extent;
        }
        c.damagedGeometries.push_back(std::move(d));
    }
    return c;
}

} // namespace

FixPlan planFix(const std::vector<model::Parcel> &parcels, const ValidationContext &givenContext, Rule rule)
{
    FixPlan plan;
    plan.rule = rule;
    if (!isFixable(rule))
        return plan;
    const ValidationContext &context = givenContext;
    EngineOptions opt;
    opt.rules = {rule};
    const ValidationReport report = validate(parcels, context, opt);
    plan.issuesFound = report.issues.size();
    // Parcels whose stored geometry is damaged are never edited: named, left for redrawing.
    for (const auto &d : context.damagedGeometries)
        plan.skipped.push_back(damagedLabelVi(d) + ": hình học trong cơ sở dữ liệu bị hỏng (" + d.reason +
                               "), không sửa tự động, cần vẽ lại");
    if (report.issues.empty())
        return plan;

    ParcelIndex index(parcels, defaultThreads());
    Working w{index, {}, {}, {}};
    const ValidationContext withUnreadable = withUnreadableParcels(parcels, index, context);
    switch (rule) {
    case Rule::InvalidGeometry:
        for (const Issue &issue : report.issues) {
            const size_t i = index.indexOfId(issue.parcelIds.at(0));
            const int64_t id = issue.parcelIds.at(0);
            if (std::any_of(context.damagedGeometries.begin(), context.damagedGeometries.end(),
                            [&](const store::DamagedGeometry &d) { return d.id == id; }))
                continue; // listed above
            if (i == SIZE_MAX || !index.readable(i)) {
                plan.skipped.push_back("Thửa id " + std::to_string(issue.parcelIds.at(0)) +
                                       ": không còn phần diện tích sau khi sửa, cần vẽ lại");
                continue;
            }
            // The index already holds the MakeValid (structure) repair of invalid parcels.
            w.changed[i] = geom::asMultiPolygon(index.geometry(i));
            w.notes[i] = index.invalidReason(i);
            ++plan.issuesAddressed;
        }
        break;
    case Rule::DuplicateVertex:
    case Rule::NearVertices:
        planVertices(index, context, rule, w, plan);
        plan.issuesAddressed = plan.issuesFound;
        break;
    case Rule::UnmatchedVertex:
        planSnap(index, context, report.issues, w, plan);
        break;
    case Rule::Gap:
        planGaps(index, withUnreadable, report.issues, w, plan);
        break;
    case Rule::Overlap:
        planOverlaps(index, report.issues, w, plan);
        break;
    case Rule::Sliver:
        planSlivers(index, report.issues, w, plan);
        break;
    case Rule::DuplicateGeometry:
        planDuplicates(index, report.issues, w, plan);
        break;
    default:
        break;
    }

    const std::string action = std::string("fix_") + ruleId(rule);
    for (auto &[i, g] : w.changed) {
        const auto &p = index.parcel(i);
        GeometryEdit e;
        e.parcelId = p.id;
        e.uuid = p.uuid;
        e.before = p.wkb;
        geom::GeomPtr mp = geom::asMultiPolygon(g.get());
        e.after = geom::toWkb(mp.get());
        if (e.after == e.before)
            continue;
        e.areaBefore = index.area(i);
        e.areaAfter = geom::area(mp.get());
        e.action = action;
        e.detail = "{\"rule\":\"" + std::string(ruleId(rule)) + "\",\"area_before\":" + fmt(e.areaBefore, 3) +
                   ",\"area_after\":" + fmt(e.areaAfter, 3) + ",\"note\":\"" + detail::jsonEscape(w.notes[i]) +
                   "\",\"before_wkt\":\"" + detail::jsonEscape(safeWkt(index.geometry(i) ? index.geometry(i) : mp.get())) +
                   "\"}";
        plan.edits.push_back(std::move(e));
    }
    for (size_t i : w.retired) {
        const auto &p = index.parcel(i);
        GeometryEdit e;
        e.parcelId = p.id;
        e.uuid = p.uuid;
        e.before = p.wkb;
        e.areaBefore = index.area(i);
        e.retire = true;
        if (rule == Rule::DuplicateGeometry) {
            e.action = "fix_duplicate_geometry_retired";
            e.detail = "{\"rule\":\"duplicate_geometry\",\"duplicate_of\":" + (w.notes[i].empty() ? "null" : w.notes[i]) +
                       ",\"area\":" + fmt(e.areaBefore, 3) + "}";
        } else {
            e.action = "fix_sliver_merged";
            e.detail = "{\"rule\":\"sliver\",\"merged_into\":" + w.notes[i] + ",\"area\":" + fmt(e.areaBefore, 3) + "}";
        }
        plan.edits.push_back(std::move(e));
    }
    return plan;
}

FixPlan planFix(store::Project &project, Rule rule)
{
    ensureValidationData(project);
    ValidationContext context = ValidationContext::load(project);
    const std::vector<model::Parcel> parcels =
        store::loadParcels(project, store::ParcelFilter::allUnsorted(), &context.damagedGeometries);
    return planFix(parcels, context, rule);
}

namespace {

size_t writeEdits(store::Project &project, const FixPlan &plan, bool undo)
{
    auto &db = project.db();
    store::Transaction tx(db);
    store::ParcelWriter writer(project);
    store::Statement retire(db, "UPDATE parcel SET end_time = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    store::Statement revive(db, "UPDATE parcel SET end_time = NULL WHERE id = ?");
    store::Statement log(db, "INSERT INTO change_log(parcel_uuid, action, detail, source) VALUES (?,?,?,?)");
    store::Statement issues(db, "SELECT id, parcel_ids FROM validation_issue WHERE status = 'pending' AND rule = ?");
    store::Statement mark(db, "UPDATE validation_issue SET status = 'fixed', status_time = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                              " status_note = 'vnland fix' WHERE id = ?");
    std::set<int64_t> edited;
    for (const GeometryEdit &e : plan.edits) {
        if (e.retire) {
            (undo ? revive : retire).bind(1, e.parcelId).exec();
        } else {
            const auto &wkb = undo ? e.before : e.after;
            const double a = undo ? e.areaBefore : e.areaAfter;
            writer.updateGeometry(e.parcelId, wkb, std::round(a * 10) / 10); // areas are kept to 0.1 m²
        }
        log.bind(1, e.uuid).bind(2, undo ? "undo_" + e.action : e.action).bind(3, e.detail).bind(4, "vnland fix");
        log.exec();
        edited.insert(e.parcelId);
    }
    if (!undo) {
        issues.bind(1, ruleId(plan.rule));
        std::vector<int64_t> ids;
        while (issues.step()) {
            std::stringstream ss(issues.text(1));
            std::string item;
            while (std::getline(ss, item, ','))
                if (!item.empty() && edited.count(std::stoll(item))) {
                    ids.push_back(issues.int64(0));
                    break;
                }
        }
        issues.reset();
        for (int64_t id : ids)
            mark.bind(1, id).exec();
    }
    tx.commit();
    return edited.size();
}

} // namespace

size_t applyFix(store::Project &project, const FixPlan &plan) { return writeEdits(project, plan, false); }
size_t revertFix(store::Project &project, const FixPlan &plan) { return writeEdits(project, plan, true); }

} // namespace vnland::topology
