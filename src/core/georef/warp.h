// Outputs of georeferencing: a warped GeoTIFF in the project CRS through
// GDAL's warper (multi-threaded, resampling choice, DEFLATE/LZW, internal
// overviews, alpha or no-data, progress and cancel), a VRT that attaches the
// georeferencing without resampling, and a world file for the affine family.
// The warper uses our fitted transform (wrapped in GDAL's approximating
// transformer), so the raster matches the residuals the officer accepted.
#pragma once

#include "georef/gcp_set.h"
#include "georef/transform.h"

#include <array>
#include <functional>
#include <optional>
#include <string>

namespace vnland::georef {

enum class Resampling { Nearest, Bilinear, Cubic, CubicSpline, Lanczos };
std::optional<Resampling> parseResampling(const std::string &name);
const char *resamplingId(Resampling r);

struct WarpOptions {
    int epsg = 5899;                    // CRS written to the output
    Resampling resampling = Resampling::Bilinear;
    std::string compression = "DEFLATE"; // DEFLATE, LZW or NONE
    bool overviews = true;              // internal overviews (2, 4, 8 … down to < 256 px)
    bool alpha = true;                  // alpha band; otherwise @ref noData marks the outside
    double noData = 0;
    double pixelSize = 0;               // output resolution in map units; 0 = the scan's own
    std::string threads = "ALL_CPUS";   // GDAL NUM_THREADS
    double maxErrorPx = 0.125;          // approximation error of the transformer (gdalwarp's default)
    /// Called with 0…1; return false to cancel (the partial file is removed).
    std::function<bool(double)> progress;
};

struct WarpResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    int width = 0, height = 0;
    std::array<double, 6> geoTransform{};
    double seconds = 0;
};

/// Warps @p scanPath into @p outPath (GeoTIFF). Needs GDALAllRegister() done.
WarpResult warpScan(const std::string &scanPath, const TransformModel &model, const std::string &outPath,
                    const WarpOptions &options);

/// Output grid for a warp: the scan's outline sent through @p model, at
/// @p pixelSize (0 = the scan's mean pixel size). Returns {geotransform, w, h}.
struct OutputGrid {
    std::array<double, 6> geoTransform{};
    int width = 0, height = 0;
};
OutputGrid outputGrid(int scanWidth, int scanHeight, const TransformModel &model, double pixelSize = 0);

/// A VRT pointing at the scan with the georeferencing attached, no resampling:
/// a geotransform for the affine family, otherwise the enabled GCPs (GDAL then
/// applies a polynomial of the right order, or TPS with its metadata).
bool writeGeoreferencedVrt(const std::string &scanPath, const GcpSet &gcps, const TransformModel &model, int epsg,
                           const std::string &vrtPath, std::string *error = nullptr);

/// World file next to @p imagePath (.tfw/.pgw/.jgw …) for Linear/Helmert/Affine.
/// Origin = centre of the upper-left pixel (the world-file convention).
/// Returns the path written, or empty + @p error.
std::string writeWorldFile(const std::string &imagePath, const TransformModel &model, std::string *error = nullptr);
std::string worldFilePath(const std::string &imagePath);

} // namespace vnland::georef
