// Point-file reader: delimiter/decimal/header/layout/axis-order detection.
#include "survey/point_file.h"

#include "crs/angle_format.h"

#include <QFile>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace vnland::survey {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.substr(1, s.size() - 2);
    return s;
}

bool startsWithCi(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(s[i])) != prefix[i])
            return false;
    return true;
}

std::vector<std::string_view> split(std::string_view line, char delim)
{
    std::vector<std::string_view> out;
    if (delim == ' ') {
        size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            if (i >= line.size())
                break;
            size_t j = i;
            while (j < line.size() && line[j] != ' ' && line[j] != '\t')
                ++j;
            out.push_back(line.substr(i, j - i));
            i = j;
        }
        return out;
    }
    size_t start = 0;
    for (;;) {
        const size_t p = line.find(delim, start);
        out.push_back(trim(line.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
        if (p == std::string_view::npos)
            break;
        start = p + 1;
    }
    while (!out.empty() && out.back().empty())
        out.pop_back(); // trailing delimiters
    return out;
}

/// Plain decimal number with '.' or (when @p decimal is ',') ',' as separator.
std::optional<double> parseNumber(std::string_view s, char decimal)
{
    if (s.empty())
        return std::nullopt;
    if (s.front() == '+')
        s.remove_prefix(1);
    double v = 0;
    if (decimal == ',' && s.find(',') != std::string_view::npos) {
        std::string t(s);
        std::replace(t.begin(), t.end(), ',', '.');
        const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
        if (r.ec != std::errc() || r.ptr != t.data() + t.size())
            return std::nullopt;
        return v;
    }
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// Hemisphere of a DMS token: 'N' (latitude), 'E' (longitude) or 0.
char hemisphere(std::string_view s)
{
    s = trim(s);
    if (s.empty())
        return 0;
    for (char c : {s.front(), s.back()}) {
        const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (u == 'N' || u == 'S')
            return 'N';
        if (u == 'E' || u == 'W')
            return 'E';
    }
    return 0;
}

bool looksDms(std::string_view s)
{
    return s.find("°") != std::string_view::npos || s.find('\'') != std::string_view::npos
        || s.find('"') != std::string_view::npos || hemisphere(s) != 0;
}

/// A coordinate token: a number, or an angle in DMS (then @p dms is set).
std::optional<double> parseCoord(std::string_view s, char decimal, bool *dms)
{
    if (auto v = parseNumber(s, decimal)) {
        *dms = false;
        return v;
    }
    if (!looksDms(s))
        return std::nullopt;
    std::string t(s);
    if (decimal == ',')
        std::replace(t.begin(), t.end(), ',', '.');
    *dms = true;
    return crs::parseAngle(t);
}

bool isDecimalComma(std::string_view t)
{
    const size_t c = t.find(',');
    if (c == std::string_view::npos || c == 0 || c + 1 >= t.size() || t.find(',', c + 1) != std::string_view::npos)
        return false;
    for (size_t i = 0; i < t.size(); ++i)
        if (i != c && !std::isdigit(static_cast<unsigned char>(t[i])) && !(i == 0 && (t[i] == '-' || t[i] == '+')))
            return false;
    return true;
}

enum class Role { Ignore, Name, North, East, AxisX, AxisY, Height, Code, Lat, Lon };

/// Header name without diacritics, spaces and punctuation, in upper case.
std::string normaliseHeader(std::string_view raw)
{
    QString s = QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size())).normalized(QString::NormalizationForm_D);
    std::string out;
    for (QChar c : s) {
        if (c == QChar(0x0111) || c == QChar(0x0110))
            out += 'D';
        else if (c.unicode() < 128 && c.isLetterOrNumber())
            out += static_cast<char>(std::toupper(c.toLatin1()));
    }
    return out;
}

