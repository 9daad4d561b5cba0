// test_fuzz: a few thousand seeded mutations per parser (fixed seed, so a CI
// failure can be repeated), plus every file in tests/data/fuzz/regressions/.
// A crash, a hang, an exception escaping a parser or a broken invariant fails
// the case; the input is written to fuzz-findings/<parser>/ in the working
// folder. VNLAND_FUZZ_ITERATIONS=N overrides the iteration count (0 = only
// seeds and regressions).
#define BOOST_TEST_MODULE fuzz
#include <boost/test/unit_test.hpp>

#include "fuzz_targets.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace vnland::fuzz;

namespace {

struct AppFixture {
    AppFixture()
    {
        static int argc = 1;
        static char name[] = "test_fuzz";
        static char *argv[] = {name, nullptr};
        app = new QCoreApplication(argc, argv); // plugins are found relative to the application
    }
    ~AppFixture() { delete app; }
    QCoreApplication *app;
};

constexpr uint64_t kCiSeed = 20261203;

/// Findings already reported and waiting for a fix in the parser: one line per
/// finding in tests/data/fuzz/pending/<parser>/known.txt, text that its
/// signature or detail contains ('#' comments). A matching finding is logged,
/// not failed; anything else fails. Empty the file when the parser is fixed.
std::vector<std::string> knownPending(const std::string &name)
{
    std::vector<std::string> out;
    std::ifstream f(fuzzDataDir() + "/pending/" + name + "/known.txt");
    for (std::string line; std::getline(f, line);)
        if (!line.empty() && line[0] != '#')
            out.push_back(line);
    return out;
}

bool isKnown(const Finding &f, const std::vector<std::string> &known)
{
    for (const auto &k : known)
        if (f.signature.find(k) != std::string::npos || f.detail.find(k) != std::string::npos)
            return true;
    return false;
}

/// New findings (not known pending), by kind.
struct NewFindings {
    int64_t crashes = 0, hangs = 0, exceptions = 0, violations = 0, known = 0;
};

NewFindings newFindings(const Stats &s, const std::vector<std::string> &known)
{
    NewFindings n;
    for (const auto &f : s.findings) {
        if (isKnown(f, known)) {
            ++n.known;
            continue;
        }
        switch (f.kind) {
        case Kind::Crash: ++n.crashes; break;
        case Kind::Hang: ++n.hangs; break;
        case Kind::Exception: ++n.exceptions; break;
        case Kind::Violation: ++n.violations; break;
        }
    }
    return n;
}

void report(const Stats &s, const std::string &prefix = {})
{
    BOOST_TEST_MESSAGE(prefix << formatStats(s));
    for (const auto &u : s.unclearSamples)
        BOOST_TEST_MESSAGE("  unclear message (" << u.origin << "): " << u.message);
    size_t shown = 0;
    for (const auto &f : s.findings)
        if (++shown <= 10)
            BOOST_TEST_MESSAGE("  " << kindName(f.kind) << " (" << f.origin << ")" << (f.reproduced ? "" : " [not reproduced alone]")
                                << (f.savedAs.empty() ? "" : " saved as " + f.savedAs) << "\n" << f.detail);
}

void fuzzOne(const std::string &name)
{
    const Target *t = targetByName(name);
    BOOST_REQUIRE_MESSAGE(t, "no fuzz target " << name);
    const std::string corpusDir = fuzzDataDir() + "/corpus/" + name;
    const auto seeds = loadCorpus(*t, corpusDir);
    BOOST_REQUIRE_MESSAGE(!seeds.empty(), "no seed files in " << corpusDir);

    RunConfig cfg;
    cfg.seed = kCiSeed;
    cfg.iterations = ciIterations(*t);
    if (const char *n = std::getenv("VNLAND_FUZZ_ITERATIONS"))
        cfg.iterations = std::atoll(n);
    cfg.findingsDir = (fs::current_path() / "fuzz-findings").string();
    cfg.workDir = (fs::temp_directory_path() / ("vnland-test-fuzz-" + std::to_string(::getpid()))).string();

    const Stats s = fuzzTarget(*t, seeds, cfg);
    report(s);
    BOOST_TEST(s.runs == static_cast<int64_t>(seeds.size()) + cfg.iterations);
    // Every finding is kept in the list (up to 50), so the counts below cover them all.
    BOOST_TEST_REQUIRE(s.findings.size() == static_cast<size_t>(s.failures()));
    const auto known = knownPending(name);
    const NewFindings n = newFindings(s, known);
    if (n.known)
        BOOST_TEST_MESSAGE(name << ": " << n.known << " finding(s) match tests/data/fuzz/pending/" << name
                                << "/known.txt (reported, waiting for the parser fix)");
    BOOST_TEST(n.crashes == 0);
    BOOST_TEST(n.hangs == 0);
    BOOST_TEST(n.exceptions == 0);
    BOOST_TEST(n.violations == 0);
    // The seeds are real files of the format: every one of them must be read,
    // or the driver is not reaching the parser at all.
    const Stats seedOnly = runInputs(*t, seeds, cfg);
    BOOST_TEST(seedOnly.accepted >= 1, name << ": no seed file is read");

    const std::string regDir = fuzzDataDir() + "/regressions/" + name;
    if (fs::is_directory(regDir)) {
        const auto regs = loadCorpus(*t, regDir);
        const Stats r = runInputs(*t, regs, cfg);
        report(r, "regressions: ");
        BOOST_TEST(r.runs == static_cast<int64_t>(regs.size()));
        BOOST_TEST(r.failures() == 0);
    }
    std::error_code ec;
    fs::remove_all(cfg.workDir, ec);
}

} // namespace

