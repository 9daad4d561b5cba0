// Scoring of vectorizer candidates against a known coverage (see scoring.h).
#include "vectorize/scoring.h"

#include "geom/geos_context.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vnland::vectorize {

using geom::ctx;
using geom::GeomPtr;

std::string Score::summary() const
{
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "parcels %d/%d matched (candidates %d): recall %.3f precision %.3f F1 %.3f, mean IoU %.3f; "
                  "vertex offset mean %.3f mm p95 %.3f mm; numbers %d/%d, codes %d/%d, areas read %d/%d, right %d/%d",
                  matched, truth, candidates, recall, precision, f1, meanIou, vertexMeanMm, vertexP95Mm, numbersRight,
                  numbersTotal, codesRight, codesTotal, areasRead, areasTotal, areasRight, areasRead);
    return buf;
}

Score scoreCandidates(const std::vector<Candidate> &candidates, const std::vector<TruthParcel> &truth,
                      const std::string &frameWkt, int scale, double iouThreshold, double minAreaM2)
{
    Score s;
    GeomPtr frame = geom::fromWkt(frameWkt);
    struct T {
        GeomPtr g;
        const TruthParcel *p;
        double area;
        geom::Envelope env;
    };
    std::vector<T> ts;
    for (const auto &t : truth) {
        GeomPtr g = geom::fromWkb(t.wkb.data(), t.wkb.size());
        if (!g)
            continue;
        GeomPtr clipped(GEOSIntersection_r(ctx(), g.get(), frame.get()));
        if (!clipped)
            continue;
        const double a = geom::area(clipped.get());
        if (a < minAreaM2)
            continue;
        geom::Envelope env = geom::envelope(clipped.get());
        ts.push_back({std::move(clipped), &t, a, env});
    }
    std::vector<GeomPtr> cs;
    std::vector<geom::Envelope> cenv;
    for (const auto &c : candidates) {
        cs.push_back(geom::fromWkb(c.wkb.data(), c.wkb.size()));
        cenv.push_back(cs.back() ? geom::envelope(cs.back().get()) : geom::Envelope{});
    }
    s.truth = static_cast<int>(ts.size());
    s.candidates = static_cast<int>(cs.size());
    std::vector<uint8_t> used(cs.size(), 0);
    std::vector<double> offsets;
    double iouSum = 0;
    const double mPerMm = scale / 1000.0;
    for (const auto &t : ts) {
        int best = -1;
        double bestIou = 0;
        for (size_t i = 0; i < cs.size(); ++i) {
            if (!cs[i] || used[i] || cenv[i].maxX < t.env.minX || cenv[i].minX > t.env.maxX || cenv[i].maxY < t.env.minY ||
                cenv[i].minY > t.env.maxY)
                continue;
            GeomPtr inter(GEOSIntersection_r(ctx(), t.g.get(), cs[i].get()));
            if (!inter)
                continue;
            const double ia = geom::area(inter.get());
            const double uni = t.area + candidates[i].area - ia;
            const double iou = uni > 0 ? ia / uni : 0;
            if (iou > bestIou)
                bestIou = iou, best = static_cast<int>(i);
        }
        if (best < 0 || bestIou < iouThreshold)
            continue;
        used[best] = 1;
        ++s.matched;
        iouSum += bestIou;
        // Vertex offset: every truth vertex to the candidate's boundary.
        GeomPtr boundary(GEOSBoundary_r(ctx(), cs[best].get()));
        GeomPtr tb(GEOSBoundary_r(ctx(), t.g.get()));
        GeomPtr pts(GEOSGeom_extractUniquePoints_r(ctx(), tb.get()));
        const int n = pts ? GEOSGetNumGeometries_r(ctx(), pts.get()) : 0;
        for (int k = 0; k < n; ++k) {
            double d = 0;
            if (GEOSDistance_r(ctx(), GEOSGetGeometryN_r(ctx(), pts.get(), k), boundary.get(), &d))
                offsets.push_back(d / mPerMm);
        }
        const Candidate &c = candidates[best];
        const TruthParcel &p = *t.p;
        if (p.thuaSo) {
            ++s.numbersTotal;
            const bool right = c.thuaSo && *c.thuaSo == *p.thuaSo;
            s.numbersRight += right;
            if (!right)
                s.misreads.push_back("number " + std::to_string(*p.thuaSo) + " read '" +
                                     (c.thuaSo ? std::to_string(*c.thuaSo) : std::string()) + "' raw '" + c.numberField.text +
                                     "' conf " + std::to_string(c.numberField.confidence) + " at px " +
                                     std::to_string(int(c.labelPixelX)) + "," + std::to_string(int(c.labelPixelY)));
        }
        if (!p.landuseCode.empty()) {
            ++s.codesTotal;
            const bool right = c.landuseCode == p.landuseCode;
            s.codesRight += right;
            if (!right)
                s.misreads.push_back("code of " + std::to_string(p.thuaSo.value_or(0)) + " " + p.landuseCode + " read '" +
                                     c.landuseCode + "' raw '" + c.codeField.text + "' conf " +
                                     std::to_string(c.codeField.confidence) + " at px " + std::to_string(int(c.labelPixelX)) +
                                     "," + std::to_string(int(c.labelPixelY)));
        }
        if (p.area) {
            ++s.areasTotal;
            if (c.labelArea) {
                ++s.areasRead;
                const bool right = std::abs(*c.labelArea - *p.area) < 0.051;
                s.areasRight += right;
                if (!right)
                    s.misreads.push_back("area of " + std::to_string(p.thuaSo.value_or(0)) + " " + std::to_string(*p.area) +
                                         " read " + std::to_string(*c.labelArea) + " raw '" + c.areaField.text + "'");
            }
        }
    }
    s.recall = s.truth ? double(s.matched) / s.truth : 0;
    s.precision = s.candidates ? double(s.matched) / s.candidates : 0;
    s.f1 = s.recall + s.precision > 0 ? 2 * s.recall * s.precision / (s.recall + s.precision) : 0;
    s.meanIou = s.matched ? iouSum / s.matched : 0;
    if (!offsets.empty()) {
        double sum = 0;
        for (double d : offsets)
            sum += d;
        s.vertexMeanMm = sum / offsets.size();
        std::sort(offsets.begin(), offsets.end());
        s.vertexP95Mm = offsets[std::min(offsets.size() - 1, static_cast<size_t>(0.95 * offsets.size()))];
    }
    return s;
}

} // namespace vnland::vectorize
