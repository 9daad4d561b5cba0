// Shared helpers for the Boost.Test suites: temp folders, running the CLI.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vnland::test {

/// A fresh folder under the system temp dir, removed at destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::filesystem::path &path() const { return m_path; }
    std::string file(const std::string &name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs the built `vnland` with @p args (shell-quoted here), capturing output.
RunResult runCli(const std::string &args);
/// The CLI run with a pseudo-terminal as its stdin/stdout/stderr (script(1)): what a
/// user at a terminal sees, both streams together, in .out.
RunResult runCliOnTerminal(const std::string &args);
/// Path of the vnland executable under test.
std::string cliPath();

std::string sampleDir();
std::string testDataDir();
std::string readFile(const std::string &path);
/// The .cpp and .h files under the project folders @p dirs (e.g. "src/app"), recursively, sorted.
std::vector<std::string> projectSources(const std::vector<std::string> &dirs);

} // namespace vnland::test
