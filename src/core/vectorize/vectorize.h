// Automatic vectorization of a scanned cadastral sheet (số hoá tự động):
// a georeferenced scan → a topologically clean set of candidate parcels with
// their thửa number, land-use code and printed area read by OCR, each with a
// confidence and the reasons a person should look at it.
//
// How: the scan is read in strips into 8 bits, lighting is flattened (divide
// by a blurred background), binarised with a local (Sauvola-like) threshold
// and despeckled. Glyph-sized components are label text, the rest linework;
// broken lines are closed with directional closings up to the gap tolerance.
// Background regions of the linework are the parcel seeds; every other pixel
// goes to its nearest seed (a discrete Voronoi partition through the
// distance transform), so the boundary between two seeds runs along the line
// centre, dangles, crosses and text inside a parcel vanish by construction,
// and neighbours share one boundary. The pixel cracks between seeds become
// edges between junctions, simplified with topology preserved, sent through
// the georeference, noded with the exact sheet frame and polygonized by GEOS:
// a coverage with identical shared vertices.
#pragma once

#include "georef/gcp_set.h"
#include "georef/transform.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vnland::vectorize {

struct VectorizeOptions {
    std::string sheetId;          // số hiệu mảnh; the frame clips the parcels
    int scale = 1000;             // map scale denominator
    /// Georeference: GCPs + transform, or (when gcps is empty) the raster's geotransform.
    georef::GcpSet gcps;
    georef::TransformType transform = georef::TransformType::Affine;
    int epsg = 0;                 // 0 = from the .points CRS or the raster, else 5899
    double gapMm = 1.0;           // broken linework closed up to this gap (paper mm)
    double simplifyMm = 0.1;      // simplification tolerance (paper mm); at least one pixel is used
    double minFaceMm2 = 4.0;      // background regions smaller than this are not parcels (paper mm²)
    double glyphMaxMm = 3.6;      // components smaller than this (both sides) are text or symbols
    double frameInsetMm = 0.5;    // seeds start this far inside the frame line
    bool ocr = true;              // read labels with Tesseract
    std::string ocrDataPath;      // tessdata folder; empty = Tesseract's default
    int threads = 2;              // OCR workers
    std::string areaScheme = "formula_0.0004"; // schemas/area_tolerance.csv scheme for the area check
    double smallFaceM2 = 0;       // 0 = 4 mm² of paper
    int stripRows = 1024;         // raster read in strips of this many rows
    /// Called now and then with 0…1 and the stage; set *cancel to stop (the result is then cancelled).
    std::function<void(double, const std::string &)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

/// One field read from a label, with the OCR confidence (0…1).
struct LabelField {
    std::string text;
    double confidence = 0;
    /// Read again with only the letters of the codes it nearly matched (a guess to review).
    bool guessed = false;
};

struct Candidate {
    std::vector<unsigned char> wkb;   // polygon, project CRS
    double area = 0;                  // m² of the polygon
    std::optional<int> thuaSo;
    std::string landuseCode;
    std::optional<double> labelArea;
    double confidence = 0;            // the lowest field confidence (0 without a label)
    std::vector<std::string> review;  // reasons: no_label, unknown_code, area_mismatch, …
    LabelField numberField, codeField, areaField; // raw OCR
    double labelPixelX = -1, labelPixelY = -1;    // where the label was found (scan pixels)
    std::string reviewText() const;
};

struct StageTime {
    std::string stage;
    double seconds = 0;
};

struct VectorizeResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;                // names the file and the reason
    int epsg = 0;
    int width = 0, height = 0;
    double lineWidthPx = 0;           // estimated linework width
    double pxPerMm = 0;               // scan resolution on paper
    std::vector<Candidate> candidates;
    int labelBlocks = 0;              // label blocks found
    int labelsOutsideFaces = 0;       // label blocks that fell in no candidate
    std::vector<int> missingNumbers;  // gaps in 1…max thửa number
    std::vector<int> duplicateNumbers;
    std::vector<StageTime> timings;
    int needReview() const;
};

VectorizeResult vectorizeScan(const std::string &scanPath, const VectorizeOptions &options);

/// Writes candidates to any OGR vector format (by extension or @p driver):
/// one polygon layer, fields thua_so, landuse_code, label_area, confidence, review.
bool writeCandidates(const VectorizeResult &result, const std::string &path, const std::string &driver,
                     std::string *error = nullptr);

/// JSON report: counts, timings, every flagged candidate with its reasons.
std::string reportJson(const VectorizeResult &result, const std::string &scanPath);

} // namespace vnland::vectorize
