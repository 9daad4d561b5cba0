// Parcel faces from linework: parcel seeds (background regions), a discrete
// Voronoi partition of every pixel among them (distance transform with
// labels), and the pixel cracks between different labels traced into edges
// between junctions. Dangles, grid crosses and text inside one parcel have
// the same seed on both sides and so produce no edge at all.
#include "vectorize/vectorize_internal.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <map>

namespace vnland::vectorize::detail {

int voronoiFaces(const cv::Mat &lines, const cv::Mat &inside, int minSeedPx, cv::Mat &labels)
{
    // A 1-px diagonal line leaves the background 8-connected across it: thicken by one pixel first.
    cv::Mat thick;
    cv::dilate(lines, thick, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::Mat free;
    cv::bitwise_and(inside, ~thick, free);
    thick.release();
    cv::Mat cc, stats, centroids;
    const int n = cv::connectedComponentsWithStats(free, cc, stats, centroids, 8, CV_32S);
    std::vector<uint8_t> keep(n, 0);
    int seeds = 0;
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= minSeedPx)
            keep[i] = 1, ++seeds;
    if (seeds == 0) {
        labels = cv::Mat(lines.size(), CV_32S, cv::Scalar(0));
        return 0;
    }
    // Source for the distance transform: 0 on seed pixels.
    cv::Mat src(lines.size(), CV_8U);
    for (int y = 0; y < src.rows; ++y) {
        const int *c = cc.ptr<int>(y);
        uint8_t *s = src.ptr<uint8_t>(y);
        for (int x = 0; x < src.cols; ++x)
            s[x] = keep[c[x]] ? 0 : 255;
    }
    cc.release();
    cv::Mat dist;
    cv::distanceTransform(src, dist, labels, cv::DIST_L2, 5, cv::DIST_LABEL_CCOMP);
    return seeds;
}

int mergeCrossCells(cv::Mat &labels, const cv::Mat &armMask, int maxCellPx)
{
    double maxLabel = 0;
    cv::minMaxLoc(labels, nullptr, &maxLabel);
    const int n = static_cast<int>(maxLabel) + 1;
    std::vector<int64_t> area(n, 0), border(n, 0), armBorder(n, 0);
    for (int y = 0; y < labels.rows; ++y) {
        const int *l = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x)
            if (l[x] > 0)
                ++area[l[x]];
    }
    std::map<std::pair<int, int>, int64_t> armPairs; // (small cell, neighbour) → arm boundary
    auto pair = [&](int a, int b, bool inArm) {
        for (const auto &[u, v] : {std::pair{a, b}, std::pair{b, a}}) {
            if (u <= 0 || area[u] >= maxCellPx)
                continue;
            ++border[u];
            if (inArm) {
                ++armBorder[u];
                if (v > 0)
                    ++armPairs[{u, v}];
            }
        }
    };
    for (int y = 0; y < labels.rows; ++y) {
        const int *l = labels.ptr<int>(y), *d = y + 1 < labels.rows ? labels.ptr<int>(y + 1) : nullptr;
        const uint8_t *m = armMask.ptr<uint8_t>(y), *md = d ? armMask.ptr<uint8_t>(y + 1) : nullptr;
        for (int x = 0; x < labels.cols; ++x) {
            if (x + 1 < labels.cols && l[x] != l[x + 1])
                pair(l[x], l[x + 1], m[x] && m[x + 1]);
            if (d && l[x] != d[x])
                pair(l[x], d[x], m[x] && md[x]);
        }
    }
    std::vector<int> to(n);
    for (int i = 0; i < n; ++i)
        to[i] = i;
    int merged = 0;
    for (const auto &[key, count] : armPairs) {
        const int u = key.first;
        if (to[u] != u || 2 * armBorder[u] < border[u])
            continue;
        int best = -1;
        int64_t bestCount = 0;
        for (auto it = armPairs.lower_bound({u, 0}); it != armPairs.end() && it->first.first == u; ++it)
            if (it->second > bestCount)
                bestCount = it->second, best = it->first.second;
        (void)count;
        if (best > 0) {
            to[u] = best;
            ++merged;
        }
    }
    if (!merged)
        return 0;
    for (int i = 0; i < n; ++i) // chains (a cell merged into another merged cell)
        for (int k = 0; k < 8 && to[to[i]] != to[i]; ++k)
            to[i] = to[to[i]];
    for (int y = 0; y < labels.rows; ++y) {
        int *l = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x)
            if (l[x] > 0)
                l[x] = to[l[x]];
    }
    return merged;
}

