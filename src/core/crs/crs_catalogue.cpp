// CRS catalogue: provinces.csv, EPSG codes, and resolving user input to a CRS.
#include "crs/crs_catalogue.h"

#include "crs/transformer.h"

#include <QFile>
#include <QString>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>

namespace vnland::crs {
namespace {

std::vector<std::string> splitCsvLine(const std::string &line)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r')
            cur += c;
    }
    out.push_back(cur);
    return out;
}

std::vector<Province> loadProvinces()
{
    std::vector<Province> out;
    QFile f(QStringLiteral(":/schemas/provinces.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    bool header = true;
    while (!f.atEnd()) {
        const std::string line = f.readLine().trimmed().toStdString();
        if (header || line.empty()) {
            header = false;
            continue;
        }
        const auto c = splitCsvLine(line);
        if (c.size() < 7)
            continue;
        Province p;
        p.code = c[0];
        p.nameVi = c[1];
        p.nameAscii = c[2];
        p.centralMeridian = std::atof(c[3].c_str());
        p.meridianDms = c[4];
        p.epsg = std::atoi(c[5].c_str());
        p.province2025 = c[6];
        out.push_back(std::move(p));
    }
    return out;
}

struct Tm3Code {
    double cm;
    int epsg;
};
// EPSG codes of VN-2000 / TM-3 by central meridian (proj.db 9.1.1).
constexpr Tm3Code kTm3[] = {{102.00, 5896}, {103.00, 9205}, {104.00, 9206}, {104.50, 9207}, {104.75, 9208},
                            {105.00, 5897}, {105.50, 9209}, {105.75, 9210}, {106.00, 9211}, {106.25, 9212},
                            {106.50, 9213}, {107.00, 9214}, {107.25, 9215}, {107.50, 9216}, {107.75, 5899},
                            {108.00, 5898}, {108.25, 9217}, {108.50, 9218}};

std::string tm3Name(int epsg, double cm)
{
    // The EPSG names: most are "TM-3 107-45"; the oldest three are zone numbers.
    switch (epsg) {
    case 5896: return "VN-2000 / TM-3 zone 481";
    case 5897: return "VN-2000 / TM-3 zone 482";
    case 5898: return "VN-2000 / TM-3 zone 491";
    default: break;
    }
    const int deg = static_cast<int>(cm);
    const int min = static_cast<int>(std::lround((cm - deg) * 60));
    char buf[48];
    std::snprintf(buf, sizeof buf, "VN-2000 / TM-3 %d-%02d", deg, min);
    return buf;
}

std::vector<CatalogueEntry> buildCatalogue()
{
    std::vector<CatalogueEntry> out;
    for (const Tm3Code &t : kTm3) {
        CatalogueEntry e;
        e.epsg = t.epsg;
        e.name = tm3Name(t.epsg, t.cm);
        e.kind = CrsKind::Tm3;
        e.centralMeridian = t.cm;
        e.scaleFactor = 0.9999;
        for (const Province &p : provinces())
            if (p.epsg == t.epsg)
                e.provinceCodes.push_back(p.code);
        out.push_back(std::move(e));
    }
    out.push_back({3405, "VN-2000 / UTM zone 48N", CrsKind::Utm, 105.0, 0.9996, {}});
    out.push_back({3406, "VN-2000 / UTM zone 49N", CrsKind::Utm, 111.0, 0.9996, {}});
    out.push_back({4756, "VN-2000", CrsKind::Geographic, 0, 0, {}});
    out.push_back({4326, "WGS 84", CrsKind::Wgs84, 0, 0, {}});
    return out;
}

std::string collapse(const std::string &s)
{
    std::string out;
    for (char c : s) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string stripPrefixes(std::string s)
{
    for (const char *p : {"thanh pho ", "tinh ", "tp ", "t p "})
        if (s.rfind(p, 0) == 0)
            return s.substr(std::string(p).size());
    return s;
}

std::optional<double> parseMeridian(const std::string &raw)
{
    static const std::regex re(
        R"(^\s*(?:(?:TM-?3|tm-?3|CM|cm|KTT|ktt)\s*)?(1[01]\d)(?:(\.\d+)|(?:\s*(?:°|d|-|:|\s)\s*(\d{1,2})\s*(?:'|′)?))?\s*(?:°)?\s*$)");
    std::smatch m;
    if (!std::regex_match(raw, m, re))
        return std::nullopt;
    double v = std::atof(m[1].str().c_str());
    if (m[2].matched)
        v += std::atof(m[2].str().c_str());
    if (m[3].matched)
        v += std::atof(m[3].str().c_str()) / 60.0;
    return v;
}

CrsLookup fromEpsg(int epsg)
{
    CrsLookup r;
    if (int now = replacementForDeprecated(epsg)) {
        r.notes.push_back("EPSG:" + std::to_string(epsg) + " is deprecated (false easting and northing swapped);"
                          " using EPSG:" + std::to_string(now));
        epsg = now;
    }
    std::string err;
    PjPtr crs = createCrs("EPSG:" + std::to_string(epsg), &err);
    if (!crs) {
        r.error = "unknown EPSG code " + std::to_string(epsg);
        return r;
    }
    r.epsg = epsg;
    r.definition = "EPSG:" + std::to_string(epsg);
    const char *name = proj_get_name(crs.get());
    r.label = name ? name : r.definition;
    if (const CatalogueEntry *e = findEntry(epsg); e && !e->provinceCodes.empty()) {
        std::string names;
        for (const std::string &code : e->provinceCodes)
            if (const Province *p = provinceByCode(code))
                names += (names.empty() ? "" : ", ") + p->nameVi;
        r.label += " (" + names + ")";
    }
    return r;
}

CrsLookup fromProvinces(const std::vector<const Province *> &hits, const std::string &query)
{
    CrsLookup r;
    if (hits.empty())
        return r;
    bool same = true;
    for (const Province *p : hits)
        same = same && p->epsg == hits.front()->epsg;
    if (!same) {
        r.error = "'" + query + "' covers former provinces with different central meridians; name one of them";
        for (const Province *p : hits)
            r.notes.push_back(p->nameVi + " (" + p->code + "): " + p->meridianDms + " EPSG:" + std::to_string(p->epsg));
        return r;
    }
    r = fromEpsg(hits.front()->epsg);
    return r;
}

} // namespace

const std::vector<Province> &provinces()
{
    static const std::vector<Province> list = loadProvinces();
    return list;
}

const std::vector<CatalogueEntry> &catalogue()
{
    static const std::vector<CatalogueEntry> list = buildCatalogue();
    return list;
}

const CatalogueEntry *findEntry(int epsg)
{
    for (const CatalogueEntry &e : catalogue())
        if (e.epsg == epsg)
            return &e;
    return nullptr;
}

const Province *provinceByCode(const std::string &gsoCode)
{
    std::string code = gsoCode;
    if (code.size() == 1)
        code = "0" + code;
    for (const Province &p : provinces())
        if (p.code == code)
            return &p;
    return nullptr;
}

int tm3EpsgForMeridian(double centralMeridian)
{
    for (const Tm3Code &t : kTm3)
        if (std::fabs(t.cm - centralMeridian) < 1e-6)
            return t.epsg;
    return 0;
}

int replacementForDeprecated(int epsg)
{
    return epsg >= 6956 && epsg <= 6959 ? epsg - 6956 + 5896 : 0;
}

std::string foldVietnamese(const std::string &text)
{
    const QString decomposed = QString::fromUtf8(text.c_str()).normalized(QString::NormalizationForm_D);
    QString ascii;
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0111) || c == QChar(0x0110))
            c = QLatin1Char('d');
        ascii += c.toLower();
    }
    return collapse(ascii.toStdString());
}

