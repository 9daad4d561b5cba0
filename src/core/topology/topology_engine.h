// The validation engine: runs the enabled rules over a parcel set on all
// cores, full or incremental (changed parcels and their neighbours), with
// progress and cancel. Works on parcels in memory; see validation_store.h for
// reading from and writing to a project.
#pragma once

#include "model/parcel.h"
#include "topology/validation_context.h"
#include "topology/validation_rule.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vnland::topology {

struct EngineOptions {
    std::vector<Rule> rules;            // empty = all rules
    bool incremental = false;
    std::vector<int64_t> changedIds;    // parcel ids edited since the last run (incremental)
    int threads = 0;                    // 0 = all cores
    /// Called on the calling thread with a fraction 0..1 and a stage name.
    std::function<void(double, const std::string &)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct ValidationReport {
    std::vector<Issue> issues;          // sorted by rule, then parcel ids
    std::vector<Rule> rulesRun;
    bool incremental = false;
    bool cancelled = false;
    size_t parcelsExamined = 0;         // parcels the rules looked at (all, or the incremental set)
    std::vector<int64_t> examinedIds;   // incremental: ids of the examined set
    double seconds = 0;
    std::vector<std::pair<std::string, double>> stageSeconds; // parse, parcel+neighbour rules, gaps, numbers

    size_t count(Rule r) const;
};

/// Validates @p parcels (live parcels and non-parcel objects of one project).
ValidationReport validate(const std::vector<model::Parcel> &parcels, const ValidationContext &context,
                          const EngineOptions &options = {});

/// Parses "a,b,c" into rules; false + @p error naming the unknown id.
bool parseRuleList(const std::string &list, std::vector<Rule> &out, std::string *error);

} // namespace vnland::topology
