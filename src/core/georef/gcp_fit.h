// Fitting a transform to a GCP set and judging it: per-GCP residuals in map
// units and pixels, QGIS's mean error sqrt(Σ(dx²+dy²)/(n − n_min)),
// leave-one-out residuals that flag blunders, and pass/fail against the
// cadastral tolerance 0.2 mm × scale (cadastral_rules.md; sai số cho phép).
#pragma once

#include "georef/gcp_set.h"
#include "georef/transform.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace vnland::georef {

/// 0.2 mm at map scale, in metres (0.20 m at 1:1000, 0.40 m at 1:2000).
double cadastralTolerance(int scale);

struct GcpResidual {
    size_t index = 0;     // position in the GcpSet
    bool enabled = true;
    double dxMap = 0, dyMap = 0, map = 0; // forward(pixel) − map, map units
    double dxPx = 0, dyPx = 0, px = 0;    // inverse(map) − pixel, pixels (dy along rows)
    double leaveOneOut = -1;              // map-unit error when fitted without this point; −1 = not computed
    bool blunder = false;
};

struct GcpFit {
    TransformType type = TransformType::Helmert;
    std::optional<TransformModel> model;  // empty when the fit failed
    std::string error;
    std::vector<GcpResidual> residuals;   // one per GCP (disabled ones included, not in the statistics)
    int enabled = 0;
    int nMin = 0;
    double meanErrorMap = 0;  // QGIS definition, map units
    double meanErrorPx = 0;   // QGIS definition, pixels
    double maxErrorMap = 0;   // largest enabled residual, map units
    int scale = 0;            // map scale denominator (0 = unknown, no tolerance test)
    double tolerance = 0;     // metres
    double blunderThreshold = 0;
    bool pass = false;        // mean and max error within tolerance (false without a scale)

    bool ok() const { return model.has_value(); }
    /// Residuals for `.points` dX,dY,residual columns (pixels; dY in the file's −row axis).
    std::vector<PointsResidual> pointsResiduals() const;
    QJsonObject toJson(const GcpSet &gcps) const;
};

/// Fits @p type to the enabled GCPs, computes residuals and (when
/// @p leaveOneOut) leave-one-out errors. A blunder is a point whose
/// leave-one-out error exceeds both the tolerance (when known) and
/// 3 × 1.4826 × the median leave-one-out error.
GcpFit fitGcps(const GcpSet &gcps, TransformType type, int scale = 0, bool leaveOneOut = true);

} // namespace vnland::georef
