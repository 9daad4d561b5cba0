// PDF documents painted with Qt into QPdfWriter (A4, DejaVu Sans embedded so
// Vietnamese diacritics print): table reports with a header naming province
// and commune, repeated column headers and page numbers, and parcel extracts
// (PL13 sketch with north arrow, numbered vertices, edge lengths and neighbours,
// plus the technical-record vertex table). Needs a QGuiApplication (use
// QT_QPA_PLATFORM=offscreen without a display).
#pragma once

#include "plugin/plugin_interfaces.h"
#include "report/report_data.h"

namespace vnland::report {

/// Registers DejaVu Sans (regular and bold) once; the family name, or empty + @p error.
QString reportFontFamily(QString *error);

/// With @p draft, "BẢN NHÁP" is printed across every page.
bool writeTablesPdf(const QList<plugin::ReportTable> &tables, const QString &path, bool landscape, QString *error,
                    bool draft = false);
bool writeExtractsPdf(const std::vector<ExtractData> &extracts, const QString &path, QString *error);

} // namespace vnland::report
