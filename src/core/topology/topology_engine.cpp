// Engine: parse and index, then per-parcel and neighbour rules on all cores,
// then the coverage (gap) and numbering rules.
#include "topology/topology_engine.h"

#include "topology/parcel_index.h"
#include "topology/rule_checks.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <sstream>

namespace vnland::topology {

size_t ValidationReport::count(Rule r) const
{
    return static_cast<size_t>(std::count_if(issues.begin(), issues.end(), [r](const Issue &i) { return i.rule == r; }));
}

bool parseRuleList(const std::string &list, std::vector<Rule> &out, std::string *error)
{
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty())
            continue;
        const auto r = ruleFromId(item);
        if (!r) {
            if (error) {
                *error = "unknown rule '" + item + "'; known rules:";
                for (const auto &info : allRules())
                    *error += std::string(" ") + info.id;
            }
            return false;
        }
        if (std::find(out.begin(), out.end(), *r) == out.end())
            out.push_back(*r);
    }
    return true;
}

namespace {

bool issueLess(const Issue &a, const Issue &b)
{
    if (a.rule != b.rule)
        return a.rule < b.rule;
    if (a.parcelIds != b.parcelIds)
        return a.parcelIds < b.parcelIds;
    if (a.measure != b.measure)
        return a.measure < b.measure;
    return a.geometryWkb < b.geometryWkb;
}

/// The same vertex can be reported from several parcels sharing it; keep one per (neighbour, location).
void dedupeUnmatched(std::vector<Issue> &issues)
{
    std::set<std::pair<int64_t, std::vector<unsigned char>>> seen;
    issues.erase(std::remove_if(issues.begin(), issues.end(),
                                [&](const Issue &i) {
                                    if (i.rule != Rule::UnmatchedVertex || i.parcelIds.size() < 2)
                                        return false;
                                    return !seen.emplace(i.parcelIds[1], i.geometryWkb).second;
                                }),
                 issues.end());
}

} // namespace

