// kill -9 in the middle of a write: the real `vnland` runs as a child process on a
// copy of the Cô Tô sample project and is killed with SIGKILL at 20 seeded random
// points spread over one measured run (one point in each twentieth), for import, fix
// and export. After each kill the project passes PRAGMA integrity_check and holds
// exactly the state before or the state after the command (parcel count and content);
// an export leaves the old output file untouched or the new one complete.
// The check-in under kill -9 is in tests/plugins/test_postgis.cpp (it needs the server).
#define BOOST_TEST_MODULE kill
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace vnland;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kKills = 20;

/// Runs `vnland ARGS` (output to /dev/null), sends SIGKILL after @p seconds unless it has
/// exited by then. Returns true when the kill ended it; @p exitCode gets the code otherwise.
bool runAndKill(const std::vector<std::string> &args, double seconds, int *exitCode = nullptr)
{
    const pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        std::vector<char *> argv{const_cast<char *>(VNLAND_CLI)};
        for (const auto &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        execv(VNLAND_CLI, argv.data());
        _exit(127);
    }
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    int status = 0;
    for (;;) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            break;
        if (Clock::now() >= deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        return true;
    if (exitCode)
        *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return false;
}

/// One complete run: its duration in seconds (it must succeed with @p expectedExit).
double measure(const std::vector<std::string> &args, int expectedExit = 0)
{
    const auto start = Clock::now();
    int code = -1;
    BOOST_REQUIRE(!runAndKill(args, 600, &code));
    BOOST_REQUIRE_MESSAGE(code == expectedExit, "vnland " << args.front() << " exited with " << code);
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// One point in each twentieth of a run of @p seconds (seeded).
std::vector<double> killPoints(double seconds, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> within(0.0, 1.0);
    std::vector<double> out;
    for (int i = 0; i < kKills; ++i)
        out.push_back(seconds * (i + within(random)) / kKills);
    return out;
}

/// A project file with its WAL (what the last command left), copied to @p to.
void copyProject(const std::string &from, const std::string &to)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(to + suffix);
    fs::copy_file(from, to);
    if (fs::exists(from + "-wal"))
        fs::copy_file(from + "-wal", to + "-wal");
}

/// What the next user of a project finds: integrity, live and total parcels, and a content hash.
struct State {
    std::string integrity;
    long long live = -1;
    long long rows = -1;
    std::string content;
};

State stateOf(const std::string &path)
{
    store::Database db(path, store::Database::Mode::ReadWrite); // recovers a hot WAL as the next open would
    State s;
    s.integrity = db.queryText("PRAGMA integrity_check").value_or("?");
    s.live = db.queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL").value_or(-1);
    s.rows = db.queryInt("SELECT count(*) FROM parcel").value_or(-1);
    const std::string text =
        db.queryText("SELECT group_concat(x, '|') FROM (SELECT uuid || ',' || (end_time IS NULL) || ',' ||"
                     " coalesce(hex(geom), '') || ',' || coalesce(owner_name, '') || ',' || coalesce(measured_area, '')"
                     " AS x FROM parcel ORDER BY uuid)")
            .value_or("") +
        "#" + std::to_string(db.queryInt("SELECT count(*) FROM change_log").value_or(-1)) + "#" +
        std::to_string(db.queryInt("SELECT count(*) FROM import_log").value_or(-1));
    s.content = std::to_string(std::hash<std::string>{}(text));
    return s;
}

/// The sample project (Cô Tô parcels and sheet frames), the faulty sample, and a synthetic
/// neighbouring commune to import, made once for all cases.
struct Samples {
    test::TempDir tmp;
    std::string base = tmp.file("base.sqlite");
    std::string faulty = tmp.file("faulty.sqlite");
    std::string source = tmp.file("next_commune.gpkg");

    Samples()
    {
        const std::string s = test::sampleDir() + "/coto/";
        for (const std::string &args :
             {"import '" + s + "coto_tt75_tcvn3_utm48n.shp' --into '" + base + "' --quiet",
              "import '" + s + "coto_sheets.geojson' --into '" + base + "' --quiet",
              "import '" + s + "coto_faulty.shp' --into '" + faulty + "' --quiet",
              "synth --parcels 5000 --seed 7 --commune 07195 --origin 502280,2319810 --out '" + source + "' --quiet"}) {
            auto r = test::runCli(args);
            BOOST_REQUIRE_MESSAGE(r.exitCode == 0, args << ": " << r.err);
        }
    }
};

Samples &samples()
{
    static Samples s;
    return s;
}

struct Tally {
    int before = 0, after = 0, finished = 0;
    int midWrite = 0; ///< killed with written but uncommitted pages in the WAL (the project was being written)
    void message(const std::string &what, double seconds) const
    {
        BOOST_TEST_MESSAGE(what << ": killed at " << kKills << " points over " << seconds << " s: " << before
                                << " left the before state (" << midWrite << " of them killed while writing), " << after
                                << " the after state, " << finished << " had finished");
    }
};

std::uintmax_t walSize(const std::string &project)
{
    std::error_code ec;
    const auto n = fs::file_size(project + "-wal", ec);
    return ec ? 0 : n;
}

/// Runs @p args on a fresh copy of @p project (made by @p reset) kKills times, killing it at
/// the seeded points, and checks the project is exactly @p before or @p after each time.
/// @p sameContent: the after state's content is the same on every run (no new UUIDs).
Tally killRuns(const std::string &what, const std::function<void()> &reset, const std::string &project,
               const std::vector<std::string> &args, const State &before, const State &after, bool sameContent,
               double seconds, unsigned seed)
{
    Tally t;
    int i = 0;
    for (double at : killPoints(seconds, seed)) {
        reset();
        const auto wal = walSize(project);
        const bool killed = runAndKill(args, at);
        const bool wrote = walSize(project) > wal;
        const State s = stateOf(project);
        BOOST_TEST(s.integrity == "ok", what << " killed at " << at << " s: " << s.integrity);
        const bool isBefore = s.live == before.live && s.rows == before.rows;
        const bool isAfter = s.live == after.live && s.rows == after.rows;
        BOOST_TEST((isBefore || isAfter), what << " #" << i << " killed at " << at << " s: " << s.live << " live / "
                                               << s.rows << " parcels; before " << before.live << "/" << before.rows
                                               << ", after " << after.live << "/" << after.rows);
        if (isBefore)
            BOOST_TEST(s.content == before.content, what << " #" << i << ": before count but other content");
        if (isAfter && sameContent)
            BOOST_TEST(s.content == after.content, what << " #" << i << ": after count but other content");
        ++(isBefore ? t.before : !killed ? t.finished : t.after);
        t.midWrite += isBefore && killed && wrote;
        ++i;
    }
    t.message(what, seconds);
    return t;
}

} // namespace

