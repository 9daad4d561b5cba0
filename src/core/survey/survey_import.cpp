// Survey file dispatch: core point-file reader or a SurveyReaderPlugin.
#include "survey/survey_import.h"

#include "crs/transformer.h"
#include "plugin/plugin_interfaces.h"
#include "plugin/plugin_manager.h"

#include <QFileInfo>

#include <proj.h>

namespace vnland::survey {

std::vector<std::string> surveyFormats()
{
    std::vector<std::string> out{"csv", "txt", "dxf"};
    for (auto *p : plugin::PluginManager::instance().objects<plugin::SurveyReaderPlugin>())
        out.push_back(p->formatName().toStdString());
    return out;
}

bool readSurveyFile(const std::string &path, const SurveyFileOptions &options, SurveyData &data, std::string *error)
{
    std::string format = options.format;
    const QString qpath = QString::fromStdString(path);
    if (!QFileInfo::exists(qpath)) {
        *error = path + ": file not found";
        return false;
    }
    if (format.empty()) {
        const std::string ext = QFileInfo(qpath).suffix().toLower().toStdString();
        if (ext == "csv" || ext == "txt" || ext == "pts" || ext == "xyz" || ext == "dat")
            format = "csv";
        else if (ext == "dxf")
            format = "dxf";
        else
            for (auto *p : plugin::PluginManager::instance().objects<plugin::SurveyReaderPlugin>())
                if (p->canRead(qpath)) {
                    format = p->formatName().toStdString();
                    break;
                }
        if (format.empty())
            format = "csv";
    }
    if (format == "csv" || format == "txt") {
        PointFileOptions po;
        po.order = options.order;
        if (!options.import.sourceCrs.empty()) {
            // A geographic source CRS means the columns are degrees.
            std::string err;
            if (auto crs = crs::createCrs(options.import.sourceCrs, &err)) {
                const PJ_TYPE t = proj_get_type(crs.get());
                po.geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
            } else {
                *error = "unknown source CRS '" + options.import.sourceCrs + "': " + err;
                return false;
            }
        }
        PointFileResult r = readPointFile(path, po);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        data.format = "csv";
        data.points = std::move(r.points);
        data.rejected = std::move(r.rejected);
        data.connections = std::move(r.connections);
        data.geographic = r.geographic;
        data.warnings = std::move(r.warnings);
        data.layout = r.layout + ", " + delimiterName(r.delimiter) + "-separated, decimal '" + std::string(1, r.decimal)
                    + "'" + (r.orderHow.empty() ? "" : ", axis order: " + r.orderHow);
        return true;
    }
    if (format == "dxf") {
        if (!options.import.sourceCrs.empty()) {
            *error = path + ": a DXF drawing is read in the project CRS; --source-crs is not supported for DXF";
            return false;
        }
        DxfOptions dopt = options.dxf;
        dopt.parcels = options.import.parcels;
        DxfResult r = readDxfDrawing(path, dopt);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        data.format = "dxf";
        data.layout = r.layout;
        data.rejected = std::move(r.rejected);
        int n = 0;
        for (const DxfLabel &l : r.otherLabels) {
            SurveyPoint p;
            p.name = "T" + std::to_string(++n);
            p.code = l.text;
            p.kind = "label";
            p.north = l.north;
            p.east = l.east;
            data.points.push_back(std::move(p));
        }
        data.drawing = std::move(r.build);
        return true;
    }
    for (auto *p : plugin::PluginManager::instance().objects<plugin::SurveyReaderPlugin>()) {
        if (p->formatName().toStdString() != format)
            continue;
        QString err;
        plugin::SurveyReadOptions ro;
        ro.axisOrder = options.order == AxisOrder::NorthEast ? 1 : options.order == AxisOrder::EastNorth ? 2 : 0;
        data.assumedStation = options.station;
        if (!p->read(qpath, ro, data, &err)) {
            *error = err.toStdString();
            return false;
        }
        data.format = format;
        return true;
    }
    *error = path + ": no reader for the format '" + format + "' (known: csv, txt, dxf";
    for (const auto &f : surveyFormats())
        if (f != "csv" && f != "txt" && f != "dxf")
            *error += ", " + f;
    *error += ")";
    return false;
}

SurveyImportResult importSurveyFile(store::Project &project, const std::string &path, const SurveyFileOptions &options)
{
    SurveyData data;
    std::string error;
    if (!readSurveyFile(path, options, data, &error)) {
        SurveyImportResult r;
        r.error = error;
        return r;
    }
    return storeSurvey(project, path, std::move(data), options.import);
}

} // namespace vnland::survey
