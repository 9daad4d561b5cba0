// Grid-cross detection: prediction, template correlation, line-fit refinement,
// consistency against polynomial 2 / local neighbours with the cadastral
// tolerance, seeds kept.
#include "georef/cross_detector.h"

#include "georef/gcp_fit.h"
#include "georef/transform.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace vnland::georef {

namespace {

/// A greyscale window of the scan as "ink" values (0 = paper, larger = darker),
/// with integral images of ink and ink² for O(1) box sums.
struct Window {
    int x0 = 0, y0 = 0, w = 0, h = 0;
    std::vector<float> ink;
    std::vector<double> sum, sum2; // (w + 1) × (h + 1)
    float at(int x, int y) const { return ink[static_cast<size_t>(y - y0) * w + (x - x0)]; }
    bool inside(int x, int y) const { return x >= x0 && y >= y0 && x < x0 + w && y < y0 + h; }
    /// Sums of ink and ink² over columns xa…xb, rows ya…yb (absolute, inclusive; inside).
    void box(int xa, int ya, int xb, int yb, double &s, double &s2) const
    {
        const size_t W = static_cast<size_t>(w) + 1;
        const size_t a = static_cast<size_t>(ya - y0) * W + (xa - x0), b = static_cast<size_t>(ya - y0) * W + (xb - x0 + 1);
        const size_t c = static_cast<size_t>(yb - y0 + 1) * W + (xa - x0), d = static_cast<size_t>(yb - y0 + 1) * W + (xb - x0 + 1);
        s = sum[d] - sum[b] - sum[c] + sum[a];
        s2 = sum2[d] - sum2[b] - sum2[c] + sum2[a];
    }
};

bool readWindow(GDALRasterBand *band, int cx, int cy, int radius, Window &win)
{
    const int W = band->GetXSize(), H = band->GetYSize();
    win.x0 = std::max(0, cx - radius);
    win.y0 = std::max(0, cy - radius);
    const int x1 = std::min(W, cx + radius + 1), y1 = std::min(H, cy + radius + 1);
    win.w = x1 - win.x0;
    win.h = y1 - win.y0;
    if (win.w < radius || win.h < radius)
        return false;
    std::vector<float> grey(static_cast<size_t>(win.w) * win.h);
    if (band->RasterIO(GF_Read, win.x0, win.y0, win.w, win.h, grey.data(), win.w, win.h, GDT_Float32, 0, 0) != CE_None)
        return false;
    // Paper level = 80th percentile of the window.
    std::vector<float> sorted = grey;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() * 8 / 10), sorted.end());
    const float paper = sorted[sorted.size() * 8 / 10];
    win.ink.resize(grey.size());
    for (size_t i = 0; i < grey.size(); ++i)
        win.ink[i] = std::max(0.0f, paper - grey[i]);
    const size_t IW = static_cast<size_t>(win.w) + 1;
    win.sum.assign(IW * (win.h + 1), 0.0);
    win.sum2.assign(IW * (win.h + 1), 0.0);
    for (int y = 0; y < win.h; ++y) {
        double row = 0, row2 = 0;
        for (int x = 0; x < win.w; ++x) {
            const double v = win.ink[static_cast<size_t>(y) * win.w + x];
            row += v, row2 += v * v;
            win.sum[(y + 1) * IW + x + 1] = win.sum[y * IW + x + 1] + row;
            win.sum2[(y + 1) * IW + x + 1] = win.sum2[y * IW + x + 1] + row2;
        }
    }
    return true;
}

