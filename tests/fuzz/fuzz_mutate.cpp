// Mutations of fuzz inputs (see fuzz_engine.h): deterministic in the seed so
// that a run can be repeated exactly.
#include "fuzz_engine.h"

#include <algorithm>
#include <cstring>

namespace vnland::fuzz {
namespace {

/// splitmix64: small, fast, and every seed gives a good stream.
class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) (n > 0).
    size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
    bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }

private:
    uint64_t m_state;
};

// Magic values written into binary data at random offsets (widths 1/2/4/8).
const uint64_t kMagic[] = {0,          1,          2,          0x7F,       0x80,       0xFF,
                           0x7FFF,     0x8000,     0xFFFF,     0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
                           0x10000,    0x1000000,  0xFFFFFFFE, 0x40000000, 100,        1000,
                           0x7FFFFFFFFFFFFFFFULL,  0x8000000000000000ULL, 0xFFFFFFFFFFFFFFFFULL};
// Doubles as IEEE bit patterns: NaN, ±inf, huge, tiny, negative zero.
const double kMagicDoubles[] = {__builtin_nan(""), __builtin_inf(), -__builtin_inf(), 1e308, -1e308, 5e-324,
                                -0.0, 1e20, -1.0, 4294967296.0};

// Replacements for number tokens in text formats.
const char *const kNumbers[] = {"NaN", "nan", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e309", "1e-320",
                                "99999999999999999999999999", "-99999999999999999999", "0", "-0", "",
                                "2147483648", "-2147483649", "9223372036854775808", "4294967296", "0x7fffffff",
                                "1,5", "1.2.3", "--1", "+", ".", "1e", "12345678901234567890.5", "0.000000000000001",
                                "360", "-360", "400", "1000000000", "3.40282e+39"};

// Bytes that mean something to many text formats.
const char kSpecials[] = {',', ';', '\t', '\n', '\r', ' ', '"', '\'', '-', '+', '.', ':', '#', '/', '*', '{', '}',
                          '[', ']', '\0', '\\', '=', '\x7f'};
