// Helpers of the georeferencing window that touch pixels: reading a scan
// (reduced for display when large) and the quick low-resolution warp that
// previews the georeferenced scan on the main map after every GCP change.
// The real warp is georef::warpScan (GDAL's warper); this preview only has to
// be fast and roughly right.
#pragma once

#include "georef/transform.h"

#include <QImage>
#include <QRectF>
#include <QString>

#include <atomic>

namespace vnland::gui {

struct ScanImage {
    QImage image;     // reduced copy (long side ≤ maxSide), Grayscale8 or RGB32
    QSize fullSize;   // pixels of the scan itself
};

/// Reads @p path through GDAL (PNG, TIFF, JPEG …) at most @p maxSide pixels on the
/// long side. Null image + @p error on failure.
ScanImage readScanImage(const QString &path, int maxSide, QString *error);

struct PreviewImage {
    QImage image;     // ARGB32, transparent outside the scan
    QRectF extent;    // project coordinates
};

/// Resamples @p scan (a reduced copy of a @p fullSize scan) through @p model
/// into at most @p maxSide pixels on the long side. Null image when the
/// transform sends the scan somewhere unreasonable or @p cancel is set.
PreviewImage renderPreview(const QImage &scan, const QSize &fullSize, const georef::TransformModel &model, int maxSide,
                           const std::atomic<bool> *cancel = nullptr);

} // namespace vnland::gui
