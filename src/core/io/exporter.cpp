// Export of the land database (see exporter.h).
#include "io/exporter.h"

#include "crs/transformer.h"
#include "io/ogr_util.h"
#include "plugin/plugin_interfaces.h"
#include "plugin/plugin_manager.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/spatialite_blob.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

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

/// A text the Shapefile's DBF could not hold in full.
struct CutText {
    size_t field;           // index into kFields
    std::string label;      // the parcel, as messages name it
    std::string uuid, commune, toSo, thuaSo;
    std::string full;
};

/// The longest prefix of @p s of at most @p bytes bytes that ends on a UTF-8 character boundary.
std::string utf8Prefix(const std::string &s, size_t bytes)
{
    if (s.size() <= bytes)
        return s;
    size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

/// Sets text field @p i; for a Shapefile (@p cut given) a text longer than the DBF
/// width is cut on a character boundary (GDAL would cut mid-character and say nothing
/// the caller sees) and recorded.
void setString(OGRFeature &f, int i, const std::string &v, const model::Parcel &p, std::vector<CutText> *cut)
{
    if (v.empty()) {
        f.SetFieldNull(i);
        return;
    }
    const size_t width = static_cast<size_t>(kFields[i].width);
    if (cut && v.size() > width) {
        cut->push_back({static_cast<size_t>(i), store::parcelLabel(p), p.uuid, p.communeCode,
                        p.toSo ? std::to_string(*p.toSo) : "", p.thuaSo ? std::to_string(*p.thuaSo) : "", v});
        f.SetField(i, utf8Prefix(v, width).c_str());
        return;
    }
    f.SetField(i, v.c_str());
}

void fillFeature(OGRFeature &f, const model::Parcel &p, std::vector<CutText> *cut)
{
    setString(f, 0, p.uuid, p, cut);
    setString(f, 1, p.objectKind, p, cut);
    setString(f, 2, p.communeCode, p, cut);
    p.toSo ? f.SetField(3, *p.toSo) : f.SetFieldNull(3);
    p.thuaSo ? f.SetField(4, *p.thuaSo) : f.SetFieldNull(4);
    setString(f, 5, p.toSoCu, p, cut);
    setString(f, 6, p.thuaSoCu, p, cut);
    p.measuredArea && std::isfinite(*p.measuredArea) ? f.SetField(7, std::round(*p.measuredArea * 10) / 10)
                                                     : f.SetFieldNull(7);
    p.legalArea && std::isfinite(*p.legalArea) ? f.SetField(8, *p.legalArea) : f.SetFieldNull(8);
    setString(f, 9, p.landuseCode, p, cut);
    setString(f, 10, p.userTypeCode, p, cut);
    setString(f, 11, p.ownerName, p, cut);
    setString(f, 12, p.address, p, cut);
    p.certificateIssued ? f.SetField(13, *p.certificateIssued) : f.SetFieldNull(13);
    setString(f, 14, p.flags, p, cut);
    setString(f, 15, p.beginTime, p, cut);
    setString(f, 16, p.endTime.value_or(""), p, cut);
    setString(f, 17, p.legalLanduseCode, p, cut);
}

ExportResult fail(const std::string &msg)
{
    ExportResult r;
    r.error = msg;
    return r;
}

/// The output under construction: ".NAME.vnland-tmp-PID.EXT" (and its sidecars)
/// next to the target, renamed over it by commit(); removed when not committed.
class TempOutput {
public:
    explicit TempOutput(const std::string &target) : m_target(target)
    {
        m_dir = m_target.parent_path().empty() ? fs::path(".") : m_target.parent_path();
        m_stem = m_target.stem().string();
        m_prefix = "." + m_stem + ".vnland-tmp-";
        m_tempStem = m_prefix + std::to_string(::getpid());
        removeStale();
        removeOurs(); // a file of a previous process with our pid
    }
    ~TempOutput()
    {
        if (!m_committed)
            removeOurs();
    }
    TempOutput(const TempOutput &) = delete;
    TempOutput &operator=(const TempOutput &) = delete;

    /// The path to write the main file to.
    std::string path() const { return (m_dir / (m_tempStem + m_target.extension().string())).string(); }
    /// A sidecar next to it: @p suffix replaces the extension (".dbf", ".fulltext.csv").
    std::string sidecar(const std::string &suffix) const { return (m_dir / (m_tempStem + suffix)).string(); }

    /// Renames every file written (sidecars first, the main file last) over the
    /// target's; then removes @p oldSidecars of the target that this export did not write.
    bool commit(const std::vector<std::string> &oldSidecars, std::string *error)
    {
        std::vector<std::pair<fs::path, fs::path>> moves;
        const std::string mainName = m_tempStem + m_target.extension().string();
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(m_dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(m_tempStem + ".", 0) != 0 || name == mainName)
                continue;
            moves.emplace_back(entry.path(), m_dir / (m_stem + name.substr(m_tempStem.size())));
        }
        moves.emplace_back(m_dir / mainName, m_target);
        std::vector<std::string> written;
        for (const auto &[from, to] : moves) {
            fs::rename(from, to, ec);
            if (ec) {
                *error = to.string() + ": cannot move the finished export into place (" + ec.message() + ")";
                return false;
            }
            written.push_back(to.filename().string());
        }
        m_committed = true;
        for (const std::string &suffix : oldSidecars) {
            const std::string name = m_stem + suffix;
            if (std::find(written.begin(), written.end(), name) == written.end())
                fs::remove(m_dir / name, ec);
        }
        return true;
    }

private:
    void removeOurs()
    {
        std::error_code ec;
        std::vector<fs::path> doomed;
        for (const auto &entry : fs::directory_iterator(m_dir, ec))
            if (entry.path().filename().string().rfind(m_tempStem + ".", 0) == 0)
                doomed.push_back(entry.path());
        for (const auto &p : doomed)
            fs::remove(p, ec);
    }

    /// What a killed export to the same target left: its process is gone.
    void removeStale()
    {
        std::error_code ec;
        std::vector<fs::path> doomed;
        for (const auto &entry : fs::directory_iterator(m_dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(m_prefix, 0) != 0)
                continue;
            const std::string rest = name.substr(m_prefix.size());
            const size_t dot = rest.find('.');
            if (dot == 0 || dot == std::string::npos || rest.find_first_not_of("0123456789") != dot)
                continue;
            const long pid = std::stol(rest.substr(0, dot));
            if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
                doomed.push_back(entry.path());
        }
        for (const auto &p : doomed)
            fs::remove(p, ec);
    }

    fs::path m_target;
    fs::path m_dir;
    std::string m_stem;
    std::string m_prefix;
    std::string m_tempStem;
    bool m_committed = false;
};

