// Topological vertex editing (sửa đỉnh theo quan hệ topo): a vertex shared by
// several parcels moves, appears or disappears in all of them at once, with
// exactly the same coordinate everywhere.
#include "edit/edit_ops.h"
#include "edit/edit_support.h"

#include <limits>

namespace vnland::edit {

namespace {

using detail::dist2;

/// Index of the vertex of @p r nearest to @p p within tol2, -1 if none.
int nearestVertex(const Ring &r, XY p, double tol2)
{
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    for (size_t i = 0; i < r.size(); ++i) {
        const double d = dist2(r[i], p);
        if (d <= tol2 && d < bestD) {
            bestD = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

/// Index of the segment (i -> i+1) of @p r nearest to @p p within tol2, -1 if none.
int nearestSegment(const Ring &r, XY p, double tol2, XY *onSegment = nullptr, double *d2 = nullptr)
{
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    for (size_t i = 0; i < r.size(); ++i) {
        const XY q = detail::nearestOnSegment(p, r[i], r[(i + 1) % r.size()]);
        const double d = dist2(q, p);
        if (d <= tol2 && d < bestD) {
            bestD = d;
            best = static_cast<int>(i);
            if (onSegment)
                *onSegment = q;
        }
    }
    if (d2)
        *d2 = bestD;
    return best;
}

void finish(VertexEditResult &r)
{
    for (auto &[id, mp] : r.changed) {
        std::string reason;
        if (!isValid(mp, &reason)) {
            r.invalid.push_back(id);
            r.invalidReasons.push_back(reason);
        }
    }
    r.ok = true;
}

/// Applies @p op to the vertex nearest to @p at (within tol) of every ring of
/// every parcel. op(ring, vertex, error) returns false to refuse the whole
/// edit (error then completes "Thửa <id>…").
template <class Op>
VertexEditResult editVertexPerRing(const ParcelGeoms &parcels, XY at, double tol, Op op)
{
    VertexEditResult r;
    const double tol2 = tol * tol;
    for (const auto &[id, in] : parcels) {
        MultiPoly mp = detail::opened(in);
        bool touched = false;
        for (Poly &p : mp)
            for (Ring &ring : p.rings) {
                // Only the nearest vertex of each ring: two vertices of one ring never merge by accident.
                const int v = nearestVertex(ring, at, tol2);
                if (v < 0)
                    continue;
                std::string error;
                if (!op(ring, v, error)) {
                    r.changed.clear();
                    r.error = "Thửa " + std::to_string(id) + error;
                    return r;
                }
                touched = true;
            }
        if (touched)
            r.changed.push_back({id, std::move(mp)});
    }
    if (r.changed.empty()) {
        r.error = "Không có đỉnh thửa nào tại vị trí đã chọn";
        return r;
    }
    finish(r);
    return r;
}

} // namespace

VertexEditResult moveVertex(const ParcelGeoms &parcels, XY from, XY to, double tol)
{
    return editVertexPerRing(parcels, from, tol, [to](Ring &ring, int v, std::string &) {
        ring[static_cast<size_t>(v)] = to;
        ring = openRing(ring); // moving onto the next vertex removes the duplicate
        return true;
    });
}

VertexEditResult insertVertex(const ParcelGeoms &parcels, XY at, double tol)
{
    VertexEditResult r;
    const double tol2 = tol * tol;
    std::vector<MultiPoly> opened;
    opened.reserve(parcels.size());
    // The one coordinate every parcel gets: the projection on the nearest segment.
    XY point{};
    double bestD = std::numeric_limits<double>::max();
    for (const auto &[id, in] : parcels) {
        opened.push_back(detail::opened(in));
        for (const Poly &p : opened.back())
            for (const Ring &ring : p.rings) {
                XY q;
                double d2 = 0;
                if (nearestSegment(ring, at, tol2, &q, &d2) >= 0 && d2 < bestD) {
                    bestD = d2;
                    point = q;
                }
            }
    }
    if (bestD == std::numeric_limits<double>::max()) {
        r.error = "Không có cạnh thửa nào tại vị trí đã chọn";
        return r;
    }
    for (size_t i = 0; i < parcels.size(); ++i) {
        MultiPoly &mp = opened[i];
        bool hasVertex = false;
        for (const Poly &p : mp)
            for (const Ring &ring : p.rings)
                if (nearestVertex(ring, point, tol2) >= 0)
                    hasVertex = true;
        if (hasVertex)
            continue; // already a node here: nothing to add (moving it is moveVertex's job)
        bool touched = false;
        for (Poly &p : mp)
            for (Ring &ring : p.rings) {
                const int s = nearestSegment(ring, point, tol2);
                if (s < 0)
                    continue;
                ring.insert(ring.begin() + s + 1, point);
                touched = true;
            }
        if (touched)
            r.changed.push_back({parcels[i].first, std::move(mp)});
    }
    if (r.changed.empty()) {
        r.error = "Các thửa đã có đỉnh tại vị trí này";
        return r;
    }
    finish(r);
    return r;
}

VertexEditResult deleteVertex(const ParcelGeoms &parcels, XY at, double tol)
{
    return editVertexPerRing(parcels, at, tol, [](Ring &ring, int v, std::string &error) {
        ring.erase(ring.begin() + v);
        ring = openRing(ring);
        if (ring.size() >= 3)
            return true;
        error = " sẽ còn ít hơn 3 đỉnh: không xóa được đỉnh";
        return false;
    });
}

} // namespace vnland::edit
