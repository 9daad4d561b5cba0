// The versioned plugin interfaces of VNLand (Tiled's pattern): the version is
// part of each IID, so a plugin built against an older interface fails to
// cast instead of crashing.
#pragma once

#include <QList>
#include <QMap>
#include <QtPlugin>
#include <QString>
#include <QStringList>

namespace vnland::store {
class Project;
}
namespace vnland::survey {
struct SurveyData;
}

namespace vnland::plugin {

inline constexpr int kInterfaceVersion = 1;

struct ExportOptions {
    QString communeCode; ///< empty = all communes
    bool includeHistory = false;
};

/// Writes the land database to another format.
class ExporterPlugin {
public:
    virtual ~ExporterPlugin() = default;
    /// Short name used on the command line (--format NAME).
    virtual QString formatName() const = 0;
    virtual QString description() const = 0;
    virtual QString defaultExtension() const = 0;
    /// Returns false and sets @p error (naming the file and reason) on failure.
    virtual bool exportProject(store::Project &project, const QString &outPath, const ExportOptions &options,
                               QString *error) = 0;
};

struct SurveyReadOptions {
    /// Order of the two plane coordinates in coordinate records:
    /// 0 = the format's documented order, 1 = north (X) first, 2 = east first.
    int axisOrder = 0;
};

/// Reads a surveyors' field file (total-station or data-collector format)
/// into survey points: coordinate records directly, observations reduced to
/// coordinates. Coordinates are in the project CRS (metres, north/east).
class SurveyReaderPlugin {
public:
    virtual ~SurveyReaderPlugin() = default;
    /// Short name used on the command line (--format NAME).
    virtual QString formatName() const = 0;
    virtual QString description() const = 0;
    /// True when the plugin recognises the file (by name or first bytes).
    virtual bool canRead(const QString &path) const = 0;
    /// Fills @p out (points, rejected records with their line numbers, warnings).
    /// Returns false and sets @p error (naming the file) when nothing can be read.
    virtual bool read(const QString &path, const SurveyReadOptions &options, survey::SurveyData &out,
                      QString *error) = 0;
};

/// Writes report data (a table with title and header) to a document format.
/// Numeric cells hold plain numbers with '.' as decimal point ("1234.5"); the
/// writer chooses the display format. Rows listed in rowSums are totals of other
/// rows and columns listed in columnSums are totals of other columns: a
/// spreadsheet writer emits formulas for them (=SUM(...)) with the value cached.
struct ReportTable {
    QString title;
    QStringList headerLines; ///< commune, province, sheet …
    QStringList columns;
    QList<QStringList> rows;
    QList<int> numericColumns;
    // --- interface version 2 ---
    QString sheetName;                 ///< worksheet / section name (≤ 31 chars), empty = from title
    QList<int> integerColumns;         ///< numeric columns shown without decimals (counts)
    QMap<int, QList<int>> rowSums;     ///< row -> rows it sums (over summedColumns)
    QList<int> summedColumns;          ///< numeric columns that rowSums apply to; empty = all numeric
    QMap<int, QList<int>> columnSums;  ///< column -> columns it sums (in rows that are not rowSums)
    QList<int> emphasisRows;           ///< totals and group rows, printed bold
    QStringList footerLines;           ///< notes under the table
};

class ReportWriterPlugin {
public:
    virtual ~ReportWriterPlugin() = default;
    virtual QString formatName() const = 0;
    virtual QString description() const = 0;
    /// Default file extension without the dot ("xlsx").
    virtual QString defaultExtension() const = 0;
    virtual bool writeReport(const QList<ReportTable> &tables, const QString &outPath, QString *error) = 0;
};

} // namespace vnland::plugin

#define VNLAND_EXPORTER_IID "vn.vnland.ExporterPlugin/1"
#define VNLAND_SURVEY_READER_IID "vn.vnland.SurveyReaderPlugin/1"
#define VNLAND_REPORT_WRITER_IID "vn.vnland.ReportWriterPlugin/2"

Q_DECLARE_INTERFACE(vnland::plugin::ExporterPlugin, VNLAND_EXPORTER_IID)
Q_DECLARE_INTERFACE(vnland::plugin::ReportWriterPlugin, VNLAND_REPORT_WRITER_IID)
Q_DECLARE_INTERFACE(vnland::plugin::SurveyReaderPlugin, VNLAND_SURVEY_READER_IID)