/// Sidecars a Shapefile export may leave next to NAME.shp.
const std::vector<std::string> kShpSidecars = {".shx", ".dbf", ".prj", ".cpg", ".fulltext.csv"};

/// One warning per damaged parcel, for formats that do not read geometries.
void warnDamaged(store::Project &project, const store::ParcelFilter &filter, const std::string &what,
                 ExportResult &r)
{
    for (const auto &d : store::findDamagedGeometries(project, filter))
        r.warnings.push_back(d.label() + ": damaged geometry (" + d.reason + "); " + what);
}

ExportResult exportSpatialite(store::Project &project, const std::string &out, const std::string &target,
                              const ExportOptions &options)
{
    try {
        store::Statement st(project.db(), "VACUUM INTO ?");
        st.bind(1, out);
        st.exec();
    } catch (const std::exception &e) {
        return fail(target + ": cannot write the land database copy (" + e.what() + ")");
    }
    ExportResult r;
    r.ok = true;
    r.written = store::countParcels(project, {"", std::nullopt, true});
    store::ParcelFilter all;
    all.includeHistory = true;
    (void)options;
    warnDamaged(project, all, "copied as stored, still to be repaired", r);
    return r;
}

/// WKT1 with AUTHORITY for a .prj, so that GDAL/QGIS identify the EPSG code.
bool writePrj(const std::string &prjPath, int epsg)
{
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE)
        return false;
    char *wkt = nullptr;
    const char *opts[] = {"FORMAT=WKT1_GDAL", nullptr};
    srs.exportToWkt(&wkt, opts);
    std::ofstream prj(prjPath);
    prj << (wkt ? wkt : "");
    CPLFree(wkt);
    return static_cast<bool>(prj.flush());
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

/// Warnings for texts cut to the DBF width (one per field) and the side file with them in full.
bool reportCutTexts(const std::vector<CutText> &cut, const std::string &sidePath, const std::string &finalSide,
                    ExportResult &r, std::string *error)
{
    if (cut.empty())
        return true;
    std::ofstream side(sidePath, std::ios::binary);
    side << "\xEF\xBB\xBFuuid,commune_code,to_so,thua_so,field,shapefile_field,full_text\r\n";
    std::map<size_t, std::vector<const CutText *>> byField;
    for (const CutText &c : cut) {
        side << csvField(c.uuid) << ',' << csvField(c.commune) << ',' << c.toSo << ',' << c.thuaSo << ','
             << kFields[c.field].name << ',' << kFields[c.field].tt75 << ',' << csvField(c.full) << "\r\n";
        byField[c.field].push_back(&c);
    }
    if (!side.flush()) {
        *error = finalSide + ": cannot write the full texts";
        return false;
    }
    for (const auto &[field, list] : byField) {
        std::string w = std::string("field ") + kFields[field].tt75 + " (" + kFields[field].name + "): text longer than " +
                        std::to_string(kFields[field].width) + " bytes cut to fit the Shapefile in " +
                        std::to_string(list.size()) + (list.size() == 1 ? " parcel: " : " parcels: ");
        for (size_t k = 0; k < list.size() && k < 10; ++k)
            w += (k ? "; " : "") + list[k]->label;
        if (list.size() > 10)
            w += "; and " + std::to_string(list.size() - 10) + " more";
        w += ". The full texts are in " + finalSide;
        r.warnings.push_back(w);
    }
    r.sideFile = finalSide;
    return true;
}