BOOST_GLOBAL_FIXTURE(AppFixture);

BOOST_AUTO_TEST_SUITE(fuzz)

BOOST_AUTO_TEST_CASE(shapefile) { fuzzOne("shapefile"); }
BOOST_AUTO_TEST_CASE(geojson) { fuzzOne("geojson"); }
BOOST_AUTO_TEST_CASE(mapping) { fuzzOne("mapping"); }
BOOST_AUTO_TEST_CASE(points) { fuzzOne("points"); }
BOOST_AUTO_TEST_CASE(pnezd) { fuzzOne("pnezd"); }
BOOST_AUTO_TEST_CASE(gsi) { fuzzOne("gsi"); }
BOOST_AUTO_TEST_CASE(sdr33) { fuzzOne("sdr33"); }
BOOST_AUTO_TEST_CASE(dxf) { fuzzOne("dxf"); }
BOOST_AUTO_TEST_CASE(cogo) { fuzzOne("cogo"); }
BOOST_AUTO_TEST_CASE(crs) { fuzzOne("crs"); }
BOOST_AUTO_TEST_CASE(encoding) { fuzzOne("encoding"); }
BOOST_AUTO_TEST_CASE(blob) { fuzzOne("blob"); }

// The runner itself: a driver that crashes, hangs or throws on a marker is
// caught, confirmed alone and its input written out; clean inputs pass.
BOOST_AUTO_TEST_CASE(runner_catches_crash_hang_exception)
{
    Target t;
    t.name = "selftest";
    t.suffixes = {".txt"};
    t.run = [](const std::string &path) {
        const std::string s = [&] {
            std::FILE *f = std::fopen(path.c_str(), "rb");
            std::string out;
            char buf[256];
            size_t n;
            while (f && (n = std::fread(buf, 1, sizeof buf, f)) > 0)
                out.append(buf, n);
            if (f)
                std::fclose(f);
            return out;
        }();
        Outcome o;
        o.accepted = true;
        if (s == "crash")
            std::abort();
        if (s == "segv")
            *static_cast<volatile int *>(nullptr) = 1;
        if (s == "hang")
            for (;;)
                ;
        if (s == "throw")
            throw std::runtime_error("boom");
        if (s == "vague")
            o.messages.push_back({"error", -1, true});
        if (s == "clear")
            o.messages.push_back({path + ": line 3: the northing is not a number", -1, true});
        return o;
    };
    std::vector<std::pair<std::string, Input>> inputs;
    for (const char *s : {"ok", "crash", "ok", "hang", "segv", "throw", "vague", "clear", "ok"})
        inputs.emplace_back(s, Input{{".txt", s}});
    RunConfig cfg;
    cfg.timeoutSeconds = 1;
    cfg.batch = 100;
    cfg.workDir = (fs::temp_directory_path() / ("vnland-test-fuzz-self-" + std::to_string(::getpid()))).string();
    cfg.findingsDir = cfg.workDir + "/findings";
    const Stats s = runInputs(t, inputs, cfg);
    BOOST_TEST(s.runs == 9);
    BOOST_TEST(s.crashes == 2);
    BOOST_TEST(s.hangs == 1);
    BOOST_TEST(s.exceptions == 1);
    BOOST_TEST(s.unclear == 1);
    BOOST_TEST(s.accepted == 5);
    BOOST_REQUIRE(s.findings.size() == 4u);
    for (const auto &f : s.findings) {
        BOOST_TEST(f.reproduced);
        BOOST_TEST(fs::exists(f.savedAs), f.savedAs);
    }
    BOOST_TEST(s.findings[0].signal == SIGABRT);
#if defined(__SANITIZE_ADDRESS__)
    // UBSan stops the null store first ("runtime error: store to null pointer") and exits 1.
    BOOST_TEST((s.findings[2].signal == SIGSEGV || s.findings[2].signal == -1), s.findings[2].signal);
    BOOST_TEST(s.findings[2].signature.find("test_fuzz.cpp") != std::string::npos, s.findings[2].signature);
#else
    BOOST_TEST(s.findings[2].signal == SIGSEGV);
#endif
    BOOST_TEST(s.findings[2].detail.find("test_fuzz") != std::string::npos, s.findings[2].detail);
    std::error_code ec;
    fs::remove_all(cfg.workDir, ec);
}