/// Normalised correlation of the window with a cross template centred at (cx, cy):
/// a binary template (1 on the arms, |offset| ≤ line half-width across them),
/// so every sum is a sum of boxes.
double correlate(const Window &win, int cx, int cy, const CrossTarget &t, int arm, double lineHalfWidth)
{
    if (!win.inside(cx - arm, cy - arm) || !win.inside(cx + arm, cy + arm))
        return -1;
    const int L = static_cast<int>(std::floor(lineHalfWidth));
    double sv = 0, svv = 0, s = 0, s2 = 0;
    win.box(cx - arm, cy - arm, cx + arm, cy + arm, sv, svv);
    double sw = 0, swv = 0;
    const bool hasH = t.armLeft || t.armRight, hasV = t.armUp || t.armDown;
    const int hx0 = t.armLeft ? -arm : 0, hx1 = t.armRight ? arm : 0;
    const int vy0 = t.armUp ? -arm : 0, vy1 = t.armDown ? arm : 0;
    if (hasH) {
        win.box(cx + hx0, cy - L, cx + hx1, cy + L, s, s2);
        sw += double(hx1 - hx0 + 1) * (2 * L + 1), swv += s;
    }
    if (hasV) {
        win.box(cx - L, cy + vy0, cx + L, cy + vy1, s, s2);
        sw += double(vy1 - vy0 + 1) * (2 * L + 1), swv += s;
    }
    if (hasH && hasV) { // the centre was counted twice
        const int xa = std::max(hx0, -L), xb = std::min(hx1, L), ya = std::max(vy0, -L), yb = std::min(vy1, L);
        if (xa <= xb && ya <= yb) {
            win.box(cx + xa, cy + ya, cx + xb, cy + yb, s, s2);
            sw -= double(xb - xa + 1) * (yb - ya + 1), swv -= s;
        }
    }
    const double n = double(2 * arm + 1) * (2 * arm + 1);
    const double mt = sw / n, mv = sv / n;
    const double cov = swv / n - mt * mv, vt = sw / n - mt * mt, vv = svv / n - mv * mv;
    if (vt <= 0 || vv <= 1e-9)
        return 0;
    return cov / std::sqrt(vt * vv);
}

/// Fits a line through the ink centroids across one arm direction.
/// horizontal: y = a + b·x from column profiles; else x = a + b·y from row profiles.
bool fitArmLine(const Window &win, PointD centre, int arm, bool horizontal, bool negSide, bool posSide, double &a, double &b)
{
    std::vector<double> ts, cs;
    const int half = 4;
    for (int t = -arm; t <= arm; ++t) {
        if (std::abs(t) < 5 || (t < 0 && !negSide) || (t > 0 && !posSide))
            continue;
        const double along = (horizontal ? centre.x : centre.y) + t;
        const double across = horizontal ? centre.y : centre.x;
        const int ia = static_cast<int>(std::floor(along));
        const int ic = static_cast<int>(std::floor(across));
        double s = 0, sc = 0, mn = 1e30;
        std::vector<std::pair<int, float>> prof;
        for (int k = -half; k <= half; ++k) {
            const int x = horizontal ? ia : ic + k, y = horizontal ? ic + k : ia;
            if (!win.inside(x, y))
                break;
            prof.push_back({k, win.at(x, y)});
            mn = std::min<double>(mn, win.at(x, y));
        }
        if (static_cast<int>(prof.size()) != 2 * half + 1)
            continue;
        for (auto [k, v] : prof) {
            const double w = v - mn;
            s += w;
            sc += w * (ic + k + 0.5);
        }
        if (s < 20) // too faint: no line here
            continue;
        ts.push_back(ia + 0.5);
        cs.push_back(sc / s);
    }
    for (int round = 0; round < 3; ++round) {
        if (ts.size() < 6)
            return false;
        double st = 0, sc = 0, stt = 0, stc = 0;
        const double n = static_cast<double>(ts.size());
        for (size_t i = 0; i < ts.size(); ++i)
            st += ts[i], sc += cs[i], stt += ts[i] * ts[i], stc += ts[i] * cs[i];
        const double den = n * stt - st * st;
        if (std::abs(den) < 1e-9)
            return false;
        b = (n * stc - st * sc) / den;
        a = (sc - b * st) / n;
        // Drop samples disturbed by other lines and refit.
        std::vector<double> t2, c2;
        for (size_t i = 0; i < ts.size(); ++i)
            if (std::abs(a + b * ts[i] - cs[i]) < 0.8)
                t2.push_back(ts[i]), c2.push_back(cs[i]);
        if (t2.size() == ts.size())
            return true;
        ts.swap(t2);
        cs.swap(c2);
    }
    return ts.size() >= 6;
}

} // namespace

int DetectResult::accepted() const
{
    int n = 0;
    for (const auto &c : crosses)
        n += c.accepted;
    return n;
}

std::vector<CrossTarget> sheetTargets(const crs::SheetFrame &frame)
{
    std::vector<CrossTarget> out;
    const auto crosses = crs::gridCrosses(frame);
    int maxRow = 0, maxCol = 0;
    for (const auto &c : crosses)
        maxRow = std::max(maxRow, c.row), maxCol = std::max(maxCol, c.col);
    for (const auto &c : crosses) {
        CrossTarget t;
        t.id = "r" + std::to_string(c.row) + "c" + std::to_string(c.col);
        t.mapX = c.east;
        t.mapY = c.north;
        t.row = c.row;
        t.col = c.col;
        t.armLeft = c.col > 0;
        t.armRight = c.col < maxCol;
        t.armUp = c.row > 0;
        t.armDown = c.row < maxRow;
        out.push_back(t);
    }
    return out;
}

