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
#include <numeric>
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

// Exact arithmetic on grid coordinates (integers in units of the grid).
__extension__ using Wide = __int128;

struct GridPoint {
    int64_t x = 0, y = 0;
    bool operator==(const GridPoint &) const = default;
    bool operator<(const GridPoint &o) const { return x != o.x ? x < o.x : y < o.y; }
};

struct Segment {
    GridPoint a, b;                    ///< a < b
};

/// Every boundary segment of @p lines snapped to the grid, once: exact
/// duplicates (neighbours sharing a boundary, a block drawn or coded twice)
/// collapse, and collinear segments that overlap or touch become the union
/// of their extents. Sorting makes it O(n log n); the noder then never sees
/// a pile of overlapping copies (which is quadratic in GEOS).
std::vector<Segment> uniqueSegments(const std::vector<SurveyLine> &lines, double grid, std::vector<BuildIssue> &issues)
{
    struct Keyed {
        int64_t dx, dy;                // primitive direction, dx > 0 or (dx == 0 and dy > 0)
        Wide offset;                   // dx·y − dy·x, the same for every point of the carrier line
        Wide t0, t1;                   // positions along the line (dx·x + dy·y), t0 < t1
        GridPoint a, b;
    };
    std::vector<Keyed> segs;
    constexpr double kMax = 4.0e15; // grid units; keeps the products below in range
    for (const SurveyLine &l : lines) {
        if (l.eastNorth.size() < 2)
            continue;
        std::vector<GridPoint> pts;
        pts.reserve(l.eastNorth.size());
        bool inRange = true;
        for (const auto &[e, n] : l.eastNorth) {
            const double x = std::round(e / grid), y = std::round(n / grid);
            if (!(std::fabs(x) < kMax && std::fabs(y) < kMax)) {
                inRange = false;
                break;
            }
            pts.push_back({static_cast<int64_t>(x), static_cast<int64_t>(y)});
        }
        if (!inRange) {
            issues.push_back({"invalid_ring", "boundary line " + (l.code.empty() ? std::string("(no code)") : l.code)
                                                  + " has coordinates out of range (not finite or beyond 10^12 m); skipped",
                              {}});
            continue;
        }
        for (size_t i = 1; i < pts.size(); ++i) {
            GridPoint a = pts[i - 1], b = pts[i];
            if (a == b)
                continue;
            if (b < a)
                std::swap(a, b);
            int64_t dx = b.x - a.x, dy = b.y - a.y;
            const int64_t g = std::gcd(dx, dy); // dx >= 0; gcd of magnitudes
            dx /= g;
            dy /= g;
            const Wide off = Wide(dx) * a.y - Wide(dy) * a.x;
            segs.push_back({dx, dy, off, Wide(dx) * a.x + Wide(dy) * a.y, Wide(dx) * b.x + Wide(dy) * b.y, a, b});
        }
    }
    std::sort(segs.begin(), segs.end(), [](const Keyed &p, const Keyed &q) {
        if (p.dx != q.dx)
            return p.dx < q.dx;
        if (p.dy != q.dy)
            return p.dy < q.dy;
        if (p.offset != q.offset)
            return p.offset < q.offset;
        return p.t0 < q.t0;
    });
    std::vector<Segment> out;
    for (size_t i = 0; i < segs.size();) {
        // One carrier line: merge the intervals sorted by their start.
        Wide end = segs[i].t1;
        GridPoint a = segs[i].a, b = segs[i].b;
        size_t j = i + 1;
        for (; j < segs.size() && segs[j].dx == segs[i].dx && segs[j].dy == segs[i].dy
               && segs[j].offset == segs[i].offset;
             ++j) {
            if (segs[j].t0 <= end) {
                if (segs[j].t1 > end) {
                    end = segs[j].t1;
                    b = segs[j].b;
                }
                continue;
            }
            out.push_back({a, b});
            a = segs[j].a;
            b = segs[j].b;
            end = segs[j].t1;
        }
        out.push_back({a, b});
        i = j;
    }
    return out;
}

