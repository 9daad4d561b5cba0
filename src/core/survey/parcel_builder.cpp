// Boundary lines from codes/sequences, noding and polygonizing with GEOS.
#include "survey/parcel_builder.h"

#include "geom/geos_context.h"
#include "survey/text_fields.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace vnland::survey {
namespace {

std::vector<std::string> tokens(const std::string &s) { return splitFields(s, " \t,;"); }

std::string upper(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string xy(double east, double north)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "X=%.3f, Y=%.3f", north, east);
    return buf;
}

geom::GeomPtr lineGeom(const SurveyLine &l)
{
    GEOSContextHandle_t h = geom::ctx();
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(l.eastNorth.size()), 2);
    for (size_t i = 0; i < l.eastNorth.size(); ++i)
        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), l.eastNorth[i].first, l.eastNorth[i].second);
    return geom::GeomPtr(GEOSGeom_createLineString_r(h, seq));
}

geom::GeomPtr pointGeom(double east, double north)
{
    return geom::GeomPtr(GEOSGeom_createPointFromXY_r(geom::ctx(), east, north));
}

/// End points of a line geometry as text.
std::string lineEnds(const GEOSGeometry *g)
{
    GEOSContextHandle_t h = geom::ctx();
    geom::GeomPtr a(GEOSGeomGetStartPoint_r(h, g)), b(GEOSGeomGetEndPoint_r(h, g));
    double ax = 0, ay = 0, bx = 0, by = 0;
    if (a && b) {
        GEOSGeomGetX_r(h, a.get(), &ax);
        GEOSGeomGetY_r(h, a.get(), &ay);
        GEOSGeomGetX_r(h, b.get(), &bx);
        GEOSGeomGetY_r(h, b.get(), &by);
    }
    char len[32];
    std::snprintf(len, sizeof len, "%.2f", geom::length(g));
    return "from " + xy(ax, ay) + " to " + xy(bx, by) + ", length " + len + " m";
}

void addIssues(GEOSGeometry *collection, const std::string &kind, const std::string &what,
               std::vector<BuildIssue> &issues)
{
    if (!collection)
        return;
    GEOSContextHandle_t h = geom::ctx();
    const int n = GEOSGetNumGeometries_r(h, collection);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *g = GEOSGetGeometryN_r(h, collection, i);
        std::string where = GEOSGeomTypeId_r(h, g) == GEOS_LINESTRING ? lineEnds(g) : geom::toWkt(g, 3);
        issues.push_back({kind, what + " " + where, geom::toWkb(g)});
    }
}

} // namespace

std::vector<SurveyLine> boundaryLines(const std::vector<SurveyPoint> &points,
                                      const std::vector<std::pair<int64_t, std::vector<std::string>>> &connections,
                                      const ParcelBuildOptions &options, std::vector<BuildIssue> &issues)
{
    std::vector<SurveyLine> out;
    const std::string prefix = upper(options.linePrefix);
    struct Chain {
        SurveyLine line;
        std::vector<std::string> names;
    };
    std::map<std::string, Chain> open;
    auto finish = [&](const std::string &id) {
        auto it = open.find(id);
        if (it == open.end())
            return;
        Chain &c = it->second;
        if (c.line.eastNorth.size() >= 2) {
            c.line.fromName = c.names.front();
            c.line.toName = c.names.back();
            out.push_back(std::move(c.line));
        } else {
            issues.push_back({"single_point", "line " + id + " has only the point " + c.names.front() + " ("
                                  + xy(c.line.eastNorth.front().first, c.line.eastNorth.front().second) + ")",
                              {}});
        }
        open.erase(it);
    };
    for (const SurveyPoint &p : points) {
        if (prefix.empty())
            break;
        for (const std::string &tok : tokens(p.code)) {
            std::string t = upper(tok);
            if (t.compare(0, prefix.size(), prefix) != 0)
                continue;
            char control = 0;
            if (t.size() > 2 && t[t.size() - 2] == '.') {
                control = t.back();
                t.resize(t.size() - 2);
            }
            if (control && control != 'S' && control != 'C' && control != 'E')
                continue;
            if (control == 'S')
                finish(t);
            Chain &c = open[t];
            if (c.names.empty())
                c.line.code = t;
            c.line.eastNorth.emplace_back(p.east, p.north);
            c.names.push_back(p.name);
            if (control == 'C' && c.line.eastNorth.size() >= 3) {
                c.line.eastNorth.push_back(c.line.eastNorth.front());
                c.names.push_back(c.names.front());
            }
            if (control == 'C' || control == 'E')
                finish(t);
        }
    }
    std::vector<std::string> ids;
    for (const auto &[id, c] : open)
        ids.push_back(id);
    for (const auto &id : ids)
        finish(id);

    if (!connections.empty()) {
        std::unordered_map<std::string, const SurveyPoint *> byName;
        for (const SurveyPoint &p : points)
            byName.emplace(p.name, &p);
        for (const auto &[lineNo, names] : connections) {
            SurveyLine l;
            l.code = "LINE";
            bool bad = false;
            for (const std::string &n : names) {
                const auto it = byName.find(n);
                if (it == byName.end()) {
                    issues.push_back({"unknown_point", "line " + std::to_string(lineNo) + ": LINE names point '" + n
                                          + "', which is not in the file",
                                      {}});
                    bad = true;
                    break;
                }
                l.eastNorth.emplace_back(it->second->east, it->second->north);
            }
            if (bad)
                continue;
            l.fromName = names.front();
            l.toName = names.back();
            out.push_back(std::move(l));
        }
    }
    return out;
}

