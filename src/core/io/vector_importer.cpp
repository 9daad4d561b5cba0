// Vector import into the land database (see vector_importer.h).
#include "io/vector_importer.h"

#include "crs/crs_recognition.h"
#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "io/field_mapping.h"
#include "io/ogr_util.h"
#include "io/text_encoding.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "store/reference_data.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <set>
#include <sstream>

namespace vnland::io {
namespace {

/// A geometry already in the project, beside the one a re-import brings: whether they are the
/// same (vertex for vertex) and the stored one as WKT for the change log. The stored blob is read
/// by the checked reader — a damaged blob must never reach SpatiaLite's own parser.
struct StoredGeometry {
    bool same = false;
    std::string wkt;
};

StoredGeometry compareStored(const std::vector<unsigned char> &storedBlob, const std::vector<unsigned char> &newWkb)
{
    StoredGeometry r;
    const auto stored = store::readSpatialiteBlob(storedBlob.data(), storedBlob.size());
    if (!stored.ok()) {
        r.wkt = "damaged: " + stored.problem;
        return r;
    }
    auto h = geom::ctx();
    auto oldG = geom::fromWkb(stored.wkb.data(), stored.wkb.size());
    if (!oldG)
        return r;
    r.wkt = geom::toWkt(oldG.get(), 6);
    auto newG = geom::fromWkb(newWkb.data(), newWkb.size());
    if (!newG)
        return r;
    // A single polygon is stored as a one-part multipolygon (and a frame as a polygon).
    const auto single = [h](const GEOSGeometry *g) {
        return GEOSGeomTypeId_r(h, g) == GEOS_MULTIPOLYGON && GEOSGetNumGeometries_r(h, g) == 1 ? GEOSGetGeometryN_r(h, g, 0) : g;
    };
    r.same = GEOSEqualsExact_r(h, single(oldG.get()), single(newG.get()), 0) == 1;
    return r;
}

namespace fs = std::filesystem;

std::string trim(std::string s)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

bool isPlainAscii(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

bool isValidUtf8(const std::string &s)
{
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0))
            return false;
        for (int k = 1; k <= n; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2)
                return false;
        i += n + 1;
    }
    return true;
}

std::optional<int> parseInt(const std::string &s)
{
    const std::string t = trim(s);
    if (t.empty())
        return std::nullopt;
    try {
        size_t pos = 0;
        const double v = std::stod(t, &pos);
        if (pos != t.size() || v != std::floor(v) || std::abs(v) > 1e9)
            return std::nullopt;
        return static_cast<int>(v);
    } catch (...) {
        return std::nullopt;
    }
}

