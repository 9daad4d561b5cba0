// Small helpers shared by the edit operations (internal to src/core/edit).
#pragma once

#include "edit/edit_geometry.h"

#include <cmath>

namespace vnland::edit::detail {

inline double dist2(XY a, XY b)
{
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

/// Nearest point to @p p on segment a-b.
inline XY nearestOnSegment(XY p, XY a, XY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0)
        return a;
    double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    if (t <= 0)
        return a;
    if (t >= 1)
        return b;
    return {a.x + t * dx, a.y + t * dy};
}

/// Every ring of @p mp opened (no closing point, no consecutive duplicates).
inline MultiPoly opened(const MultiPoly &mp)
{
    MultiPoly out;
    out.reserve(mp.size());
    for (const Poly &p : mp) {
        Poly q;
        for (const Ring &r : p.rings)
            q.rings.push_back(openRing(r));
        out.push_back(std::move(q));
    }
    return out;
}

/// Inserts into the rings of @p target every point of @p points that lies
/// within @p eps of the inside of a target segment and is not already a target
/// vertex (within @p same). Returns the number of insertions.
size_t insertPointsOnEdges(MultiPoly &target, const std::vector<XY> &points, double eps, double same = 1e-9);

/// All vertices of @p mp.
std::vector<XY> vertices(const MultiPoly &mp);

} // namespace vnland::edit::detail