/// The parcel's geometry as the layer takes it, or null and @p problem saying why.
std::unique_ptr<OGRGeometry> exportGeometry(const model::Parcel &p, const crs::Transformer *toWgs84, std::string *problem)
{
    OGRGeometry *g = nullptr;
    if (p.wkb.empty() || OGRGeometryFactory::createFromWkb(p.wkb.data(), nullptr, &g, p.wkb.size()) != OGRERR_NONE || !g) {
        delete g;
        *problem = "unreadable geometry";
        return nullptr;
    }
    std::unique_ptr<OGRGeometry> owned(OGRGeometryFactory::forceToMultiPolygon(g));
    if (!owned || wkbFlatten(owned->getGeometryType()) != wkbMultiPolygon) {
        *problem = std::string("not a polygon (") + (owned ? owned->getGeometryName() : "?") + ")";
        return nullptr;
    }
    if (toWgs84) {
        if (!transformRings(owned.get(), *toWgs84)) {
            *problem = "cannot be transformed to WGS84";
            return nullptr;
        }
        OGREnvelope e;
        owned->getEnvelope(&e);
        if (!(std::abs(e.MinX) <= 180 && std::abs(e.MaxX) <= 180 && std::abs(e.MinY) <= 90 && std::abs(e.MaxY) <= 90)) {
            *problem = "lies outside the WGS84 range after the transformation";
            return nullptr;
        }
    }
    return owned;
}

ExportResult exportOgr(store::Project &project, const std::string &out, const std::string &target,
                       const TempOutput &temp, const ExportOptions &options)
{
    const std::string &fmt = options.format;
    const bool shp = fmt == "shp";
    const char *driverName = fmt == "gpkg" ? "GPKG" : shp ? "ESRI Shapefile" : "GeoJSON";
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        return fail(std::string("GDAL has no ") + driverName + " driver");
    ScopedGdalErrors errors;
    GDALDatasetUniquePtr ds(driver->Create(out.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return fail(target + ": cannot create (" + errors.last() + ")");

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
            return fail(target + ": " + err);
        result.operation = toWgs84->description();
    }

    CPLStringList lco;
    if (shp)
        lco.SetNameValue("ENCODING", "UTF-8");
    if (fmt == "geojson") {
        lco.SetNameValue("RFC7946", "YES");
        lco.SetNameValue("COORDINATE_PRECISION", "9");
        lco.SetNameValue("WRITE_NAME", "NO");
    }
    const std::string layerName = shp ? fs::path(target).stem().string() : "parcel";
    OGRLayer *layer = ds->CreateLayer(layerName.c_str(), &srs, wkbMultiPolygon, lco.List());
    if (!layer)
        return fail(target + ": cannot create layer (" + errors.last() + ")");
    for (const FieldDef &fd : kFields) {
        OGRFieldDefn def(shp ? fd.tt75 : fd.name, fd.type);
        if (shp) {
            def.SetWidth(fd.width);
            if (fd.type == OFTReal)
                def.SetPrecision(1);
        }
        if (layer->CreateField(&def) != OGRERR_NONE)
            return fail(target + ": cannot create field " + fd.name + " (" + errors.last() + ")");
    }

    store::ParcelFilter filter;
    filter.communeCode = options.communeCode;
    filter.includeHistory = options.includeHistory;
    std::string error;
    std::vector<CutText> cut;
    if (ds->StartTransaction() != OGRERR_NONE && fmt == "gpkg")
        return fail(target + ": cannot start a transaction");
    // One parcel never fails the export: a geometry that cannot be read, transformed
    // or written is left null and named in a warning; its attributes are kept.
    store::forEachParcelChecked(project, filter, [&](const model::Parcel &p, const store::DamagedGeometry *damaged) {
        OGRFeature f(layer->GetLayerDefn());
        fillFeature(f, p, shp ? &cut : nullptr);
        std::string problem = damaged ? "damaged geometry (" + damaged->reason + ")" : std::string();
        std::unique_ptr<OGRGeometry> g;
        if (problem.empty())
            g = exportGeometry(p, toWgs84.get(), &problem);
        const bool withGeometry = g != nullptr;
        if (g)
            f.SetGeometryDirectly(g.release());
        if (layer->CreateFeature(&f) != OGRERR_NONE) {
            const std::string why = errors.last();
            f.SetGeometryDirectly(nullptr);
            f.SetFID(OGRNullFID);
            if (!withGeometry || layer->CreateFeature(&f) != OGRERR_NONE) {
                error = target + ": cannot write " + store::parcelLabel(p) + " (" + errors.last() + ")";
                return false;
            }
            problem = "the " + std::string(driverName) + " writer refused its geometry (" + why + ")";
        }
        if (!problem.empty()) {
            result.warnings.push_back(store::parcelLabel(p) + ": written without geometry: " + problem);
            ++result.withoutGeometry;
        }
        ++result.written;
        return true;
    });
    if (!error.empty())
        return fail(error);
    if (ds->CommitTransaction() != OGRERR_NONE && fmt == "gpkg")
        return fail(target + ": cannot commit (" + errors.last() + ")");

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
            // The frame blob is read by our checked reader, never by SpatiaLite's parser.
            store::Statement st(project.db(), "SELECT commune_code, to_so, scale, sheet_id, frame FROM map_sheet");
            ds->StartTransaction();
            while (st.step()) {
                OGRFeature f(sheets->GetLayerDefn());
                f.SetField(0, st.text(0).c_str());
                f.SetField(1, st.integer(1));
                f.SetField(2, st.integer(2));
                f.SetField(3, st.text(3).c_str());
                if (!st.isNull(4)) {
                    int size = 0;
                    const unsigned char *blob = st.blobData(4, &size);
                    const store::BlobGeometry frame = store::readSpatialiteBlob(blob, static_cast<size_t>(std::max(0, size)));
                    OGRGeometry *g = nullptr;
                    if (!frame.ok())
                        result.warnings.push_back("map sheet tờ " + std::to_string(st.integer(1)) + " (xã " + st.text(0) +
                                                  "): written without frame: damaged geometry (" + frame.problem + ")");
                    else if (OGRGeometryFactory::createFromWkb(frame.wkb.data(), nullptr, &g, frame.wkb.size()) ==
                             OGRERR_NONE)
                        f.SetGeometryDirectly(g);
                    else
                        delete g;
                }
                if (sheets->CreateFeature(&f) != OGRERR_NONE)
                    break;
            }
            ds->CommitTransaction();
        }
    }
    ds.reset(); // flushes and closes every file before the rename
    if (shp) {
        if (!writePrj(temp.sidecar(".prj"), project.srid()))
            return fail(target + ": cannot write the .prj");
        fs::path side(target);
        side.replace_extension(".fulltext.csv");
        if (!reportCutTexts(cut, temp.sidecar(".fulltext.csv"), side.string(), result, &error))
            return fail(error);
    }
    result.ok = true;
    return result;
}

