// Reading and writing parcels of a project.
#pragma once

#include "model/parcel.h"
#include "store/spatialite_blob.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vnland::store {

class Project;

struct ParcelFilter {
    std::string communeCode;        // empty = all
    std::optional<int> toSo;
    bool includeHistory = false;    // also rows with end_time set
    bool sorted = true;             // by commune, tờ, thửa; false: table order, for whole-set work

    /// Every live parcel in table order (validation, fixes: no sort of every row and geometry).
    static ParcelFilter allUnsorted()
    {
        ParcelFilter f;
        f.sorted = false;
        return f;
    }
};

/// A parcel whose stored geometry cannot be used (damaged blob, NULL, a
/// coordinate that is not a number or not on Earth), and why. Readers hand such a
/// parcel on with an empty wkb; the geometry blob never reaches SpatiaLite's parser.
struct DamagedGeometry {
    int64_t id = 0;
    std::string uuid;
    std::string communeCode;
    std::optional<int> toSo;
    std::optional<int> thuaSo;
    std::string reason;            ///< English, names the bad count/mark/coordinate
    /// Where the parcel lies, when that can still be told: the box of its usable
    /// vertices, else its spatial-index entry, else the blob header's MBR (each
    /// only when finite and within ±kMaxCoordinate).
    std::optional<Mbr> extent;

    /// "parcel id 12 (xã 07192, tờ 3, thửa 10, uuid …)"
    std::string label() const;
};

/// "parcel id 12 (xã 07192, tờ 3, thửa 10, uuid …)": how messages name a parcel.
std::string parcelLabel(const model::Parcel &p);

/// Calls @p fn for each parcel (live ones unless includeHistory), ordered by
/// commune, tờ, thửa. Return false from @p fn to stop.
void forEachParcel(Project &project, const ParcelFilter &filter,
                   const std::function<bool(const model::Parcel &)> &fn);
/// As forEachParcel; @p fn also gets why the geometry is unusable (null when it
/// was read). A damaged parcel is handed on with an empty wkb, never skipped.
void forEachParcelChecked(Project &project, const ParcelFilter &filter,
                          const std::function<bool(const model::Parcel &, const DamagedGeometry *)> &fn);

std::vector<model::Parcel> loadParcels(Project &project, const ParcelFilter &filter = {});
/// As loadParcels; parcels whose geometry is unusable are appended to @p damaged.
std::vector<model::Parcel> loadParcels(Project &project, const ParcelFilter &filter,
                                       std::vector<DamagedGeometry> *damaged);
int64_t countParcels(Project &project, const ParcelFilter &filter = {});

/// Every parcel of @p filter whose stored geometry is unusable (reads only the blobs).
std::vector<DamagedGeometry> findDamagedGeometries(Project &project, const ParcelFilter &filter = {});

/// Extent of the usable geometries of @p filter's parcels, read by the checked reader
/// (SQL Extent(geom) hands every blob to SpatiaLite's parser, which crashes on a damaged
/// one); nullopt when there is none. Damaged parcels go to @p damaged when given.
std::optional<Mbr> parcelExtent(Project &project, const ParcelFilter &filter = {},
                                std::vector<DamagedGeometry> *damaged = nullptr);

/// Inserts a parcel (geometry as WKB in the project CRS); returns its row id.
/// Uses a caller-provided prepared statement through ParcelWriter for bulk work.
class ParcelWriter {
public:
    explicit ParcelWriter(Project &project);
    ~ParcelWriter();
    int64_t insert(const model::Parcel &parcel, std::optional<int64_t> importId = std::nullopt);
    /// The geometry as SpatiaLite stores it, prepared off the writing thread (bulk imports
    /// encode on one thread while another inserts). Empty blob: not a plain polygon.
    struct Encoded {
        std::vector<unsigned char> blob;
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
    };
    static Encoded encode(const std::vector<unsigned char> &wkb, int srid);
    /// insert() with the geometry already encoded for this project's SRID.
    int64_t insert(const model::Parcel &parcel, const Encoded &geometry, std::optional<int64_t> importId);
    /// Bulk loads drop SpatiaLite's per-row R*Tree trigger; the writer then keeps
    /// the MBRs it computed anyway and flushSpatialIndex() loads them into
    /// idx_parcel_geom (STR-packed when the index was empty).
    void setManualSpatialIndex(bool manual);
    void flushSpatialIndex();
    /// Updates geometry and measured area of an existing row.
    void updateGeometry(int64_t id, const std::vector<unsigned char> &wkb, double measuredArea);
    void updateAttributes(const model::Parcel &parcel);

private:
    struct Impl;
    Impl *d;
};

/// A fresh UUID in lower case: version 7 (RFC 9562), time-ordered with 74 random
/// bits, so new rows append to the uuid index instead of landing at random pages.
std::string newUuid();

} // namespace vnland::store
