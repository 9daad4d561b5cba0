#include <algorithm>
#include <filesystem>
#include "test_support.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace vnland::test {

TempDir::TempDir()
{
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("vnland-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(m_path, ec);
}

std::string readFile(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

RunResult runCli(const std::string &args)
{
    static std::atomic<int> counter{0}; // tests run the CLI from several threads
    const auto base = std::filesystem::temp_directory_path() / ("vnland-cli-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    const std::string outPath = base.string() + ".out", errPath = base.string() + ".err";
    const std::string cmd = std::string("'") + VNLAND_CLI + "' " + args + " >'" + outPath + "' 2>'" + errPath + "'";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    std::remove(outPath.c_str());
    std::remove(errPath.c_str());
    return r;
}

std::string cliPath() { return VNLAND_CLI; }

RunResult runCliOnTerminal(const std::string &args)
{
    std::string inner = std::string("'") + VNLAND_CLI + "' " + args;
    std::string quoted;   // for script -c "…"
    for (char c : inner) {
        if (c == '"' || c == '\\' || c == '$' || c == '`')
            quoted += '\\';
        quoted += c;
    }
    static std::atomic<int> counter{0};
    const auto base = std::filesystem::temp_directory_path() / ("vnland-tty-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    const std::string outPath = base.string() + ".out";
    const std::string cmd = "script -qec \"" + quoted + "\" /dev/null </dev/null >'" + outPath + "' 2>&1";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readFile(outPath);
    std::remove(outPath.c_str());
    return r;
}

std::string sampleDir() { return VNLAND_SAMPLE_DIR; }
std::string testDataDir() { return VNLAND_TEST_DATA_DIR; }

std::vector<std::string> projectSources(const std::vector<std::string> &dirs)
{
    std::vector<std::string> out;
    for (const std::string &d : dirs)
        for (const auto &e : std::filesystem::recursive_directory_iterator(sampleDir() + "/../" + d))
            if (e.is_regular_file() && (e.path().extension() == ".cpp" || e.path().extension() == ".h"))
                out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace vnland::test
