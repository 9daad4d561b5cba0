#include "survey_gsi.h"

#include "survey/polar.h"
#include "survey/survey_store.h"

#include <QFile>
#include <QFileInfo>

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vnland::plugins {
namespace {

struct Word {
    std::string info;
    char sign = '+';
    std::string data;
};

std::optional<double> distanceValue(const Word &w)
{
    long long raw = 0;
    const auto r = std::from_chars(w.data.data(), w.data.data() + w.data.size(), raw);
    if (r.ec != std::errc() || r.ptr != w.data.data() + w.data.size())
        return std::nullopt;
    double v = static_cast<double>(raw);
    switch (w.info.empty() ? '0' : w.info.back()) {
    case '0': case '.': v /= 1000.0; break;
    case '1': v = v / 1000.0 * 0.3048; break;
    case '6': v /= 10000.0; break;
    case '7': v = v / 10000.0 * 0.3048; break;
    case '8': v /= 100000.0; break;
    default: return std::nullopt;
    }
    return w.sign == '-' ? -v : v;
}

std::optional<double> angleValue(const Word &w)
{
    long long raw = 0;
    const auto r = std::from_chars(w.data.data(), w.data.data() + w.data.size(), raw);
    if (r.ec != std::errc() || r.ptr != w.data.data() + w.data.size())
        return std::nullopt;
    double v = static_cast<double>(raw);
    switch (w.info.empty() ? '2' : w.info.back()) {
    case '2': v = survey::gonToDeg(v / 100000.0); break;
    case '3': v /= 100000.0; break;
    case '4': v = survey::packedDmsToDeg(v / 100000.0); break;
    case '5': v = v / 10000.0 * 360.0 / 6400.0; break;
    default: return std::nullopt;
    }
    return w.sign == '-' ? -v : v;
}

std::string pointName(const std::string &data)
{
    size_t i = 0;
    while (i + 1 < data.size() && data[i] == '0')
        ++i;
    std::string s = data.substr(i);
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

} // namespace

bool SurveyGsiReader::canRead(const QString &path) const
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("gsi"))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(32);
    return head.startsWith("*11") || head.startsWith("11") || head.startsWith("41");
}