const char *const kWeirdText[] = {"\xC3", "\xFF\xFE", "\xEF\xBB\xBF", "\xE2\x80\xAE", "\xCC\x81\xCC\x81",
                                  "\xC2\xB0", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\r\n", "\n\n\n"};

bool isNumChar(char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'; }

void flipBit(std::string &s, Rng &r)
{
    if (s.empty())
        return;
    s[r.below(s.size())] ^= static_cast<char>(1u << r.below(8));
}

void setByte(std::string &s, Rng &r)
{
    if (s.empty())
        return;
    s[r.below(s.size())] = static_cast<char>(r.below(256));
}

void insertBytes(std::string &s, Rng &r, bool text)
{
    const size_t at = r.below(s.size() + 1);
    std::string ins;
    const size_t n = 1 + r.below(8);
    for (size_t i = 0; i < n; ++i)
        ins.push_back(text && r.chance(70) ? kSpecials[r.below(sizeof kSpecials)] : static_cast<char>(r.below(256)));
    s.insert(at, ins);
}

void deleteRange(std::string &s, Rng &r)
{
    if (s.empty())
        return;
    const size_t at = r.below(s.size());
    const size_t n = std::min(s.size() - at, 1 + r.below(r.chance(20) ? 256 : 16));
    s.erase(at, n);
}

void truncate(std::string &s, Rng &r)
{
    if (s.empty())
        return;
    s.resize(r.below(s.size()));
}

void magicNumber(std::string &s, Rng &r)
{
    const size_t widths[] = {1, 2, 4, 8};
    const size_t w = widths[r.below(4)];
    if (s.size() < w)
        return;
    size_t at = r.below(s.size() - w + 1);
    if (r.chance(50))
        at -= at % w; // aligned fields (shapefile headers, WKB counts)
    unsigned char bytes[8];
    if (w == 8 && r.chance(50)) {
        const double d = kMagicDoubles[r.below(sizeof kMagicDoubles / sizeof kMagicDoubles[0])];
        std::memcpy(bytes, &d, 8);
    } else {
        const uint64_t v = kMagic[r.below(sizeof kMagic / sizeof kMagic[0])];
        for (size_t i = 0; i < 8; ++i)
            bytes[i] = static_cast<unsigned char>(v >> (8 * i));
    }
    const bool bigEndian = r.chance(40);
    for (size_t i = 0; i < w; ++i)
        s[at + i] = static_cast<char>(bigEndian ? bytes[w - 1 - i] : bytes[i]);
}

void splice(std::string &s, const std::string &other, Rng &r)
{
    if (other.empty())
        return;
    const size_t cut = r.below(s.size() + 1);
    const size_t from = r.below(other.size());
    s = s.substr(0, cut) + other.substr(from);
}

void repeatBlock(std::string &s, Rng &r, size_t cap)
{
    if (s.empty())
        return;
    const size_t at = r.below(s.size());
    const size_t len = std::min(s.size() - at, 1 + r.below(64));
    const std::string block = s.substr(at, len);
    size_t times = 2 + r.below(r.chance(20) ? 2000 : 50);
    times = std::min(times, cap / std::max<size_t>(len, 1));
    std::string rep;
    rep.reserve(len * times);
    for (size_t i = 0; i < times; ++i)
        rep += block;
    s.insert(at, rep);
}

/// Replaces one number token by NaN, a huge value, an empty field …
void replaceNumber(std::string &s, Rng &r)
{
    std::vector<std::pair<size_t, size_t>> tokens;
    for (size_t i = 0; i < s.size();) {
        if (s[i] >= '0' && s[i] <= '9') {
            size_t b = i;
            while (b > 0 && (s[b - 1] == '-' || s[b - 1] == '+' || s[b - 1] == '.'))
                --b;
            size_t e = i;
            while (e < s.size() && isNumChar(s[e]))
                ++e;
            tokens.emplace_back(b, e - b);
            i = e;
        } else {
            ++i;
        }
        if (tokens.size() > 4096)
            break;
    }
    if (tokens.empty())
        return;
    const auto [at, len] = tokens[r.below(tokens.size())];
    s.replace(at, len, kNumbers[r.below(sizeof kNumbers / sizeof kNumbers[0])]);
}

std::vector<std::pair<size_t, size_t>> lines(const std::string &s)
{
    std::vector<std::pair<size_t, size_t>> out;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '\n') {
            out.emplace_back(b, i - b + (i < s.size() ? 1 : 0));
            b = i + 1;
        }
    }
    return out;
}

void lineOp(std::string &s, Rng &r, size_t cap)
{
    auto ls = lines(s);
    if (ls.empty())
        return;
    const auto [at, len] = ls[r.below(ls.size())];
    switch (r.below(5)) {
    case 0: // duplicate a line, sometimes many times
        for (size_t k = 0, n = r.chance(10) ? 200 : 1; k < n && s.size() + len < cap; ++k)
            s.insert(at, s.substr(at, len));
        break;
    case 1:
        s.erase(at, len);
        break;
    case 2: { // swap with another line
        const auto [at2, len2] = ls[r.below(ls.size())];
        if (at2 == at)
            break;
        const std::string a = s.substr(at, len), b = s.substr(at2, len2);
        if (at < at2)
            s = s.substr(0, at) + b + s.substr(at + len, at2 - at - len) + a + s.substr(at2 + len2);
        else
            s = s.substr(0, at2) + a + s.substr(at2 + len2, at - at2 - len2) + b + s.substr(at + len);
        break;
    }
    case 3: { // a very long line
        const char fill = r.chance(50) ? '9' : "A ,;\t"[r.below(5)];
        s.insert(at, std::string(std::min<size_t>(cap / 4, 1000 + r.below(60000)), fill) + "\n");
        break;
    }
    default: // a line with only separators or nothing
        s.insert(at, r.chance(50) ? std::string("\n") : std::string(",,,,;;\t\t \n"));
        break;
    }
}

