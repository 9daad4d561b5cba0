// GCP sets and their file formats.
#include "georef/gcp_set.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace vnland::georef {

namespace {

void setError(std::string *error, const std::string &msg)
{
    if (error)
        *error = msg;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string &line, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        if (c == sep) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(trim(cur));
    if (sep == '\t') { // old files may use runs of tabs
        std::vector<std::string> kept;
        for (auto &s : out)
            if (!s.empty())
                kept.push_back(s);
        return kept;
    }
    return out;
}

bool toDouble(const std::string &s, double &v)
{
    if (s.empty())
        return false;
    const char *b = s.data(), *e = s.data() + s.size();
    if (*b == '+')
        ++b;
    auto r = std::from_chars(b, e, v);
    return r.ec == std::errc() && r.ptr == e && std::isfinite(v);
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<std::string> readText(const std::string &path, std::string *error)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        setError(error, path + ": cannot open the file");
        return std::nullopt;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

bool writeText(const std::string &path, const std::string &text, std::string *error)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) {
        setError(error, path + ": cannot write the file");
        return false;
    }
    f << text;
    f.close();
    if (!f) {
        setError(error, path + ": writing failed");
        return false;
    }
    return true;
}

} // namespace

std::string formatDouble(double v)
{
    if (v == 0)
        return "0";
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (std::strtod(buf, nullptr) == v)
            break;
    }
    std::string s = buf;
    // QGIS never writes exponents for coordinates; fall back to fixed notation.
    if (s.find('e') != std::string::npos) {
        std::snprintf(buf, sizeof buf, "%.17f", v);
        s = buf;
        while (!s.empty() && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
    }
    return s;
}

size_t GcpSet::add(const Gcp &gcp)
{
    m_points.push_back(gcp);
    return m_points.size() - 1;
}

void GcpSet::movePixel(size_t i, double pixelX, double pixelY)
{
    m_points.at(i).pixelX = pixelX;
    m_points.at(i).pixelY = pixelY;
}

void GcpSet::moveMap(size_t i, double mapX, double mapY)
{
    m_points.at(i).mapX = mapX;
    m_points.at(i).mapY = mapY;
}

void GcpSet::setEnabled(size_t i, bool enabled) { m_points.at(i).enabled = enabled; }

void GcpSet::remove(size_t i) { m_points.erase(m_points.begin() + static_cast<std::ptrdiff_t>(i)); }

size_t GcpSet::enabledCount() const
{
    size_t n = 0;
    for (const auto &p : m_points)
        n += p.enabled;
    return n;
}

void GcpSet::enabledPoints(std::vector<PointD> &pixel, std::vector<PointD> &map) const
{
    pixel.clear();
    map.clear();
    for (const auto &p : m_points)
        if (p.enabled) {
            pixel.push_back({p.pixelX, p.pixelY});
            map.push_back({p.mapX, p.mapY});
        }
}

std::optional<GcpSet> GcpSet::readPoints(const std::string &path, std::string *error)
{
    const auto text = readText(path, error);
    if (!text)
        return std::nullopt;
    return parsePoints(*text, path, error);
}

std::optional<GcpSet> GcpSet::parsePoints(const std::string &text, const std::string &fileName, std::string *error)
{
    GcpSet set;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    // Column positions; defaults are the QGIS order for header-less files.
    int cMapX = 0, cMapY = 1, cSrcX = 2, cSrcY = 3, cEnable = 4;
    bool headerSeen = false;
    char sep = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        const std::string line = trim(raw);
        if (line.empty())
            continue;
        if (line.rfind("#CRS:", 0) == 0) {
            set.m_crsWkt = trim(line.substr(5));
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!sep)
            sep = line.find(',') != std::string::npos ? ',' : '\t';
        const auto cells = split(line, sep);
        double probe = 0;
        if (!headerSeen && !toDouble(cells[0], probe)) {
            headerSeen = true;
            cMapX = cMapY = cSrcX = cSrcY = cEnable = -1;
            for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
                const std::string h = lower(cells[i]);
                if (h == "mapx")
                    cMapX = i;
                else if (h == "mapy")
                    cMapY = i;
                else if (h == "sourcex" || h == "pixelx")
                    cSrcX = i;
                else if (h == "sourcey" || h == "pixely")
                    cSrcY = i;
                else if (h == "enable" || h == "enabled")
                    cEnable = i;
            }
            if (cMapX < 0 || cMapY < 0 || cSrcX < 0 || cSrcY < 0) {
                setError(error, fileName + ":" + std::to_string(lineNo)
                                    + ": not a QGIS GCP header (expected mapX,mapY,sourceX,sourceY or mapX,mapY,pixelX,pixelY)");
                return std::nullopt;
            }
            continue;
        }
        headerSeen = true;
        const int need = std::max({cMapX, cMapY, cSrcX, cSrcY}) + 1;
        if (static_cast<int>(cells.size()) < need) {
            setError(error, fileName + ":" + std::to_string(lineNo) + ": expected at least " + std::to_string(need)
                                + " columns, found " + std::to_string(cells.size()));
            return std::nullopt;
        }
        Gcp g;
        double sy = 0;
        if (!toDouble(cells[cMapX], g.mapX) || !toDouble(cells[cMapY], g.mapY) || !toDouble(cells[cSrcX], g.pixelX)
            || !toDouble(cells[cSrcY], sy)) {
            setError(error, fileName + ":" + std::to_string(lineNo) + ": a coordinate is not a number");
            return std::nullopt;
        }
        // sourceY of an unreferenced raster is the negative row; QGIS 2 era
        // files sometimes hold the positive row, so take the magnitude.
        g.pixelY = std::abs(sy);
        if (cEnable >= 0 && cEnable < static_cast<int>(cells.size()) && !cells[cEnable].empty()) {
            double en = 1;
            if (!toDouble(cells[cEnable], en)) {
                const std::string v = lower(cells[cEnable]);
                if (v != "true" && v != "false") {
                    setError(error, fileName + ":" + std::to_string(lineNo) + ": enable must be 0 or 1");
                    return std::nullopt;
                }
                en = v == "true";
            }
            g.enabled = en != 0;
        }
        g.id = std::to_string(set.m_points.size() + 1);
        set.m_points.push_back(g);
    }
    return set;
}

