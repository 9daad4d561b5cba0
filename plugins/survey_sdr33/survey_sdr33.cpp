#include "survey_sdr33.h"

#include "survey/polar.h"
#include "survey/survey_store.h"

#include <QFile>
#include <QFileInfo>

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>

namespace vnland::plugins {
namespace {

std::string field(const std::string &line, size_t start, size_t len)
{
    if (start >= line.size())
        return {};
    std::string s = line.substr(start, len);
    const size_t a = s.find_first_not_of(' ');
    if (a == std::string::npos)
        return {};
    const size_t b = s.find_last_not_of(' ');
    return s.substr(a, b - a + 1);
}

std::optional<double> number(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    double v = 0;
    const char *b = s.data() + (s[0] == '+');
    const auto r = std::from_chars(b, s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

bool SurveySdr33Reader::canRead(const QString &path) const
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("sdr"))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(12);
    return head.startsWith("00NM") && head.contains("SDR");
}

bool SurveySdr33Reader::read(const QString &path, const plugin::SurveyReadOptions &options, survey::SurveyData &out,
                             QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open (") + f.errorString() + QLatin1Char(')');
        return false;
    }
    const std::string name = path.toStdString();
    size_t P = 4, V = 10;      // point-name and value widths (SDR2x until told otherwise)
    char angleUnit = '1', distUnit = '1', order = '1';
    bool header = false;
    double targetHeight = 0;
    std::map<std::string, std::pair<double, double>> known;
    std::map<std::string, survey::Station> stations;
    std::map<std::string, size_t> observed;   // station|target → index in out.points
    std::map<std::string, int> observedCount;
    int64_t lineNo = 0;
    auto angle = [&](const std::string &s) -> std::optional<double> {
        auto v = number(s);
        if (v && angleUnit == '2')
            v = survey::gonToDeg(*v);
        return v;
    };
    auto distance = [&](const std::string &s) -> std::optional<double> {
        auto v = number(s);
        if (v && distUnit == '2')
            v = *v * 0.3048;
        return v;
    };
    auto coords = [&](const std::string &line, size_t start, double &n, double &e, std::optional<double> &h) {
        const auto a = distance(field(line, start, V)), b = distance(field(line, start + V, V));
        h = distance(field(line, start + 2 * V, V));
        if (!a || !b)
            return false;
        const bool northFirst = options.axisOrder ? options.axisOrder == 1 : order != '2';
        n = northFirst ? *a : *b;
        e = northFirst ? *b : *a;
        return true;
    };
    while (!f.atEnd()) {
        std::string line = f.readLine().toStdString();
        ++lineNo;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        if (line.size() < 4)
            continue;
        auto reject = [&](const std::string &why) { out.rejected.push_back({lineNo, line, why}); };
        const std::string type = line.substr(0, 2), deriv = line.substr(2, 2);
        if (type == "00") {
            header = true;
            if (line.find("SDR33") != std::string::npos) {
                P = 16;
                V = 16;
            }
            if (line.size() > 44) {
                angleUnit = line[40];
                distUnit = line[41];
                order = line[44];
            }
            if (angleUnit != '1' && angleUnit != '2') {
                *error = QString::fromStdString(name + ": line " + std::to_string(lineNo)
                                                + ": angle unit is not degrees or gon (quadrant bearings and mils are not read)");
                return false;
            }
        } else if (type == "10") {
            if (line.size() > 20 && line[20] == '1') {
                P = 16;
                V = 16;
            }
        } else if (type == "02" || type == "08") {
            const std::string pn = field(line, 4, P);
            double n = 0, e = 0;
            std::optional<double> h;
            if (pn.empty() || !coords(line, 4 + P, n, e, h)) {
                reject(std::string(type == "02" ? "station" : "coordinate") + " record without a name or coordinates");
                continue;
            }
            survey::SurveyPoint p;
            p.name = pn;
            p.north = n;
            p.east = e;
            p.height = h;
            p.line = lineNo;
            if (type == "02") {
                survey::Station st;
                st.north = n;
                st.east = e;
                st.height = h;
                st.instrumentHeight = distance(field(line, 4 + P + 3 * V, V)).value_or(0.0);
                stations[pn] = st;
                p.kind = "station";
                p.code = field(line, 4 + P + 4 * V, 16);
            } else {
                p.kind = deriv == "TP" ? "measured" : "control";
                p.code = field(line, 4 + P + 3 * V, 16);
            }
            known[pn] = {n, e};
            out.points.push_back(p);
        } else if (type == "03") {
            const auto t = distance(field(line, 4, V));
            if (!t) {
                reject("target height is not a number");
                continue;
            }
            targetHeight = *t;
        } else if (type == "07") {
            const std::string st = field(line, 4, P), bs = field(line, 4 + P, P);
            auto it = stations.find(st);
            const auto hz = angle(field(line, 4 + 2 * P + V, V));
            if (it == stations.end()) {
                reject("backsight record for station '" + st + "', which has no station record");
                continue;
            }
            if (!hz) {
                reject("backsight Hz reading is not a number");
                continue;
            }
            if (const auto az = angle(field(line, 4 + 2 * P, V))) {
                it->second.orientationDeg = std::fmod(*az - *hz + 720.0, 360.0);
                it->second.oriented = true;
            } else if (const auto k = known.find(bs); k != known.end()) {
                survey::orientOn(it->second, k->second.first, k->second.second, *hz);
            } else {
                reject("backsight '" + bs + "' has neither an azimuth nor known coordinates");
            }
        } else if (type == "09") {
            if (deriv != "F1" && deriv != "F2" && deriv != "MC")
                continue; // other derivations repeat data already read
            const std::string st = field(line, 4, P), target = field(line, 4 + P, P);
            auto it = stations.find(st);
            if (it == stations.end() && out.assumedStation) {
                // --station: the set-up the file does not record.
                survey::Station s = *out.assumedStation;
                s.oriented = true;
                s.orientationDeg = 0;
                it = stations.emplace(st, s).first;
                out.warnings.push_back(name + ": line " + std::to_string(lineNo) + ": station '" + st
                                       + "' has no station record; its observations are reduced from --station,"
                                         " Hz readings taken as azimuths");
            }
            if (it == stations.end()) {
                reject("observation from station '" + st
                       + "', which has no station record (give it with --station E,N,Z[,HI])");
                continue;
            }
            const auto sd = distance(field(line, 4 + 2 * P, V));
            auto zen = angle(field(line, 4 + 2 * P + V, V));
            auto hz = angle(field(line, 4 + 2 * P + 2 * V, V));
            if (!hz || !zen) {
                reject(std::string(!hz ? "horizontal angle" : "zenith angle") + " is not a number");
                continue;
            }
            if (!sd)
                continue; // angle-only observation (backsight or resection): no point
            if (deriv == "F2") {
                hz = std::fmod(*hz + 180.0, 360.0);
                zen = 360.0 - *zen;
            }
            survey::Station &s = it->second;
            if (!s.oriented) {
                s.oriented = true;
                out.warnings.push_back(name + ": line " + std::to_string(lineNo) + ": station " + st
                                       + " has no backsight record; Hz readings taken as azimuths");
            }
            const auto r = survey::reducePolar(s, *hz, *zen, *sd, targetHeight);
            const std::string key = st + "|" + target;
            if (const auto o = observed.find(key); o != observed.end()) {
                // Second face (or repeated reading): mean of the readings.
                survey::SurveyPoint &p = out.points[o->second];
                const int n = ++observedCount[key];
                p.north += (r.north - p.north) / n;
                p.east += (r.east - p.east) / n;
                if (p.height && r.height)
                    *p.height += (*r.height - *p.height) / n;
                continue;
            }
            if (known.count(target))
                continue; // observation to a known point (backsight check): not a new point
            survey::SurveyPoint p;
            p.name = target;
            p.code = field(line, 4 + 2 * P + 3 * V, 16);
            p.north = r.north;
            p.east = r.east;
            p.height = r.height;
            p.line = lineNo;
            out.points.push_back(p);
            observed[key] = out.points.size() - 1;
            observedCount[key] = 1;
        }
    }
    if (!header && out.points.empty()) {
        *error = path + QStringLiteral(": not an SDR file (no 00 header record)");
        return false;
    }
    out.layout = std::string(P == 16 ? "SDR33" : "SDR2x") + ", angles " + (angleUnit == '2' ? "gon" : "degrees")
               + ", " + (distUnit == '2' ? "feet" : "metres") + ", order "
               + (options.axisOrder ? (options.axisOrder == 1 ? "N-E (--order ne)" : "E-N (--order en)")
                                    : (order == '2' ? "E-N (header)" : "N-E (header)"));
    return true;
}

} // namespace vnland::plugins
