// Writing vectorizer results: candidate parcels to any OGR vector format and
// the JSON report (counts, timings, every flagged candidate with its reasons).
#include "vectorize/vectorize.h"

#include "io/ogr_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>

namespace vnland::vectorize {

namespace {

std::string driverForPath(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty())
        ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == "json")
        return "GeoJSON";
    auto *mgr = GetGDALDriverManager();
    for (int i = 0; i < mgr->GetDriverCount(); ++i) {
        GDALDriver *d = mgr->GetDriver(i);
        if (!d->GetMetadataItem(GDAL_DCAP_VECTOR) || !d->GetMetadataItem(GDAL_DCAP_CREATE))
            continue;
        const char *exts = d->GetMetadataItem(GDAL_DMD_EXTENSIONS);
        if (!exts)
            continue;
        const CPLStringList list(CSLTokenizeString(exts));
        for (int k = 0; k < list.size(); ++k)
            if (EQUAL(list[k], ext.c_str()))
                return d->GetDescription();
    }
    return {};
}

} // namespace

bool writeCandidates(const VectorizeResult &result, const std::string &path, const std::string &driverName,
                     std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = path + ": " + m;
        return false;
    };
    io::ScopedGdalErrors errors;
    const std::string name = driverName.empty() ? driverForPath(path) : driverName;
    GDALDriver *drv = name.empty() ? nullptr : GetGDALDriverManager()->GetDriverByName(name.c_str());
    if (!drv)
        return fail("no vector format for this file name" + (name.empty() ? std::string() : " (driver " + name + ")") +
                    "; use .gpkg, .shp, .geojson or --format");
    if (std::filesystem::exists(path))
        return fail("exists already; choose another file name");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return fail("cannot be created (" + errors.last() + ")");
    OGRSpatialReference srs;
    srs.importFromEPSG(result.epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    char **lco = nullptr;
    if (name == "ESRI Shapefile")
        lco = CSLSetNameValue(lco, "ENCODING", "UTF-8");
    OGRLayer *layer = ds->CreateLayer("candidates", &srs, wkbPolygon, lco);
    CSLDestroy(lco);
    if (!layer)
        return fail("cannot create the layer (" + errors.last() + ")");
    auto field = [&](const char *n, OGRFieldType t, int width = 0) {
        OGRFieldDefn f(n, t);
        if (width)
            f.SetWidth(width);
        return layer->CreateField(&f) == OGRERR_NONE;
    };
    if (!field("thua_so", OFTInteger) || !field("landuse_code", OFTString, 16) || !field("label_area", OFTReal) ||
        !field("confidence", OFTReal) || !field("review", OFTString, 254))
        return fail("cannot create the fields (" + errors.last() + ")");
    const bool tx = ds->StartTransaction() == OGRERR_NONE;
    for (const Candidate &c : result.candidates) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        if (c.thuaSo)
            f->SetField("thua_so", *c.thuaSo);
        f->SetField("landuse_code", c.landuseCode.c_str());
        if (c.labelArea)
            f->SetField("label_area", *c.labelArea);
        f->SetField("confidence", c.confidence);
        f->SetField("review", c.reviewText().c_str());
        OGRGeometry *g = nullptr;
        if (OGRGeometryFactory::createFromWkb(c.wkb.data(), &srs, &g, c.wkb.size()) != OGRERR_NONE || !g)
            return fail("a candidate geometry could not be encoded");
        f->SetGeometryDirectly(g);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            return fail("writing a feature failed (" + errors.last() + ")");
    }
    if (tx && ds->CommitTransaction() != OGRERR_NONE)
        return fail("commit failed (" + errors.last() + ")");
    ds.reset();
    return true;
}

std::string reportJson(const VectorizeResult &r, const std::string &scanPath)
{
    QJsonObject o;
    o[QStringLiteral("scan")] = QString::fromStdString(scanPath);
    o[QStringLiteral("ok")] = r.ok;
    if (!r.error.empty())
        o[QStringLiteral("error")] = QString::fromStdString(r.error);
    o[QStringLiteral("epsg")] = r.epsg;
    o[QStringLiteral("width")] = r.width;
    o[QStringLiteral("height")] = r.height;
    o[QStringLiteral("px_per_mm")] = r.pxPerMm;
    o[QStringLiteral("line_width_px")] = r.lineWidthPx;
    int labelled = 0, numbers = 0, codes = 0, areas = 0;
    for (const auto &c : r.candidates) {
        labelled += c.labelPixelX >= 0;
        numbers += c.thuaSo.has_value();
        codes += !c.landuseCode.empty();
        areas += c.labelArea.has_value();
    }
    QJsonObject counts;
    counts[QStringLiteral("candidates")] = static_cast<int>(r.candidates.size());
    counts[QStringLiteral("need_review")] = r.needReview();
    counts[QStringLiteral("labelled")] = labelled;
    counts[QStringLiteral("numbers_read")] = numbers;
    counts[QStringLiteral("codes_read")] = codes;
    counts[QStringLiteral("areas_read")] = areas;
    counts[QStringLiteral("label_blocks")] = r.labelBlocks;
    counts[QStringLiteral("labels_outside_parcels")] = r.labelsOutsideFaces;
    o[QStringLiteral("counts")] = counts;
    QJsonArray missing, dup;
    for (int n : r.missingNumbers)
        missing.append(n);
    for (int n : r.duplicateNumbers)
        dup.append(n);
    o[QStringLiteral("missing_numbers")] = missing;
    o[QStringLiteral("duplicate_numbers")] = dup;
    QJsonObject times;
    double total = 0;
    for (const auto &t : r.timings) {
        times[QString::fromStdString(t.stage)] = t.seconds;
        total += t.seconds;
    }
    times[QStringLiteral("total")] = total;
    o[QStringLiteral("seconds")] = times;
    QJsonArray flagged;
    for (size_t i = 0; i < r.candidates.size(); ++i) {
        const Candidate &c = r.candidates[i];
        if (c.review.empty())
            continue;
        QJsonObject f;
        f[QStringLiteral("index")] = static_cast<int>(i);
        if (c.thuaSo)
            f[QStringLiteral("thua_so")] = *c.thuaSo;
        f[QStringLiteral("landuse_code")] = QString::fromStdString(c.landuseCode);
        if (c.labelArea)
            f[QStringLiteral("label_area")] = *c.labelArea;
        f[QStringLiteral("area")] = c.area;
        f[QStringLiteral("confidence")] = c.confidence;
        QJsonArray reasons;
        for (const auto &s : c.review)
            reasons.append(QString::fromStdString(s));
        f[QStringLiteral("review")] = reasons;
        if (c.labelPixelX >= 0)
            f[QStringLiteral("label_pixel")] = QJsonArray{c.labelPixelX, c.labelPixelY};
        QJsonObject raw;
        raw[QStringLiteral("number")] = QString::fromStdString(c.numberField.text);
        raw[QStringLiteral("code")] = QString::fromStdString(c.codeField.text);
        raw[QStringLiteral("area")] = QString::fromStdString(c.areaField.text);
        f[QStringLiteral("ocr")] = raw;
        flagged.append(f);
    }
    o[QStringLiteral("flagged")] = flagged;
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace vnland::vectorize
