// Internal: the rule implementations the engine and the fixes call.
#pragma once

#include "topology/parcel_index.h"
#include "topology/validation_context.h"
#include "topology/validation_rule.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace vnland::topology::detail {

using RuleMask = std::array<bool, kRuleCount>;

inline bool has(const RuleMask &m, Rule r) { return m[static_cast<size_t>(r)]; }

/// Per-thread state: frames parsed and prepared on the worker's own GEOS context.
struct WorkerState {
    const ValidationContext *context = nullptr;
    std::vector<geom::GeomPtr> frames;          // by sheet index (null if none)
    std::vector<geom::PreparedPtr> preparedFrames;
    bool framesLoaded = false;
    std::map<std::pair<std::string, int>, int> sheetLookup;
    std::vector<size_t> candidates;
    std::vector<Issue> issues;
    /// Gap rule, full runs: edges of the examined parcels that no neighbour
    /// shares (the coverage's outline plus the rims of gaps and misfits).
    bool collectFreeEdges = false;
    std::vector<std::pair<XY, XY>> freeEdges;
};

/// Parses the sheet frames for this worker (once).
void loadFrames(WorkerState &ws);
/// Sheet index of the parcel's (commune, tờ) in context.sheets, or -1.
int sheetOf(WorkerState &ws, const model::Parcel &p);

std::string fmt(double v, int decimals = 3);
std::string jsonEscape(const std::string &s);

/// Single-parcel rules for parcel i.
void checkParcel(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws);

/// Neighbour rules for parcel i against candidates (overlap and duplicate
/// geometry only for pairs where @p pairWith(j) is true; unmatched vertices
/// for i's own vertices against every candidate).
void checkNeighbours(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws,
                     const std::vector<char> *pairOwner);

/// Gaps. With @p freeEdges (full runs without frames): faces of the free
/// edges that no parcel covers. Otherwise through the union of the parcels;
/// @p focus: when not empty, only gaps touching these parcels.
void checkGaps(const ParcelIndex &index, const ValidationContext &c, int threads, const std::vector<size_t> &focus,
               const std::vector<std::pair<XY, XY>> *freeEdges, std::vector<Issue> &out,
               const std::atomic<bool> *cancel);

/// duplicate_number and missing_number, restricted to @p sheets (commune, tờ)
/// when not empty.
void checkNumbers(const ParcelIndex &index, const ValidationContext &c, const RuleMask &rules,
                  const std::vector<std::pair<std::string, int>> &sheets, std::vector<Issue> &out);

/// Fills ids/uuids of an issue from parcel positions.
void setParcels(Issue &issue, const ParcelIndex &index, std::initializer_list<size_t> positions);

/// Shared length of boundaries of two polygonal geometries (within @p eps).
double sharedBoundaryLength(const GEOSGeometry *a, const GEOSGeometry *b, double eps = 1e-4);

} // namespace vnland::topology::detail
