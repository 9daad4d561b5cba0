// A scanned-looking cadastral sheet for tests, demos and benchmarks: the
// inner frame (khung trong), grid crosses every 10 cm of paper, ticks on the
// frame, parcel lines from a vector file (or a synthetic block pattern),
// then what a scanner does: rotation, different x/y scale, mild bending,
// noise, greyscale. Drawn without text (QPainter text needs a QGuiApplication).
// The true pixel position of every grid cross is kept as a GCP set.
#pragma once

#include "crs/map_sheet_grid.h"
#include "georef/gcp_set.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vnland::georef {

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
};

struct SampleScan {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels; // row-major greyscale
    GcpSet truth;                // every grid cross: true pixel ↔ map coordinates, id "rRcC"
};

SampleScan renderSampleScan(const crs::SheetFrame &frame, const SampleScanOptions &options);

/// Polygon / line boundaries of a vector file as polylines; the file's CRS
/// must be @p epsg. Empty + @p error on failure.
std::vector<std::vector<PointD>> readLines(const std::string &vectorPath, int epsg, std::string *error = nullptr);

/// Writes PNG (by extension) or GeoTIFF-less TIFF with DEFLATE; greyscale.
bool writeScanImage(const SampleScan &scan, const std::string &path, std::string *error = nullptr);

} // namespace vnland::georef
