// Export of the land database (see exporter.h).
#include "io/exporter.h"

#include "crs/transformer.h"
#include "io/ogr_util.h"
#include "plugin/plugin_interfaces.h"
#include "plugin/plugin_manager.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace vnland::io {
namespace {

namespace fs = std::filesystem;

struct FieldDef {
    const char *name;     // VNLand name (GeoPackage, GeoJSON)
    const char *tt75;     // Circular 75 DBF name (Shapefile)
    OGRFieldType type;
    int width;
};

// The exported parcel attributes, in order.
const FieldDef kFields[] = {
    {"uuid", "UUID", OFTString, 36},
    {"object_kind", "LoaiDoiTuo", OFTString, 10},
    {"commune_code", "MaXa", OFTString, 5},
    {"to_so", "SoHieuToBa", OFTInteger, 6},
    {"thua_so", "SoThuTuThu", OFTInteger, 6},
    {"to_so_cu", "SoHieuTo_1", OFTString, 20},
    {"thua_so_cu", "SoThuTuT_1", OFTString, 20},
    {"measured_area", "DienTich", OFTReal, 15},
    {"legal_area", "DienTichPh", OFTReal, 15},
    {"landuse_code", "KyHieuMucD", OFTString, 20},
    {"user_type_code", "KyHieuDoiT", OFTString, 10},
    {"owner_name", "TenChu", OFTString, 254},
    {"address", "DiaChi", OFTString, 254},
    {"certificate_issued", "DaCapGCN", OFTInteger, 1},
    {"flags", "GhiChu", OFTString, 254},
    {"begin_time", "ThoiDiemBa", OFTString, 20},
    {"end_time", "ThoiDiemKe", OFTString, 20},
    {"legal_landuse_code", "KyHieuMDPL", OFTString, 20},
};

void setString(OGRFeature &f, int i, const std::string &v)
{
    if (v.empty())
        f.SetFieldNull(i);
    else
        f.SetField(i, v.c_str());
}

void fillFeature(OGRFeature &f, const model::Parcel &p)
{
    setString(f, 0, p.uuid);
    setString(f, 1, p.objectKind);
    setString(f, 2, p.communeCode);
    p.toSo ? f.SetField(3, *p.toSo) : f.SetFieldNull(3);
    p.thuaSo ? f.SetField(4, *p.thuaSo) : f.SetFieldNull(4);
    setString(f, 5, p.toSoCu);
    setString(f, 6, p.thuaSoCu);
    p.measuredArea ? f.SetField(7, std::round(*p.measuredArea * 10) / 10) : f.SetFieldNull(7);
    p.legalArea ? f.SetField(8, *p.legalArea) : f.SetFieldNull(8);
    setString(f, 9, p.landuseCode);
    setString(f, 10, p.userTypeCode);
    setString(f, 11, p.ownerName);
    setString(f, 12, p.address);
    p.certificateIssued ? f.SetField(13, *p.certificateIssued) : f.SetFieldNull(13);
    setString(f, 14, p.flags);
    setString(f, 15, p.beginTime);
    setString(f, 16, p.endTime.value_or(""));
    setString(f, 17, p.legalLanduseCode);
}

ExportResult fail(const std::string &msg)
{
    ExportResult r;
    r.error = msg;
    return r;
}

ExportResult exportSpatialite(store::Project &project, const std::string &out)
{
    try {
        store::Statement st(project.db(), "VACUUM INTO ?");
        st.bind(1, out);
        st.exec();
    } catch (const std::exception &e) {
        return fail(out + ": cannot write the land database copy (" + e.what() + ")");
    }
    ExportResult r;
    r.ok = true;
    r.written = store::countParcels(project, {"", std::nullopt, true});
    return r;
}

/// WKT1 with AUTHORITY for a .prj, so that GDAL/QGIS identify the EPSG code.
void writePrj(const std::string &shpPath, int epsg)
{
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE)
        return;
    char *wkt = nullptr;
    const char *opts[] = {"FORMAT=WKT1_GDAL", nullptr};
    srs.exportToWkt(&wkt, opts);
    fs::path prj(shpPath);
    prj.replace_extension(".prj");
    std::ofstream(prj) << (wkt ? wkt : "");
    CPLFree(wkt);
}