BOOST_AUTO_TEST_CASE(clear_message_check)
{
    BOOST_TEST(clearMessage({"/tmp/x/fuzz_input.csv: line 4: northing is not a number", -1, true}, "fuzz_input.csv"));
    BOOST_TEST(!clearMessage({"/tmp/x/fuzz_input.csv: error", -1, true}, "fuzz_input.csv"));
    BOOST_TEST(!clearMessage({"cannot read the file", -1, true}, "fuzz_input.csv"));
    BOOST_TEST(clearMessage({"the bearing is not a number", 7, false}, "fuzz_input.csv"));
    BOOST_TEST(!clearMessage({"stod", 7, false}, "fuzz_input.csv"));
    BOOST_TEST(!clearMessage({"", 7, false}, "fuzz_input.csv"));
}

// Mutations are deterministic in the seed and stay within the size cap.
BOOST_AUTO_TEST_CASE(mutations_repeatable)
{
    const Target *t = targetByName("pnezd");
    BOOST_REQUIRE(t);
    const std::vector<std::pair<std::string, Input>> seeds = {{"a", Input{{".csv", "P,N,E,Z\n1,2300000.1,575000.2,3.5\n"}}}};
    int changed = 0;
    for (uint64_t i = 0; i < 200; ++i) {
        const Input a = mutate(*t, seeds, i, 4096), b = mutate(*t, seeds, i, 4096);
        BOOST_TEST(a[0].bytes == b[0].bytes);
        BOOST_TEST(a[0].bytes.size() <= 4096u);
        changed += a[0].bytes != seeds[0].second[0].bytes;
    }
    BOOST_TEST(changed > 180);
}

BOOST_AUTO_TEST_SUITE_END()
