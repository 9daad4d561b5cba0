// Helpers for the benchmark programs: wall-clock timing of shell commands and
// of code, peak memory of child processes.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>

namespace vnland::bench {

inline double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/// Runs a shell command, returns its wall time in seconds (negative on failure).
inline double timeCommand(const std::string &cmd)
{
    const double t0 = now();
    const int status = std::system(cmd.c_str());
    const double t = now() - t0;
    if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 1)) {
        std::fprintf(stderr, "command failed (%d): %s\n", status, cmd.c_str());
        return -1;
    }
    return t;
}

/// Peak resident memory of all waited-for children so far, in MiB.
inline double childrenPeakMiB()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return ru.ru_maxrss / 1024.0;
}

inline double selfPeakMiB()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

} // namespace vnland::bench
