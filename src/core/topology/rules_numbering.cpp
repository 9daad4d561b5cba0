// Parcel numbering per sheet: duplicate (commune, tờ, thửa) among live
// objects, and numbers missing from 1..max (numbers retired into history
// after a split or merge are not missing).
#include "topology/rule_checks.h"

#include <algorithm>
#include <map>
#include <set>

namespace vnland::topology::detail {

void checkNumbers(const ParcelIndex &index, const ValidationContext &c, const RuleMask &rules,
                  const std::vector<std::pair<std::string, int>> &sheets, std::vector<Issue> &out)
{
    const std::set<std::pair<std::string, int>> only(sheets.begin(), sheets.end());
    std::map<std::pair<std::string, int>, std::map<int, std::vector<size_t>>> bySheet;
    for (size_t i = 0; i < index.size(); ++i) {
        const auto &p = index.parcel(i);
        if (!p.toSo || !p.thuaSo || p.endTime)
            continue;
        std::pair<std::string, int> key{p.communeCode, *p.toSo};
        if (!only.empty() && !only.count(key))
            continue;
        bySheet[key][*p.thuaSo].push_back(i);
    }
    for (const auto &[sheet, numbers] : bySheet) {
        const std::string where = "tờ " + std::to_string(sheet.second) +
                                  (sheet.first.empty() ? std::string() : " xã " + sheet.first);
        if (has(rules, Rule::DuplicateNumber)) {
            for (const auto &[num, members] : numbers) {
                if (members.size() < 2)
                    continue;
                Issue issue;
                issue.rule = Rule::DuplicateNumber;
                issue.severity = c.params.severity(Rule::DuplicateNumber);
                std::vector<size_t> sorted = members;
                std::sort(sorted.begin(), sorted.end(),
                          [&](size_t a, size_t b) { return index.parcel(a).id < index.parcel(b).id; });
                std::vector<GEOSGeometry *> parts;
                for (size_t i : sorted) {
                    issue.parcelIds.push_back(index.parcel(i).id);
                    issue.parcelUuids.push_back(index.parcel(i).uuid);
                    if (index.readable(i)) {
                        geom::GeomPtr pt(GEOSPointOnSurface_r(geom::ctx(), index.geometry(i)));
                        if (pt)
                            parts.push_back(pt.release());
                    }
                }
                if (!parts.empty()) {
                    geom::GeomPtr mp(GEOSGeom_createCollection_r(geom::ctx(), GEOS_MULTIPOINT, parts.data(),
                                                                 static_cast<unsigned>(parts.size())));
                    issue.geometryWkb = geom::toWkb(mp.get());
                }
                issue.measure = static_cast<double>(members.size());
                issue.message = "Số thửa " + std::to_string(num) + " " + where + " dùng cho " +
                                std::to_string(members.size()) + " đối tượng";
                issue.detail = "{\"commune\":\"" + jsonEscape(sheet.first) + "\",\"to_so\":" +
                               std::to_string(sheet.second) + ",\"thua_so\":" + std::to_string(num) + "}";
                out.push_back(std::move(issue));
            }
        }
        if (has(rules, Rule::MissingNumber) && !numbers.empty()) {
            const int maxNumber = numbers.rbegin()->first;
            std::vector<int> missing;
            for (int n = 1; n <= maxNumber; ++n)
                if (!numbers.count(n) && !c.retiredNumbers.count({sheet.first, sheet.second, n}))
                    missing.push_back(n);
            if (missing.empty())
                continue;
            Issue issue;
            issue.rule = Rule::MissingNumber;
            issue.severity = c.params.severity(Rule::MissingNumber);
            issue.measure = static_cast<double>(missing.size());
            std::string list, json;
            for (size_t k = 0; k < missing.size(); ++k) {
                json += (k ? "," : "") + std::to_string(missing[k]);
                if (k < 20)
                    list += (k ? ", " : "") + std::to_string(missing[k]);
            }
            if (missing.size() > 20)
                list += ", …";
            issue.message = where + ": thiếu " + std::to_string(missing.size()) + " số thửa trong 1.." +
                            std::to_string(maxNumber) + " (" + list + ")";
            issue.detail = "{\"commune\":\"" + jsonEscape(sheet.first) + "\",\"to_so\":" + std::to_string(sheet.second) +
                           ",\"max\":" + std::to_string(maxNumber) + ",\"missing\":[" + json + "]}";
            for (const auto &s : c.sheets)
                if (s.communeCode == sheet.first && s.toSo == sheet.second && !s.frameWkb.empty())
                    issue.geometryWkb = s.frameWkb;
            out.push_back(std::move(issue));
        }
    }
}

} // namespace vnland::topology::detail
