// Parcel rows <-> model::Parcel.
#include "store/parcel_store.h"

#include "store/project.h"
#include "store/rtree_bulk.h"
#include "store/spatialite_blob.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

namespace vnland::store {
namespace {

const char *kSelect =
    "SELECT id, uuid, object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu, measured_area,"
    " legal_area, landuse_code, user_type_code, owner_name, address, certificate_issued, flags, begin_time,"
    " end_time, geom, legal_landuse_code FROM parcel";

std::string whereClause(const ParcelFilter &f)
{
    std::string w = " WHERE 1=1";
    if (!f.includeHistory)
        w += " AND end_time IS NULL";
    if (!f.communeCode.empty())
        w += " AND commune_code = :commune";
    if (f.toSo)
        w += " AND to_so = :to";
    return w;
}

void bindFilter(Statement &st, Database &db, const ParcelFilter &f)
{
    (void)db;
    int i = 1;
    if (!f.communeCode.empty())
        st.bind(i++, f.communeCode);
    if (f.toSo)
        st.bind(i++, *f.toSo);
}

std::optional<int> optInt(const Statement &st, int col)
{
    if (st.isNull(col))
        return std::nullopt;
    return st.integer(col);
}

} // namespace

namespace {

bool plausible(const Mbr &m)
{
    for (double v : {m.minX, m.minY, m.maxX, m.maxY})
        if (!std::isfinite(v) || std::abs(v) > kMaxCoordinate)
            return false;
    return m.minX <= m.maxX && m.minY <= m.maxY;
}

/// Where a parcel with an unusable geometry lies, when that can still be told.
std::optional<Mbr> damagedExtent(Project &project, int64_t id, const BlobGeometry &read, const unsigned char *blob,
                                 size_t size)
{
    if (read.hasExtent && plausible(read.extent))
        return read.extent;
    try {
        Statement st(project.db(), "SELECT xmin, ymin, xmax, ymax FROM idx_parcel_geom WHERE pkid = ?");
        st.bind(1, id);
        if (st.step()) {
            const Mbr m{st.real(0), st.real(1), st.real(2), st.real(3)};
            if (plausible(m))
                return m;
        }
    } catch (const std::exception &) {
        // No spatial index (or a damaged one): fall back to the blob header.
    }
    if (blob && size >= 39 && blob[0] == 0x00 && blob[1] <= 1 && blob[38] == 0x7C) {
        double v[4];
        for (int k = 0; k < 4; ++k) {
            uint64_t u;
            std::memcpy(&u, blob + 6 + 8 * k, 8);
            if (blob[1] == 0)
                u = __builtin_bswap64(u);
            std::memcpy(&v[k], &u, 8);
        }
        const Mbr m{v[0], v[1], v[2], v[3]};
        if (plausible(m))
            return m;
    }
    return std::nullopt;
}

/// Reads the current row of a kSelect statement into @p p (every field is assigned).
/// The geometry blob is read by readSpatialiteBlob only (SpatiaLite's own parser
/// crashes or hangs on damaged counts); when it is unusable, p.wkb is empty and
/// @p damaged says why.
void readParcelRow(Project &project, Statement &st, model::Parcel &p, std::optional<DamagedGeometry> &damaged)
{
    p.id = st.int64(0);
    p.uuid = st.text(1);
    p.objectKind = st.text(2);
    p.communeCode = st.text(3);
    p.toSo = optInt(st, 4);
    p.thuaSo = optInt(st, 5);
    p.toSoCu = st.text(6);
    p.thuaSoCu = st.text(7);
    p.measuredArea = st.optReal(8);
    p.legalArea = st.optReal(9);
    p.landuseCode = st.text(10);
    p.userTypeCode = st.text(11);
    p.ownerName = st.text(12);
    p.address = st.text(13);
    p.certificateIssued = optInt(st, 14);
    p.flags = st.text(15);
    p.beginTime = st.text(16);
    p.endTime = st.optText(17);
    p.legalLanduseCode = st.text(19);
    damaged.reset();
    int size = 0;
    const bool isNull = st.isNull(18);
    const unsigned char *blob = isNull ? nullptr : st.blobData(18, &size);
    BlobGeometry read;
    if (isNull)
        read.problem = "the parcel has no geometry (NULL)";
    else
        read = readSpatialiteBlob(blob, static_cast<size_t>(std::max(0, size)));
    p.wkb = std::move(read.wkb);
    if (read.ok())
        return;
    p.wkb.clear();
    DamagedGeometry d;
    d.id = p.id;
    d.uuid = p.uuid;
    d.communeCode = p.communeCode;
    d.toSo = p.toSo;
    d.thuaSo = p.thuaSo;
    d.reason = read.problem;
    d.extent = damagedExtent(project, p.id, read, blob, static_cast<size_t>(std::max(0, size)));
    damaged = std::move(d);
}

std::string selectSql(const ParcelFilter &filter)
{
    // Unsorted reads follow the table (rowid) order: no sorter holding every row and its geometry.
    return std::string(kSelect) + whereClause(filter) + (filter.sorted ? " ORDER BY commune_code, to_so, thua_so, id" : "");
}

std::string labelOf(int64_t id, const std::string &commune, const std::optional<int> &toSo,
                    const std::optional<int> &thuaSo, const std::string &uuid)
{
    std::string s = "parcel id " + std::to_string(id) + " (";
    if (!commune.empty())
        s += "xã " + commune + ", ";
    s += "tờ " + (toSo ? std::to_string(*toSo) : std::string("?")) + ", thửa " +
         (thuaSo ? std::to_string(*thuaSo) : std::string("?"));
    if (!uuid.empty())
        s += ", uuid " + uuid;
    return s + ")";
}

} // namespace

std::string DamagedGeometry::label() const { return labelOf(id, communeCode, toSo, thuaSo, uuid); }

std::string parcelLabel(const model::Parcel &p) { return labelOf(p.id, p.communeCode, p.toSo, p.thuaSo, p.uuid); }

void forEachParcelChecked(Project &project, const ParcelFilter &filter,
                          const std::function<bool(const model::Parcel &, const DamagedGeometry *)> &fn)
{
    Statement st(project.db(), selectSql(filter));
    bindFilter(st, project.db(), filter);
    model::Parcel p;
    std::optional<DamagedGeometry> damaged;
    while (st.step()) {
        readParcelRow(project, st, p, damaged);
        if (!fn(p, damaged ? &*damaged : nullptr))
            break;
    }
}

void forEachParcel(Project &project, const ParcelFilter &filter, const std::function<bool(const model::Parcel &)> &fn)
{
    forEachParcelChecked(project, filter, [&](const model::Parcel &p, const DamagedGeometry *) { return fn(p); });
}

std::vector<model::Parcel> loadParcels(Project &project, const ParcelFilter &filter)
{
    return loadParcels(project, filter, nullptr);
}

std::vector<model::Parcel> loadParcels(Project &project, const ParcelFilter &filter, std::vector<DamagedGeometry> *damaged)
{
    std::vector<model::Parcel> out;
    out.reserve(static_cast<size_t>(countParcels(project, filter)));
    Statement st(project.db(), selectSql(filter));
    bindFilter(st, project.db(), filter);
    std::optional<DamagedGeometry> d;
    while (st.step()) {
        readParcelRow(project, st, out.emplace_back(), d);
        if (d && damaged)
            damaged->push_back(std::move(*d));
    }
    return out;
}

namespace {

/// Reads every blob of @p filter with the checked reader: usable ones to @p onGood, damaged to @p out.
void scanBlobs(Project &project, const ParcelFilter &filter, std::vector<DamagedGeometry> *out,
               const std::function<void(const BlobGeometry &)> &onGood)
{
    Statement st(project.db(), "SELECT id, uuid, commune_code, to_so, thua_so, geom FROM parcel" + whereClause(filter) +
                                   " ORDER BY commune_code, to_so, thua_so, id");
    bindFilter(st, project.db(), filter);
    while (st.step()) {
        int size = 0;
        const bool isNull = st.isNull(5);
        const unsigned char *blob = isNull ? nullptr : st.blobData(5, &size);
        BlobGeometry read;
        if (isNull)
            read.problem = "the parcel has no geometry (NULL)";
        else
            read = readSpatialiteBlob(blob, static_cast<size_t>(std::max(0, size)));
        if (read.ok()) {
            if (onGood)
                onGood(read);
            continue;
        }
        if (!out)
            continue;
        DamagedGeometry d;
        d.id = st.int64(0);
        d.uuid = st.text(1);
        d.communeCode = st.text(2);
        d.toSo = optInt(st, 3);
        d.thuaSo = optInt(st, 4);
        d.reason = read.problem;
        d.extent = damagedExtent(project, d.id, read, blob, static_cast<size_t>(std::max(0, size)));
        out->push_back(std::move(d));
    }
}

} // namespace

std::vector<DamagedGeometry> findDamagedGeometries(Project &project, const ParcelFilter &filter)
{
    std::vector<DamagedGeometry> out;
    scanBlobs(project, filter, &out, {});
    return out;
}

std::optional<Mbr> parcelExtent(Project &project, const ParcelFilter &filter, std::vector<DamagedGeometry> *damaged)
{
    std::optional<Mbr> extent;
    scanBlobs(project, filter, damaged, [&](const BlobGeometry &g) {
        if (!g.hasExtent)
            return;
        if (!extent) {
            extent = g.extent;
            return;
        }
        extent->minX = std::min(extent->minX, g.extent.minX);
        extent->minY = std::min(extent->minY, g.extent.minY);
        extent->maxX = std::max(extent->maxX, g.extent.maxX);
        extent->maxY = std::max(extent->maxY, g.extent.maxY);
    });
    return extent;
}

int64_t countParcels(Project &project, const ParcelFilter &filter)
{
    Statement st(project.db(), "SELECT count(*) FROM parcel" + whereClause(filter));
    bindFilter(st, project.db(), filter);
    return st.step() ? st.int64(0) : 0;
}

struct ParcelWriter::Impl {
    Project &project;
    Statement insert;
    Statement insertBlob;
    Statement setLegalCode;
    bool manualIndex = false;
    std::vector<RtreeEntry> indexEntries;
    Statement insertUse;
    Statement updateGeom;
    Statement updateAttr;
    explicit Impl(Project &p)
        : project(p)
        , insert(p.db(),
                 "INSERT INTO parcel(uuid, object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu,"
                 " measured_area, legal_area, landuse_code, user_type_code, owner_name, address, certificate_issued,"
                 " flags, identity_conflict, import_id, geom)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, CastToMultiPolygon(GeomFromWKB(?, ?)))")
        , insertBlob(p.db(),
                     "INSERT INTO parcel(uuid, object_kind, commune_code, to_so, thua_so, to_so_cu, thua_so_cu,"
                     " measured_area, legal_area, landuse_code, user_type_code, owner_name, address, certificate_issued,"
                     " flags, identity_conflict, import_id, geom)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        , setLegalCode(p.db(), "UPDATE parcel SET legal_landuse_code = ? WHERE id = ?")
        , insertUse(p.db(), "INSERT INTO parcel_landuse(parcel_id, code, area, is_main) VALUES (?,?,?,1)")
        , updateGeom(p.db(), "UPDATE parcel SET geom = CastToMultiPolygon(GeomFromWKB(?, ?)), measured_area = ? WHERE id = ?")
        , updateAttr(p.db(),
                     "UPDATE parcel SET to_so=?, thua_so=?, legal_area=?, landuse_code=?, user_type_code=?,"
                     " owner_name=?, address=?, flags=? WHERE id=?")
    {
    }
};

ParcelWriter::ParcelWriter(Project &project) : d(new Impl(project)) {}
ParcelWriter::~ParcelWriter() { delete d; }

/// Empty text as NULL; bound without a copy: callers keep @p s alive until the statement's exec().
static void bindText(Statement &st, int i, const std::string &s)
{
    if (s.empty())
        st.bind(i, nullptr);
    else
        st.bindTextNoCopy(i, s);
}

void ParcelWriter::setManualSpatialIndex(bool manual)
{
    d->manualIndex = manual;
}

void ParcelWriter::flushSpatialIndex()
{
    if (!d->indexEntries.empty())
        bulkLoadRtree(d->project.db(), "idx_parcel_geom", std::move(d->indexEntries));
    d->indexEntries.clear();
}

ParcelWriter::Encoded ParcelWriter::encode(const std::vector<unsigned char> &wkb, int srid)
{
    Encoded e;
    Mbr mbr;
    e.blob = multiPolygonBlobFromWkb(wkb.data(), wkb.size(), srid, &mbr);
    e.minX = mbr.minX;
    e.minY = mbr.minY;
    e.maxX = mbr.maxX;
    e.maxY = mbr.maxY;
    return e;
}

int64_t ParcelWriter::insert(const model::Parcel &p, std::optional<int64_t> importId)
{
    return insert(p, encode(p.wkb, d->project.srid()), importId);
}

int64_t ParcelWriter::insert(const model::Parcel &p, const Encoded &geometry, std::optional<int64_t> importId)
{
    const std::vector<unsigned char> &blob = geometry.blob;
    const Mbr mbr{geometry.minX, geometry.minY, geometry.maxX, geometry.maxY};
    Statement &st = blob.empty() ? d->insert : d->insertBlob;
    // Values are bound without copies: p, uuid and kParcel outlive exec(), which clears the bindings.
    static const std::string kParcel = "parcel";
    const std::string uuid = p.uuid.empty() ? newUuid() : std::string();
    st.bindTextNoCopy(1, p.uuid.empty() ? uuid : p.uuid);
    st.bindTextNoCopy(2, p.objectKind.empty() ? kParcel : p.objectKind);
    bindText(st, 3, p.communeCode);
    st.bind(4, p.toSo);
    st.bind(5, p.thuaSo);
    bindText(st, 6, p.toSoCu);
    bindText(st, 7, p.thuaSoCu);
    st.bind(8, p.measuredArea);
    st.bind(9, p.legalArea);
    bindText(st, 10, p.landuseCode);
    bindText(st, 11, p.userTypeCode);
    bindText(st, 12, p.ownerName);
    bindText(st, 13, p.address);
    st.bind(14, p.certificateIssued);
    st.bindTextNoCopy(15, p.flags);
    st.bind(16, p.flags.find("duplicate_number") != std::string::npos ? 1 : 0);
    st.bind(17, importId);
    if (blob.empty()) {
        st.bindBlob(18, p.wkb.data(), p.wkb.size());
        st.bind(19, d->project.srid());
    } else {
        st.bindBlobNoCopy(18, blob.data(), blob.size()); // exec() below is done with it before we return
    }
    st.exec();
    const int64_t id = d->project.db().lastInsertId();
    if (!p.legalLanduseCode.empty())
        d->setLegalCode.bind(1, p.legalLanduseCode).bind(2, id).exec();
    if (d->manualIndex) {
        if (blob.empty())
            throw DbError(d->project.path() + ": parcel " + p.uuid + ": geometry is not a polygon");
        d->indexEntries.push_back({id, mbr.minX, mbr.maxX, mbr.minY, mbr.maxY});
    }
    if (!p.landuseCode.empty()) {
        d->insertUse.bind(1, id).bindTextNoCopy(2, p.landuseCode).bind(3, p.measuredArea);
        d->insertUse.exec();
    }
    return id;
}

void ParcelWriter::updateGeometry(int64_t id, const std::vector<unsigned char> &wkb, double measuredArea)
{
    d->updateGeom.bindBlob(1, wkb.data(), wkb.size()).bind(2, d->project.srid()).bind(3, measuredArea).bind(4, id);
    d->updateGeom.exec();
}

void ParcelWriter::updateAttributes(const model::Parcel &p)
{
    Statement &st = d->updateAttr;
    st.bind(1, p.toSo).bind(2, p.thuaSo).bind(3, p.legalArea);
    bindText(st, 4, p.landuseCode);
    bindText(st, 5, p.userTypeCode);
    bindText(st, 6, p.ownerName);
    bindText(st, 7, p.address);
    st.bind(8, p.flags).bind(9, p.id);
    st.exec();
    if (p.legalLanduseCode.empty())
        d->setLegalCode.bind(1, nullptr).bind(2, p.id).exec();
    else
        d->setLegalCode.bind(1, p.legalLanduseCode).bind(2, p.id).exec();
}

std::string newUuid()
{
    // 48-bit Unix time in ms, version 7, 12 bits that count up within one millisecond (so
    // UUIDs made by one process stay ordered), variant 10, 62 random bits.
    thread_local std::mt19937_64 rng{std::random_device{}()};
    thread_local uint64_t lastMs = 0;
    thread_local uint32_t seq = 0;
    uint64_t ms = uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count());
    if (ms <= lastMs) {
        ms = lastMs;
        if (++seq > 0xfff) { // 4096 in one millisecond: borrow the next one
            ++ms;
            seq = 0;
        }
    } else {
        seq = uint32_t(rng() & 0x3ff); // start low so the counter rarely overflows
    }
    lastMs = ms;
    const uint64_t hi = (ms << 16) | 0x7000u | seq;
    const uint64_t lo = (rng() & 0x3fffffffffffffffull) | 0x8000000000000000ull;
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32), unsigned((hi >> 16) & 0xffff),
                  unsigned(hi & 0xffff), unsigned(lo >> 48), static_cast<unsigned long long>(lo & 0xffffffffffffull));
    return buf;
}

} // namespace vnland::store