Role headerRole(std::string_view raw)
{
    static const std::map<std::string, Role> names = {
        {"P", Role::Name}, {"PT", Role::Name}, {"PNT", Role::Name}, {"POINT", Role::Name}, {"NAME", Role::Name},
        {"ID", Role::Name}, {"PID", Role::Name}, {"STT", Role::Name}, {"SHD", Role::Name}, {"SOHIEU", Role::Name},
        {"SOHIEUDIEM", Role::Name}, {"TENDIEM", Role::Name}, {"DIEM", Role::Name}, {"TEN", Role::Name},
        {"NO", Role::Name}, {"NUMBER", Role::Name}, {"POINTNAME", Role::Name}, {"POINTID", Role::Name},
        {"N", Role::North}, {"NORTH", Role::North}, {"NORTHING", Role::North}, {"XNORTH", Role::North},
        {"XBAC", Role::North}, {"E", Role::East}, {"EAST", Role::East}, {"EASTING", Role::East},
        {"YEAST", Role::East}, {"YDONG", Role::East}, {"X", Role::AxisX}, {"XM", Role::AxisX},
        {"TOADOX", Role::AxisX}, {"Y", Role::AxisY}, {"YM", Role::AxisY}, {"TOADOY", Role::AxisY},
        {"Z", Role::Height}, {"H", Role::Height}, {"HM", Role::Height}, {"ELEV", Role::Height},
        {"ELEVATION", Role::Height}, {"HEIGHT", Role::Height}, {"DOCAO", Role::Height}, {"CAODO", Role::Height},
        {"ALT", Role::Height}, {"ALTITUDE", Role::Height}, {"D", Role::Code}, {"CODE", Role::Code},
        {"DESC", Role::Code}, {"DESCRIPTION", Role::Code}, {"MA", Role::Code}, {"MADIEM", Role::Code},
        {"GHICHU", Role::Code}, {"NOTE", Role::Code}, {"FC", Role::Code}, {"FEATURE", Role::Code},
        {"LAT", Role::Lat}, {"LATITUDE", Role::Lat}, {"B", Role::Lat}, {"VIDO", Role::Lat}, {"PHI", Role::Lat},
        {"LON", Role::Lon}, {"LONG", Role::Lon}, {"LNG", Role::Lon}, {"LONGITUDE", Role::Lon}, {"L", Role::Lon},
        {"KINHDO", Role::Lon}, {"LAMBDA", Role::Lon}};
    const auto it = names.find(normaliseHeader(raw));
    return it == names.end() ? Role::Ignore : it->second;
}

/// A data line read before the axis order is known: a, b in file order.
struct RawRecord {
    int64_t line;
    std::string name, code;
    double a = 0, b = 0;
    std::optional<double> h;
    bool dms = false;
    char hemiA = 0, hemiB = 0;
    bool aIsNorth = true;      ///< known from the header
    bool orderKnown = false;   ///< from the header
};

std::string joinFrom(const std::vector<std::string_view> &f, size_t from)
{
    std::string out;
    for (size_t i = from; i < f.size(); ++i) {
        if (f[i].empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += f[i];
    }
    return out;
}

/// Expands "1-2-3", "10..14" and blank/comma separated names of a LINE record.
std::vector<std::string> connectionNames(std::string_view rest)
{
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (cur.empty())
            return;
        const size_t dots = cur.find("..");
        long a = 0, b = 0;
        if (dots != std::string::npos
            && std::from_chars(cur.data(), cur.data() + dots, a).ptr == cur.data() + dots
            && std::from_chars(cur.data() + dots + 2, cur.data() + cur.size(), b).ptr == cur.data() + cur.size()
            && std::abs(b - a) < 100000) {
            for (long i = a;; i += (b >= a ? 1 : -1)) {
                out.push_back(std::to_string(i));
                if (i == b)
                    break;
            }
        } else {
            out.push_back(cur);
        }
        cur.clear();
    };
    for (char c : rest) {
        if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '-' || c == '\r')
            flush();
        else
            cur += c;
    }
    flush();
    return out;
}

} // namespace

std::string delimiterName(char d)
{
    switch (d) {
    case ',': return "comma";
    case ';': return "semicolon";
    case '\t': return "tab";
    default: return "spaces";
    }
}

PointFileResult readPointFile(const std::string &path, const PointFileOptions &options)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        PointFileResult r;
        r.error = path + ": cannot open (" + f.errorString().toStdString() + ")";
        return r;
    }
    const QByteArray bytes = f.readAll();
    return parsePointText(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), path, options);
}

