// Vietnamese text encodings. TCVN3 and CP1258 are decoded through glibc iconv
// (TCVN5712-1, CP1258); VNI-Windows through our own table of its layout
// (a base letter followed by accent bytes). Everything leaves here in NFC.
#include "io/text_encoding.h"

#include <QRegularExpression>
#include <QString>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

namespace vnland::io {

namespace {

// --- iconv --------------------------------------------------------------

/// iconv descriptors per thread and direction: opening one costs more than
/// converting a typical attribute value.
class IconvCache {
public:
    ~IconvCache()
    {
        for (auto &[key, cd] : m_open)
            iconv_close(cd);
    }
    iconv_t get(const char *to, const char *from)
    {
        const std::pair<std::string, std::string> key{to, from};
        auto it = m_open.find(key);
        if (it != m_open.end()) {
            iconv(it->second, nullptr, nullptr, nullptr, nullptr); // back to the initial state
            return it->second;
        }
        iconv_t cd = iconv_open(to, from);
        if (cd != reinterpret_cast<iconv_t>(-1))
            m_open.emplace(key, cd);
        return cd;
    }

private:
    std::map<std::pair<std::string, std::string>, iconv_t> m_open;
};

std::string iconvConvert(std::string_view in, const char *from, const char *to, bool *ok = nullptr)
{
    thread_local IconvCache cache;
    iconv_t cd = cache.get(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        if (ok)
            *ok = false;
        return std::string(in);
    }
    std::string out;
    out.resize(in.size() * 4 + 16);
    std::string src(in);
    char *inPtr = src.data();
    size_t inLeft = src.size();
    char *outPtr = out.data();
    size_t outLeft = out.size();
    bool good = true;
    while (inLeft > 0) {
        size_t r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
        if (r != static_cast<size_t>(-1))
            break;
        if (errno == E2BIG) {
            size_t used = out.size() - outLeft;
            out.resize(out.size() * 2);
            outPtr = out.data() + used;
            outLeft = out.size() - used;
            continue;
        }
        // EILSEQ/EINVAL: emit '?' and skip one byte.
        good = false;
        if (outLeft < 1) {
            size_t used = out.size() - outLeft;
            out.resize(out.size() * 2);
            outPtr = out.data() + used;
            outLeft = out.size() - used;
        }
        *outPtr++ = '?';
        --outLeft;
        ++inPtr;
        --inLeft;
    }
    // Flush shift state (CP1258/TCVN decoders buffer a base letter).
    iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    out.resize(out.size() - outLeft);
    if (ok)
        *ok = good;
    return out;
}

QString nfc(const QString &s)
{
    // Qt composes in place, moving the rest of the string at every composition: quadratic on a
    // long text with many decomposed letters. NFC never joins a character to a following ASCII
    // one (ASCII characters are starters and never the second part of a composition), so the
    // text is normalized in pieces cut before an ASCII character: linear, the same result.
    constexpr qsizetype kPiece = 256;
    if (s.size() <= kPiece)
        return s.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(s.size());
    qsizetype from = 0;
    while (from < s.size()) {
        qsizetype cut = std::min(s.size(), from + kPiece);
        while (cut < s.size() && s.at(cut).unicode() >= 0x80)
            ++cut;
        out += s.mid(from, cut - from).normalized(QString::NormalizationForm_C);
        from = cut;
    }
    return out;
}

std::string toUtf8(const QString &s)
{
    QByteArray b = s.toUtf8();
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

// --- Vietnamese letters -----------------------------------------------------

constexpr char16_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309, kDot = 0x0323;
constexpr char16_t kCirc = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

bool isToneMark(char16_t c)
{
    return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}

bool hasToneSlow(QChar c)
{
    const QString d = QString(c).normalized(QString::NormalizationForm_D);
    for (QChar m : d)
        if (isToneMark(m.unicode()))
            return true;
    return false;
}

/// True for a letter carrying a Vietnamese tone mark (sắc, huyền, hỏi, ngã, nặng).
bool hasTone(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0xC0)
        return false;
    // The toned letters live in Latin-1 Supplement, Latin Extended-A/B and
    // Latin Extended Additional; answer from a table built once.
    static const std::vector<bool> table = [] {
        std::vector<bool> t(0x1F00, false);
        for (char32_t k = 0xC0; k < 0x1F00; ++k)
            t[k] = hasToneSlow(QChar(static_cast<char16_t>(k)));
        return t;
    }();
    return u < 0x1F00 ? static_cast<bool>(table[u]) : hasToneSlow(c);
}

/// The 134 lowercase Vietnamese letters (NFC) plus the ASCII ones.
const std::u16string &vietLetters()
{
    static const std::u16string letters = [] {
        std::u16string out;
        const char16_t bases[] = u"abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 26; ++i)
            out.push_back(bases[i]);
        out.push_back(0x0111); // đ
        const std::u16string vowels[] = {u"a", u"a\u0306", u"a\u0302", u"e", u"e\u0302", u"i", u"o", u"o\u0302",
                                         u"o\u031B", u"u", u"u\u031B", u"y"};
        const char16_t tones[] = {kGrave, kAcute, kTilde, kHook, kDot};
        for (const auto &v : vowels) {
            QString base = nfc(QString::fromStdU16String(v));
            out += base.toStdU16String();
            for (char16_t t : tones)
                out += nfc(QString::fromStdU16String(v + std::u16string(1, t))).toStdU16String();
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return letters;
}

bool isVietLetter(QChar c)
{
    const auto &l = vietLetters();
    return std::binary_search(l.begin(), l.end(), c.toLower().unicode());
}

/// Strips tone marks (keeps ă â ê ô ơ ư), lowercase NFC.
QString toneless(const QString &word)
{
    QString d = word.toLower().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(d.size());
    for (QChar c : d)
        if (!isToneMark(c.unicode()))
            out.append(c);
    return nfc(out);
}

const QRegularExpression &syllableRe()
{
    thread_local const QRegularExpression re(QStringLiteral(
        "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
        "(uyê|uya|uyu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|"
        "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
        "[aăâeêioôơuưy])"
        "(ch|ng|nh|[cmnpt])?$"));
    return re;
}

/// Whether a decoded word (no spaces, no ASCII punctuation) can be Vietnamese.
bool plausibleWord(const QString &word)
{
    int tones = 0;
    for (QChar c : word) {
        if (!isVietLetter(c))
            return false;
        if (hasTone(c))
            ++tones;
    }
    if (tones > 1)
        return false;
    return syllableRe().match(toneless(word)).hasMatch();
}

// --- TCVN3 -----------------------------------------------------------------

bool isUpperLetter(QChar c) { return c.isLetter() && c.isUpper(); }
bool isLowerToned(QChar c) { return c.isLetter() && c.isLower() && hasTone(c); }

/// TCVN3 (ABC) has no toned capitals: old documents took them from a second
/// font with the same byte values, so the data holds lowercase toned letters
/// where capitals were meant. Restore them where the text is clearly title or
/// upper case.
QString restoreTcvn3Capitals(const QString &in)
{
    QString s = in;
    struct Word {
        int begin, end;
    };
    // Segments split by punctuation; words are runs of letters/marks.
    auto isSep = [](QChar c) {
        return c == u',' || c == u';' || c == u'.' || c == u'(' || c == u')' || c == u'/' || c == u'-'
            || c == u':' || c == u'\n' || c == u'\r' || c == u'\t';
    };
    int i = 0;
    const int n = static_cast<int>(s.size());
    while (i < n) {
        int segEnd = i;
        while (segEnd < n && !isSep(s[segEnd]))
            ++segEnd;
        std::vector<Word> words;
        for (int k = i; k < segEnd;) {
            if (s[k].isLetter()) {
                int e = k;
                while (e < segEnd && (s[e].isLetter() || s[e].isMark()))
                    ++e;
                words.push_back({k, e});
                k = e;
            } else {
                ++k;
            }
        }
        // Whole words in capitals: "NGUYễN" -> "NGUYỄN" (an uppercase letter
        // after the initial and no plain lowercase letter).
        int segUpper = 0, segPlainLower = 0;
        for (const Word &w : words) {
            bool laterUpper = false, plainLower = false;
            for (int k = w.begin; k < w.end; ++k) {
                if (isUpperLetter(s[k])) {
                    ++segUpper;
                    if (k > w.begin)
                        laterUpper = true;
                } else if (s[k].isLetter() && s[k].isLower() && !hasTone(s[k])) {
                    plainLower = true;
                    ++segPlainLower;
                }
            }
            if (laterUpper && !plainLower)
                for (int k = w.begin; k < w.end; ++k)
                    if (isLowerToned(s[k]))
                        s[k] = s[k].toUpper();
        }
        // A whole segment in capitals: "Ở" alone in "NHÀ Ở".
        if (segUpper >= 2 && segPlainLower == 0)
            for (int k = i; k < segEnd; ++k)
                if (isLowerToned(s[k]))
                    s[k] = s[k].toUpper();
        // Title case: most words whose initial case is known start with a
        // capital (a leading "xã", "huyện" and small words like "và" aside).
        int known = 0, knownUpper = 0;
        bool firstKnownLower = false;
        for (size_t wi = 0; wi < words.size(); ++wi) {
            QChar f = s[words[wi].begin];
            if (isLowerToned(f))
                continue;
            if (wi == 0 && !f.isUpper()) {
                firstKnownLower = true;
                continue;
            }
            ++known;
            if (f.isUpper())
                ++knownUpper;
        }
        const bool title = known > 0 && knownUpper * 10 >= known * 6;
        if (title) {
            for (size_t wi = 0; wi < words.size(); ++wi) {
                QChar f = s[words[wi].begin];
                if (!isLowerToned(f))
                    continue;
                if (wi == 0 && firstKnownLower)
                    continue;
                // Inside the segment, only after a capitalised word: "Nguyễn Văn ấm"
                // but not "… và ấm".
                if (wi > 0 && !s[words[wi - 1].begin].isUpper())
                    continue;
                s[words[wi].begin] = f.toUpper();
            }
        }
        i = segEnd + 1;
    }
    // Names and addresses start with a capital: "ủy ban nhân dân xã Cô Tô".
    int first = 0;
    while (first < n && !s[first].isLetter())
        ++first;
    if (first < n && isLowerToned(s[first])) {
        bool upperElsewhere = false;
        for (int k = first + 1; k < n; ++k)
            upperElsewhere = upperElsewhere || isUpperLetter(s[k]);
        if (upperElsewhere)
            s[first] = s[first].toUpper();
    }
    return s;
}

/// Reverse TCVN3 table built from glibc's decoder, limited to the TCVN3 (VN3)
/// repertoire: no toned capitals (glibc's TCVN5712-1 is the VN1 superset that
/// puts them in C0/0x80 slots old software never wrote).
const std::map<char16_t, unsigned char> &tcvn3Reverse()
{
    static const std::map<char16_t, unsigned char> table = [] {
        std::map<char16_t, unsigned char> t;
        for (int b = 0x20; b < 0x100; ++b) {
            if (b >= 0x80 && b <= 0x9F)
                continue;
            char byte = static_cast<char>(b);
            bool ok = true;
            std::string u = iconvConvert(std::string_view(&byte, 1), "TCVN5712-1", "UTF-8", &ok);
            if (!ok)
                continue;
            QString q = nfc(QString::fromUtf8(u.data(), static_cast<int>(u.size())));
            if (q.size() != 1)
                continue;
            QChar c = q[0];
            if (c.isMark() || (c.isUpper() && hasTone(c)))
                continue;
            t.emplace(c.unicode(), static_cast<unsigned char>(b));
        }
        return t;
    }();
    return table;
}

std::string encodeTcvn3(const QString &text)
{
    const auto &table = tcvn3Reverse();
    std::string out;
    out.reserve(static_cast<size_t>(text.size()));
    for (QChar c : nfc(text)) {
        if (c.unicode() < 0x80) {
            out.push_back(static_cast<char>(c.unicode()));
            continue;
        }
        if (c.isUpper() && hasTone(c))
            c = c.toLower();
        auto it = table.find(c.unicode());
        out.push_back(it == table.end() ? '?' : static_cast<char>(it->second));
    }
    return out;
}

// --- VNI-Windows -------------------------------------------------------------

struct VniMark {
    unsigned char lower, upper;
    char16_t modifier; // 0, circumflex or breve
    char16_t tone;     // 0 or a tone mark
};

// Accent bytes that follow a base vowel.
constexpr VniMark kVniMarks[] = {
    {0xF9, 0xD9, 0, kAcute},     {0xF8, 0xD8, 0, kGrave},     {0xFB, 0xDB, 0, kHook},
    {0xF5, 0xD5, 0, kTilde},     {0xEF, 0xCF, 0, kDot},       {0xE2, 0xC2, kCirc, 0},
    {0xE1, 0xC1, kCirc, kAcute}, {0xE0, 0xC0, kCirc, kGrave}, {0xE5, 0xC5, kCirc, kHook},
    {0xE3, 0xC3, kCirc, kTilde}, {0xE4, 0xC4, kCirc, kDot},   {0xEA, 0xCA, kBreve, 0},
    {0xE9, 0xC9, kBreve, kAcute}, {0xE8, 0xC8, kBreve, kGrave}, {0xFA, 0xDA, kBreve, kHook},
    {0xFC, 0xDC, kBreve, kTilde}, {0xEB, 0xCB, kBreve, kDot},
};

struct VniBase {
    unsigned char lower, upper;
    char16_t lowerChar, upperChar;
};

// Letters VNI writes as one byte.
constexpr VniBase kVniBases[] = {
    {0xF4, 0xD4, 0x01A1, 0x01A0}, // ơ Ơ
    {0xF6, 0xD6, 0x01B0, 0x01AF}, // ư Ư
    {0xF1, 0xD1, 0x0111, 0x0110}, // đ Đ
    {0xED, 0xCD, 0x00ED, 0x00CD}, // í Í
    {0xEC, 0xCC, 0x00EC, 0x00CC}, // ì Ì
    {0xE6, 0xC6, 0x1EC9, 0x1EC8}, // ỉ Ỉ
    {0xF3, 0xD3, 0x0129, 0x0128}, // ĩ Ĩ
    {0xF2, 0xD2, 0x1ECB, 0x1ECA}, // ị Ị
    {0xEE, 0xCE, 0x1EF5, 0x1EF4}, // ỵ Ỵ
};

const VniMark *vniMark(unsigned char b)
{
    for (const auto &m : kVniMarks)
        if (m.lower == b || m.upper == b)
            return &m;
    return nullptr;
}

QString decodeVni(std::string_view bytes)
{
    QString out;
    out.reserve(static_cast<int>(bytes.size()));
    for (unsigned char b : bytes) {
        if (b < 0x80) {
            out.append(QChar(b));
            continue;
        }
        bool done = false;
        for (const auto &base : kVniBases) {
            if (b == base.lower || b == base.upper) {
                out.append(QChar(b == base.lower ? base.lowerChar : base.upperChar));
                done = true;
                break;
            }
        }
        if (done)
            continue;
        if (const VniMark *m = vniMark(b)) {
            // Accent bytes attach to the preceding vowel; after anything else
            // they stay lone combining marks (a VNI font draws a floating accent).
            if (m->modifier)
                out.append(QChar(m->modifier));
            if (m->tone)
                out.append(QChar(m->tone));
            continue;
        }
        out.append(QChar(b)); // unused by VNI: keep the Latin-1 reading
    }
    return nfc(out);
}

std::string encodeVni(const QString &text)
{
    std::string out;
    out.reserve(static_cast<size_t>(text.size()) * 2);
    for (QChar c : nfc(text)) {
        const char16_t u = c.unicode();
        if (u < 0x80) {
            out.push_back(static_cast<char>(u));
            continue;
        }
        bool done = false;
        for (const auto &base : kVniBases) {
            if (u == base.lowerChar || u == base.upperChar) {
                out.push_back(static_cast<char>(u == base.lowerChar ? base.lower : base.upper));
                done = true;
                break;
            }
        }
        if (done)
            continue;
        const QString d = QString(c).normalized(QString::NormalizationForm_D);
        const QChar baseLetter = d[0];
        if (baseLetter.unicode() >= 0x80) {
            out.push_back('?');
            continue;
        }
        const bool upper = baseLetter.isUpper();
        char16_t modifier = 0, tone = 0;
        for (int k = 1; k < d.size(); ++k) {
            char16_t m = d[k].unicode();
            if (isToneMark(m))
                tone = m;
            else if (m == kCirc || m == kBreve || m == kHorn)
                modifier = m;
            else {
                modifier = 0xFFFF; // something VNI cannot write
            }
        }
        if (modifier == 0xFFFF) {
            out.push_back('?');
            continue;
        }
        if (modifier == kHorn) {
            const char16_t l = baseLetter.toLower().unicode();
            if (l != u'o' && l != u'u') {
                out.push_back('?');
                continue;
            }
            const char16_t horned = l == u'o' ? (upper ? 0x01A0 : 0x01A1) : (upper ? 0x01AF : 0x01B0);
            for (const auto &base : kVniBases)
                if (base.lowerChar == horned || base.upperChar == horned)
                    out.push_back(static_cast<char>(upper ? base.upper : base.lower));
            modifier = 0;
        } else {
            out.push_back(static_cast<char>(baseLetter.unicode()));
        }
        if (!modifier && !tone)
            continue;
        const VniMark *found = nullptr;
        for (const auto &m : kVniMarks)
            if (m.modifier == modifier && m.tone == tone)
                found = &m;
        if (!found) {
            out.push_back('?');
            continue;
        }
        out.push_back(static_cast<char>(upper ? found->upper : found->lower));
    }
    return out;
}

// --- UTF-8 -----------------------------------------------------------------

bool validUtf8(std::string_view s, bool *nonAscii)
{
    bool any = false;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        any = true;
        int len = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<size_t>(len) > s.size())
            return false;
        for (int k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<size_t>(len);
    }
    if (nonAscii)
        *nonAscii = any;
    return true;
}

QString decodeToQString(std::string_view bytes, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return nfc(QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size())));
    case TextEncoding::Latin1:
        return nfc(QString::fromLatin1(bytes.data(), static_cast<qsizetype>(bytes.size())));
    case TextEncoding::Cp1258: {
        std::string u = iconvConvert(bytes, "CP1258", "UTF-8");
        return nfc(QString::fromUtf8(u.data(), static_cast<qsizetype>(u.size())));
    }
    case TextEncoding::Tcvn3: {
        std::string u = iconvConvert(bytes, "TCVN5712-1", "UTF-8");
        return nfc(QString::fromUtf8(u.data(), static_cast<qsizetype>(u.size())));
    }
    case TextEncoding::Vni:
        return decodeVni(bytes);
    }
    return {};
}

