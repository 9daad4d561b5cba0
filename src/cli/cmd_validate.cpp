// vnland validate: run the topology/attribute rules on a project, store the
// findings in it and write them as JSON, GeoJSON or CSV.
#include "args.h"
#include "progress_bar.h"
#include "commands.h"

#include "store/project.h"
#include "topology/validation_store.h"

#include <iostream>
#include <sstream>

namespace vnland::cli {

static const char *kValidateUsage =
    "Usage: vnland validate PROJECT.sqlite [--rules a,b,…] [--incremental ID,ID,…]\n"
    "         [--json FILE] [--geojson FILE] [--csv FILE] [--wgs84] [--set RULE.PARAM=VALUE]…\n"
    "         [--no-store] [--threads N] [--list-rules]\n"
    "Exit code: 0 no pending finding, 1 findings, 2 bad input.\n";

int cmdValidate(const Argv &argv)
{
    Args a(argv, {"rules", "json", "geojson", "csv", "incremental", "set", "threads"},
           {"help", "wgs84", "no-store", "list-rules", "quiet"});
    if (a.ok() && a.has("list-rules")) {
        const auto params = topology::RuleParams::defaults();
        for (const auto &info : topology::allRules()) {
            std::cout << info.id << " (" << topology::severityId(info.severity) << ") — " << info.nameVi << "\n";
            for (const auto &name : params.paramNames(info.rule)) {
                const std::string key = std::string(info.id) + "." + name;
                auto it = params.numbers().find(key);
                std::cout << "    " << key << " = "
                          << (it != params.numbers().end() ? std::to_string(it->second) : params.texts().at(key)) << "\n";
            }
        }
        return 0;
    }
    if (!a.ok() || a.has("help") || a.positional().size() != 1) {
        std::cerr << (a.ok() ? "" : "vnland validate: " + a.error() + "\n") << kValidateUsage;
        return a.has("help") ? 0 : 2;
    }
    topology::EngineOptions options;
    std::string error;
    if (auto rules = a.value("rules"); rules && !topology::parseRuleList(*rules, options.rules, &error)) {
        std::cerr << "vnland validate: --rules: " << error << "\n";
        return 2;
    }
    if (auto inc = a.value("incremental")) {
        options.incremental = true;
        std::stringstream ss(*inc);
        std::string item;
        try {
            while (std::getline(ss, item, ','))
                if (!item.empty())
                    options.changedIds.push_back(std::stoll(item));
        } catch (const std::exception &) {
            std::cerr << "vnland validate: --incremental takes parcel ids separated by commas, got '" << *inc << "'\n";
            return 2;
        }
    }
    if (auto t = a.value("threads")) {
        try {
            options.threads = std::stoi(*t);
        } catch (const std::exception &) {
            std::cerr << "vnland validate: --threads takes a number\n";
            return 2;
        }
    }
    std::unique_ptr<store::Project> project;
    bool store = !a.has("no-store");
    try {
        project = store::Project::open(a.pos(0), !store);
    } catch (const std::exception &e) {
        std::cerr << "vnland validate: " << e.what() << "\n";
        return 2;
    }
    try {
        for (const auto &assignment : a.values("set")) {
            if (!store) {
                std::cerr << "vnland validate: --set stores parameters in the project and cannot go with --no-store\n";
                return 2;
            }
            if (!topology::storeRuleParam(*project, assignment, &error)) {
                std::cerr << "vnland validate: --set " << assignment << ": " << error << "\n";
                return 2;
            }
        }
        ProgressBar bar(!a.has("quiet"));
        options.progress = [&bar](double f, const std::string &stage) { bar.update(f, stage); };
        const topology::ValidationReport report = topology::validateProject(*project, options);
        bar.finish();
        topology::SaveResult saved;
        saved.pending = report.issues.size();
        if (store)
            saved = topology::saveReport(*project, report);
        topology::ExportOptions ex;
        ex.epsg = project->srid();
        ex.wgs84 = a.has("wgs84");
        ex.projectPath = project->path();
        ex.runId = saved.runId;
        if (auto f = a.value("json"); f && !topology::writeJson(*f, report, ex, &error)) {
            std::cerr << "vnland validate: " << error << "\n";
            return 2;
        }
        if (auto f = a.value("geojson"); f && !topology::writeGeoJson(*f, report, ex, &error)) {
            std::cerr << "vnland validate: " << error << "\n";
            return 2;
        }
        if (auto f = a.value("csv"); f && !topology::writeCsv(*f, report, ex, &error)) {
            std::cerr << "vnland validate: " << error << "\n";
            return 2;
        }
        std::cout << project->path() << ": " << (report.incremental ? "kiểm tra cục bộ" : "kiểm tra toàn bộ") << "\n"
                  << topology::summaryText(report);
        if (saved.exceptions)
            std::cout << "  " << saved.exceptions << " lỗi đã được chấp nhận là ngoại lệ\n";
        if (store)
            std::cout << "  lưu vào validation_issue, lần chạy " << saved.runId << "\n";
        if (report.cancelled)
            return 2;
        return saved.pending > 0 ? 1 : 0;
    } catch (const std::exception &e) {
        std::cerr << "vnland validate: " << aboutFile(a.pos(0), e.what()) << "\n";
        return 2;
    }
}

} // namespace vnland::cli
