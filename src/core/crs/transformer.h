// Coordinate transformation with the one pinned VN-2000 <-> WGS84 operation.
// Any CRS on the VN-2000 datum is bound to EPSG:6960 (coordinate frame
// Helmert from Decision 05/2007) before PROJ plans the operation, so PROJ
// never picks another parameter set per point (see shared vn2000.md).
#pragma once

#include "crs/proj_context.h"

#include <memory>
#include <string>

namespace vnland::crs {

/// Builds a CRS from "EPSG:n", a bare EPSG number, WKT (.prj text) or a PROJ string.
/// Returns null and sets @p error when it cannot.
PjPtr createCrs(const std::string &definition, std::string *error = nullptr);

/// True when the CRS is based on the VN-2000 geodetic datum (EPSG datum 6756).
bool isVn2000(const PJ *crs);

/// EPSG code of a CRS if PROJ can identify it with high confidence, else 0.
int identifyEpsg(const PJ *crs);

/// The CRS with the VN-2000 datum bound to the pinned operation EPSG:6960
/// (a clone for CRSs on other datums).
PjPtr bindPinned(const PJ *crs);

class Transformer {
public:
    /// Plans the operation from @p source to @p target. Null + @p error on failure.
    static std::unique_ptr<Transformer> create(const PJ *source, const PJ *target, std::string *error = nullptr);
    static std::unique_ptr<Transformer> create(const std::string &source, const std::string &target,
                                               std::string *error = nullptr);

    /// Transforms in place; x = easting/longitude, y = northing/latitude (degrees).
    /// Returns false if any point failed (its values become HUGE_VAL).
    bool transform(double *x, double *y, size_t count, size_t stride = 1) const;
    bool transform(double &x, double &y) const { return transform(&x, &y, 1); }

    /// The PROJ pipeline actually used, for the user to read.
    const std::string &description() const { return m_description; }
    bool crossesDatum() const { return m_crossesDatum; }

private:
    PjPtr m_op;
    std::string m_description;
    bool m_crossesDatum = false;
};

} // namespace vnland::crs
