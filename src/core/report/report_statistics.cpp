// Land statistics by land-use hierarchy × land-user type (Biểu 01/TKĐĐ style).
// Row and column definitions are data (schemas/statistics_*.csv). Every row's
// value is summed independently over its whole subtree, so the identities
// "parent = sum of children" and "NNP + PNN + CSD = unit total" are real checks:
// they fail when data is coded on a group row, with an unknown code, or when
// the definitions are inconsistent.
#include "report/report_data.h"

#include "report/report_lines.h"
#include "store/reference_data.h"

#include <algorithm>
#include <map>
#include <set>

namespace vnland::report {
namespace {

std::string upper(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> splitAlso(const std::string &s)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find(';', start);
        if (end == std::string::npos)
            end = s.size();
        const std::string item = upper(s.substr(start, end - start));
        if (!item.empty())
            out.push_back(item);
        start = end + 1;
    }
    return out;
}

/// CSV rows of an embedded schema file without its '#' comment lines; the first row is the header.
std::vector<std::map<std::string, std::string>> readTable(const std::string &name, std::string *error)
{
    const std::string text = store::schemaResource(name);
    if (text.empty()) {
        *error = "schemas/" + name + " is not in this build";
        return {};
    }
    std::string body;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        if (text[pos] != '#')
            body += text.substr(pos, end - pos + 1);
        pos = end + 1;
    }
    const auto rows = store::parseCsv(body);
    std::vector<std::map<std::string, std::string>> out;
    if (rows.empty())
        return out;
    for (size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].size() == 1 && rows[i][0].empty())
            continue;
        std::map<std::string, std::string> m;
        for (size_t c = 0; c < rows[0].size() && c < rows[i].size(); ++c)
            m[rows[0][c]] = rows[i][c];
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace

bool loadStatisticsScheme(const std::string &scheme, StatisticsScheme *out, std::string *error)
{
    if (scheme != "2018" && scheme != "2024") {
        *error = "unknown statistics scheme '" + scheme + "' (use 2018 or 2024)";
        return false;
    }
    StatisticsScheme s;
    s.name = scheme;
    for (auto &r : readTable("statistics_rows_" + scheme + ".csv", error)) {
        StatisticsScheme::Row row;
        row.stt = r["stt"];
        row.code = upper(r["code"]);
        row.name = r["name_vi"];
        row.parent = upper(r["parent"]);
        row.level = std::max(1, std::atoi(r["level"].c_str()));
        row.inTotal = r["in_total"] == "yes";
        row.also = splitAlso(r["also"]);
        s.rows.push_back(std::move(row));
    }
    for (auto &r : readTable("statistics_columns.csv", error)) {
        StatisticsScheme::Column c;
        c.key = upper(r["key"]);
        c.name = r["name_vi"];
        c.parent = upper(r["parent"]);
        c.kind = r["kind"];
        c.role = r["role"];
        c.also = splitAlso(r["also"]);
        s.columns.push_back(std::move(c));
    }
    if (s.rows.empty() || s.columns.empty()) {
        if (error->empty())
            *error = "statistics definitions for scheme " + scheme + " are empty";
        return false;
    }
    *out = std::move(s);
    return true;
}

