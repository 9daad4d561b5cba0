// Gaps: holes of the coverage union (or parts of the sheet frames it leaves
// uncovered) that no parcel or non-parcel object fills. GEOS 3.11 has no
// coverage validator, so the union is built block by block (CoverageUnion,
// falling back to a cascaded UnaryUnion when the block is not a clean
// coverage) and the blocks are then unioned together.
#include "topology/rule_checks.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace vnland::topology::detail {
namespace {

geom::GeomPtr unionOf(std::vector<geom::GeomPtr> parts, bool coverage)
{
    auto h = geom::ctx();
    if (parts.empty())
        return nullptr;
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (auto &p : parts)
        raw.push_back(p.release());
    geom::GeomPtr coll(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())));
    if (coverage) {
        geom::GeomPtr u(GEOSCoverageUnion_r(h, coll.get()));
        if (u)
            return u;
    }
    geom::GeomPtr u(GEOSUnaryUnion_r(h, coll.get()));
    if (!u) // robustness fallback: snap to the millimetre grid coordinates are kept at
        u.reset(GEOSUnaryUnionPrec_r(h, coll.get(), 0.001));
    return u;
}

void addHoles(const GEOSGeometry *poly, std::vector<geom::GeomPtr> &out)
{
    auto h = geom::ctx();
    const int n = GEOSGetNumInteriorRings_r(h, poly);
    for (int k = 0; k < n; ++k) {
        GEOSGeometry *ring = GEOSGeom_clone_r(h, GEOSGetInteriorRingN_r(h, poly, k));
        // The hole ring as the shell of a new polygon.
        GEOSGeometry *shell = GEOSGeom_createLinearRing_r(h, GEOSCoordSeq_clone_r(h, GEOSGeom_getCoordSeq_r(h, ring)));
        GEOSGeom_destroy_r(h, ring);
        out.emplace_back(GEOSGeom_createPolygon_r(h, shell, nullptr, 0));
    }
}

geom::GeomPtr shellOf(const GEOSGeometry *poly)
{
    auto h = geom::ctx();
    GEOSGeometry *shell = GEOSGeom_createLinearRing_r(
        h, GEOSCoordSeq_clone_r(h, GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, poly))));
    return geom::GeomPtr(GEOSGeom_createPolygon_r(h, shell, nullptr, 0));
}

/// Turns candidate gap polygons into issues: parcels inside a candidate
/// (islands) are taken out of it, the parcels touching it are named.
void reportGaps(const ParcelIndex &index, const ValidationContext &c, std::vector<geom::GeomPtr> &candidates,
                const std::vector<size_t> &focus, std::vector<Issue> &out)
{
    auto h = geom::ctx();
    const double minArea = c.params.value(Rule::Gap, "min_area");
    std::vector<char> isFocus;
    if (!focus.empty()) {
        isFocus.assign(index.size(), 0);
        for (size_t i : focus)
            isFocus[i] = 1;
    }
    std::vector<size_t> near;
    for (auto &gap : candidates) {
        if (!gap || geom::area(gap.get()) <= minArea)
            continue;
        geom::PreparedPtr prep(GEOSPrepare_r(h, gap.get()));
        index.query(geom::envelope(gap.get()), 0, near);
        // Parcels inside the hole (islands) fill it; neighbours only touch it.
        std::vector<size_t> touching;
        std::vector<geom::GeomPtr> fill;
        for (size_t j : near) {
            if (!index.readable(j) || GEOSPreparedIntersects_r(h, prep.get(), index.geometry(j)) != 1)
                continue;
            char *im = GEOSRelate_r(h, gap.get(), index.geometry(j));
            const bool inside = im && im[0] != 'F';
            if (im)
                GEOSFree_r(h, im);
            if (inside)
                fill.emplace_back(GEOSGeom_clone_r(h, index.geometry(j)));
            touching.push_back(j);
        }
        if (!fill.empty()) {
            geom::GeomPtr f = unionOf(std::move(fill), false);
            if (f)
                gap.reset(GEOSDifference_r(h, gap.get(), f.get()));
            if (!gap)
                continue;
        }
        const double area = geom::area(gap.get());
        if (area <= minArea)
            continue;
        if (!focus.empty() &&
            std::none_of(touching.begin(), touching.end(), [&](size_t j) { return isFocus[j] != 0; }))
            continue;
        std::sort(touching.begin(), touching.end(),
                  [&](size_t a, size_t b) { return index.parcel(a).id < index.parcel(b).id; });
        Issue issue;
        issue.rule = Rule::Gap;
        issue.severity = c.params.severity(Rule::Gap);
        for (size_t j : touching) {
            issue.parcelIds.push_back(index.parcel(j).id);
            issue.parcelUuids.push_back(index.parcel(j).uuid);
        }
        issue.measure = area;
        issue.geometryWkb = geom::toWkb(gap.get());
        geom::GeomPtr pt(GEOSPointOnSurface_r(h, gap.get()));
        double x = 0, y = 0;
        if (pt) {
            GEOSGeomGetX_r(h, pt.get(), &x);
            GEOSGeomGetY_r(h, pt.get(), &y);
        }
        issue.message = "Khe hở " + fmt(area, 3) + " m² giữa " + std::to_string(touching.size()) + " thửa, gần (" +
                        fmt(x) + ", " + fmt(y) + ")";
        issue.detail = "{\"area\":" + fmt(area, 4) + ",\"x\":" + fmt(x) + ",\"y\":" + fmt(y) + ",\"neighbours\":" +
                       std::to_string(touching.size()) + "}";
        out.push_back(std::move(issue));
    }
}

} // namespace

