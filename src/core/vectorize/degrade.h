// Degraded copies of a scan for tests and benchmarks of the vectorizer: what
// old paper and cheap scanning do to a cadastral sheet — faded ink, uneven
// light, blur, noise, broken lines, specks and a JPEG round trip. Seeded and
// deterministic.
#pragma once

#include <cstdint>
#include <vector>

namespace vnland::vectorize {

struct DegradeOptions {
    unsigned seed = 7;
    double blurPx = 0.8;          // Gaussian σ (0 = none)
    double noise = 10;            // grey-level noise σ
    double fade = 0.35;           // ink lightened by this share (0 = none, 1 = gone)
    double lightRange = 70;       // uneven light: darkest corner this many grey levels below the brightest
    int breaks = 400;             // white breaks of @ref breakMm across inked pixels
    double breakMm = 0.45;
    int specks = 3000;            // black specks of up to @ref speckMm
    double speckMm = 0.25;
    int jpegQuality = 0;          // JPEG round trip at this quality (0 = none); needs imgcodecs, so done by GDAL
    double pxPerMm = 150 / 25.4;
};

/// Degrades a row-major 8-bit grey image in place.
void degradeScan(std::vector<uint8_t> &pixels, int width, int height, const DegradeOptions &options);

} // namespace vnland::vectorize
