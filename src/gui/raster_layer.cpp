// Raster layer probing and rendering through GDAL.
#include "gui/raster_layer.h"

#include "crs/transformer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>

#include <gdal_priv.h>

#include <cmath>
#include <vector>

namespace vnland::gui {

std::optional<RasterSource> probeRaster(const QString &path, int projectEpsg, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    };
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        return fail(QCoreApplication::translate("vnland::gui::RasterLayer", "cannot read the raster (%1)")
                        .arg(QString::fromUtf8(CPLGetLastErrorMsg())));
    RasterSource s;
    s.path = path;
    s.name = QFileInfo(path).fileName();
    s.width = ds->GetRasterXSize();
    s.height = ds->GetRasterYSize();
    s.bands = ds->GetRasterCount();
    if (s.bands < 1)
        return fail(QCoreApplication::translate("vnland::gui::RasterLayer", "the file has no raster bands"));
    s.overviews = ds->GetRasterBand(1)->GetOverviewCount();
    if (ds->GetGeoTransform(s.geoTransform.data()) != CE_None)
        return fail(QCoreApplication::translate("vnland::gui::RasterLayer",
                                                "the raster has no georeference; georeference the scan first"));
    const auto &g = s.geoTransform;
    if (g[2] != 0 || g[4] != 0 || g[1] <= 0 || g[5] >= 0)
        return fail(QCoreApplication::translate("vnland::gui::RasterLayer",
                                                "the raster is rotated; warp it to the project CRS first"));
    if (const OGRSpatialReference *srs = ds->GetSpatialRef()) {
        char *wkt = nullptr;
        srs->exportToWkt(&wkt);
        const std::string def = wkt ? wkt : "";
        CPLFree(wkt);
        const auto crs = crs::createCrs(def);
        const int epsg = crs ? crs::identifyEpsg(crs.get()) : 0;
        if (epsg != 0 && epsg != projectEpsg)
            return fail(QCoreApplication::translate("vnland::gui::RasterLayer",
                                                    "the raster is in EPSG:%1, the project in EPSG:%2; warp it first")
                            .arg(epsg)
                            .arg(projectEpsg));
    }
    s.extent = QRectF(QPointF(g[0], g[3] + g[5] * s.height), QPointF(g[0] + g[1] * s.width, g[3]));
    return s;
}

namespace {
int cancelProgress(double, const char *, void *arg)
{
    return static_cast<std::atomic_bool *>(arg)->load() ? FALSE : TRUE;
}
} // namespace

QImage renderRaster(const RasterSource &src, const MapView &view, const CancelFlag &cancel)
{
    QImage img(QSize(int(std::ceil(view.size.width() * view.dpr)), int(std::ceil(view.size.height() * view.dpr))),
               QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(view.dpr);
    img.fill(Qt::transparent);
    const QRectF vis = view.visibleWorld().intersected(src.extent);
    if (vis.isEmpty())
        return img;
    GDALDatasetUniquePtr ds(GDALDataset::Open(src.path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds || cancel->load())
        return {};
    const auto &g = src.geoTransform;
    // Source window in raster pixels, target rectangle in device pixels.
    const double px0 = std::floor((vis.left() - g[0]) / g[1]), px1 = std::ceil((vis.right() - g[0]) / g[1]);
    const double py0 = std::floor((vis.bottom() - g[3]) / g[5]), py1 = std::ceil((vis.top() - g[3]) / g[5]);
    const int x0 = std::max(0, int(px0)), y0 = std::max(0, int(py0));
    const int x1 = std::min(src.width, int(px1)), y1 = std::min(src.height, int(py1));
    if (x1 <= x0 || y1 <= y0)
        return img;
    const QPointF tl = view.toScreen(QPointF(g[0] + x0 * g[1], g[3] + y0 * g[5]));
    const QPointF br = view.toScreen(QPointF(g[0] + x1 * g[1], g[3] + y1 * g[5]));
    const QRectF target = QRectF(tl, br).normalized();
    // Never read more pixels than the screen shows: GDAL then uses overviews.
    const int bw = std::clamp(int(std::ceil(target.width() * view.dpr)), 1, x1 - x0);
    const int bh = std::clamp(int(std::ceil(target.height() * view.dpr)), 1, y1 - y0);
    const int nb = std::min(src.bands, 4);
    std::vector<GByte> buf(size_t(bw) * bh * nb);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = bw < x1 - x0 ? GRIORA_Average : GRIORA_NearestNeighbour;
    extra.pfnProgress = cancelProgress;
    extra.pProgressData = cancel.get();
    std::vector<int> bandList;
    for (int b = 1; b <= nb; ++b)
        bandList.push_back(b);
    if (ds->RasterIO(GF_Read, x0, y0, x1 - x0, y1 - y0, buf.data(), bw, bh, GDT_Byte, nb, bandList.data(), nb,
                     qsizetype(nb) * bw, 1, &extra)
            != CE_None
        || cancel->load())
        return {};
    // Band 1 with a colour table (palette scans) or grey, 3 = RGB, 4 = RGBA.
    GDALColorTable *ct = nb == 1 ? ds->GetRasterBand(1)->GetColorTable() : nullptr;
    QImage tile(bw, bh, QImage::Format_ARGB32);
    for (int y = 0; y < bh; ++y) {
        auto *line = reinterpret_cast<QRgb *>(tile.scanLine(y));
        const GByte *p = buf.data() + size_t(y) * bw * nb;
        for (int x = 0; x < bw; ++x, p += nb) {
            if (nb >= 3)
                line[x] = qRgba(p[0], p[1], p[2], nb == 4 ? p[3] : 255);
            else if (ct) {
                const GDALColorEntry *e = ct->GetColorEntry(p[0]);
                line[x] = e ? qRgba(e->c1, e->c2, e->c3, e->c4) : qRgb(p[0], p[0], p[0]);
            } else
                line[x] = qRgb(p[0], p[0], p[0]);
        }
    }
    QPainter painter(&img);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, bw < target.width() * view.dpr * 0.9);
    painter.drawImage(target, tile);
    return img;
}

} // namespace vnland::gui
