// PDF parcel extract (trích lục bản đồ địa chính, PL13) with the technical
// record (hồ sơ kỹ thuật): header, parcel facts, a sketch at a standard scale
// with north arrow, numbered vertices, edge lengths and neighbour numbers, and
// the VN-2000 vertex table (X north, Y east, edge length, 0.01 m).
#include "report/pdf_report.h"

#include "report/pdf_canvas.h"
#include "store/reference_data.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace vnland::report {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
QString m2(double v) { return QString::number(v, 'f', 2).replace(QLatin1Char('.'), QLatin1Char(',')); }
QString area(Tenths t) { return q(formatTenths(t, true)) + QStringLiteral(" m²"); }
QString opt(const std::optional<int> &v) { return v ? QString::number(*v) : QStringLiteral("…"); }

constexpr double kSketchH = 112.0;
constexpr double kRowH = 4.6;

struct Sketch {
    double x0, y0, w, h;      // box on the page (mm)
    double cx, cy;            // world centre (east, north)
    double mmPerM;            // page mm per metre on the ground
    int scale;
    QPointF toPage(const PdfCanvas &pdf, double east, double north) const
    {
        return pdf.point(x0 + w / 2 + (east - cx) * mmPerM, y0 + h / 2 - (north - cy) * mmPerM);
    }
};

int chooseScale(double extentE, double extentN, double w, double h)
{
    static const int scales[] = {50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 25000, 50000};
    for (int s : scales)
        if (extentE * 1000.0 / s <= w && extentN * 1000.0 / s <= h)
            return s;
    return 0; // larger than every standard scale: fit exactly
}

int rowsOnFirstPage(double tableTop, double pageH)
{
    const double bottom = pageH - PdfCanvas::kMargin - PdfCanvas::kFooter;
    return std::max(0, static_cast<int>((bottom - tableTop - kRowH) / kRowH));
}

int rowsOnNextPage(double pageH)
{
    const double bottom = pageH - PdfCanvas::kMargin - PdfCanvas::kFooter;
    return std::max(1, static_cast<int>((bottom - PdfCanvas::kMargin - 8 - kRowH) / kRowH));
}

QStringList infoLines(const ExtractData &e)
{
    const auto &p = e.parcel;
    const auto &codes = store::landuseCodes();
    QStringList lines;
    QString l1 = QStringLiteral("Thửa đất số: ") + opt(p.thuaSo) + QStringLiteral(";   Tờ bản đồ số: ") + opt(p.toSo);
    if (!e.sheetId.empty())
        l1 += QStringLiteral(";   Số hiệu mảnh: ") + q(e.sheetId);
    if (e.scale)
        l1 += QStringLiteral(";   Tỷ lệ bản đồ: 1:") + QString::number(e.scale);
    lines << l1;
    lines << QStringLiteral("Xã: ") + q(e.unit.communeLabel()) + QStringLiteral(";   Tỉnh: ") + q(e.unit.provinceName);
    QString a = QStringLiteral("Diện tích: ") + area(toTenths(p.measuredArea.value_or(0)));
    if (p.legalArea)
        a += QStringLiteral(";   Diện tích pháp lý: ") + area(toTenths(*p.legalArea));
    lines << a;
    QStringList uses;
    for (const auto &[code, t] : e.uses) {
        const auto it = codes.find(code);
        uses << q(code.empty() ? std::string("(chưa có mã)") : code) + QStringLiteral(" ") + area(t) +
                    (it != codes.end() ? QStringLiteral(" (") + q(it->second.nameVi) + QLatin1Char(')') : QString());
    }
    lines << QStringLiteral("Mục đích sử dụng đất: ") + uses.join(QStringLiteral("; "));
    QString owner = QStringLiteral("Người sử dụng đất: ") + (p.ownerName.empty() ? QStringLiteral("(chưa có)") : q(p.ownerName));
    if (!p.userTypeCode.empty())
        owner += QStringLiteral(" (") + q(p.userTypeCode) + QLatin1Char(')');
    lines << owner;
    if (!p.address.empty())
        lines << QStringLiteral("Địa chỉ: ") + q(p.address);
    QString change = QStringLiteral("Thay đổi so với giấy tờ pháp lý: ");
    if (!p.legalArea || !p.measuredArea) {
        change += QStringLiteral("chưa có diện tích pháp lý để so sánh");
    } else {
        const Tenths d = toTenths(*p.measuredArea) - toTenths(*p.legalArea);
        if (d == 0)
            change += QStringLiteral("diện tích không thay đổi");
        else
            change += QStringLiteral("diện tích đo đạc ") + (d > 0 ? QStringLiteral("tăng ") : QStringLiteral("giảm ")) +
                      area(d > 0 ? d : -d) + QStringLiteral(" so với diện tích pháp lý");
    }
    lines << change;
    if (!e.note.empty())
        lines << QStringLiteral("Ghi chú: ") + q(e.note);
    return lines;
}

