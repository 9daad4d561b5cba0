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
    // Sorting (commune, tờ, thửa, id) groups sheets and numbers without a map node per parcel.
    std::vector<size_t> order;
    order.reserve(index.size());
    for (size_t i = 0; i < index.size(); ++i) {
        const auto &p = index.parcel(i);
        if (!p.toSo || !p.thuaSo || p.endTime)
            continue;
        if (!only.empty() && !only.count({p.communeCode, *p.toSo}))
            continue;
        order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto &pa = index.parcel(a), &pb = index.parcel(b);
        if (*pa.toSo != *pb.toSo)
            return *pa.toSo < *pb.toSo;
        if (pa.communeCode != pb.communeCode)
            return pa.communeCode < pb.communeCode;
        if (*pa.thuaSo != *pb.thuaSo)
            return *pa.thuaSo < *pb.thuaSo;
        return pa.id < pb.id;
    });
    for (size_t from = 0; from < order.size();) {
        const auto &first = index.parcel(order[from]);
        const std::pair<std::string, int> sheet{first.communeCode, *first.toSo};
        size_t to = from;
        while (to < order.size() && index.parcel(order[to]).communeCode == sheet.first &&
               *index.parcel(order[to]).toSo == sheet.second)
            ++to;
        std::map<int, std::vector<size_t>> numbers; // numbers used more than once
        std::vector<int> missingCandidates;         // holes in the sorted sequence 1..max
        int previous = 0;
        for (size_t k = from; k < to; ++k) {
            const int n = *index.parcel(order[k]).thuaSo;
            // A typo such as thửa 99999 would list a whole range; 100 000 entries are plenty to show it.
            for (int m = std::max(previous + 1, 1); m < n && missingCandidates.size() < 100000; ++m)
                missingCandidates.push_back(m);
            previous = std::max(previous, n);
            if (k + 1 < to && *index.parcel(order[k + 1]).thuaSo == n)
                numbers[n].push_back(order[k]);
            else if (k > from && *index.parcel(order[k - 1]).thuaSo == n)
                numbers[n].push_back(order[k]);
        }
        const int maxNumber = *index.parcel(order[to - 1]).thuaSo;
        from = to;
        const std::string where = "tờ " + std::to_string(sheet.second) +
                                  (sheet.first.empty() ? std::string() : " xã " + sheet.first);
        if (has(rules, Rule::DuplicateNumber)) {
            for (const auto &[num, members] : numbers) {
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
        if (has(rules, Rule::MissingNumber)) {
            std::vector<int> missing;
            for (int n : missingCandidates)
                if (!c.retiredNumbers.count({sheet.first, sheet.second, n}))
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
