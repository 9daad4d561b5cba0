// CSV and HTML writers, format dispatch, XLSX through the report-writer plugin.
#include "report/report_writer.h"

#include "plugin/plugin_manager.h"
#include "report/pdf_report.h"
#include "report/report_tables.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace vnland::report {

std::optional<ReportFormat> parseFormat(const std::string &name)
{
    if (name == "pdf")
        return ReportFormat::Pdf;
    if (name == "xlsx")
        return ReportFormat::Xlsx;
    if (name == "csv")
        return ReportFormat::Csv;
    if (name == "html" || name == "htm")
        return ReportFormat::Html;
    return std::nullopt;
}

ReportFormat formatForPath(const QString &path)
{
    return parseFormat(QFileInfo(path).suffix().toLower().toStdString()).value_or(ReportFormat::Pdf);
}

QString extensionOf(ReportFormat f)
{
    switch (f) {
    case ReportFormat::Pdf: return QStringLiteral("pdf");
    case ReportFormat::Xlsx: return QStringLiteral("xlsx");
    case ReportFormat::Csv: return QStringLiteral("csv");
    case ReportFormat::Html: return QStringLiteral("html");
    }
    return QStringLiteral("pdf");
}

QString viNumber(const QString &machine)
{
    if (machine.isEmpty())
        return machine;
    QString s = machine;
    const bool neg = s.startsWith(QLatin1Char('-'));
    if (neg)
        s.remove(0, 1);
    const int dot = s.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? s : s.left(dot);
    const QString frac = dot < 0 ? QString() : s.mid(dot + 1);
    for (const QChar c : whole)
        if (!c.isDigit())
            return machine; // not a plain number: leave as is
    QString grouped;
    for (int i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += QLatin1Char('.');
        grouped += whole[i];
    }
    return (neg ? QStringLiteral("-") : QString()) + grouped + (frac.isEmpty() ? QString() : QLatin1Char(',') + frac);
}