CrsLookup lookupCrs(const std::string &query)
{
    CrsLookup r;
    const std::string folded = foldVietnamese(query);
    if (folded.empty()) {
        r.error = "empty CRS";
        return r;
    }
    static const std::regex epsgRe(R"(^\s*(?:EPSG|epsg)\s*:{1,2}\s*(\d+)\s*$)");
    static const std::regex digitsRe(R"(^\s*(\d+)\s*$)");
    std::smatch m;
    if (std::regex_match(query, m, epsgRe))
        return fromEpsg(std::atoi(m[1].str().c_str()));
    if (std::regex_match(query, m, digitsRe)) {
        const std::string d = m[1].str();
        if (d.size() <= 2) {
            if (const Province *p = provinceByCode(d))
                return fromProvinces({p}, query);
            r.error = "no province with GSO code " + d;
            return r;
        }
        if (d.size() >= 4)
            return fromEpsg(std::atoi(d.c_str()));
    }
    if (auto cm = parseMeridian(query)) {
        if (int epsg = tm3EpsgForMeridian(*cm))
            return fromEpsg(epsg);
        r.error = "no VN-2000 TM-3 EPSG code for central meridian " + query;
        return r;
    }
    static const std::map<std::string, int> aliases = {
        {"wgs84", 4326}, {"wgs 84", 4326}, {"wgs 1984", 4326}, {"vn2000", 4756}, {"vn 2000", 4756},
        {"vn 2000 geographic", 4756}, {"utm48", 3405}, {"utm 48", 3405}, {"utm48n", 3405}, {"utm 48n", 3405},
        {"vn 2000 utm 48n", 3405}, {"utm49", 3406}, {"utm 49", 3406}, {"utm49n", 3406}, {"utm 49n", 3406},
        {"vn 2000 utm 49n", 3406}};
    if (auto it = aliases.find(folded); it != aliases.end())
        return fromEpsg(it->second);

    // Province names: former names first, then common short forms, then 2025 names.
    static const std::map<std::string, std::string> nameAliases = {
        {"hcm", "79"}, {"tphcm", "79"}, {"sai gon", "79"}, {"saigon", "79"}, {"hue", "46"},
        {"brvt", "77"}, {"ba ria vung tau", "77"}, {"ha noi", "01"}, {"hanoi", "01"}};
    const std::string name = stripPrefixes(folded);
    std::vector<const Province *> hits;
    for (const Province &p : provinces())
        if (foldVietnamese(p.nameVi) == name)
            hits.push_back(&p);
    if (hits.empty())
        if (auto it = nameAliases.find(name); it != nameAliases.end())
            hits.push_back(provinceByCode(it->second));
    if (hits.empty()) {
        for (const Province &p : provinces())
            if (foldVietnamese(p.province2025) == name)
                hits.push_back(&p);
        if (!hits.empty()) {
            CrsLookup byNew = fromProvinces(hits, query);
            byNew.notes.insert(byNew.notes.begin(), "'" + query + "' is a 2025 province; the central meridian"
                                                    " belongs to the former province of the data");
            return byNew;
        }
    }
    if (!hits.empty())
        return fromProvinces(hits, query);

    // Anything else: WKT, PROJ string, "EPSG:…" variants PROJ accepts.
    std::string err;
    PjPtr crs = createCrs(query, &err);
    if (!crs) {
        r.error = "unknown CRS '" + query + "': not an EPSG code, province, GSO code, central meridian, WKT or PROJ string";
        return r;
    }
    r.definition = query;
    r.epsg = identifyEpsg(crs.get());
    const char *n = proj_get_name(crs.get());
    r.label = n ? n : "custom CRS";
    return r;
}

} // namespace vnland::crs
