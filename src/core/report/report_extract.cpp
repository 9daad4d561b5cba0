// Parcel extract (trích lục, PL13) and technical record (hồ sơ kỹ thuật) data:
// the vertex table numbered from the northernmost vertex clockwise, edge
// lengths, the neighbours along each edge and the shapes for the sketch.
#include "report/report_data.h"

#include "geom/geos_context.h"
#include "report/report_lines.h"
#include "store/database.h"
#include "store/project.h"
#include "store/spatialite_blob.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace vnland::report {
namespace {

using Ring = std::vector<std::pair<double, double>>; // (east, north)

Ring ringCoords(const GEOSGeometry *ring)
{
    Ring out;
    GEOSContextHandle_t h = geom::ctx();
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n))
        return out;
    for (unsigned int i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        out.push_back({x, y});
    }
    return out;
}

/// Every ring of a (multi)polygon; the exterior ring of the largest part first.
std::vector<Ring> allRings(const GEOSGeometry *g, int *parts, int *holes)
{
    GEOSContextHandle_t h = geom::ctx();
    std::vector<std::pair<double, const GEOSGeometry *>> polys;
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *p = GEOSGetGeometryN_r(h, g, i);
        if (GEOSGeomTypeId_r(h, p) == GEOS_POLYGON)
            polys.push_back({geom::area(p), p});
    }
    std::stable_sort(polys.begin(), polys.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<Ring> out;
    *parts = static_cast<int>(polys.size());
    *holes = 0;
    for (const auto &[a, p] : polys) {
        out.push_back(ringCoords(GEOSGetExteriorRing_r(h, p)));
        const int nh = GEOSGetNumInteriorRings_r(h, p);
        *holes += nh;
        for (int k = 0; k < nh; ++k)
            out.push_back(ringCoords(GEOSGetInteriorRingN_r(h, p, k)));
    }
    return out;
}

/// Vertices without the closing point and repeated points, clockwise on the
/// map (east right, north up), starting at the northernmost (then westernmost).
Ring normaliseRing(Ring r)
{
    if (r.size() > 1 && r.front() == r.back())
        r.pop_back();
    Ring clean;
    for (const auto &p : r)
        if (clean.empty() || std::hypot(p.first - clean.back().first, p.second - clean.back().second) > 1e-6)
            clean.push_back(p);
    while (clean.size() > 1 && std::hypot(clean.front().first - clean.back().first, clean.front().second - clean.back().second) <= 1e-6)
        clean.pop_back();
    if (clean.size() < 3)
        return clean;
    double twiceArea = 0;
    for (size_t i = 0; i < clean.size(); ++i) {
        const auto &a = clean[i];
        const auto &b = clean[(i + 1) % clean.size()];
        twiceArea += a.first * b.second - b.first * a.second;
    }
    if (twiceArea > 0) // counter-clockwise in (east, north)
        std::reverse(clean.begin(), clean.end());
    size_t start = 0;
    for (size_t i = 1; i < clean.size(); ++i) {
        const auto &p = clean[i];
        const auto &s = clean[start];
        if (p.second > s.second + 1e-9 || (std::abs(p.second - s.second) <= 1e-9 && p.first < s.first))
            start = i;
    }
    std::rotate(clean.begin(), clean.begin() + static_cast<std::ptrdiff_t>(start), clean.end());
    return clean;
}

struct Candidate {
    int64_t id = 0;
    std::string label;
    geom::GeomPtr geom;
};

std::string neighbourLabel(const std::string &kind, const std::optional<int> &toSo, const std::optional<int> &thuaSo,
                           const std::optional<int> &ownToSo)
{
    if (thuaSo) {
        if (toSo && ownToSo && *toSo != *ownToSo)
            return std::to_string(*toSo) + "/" + std::to_string(*thuaSo);
        return std::to_string(*thuaSo);
    }
    if (kind == "road")
        return "Đường";
    if (kind == "waterway")
        return "Kênh, mương";
    return "?";
}

