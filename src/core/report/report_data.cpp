// Register (PL15), summary (PL16) and validation report data, and the shared
// helpers (filters, areas in 0.1 m², header names).
#include "report/report_data.h"

#include "report/report_lines.h"
#include "store/database.h"
#include "store/project.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace vnland::report {

Tenths toTenths(double m2) { return static_cast<Tenths>(std::llround(m2 * 10.0)); }

std::string formatCount(int64_t n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string formatTenths(Tenths t, bool vietnamese)
{
    const bool neg = t < 0;
    const Tenths a = neg ? -t : t;
    const std::string whole = vietnamese ? formatCount(a / 10) : std::to_string(a / 10);
    return (neg ? "-" : "") + whole + (vietnamese ? "," : ".") + std::to_string(a % 10);
}

bool ReportFilter::parseParcelList(const std::string &text, std::vector<ParcelRef> *out, std::string *error)
{
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) {
            const size_t slash = item.find('/');
            try {
                if (slash == std::string::npos)
                    throw std::invalid_argument("no slash");
                size_t n1 = 0, n2 = 0;
                const int to = std::stoi(item.substr(0, slash), &n1);
                const int thua = std::stoi(item.substr(slash + 1), &n2);
                if (n1 != slash || n2 != item.size() - slash - 1)
                    throw std::invalid_argument("trailing text");
                out->push_back({to, thua});
            } catch (const std::exception &) {
                *error = "'" + item + "' is not a parcel as tờ/thửa (e.g. 1/12)";
                return false;
            }
        }
        start = end + 1;
    }
    return true;
}

std::string UnitInfo::communeLabel() const
{
    if (communeName.empty() || communeName == communeCode)
        return communeCode.empty() ? std::string() : "Mã xã " + communeCode;
    return communeName + " (" + communeCode + ")";
}

UnitInfo unitInfo(store::Project &project, const std::string &communeCode)
{
    UnitInfo u;
    u.provinceName = project.settings().provinceName;
    u.communeCode = communeCode;
    store::Statement st(project.db(), "SELECT name FROM admin_unit WHERE code = ? AND level = 'commune'");
    st.bind(1, communeCode);
    if (st.step())
        u.communeName = st.text(0);
    return u;
}

std::vector<std::string> communesOf(store::Project &project, const ReportFilter &filter)
{
    std::set<std::string> out;
    forEachParcelLines(project, filter, [&](const ParcelLines &p) { out.insert(p.communeCode); });
    return {out.begin(), out.end()};
}

// ------------------------------------------------------------------ lines

namespace {

bool matchesFilter(const ParcelLines &p, const ReportFilter &f, const std::set<ParcelRef> &wanted)
{
    if (!f.includeCandidates && hasFlag(p.flags, "candidate"))
        return false;
    if (!wanted.empty()) {
        if (!p.toSo || !p.thuaSo || !wanted.count({*p.toSo, *p.thuaSo}))
            return false;
    }
    if (!f.landuseCode.empty()) {
        const bool any = std::any_of(p.uses.begin(), p.uses.end(), [&](const auto &u) { return u.first == f.landuseCode; });
        if (!any)
            return false;
    }
    return true;
}

std::string objectKindLabel(const std::string &kind)
{
    if (kind == "road")
        return "Đường giao thông";
    if (kind == "waterway")
        return "Sông, kênh, mương";
    if (kind == "other")
        return "Đối tượng khác";
    return {};
}

} // namespace

namespace {

/// " AND …" restricting parcel alias p to the filter's commune and tờ (bound as ?1, ?2).
std::string unitCondition(const ReportFilter &filter)
{
    std::string c;
    if (!filter.communeCode.empty())
        c += " AND p.commune_code = ?1";
    if (filter.toSo)
        c += " AND p.to_so = ?2";
    return c;
}

void bindUnit(store::Statement &st, const ReportFilter &filter)
{
    if (!filter.communeCode.empty())
        st.bind(1, filter.communeCode);
    if (filter.toSo)
        st.bind(2, *filter.toSo);
}

} // namespace