std::string GcpSet::toPointsText(const std::vector<PointsResidual> &residuals) const
{
    std::string out;
    if (!m_crsWkt.empty())
        out += "#CRS: " + m_crsWkt + "\n";
    out += "mapX,mapY,sourceX,sourceY,enable,dX,dY,residual\n";
    for (size_t i = 0; i < m_points.size(); ++i) {
        const Gcp &g = m_points[i];
        const PointsResidual r = i < residuals.size() ? residuals[i] : PointsResidual{};
        out += formatDouble(g.mapX) + "," + formatDouble(g.mapY) + "," + formatDouble(g.pixelX) + ","
               + formatDouble(g.pixelY == 0 ? 0 : -g.pixelY) + "," + (g.enabled ? "1" : "0") + "," + formatDouble(r.dX) + ","
               + formatDouble(r.dY) + "," + formatDouble(r.total) + "\n";
    }
    return out;
}

bool GcpSet::writePoints(const std::string &path, const std::vector<PointsResidual> &residuals, std::string *error) const
{
    return writeText(path, toPointsText(residuals), error);
}

std::optional<GcpSet> GcpSet::readCsv(const std::string &path, std::string *error)
{
    const auto text = readText(path, error);
    if (!text)
        return std::nullopt;
    GcpSet set;
    std::istringstream in(*text);
    std::string raw;
    int lineNo = 0;
    int cId = -1, cMapX = -1, cMapY = -1, cPx = -1, cPy = -1, cEn = -1, cConf = -1;
    bool header = false;
    while (std::getline(in, raw)) {
        ++lineNo;
        const std::string line = trim(raw);
        if (line.empty() || line[0] == '#')
            continue;
        const auto cells = split(line, line.find(';') != std::string::npos && line.find(',') == std::string::npos ? ';' : ',');
        if (!header) {
            header = true;
            for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
                const std::string h = lower(cells[i]);
                if (h == "id")
                    cId = i;
                else if (h == "map_x")
                    cMapX = i;
                else if (h == "map_y")
                    cMapY = i;
                else if (h == "pixel_x")
                    cPx = i;
                else if (h == "pixel_y")
                    cPy = i;
                else if (h == "enabled")
                    cEn = i;
                else if (h == "confidence")
                    cConf = i;
            }
            if (cMapX < 0 || cMapY < 0 || cPx < 0 || cPy < 0) {
                setError(error, path + ":" + std::to_string(lineNo)
                                    + ": expected a header with map_x,map_y,pixel_x,pixel_y (optional id, enabled, confidence)");
                return std::nullopt;
            }
            continue;
        }
        Gcp g;
        auto cell = [&](int c) { return c >= 0 && c < static_cast<int>(cells.size()) ? cells[c] : std::string(); };
        if (!toDouble(cell(cMapX), g.mapX) || !toDouble(cell(cMapY), g.mapY) || !toDouble(cell(cPx), g.pixelX)
            || !toDouble(cell(cPy), g.pixelY)) {
            setError(error, path + ":" + std::to_string(lineNo) + ": a coordinate is missing or not a number");
            return std::nullopt;
        }
        g.id = cId >= 0 ? cell(cId) : std::to_string(set.m_points.size() + 1);
        if (cEn >= 0 && !cell(cEn).empty())
            g.enabled = cell(cEn) != "0" && lower(cell(cEn)) != "false";
        double conf = -1;
        if (cConf >= 0 && toDouble(cell(cConf), conf))
            g.confidence = conf;
        set.m_points.push_back(g);
    }
    return set;
}

bool GcpSet::writeCsv(const std::string &path, std::string *error) const
{
    std::string out = "id,map_x,map_y,pixel_x,pixel_y,enabled,confidence\n";
    for (const Gcp &g : m_points) {
        std::string id = g.id;
        for (char &c : id)
            if (c == ',' || c == '\n')
                c = ' ';
        out += id + "," + formatDouble(g.mapX) + "," + formatDouble(g.mapY) + "," + formatDouble(g.pixelX) + ","
               + formatDouble(g.pixelY) + "," + (g.enabled ? "1" : "0") + ","
               + (g.confidence < 0 ? std::string() : formatDouble(g.confidence)) + "\n";
    }
    return writeText(path, out, error);
}

std::optional<GcpSet> GcpSet::readAny(const std::string &path, std::string *error)
{
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? std::string() : lower(path.substr(dot));
    return ext == ".points" ? readPoints(path, error) : readCsv(path, error);
}

} // namespace vnland::georef
