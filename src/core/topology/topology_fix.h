// Fixes for topology findings, as core operations the editor can undo: each
// plan lists before/after geometries per parcel; applying keeps parcel
// identity (same row, same uuid), recomputes measured_area and writes
// change_log rows, all in one transaction.
#pragma once

#include "model/parcel.h"
#include "topology/validation_context.h"
#include "topology/validation_rule.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vnland::store {
class Project;
}

namespace vnland::topology {

struct GeometryEdit {
    int64_t parcelId = 0;
    std::string uuid;
    std::vector<unsigned char> before;  // WKB as stored
    std::vector<unsigned char> after;   // WKB MultiPolygon; empty when the parcel is retired
    double areaBefore = 0;
    double areaAfter = 0;
    bool retire = false;                // sliver merged into a neighbour: row ends (history)
    std::string action;                 // change_log action, e.g. "fix_gap"
    std::string detail;                 // JSON object text for change_log.detail
};

struct FixPlan {
    Rule rule = Rule::InvalidGeometry;
    std::vector<GeometryEdit> edits;
    size_t issuesFound = 0;             // findings of the rule before the fix
    size_t issuesAddressed = 0;         // findings the edits resolve
    std::vector<std::string> skipped;   // findings left alone, with the reason (Vietnamese)
};

/// Rules that have an automatic fix: invalid_geometry (make valid, structure
/// method), duplicate_vertex and near_vertices (merge the points in every
/// parcel that shares them), unmatched_vertex (snap to the neighbour and
/// insert the shared node), gap (to the neighbour with the longest shared
/// edge), overlap (removed from the parcel with the shorter shared edge),
/// sliver (merged into the neighbour with the longest shared edge),
/// duplicate_geometry (the later copy is retired into history: end_time set,
/// row kept, so no parcel is lost and the live coverage does not change).
bool isFixable(Rule r);

/// Computes the edits for @p rule without touching any store.
FixPlan planFix(const std::vector<model::Parcel> &parcels, const ValidationContext &context, Rule rule);

/// planFix on the live parcels of a project.
FixPlan planFix(store::Project &project, Rule rule);

/// Writes the plan in one transaction: geometries and measured areas, retired
/// slivers, change_log rows, and marks the rule's pending issues on the edited
/// parcels as fixed. Returns the number of parcels changed.
size_t applyFix(store::Project &project, const FixPlan &plan);

/// Puts the "before" geometries back (undo of applyFix), also in one transaction.
size_t revertFix(store::Project &project, const FixPlan &plan);

} // namespace vnland::topology
