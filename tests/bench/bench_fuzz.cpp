// Long fuzz run over every parser: N mutated inputs per parser (default 300)
// from the corpus in tests/data/fuzz/corpus, with a fresh seed unless one is
// given, each input in a forked child with a time limit. Prints per parser
// runs / crashes / hangs / unclear messages (and exceptions escaping a parser,
// broken invariants); every crash/hang input is written to the findings folder
// with a .log beside it holding the signal and the backtrace.
// Usage: bench_fuzz [N] [--seed S] [--only NAME[,NAME…]] [--out DIR] [--timeout SEC] [--minimise]
//        bench_fuzz --pending             (which reproducers in tests/data/fuzz/pending still fail)
//        bench_fuzz --replay PARSER FILE  (one input in this process, for gdb)
// Exit: 0 nothing found, 1 crashes/hangs/exceptions/violations found, 2 bad arguments.
#include "fuzz_targets.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace vnland::fuzz;

namespace {

std::set<std::string> splitList(const std::string &s)
{
    std::set<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.insert(item);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // bench_fuzz --replay PARSER FILE: one input in this process (for gdb), outcome printed.
    if (argc == 4 && std::string(argv[1]) == "--replay") {
        const Target *t = targetByName(argv[2]);
        if (!t) {
            std::cerr << "bench_fuzz: no parser named " << argv[2] << "\n";
            return 2;
        }
        const std::string dir = (fs::temp_directory_path() / ("vnland-fuzz-replay-" + std::to_string(::getpid()))).string();
        fs::create_directories(dir);
        if (t->prepare)
            t->prepare(dir);
        Outcome o;
        try {
            o = t->run(argv[3]);
        } catch (const std::exception &e) {
            o.exception = e.what();
        }
        std::printf("%s\n", o.accepted ? "read" : "refused");
        for (const auto &m : o.messages)
            std::printf("  %s[%lld] %s\n", clearMessage(m, fs::path(argv[3]).filename().string()) ? "" : "UNCLEAR ",
                        static_cast<long long>(m.location), m.text.c_str());
        if (!o.violation.empty())
            std::printf("violation: %s\n", o.violation.c_str());
        if (!o.exception.empty())
            std::printf("exception: %s\n", o.exception.c_str());
        std::error_code ec;
        fs::remove_all(dir, ec);
        return o.violation.empty() && o.exception.empty() ? 0 : 1;
    }
    // bench_fuzz --pending: runs every reproducer in tests/data/fuzz/pending and says which still
    // fail (the ones that pass can move to regressions/).
    if (argc == 2 && std::string(argv[1]) == "--pending") {
        RunConfig cfg;
        cfg.timeoutSeconds = 10;
        cfg.workDir = (fs::temp_directory_path() / ("vnland-fuzz-pending-" + std::to_string(::getpid()))).string();
        int still = 0;
        for (const Target &t : targets()) {
            const auto inputs = loadCorpus(t, fuzzDataDir() + "/pending/" + t.name);
            for (const auto &in : inputs) {
                const Stats s = runInputs(t, {in}, cfg);
                const bool fails = s.failures() > 0;
                still += fails;
                std::printf("%-9s %-12s %s%s\n", fails ? "FAILS" : "passes", t.name.c_str(),
                            fs::path(in.first).filename().c_str(),
                            fails ? ("  (" + std::string(kindName(s.findings[0].kind)) + ")").c_str() : "");
            }
        }
        std::error_code ec;
        fs::remove_all(cfg.workDir, ec);
        return still ? 1 : 0;
    }
    int64_t n = 300;
    uint64_t seed = std::random_device{}() ^ static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    std::set<std::string> only;
    std::string out = (fs::current_path() / "fuzz-findings").string();
    double timeout = 10;
    bool minimiseFound = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "bench_fuzz: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--seed")
            seed = std::strtoull(next().c_str(), nullptr, 10);
        else if (a == "--only")
            only = splitList(next());
        else if (a == "--out")
            out = next();
        else if (a == "--timeout")
            timeout = std::atof(next().c_str());
        else if (a == "--minimise")
            minimiseFound = true;
        else if (!a.empty() && a[0] != '-')
            n = std::atoll(a.c_str());
        else {
            std::cerr << "Usage: bench_fuzz [N] [--seed S] [--only NAME,…] [--out DIR] [--timeout SEC] [--minimise]\n";
            return 2;
        }
    }
    if (n < 1) {
        std::cerr << "bench_fuzz: N must be at least 1\n";
        return 2;
    }
    for (const auto &o : only)
        if (!targetByName(o)) {
            std::cerr << "bench_fuzz: no parser named " << o << "\n";
            return 2;
        }
    std::printf("bench_fuzz: %lld mutated inputs per parser, seed %llu, CPU time limit %.0f s per input, findings in %s\n",
                static_cast<long long>(n), static_cast<unsigned long long>(seed), timeout, out.c_str());
    std::fflush(stdout);
    RunConfig cfg;
    cfg.seed = seed;
    cfg.iterations = n;
    cfg.timeoutSeconds = timeout;
    cfg.findingsDir = out;
    cfg.workDir = (fs::temp_directory_path() / ("vnland-bench-fuzz-" + std::to_string(::getpid()))).string();
    Stats total;
    total.target = "total";
    bool found = false;
    for (const Target &t : targets()) {
        if (!only.empty() && !only.count(t.name))
            continue;
        const auto seeds = loadCorpus(t, fuzzDataDir() + "/corpus/" + t.name);
        if (seeds.empty()) {
            std::printf("%-12s no seed files in %s\n", t.name.c_str(), (fuzzDataDir() + "/corpus/" + t.name).c_str());
            found = true;
            continue;
        }
        Stats s = fuzzTarget(t, seeds, cfg);
        std::printf("%s\n", formatStats(s).c_str());
        for (const auto &u : s.unclearSamples)
            std::printf("    unclear: %s\n", u.message.substr(0, 200).c_str());
        std::map<std::string, int> perSignature;
        for (auto &f : s.findings) {
            if (perSignature[std::string(kindName(f.kind)) + ": " + f.signature]++ > 0)
                continue; // one line per distinct place
            std::printf("    %s%s: %s\n      %s\n", kindName(f.kind), f.reproduced ? "" : " (not reproduced alone)",
                        f.savedAs.empty() ? "(not saved: same place as an earlier one)" : f.savedAs.c_str(),
                        f.signature.c_str());
            if (minimiseFound && !f.savedAs.empty() && f.reproduced && (f.kind == Kind::Crash || f.kind == Kind::Hang)) {
                // Reload the saved input and shorten it while it still fails.
                const fs::path saved(f.savedAs);
                Input in;
                for (const auto &suffix : t.suffixes.empty() ? std::vector<std::string>{saved.extension().string()} : t.suffixes) {
                    std::ifstream file((saved.parent_path() / (saved.stem().string() + suffix)).string(), std::ios::binary);
                    std::ostringstream b;
                    b << file.rdbuf();
                    in.push_back({suffix, b.str()});
                }
                const Input small = minimise(in, [&](const Input &x) {
                    Finding g;
                    return stillFails(t, x, cfg, &g) && g.kind == f.kind && (f.kind == Kind::Hang || g.signature == f.signature);
                }, 300);
                for (const auto &m : small) {
                    std::ofstream o((saved.parent_path() / (saved.stem().string() + ".min" + m.suffix)).string(),
                                    std::ios::binary);
                    o.write(m.bytes.data(), static_cast<std::streamsize>(m.bytes.size()));
                }
                size_t before = 0, after = 0;
                for (size_t k = 0; k < in.size(); ++k) {
                    before += in[k].bytes.size();
                    after += small[k].bytes.size();
                }
                std::printf("      minimised %zu -> %zu bytes: %s\n", before, after,
                            (saved.parent_path() / (saved.stem().string() + ".min" + in[0].suffix)).c_str());
            }
        }
        for (const auto &[sig, count] : perSignature)
            if (count > 1)
                std::printf("    %d inputs: %s\n", count, sig.c_str());
        std::fflush(stdout);
        total.runs += s.runs;
        total.accepted += s.accepted;
        total.refused += s.refused;
        total.crashes += s.crashes;
        total.hangs += s.hangs;
        total.exceptions += s.exceptions;
        total.violations += s.violations;
        total.unclear += s.unclear;
        total.seconds += s.seconds;
        total.cpuSeconds += s.cpuSeconds;
        found = found || s.failures() > 0;
    }
    std::printf("%s\n", formatStats(total).c_str());
    std::error_code ec;
    fs::remove_all(cfg.workDir, ec);
    return found ? 1 : 0;
}
