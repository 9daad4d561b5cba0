// Immutable snapshot of what a render job draws: view, layer switches and the
// shared read-only data. Copied by value into each worker.
#pragma once

#include "gui/map_source.h"

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

#include <atomic>
#include <memory>

namespace vnland::gui {

enum class MapLayer { Parcels = 0, SheetFrames, Grid, Count };

struct MapView {
    QPointF center;            // world (x = easting / Y đông, y = northing / X bắc)
    double mpp = 1.0;          // metres per logical pixel
    QSize size;                // logical pixels
    double dpr = 1.0;

    QPointF toScreen(const QPointF &w) const
    {
        return {(w.x() - center.x()) / mpp + size.width() / 2.0, size.height() / 2.0 - (w.y() - center.y()) / mpp};
    }
    QPointF toWorld(const QPointF &s) const
    {
        return {center.x() + (s.x() - size.width() / 2.0) * mpp, center.y() - (s.y() - size.height() / 2.0) * mpp};
    }
    QRectF visibleWorld() const
    {
        const QPointF a = toWorld({0, 0}), b = toWorld({double(size.width()), double(size.height())});
        return QRectF(a, b).normalized();
    }
    bool operator==(const MapView &o) const
    {
        return center == o.center && mpp == o.mpp && size == o.size && dpr == o.dpr;
    }
};

struct MapSettings {
    MapView view;
    bool showLabels = true;
    /// Parcel fill opacity 0…255: see-through over a visible scan, so the paper shows.
    int parcelFillAlpha = 255;
    /// Fill opacity the canvas uses while a scan is visible under the parcels.
    static constexpr int kFillAlphaOverRaster = 90;
    std::shared_ptr<const ParcelGeometry> geometry;
    std::shared_ptr<const ParcelRenderAttrs> attrs;
    std::shared_ptr<const SheetOutlines> sheets;
};

using CancelFlag = std::shared_ptr<std::atomic_bool>;

/// Renders one layer into an image of view.size * dpr (worker thread safe:
/// only QImage/QPainter, no widgets, no pixmaps). Returns a null image when cancelled.
QImage renderLayer(MapLayer layer, const MapSettings &settings, const CancelFlag &cancel);

/// Grid step (metres) so that lines are at least @p minPixels apart.
double gridStep(double mpp, double minPixels);

} // namespace vnland::gui