/// The boundary linework noded once (see uniqueSegments), merged through
/// 2-valent vertices. Null with *@p any false when there is no segment.
geom::GeomPtr nodeLinework(const std::vector<SurveyLine> &lines, const ParcelBuildOptions &options,
                           std::vector<BuildIssue> &issues, bool *any)
{
    GEOSContextHandle_t h = geom::ctx();
    const double grid = options.gridSize > 0 ? options.gridSize : 1e-6;
    const std::vector<Segment> segments = uniqueSegments(lines, grid, issues);
    *any = !segments.empty();
    if (segments.empty())
        return nullptr;
    std::vector<GEOSGeometry *> parts;
    parts.reserve(segments.size());
    for (const Segment &sg : segments) {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, 2, 2);
        GEOSCoordSeq_setXY_r(h, seq, 0, static_cast<double>(sg.a.x) * grid, static_cast<double>(sg.a.y) * grid);
        GEOSCoordSeq_setXY_r(h, seq, 1, static_cast<double>(sg.b.x) * grid, static_cast<double>(sg.b.y) * grid);
        parts.push_back(GEOSGeom_createLineString_r(h, seq));
    }
    geom::GeomPtr all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(),
                                                  static_cast<unsigned>(parts.size())));
    // Node the linework once: every crossing becomes a vertex. The segments
    // are unique and collinear ones do not overlap, so the noder sees each
    // boundary once however often the file repeats it. Merging the pieces
    // through their 2-valent vertices gives one edge per boundary run (one
    // dangle issue per overshoot, not one per segment).
    geom::GeomPtr noded(GEOSNode_r(h, all.get()));
    if (noded)
        noded.reset(GEOSLineMerge_r(h, noded.get()));
    return noded;
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

std::vector<SurveyLine> nodedBoundaries(const std::vector<SurveyLine> &lines, const ParcelBuildOptions &options,
                                        std::vector<BuildIssue> &issues)
{
    std::vector<SurveyLine> out;
    bool any = false;
    geom::GeomPtr noded = nodeLinework(lines, options, issues, &any);
    if (!noded)
        return out;
    GEOSContextHandle_t h = geom::ctx();
    for (int i = 0, n = GEOSGetNumGeometries_r(h, noded.get()); i < n; ++i) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, GEOSGetGeometryN_r(h, noded.get(), i));
        unsigned size = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &size))
            continue;
        SurveyLine l;
        for (unsigned k = 0; k < size; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            l.eastNorth.emplace_back(x, y);
        }
        out.push_back(std::move(l));
    }
    return out;
}

ParcelBuildResult buildParcels(const std::vector<SurveyLine> &lines, const std::vector<SurveyPoint> &points,
                               const ParcelBuildOptions &options)
{
    ParcelBuildResult r;
    r.lines = lines;
    GEOSContextHandle_t h = geom::ctx();
    bool any = false;
    geom::GeomPtr noded = nodeLinework(lines, options, r.issues, &any);
    if (!any)
        return r;
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
    // Faces by extent: a label looks at the few whose box holds it.
    geom::STRtreePtr tree(GEOSSTRtree_create_r(h, 10));
    std::vector<size_t> faceIndex(faces.size());
    for (size_t i = 0; i < faces.size(); ++i) {
        faceIndex[i] = i;
        GEOSSTRtree_insert_r(h, tree.get(), faces[i].g.get(), &faceIndex[i]);
    }
    const std::string keyword = upper(options.labelKeyword);
    bool anyLabel = false;
    for (const SurveyPoint &p : points) {
        const auto t = tokens(p.code);
        if (t.empty() || upper(t[0]) != keyword)
            continue;
        anyLabel = true;
        geom::GeomPtr pt = pointGeom(p.east, p.north);
        struct Query {
            GEOSContextHandle_t h;
            const std::vector<geom::PreparedPtr> *prepared;
            const GEOSGeometry *pt;
            size_t hit;
        } q{h, &prepared, pt.get(), faces.size()};
        GEOSSTRtree_query_r(
            h, tree.get(), pt.get(),
            [](void *item, void *data) {
                auto *qq = static_cast<Query *>(data);
                const size_t i = *static_cast<size_t *>(item);
                if (i < qq->hit && GEOSPreparedContains_r(qq->h, (*qq->prepared)[i].get(), qq->pt) == 1)
                    qq->hit = i; // the first face in sort order, as a linear scan would find
            },
            &q);
        const size_t hit = q.hit;
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
