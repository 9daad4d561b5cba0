// Parcel (thửa đất) as the engine passes it around.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnland::model {

struct Parcel {
    int64_t id = 0;
    std::string uuid;
    std::string objectKind = "parcel"; // parcel | road | waterway | other
    std::string communeCode;           // mã xã
    std::optional<int> toSo;           // số tờ
    std::optional<int> thuaSo;         // số thửa
    std::string toSoCu;                // old sheet number (may be alphanumeric)
    std::string thuaSoCu;              // old parcel number
    std::optional<double> measuredArea;
    std::optional<double> legalArea;
    std::string landuseCode;           // main land-use code (mã loại đất)
    std::string legalLanduseCode;      // land type on the legal papers, when it differs
    std::string userTypeCode;          // mã đối tượng sử dụng đất
    std::string ownerName;
    std::string address;
    std::optional<int> certificateIssued;
    std::string flags;
    std::string beginTime;
    std::optional<std::string> endTime;
    std::vector<unsigned char> wkb;    // 2D WKB in the project CRS
};

} // namespace vnland::model
