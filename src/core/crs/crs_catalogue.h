// The CRS catalogue of VNLand: the 63 former provinces (pre-2025) with their
// VN-2000 TM-3 central meridian (kinh tuyến trục) and EPSG code, the UTM
// zones, geographic VN-2000 and WGS84. The province table is data
// (schemas/provinces.csv embedded as :/schemas/provinces.csv).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vnland::crs {

/// A former (pre-2025) province and the TM-3 zone of its cadastral maps.
struct Province {
    std::string code;        // GSO code, two digits ("22")
    std::string nameVi;      // "Quảng Ninh"
    std::string nameAscii;   // "Quang Ninh"
    double centralMeridian = 0; // degrees
    std::string meridianDms; // "107°45'"
    int epsg = 0;            // VN-2000 / TM-3 code
    std::string province2025; // the 2025 province it belongs to
};

enum class CrsKind { Tm3, Utm, Geographic, Wgs84 };

struct CatalogueEntry {
    int epsg = 0;
    std::string name;           // EPSG name, e.g. "VN-2000 / TM-3 107-45"
    CrsKind kind = CrsKind::Tm3;
    double centralMeridian = 0; // projected kinds only
    double scaleFactor = 0;     // projected kinds only
    std::vector<std::string> provinceCodes; // TM-3 only: former provinces on this meridian
};

/// The 63 former provinces in GSO code order.
const std::vector<Province> &provinces();
/// TM-3 codes for the 17 provincial meridians (plus 5896, CM 102°, which has
/// an EPSG code but no province), UTM 48N/49N, VN-2000 geographic, WGS84.
const std::vector<CatalogueEntry> &catalogue();

const CatalogueEntry *findEntry(int epsg);
const Province *provinceByCode(const std::string &gsoCode);
/// EPSG code of the VN-2000 TM-3 CRS with this central meridian (±1e-6°), 0 if none.
int tm3EpsgForMeridian(double centralMeridian);
/// Current code for a deprecated VN-2000 code (6956–6959 → 5896–5899), else 0.
int replacementForDeprecated(int epsg);

/// Lower-case ASCII form of Vietnamese text for matching: diacritics removed,
/// đ → d, separators collapsed to one space ("Bà Rịa - Vũng Tàu" → "ba ria vung tau").
std::string foldVietnamese(const std::string &text);

/// Result of resolving what a user typed as a CRS.
struct CrsLookup {
    int epsg = 0;                 // EPSG code when known
    std::string definition;       // what to hand to createCrs / Transformer ("EPSG:5899" or the text)
    std::string label;            // human-readable: "VN-2000 / TM-3 107-45 (Quảng Ninh, …)"
    std::vector<std::string> notes; // e.g. "EPSG:6959 is deprecated; using EPSG:5899"
    std::string error;            // set when nothing (or more than one thing) matched
    bool ok() const { return error.empty() && !definition.empty(); }
};

/// Resolves "EPSG:5899", "5899", a province name with or without diacritics
/// ("Quảng Ninh", "quang ninh"), a GSO code ("22"), a central meridian
/// ("107.75", "107°45'", "107-45"), "wgs84", "vn2000", "utm48", "utm49", or
/// any WKT / PROJ string PROJ understands.
CrsLookup lookupCrs(const std::string &query);

} // namespace vnland::crs
