// vnland fix: apply the automatic fix of one rule (or show it with --dry-run).
#include "args.h"
#include "commands.h"

#include "geom/geos_context.h"
#include "store/project.h"
#include "topology/topology_fix.h"
#include "topology/validation_store.h"

#include <cstdio>
#include <iostream>

namespace vnland::cli {

int cmdFix(const Argv &argv)
{
    Args a(argv, {"rule"}, {"help", "dry-run"});
    if (!a.ok() || a.has("help") || a.positional().size() != 1 || !a.value("rule")) {
        std::cerr << (a.ok() ? "" : "vnland fix: " + a.error() + "\n")
                  << "Usage: vnland fix PROJECT.sqlite --rule RULE [--dry-run]\n"
                     "Rules with a fix: invalid_geometry, duplicate_vertex, near_vertices, unmatched_vertex,"
                     " gap, overlap, sliver,\n"
                     "duplicate_geometry (the later copy is retired into history: end_time set, row kept).\n"
                     "Exit code: 0 the rule is clean afterwards, 1 findings remain, 2 bad input.\n";
        return a.has("help") ? 0 : 2;
    }
    const auto rule = topology::ruleFromId(*a.value("rule"));
    if (!rule || !topology::isFixable(*rule)) {
        std::cerr << "vnland fix: rule '" << *a.value("rule") << "' has no automatic fix\n";
        return 2;
    }
    const bool dry = a.has("dry-run");
    std::unique_ptr<store::Project> project;
    try {
        project = store::Project::open(a.pos(0), dry);
    } catch (const std::exception &e) {
        std::cerr << "vnland fix: " << e.what() << "\n";
        return 2;
    }
    try {
        const topology::FixPlan plan = topology::planFix(*project, *rule);
        std::cout << project->path() << ": " << topology::ruleId(*rule) << ": " << plan.issuesFound << " lỗi, sửa được "
                  << plan.issuesAddressed << ", " << plan.edits.size() << " thửa thay đổi\n";
        for (const auto &e : plan.edits) {
            char line[160];
            if (e.retire)
                std::snprintf(line, sizeof line, "  id %lld: gộp vào thửa kề (%.2f m²), chuyển vào lịch sử\n",
                              static_cast<long long>(e.parcelId), e.areaBefore);
            else
                std::snprintf(line, sizeof line, "  id %lld: %.2f m² -> %.2f m²\n", static_cast<long long>(e.parcelId),
                              e.areaBefore, e.areaAfter);
            std::cout << line;
        }
        for (const auto &s : plan.skipped)
            std::cout << "  bỏ qua: " << s << "\n";
        if (dry) {
            std::cout << "  (--dry-run: không ghi gì vào dự án)\n";
            return plan.issuesFound > 0 ? 1 : 0;
        }
        topology::applyFix(*project, plan);
        // Re-validate the rule so the officer sees what is left.
        topology::EngineOptions opt;
        opt.rules = {*rule};
        const auto after = topology::validateProject(*project, opt);
        const auto saved = topology::saveReport(*project, after);
        std::cout << "  sau khi sửa: " << saved.pending << " lỗi " << topology::ruleId(*rule) << " còn lại\n";
        return saved.pending > 0 ? 1 : 0;
    } catch (const std::exception &e) {
        std::cerr << "vnland fix: " << aboutFile(a.pos(0), e.what()) << "\n";
        return 2;
    }
}

} // namespace vnland::cli