bool hasFlag(const std::string &flags, const std::string &flag)
{
    size_t at = 0;
    while (at <= flags.size()) {
        const size_t end = std::min(flags.find(',', at), flags.size());
        std::string item = flags.substr(at, end - at);
        while (!item.empty() && item.front() == ' ')
            item.erase(item.begin());
        while (!item.empty() && item.back() == ' ')
            item.pop_back();
        if (item == flag)
            return true;
        at = end + 1;
    }
    return false;
}

int64_t unreviewedCandidates(store::Project &project, const ReportFilter &filter)
{
    std::string sql = "SELECT p.flags FROM parcel p WHERE p.end_time IS NULL AND p.flags LIKE '%candidate%'";
    sql += unitCondition(filter);
    store::Statement st(project.db(), sql);
    bindUnit(st, filter);
    int64_t n = 0;
    while (st.step())
        n += hasFlag(st.text(0), "candidate") ? 1 : 0;
    return n;
}

void forEachParcelLines(store::Project &project, const ReportFilter &filter,
                        const std::function<void(const ParcelLines &)> &fn)
{
    std::string sql =
        "SELECT p.id, p.commune_code, p.to_so, p.thua_so, p.object_kind, p.owner_name, p.user_type_code,"
        " p.measured_area, p.legal_area, p.landuse_code, p.flags, pl.code, pl.area, p.legal_landuse_code"
        " FROM parcel p LEFT JOIN parcel_landuse pl ON pl.parcel_id = p.id WHERE p.end_time IS NULL";
    sql += unitCondition(filter);
    sql += " ORDER BY p.commune_code, p.to_so, p.thua_so, p.id, pl.is_main DESC, pl.id";
    store::Statement st(project.db(), sql);
    bindUnit(st, filter);
    const std::set<ParcelRef> wanted(filter.parcels.begin(), filter.parcels.end());

    ParcelLines cur;
    bool have = false;
    auto flush = [&] {
        if (!have)
            return;
        // A parcel without parcel_landuse rows still has its main code.
        if (cur.uses.empty())
            cur.uses.push_back({cur.landuseCode, std::nullopt});
        if (matchesFilter(cur, filter, wanted))
            fn(cur);
    };
    while (st.step()) {
        const int64_t id = st.int64(0);
        if (!have || id != cur.id) {
            flush();
            cur = ParcelLines();
            have = true;
            cur.id = id;
            cur.communeCode = st.text(1);
            cur.toSo = st.isNull(2) ? std::nullopt : std::optional<int>(st.integer(2));
            cur.thuaSo = st.isNull(3) ? std::nullopt : std::optional<int>(st.integer(3));
            cur.objectKind = st.text(4);
            cur.ownerName = st.text(5);
            cur.userTypeCode = st.text(6);
            cur.measuredArea = st.optReal(7);
            cur.legalArea = st.optReal(8);
            cur.landuseCode = st.text(9);
            cur.flags = st.text(10);
            cur.legalLanduseCode = st.text(13);
        }
        if (!st.isNull(11))
            cur.uses.push_back({st.text(11), st.optReal(12)});
    }
    flush();
}

std::vector<std::pair<std::string, Tenths>> lineAreas(const ParcelLines &p)
{
    std::vector<std::pair<std::string, Tenths>> out;
    // A single land use covers the whole parcel: its area is the measured area
    // (parcel_landuse.area may be stale after a geometry edit). Several uses
    // carry their own areas.
    for (const auto &[code, area] : p.uses) {
        double a = 0;
        if (p.uses.size() == 1 && p.measuredArea)
            a = *p.measuredArea;
        else if (area)
            a = *area;
        out.push_back({code, toTenths(a)});
    }
    return out;
}

// ------------------------------------------------------------------ register