std::optional<double> parseDouble(const std::string &s)
{
    std::string t = trim(s);
    if (t.empty())
        return std::nullopt;
    std::replace(t.begin(), t.end(), ',', '.');
    try {
        size_t pos = 0;
        const double v = std::stod(t, &pos);
        if (pos != t.size() || !std::isfinite(v))
            return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

void addFlag(std::string &flags, const std::string &f)
{
    if (flags.find(f) != std::string::npos)
        return;
    flags += (flags.empty() ? "" : ",") + f;
}

/// Text of a shapefile side-car file (.cpg, .prj) in either case, or empty.
std::string readSidecar(const std::string &source, const std::string &ext)
{
    std::string upperExt = ext;
    std::transform(upperExt.begin(), upperExt.end(), upperExt.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const std::string &e : {ext, upperExt}) {
        fs::path side(source);
        side.replace_extension(e);
        if (fs::exists(side)) {
            std::ifstream f(side, std::ios::binary);
            std::stringstream ss;
            ss << f.rdbuf();
            return trim(ss.str());
        }
    }
    return {};
}

std::string cpgEncoding(const std::string &source)
{
    const std::string text = readSidecar(source, ".cpg");
    return text.substr(0, text.find('\n'));
}

struct LayerPlan {
    OGRLayer *layer = nullptr;
    std::string name;
    std::unique_ptr<crs::Transformer> transform; // null when already in the project CRS
    std::string crsText;
    std::map<std::string, int> fields;
    std::vector<bool> isString;
    bool sheetLayer = false; // map sheet frames (to_so + scale, no thửa), go to map_sheet
};

int fieldIndex(const std::vector<std::string> &names, const char *wanted)
{
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == wanted)
            return static_cast<int>(i);
    return -1;
}

std::string identityText(const model::Parcel &p)
{
    return (p.communeCode.empty() ? std::string("?") : p.communeCode) + "/" + (p.toSo ? std::to_string(*p.toSo) : "?")
        + "/" + (p.thuaSo ? std::to_string(*p.thuaSo) : "?");
}

/// Binds @p s, or NULL when empty (how ParcelWriter stores empty texts).
void bindOrNull(store::Statement &st, int i, const std::string &s)
{
    if (s.empty())
        st.bind(i, nullptr);
    else
        st.bind(i, s);
}

/// The project's parcel a feature already is (same UUID, or live commune/tờ/thửa), and its
/// replacement by the file's version (--update): same row, id and UUID, the previous values
/// of what changed written to change_log (action import_update), as the editor's edits do.
class ExistingParcels {
public:
    struct Match {
        int64_t id = 0;
        std::string uuid;
        bool byUuid = false;
        bool retired = false;
    };

    ExistingParcels(store::Database &db, int srid, int64_t importId, std::string source)
        : m_srid(srid)
        , m_importId(importId)
        , m_source(std::move(source))
        , m_byUuid(db, "SELECT id, end_time IS NOT NULL FROM parcel WHERE uuid = ?")
        , m_byIdentity(db, "SELECT id, uuid FROM parcel WHERE commune_code IS ? AND to_so = ? AND thua_so = ?"
                           " AND end_time IS NULL ORDER BY identity_conflict, id LIMIT 1")
        , m_taken(db, "SELECT 1 FROM parcel WHERE commune_code IS ? AND to_so = ? AND thua_so = ? AND end_time IS NULL"
                      " AND identity_conflict = 0 AND id <> ? LIMIT 1")
        , m_before(db, "SELECT object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu, measured_area, legal_area,"
                       " landuse_code, legal_landuse_code, user_type_code, owner_name, address, certificate_issued, flags,"
                       " geom FROM parcel WHERE id = ?")
        , m_update(db, "UPDATE parcel SET object_kind=?, commune_code=?, to_so=?, thua_so=?, to_so_cu=?, thua_so_cu=?,"
                       " measured_area=?, legal_area=?, landuse_code=?, legal_landuse_code=?, user_type_code=?, owner_name=?,"
                       " address=?, certificate_issued=?, flags=?, identity_conflict=?, import_id=?,"
                       " geom=CastToMultiPolygon(GeomFromWKB(?, ?)) WHERE id=?")
        , m_use(db, "UPDATE parcel_landuse SET code = ?, area = ? WHERE parcel_id = ? AND is_main = 1")
        , m_useInsert(db, "INSERT INTO parcel_landuse(parcel_id, code, area, is_main) VALUES (?,?,?,1)")
        , m_useDelete(db, "DELETE FROM parcel_landuse WHERE parcel_id = ? AND is_main = 1")
        , m_log(db, "INSERT INTO change_log(parcel_uuid, action, detail, source) VALUES (?, 'import_update', ?, ?)")
        , m_db(db)
    {
    }

    std::optional<Match> find(const model::Parcel &p, bool byUuid, bool byIdentity)
    {
        if (byUuid && !p.uuid.empty()) {
            m_byUuid.bind(1, p.uuid);
            std::optional<Match> m;
            if (m_byUuid.step())
                m = Match{m_byUuid.int64(0), p.uuid, true, m_byUuid.int64(1) != 0};
            m_byUuid.reset();
            if (m)
                return m;
        }
        if (byIdentity && p.toSo && p.thuaSo) {
            bindOrNull(m_byIdentity, 1, p.communeCode);
            m_byIdentity.bind(2, *p.toSo).bind(3, *p.thuaSo);
            std::optional<Match> m;
            if (m_byIdentity.step())
                m = Match{m_byIdentity.int64(0), m_byIdentity.text(1), false, false};
            m_byIdentity.reset();
            return m;
        }
        return std::nullopt;
    }

    /// Replaces the matched row by @p p (whose flags may gain duplicate_number); false when
    /// the project already held exactly this (nothing written).
    bool update(const Match &m, model::Parcel &p, const std::string &layer, int64_t fid)
    {
        if (p.toSo && p.thuaSo) {
            bindOrNull(m_taken, 1, p.communeCode);
            m_taken.bind(2, *p.toSo).bind(3, *p.thuaSo).bind(4, m.id);
            if (m_taken.step())
                addFlag(p.flags, "duplicate_number");
            m_taken.reset();
        }
        static const char *const kNames[] = {"object_kind", "commune_code", "to_so", "thua_so", "to_so_cu", "thua_so_cu",
                                             "measured_area", "legal_area", "landuse_code", "legal_landuse_code",
                                             "user_type_code", "owner_name", "address", "certificate_issued", "flags"};
        const auto optNum = [](const auto &v) { return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null); };
        const auto txt = [](const std::string &v) { return v.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(v)); };
        const QJsonValue after[] = {txt(p.objectKind), txt(p.communeCode), optNum(p.toSo), optNum(p.thuaSo), txt(p.toSoCu),
                                    txt(p.thuaSoCu), optNum(p.measuredArea), optNum(p.legalArea), txt(p.landuseCode),
                                    txt(p.legalLanduseCode), txt(p.userTypeCode), txt(p.ownerName), txt(p.address),
                                    optNum(p.certificateIssued), QJsonValue(QString::fromStdString(p.flags))};
        QJsonObject changed;
        bool sameGeometry = false;
        QString oldGeometry;
        m_before.bind(1, m.id);
        if (m_before.step()) {
            for (int c = 0; c < 15; ++c) {
                QJsonValue before;
                if (m_before.isNull(c))
                    before = c == 14 ? QJsonValue(QString()) : QJsonValue(QJsonValue::Null);
                else if (c == 2 || c == 3 || c == 6 || c == 7 || c == 13)
                    before = m_before.real(c);
                else
                    before = QString::fromStdString(m_before.text(c));
                // Areas are compared to the millimetre²: a re-read file gives the same parcel.
                const bool same = (before.isDouble() && after[c].isDouble())
                    ? std::abs(before.toDouble() - after[c].toDouble()) < 1e-6
                    : before == after[c];
                if (!same)
                    changed[QLatin1String(kNames[c])] = QJsonObject{{QStringLiteral("before"), before},
                                                                   {QStringLiteral("after"), after[c]}};
            }
            if (!m_before.isNull(15)) {
                const auto stored = compareStored(m_before.blob(15), p.wkb);
                sameGeometry = stored.same;
                oldGeometry = QString::fromStdString(stored.wkt);
            }
        }
        m_before.reset();
        if (changed.isEmpty() && sameGeometry)
            return false;
        m_update.bind(1, p.objectKind.empty() ? std::string("parcel") : p.objectKind);
        bindOrNull(m_update, 2, p.communeCode);
        m_update.bind(3, p.toSo).bind(4, p.thuaSo);
        bindOrNull(m_update, 5, p.toSoCu);
        bindOrNull(m_update, 6, p.thuaSoCu);
        m_update.bind(7, p.measuredArea).bind(8, p.legalArea);
        bindOrNull(m_update, 9, p.landuseCode);
        bindOrNull(m_update, 10, p.legalLanduseCode);
        bindOrNull(m_update, 11, p.userTypeCode);
        bindOrNull(m_update, 12, p.ownerName);
        bindOrNull(m_update, 13, p.address);
        m_update.bind(14, p.certificateIssued).bind(15, p.flags);
        m_update.bind(16, p.flags.find("duplicate_number") != std::string::npos ? 1 : 0).bind(17, m_importId);
        m_update.bindBlob(18, p.wkb.data(), p.wkb.size()).bind(19, m_srid).bind(20, m.id);
        m_update.exec();
        if (p.landuseCode.empty()) {
            m_useDelete.bind(1, m.id).exec();
        } else {
            m_use.bind(1, p.landuseCode).bind(2, p.measuredArea).bind(3, m.id).exec();
            if (m_db.changes() == 0)
                m_useInsert.bind(1, m.id).bind(2, p.landuseCode).bind(3, p.measuredArea).exec();
        }
        QJsonObject detail{{QStringLiteral("import_id"), double(m_importId)},
                           {QStringLiteral("layer"), QString::fromStdString(layer)},
                           {QStringLiteral("fid"), double(fid)},
                           {QStringLiteral("matched_by"), m.byUuid ? QStringLiteral("uuid") : QStringLiteral("commune/to/thua")},
                           {QStringLiteral("changed"), changed}};
        if (!sameGeometry)
            detail[QStringLiteral("geometry_before")] = oldGeometry;
        m_log.bind(1, m.uuid)
            .bind(2, QJsonDocument(detail).toJson(QJsonDocument::Compact).toStdString())
            .bind(3, m_source)
            .exec();
        return true;
    }

private:
    int m_srid;
    int64_t m_importId;
    std::string m_source;
    store::Statement m_byUuid, m_byIdentity, m_taken, m_before, m_update, m_use, m_useInsert, m_useDelete, m_log;
    store::Database &m_db;
};

} // namespace

