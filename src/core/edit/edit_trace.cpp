// Tracing (vẽ bám ranh giới): the boundaries are noded by GEOS into a graph
// of segments; the two picked points are put on it and Dijkstra finds the
// shortest way along the existing boundaries.
#include "edit/edit_ops.h"
#include "edit/edit_support.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <queue>

namespace vnland::edit {

using geom::ctx;
using geom::GeomPtr;

namespace {

struct Graph {
    std::vector<XY> nodes;
    std::vector<std::vector<std::pair<int, double>>> adj;
    std::map<std::pair<double, double>, int> ids;
    std::vector<std::pair<int, int>> edges;

    int node(XY p)
    {
        auto [it, fresh] = ids.try_emplace({p.x, p.y}, static_cast<int>(nodes.size()));
        if (fresh) {
            nodes.push_back(p);
            adj.emplace_back();
        }
        return it->second;
    }
    void link(int a, int b)
    {
        if (a == b)
            return;
        const double w = std::sqrt(detail::dist2(nodes[a], nodes[b]));
        adj[a].push_back({b, w});
        adj[b].push_back({a, w});
    }
};

/// Node for @p p on the graph: an existing node, or a new one splitting the
/// nearest edge; -1 when nothing is within tol.
int attach(Graph &g, XY p, double tol, XY *where)
{
    double best = std::numeric_limits<double>::max();
    int bestEdge = -1;
    XY bestPoint{};
    for (size_t e = 0; e < g.edges.size(); ++e) {
        const XY q = detail::nearestOnSegment(p, g.nodes[g.edges[e].first], g.nodes[g.edges[e].second]);
        const double d = detail::dist2(p, q);
        if (d < best) {
            best = d;
            bestEdge = static_cast<int>(e);
            bestPoint = q;
        }
    }
    if (bestEdge < 0 || best > tol * tol)
        return -1;
    *where = bestPoint;
    const auto [a, b] = g.edges[static_cast<size_t>(bestEdge)];
    if (bestPoint == g.nodes[a])
        return a;
    if (bestPoint == g.nodes[b])
        return b;
    const int n = g.node(bestPoint);
    g.link(a, n);
    g.link(n, b);
    // The split halves replace the edge for a second attach on the same edge.
    g.edges[static_cast<size_t>(bestEdge)] = {a, n};
    g.edges.push_back({n, b});
    return n;
}

} // namespace

TraceResult trace(const std::vector<MultiPoly> &boundaries, XY from, XY to, double tol)
{
    TraceResult r;
    std::vector<GEOSGeometry *> lines;
    for (const MultiPoly &mp : boundaries)
        for (const Poly &p : mp)
            for (const Ring &ring0 : p.rings) {
                Ring ring = openRing(ring0);
                if (ring.size() < 2)
                    continue;
                ring.push_back(ring.front());
                if (GeomPtr l = lineToGeos(ring))
                    lines.push_back(l.release());
            }
    if (lines.empty()) {
        r.error = "Không có ranh giới nào để vẽ bám";
        return r;
    }
    GeomPtr all(GEOSGeom_createCollection_r(ctx(), GEOS_MULTILINESTRING, lines.data(),
                                            static_cast<unsigned>(lines.size())));
    GeomPtr noded(all ? GEOSNode_r(ctx(), all.get()) : nullptr);
    if (!noded) {
        r.error = "Không dựng được mạng ranh giới: " + geom::lastError();
        return r;
    }
    Graph g;
    const int n = GEOSGetNumGeometries_r(ctx(), noded.get());
    for (int i = 0; i < n; ++i) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx(), GEOSGetGeometryN_r(ctx(), noded.get(), i));
        unsigned m = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &m))
            continue;
        int prev = -1;
        for (unsigned k = 0; k < m; ++k) {
            XY p;
            GEOSCoordSeq_getXY_r(ctx(), seq, k, &p.x, &p.y);
            const int id = g.node(p);
            if (prev >= 0 && prev != id) {
                g.link(prev, id);
                g.edges.push_back({prev, id});
            }
            prev = id;
        }
    }
    XY start{}, end{};
    const int s = attach(g, from, tol, &start);
    if (s < 0) {
        r.error = "Điểm đầu không nằm trên ranh giới thửa nào (trong dung sai)";
        return r;
    }
    const int t = attach(g, to, tol, &end);
    if (t < 0) {
        r.error = "Điểm cuối không nằm trên ranh giới thửa nào (trong dung sai)";
        return r;
    }
    // Dijkstra.
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> dist(g.nodes.size(), inf);
    std::vector<int> prev(g.nodes.size(), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    dist[static_cast<size_t>(s)] = 0;
    queue.push({0, s});
    while (!queue.empty()) {
        const auto [d, u] = queue.top();
        queue.pop();
        if (d > dist[static_cast<size_t>(u)])
            continue;
        if (u == t)
            break;
        for (const auto &[v, w] : g.adj[static_cast<size_t>(u)]) {
            if (d + w < dist[static_cast<size_t>(v)]) {
                dist[static_cast<size_t>(v)] = d + w;
                prev[static_cast<size_t>(v)] = u;
                queue.push({d + w, v});
            }
        }
    }
    if (dist[static_cast<size_t>(t)] == inf) {
        r.error = "Hai điểm không nối với nhau qua ranh giới có sẵn";
        return r;
    }
    for (int v = t; v >= 0; v = prev[static_cast<size_t>(v)])
        r.path.push_back(g.nodes[static_cast<size_t>(v)]);
    std::reverse(r.path.begin(), r.path.end());
    r.length = dist[static_cast<size_t>(t)];
    r.ok = true;
    return r;
}

} // namespace vnland::edit