std::vector<std::string> splitCoUsers(const std::string &owner, const std::string &userType)
{
    // Only households and individuals (GDC) list co-users as "A và B" or "A; B"; an
    // organisation's name may itself contain "và" ("Công ty Thương mại và Dịch vụ").
    std::vector<std::string> out;
    if (userType != "GDC") {
        out.push_back(owner);
        return out;
    }
    std::string rest = owner;
    for (;;) {
        size_t cut = std::string::npos, len = 0;
        for (const std::string sep : {" và ", ";"}) {
            const size_t at = rest.find(sep);
            if (at != std::string::npos && at < cut) {
                cut = at;
                len = sep.size();
            }
        }
        std::string part = rest.substr(0, cut);
        while (!part.empty() && part.front() == ' ')
            part.erase(part.begin());
        while (!part.empty() && part.back() == ' ')
            part.pop_back();
        if (!part.empty())
            out.push_back(part);
        if (cut == std::string::npos)
            break;
        rest = rest.substr(cut + len);
    }
    if (out.empty())
        out.push_back(owner);
    return out;
}

RegisterData buildRegister(store::Project &project, const ReportFilter &filter)
{
    RegisterData d;
    forEachParcelLines(project, filter, [&](const ParcelLines &p) {
        ++d.parcelCount;
        const auto areas = lineAreas(p);
        const std::vector<std::string> coUsers = splitCoUsers(p.ownerName, p.userTypeCode);
        for (size_t i = 0; i < areas.size(); ++i) {
            RegisterLine l;
            l.parcelId = p.id;
            l.communeCode = p.communeCode;
            l.toSo = p.toSo;
            l.thuaSo = p.thuaSo;
            l.objectKind = p.objectKind;
            l.ownerName = p.ownerName;
            l.userTypeCode = p.userTypeCode;
            l.currentCode = areas[i].first;
            l.currentArea = areas[i].second;
            l.firstOfParcel = i == 0;
            if (i == 0 && p.legalArea) {
                l.legalArea = toTenths(*p.legalArea);
                d.totalLegal += *l.legalArea;
            }
            // Legal land type: from the legal papers when recorded, else the same as the current one.
            if (i == 0 && (p.legalArea || !p.legalLanduseCode.empty()))
                l.legalCode = p.legalLanduseCode.empty() ? p.landuseCode : p.legalLanduseCode;
            if (i == 0) {
                std::string note = objectKindLabel(p.objectKind);
                if (p.flags.find("unknown_landuse") != std::string::npos)
                    note += std::string(note.empty() ? "" : "; ") + "mã loại đất chưa có trong danh mục";
                if (!p.uses.empty() && p.uses.size() > 1)
                    note += std::string(note.empty() ? "" : "; ") + "đất sử dụng vào nhiều mục đích";
                l.note = note;
            }
            if (!p.uses[i].second && p.uses.size() > 1)
                l.note += std::string(l.note.empty() ? "" : "; ") + "chưa có diện tích theo mục đích";
            d.totalCurrent += l.currentArea;
            if (i == 0)
                l.ownerName = coUsers.front();
            d.lines.push_back(std::move(l));
        }
        // PL15: one line per co-user (households: "A và B"), name only, after the land-use lines.
        for (size_t k = 1; k < coUsers.size(); ++k) {
            RegisterLine l;
            l.parcelId = p.id;
            l.communeCode = p.communeCode;
            l.toSo = p.toSo;
            l.thuaSo = p.thuaSo;
            l.objectKind = p.objectKind;
            l.ownerName = coUsers[k];
            l.userTypeCode = p.userTypeCode;
            l.firstOfParcel = false;
            l.coUserLine = true;
            d.lines.push_back(std::move(l));
        }
    });
    return d;
}

// ------------------------------------------------------------------ summary

