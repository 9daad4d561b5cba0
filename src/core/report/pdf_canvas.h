// Internal to the report area: an A4 QPdfWriter + QPainter working in
// millimetres, with the report font and the common page decorations.
#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>

namespace vnland::report {

class PdfCanvas {
public:
    /// Opens @p path; check ok() (false + error() when the file cannot be written
    /// or there is no QGuiApplication).
    PdfCanvas(const QString &path, bool landscape, const QString &title);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas &) = delete;
    PdfCanvas &operator=(const PdfCanvas &) = delete;

    bool ok() const { return m_ok; }
    const QString &error() const { return m_error; }
    /// Ends the document; false + error() if the PDF could not be finished.
    bool finish();

    QPainter &painter() { return *m_painter; }
    QPaintDevice *device() { return m_writer.get(); }
    double pageWidth() const { return m_landscape ? 297.0 : 210.0; }
    double pageHeight() const { return m_landscape ? 210.0 : 297.0; }
    static constexpr double kMargin = 12.0;
    static constexpr double kFooter = 8.0; ///< space for the page number at the bottom

    double px(double mm) const { return mm * m_dpmm; }
    QRectF rect(double x, double y, double w, double h) const { return QRectF(px(x), px(y), px(w), px(h)); }
    QPointF point(double x, double y) const { return QPointF(px(x), px(y)); }
    QFont font(double pt, bool bold = false, bool italic = false) const;
    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, m_writer.get()); }
    /// Height in mm of @p text wrapped in @p widthMm.
    double textHeight(const QString &text, const QFont &f, double widthMm) const;
    double textWidth(const QString &text, const QFont &f) const;
    void text(double x, double y, double w, double h, int flags, const QString &s, const QFont &f);

    void newPage();
    /// "Trang i/n" centred at the bottom.
    void pageNumber(int page, int pages);
    /// Large grey text across the page (a draft's mark).
    void watermark(const QString &text);
    /// Province/commune block left, the national motto right; returns the y below it.
    double stateHeader(const QStringList &unitLines, bool draw = true);

private:
    std::unique_ptr<QPdfWriter> m_writer;
    std::unique_ptr<QPainter> m_painter;
    QString m_family;
    QString m_path;
    QString m_error;
    double m_dpmm = 1;
    bool m_landscape = false;
    bool m_ok = false;
};

} // namespace vnland::report
