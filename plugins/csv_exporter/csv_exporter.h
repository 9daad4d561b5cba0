// CSV of parcel attributes: UTF-8 with a byte-order mark so that Excel shows
// Vietnamese diacritics, one row per live parcel, areas to 0.1 m².
#pragma once

#include "plugin/plugin_interfaces.h"

#include <QObject>

namespace vnland::plugins {

class CsvExporter : public QObject, public plugin::ExporterPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_EXPORTER_IID FILE "csv_exporter.json")
    Q_INTERFACES(vnland::plugin::ExporterPlugin)

public:
    QString formatName() const override { return QStringLiteral("csv"); }
    QString description() const override { return tr("Parcel attributes as CSV (UTF-8 with BOM)"); }
    QString defaultExtension() const override { return QStringLiteral("csv"); }
    bool exportProject(store::Project &project, const QString &outPath, const plugin::ExportOptions &options,
                       QString *error) override;
};

} // namespace vnland::plugins
