// PDF table reports (sổ mục kê, bảng tổng hợp, thống kê, kiểm tra): columns
// sized to their content, font shrunk until the table fits the page width,
// rows wrapped, column headers repeated on every page, "Trang i/n" footers.
#include "report/pdf_report.h"

#include "report/pdf_canvas.h"
#include "report/report_writer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>

#include <algorithm>
#include <mutex>

namespace vnland::report {

QString reportFontFamily(QString *error)
{
    static QString family;
    static QString failure;
    static std::once_flag once;
    std::call_once(once, [] {
        const QString dir = QStringLiteral("/usr/share/fonts/truetype/dejavu/");
        const int id = QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans.ttf"));
        QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans-Bold.ttf"));
        QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans-Oblique.ttf"));
        if (id < 0 || QFontDatabase::applicationFontFamilies(id).isEmpty())
            failure = dir + QStringLiteral("DejaVuSans.ttf: cannot load the report font (package fonts-dejavu-core)");
        else
            family = QFontDatabase::applicationFontFamilies(id).first();
    });
    if (family.isEmpty() && error)
        *error = failure;
    return family;
}

// ------------------------------------------------------------------ PdfCanvas

PdfCanvas::PdfCanvas(const QString &path, bool landscape, const QString &title) : m_path(path), m_landscape(landscape)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_error = path + QStringLiteral(": PDF reports need a QGuiApplication (set QT_QPA_PLATFORM=offscreen without a display)");
        return;
    }
    m_family = reportFontFamily(&m_error);
    if (m_family.isEmpty()) {
        m_error = path + QStringLiteral(": ") + m_error;
        return;
    }
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        m_error = path + QStringLiteral(": cannot write (") + probe.errorString() + QLatin1Char(')');
        return;
    }
    probe.close();
    m_writer = std::make_unique<QPdfWriter>(path);
    m_writer->setResolution(300);
    m_writer->setPageSize(QPageSize(QPageSize::A4));
    m_writer->setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    m_writer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    m_writer->setCreator(QStringLiteral("VNLand"));
    m_writer->setTitle(title);
    m_dpmm = m_writer->resolution() / 25.4;
    m_painter = std::make_unique<QPainter>();
    if (!m_painter->begin(m_writer.get())) {
        m_error = path + QStringLiteral(": cannot start the PDF");
        return;
    }
    m_painter->setRenderHint(QPainter::Antialiasing);
    m_ok = true;
}

PdfCanvas::~PdfCanvas()
{
    if (m_painter && m_painter->isActive())
        m_painter->end();
}

bool PdfCanvas::finish()
{
    if (!m_ok)
        return false;
    if (!m_painter->end()) {
        m_error = m_path + QStringLiteral(": cannot finish the PDF");
        return false;
    }
    return true;
}

QFont PdfCanvas::font(double pt, bool bold, bool italic) const
{
    QFont f(m_family);
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

double PdfCanvas::textHeight(const QString &text, const QFont &f, double widthMm) const
{
    const QRectF r = metrics(f).boundingRect(QRectF(0, 0, px(widthMm), 1e6), Qt::TextWordWrap, text);
    return r.height() / m_dpmm;
}

double PdfCanvas::textWidth(const QString &text, const QFont &f) const
{
    return metrics(f).horizontalAdvance(text) / m_dpmm;
}

void PdfCanvas::text(double x, double y, double w, double h, int flags, const QString &s, const QFont &f)
{
    m_painter->setFont(f);
    m_painter->drawText(rect(x, y, w, h), flags, s);
}

void PdfCanvas::newPage() { m_writer->newPage(); }

void PdfCanvas::watermark(const QString &s)
{
    m_painter->save();
    m_painter->setPen(QColor(200, 0, 0, 70));
    const QPointF c = rect(0, 0, pageWidth(), pageHeight()).center();
    m_painter->translate(c);
    m_painter->rotate(-30);
    const QFont f = font(60, true);
    m_painter->setFont(f);
    const QRectF box(-px(pageWidth()), -px(20), 2 * px(pageWidth()), px(40));
    m_painter->drawText(box, Qt::AlignCenter, s);
    m_painter->restore();
}

void PdfCanvas::pageNumber(int page, int pages)
{
    m_painter->setPen(Qt::black);
    text(0, pageHeight() - kMargin + 1, pageWidth(), 5, Qt::AlignHCenter | Qt::AlignTop,
         QStringLiteral("Trang %1/%2").arg(page).arg(pages), font(8));
}

double PdfCanvas::stateHeader(const QStringList &unitLines, bool draw)
{
    const double w = (pageWidth() - 2 * kMargin) / 2;
    double yl = kMargin;
    m_painter->setPen(Qt::black);
    for (const auto &l : unitLines) {
        if (draw)
            text(kMargin, yl, w, 5, Qt::AlignLeft | Qt::AlignTop, l.toUpper(), font(9, true));
        yl += 4.6;
    }
    double yr = kMargin;
    if (draw)
        text(kMargin + w, yr, w, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), font(9, true));
    yr += 4.6;
    if (draw)
        text(kMargin + w, yr, w, 5, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("Độc lập - Tự do - Hạnh phúc"), font(9, true));
    yr += 6;
    return std::max(yl, yr) + 2;
}

