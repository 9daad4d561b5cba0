// A scanned-looking cadastral sheet for tests, demos and benchmarks: the
// inner frame (khung trong), grid crosses every 10 cm of paper, ticks on the
// frame, parcel lines from a vector file (or a synthetic block pattern),
// then what a scanner does: rotation, different x/y scale, mild bending,
// noise, greyscale. Optionally (SampleScanOptions::realistic) what real paper
// and scanners do besides: shrink different in x and y, scanner skew,
// polynomial-2-like bending plus a local wobble that no low-order polynomial
// follows, optical blur, uneven paper tone, noise and a JPEG round trip.
// With a QGuiApplication the sheet also carries its text:
// title block (BẢN ĐỒ ĐỊA CHÍNH, commune/district/province, tờ số, sheet id,
// scale), km values of the grid lines between inner and outer frame, and per
// parcel its thửa number over its land-use code (and area when it fits), in
// DejaVu Sans; labels keep clear of the grid crosses so detection is not
// disturbed. Without a QGuiApplication no text is drawn.
// The true pixel position of every grid cross is kept as a GCP set.
#pragma once

#include "crs/map_sheet_grid.h"
#include "georef/gcp_set.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vnland::georef {

/// One parcel's label: where (the pole of inaccessibility, map coordinates)
/// and what.
struct SampleParcelLabel {
    PointD at;              // label point inside the parcel (x = east, y = north)
    double roomM = 0;       // radius of the largest inscribed circle there, metres
    std::string number;     // thửa số
    std::string landuse;    // land-use code (ONT, LUC …)
    double area = 0;        // m², 0 = unknown
    int sheetNo = 0;        // tờ số of the parcel, 0 = unknown
};

/// Text of the title block; empty fields are left out.
struct SampleSheetTitle {
    std::string commune;    // "Xã Cô Tô"
    std::string district;   // "Huyện Cô Tô"
    std::string province;   // "Tỉnh Quảng Ninh"
    int sheetNo = 0;        // tờ số; 0 = most common tờ of the labelled parcels
    std::string communeCode; // most common commune code of the parcels file (not drawn)
};

/// Non-affine paper and scanner distortion of a real sheet (off by default:
/// the bundled sample scan and everything built on it stay as they are).
/// Magnitudes are paper millimetres; the directions of the bending and the
/// wobble come from SampleScanOptions::seed.
struct RealisticDistortion {
    bool enabled = false;
    double shrinkX = 0.9962;     // paper shrink along the scanner's x / y (replaces scaleX / scaleY)
    double shrinkY = 0.9931;
    double skewDeg = 0.12;       // scanner skew: the carriage is not square to the sensor line
    double bendMm = 1.2;         // polynomial-2-like bending, displacement at the sheet corners
    double wobbleMm = 0.10;      // local wobble amplitude (humidity, folds)
    double wobbleWavelengthMm = 140;
    double blurPx = 0.7;         // optical blur, Gaussian σ in scan pixels
    double toneLevels = 10;      // uneven paper tone (grey levels, slow)
    int jpegQuality = 70;        // JPEG round trip of the pixels at this quality (0 = none)
};

struct SampleScanOptions {
    double dpi = 150;
    double marginMm = 40;       // paper outside the inner frame
    double rotationDeg = 0.7;
    double scaleX = 1.004;      // paper stretch along the scanner's x / y
    double scaleY = 0.997;
    double bendMm = 0.35;       // mild bending at the sheet edges
    double noise = 4;           // grey-level noise (σ)
    int quantStep = 8;          // grey levels are multiples of this (keeps files small)
    unsigned seed = 2029;
    int oversample = 2;         // ideal paper drawn at this multiple of the scan resolution (1 or 2)
    /// Parcel lines in map coordinates (x = east, y = north); empty → synthetic blocks.
    std::vector<std::vector<PointD>> lines;
    /// Parcel labels (need a QGuiApplication, like every text).
    std::vector<SampleParcelLabel> labels;
    SampleSheetTitle title;
    bool text = true;           // draw text when a QGuiApplication exists
    double crossClearanceMm = 8; // no parcel label closer than this (paper) to a grid cross
    RealisticDistortion realistic;
};

/// Options for a sheet as a real 300 dpi scan of aged paper comes out of
/// the scanner: realistic distortion on, noise σ 5, every grey level, no oversampling.
SampleScanOptions realisticScanOptions(double dpi = 300);

/// A parcel label as drawn: its anchor in scan pixels and its box on paper.
struct DrawnLabel {
    std::string number;
    PointD pixel;               // label point in the scan (continuous pixels)
    double widthMm = 0, heightMm = 0;
    bool withArea = false;
};

struct SampleScan {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels; // row-major greyscale
    GcpSet truth;                // every grid cross: true pixel ↔ map coordinates, id "rRcC"
    bool textDrawn = false;      // false without a QGuiApplication or with options.text = false
    std::vector<DrawnLabel> labels; // parcel labels drawn
    int labelsSkipped = 0;       // parcels in the frame left unlabelled: no room, or near a grid cross / the frame
};

SampleScan renderSampleScan(const crs::SheetFrame &frame, const SampleScanOptions &options);

/// Polygon / line boundaries of a vector file as polylines; the file's CRS
/// must be @p epsg. Empty + @p error on failure.
std::vector<std::vector<PointD>> readLines(const std::string &vectorPath, int epsg, std::string *error = nullptr);

/// Parcel labels of a vector file whose CRS must be @p epsg: label point and
/// room from GEOS (maximum inscribed circle), thửa number, land-use code, area
/// and tờ through the import field mapping (Circular 75 or VNLand names).
/// @p title (optional) gets commune/district/province from the addresses and
/// the commune code, where its fields are empty.
/// Empty + @p error on failure.
std::vector<SampleParcelLabel> readParcelLabels(const std::string &vectorPath, int epsg, SampleSheetTitle *title = nullptr,
                                                std::string *error = nullptr);

/// Writes PNG, JPEG (quality 90; .jpg/.jpeg) or GeoTIFF-less TIFF with DEFLATE
/// (by extension); greyscale.
bool writeScanImage(const SampleScan &scan, const std::string &path, std::string *error = nullptr);

} // namespace vnland::georef
