// Running fuzz inputs in forked children (see fuzz_engine.h). A child runs a
// batch of inputs and reports each one over a pipe before and after it; when
// it dies (signal) or stops reporting (time limit), the input it was on is the
// culprit, and the next child goes on with the rest of the batch.
#include "fuzz_engine.h"

#include <cxxabi.h>
#include <execinfo.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define VNLAND_FUZZ_ASAN 1
#endif

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace vnland::fuzz {
namespace {

constexpr const char *kStem = "fuzz_input";

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string readAll(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void writeAll(const std::string &path, const std::string &bytes)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

uint64_t hashString(const std::string &s)
{
    uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::string hex(uint64_t v)
{
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// --- child side -------------------------------------------------------------

int g_resultFd = -1;
char g_backtracePath[4096];

void writeFully(int fd, const void *data, size_t n)
{
    const char *p = static_cast<const char *>(data);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= static_cast<size_t>(w);
    }
}

void onFatalSignal(int sig)
{
    // Async-signal-safe only: open/write/close, and backtrace (preloaded).
    void *frames[64];
    const int n = backtrace(frames, 64);
    const int fd = ::open(g_backtracePath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        backtrace_symbols_fd(frames, n, fd);
        ::close(fd);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void frame(char type, uint32_t idx, const std::string &payload)
{
    const uint32_t len = static_cast<uint32_t>(payload.size());
    char head[9];
    head[0] = type;
    std::memcpy(head + 1, &idx, 4);
    std::memcpy(head + 5, &len, 4);
    std::string buf(head, 9);
    buf += payload;
    writeFully(g_resultFd, buf.data(), buf.size());
}

void putString(std::string &out, const std::string &s)
{
    const uint32_t n = static_cast<uint32_t>(std::min<size_t>(s.size(), 2000));
    out.append(reinterpret_cast<const char *>(&n), 4);
    out.append(s.data(), n);
}

bool getString(const std::string &in, size_t &pos, std::string &s)
{
    uint32_t n = 0;
    if (pos + 4 > in.size())
        return false;
    std::memcpy(&n, in.data() + pos, 4);
    pos += 4;
    if (pos + n > in.size())
        return false;
    s.assign(in.data() + pos, n);
    pos += n;
    return true;
}

struct Summary {
    bool accepted = false;
    std::string violation, exception;
    int messages = 0, unclear = 0;
    std::string firstUnclear;
};

std::string encodeSummary(const Summary &s)
{
    std::string out;
    out.push_back(s.accepted ? 1 : 0);
    putString(out, s.violation);
    putString(out, s.exception);
    const int32_t counts[2] = {s.messages, s.unclear};
    out.append(reinterpret_cast<const char *>(counts), sizeof counts);
    putString(out, s.firstUnclear);
    return out;
}

bool decodeSummary(const std::string &in, Summary &s)
{
    if (in.empty())
        return false;
    size_t pos = 1;
    s.accepted = in[0] != 0;
    int32_t counts[2] = {0, 0};
    if (!getString(in, pos, s.violation) || !getString(in, pos, s.exception) || pos + sizeof counts > in.size())
        return false;
    std::memcpy(counts, in.data() + pos, sizeof counts);
    pos += sizeof counts;
    s.messages = counts[0];
    s.unclear = counts[1];
    return getString(in, pos, s.firstUnclear);
}

std::string mainPath(const std::string &dir, const Input &in)
{
    return (fs::path(dir) / (std::string(kStem) + (in.empty() ? std::string() : in[0].suffix))).string();
}

[[noreturn]] void childMain(const Target &target, const std::vector<const Input *> &inputs, size_t from,
                            const RunConfig &config, const std::string &dir, int fd)
{
    g_resultFd = fd;
    std::snprintf(g_backtracePath, sizeof g_backtracePath, "%s/backtrace.txt", dir.c_str());
    const int devnull = ::open("/dev/null", O_WRONLY);
#ifdef VNLAND_FUZZ_ASAN
    // A sanitizer report goes to stderr: kept in a file the parent reads when the child dies.
    const int errFd = ::open((fs::path(dir) / "stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
#else
    const int errFd = devnull;
#endif
    if (devnull >= 0)
        ::dup2(devnull, 1);
    if (errFd >= 0)
        ::dup2(errFd, 2);
    rlimit core{0, 0};
    setrlimit(RLIMIT_CORE, &core);
#ifdef VNLAND_FUZZ_ASAN
    // ASan reserves terabytes of shadow address space, so an address-space limit would stop
    // the child before it starts; its own allocator limits (ASAN_OPTIONS malloc_limit_mb,
    // set by the test command) take that role.
#else
    if (config.memoryLimitMiB) {
        rlimit as{config.memoryLimitMiB << 20, config.memoryLimitMiB << 20};
        setrlimit(RLIMIT_AS, &as);
    }
    mallopt(M_PERTURB, 0xA5); // freed and fresh memory is garbage: use-after-free shows sooner
#endif
    static char altStack[1 << 16];
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    sigaltstack(&ss, nullptr);
    void *warm[2];
    backtrace(warm, 2); // loads libgcc now, not inside the handler
    struct sigaction sa{};
    sa.sa_handler = onFatalSignal;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM, SIGPROF, SIGTRAP})
        sigaction(sig, &sa, nullptr);

    if (target.prepare)
        target.prepare(dir);
    for (size_t i = from; i < inputs.size(); ++i) {
        const Input &in = *inputs[i];
        for (const auto &m : in)
            writeAll((fs::path(dir) / (std::string(kStem) + m.suffix)).string(), m.bytes);
        frame('S', static_cast<uint32_t>(i), {});
        // The limit is CPU time (all threads), so a loaded machine does not turn a slow
        // input into a hang; a child blocked without using CPU is caught by the parent.
        itimerval t{};
        t.it_value.tv_sec = static_cast<time_t>(config.timeoutSeconds);
        t.it_value.tv_usec = static_cast<suseconds_t>((config.timeoutSeconds - static_cast<double>(t.it_value.tv_sec)) * 1e6);
        setitimer(ITIMER_PROF, &t, nullptr);
        Summary s;
        const std::string path = mainPath(dir, in);
        try {
            const Outcome o = target.run(path);
            s.accepted = o.accepted;
            s.violation = o.violation;
            s.exception = o.exception;
            s.messages = static_cast<int>(o.messages.size());
            for (const auto &m : o.messages) {
                if (!clearMessage(m, fs::path(path).filename().string())) {
                    if (!s.unclear++)
                        s.firstUnclear = (m.location >= 0 ? "[" + std::to_string(m.location) + "] " : std::string()) + m.text;
                }
            }
        } catch (const std::exception &e) {
            s.exception = e.what();
        } catch (...) {
            s.exception = "unknown exception";
        }
        itimerval off{};
        setitimer(ITIMER_PROF, &off, nullptr);
        frame('R', static_cast<uint32_t>(i), encodeSummary(s));
    }
    ::_exit(0);
}

// --- parent side ------------------------------------------------------------

struct Result {
    bool done = false;       ///< a summary came back
    Summary summary;
    int signal = 0;          ///< killed by this signal
    bool hang = false;
    std::string backtrace;
};

std::string demangleFrame(const std::string &line)
{
    // "/path/libx.so(_ZN…+0x1a) [0x…]" -> "libx.so: vnland::…"
    const auto open = line.find('('), plus = line.find('+', open == std::string::npos ? 0 : open);
    std::string module = line.substr(0, open);
    module = fs::path(module).filename().string();
    if (open == std::string::npos || plus == std::string::npos || plus == open + 1)
        return module + (open == std::string::npos ? "" : line.substr(open, line.find(')', open) - open + 1));
    const std::string mangled = line.substr(open + 1, plus - open - 1);
    int status = 0;
    char *d = abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status);
    std::string name = (status == 0 && d) ? d : mangled;
    std::free(d);
    return module + ": " + name;
}

std::string readableBacktrace(const std::string &raw)
{
    std::istringstream in(raw);
    std::string line, out;
    while (std::getline(in, line))
        out += "  " + demangleFrame(line) + "\n";
    return out;
}

/// The sanitizer report a child left in its stderr file (ASan/UBSan builds; from the first
/// report line on, at most 40 lines). Empty in a build without sanitizers.
std::string sanitizerReport(const std::string &dir)
{
    const fs::path file = fs::path(dir) / "stderr.txt";
    std::istringstream in(readAll(file.string()));
    std::string line, out;
    int n = 0;
    bool inReport = false;
    while (n < 40 && std::getline(in, line)) {
        if (!inReport)
            inReport = line.find("runtime error:") != std::string::npos || line.find("Sanitizer") != std::string::npos;
        if (inReport) {
            out += "  | " + line + "\n";
            ++n;
        }
    }
    return out;
}

/// The first three frames past the signal machinery: what tells two crashes apart.
std::string signatureOf(const std::string &readable)
{
    std::istringstream in(readable);
    std::string line, sig;
    int taken = 0;
    bool pastHandler = false;
    while (std::getline(in, line) && taken < 3) {
        if (!pastHandler) {
            if (line.find("onFatalSignal") != std::string::npos || line.find("libc.so") != std::string::npos
                || line.find("libasan") != std::string::npos || line.find("libubsan") != std::string::npos
                || line.find("__sanitizer") != std::string::npos || line.find("__asan") != std::string::npos
                || line.find("__ubsan") != std::string::npos)
                continue;
            pastHandler = true;
        }
        if (line.find("libc.so") != std::string::npos || line.find("libstdc++") != std::string::npos)
            continue;
        if (line.find("  | ") == 0)
            break; // the sanitizer report, not a frame
        // Drop the function arguments of demangled names: shorter, same meaning.
        std::string f = line;
        f.erase(0, f.find_first_not_of(' '));
        sig += (taken ? " <- " : "") + f;
        ++taken;
    }
    if (sig.empty()) {
        // A sanitizer stopped the child before any signal: its first report line says where.
        std::istringstream rep(readable);
        while (std::getline(rep, line)) {
            const auto at = line.find("runtime error:") != std::string::npos ? line.find("  | ")
                          : line.find("ERROR: AddressSanitizer");
            if (line.rfind("  | ", 0) == 0 && at != std::string::npos) {
                std::string f = line.substr(4);
                const auto slash = f.rfind('/', f.find(':'));
                if (slash != std::string::npos)
                    f.erase(0, slash + 1); // the file name, not the build path
                sig = f.substr(0, 160);
                break;
            }
        }
    }
    return sig;
}

void runChildren(const Target &target, const std::vector<const Input *> &inputs, const RunConfig &config,
                 const std::string &dir, std::vector<Result> &results)
{
    results.assign(inputs.size(), Result{});
    size_t pos = 0;
    while (pos < inputs.size()) {
        fs::remove(fs::path(dir) / "backtrace.txt");
        int fds[2];
        if (::pipe(fds) != 0)
            return;
        std::fflush(nullptr);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            childMain(target, inputs, pos, config, dir, fds[1]);
        }
        ::close(fds[1]);
        if (pid < 0) {
            ::close(fds[0]);
            return;
        }
        std::string buf;
        long current = -1;
        double deadline = now() + config.timeoutSeconds + 60; // prepare may take a while
        bool killed = false;
        for (;;) {
            const double left = deadline - now();
            if (left <= 0) {
                ::kill(pid, SIGKILL);
                killed = true;
                break;
            }
            pollfd p{fds[0], POLLIN, 0};
            const int pr = ::poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
            if (pr == 0)
                continue;
            if (pr < 0 && errno == EINTR)
                continue;
            char chunk[65536];
            const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
            if (n <= 0)
                break;
            buf.append(chunk, static_cast<size_t>(n));
            // Whole frames only.
            while (buf.size() >= 9) {
                uint32_t idx = 0, len = 0;
                std::memcpy(&idx, buf.data() + 1, 4);
                std::memcpy(&len, buf.data() + 5, 4);
                if (buf.size() < 9 + static_cast<size_t>(len))
                    break;
                const char type = buf[0];
                const std::string payload = buf.substr(9, len);
                buf.erase(0, 9 + static_cast<size_t>(len));
                if (idx >= results.size())
                    continue;
                if (type == 'S') {
                    current = idx;
                    // The child's own CPU timer fires at the limit; this wall-clock
                    // fallback catches a child that blocks (deadlock) instead.
                    deadline = now() + 4 * config.timeoutSeconds + 10;
                } else if (type == 'R') {
                    results[idx].done = decodeSummary(payload, results[idx].summary);
                    current = -1;
                    deadline = now() + config.timeoutSeconds + 60;
                }
            }
        }
        ::close(fds[0]);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const bool clean = !killed && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        // Resume after the last input that reported back.
        size_t next = pos;
        for (size_t i = pos; i < inputs.size() && results[i].done; ++i)
            next = i + 1;
        if (clean && next >= inputs.size())
            break;
        const size_t culprit = current >= 0 ? static_cast<size_t>(current) : next;
        if (culprit < results.size() && !results[culprit].done) {
            Result &r = results[culprit];
            r.hang = killed || (WIFSIGNALED(status) && (WTERMSIG(status) == SIGALRM || WTERMSIG(status) == SIGPROF));
            r.signal = killed ? SIGKILL : WIFSIGNALED(status) ? WTERMSIG(status) : 0;
            if (!r.signal && !r.hang)
                r.signal = -(WIFEXITED(status) ? WEXITSTATUS(status) : 1); // exited mid-input
            r.backtrace = readableBacktrace(readAll((fs::path(dir) / "backtrace.txt").string()));
            r.backtrace += sanitizerReport(dir);
        }
        pos = std::max(culprit + 1, next);
    }
}

Kind kindOf(const Result &r)
{
    if (!r.done)
        return r.hang ? Kind::Hang : Kind::Crash;
    if (!r.summary.exception.empty())
        return Kind::Exception;
    return Kind::Violation;
}

bool failed(const Result &r)
{
    return !r.done || !r.summary.exception.empty() || !r.summary.violation.empty();
}

std::string signalName(int sig)
{
    if (sig < 0)
        return "exit " + std::to_string(-sig);
    const char *d = sig ? strsignal(sig) : nullptr;
    return d ? std::string(d) + " (" + std::to_string(sig) + ")" : std::to_string(sig);
}

Finding findingOf(const Result &r)
{
    Finding f;
    f.kind = kindOf(r);
    f.signal = r.signal;
    if (f.kind == Kind::Crash || f.kind == Kind::Hang) {
        f.detail = (f.kind == Kind::Hang ? std::string("time limit exceeded") : signalName(r.signal)) + "\n" + r.backtrace;
        f.signature = signatureOf(r.backtrace);
    } else if (f.kind == Kind::Exception) {
        f.detail = "exception escaped: " + r.summary.exception;
        f.signature = f.detail;
    } else {
        f.detail = "invariant: " + r.summary.violation;
        // The same broken invariant at another point or line is the same finding.
        std::string sig;
        bool quoted = false;
        for (char c : f.detail) {
            if (c == '\'') {
                quoted = !quoted;
                sig += quoted ? "'…" : "'";
            } else if (!quoted) {
                if (!(c >= '0' && c <= '9'))
                    sig += c;
                else if (sig.empty() || sig.back() != '#')
                    sig += '#';
            }
        }
        f.signature = sig.substr(0, 120);
    }
    return f;
}

void saveInput(const Input &in, const std::string &dir, const std::string &stem, Finding &f)
{
    fs::create_directories(dir);
    for (const auto &m : in)
        writeAll((fs::path(dir) / (stem + m.suffix)).string(), m.bytes);
    writeAll((fs::path(dir) / (stem + ".log")).string(),
             std::string(kindName(f.kind)) + " from " + f.origin + "\n" + f.detail + "\n");
    f.savedAs = (fs::path(dir) / (stem + (in.empty() ? std::string() : in[0].suffix))).string();
}

double childrenCpu()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

Stats runAll(const Target &target, const std::vector<std::pair<std::string, Input>> &named,
             const RunConfig &config)
{
    Stats stats;
    stats.target = target.name;
    const double t0 = now();
    const double cpu0 = childrenCpu();
    const std::string dir = (config.workDir.empty() ? (fs::temp_directory_path() / ("vnland-fuzz-" + std::to_string(::getpid()))).string()
                                                    : config.workDir)
        + "/" + target.name;
    fs::create_directories(dir);
    std::vector<const Input *> ptrs;
    for (const auto &[name, in] : named)
        ptrs.push_back(&in);
    std::map<std::string, int> perSignature;
    for (size_t b = 0; b < ptrs.size(); b += static_cast<size_t>(std::max(config.batch, 1))) {
        const size_t e = std::min(ptrs.size(), b + static_cast<size_t>(std::max(config.batch, 1)));
        std::vector<const Input *> batch(ptrs.begin() + static_cast<long>(b), ptrs.begin() + static_cast<long>(e));
        std::vector<Result> results;
        runChildren(target, batch, config, dir, results);
        for (size_t i = 0; i < batch.size(); ++i) {
            const Result &r = results[i];
            const std::string &origin = named[b + i].first;
            ++stats.runs;
            if (r.done) {
                (r.summary.accepted ? stats.accepted : stats.refused)++;
                if (r.summary.unclear > 0) {
                    ++stats.unclear;
                    if (stats.unclearSamples.size() < 5)
                        stats.unclearSamples.push_back({r.summary.firstUnclear, origin});
                }
            }
            if (!failed(r))
                continue;
            Finding f = findingOf(r);
            f.origin = origin;
            switch (f.kind) {
            case Kind::Crash: ++stats.crashes; break;
            case Kind::Hang: ++stats.hangs; break;
            case Kind::Exception: ++stats.exceptions; break;
            case Kind::Violation: ++stats.violations; break;
            }
            // Confirm alone, in a fresh child: the input, not the state of the batch.
            if (f.kind == Kind::Crash || f.kind == Kind::Hang) {
                Finding alone;
                f.reproduced = stillFails(target, *batch[i], config, &alone);
                if (f.reproduced && !alone.signature.empty()) {
                    f.detail = alone.detail;
                    f.signature = alone.signature;
                }
            }
            const int seen = perSignature[f.signature]++;
            if (!config.findingsDir.empty() && seen < 3) {
                const std::string stem = target.name + "-" + kindName(f.kind) + "-" + hex(hashString(batch[i]->empty() ? std::string() : (*batch[i])[0].bytes + origin)).substr(0, 12);
                saveInput(*batch[i], config.findingsDir + "/" + target.name, stem, f);
            }
            if (stats.findings.size() < 100000)
                stats.findings.push_back(f);
        }
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    stats.seconds = now() - t0;
    stats.cpuSeconds = childrenCpu() - cpu0;
    return stats;
}

} // namespace

const char *kindName(Kind k)
{
    switch (k) {
    case Kind::Crash: return "crash";
    case Kind::Hang: return "hang";
    case Kind::Exception: return "exception";
    case Kind::Violation: return "violation";
    }
    return "?";
}

bool clearMessage(const Message &m, const std::string &fileName)
{
    std::string t = m.text;
    // Where: the file named (any spelling that holds its stem), or a line/feature number.
    const std::string stem = fs::path(fileName).stem().string();
    bool where = false;
    if (!stem.empty()) {
        for (size_t at = t.find(stem); at != std::string::npos; at = t.find(stem)) {
            where = true;
            // Drop the whole path-like word so it does not count as a reason.
            size_t b = at, e = at + stem.size();
            while (b > 0 && !std::isspace(static_cast<unsigned char>(t[b - 1])) && t[b - 1] != '\'' && t[b - 1] != '"')
                --b;
            while (e < t.size() && !std::isspace(static_cast<unsigned char>(t[e])) && t[e] != ':' && t[e] != '\'' && t[e] != '"')
                ++e;
            t.erase(b, e - b);
        }
    }
    if (m.location >= 0 && !m.needsFile)
        where = true;
    if (!where)
        return false;
    // A reason: at least two words of two or more letters, and no raw library text.
    static const char *const junk[] = {"stod", "stoi", "stol", "std::", "basic_string", "vector::", "bad_alloc",
                                       "unknown error", "(null)", "Success", "what():"};
    for (const char *j : junk)
        if (t.find(j) != std::string::npos)
            return false;
    int words = 0;
    size_t run = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        const unsigned char c = i < t.size() ? static_cast<unsigned char>(t[i]) : ' ';
        if (std::isalpha(c) || c >= 0x80) {
            ++run;
        } else {
            if (run >= 2)
                ++words;
            run = 0;
        }
    }
    return words >= 2;
}

std::vector<std::pair<std::string, Input>> loadCorpus(const Target &target, const std::string &dir)
{
    std::map<std::string, Input> byStem;
    if (!fs::is_directory(dir))
        return {};
    for (const auto &e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file())
            continue;
        const fs::path p = e.path();
        // Notes beside the inputs: READMEs, finding logs, the pending list.
        if (p.extension() == ".md" || p.extension() == ".log" || p.filename() == "known.txt"
            || p.filename().string()[0] == '.')
            continue;
        if (target.suffixes.size() > 1) {
            // Member files: stem + one of the suffixes (case-insensitive).
            std::string ext = p.extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
            const auto it = std::find(target.suffixes.begin(), target.suffixes.end(), ext);
            if (it == target.suffixes.end())
                continue;
            Input &in = byStem[(fs::path(dir) / p.stem()).string()];
            if (in.empty())
                for (const auto &s : target.suffixes)
                    in.push_back({s, {}});
            in[static_cast<size_t>(it - target.suffixes.begin())].bytes = readAll(p.string());
        } else {
            // One file per input; its own extension is kept when the target has none fixed.
            const std::string suffix = target.suffixes.empty() ? p.extension().string() : target.suffixes[0];
            byStem[p.string()] = Input{{suffix, readAll(p.string())}};
        }
    }
    return {byStem.begin(), byStem.end()};
}

Stats fuzzTarget(const Target &target, const std::vector<std::pair<std::string, Input>> &seeds, const RunConfig &config)
{
    std::vector<std::pair<std::string, Input>> all = seeds;
    const uint64_t base = config.seed ^ hashString(target.name);
    for (int64_t i = 0; i < config.iterations; ++i) {
        std::string origin;
        Input in = mutate(target, seeds, base + static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ULL, config.maxMemberSize, &origin);
        all.emplace_back("mutation " + std::to_string(i) + " of " + fs::path(origin).filename().string() + " (seed "
                             + std::to_string(config.seed) + ")",
                         std::move(in));
    }
    return runAll(target, all, config);
}

Stats runInputs(const Target &target, const std::vector<std::pair<std::string, Input>> &inputs, const RunConfig &config)
{
    return runAll(target, inputs, config);
}

bool stillFails(const Target &target, const Input &input, const RunConfig &config, Finding *finding)
{
    const std::string dir = (config.workDir.empty() ? (fs::temp_directory_path() / ("vnland-fuzz-" + std::to_string(::getpid()))).string()
                                                    : config.workDir)
        + "/" + target.name + "-alone";
    fs::create_directories(dir);
    std::vector<Result> results;
    runChildren(target, {&input}, config, dir, results);
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (results.empty() || !failed(results[0]))
        return false;
    if (finding)
        *finding = findingOf(results[0]);
    return true;
}

std::string formatStats(const Stats &s)
{
    char buf[320];
    std::snprintf(buf, sizeof buf, "%-12s runs %6lld  crashes %3lld  hangs %3lld  exceptions %3lld  violations %3lld  unclear %4lld  (%lld read, %lld refused, %.1f s, cpu %.1f s)",
                  s.target.c_str(), static_cast<long long>(s.runs), static_cast<long long>(s.crashes),
                  static_cast<long long>(s.hangs), static_cast<long long>(s.exceptions),
                  static_cast<long long>(s.violations), static_cast<long long>(s.unclear),
                  static_cast<long long>(s.accepted), static_cast<long long>(s.refused), s.seconds, s.cpuSeconds);
    return buf;
}

} // namespace vnland::fuzz