ValidationReport validate(const std::vector<model::Parcel> &parcels, const ValidationContext &context,
                          const EngineOptions &options)
{
    const auto t0 = std::chrono::steady_clock::now();
    ValidationReport report;
    report.incremental = options.incremental;
    detail::RuleMask mask{};
    if (options.rules.empty()) {
        for (const auto &info : allRules())
            report.rulesRun.push_back(info.rule);
    } else {
        report.rulesRun = options.rules;
    }
    for (Rule r : report.rulesRun)
        mask[static_cast<size_t>(r)] = true;
    const int threads = options.threads > 0 ? options.threads : defaultThreads();
    const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
    auto progress = [&](double f, const std::string &stage) {
        if (options.progress)
            options.progress(std::min(1.0, f), stage);
    };

    // 1. Parse and index (0 – 20 %).
    std::atomic<size_t> parsed{0};
    progress(0, "Đọc hình học");
    ParcelIndex index(parcels, threads, [&](size_t k) { parsed += k; }, options.cancel);
    auto lap = [&, last = t0](const char *stage) mutable {
        const auto now = std::chrono::steady_clock::now();
        report.stageSeconds.emplace_back(stage, std::chrono::duration<double>(now - last).count());
        last = now;
    };
    lap("parse+index");
    if (cancelled()) {
        report.cancelled = true;
        return report;
    }

    // 2. The examined set: all parcels, or the changed ones and their neighbours.
    std::vector<size_t> examined;
    std::vector<char> inSet;
    if (options.incremental) {
        inSet.assign(index.size(), 0);
        std::vector<size_t> cand;
        const double margin = context.params.value(Rule::UnmatchedVertex, "tolerance");
        for (int64_t id : options.changedIds) {
            const size_t i = index.indexOfId(id);
            if (i == SIZE_MAX)
                continue; // deleted since: its neighbours are found through the others
            inSet[i] = 1;
            index.query(index.envelope(i), margin, cand);
            for (size_t j : cand)
                inSet[j] = 1;
        }
        for (size_t i = 0; i < index.size(); ++i)
            if (inSet[i]) {
                examined.push_back(i);
                report.examinedIds.push_back(index.parcel(i).id);
            }
    } else {
        examined.resize(index.size());
        for (size_t i = 0; i < index.size(); ++i)
            examined[i] = i;
    }
    report.parcelsExamined = examined.size();

    // 3. Per-parcel and neighbour rules (20 – 80 %).
    // Full runs find gaps from the edges no neighbour shares (see rules_coverage.cpp).
    const bool freeEdgeGaps = detail::has(mask, Rule::Gap) && !options.incremental &&
                              (context.params.value(Rule::Gap, "use_frames") == 0 ||
                               std::none_of(context.sheets.begin(), context.sheets.end(),
                                            [](const MapSheetFrame &s) { return !s.frameWkb.empty(); }));
    const bool neighbourRules = detail::has(mask, Rule::Overlap) || detail::has(mask, Rule::DuplicateGeometry) ||
                                detail::has(mask, Rule::UnmatchedVertex) || freeEdgeGaps;
    std::vector<detail::WorkerState> states(threads);
    for (auto &s : states) {
        s.context = &context;
        s.collectFreeEdges = freeEdgeGaps;
    }
    std::atomic<size_t> done{0};
    progress(0.2, "Kiểm tra thửa và thửa kề");
    parallelFor(
        examined.size(), 256, threads,
        [&](size_t b, size_t e, int worker) {
            auto &ws = states[worker];
            for (size_t k = b; k < e; ++k) {
                const size_t i = examined[k];
                detail::checkParcel(index, i, mask, ws);
                if (neighbourRules)
                    detail::checkNeighbours(index, i, mask, ws, options.incremental ? &inSet : nullptr);
            }
            done += e - b;
        },
        [&] { progress(0.2 + 0.6 * double(done) / std::max<size_t>(1, examined.size()), "Kiểm tra thửa và thửa kề"); },
        options.cancel);
    std::vector<std::pair<XY, XY>> freeEdges;
    for (auto &s : states) {
        report.issues.insert(report.issues.end(), std::make_move_iterator(s.issues.begin()),
                             std::make_move_iterator(s.issues.end()));
        s.issues.clear();
        freeEdges.insert(freeEdges.end(), s.freeEdges.begin(), s.freeEdges.end());
        s.freeEdges.clear();
    }
    lap("parcel+neighbour rules");
    if (cancelled()) {
        report.cancelled = true;
        return report;
    }

    // 4. Coverage rule (80 – 95 %).
    if (detail::has(mask, Rule::Gap)) {
        progress(0.8, "Tìm khe hở");
        detail::checkGaps(index, context, threads, options.incremental ? examined : std::vector<size_t>{},
                          freeEdgeGaps ? &freeEdges : nullptr, report.issues, options.cancel);
        lap("gap");
        if (cancelled()) {
            report.cancelled = true;
            return report;
        }
    }

    // 5. Numbering (95 – 100 %).
    if (detail::has(mask, Rule::DuplicateNumber) || detail::has(mask, Rule::MissingNumber)) {
        progress(0.95, "Kiểm tra số thửa");
        std::vector<std::pair<std::string, int>> sheets;
        if (options.incremental) {
            std::set<std::pair<std::string, int>> s;
            for (size_t i : examined)
                if (index.parcel(i).toSo)
                    s.emplace(index.parcel(i).communeCode, *index.parcel(i).toSo);
            sheets.assign(s.begin(), s.end());
            if (sheets.empty())
                sheets.emplace_back("\x01", -1); // nothing numbered in the set: check nothing
        }
        detail::checkNumbers(index, context, mask, sheets, report.issues);
        lap("numbering");
    }

    // A hole where a parcel with a damaged geometry may lie is probably that parcel.
    if (!context.damagedGeometries.empty())
        for (Issue &issue : report.issues) {
            if (issue.rule != Rule::Gap)
                continue;
            geom::GeomPtr g = geom::fromWkb(issue.geometryWkb.data(), issue.geometryWkb.size());
            if (!g)
                continue;
            const geom::Envelope e = geom::envelope(g.get());
            if (const store::DamagedGeometry *d = damagedParcelNear(context, e.minX, e.minY, e.maxX, e.maxY))
                issue.message += " — có thể là chỗ của " + damagedLabelVi(*d) + " có hình học bị hỏng";
        }
    std::sort(report.issues.begin(), report.issues.end(), issueLess);
    dedupeUnmatched(report.issues);
    progress(1, "Xong");
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

} // namespace vnland::topology