void drawNorthArrow(PdfCanvas &pdf, double x, double y)
{
    QPainter &p = pdf.painter();
    QPainterPath left, right;
    left.moveTo(pdf.point(x, y));
    left.lineTo(pdf.point(x - 2.5, y + 9));
    left.lineTo(pdf.point(x, y + 7));
    left.closeSubpath();
    right.moveTo(pdf.point(x, y));
    right.lineTo(pdf.point(x + 2.5, y + 9));
    right.lineTo(pdf.point(x, y + 7));
    right.closeSubpath();
    p.setPen(QPen(Qt::black, pdf.px(0.2)));
    p.setBrush(Qt::black);
    p.drawPath(left);
    p.setBrush(Qt::white);
    p.drawPath(right);
    p.setBrush(Qt::NoBrush);
    pdf.text(x - 4, y - 4.5, 8, 4.5, Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("B"), pdf.font(9, true));
}

void drawSketch(PdfCanvas &pdf, const ExtractData &e, double top)
{
    QPainter &p = pdf.painter();
    const double left = PdfCanvas::kMargin;
    const double w = pdf.pageWidth() - 2 * left;
    pdf.text(left, top, w, 5, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("SƠ ĐỒ THỬA ĐẤT"), pdf.font(9.5, true));
    Sketch s{left, top + 5.5, w, kSketchH - 5.5, 0, 0, 1, 0};
    p.setPen(QPen(Qt::black, pdf.px(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(pdf.rect(s.x0, s.y0, s.w, s.h));
    if (e.rings.empty()) {
        pdf.text(s.x0, s.y0, s.w, s.h, Qt::AlignCenter, QStringLiteral("Không có hình thửa đất"), pdf.font(10));
        return;
    }
    double minE = 1e300, maxE = -1e300, minN = 1e300, maxN = -1e300;
    for (const auto &r : e.rings)
        for (const auto &[x, y] : r) {
            minE = std::min(minE, x);
            maxE = std::max(maxE, x);
            minN = std::min(minN, y);
            maxN = std::max(maxN, y);
        }
    s.cx = (minE + maxE) / 2;
    s.cy = (minN + maxN) / 2;
    // Leave room round the parcel for neighbours, labels and the north arrow.
    s.scale = chooseScale(maxE - minE, maxN - minN, s.w * 0.62, s.h * 0.62);
    s.mmPerM = s.scale ? 1000.0 / s.scale
                       : std::min(s.w * 0.62 / std::max(maxE - minE, 1e-3), s.h * 0.62 / std::max(maxN - minN, 1e-3));

    p.save();
    p.setClipRect(pdf.rect(s.x0, s.y0, s.w, s.h));
    auto pathOf = [&](const std::vector<std::vector<std::pair<double, double>>> &rings) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const auto &r : rings) {
            for (size_t i = 0; i < r.size(); ++i) {
                const QPointF pt = s.toPage(pdf, r[i].first, r[i].second);
                if (i == 0)
                    path.moveTo(pt);
                else
                    path.lineTo(pt);
            }
            path.closeSubpath();
        }
        return path;
    };
    // Neighbours: grey outlines with their numbers.
    p.setPen(QPen(QColor(110, 110, 110), pdf.px(0.2)));
    p.setBrush(Qt::NoBrush);
    for (const auto &n : e.neighbours)
        p.drawPath(pathOf(n.rings));
    p.setPen(QColor(90, 90, 90));
    for (const auto &n : e.neighbours) {
        const QPointF c = s.toPage(pdf, n.labelEast, n.labelNorth);
        p.setFont(pdf.font(8, false, true));
        p.drawText(QRectF(c.x() - pdf.px(12), c.y() - pdf.px(2.5), pdf.px(24), pdf.px(5)), Qt::AlignCenter, q(n.label));
    }
    // The parcel.
    p.setPen(QPen(Qt::black, pdf.px(0.45)));
    p.setBrush(QColor(255, 244, 200));
    p.drawPath(pathOf(e.rings));
    p.setBrush(Qt::NoBrush);

    // Centre label: number over code and area.
    const QPointF c = s.toPage(pdf, s.cx, s.cy);
    const QString code = e.uses.empty() ? QString() : q(e.uses.front().first);
    p.setPen(Qt::black);
    p.setFont(pdf.font(9.5, true));
    p.drawText(QRectF(c.x() - pdf.px(20), c.y() - pdf.px(5), pdf.px(40), pdf.px(4.5)), Qt::AlignHCenter | Qt::AlignBottom,
               opt(e.parcel.thuaSo));
    p.drawLine(pdf.point(c.x() / pdf.px(1) - 7, c.y() / pdf.px(1)), pdf.point(c.x() / pdf.px(1) + 7, c.y() / pdf.px(1)));
    p.setFont(pdf.font(8));
    p.drawText(QRectF(c.x() - pdf.px(25), c.y() + pdf.px(0.4), pdf.px(50), pdf.px(4.5)), Qt::AlignHCenter | Qt::AlignTop,
               code + QStringLiteral("  ") + q(formatTenths(toTenths(e.parcel.measuredArea.value_or(0)), true)));

    // Vertices, numbers outward, edge lengths inside along the edge.
    const auto &v = e.vertices;
    const size_t n = v.size();
    for (size_t i = 0; i < n; ++i) {
        const QPointF a = s.toPage(pdf, v[i].east, v[i].north);
        const QPointF b = s.toPage(pdf, v[(i + 1) % n].east, v[(i + 1) % n].north);
        const QPointF prev = s.toPage(pdf, v[(i + n - 1) % n].east, v[(i + n - 1) % n].north);
        p.setPen(QPen(Qt::red, pdf.px(0.25)));
        p.setBrush(Qt::white);
        p.drawEllipse(a, pdf.px(0.7), pdf.px(0.7));
        // Outward direction: away from the bisector of the two edges (interior is to the right).
        auto unit = [](QPointF d) {
            const double l = std::hypot(d.x(), d.y());
            return l > 0 ? QPointF(d.x() / l, d.y() / l) : QPointF(0, 0);
        };
        const QPointF d1 = unit(b - a), d0 = unit(a - prev);
        // Left normals (dy, -dx) of both edges, summed: outside for a clockwise ring, y down.
        QPointF out = unit(QPointF(d0.y() + d1.y(), -d0.x() - d1.x()));
        if (out.isNull())
            out = QPointF(d1.y(), -d1.x());
        const QPointF lp = a + out * pdf.px(2.6);
        p.setPen(Qt::red);
        p.setFont(pdf.font(7.5, true));
        p.drawText(QRectF(lp.x() - pdf.px(4), lp.y() - pdf.px(2), pdf.px(8), pdf.px(4)), Qt::AlignCenter,
                   QString::number(v[i].number));
        // Edge length, rotated along the edge, upright, inside the parcel.
        const QPointF mid = (a + b) / 2;
        double ang = std::atan2(b.y() - a.y(), b.x() - a.x()) * 180.0 / M_PI;
        const QPointF inward = QPointF(-d1.y(), d1.x()); // right of travel, y down
        const double edgePx = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (edgePx < pdf.px(5))
            continue; // too short to label: the table has it
        if (ang > 90)
            ang -= 180;
        else if (ang < -90)
            ang += 180;
        p.save();
        p.translate(mid + inward * pdf.px(1.8));
        p.rotate(ang);
        p.setPen(QColor(0, 0, 160));
        p.setFont(pdf.font(6.5));
        p.drawText(QRectF(-pdf.px(10), -pdf.px(1.6), pdf.px(20), pdf.px(3.2)), Qt::AlignCenter, m2(v[i].edgeLength));
        p.restore();
    }
    p.restore();
    drawNorthArrow(pdf, s.x0 + s.w - 8, s.y0 + 7);
    const QString scaleText = s.scale ? QStringLiteral("Tỷ lệ 1:") + QString::number(s.scale)
                                      : QStringLiteral("Tỷ lệ 1:") + QString::number(std::lround(1000.0 / s.mmPerM));
    pdf.text(s.x0 + 2, s.y0 + s.h - 5.5, 60, 5, Qt::AlignLeft | Qt::AlignVCenter, scaleText, pdf.font(8));
}

const double kColW[] = {18, 36, 36, 20, 30, 46};

void tableHeader(PdfCanvas &pdf, double y)
{
    static const char *heads[] = {"Điểm", "X (m)", "Y (m)", "Cạnh", "Chiều dài (m)", "Giáp thửa"};
    QPainter &p = pdf.painter();
    double x = PdfCanvas::kMargin;
    p.setPen(QPen(Qt::black, pdf.px(0.2)));
    for (int c = 0; c < 6; ++c) {
        p.setBrush(QColor(235, 235, 235));
        p.drawRect(pdf.rect(x, y, kColW[c], kRowH));
        pdf.text(x, y, kColW[c], kRowH, Qt::AlignCenter, QString::fromUtf8(heads[c]), pdf.font(8, true));
        x += kColW[c];
    }
    p.setBrush(Qt::NoBrush);
}

void tableRow(PdfCanvas &pdf, const ExtractData &e, size_t i, double y)
{
    const auto &v = e.vertices[i];
    const int next = i + 1 < e.vertices.size() ? v.number + 1 : 1;
    QStringList nb;
    for (const auto &s : v.neighbours)
        nb << q(s);
    const QString cells[] = {QString::number(v.number), m2(v.north), m2(v.east),
                             QString::number(v.number) + QLatin1Char('-') + QString::number(next), m2(v.edgeLength),
                             nb.join(QStringLiteral(", "))};
    double x = PdfCanvas::kMargin;
    for (int c = 0; c < 6; ++c) {
        pdf.painter().drawRect(pdf.rect(x, y, kColW[c], kRowH));
        const int align = (c == 1 || c == 2 || c == 4) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignHCenter | Qt::AlignVCenter;
        pdf.text(x + 1, y, kColW[c] - 2, kRowH, align, cells[c], pdf.font(8));
        x += kColW[c];
    }
}

} // namespace

