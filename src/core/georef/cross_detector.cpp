// Grid-cross detection: prediction, template correlation, line-fit refinement,
// consistency check.
#include "georef/cross_detector.h"

#include "georef/transform.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace vnland::georef {

namespace {

/// A greyscale window of the scan as "ink" values (0 = paper, larger = darker).
struct Window {
    int x0 = 0, y0 = 0, w = 0, h = 0;
    std::vector<float> ink;
    float at(int x, int y) const { return ink[static_cast<size_t>(y - y0) * w + (x - x0)]; }
    bool inside(int x, int y) const { return x >= x0 && y >= y0 && x < x0 + w && y < y0 + h; }
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
    return true;
}

/// Normalised correlation of the window with a cross template centred at (cx, cy).
double correlate(const Window &win, int cx, int cy, const CrossTarget &t, int arm, double lineHalfWidth)
{
    double sw = 0, swv = 0, swvv = 0, sv = 0, svv = 0, n = 0;
    for (int dy = -arm; dy <= arm; ++dy)
        for (int dx = -arm; dx <= arm; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (!win.inside(x, y))
                return -1;
            const bool onH = std::abs(dy) <= lineHalfWidth && ((dx <= 0 && t.armLeft) || (dx >= 0 && t.armRight));
            const bool onV = std::abs(dx) <= lineHalfWidth && ((dy <= 0 && t.armUp) || (dy >= 0 && t.armDown));
            const double tv = onH || onV ? 1.0 : 0.0;
            const double v = win.at(x, y);
            sw += tv, swv += tv * v, swvv += tv * tv;
            sv += v, svv += v * v, n += 1;
        }
    const double mt = sw / n, mv = sv / n;
    const double cov = swv / n - mt * mv, vt = swvv / n - mt * mt, vv = svv / n - mv * mv;
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
    const double pxPerMm = (o.scale / 1000.0) / mapPerPx; // 1 mm of paper in pixels
    const int arm = std::max(6, static_cast<int>(std::lround(4 * pxPerMm)));
    const int radius = std::max(4, static_cast<int>(std::lround(o.searchRadiusPx > 0 ? o.searchRadiusPx : 2.5 * pxPerMm)));
    const double lineHalf = std::max(0.5, 0.15 * pxPerMm);

    res.crosses.resize(targets.size());
    auto detectOne = [&](size_t i, const TransformModel &m, int searchRadius) {
        DetectedCross &d = res.crosses[i];
        d.target = targets[i];
        d.predicted = m.inverse({targets[i].mapX, targets[i].mapY});
        d.accepted = false;
        const int cx = static_cast<int>(std::floor(d.predicted.x)), cy = static_cast<int>(std::floor(d.predicted.y));
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
        std::map<std::pair<int, int>, double> scores;
        for (int dy = -searchRadius; dy <= searchRadius; ++dy)
            for (int dx = -searchRadius; dx <= searchRadius; ++dx) {
                const double s = correlate(win, cx + dx, cy + dy, targets[i], arm, lineHalf);
                scores[{dx, dy}] = s;
                if (s > best)
                    best = s, bx = cx + dx, by = cy + dy;
            }
        d.confidence = std::clamp(best, 0.0, 1.0);
        if (best < o.minConfidence) {
            d.reason = "no cross found (correlation " + std::to_string(best).substr(0, 4) + " < "
                       + std::to_string(o.minConfidence).substr(0, 4) + ")";
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
                auto it = scores.find({bx - cx + dx, by - cy + dy});
                return it == scores.end() ? best : it->second;
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
            d.reason = "low confidence " + std::to_string(d.confidence).substr(0, 4);
    };

    // Pass 1 from the seeds; pass 2 re-predicts from the crosses found (bending
    // makes far crosses drift from an affine seed prediction).
    for (size_t i = 0; i < targets.size(); ++i)
        detectOne(i, *model, radius);
    for (int pass = 0; pass < 2; ++pass) {
        // Consistency: each accepted cross against a fit through the others.
        std::vector<PointD> px, mp;
        std::vector<size_t> idx;
        for (size_t i = 0; i < res.crosses.size(); ++i)
            if (res.crosses[i].accepted) {
                px.push_back(res.crosses[i].found);
                mp.push_back({targets[i].mapX, targets[i].mapY});
                idx.push_back(i);
            }
        const auto type = px.size() >= 12 ? TransformType::Polynomial2 : TransformType::Affine;
        for (size_t k = 0; k < idx.size(); ++k) {
            std::vector<PointD> p2, m2;
            for (size_t j = 0; j < idx.size(); ++j)
                if (j != k)
                    p2.push_back(px[j]), m2.push_back(mp[j]);
            const auto m = TransformModel::fit(type, p2, m2);
            if (!m)
                continue;
            const PointD pred = m->inverse(mp[k]);
            const double r = std::hypot(pred.x - px[k].x, pred.y - px[k].y);
            if (r > o.maxInconsistencyPx) {
                auto &d = res.crosses[idx[k]];
                d.accepted = false;
                d.reason = "inconsistent with the other crosses (" + std::to_string(r).substr(0, 4) + " px off)";
            }
        }
        if (pass == 1)
            break;
        std::vector<PointD> px2, mp2;
        for (size_t i = 0; i < res.crosses.size(); ++i)
            if (res.crosses[i].accepted)
                px2.push_back(res.crosses[i].found), mp2.push_back({targets[i].mapX, targets[i].mapY});
        const auto refit = TransformModel::fit(px2.size() >= 12 ? TransformType::Polynomial2 : TransformType::Affine, px2, mp2);
        if (!refit)
            break;
        for (size_t i = 0; i < targets.size(); ++i)
            if (!res.crosses[i].accepted)
                detectOne(i, *refit, std::max(3, radius / 2));
    }
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
    res.ok = true;
    return res;
}

} // namespace vnland::georef