ExportResult exportWith(store::Project &project, const std::string &out, const std::string &target,
                        const TempOutput &temp, const ExportOptions &options)
{
    const std::string &f = options.format;
    if (f == "spatialite")
        return exportSpatialite(project, out, target, options);
    if (f == "gpkg" || f == "shp" || f == "geojson")
        return exportOgr(project, out, target, temp, options);
    for (auto *p : plugin::PluginManager::instance().objects<plugin::ExporterPlugin>()) {
        if (p->formatName().toStdString() != f)
            continue;
        plugin::ExportOptions po;
        po.communeCode = QString::fromStdString(options.communeCode);
        po.includeHistory = options.includeHistory;
        QString err;
        ExportResult r;
        r.ok = p->exportProject(project, QString::fromStdString(out), po, &err);
        // The plugin names the file it was given: name the target instead.
        r.error = err.replace(QString::fromStdString(out), QString::fromStdString(target)).toStdString();
        if (r.ok) {
            store::ParcelFilter filter{options.communeCode, std::nullopt, options.includeHistory};
            r.written = store::countParcels(project, filter);
            warnDamaged(project, filter, "its attributes are exported, its geometry is not in this format", r);
        }
        return r;
    }
    std::string known;
    for (const auto &n : exportFormats())
        known += (known.empty() ? "" : ", ") + n;
    return fail("unknown export format \"" + f + "\" (known: " + known + ")");
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
    if (fs::exists(out) && !options.overwrite)
        return fail(out + ": file exists already (use --overwrite to replace it)");
    std::error_code ec;
    if (fs::is_directory(out, ec))
        return fail(out + ": is a folder");
    // Written under a temporary name and moved over the target only when complete:
    // the previous file stays as it was until then.
    TempOutput temp(out);
    ExportResult r = exportWith(project, temp.path(), out, temp, options);
    if (!r.ok)
        return r;
    std::string error;
    if (!temp.commit(options.format == "shp" ? kShpSidecars : std::vector<std::string>{}, &error))
        return fail(error);
    return r;
}

} // namespace vnland::io
