// GDAL raster layers (scanned maps, warped GeoTIFFs) on the canvas. A render
// job opens its own dataset handle (one dataset per thread) and reads only the
// visible window at the on-screen size, so GDAL serves it from overviews.
#pragma once

#include "gui/map_settings.h"

#include <QImage>
#include <QRectF>
#include <QString>

#include <array>
#include <optional>

namespace vnland::gui {

struct RasterSource {
    QString path;
    QString name;
    int width = 0, height = 0, bands = 0;
    int overviews = 0;
    std::array<double, 6> geoTransform{};
    QRectF extent;   // project coordinates
};

/// Reads size, geotransform and CRS. Refuses rasters that are not north-up or
/// whose CRS is known and differs from @p projectEpsg (they must be georeferenced first).
std::optional<RasterSource> probeRaster(const QString &path, int projectEpsg, QString *error);

/// Renders the visible part of @p src for @p view; null image when cancelled or unreadable.
QImage renderRaster(const RasterSource &src, const MapView &view, const CancelFlag &cancel);

} // namespace vnland::gui
