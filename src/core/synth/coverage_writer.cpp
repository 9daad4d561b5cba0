// Writes a synthetic coverage with GDAL/OGR: Shapefile with the Circular 75
// DBF names (optionally in a legacy 8-bit encoding written byte for byte, the
// way old land-office software did), GeoJSON (RFC 7946, WGS84 through the
// pinned VN-2000 operation) or GeoPackage; plus the sheet frames and the
// fault manifest.
#include "synth/coverage_generator.h"

#include "crs/transformer.h"
#include "io/ogr_util.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace vnland::synth {

namespace {

namespace fs = std::filesystem;

constexpr const char *kFixedDate = "2025-07-01";

std::string lower(std::string s)
{
    for (auto &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string formatFor(const std::string &explicitFormat, const std::string &path)
{
    if (!explicitFormat.empty())
        return lower(explicitFormat);
    const std::string ext = lower(fs::path(path).extension().string());
    if (ext == ".shp")
        return "shp";
    if (ext == ".geojson" || ext == ".json")
        return "geojson";
    if (ext == ".gpkg")
        return "gpkg";
    return "";
}

const char *driverName(const std::string &format)
{
    if (format == "shp")
        return "ESRI Shapefile";
    if (format == "geojson")
        return "GeoJSON";
    if (format == "gpkg")
        return "GPKG";
    return nullptr;
}

/// Field names: Circular 75 DBF names for Shapefile, the project's names otherwise.
struct FieldNames {
    const char *commune, *toSo, *thuaSo, *toSoCu, *thuaSoCu, *measured, *legal, *landuse, *userType, *owner,
        *address, *certificate, *uuid, *kind;
};
constexpr FieldNames kTt75{"MaXa",       "SoHieuToBa", "SoThuTuThu", "SoHieuTo_1", "SoThuTuT_1",
                           "DienTich",   "DienTichPh", "KyHieuMucD", "KyHieuDoiT", "TenChu",
                           "DiaChi",     "DaCapGCN",   "UUID",       "LoaiDoiTuo"};
constexpr FieldNames kPlain{"commune_code", "to_so",          "thua_so",        "to_so_cu",
                            "thua_so_cu",   "measured_area",  "legal_area",     "landuse_code",
                            "user_type_code", "owner_name",   "address",        "certificate_issued",
                            "uuid",         "object_kind"};

bool addField(OGRLayer *layer, const char *name, OGRFieldType type, int width, int precision, std::string *error)
{
    OGRFieldDefn f(name, type);
    if (width > 0)
        f.SetWidth(width);
    if (precision > 0)
        f.SetPrecision(precision);
    if (layer->CreateField(&f) != OGRERR_NONE) {
        if (error)
            *error = std::string("cannot create field ") + name + ": " + CPLGetLastErrorMsg();
        return false;
    }
    return true;
}

bool createParcelFields(OGRLayer *layer, const FieldNames &n, bool shp, std::string *error)
{
    return addField(layer, n.commune, OFTString, 5, 0, error) && addField(layer, n.toSo, OFTInteger, shp ? 4 : 0, 0, error)
        && addField(layer, n.thuaSo, OFTInteger, shp ? 7 : 0, 0, error)
        && addField(layer, n.toSoCu, OFTString, 10, 0, error) && addField(layer, n.thuaSoCu, OFTString, 10, 0, error)
        && addField(layer, n.measured, OFTReal, shp ? 13 : 0, shp ? 1 : 0, error)
        && addField(layer, n.legal, OFTReal, shp ? 13 : 0, shp ? 1 : 0, error)
        && addField(layer, n.landuse, OFTString, 20, 0, error) && addField(layer, n.userType, OFTString, 5, 0, error)
        && addField(layer, n.owner, OFTString, shp ? 120 : 0, 0, error)
        && addField(layer, n.address, OFTString, shp ? 254 : 0, 0, error)
        && addField(layer, n.certificate, OFTInteger, shp ? 1 : 0, 0, error)
        && addField(layer, n.uuid, OFTString, 36, 0, error) && addField(layer, n.kind, OFTString, 10, 0, error);
}

struct Target {
    GDALDatasetUniquePtr ds;
    OGRLayer *layer = nullptr;
    std::unique_ptr<crs::Transformer> transform; // null = EPSG:5899 as generated
    OGRSpatialReference srs;
};

bool openTarget(Target &t, const std::string &path, const std::string &format, const std::string &layerName,
                int epsg, OGRwkbGeometryType type, char **layerOptions, bool reuseDataset, std::string *error)
{
    if (!reuseDataset) {
        GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(driverName(format));
        if (!drv) {
            if (error)
                *error = std::string("GDAL has no ") + driverName(format) + " driver";
            return false;
        }
        std::error_code ec;
        if (fs::exists(path, ec)) {
            CPLPushErrorHandler(CPLQuietErrorHandler);
            drv->Delete(path.c_str());
            CPLPopErrorHandler();
            fs::remove(path, ec);
        }
        if (format == "shp") // a stale .cpg from an earlier run would change how the text reads
            fs::remove(fs::path(path).replace_extension(".cpg"), ec);
        t.ds.reset(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!t.ds) {
            if (error)
                *error = path + ": cannot create (" + CPLGetLastErrorMsg() + ")";
            return false;
        }
    }
    if (t.srs.importFromEPSG(epsg) != OGRERR_NONE) {
        if (error)
            *error = "unknown CRS EPSG:" + std::to_string(epsg);
        return false;
    }
    t.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (epsg != 5899) {
        std::string err;
        t.transform = crs::Transformer::create("EPSG:5899", "EPSG:" + std::to_string(epsg), &err);
        if (!t.transform) {
            if (error)
                *error = "cannot transform EPSG:5899 to EPSG:" + std::to_string(epsg) + ": " + err;
            return false;
        }
    }
    t.layer = t.ds->CreateLayer(layerName.c_str(), &t.srs, type, layerOptions);
    if (!t.layer) {
        if (error)
            *error = path + ": cannot create layer " + layerName + " (" + CPLGetLastErrorMsg() + ")";
        return false;
    }
    return true;
}

OGRGeometry *polygonFrom(const model::Parcel &p, const crs::Transformer *t, bool multi)
{
    OGRGeometry *g = nullptr;
    if (OGRGeometryFactory::createFromWkb(p.wkb.data(), nullptr, &g, p.wkb.size()) != OGRERR_NONE || !g)
        return nullptr;
    OGRPolygon *poly = g->toMultiPolygon()->getGeometryRef(0);
    if (t) {
        OGRLinearRing *ring = poly->getExteriorRing();
        const int n = ring->getNumPoints();
        std::vector<double> x(n), y(n);
        ring->getPoints(x.data(), sizeof(double), y.data(), sizeof(double));
        t->transform(x.data(), y.data(), static_cast<size_t>(n));
        ring->setPoints(n, x.data(), y.data());
    }
    if (multi)
        return g;
    OGRGeometry *single = poly->clone();
    delete g;
    return single;
}

bool writeSheets(const std::vector<SheetInfo> &sheets, const std::string &path, const std::string &format, int epsg,
                 GDALDataset *sameDataset, std::string *error)
{
    Target t;
    const bool shp = format == "shp";
    const bool geojson = format == "geojson";
    char **opts = nullptr;
    if (geojson)
        opts = CSLSetNameValue(opts, "RFC7946", "YES");
    if (shp) {
        opts = CSLSetNameValue(opts, "ENCODING", "UTF-8");
        opts = CSLSetNameValue(opts, "DBF_DATE_LAST_UPDATE", kFixedDate);
    }
    if (sameDataset)
        t.ds.reset(sameDataset);
    const std::string layerName = shp || geojson ? fs::path(path).stem().string() : "sheets";
    const bool ok = openTarget(t, path, format, layerName, geojson ? 4326 : epsg,
                               format == "gpkg" ? wkbMultiPolygon : wkbPolygon, opts, sameDataset != nullptr, error);
    CSLDestroy(opts);
    auto done = [&](bool r) {
        if (sameDataset)
            (void)t.ds.release();
        return r;
    };
    if (!ok)
        return done(false);
    const char *fCommune = shp ? "MaXa" : "commune_code";
    const char *fTo = shp ? "SoHieuToBa" : "to_so";
    const char *fScale = shp ? "TyLe" : "scale";
    const char *fId = shp ? "PhienHieu" : "sheet_id";
    if (!addField(t.layer, fCommune, OFTString, 5, 0, error) || !addField(t.layer, fTo, OFTInteger, 0, 0, error)
        || !addField(t.layer, fScale, OFTInteger, 0, 0, error) || !addField(t.layer, fId, OFTString, 20, 0, error))
        return done(false);
    for (const auto &s : sheets) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(t.layer->GetLayerDefn()));
        f->SetField(fCommune, s.communeCode.c_str());
        f->SetField(fTo, s.toSo);
        f->SetField(fScale, s.scale);
        f->SetField(fId, s.sheetId.c_str());
        // Frame corners with a few points per side so reprojected frames stay true.
        std::vector<double> x, y;
        const double cx[] = {s.minX, s.maxX, s.maxX, s.minX, s.minX};
        const double cy[] = {s.minY, s.minY, s.maxY, s.maxY, s.minY};
        for (int k = 0; k < 4; ++k)
            for (int d = 0; d < 4; ++d) {
                x.push_back(cx[k] + (cx[k + 1] - cx[k]) * d / 4.0);
                y.push_back(cy[k] + (cy[k + 1] - cy[k]) * d / 4.0);
            }
        x.push_back(s.minX);
        y.push_back(s.minY);
        if (t.transform)
            t.transform->transform(x.data(), y.data(), x.size());
        auto ring = std::make_unique<OGRLinearRing>();
        ring->setPoints(static_cast<int>(x.size()), x.data(), y.data());
        auto poly = std::make_unique<OGRPolygon>();
        poly->addRingDirectly(ring.release());
        if (format == "gpkg") {
            auto mp = std::make_unique<OGRMultiPolygon>();
            mp->addGeometryDirectly(poly.release());
            f->SetGeometryDirectly(mp.release());
        } else {
            f->SetGeometryDirectly(poly.release());
        }
        if (t.layer->CreateFeature(f.get()) != OGRERR_NONE) {
            if (error)
                *error = path + ": cannot write sheet " + std::to_string(s.toSo) + ": " + CPLGetLastErrorMsg();
            return done(false);
        }
    }
    return done(true);
}

} // namespace