DetectResult detectCrosses(const std::string &scanPath, const std::vector<CrossTarget> &targets, const GcpSet &seeds,
                           const DetectOptions &o)
{
    DetectResult res;
    std::vector<PointD> spx, smp;
    seeds.enabledPoints(spx, smp);
    const auto seedType = spx.size() >= 3 ? TransformType::Affine : TransformType::Helmert;
    std::string err;
    auto model = TransformModel::fit(seedType, spx, smp, &err);
    if (!model) {
        res.error = "seed points: " + err;
        return res;
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(scanPath.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds || ds->GetRasterCount() < 1) {
        res.error = scanPath + ": cannot open the scan";
        return res;
    }
    GDALRasterBand *band = ds->GetRasterBand(1);
    // Pixel size in map units → template sizes in pixels.
    const PointD c0 = model->forward({0, 0}), c1 = model->forward({1, 0});
    const double mapPerPx = std::hypot(c1.x - c0.x, c1.y - c0.y);
    const int scale = o.scale > 0 ? o.scale : 1000;
    const double pxPerMm = (scale / 1000.0) / mapPerPx; // 1 mm of paper in pixels
    const int arm = std::max(6, static_cast<int>(std::lround(4 * pxPerMm)));
    const int radius = std::max(4, static_cast<int>(std::lround(o.searchRadiusPx > 0 ? o.searchRadiusPx : 2.5 * pxPerMm)));
    const double lineHalf = std::max(0.5, 0.15 * pxPerMm);
    // The cadastral tolerance 0.2 mm × scale is 0.2 mm of paper: in pixels.
    res.tolerancePx = 0.2 * pxPerMm;
    res.thresholdPx = o.maxInconsistencyPx > 0 ? o.maxInconsistencyPx : res.tolerancePx;
    auto fmt = [](double v, int decimals = 1) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        return std::string(buf);
    };

    // Seeds on a grid cross of the sheet (map position within the tolerance).
    std::vector<int> seedOf(targets.size(), -1);
    std::vector<Gcp> seedPoints;
    for (const Gcp &g : seeds.points())
        if (g.enabled)
            seedPoints.push_back(g);
    for (size_t s = 0; s < seedPoints.size(); ++s) {
        const Gcp &g = seedPoints[s];
        int best = -1;
        double bestD = cadastralTolerance(scale);
        for (size_t i = 0; i < targets.size(); ++i) {
            const double d = std::hypot(targets[i].mapX - g.mapX, targets[i].mapY - g.mapY);
            if (d <= bestD && seedOf[i] < 0)
                best = static_cast<int>(i), bestD = d;
        }
        if (best >= 0)
            seedOf[best] = static_cast<int>(s);
        else
            res.otherSeeds.push_back(g);
    }

    res.crosses.resize(targets.size());
    for (size_t i = 0; i < targets.size(); ++i)
        res.crosses[i].target = targets[i];
    /// Looks for cross @p i within @p searchRadius of @p at.
    auto detectAt = [&](size_t i, PointD at, int searchRadius) {
        DetectedCross &d = res.crosses[i];
        d.predicted = at;
        d.accepted = false;
        d.reason.clear();
        d.offsetPx = -1;
        const int cx = static_cast<int>(std::floor(at.x)), cy = static_cast<int>(std::floor(at.y));
        if (cx < 0 || cy < 0 || cx >= band->GetXSize() || cy >= band->GetYSize()) {
            d.reason = "predicted outside the scan";
            return;
        }
        Window win;
        if (!readWindow(band, cx, cy, searchRadius + arm + 6, win)) {
            d.reason = "too close to the scan edge";
            return;
        }
        double best = -2;
        int bx = cx, by = cy;
        const int side = 2 * searchRadius + 1;
        std::vector<double> scores(static_cast<size_t>(side) * side, -2);
        for (int dy = -searchRadius; dy <= searchRadius; ++dy)
            for (int dx = -searchRadius; dx <= searchRadius; ++dx) {
                const double s = correlate(win, cx + dx, cy + dy, targets[i], arm, lineHalf);
                scores[static_cast<size_t>(dy + searchRadius) * side + dx + searchRadius] = s;
                if (s > best)
                    best = s, bx = cx + dx, by = cy + dy;
            }
        d.confidence = std::clamp(best, 0.0, 1.0);
        if (best < o.minConfidence) {
            d.reason = "no cross found (correlation " + fmt(best, 2) + " < " + fmt(o.minConfidence, 2) + ")";
            d.found = {bx + 0.5, by + 0.5};
            return;
        }
        // Sub-pixel: fit both lines of the cross and intersect them.
        PointD p{bx + 0.5, by + 0.5};
        double ha = 0, hb = 0, va = 0, vb = 0;
        const bool hOk = fitArmLine(win, p, arm, true, targets[i].armLeft, targets[i].armRight, ha, hb);
        const bool vOk = fitArmLine(win, p, arm, false, targets[i].armUp, targets[i].armDown, va, vb);
        if (hOk && vOk) {
            // y = ha + hb·x, x = va + vb·y
            const double y = (ha + hb * va) / (1 - hb * vb);
            p = {va + vb * y, y};
        } else {
            // Parabola through the correlation peak.
            auto sc = [&](int dx, int dy) {
                const int gx = bx - cx + dx + searchRadius, gy = by - cy + dy + searchRadius;
                if (gx < 0 || gy < 0 || gx >= side || gy >= side)
                    return best;
                return scores[static_cast<size_t>(gy) * side + gx];
            };
            const double l = sc(-1, 0), r = sc(1, 0), u = sc(0, -1), dn = sc(0, 1);
            const double ox = (l - r) / (2 * (l - 2 * best + r)), oy = (u - dn) / (2 * (u - 2 * best + dn));
            p.x += std::isfinite(ox) ? std::clamp(ox, -0.5, 0.5) : 0;
            p.y += std::isfinite(oy) ? std::clamp(oy, -0.5, 0.5) : 0;
            d.confidence *= 0.8; // no line fit: less sure of the sub-pixel position
        }
        if (std::hypot(p.x - (bx + 0.5), p.y - (by + 0.5)) > 2) {
            d.reason = "line fit disagrees with the correlation peak";
            d.found = {bx + 0.5, by + 0.5};
            return;
        }
        d.found = p;
        d.accepted = d.confidence >= o.minConfidence;
        if (!d.accepted)
            d.reason = "low confidence " + fmt(d.confidence, 2);
    };

    // Seeds first, next to where they were placed (1 mm of paper); never rejected.
    const int seedRadius = std::max(3, static_cast<int>(std::lround(pxPerMm)));
    for (size_t i = 0; i < targets.size(); ++i) {
        if (seedOf[i] < 0)
            continue;
        const Gcp &g = seedPoints[static_cast<size_t>(seedOf[i])];
        const PointD placed{g.pixelX, g.pixelY};
        detectAt(i, placed, seedRadius);
        DetectedCross &d = res.crosses[i];
        d.seed = true;
        if (d.accepted) {
            d.note = "seed refined by " + fmt(std::hypot(d.found.x - placed.x, d.found.y - placed.y), 2) + " px";
        } else {
            d.note = "seed kept as placed (" + d.reason + ")";
            d.found = placed;
            d.confidence = 1;
            d.reason.clear();
        }
        d.predicted = placed;
        d.accepted = true;
    }
    // The seed model again, through the refined seeds.
    {
        std::vector<PointD> px, mp;
        for (size_t i = 0; i < targets.size(); ++i)
            if (res.crosses[i].seed)
                px.push_back(res.crosses[i].found), mp.push_back({targets[i].mapX, targets[i].mapY});
        for (const Gcp &g : res.otherSeeds)
            px.push_back({g.pixelX, g.pixelY}), mp.push_back({g.mapX, g.mapY});
        if (auto refined = TransformModel::fit(seedType, px, mp))
            model = std::move(refined);
    }

    // Consistency: each cross against a fit through the others — polynomial 2
    // (paper bends) once there are enough crosses, else affine — and, when that
    // is off by more than the threshold, against its grid neighbours' offsets
    // from the same fit (paper wobbles locally). The worst offender beyond the
    // threshold goes first, then everything is judged again. A seed is never
    // rejected: when it is the worst it only stops counting as evidence for the
    // others (a misplaced seed must not push true crosses out).
    std::vector<char> outOfFit(targets.size(), 0);
    auto judge = [&] {
        for (;;) {
            std::vector<size_t> idx;
            std::vector<PointD> px, mp;
            size_t inFit = 0;
            for (size_t i = 0; i < res.crosses.size(); ++i)
                if (res.crosses[i].accepted) {
                    idx.push_back(i);
                    px.push_back(res.crosses[i].found);
                    mp.push_back({targets[i].mapX, targets[i].mapY});
                    inFit += !outOfFit[i];
                }
            if (inFit < 5)
                return; // four points or fewer: an affine fit through the others has no check
            size_t worst = idx.size();
            double worstOff = res.thresholdPx;
            std::string worstWhy;
            for (size_t k = 0; k < idx.size(); ++k) {
                std::vector<PointD> p2, m2;
                for (size_t j = 0; j < idx.size(); ++j)
                    if (j != k && !outOfFit[idx[j]])
                        p2.push_back(px[j]), m2.push_back(mp[j]);
                const auto type = p2.size() >= 10 ? TransformType::Polynomial2 : TransformType::Affine;
                res.model = transformId(type);
                const auto m = TransformModel::fit(type, p2, m2);
                if (!m)
                    continue;
                const PointD pred = m->inverse(mp[k]);
                const PointD e{px[k].x - pred.x, px[k].y - pred.y};
                const double global = std::hypot(e.x, e.y);
                double off = global;
                std::string why = fmt(global) + " px off the " + res.model + " fit through the other crosses";
                if (global > res.thresholdPx) {
                    const CrossTarget &tk = targets[idx[k]];
                    PointD mean{0, 0};
                    int n = 0;
                    for (size_t j = 0; j < idx.size(); ++j) {
                        const CrossTarget &tj = targets[idx[j]];
                        if (j == k || outOfFit[idx[j]] || std::abs(tj.row - tk.row) > 1 || std::abs(tj.col - tk.col) > 1)
                            continue;
                        const PointD pj = m->inverse(mp[j]);
                        mean.x += px[j].x - pj.x, mean.y += px[j].y - pj.y;
                        ++n;
                    }
                    if (n >= 2) {
                        const double local = std::hypot(e.x - mean.x / n, e.y - mean.y / n);
                        off = std::min(off, local);
                        why += ", " + fmt(local) + " px off its " + std::to_string(n) + " neighbours";
                    }
                }
                res.crosses[idx[k]].offsetPx = off;
                if (!outOfFit[idx[k]] && off > worstOff)
                    worst = k, worstOff = off, worstWhy = why;
            }
            if (worst == idx.size())
                return;
            DetectedCross &d = res.crosses[idx[worst]];
            if (d.seed) {
                outOfFit[idx[worst]] = 1;
                continue;
            }
            d.accepted = false;
            d.reason = "inconsistent with the other crosses: " + worstWhy + " (tolerance 0.2 mm × " + std::to_string(scale)
                       + " = " + fmt(res.thresholdPx) + " px)";
        }
    };
    auto refit = [&]() -> std::optional<TransformModel> {
        std::vector<PointD> px, mp;
        for (size_t i = 0; i < res.crosses.size(); ++i)
            if (res.crosses[i].accepted && !outOfFit[i])
                px.push_back(res.crosses[i].found), mp.push_back({targets[i].mapX, targets[i].mapY});
        if (px.size() >= 10)
            if (auto m = TransformModel::fit(TransformType::Polynomial2, px, mp))
                return m;
        return TransformModel::fit(px.size() >= 3 ? TransformType::Affine : TransformType::Helmert, px, mp);
    };

    // Pass 1 from the seeds; then up to two passes re-predict the missing
    // crosses from the crosses found (bending makes far crosses drift from an
    // affine seed prediction), each followed by the consistency check.
    for (size_t i = 0; i < targets.size(); ++i)
        if (seedOf[i] < 0)
            detectAt(i, model->inverse({targets[i].mapX, targets[i].mapY}), radius);
    judge();
    for (int pass = 0; pass < 2; ++pass) {
        const auto m = refit();
        if (!m)
            break;
        int again = 0;
        for (size_t i = 0; i < targets.size(); ++i)
            if (!res.crosses[i].accepted) {
                detectAt(i, m->inverse({targets[i].mapX, targets[i].mapY}), std::max(3, radius / 2));
                again += res.crosses[i].accepted;
            }
        if (!again)
            break;
        judge();
    }
    for (auto &d : res.crosses)
        if (d.seed && d.offsetPx > res.thresholdPx)
            d.note += "; " + fmt(d.offsetPx) + " px off the other crosses (tolerance " + fmt(res.thresholdPx)
                      + " px): check its map coordinates";
    for (const auto &d : res.crosses)
        if (d.accepted) {
            Gcp g;
            g.id = d.target.id;
            g.mapX = d.target.mapX;
            g.mapY = d.target.mapY;
            g.pixelX = d.found.x;
            g.pixelY = d.found.y;
            g.confidence = d.confidence;
            res.gcps.add(g);
        }
    for (const Gcp &g : res.otherSeeds)
        res.gcps.add(g);
    res.ok = true;
    return res;
}

} // namespace vnland::georef