void weirdText(std::string &s, Rng &r)
{
    const char *w = kWeirdText[r.below(sizeof kWeirdText / sizeof kWeirdText[0])];
    s.insert(r.below(s.size() + 1), w);
}

void dictionaryToken(std::string &s, Rng &r, const std::vector<std::string> &dict)
{
    if (dict.empty())
        return;
    const std::string &tok = dict[r.below(dict.size())];
    const size_t at = r.below(s.size() + 1);
    if (r.chance(50) && at + tok.size() <= s.size())
        s.replace(at, tok.size(), tok);
    else
        s.insert(at, tok);
}

} // namespace

Input mutate(const Target &target, const std::vector<std::pair<std::string, Input>> &seeds, uint64_t rngSeed,
             size_t maxMemberSize, std::string *origin)
{
    Rng r(rngSeed);
    if (seeds.empty())
        return {};
    const auto &[seedName, seed] = seeds[r.below(seeds.size())];
    if (origin)
        *origin = seedName;
    Input in = seed;
    // Multi-member inputs: mostly one member changes, now and then all.
    const bool all = in.size() > 1 && r.chance(15);
    const size_t which = r.below(in.size());
    for (size_t mi = 0; mi < in.size(); ++mi) {
        if (!all && mi != which)
            continue;
        std::string &s = in[mi].bytes;
        // 1–6 stacked mutations, fewer more often.
        size_t n = 1;
        while (n < 6 && r.chance(45))
            ++n;
        for (size_t k = 0; k < n; ++k) {
            const bool text = target.text;
            const size_t op = r.below(text ? 14 : 10);
            switch (op) {
            case 0: flipBit(s, r); break;
            case 1: setByte(s, r); break;
            case 2: insertBytes(s, r, text); break;
            case 3: deleteRange(s, r); break;
            case 4: if (r.chance(40)) truncate(s, r); else deleteRange(s, r); break;
            case 5: magicNumber(s, r); break;
            case 6: {
                const auto &other = seeds[r.below(seeds.size())].second;
                if (mi < other.size())
                    splice(s, other[mi].bytes, r);
                break;
            }
            case 7: repeatBlock(s, r, maxMemberSize); break;
            case 8: dictionaryToken(s, r, target.dictionary); break;
            case 9: if (text) replaceNumber(s, r); else magicNumber(s, r); break;
            case 10: replaceNumber(s, r); break;
            case 11: lineOp(s, r, maxMemberSize); break;
            case 12: weirdText(s, r); break;
            default: replaceNumber(s, r); break;
            }
            if (s.size() > maxMemberSize)
                s.resize(maxMemberSize);
        }
    }
    return in;
}

Input minimise(const Input &input, const std::function<bool(const Input &)> &stillFails, int budget)
{
    Input best = input;
    int tries = 0;
    // Whole members first (an empty .dbf that still crashes is simpler).
    for (size_t mi = 0; mi < best.size() && tries < budget; ++mi) {
        if (best[mi].bytes.empty())
            continue;
        Input t = best;
        t[mi].bytes.clear();
        ++tries;
        if (stillFails(t))
            best = t;
    }
    // Then ddmin-like chunk removal per member, halving the chunk size.
    for (size_t mi = 0; mi < best.size(); ++mi) {
        size_t chunk = std::max<size_t>(best[mi].bytes.size() / 2, 1);
        while (chunk >= 1 && tries < budget) {
            bool removed = false;
            for (size_t at = 0; at < best[mi].bytes.size() && tries < budget;) {
                Input t = best;
                t[mi].bytes.erase(at, chunk);
                ++tries;
                if (stillFails(t)) {
                    best = t;
                    removed = true;
                } else {
                    at += chunk;
                }
            }
            if (!removed) {
                if (chunk == 1)
                    break;
                chunk /= 2;
            }
        }
    }
    return best;
}

} // namespace vnland::fuzz
