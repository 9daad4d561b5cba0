// Parcel code by GeoHash of the pole of inaccessibility.
#include "crs/parcel_code.h"

#include "crs/geohash.h"

#include <algorithm>
#include <cmath>

namespace vnland::crs {

double poleTolerance(double width, double height)
{
    return std::max(0.001, std::max(width, height) * 1e-6);
}

ParcelCode parcelCode(const GEOSGeometry *polygon, const Transformer &toWgs84, double tolerance)
{
    ParcelCode r;
    GEOSContextHandle_t h = geom::ctx();
    if (!polygon || GEOSisEmpty_r(h, polygon) != 0) {
        r.error = "empty geometry";
        return r;
    }
    const int type = GEOSGeomTypeId_r(h, polygon);
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
        r.error = "not a polygon";
        return r;
    }
    if (!toWgs84.usesPinnedOperation()) {
        r.error = "the transformation to WGS84 does not use the pinned EPSG:6960 operation";
        return r;
    }
    const geom::Envelope env = geom::envelope(polygon);
    const double width = env.maxX - env.minX, height = env.maxY - env.minY;
    if (!std::isfinite(width) || !std::isfinite(height)) {
        r.error = "a coordinate is not a number";
        return r;
    }
    if (tolerance <= 0)
        tolerance = poleTolerance(width, height);
    r.tolerance = tolerance;
    geom::clearLastError();
    geom::GeomPtr line(GEOSMaximumInscribedCircle_r(h, polygon, tolerance));
    if (!line) {
        r.error = "pole of inaccessibility failed: " + geom::lastError();
        return r;
    }
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, line.get());
    double x1 = 0, y1 = 0;
    if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &r.east, &r.north) || !GEOSCoordSeq_getXY_r(h, seq, 1, &x1, &y1)) {
        r.error = "pole of inaccessibility failed: " + geom::lastError();
        return r;
    }
    double len = 0;
    GEOSLength_r(h, line.get(), &len);
    r.radius = len;
    double lon = r.east, lat = r.north;
    if (!toWgs84.transform(lon, lat)) {
        r.error = "transformation to WGS84 failed";
        return r;
    }
    r.lat = lat;
    r.lon = lon;
    r.code = geohashEncode(lat, lon, 12);
    return r;
}

} // namespace vnland::crs
