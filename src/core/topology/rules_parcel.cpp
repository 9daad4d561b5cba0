// Single-parcel rules: validity, vertices, spikes, slivers, areas, land-use
// codes and the sheet frame.
#include "topology/rule_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vnland::topology::detail {

std::string fmt(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string jsonEscape(const std::string &s)
{
    std::string out;
    out.reserve(s.size() + 2);
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void setParcels(Issue &issue, const ParcelIndex &index, std::initializer_list<size_t> positions)
{
    for (size_t k : positions) {
        issue.parcelIds.push_back(index.parcel(k).id);
        issue.parcelUuids.push_back(index.parcel(k).uuid);
    }
}

void loadFrames(WorkerState &ws)
{
    if (ws.framesLoaded)
        return;
    ws.framesLoaded = true;
    const auto &sheets = ws.context->sheets;
    ws.frames.resize(sheets.size());
    ws.preparedFrames.resize(sheets.size());
    for (size_t s = 0; s < sheets.size(); ++s) {
        ws.sheetLookup[{sheets[s].communeCode, sheets[s].toSo}] = static_cast<int>(s);
        if (sheets[s].frameWkb.empty())
            continue;
        ws.frames[s] = geom::fromWkb(sheets[s].frameWkb.data(), sheets[s].frameWkb.size());
        if (ws.frames[s])
            ws.preparedFrames[s].reset(GEOSPrepare_r(geom::ctx(), ws.frames[s].get()));
    }
}

int sheetOf(WorkerState &ws, const model::Parcel &p)
{
    loadFrames(ws);
    if (!p.toSo)
        return -1;
    auto it = ws.sheetLookup.find({p.communeCode, *p.toSo});
    return it == ws.sheetLookup.end() ? -1 : it->second;
}

double sharedBoundaryLength(const GEOSGeometry *a, const GEOSGeometry *b, double eps)
{
    auto h = geom::ctx();
    geom::GeomPtr ba(GEOSBoundary_r(h, a));
    geom::GeomPtr bb(GEOSBoundary_r(h, b));
    if (!ba || !bb)
        return 0;
    geom::GeomPtr zone(GEOSBuffer_r(h, bb.get(), eps, 2));
    if (!zone)
        return 0;
    geom::GeomPtr common(GEOSIntersection_r(h, ba.get(), zone.get()));
    return common ? geom::length(common.get()) : 0;
}

namespace {

Issue make(const ParcelIndex &index, size_t i, Rule r, const RuleMask &, WorkerState &ws)
{
    Issue issue;
    issue.rule = r;
    issue.severity = ws.context->params.severity(r);
    setParcels(issue, index, {i});
    return issue;
}

std::string label(const model::Parcel &p)
{
    if (p.toSo && p.thuaSo)
        return "Thửa " + std::to_string(*p.thuaSo) + " tờ " + std::to_string(*p.toSo);
    return "Đối tượng id " + std::to_string(p.id);
}

double angleDeg(XY a, XY b, XY c)
{
    const double ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y;
    const double nu = std::sqrt(ux * ux + uy * uy), nv = std::sqrt(vx * vx + vy * vy);
    if (nu == 0 || nv == 0)
        return 180;
    double cosv = (ux * vx + uy * vy) / (nu * nv);
    cosv = std::max(-1.0, std::min(1.0, cosv));
    return std::acos(cosv) * 180.0 / M_PI;
}

void checkVertices(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws)
{
    const auto &params = ws.context->params;
    const double dupTol = params.value(Rule::DuplicateVertex, "tolerance");
    const double nearTol = params.value(Rule::NearVertices, "tolerance");
    const double minAngle = params.value(Rule::Spike, "min_angle");
    std::vector<XY> dups, nears;
    double nearest = 1e300;
    std::vector<XY> clean;
    for (size_t r = 0; r < index.ringCount(i); ++r) {
        size_t n = 0;
        const XY *pts = index.ring(i, r, &n);
        if (n < 2)
            continue;
        clean.clear();
        for (size_t k = 0; k + 1 < n; ++k) { // last point closes the ring
            const XY a = pts[k], b = pts[k + 1];
            const double d = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
            if (d <= dupTol) {
                dups.push_back(a);
            } else if (d < nearTol) {
                nears.push_back({(a.x + b.x) / 2, (a.y + b.y) / 2});
                nearest = std::min(nearest, d);
            }
            if (d > dupTol)
                clean.push_back(a);
        }
        if (!has(rules, Rule::Spike) || clean.size() < 3)
            continue;
        const size_t m = clean.size();
        for (size_t k = 0; k < m; ++k) {
            const XY prev = clean[(k + m - 1) % m], cur = clean[k], next = clean[(k + 1) % m];
            const double ang = angleDeg(prev, cur, next);
            if (ang < minAngle) {
                Issue issue = make(index, i, Rule::Spike, rules, ws);
                issue.measure = ang;
                issue.geometryWkb = pointWkb(cur.x, cur.y);
                issue.message = label(index.parcel(i)) + ": góc nhọn " + fmt(ang, 2) + "° tại đỉnh (" + fmt(cur.x) +
                                ", " + fmt(cur.y) + ")";
                issue.detail = "{\"x\":" + fmt(cur.x) + ",\"y\":" + fmt(cur.y) + ",\"angle\":" + fmt(ang, 4) + "}";
                ws.issues.push_back(std::move(issue));
            }
        }
    }
    if (has(rules, Rule::DuplicateVertex) && !dups.empty()) {
        Issue issue = make(index, i, Rule::DuplicateVertex, rules, ws);
        issue.measure = static_cast<double>(dups.size());
        issue.geometryWkb = multiPointWkb(dups);
        issue.message = label(index.parcel(i)) + ": " + std::to_string(dups.size()) + " đỉnh trùng lặp";
        issue.detail = "{\"count\":" + std::to_string(dups.size()) + "}";
        ws.issues.push_back(std::move(issue));
    }
    if (has(rules, Rule::NearVertices) && !nears.empty()) {
        Issue issue = make(index, i, Rule::NearVertices, rules, ws);
        issue.measure = nearest;
        issue.geometryWkb = multiPointWkb(nears);
        issue.message = label(index.parcel(i)) + ": " + std::to_string(nears.size()) + " cặp đỉnh cách nhau dưới " +
                        fmt(nearTol, 3) + " m (gần nhất " + fmt(nearest, 4) + " m)";
        issue.detail = "{\"count\":" + std::to_string(nears.size()) + ",\"min_distance\":" + fmt(nearest, 4) + "}";
        ws.issues.push_back(std::move(issue));
    }
}

void checkOutside(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws)
{
    const int s = sheetOf(ws, index.parcel(i));
    if (s < 0 || !ws.frames[s] || !index.readable(i))
        return;
    auto h = geom::ctx();
    const GEOSGeometry *g = index.geometry(i);
    if (GEOSPreparedCovers_r(h, ws.preparedFrames[s].get(), g) == 1)
        return;
    geom::GeomPtr outside(GEOSDifference_r(h, g, ws.frames[s].get()));
    if (!outside)
        return;
    const double out = geom::area(outside.get());
    const double in = index.area(i) - out;
    // A parcel crossing frames is numbered on the sheet holding its larger part
    // (cadastral_rules.md): it is flagged only when another sheet of its commune, or
    // the land outside every frame, holds more of it than its own sheet.
    if (out <= ws.context->params.value(Rule::OutsideBoundary, "min_area") || out <= in)
        return;
    double elsewhere = 0, onOtherSheets = 0;
    const auto &sheets = ws.context->sheets;
    for (size_t k = 0; k < sheets.size(); ++k) {
        if (static_cast<int>(k) == s || !ws.frames[k] || sheets[k].communeCode != index.parcel(i).communeCode)
            continue;
        if (GEOSPreparedIntersects_r(h, ws.preparedFrames[k].get(), g) != 1)
            continue;
        geom::GeomPtr part(GEOSIntersection_r(h, g, ws.frames[k].get()));
        const double a = part ? geom::area(part.get()) : 0;
        onOtherSheets += a;
        elsewhere = std::max(elsewhere, a);
    }
    elsewhere = std::max(elsewhere, out - onOtherSheets); // outside every frame
    if (elsewhere <= in)
        return;
    Issue issue = make(index, i, Rule::OutsideBoundary, rules, ws);
    issue.measure = out;
    issue.geometryWkb = geom::toWkb(outside.get());
    issue.message = label(index.parcel(i)) + ": " + fmt(out, 2) + " m² nằm ngoài khung tờ bản đồ (trong khung " +
                    fmt(std::max(0.0, in), 2) + " m²)";
    issue.detail = "{\"outside_area\":" + fmt(out, 3) + ",\"inside_area\":" + fmt(std::max(0.0, in), 3) +
                   ",\"largest_part_elsewhere\":" + fmt(elsewhere, 3) + "}";
    ws.issues.push_back(std::move(issue));
}

} // namespace

void checkParcel(const ParcelIndex &index, size_t i, const RuleMask &rules, WorkerState &ws)
{
    const auto &p = index.parcel(i);
    const auto &params = ws.context->params;
    if (has(rules, Rule::InvalidGeometry) && !index.valid(i)) {
        Issue issue = make(index, i, Rule::InvalidGeometry, rules, ws);
        const XY loc = index.invalidLocation(i);
        if (index.readable(i) || loc.x != 0 || loc.y != 0)
            issue.geometryWkb = pointWkb(loc.x, loc.y);
        const auto &damaged = ws.context->damagedGeometries;
        const auto d = std::find_if(damaged.begin(), damaged.end(), [&](const store::DamagedGeometry &g) { return g.id == p.id; });
        if (d != damaged.end()) {
            // The stored blob itself is damaged: say what is wrong with it (and that only redrawing helps).
            issue.message = label(p) + ": hình học trong cơ sở dữ liệu bị hỏng, cần vẽ lại — " + d->reason;
            issue.detail = "{\"reason\":\"" + jsonEscape(d->reason) + "\",\"damaged_blob\":true}";
        } else {
            issue.message = label(p) + ": hình học không hợp lệ — " + index.invalidReason(i);
            issue.detail = "{\"reason\":\"" + jsonEscape(index.invalidReason(i)) + "\",\"x\":" + fmt(loc.x) +
                           ",\"y\":" + fmt(loc.y) + "}";
        }
        ws.issues.push_back(std::move(issue));
    }
    if (has(rules, Rule::DuplicateVertex) || has(rules, Rule::NearVertices) || has(rules, Rule::Spike))
        checkVertices(index, i, rules, ws);
    const double a = index.area(i);
    if (index.readable(i) && has(rules, Rule::Sliver) && index.perimeter(i) > 0) {
        const double thin = 4 * M_PI * a / (index.perimeter(i) * index.perimeter(i));
        if (thin < params.value(Rule::Sliver, "max_thinness") && a < params.value(Rule::Sliver, "max_area")) {
            Issue issue = make(index, i, Rule::Sliver, rules, ws);
            issue.measure = thin;
            issue.geometryWkb = geom::toWkb(index.geometry(i));
            issue.message = label(p) + ": thửa mảnh, độ mảnh 4πA/P² = " + fmt(thin, 4) + ", diện tích " + fmt(a, 2) + " m²";
            issue.detail = "{\"thinness\":" + fmt(thin, 5) + ",\"area\":" + fmt(a, 3) + "}";
            ws.issues.push_back(std::move(issue));
        }
    }
    if (index.readable(i) && has(rules, Rule::MinArea) && a < params.value(Rule::MinArea, "min_area")) {
        Issue issue = make(index, i, Rule::MinArea, rules, ws);
        issue.measure = a;
        issue.geometryWkb = geom::toWkb(index.geometry(i));
        issue.message = label(p) + ": diện tích " + fmt(a, 2) + " m² nhỏ hơn " +
                        fmt(params.value(Rule::MinArea, "min_area"), 2) + " m²";
        issue.detail = "{\"area\":" + fmt(a, 3) + "}";
        ws.issues.push_back(std::move(issue));
    }
    if (index.readable(i) && has(rules, Rule::AreaMismatch) && p.legalArea && *p.legalArea > 0) {
        int scale = static_cast<int>(params.value(Rule::AreaMismatch, "scale"));
        if (scale <= 0) {
            const int s = sheetOf(ws, p);
            scale = s >= 0 ? ws.context->sheets[s].scale : ws.context->defaultScale;
        }
        const std::string scheme = params.text(Rule::AreaMismatch, "scheme");
        auto tol = ws.context->areaTolerances.tolerance(scheme, scale, *p.legalArea);
        if (!tol)
            tol = 0.0004 * scale * std::sqrt(*p.legalArea);
        const double measured = std::round(a * 10) / 10; // areas are kept to 0.1 m²
        const double diff = std::abs(measured - *p.legalArea);
        if (diff > *tol + 1e-9) {
            Issue issue = make(index, i, Rule::AreaMismatch, rules, ws);
            issue.measure = diff;
            issue.geometryWkb = geom::toWkb(index.geometry(i));
            issue.message = label(p) + ": diện tích đo " + fmt(measured, 1) + " m², pháp lý " + fmt(*p.legalArea, 1) +
                            " m², lệch " + fmt(diff, 1) + " m² > hạn sai " + fmt(*tol, 2) + " m² (1:" +
                            std::to_string(scale) + ")";
            issue.detail = "{\"measured\":" + fmt(measured, 1) + ",\"legal\":" + fmt(*p.legalArea, 1) +
                           ",\"tolerance\":" + fmt(*tol, 3) + ",\"scale\":" + std::to_string(scale) + ",\"scheme\":\"" +
                           jsonEscape(scheme) + "\"}";
            ws.issues.push_back(std::move(issue));
        }
    }
    if (has(rules, Rule::UnknownLanduse) && !ws.context->validLanduseCodes.empty()) {
        const bool missing = p.landuseCode.empty();
        // Roads and waterways without a code are common in source data; parcels need one.
        if ((missing && p.objectKind == "parcel") || (!missing && !ws.context->validLanduseCodes.count(p.landuseCode))) {
            Issue issue = make(index, i, Rule::UnknownLanduse, rules, ws);
            if (index.readable(i)) {
                geom::GeomPtr pt(GEOSPointOnSurface_r(geom::ctx(), index.geometry(i)));
                if (pt)
                    issue.geometryWkb = geom::toWkb(pt.get());
            }
            issue.message = missing ? label(p) + ": chưa có mã loại đất"
                                    : label(p) + ": mã loại đất '" + p.landuseCode + "' không có trong danh mục năm " +
                                          ws.context->landuseReferenceYear;
            issue.detail = "{\"code\":\"" + jsonEscape(p.landuseCode) + "\",\"reference_year\":\"" +
                           jsonEscape(ws.context->landuseReferenceYear) + "\"}";
            ws.issues.push_back(std::move(issue));
        }
    }
    if (has(rules, Rule::OutsideBoundary) && !ws.context->sheets.empty())
        checkOutside(index, i, rules, ws);
}

} // namespace vnland::topology::detail
