// Rendering of the scanned-looking sample sheet.
#include "georef/sample_scan.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <random>

namespace vnland::georef {

namespace {

/// Scanner geometry: continuous scan pixel (u, v) → paper millimetres.
struct ScanGeometry {
    double w = 0, h = 0;       // scan size, pixels
    double paperW = 0, paperH = 0;
    double mmPerPx = 0, cosA = 1, sinA = 0, sx = 1, sy = 1, bend = 0;

    PointD paper(PointD p) const
    {
        const double a = (p.x - w / 2) * mmPerPx * sx, b = (p.y - h / 2) * mmPerPx * sy;
        double x = cosA * a - sinA * b, y = sinA * a + cosA * b;
        const double hx = paperW / 2, hy = paperH / 2;
        x += bend * (y / hy) * (y / hy);
        y += bend * 0.6 * (x / hx) * (x / hx);
        return {x + hx, y + hy};
    }
    /// Inverse by Newton iteration with a numeric Jacobian (the map is nearly affine).
    PointD pixel(PointD target) const
    {
        PointD p{w / 2, h / 2};
        for (int it = 0; it < 30; ++it) {
            const PointD f = paper(p), fx = paper({p.x + 1, p.y}), fy = paper({p.x, p.y + 1});
            const double j00 = fx.x - f.x, j01 = fy.x - f.x, j10 = fx.y - f.y, j11 = fy.y - f.y;
            const double det = j00 * j11 - j01 * j10, ex = target.x - f.x, ey = target.y - f.y;
            const double du = (j11 * ex - j01 * ey) / det, dv = (-j10 * ex + j00 * ey) / det;
            p.x += du, p.y += dv;
            if (std::abs(du) + std::abs(dv) < 1e-10)
                break;
        }
        return p;
    }
};

} // namespace

SampleScan renderSampleScan(const crs::SheetFrame &frame, const SampleScanOptions &o)
{
    const double scale = frame.scale;
    const double frameMm = frame.size() / scale * 1000; // 500 mm for any standard sheet
    const double paperMm = frameMm + 2 * o.marginMm;
    // Ideal paper at twice the scan resolution, drawn with anti-aliasing.
    const int over = o.oversample >= 2 ? 2 : 1;
    const double pxPerMm = over * o.dpi / 25.4;
    const int idealSize = static_cast<int>(std::ceil(paperMm * pxPerMm));
    QImage ideal(idealSize, idealSize, QImage::Format_Grayscale8);
    ideal.fill(255);
    {
        QPainter p(&ideal);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(pxPerMm, pxPerMm); // paint in paper millimetres
        auto mapToPaper = [&](PointD m) {
            return QPointF(o.marginMm + (m.x - frame.minEast) / scale * 1000,
                           o.marginMm + (frame.maxNorth - m.y) / scale * 1000);
        };
        // Parcel lines (0.15 mm), clipped to the inner frame.
        p.save();
        p.setClipRect(QRectF(o.marginMm, o.marginMm, frameMm, frameMm));
        p.setPen(QPen(QColor(40, 40, 40), 0.15));
        if (!o.lines.empty()) {
            for (const auto &line : o.lines) {
                QPainterPath path;
                for (size_t i = 0; i < line.size(); ++i)
                    i ? path.lineTo(mapToPaper(line[i])) : path.moveTo(mapToPaper(line[i]));
                p.drawPath(path);
            }
        } else {
            // Synthetic blocks: streets every ~70 m, lots every ~18 m, slightly skewed.
            std::mt19937 rng(o.seed);
            std::uniform_real_distribution<double> jitter(-4, 4);
            for (double e = frame.minEast + 35; e < frame.maxEast; e += 70)
                for (double n = frame.minNorth + 30; n < frame.maxNorth; n += 60) {
                    const double e0 = e + jitter(rng), n0 = n + jitter(rng);
                    QPainterPath block;
                    block.moveTo(mapToPaper({e0, n0}));
                    block.lineTo(mapToPaper({e0 + 50, n0 + 1}));
                    block.lineTo(mapToPaper({e0 + 51, n0 + 42}));
                    block.lineTo(mapToPaper({e0 - 1, n0 + 41}));
                    block.closeSubpath();
                    p.drawPath(block);
                    for (double k = 12; k < 50; k += 12 + jitter(rng) / 2)
                        p.drawLine(mapToPaper({e0 + k, n0 + k / 50}), mapToPaper({e0 + k + 0.5, n0 + 41 + k / 50}));
                }
        }
        p.restore();
        // Inner frame 0.3 mm, outer frame 1 mm at 12 mm outside.
        p.setPen(QPen(Qt::black, 0.3));
        p.drawRect(QRectF(o.marginMm, o.marginMm, frameMm, frameMm));
        p.setPen(QPen(Qt::black, 1.0));
        p.drawRect(QRectF(o.marginMm - 12, o.marginMm - 12, frameMm + 24, frameMm + 24));
        // Grid crosses (10 mm arms total) and frame ticks (5 mm inwards), 0.2 mm.
        p.setPen(QPen(Qt::black, 0.2));
        for (const auto &c : crs::gridCrosses(frame)) {
            const QPointF q = mapToPaper({c.east, c.north});
            if (!c.onFrame) {
                p.drawLine(q - QPointF(5, 0), q + QPointF(5, 0));
                p.drawLine(q - QPointF(0, 5), q + QPointF(0, 5));
            } else {
                const bool left = std::abs(c.east - frame.minEast) < 1e-6, right = std::abs(c.east - frame.maxEast) < 1e-6;
                const bool top = std::abs(c.north - frame.maxNorth) < 1e-6, bottom = std::abs(c.north - frame.minNorth) < 1e-6;
                if (left && !top && !bottom)
                    p.drawLine(q, q + QPointF(5, 0));
                if (right && !top && !bottom)
                    p.drawLine(q, q - QPointF(5, 0));
                if (top && !left && !right)
                    p.drawLine(q, q + QPointF(0, 5));
                if (bottom && !left && !right)
                    p.drawLine(q, q - QPointF(0, 5));
            }
        }
    }

    SampleScan scan;
    const double mmPerPx = 25.4 / o.dpi;
    scan.width = static_cast<int>(std::round(paperMm / mmPerPx * 0.985));
    scan.height = static_cast<int>(std::round(paperMm / mmPerPx * 0.985));
    ScanGeometry g;
    g.w = scan.width, g.h = scan.height, g.paperW = paperMm, g.paperH = paperMm, g.mmPerPx = mmPerPx;
    g.cosA = std::cos(o.rotationDeg * M_PI / 180), g.sinA = std::sin(o.rotationDeg * M_PI / 180);
    g.sx = o.scaleX, g.sy = o.scaleY, g.bend = o.bendMm;
    scan.pixels.assign(static_cast<size_t>(scan.width) * scan.height, 255);
    std::mt19937 rng(o.seed);
    std::normal_distribution<double> noise(0, o.noise > 0 ? o.noise : 1);
    const uchar *bits = ideal.constBits();
    const qsizetype stride = ideal.bytesPerLine();
    // Each scan pixel integrates a 2×2 ideal footprint (bilinear at its centre, then a box of 4 samples).
    for (int j = 0; j < scan.height; ++j)
        for (int i = 0; i < scan.width; ++i) {
            double sum = 0;
            const double offs2[2] = {-0.25, 0.25}, offs1[1] = {0.0};
            const double *offs = over == 2 ? offs2 : offs1;
            const int nOffs = over == 2 ? 2 : 1;
            for (int a = 0; a < nOffs; ++a)
                for (int b = 0; b < nOffs; ++b) {
                    const double du = offs[a], dv = offs[b];
                    const PointD pm = g.paper({i + 0.5 + du, j + 0.5 + dv});
                    const double x = pm.x * pxPerMm - 0.5, y = pm.y * pxPerMm - 0.5;
                    const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
                    if (x0 < 0 || y0 < 0 || x0 + 1 >= idealSize || y0 + 1 >= idealSize) {
                        sum += 255;
                        continue;
                    }
                    const double fx = x - x0, fy = y - y0;
                    const uchar *r0 = bits + y0 * stride + x0, *r1 = r0 + stride;
                    sum += (1 - fy) * ((1 - fx) * r0[0] + fx * r0[1]) + fy * ((1 - fx) * r1[0] + fx * r1[1]);
                }
            // Paper is not white: 235 background, ink ~40, plus noise.
            double v = 235 - (255 - sum / (nOffs * nOffs)) * (195.0 / 255);
            if (o.noise > 0)
                v += noise(rng);
            int q = static_cast<int>(std::lround(v / o.quantStep)) * o.quantStep;
            scan.pixels[static_cast<size_t>(j) * scan.width + i] = static_cast<uint8_t>(std::clamp(q, 0, 255));
        }
    for (const auto &c : crs::gridCrosses(frame)) {
        const PointD paperPt{o.marginMm + (c.east - frame.minEast) / scale * 1000,
                             o.marginMm + (frame.maxNorth - c.north) / scale * 1000};
        const PointD px = g.pixel(paperPt);
        Gcp gcp;
        gcp.mapX = c.east;
        gcp.mapY = c.north;
        gcp.pixelX = px.x;
        gcp.pixelY = px.y;
        gcp.id = "r" + std::to_string(c.row) + "c" + std::to_string(c.col);
        scan.truth.add(gcp);
    }
    return scan;
}

std::vector<std::vector<PointD>> readLines(const std::string &path, int epsg, std::string *error)
{
    std::vector<std::vector<PointD>> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        if (error)
            *error = path + ": cannot open the vector file";
        return out;
    }
    for (OGRLayer *layer : ds->GetLayers()) {
        const OGRSpatialReference *srs = layer->GetSpatialRef();
        OGRSpatialReference want;
        want.importFromEPSG(epsg);
        if (srs && !srs->IsSame(&want)) {
            const char *code = srs->GetAuthorityCode(nullptr);
            if (!code || std::atoi(code) != epsg) {
                if (error)
                    *error = path + ": layer " + layer->GetName() + " is not in EPSG:" + std::to_string(epsg);
                return {};
            }
        }
        for (auto &f : *layer) {
            const OGRGeometry *geom = f->GetGeometryRef();
            if (!geom)
                continue;
            std::unique_ptr<OGRGeometry> boundary(geom->Boundary());
            if (!boundary)
                continue;
            auto addCurve = [&](const OGRLineString *ls) {
                std::vector<PointD> line;
                for (int i = 0; i < ls->getNumPoints(); ++i)
                    line.push_back({ls->getX(i), ls->getY(i)});
                out.push_back(std::move(line));
            };
            const auto type = wkbFlatten(boundary->getGeometryType());
            if (type == wkbLineString)
                addCurve(boundary->toLineString());
            else if (type == wkbMultiLineString)
                for (const auto *ls : *boundary->toMultiLineString())
                    addCurve(ls);
        }
    }
    return out;
}

