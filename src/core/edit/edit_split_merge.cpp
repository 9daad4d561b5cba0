// Split a parcel by a drawn line (tách thửa: GEOSNode + GEOSPolygonize) and
// merge parcels (hợp thửa: GEOSUnaryUnion, then the nodes of the old common
// edges that nobody needs any more are dropped).
#include "edit/edit_ops.h"
#include "edit/edit_support.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vnland::edit {

using geom::ctx;
using geom::GeomPtr;

SplitResult splitByLine(const MultiPoly &parcel, const std::vector<XY> &line)
{
    SplitResult r;
    GeomPtr p = toGeos(parcel);
    std::string reason;
    if (!p || !geom::isValid(p.get(), &reason)) {
        r.error = "Thửa cần tách không hợp lệ" + (reason.empty() ? std::string() : " (" + reason + ")");
        return r;
    }
    GeomPtr l = lineToGeos(line);
    if (!l) {
        r.error = "Đường tách cần ít nhất 2 điểm khác nhau";
        return r;
    }
    GeomPtr boundary(GEOSBoundary_r(ctx(), p.get()));
    GEOSGeometry *parts[2] = {boundary.release(), l.release()};
    GeomPtr lines(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, parts, 2));
    GeomPtr noded(lines ? GEOSNode_r(ctx(), lines.get()) : nullptr);
    if (!noded) {
        r.error = "Không tách được thửa: " + geom::lastError();
        return r;
    }
    const GEOSGeometry *nodedPtr = noded.get();
    GeomPtr polys(GEOSPolygonize_r(ctx(), &nodedPtr, 1));
    if (!polys) {
        r.error = "Không tách được thửa: " + geom::lastError();
        return r;
    }
    GeomPtr prepSrc(GEOSGeom_clone_r(ctx(), p.get()));
    geom::PreparedPtr prepared(GEOSPrepare_r(ctx(), prepSrc.get()));
    std::vector<std::pair<double, MultiPoly>> pieces;
    const int n = GEOSGetNumGeometries_r(ctx(), polys.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *piece = GEOSGetGeometryN_r(ctx(), polys.get(), i);
        GeomPtr inside(GEOSPointOnSurface_r(ctx(), piece));
        // Pieces polygonized from holes or from the line outside the parcel are not parcel.
        if (!inside || GEOSPreparedContains_r(ctx(), prepared.get(), inside.get()) != 1)
            continue;
        const double a = geom::area(piece);
        if (a <= 0)
            continue;
        pieces.push_back({a, fromGeos(piece)});
    }
    if (pieces.size() < 2) {
        r.error = "Đường tách phải cắt qua thửa từ cạnh này sang cạnh kia";
        return r;
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (auto &pc : pieces)
        r.parts.push_back(std::move(pc.second));
    // New nodes on the old outline.
    std::set<std::pair<double, double>> old;
    for (const XY &v : detail::vertices(detail::opened(parcel)))
        old.insert({v.x, v.y});
    std::set<std::pair<double, double>> added;
    GeomPtr outline(GEOSBoundary_r(ctx(), p.get()));
    for (const MultiPoly &piece : r.parts)
        for (const XY &v : detail::vertices(piece)) {
            if (old.count({v.x, v.y}) || added.count({v.x, v.y}))
                continue;
            GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), v.x, v.y));
            double d = 1;
            if (GEOSDistance_r(ctx(), outline.get(), pt.get(), &d) == 1 && d <= 1e-6) {
                added.insert({v.x, v.y});
                r.newBoundaryVertices.push_back(v);
            }
        }
    r.ok = true;
    return r;
}

MergeResult merge(const std::vector<MultiPoly> &parts, const std::vector<XY> &keepVertices)
{
    MergeResult r;
    if (parts.size() < 2) {
        r.error = "Cần chọn ít nhất 2 thửa để hợp";
        return r;
    }
    std::vector<GEOSGeometry *> geoms;
    std::set<std::pair<double, double>> inputVertices;
    std::map<std::pair<double, double>, int> useCount; // in how many parts a vertex occurs
    for (size_t i = 0; i < parts.size(); ++i) {
        GeomPtr g = toGeos(parts[i]);
        std::string reason;
        if (!g || !geom::isValid(g.get(), &reason)) {
            for (GEOSGeometry *x : geoms)
                GEOSGeom_destroy_r(ctx(), x);
            r.error = "Thửa thứ " + std::to_string(i + 1) + " không hợp lệ" +
                      (reason.empty() ? std::string() : " (" + reason + ")");
            return r;
        }
        std::set<std::pair<double, double>> own;
        for (const XY &v : detail::vertices(detail::opened(parts[i])))
            own.insert({v.x, v.y});
        for (const auto &v : own) {
            inputVertices.insert(v);
            ++useCount[v];
        }
        geoms.push_back(g.release());
    }
    GeomPtr all(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, geoms.data(),
                                            static_cast<unsigned>(geoms.size())));
    GeomPtr uni(GEOSUnaryUnion_r(ctx(), all.get()));
    if (!uni) {
        r.error = "Không hợp được các thửa: " + geom::lastError();
        return r;
    }
    MultiPoly merged = fromGeos(uni.get());
    if (merged.size() != 1) {
        r.error = "Các thửa không liền kề nhau (phải chung cạnh): không hợp được thành một thửa";
        return r;
    }
    // Every part must share an edge (a boundary of positive length) with the rest.
    for (size_t i = 0; i < parts.size(); ++i) {
        GeomPtr gi = toGeos(parts[i]);
        std::vector<GEOSGeometry *> others;
        for (size_t j = 0; j < parts.size(); ++j)
            if (j != i)
                others.push_back(toGeos(parts[j]).release());
        GeomPtr rest(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, others.data(),
                                                 static_cast<unsigned>(others.size())));
        GeomPtr restUnion(GEOSUnaryUnion_r(ctx(), rest.get()));
        GeomPtr common(GEOSIntersection_r(ctx(), gi.get(), restUnion.get()));
        if (!common || (geom::length(common.get()) <= 1e-9 && geom::area(common.get()) <= 1e-9)) {
            r.error = "Thửa thứ " + std::to_string(i + 1) + " không chung cạnh với các thửa còn lại";
            return r;
        }
    }
    // Nodes of the old common edges that now sit in the middle of a straight
    // outline edge go, unless another parcel still needs them.
    auto keep = [&](XY v) {
        for (const XY &k : keepVertices)
            if (detail::dist2(k, v) <= 1e-6)
                return true;
        return false;
    };
    for (Poly &p : merged)
        for (Ring &ring : p.rings) {
            bool changed = true;
            while (changed && ring.size() > 3) {
                changed = false;
                for (size_t i = 0; i < ring.size() && ring.size() > 3; ++i) {
                    const XY a = ring[(i + ring.size() - 1) % ring.size()], v = ring[i], b = ring[(i + 1) % ring.size()];
                    const auto it = useCount.find({v.x, v.y});
                    if (it == useCount.end() || it->second < 2 || keep(v))
                        continue;
                    const double d2 = detail::dist2(detail::nearestOnSegment(v, a, b), v);
                    if (d2 > 1e-12)
                        continue;
                    ring.erase(ring.begin() + static_cast<long>(i));
                    changed = true;
                    break;
                }
            }
        }
    std::set<std::pair<double, double>> result;
    for (const XY &v : detail::vertices(merged))
        result.insert({v.x, v.y});
    for (const auto &v : inputVertices)
        if (!result.count(v))
            r.removedVertices.push_back({v.first, v.second});
    r.geometry = std::move(merged);
    r.ok = true;
    return r;
}

} // namespace vnland::edit
