// vnland crs list | info | recognize | transform — the VN-2000 coordinate engine
// from the command line. Coordinates are read and written X = north first by
// default (Vietnamese usage, --order ne); --order en gives east first.
#include "args.h"
#include "commands.h"

#include "crs/angle_format.h"
#include "crs/crs_catalogue.h"
#include "crs/crs_recognition.h"
#include "crs/transformer.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace vnland::cli {
namespace {

constexpr const char *kUsage =
    "Usage:\n"
    "  vnland crs list                      CRSs of the catalogue and the 63 former provinces\n"
    "  vnland crs info CRS                  definition and the exact operation to WGS84\n"
    "  vnland crs recognize FILE.prj|TEXT [--correct]\n"
    "                                       what an imported CRS definition is (warnings included)\n"
    "  vnland crs transform --from CRS --to CRS [--order ne|en] [--dms] [X Y | --csv FILE | < stdin]\n"
    "CRS: a .prj file, EPSG:5899, 5899, a province (\"Quảng Ninh\", \"quang ninh\"), a GSO code (22), a central\n"
    "meridian (107.75, 107°45', 107-45), wgs84, vn2000, utm48, utm49, or WKT / PROJ text.\n"
    "Order ne (default): X = north (latitude) first, then Y = east (longitude).\n";

std::string fmt(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// lookupCrs, plus a .prj / WKT / PROJ file given by its path (read through crs::recognize).
crs::CrsLookup resolve(const std::string &query)
{
    std::error_code ec;
    if (query.find('\n') == std::string::npos && std::filesystem::is_regular_file(query, ec)) {
        std::ifstream f(query);
        std::stringstream ss;
        ss << f.rdbuf();
        const auto r = crs::recognize(ss.str());
        crs::CrsLookup l;
        l.epsg = r.epsg;
        l.definition = r.definition;
        l.label = r.name + " (" + query + ")";
        l.notes = r.notes;
        if (!r.ok())
            l.error = query + ": not a CRS definition PROJ can read";
        return l;
    }
    return crs::lookupCrs(query);
}

bool isGeographic(const std::string &definition)
{
    crs::PjPtr c = crs::createCrs(definition);
    if (!c)
        return false;
    crs::PjPtr base(proj_get_type(c.get()) == PJ_TYPE_BOUND_CRS ? proj_get_source_crs(crs::ctx(), c.get())
                                                                 : proj_clone(crs::ctx(), c.get()));
    const PJ_TYPE t = proj_get_type(base.get());
    return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

int list()
{
    std::cout << "EPSG   Name                        Central meridian  k        Former provinces\n";
    for (const auto &e : crs::catalogue()) {
        std::string cm = "-", k = "-";
        if (e.kind == crs::CrsKind::Tm3 || e.kind == crs::CrsKind::Utm) {
            cm = crs::formatDms(e.centralMeridian, false, 0);
            cm = cm.substr(0, cm.find('\'') + 1); // 107°45'
            k = fmt(e.scaleFactor, 4);
        }
        std::string names;
        for (const auto &code : e.provinceCodes)
            names += (names.empty() ? "" : ", ") + crs::provinceByCode(code)->nameVi;
        if (e.kind == crs::CrsKind::Tm3 && names.empty())
            names = "(none)";
        char line[160];
        std::snprintf(line, sizeof line, "%-6d %-27s %-17s %-8s ", e.epsg, e.name.c_str(), cm.c_str(), k.c_str());
        std::cout << line << names << "\n";
    }
    std::cout << "\nGSO  Province (pre-2025)          CM        EPSG   2025 province\n";
    for (const auto &p : crs::provinces()) {
        // Pad by characters, not bytes, for the Vietnamese names.
        const QString name = QString::fromStdString(p.nameVi);
        std::cout << p.code << "   " << p.nameVi << std::string(std::max(1, 29 - static_cast<int>(name.size())), ' ')
                  << p.meridianDms << std::string(std::max(1, 10 - static_cast<int>(QString::fromStdString(p.meridianDms).size())), ' ')
                  << p.epsg << "   " << p.province2025 << "\n";
    }
    return 0;
}

int info(const Args &a)
{
    if (a.positional().size() != 2) {
        std::cerr << kUsage;
        return 2;
    }
    const auto r = resolve(a.pos(1));
    if (!r.ok()) {
        std::cerr << "vnland crs info: " << r.error << "\n";
        for (const auto &n : r.notes)
            std::cerr << "  " << n << "\n";
        return 2;
    }
    std::cout << r.label << "\n";
    if (r.epsg)
        std::cout << "EPSG:" << r.epsg << "\n";
    for (const auto &n : r.notes)
        std::cout << "Note: " << n << "\n";
    crs::PjPtr c = crs::createCrs(r.definition);
    const bool vn = c && crs::isVn2000(c.get());
    std::cout << "Datum: " << (vn ? "VN-2000 (EPSG datum 6756)" : "not VN-2000") << "\n";
    if (c) {
        const char *ps = proj_as_proj_string(crs::ctx(), c.get(), PJ_PROJ_4, nullptr);
        if (ps)
            std::cout << "PROJ: " << ps << "\n";
    }
    if (const auto *e = crs::findEntry(r.epsg); e && !e->provinceCodes.empty()) {
        std::cout << "Former provinces on this central meridian:";
        for (const auto &code : e->provinceCodes) {
            const auto *p = crs::provinceByCode(code);
            std::cout << " " << p->nameVi << " (" << p->code << ")";
        }
        std::cout << "\n";
    }
    if (r.epsg == 4326)
        return 0;
    std::string err;
    auto t = crs::Transformer::create(r.definition, "EPSG:4326", &err);
    if (!t) {
        std::cerr << "vnland crs info: " << err << "\n";
        return 2;
    }
    std::cout << "\nOperation to WGS84 (EPSG:4326): " << t->operationName() << "\n";
    if (t->usesPinnedOperation())
        std::cout << "Datum shift: pinned EPSG:6960 (VN-2000 to WGS 84 (2), Decision 05/2007/QĐ-BTNMT,"
                     " coordinate frame), for every point\n"
                     "Heights: a 2D point is taken at h = 0 on the WGS84 ellipsoid in both directions\n";
    else if (t->crossesDatum())
        std::cout << "Datum shift: as declared in the definition (not EPSG:6960)\n";
    else
        std::cout << "Datum shift: none\n";
    std::cout << "Pipeline (x = east/longitude, y = north/latitude):\n" << t->pipeline() << "\n";
    return 0;
}

int recognizeCmd(const Args &a)
{
    if (a.positional().size() != 2) {
        std::cerr << kUsage;
        return 2;
    }
    std::string text = a.pos(1);
    if (std::ifstream f(text); f) {
        std::stringstream ss;
        ss << f.rdbuf();
        text = ss.str();
    }
    const auto r = crs::recognize(text, {a.has("correct")});
    std::cout << "Name: " << r.name << "\n"
              << "EPSG: " << (r.epsg ? "EPSG:" + std::to_string(r.epsg) : std::string("none")) << "\n"
              << "VN-2000: " << (r.vn2000 ? "yes" : "no") << "\n";
    if (r.suggestedEpsg)
        std::cout << "Suggested: EPSG:" << r.suggestedEpsg << " (run with --correct to use it)\n";
    for (const auto &n : r.notes)
        std::cout << "Note: " << n << "\n";
    if (!r.ok())
        return 2;
    return r.wrongSignTowgs84 && !r.corrected ? 1 : 0;
}

struct Line {
    std::vector<std::string> fields;
    char sep = ' ';
};

Line splitLine(const std::string &s)
{
    Line l;
    for (char c : {',', ';', '\t'})
        if (s.find(c) != std::string::npos) {
            l.sep = c;
            break;
        }
    std::string cur;
    auto push = [&] {
        // trim
        const auto b = cur.find_first_not_of(" \r");
        const auto e = cur.find_last_not_of(" \r");
        l.fields.push_back(b == std::string::npos ? std::string() : cur.substr(b, e - b + 1));
        cur.clear();
    };
    if (l.sep == ' ') {
        std::istringstream in(s);
        std::string w;
        while (in >> w)
            l.fields.push_back(w);
        return l;
    }
    for (char c : s) {
        if (c == l.sep)
            push();
        else
            cur += c;
    }
    push();
    return l;
}

class CoordinateWriter {
public:
    CoordinateWriter(const crs::Transformer &t, bool srcGeo, bool dstGeo, bool northFirst, bool dms)
        : m_t(t), m_srcGeo(srcGeo), m_dstGeo(dstGeo), m_northFirst(northFirst), m_dms(dms)
    {
    }

    std::optional<double> value(const std::string &s) const
    {
        if (m_srcGeo)
            return crs::parseAngle(s);
        try {
            size_t used = 0;
            const double v = std::stod(s, &used);
            return used == s.size() ? std::optional<double>(v) : std::nullopt;
        } catch (const std::exception &) {
            return std::nullopt;
        }
    }

    /// Transforms fields[i], fields[i+1]; returns the output line or an error.
    bool convert(const Line &l, size_t i, std::string *out, std::string *why) const
    {
        const auto a = value(l.fields[i]), b = value(l.fields[i + 1]);
        if (!a || !b) {
            *why = "cannot read coordinates '" + l.fields[i] + "' '" + l.fields[i + 1] + "'";
            return false;
        }
        double x = m_northFirst ? *b : *a, y = m_northFirst ? *a : *b; // x = east/lon
        if (!m_t.transform(x, y)) {
            *why = "transformation failed (outside the area of use?)";
            return false;
        }
        auto text = [&](double v, bool lat) {
            if (!m_dstGeo)
                return fmt(v, 3);
            return m_dms ? crs::formatDms(v, lat, 5) : fmt(v, 9);
        };
        const std::string first = m_northFirst ? text(y, true) : text(x, false);
        const std::string second = m_northFirst ? text(x, false) : text(y, true);
        const std::string sep = l.sep == ' ' ? " " : std::string(1, l.sep);
        std::string o;
        for (size_t k = 0; k < i; ++k)
            o += l.fields[k] + sep;
        o += first + sep + second;
        for (size_t k = i + 2; k < l.fields.size(); ++k)
            o += sep + l.fields[k];
        *out = o;
        return true;
    }

private:
    const crs::Transformer &m_t;
    bool m_srcGeo, m_dstGeo, m_northFirst, m_dms;
};

int transform(const Args &a)
{
    const auto from = a.value("from"), to = a.value("to");
    const std::string order = a.value("order", "ne");
    if (!from || !to || (order != "ne" && order != "en")) {
        std::cerr << "vnland crs transform: --from and --to are required; --order is ne or en\n" << kUsage;
        return 2;
    }
    const auto src = resolve(*from), dst = resolve(*to);
    for (const auto *r : {&src, &dst})
        if (!r->ok()) {
            std::cerr << "vnland crs transform: " << r->error << "\n";
            return 2;
        }
    std::string err;
    const crs::Transformer *t = crs::Transformer::cached(src.definition, dst.definition, &err);
    if (!t) {
        std::cerr << "vnland crs transform: " << err << "\n";
        return 2;
    }
    for (const auto *r : {&src, &dst})
        for (const auto &n : r->notes)
            std::cerr << "vnland crs transform: note: " << n << "\n";
    std::cerr << "vnland crs transform: " << src.label << " -> " << dst.label << ": "
              << (t->usesPinnedOperation() ? "pinned EPSG:6960 datum shift"
                                           : t->crossesDatum() ? "datum shift as declared" : "no datum shift")
              << " (`vnland crs info` shows the pipeline)\n";
    const CoordinateWriter w(*t, isGeographic(src.definition), isGeographic(dst.definition), order == "ne",
                             a.has("dms"));

    const auto &pos = a.positional();
    if (pos.size() == 3) {
        std::string out, why;
        if (!w.convert(Line{{pos[1], pos[2]}, ' '}, 0, &out, &why)) {
            std::cerr << "vnland crs transform: " << why << "\n";
            return 2;
        }
        std::cout << out << "\n";
        return 0;
    }
    if (pos.size() != 1) {
        std::cerr << "vnland crs transform: give X Y, --csv FILE, or lines on stdin\n";
        return 2;
    }
    std::ifstream file;
    std::string name = "stdin";
    if (auto csv = a.value("csv")) {
        file.open(*csv);
        name = *csv;
        if (!file) {
            std::cerr << "vnland crs transform: cannot open " << *csv << "\n";
            return 2;
        }
    }
    std::istream &in = file.is_open() ? static_cast<std::istream &>(file) : std::cin;
    std::string text;
    int lineNo = 0, bad = 0;
    while (std::getline(in, text)) {
        ++lineNo;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (text.find_first_not_of(" \t") == std::string::npos || text[0] == '#') {
            std::cout << text << "\n";
            continue;
        }
        const Line l = splitLine(text);
        if (l.fields.size() < 2) {
            std::cerr << name << ":" << lineNo << ": needs two coordinates\n";
            ++bad;
            continue;
        }
        // An id column first when the first field is not a coordinate.
        const size_t i = (l.fields.size() >= 3 && !w.value(l.fields[0])) ? 1 : 0;
        std::string out, why;
        if (w.convert(l, i, &out, &why)) {
            std::cout << out << "\n";
        } else if (lineNo == 1) {
            std::cout << text << "\n"; // header row
        } else {
            std::cerr << name << ":" << lineNo << ": " << why << "\n";
            ++bad;
        }
    }
    return bad ? 2 : 0;
}

} // namespace

int cmdCrs(const Argv &argv)
{
    Args a(argv, {"from", "to", "order", "csv"}, {"dms", "help", "correct"});
    if (!a.ok()) {
        std::cerr << "vnland crs: " << a.error() << "\n" << kUsage;
        return 2;
    }
    const std::string sub = a.pos(0);
    if (a.has("help") || sub.empty()) {
        std::cout << kUsage;
        return sub.empty() && !a.has("help") ? 2 : 0;
    }
    if (sub == "list")
        return list();
    if (sub == "info")
        return info(a);
    if (sub == "recognize")
        return recognizeCmd(a);
    if (sub == "transform")
        return transform(a);
    std::cerr << "vnland crs: unknown sub-command '" << sub << "'\n" << kUsage;
    return 2;
}

} // namespace vnland::cli