BOOST_AUTO_TEST_CASE(import_killed_at_20_points_leaves_the_before_or_the_after_project)
{
    Samples &sm = samples();
    const std::string work = sm.tmp.file("import.sqlite");
    const auto reset = [&] { copyProject(sm.base, work); };
    const std::vector<std::string> args = {"import", sm.source, "--into", work, "--quiet"};
    reset();
    const State before = stateOf(work);
    BOOST_REQUIRE(before.integrity == "ok");
    BOOST_REQUIRE(before.live == 393);
    reset();
    const double seconds = measure(args);
    const State after = stateOf(work);
    BOOST_REQUIRE(after.live > before.live + 4000);
    const Tally t = killRuns("import", reset, work, args, before, after, false, seconds, 1601);
    BOOST_TEST(t.before >= 1);
    // Killed early, the import simply runs again.
    bool killedBefore = false;
    for (int tries = 0; tries < 5 && !killedBefore; ++tries) {
        reset();
        killedBefore = runAndKill(args, seconds / 4) && stateOf(work).live == before.live;
    }
    BOOST_REQUIRE(killedBefore);
    int code = -1;
    BOOST_TEST(!runAndKill(args, 600, &code));
    BOOST_TEST(code == 0);
    const State again = stateOf(work);
    BOOST_TEST(again.integrity == "ok");
    BOOST_TEST(again.live == after.live);
}

BOOST_AUTO_TEST_CASE(fix_killed_at_20_points_leaves_the_before_or_the_after_project)
{
    Samples &sm = samples();
    const std::string work = sm.tmp.file("fix.sqlite");
    const auto reset = [&] { copyProject(sm.faulty, work); };
    // duplicate_geometry retires the later copy: the live count drops by one.
    const std::vector<std::string> args = {"fix", work, "--rule", "duplicate_geometry"};
    reset();
    const State before = stateOf(work);
    reset();
    const double seconds = measure(args);
    const State after = stateOf(work);
    BOOST_REQUIRE(after.live == before.live - 1);
    BOOST_REQUIRE(after.content != before.content);
    reset();
    measure(args);
    BOOST_REQUIRE(stateOf(work).content == after.content); // the fix is deterministic: its after state is known
    killRuns("fix", reset, work, args, before, after, true, seconds, 1602);
}

