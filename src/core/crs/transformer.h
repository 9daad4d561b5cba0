// Coordinate transformation with the one pinned VN-2000 <-> WGS84 operation.
// Any CRS on the VN-2000 datum is bound to EPSG:6960 (coordinate frame
// Helmert from Decision 05/2007) before PROJ plans the operation, so PROJ
// never picks another parameter set per point (see shared vn2000.md).
// Transformer::create verifies the plan: a datum crossing from or to a
// VN-2000 CRS whose pipeline lacks the EPSG:6960 Helmert is refused.
#pragma once

#include "crs/proj_context.h"

#include <memory>
#include <string>

namespace vnland::crs {

/// Builds a CRS from "EPSG:n", a bare EPSG number, WKT (.prj text) or a PROJ string.
/// Returns null and sets @p error when it cannot.
PjPtr createCrs(const std::string &definition, std::string *error = nullptr);

/// True when the CRS is based on the VN-2000 geodetic datum (EPSG datum 6756,
/// a datum/CRS named VN-2000/VN_2000/Vietnam 2000), or is a bound CRS whose
/// +towgs84 is the EPSG:6960 parameter set.
bool isVn2000(const PJ *crs);

/// EPSG code of a CRS if PROJ can identify it with high confidence, else 0.
int identifyEpsg(const PJ *crs);

/// The CRS with the VN-2000 datum bound to the pinned operation EPSG:6960.
/// CRSs on other datums (including bound CRSs with another +towgs84, which
/// crs::recognize reports) are returned as a clone, exactly as declared.
PjPtr bindPinned(const PJ *crs);

/// The EPSG:6960 Helmert as it appears in a PROJ pipeline (VN-2000 -> WGS84
/// direction, coordinate-frame convention), used to verify plans.
const char *pinnedHelmertStep();

class Transformer {
public:
    /// Plans the operation from @p source to @p target. Null + @p error on failure.
    static std::unique_ptr<Transformer> create(const PJ *source, const PJ *target, std::string *error = nullptr);
    static std::unique_ptr<Transformer> create(const std::string &source, const std::string &target,
                                               std::string *error = nullptr);

    /// A transformer owned by a per-thread cache (planning costs milliseconds;
    /// a PJ must not be shared between threads). Valid until the thread ends.
    /// Null + @p error on failure.
    static const Transformer *cached(const std::string &source, const std::string &target,
                                     std::string *error = nullptr);

    /// Transforms in place; x = easting/longitude, y = northing/latitude (degrees).
    /// Returns false if any point failed (its values become HUGE_VAL).
    /// Heights: a 2D point is taken to lie on the WGS84 ellipsoid (h = 0 on the
    /// WGS84 side) in both directions, so forward and inverse are exact inverses.
    bool transform(double *x, double *y, size_t count, size_t stride = 1) const;
    bool transform(double &x, double &y) const { return transform(&x, &y, 1); }
    /// The same operation run backwards (target -> source).
    bool transformInverse(double *x, double *y, size_t count, size_t stride = 1) const;
    bool transformInverse(double &x, double &y) const { return transformInverse(&x, &y, 1); }

    /// The PROJ pipeline actually used, for the user to read (one line).
    const std::string &description() const { return m_description; }
    /// The same pipeline, one step per line.
    const std::string &pipeline() const { return m_pipeline; }
    /// Name of the operation as PROJ/EPSG calls it (e.g. "Inverse of ... + VN-2000 to WGS 84 (2)").
    const std::string &operationName() const { return m_name; }
    /// True when the source and target are on different datums.
    bool crossesDatum() const { return m_crossesDatum; }
    /// True when the pipeline contains the pinned EPSG:6960 Helmert.
    bool usesPinnedOperation() const { return m_pinned; }
    /// The PJ (for proj_trans_generic with z/t or other PROJ calls on this thread).
    PJ *handle() const { return m_op.get(); }

private:
    bool run(PJ_DIRECTION dir, double *x, double *y, size_t count, size_t stride) const;

    PjPtr m_op;
    std::string m_description;
    std::string m_pipeline;
    std::string m_name;
    bool m_crossesDatum = false;
    bool m_pinned = false;
    int m_inputSideVn = 0; // +1: source is VN-2000 (datum shift), -1: target is, 0: no VN-2000 datum shift
};

} // namespace vnland::crs