namespace {

std::map<std::string, std::string> userTypeRoles()
{
    std::map<std::string, std::string> roles;
    StatisticsScheme s;
    std::string err;
    if (!loadStatisticsScheme("2018", &s, &err))
        return roles;
    for (const auto &c : s.columns) {
        if (c.kind != "type")
            continue;
        roles[c.key] = c.role;
        for (const auto &a : c.also)
            roles[a] = c.role;
    }
    return roles;
}

std::string trimUpper(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

SummaryData buildSummary(store::Project &project, const ReportFilter &filter)
{
    SummaryData d;
    const auto roles = userTypeRoles();
    std::set<std::string> users, managers, allUsers, allManagers;
    SheetSummary *cur = nullptr;
    auto finish = [&] {
        if (cur) {
            cur->users = static_cast<int64_t>(users.size());
            cur->managers = static_cast<int64_t>(managers.size());
        }
        users.clear();
        managers.clear();
    };
    forEachParcelLines(project, filter, [&](const ParcelLines &p) {
        if (!cur || cur->communeCode != p.communeCode || cur->toSo != p.toSo) {
            finish();
            d.sheets.push_back({});
            cur = &d.sheets.back();
            cur->communeCode = p.communeCode;
            cur->toSo = p.toSo;
        }
        if (p.objectKind == "parcel")
            ++cur->parcels;
        else
            ++cur->otherObjects;
        const Tenths a = p.measuredArea ? toTenths(*p.measuredArea) : 0;
        cur->area += a;
        std::string name = p.ownerName;
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        if (!name.empty()) {
            const auto it = roles.find(trimUpper(p.userTypeCode));
            const bool manager = it != roles.end() && it->second == "manager";
            (manager ? managers : users).insert(name);
            (manager ? allManagers : allUsers).insert(p.communeCode + '\x1f' + name);
        }
        d.total.parcels += p.objectKind == "parcel" ? 1 : 0;
        d.total.otherObjects += p.objectKind == "parcel" ? 0 : 1;
        d.total.area += a;
    });
    finish();
    d.total.users = static_cast<int64_t>(allUsers.size());
    d.total.managers = static_cast<int64_t>(allManagers.size());
    return d;
}

// ------------------------------------------------------------------ validation

ValidationData buildValidation(store::Project &project, const ReportFilter &filter)
{
    ValidationData d;
    if (!project.db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='validation_issue'").value_or(0))
        return d;
    d.available = true;
    // Read generically: whatever columns the topology engine writes, except geometry.
    std::vector<std::string> cols;
    {
        store::Statement st(project.db(), "SELECT name FROM pragma_table_info('validation_issue')");
        while (st.step()) {
            const std::string c = st.text(0);
            if (c != "geom" && c != "detail" && c != "parcel_uuids")
                cols.push_back(c);
        }
    }
    std::string sql = "SELECT p.commune_code, p.to_so, p.thua_so";
    for (const auto &c : cols)
        sql += ", v.\"" + c + "\"";
    sql += " FROM validation_issue v LEFT JOIN parcel p ON p.id = v.parcel_id WHERE 1=1";
    sql += unitCondition(filter);
    sql += " ORDER BY p.commune_code, p.to_so, p.thua_so, v.rowid";
    store::Statement st(project.db(), sql);
    bindUnit(st, filter);
    d.columns = {"commune_code", "to_so", "thua_so"};
    d.columns.insert(d.columns.end(), cols.begin(), cols.end());
    const auto ruleIt = std::find(d.columns.begin(), d.columns.end(), "rule");
    const std::set<ParcelRef> wanted(filter.parcels.begin(), filter.parcels.end());
    while (st.step()) {
        if (!wanted.empty() && (st.isNull(1) || st.isNull(2) || !wanted.count({st.integer(1), st.integer(2)})))
            continue;
        std::vector<std::string> row;
        for (size_t i = 0; i < d.columns.size(); ++i)
            row.push_back(st.text(static_cast<int>(i)));
        if (ruleIt != d.columns.end())
            ++d.countByRule[row[static_cast<size_t>(ruleIt - d.columns.begin())]];
        d.rows.push_back(std::move(row));
    }
    return d;
}

} // namespace vnland::report
