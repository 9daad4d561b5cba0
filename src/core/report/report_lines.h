// Internal to the report area: one live object of the parcel table with its
// land uses, streamed in commune / tờ / thửa order with the report filter applied.
#pragma once

#include "report/report_data.h"

#include <functional>

namespace vnland::report {

struct ParcelLines {
    int64_t id = 0;
    std::string communeCode;
    std::optional<int> toSo;
    std::optional<int> thuaSo;
    std::string objectKind;
    std::string ownerName;
    std::string userTypeCode;
    std::optional<double> measuredArea;
    std::optional<double> legalArea;
    std::string landuseCode;
    std::string legalLanduseCode;
    std::string flags;
    std::vector<std::pair<std::string, std::optional<double>>> uses; ///< code, area (main use first)
};

void forEachParcelLines(store::Project &project, const ReportFilter &filter,
                        const std::function<void(const ParcelLines &)> &fn);

/// Areas of the land uses in 0.1 m²: the measured area for a single use, each
/// use's own area when there are several.
std::vector<std::pair<std::string, Tenths>> lineAreas(const ParcelLines &p);

} // namespace vnland::report
