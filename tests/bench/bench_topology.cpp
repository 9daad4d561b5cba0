// bench_topology: the validation engine on synthetic coverages.
//  1. All rules at 10 000 / 100 000 / 1 000 000 parcels (each size in its own
//     process so peak memory is per size): wall time, peak RSS, growth ratio
//     against n·log n.
//  2. The overlap rule against the same check as a SpatiaLite SQL self-join
//     through the spatial index, on the same 100 000-parcel project: ratio.
// Usage: bench_topology [--sizes 10000,100000,1000000] [--sql-parcels 100000] [--skip-sql]
#include "bench_support.h"

#include "geom/geos_context.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "synth/coverage_generator.h"
#include "topology/topology_engine.h"
#include "topology/validation_store.h"

#include <QCoreApplication>

#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace vnland;

namespace {

/// CPU time of this process, all threads (the machine may be shared: wall time alone misleads).
double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

topology::ValidationContext contextFor(const synth::SynthResult &r)
{
    topology::ValidationContext c;
    c.validLanduseCodes = topology::landuseCodesValidIn("2018");
    for (const auto &sh : r.sheets) {
        std::ostringstream wkt;
        wkt.precision(12);
        wkt << "POLYGON((" << sh.minX << " " << sh.minY << "," << sh.maxX << " " << sh.minY << "," << sh.maxX << " "
            << sh.maxY << "," << sh.minX << " " << sh.maxY << "," << sh.minX << " " << sh.minY << "))";
        auto g = geom::fromWkt(wkt.str());
        c.sheets.push_back({sh.communeCode, sh.toSo, sh.scale, geom::toWkb(g.get())});
    }
    return c;
}

std::vector<model::Parcel> generate(int64_t n, const std::string &faults, synth::SynthResult *res)
{
    std::vector<model::Parcel> out;
    out.reserve(static_cast<size_t>(n * 1.1));
    synth::SynthOptions o;
    o.parcels = n;
    o.seed = 42;
    o.faults = faults;
    std::string err;
    *res = synth::generateCoverage(o, [&](const model::Parcel &p) { out.push_back(p); }, &err);
    if (!res->ok) {
        std::cerr << "generator failed: " << err << "\n";
        std::exit(2);
    }
    return out;
}

/// Child process: all rules on n parcels. Prints one RESULT line.
int childAllRules(int64_t n, bool perRule)
{
    synth::SynthResult res;
    const double g0 = bench::now();
    auto parcels = generate(n, "", &res);
    const double gen = bench::now() - g0;
    const auto context = contextFor(res);
    const double memBefore = bench::selfPeakMiB();
    if (perRule) {
        for (const auto &info : topology::allRules()) {
            topology::EngineOptions o;
            o.rules = {info.rule};
            const auto r = topology::validate(parcels, context, o);
            std::printf("  rule %-20s %8.2f s  %zu issues\n", info.id, r.seconds, r.issues.size());
        }
    }
    auto cpu = cpuSeconds;
    const double c0 = cpu();
    const double t0 = bench::now();
    const auto r = topology::validate(parcels, context);
    const double t = bench::now() - t0;
    const double validateCpu = cpu() - c0;
    std::printf("    cpu %.2f s for %.2f s wall (machine load %.1f)\n", validateCpu, t, [] {
        double l[1] = {0};
        return getloadavg(l, 1) == 1 ? l[0] : 0.0;
    }());
    for (const auto &[stage, sec] : r.stageSeconds)
        std::printf("    %-24s %7.2f s\n", stage.c_str(), sec);
    // A clean coverage still has true findings the generator does not list as faults
    // (legal areas from "older surveys", frame-crossing parcels numbered by centroid).
    std::string byRule;
    for (const auto &info : topology::allRules())
        if (const size_t k = r.count(info.rule))
            byRule += std::string(" ") + info.id + "=" + std::to_string(k);
    std::printf("    issues by rule:%s\n", byRule.empty() ? " none" : byRule.c_str());
    std::printf("RESULT %lld %.3f %.3f %zu %.1f %.1f %.3f\n", static_cast<long long>(parcels.size()), gen, t,
                r.issues.size(), bench::selfPeakMiB(), memBefore, validateCpu);
    return 0;
}

/// Child process: overlap rule vs SpatiaLite self-join on one project.
int childSql(int64_t n)
{
    synth::SynthResult res;
    auto parcels = generate(n, "overlap=20,duplicate_geometry=10", &res);
    const std::string dir = std::filesystem::temp_directory_path() / ("vnland-bench-topo-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/p.sqlite";
    {
        auto project = store::Project::create(path, {});
        store::Transaction tx(project->db());
        store::ParcelWriter w(*project);
        for (auto p : parcels) {
            p.flags = "duplicate_number"; // generated numbers are unique except injected duplicates; keep all rows
            w.insert(p);
        }
        tx.commit();
    }
    parcels.clear();
    parcels.shrink_to_fit();
    auto project = store::Project::open(path, true);

    // VNLand: load from the project, then the overlap rule (all cores).
    const double a0 = bench::now(), ac0 = cpuSeconds();
    const auto context = topology::ValidationContext::load(*project);
    const auto loaded = store::loadParcels(*project, store::ParcelFilter::allUnsorted());
    const double load = bench::now() - a0;
    topology::EngineOptions o;
    o.rules = {topology::Rule::Overlap};
    const auto r = topology::validate(loaded, context, o);
    const double engine = bench::now() - a0, engineCpu = cpuSeconds() - ac0;

    // The same check in SQL: candidates through the R*Tree, then intersection area.
    const double b0 = bench::now(), bc0 = cpuSeconds();
    store::Statement st(project->db(),
                        "SELECT count(*) FROM parcel a JOIN parcel b ON b.ROWID IN ("
                        "  SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'parcel' AND search_frame = a.geom)"
                        " WHERE a.id < b.id AND a.end_time IS NULL AND b.end_time IS NULL"
                        " AND ST_Intersects(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)) > 0.01");
    int64_t sqlPairs = st.step() ? st.int64(0) : -1;
    const double sql = bench::now() - b0, sqlCpu = cpuSeconds() - bc0;
    std::printf("SQL %lld %.3f %zu %.3f %lld %.3f %.3f %.3f\n", static_cast<long long>(n), engine, r.issues.size(), sql,
                static_cast<long long>(sqlPairs), load, engineCpu, sqlCpu);
    project.reset();
    std::filesystem::remove_all(dir);
    return 0;
}

std::map<std::string, std::vector<double>> runChild(const std::string &self, const std::string &args)
{
    std::map<std::string, std::vector<double>> out;
    FILE *f = popen((self + " " + args).c_str(), "r");
    if (!f)
        return out;
    char line[512];
    while (std::fgets(line, sizeof line, f)) {
        std::istringstream ss(line);
        std::string tag;
        ss >> tag;
        if (tag == "RESULT" || tag == "SQL") {
            double v;
            while (ss >> v)
                out[tag].push_back(v);
        } else {
            std::cout << line;
        }
    }
    pclose(f);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows when redirected to a file
    std::vector<int64_t> sizes = {10000, 100000, 1000000};
    int64_t sqlN = 100000;
    bool skipSql = false, perRule = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--child" && i + 1 < argc)
            return childAllRules(std::stoll(argv[i + 1]), i + 2 < argc && !std::strcmp(argv[i + 2], "--per-rule"));
        if (a == "--child-sql" && i + 1 < argc)
            return childSql(std::stoll(argv[i + 1]));
        if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            std::stringstream ss(argv[++i]);
            std::string item;
            while (std::getline(ss, item, ','))
                sizes.push_back(std::stoll(item));
        } else if (a == "--sql-parcels" && i + 1 < argc) {
            sqlN = std::stoll(argv[++i]);
        } else if (a == "--skip-sql") {
            skipSql = true;
        } else if (a == "--per-rule") {
            perRule = true;
        } else {
            std::cerr << "usage: bench_topology [--sizes N,N,…] [--sql-parcels N] [--skip-sql] [--per-rule]\n";
            return 2;
        }
    }
    const std::string self = std::filesystem::canonical("/proc/self/exe").string();
    std::cout << "bench_topology: all 15 rules on clean synthetic coverages (" << std::thread::hardware_concurrency()
              << " threads)\n";
    std::cout << "  parcels    generate_s  validate_s  issues  peak_MiB  (parcels in memory before validating)\n";
    std::vector<std::array<double, 3>> points; // n, wall, cpu
    for (int64_t n : sizes) {
        auto r = runChild(self, "--child " + std::to_string(n) + (perRule ? " --per-rule" : ""));
        if (r["RESULT"].size() < 7) {
            std::cout << "  " << n << ": child failed\n";
            continue;
        }
        const auto &v = r["RESULT"];
        std::printf("  %9.0f  %10.2f  %10.2f  %6.0f  %8.0f  (%.0f)\n", v[0], v[1], v[2], v[3], v[4], v[5]);
        points.push_back({v[0], v[2], v[6]});
    }
    for (size_t k = 1; k < points.size(); ++k) {
        const double n0 = points[k - 1][0], n1 = points[k][0];
        const double nlogn = (n1 * std::log(n1)) / (n0 * std::log(n0));
        std::printf("  growth %.0f -> %.0f: wall x%.2f, cpu x%.2f (n log n would be x%.2f, linear x%.2f)\n", n0, n1,
                    points[k][1] / points[k - 1][1], points[k][2] / points[k - 1][2], nlogn, n1 / n0);
    }
    if (!skipSql) {
        std::cout << "overlap rule vs SpatiaLite self-join through the spatial index (" << sqlN << " parcels, 20 overlaps + 10 duplicates injected)\n";
        auto r = runChild(self, "--child-sql " + std::to_string(sqlN));
        const auto &v = r["SQL"];
        if (v.size() >= 8) {
            std::printf("  vnland (load %.2f s + overlap rule): %.2f s wall, %.2f s cpu, %.0f issues\n", v[5], v[1], v[6],
                        v[2]);
            std::printf("  SpatiaLite SQL self-join:            %.2f s wall, %.2f s cpu, %.0f pairs\n", v[3], v[7], v[4]);
            std::printf("  ratio: vnland is %.1fx faster (wall, load included), %.1fx (rule only), %.1fx less cpu\n",
                        v[3] / v[1], v[3] / std::max(1e-9, v[1] - v[5]), v[7] / std::max(1e-9, v[6]));
        } else {
            std::cout << "  child failed\n";
        }
    }
    return 0;
}