PointFileResult parsePointText(std::string_view text, const std::string &sourceName, const PointFileOptions &options)
{
    PointFileResult r;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);

    // Split into lines once; keep the data lines (not blank, comment or LINE).
    struct Line {
        int64_t no;
        std::string_view text;
    };
    std::vector<Line> data;
    int64_t no = 0;
    for (size_t pos = 0; pos <= text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view l = text.substr(pos, end - pos);
        ++no;
        pos = end + 1;
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t'))
            l.remove_suffix(1);
        std::string_view t = l;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
            t.remove_prefix(1);
        if (t.empty() || t.front() == '#' || t.substr(0, 2) == "//")
            continue;
        if ((startsWithCi(t, "LINE") && t.size() > 4 && (t[4] == ' ' || t[4] == '\t' || t[4] == ':'))
            || (startsWithCi(t, "NOI") && t.size() > 3 && (t[3] == ' ' || t[3] == '\t' || t[3] == ':'))) {
            const size_t skip = startsWithCi(t, "LINE") ? 5 : 4;
            auto names = connectionNames(t.substr(skip));
            if (names.size() < 2)
                r.rejected.push_back({no, std::string(l), "a LINE needs at least two point names"});
            else
                r.connections.emplace_back(no, std::move(names));
            continue;
        }
        data.push_back({no, l});
    }
    if (data.empty() && r.connections.empty()) {
        r.error = sourceName + ": no data lines";
        return r;
    }

    // Delimiter and decimal separator from a sample of the data lines.
    const size_t sample = std::min<size_t>(data.size(), 200);
    size_t tabs = 0, semis = 0, commas = 0;
    for (size_t i = 0; i < sample; ++i) {
        tabs += data[i].text.find('\t') != std::string_view::npos;
        semis += data[i].text.find(';') != std::string_view::npos;
        commas += data[i].text.find(',') != std::string_view::npos;
    }
    const size_t majority = sample / 2 + (sample > 1 ? 1 : sample);
    if (semis >= majority)
        r.delimiter = ';';
    else if (commas >= majority) {
        // "575123,45 2301234,56" is blank-separated with decimal commas.
        bool allDecimal = true;
        for (size_t i = 0; i < sample && allDecimal; ++i)
            for (auto tok : split(data[i].text, ' '))
                if (tok.find(',') != std::string_view::npos && !isDecimalComma(tok))
                    allDecimal = false;
        r.delimiter = allDecimal ? ' ' : ',';
    } else if (tabs >= majority)
        r.delimiter = '\t';
    else
        r.delimiter = ' ';
    if (r.delimiter != ',') {
        size_t commaNums = 0, pointNums = 0;
        for (size_t i = 0; i < sample; ++i)
            for (auto tok : split(data[i].text, r.delimiter)) {
                commaNums += isDecimalComma(trim(tok));
                pointNums += parseNumber(trim(tok), '.') && tok.find('.') != std::string_view::npos;
            }
        if (commaNums > pointNums)
            r.decimal = ',';
    }

    // Header: at least two known column names and no coordinate numbers.
    std::vector<Role> roles;
    size_t first = 0;
    if (!data.empty()) {
        const auto f = split(data[0].text, r.delimiter);
        int known = 0, numbers = 0;
        std::vector<Role> rs;
        for (auto tok : f) {
            rs.push_back(headerRole(trim(tok)));
            known += rs.back() != Role::Ignore;
            numbers += parseNumber(trim(tok), r.decimal).has_value();
        }
        if (known >= 2 && numbers == 0) {
            r.header = true;
            roles = rs;
            first = 1;
        }
    }
    int colName = -1, colA = -1, colB = -1, colH = -1, colCode = -1;
    bool headerANorth = true;
    if (r.header) {
        int north = -1, east = -1, ax = -1, ay = -1, lat = -1, lon = -1;
        for (size_t i = 0; i < roles.size(); ++i) {
            const int c = static_cast<int>(i);
            auto setOnce = [&](int &slot) {
                if (slot < 0)
                    slot = c;
            };
            switch (roles[i]) {
            case Role::Name: setOnce(colName); break;
            case Role::North: setOnce(north); break;
            case Role::East: setOnce(east); break;
            case Role::AxisX: setOnce(ax); break;
            case Role::AxisY: setOnce(ay); break;
            case Role::Height: setOnce(colH); break;
            case Role::Code: setOnce(colCode); break;
            case Role::Lat: setOnce(lat); break;
            case Role::Lon: setOnce(lon); break;
            case Role::Ignore: break;
            }
        }
        if (lat >= 0 && lon >= 0) {
            north = lat;
            east = lon;
            r.geographic = true;
        }
        if (north < 0 || east < 0) {
            // X/Y: Vietnamese X = north unless the user said the file is E,N.
            const bool xEast = options.order == AxisOrder::EastNorth;
            if (ax >= 0 && ay >= 0) {
                north = xEast ? ay : ax;
                east = xEast ? ax : ay;
                r.orderHow = xEast ? "header X/Y with --order en: X = east (đông), Y = north (bắc)"
                                   : "header X/Y, Vietnamese convention: X = north (bắc), Y = east (đông)";
            } else if (north >= 0 && ay >= 0) {
                east = ay;
            } else if (east >= 0 && ax >= 0) {
                north = ax;
            }
        } else {
            r.orderHow = r.geographic ? "header latitude/longitude" : "header N/E names";
        }
        if (north < 0 || east < 0) {
            r.error = sourceName + ": line " + std::to_string(data[0].no)
                    + ": header has no north/east (X/Y, N/E or Lat/Lon) columns";
            return r;
        }
        colA = north;
        colB = east;
        headerANorth = true;
        std::string lay = "header:";
        const char *tag[] = {"-", "P", "N", "E", "X", "Y", "Z", "D", "Lat", "Lon"};
        for (size_t i = 0; i < roles.size(); ++i) {
            const int c = static_cast<int>(i);
            lay += ' ';
            lay += c == colName ? "P" : c == colA ? (r.geographic ? "Lat" : "N") : c == colB ? (r.geographic ? "Lon" : "E")
                 : c == colH ? "Z" : c == colCode ? "D" : tag[0];
        }
        r.layout = lay;
    }

    // First pass: fields of every data line.
    std::vector<RawRecord> raw;
    raw.reserve(data.size());
    std::map<std::string, int> layouts;
    for (size_t li = first; li < data.size(); ++li) {
        const auto f = split(data[li].text, r.delimiter);
        RawRecord rec;
        rec.line = data[li].no;
        auto reject = [&](const std::string &why) { r.rejected.push_back({rec.line, std::string(data[li].text), why}); };
        bool dmsA = false, dmsB = false;
        size_t idxA = 0, idxB = 0; // fields of the two coordinates
        if (r.header) {
            idxA = static_cast<size_t>(colA);
            idxB = static_cast<size_t>(colB);
            const int need = std::max({colA, colB, colName, colH, colCode});
            if (static_cast<int>(f.size()) <= std::max(colA, colB)) {
                reject("expected " + std::to_string(need + 1) + " fields, found " + std::to_string(f.size()));
                continue;
            }
            const auto a = parseCoord(trim(f[colA]), r.decimal, &dmsA);
            const auto b = parseCoord(trim(f[colB]), r.decimal, &dmsB);
            if (!a || !b) {
                reject(std::string(!a ? "north" : "east") + " coordinate is not a number: '"
                       + std::string(trim(f[!a ? colA : colB])) + "'");
                continue;
            }
            rec.a = *a;
            rec.b = *b;
            if (colName >= 0 && colName < static_cast<int>(f.size()))
                rec.name = std::string(trim(f[colName]));
            if (colCode >= 0 && colCode < static_cast<int>(f.size()))
                rec.code = std::string(trim(f[colCode]));
            if (colH >= 0 && colH < static_cast<int>(f.size()) && !trim(f[colH]).empty()) {
                rec.h = parseNumber(trim(f[colH]), r.decimal);
                if (!rec.h) {
                    reject("height is not a number: '" + std::string(trim(f[colH])) + "'");
                    continue;
                }
            }
            rec.orderKnown = true;
            rec.aIsNorth = headerANorth;
        } else {
            const size_t n = f.size();
            if (n < 2) {
                reject("expected at least two coordinates, found " + std::to_string(n) + " field");
                continue;
            }
            bool d0 = false, d2 = false;
            const auto v0 = parseCoord(trim(f[0]), r.decimal, &d0);
            size_t i = 0;
            if (!v0 || n >= 4) {
                i = 1;
            } else if (n == 3) {
                const auto v2 = parseCoord(trim(f[2]), r.decimal, &d2);
                if (v2 && (d2 || std::fabs(*v2) >= 10000))
                    i = 1;
            }
            if (i == 1)
                rec.name = std::string(trim(f[0]));
            if (i + 1 >= n) {
                reject("expected two coordinates after the point name '" + rec.name + "'");
                continue;
            }
            idxA = i;
            idxB = i + 1;
            const auto a = parseCoord(trim(f[i]), r.decimal, &dmsA);
            const auto b = parseCoord(trim(f[i + 1]), r.decimal, &dmsB);
            if (!a || !b) {
                reject("coordinate is not a number: '" + std::string(trim(f[!a ? i : i + 1])) + "'");
                continue;
            }
            rec.a = *a;
            rec.b = *b;
            std::string lay = i ? "P" : "";
            lay += "ab";
            if (i + 2 < n) {
                if (auto h = parseNumber(trim(f[i + 2]), r.decimal)) {
                    rec.h = h;
                    rec.code = joinFrom(f, i + 3);
                    lay += 'Z';
                } else {
                    rec.code = joinFrom(f, i + 2);
                }
                if (!rec.code.empty())
                    lay += 'D';
            }
            ++layouts[lay];
        }
        rec.dms = dmsA || dmsB;
        rec.hemiA = dmsA ? hemisphere(f[idxA]) : 0;
        rec.hemiB = dmsB ? hemisphere(f[idxB]) : 0;
        raw.push_back(std::move(rec));
    }

    // Geographic or projected.
    if (options.geographic) {
        r.geographic = *options.geographic;
    } else if (!r.header || !r.geographic) {
        bool anyDms = false, allSmall = !raw.empty();
        for (const auto &rec : raw) {
            anyDms = anyDms || rec.dms;
            allSmall = allSmall && std::fabs(rec.a) <= 180 && std::fabs(rec.b) <= 180;
        }
        r.geographic = anyDms || allSmall;
    }

    // Axis order for records whose header did not fix it.
    bool aNorth = true;
    if (!r.header) {
        bool hemiDecides = false;
        for (const auto &rec : raw)
            if (rec.hemiA || rec.hemiB) {
                hemiDecides = true;
                break;
            }
        if (options.order != AxisOrder::Auto) {
            aNorth = options.order == AxisOrder::NorthEast;
            r.orderHow = aNorth ? "--order ne: first coordinate is X (north, bắc), second Y (east, đông)"
                                : "--order en: first coordinate is east (đông), second north (bắc)";
        } else if (hemiDecides) {
            r.orderHow = "hemisphere letters N/S/E/W";
        } else if (!raw.empty()) {
            // Projected: northing > easting; geographic: latitude < longitude.
            bool allAB = true, allBA = true;
            for (const auto &rec : raw) {
                allAB = allAB && rec.a > rec.b;
                allBA = allBA && rec.b > rec.a;
            }
            if (r.geographic ? allBA : allAB) {
                aNorth = true;
                r.orderHow = r.geographic ? "detected from values: latitude first" : "detected from values: X (north) first";
            } else if (r.geographic ? allAB : allBA) {
                aNorth = false;
                r.orderHow = r.geographic ? "detected from values: longitude first" : "detected from values: east first";
            } else {
                r.orderHow = "default: Vietnamese X (north) first";
                r.warnings.push_back(sourceName + ": the axis order cannot be told from the values; "
                                     "X (north) first assumed, use --order ne|en to say it");
            }
        }
        std::string lay;
        int best = 0;
        for (const auto &[k, v] : layouts)
            if (v > best) {
                best = v;
                lay = k;
            }
        for (char &c : lay) {
            if (c == 'a')
                c = r.geographic ? 'B' : (aNorth ? 'N' : 'E');
            else if (c == 'b')
                c = r.geographic ? 'L' : (aNorth ? 'E' : 'N');
        }
        r.layout = lay;
        if (layouts.size() > 1)
            r.layout += " (mixed layouts)";
    }

    r.points.reserve(raw.size());
    for (auto &rec : raw) {
        bool north = rec.orderKnown ? rec.aIsNorth : aNorth;
        if (!rec.orderKnown && (rec.hemiA || rec.hemiB))
            north = rec.hemiA ? rec.hemiA == 'N' : rec.hemiB == 'E';
        SurveyPoint p;
        p.name = rec.name.empty() ? std::to_string(rec.line) : std::move(rec.name);
        p.code = std::move(rec.code);
        p.north = north ? rec.a : rec.b;
        p.east = north ? rec.b : rec.a;
        p.height = rec.h;
        p.line = rec.line;
        if (r.geographic) {
            p.kind = "gnss";
            if (std::fabs(p.north) > 90 || std::fabs(p.east) > 180) {
                r.rejected.push_back({rec.line, {}, "latitude/longitude out of range"});
                continue;
            }
        }
        r.points.push_back(std::move(p));
    }
    std::sort(r.rejected.begin(), r.rejected.end(),
              [](const RejectedLine &a, const RejectedLine &b) { return a.line < b.line; });
    r.ok = true;
    return r;
}

} // namespace vnland::survey