bool SurveyGsiReader::read(const QString &path, const plugin::SurveyReadOptions &options, survey::SurveyData &out,
                           QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    const bool northFirst = options.axisOrder == 1;
    const std::string name = path.toStdString();
    std::map<std::string, std::pair<double, double>> known; // name → (north, east)
    std::optional<survey::Station> station;
    std::string stationName;
    bool warnedUnoriented = false;
    int gsi16 = 0, gsi8 = 0;
    int64_t lineNo = 0;
    while (!f.atEnd()) {
        std::string line = f.readLine().toStdString();
        ++lineNo;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (line.empty())
            continue;
        auto reject = [&](const std::string &why) { out.rejected.push_back({lineNo, line, why}); };
        const bool star = line.front() == '*';
        std::map<std::string, Word> words;
        bool bad = false;
        size_t pos = star ? 1 : 0;
        while (pos < line.size() && !bad) {
            while (pos < line.size() && line[pos] == ' ')
                ++pos;
            if (pos >= line.size())
                break;
            size_t end = line.find(' ', pos);
            if (end == std::string::npos)
                end = line.size();
            const std::string w = line.substr(pos, end - pos);
            pos = end;
            if (w.size() < 8 || !std::isdigit(static_cast<unsigned char>(w[0]))
                || !std::isdigit(static_cast<unsigned char>(w[1])) || (w[6] != '+' && w[6] != '-')) {
                reject("not a GSI word: '" + w + "'");
                bad = true;
                break;
            }
            words[w.substr(0, 2)] = Word{w.substr(2, 4), w[6], w.substr(7)};
        }
        if (bad)
            continue;
        (star ? gsi16 : gsi8)++;
        const auto has = [&](const char *wi) { return words.count(wi) > 0; };
        if (!has("11")) {
            if (!has("41"))
                reject("no point number (word index 11)");
            continue;
        }
        const std::string pname = pointName(words["11"].data);
        std::string code;
        if (has("71"))
            code = pointName(words["71"].data);
        auto dist = [&](const char *wi) -> std::optional<double> {
            if (!has(wi))
                return std::nullopt;
            return distanceValue(words[wi]);
        };
        if (has("84") && has("85")) {
            const auto a = dist("84"), b = dist("85");
            if (!a || !b) {
                reject("station coordinates (84/85) are not numbers in a known unit");
                continue;
            }
            survey::Station st;
            st.north = northFirst ? *a : *b;
            st.east = northFirst ? *b : *a;
            st.height = dist("86");
            st.instrumentHeight = dist("88").value_or(0.0);
            station = st;
            stationName = pname;
            known[pname] = {st.north, st.east};
            survey::SurveyPoint p;
            p.name = pname;
            p.code = code;
            p.north = st.north;
            p.east = st.east;
            p.height = st.height;
            p.kind = "station";
            p.line = lineNo;
            out.points.push_back(p);
            continue;
        }
        if (has("21") && (has("31") || has("32"))) {
            if (!station) {
                reject("observation before any station record (84/85/86)");
                continue;
            }
            const auto hz = angleValue(words["21"]);
            std::optional<double> zen = has("22") ? angleValue(words["22"]) : std::optional<double>(90.0);
            std::optional<double> sd = has("31") ? dist("31") : dist("32");
            if (!hz || !zen || !sd) {
                reject(std::string(!hz ? "horizontal angle (21)" : !zen ? "zenith angle (22)" : "distance (31/32)")
                       + " is not a number in a known unit");
                continue;
            }
            if (!has("31"))
                zen = 90.0; // a horizontal distance: no vertical reduction
            if (!station->oriented) {
                const auto k = known.find(pname);
                if (k != known.end() && pname != stationName) {
                    survey::orientOn(*station, k->second.first, k->second.second, *hz);
                    continue; // the backsight itself is no new point
                }
                station->oriented = true;
                if (!warnedUnoriented) {
                    out.warnings.push_back(name + ": line " + std::to_string(lineNo) + ": station " + stationName
                                           + " has no backsight to a known point; Hz readings taken as azimuths");
                    warnedUnoriented = true;
                }
            }
            const auto r = survey::reducePolar(*station, *hz, *zen, *sd, dist("87").value_or(0.0), dist("33"));
            survey::SurveyPoint p;
            p.name = pname;
            p.code = code;
            p.north = r.north;
            p.east = r.east;
            p.height = r.height;
            p.line = lineNo;
            out.points.push_back(p);
            known[pname] = {r.north, r.east};
            continue;
        }
        if (has("81") && has("82")) {
            const auto a = dist("81"), b = dist("82");
            if (!a || !b) {
                reject("coordinates (81/82) are not numbers in a known unit");
                continue;
            }
            survey::SurveyPoint p;
            p.name = pname;
            p.code = code;
            p.north = northFirst ? *a : *b;
            p.east = northFirst ? *b : *a;
            p.height = dist("83");
            p.line = lineNo;
            p.kind = "control";
            out.points.push_back(p);
            known[pname] = {p.north, p.east};
            continue;
        }
        reject("block has neither coordinates (81/82, 84/85) nor an observation (21 with 31 or 32)");
    }
    if (gsi8 + gsi16 == 0) {
        *error = path + QStringLiteral(": no GSI blocks");
        return false;
    }
    out.layout = std::string(gsi16 ? "GSI-16" : "GSI-8") + (gsi16 && gsi8 ? "/GSI-8" : "")
               + (northFirst ? ", 81/84 = X (north)" : ", 81/84 = easting (Leica order)");
    return true;
}

} // namespace vnland::plugins
