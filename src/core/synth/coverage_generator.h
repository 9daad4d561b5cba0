// Seeded generator of realistic synthetic cadastral coverages (Cô Tô, VN-2000
// TM-3 EPSG:5899): blocks split by roads and canals, parcels with exactly
// shared boundaries, Vietnamese attributes, map sheets, optional injected
// faults with a manifest. Generation streams band by band (a row of blocks),
// so millions of parcels never sit in memory at once.
#pragma once

#include "io/text_encoding.h"
#include "model/parcel.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vnland::synth {

/// Fault kinds accepted in SynthOptions::faults ("overlap=3,gap=2,…").
/// overlap, gap, sliver, self_intersection, duplicate_number, unknown_code,
/// spike, duplicate_geometry, area_mismatch (legal area beyond the 1:2000 tolerance).
const std::vector<std::string> &faultKinds();

struct SynthOptions {
    int64_t parcels = 1000;           ///< number of objects with object_kind "parcel" (before duplicate_geometry faults)
    uint64_t seed = 1;                ///< same seed + same options = same output, byte for byte
    std::string faults;               ///< "kind=count,…" (see faultKinds()); empty = clean coverage
    std::string communeCode = "07192";
    /// Map sheet scale: 1000, 2000, or 0 = mixed (1 km cells alternate between one
    /// 1:2000 sheet and four 1:1000 sheets).
    int sheetScale = 0;
    /// Lower-left corner of the coverage in EPSG:5899 (easting, northing).
    double originEasting = 501760.0;
    double originNorthing = 2319810.0;

    // --- output (writeCoverage only) ---
    std::string format;               ///< "shp" | "geojson" | "gpkg"; empty = from the file extension
    io::TextEncoding encoding = io::TextEncoding::Utf8; ///< shp only: legacy text is written as raw bytes, no .cpg
    int targetEpsg = 5899;            ///< shp/gpkg output CRS (GeoJSON is always WGS84, RFC 7946)
    std::string manifestPath;         ///< write the fault manifest JSON here (empty = none)
    std::string sheetsPath;           ///< write the sheet frames here (empty = none; gpkg: also a layer "sheets")
};

/// One injected fault, as listed in the manifest.
struct InjectedFault {
    struct Identity {
        std::string communeCode;
        int toSo = 0;
        int thuaSo = 0;
        std::string uuid;
    };
    std::string kind;                 ///< one of faultKinds()
    std::vector<Identity> parcels;    ///< the parcel(s) involved; the faulty one first
    double x = 0, y = 0;              ///< location in EPSG:5899 (easting, northing)
    double measure = 0;               ///< area m² (overlap, gap, sliver, spike), length m, or 0
    std::string unit;                 ///< "m2", "m", ""
    std::string note;
    /// Not requested but caused by another fault (a spike's needle overlapping the
    /// road, …): the kind of that fault; empty for requested faults. Such entries are
    /// listed so that `vnland validate` reports exactly the manifest.
    std::string sideEffectOf;
};

/// A map sheet (tờ bản đồ) of the coverage.
struct SheetInfo {
    std::string communeCode;
    int toSo = 0;                     ///< serial per commune, smaller scales first, top→bottom, left→right
    int scale = 2000;
    std::string sheetId;              ///< Circular 25/2014 id, e.g. "322500-6" or "322500-6-b"
    double minX = 0, minY = 0, maxX = 0, maxY = 0; ///< EPSG:5899 frame
};

struct SynthResult {
    bool ok = false;
    uint64_t seed = 0;
    std::string communeCode;
    int64_t parcelCount = 0;          ///< features with object_kind "parcel" (incl. duplicate_geometry copies)
    int64_t roadCount = 0;            ///< object_kind "road"
    int64_t waterwayCount = 0;        ///< object_kind "waterway"
    int64_t featureCount = 0;         ///< all features written/yielded
    double totalArea = 0;             ///< sum of measured areas (m², EPSG:5899, before rounding)
    double minX = 0, minY = 0, maxX = 0, maxY = 0; ///< extent in EPSG:5899
    std::vector<SheetInfo> sheets;
    std::vector<InjectedFault> faults;
    std::map<std::string, int64_t> countByLanduse;

    /// The manifest: {"seed", "commune_code", "parcels", "features", "faults": [...], "sheets": [...]}.
    std::string manifestJson() const;
};

/// Parses a fault spec; false + @p error for unknown kinds or bad counts.
bool parseFaultSpec(const std::string &spec, std::map<std::string, int> *counts, std::string *error);

/// Generates the coverage and hands every feature to @p sink in order (north to
/// south, band by band). Parcel::wkb is a 2D little-endian WKB MultiPolygon in
/// EPSG:5899; Parcel::id is the 1-based feature number. Returns !ok + @p error on bad options.
SynthResult generateCoverage(const SynthOptions &options, const std::function<void(const model::Parcel &)> &sink,
                             std::string *error = nullptr);

/// Generates and writes the coverage with GDAL/OGR to @p outPath. Shapefile uses
/// the Circular 75 DBF names (MaXa, SoHieuToBa, SoThuTuThu, SoHieuTo_1, SoThuTuT_1,
/// DienTich, DienTichPh, KyHieuMucD, KyHieuDoiT, TenChu, DiaChi, DaCapGCN, UUID,
/// LoaiDoiTuo); GeoJSON and GeoPackage use commune_code, to_so, thua_so, to_so_cu,
/// thua_so_cu, measured_area, legal_area, landuse_code, user_type_code, owner_name,
/// address, certificate_issued, uuid, object_kind.
SynthResult writeCoverage(const SynthOptions &options, const std::string &outPath, std::string *error = nullptr);

} // namespace vnland::synth
