// Report writers: CSV (UTF-8 with BOM), HTML, PDF (pdf_report.h) and XLSX
// through a ReportWriterPlugin (plugins/xlsx_writer), chosen by format.
#pragma once

#include "plugin/plugin_interfaces.h"
#include "report/report_data.h"

#include <optional>
#include <string>

namespace vnland::report {

enum class ReportFormat { Pdf, Xlsx, Csv, Html };

std::optional<ReportFormat> parseFormat(const std::string &name);
/// From the file extension; PDF when unknown.
ReportFormat formatForPath(const QString &path);
QString extensionOf(ReportFormat f);

/// Machine number "1234.5" as printed in Vietnamese: "1.234,5" (decimals kept).
QString viNumber(const QString &machine);

struct TableLayout {
    bool landscape = true;
    /// A draft: the PDF prints "BẢN NHÁP" across every page (see markDraft()).
    bool draft = false;
};

/// The mark a draft carries on every page and worksheet.
QString draftMark();
/// Turns @p tables into a draft of a report whose checks failed: every title (the
/// heading of each PDF page run, each worksheet, each CSV/HTML section) starts with
/// "BẢN NHÁP", and a last table lists the blocking @p findings.
void markDraft(QList<plugin::ReportTable> &tables, const std::vector<std::string> &findings);

/// Writes the tables to @p path. False + @p error (naming the file and reason)
/// on failure; the XLSX format needs the xlsx_writer plugin to be found.
bool writeTables(const QList<plugin::ReportTable> &tables, ReportFormat format, const QString &path, QString *error,
                 const TableLayout &layout = {});
bool writeCsv(const QList<plugin::ReportTable> &tables, const QString &path, QString *error);
bool writeHtml(const QList<plugin::ReportTable> &tables, const QString &path, QString *error);

/// Extracts: PDF draws the full PL13 page with the sketch and the technical
/// record; other formats write the vertex tables. With @p split, @p out is a
/// folder and one file per parcel (<commune>_<tờ>_<thửa>.<ext>) is written.
bool writeExtracts(const std::vector<ExtractData> &extracts, ReportFormat format, const QString &out, bool split,
                   QStringList *written, QString *error);

} // namespace vnland::report