bool isWordSep(QChar c)
{
    if (c.isSpace())
        return true;
    const char16_t u = c.unicode();
    return u < 0x80 && !((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z'));
}

} // namespace

std::string encodingName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Cp1258: return "cp1258";
    case TextEncoding::Tcvn3: return "tcvn3";
    case TextEncoding::Vni: return "vni";
    case TextEncoding::Latin1: return "latin1";
    }
    return "utf-8";
}

std::optional<TextEncoding> parseEncoding(std::string_view name)
{
    std::string n;
    for (char c : name) {
        if (c == ' ' || c == '\r' || c == '\n' || c == '\t')
            continue;
        n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (n == "utf-8" || n == "utf8" || n == "65001")
        return TextEncoding::Utf8;
    if (n == "cp1258" || n == "1258" || n == "windows-1258" || n == "windows1258" || n == "ansi1258"
        || n == "ansi_1258")
        return TextEncoding::Cp1258;
    if (n == "tcvn3" || n == "tcvn" || n == "abc" || n == "tcvn5712-1" || n == "tcvn5712" || n == "vn3"
        || n == "tcvn-3")
        return TextEncoding::Tcvn3;
    if (n == "vni" || n == "vni-windows" || n == "vniwindows" || n == "vni_windows")
        return TextEncoding::Vni;
    if (n == "latin1" || n == "latin-1" || n == "iso-8859-1" || n == "iso8859-1" || n == "iso88591" || n == "1252"
        || n == "cp1252" || n == "windows-1252" || n == "88591" || n == "ansi1252")
        return TextEncoding::Latin1;
    return std::nullopt;
}

std::string decode(std::string_view bytes, TextEncoding encoding)
{
    // ASCII reads the same in every supported encoding (codes, numbers, UUIDs).
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(bytes);
    // UTF-8 without combining marks (U+0300–U+036F, bytes CC 80 … CD AF) is already composed for
    // Vietnamese: precomposed letters need no normalisation, so the common case skips Qt.
    if (encoding == TextEncoding::Utf8) {
        // Bytes that are not UTF-8 must not pass through unchanged (they would be stored as
        // broken text): Qt's decoder below replaces each bad sequence with U+FFFD.
        if (!validUtf8(bytes, nullptr))
            return toUtf8(nfc(QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()))));
        bool combining = false;
        for (size_t i = 0; i + 1 < bytes.size() && !combining; ++i) {
            const auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
            combining = (b0 == 0xCC && b1 >= 0x80) || (b0 == 0xCD && b1 <= 0xAF);
        }
        if (!combining)
            return std::string(bytes);
    }
    QString s = decodeToQString(bytes, encoding);
    if (encoding == TextEncoding::Tcvn3)
        s = restoreTcvn3Capitals(s);
    return toUtf8(s);
}