namespace {

std::map<std::string, std::string> filesOf(const std::string &dir, const std::string &stem)
{
    std::map<std::string, std::string> out;
    for (const auto &e : fs::directory_iterator(dir))
        if (e.path().stem().string() == stem)
            out[e.path().filename().string()] = test::readFile(e.path().string());
    return out;
}

/// Feature count per table of a GeoPackage, checked for integrity first.
std::string gpkgLayers(const std::string &path)
{
    store::Database db(path, store::Database::Mode::ReadOnly);
    if (db.queryText("PRAGMA integrity_check").value_or("") != "ok")
        return "not intact";
    std::string out;
    store::Statement st(db, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name");
    while (st.step()) {
        const std::string table = st.text(0);
        std::string quoted = "\"";
        for (char c : table)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += table + ":" + std::to_string(db.queryInt("SELECT count(*) FROM " + quoted + "\"").value_or(-1)) + ";";
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(export_killed_at_20_points_leaves_the_old_file_or_a_complete_new_one)
{
    Samples &sm = samples();
    for (const std::string format : {"gpkg", "shp"}) {
        test::TempDir dir;
        const std::string out = dir.file("out." + format);
        const std::string project = dir.file("project.sqlite");
        copyProject(sm.base, project);
        const State projectBefore = stateOf(project);
        // The old output: an export of the faulty sample (other parcels, other count).
        BOOST_REQUIRE(test::runCli("export '" + sm.faulty + "' --to '" + out + "' --quiet").exitCode == 0);
        const auto oldFiles = filesOf(dir.path().string(), "out");
        BOOST_REQUIRE(oldFiles.count("out." + format));
        const auto restoreOld = [&] {
            for (const auto &e : fs::directory_iterator(dir.path()))
                if (e.path().stem().string() == "out")
                    fs::remove(e.path());
            for (const auto &[name, bytes] : oldFiles) {
                std::FILE *f = std::fopen(dir.file(name).c_str(), "wb");
                BOOST_REQUIRE(f);
                std::fwrite(bytes.data(), 1, bytes.size(), f);
                std::fclose(f);
            }
        };
        const std::vector<std::string> args = {"export", project, "--to", out, "--overwrite", "--quiet"};
        const double seconds = measure(args);
        const auto newFiles = filesOf(dir.path().string(), "out");
        const std::string newLayers = format == "gpkg" ? gpkgLayers(out) : "";
        BOOST_REQUIRE(newFiles != oldFiles);
        int old = 0, complete = 0, leftovers = 0;
        for (double at : killPoints(seconds, format == "gpkg" ? 1603 : 1604)) {
            restoreOld();
            runAndKill(args, at);
            const auto files = filesOf(dir.path().string(), "out");
            bool isNew = false;
            if (format == "gpkg") {
                // A GeoPackage holds its write time: complete = intact with every feature.
                isNew = files.count("out.gpkg") && files.at("out.gpkg") != oldFiles.at("out.gpkg") &&
                        gpkgLayers(out) == newLayers && files.size() == newFiles.size();
            } else {
                isNew = files == newFiles; // shapefile set byte-identical to the complete export
            }
            BOOST_TEST((files == oldFiles || isNew), "export " << format << " killed at " << at
                                                               << " s: the output is neither the old file nor a complete new one");
            old += files == oldFiles;
            complete += isNew;
            // The project is only read.
            const State p = stateOf(project);
            BOOST_TEST(p.integrity == "ok");
            BOOST_TEST(p.content == projectBefore.content);
            for (const auto &e : fs::directory_iterator(dir.path()))
                leftovers += e.path().filename().string().find(".vnland-tmp-") != std::string::npos;
            for (const auto &e : fs::directory_iterator(dir.path()))
                if (e.path().filename().string().find(".vnland-tmp-") != std::string::npos)
                    fs::remove(e.path());
        }
        BOOST_TEST_MESSAGE("export " << format << ": killed at " << kKills << " points over " << seconds << " s: " << old
                                     << " left the old file, " << complete << " a complete new one; " << leftovers
                                     << " temporary files left behind by killed runs");
        BOOST_TEST(old >= 1);
        // The rerun after a kill works.
        restoreOld();
        int code = -1;
        BOOST_TEST(!runAndKill(args, 600, &code));
        BOOST_TEST(code == 0);
    }
}