GEOSGeometry *makePoint(double x, double y)
{
    GEOSContextHandle_t h = geom::ctx();
    return GEOSGeom_createPointFromXY_r(h, x, y);
}

} // namespace

std::vector<ExtractData> buildExtracts(store::Project &project, const ReportFilter &filter)
{
    std::vector<ExtractData> out;
    std::vector<std::pair<int64_t, std::vector<std::pair<std::string, Tenths>>>> wanted;
    forEachParcelLines(project, filter, [&](const ParcelLines &p) { wanted.push_back({p.id, lineAreas(p)}); });
    if (wanted.empty())
        return out;

    GEOSContextHandle_t h = geom::ctx();
    store::Statement one(project.db(),
                         "SELECT id, uuid, object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu, measured_area,"
                         " legal_area, landuse_code, user_type_code, owner_name, address, certificate_issued, flags,"
                         " begin_time, geom FROM parcel WHERE id = ?");
    store::Statement near(project.db(),
                          "SELECT p.id, p.object_kind, p.to_so, p.thua_so, p.geom FROM parcel p"
                          " WHERE p.end_time IS NULL AND p.id <> ?5 AND p.id IN (SELECT pkid FROM idx_parcel_geom"
                          " WHERE xmin <= ?2 AND xmax >= ?1 AND ymin <= ?4 AND ymax >= ?3)");
    store::Statement sheet(project.db(), "SELECT scale, sheet_id FROM map_sheet WHERE commune_code = ? AND to_so = ?");
    std::map<std::string, UnitInfo> units;

    for (auto &[id, uses] : wanted) {
        ExtractData e;
        e.uses = std::move(uses);
        one.reset();
        one.bind(1, id);
        if (!one.step())
            continue;
        model::Parcel &p = e.parcel;
        p.id = one.int64(0);
        p.uuid = one.text(1);
        p.objectKind = one.text(2);
        p.communeCode = one.text(3);
        p.toSo = one.isNull(4) ? std::nullopt : std::optional<int>(one.integer(4));
        p.thuaSo = one.isNull(5) ? std::nullopt : std::optional<int>(one.integer(5));
        p.toSoCu = one.text(6);
        p.thuaSoCu = one.text(7);
        p.measuredArea = one.optReal(8);
        p.legalArea = one.optReal(9);
        p.landuseCode = one.text(10);
        p.userTypeCode = one.text(11);
        p.ownerName = one.text(12);
        p.address = one.text(13);
        p.certificateIssued = one.isNull(14) ? std::nullopt : std::optional<int>(one.integer(14));
        p.flags = one.text(15);
        p.beginTime = one.text(16);
        // The blob goes through the checked reader only: SpatiaLite's parser trusts
        // damaged counts (and crashed or hung on them).
        if (one.isNull(17)) {
            e.geometryProblem = "the parcel has no geometry (NULL)";
        } else {
            int size = 0;
            const unsigned char *blob = one.blobData(17, &size);
            store::BlobGeometry read = store::readSpatialiteBlob(blob, static_cast<size_t>(std::max(0, size)));
            p.wkb = std::move(read.wkb);
            e.geometryProblem = read.problem;
        }
        one.reset();
        auto uit = units.find(p.communeCode);
        if (uit == units.end())
            uit = units.emplace(p.communeCode, unitInfo(project, p.communeCode)).first;
        e.unit = uit->second;
        e.epsg = project.srid();
        if (p.toSo) {
            sheet.reset();
            sheet.bind(1, p.communeCode).bind(2, *p.toSo);
            if (sheet.step()) {
                e.scale = sheet.integer(0);
                e.sheetId = sheet.text(1);
            }
            sheet.reset();
        }

        geom::GeomPtr g = p.wkb.empty() ? nullptr : geom::fromWkb(p.wkb.data(), p.wkb.size());
        if (!g) {
            e.note = e.geometryProblem.empty() ? "thửa không có hình học đọc được"
                                               : "hình học trong cơ sở dữ liệu bị hỏng, cần vẽ lại (" + e.geometryProblem + ")";
            if (e.geometryProblem.empty())
                e.geometryProblem = "unreadable geometry";
            out.push_back(std::move(e));
            continue;
        }
        int parts = 0, holes = 0;
        e.rings = allRings(g.get(), &parts, &holes);
        if (parts > 1)
            e.note = "thửa gồm " + std::to_string(parts) + " phần; bảng tọa độ cho phần lớn nhất";
        if (holes > 0)
            e.note += std::string(e.note.empty() ? "" : "; ") + "có " + std::to_string(holes) + " lỗ thủng";
        if (!geom::isValid(g.get()))
            e.note += std::string(e.note.empty() ? "" : "; ") + "hình học không hợp lệ";
        const Ring ring = e.rings.empty() ? Ring() : normaliseRing(e.rings.front());

        // Neighbours within the sketch frame (the parcel's box plus a margin).
        const geom::Envelope env = geom::envelope(g.get());
        const double margin = std::max({env.maxX - env.minX, env.maxY - env.minY, 10.0}) * 0.35;
        near.reset();
        near.bind(1, env.minX - margin).bind(2, env.maxX + margin).bind(3, env.minY - margin).bind(4, env.maxY + margin);
        near.bind(5, id);
        std::vector<Candidate> cands;
        while (near.step()) {
            Candidate c;
            c.id = near.int64(0);
            c.label = neighbourLabel(near.text(1), near.isNull(2) ? std::nullopt : std::optional<int>(near.integer(2)),
                                     near.isNull(3) ? std::nullopt : std::optional<int>(near.integer(3)), p.toSo);
            int sz = 0;
            const unsigned char *b = near.isNull(4) ? nullptr : near.blobData(4, &sz);
            // A damaged neighbour is left out of the sketch (its own extract names it).
            const std::vector<unsigned char> wkb = b ? store::wkbFromSpatialiteBlob(b, static_cast<size_t>(std::max(0, sz)))
                                                     : std::vector<unsigned char>();
            c.geom = wkb.empty() ? nullptr : geom::fromWkb(wkb.data(), wkb.size());
            if (c.geom)
                cands.push_back(std::move(c));
        }
        near.reset();

        for (size_t i = 0; i < ring.size(); ++i) {
            const auto &a = ring[i];
            const auto &b = ring[(i + 1) % ring.size()];
            ExtractVertex v;
            v.number = static_cast<int>(i + 1);
            v.east = a.first;
            v.north = a.second;
            v.edgeLength = std::hypot(b.first - a.first, b.second - a.second);
            std::vector<std::string> labels;
            for (double t : {0.25, 0.5, 0.75}) {
                geom::GeomPtr pt(makePoint(a.first + (b.first - a.first) * t, a.second + (b.second - a.second) * t));
                for (const auto &c : cands) {
                    double dist = 1e9;
                    if (GEOSDistance_r(h, pt.get(), c.geom.get(), &dist) && dist < 0.05 &&
                        std::find(labels.begin(), labels.end(), c.label) == labels.end())
                        labels.push_back(c.label);
                }
            }
            v.neighbours = std::move(labels);
            e.vertices.push_back(std::move(v));
        }

        // Neighbour shapes for the sketch, with a label point inside the frame.
        geom::GeomPtr frame(GEOSGeom_createRectangle_r(h, env.minX - margin, env.minY - margin, env.maxX + margin,
                                                      env.maxY + margin));
        for (const auto &c : cands) {
            ExtractNeighbour n;
            n.label = c.label;
            int np = 0, nh = 0;
            n.rings = allRings(c.geom.get(), &np, &nh);
            geom::GeomPtr clipped(frame ? GEOSIntersection_r(h, c.geom.get(), frame.get()) : nullptr);
            if (clipped && !GEOSisEmpty_r(h, clipped.get())) {
                geom::GeomPtr pos(GEOSPointOnSurface_r(h, clipped.get()));
                if (pos) {
                    GEOSGeomGetX_r(h, pos.get(), &n.labelEast);
                    GEOSGeomGetY_r(h, pos.get(), &n.labelNorth);
                }
            } else {
                continue;
            }
            e.neighbours.push_back(std::move(n));
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace vnland::report
