// Rendering of the scanned-looking sample sheet.
#include "georef/sample_scan.h"

#include "geom/geos_context.h"
#include "io/field_mapping.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>

namespace vnland::georef {

namespace {

/// Scanner geometry: continuous scan pixel (u, v) → paper millimetres.
struct ScanGeometry {
    double w = 0, h = 0;       // scan size, pixels
    double paperW = 0, paperH = 0;
    double mmPerPx = 0, cosA = 1, sinA = 0, sx = 1, sy = 1, bend = 0;
    // Realistic distortion: skew, then a displacement field (bending + wobble,
    // paper mm) sampled every kStep scan pixels and interpolated bilinearly.
    bool realistic = false;
    double skew = 0; // tan(skew angle)
    static constexpr int kStep = 16;
    int gw = 0, gh = 0;
    std::vector<PointD> disp;

    PointD affine(PointD p) const
    {
        double a = (p.x - w / 2) * mmPerPx * sx;
        const double b = (p.y - h / 2) * mmPerPx * sy;
        a += skew * b;
        return {cosA * a - sinA * b, sinA * a + cosA * b};
    }
    PointD paper(PointD p) const
    {
        if (realistic) {
            const PointD q = affine(p);
            const double gx = std::clamp(p.x / kStep, 0.0, gw - 1.000001), gy = std::clamp(p.y / kStep, 0.0, gh - 1.000001);
            const int i = static_cast<int>(gx), j = static_cast<int>(gy);
            const double fx = gx - i, fy = gy - j;
            const PointD &d00 = disp[static_cast<size_t>(j) * gw + i], &d10 = disp[static_cast<size_t>(j) * gw + i + 1];
            const PointD &d01 = disp[static_cast<size_t>(j + 1) * gw + i], &d11 = disp[static_cast<size_t>(j + 1) * gw + i + 1];
            const double dx = (1 - fy) * ((1 - fx) * d00.x + fx * d10.x) + fy * ((1 - fx) * d01.x + fx * d11.x);
            const double dy = (1 - fy) * ((1 - fx) * d00.y + fx * d10.y) + fy * ((1 - fx) * d01.y + fx * d11.y);
            return {q.x + dx + paperW / 2, q.y + dy + paperH / 2};
        }
        const double a = (p.x - w / 2) * mmPerPx * sx, b = (p.y - h / 2) * mmPerPx * sy;
        double x = cosA * a - sinA * b, y = sinA * a + cosA * b;
        const double hx = paperW / 2, hy = paperH / 2;
        x += bend * (y / hy) * (y / hy);
        y += bend * 0.6 * (x / hx) * (x / hx);
        return {x + hx, y + hy};
    }
    /// The realistic displacement field: quadratic bending (random directions,
    /// @p bendMm at the paper corners) and a few long waves (@p wobbleMm).
    void buildDisplacement(const RealisticDistortion &r, unsigned seed)
    {
        std::mt19937 rng(seed ^ 0x5eedu);
        std::uniform_real_distribution<double> uni(-1, 1), phase(0, 2 * M_PI), len(0.7, 1.3);
        double qx[3], qy[3], sxq = 0, syq = 0;
        for (int k = 0; k < 3; ++k) {
            qx[k] = uni(rng), qy[k] = uni(rng);
            sxq += std::abs(qx[k]), syq += std::abs(qy[k]);
        }
        for (int k = 0; k < 3; ++k)
            qx[k] *= r.bendMm / sxq, qy[k] *= r.bendMm / syq;
        struct Wave {
            double amp, kx, ky, ph;
        };
        std::vector<Wave> wx, wy;
        for (auto *waves : {&wx, &wy})
            for (int k = 0; k < 3; ++k) {
                const double theta = phase(rng), lambda = r.wobbleWavelengthMm * len(rng);
                waves->push_back({r.wobbleMm / std::sqrt(3.0), 2 * M_PI / lambda * std::cos(theta),
                                  2 * M_PI / lambda * std::sin(theta), phase(rng)});
            }
        gw = static_cast<int>(std::ceil(w / kStep)) + 2;
        gh = static_cast<int>(std::ceil(h / kStep)) + 2;
        disp.assign(static_cast<size_t>(gw) * gh, {});
        const double hx = paperW / 2, hy = paperH / 2;
        for (int j = 0; j < gh; ++j)
            for (int i = 0; i < gw; ++i) {
                const PointD q = affine({static_cast<double>(i) * kStep, static_cast<double>(j) * kStep});
                const double u = q.x / hx, v = q.y / hy;
                PointD d{qx[0] * u * u + qx[1] * u * v + qx[2] * v * v, qy[0] * u * u + qy[1] * u * v + qy[2] * v * v};
                for (const auto &wv : wx)
                    d.x += wv.amp * std::sin(wv.kx * q.x + wv.ky * q.y + wv.ph);
                for (const auto &wv : wy)
                    d.y += wv.amp * std::sin(wv.kx * q.x + wv.ky * q.y + wv.ph);
                disp[static_cast<size_t>(j) * gw + i] = d;
            }
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

/// Separable Gaussian blur of a greyscale image, in place.
void gaussianBlur(QImage &img, double sigma)
{
    if (sigma <= 0.05)
        return;
    const int r = std::max(1, static_cast<int>(std::ceil(3 * sigma)));
    std::vector<float> k(2 * r + 1);
    float sum = 0;
    for (int i = -r; i <= r; ++i)
        sum += k[i + r] = static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (float &v : k)
        v /= sum;
    const int W = img.width(), H = img.height();
    std::vector<float> line(static_cast<size_t>(W) + 2 * r);
    for (int y = 0; y < H; ++y) {
        uchar *row = img.scanLine(y);
        for (int x = -r; x < W + r; ++x)
            line[x + r] = row[std::clamp(x, 0, W - 1)];
        for (int x = 0; x < W; ++x) {
            float acc = 0;
            for (int i = 0; i <= 2 * r; ++i)
                acc += k[i] * line[x + i];
            row[x] = static_cast<uchar>(std::clamp(std::lround(acc), 0L, 255L));
        }
    }
    // Vertical pass from a copy of the rows, row by row (cache friendly).
    const qsizetype stride = img.bytesPerLine();
    std::vector<uchar> src(img.constBits(), img.constBits() + stride * H);
    std::vector<float> acc(W);
    for (int y = 0; y < H; ++y) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        for (int i = -r; i <= r; ++i) {
            const uchar *s = src.data() + stride * std::clamp(y + i, 0, H - 1);
            const float kv = k[i + r];
            for (int x = 0; x < W; ++x)
                acc[x] += kv * s[x];
        }
        uchar *row = img.scanLine(y);
        for (int x = 0; x < W; ++x)
            row[x] = static_cast<uchar>(std::clamp(std::lround(acc[x]), 0L, 255L));
    }
}

/// JPEG compression and decompression of the pixels (through GDAL in memory).
bool jpegRoundTrip(std::vector<uint8_t> &pixels, int w, int h, int quality)
{
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver *jpeg = GetGDALDriverManager()->GetDriverByName("JPEG");
    if (!mem || !jpeg)
        return false;
    GDALDatasetUniquePtr ds(mem->Create("", w, h, 1, GDT_Byte, nullptr));
    if (!ds || ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, pixels.data(), w, h, GDT_Byte, 0, 0) != CE_None)
        return false;
    const std::string path = "/vsimem/vnland_sample_" + std::to_string(reinterpret_cast<uintptr_t>(pixels.data())) + ".jpg";
    CPLStringList co;
    co.SetNameValue("QUALITY", std::to_string(std::clamp(quality, 1, 100)).c_str());
    bool ok = false;
    {
        GDALDatasetUniquePtr out(jpeg->CreateCopy(path.c_str(), ds.get(), FALSE, co.List(), nullptr, nullptr));
        ok = out && out->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, pixels.data(), w, h, GDT_Byte, 0, 0) == CE_None;
    }
    VSIUnlink(path.c_str());
    VSIUnlink((path + ".aux.xml").c_str());
    return ok;
}

/// DejaVu Sans (Vietnamese diacritics), registered with the font database
/// when fontconfig does not already know it; empty when it cannot be loaded.
QString sheetFontFamily()
{
    const QString family = QStringLiteral("DejaVu Sans");
    if (QFontDatabase::families().contains(family))
        return family;
    const QString dir = QStringLiteral("/usr/share/fonts/truetype/dejavu/");
    const int id = QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans.ttf"));
    QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans-Bold.ttf"));
    if (id < 0 || QFontDatabase::applicationFontFamilies(id).isEmpty())
        return {};
    return QFontDatabase::applicationFontFamilies(id).first();
}

/// "245,3" — one decimal, Vietnamese decimal comma.
QString areaText(double area)
{
    return QString::number(area, 'f', 1).replace(QLatin1Char('.'), QLatin1Char(','));
}

/// Distance from point @p q to the rectangle @p r (0 inside).
double distanceToRect(const QRectF &r, QPointF q)
{
    const double dx = std::max({r.left() - q.x(), 0.0, q.x() - r.right()});
    const double dy = std::max({r.top() - q.y(), 0.0, q.y() - r.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

SampleScanOptions realisticScanOptions(double dpi)
{
    SampleScanOptions o;
    o.dpi = dpi;
    o.realistic.enabled = true;
    o.noise = 5;
    o.quantStep = 1;
    o.oversample = 1;
    return o;
}

SampleScan renderSampleScan(const crs::SheetFrame &frame, const SampleScanOptions &o)
{
    const bool real = o.realistic.enabled;
    const double scale = frame.scale;
    const double frameMm = frame.size() / scale * 1000; // 500 mm for any standard sheet
    const double paperMm = frameMm + 2 * o.marginMm;
    // Ideal paper at twice the scan resolution, drawn with anti-aliasing.
    const int over = o.oversample >= 2 ? 2 : 1;
    const double pxPerMm = over * o.dpi / 25.4;
    const int idealSize = static_cast<int>(std::ceil(paperMm * pxPerMm));
    QImage ideal(idealSize, idealSize, QImage::Format_Grayscale8);
    ideal.fill(255);
    QString family;
    bool textDrawn = false;
    int skipped = 0;
    struct PaperLabel {
        std::string number;
        QPointF at;
        double w, h;
        bool withArea;
    };
    std::vector<PaperLabel> labelsPaper;
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
        if (o.text && qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            family = sheetFontFamily();
        if (!family.isEmpty()) {
            textDrawn = true;
            const QColor ink(40, 40, 40);
            p.setPen(ink);
            auto font = [&](double emMm, bool bold = false) {
                QFont f(family);
                f.setPixelSize(std::max(1, static_cast<int>(std::lround(emMm * pxPerMm))));
                f.setBold(bold);
                f.setHintingPreference(QFont::PreferNoHinting);
                return f;
            };
            auto widthMm = [&](const QFont &f, const QString &t) {
                return QFontMetricsF(f, &ideal).horizontalAdvance(t) / pxPerMm;
            };
            // Text centred vertically (on its cap height) at a paper point; align -1 left, 0 centre, 1 right.
            auto drawText = [&](QPointF atMm, const QString &t, const QFont &f, int align = 0, double angleDeg = 0) {
                const QFontMetricsF fm(f, &ideal);
                const double w = fm.horizontalAdvance(t);
                p.save();
                p.resetTransform();
                p.translate(atMm * pxPerMm);
                p.rotate(angleDeg);
                p.setFont(f);
                p.drawText(QPointF(align < 0 ? 0 : align == 0 ? -w / 2 : -w, fm.capHeight() / 2), t);
                p.restore();
            };
            const double left = o.marginMm, top = o.marginMm, right = o.marginMm + frameMm, bottom = o.marginMm + frameMm;
            // Title block above the outer frame, scale below it.
            int sheetNo = o.title.sheetNo;
            if (sheetNo <= 0) {
                std::map<int, int> counts;
                for (const auto &l : o.labels)
                    if (l.sheetNo > 0 && l.at.x > frame.minEast && l.at.x < frame.maxEast && l.at.y > frame.minNorth
                        && l.at.y < frame.maxNorth)
                        ++counts[l.sheetNo];
                for (const auto &[no, n] : counts)
                    if (sheetNo <= 0 || n > counts[sheetNo])
                        sheetNo = no;
            }
            const double mid = paperMm / 2;
            drawText({mid, 11}, QStringLiteral("BẢN ĐỒ ĐỊA CHÍNH"), font(6.5, true));
            QStringList place;
            for (const auto *part : {&o.title.commune, &o.title.district, &o.title.province})
                if (!part->empty())
                    place << QString::fromStdString(*part).toUpper();
            if (!place.isEmpty())
                drawText({mid, 18.5}, place.join(QStringLiteral(" - ")), font(3.5));
            drawText({mid, 24.5}, QStringLiteral("Số hiệu mảnh: ") + QString::fromStdString(frame.id), font(3.2, true));
            if (sheetNo > 0)
                drawText({right + 12, 24.5}, QStringLiteral("Tờ số: ") + QString::number(sheetNo), font(4, true), 1);
            drawText({mid, bottom + 12 + 8}, QStringLiteral("Tỷ lệ 1:") + QString::number(frame.scale), font(4));
            drawText({left - 12, bottom + 12 + 8}, QStringLiteral("Hệ tọa độ VN-2000"), font(2.5), -1);
            // Km values of the grid lines between the inner and the outer frame (8–10.5 mm out, clear of the
            // frame crosses' search windows): eastings on top and bottom, northings rotated on the sides.
            const QFont gridFont = font(2.2);
            std::vector<double> easts, norths;
            for (const auto &c : crs::gridCrosses(frame)) {
                if (std::find(easts.begin(), easts.end(), c.east) == easts.end())
                    easts.push_back(c.east);
                if (std::find(norths.begin(), norths.end(), c.north) == norths.end())
                    norths.push_back(c.north);
            }
            for (double e : easts) {
                const QString t = QString::number(e / 1000, 'f', 1);
                const double x = mapToPaper({e, frame.maxNorth}).x();
                drawText({x, top - 9.3}, t, gridFont);
                drawText({x, bottom + 9.3}, t, gridFont);
            }
            for (double n : norths) {
                const QString t = QString::number(n / 1000, 'f', 1);
                const double y = mapToPaper({frame.minEast, n}).y();
                drawText({left - 9.3, y}, t, gridFont, 0, -90);
                drawText({right + 9.3, y}, t, gridFont, 0, -90);
            }
            // Parcel labels: thửa number over land-use code (over area when it fits), centred on the pole of
            // inaccessibility; smaller variants when there is less room; none near a grid cross or the frame.
            std::vector<QPointF> crossesMm;
            for (const auto &c : crs::gridCrosses(frame))
                crossesMm.push_back(mapToPaper({c.east, c.north}));
            const QFont numberFont = font(2.4), codeFont = font(2.0), areaFont = font(1.8);
            p.save();
            p.setClipRect(QRectF(left, top, frameMm, frameMm));
            for (const auto &l : o.labels) {
                if (l.at.x <= frame.minEast || l.at.x >= frame.maxEast || l.at.y <= frame.minNorth || l.at.y >= frame.maxNorth)
                    continue; // a parcel of a neighbouring sheet
                const QPointF c = mapToPaper(l.at);
                const double roomMm = l.roomM / scale * 1000;
                const QString number = QString::fromStdString(l.number), code = QString::fromStdString(l.landuse);
                struct Line {
                    QString text;
                    const QFont *font;
                    double em;
                };
                std::vector<std::vector<Line>> variants;
                if (!code.isEmpty() && l.area > 0)
                    variants.push_back({{number, &numberFont, 2.4}, {code, &codeFont, 2.0}, {areaText(l.area), &areaFont, 1.8}});
                if (!code.isEmpty())
                    variants.push_back({{number, &numberFont, 2.4}, {code, &codeFont, 2.0}});
                variants.push_back({{number, &numberFont, 2.4}});
                bool drawn = false;
                for (const auto &v : variants) {
                    double w = 0, h = 0;
                    for (const auto &line : v)
                        w = std::max(w, widthMm(*line.font, line.text)), h += line.em * 1.05;
                    if (std::hypot(w, h) / 2 > roomMm * 0.95)
                        continue;
                    const QRectF box(c.x() - w / 2 - 0.3, c.y() - h / 2 - 0.3, w + 0.6, h + 0.6);
                    if (!QRectF(left + 1, top + 1, frameMm - 2, frameMm - 2).contains(box))
                        continue;
                    bool nearCross = false;
                    for (const QPointF &x : crossesMm)
                        nearCross = nearCross || distanceToRect(box, x) < o.crossClearanceMm;
                    if (nearCross)
                        continue;
                    double y = c.y() - h / 2;
                    for (const auto &line : v) {
                        drawText({c.x(), y + line.em * 0.525}, line.text, *line.font);
                        y += line.em * 1.05;
                    }
                    labelsPaper.push_back({l.number, c, w, h, v.size() == 3});
                    drawn = true;
                    break;
                }
                if (!drawn)
                    ++skipped;
            }
            p.restore();
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
    if (real) {
        g.realistic = true;
        g.sx = 1 / o.realistic.shrinkX, g.sy = 1 / o.realistic.shrinkY; // shrunk paper: a pixel covers more of it
        g.skew = std::tan(o.realistic.skewDeg * M_PI / 180);
        g.buildDisplacement(o.realistic, o.seed);
        gaussianBlur(ideal, o.realistic.blurPx * over);
    }
    // Uneven paper tone (realistic only): slow, separable.
    std::vector<double> toneX, toneY;
    if (real && o.realistic.toneLevels > 0) {
        std::mt19937 trng(o.seed ^ 0x70e5u);
        std::uniform_real_distribution<double> ph(0, 2 * M_PI);
        const double px = ph(trng), py = ph(trng);
        for (int i = 0; i < scan.width; ++i)
            toneX.push_back(o.realistic.toneLevels * 0.6 * std::sin(2 * M_PI * 0.7 * i / scan.width + px));
        for (int j = 0; j < scan.height; ++j)
            toneY.push_back(o.realistic.toneLevels * 0.4 * std::sin(2 * M_PI * 0.5 * j / scan.height + py));
    }
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
            if (!toneX.empty())
                v -= toneX[i] + toneY[j];
            int q = static_cast<int>(std::lround(v / o.quantStep)) * o.quantStep;
            scan.pixels[static_cast<size_t>(j) * scan.width + i] = static_cast<uint8_t>(std::clamp(q, 0, 255));
        }
    if (real && o.realistic.jpegQuality > 0)
        jpegRoundTrip(scan.pixels, scan.width, scan.height, o.realistic.jpegQuality);
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
    scan.textDrawn = textDrawn;
    scan.labelsSkipped = skipped;
    for (const auto &l : labelsPaper)
        scan.labels.push_back({l.number, g.pixel({l.at.x(), l.at.y()}), l.w, l.h, l.withArea});
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

std::vector<SampleParcelLabel> readParcelLabels(const std::string &path, int epsg, SampleSheetTitle *title,
                                                std::string *error)
{
    std::vector<SampleParcelLabel> out;
    auto fail = [&](const std::string &m) {
        if (error)
            *error = m;
        return std::vector<SampleParcelLabel>{};
    };
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return fail(path + ": cannot open the vector file");
    std::map<std::string, int> places[4]; // commune, district, province, commune code → count
    GEOSContextHandle_t h = geom::ctx();
    for (OGRLayer *layer : ds->GetLayers()) {
        const OGRSpatialReference *srs = layer->GetSpatialRef();
        OGRSpatialReference want;
        want.importFromEPSG(epsg);
        if (srs && !srs->IsSame(&want)) {
            const char *code = srs->GetAuthorityCode(nullptr);
            if (!code || std::atoi(code) != epsg)
                return fail(path + ": layer " + layer->GetName() + " is not in EPSG:" + std::to_string(epsg));
        }
        std::vector<std::string> names;
        OGRFeatureDefn *defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            names.push_back(defn->GetFieldDefn(i)->GetNameRef());
        const auto mapping = io::FieldMapping::detect(names);
        if (!mapping)
            return fail(path + ": layer " + layer->GetName()
                        + " has no parcel number field (Circular 75 or VNLand names expected)");
        const auto fields = mapping->resolve(names);
        auto field = [&](const char *target) {
            const auto it = fields.find(target);
            return it == fields.end() ? -1 : it->second;
        };
        const int fCommune = field("commune_code");
        const int fThua = field("thua_so"), fTo = field("to_so"), fCode = field("landuse_code"),
                  fArea = field("source_area"), fLegal = field("legal_area"), fAddress = field("address");
        for (auto &f : *layer) {
            const OGRGeometry *geometry = f->GetGeometryRef();
            if (!geometry || fThua < 0 || !f->IsFieldSetAndNotNull(fThua))
                continue;
            std::vector<unsigned char> wkb(geometry->WkbSize());
            if (geometry->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
                continue;
            const geom::GeomPtr g = geom::fromWkb(wkb.data(), wkb.size());
            if (!g || GEOSisEmpty_r(h, g.get()))
                continue;
            SampleParcelLabel l;
            // Pole of inaccessibility: centre and radius of the largest inscribed circle (1 cm tolerance).
            const geom::GeomPtr mic(GEOSMaximumInscribedCircle_r(h, g.get(), 0.01));
            const GEOSCoordSequence *seq = mic ? GEOSGeom_getCoordSeq_r(h, mic.get()) : nullptr;
            if (!seq || GEOSCoordSeq_getXY_r(h, seq, 0, &l.at.x, &l.at.y) == 0)
                continue;
            GEOSLength_r(h, mic.get(), &l.roomM);
            l.number = f->GetFieldAsString(fThua);
            if (fTo >= 0)
                l.sheetNo = f->GetFieldAsInteger(fTo);
            if (fCode >= 0)
                l.landuse = f->GetFieldAsString(fCode);
            if (fArea >= 0 && f->IsFieldSetAndNotNull(fArea))
                l.area = f->GetFieldAsDouble(fArea);
            else if (fLegal >= 0 && f->IsFieldSetAndNotNull(fLegal))
                l.area = f->GetFieldAsDouble(fLegal);
            if (l.area <= 0)
                l.area = geom::area(g.get());
            out.push_back(std::move(l));
            if (fCommune >= 0 && f->IsFieldSetAndNotNull(fCommune))
                ++places[3][f->GetFieldAsString(fCommune)];
            // "Thôn …, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh" → the three administrative levels.
            if (title && fAddress >= 0) {
                const QStringList parts = QString::fromUtf8(f->GetFieldAsString(fAddress)).split(QLatin1Char(','));
                for (qsizetype k = 0; k < parts.size(); ++k) {
                    QString part = parts[k].trimmed();
                    const QString low = part.toLower();
                    auto starts = [&](const char *pre) { return low.startsWith(QString::fromUtf8(pre)); };
                    int level = -1;
                    if (starts("xã ") || starts("phường ") || starts("thị trấn "))
                        level = 0;
                    else if (starts("huyện ") || starts("quận ") || starts("thị xã "))
                        level = 1;
                    else if (starts("tỉnh "))
                        level = 2;
                    else if (starts("thành phố "))
                        level = k + 1 == parts.size() ? 2 : 1;
                    if (level >= 0) {
                        part[0] = part[0].toUpper();
                        ++places[level][part.toStdString()];
                    }
                }
            }
        }
    }
    if (out.empty())
        return fail(path + ": no parcels with a number");
    if (title) {
        std::string *targets[4] = {&title->commune, &title->district, &title->province, &title->communeCode};
        for (int i = 0; i < 4; ++i) {
            int best = 0;
            std::string name;
            for (const auto &[candidate, n] : places[i])
                if (n > best)
                    name = candidate, best = n;
            if (targets[i]->empty())
                *targets[i] = name;
        }
    }
    return out;
}

bool writeScanImage(const SampleScan &scan, const std::string &path, std::string *error)
{
    const std::string ext = std::filesystem::path(path).extension().string();
    const bool png = ext == ".png" || ext == ".PNG";
    const bool jpg = ext == ".jpg" || ext == ".jpeg" || ext == ".JPG" || ext == ".JPEG";
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
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(png ? "PNG" : jpg ? "JPEG" : "GTiff");
    if (!drv) {
        if (error)
            *error = path + ": no GDAL driver for " + ext;
        return false;
    }
    CPLStringList co;
    if (png)
        co.SetNameValue("ZLEVEL", "9");
    else if (jpg)
        co.SetNameValue("QUALITY", "90");
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