QJsonObject ImportReport::toJson() const
{
    QJsonObject o;
    const auto s = [](const std::string &v) { return QString::fromStdString(v); };
    o[QStringLiteral("source")] = s(source);
    o[QStringLiteral("driver")] = s(driver);
    QJsonArray ls;
    for (const auto &l : layers)
        ls.append(s(l));
    o[QStringLiteral("layers")] = ls;
    o[QStringLiteral("source_crs")] = s(sourceCrs);
    o[QStringLiteral("operation")] = s(operation);
    o[QStringLiteral("encoding")] = s(encoding);
    o[QStringLiteral("encoding_from")] = s(encodingHow);
    o[QStringLiteral("mapping")] = s(mapping);
    o[QStringLiteral("features_in")] = static_cast<double>(featuresIn);
    o[QStringLiteral("imported")] = static_cast<double>(imported);
    o[QStringLiteral("sheets")] = static_cast<double>(sheets);
    o[QStringLiteral("updated")] = static_cast<double>(updated);
    o[QStringLiteral("skipped")] = static_cast<double>(skipped);
    o[QStringLiteral("already_in_project")] = static_cast<double>(alreadyThere);
    o[QStringLiteral("rejected")] = static_cast<double>(rejectedCount);
    o[QStringLiteral("flagged")] = static_cast<double>(flagged.size());
    o[QStringLiteral("import_id")] = static_cast<double>(importId);
    o[QStringLiteral("total_area_m2")] = totalArea;
    QJsonArray rj;
    for (const auto &r : rejected)
        rj.append(QJsonObject{{QStringLiteral("layer"), s(r.layer)},
                              {QStringLiteral("fid"), static_cast<double>(r.fid)},
                              {QStringLiteral("reason"), s(r.reason)}});
    o[QStringLiteral("rejected_features")] = rj;
    QJsonArray fj;
    for (const auto &f : flagged)
        fj.append(QJsonObject{{QStringLiteral("layer"), s(f.layer)},
                              {QStringLiteral("fid"), static_cast<double>(f.fid)},
                              {QStringLiteral("identity"), s(f.identity)},
                              {QStringLiteral("flags"), s(f.flags)}});
    o[QStringLiteral("flagged_features")] = fj;
    QJsonArray ej;
    for (const auto &e : existing)
        ej.append(QJsonObject{{QStringLiteral("layer"), s(e.layer)},
                              {QStringLiteral("fid"), static_cast<double>(e.fid)},
                              {QStringLiteral("identity"), s(e.identity)},
                              {QStringLiteral("uuid"), s(e.uuid)},
                              {QStringLiteral("action"), s(e.action)}});
    o[QStringLiteral("existing_features")] = ej;
    QJsonArray wj;
    for (const auto &w : warnings)
        wj.append(s(w));
    o[QStringLiteral("warnings")] = wj;
    QJsonArray nj;
    for (const auto &n : notes)
        nj.append(s(n));
    o[QStringLiteral("notes")] = nj;
    return o;
}