std::string encode(std::string_view utf8, TextEncoding encoding)
{
    const QString s = nfc(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
    switch (encoding) {
    case TextEncoding::Utf8:
        return toUtf8(s);
    case TextEncoding::Latin1: {
        std::string out;
        for (QChar c : s)
            out.push_back(c.unicode() < 0x100 ? static_cast<char>(c.unicode()) : '?');
        return out;
    }
    case TextEncoding::Cp1258:
        return iconvConvert(toUtf8(s), "UTF-8", "CP1258");
    case TextEncoding::Tcvn3:
        return encodeTcvn3(s);
    case TextEncoding::Vni:
        return encodeVni(s);
    }
    return toUtf8(s);
}

EncodingGuess detectEncoding(const std::vector<std::string> &samples)
{
    EncodingGuess guess;
    bool anyNonAscii = false;
    bool allUtf8 = true;
    for (const auto &s : samples) {
        if (!validUtf8(s, nullptr))
            allUtf8 = false;
        anyNonAscii = anyNonAscii
            || std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    }
    if (!anyNonAscii) {
        guess.encoding = TextEncoding::Utf8;
        guess.confidence = 0;
        guess.ambiguous = true;
        return guess;
    }
    if (allUtf8) {
        guess.encoding = TextEncoding::Utf8;
        guess.confidence = 0.99;
        guess.ambiguous = false;
        return guess;
    }
    // Score each legacy reading by how many of its non-ASCII words can be
    // Vietnamese syllables (one tone, valid letters, valid initial/vowel/final).
    const TextEncoding candidates[] = {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Cp1258};
    double scores[3] = {0, 0, 0};
    for (int ci = 0; ci < 3; ++ci) {
        int64_t good = 0, total = 0;
        for (const auto &raw : samples) {
            bool rawNonAscii = std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            if (!rawNonAscii)
                continue;
            const QString text = decodeToQString(raw, candidates[ci]);
            QString word;
            auto flush = [&] {
                if (word.isEmpty())
                    return;
                bool hasNonAscii = std::any_of(word.begin(), word.end(), [](QChar c) { return c.unicode() >= 0x80; });
                if (hasNonAscii) {
                    ++total;
                    if (plausibleWord(word))
                        ++good;
                }
                word.clear();
            };
            for (QChar c : text) {
                if (isWordSep(c))
                    flush();
                else
                    word.append(c);
            }
            flush();
        }
        scores[ci] = total > 0 ? static_cast<double>(good) / static_cast<double>(total) : 0;
    }
    int best = 0;
    for (int ci = 1; ci < 3; ++ci)
        if (scores[ci] > scores[best] + 1e-12)
            best = ci;
    double second = 0;
    for (int ci = 0; ci < 3; ++ci)
        if (ci != best)
            second = std::max(second, scores[ci]);
    guess.encoding = candidates[best];
    guess.confidence = std::clamp(scores[best] - second, 0.0, 1.0);
    guess.ambiguous = scores[best] < 0.6 || scores[best] - second < 0.15;
    return guess;
}

} // namespace vnland::io