bool writeExtractsPdf(const std::vector<ExtractData> &extracts, const QString &path, QString *error)
{
    PdfCanvas pdf(path, false, QStringLiteral("Trích lục bản đồ địa chính"));
    if (!pdf.ok()) {
        *error = pdf.error();
        return false;
    }
    const double left = PdfCanvas::kMargin;
    const double width = pdf.pageWidth() - 2 * left;
    const QFont info = pdf.font(9);

    // Pass 1: pages per extract (the vertex table may continue on further pages).
    std::vector<double> tableTop(extracts.size());
    std::vector<int> pagesOf(extracts.size());
    int pages = 0;
    for (size_t k = 0; k < extracts.size(); ++k) {
        const auto &e = extracts[k];
        double y = pdf.stateHeader({}, false) + 7 + 5;
        for (const auto &l : infoLines(e))
            y += pdf.textHeight(l, info, width) + 0.6;
        y += 2 + kSketchH + 3 + 5;
        tableTop[k] = y;
        const int first = rowsOnFirstPage(y, pdf.pageHeight());
        const int rest = static_cast<int>(e.vertices.size()) - first;
        pagesOf[k] = 1 + (rest > 0 ? (rest + rowsOnNextPage(pdf.pageHeight()) - 1) / rowsOnNextPage(pdf.pageHeight()) : 0);
        pages += pagesOf[k];
    }
    if (extracts.empty()) {
        pdf.text(left, left, width, 10, Qt::AlignLeft, QStringLiteral("Không có thửa đất phù hợp."), pdf.font(10));
        pdf.pageNumber(1, 1);
        if (!pdf.finish()) {
            *error = pdf.error();
            return false;
        }
        return true;
    }

    int page = 0;
    for (size_t k = 0; k < extracts.size(); ++k) {
        const auto &e = extracts[k];
        if (page > 0)
            pdf.newPage();
        ++page;
        QStringList unit{QStringLiteral("Tỉnh: ") + q(e.unit.provinceName)};
        if (!e.unit.communeCode.empty())
            unit << QStringLiteral("Xã: ") + q(e.unit.communeLabel());
        double y = pdf.stateHeader(unit);
        pdf.text(left, y, width, 7, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH"), pdf.font(14, true));
        y += 7;
        pdf.text(left, y, width, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("(kèm hồ sơ kỹ thuật thửa đất)"),
                 pdf.font(9, false, true));
        y += 5;
        for (const auto &l : infoLines(e)) {
            const double h = pdf.textHeight(l, info, width);
            pdf.text(left, y, width, h, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, l, info);
            y += h + 0.6;
        }
        y += 2;
        drawSketch(pdf, e, y);
        y += kSketchH + 3;
        const QString tableTitle = QStringLiteral("HỒ SƠ KỸ THUẬT: BẢNG TỌA ĐỘ ĐỈNH THỬA VÀ CHIỀU DÀI CẠNH (VN-2000, EPSG:") +
                                   QString::number(e.epsg) + QLatin1Char(')');
        pdf.text(left, y, width, 5, Qt::AlignLeft | Qt::AlignTop, tableTitle, pdf.font(9.5, true));
        y = tableTop[k];
        tableHeader(pdf, y);
        y += kRowH;
        const double bottom = pdf.pageHeight() - PdfCanvas::kMargin - PdfCanvas::kFooter;
        for (size_t i = 0; i < e.vertices.size(); ++i) {
            if (y + kRowH > bottom) {
                pdf.pageNumber(page, pages);
                pdf.newPage();
                ++page;
                pdf.text(left, PdfCanvas::kMargin, width, 5, Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("Trích lục thửa đất số ") + opt(e.parcel.thuaSo) + QStringLiteral(", tờ bản đồ số ") +
                             opt(e.parcel.toSo) + QStringLiteral(" (tiếp theo)"),
                         pdf.font(8, false, true));
                y = PdfCanvas::kMargin + 8;
                tableHeader(pdf, y);
                y += kRowH;
            }
            tableRow(pdf, e, i, y);
            y += kRowH;
        }
        if (y + 16 <= bottom) {
            y += 4;
            const double half = width / 2;
            pdf.text(left, y, half, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("NGƯỜI TRÍCH LỤC"), pdf.font(9, true));
            pdf.text(left + half, y, half, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("CƠ QUAN ĐĂNG KÝ ĐẤT ĐAI"),
                     pdf.font(9, true));
            pdf.text(left, y + 4.5, half, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("(ký, ghi rõ họ tên)"),
                     pdf.font(8, false, true));
            pdf.text(left + half, y + 4.5, half, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("(ký tên, đóng dấu)"),
                     pdf.font(8, false, true));
        }
        pdf.pageNumber(page, pages);
    }
    if (!pdf.finish()) {
        *error = pdf.error();
        return false;
    }
    return true;
}

} // namespace vnland::report
