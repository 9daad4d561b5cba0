// Stages of the vectorizer, shared by its .cpp files and the unit tests
// (not part of the public API: see vectorize.h).
#pragma once

#include "vectorize/vectorize.h"

#include <opencv2/core.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace vnland::vectorize::detail {

/// The scan as 8-bit grey (dark ink on light paper), read in strips of
/// @p stripRows: 8/16-bit, grey, RGB(A) or palette; 1-bit data is stretched.
struct LoadedRaster {
    cv::Mat grey;
    std::array<double, 6> geoTransform{};
    bool hasGeoTransform = false;
    std::string wkt;
};
bool loadGrey(const std::string &path, int stripRows, LoadedRaster &out, std::string &error,
              const std::atomic<bool> *cancel = nullptr);

/// Uneven lighting removed: divides by the paper brightness estimated with a
/// large max-filter on a reduced copy (ink is dark). @p windowPx ≈ a few mm.
cv::Mat flattenLighting(const cv::Mat &grey, int windowPx);

/// Sauvola-style local threshold in strips (ink = 255), plus anything darker
/// than the paper by @p sigmas × its noise (at least @p minContrast grey levels).
cv::Mat binarize(const cv::Mat &flat, int windowPx, double k = 0.25, double sigmas = 4, int minContrast = 18);

/// Plain Sauvola (no smoothing, no global test): keeps glyphs thin and apart, for the labels.
cv::Mat binarizeText(const cv::Mat &flat, int windowPx, double k = 0.25);

/// Splits ink into linework (components larger than @p glyphMaxPx on either
/// side) and small components (text, symbols) of at least @p speckPx pixels.
struct InkParts {
    cv::Mat lines;   // 255 = linework
    cv::Mat text;    // 255 = glyph-sized components (specks removed)
};
InkParts separateInk(const cv::Mat &ink, int glyphMaxPx, int speckPx);

/// Line width in pixels: 2·area / boundary length of the linework.
double estimateLineWidth(const cv::Mat &lines);

/// Closes breaks up to @p gapPx along the line direction (directional closings at 12 angles).
cv::Mat closeGaps(const cv::Mat &lines, int gapPx);

/// Every pixel labelled with its nearest parcel seed (1…n). Seeds: 8-connected
/// background regions inside @p inside with at least @p minSeedPx pixels.
/// Returns the number of seeds; @p labels is CV_32S.
int voronoiFaces(const cv::Mat &lines, const cv::Mat &inside, int minSeedPx, cv::Mat &labels);

/// Grid crosses and frame ticks cut small cells out of the parcels they lie
/// in. A cell smaller than @p maxCellPx whose boundary runs mostly inside
/// @p armMask (the arms, 255) joins the neighbour it shares most arm boundary
/// with, so the parcel keeps its own lines. Returns the number of cells merged.
int mergeCrossCells(cv::Mat &labels, const cv::Mat &armMask, int maxCellPx);

/// Polylines along the pixel cracks between different labels, split at
/// junctions (pixel-corner coordinates; the image outside counts as label −1).
std::vector<std::vector<georef::PointD>> crackEdges(const cv::Mat &labels);

/// Douglas–Peucker keeping both ends.
std::vector<georef::PointD> simplifyDp(const std::vector<georef::PointD> &line, double tol);

/// One label block: glyph components grouped, split into text rows (top first).
struct LabelRow {
    cv::Rect box;
};
struct LabelBlock {
    cv::Rect box;
    std::vector<LabelRow> rows;
    double cx = 0, cy = 0;   // centre, pixels
    int face = 0;            // Voronoi label at the centre
};
std::vector<LabelBlock> groupLabels(const cv::Mat &text, const cv::Mat &labels, double pxPerMm);

/// Tesseract on one text row. @p whitelist limits the characters.
class RowReader {
public:
    RowReader(const std::string &dataPath, const std::string &language);
    ~RowReader();
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;
    bool ok() const { return m_ok; }
    /// @p row: 8-bit, ink dark on white.
    LabelField read(const cv::Mat &row, const std::string &whitelist, bool singleWord);

private:
    struct Impl;
    Impl *d;
    bool m_ok = false;
};

/// A row crop ready for OCR: the flattened grey scan (anti-aliased glyphs
/// read better than the binarised ones) with linework pixels (@p lines, 255)
/// painted white, contrast stretched, scaled so the text is about
/// @p targetHeight pixels high, padded.
cv::Mat rowImage(const cv::Mat &flat, const cv::Mat &lines, const cv::Rect &box, int targetHeight = 48);

/// True when linework comes within two pixels of the row @p box (a glyph
/// touching a boundary was then taken for linework and is missing from the row).
bool rowTouchesLines(const cv::Mat &lines, const cv::Rect &box);

/// The row crop for text that touches a boundary: the box widened by
/// @p widenBy of the row height on each side, its ink found afresh (Otsu),
/// and only the long straight runs of that ink (they hold a straight segment
/// longer than the row is high, at any angle) painted white, so the glyph strokes merged with the
/// line stay in the picture.
cv::Mat touchingRowImage(const cv::Mat &flat, const cv::Rect &box, int targetHeight = 48,
                         double widenBy = 0.8);

} // namespace vnland::vectorize::detail