namespace {

bool commitFile(QSaveFile &f, const QString &path, QString *error)
{
    if (!f.commit()) {
        *error = path + QStringLiteral(": cannot write (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    return true;
}

bool openFile(QSaveFile &f, const QString &path, QString *error)
{
    if (!f.open(QIODevice::WriteOnly)) {
        *error = path + QStringLiteral(": cannot write (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    return true;
}

QByteArray csvField(const QString &s)
{
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r') || b.startsWith(' ')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QString html(const QString &s) { return s.toHtmlEscaped(); }

} // namespace

bool writeCsv(const QList<plugin::ReportTable> &tables, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!openFile(f, path, error))
        return false;
    f.write("\xEF\xBB\xBF"); // BOM: Excel then reads UTF-8
    bool first = true;
    for (const auto &t : tables) {
        if (!first)
            f.write("\r\n");
        first = false;
        // Title and header lines as single-cell rows, then the table.
        f.write(csvField(t.title) + "\r\n");
        for (const auto &h : t.headerLines)
            f.write(csvField(h) + "\r\n");
        QByteArrayList cols;
        for (const auto &c : t.columns)
            cols << csvField(c);
        f.write(cols.join(',') + "\r\n");
        for (const auto &r : t.rows) {
            QByteArrayList cells;
            for (const auto &c : r)
                cells << csvField(c);
            f.write(cells.join(',') + "\r\n");
        }
        for (const auto &l : t.footerLines)
            f.write(csvField(l) + "\r\n");
    }
    return commitFile(f, path, error);
}

bool writeHtml(const QList<plugin::ReportTable> &tables, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!openFile(f, path, error))
        return false;
    QString s;
    s += QStringLiteral("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>");
    s += html(tables.isEmpty() ? QStringLiteral("Báo cáo") : tables.first().title);
    s += QStringLiteral("</title><style>body{font-family:'DejaVu Sans',sans-serif;font-size:10pt}"
                        "table{border-collapse:collapse}th,td{border:1px solid #444;padding:2px 5px}"
                        "th{background:#eee}td.n{text-align:right}tr.b td{font-weight:bold}"
                        ".hdr{margin:0}h1{font-size:13pt;text-align:center}section{page-break-after:always}"
                        "</style></head><body>\n");
    for (const auto &t : tables) {
        s += QStringLiteral("<section>\n");
        for (const auto &h : t.headerLines)
            s += QStringLiteral("<p class=\"hdr\">") + html(h) + QStringLiteral("</p>\n");
        s += QStringLiteral("<h1>") + html(t.title) + QStringLiteral("</h1>\n<table>\n<tr>");
        for (const auto &c : t.columns)
            s += QStringLiteral("<th>") + html(c) + QStringLiteral("</th>");
        s += QStringLiteral("</tr>\n");
        for (int r = 0; r < t.rows.size(); ++r) {
            s += t.emphasisRows.contains(r) ? QStringLiteral("<tr class=\"b\">") : QStringLiteral("<tr>");
            for (int c = 0; c < t.rows[r].size(); ++c) {
                const bool n = t.numericColumns.contains(c);
                s += n ? QStringLiteral("<td class=\"n\">") : QStringLiteral("<td>");
                s += html(n ? viNumber(t.rows[r][c]) : t.rows[r][c]);
                s += QStringLiteral("</td>");
            }
            s += QStringLiteral("</tr>\n");
        }
        s += QStringLiteral("</table>\n");
        for (const auto &l : t.footerLines)
            s += QStringLiteral("<p>") + html(l) + QStringLiteral("</p>\n");
        s += QStringLiteral("</section>\n");
    }
    s += QStringLiteral("</body></html>\n");
    f.write(s.toUtf8());
    return commitFile(f, path, error);
}

QString draftMark() { return QStringLiteral("BẢN NHÁP"); }

void markDraft(QList<plugin::ReportTable> &tables, const std::vector<std::string> &findings)
{
    const QString note = QStringLiteral("%1: chưa đạt kiểm tra").arg(draftMark());
    for (auto &t : tables) {
        t.title = draftMark() + QStringLiteral(" — ") + t.title;
        t.headerLines.prepend(note);
        if (!t.sheetName.isEmpty())
            t.sheetName = (QStringLiteral("Nháp ") + t.sheetName).left(31);
        t.footerLines << QStringLiteral("%1: số liệu có %2 điểm chưa đạt kiểm tra (xem bảng cuối), không dùng làm báo cáo "
                                        "chính thức.")
                             .arg(draftMark())
                             .arg(findings.size());
    }
    plugin::ReportTable list;
    list.title = draftMark() + QStringLiteral(" — CÁC ĐIỂM CHƯA ĐẠT KIỂM TRA");
    list.sheetName = QStringLiteral("Nháp - chưa đạt");
    list.headerLines << note;
    list.columns << QStringLiteral("STT") << QStringLiteral("Nội dung chưa đạt");
    list.numericColumns << 0;
    list.integerColumns << 0;
    int n = 0;
    for (const auto &f : findings)
        list.rows << QStringList{QString::number(++n), QString::fromStdString(f)};
    tables << list;
}

bool writeTables(const QList<plugin::ReportTable> &tables, ReportFormat format, const QString &path, QString *error,
                 const TableLayout &layout)
{
    switch (format) {
    case ReportFormat::Csv: return writeCsv(tables, path, error);
    case ReportFormat::Html: return writeHtml(tables, path, error);
    case ReportFormat::Pdf: return writeTablesPdf(tables, path, layout.landscape, error, layout.draft);
    case ReportFormat::Xlsx: {
        for (auto *w : plugin::PluginManager::instance().objects<plugin::ReportWriterPlugin>())
            if (w->formatName() == QLatin1String("xlsx"))
                return w->writeReport(tables, path, error);
        *error = path + QStringLiteral(": no XLSX report writer plugin found (vnland_xlsx_writer); searched ") +
                 plugin::PluginManager::instance().searchPaths().join(QStringLiteral(", "));
        return false;
    }
    }
    return false;
}

bool writeExtracts(const std::vector<ExtractData> &extracts, ReportFormat format, const QString &out, bool split,
                   QStringList *written, QString *error)
{
    auto writeSome = [&](const std::vector<ExtractData> &list, const QString &path) {
        const bool ok = format == ReportFormat::Pdf ? writeExtractsPdf(list, path, error)
                                                    : writeTables(extractTables(list), format, path, error, {false});
        if (ok)
            written->append(path);
        return ok;
    };
    if (!split)
        return writeSome(extracts, out);
    QDir dir(out);
    if (!dir.exists() && !QDir().mkpath(out)) {
        *error = out + QStringLiteral(": cannot create the folder");
        return false;
    }
    for (const auto &e : extracts) {
        const auto &p = e.parcel;
        const QString name = QString::fromStdString(p.communeCode.empty() ? std::string("x") : p.communeCode) +
                             QLatin1Char('_') + (p.toSo ? QString::number(*p.toSo) : QStringLiteral("x")) +
                             QLatin1Char('_') + (p.thuaSo ? QString::number(*p.thuaSo) : QString::number(p.id)) +
                             QLatin1Char('.') + extensionOf(format);
        if (!writeSome({e}, dir.filePath(name)))
            return false;
    }
    return true;
}

} // namespace vnland::report
