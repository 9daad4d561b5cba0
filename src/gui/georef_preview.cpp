// Scan reading and the quick preview warp of the georeferencing window.
#include "gui/georef_preview.h"

#include "georef/warp.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace vnland::gui {

ScanImage readScanImage(const QString &path, int maxSide, QString *error)
{
    ScanImage out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
        return out;
    }
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    const int bands = ds->GetRasterCount();
    if (w <= 0 || h <= 0 || bands <= 0) {
        if (error)
            *error = QStringLiteral("%1: not a raster image").arg(path);
        return out;
    }
    const double f = std::max(1.0, std::max(w, h) / double(maxSide));
    const int bw = std::max(1, int(std::lround(w / f))), bh = std::max(1, int(std::lround(h / f)));
    GDALRasterBand *b1 = ds->GetRasterBand(1);
    const bool palette = b1->GetColorInterpretation() == GCI_PaletteIndex && b1->GetColorTable();
    if (bands >= 3 || palette) {
        QImage img(bw, bh, QImage::Format_RGB32);
        std::vector<uint8_t> buf(size_t(bw) * bh);
        if (palette) {
            if (b1->RasterIO(GF_Read, 0, 0, w, h, buf.data(), bw, bh, GDT_Byte, 0, 0) != CE_None)
                return out;
            const GDALColorTable *ct = b1->GetColorTable();
            for (int y = 0; y < bh; ++y)
                for (int x = 0; x < bw; ++x) {
                    const GDALColorEntry *e = ct->GetColorEntry(buf[size_t(y) * bw + x]);
                    img.setPixel(x, y, e ? qRgb(e->c1, e->c2, e->c3) : qRgb(0, 0, 0));
                }
        } else {
            for (int band = 1; band <= 3; ++band) {
                if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, buf.data(), bw, bh, GDT_Byte, 0, 0) != CE_None)
                    return out;
                const int shift = 8 * (3 - band);
                for (int y = 0; y < bh; ++y) {
                    auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
                    for (int x = 0; x < bw; ++x)
                        line[x] = (band == 1 ? 0xff000000u : line[x]) | (uint32_t(buf[size_t(y) * bw + x]) << shift);
                }
            }
        }
        out.image = img;
    } else {
        QImage img(bw, bh, QImage::Format_Grayscale8);
        if (b1->RasterIO(GF_Read, 0, 0, w, h, img.bits(), bw, bh, GDT_Byte, 1, img.bytesPerLine()) != CE_None) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
            return out;
        }
        out.image = img;
    }
    out.fullSize = QSize(w, h);
    return out;
}

PreviewImage renderPreview(const QImage &scan, const QSize &fullSize, const georef::TransformModel &model, int maxSide,
                           const std::atomic<bool> *cancel)
{
    PreviewImage out;
    if (scan.isNull() || fullSize.isEmpty())
        return out;
    // Extent of the warped scan at the scan's resolution, then coarsened.
    const georef::OutputGrid full = georef::outputGrid(fullSize.width(), fullSize.height(), model, 0);
    const double extW = full.width * full.geoTransform[1], extH = full.height * std::abs(full.geoTransform[5]);
    if (!(extW > 0) || !(extH > 0) || !std::isfinite(extW) || !std::isfinite(extH))
        return out;
    // A wild fit (e.g. a polynomial through few points) can blow the outline up.
    const double scanDiag = std::hypot(fullSize.width(), fullSize.height()) * std::abs(full.geoTransform[1]);
    if (std::max(extW, extH) > 20 * scanDiag)
        return out;
    const double px = std::max(extW, extH) / maxSide;
    const int w = std::max(1, int(std::ceil(extW / px))), h = std::max(1, int(std::ceil(extH / px)));
    const double x0 = full.geoTransform[0], y0 = full.geoTransform[3];

    QImage img(w, h, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    const QImage src = scan.format() == QImage::Format_RGB32 ? scan : scan.convertToFormat(QImage::Format_RGB32);
    const double sx = src.width() / double(fullSize.width()), sy = src.height() / double(fullSize.height());
    // The inverse is evaluated on a coarse lattice and interpolated in between,
    // as GDAL's approximating transformer does.
    constexpr int kStep = 4;
    const int gw = w / kStep + 2, gh = h / kStep + 2;
    std::vector<georef::PointD> lattice(size_t(gw) * gh);
    for (int j = 0; j < gh; ++j) {
        if (cancel && cancel->load())
            return {};
        for (int i = 0; i < gw; ++i)
            lattice[size_t(j) * gw + i] = model.inverse({x0 + (i * kStep + 0.5) * px, y0 - (j * kStep + 0.5) * px});
    }
    for (int y = 0; y < h; ++y) {
        if (cancel && (y & 63) == 0 && cancel->load())
            return {};
        const int j = y / kStep;
        const double fy = (y % kStep) / double(kStep);
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int i = x / kStep;
            const double fx = (x % kStep) / double(kStep);
            const auto &a = lattice[size_t(j) * gw + i], &b = lattice[size_t(j) * gw + i + 1];
            const auto &c = lattice[size_t(j + 1) * gw + i], &d = lattice[size_t(j + 1) * gw + i + 1];
            const double cx = (a.x * (1 - fx) + b.x * fx) * (1 - fy) + (c.x * (1 - fx) + d.x * fx) * fy;
            const double cy = (a.y * (1 - fx) + b.y * fx) * (1 - fy) + (c.y * (1 - fx) + d.y * fx) * fy;
            if (!(cx >= 0 && cy >= 0 && cx < fullSize.width() && cy < fullSize.height()))
                continue;
            const int ix = std::min(src.width() - 1, int(cx * sx)), iy = std::min(src.height() - 1, int(cy * sy));
            line[x] = reinterpret_cast<const QRgb *>(src.constScanLine(iy))[ix];
        }
    }
    out.image = img;
    out.extent = QRectF(QPointF(x0, y0 - h * px), QSizeF(w * px, h * px));
    return out;
}

} // namespace vnland::gui
