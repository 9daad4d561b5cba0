// Report data laid out as the printed forms: titles, header lines, columns,
// rows and which rows/columns are totals (plugin::ReportTable), the common
// input of every table writer (PDF, XLSX plugin, CSV, HTML).
#pragma once

#include "plugin/plugin_interfaces.h"
#include "report/report_data.h"

namespace vnland::report {

/// Sổ mục kê đất đai: one table per commune, a total row at the end.
QList<plugin::ReportTable> registerTables(store::Project &project, const ReportFilter &filter);
QList<plugin::ReportTable> registerTables(const RegisterData &data, store::Project &project, const ReportFilter &filter);
/// Bảng tổng hợp per sheet, one table per commune.
QList<plugin::ReportTable> summaryTables(store::Project &project, const ReportFilter &filter);
/// Land statistics of one commune (or of all communes when the filter has none).
/// Returns an empty list and the broken identities in @p problems when a check fails;
/// with @p draft the tables are returned all the same (for markDraft()).
QList<plugin::ReportTable> statisticsTables(store::Project &project, const ReportFilter &filter,
                                            const std::string &scheme, std::vector<std::string> *problems,
                                            bool draft = false);
plugin::ReportTable statisticsTable(const StatisticsData &data, const UnitInfo &unit);
/// Vertex tables of extracts (for CSV/HTML/XLSX; the PDF draws the full extract).
QList<plugin::ReportTable> extractTables(const std::vector<ExtractData> &extracts);
/// Validation issues; empty list when the project has no validation table.
QList<plugin::ReportTable> validationTables(store::Project &project, const ReportFilter &filter);

/// Header lines common to every report: province, commune, sheet.
QStringList unitHeader(const UnitInfo &unit, const ReportFilter &filter);

} // namespace vnland::report