ExportResult exportOgr(store::Project &project, const std::string &out, const ExportOptions &options)
{
    const std::string &fmt = options.format;
    const char *driverName = fmt == "gpkg" ? "GPKG" : fmt == "shp" ? "ESRI Shapefile" : "GeoJSON";
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        return fail(std::string("GDAL has no ") + driverName + " driver");
    ScopedGdalErrors errors;
    GDALDatasetUniquePtr ds(driver->Create(out.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return fail(out + ": cannot create (" + errors.last() + ")");

    const bool wgs84 = fmt == "geojson";
    OGRSpatialReference srs;
    srs.importFromEPSG(wgs84 ? 4326 : project.srid());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<crs::Transformer> toWgs84;
    ExportResult result;
    if (wgs84) {
        std::string err;
        toWgs84 = crs::Transformer::create("EPSG:" + std::to_string(project.srid()), "EPSG:4326", &err);
        if (!toWgs84)
            return fail(out + ": " + err);
        result.operation = toWgs84->description();
    }

    CPLStringList lco;
    if (fmt == "shp")
        lco.SetNameValue("ENCODING", "UTF-8");
    if (fmt == "geojson") {
        lco.SetNameValue("RFC7946", "YES");
        lco.SetNameValue("COORDINATE_PRECISION", "9");
        lco.SetNameValue("WRITE_NAME", "NO");
    }
    const std::string layerName = fmt == "shp" ? fs::path(out).stem().string() : "parcel";
    OGRLayer *layer = ds->CreateLayer(layerName.c_str(), &srs, wkbMultiPolygon, lco.List());
    if (!layer)
        return fail(out + ": cannot create layer (" + errors.last() + ")");
    for (const FieldDef &fd : kFields) {
        OGRFieldDefn def(fmt == "shp" ? fd.tt75 : fd.name, fd.type);
        if (fmt == "shp") {
            def.SetWidth(fd.width);
            if (fd.type == OFTReal)
                def.SetPrecision(1);
        }
        if (layer->CreateField(&def) != OGRERR_NONE)
            return fail(out + ": cannot create field " + fd.name + " (" + errors.last() + ")");
    }

    store::ParcelFilter filter;
    filter.communeCode = options.communeCode;
    filter.includeHistory = options.includeHistory;
    std::string error;
    if (ds->StartTransaction() != OGRERR_NONE && fmt == "gpkg")
        return fail(out + ": cannot start a transaction");
    store::forEachParcel(project, filter, [&](const model::Parcel &p) {
        OGRFeature f(layer->GetLayerDefn());
        fillFeature(f, p);
        OGRGeometry *g = nullptr;
        if (OGRGeometryFactory::createFromWkb(p.wkb.data(), nullptr, &g, p.wkb.size()) != OGRERR_NONE || !g) {
            error = out + ": parcel " + p.uuid + " has an unreadable geometry";
            return false;
        }
        std::unique_ptr<OGRGeometry> owned(OGRGeometryFactory::forceToMultiPolygon(g));
        if (toWgs84 && !transformRings(owned.get(), *toWgs84)) {
            error = out + ": parcel " + p.uuid + " cannot be transformed to WGS84";
            return false;
        }
        f.SetGeometryDirectly(owned.release());
        if (layer->CreateFeature(&f) != OGRERR_NONE) {
            error = out + ": cannot write parcel " + p.uuid + " (" + errors.last() + ")";
            return false;
        }
        ++result.written;
        return true;
    });
    if (!error.empty()) {
        ds.reset();
        return fail(error);
    }
    ds->CommitTransaction();

    // Map sheets travel with the GeoPackage.
    if (fmt == "gpkg") {
        OGRLayer *sheets = ds->CreateLayer("map_sheet", &srs, wkbPolygon, nullptr);
        if (sheets) {
            OGRFieldDefn commune("commune_code", OFTString), to("to_so", OFTInteger), scale("scale", OFTInteger),
                sid("sheet_id", OFTString);
            sheets->CreateField(&commune);
            sheets->CreateField(&to);
            sheets->CreateField(&scale);
            sheets->CreateField(&sid);
            store::Statement st(project.db(), "SELECT commune_code, to_so, scale, sheet_id, AsBinary(frame) FROM map_sheet");
            ds->StartTransaction();
            while (st.step()) {
                OGRFeature f(sheets->GetLayerDefn());
                f.SetField(0, st.text(0).c_str());
                f.SetField(1, st.integer(1));
                f.SetField(2, st.integer(2));
                f.SetField(3, st.text(3).c_str());
                const auto wkb = st.blob(4);
                OGRGeometry *g = nullptr;
                if (!wkb.empty() && OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) == OGRERR_NONE)
                    f.SetGeometryDirectly(g);
                if (sheets->CreateFeature(&f) != OGRERR_NONE)
                    break;
            }
            ds->CommitTransaction();
        }
    }
    ds.reset();
    if (fmt == "shp")
        writePrj(out, project.srid());
    result.ok = true;
    return result;
}

} // namespace

std::vector<std::string> exportFormats()
{
    std::vector<std::string> out = {"spatialite", "gpkg", "shp", "geojson"};
    for (auto *p : plugin::PluginManager::instance().objects<plugin::ExporterPlugin>())
        out.push_back(p->formatName().toStdString());
    return out;
}

ExportResult exportProject(store::Project &project, const std::string &out, const ExportOptions &options)
{
    if (fs::exists(out)) {
        if (!options.overwrite)
            return fail(out + ": file exists already (use --overwrite to replace it)");
        std::error_code ec;
        fs::remove(out, ec);
        if (options.format == "shp")
            for (const char *ext : {".shx", ".dbf", ".prj", ".cpg"}) {
                fs::path side(out);
                fs::remove(side.replace_extension(ext), ec);
            }
    }
    const std::string &f = options.format;
    if (f == "spatialite")
        return exportSpatialite(project, out);
    if (f == "gpkg" || f == "shp" || f == "geojson")
        return exportOgr(project, out, options);
    for (auto *p : plugin::PluginManager::instance().objects<plugin::ExporterPlugin>()) {
        if (p->formatName().toStdString() != f)
            continue;
        plugin::ExportOptions po;
        po.communeCode = QString::fromStdString(options.communeCode);
        po.includeHistory = options.includeHistory;
        QString err;
        ExportResult r;
        r.ok = p->exportProject(project, QString::fromStdString(out), po, &err);
        r.error = err.toStdString();
        if (r.ok) {
            store::ParcelFilter filter{options.communeCode, std::nullopt, options.includeHistory};
            r.written = store::countParcels(project, filter);
        }
        return r;
    }
    std::string known;
    for (const auto &n : exportFormats())
        known += (known.empty() ? "" : ", ") + n;
    return fail("unknown export format \"" + f + "\" (known: " + known + ")");
}

} // namespace vnland::io