ImportResult importVector(store::Project &project, const std::string &source, const ImportOptions &options)
{
    ImportResult result;
    ImportReport &rep = result.report;
    rep.source = source;
    const auto fail = [&](const std::string &msg) {
        result.ok = false;
        result.error = msg;
        return result;
    };
    if (!fs::exists(source))
        return fail(source + ": file not found");

    ScopedGdalErrors gdalErrors;
    ScopedConfig closedAsPolygon("DXF_CLOSED_LINE_AS_POLYGON", "TRUE");

    // Shapefiles are opened without recoding so that legacy 8-bit text reaches us as raw bytes.
    GDALDriverH identified = GDALIdentifyDriverEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    const std::string driverName = identified ? GDALGetDriverShortName(identified) : "";
    const bool isShape = driverName == "ESRI Shapefile";
    const char *shapeOpts[] = {"ENCODING=", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                              isShape ? shapeOpts : nullptr, nullptr));
    if (!ds) {
        const std::string why = gdalErrors.last();
        return fail(source + ": cannot read as a vector file" + (why.empty() ? "" : " (" + why + ")"));
    }
    rep.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : driverName;
    if (isShape) {
        // GDAL reads as many features as the .dbf has records: shapes beyond them would vanish
        // without a word ("Imported 0 of 0" for a .dbf whose header says 0).
        const ShapefileCounts c = shapefileCounts(source);
        if (c.shapes >= 0 && c.dbfRecords >= 0 && (c.shapes != c.dbfRecords || c.dbfHeaderRecords != c.dbfRecords)) {
            const std::string dbf = fs::path(c.dbfPath).filename().string();
            std::string claim;
            if (c.dbfHeaderRecords != c.dbfRecords)
                claim = " (its header claims " + std::to_string(c.dbfHeaderRecords) + ", the file holds "
                    + std::to_string(c.dbfRecords) + ")";
            const auto n = [](int64_t v, const char *what) {
                return std::to_string(v) + " " + what + (v == 1 ? "" : "s");
            };
            return fail(source + ": the shapefile has " + n(c.shapes, "shape") + " but " + dbf + " has "
                        + n(c.dbfRecords, "attribute record") + claim
                        + ", so shapes and attributes cannot be paired: the .dbf is damaged, truncated or belongs to"
                          " another file. Nothing was imported. Restore the .dbf from its source; to import the"
                          " shapes alone, move " + dbf + " away and import with --mapping none.");
        }
    }

    // Mapping.
    std::optional<FieldMapping> mapping;
    bool geometryOnly = false;
    if (options.mappingFile == "none") {
        geometryOnly = true;
        rep.mapping = "none";
    } else if (!options.mappingFile.empty()) {
        std::string err;
        mapping = FieldMapping::fromFile(options.mappingFile, &err);
        if (!mapping)
            return fail(err);
    }

    // Encoding.
    std::optional<TextEncoding> encoding;
    if (!options.encoding.empty()) {
        encoding = parseEncoding(options.encoding);
        if (!encoding)
            return fail(source + ": unknown encoding \"" + options.encoding
                        + "\" (use utf-8, cp1258, tcvn3, vni or latin1)");
        rep.encodingHow = "option";
    } else if (!isShape) {
        encoding = TextEncoding::Utf8;
        rep.encodingHow = "driver (UTF-8)";
    } else if (const std::string cpg = cpgEncoding(source); !cpg.empty()) {
        encoding = parseEncoding(cpg);
        if (!encoding)
            return fail(source + ": the .cpg file names an encoding VNLand does not know (\"" + cpg
                        + "\"); give --encoding");
        rep.encodingHow = ".cpg";
    }

    // Plan the layers.
    crs::PjPtr target = crs::createCrs("EPSG:" + std::to_string(project.srid()));
    if (!target)
        return fail(project.path() + ": project CRS EPSG:" + std::to_string(project.srid()) + " is unknown to PROJ");
    std::vector<LayerPlan> plans;
    std::vector<std::string> encodingSamples;
    for (OGRLayer *layer : ds->GetLayers()) {
        const std::string name = layer->GetName();
        if (!options.layer.empty() && name != options.layer)
            continue;
        const auto gtype = wkbFlatten(layer->GetGeomType());
        if (options.layer.empty() && gtype != wkbUnknown && gtype != wkbPolygon && gtype != wkbMultiPolygon
            && gtype != wkbCurvePolygon && gtype != wkbMultiSurface && gtype != wkbGeometryCollection) {
            rep.warnings.push_back("layer \"" + name + "\" skipped: it holds " + OGRGeometryTypeToName(gtype)
                                   + " features, not polygons (name it with --layer to import it anyway)");
            continue;
        }
        LayerPlan plan;
        plan.layer = layer;
        plan.name = name;
        // CRS: the declared text (option, .prj file, or what OGR read) goes through the
        // VN-2000 recognition first (deprecated codes, +towgs84 sign, unnamed VN-2000 WKT).
        std::string declared, origin;
        if (!options.sourceCrs.empty()) {
            declared = options.sourceCrs;
            origin = "--source-crs";
        } else if (const std::string prj = isShape ? readSidecar(source, ".prj") : std::string(); !prj.empty()) {
            declared = prj;
            origin = fs::path(source).replace_extension(".prj").filename().string();
        } else if (const OGRSpatialReference *srs = layer->GetSpatialRef()) {
            char *wkt = nullptr;
            const char *wktOpts[] = {"FORMAT=WKT2_2019", nullptr};
            srs->exportToWkt(&wkt, wktOpts);
            declared = wkt ? wkt : "";
            CPLFree(wkt);
            origin = "layer \"" + name + "\"";
        } else {
            return fail(source + ": layer \"" + name + "\" has no coordinate system"
                        + (isShape ? " (the .prj file is missing)" : "")
                        + "; give it with --source-crs, e.g. --source-crs EPSG:5899 (VN-2000 / TM-3 107°45′)"
                          " or --source-crs EPSG:3405 (VN-2000 / UTM 48N)");
        }
        crs::RecognizeOptions ropts;
        ropts.correctWrongSign = options.fixTowgs84;
        const crs::Recognition rec = crs::recognize(declared, ropts);
        if (rec.wrongSignTowgs84 && !rec.corrected)
            return fail(source + ": " + origin + ": the VN-2000 +towgs84/TOWGS84 parameters have the rotation signs of"
                        " Decision 05/2007 pasted unchanged, which moves every point by 0.5–0.8 m. Re-run with"
                        " --fix-towgs84 to use EPSG:" + std::to_string(rec.suggestedEpsg)
                        + " (the official operation) instead, or give --source-crs. Nothing was imported.");
        for (const auto &note : rec.notes)
            (note.find("WARNING") != std::string::npos || note.find("deprecated") != std::string::npos ? rep.warnings
                                                                                                         : rep.notes)
                .push_back(origin + ": " + note);
        std::string err;
        crs::PjPtr src = crs::createCrs(rec.ok() ? rec.definition : declared, &err);
        if (!src)
            return fail(source + ": " + origin + ": the coordinate system cannot be used (" + err
                        + "); give the right one with --source-crs");
        {
            const int epsg = rec.epsg ? rec.epsg : crs::identifyEpsg(src.get());
            plan.crsText = epsg ? "EPSG:" + std::to_string(epsg) : std::string(proj_get_name(src.get()));
        }
        const int srcEpsg = crs::identifyEpsg(src.get());
        if (srcEpsg != project.srid()) {
            std::string err;
            plan.transform = crs::Transformer::create(src.get(), target.get(), &err);
            if (!plan.transform)
                return fail(source + ": layer \"" + name + "\": " + err);
            rep.operation = plan.transform->description();
        }
        rep.sourceCrs = plan.crsText;
        // Fields.
        OGRFeatureDefn *defn = layer->GetLayerDefn();
        std::vector<std::string> names;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            names.push_back(defn->GetFieldDefn(i)->GetNameRef());
            plan.isString.push_back(defn->GetFieldDefn(i)->GetType() == OFTString);
        }
        if (fieldIndex(names, "scale") >= 0 && fieldIndex(names, "to_so") >= 0 && fieldIndex(names, "thua_so") < 0) {
            plan.sheetLayer = true;
            for (const char *f : {"commune_code", "to_so", "scale", "sheet_id"})
                if (const int i = fieldIndex(names, f); i >= 0)
                    plan.fields[f] = i;
        } else if (!geometryOnly) {
            std::optional<FieldMapping> m = mapping ? mapping : FieldMapping::detect(names);
            if (!m) {
                std::string list;
                for (const auto &n : names)
                    list += (list.empty() ? "" : ", ") + n;
                return fail(source + ": layer \"" + name + "\": no field mapping preset fits its fields (" + list
                            + "); give one with --mapping FILE.json (see schemas/mappings/), or --mapping none"
                              " to import geometry only");
            }
            plan.fields = m->resolve(names);
            rep.mapping = m->name();
            if (mapping) {
                // The user's own mapping: an entry naming a field the layer lacks would import
                // that column empty for every parcel, so it is refused with its line.
                const std::vector<std::string> missing = m->unresolved(names);
                if (!missing.empty()) {
                    std::string list, what;
                    for (const auto &n : names)
                        list += (list.empty() ? "" : ", ") + n;
                    for (const auto &e : missing)
                        what += (what.empty() ? "" : "; ") + e;
                    return fail(source + ": layer \"" + name + "\": the mapping names fields the layer does not have: "
                                + what + ". The layer's fields are: " + list + ". Nothing was imported.");
                }
                for (const char *unused : {"begin_time", "end_time"})
                    if (m->fields().count(unused))
                        rep.warnings.push_back(m->where(unused) + ": not imported (the project sets its own history"
                                               " times); the entry is ignored");
            }
        }
        // Encoding samples (shapefiles without a declared encoding).
        if (!encoding) {
            layer->ResetReading();
            int seen = 0;
            for (auto &f : *layer) {
                for (int i = 0; i < defn->GetFieldCount(); ++i)
                    if (plan.isString[i] && f->IsFieldSetAndNotNull(i)) {
                        std::string v = f->GetFieldAsString(i);
                        if (!isPlainAscii(v))
                            encodingSamples.push_back(std::move(v));
                    }
                if (++seen >= 2000 || encodingSamples.size() >= 2000)
                    break;
            }
        }
        rep.layers.push_back(name);
        plans.push_back(std::move(plan));
    }
    if (plans.empty())
        return fail(source + (options.layer.empty() ? ": no polygon layer found" : ": no layer named \"" + options.layer + "\""));

    if (!encoding) {
        const EncodingGuess g = detectEncoding(encodingSamples);
        encoding = g.ambiguous ? TextEncoding::Utf8 : g.encoding;
        rep.encodingHow = g.ambiguous ? "default (text is plain ASCII)" : "detected";
        if (!g.ambiguous && g.confidence < 0.6)
            rep.warnings.push_back("text encoding guessed as " + encodingName(g.encoding)
                                   + " with low confidence; check names and give --encoding if they look wrong");
    }
    rep.encoding = encodingName(*encoding);

    int64_t total = 0;
    for (auto &p : plans)
        total += std::max<GIntBig>(0, p.layer->GetFeatureCount(TRUE));

    // Live identities already in the project (features that match one are "already there"),
    // and those of this file (a second feature with the same number is flagged, not dropped).
    // (commune, tờ, thửa) packs into one integer (commune as a small ordinal); numbers
    // beyond 21 bits fall back to a set of text keys.
    struct IdentitySet {
        std::unordered_map<std::string, uint64_t> communeIds;
        std::unordered_set<uint64_t> packed;
        std::unordered_set<std::string> other;
        /// False when the identity was there already.
        bool insert(const std::string &commune, int64_t to, int64_t thua)
        {
            const auto [it, added] = communeIds.try_emplace(commune, communeIds.size());
            (void)added;
            constexpr int64_t kMax = int64_t(1) << 21;
            if (to >= 0 && thua >= 0 && to < kMax && thua < kMax && it->second < uint64_t(kMax))
                return packed.insert((it->second << 42) | (uint64_t(to) << 21) | uint64_t(thua)).second;
            return other.insert(commune + "/" + std::to_string(to) + "/" + std::to_string(thua)).second;
        }
        bool contains(const std::string &commune, int64_t to, int64_t thua) const
        {
            const auto it = communeIds.find(commune);
            if (it == communeIds.end())
                return false;
            constexpr int64_t kMax = int64_t(1) << 21;
            if (to >= 0 && thua >= 0 && to < kMax && thua < kMax && it->second < uint64_t(kMax))
                return packed.count((it->second << 42) | (uint64_t(to) << 21) | uint64_t(thua)) > 0;
            return other.count(commune + "/" + std::to_string(to) + "/" + std::to_string(thua)) > 0;
        }
    } dbIdentities, fileIdentities;
    fileIdentities.packed.reserve(size_t(std::max<int64_t>(1024, total)));
    store::Database &db = project.db();
    {
        store::Statement st(db, "SELECT commune_code, to_so, thua_so FROM parcel WHERE end_time IS NULL AND"
                                " identity_conflict = 0 AND thua_so IS NOT NULL AND to_so IS NOT NULL");
        while (st.step())
            dbIdentities.insert(st.text(0), st.int64(1), st.int64(2));
    }
    // UUIDs only need looking up when the project has parcels at all (live or history).
    const bool projectHasParcels = db.queryInt("SELECT EXISTS (SELECT 1 FROM parcel)").value_or(0) != 0;
    std::unordered_set<std::string> fileUuids; // only features that bring their own UUID
    std::map<std::pair<std::string, int>, int64_t> fileSheets; // commune, tờ -> first FID
    const auto &codes = store::landuseCodes();
    // Coordinates beyond this (project CRS units) are no place on Earth: 10 000 km for a
    // projected CRS, 1000° for a geographic one (a typo or a 1e308 from a broken converter).
    const double coordinateLimit = proj_get_type(target.get()) == PJ_TYPE_PROJECTED_CRS ? 1e7 : 1e3;

    const bool bulk = total > 2000; // below that, per-row triggers cost nothing worth avoiding
    // The rows of a bulk load reference only what this import itself just wrote (its
    // import_log row, the parcel a land-use row belongs to): no lookups to check that, row by
    // row. The setting belongs to this connection alone; the journal mode (WAL) is never
    // changed, so another process never sees the project in an intermediate state.
    struct ForeignKeysOff {
        store::Database &db;
        bool off = false;
        ForeignKeysOff(store::Database &d, bool bulk) : db(d)
        {
            if (!bulk)
                return;
            try {
                db.exec("PRAGMA foreign_keys=OFF");
                off = true;
            } catch (const std::exception &) {
            }
        }
        ~ForeignKeysOff()
        {
            if (!off)
                return;
            try {
                db.exec("PRAGMA foreign_keys=ON");
            } catch (const std::exception &) {
            }
        }
    } foreignKeys(db, bulk);
    try {
        store::Transaction tx(db);
        {
            store::Statement log(db, "INSERT INTO import_log(started, source, driver, source_crs, operation, encoding, mapping)"
                                     " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?, ?, ?)");
            log.bind(1, fs::absolute(source).string()).bind(2, rep.driver).bind(3, rep.sourceCrs).bind(4, rep.operation)
                .bind(5, rep.encoding).bind(6, rep.mapping).exec();
            rep.importId = db.lastInsertId();
        }
        // SpatiaLite's R*Tree triggers run SQL per row; a bulk load is several times faster
        // with the index dropped and rebuilt once at the end (same transaction: still all or nothing).
        // So the per-row triggers (R*Tree, geometry constraint, timestamps) are dropped, the rows
        // inserted with their index rows written directly, and the triggers re-created from
        // their saved SQL. We guarantee type and SRID ourselves (CastToMultiPolygon, bound SRID).
        std::vector<std::pair<std::string, std::string>> savedTriggers;
        if (bulk) {
            store::Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'parcel'"
                                    " AND name IN ('gii_parcel_geom', 'ggi_parcel_geom', 'tmi_parcel_geom')");
            while (st.step())
                savedTriggers.emplace_back(st.text(0), st.text(1));
            // Inside this write transaction: in WAL mode another connection keeps reading the
            // last committed state (triggers and all) until the commit puts them back.
            for (const auto &t : savedTriggers)
                db.exec("DROP TRIGGER \"" + t.first + "\""); // names from sqlite_master, not user input
            // Secondary indexes stay: rows arrive mostly in sheet order, so their index entries
            // append near the end, and the writer thread maintains them while the reader works.
        }
        store::ParcelWriter writer(project);
        writer.setManualSpatialIndex(bulk);
        // A plain INSERT: a sheet already in the project is found first (below), never replaced unseen.
        store::Statement sheetInsert(db, "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame)"
                                         " VALUES (?, ?, ?, ?, CastToPolygon(GeomFromWKB(?, ?)))");
        store::Statement sheetFind(db, "SELECT id, scale, sheet_id, frame FROM map_sheet WHERE commune_code = ? AND to_so = ?");
        store::Statement sheetUpdate(db, "UPDATE map_sheet SET scale = ?, sheet_id = ?, frame = CastToPolygon(GeomFromWKB(?, ?))"
                                         " WHERE id = ?");
        store::Statement sheetLog(db, "INSERT INTO change_log(action, detail, source) VALUES ('import_update_sheet', ?, ?)");
        ExistingParcels existingParcels(db, project.srid(), rep.importId, fs::absolute(source).string());
        const auto policy = options.existing;
        int64_t refusedExisting = 0;
        std::set<std::string> communes;
        int64_t done = 0;
        // A worker thread checks (GEOS validity, area) and writes the rows in batches while this
        // thread reads and maps the next features (GDAL); the connection is only ever used by one
        // thread at a time (every other database use below first waits for the pending batch).
        struct PendingRow {
            model::Parcel parcel;
            std::string layer;
            int64_t fid = 0;
            std::optional<double> sourceArea;
            std::string invalidReason;
            std::string unreadable; // set by the checker: the geometry cannot be parsed
            store::ParcelWriter::Encoded encoded;
            bool uuidFromFile = false;  // look the UUID up in the project
            bool identityInDb = false;  // the project had this commune/tờ/thửa live before the import
        };
        constexpr size_t kBatch = 1024;
        struct Outcome {
            std::string layer;
            int64_t fid = 0;
            std::string flags;   // complete flags of the row, when it has any
            std::string reason;  // GEOS reason for invalid_geometry
            std::string ident;
            std::string rejected; // non-empty: the row was not written, and why
            std::string existing; // non-empty: the feature was in the project (exists/skipped/updated/unchanged/kept both)
            std::string uuid;     // the project's parcel it matched
        };
        // Three stages, each on its own thread, handing batches over bounded queues: this thread
        // reads and maps features (GDAL), a checker parses them with GEOS (validity, area), a
        // writer inserts the rows. The OS spreads the three over the cores. The database
        // connection is used only by the writer while the pipeline runs; drain() joins both
        // threads before this thread touches the database again (sheet frames, final steps).
        struct Pipeline {
            using Batch = std::vector<PendingRow>;
            struct Queue {
                std::mutex m;
                std::condition_variable cv;
                std::deque<Batch> items;
                bool closed = false;
                void push(Batch b)
                {
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return items.size() < 3; });
                    items.push_back(std::move(b));
                    cv.notify_all();
                }
                void close()
                {
                    std::lock_guard lock(m);
                    closed = true;
                    cv.notify_all();
                }
                std::optional<Batch> pop()
                {
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return !items.empty() || closed; });
                    if (items.empty())
                        return std::nullopt;
                    Batch b = std::move(items.front());
                    items.pop_front();
                    cv.notify_all();
                    return b;
                }
            };
            store::ParcelWriter &writer;
            int64_t importId;
            int srid;
            std::unique_ptr<Queue> toCheck, toWrite;
            std::thread checker, writerThread;
            std::vector<Outcome> outcomes;
            std::exception_ptr error;
            bool running = false;

            void start()
            {
                toCheck = std::make_unique<Queue>();
                toWrite = std::make_unique<Queue>();
                error = nullptr;
                running = true;
                checker = std::thread([this] {
                    while (auto b = toCheck->pop()) {
                        for (PendingRow &row : *b)
                            check(row);
                        toWrite->push(std::move(*b));
                    }
                    toWrite->close();
                });
                writerThread = std::thread([this] {
                    while (auto b = toWrite->pop()) {
                        if (error)
                            continue; // keep draining so the checker never blocks
                        try {
                            for (PendingRow &row : *b)
                                write(row);
                        } catch (...) {
                            error = std::current_exception();
                        }
                    }
                });
            }
            void push(Batch b)
            {
                if (!running)
                    start();
                toCheck->push(std::move(b));
            }
            /// Waits for every batch to be written; rethrows a database error of the writer.
            void drain()
            {
                if (!running)
                    return;
                toCheck->close();
                checker.join();
                writerThread.join();
                running = false;
                if (error)
                    std::rethrow_exception(error);
            }
            ~Pipeline()
            {
                if (running) {
                    toCheck->close();
                    checker.join();
                    writerThread.join();
                }
            }
            void check(PendingRow &row) const
            {
                model::Parcel &p = row.parcel;
                geom::GeomPtr gg = geom::fromWkb(p.wkb.data(), p.wkb.size());
                if (!gg) {
                    row.unreadable = "geometry cannot be read (" + geom::lastError() + ")";
                    return;
                }
                if (!geom::isValid(gg.get(), &row.invalidReason))
                    addFlag(p.flags, "invalid_geometry");
                else
                    row.invalidReason.clear();
                if (GEOSGetNumGeometries_r(geom::ctx(), gg.get()) > 1)
                    addFlag(p.flags, "multipart");
                p.measuredArea = geom::area(gg.get());
                if (row.sourceArea && std::abs(*row.sourceArea - *p.measuredArea) > std::max(0.5, 0.005 * *p.measuredArea))
                    addFlag(p.flags, "area_differs_from_source");
                row.encoded = store::ParcelWriter::encode(p.wkb, srid);
                if (p.uuid.empty())
                    p.uuid = store::newUuid();
            }
            void write(PendingRow &row)
            {
                if (!row.unreadable.empty()) {
                    outcomes.push_back({std::move(row.layer), row.fid, {}, {}, {}, std::move(row.unreadable), {}, {}});
                    return;
                }
                model::Parcel &p = row.parcel;
                std::string existingAction, matchedUuid;
                if (row.uuidFromFile || row.identityInDb) {
                    if (const auto m = existing->find(p, row.uuidFromFile, row.identityInDb)) {
                        matchedUuid = m->uuid;
                        using E = ImportOptions::Existing;
                        if (policy == E::Refuse || policy == E::Skip) {
                            outcomes.push_back({std::move(row.layer), row.fid, {}, {}, identityText(p), {},
                                                policy == E::Refuse ? "exists" : "skipped", matchedUuid});
                            return;
                        }
                        if (policy == E::Update) {
                            if (m->retired) {
                                outcomes.push_back({std::move(row.layer), row.fid, {}, {}, identityText(p),
                                                    "its UUID " + m->uuid + " belongs to a parcel retired into history"
                                                    " (end_time set); a retired parcel is not revived by an import",
                                                    {}, {}});
                                return;
                            }
                            const bool changed = existing->update(*m, p, row.layer, row.fid);
                            areaSum += *p.measuredArea;
                            outcomes.push_back({std::move(row.layer), row.fid, p.flags, std::move(row.invalidReason),
                                                identityText(p), {}, changed ? "updated" : "unchanged", matchedUuid});
                            return;
                        }
                        // Keep both: the new row is a flagged duplicate of the project's one.
                        if (m->byUuid) {
                            p.uuid = store::newUuid();
                            addFlag(p.flags, "duplicate_uuid");
                        }
                        if (row.identityInDb)
                            addFlag(p.flags, "duplicate_number");
                        existingAction = "kept both";
                    }
                }
                writer.insert(p, row.encoded, importId);
                areaSum += *p.measuredArea;
                // Only rows with something to report are kept: 1 M clean rows need no memory here.
                if (p.flags.empty() && existingAction.empty())
                    return;
                outcomes.push_back({std::move(row.layer), row.fid, p.flags, std::move(row.invalidReason), identityText(p), {},
                                    std::move(existingAction), std::move(matchedUuid)});
            }
            double areaSum = 0;
            ExistingParcels *existing = nullptr;
            ImportOptions::Existing policy = ImportOptions::Existing::Refuse;
        } pipeline{writer, rep.importId, project.srid(), {}, {}, {}, {}, {}, {}, false};
        pipeline.existing = &existingParcels;
        pipeline.policy = policy;
        std::vector<PendingRow> batch;
        const auto waitPending = [&] {
            pipeline.drain();
            for (Outcome &o : pipeline.outcomes) {
                if (!o.rejected.empty()) {
                    --rep.imported;
                    ++rep.rejectedCount;
                    rep.rejected.push_back({o.layer, o.fid, o.rejected});
                    continue;
                }
                if (!o.existing.empty()) {
                    ++rep.alreadyThere;
                    rep.existing.push_back({o.layer, o.fid, o.ident, o.uuid, o.existing});
                    if (o.existing != "kept both")
                        --rep.imported; // counted as imported when read; it was not added
                    if (o.existing == "exists")
                        ++refusedExisting;
                    else if (o.existing == "skipped")
                        ++rep.skipped;
                    else if (o.existing == "updated" || o.existing == "unchanged")
                        ++rep.updated;
                }
                if (!o.flags.empty())
                    rep.flagged.push_back({o.layer, o.fid, o.flags + (o.reason.empty() ? "" : " (" + o.reason + ")"), o.ident});
            }
            pipeline.outcomes.clear();
            rep.totalArea += pipeline.areaSum;
            pipeline.areaSum = 0;
        };
        const auto flushBatch = [&] {
            if (batch.empty())
                return;
            pipeline.push(std::move(batch));
            batch.clear();
            batch.reserve(kBatch);
        };
        // Mapped target fields, resolved to source field indexes once per layer.
        enum Target { F_commune_code, F_to_so, F_thua_so, F_to_so_cu, F_thua_so_cu, F_legal_area, F_source_area, F_landuse_code, F_legal_landuse_code, F_user_type_code, F_owner_name, F_address, F_certificate_issued, F_uuid, F_object_kind, F_scale, F_sheet_id, F_Count };
        static const char *const kTargetNames[F_Count] = {"commune_code", "to_so", "thua_so", "to_so_cu", "thua_so_cu", "legal_area", "source_area", "landuse_code", "legal_landuse_code", "user_type_code", "owner_name", "address", "certificate_issued", "uuid", "object_kind", "scale", "sheet_id"};
        for (LayerPlan &plan : plans) {
            OGRFeatureDefn *defn = plan.layer->GetLayerDefn();
            std::array<int, F_Count> fieldOf;
            for (size_t t = 0; t < F_Count; ++t) {
                const auto it = plan.fields.find(kTargetNames[t]);
                fieldOf[t] = it == plan.fields.end() ? -1 : it->second;
            }
            plan.layer->ResetReading();
            for (auto &feature : *plan.layer) {
                if (options.cancel && options.cancel->load())
                    return fail(source + ": import cancelled; the project is unchanged");
                ++rep.featuresIn;
                ++done;
                if (options.progress && done % 1000 == 0)
                    options.progress(done, total);
                const int64_t fid = feature->GetFID();
                const auto reject = [&](const std::string &reason) {
                    ++rep.rejectedCount;
                    rep.rejected.push_back({plan.name, fid, reason});
                };
                // Attributes.
                model::Parcel p;
                std::string badText;
                const auto text = [&](Target target) -> std::string {
                    const int field = fieldOf[size_t(target)];
                    if (field < 0 || !feature->IsFieldSetAndNotNull(field))
                        return {};
                    std::string raw = feature->GetFieldAsString(field);
                    if (!plan.isString[field])
                        return trim(raw);
                    if (*encoding == TextEncoding::Utf8) {
                        if (!isValidUtf8(raw)) {
                            badText = defn->GetFieldDefn(field)->GetNameRef();
                            return {};
                        }
                        return trim(decode(raw, *encoding));
                    }
                    return trim(decode(raw, *encoding));
                };
                // Numeric fields are read as numbers (GetFieldAsString would format them first).
                const auto number = [&](Target target) -> std::pair<std::optional<double>, bool> {
                    const int field = fieldOf[size_t(target)];
                    if (field < 0 || !feature->IsFieldSetAndNotNull(field))
                        return {std::nullopt, false};
                    const OGRFieldType type = defn->GetFieldDefn(field)->GetType();
                    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal)
                        return {feature->GetFieldAsDouble(field), false};
                    const std::string t = text(target);
                    if (t.empty())
                        return {std::nullopt, false};
                    const auto v = parseDouble(t);
                    return {v, !v};
                };
                const auto integer = [&](Target target, bool *bad) -> std::optional<int> {
                    const auto [v, unreadable] = number(target);
                    if (unreadable || (v && (*v != std::floor(*v) || std::abs(*v) > 1e9))) {
                        *bad = true;
                        return std::nullopt;
                    }
                    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
                };
                p.communeCode = text(F_commune_code);
                if (p.communeCode.empty())
                    p.communeCode = options.communeCode;
                bool badNumber = false;
                p.toSo = integer(F_to_so, &badNumber);
                p.thuaSo = integer(F_thua_so, &badNumber);
                p.toSoCu = text(F_to_so_cu);
                p.thuaSoCu = text(F_thua_so_cu);
                p.legalArea = number(F_legal_area).first;
                const auto sourceArea = number(F_source_area).first;
                p.landuseCode = upper(text(F_landuse_code));
                p.legalLanduseCode = upper(text(F_legal_landuse_code));
                p.userTypeCode = upper(text(F_user_type_code));
                p.ownerName = text(F_owner_name);
                p.address = text(F_address);
                bool badCertificate = false;
                p.certificateIssued = integer(F_certificate_issued, &badCertificate);
                p.uuid = text(F_uuid);
                const std::string kind = text(F_object_kind);
                if (!badText.empty()) {
                    return fail(source + ": feature " + std::to_string(fid) + ", field " + badText
                                + ": text is not valid UTF-8; the file is probably in a legacy encoding"
                                  " (try --encoding tcvn3, vni or cp1258). Nothing was imported.");
                }
                if (badNumber)
                    addFlag(p.flags, "invalid_number");
                if (kind == "road" || kind == "waterway" || kind == "other" || kind == "parcel")
                    p.objectKind = kind;
                else if (p.landuseCode == "DGT")
                    p.objectKind = "road";
                else if (p.landuseCode == "SON")
                    p.objectKind = "waterway";
                if (p.landuseCode.empty())
                    addFlag(p.flags, "missing_landuse");
                else if (!codes.count(p.landuseCode) && p.landuseCode != "OTC")
                    addFlag(p.flags, "unknown_landuse");
                if (!p.uuid.empty() && p.uuid.size() != 36)
                    p.uuid.clear();
                std::transform(p.uuid.begin(), p.uuid.end(), p.uuid.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

                // Geometry.
                OGRGeometry *g = feature->GetGeometryRef();
                if (!g) {
                    reject("no geometry");
                    continue;
                }
                if (g->IsEmpty()) {
                    reject("empty geometry");
                    continue;
                }
                std::unique_ptr<OGRGeometry> owned;
                if (g->hasCurveGeometry()) {
                    owned.reset(g->getLinearGeometry());
                    g = owned.get();
                }
                g->flattenTo2D();
                g->setMeasured(FALSE);
                auto flat = wkbFlatten(g->getGeometryType());
                if (flat == wkbGeometryCollection) {
                    owned.reset(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
                    g = owned.get();
                    flat = wkbFlatten(g->getGeometryType());
                    if (g->IsEmpty()) {
                        reject("geometry collection without polygons");
                        continue;
                    }
                }
                if (flat != wkbPolygon && flat != wkbMultiPolygon) {
                    reject(std::string("geometry is a ") + OGRGeometryTypeToName(flat) + ", not a polygon");
                    continue;
                }
                // A vertex at 1e308 or NaN gives an infinite area, and no export or rule could use
                // the parcel: refused here, with its FID.
                if (const auto bad = badCoordinate(g, 1e12)) {
                    reject("coordinate is not a usable number (" + *bad + "): no place on Earth has it");
                    continue;
                }
                if (plan.transform && !transformRings(g, *plan.transform)) {
                    reject("coordinates cannot be transformed into EPSG:" + std::to_string(project.srid())
                           + " (outside the area of the source CRS?)");
                    continue;
                }
                if (const auto bad = badCoordinate(g, coordinateLimit)) {
                    char limit[32];
                    std::snprintf(limit, sizeof limit, "%g", coordinateLimit);
                    reject("coordinate lies far outside any land in EPSG:" + std::to_string(project.srid()) + " (" + *bad
                           + "; every coordinate must lie within ±" + limit + ")");
                    continue;
                }
                std::vector<unsigned char> wkb(g->WkbSize());
                g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
                if (plan.sheetLayer) {
                    const auto scale = parseInt(text(F_scale));
                    if (!p.toSo || !scale || (*scale != 200 && *scale != 500 && *scale != 1000 && *scale != 2000
                                              && *scale != 5000 && *scale != 10000)) {
                        reject("map sheet without a valid tờ number and scale (200 … 10000)");
                        continue;
                    }
                    const std::string sheetName = "sheet " + (p.communeCode.empty() ? "?" : p.communeCode) + "/"
                        + std::to_string(*p.toSo);
                    if (const auto [first, added] = fileSheets.try_emplace({p.communeCode, *p.toSo}, fid); !added) {
                        reject("map " + sheetName + " (commune/tờ) appears twice in the file (first as feature "
                               + std::to_string(first->second) + "); a tờ number names one sheet");
                        continue;
                    }
                    waitPending();
                    const std::string sheetId = text(F_sheet_id);
                    sheetFind.bind(1, p.communeCode).bind(2, *p.toSo);
                    if (sheetFind.step()) {
                        const int64_t id = sheetFind.int64(0);
                        const int oldScale = sheetFind.integer(1);
                        const std::string oldSheetId = sheetFind.text(2);
                        const auto storedFrame =
                            sheetFind.isNull(3) ? StoredGeometry{} : compareStored(sheetFind.blob(3), wkb);
                        const std::string oldFrame = storedFrame.wkt;
                        const bool sameFrame = storedFrame.same;
                        sheetFind.reset();
                        using E = ImportOptions::Existing;
                        if (policy == E::KeepBoth) {
                            reject("map " + sheetName + " is in the project already, and two sheets cannot share a tờ"
                                   " number; use --update or --skip-existing");
                            continue;
                        }
                        ++rep.alreadyThere;
                        if (policy == E::Refuse) {
                            ++refusedExisting;
                            rep.existing.push_back({plan.name, fid, sheetName, {}, "exists"});
                            continue;
                        }
                        if (policy == E::Skip) {
                            ++rep.skipped;
                            rep.existing.push_back({plan.name, fid, sheetName, {}, "skipped"});
                            continue;
                        }
                        const bool same = sameFrame && oldScale == *scale && oldSheetId == sheetId;
                        if (!same) {
                            sheetUpdate.bind(1, *scale).bind(2, sheetId).bindBlob(3, wkb.data(), wkb.size());
                            sheetUpdate.bind(4, project.srid()).bind(5, id).exec();
                            QJsonObject detail{{QStringLiteral("import_id"), double(rep.importId)},
                                               {QStringLiteral("fid"), double(fid)},
                                               {QStringLiteral("commune_code"), QString::fromStdString(p.communeCode)},
                                               {QStringLiteral("to_so"), *p.toSo},
                                               {QStringLiteral("scale_before"), oldScale},
                                               {QStringLiteral("sheet_id_before"), QString::fromStdString(oldSheetId)}};
                            if (!sameFrame)
                                detail[QStringLiteral("frame_before")] = QString::fromStdString(oldFrame);
                            sheetLog.bind(1, QJsonDocument(detail).toJson(QJsonDocument::Compact).toStdString())
                                .bind(2, fs::absolute(source).string())
                                .exec();
                        }
                        ++rep.updated;
                        rep.existing.push_back({plan.name, fid, sheetName, {}, same ? "unchanged" : "updated"});
                        continue;
                    }
                    sheetFind.reset();
                    sheetInsert.bind(1, p.communeCode).bind(2, *p.toSo).bind(3, *scale).bind(4, sheetId);
                    sheetInsert.bindBlob(5, wkb.data(), wkb.size()).bind(6, project.srid());
                    sheetInsert.exec();
                    ++rep.sheets;
                    ++rep.imported;
                    if (!p.communeCode.empty())
                        communes.insert(p.communeCode);
                    continue;
                }
                p.wkb = std::move(wkb);
                bool identityInDb = false;
                if (p.thuaSo && p.toSo) {
                    // A second feature of this file with the number is flagged (paper maps have them);
                    // the first one is compared with the project's parcels by the writer.
                    if (!fileIdentities.insert(p.communeCode, *p.toSo, *p.thuaSo))
                        addFlag(p.flags, "duplicate_number");
                    else
                        identityInDb = dbIdentities.contains(p.communeCode, *p.toSo, *p.thuaSo);
                }
                bool uuidFromFile = false;
                if (!p.uuid.empty()) {
                    if (!fileUuids.insert(p.uuid).second) {
                        addFlag(p.flags, "duplicate_uuid"); // the second copy gets a new UUID
                        p.uuid.clear();
                    } else {
                        uuidFromFile = projectHasParcels;
                    }
                }
                if (!p.communeCode.empty())
                    communes.insert(p.communeCode);
                ++rep.imported;
                batch.push_back({std::move(p), plan.name, fid, sourceArea, {}, {}, {}, uuidFromFile, identityInDb});
                if (batch.size() >= kBatch)
                    flushBatch();
            }
        }
        flushBatch();
        waitPending();
        if (refusedExisting > 0) {
            // A re-import by mistake: say which, and what the user may want instead (rolled back).
            std::string named;
            int shown = 0;
            for (const auto &e : rep.existing) {
                if (e.action != "exists")
                    continue;
                if (shown++ == 5)
                    break;
                named += (named.empty() ? "" : ", ") + e.identity + " ("
                    + (rep.layers.size() > 1 ? "layer " + e.layer + " " : std::string()) + "feature "
                    + std::to_string(e.fid) + ")";
            }
            if (refusedExisting > 5)
                named += " and " + std::to_string(refusedExisting - 5) + " more";
            return fail(source + ": " + std::to_string(refusedExisting) + " of its " + std::to_string(rep.featuresIn)
                        + " features are already in the project " + project.path()
                        + " (a parcel with the same UUID or commune/tờ/thửa, or a map sheet with the same commune/tờ): "
                        + named + ". Nothing was imported. Re-run with --update to replace them with the file's version"
                          " (the previous values go to the change log), --skip-existing to import only the new ones,"
                          " or --keep-both to add them as flagged duplicates.");
        }
        if (bulk) {
            writer.flushSpatialIndex();
            for (const auto &t : savedTriggers)
                db.exec(t.second);
            db.exec("UPDATE geometry_columns_time SET last_insert = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                    " WHERE f_table_name = 'parcel' AND f_geometry_column = 'geom'");
        }
        for (const auto &c : communes)
            project.ensureCommune(c);
        {
            store::Statement log(db, "UPDATE import_log SET finished = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
                                     " features_in = ?, imported = ?, rejected = ?, flagged = ? WHERE id = ?");
            log.bind(1, rep.featuresIn).bind(2, rep.imported).bind(3, rep.rejectedCount)
                .bind(4, static_cast<int64_t>(rep.flagged.size())).bind(5, rep.importId).exec();
            store::Statement ch(db, "INSERT INTO change_log(action, detail, source) VALUES ('import', ?, ?)");
            ch.bind(1, std::to_string(rep.imported) + " objects imported, " + std::to_string(rep.updated) + " updated, "
                           + std::to_string(rep.skipped) + " skipped as already in the project, "
                           + std::to_string(rep.rejectedCount) + " rejected")
                .bind(2, fs::absolute(source).string()).exec();
        }
        if (options.progress)
            options.progress(total, total);
        tx.commit();
    } catch (const std::exception &e) {
        return fail(std::string(e.what()) + " — the import was rolled back; the project is unchanged");
    }
    result.ok = true;
    return result;
}

} // namespace vnland::io