bool writeScanImage(const SampleScan &scan, const std::string &path, std::string *error)
{
    const std::string ext = std::filesystem::path(path).extension().string();
    const bool png = ext == ".png" || ext == ".PNG";
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", scan.width, scan.height, 1, GDT_Byte, nullptr));
    if (!ds || ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, scan.width, scan.height,
                                                const_cast<uint8_t *>(scan.pixels.data()), scan.width, scan.height,
                                                GDT_Byte, 0, 0)
                   != CE_None) {
        if (error)
            *error = path + ": cannot build the image";
        return false;
    }
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(png ? "PNG" : "GTiff");
    CPLStringList co;
    if (png)
        co.SetNameValue("ZLEVEL", "9");
    else {
        co.SetNameValue("COMPRESS", "DEFLATE");
        co.SetNameValue("PREDICTOR", "2");
        co.SetNameValue("TILED", "YES");
        co.SetNameValue("BIGTIFF", "IF_SAFER");
        co.SetNameValue("ZLEVEL", "6");
    }
    GDALDatasetUniquePtr out(drv->CreateCopy(path.c_str(), ds.get(), FALSE, co.List(), nullptr, nullptr));
    if (!out) {
        if (error)
            *error = path + ": cannot write the image";
        return false;
    }
    // PNG writes an .aux.xml for nothing; nothing was set, so none is left behind.
    return true;
}

} // namespace vnland::georef
