// Thread-local GEOS context and RAII handles for GEOS geometries.
// Every GEOS call in VNLand goes through the reentrant _r API with the context
// of the calling thread; a geometry must die on the thread that made it.
#pragma once

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace vnland::geom {

/// The GEOS context of the calling thread, created on first use. The error
/// handler stores the last message instead of throwing through C frames.
GEOSContextHandle_t ctx();

/// Last error or notice GEOS reported on this thread (empty if none).
std::string lastError();
void clearLastError();

struct GeomDeleter {
    void operator()(GEOSGeometry *g) const noexcept;
};
struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry *g) const noexcept;
};
struct STRtreeDeleter {
    void operator()(GEOSSTRtree *t) const noexcept;
};
struct CoordSeqDeleter {
    void operator()(GEOSCoordSequence *s) const noexcept;
};

using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;
using STRtreePtr = std::unique_ptr<GEOSSTRtree, STRtreeDeleter>;
using CoordSeqPtr = std::unique_ptr<GEOSCoordSequence, CoordSeqDeleter>;

/// Geometry from ISO/OGC WKB (as written by OGR or GEOS); null on failure.
GeomPtr fromWkb(const unsigned char *data, size_t size);
/// Geometry from WKT; null on failure.
GeomPtr fromWkt(const std::string &wkt);
/// 2D little-endian WKB of a geometry.
std::vector<unsigned char> toWkb(const GEOSGeometry *g);
std::string toWkt(const GEOSGeometry *g, int precision = 3);

/// A copy of @p g as a MultiPolygon (Polygon is wrapped, others returned as clones).
GeomPtr asMultiPolygon(const GEOSGeometry *g);
/// Drops Z/M by round-tripping through 2D WKB.
GeomPtr force2D(const GEOSGeometry *g);

double area(const GEOSGeometry *g);
double length(const GEOSGeometry *g);
bool isValid(const GEOSGeometry *g, std::string *reason = nullptr);

struct Envelope {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool empty = true;
    void expand(const Envelope &o);
    void expand(double x, double y);
};
Envelope envelope(const GEOSGeometry *g);

} // namespace vnland::geom
