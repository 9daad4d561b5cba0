// XLSX report writer (libxlsxwriter): one worksheet per report table, numbers
// stored as numbers (0.1 m² / 0.01 m formats), totals as =SUM formulas with
// the value cached so viewers that do not recalculate still show it.
#pragma once

#include "plugin/plugin_interfaces.h"

#include <QObject>

namespace vnland::plugins {

class XlsxWriter : public QObject, public plugin::ReportWriterPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_REPORT_WRITER_IID FILE "xlsx_writer.json")
    Q_INTERFACES(vnland::plugin::ReportWriterPlugin)

public:
    QString formatName() const override { return QStringLiteral("xlsx"); }
    QString description() const override { return tr("Reports as Excel workbooks (XLSX) with SUM formulas for totals"); }
    QString defaultExtension() const override { return QStringLiteral("xlsx"); }
    bool writeReport(const QList<plugin::ReportTable> &tables, const QString &outPath, QString *error) override;
};

} // namespace vnland::plugins
