// PDF georeferencing report painted with QPdfWriter.
#include "georef/fit_report_pdf.h"

#include "report/pdf_report.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace vnland::georef {

bool writeFitReportPdf(const GcpFit &fit, const GcpSet &gcps, const std::string &scanName, const std::string &path,
                       std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = m;
        return false;
    };
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(path + ": the PDF report needs a QGuiApplication (fonts); write .json instead");
    if (!fit.ok())
        return fail(path + ": nothing to report, the fit failed: " + fit.error);
    QString fontError;
    const QString family = report::reportFontFamily(&fontError);
    if (family.isEmpty())
        return fail(fontError.toStdString());
    QPdfWriter writer(QString::fromStdString(path));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Báo cáo nắn bản đồ quét"));
    QPainter p;
    if (!p.begin(&writer))
        return fail(path + ": cannot write the PDF");
    const double mm = 300 / 25.4;
    auto font = [&](double pt, bool bold = false) {
        QFont f(family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    };
    auto text = [&](double x, double y, const QString &s, const QFont &f) {
        p.setFont(f);
        p.drawText(QPointF(x * mm, y * mm), s);
    };
    const double left = 15;
    double y = 20;
    text(left, y, QStringLiteral("Báo cáo nắn bản đồ quét (georeferencing report)"), font(14, true));
    y += 9;
    text(left, y, QStringLiteral("Ảnh quét: ") + QString::fromStdString(scanName), font(10));
    y += 6;
    text(left, y,
         QStringLiteral("Phép biến đổi: %1 — điểm khống chế dùng %2 / %3 (n_min %4)")
             .arg(QString::fromLatin1(transformId(fit.type)))
             .arg(fit.enabled)
             .arg(gcps.size())
             .arg(fit.nMin),
         font(10));
    y += 6;
    text(left, y,
         QStringLiteral("Sai số trung phương: %1 m (%2 px); lớn nhất %3 m")
             .arg(fit.meanErrorMap, 0, 'f', 3)
             .arg(fit.meanErrorPx, 0, 'f', 2)
             .arg(fit.maxErrorMap, 0, 'f', 3),
         font(10, true));
    y += 6;
    if (fit.scale > 0)
        text(left, y,
             QStringLiteral("Hạn sai 0,2 mm × %1 = %2 m: %3")
                 .arg(fit.scale)
                 .arg(fit.tolerance, 0, 'f', 2)
                 .arg(fit.pass ? QStringLiteral("ĐẠT (pass)") : QStringLiteral("KHÔNG ĐẠT (fail)")),
             font(10, true));
    y += 9;
    text(left, y, QStringLiteral("Tham số"), font(11, true));
    y += 5;
    for (const auto &prm : fit.model->parameters()) {
        if (y > 120)
            break;
        text(left + 3, y, QString::fromStdString(prm.name), font(8));
        text(left + 45, y, QString::number(prm.value, 'g', 12), font(8));
        y += 4;
    }
    // Residual plot: GCPs at their map position in a 150 mm box, residual vectors exaggerated.
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300, maxRes = 0;
    for (const auto &r : fit.residuals) {
        const Gcp &g = gcps.at(r.index);
        minX = std::min(minX, g.mapX), maxX = std::max(maxX, g.mapX);
        minY = std::min(minY, g.mapY), maxY = std::max(maxY, g.mapY);
        maxRes = std::max(maxRes, r.map);
    }
    const double box = 150, bx = 30, by = 128;
    const double span = std::max({maxX - minX, maxY - minY, 1e-9});
    const double s = (box - 20) / span;
    const double exaggeration = maxRes > 0 ? std::pow(10.0, std::floor(std::log10(0.1 * span / maxRes))) : 1;
    p.setPen(QPen(Qt::black, 0.2 * mm));
    p.drawRect(QRectF(bx * mm, by * mm, box * mm, box * mm));
    auto at = [&](double x, double yy) {
        return QPointF((bx + 10 + (x - minX) * s) * mm, (by + 10 + (maxY - yy) * s) * mm);
    };
    for (const auto &r : fit.residuals) {
        const Gcp &g = gcps.at(r.index);
        const QPointF a = at(g.mapX, g.mapY), b = at(g.mapX + r.dxMap * exaggeration, g.mapY + r.dyMap * exaggeration);
        const QColor c = !r.enabled ? Qt::gray : r.blunder ? Qt::red : Qt::blue;
        p.setPen(QPen(c, 0.3 * mm));
        p.setBrush(c);
        p.drawEllipse(a, 0.8 * mm, 0.8 * mm);
        p.drawLine(a, b);
    }
    p.setPen(Qt::black);
    text(bx, by + box + 6,
         QStringLiteral("Sơ đồ sai số: vectơ phóng đại %1 lần; xanh = dùng, đỏ = nghi sai thô, xám = không dùng")
             .arg(exaggeration, 0, 'g', 6),
         font(8));
    // Page 2: residual table.
    writer.newPage();
    y = 20;
    text(left, y, QStringLiteral("Bảng sai số điểm khống chế"), font(12, true));
    y += 8;
    const double cols[] = {0, 14, 40, 66, 84, 102, 120, 138, 156, 172};
    const char *heads[] = {"id", "X/east", "Y/north", "pixel x", "pixel y", "dX m", "dY m", "sai số m", "LOO m", ""};
    for (int i = 0; i < 10; ++i)
        text(left + cols[i], y, QString::fromUtf8(heads[i]), font(7, true));
    y += 5;
    for (const auto &r : fit.residuals) {
        if (y > 285) {
            writer.newPage();
            y = 20;
        }
        const Gcp &g = gcps.at(r.index);
        const QString vals[] = {QString::fromStdString(g.id),
                                QString::number(g.mapX, 'f', 3),
                                QString::number(g.mapY, 'f', 3),
                                QString::number(g.pixelX, 'f', 2),
                                QString::number(g.pixelY, 'f', 2),
                                QString::number(r.dxMap, 'f', 3),
                                QString::number(r.dyMap, 'f', 3),
                                QString::number(r.map, 'f', 3),
                                r.leaveOneOut >= 0 ? QString::number(r.leaveOneOut, 'f', 3) : QStringLiteral("–"),
                                !r.enabled ? QStringLiteral("không dùng") : r.blunder ? QStringLiteral("sai thô?") : QString()};
        for (int i = 0; i < 10; ++i)
            text(left + cols[i], y, vals[i], font(7));
        y += 4;
    }
    if (!p.end())
        return fail(path + ": writing the PDF failed");
    return true;
}

} // namespace vnland::georef