// ------------------------------------------------------------------ tables

namespace {

struct TableLayoutInfo {
    double fontPt = 8;
    std::vector<double> widths;        // mm
    std::vector<double> rowHeights;    // mm
    double headerHeight = 0;
    std::vector<std::pair<int, int>> pages; // [first, last) rows per page
    std::vector<double> cellWidth;     // mm at fontPt, row-major; 0 = empty cell
};

QString cell(const plugin::ReportTable &t, int r, int c)
{
    const QString s = c < t.rows[r].size() ? t.rows[r][c] : QString();
    return t.numericColumns.contains(c) ? viNumber(s) : s;
}

double longestWord(PdfCanvas &pdf, const QString &s, const QFont &f)
{
    double w = 0;
    for (const auto &word : s.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        w = std::max(w, pdf.textWidth(word, f));
    return w;
}

TableLayoutInfo layoutTable(PdfCanvas &pdf, const plugin::ReportTable &t, double available, double firstTop, double top)
{
    TableLayoutInfo L;
    const int nc = static_cast<int>(t.columns.size());
    const int nr = static_cast<int>(t.rows.size());
    const double pad = 1.6;
    // Measure once at a reference size; text width scales with the point size.
    constexpr double kRef = 10.0;
    const QFont rf = pdf.font(kRef), rfb = pdf.font(kRef, true);
    std::vector<double> &cellW = L.cellWidth;
    cellW.assign(static_cast<size_t>(nr) * nc, 0);
    std::vector<double> natText(nc, 0), minWord(nc, 0), headWord(nc, 0), headFull(nc, 0);
    for (int c = 0; c < nc; ++c) {
        headWord[c] = longestWord(pdf, t.columns[c], rfb);
        headFull[c] = pdf.textWidth(t.columns[c], rfb);
        const bool numeric = t.numericColumns.contains(c);
        for (int r = 0; r < nr; ++r) {
            const QString s = cell(t, r, c);
            if (s.isEmpty())
                continue;
            const QFont &ff = t.emphasisRows.contains(r) ? rfb : rf;
            const double w = pdf.textWidth(s, ff);
            cellW[static_cast<size_t>(r) * nc + c] = w;
            natText[c] = std::max(natText[c], w);
            minWord[c] = std::max(minWord[c], numeric ? w : (s.contains(QLatin1Char(' ')) ? longestWord(pdf, s, ff) : w));
        }
    }
    for (double pt = 8.5; pt >= 5.0; pt -= 0.5) {
        L.fontPt = pt;
        const double k = pt / kRef;
        std::vector<double> natural(nc, 0), minimum(nc, 0);
        for (int c = 0; c < nc; ++c) {
            const bool numeric = t.numericColumns.contains(c);
            minimum[c] = headWord[c] * k + pad;
            minimum[c] = std::max(minimum[c], numeric ? minWord[c] * k + pad : std::min(minWord[c] * k + pad, 30.0));
            // A header may wrap onto two or three lines, not one word per line.
            natural[c] = std::max({natText[c] * k + pad, minimum[c], std::min(headFull[c] * k / 2.5 + pad, 24.0)});
            if (!numeric)
                natural[c] = std::max(std::min(natural[c], 70.0), minimum[c]);
            // Names and notes keep a readable width instead of wrapping word by word.
            if (!numeric)
                minimum[c] = std::max(minimum[c], std::min(natural[c], 0.2 * available));
        }
        double sumNat = 0, sumMin = 0;
        for (int c = 0; c < nc; ++c) {
            sumNat += natural[c];
            sumMin += minimum[c];
        }
        L.widths = natural;
        if (sumNat <= available) {
            // Stretch to the full width: the extra goes to the wide text columns (names, notes).
            double wide = 0;
            for (int c = 0; c < nc; ++c)
                if (!t.numericColumns.contains(c) && natural[c] > 25)
                    wide += natural[c];
            for (int c = 0; c < nc; ++c) {
                if (wide > 0 && !t.numericColumns.contains(c) && natural[c] > 25)
                    L.widths[c] += (available - sumNat) * natural[c] / wide;
                else if (wide <= 0)
                    L.widths[c] *= available / sumNat;
            }
            break;
        }
        if (sumMin <= available) {
            // Shrink the wrappable columns between their minimum and natural widths.
            const double s = (available - sumMin) / (sumNat - sumMin);
            for (int c = 0; c < nc; ++c)
                L.widths[c] = minimum[c] + (natural[c] - minimum[c]) * s;
            break;
        }
        if (pt <= 5.0) {
            for (int c = 0; c < nc; ++c)
                L.widths[c] = minimum[c] * available / sumMin;
        }
    }
    const QFont f = pdf.font(L.fontPt), fb = pdf.font(L.fontPt, true);
    const double k = L.fontPt / kRef;
    L.headerHeight = 0;
    for (int c = 0; c < nc; ++c)
        L.headerHeight = std::max(L.headerHeight, pdf.textHeight(t.columns[c], fb, L.widths[c] - pad) + 1.6);
    const double line = pdf.metrics(f).height() / pdf.px(1);
    for (auto &w : cellW)
        w *= k;
    L.rowHeights.resize(nr);
    for (int r = 0; r < nr; ++r) {
        double h = line;
        const QFont &ff = t.emphasisRows.contains(r) ? fb : f;
        for (int c = 0; c < nc; ++c)
            if (cellW[static_cast<size_t>(r) * nc + c] > L.widths[c] - pad) // only wrapped cells need measuring
                h = std::max(h, pdf.textHeight(cell(t, r, c), ff, L.widths[c] - pad));
        L.rowHeights[r] = h + 1.2;
    }
    const double bottom = pdf.pageHeight() - PdfCanvas::kMargin - PdfCanvas::kFooter;
    int r = 0;
    bool first = true;
    do {
        double y = (first ? firstTop : top) + L.headerHeight;
        const int start = r;
        while (r < t.rows.size() && (y + L.rowHeights[r] <= bottom || r == start)) {
            y += L.rowHeights[r];
            ++r;
        }
        L.pages.push_back({start, r});
        first = false;
    } while (r < t.rows.size());
    return L;
}

double firstPageTop(PdfCanvas &pdf, const plugin::ReportTable &t, bool measureOnly, int page, int pages)
{
    double y = pdf.stateHeader(t.headerLines.mid(0, 2), !measureOnly);
    const double w = pdf.pageWidth() - 2 * PdfCanvas::kMargin;
    const QFont title = pdf.font(13, true);
    const double th = pdf.textHeight(t.title, title, w);
    if (!measureOnly)
        pdf.text(PdfCanvas::kMargin, y, w, th, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, t.title, title);
    y += th + 1.5;
    for (int i = 2; i < t.headerLines.size(); ++i) {
        if (!measureOnly)
            pdf.text(PdfCanvas::kMargin, y, w, 5, Qt::AlignHCenter | Qt::AlignTop, t.headerLines[i], pdf.font(9));
        y += 4.5;
    }
    (void)page;
    (void)pages;
    return y + 2;
}

double continuationTop(PdfCanvas &pdf, const plugin::ReportTable &t, bool measureOnly)
{
    const double w = pdf.pageWidth() - 2 * PdfCanvas::kMargin;
    QString head = t.title;
    if (!t.headerLines.isEmpty())
        head += QStringLiteral(" — ") + t.headerLines.mid(0, 2).join(QStringLiteral(", "));
    head += QStringLiteral(" (tiếp theo)");
    if (!measureOnly)
        pdf.text(PdfCanvas::kMargin, PdfCanvas::kMargin, w, 5, Qt::AlignLeft | Qt::AlignTop, head, pdf.font(8, false, true));
    return PdfCanvas::kMargin + 6;
}

} // namespace

bool writeTablesPdf(const QList<plugin::ReportTable> &tables, const QString &path, bool landscape, QString *error,
                    bool draft)
{
    PdfCanvas pdf(path, landscape, tables.isEmpty() ? QStringLiteral("Báo cáo") : tables.first().title);
    if (!pdf.ok()) {
        *error = pdf.error();
        return false;
    }
    QPainter &p = pdf.painter();
    const double left = PdfCanvas::kMargin;
    const double available = pdf.pageWidth() - 2 * left;
    std::vector<TableLayoutInfo> layouts;
    int pages = 0;
    for (const auto &t : tables) {
        const double firstTop = firstPageTop(pdf, t, true, 0, 0);
        const double top = continuationTop(pdf, t, true);
        layouts.push_back(layoutTable(pdf, t, available, firstTop, top));
        pages += static_cast<int>(layouts.back().pages.size());
    }
    if (tables.isEmpty()) {
        pdf.text(left, left, available, 10, Qt::AlignLeft, QStringLiteral("Không có dữ liệu."), pdf.font(10));
        pdf.pageNumber(1, 1);
        if (!pdf.finish()) {
            *error = pdf.error();
            return false;
        }
        return true;
    }
    int page = 0;
    for (int ti = 0; ti < tables.size(); ++ti) {
        const auto &t = tables[ti];
        const auto &L = layouts[static_cast<size_t>(ti)];
        const QFont f = pdf.font(L.fontPt), fb = pdf.font(L.fontPt, true);
        const double pad = 0.8;
        for (size_t pi = 0; pi < L.pages.size(); ++pi) {
            if (page > 0)
                pdf.newPage();
            ++page;
            double y = pi == 0 ? firstPageTop(pdf, t, false, page, pages) : continuationTop(pdf, t, false);
            // Column header.
            p.setPen(QPen(Qt::black, pdf.px(0.2)));
            p.setBrush(QColor(235, 235, 235));
            double x = left;
            for (int c = 0; c < t.columns.size(); ++c) {
                const double w = L.widths[static_cast<size_t>(c)];
                p.drawRect(pdf.rect(x, y, w, L.headerHeight));
                pdf.text(x + pad, y + 0.8, w - 2 * pad, L.headerHeight - 1.6,
                         Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, t.columns[c], fb);
                x += w;
            }
            y += L.headerHeight;
            p.setBrush(Qt::NoBrush);
            const auto [from, to] = L.pages[pi];
            // Grid: one line under each row, the verticals once per page.
            const double yTop = y;
            QList<bool> numericCol;
            for (int c = 0; c < t.columns.size(); ++c)
                numericCol << t.numericColumns.contains(c);
            p.setFont(f);
            const QFontMetricsF fm = pdf.metrics(f);
            const double lineH = fm.height() / pdf.px(1);
            const double ascent = fm.ascent();
            for (int r = from; r < to; ++r) {
                const double h = L.rowHeights[static_cast<size_t>(r)];
                const bool bold = t.emphasisRows.contains(r);
                if (bold)
                    p.setFont(fb);
                x = left;
                for (int c = 0; c < t.columns.size(); ++c) {
                    const double w = L.widths[static_cast<size_t>(c)];
                    const double tw = L.cellWidth[static_cast<size_t>(r) * t.columns.size() + c];
                    if (tw > 0 && tw <= w - 2 * pad) {
                        // One line: draw at the baseline, no text layout (fast for 100 000 rows).
                        const double tx = numericCol[c] ? x + w - pad - tw : x + pad;
                        p.drawText(QPointF(pdf.px(tx), pdf.px(y + (h - lineH) / 2) + ascent), cell(t, r, c));
                    } else if (tw > 0) {
                        const int align = (numericCol[c] ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextWordWrap;
                        p.drawText(pdf.rect(x + pad, y, w - 2 * pad, h), align, cell(t, r, c));
                    }
                    x += w;
                }
                if (bold)
                    p.setFont(f);
                y += h;
                p.drawLine(pdf.point(left, y), pdf.point(left + available, y));
            }
            x = left;
            p.drawLine(pdf.point(x, yTop), pdf.point(x, y));
            for (int c = 0; c < t.columns.size(); ++c) {
                x += L.widths[static_cast<size_t>(c)];
                p.drawLine(pdf.point(x, yTop), pdf.point(x, y));
            }
            if (pi + 1 == L.pages.size()) {
                y += 2;
                for (const auto &line : t.footerLines) {
                    const double h = pdf.textHeight(line, pdf.font(8, false, true), available);
                    if (y + h > pdf.pageHeight() - PdfCanvas::kMargin - PdfCanvas::kFooter)
                        break;
                    pdf.text(left, y, available, h, Qt::AlignLeft | Qt::TextWordWrap, line, pdf.font(8, false, true));
                    y += h + 0.5;
                }
            }
            if (draft)
                pdf.watermark(draftMark());
            pdf.pageNumber(page, pages);
        }
    }
    if (!pdf.finish()) {
        *error = pdf.error();
        return false;
    }
    return true;
}

} // namespace vnland::report
