// Plain edit geometry <-> GEOS / WKB.
#include "edit/edit_geometry.h"

namespace vnland::edit {

using geom::ctx;
using geom::GeomPtr;

Ring openRing(const Ring &r)
{
    Ring out;
    out.reserve(r.size());
    for (const XY &p : r)
        if (out.empty() || out.back() != p)
            out.push_back(p);
    while (out.size() > 1 && out.front() == out.back())
        out.pop_back();
    return out;
}

namespace {

GEOSGeometry *ringToGeos(const Ring &in)
{
    const Ring r = openRing(in);
    if (r.size() < 3)
        return nullptr;
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx(), static_cast<unsigned>(r.size() + 1), 2);
    if (!seq)
        return nullptr;
    for (size_t i = 0; i <= r.size(); ++i) {
        const XY &p = r[i % r.size()];
        GEOSCoordSeq_setXY_r(ctx(), seq, static_cast<unsigned>(i), p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(ctx(), seq); // takes the sequence, also on failure
}

Ring ringFromGeos(const GEOSGeometry *ring)
{
    Ring out;
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n))
        return out;
    out.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        XY p;
        GEOSCoordSeq_getXY_r(ctx(), seq, i, &p.x, &p.y);
        out.push_back(p);
    }
    return openRing(out);
}

void collectPolys(const GEOSGeometry *g, MultiPoly &out)
{
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx(), g) == 1)
            return;
        Poly p;
        p.rings.push_back(ringFromGeos(GEOSGetExteriorRing_r(ctx(), g)));
        const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
        for (int h = 0; h < holes; ++h)
            p.rings.push_back(ringFromGeos(GEOSGetInteriorRingN_r(ctx(), g, h)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i)
            collectPolys(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

} // namespace

GeomPtr toGeos(const Poly &p)
{
    if (p.rings.empty())
        return nullptr;
    GEOSGeometry *shell = ringToGeos(p.rings[0]);
    if (!shell)
        return nullptr;
    std::vector<GEOSGeometry *> holes;
    for (size_t i = 1; i < p.rings.size(); ++i) {
        GEOSGeometry *h = ringToGeos(p.rings[i]);
        if (!h) {
            GEOSGeom_destroy_r(ctx(), shell);
            for (GEOSGeometry *x : holes)
                GEOSGeom_destroy_r(ctx(), x);
            return nullptr;
        }
        holes.push_back(h);
    }
    return GeomPtr(GEOSGeom_createPolygon_r(ctx(), shell, holes.empty() ? nullptr : holes.data(),
                                            static_cast<unsigned>(holes.size())));
}

GeomPtr toGeos(const MultiPoly &mp)
{
    std::vector<GEOSGeometry *> parts;
    for (const Poly &p : mp) {
        GeomPtr g = toGeos(p);
        if (!g) {
            for (GEOSGeometry *x : parts)
                GEOSGeom_destroy_r(ctx(), x);
            return nullptr;
        }
        parts.push_back(g.release());
    }
    return GeomPtr(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, parts.empty() ? nullptr : parts.data(),
                                               static_cast<unsigned>(parts.size())));
}

GeomPtr lineToGeos(const std::vector<XY> &line)
{
    std::vector<XY> pts;
    for (const XY &p : line)
        if (pts.empty() || pts.back() != p)
            pts.push_back(p);
    if (pts.size() < 2)
        return nullptr;
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx(), static_cast<unsigned>(pts.size()), 2);
    for (size_t i = 0; i < pts.size(); ++i)
        GEOSCoordSeq_setXY_r(ctx(), seq, static_cast<unsigned>(i), pts[i].x, pts[i].y);
    return GeomPtr(GEOSGeom_createLineString_r(ctx(), seq));
}

MultiPoly fromGeos(const GEOSGeometry *g)
{
    MultiPoly out;
    if (g)
        collectPolys(g, out);
    return out;
}

std::vector<unsigned char> toWkb(const MultiPoly &mp)
{
    GeomPtr g = toGeos(mp);
    return g ? geom::toWkb(g.get()) : std::vector<unsigned char>();
}

MultiPoly fromWkb(const std::vector<unsigned char> &wkb, bool *ok)
{
    GeomPtr g = wkb.empty() ? nullptr : geom::fromWkb(wkb.data(), wkb.size());
    if (ok)
        *ok = g != nullptr;
    return fromGeos(g.get());
}

double area(const MultiPoly &mp)
{
    GeomPtr g = toGeos(mp);
    return g ? geom::area(g.get()) : 0.0;
}

bool isValid(const MultiPoly &mp, std::string *reason)
{
    GeomPtr g = toGeos(mp);
    if (!g) {
        if (reason)
            *reason = "vòng ranh giới có ít hơn 3 đỉnh";
        return false;
    }
    return geom::isValid(g.get(), reason);
}

size_t vertexCount(const MultiPoly &mp)
{
    size_t n = 0;
    for (const Poly &p : mp)
        for (const Ring &r : p.rings)
            n += openRing(r).size();
    return n;
}

} // namespace vnland::edit
