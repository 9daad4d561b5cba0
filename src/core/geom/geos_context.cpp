// Thread-local GEOS context: one per thread, message handlers store errors.
#include "geom/geos_context.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace vnland::geom {
namespace {

struct ThreadContext {
    GEOSContextHandle_t handle = nullptr;
    std::string lastError;

    ThreadContext()
    {
        handle = GEOS_init_r();
        GEOSContext_setErrorMessageHandler_r(handle, &ThreadContext::onMessage, this);
        GEOSContext_setNoticeMessageHandler_r(handle, &ThreadContext::onNotice, this);
    }
    ~ThreadContext() { GEOS_finish_r(handle); }
    ThreadContext(const ThreadContext &) = delete;
    ThreadContext &operator=(const ThreadContext &) = delete;

    static void onMessage(const char *message, void *userdata)
    {
        static_cast<ThreadContext *>(userdata)->lastError = message ? message : "";
    }
    static void onNotice(const char *, void *) {}
};

ThreadContext &threadContext()
{
    thread_local ThreadContext context;
    return context;
}

} // namespace

GEOSContextHandle_t ctx() { return threadContext().handle; }
std::string lastError() { return threadContext().lastError; }
void clearLastError() { threadContext().lastError.clear(); }

void GeomDeleter::operator()(GEOSGeometry *g) const noexcept { GEOSGeom_destroy_r(ctx(), g); }
void PreparedDeleter::operator()(const GEOSPreparedGeometry *g) const noexcept
{
    GEOSPreparedGeom_destroy_r(ctx(), g);
}
void STRtreeDeleter::operator()(GEOSSTRtree *t) const noexcept { GEOSSTRtree_destroy_r(ctx(), t); }
void CoordSeqDeleter::operator()(GEOSCoordSequence *s) const noexcept { GEOSCoordSeq_destroy_r(ctx(), s); }

namespace {
struct WkbReader {
    GEOSWKBReader *r;
    WkbReader() : r(GEOSWKBReader_create_r(ctx())) {}
    ~WkbReader() { GEOSWKBReader_destroy_r(ctx(), r); }
};
struct WkbWriter {
    GEOSWKBWriter *w;
    WkbWriter() : w(GEOSWKBWriter_create_r(ctx()))
    {
        GEOSWKBWriter_setOutputDimension_r(ctx(), w, 2);
        GEOSWKBWriter_setByteOrder_r(ctx(), w, GEOS_WKB_NDR);
    }
    ~WkbWriter() { GEOSWKBWriter_destroy_r(ctx(), w); }
};
WkbReader &reader()
{
    thread_local WkbReader r;
    return r;
}
WkbWriter &writer()
{
    thread_local WkbWriter w;
    return w;
}
} // namespace

GeomPtr fromWkb(const unsigned char *data, size_t size)
{
    return GeomPtr(GEOSWKBReader_read_r(ctx(), reader().r, data, size));
}

GeomPtr fromWkt(const std::string &wkt)
{
    GEOSWKTReader *r = GEOSWKTReader_create_r(ctx());
    GeomPtr g(GEOSWKTReader_read_r(ctx(), r, wkt.c_str()));
    GEOSWKTReader_destroy_r(ctx(), r);
    return g;
}

std::vector<unsigned char> toWkb(const GEOSGeometry *g)
{
    size_t size = 0;
    unsigned char *buf = GEOSWKBWriter_write_r(ctx(), writer().w, g, &size);
    if (!buf)
        return {};
    std::vector<unsigned char> out(buf, buf + size);
    GEOSFree_r(ctx(), buf);
    return out;
}

std::string toWkt(const GEOSGeometry *g, int precision)
{
    GEOSWKTWriter *w = GEOSWKTWriter_create_r(ctx());
    GEOSWKTWriter_setRoundingPrecision_r(ctx(), w, precision);
    GEOSWKTWriter_setTrim_r(ctx(), w, 1);
    char *s = GEOSWKTWriter_write_r(ctx(), w, g);
    std::string out = s ? s : "";
    GEOSFree_r(ctx(), s);
    GEOSWKTWriter_destroy_r(ctx(), w);
    return out;
}

GeomPtr force2D(const GEOSGeometry *g)
{
    auto wkb = toWkb(g);
    return fromWkb(wkb.data(), wkb.size());
}

GeomPtr asMultiPolygon(const GEOSGeometry *g)
{
    if (GEOSGeomTypeId_r(ctx(), g) == GEOS_POLYGON) {
        GEOSGeometry *parts[1] = {GEOSGeom_clone_r(ctx(), g)};
        return GeomPtr(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, parts, 1));
    }
    return GeomPtr(GEOSGeom_clone_r(ctx(), g));
}

double area(const GEOSGeometry *g)
{
    double a = 0;
    GEOSArea_r(ctx(), g, &a);
    return a;
}

double length(const GEOSGeometry *g)
{
    double l = 0;
    GEOSLength_r(ctx(), g, &l);
    return l;
}

bool isValid(const GEOSGeometry *g, std::string *reason)
{
    char *r = nullptr;
    GEOSGeometry *location = nullptr;
    const char valid = GEOSisValidDetail_r(ctx(), g, 0, &r, &location);
    if (reason)
        *reason = r ? r : "";
    if (r)
        GEOSFree_r(ctx(), r);
    if (location)
        GEOSGeom_destroy_r(ctx(), location);
    return valid == 1;
}

void Envelope::expand(const Envelope &o)
{
    if (o.empty)
        return;
    expand(o.minX, o.minY);
    expand(o.maxX, o.maxY);
}

void Envelope::expand(double x, double y)
{
    if (empty) {
        minX = maxX = x;
        minY = maxY = y;
        empty = false;
        return;
    }
    minX = std::min(minX, x);
    minY = std::min(minY, y);
    maxX = std::max(maxX, x);
    maxY = std::max(maxY, y);
}

Envelope envelope(const GEOSGeometry *g)
{
    Envelope e;
    if (!g || GEOSisEmpty_r(ctx(), g))
        return e;
    double minX, minY, maxX, maxY;
    if (GEOSGeom_getXMin_r(ctx(), g, &minX) && GEOSGeom_getYMin_r(ctx(), g, &minY)
        && GEOSGeom_getXMax_r(ctx(), g, &maxX) && GEOSGeom_getYMax_r(ctx(), g, &maxY)) {
        e.expand(minX, minY);
        e.expand(maxX, maxY);
    }
    return e;
}

} // namespace vnland::geom
