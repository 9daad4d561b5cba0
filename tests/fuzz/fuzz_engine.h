// A seeded mutation fuzzer for VNLand's parsers that needs no libFuzzer:
// inputs are mutated from a seed corpus (bit flips, byte insert/delete,
// splice, magic numbers, truncation, huge numbers/NaN in text, repeated
// blocks, dictionary tokens) and run in forked children with a time limit,
// so that a crash (signal) or a hang (timeout) is caught, confirmed alone in
// a fresh child and its input written out. Error messages are checked for
// naming the file (or the line/feature) and a reason.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vnland::fuzz {

/// One file of an input; several for formats made of member files (.shp/.shx/.dbf).
struct Member {
    std::string suffix; ///< ".shp", ".csv" …: the file is written as <stem><suffix>
    std::string bytes;
};
using Input = std::vector<Member>;

/// A message the parser gave for an input: the error when it refused the
/// file, or the reason of one rejected line/feature.
struct Message {
    std::string text;
    int64_t location = -1; ///< line / record / feature number the parser attached (-1 = none)
    bool needsFile = true; ///< a file-level error must name the file itself
};

/// What a driver saw (in the child).
struct Outcome {
    bool accepted = false;            ///< the parser read the input (possibly rejecting some lines)
    std::vector<Message> messages;
    std::string violation;            ///< non-empty: an output invariant broke (e.g. invalid UTF-8)
    std::string exception;            ///< non-empty: an exception escaped the parser API
};

struct Target {
    std::string name;                   ///< "shapefile", "points" … (corpus folder name)
    std::vector<std::string> suffixes;  ///< the members of one input, main file first
    bool text = true;                   ///< text mutations (numbers, lines, tokens) apply
    std::vector<std::string> dictionary;///< tokens of the format, inserted or overwritten
    /// Once per child, before any input (e.g. open a project copy in @p workDir).
    std::function<void(const std::string &workDir)> prepare;
    /// Parses the input whose main member was written to @p mainPath.
    std::function<Outcome(const std::string &mainPath)> run;
};

enum class Kind { Crash, Hang, Exception, Violation };
const char *kindName(Kind k);

struct Finding {
    Kind kind = Kind::Crash;
    int signal = 0;
    std::string detail;        ///< backtrace, exception text or the broken invariant
    std::string signature;     ///< first frames in project code, to tell findings apart
    std::string savedAs;       ///< main member file written to the findings folder (empty = not saved)
    std::string origin;        ///< seed / regression file the input came from
    bool reproduced = true;    ///< crashed again when run alone in a fresh child
};

struct Unclear {
    std::string message;
    std::string origin;
};

struct Stats {
    std::string target;
    int64_t runs = 0;
    int64_t accepted = 0;      ///< inputs read without a file-level error
    int64_t refused = 0;       ///< inputs refused with an error message
    int64_t crashes = 0, hangs = 0, exceptions = 0, violations = 0;
    int64_t unclear = 0;       ///< inputs with at least one unclear message
    double seconds = 0;
    double cpuSeconds = 0;     ///< user + system time of the children
    std::vector<Finding> findings; ///< every one of them
    std::vector<Unclear> unclearSamples; ///< a few, for the log
    int64_t failures() const { return crashes + hangs + exceptions + violations; }
};

struct RunConfig {
    uint64_t seed = 1;
    int64_t iterations = 1000;  ///< mutated inputs (the unmodified seeds run in addition)
    double timeoutSeconds = 5;  ///< CPU seconds per input: more is a hang
    int batch = 64;             ///< inputs per child process
    size_t maxMemberSize = 256 * 1024;
    std::string findingsDir;    ///< crash/hang inputs are written here (empty = not written)
    std::string workDir;        ///< scratch folder (created, removed)
    size_t memoryLimitMiB = 2048; ///< address-space limit of the children
};

/// Every input of a corpus folder: files grouped by stem, one input per stem
/// (members in the order of @p target's suffixes; a missing member is empty).
/// Files whose suffix is not one of the target's are ignored when it has
/// several members; a single-member target takes every file.
std::vector<std::pair<std::string, Input>> loadCorpus(const Target &target, const std::string &dir);

/// Runs the unmodified @p seeds and then config.iterations mutations of them.
Stats fuzzTarget(const Target &target, const std::vector<std::pair<std::string, Input>> &seeds, const RunConfig &config);

/// Runs exactly these inputs (regression files), no mutation.
Stats runInputs(const Target &target, const std::vector<std::pair<std::string, Input>> &inputs, const RunConfig &config);

/// The simple check applied to every message: it names the file (or, for a
/// line/feature message, carries its number) and gives a reason in words.
bool clearMessage(const Message &m, const std::string &fileName);

/// One mutated input (deterministic in @p rngSeed).
Input mutate(const Target &target, const std::vector<std::pair<std::string, Input>> &seeds, uint64_t rngSeed,
             size_t maxMemberSize, std::string *origin = nullptr);

/// Shortens a crashing/hanging input while @p stillFails holds (delta debugging on bytes and lines).
Input minimise(const Input &input, const std::function<bool(const Input &)> &stillFails, int budget = 400);

/// True when @p input still crashes or hangs the target (one fresh child).
bool stillFails(const Target &target, const Input &input, const RunConfig &config, Finding *finding = nullptr);

std::string formatStats(const Stats &s);

} // namespace vnland::fuzz
