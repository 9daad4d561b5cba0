#include "survey_gsi.h"

#include "survey/polar.h"
#include "survey/survey_store.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
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

using Block = std::map<std::string, Word>;

std::optional<double> distanceValue(const Word &w)
{
    long long raw = 0;
    const auto r = std::from_chars(w.data.data(), w.data.data() + w.data.size(), raw);
    if (w.data.empty() || r.ec != std::errc() || r.ptr != w.data.data() + w.data.size())
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
    if (w.data.empty() || r.ec != std::errc() || r.ptr != w.data.data() + w.data.size())
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

std::string fmt(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// The lines of a file: "\n", "\r\n" and bare "\r" (old instruments and
/// Mac-style copies, also the doubled "\r\r\n") each end one line.
std::vector<std::string> splitLines(const QByteArray &bytes)
{
    std::vector<std::string> out;
    std::string cur;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\n' || c == '\r') {
            while (i + 1 < bytes.size() && bytes[i + 1] == '\r')
                ++i;
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
            out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

/// A polar observation (21 Hz, 22 V, 31 slope or 32 horizontal distance)
/// without recorded coordinates, waiting for the station it is reduced from.
struct Observation {
    int64_t line = 0;
    std::string text, name, code;
    double hz = 0, zenith = 90, slope = 0;
    bool distance = false;               ///< 31 or 32 present and > 0
    std::optional<double> heightDiff;    ///< 33
    double targetHeight = 0;             ///< 87
    std::optional<double> instrumentHeight; ///< 88 on the observation line
};

} // namespace

bool SurveyGsiReader::canRead(const QString &path) const
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("gsi"))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(32).trimmed();
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
    std::map<std::string, std::pair<double, double>> known; // name → (north, east) from coordinates in the file
    std::optional<survey::Station> station;                  // the last station record
    std::string stationName;
    bool warnedUnoriented = false;
    bool stationHasHz0 = false, coordsSinceStation = false;
    // Observations before any station record: from --station or E 0 N 0 Z 0.
    const bool assumedGiven = out.assumedStation.has_value();
    survey::Station assumed = out.assumedStation.value_or(survey::Station{});
    if (!assumedGiven)
        assumed.height = 0.0;
    assumed.oriented = true;
    assumed.orientationDeg = 0;
    int64_t assumedCount = 0, assumedFirst = 0;
    std::vector<Observation> pending;
    int gsi16 = 0, gsi8 = 0;

    auto addPoint = [&](const Observation &o, const survey::PolarResult &r) {
        survey::SurveyPoint p;
        p.name = o.name;
        p.code = o.code;
        p.north = r.north;
        p.east = r.east;
        p.height = r.height;
        p.line = o.line;
        out.points.push_back(p);
    };
    auto rejectObs = [&](const Observation &o, const std::string &why) { out.rejected.push_back({o.line, o.text, why}); };
    auto reduceChecked = [&](const survey::Station &st, const Observation &o) -> bool {
        survey::Station s = st;
        if (o.instrumentHeight)
            s.instrumentHeight = *o.instrumentHeight;
        const auto r = survey::reducePolar(s, o.hz, o.zenith, o.slope, o.targetHeight, o.heightDiff);
        if (!std::isfinite(r.north) || !std::isfinite(r.east) || (r.height && !std::isfinite(*r.height))) {
            rejectObs(o, "the observation does not reduce to finite coordinates");
            return false;
        }
        addPoint(o, r);
        return true;
    };
    // Observations made from the current station (or, before any station
    // record, from the assumed one), in file order.
    auto fromCurrent = [&](const Observation &o) {
        if (!station) {
            if (!o.distance) {
                rejectObs(o, "angle-only reading (no distance): no position to compute");
                return;
            }
            if (reduceChecked(assumed, o) && assumedCount++ == 0)
                assumedFirst = o.line;
            return;
        }
        if (!station->oriented) {
            const auto k = known.find(o.name);
            if (k != known.end() && o.name != stationName) {
                survey::orientOn(*station, k->second.first, k->second.second, o.hz);
                return; // the backsight itself is no new point
            }
            station->oriented = true;
            if (!warnedUnoriented) {
                out.warnings.push_back(name + ": line " + std::to_string(o.line) + ": station " + stationName
                                       + " has no backsight to a known point; Hz readings taken as azimuths");
                warnedUnoriented = true;
            }
        }
        if (!o.distance) {
            rejectObs(o, "angle-only reading (no distance) that is not a backsight: no position to compute");
            return;
        }
        reduceChecked(*station, o);
    };
    auto flushPending = [&]() {
        for (const Observation &o : pending)
            fromCurrent(o);
        pending.clear();
    };

    const std::vector<std::string> lines = splitLines(f.readAll());
    int64_t lineNo = 0;
    for (std::string line : lines) {
        ++lineNo;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        size_t pos = 0;
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t'))
            ++pos;
        if (pos >= line.size())
            continue;
        auto reject = [&](const std::string &why) { out.rejected.push_back({lineNo, line, why}); };
        const bool star = line[pos] == '*';
        if (star)
            ++pos;
        // Words; a second point number (11) or code block (41) on the same
        // line starts another block.
        std::vector<Block> blocks(1);
        bool bad = false;
        while (pos < line.size() && !bad) {
            while (pos < line.size() && (line[pos] == ' ' || line[pos] == '*'))
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
                reject("not a GSI word: '" + w.substr(0, 40) + "'");
                bad = true;
                break;
            }
            const std::string wi = w.substr(0, 2);
            if ((wi == "11" || wi == "41") && !blocks.back().empty())
                blocks.emplace_back();
            blocks.back()[wi] = Word{w.substr(2, 4), w[6], w.substr(7)};
        }
        if (bad)
            continue;
        (star ? gsi16 : gsi8)++;
        for (Block &words : blocks) {
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
                if (!a || !b || (has("86") && !dist("86")) || (has("88") && !dist("88"))) {
                    reject("station coordinates (84/85/86) or instrument height (88) are not numbers in a known unit");
                    continue;
                }
                survey::Station st;
                st.north = northFirst ? *a : *b;
                st.east = northFirst ? *b : *a;
                st.height = dist("86");
                st.instrumentHeight = dist("88").value_or(0.0);
                // WI 25 (Hz0 − Hz): the instrument applied this orientation,
                // its Hz readings after the record are azimuths; the readings
                // just before it (free station / orientation set-up) are
                // raw circle readings from this station.
                std::optional<double> hz0;
                if (has("25")) {
                    hz0 = angleValue(words["25"]);
                    if (!hz0) {
                        reject("Hz orientation (25) is not a number in a known unit");
                        continue;
                    }
                }
                // Set-up readings: before the first station record, or after
                // an oriented station whose observations carried recorded
                // coordinates (then a reading without them is no detail point).
                if (hz0 && !pending.empty() && (!station || (station->oriented && stationHasHz0 && coordsSinceStation))) {
                    survey::Station setup = st;
                    setup.oriented = true;
                    setup.orientationDeg = *hz0;
                    int64_t n = 0;
                    for (const Observation &o : pending) {
                        if (!o.distance) {
                            rejectObs(o, "angle-only set-up reading (no distance): no position to compute");
                            continue;
                        }
                        n += reduceChecked(setup, o);
                    }
                    if (n > 0)
                        out.warnings.push_back(name + ": lines " + std::to_string(pending.front().line) + "–"
                                               + std::to_string(pending.back().line) + ": " + std::to_string(n)
                                               + " observation(s) just before the station record of " + pname + " (line "
                                               + std::to_string(lineNo) + ") taken as its set-up readings (free station"
                                               " / orientation) and reduced from it with Hz0 − Hz = "
                                               + fmt(*hz0 / 0.9, 5) + " gon");
                    pending.clear();
                } else {
                    flushPending();
                }
                st.oriented = hz0.has_value();
                stationHasHz0 = hz0.has_value();
                coordsSinceStation = false;
                station = st;
                stationName = pname;
                warnedUnoriented = false;
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
            if (has("81") && has("82")) {
                // Coordinates recorded by the instrument (with or without the
                // observation they come from): taken as they are.
                const auto a = dist("81"), b = dist("82");
                if (!a || !b || (has("83") && !dist("83"))) {
                    reject("coordinates (81/82/83) are not numbers in a known unit");
                    continue;
                }
                if (has("21")) {
                    flushPending();
                    coordsSinceStation = true;
                }
                survey::SurveyPoint p;
                p.name = pname;
                p.code = code;
                p.north = northFirst ? *a : *b;
                p.east = northFirst ? *b : *a;
                p.height = dist("83");
                p.line = lineNo;
                p.kind = has("21") ? "measured" : "control";
                out.points.push_back(p);
                known[pname] = {p.north, p.east};
                continue;
            }
            if (has("21") && (has("22") || has("31") || has("32"))) {
                Observation o;
                o.line = lineNo;
                o.text = line;
                o.name = pname;
                o.code = code;
                const auto hz = angleValue(words["21"]);
                const std::optional<double> zen = has("22") ? angleValue(words["22"]) : std::optional<double>(90.0);
                const std::optional<double> sd = dist("31"), hd = dist("32");
                if (!hz || !zen || (has("31") && !sd) || (has("32") && !hd) || (has("33") && !dist("33"))
                    || (has("87") && !dist("87")) || (has("88") && !dist("88"))) {
                    reject(std::string(!hz ? "horizontal angle (21)" : !zen ? "zenith angle (22)"
                                                                           : "a distance or height (31/32/33/87/88)")
                           + " is not a number in a known unit");
                    continue;
                }
                o.hz = *hz;
                o.zenith = *zen;
                if (sd && *sd != 0) {
                    o.slope = *sd;
                } else if (hd && *hd != 0) {
                    // Horizontal distance: the slope distance it comes from
                    // (ΔH = HD·cot z, as the instrument computes it).
                    const double s = std::sin(*zen * 3.14159265358979323846 / 180.0);
                    if (std::fabs(s) < 1e-9) {
                        reject("horizontal distance with a vertical sight (zenith angle 0 or 200 gon)");
                        continue;
                    }
                    o.slope = *hd / s;
                }
                if (o.slope < 0) {
                    reject("negative distance (31/32)");
                    continue;
                }
                o.distance = o.slope > 0;
                o.heightDiff = dist("33");
                o.targetHeight = dist("87").value_or(0.0);
                o.instrumentHeight = dist("88");
                pending.push_back(std::move(o));
                continue;
            }
            reject("block has neither coordinates (81/82, 84/85) nor an observation (21 with 22/31/32)");
        }
    }
    flushPending();
    if (assumedCount > 0) {
        const survey::Station &s = assumed;
        out.warnings.push_back(
            name + ": line " + std::to_string(assumedFirst) + ": " + std::to_string(assumedCount)
            + " observation(s) without a station record reduced from "
            + (assumedGiven ? "--station E=" + fmt(s.east, 3) + ", N=" + fmt(s.north, 3) + ", Z="
                                  + (s.height ? fmt(*s.height, 3) : std::string("none")) + ", HI="
                                  + fmt(s.instrumentHeight, 3)
                            : std::string("the default station E=0, N=0, Z=0 (give the real one with --station "
                                          "E,N,Z[,HI])"))
            + "; orientation 0 (Hz readings taken as azimuths), instrument height from WI 88 where recorded");
    }
    std::stable_sort(out.rejected.begin(), out.rejected.end(),
                     [](const survey::RejectedLine &a, const survey::RejectedLine &b) { return a.line < b.line; });
    if (gsi8 + gsi16 == 0) {
        *error = path + QStringLiteral(": no GSI blocks");
        return false;
    }
    out.layout = std::string(gsi16 ? "GSI-16" : "GSI-8") + (gsi16 && gsi8 ? "/GSI-8" : "")
               + (northFirst ? ", 81/84 = X (north)" : ", 81/84 = easting (Leica order)");
    return true;
}

} // namespace vnland::plugins
