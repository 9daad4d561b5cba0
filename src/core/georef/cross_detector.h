// Sheet-aware automatic GCPs: the map coordinates of every grid cross (mắt
// lưới) and frame corner of a sheet are known, so from 2–3 seed points (or
// the frame corners) the detector predicts each cross in the scan, finds it
// near the prediction by normalised cross-correlation with a cross-shaped
// template (arms only towards neighbouring crosses, so frame corners and
// edge ticks match too), refines it to sub-pixel by fitting the two lines of
// the cross, and gives a confidence. Rejected or low-confidence crosses are
// reported with the reason and never enter the GCP set.
#pragma once

#include "crs/map_sheet_grid.h"
#include "georef/gcp_set.h"

#include <string>
#include <vector>

namespace vnland::georef {

struct CrossTarget {
    std::string id;          // "rRcC", row 0 = top
    double mapX = 0, mapY = 0;
    int row = 0, col = 0;
    bool armLeft = true, armRight = true, armUp = true, armDown = true;
};

/// Every grid cross of @p frame (crs::gridCrosses) as a detection target.
std::vector<CrossTarget> sheetTargets(const crs::SheetFrame &frame);

struct DetectOptions {
    int scale = 1000;            // map scale (to size the template: arms 4 mm of paper)
    double searchRadiusPx = 0;   // 0 = 2.5 mm of paper
    double minConfidence = 0.5;  // correlation below this → rejected
    double maxInconsistencyPx = 1.0; // residual (px) against a fit through the other crosses
};

struct DetectedCross {
    CrossTarget target;
    PointD predicted;
    PointD found;
    double confidence = 0;
    bool accepted = false;
    std::string reason;          // why it was rejected
};

struct DetectResult {
    bool ok = false;
    std::string error;
    std::vector<DetectedCross> crosses;
    GcpSet gcps;                 // accepted crosses only (id, confidence set)
    int accepted() const;
};

/// Finds @p targets in the scan, predicted from @p seeds (≥ 2 GCPs: pixel ↔
/// map; 2 → Helmert, 3+ → affine).
DetectResult detectCrosses(const std::string &scanPath, const std::vector<CrossTarget> &targets, const GcpSet &seeds,
                           const DetectOptions &options);

} // namespace vnland::georef
