// Vectorizer candidates into a project: one transaction, every candidate a
// parcel flagged `candidate` (plus its review reasons) with its sheet and
// commune, so it stays distinguishable from approved parcels until accepted.
#pragma once

#include "vectorize/vectorize.h"

#include <cstdint>
#include <string>
#include <vector>

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

/// Why candidates were refused, for a caller that words it itself (the editor):
/// the CLI prints `error`, which names its own options.
enum class IntoProblem { None, CrsMismatch, CommuneNeeded, SheetNumberNeeded, Failed };

struct IntoResult {
    bool ok = false;
    std::string error;         // project untouched when !ok
    IntoProblem problem = IntoProblem::None;
    int communeCount = 0;      // CommuneNeeded: communes in the project
    int64_t importId = 0;
    int inserted = 0;
    std::vector<int64_t> insertedIds;   // parcel ids, in candidate order
    int flagged = 0;           // with review reasons (besides `candidate`)
    std::string communeCode;
    int toSo = 0;
};

/// Flag every vectorized parcel carries until a person accepts it.
inline constexpr const char *kCandidateFlag = "candidate";

/// Where candidates in EPSG:@p epsg would go, without writing: the project's CRS must match,
/// the commune is options.communeCode or the project's only one, the tờ number options.toSo
/// or the map_sheet row of the sheet. ok + communeCode/toSo, or the problem. A caller checks
/// this before a long vectorization; addCandidates() checks it again in its transaction.
IntoResult resolveTarget(store::Project &project, int epsg, const IntoOptions &options);

IntoResult addCandidates(store::Project &project, const VectorizeResult &result, const IntoOptions &options);

} // namespace vnland::vectorize