StatisticsData buildStatistics(store::Project &project, const ReportFilter &filter, const std::string &schemeName)
{
    StatisticsData d;
    std::string err;
    if (!loadStatisticsScheme(schemeName, &d.scheme, &err)) {
        d.problems.push_back(err);
        return d;
    }
    const auto &rows = d.scheme.rows;
    const auto &cols = d.scheme.columns;
    const size_t nCols = cols.size() + 1;

    std::map<std::string, size_t> rowOf;
    for (size_t i = 0; i < rows.size(); ++i) {
        rowOf[rows[i].code] = i;
        for (const auto &a : rows[i].also)
            rowOf.emplace(a, i);
    }
    std::map<std::string, size_t> colOf;
    size_t otherCol = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
        if (cols[i].kind == "type") {
            colOf[cols[i].key] = i + 1;
            for (const auto &a : cols[i].also)
                colOf.emplace(a, i + 1);
        } else if (cols[i].kind == "other") {
            otherCol = i + 1;
        }
    }
    if (!otherCol) {
        d.problems.push_back("statistics_columns.csv has no column of kind 'other' for unlisted user types");
        return d;
    }
    // Ancestors of each row (itself included), and the top row of each.
    std::vector<std::vector<size_t>> chain(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        size_t r = i;
        std::set<size_t> seen;
        while (true) {
            chain[i].push_back(r);
            if (!seen.insert(r).second) {
                d.problems.push_back("statistics rows: cycle through " + rows[r].code);
                return d;
            }
            if (rows[r].parent.empty())
                break;
            const auto it = rowOf.find(rows[r].parent);
            if (it == rowOf.end()) {
                d.problems.push_back("statistics rows: parent " + rows[r].parent + " of " + rows[r].code + " is not a row");
                return d;
            }
            r = it->second;
        }
    }

    d.values.assign(rows.size(), std::vector<Tenths>(nCols, 0));
    d.unitTotal.assign(nCols, 0);
    struct Unknown {
        int64_t lines = 0;
        Tenths area = 0;
        std::vector<std::string> where;
    };
    std::map<std::string, Unknown> unknown;
    std::map<size_t, Unknown> onGroupRow; // data coded directly on a row that has children
    std::set<size_t> hasChildren;
    for (const auto &r : rows)
        if (!r.parent.empty())
            hasChildren.insert(rowOf[r.parent]);

    forEachParcelLines(project, filter, [&](const ParcelLines &p) {
        const auto ct = colOf.find(upper(p.userTypeCode));
        const size_t col = ct == colOf.end() ? otherCol : ct->second;
        const std::string where = (p.toSo ? std::to_string(*p.toSo) : "?") + "/" + (p.thuaSo ? std::to_string(*p.thuaSo) : "?");
        for (const auto &[code, area] : lineAreas(p)) {
            ++d.lineCount;
            const auto rt = rowOf.find(upper(code));
            if (rt == rowOf.end()) {
                auto &u = unknown[code.empty() ? "(trống)" : code];
                ++u.lines;
                u.area += area;
                if (u.where.size() < 5)
                    u.where.push_back(where);
                d.unitTotal[0] += area;
                d.unitTotal[col] += area;
                continue;
            }
            const size_t r = rt->second;
            // Rows outside the total (mặt nước ven biển) are observed separately:
            // shown, but not part of the unit's area.
            if (rows[chain[r].back()].inTotal) {
                d.unitTotal[0] += area;
                d.unitTotal[col] += area;
            }
            if (hasChildren.count(r)) {
                auto &u = onGroupRow[r];
                ++u.lines;
                u.area += area;
                if (u.where.size() < 5)
                    u.where.push_back(where);
            }
            for (size_t a : chain[r]) {
                d.values[a][0] += area;
                d.values[a][col] += area;
            }
        }
    });
    // Group columns = sum of their children (computed bottom-up, file order has groups first).
    std::map<std::string, size_t> colIndex;
    for (size_t i = 0; i < cols.size(); ++i)
        colIndex[cols[i].key] = i + 1;
    auto fillGroups = [&](std::vector<Tenths> &v) {
        for (size_t i = cols.size(); i-- > 0;) {
            if (cols[i].parent.empty())
                continue;
            const auto it = colIndex.find(cols[i].parent);
            if (it != colIndex.end())
                v[it->second] += v[i + 1];
        }
    };
    for (auto &v : d.values)
        fillGroups(v);
    fillGroups(d.unitTotal);

    // --- identities ---
    auto area = [](Tenths t) { return formatTenths(t, true) + " m²"; };
    for (const auto &[code, u] : unknown) {
        std::string w;
        for (const auto &s : u.where)
            w += (w.empty() ? "" : ", ") + s;
        d.problems.push_back("Mã loại đất '" + code + "' không có trong chỉ tiêu thống kê " + schemeName + ": " +
                             std::to_string(u.lines) + " thửa/mục đích, " + area(u.area) + " (tờ/thửa " + w +
                             (static_cast<size_t>(u.lines) > u.where.size() ? ", …" : "") + ")");
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        if (!hasChildren.count(r))
            continue;
        for (size_t c = 0; c < nCols; ++c) {
            Tenths sum = 0;
            for (size_t k = 0; k < rows.size(); ++k)
                if (rows[k].parent == rows[r].code)
                    sum += d.values[k][c];
            if (sum == d.values[r][c])
                continue;
            std::string msg = "Chỉ tiêu " + rows[r].stt + " " + rows[r].code + " (" + rows[r].name + ") = " +
                              area(d.values[r][c]) + " khác tổng các chỉ tiêu con = " + area(sum) + " (cột " +
                              (c == 0 ? std::string("Tổng") : cols[c - 1].key) + ")";
            const auto g = onGroupRow.find(r);
            if (g != onGroupRow.end()) {
                std::string w;
                for (const auto &s : g->second.where)
                    w += (w.empty() ? "" : ", ") + s;
                msg += ": " + std::to_string(g->second.lines) + " thửa ghi trực tiếp mã " + rows[r].code + " (tờ/thửa " + w +
                       (static_cast<size_t>(g->second.lines) > g->second.where.size() ? ", …" : "") + ")";
            }
            d.problems.push_back(msg);
            break; // one message per row is enough
        }
    }
    for (size_t c = 0; c < nCols; ++c) {
        Tenths inTotal = 0;
        std::string names;
        for (size_t r = 0; r < rows.size(); ++r)
            if (rows[r].parent.empty() && rows[r].inTotal) {
                inTotal += d.values[r][c];
                names += (names.empty() ? "" : " + ") + rows[r].code;
            }
        if (inTotal != d.unitTotal[c]) {
            d.problems.push_back(names + " = " + area(inTotal) + " khác tổng diện tích của đơn vị hành chính = " +
                                 area(d.unitTotal[c]) + " (cột " + (c == 0 ? std::string("Tổng") : cols[c - 1].key) + ")");
            break;
        }
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        Tenths top = 0;
        for (size_t i = 0; i < cols.size(); ++i)
            if (cols[i].parent.empty())
                top += d.values[r][i + 1];
        if (top != d.values[r][0]) {
            d.problems.push_back("Chỉ tiêu " + rows[r].code + ": tổng các cột đối tượng " + area(top) +
                                 " khác cột Tổng " + area(d.values[r][0]));
            break;
        }
    }
    return d;
}

} // namespace vnland::report