ParcelBuildResult buildParcels(const std::vector<SurveyLine> &lines, const std::vector<SurveyPoint> &points,
                               const ParcelBuildOptions &options)
{
    ParcelBuildResult r;
    r.lines = lines;
    GEOSContextHandle_t h = geom::ctx();
    std::vector<GEOSGeometry *> parts;
    for (const SurveyLine &l : lines)
        if (l.eastNorth.size() >= 2)
            parts.push_back(lineGeom(l).release());
    if (parts.empty())
        return r;
    geom::GeomPtr all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(),
                                                  static_cast<unsigned>(parts.size())));
    if (options.gridSize > 0)
        all.reset(GEOSGeom_setPrecision_r(h, all.get(), options.gridSize, 0));
    // Node the linework (every crossing becomes a vertex) and drop the
    // duplicate segments that neighbouring parcels share.
    geom::GeomPtr noded(GEOSNode_r(h, all.get()));
    if (noded)
        noded.reset(GEOSUnaryUnion_r(h, noded.get()));
    if (!noded) {
        r.issues.push_back({"invalid_ring", "the boundary lines cannot be noded: " + geom::lastError(), {}});
        return r;
    }
    GEOSGeometry *cuts = nullptr, *dangles = nullptr, *invalid = nullptr;
    geom::GeomPtr polys(GEOSPolygonize_full_r(h, noded.get(), &cuts, &dangles, &invalid));
    geom::GeomPtr cutsPtr(cuts), danglesPtr(dangles), invalidPtr(invalid);
    addIssues(dangles, "dangle", "dangle / unclosed boundary (đoạn treo)", r.issues);
    addIssues(cuts, "cut", "boundary line inside a parcel, not closing anything", r.issues);
    addIssues(invalid, "invalid_ring", "boundary ring that does not form a valid parcel", r.issues);
    if (!polys)
        return r;

    struct Face {
        geom::GeomPtr g;
        double north, east;
    };
    std::vector<Face> faces;
    for (int i = 0, n = GEOSGetNumGeometries_r(h, polys.get()); i < n; ++i) {
        geom::GeomPtr g(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, polys.get(), i)));
        geom::GeomPtr c(GEOSPointOnSurface_r(h, g.get()));
        double x = 0, y = 0;
        GEOSGeomGetX_r(h, c.get(), &x);
        GEOSGeomGetY_r(h, c.get(), &y);
        faces.push_back({std::move(g), y, x});
    }
    std::sort(faces.begin(), faces.end(), [](const Face &a, const Face &b) {
        return std::fabs(a.north - b.north) > 1e-6 ? a.north > b.north : a.east < b.east;
    });

    r.parcels.resize(faces.size());
    std::vector<int> labelCount(faces.size(), 0);
    std::vector<geom::PreparedPtr> prepared;
    for (const Face &f : faces)
        prepared.emplace_back(GEOSPrepare_r(h, f.g.get()));
    const std::string keyword = upper(options.labelKeyword);
    bool anyLabel = false;
    for (const SurveyPoint &p : points) {
        const auto t = tokens(p.code);
        if (t.empty() || upper(t[0]) != keyword)
            continue;
        anyLabel = true;
        geom::GeomPtr pt = pointGeom(p.east, p.north);
        size_t hit = faces.size();
        for (size_t i = 0; i < faces.size(); ++i)
            if (GEOSPreparedContains_r(h, prepared[i].get(), pt.get()) == 1) {
                hit = i;
                break;
            }
        if (hit == faces.size()) {
            r.issues.push_back({"label_outside", "label point " + p.name + " (" + xy(p.east, p.north)
                                    + ", line " + std::to_string(p.line) + ") is not inside any parcel",
                                geom::toWkb(pt.get())});
            continue;
        }
        if (++labelCount[hit] > 1) {
            r.issues.push_back({"label_twice", "label point " + p.name + " (line " + std::to_string(p.line)
                                    + ") is the second label in one parcel; ignored",
                                geom::toWkb(pt.get())});
            continue;
        }
        model::Parcel &parcel = r.parcels[hit];
        if (t.size() > 1) {
            int n = 0;
            const auto res = std::from_chars(t[1].data(), t[1].data() + t[1].size(), n);
            if (res.ec == std::errc() && res.ptr == t[1].data() + t[1].size())
                parcel.thuaSo = n;
            else
                parcel.flags = "invalid_number";
        }
        if (t.size() > 2)
            parcel.landuseCode = upper(t[2]);
    }
    for (size_t i = 0; i < faces.size(); ++i) {
        model::Parcel &p = r.parcels[i];
        p.communeCode = options.communeCode;
        p.toSo = options.toSo;
        p.measuredArea = geom::area(faces[i].g.get());
        geom::GeomPtr mp = geom::asMultiPolygon(faces[i].g.get());
        p.wkb = geom::toWkb(mp.get());
        if (anyLabel && labelCount[i] == 0)
            r.issues.push_back({"unlabelled", "parcel at " + xy(faces[i].east, faces[i].north) + " has no label point",
                                {}});
    }
    return r;
}

} // namespace vnland::survey