/// Full runs: a gap's rim is made of edges no neighbour shares, so the faces
/// of the free edges (noded and dissolved by a union of the lines, then
/// polygonized) that no parcel covers are exactly the gaps. The free edges of
/// a clean coverage are its outline only, so this costs little at any size.
void gapsFromFreeEdges(const ParcelIndex &index, const ValidationContext &c,
                       const std::vector<std::pair<XY, XY>> &freeEdges, std::vector<Issue> &out)
{
    auto h = geom::ctx();
    if (freeEdges.empty())
        return;
    std::vector<GEOSGeometry *> lines;
    lines.reserve(freeEdges.size());
    for (const auto &[a, b] : freeEdges) {
        const double xy[4] = {a.x, a.y, b.x, b.y};
        lines.push_back(GEOSGeom_createLineString_r(h, GEOSCoordSeq_copyFromBuffer_r(h, xy, 2, 0, 0)));
    }
    geom::GeomPtr all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(lines.size())));
    geom::GeomPtr noded(GEOSUnaryUnion_r(h, all.get()));
    if (!noded)
        return;
    const GEOSGeometry *input[1] = {noded.get()};
    geom::GeomPtr faces(GEOSPolygonize_r(h, input, 1));
    if (!faces)
        return;
    const double minArea = c.params.value(Rule::Gap, "min_area");
    std::vector<geom::GeomPtr> candidates;
    std::vector<size_t> near;
    for (int k = 0; k < GEOSGetNumGeometries_r(h, faces.get()); ++k) {
        const GEOSGeometry *face = GEOSGetGeometryN_r(h, faces.get(), k);
        if (geom::area(face) <= minArea)
            continue;
        geom::GeomPtr pt(GEOSPointOnSurface_r(h, face));
        if (!pt)
            continue;
        index.query(geom::envelope(pt.get()), 0, near);
        const bool covered = std::any_of(near.begin(), near.end(), [&](size_t j) {
            return index.readable(j) && GEOSIntersects_r(h, index.geometry(j), pt.get()) == 1;
        });
        if (!covered)
            candidates.emplace_back(GEOSGeom_clone_r(h, face));
    }
    reportGaps(index, c, candidates, {}, out);
}

