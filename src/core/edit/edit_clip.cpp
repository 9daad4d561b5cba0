// Avoid overlap (tránh chồng đè): a new or reshaped parcel is clipped by its
// neighbours. Snap first (GEOSSnap to neighbour vertices, then onto neighbour
// edges), subtract the union of the neighbours, drop slivers, and make the
// shared boundary carry the same vertices on both sides.
#include "edit/edit_ops.h"
#include "edit/edit_support.h"

#include <algorithm>
#include <set>

namespace vnland::edit {

using geom::ctx;
using geom::GeomPtr;

namespace detail {

std::vector<XY> vertices(const MultiPoly &mp)
{
    std::vector<XY> out;
    for (const Poly &p : mp)
        for (const Ring &r : p.rings)
            out.insert(out.end(), r.begin(), r.end());
    return out;
}

size_t insertPointsOnEdges(MultiPoly &target, const std::vector<XY> &points, double eps, double same)
{
    size_t inserted = 0;
    const double eps2 = eps * eps, same2 = same * same;
    for (const XY &v : points) {
        bool isVertex = false;
        for (const Poly &p : target)
            for (const Ring &r : p.rings)
                for (const XY &q : r)
                    if (dist2(q, v) <= same2)
                        isVertex = true;
        if (isVertex)
            continue;
        for (Poly &p : target) {
            for (Ring &r : p.rings) {
                const size_t n = r.size();
                for (size_t s = 0; s < n && !isVertex; ++s) {
                    const XY a = r[s], b = r[(s + 1) % n];
                    if (dist2(nearestOnSegment(v, a, b), v) <= eps2) {
                        r.insert(r.begin() + static_cast<long>(s + 1), v);
                        ++inserted;
                        isVertex = true; // one edge per point: a point sits on one place of the outline
                    }
                }
            }
        }
    }
    return inserted;
}

} // namespace detail

namespace {

/// Polygons of @p mp without parts and holes smaller than @p minArea.
MultiPoly dropSlivers(const MultiPoly &mp, double minArea)
{
    MultiPoly out;
    for (const Poly &p : mp) {
        if (p.rings.empty() || area(MultiPoly{Poly{{p.rings[0]}}}) < minArea)
            continue;
        Poly q;
        q.rings.push_back(p.rings[0]);
        for (size_t h = 1; h < p.rings.size(); ++h)
            if (area(MultiPoly{Poly{{p.rings[h]}}}) >= minArea)
                q.rings.push_back(p.rings[h]);
        out.push_back(std::move(q));
    }
    return out;
}

/// A GEOS collection of clones of @p geoms.
GeomPtr collection(const std::vector<GeomPtr> &geoms, int type = GEOS_GEOMETRYCOLLECTION)
{
    std::vector<GEOSGeometry *> parts;
    for (const GeomPtr &g : geoms)
        parts.push_back(GEOSGeom_clone_r(ctx(), g.get()));
    return GeomPtr(GEOSGeom_createCollection_r(ctx(), type, parts.empty() ? nullptr : parts.data(),
                                               static_cast<unsigned>(parts.size())));
}

/// Polygonal part of a repaired geometry as a MultiPolygon.
GeomPtr polygonal(const GEOSGeometry *g) { return toGeos(fromGeos(g)); }

} // namespace

ClipResult clipByNeighbours(const MultiPoly &candidate, const ParcelGeoms &neighbours, double snapTol,
                            const ClipOptions &options)
{
    ClipResult r;
    snapTol = std::max(snapTol, 0.0);
    GeomPtr cand = toGeos(candidate);
    if (!cand) {
        r.error = "Thửa vẽ không hợp lệ: có vòng ranh giới ít hơn 3 đỉnh";
        return r;
    }
    std::string reason;
    if (!geom::isValid(cand.get(), &reason)) {
        r.error = "Thửa vẽ không hợp lệ (" + reason + "): sửa ranh giới trước khi cắt theo thửa kề";
        return r;
    }
    const double candArea = geom::area(cand.get());
    geom::Envelope env = geom::envelope(cand.get());

    struct Neighbour {
        int64_t id;
        GeomPtr g;
        size_t input; // index in neighbours
    };
    std::vector<Neighbour> near;
    for (size_t i = 0; i < neighbours.size(); ++i) {
        const auto &[id, mp] = neighbours[i];
        // Far parcels are skipped before any GEOS work: callers may pass a whole view.
        geom::Envelope box;
        for (const Poly &p : mp)
            for (const Ring &ring : p.rings)
                for (const XY &v : ring)
                    box.expand(v.x, v.y);
        if (!box.empty && (box.minX > env.maxX + snapTol || box.maxX < env.minX - snapTol ||
                           box.minY > env.maxY + snapTol || box.maxY < env.minY - snapTol))
            continue;
        GeomPtr g = toGeos(mp);
        bool invalid = !g;
        if (g && !geom::isValid(g.get())) {
            invalid = true;
            GeomPtr fixed(GEOSMakeValid_r(ctx(), g.get()));
            g = fixed ? polygonal(fixed.get()) : nullptr;
        }
        if (invalid)
            r.invalidNeighbours.push_back(id);
        if (!g || GEOSisEmpty_r(ctx(), g.get()) == 1)
            continue;
        near.push_back({id, std::move(g), i});
    }
    std::sort(r.invalidNeighbours.begin(), r.invalidNeighbours.end());

    if (near.empty()) {
        r.ok = true;
        r.geometry = fromGeos(cand.get());
        return r;
    }

    // Which neighbours really take area off the drawn parcel.
    for (const Neighbour &n : near) {
        GeomPtr i(GEOSIntersection_r(ctx(), cand.get(), n.g.get()));
        if (i && geom::area(i.get()) > 1e-9)
            r.clippedBy.push_back(n.id);
    }
    std::sort(r.clippedBy.begin(), r.clippedBy.end());

    std::vector<GeomPtr> geoms;
    for (const Neighbour &n : near)
        geoms.push_back(GeomPtr(GEOSGeom_clone_r(ctx(), n.g.get())));
    GeomPtr all = collection(geoms);

    // 1. Each vertex onto the NEAREST neighbour vertex within tolerance (GEOSSnap
    //    takes the first one it meets, which on short edges is the wrong one).
    std::vector<XY> neighbourVertexList;
    for (const Neighbour &n : near) {
        const auto nv = detail::vertices(fromGeos(n.g.get()));
        neighbourVertexList.insert(neighbourVertexList.end(), nv.begin(), nv.end());
    }
    MultiPoly start = fromGeos(cand.get());
    if (snapTol > 0) {
        for (Poly &p : start)
            for (Ring &ring : p.rings) {
                for (XY &v : ring) {
                    double best = snapTol * snapTol;
                    const XY *to = nullptr;
                    for (const XY &q : neighbourVertexList) {
                        const double d = detail::dist2(q, v);
                        if (d <= best) {
                            best = d;
                            to = &q;
                        }
                    }
                    if (to)
                        v = *to;
                }
                ring = openRing(ring);
            }
    }
    GeomPtr start0 = toGeos(start);
    if (!start0) {
        r.error = "Thửa vẽ suy biến sau khi bắt điểm vào thửa kề (dung sai " + std::to_string(snapTol) + " m quá lớn?)";
        return r;
    }
    // Then neighbour vertices near a candidate edge go into that edge (GEOSSnap
    // leaves vertices that already sit on a neighbour vertex where they are).
    GeomPtr snapped = snapTol > 0 ? GeomPtr(GEOSSnap_r(ctx(), start0.get(), all.get(), snapTol)) : std::move(start0);
    if (!snapped) {
        r.error = "Không bắt điểm được vào thửa kề: " + geom::lastError();
        return r;
    }
    // 2. Remaining vertices near a neighbour edge onto that edge.
    MultiPoly work = fromGeos(snapped.get());
    if (snapTol > 0) {
        std::vector<GEOSGeometry *> lines;
        for (const Neighbour &n : near) {
            for (const Poly &p : fromGeos(n.g.get()))
                for (const Ring &ring : p.rings) {
                    Ring closed = ring;
                    closed.push_back(ring.front());
                    if (GeomPtr l = lineToGeos(closed))
                        lines.push_back(l.release());
                }
        }
        GeomPtr boundary(GEOSGeom_createCollection_r(ctx(), GEOS_MULTILINESTRING, lines.data(),
                                                     static_cast<unsigned>(lines.size())));
        std::set<std::pair<double, double>> neighbourVertices;
        for (const Neighbour &n : near)
            for (const XY &v : detail::vertices(fromGeos(n.g.get())))
                neighbourVertices.insert({v.x, v.y});
        for (Poly &p : work)
            for (Ring &ring : p.rings)
                for (XY &v : ring) {
                    if (neighbourVertices.count({v.x, v.y}))
                        continue;
                    GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), v.x, v.y));
                    GEOSCoordSequence *seq = GEOSNearestPoints_r(ctx(), boundary.get(), pt.get());
                    if (!seq)
                        continue;
                    geom::CoordSeqPtr holder(seq);
                    XY q;
                    GEOSCoordSeq_getXY_r(ctx(), seq, 0, &q.x, &q.y);
                    if (detail::dist2(q, v) <= snapTol * snapTol)
                        v = q;
                }
        snapped = toGeos(work);
        if (snapped && !geom::isValid(snapped.get())) {
            GeomPtr fixed(GEOSMakeValid_r(ctx(), snapped.get()));
            snapped = fixed ? polygonal(fixed.get()) : nullptr;
        }
        if (!snapped) {
            r.error = "Thửa vẽ suy biến sau khi bắt điểm vào thửa kề (dung sai " + std::to_string(snapTol) + " m quá lớn?)";
            return r;
        }
    }

    // 3. Difference with the union of the neighbours.
    GeomPtr uni(GEOSUnaryUnion_r(ctx(), all.get()));
    GeomPtr diff(uni ? GEOSDifference_r(ctx(), snapped.get(), uni.get()) : nullptr);
    if (!diff) {
        r.error = "Không cắt được theo thửa kề: " + geom::lastError();
        return r;
    }
    // 4. Slivers off; the outline as plain rings.
    MultiPoly result = dropSlivers(fromGeos(diff.get()), options.minPartArea);
    if (result.empty()) {
        r.error = "Thửa vẽ nằm trọn trong các thửa kề: sau khi cắt không còn diện tích";
        r.removedArea = candArea;
        return r;
    }
    // 5. Same vertices on both sides of the shared boundary.
    const double onEdge = 1e-6;
    std::vector<XY> neighbourPts;
    for (const Neighbour &n : near) {
        const auto nv = detail::vertices(fromGeos(n.g.get()));
        neighbourPts.insert(neighbourPts.end(), nv.begin(), nv.end());
    }
    detail::insertPointsOnEdges(result, neighbourPts, onEdge);
    const std::vector<XY> resultPts = detail::vertices(result);
    for (const Neighbour &n : near) {
        MultiPoly nb = detail::opened(neighbours[n.input].second);
        if (detail::insertPointsOnEdges(nb, resultPts, onEdge) > 0)
            r.neighbourUpdates.push_back({n.id, std::move(nb)});
    }
    GeomPtr check = toGeos(result);
    if (check && !geom::isValid(check.get(), &reason)) {
        GeomPtr fixed(GEOSMakeValid_r(ctx(), check.get()));
        result = dropSlivers(fromGeos(fixed.get()), options.minPartArea);
        if (result.empty()) {
            r.error = "Thửa sau khi cắt không hợp lệ (" + reason + ")";
            return r;
        }
    }
    r.geometry = std::move(result);
    r.removedArea = std::max(0.0, candArea - area(r.geometry));
    r.ok = true;
    return r;
}

} // namespace vnland::edit