namespace {

struct CrackGrid {
    const cv::Mat &lab;
    int w, h;
    std::vector<uint8_t> hSeen, vSeen;
    explicit CrackGrid(const cv::Mat &l)
        : lab(l), w(l.cols), h(l.rows), hSeen(static_cast<size_t>(w) * (h + 1), 0), vSeen(static_cast<size_t>(w + 1) * h, 0)
    {
    }
    int at(int x, int y) const { return (x < 0 || y < 0 || x >= w || y >= h) ? -1 : lab.at<int>(y, x); }
    // Horizontal crack from corner (x,y) to (x+1,y): pixels (x,y-1) above, (x,y) below.
    bool hEdge(int x, int y) const { return x >= 0 && x < w && y >= 0 && y <= h && at(x, y - 1) != at(x, y); }
    // Vertical crack from corner (x,y) to (x,y+1): pixels (x-1,y) left, (x,y) right.
    bool vEdge(int x, int y) const { return y >= 0 && y < h && x >= 0 && x <= w && at(x - 1, y) != at(x, y); }
    uint8_t &seen(int dir, int x, int y)
    {
        switch (dir) {
        case 0: return hSeen[static_cast<size_t>(y) * w + x];
        case 1: return vSeen[static_cast<size_t>(y) * (w + 1) + x];
        case 2: return hSeen[static_cast<size_t>(y) * w + (x - 1)];
        default: return vSeen[static_cast<size_t>(y - 1) * (w + 1) + x];
        }
    }
    bool edge(int dir, int x, int y) const
    {
        switch (dir) {
        case 0: return hEdge(x, y);
        case 1: return vEdge(x, y);
        case 2: return hEdge(x - 1, y);
        default: return vEdge(x, y - 1);
        }
    }
    int degree(int x, int y) const { return edge(0, x, y) + edge(1, x, y) + edge(2, x, y) + edge(3, x, y); }
};

constexpr int dx[4] = {1, 0, -1, 0};
constexpr int dy[4] = {0, 1, 0, -1};

// Walks from corner (x,y) along direction d until a junction (or back to the start).
std::vector<georef::PointD> walk(CrackGrid &g, int x, int y, int d)
{
    std::vector<georef::PointD> pts{{double(x), double(y)}};
    const int sx = x, sy = y;
    for (;;) {
        g.seen(d, x, y) = 1;
        x += dx[d];
        y += dy[d];
        const int deg = g.degree(x, y);
        if (deg != 2 || (x == sx && y == sy)) {
            pts.push_back({double(x), double(y)});
            break;
        }
        int next = -1;
        for (int k = 0; k < 4; ++k)
            if (k != ((d + 2) & 3) && g.edge(k, x, y)) {
                next = k;
                break;
            }
        if (next < 0 || g.seen(next, x, y)) {
            pts.push_back({double(x), double(y)});
            break;
        }
        if (next != d) // keep only the corners where the direction changes
            pts.push_back({double(x), double(y)});
        d = next;
    }
    return pts;
}

} // namespace

std::vector<std::vector<georef::PointD>> crackEdges(const cv::Mat &labels)
{
    CrackGrid g(labels);
    std::vector<std::vector<georef::PointD>> out;
    for (int y = 0; y <= g.h; ++y)
        for (int x = 0; x <= g.w; ++x) {
            const int deg = g.degree(x, y);
            if (deg == 0 || deg == 2)
                continue;
            for (int d = 0; d < 4; ++d)
                if (g.edge(d, x, y) && !g.seen(d, x, y))
                    out.push_back(walk(g, x, y, d));
        }
    // Closed rings without a junction (an island inside one parcel).
    for (int y = 0; y <= g.h; ++y)
        for (int x = 0; x < g.w; ++x)
            if (g.hEdge(x, y) && !g.seen(0, x, y))
                out.push_back(walk(g, x, y, 0));
    return out;
}

std::vector<georef::PointD> simplifyDp(const std::vector<georef::PointD> &line, double tol)
{
    if (line.size() < 3)
        return line;
    std::vector<uint8_t> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    const bool closed = line.front().x == line.back().x && line.front().y == line.back().y;
    std::vector<std::pair<size_t, size_t>> stack;
    if (closed) {
        // Split a ring at its farthest point from the start so both halves have distinct ends.
        size_t far = 1;
        double best = -1;
        for (size_t i = 1; i + 1 < line.size(); ++i) {
            const double d = std::hypot(line[i].x - line[0].x, line[i].y - line[0].y);
            if (d > best)
                best = d, far = i;
        }
        keep[far] = 1;
        stack.push_back({0, far});
        stack.push_back({far, line.size() - 1});
    } else {
        stack.push_back({0, line.size() - 1});
    }
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1)
            continue;
        const double ax = line[a].x, ay = line[a].y, bx = line[b].x, by = line[b].y;
        const double len = std::hypot(bx - ax, by - ay);
        size_t idx = a;
        double best = -1;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = len > 0 ? std::abs((bx - ax) * (ay - line[i].y) - (ax - line[i].x) * (by - ay)) / len
                                     : std::hypot(line[i].x - ax, line[i].y - ay);
            if (d > best)
                best = d, idx = i;
        }
        if (best > tol) {
            keep[idx] = 1;
            stack.push_back({a, idx});
            stack.push_back({idx, b});
        }
    }
    std::vector<georef::PointD> out;
    for (size_t i = 0; i < line.size(); ++i)
        if (keep[i])
            out.push_back(line[i]);
    return out;
}

} // namespace vnland::vectorize::detail