void checkGaps(const ParcelIndex &index, const ValidationContext &c, int threads, const std::vector<size_t> &focus,
               const std::vector<std::pair<XY, XY>> *freeEdges, std::vector<Issue> &out,
               const std::atomic<bool> *cancel)
{
    if (freeEdges) {
        gapsFromFreeEdges(index, c, *freeEdges, out);
        return;
    }
    auto h = geom::ctx();

    // The parcels whose union is examined.
    std::vector<size_t> members;
    if (focus.empty()) {
        members.reserve(index.size());
        for (size_t i = 0; i < index.size(); ++i)
            if (index.readable(i))
                members.push_back(i);
    } else {
        // Two rings of neighbours around the focus close the holes that touch it.
        std::set<size_t> set(focus.begin(), focus.end());
        std::vector<size_t> cand;
        for (int ring = 0; ring < 2; ++ring) {
            std::vector<size_t> current(set.begin(), set.end());
            for (size_t i : current) {
                index.query(index.envelope(i), 0.01, cand);
                set.insert(cand.begin(), cand.end());
            }
        }
        for (size_t i : set)
            if (index.readable(i))
                members.push_back(i);
    }
    if (members.empty())
        return;

    // Blocks of ~1000 parcels on a grid over the members' extent.
    geom::Envelope ext;
    for (size_t i : members)
        ext.expand(index.envelope(i));
    const double w = std::max(1e-6, ext.maxX - ext.minX), hgt = std::max(1e-6, ext.maxY - ext.minY);
    const double cells = std::max(1.0, members.size() / 1000.0);
    const double cell = std::sqrt(w * hgt / cells);
    const int nx = std::max(1, static_cast<int>(std::ceil(w / cell))), ny = std::max(1, static_cast<int>(std::ceil(hgt / cell)));
    std::vector<std::vector<size_t>> blocks(static_cast<size_t>(nx) * ny);
    for (size_t i : members) {
        const auto &e = index.envelope(i);
        const int bx = std::min(nx - 1, static_cast<int>(((e.minX + e.maxX) / 2 - ext.minX) / cell));
        const int by = std::min(ny - 1, static_cast<int>(((e.minY + e.maxY) / 2 - ext.minY) / cell));
        blocks[static_cast<size_t>(by) * nx + bx].push_back(i);
    }
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const auto &b) { return b.empty(); }), blocks.end());
    std::vector<geom::GeomPtr> blockUnion(blocks.size());
    parallelFor(
        blocks.size(), 1, threads,
        [&](size_t b, size_t e, int) {
            for (size_t k = b; k < e; ++k) {
                std::vector<geom::GeomPtr> parts;
                parts.reserve(blocks[k].size());
                for (size_t i : blocks[k])
                    parts.emplace_back(GEOSGeom_clone_r(geom::ctx(), index.geometry(i)));
                blockUnion[k] = unionOf(std::move(parts), true);
            }
        },
        {}, cancel);
    if (cancel && cancel->load())
        return;
    blockUnion.erase(std::remove(blockUnion.begin(), blockUnion.end(), nullptr), blockUnion.end());
    geom::GeomPtr all = unionOf(std::move(blockUnion), false);
    if (!all)
        return;

    // Candidate gap polygons.
    std::vector<geom::GeomPtr> candidates;
    bool frames = false;
    if (focus.empty() && c.params.value(Rule::Gap, "use_frames") != 0) {
        std::vector<geom::GeomPtr> fr;
        for (const auto &s : c.sheets)
            if (!s.frameWkb.empty())
                if (auto g = geom::fromWkb(s.frameWkb.data(), s.frameWkb.size()))
                    fr.push_back(std::move(g));
        if (!fr.empty()) {
            frames = true;
            // Region = frames plus everything the union encloses (holes outside frames count too).
            for (int k = 0; k < GEOSGetNumGeometries_r(h, all.get()); ++k)
                fr.push_back(shellOf(GEOSGetGeometryN_r(h, all.get(), k)));
            geom::GeomPtr region = unionOf(std::move(fr), false);
            geom::GeomPtr diff(region ? GEOSDifference_r(h, region.get(), all.get()) : nullptr);
            if (diff)
                for (int k = 0; k < GEOSGetNumGeometries_r(h, diff.get()); ++k) {
                    const GEOSGeometry *part = GEOSGetGeometryN_r(h, diff.get(), k);
                    if (GEOSGeomTypeId_r(h, part) == GEOS_POLYGON)
                        candidates.emplace_back(GEOSGeom_clone_r(h, part));
                }
        }
    }
    if (!frames)
        for (int k = 0; k < GEOSGetNumGeometries_r(h, all.get()); ++k)
            addHoles(GEOSGetGeometryN_r(h, all.get(), k), candidates);

    reportGaps(index, c, candidates, focus, out);
}

} // namespace vnland::topology::detail
