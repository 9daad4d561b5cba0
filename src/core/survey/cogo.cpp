// COGO traverse: parsing, misclose and compass-rule (Bowditch) adjustment.
#include "survey/cogo.h"

#include "crs/angle_format.h"
#include "survey/text_fields.h"

#include <QFile>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

namespace vnland::survey {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<std::string> fields(std::string_view line) { return splitFields(line, " \t\r,"); }

std::optional<double> number(const std::string &s)
{
    double v = 0;
    const char *b = s.data() + (!s.empty() && s[0] == '+');
    const auto r = std::from_chars(b, s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// A coordinate of a place on Earth (metres in a projected CRS): within ±1e8 m.
std::optional<double> coordinate(const std::string &s)
{
    const auto v = number(s);
    return v && std::fabs(*v) <= 1e8 ? v : std::nullopt;
}

/// A traverse leg is shorter than 10 000 km: longer ones (1e300 …) overflow the adjustment.
constexpr double kMaxLeg = 1e7;

std::string upper(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

/// "26-10-00" → "26:10:00" (dashes between digits only).
std::string dashesToColons(std::string s)
{
    for (size_t i = 1; i + 1 < s.size(); ++i)
        if (s[i] == '-' && std::isdigit(static_cast<unsigned char>(s[i - 1]))
            && std::isdigit(static_cast<unsigned char>(s[i + 1])))
            s[i] = ':';
    return s;
}

} // namespace

std::optional<double> parseBearing(const std::string &textIn)
{
    std::string text = dashesToColons(textIn);
    if (text.empty())
        return std::nullopt;
    const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
    const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
    if ((first == 'N' || first == 'S') && (last == 'E' || last == 'W')) {
        const auto a = crs::parseAngle(text.substr(1, text.size() - 2));
        if (!a || *a < 0 || *a > 90)
            return std::nullopt;
        if (first == 'N')
            return last == 'E' ? *a : 360.0 - *a;
        return last == 'E' ? 180.0 - *a : 180.0 + *a;
    }
    if (!std::isdigit(static_cast<unsigned char>(text.front())))
        return std::nullopt; // hemisphere letters alone make no azimuth
    const auto a = crs::parseAngle(text);
    if (!a || *a < 0 || *a >= 360)
        return std::nullopt;
    return a;
}

TraverseParse parseTraverse(std::string_view text, const std::string &sourceName)
{
    TraverseParse r;
    Traverse &t = r.traverse;
    bool started = false;
    std::map<std::string, std::pair<double, double>> known;
    int64_t no = 0;
    for (size_t pos = 0; pos <= text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++no;
        const size_t hash = line.find('#');
        auto f = fields(line.substr(0, hash));
        if (f.empty())
            continue;
        auto reject = [&](const std::string &why) { r.rejected.push_back({no, std::string(line), why}); };
        const std::string kw = upper(f[0]);
        if (kw == "START") {
            if (started) {
                reject("a second START; one traverse per file");
                continue;
            }
            if (f.size() != 4 || !coordinate(f[2]) || !coordinate(f[3])) {
                reject("START needs: name X(north) Y(east), each a number within ±100 000 km");
                continue;
            }
            t.startName = f[1];
            t.startNorth = *coordinate(f[2]);
            t.startEast = *coordinate(f[3]);
            known[f[1]] = {t.startNorth, t.startEast};
            started = true;
        } else if (kw == "LEG") {
            if (!started) {
                reject("LEG before START");
                continue;
            }
            if (t.closes) {
                reject("LEG after CLOSE");
                continue;
            }
            if (f.size() != 4) {
                reject("LEG needs: to-name bearing distance");
                continue;
            }
            const auto az = parseBearing(f[2]);
            const auto d = number(f[3]);
            if (!az) {
                reject("bearing is not an angle: '" + f[2] + "'");
                continue;
            }
            if (!d || *d <= 0) {
                reject("distance is not a positive number: '" + f[3] + "'");
                continue;
            }
            if (*d > kMaxLeg) {
                reject("distance " + f[3] + " m is longer than 10 000 km");
                continue;
            }
            t.legs.push_back({f[1], *az, *d, no});
        } else if (kw == "CLOSE") {
            if (!started || t.closes) {
                reject(started ? "a second CLOSE" : "CLOSE before START");
                continue;
            }
            if (f.size() == 2) {
                const auto it = known.find(f[1]);
                if (it == known.end()) {
                    reject("CLOSE names '" + f[1] + "', which is not a known point; give its X Y");
                    continue;
                }
                t.closeNorth = it->second.first;
                t.closeEast = it->second.second;
            } else if (f.size() == 4 && coordinate(f[2]) && coordinate(f[3])) {
                t.closeNorth = *coordinate(f[2]);
                t.closeEast = *coordinate(f[3]);
            } else {
                reject("CLOSE needs: name [X(north) Y(east)], each a number within ±100 000 km");
                continue;
            }
            t.closeName = f[1];
            t.closes = true;
        } else {
            reject("unknown record '" + f[0] + "' (START, LEG or CLOSE)");
        }
    }
    if (!started) {
        r.error = sourceName + ": no START record";
        return r;
    }
    if (t.legs.empty()) {
        r.error = sourceName + ": no LEG records";
        return r;
    }
    r.ok = true;
    return r;
}

TraverseParse readTraverseFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        TraverseParse r;
        r.error = path + ": cannot open (" + f.errorString().toStdString() + ")";
        return r;
    }
    const QByteArray b = f.readAll();
    return parseTraverse(std::string_view(b.constData(), static_cast<size_t>(b.size())), path);
}

TraverseResult adjustTraverse(const Traverse &t)
{
    TraverseResult r;
    r.closes = t.closes;
    SurveyPoint start;
    start.name = t.startName;
    start.north = t.startNorth;
    start.east = t.startEast;
    start.kind = "control";
    r.unadjusted.push_back(start);
    double n = t.startNorth, e = t.startEast;
    for (const TraverseLeg &leg : t.legs) {
        const double a = leg.azimuthDeg * kPi / 180.0;
        n += leg.distance * std::cos(a);
        e += leg.distance * std::sin(a);
        r.totalLength += leg.distance;
        SurveyPoint p;
        p.name = leg.to;
        p.north = n;
        p.east = e;
        p.line = leg.line;
        p.kind = "traverse";
        r.unadjusted.push_back(p);
    }
    r.adjusted = r.unadjusted;
    if (t.closes) {
        r.miscloseNorth = n - t.closeNorth;
        r.miscloseEast = e - t.closeEast;
        r.miscloseDistance = std::hypot(r.miscloseNorth, r.miscloseEast);
        r.ratio = r.miscloseDistance > 0 ? r.totalLength / r.miscloseDistance : 0;
        // Compass rule: each point moves by the misclose times the length
        // travelled so far over the total length.
        double run = 0;
        for (size_t i = 1; i < r.adjusted.size(); ++i) {
            run += t.legs[i - 1].distance;
            r.adjusted[i].north -= r.miscloseNorth * run / r.totalLength;
            r.adjusted[i].east -= r.miscloseEast * run / r.totalLength;
            r.adjusted[i].kind = "adjusted";
        }
        r.adjusted.back().north = t.closeNorth; // exact, not off by rounding
        r.adjusted.back().east = t.closeEast;
        r.adjusted.back().kind = "control";
    }
    for (size_t i = 1; i < r.adjusted.size(); ++i) {
        SurveyLine l;
        l.kind = "traverse";
        l.code = "TRAVERSE";
        l.fromName = r.adjusted[i - 1].name;
        l.toName = r.adjusted[i].name;
        l.eastNorth = {{r.adjusted[i - 1].east, r.adjusted[i - 1].north}, {r.adjusted[i].east, r.adjusted[i].north}};
        r.lines.push_back(std::move(l));
    }
    return r;
}

std::string TraverseResult::toText() const
{
    std::string out;
    char buf[256];
    std::snprintf(buf, sizeof buf, "Traverse length: %.3f m, %zu legs\n", totalLength,
                  unadjusted.empty() ? size_t(0) : unadjusted.size() - 1);
    out += buf;
    if (closes) {
        std::snprintf(buf, sizeof buf,
                      "Misclose (sai số khép): fX = %+.4f m, fY = %+.4f m, f = %.4f m, ratio 1:%.0f\n", miscloseNorth,
                      miscloseEast, miscloseDistance, ratio);
        out += buf;
    } else {
        out += "Open traverse: no closing point, no adjustment\n";
    }
    out += "Point            X (north)      Y (east)   (compass-rule adjusted)\n";
    for (const auto &p : adjusted) {
        std::snprintf(buf, sizeof buf, "%-12s %13.4f %13.4f\n", p.name.c_str(), p.north, p.east);
        out += buf;
    }
    return out;
}

} // namespace vnland::survey
