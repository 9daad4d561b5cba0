// Layer renderers run on worker threads (QtConcurrent). They read the shared
// immutable data in MapSettings and poll the cancel flag every few hundred parcels.
#include "gui/map_settings.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace vnland::gui {
namespace {

QImage newImage(const MapView &v)
{
    QImage img(QSize(int(std::ceil(v.size.width() * v.dpr)), int(std::ceil(v.size.height() * v.dpr))),
               QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(v.dpr);
    img.fill(Qt::transparent);
    return img;
}

QImage renderParcels(const MapSettings &s, const CancelFlag &cancel)
{
    QImage img = newImage(s.view);
    if (!s.geometry || s.geometry->size() == 0)
        return img;
    const ParcelGeometry &g = *s.geometry;
    const ParcelRenderAttrs &a = *s.attrs;
    std::vector<uint32_t> visible;
    g.query(s.view.visibleWorld(), visible);
    if (cancel->load())
        return {};

    // Level of detail: parcels under 2 px are written as single pixels straight
    // into the buffer (taken before the painter starts; the image is not shared).
    QRgb *pixels = reinterpret_cast<QRgb *>(img.bits());
    const qsizetype stride = img.bytesPerLine() / 4;
    const int imgW = img.width(), imgH = img.height();
    const double dpr = s.view.dpr;
    QPainter p(&img);
    const bool antialias = visible.size() < 30000;
    p.setRenderHint(QPainter::Antialiasing, antialias);
    const QPen outline(QColor(90, 60, 60), 0.8);
    const QPen candidateOutline(kCandidateColor, 1.6, Qt::DashLine);
    const QBrush candidateHatch(QColor(kCandidateColor.red(), kCandidateColor.green(), kCandidateColor.blue(), 110), Qt::BDiagPattern);
    const double ox = g.origin().x(), oy = g.origin().y();
    const MapView &v = s.view;
    const double sx0 = v.size.width() / 2.0 - (v.center.x() - ox) / v.mpp;
    const double sy0 = v.size.height() / 2.0 + (v.center.y() - oy) / v.mpp;
    const double k = 1.0 / v.mpp;
    QPolygonF poly;
    QPainterPath path;
    size_t counter = 0;
    for (uint32_t i : visible) {
        if ((++counter & 255) == 0 && cancel->load())
            return {};
        const QRectF &b = g.bbox(i);
        const double wpx = b.width() * k, hpx = b.height() * k;
        if (wpx < 2.0 && hpx < 2.0) {
            const QPointF c = v.toScreen(b.center()) * dpr;
            const int x = int(c.x()), y = int(c.y());
            if (x >= 0 && y >= 0 && x < imgW && y < imgH) {
                const QRgb f = a.fill[i];
                // A little darker than the fill so dense areas read as texture.
                pixels[y * stride + x] = qRgb(qRed(f) * 3 / 4, qGreen(f) * 3 / 4, qBlue(f) * 3 / 4);
            }
            continue;
        }
        QColor fill = QColor::fromRgb(a.fill[i]);
        fill.setAlpha(s.parcelFillAlpha);
        const uint32_t r0 = g.firstRing(i), r1 = g.endRing(i);
        const bool drawOutline = wpx > 4.0 || hpx > 4.0;
        p.setPen(drawOutline ? outline : QPen(Qt::NoPen));
        p.setBrush(fill);
        const FPoint *pts = g.points();
        const bool single = r1 - r0 == 1;
        if (single) {
            const uint32_t b0 = g.ringBegin(r0), e0 = g.ringBegin(r0 + 1);
            poly.resize(qsizetype(e0 - b0));
            for (uint32_t q = b0; q < e0; ++q)
                poly[qsizetype(q - b0)] = QPointF(sx0 + pts[q].x * k, sy0 - pts[q].y * k);
            p.drawPolygon(poly);
        } else {
            path.clear();
            path.setFillRule(Qt::OddEvenFill);
            for (uint32_t r = r0; r < r1; ++r) {
                const uint32_t b0 = g.ringBegin(r), e0 = g.ringBegin(r + 1);
                poly.resize(qsizetype(e0 - b0));
                for (uint32_t q = b0; q < e0; ++q)
                    poly[qsizetype(q - b0)] = QPointF(sx0 + pts[q].x * k, sy0 - pts[q].y * k);
                path.addPolygon(poly);
                path.closeSubpath();
            }
            p.drawPath(path);
        }
        if (a.styleOf(i) == ParcelStyle::Candidate) {
            // Not yet reviewed: orange hatch and a dashed outline over the land-use colour.
            p.setPen(drawOutline ? candidateOutline : QPen(Qt::NoPen));
            p.setBrush(candidateHatch);
            if (single)
                p.drawPolygon(poly);
            else
                p.drawPath(path);
        }
    }

    if (!s.showLabels)
        return img;
    // Labels (số thửa / diện tích / mã loại đất) only where they are legible.
    QFont bold = p.font();
    bold.setPixelSize(11);
    bold.setBold(true);
    QFont normal = bold;
    normal.setBold(false);
    normal.setPixelSize(10);
    const QFontMetricsF fmB(bold), fmN(normal);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const double lineH = fmN.height();
    for (uint32_t i : visible) {
        if ((++counter & 255) == 0 && cancel->load())
            return {};
        const QRectF &b = g.bbox(i);
        const double wpx = b.width() * k, hpx = b.height() * k;
        if (wpx < 28 || hpx < 16 || a.thua[i].isEmpty())
            continue;
        const QPointF c = v.toScreen(g.labelPoint(i));
        const QString &thua = a.thua[i];
        // Thửa number above a rule, area and code below: the cadastral map style.
        const bool full = hpx > 3.2 * lineH && wpx > fmN.horizontalAdvance(a.area[i]) + 6;
        p.setPen(QColor(20, 20, 20));
        if (!full) {
            p.setFont(bold);
            const double tw = fmB.horizontalAdvance(thua);
            p.drawText(QPointF(c.x() - tw / 2, c.y() + fmB.ascent() / 2 - 1), thua);
            continue;
        }
        p.setFont(bold);
        const double tw = fmB.horizontalAdvance(thua);
        p.drawText(QPointF(c.x() - tw / 2, c.y() - 3), thua);
        p.setFont(normal);
        const QString below = a.code[i].isEmpty() ? a.area[i] : a.area[i] + QLatin1Char(' ') + a.code[i];
        const double bw = fmN.horizontalAdvance(below);
        const QString text = bw + 6 < wpx ? below : a.area[i];
        const double w2 = fmN.horizontalAdvance(text);
        const double rule = std::max(tw, w2) / 2 + 2;
        p.drawLine(QPointF(c.x() - rule, c.y()), QPointF(c.x() + rule, c.y()));
        p.drawText(QPointF(c.x() - w2 / 2, c.y() + fmN.ascent() + 1), text);
    }
    return img;
}

QImage renderSheets(const MapSettings &s, const CancelFlag &cancel)
{
    QImage img = newImage(s.view);
    if (!s.sheets || s.sheets->empty())
        return img;
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF vis = s.view.visibleWorld();
    QFont f = p.font();
    f.setPixelSize(12);
    f.setBold(true);
    p.setFont(f);
    for (const auto &sheet : *s.sheets) {
        if (cancel->load())
            return {};
        if (!sheet.bbox.intersects(vis))
            continue;
        p.setPen(QPen(QColor(0, 0, 160), 1.6));
        p.setBrush(Qt::NoBrush);
        for (const auto &ring : sheet.rings) {
            QPolygonF scr;
            scr.reserve(ring.size());
            for (const QPointF &w : ring)
                scr << s.view.toScreen(w);
            p.drawPolygon(scr);
        }
        const QRectF sr = QRectF(s.view.toScreen(sheet.bbox.topLeft()), s.view.toScreen(sheet.bbox.bottomRight())).normalized();
        if (sr.width() > 120) {
            p.setPen(QColor(0, 0, 160));
            p.drawText(sr.topLeft() + QPointF(6, 16), sheet.label);
        }
    }
    return img;
}

QImage renderGrid(const MapSettings &s, const CancelFlag &)
{
    QImage img = newImage(s.view);
    QPainter p(&img);
    const double step = gridStep(s.view.mpp, 90);
    const QRectF vis = s.view.visibleWorld();
    p.setPen(QPen(QColor(120, 120, 120, 140), 0.7, Qt::DashLine));
    QFont f = p.font();
    f.setPixelSize(10);
    p.setFont(f);
    const QLocale loc;
    for (double x = std::ceil(vis.left() / step) * step; x <= vis.right(); x += step) {
        const double sx = s.view.toScreen({x, 0}).x();
        p.drawLine(QPointF(sx, 0), QPointF(sx, s.view.size.height()));
        p.drawText(QPointF(sx + 2, s.view.size.height() - 4), loc.toString(x, 'f', 0));
    }
    for (double y = std::ceil(vis.top() / step) * step; y <= vis.bottom(); y += step) {
        const double sy = s.view.toScreen({0, y}).y();
        p.drawLine(QPointF(0, sy), QPointF(s.view.size.width(), sy));
        p.drawText(QPointF(2, sy - 2), loc.toString(y, 'f', 0));
    }
    return img;
}

} // namespace

double gridStep(double mpp, double minPixels)
{
    const double raw = mpp * minPixels;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw)
            return m * mag;
    return 10 * mag;
}

QImage renderLayer(MapLayer layer, const MapSettings &settings, const CancelFlag &cancel)
{
    if (settings.view.size.isEmpty())
        return {};
    switch (layer) {
    case MapLayer::Parcels: return renderParcels(settings, cancel);
    case MapLayer::SheetFrames: return renderSheets(settings, cancel);
    case MapLayer::Grid: return renderGrid(settings, cancel);
    case MapLayer::Count: break;
    }
    return {};
}

} // namespace vnland::gui
