// Sheet-aware automatic GCPs: the map coordinates of every grid cross (mắt
// lưới) and frame corner of a sheet are known, so from 2–3 seed points (or
// the frame corners) the detector predicts each cross in the scan, finds it
// near the prediction by normalised cross-correlation with a cross-shaped
// template (arms only towards neighbouring crosses, so frame corners and
// edge ticks match too), refines it to sub-pixel by fitting the two lines of
// the cross, and gives a confidence. Each cross found is then judged against
// what paper allows: a polynomial-2 fit through the other crosses (affine
// while there are few) or, where the paper wobbles locally, its grid
// neighbours — with the cadastral tolerance 0.2 mm × scale (in pixels) as the
// threshold, removing the worst offender first. Rejected or low-confidence
// crosses are reported with the reason and never enter the GCP set. Seeds
// are never rejected: a seed on a grid cross is refined to the cross found
// next to it (or kept as placed, with a note), a seed elsewhere is kept as is.
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
    /// Largest offset (px) of a cross from what the other crosses predict;
    /// 0 = the cadastral tolerance 0.2 mm × scale converted to scan pixels.
    double maxInconsistencyPx = 0;
};

struct DetectedCross {
    CrossTarget target;
    PointD predicted;
    PointD found;
    double confidence = 0;
    bool accepted = false;
    std::string reason;          // why it was rejected
    bool seed = false;           // a seed point placed by the user: always accepted
    std::string note;            // for seeds: refined, kept as placed, or far from the other crosses
    double offsetPx = -1;        // offset from the consistency model (−1 = not judged)
};

struct DetectResult {
    bool ok = false;
    std::string error;
    std::vector<DetectedCross> crosses;   // one per target, in target order
    GcpSet gcps;                 // accepted crosses (id, confidence set), then seeds on no grid cross
    std::vector<Gcp> otherSeeds; // seeds that are no grid cross of the sheet (kept as placed, in gcps)
    double thresholdPx = 0;      // consistency threshold used (px)
    double tolerancePx = 0;      // 0.2 mm × scale in scan pixels
    std::string model;           // consistency model of the last check ("polynomial2", "affine")
    int accepted() const;
};

/// Finds @p targets in the scan, predicted from @p seeds (≥ 2 GCPs: pixel ↔
/// map; 2 → Helmert, 3+ → affine), then from the crosses found.
DetectResult detectCrosses(const std::string &scanPath, const std::vector<CrossTarget> &targets, const GcpSet &seeds,
                           const DetectOptions &options);

} // namespace vnland::georef
