// Vectorizer candidates into a project: one transaction, every candidate a
// parcel flagged `candidate` (plus its review reasons) with its sheet and
// commune, so it stays distinguishable from approved parcels until accepted.
#pragma once

#include "vectorize/vectorize.h"

#include <cstdint>
#include <string>

namespace vnland::store {
class Project;
}

namespace vnland::vectorize {

struct IntoOptions {
    std::string communeCode;   // required unless the project has exactly one commune
    int toSo = 0;              // tờ số; 0 = the map_sheet row with this sheet id, else required
    std::string sheetId;
    int scale = 1000;
    std::string source;        // scan path, recorded in import_log
};

struct IntoResult {
    bool ok = false;
    std::string error;         // project untouched when !ok
    int64_t importId = 0;
    int inserted = 0;
    int flagged = 0;           // with review reasons (besides `candidate`)
    std::string communeCode;
    int toSo = 0;
};

/// Flag every vectorized parcel carries until a person accepts it.
inline constexpr const char *kCandidateFlag = "candidate";

IntoResult addCandidates(store::Project &project, const VectorizeResult &result, const IntoOptions &options);

} // namespace vnland::vectorize