SynthResult writeCoverage(const SynthOptions &options, const std::string &outPath, std::string *error)
{
    SynthResult fail;
    auto setError = [&](const std::string &e) {
        if (error)
            *error = e;
        return fail;
    };
    const std::string format = formatFor(options.format, outPath);
    if (!driverName(format))
        return setError(outPath + ": unknown output format \"" + (format.empty() ? options.format : format)
                        + "\" (use shp, geojson or gpkg)");
    const bool shp = format == "shp";
    if (!shp && options.encoding != io::TextEncoding::Utf8)
        return setError(outPath + ": legacy text encodings are only written to Shapefiles");
    {
        // Validate the options before creating any file.
        std::map<std::string, int> counts;
        if (!parseFaultSpec(options.faults, &counts, error))
            return fail;
    }
    GDALAllRegister();
    io::ScopedGdalErrors quiet; // reasons go into the returned message, not to stderr
    // GeoPackage timestamps too (gpkg_contents.last_change).
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2025-07-01T00:00:00.000Z");
    struct ResetDate {
        ~ResetDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
    } resetDate;
    const int epsg = format == "geojson" ? 4326 : options.targetEpsg;
    char **opts = nullptr;
    if (shp) {
        // Legacy text goes out as the raw bytes encode() made: an empty ENCODING
        // stops OGR from recoding and from writing a .cpg.
        opts = CSLSetNameValue(opts, "ENCODING", options.encoding == io::TextEncoding::Utf8 ? "UTF-8" : "");
        // A fixed DBF date keeps the bytes the same whatever day the data is regenerated.
        opts = CSLSetNameValue(opts, "DBF_DATE_LAST_UPDATE", kFixedDate);
    }
    if (format == "geojson")
        opts = CSLSetNameValue(opts, "RFC7946", "YES");
    Target t;
    const std::string layerName = format == "gpkg" ? "parcels" : fs::path(outPath).stem().string();
    std::string err;
    const bool opened = openTarget(t, outPath, format, layerName, epsg, format == "gpkg" ? wkbMultiPolygon : wkbPolygon,
                                   opts, false, &err);
    CSLDestroy(opts);
    if (!opened)
        return setError(err);
    const FieldNames &names = shp ? kTt75 : kPlain;
    if (!createParcelFields(t.layer, names, shp, &err))
        return setError(outPath + ": " + err);
    const bool transactions = format == "gpkg";
    if (transactions)
        t.ds->StartTransaction();
    int64_t inTransaction = 0;
    std::string writeError;
    const io::TextEncoding enc = shp ? options.encoding : io::TextEncoding::Utf8;
    auto text = [&](const std::string &s) { return enc == io::TextEncoding::Utf8 ? s : io::encode(s, enc); };
    OGRFeatureDefn *defn = t.layer->GetLayerDefn();
    const int iCommune = defn->GetFieldIndex(names.commune), iTo = defn->GetFieldIndex(names.toSo),
              iThua = defn->GetFieldIndex(names.thuaSo), iToCu = defn->GetFieldIndex(names.toSoCu),
              iThuaCu = defn->GetFieldIndex(names.thuaSoCu), iMeasured = defn->GetFieldIndex(names.measured),
              iLegal = defn->GetFieldIndex(names.legal), iLanduse = defn->GetFieldIndex(names.landuse),
              iUser = defn->GetFieldIndex(names.userType), iOwner = defn->GetFieldIndex(names.owner),
              iAddress = defn->GetFieldIndex(names.address), iCert = defn->GetFieldIndex(names.certificate),
              iUuid = defn->GetFieldIndex(names.uuid), iKind = defn->GetFieldIndex(names.kind);

    SynthResult res = generateCoverage(
        options,
        [&](const model::Parcel &p) {
            if (!writeError.empty())
                return;
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(defn));
            f->SetField(iCommune, p.communeCode.c_str());
            if (p.toSo)
                f->SetField(iTo, *p.toSo);
            if (p.thuaSo)
                f->SetField(iThua, *p.thuaSo);
            if (!p.toSoCu.empty())
                f->SetField(iToCu, p.toSoCu.c_str());
            if (!p.thuaSoCu.empty())
                f->SetField(iThuaCu, p.thuaSoCu.c_str());
            if (p.measuredArea)
                f->SetField(iMeasured, *p.measuredArea);
            if (p.legalArea)
                f->SetField(iLegal, *p.legalArea);
            f->SetField(iLanduse, text(p.landuseCode).c_str());
            f->SetField(iUser, p.userTypeCode.c_str());
            if (!p.ownerName.empty())
                f->SetField(iOwner, text(p.ownerName).c_str());
            if (!p.address.empty())
                f->SetField(iAddress, text(p.address).c_str());
            if (p.certificateIssued)
                f->SetField(iCert, *p.certificateIssued);
            f->SetField(iUuid, p.uuid.c_str());
            f->SetField(iKind, p.objectKind.c_str());
            OGRGeometry *g = polygonFrom(p, t.transform.get(), format == "gpkg");
            if (!g) {
                writeError = outPath + ": feature " + std::to_string(p.id) + ": bad generated geometry";
                return;
            }
            f->SetGeometryDirectly(g);
            if (t.layer->CreateFeature(f.get()) != OGRERR_NONE) {
                writeError = outPath + ": cannot write feature " + std::to_string(p.id) + ": " + CPLGetLastErrorMsg();
                return;
            }
            if (transactions && ++inTransaction >= 100000) {
                t.ds->CommitTransaction();
                t.ds->StartTransaction();
                inTransaction = 0;
            }
        },
        &err);
    if (!res.ok)
        return setError(err);
    if (!writeError.empty())
        return setError(writeError);
    if (transactions)
        t.ds->CommitTransaction();
    if (format == "gpkg" && options.sheetsPath.empty()) {
        if (!writeSheets(res.sheets, outPath, "gpkg", epsg, t.ds.get(), &err))
            return setError(err);
    }
    t.layer = nullptr;
    t.ds.reset(); // flush and close before anything reads the files
    if (shp && options.encoding != io::TextEncoding::Utf8) {
        std::error_code ec; // OGR leaves an empty .cpg; legacy data has none
        fs::remove(fs::path(outPath).replace_extension(".cpg"), ec);
    }
    if (!options.sheetsPath.empty()) {
        const std::string sheetFormat = formatFor("", options.sheetsPath);
        if (!driverName(sheetFormat))
            return setError(options.sheetsPath + ": unknown format for the sheet frames (use .shp, .geojson or .gpkg)");
        if (!writeSheets(res.sheets, options.sheetsPath, sheetFormat, options.targetEpsg, nullptr, &err))
            return setError(err);
    }
    if (!options.manifestPath.empty()) {
        std::ofstream out(options.manifestPath, std::ios::binary | std::ios::trunc);
        out << res.manifestJson();
        if (!out)
            return setError(options.manifestPath + ": cannot write the manifest");
    }
    return res;
}

} // namespace vnland::synth
