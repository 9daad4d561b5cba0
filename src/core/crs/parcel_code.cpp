// Parcel code by GeoHash of the pole of inaccessibility.
#include "crs/parcel_code.h"

#include "crs/geohash.h"

namespace vnland::crs {

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
