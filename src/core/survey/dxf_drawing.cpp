// DXF drawing → parcels (GDAL DXF driver, GEOS noding/polygonizing).
#include "survey/dxf_drawing.h"

#include "geom/geos_context.h"
#include "io/ogr_util.h"
#include "io/text_encoding.h"

#include <QString>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>

namespace vnland::survey {
namespace {

/// "10", "Level 10", "LV_10", "L10" → 10; otherwise -1.
int levelOf(const std::string &layer)
{
    static const std::regex re(R"(^\s*(?:level|lv|l)?[\s_\-]*(\d{1,3})\s*$)", std::regex::icase);
    std::smatch m;
    return std::regex_match(layer, m, re) ? std::stoi(m[1].str()) : -1;
}

bool layerIn(const std::string &layer, const std::vector<std::string> &list)
{
    const int lv = levelOf(layer);
    for (const auto &l : list) {
        if (QString::fromStdString(l).compare(QString::fromStdString(layer), Qt::CaseInsensitive) == 0)
            return true;
        if (lv >= 0 && levelOf(l) == lv)
            return true;
    }
    return false;
}

enum class TextKind { Number, Code, Area, Other };

TextKind classify(const std::string &t, int *number, double *area)
{
    int n = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), n);
    if (r.ec == std::errc() && r.ptr == t.data() + t.size() && n > 0) {
        *number = n;
        return TextKind::Number;
    }
    double a = 0;
    std::string d = t;
    std::replace(d.begin(), d.end(), ',', '.');
    auto r2 = std::from_chars(d.data(), d.data() + d.size(), a);
    if (r2.ec == std::errc() && r2.ptr == d.data() + d.size() && a > 0) {
        *area = a;
        return TextKind::Area;
    }
    if (t.size() >= 2 && t.size() <= 4
        && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return TextKind::Code;
    return TextKind::Other;
}

/// Text of a DXF TEXT/MTEXT as UTF-8: legacy encodings come through GDAL as
/// Latin-1 (one code point per byte) and are decoded from those bytes.
std::string decodeText(const char *raw, const std::optional<io::TextEncoding> &enc)
{
    std::string s = raw ? raw : "";
    if (enc && *enc != io::TextEncoding::Utf8) {
        const QByteArray bytes = QString::fromUtf8(s.c_str()).toLatin1();
        s = io::decode(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), *enc);
    }
    // MTEXT paragraph breaks and trailing blanks.
    std::replace(s.begin(), s.end(), '\n', ' ');
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

/// The faces by extent: the first one (lowest index) that contains a point,
/// looking only at those whose box holds it (no scan of every face per text).
class FaceIndex {
public:
    FaceIndex(const std::vector<geom::GeomPtr> &faces, size_t count)
        : m_h(geom::ctx()), m_tree(GEOSSTRtree_create_r(m_h, 10)), m_index(count)
    {
        for (size_t i = 0; i < count; ++i) {
            m_prepared.emplace_back(GEOSPrepare_r(m_h, faces[i].get()));
            m_index[i] = i;
            GEOSSTRtree_insert_r(m_h, m_tree.get(), faces[i].get(), &m_index[i]);
        }
    }
    /// count (the constructor's) when no face contains @p pt.
    size_t firstContaining(const GEOSGeometry *pt) const
    {
        struct Q {
            const FaceIndex *self;
            const GEOSGeometry *pt;
            size_t hit;
        } q{this, pt, m_index.size()};
        if (m_index.empty())
            return 0;
        GEOSSTRtree_query_r(
            m_h, m_tree.get(), pt,
            [](void *item, void *data) {
                auto *qq = static_cast<Q *>(data);
                const size_t i = *static_cast<size_t *>(item);
                if (i < qq->hit && GEOSPreparedContains_r(qq->self->m_h, qq->self->m_prepared[i].get(), qq->pt) == 1)
                    qq->hit = i;
            },
            &q);
        return q.hit;
    }

private:
    GEOSContextHandle_t m_h;
    geom::STRtreePtr m_tree;
    std::vector<size_t> m_index;
    std::vector<geom::PreparedPtr> m_prepared;
};

} // namespace

DxfResult readDxfDrawing(const std::string &path, const DxfOptions &options)
{
    DxfResult res;
    std::optional<io::TextEncoding> enc;
    if (!options.encoding.empty()) {
        enc = io::parseEncoding(options.encoding);
        if (!enc) {
            res.error = "unknown text encoding '" + options.encoding + "'";
            return res;
        }
    }
    std::vector<std::string> boundary = options.boundaryLayers, numberLayers, codeLayers, areaLayers;
    const bool any = options.preset == "any";
    if (!any && options.preset != "tt25") {
        res.error = "unknown DXF layer preset '" + options.preset + "' (tt25 or any)";
        return res;
    }
    if (!any) {
        if (boundary.empty())
            boundary = {"10"};
        numberLayers = {"11"};
        codeLayers = {"2"};
        areaLayers = {"4"};
    }

    // A text DXF never holds a NUL byte; GDAL 3.6's DXF reader loops for ever on one inside a group
    // value (found by fuzzing). Binary DXF (its own sentinel) is left to GDAL.
    {
        std::ifstream in(path, std::ios::binary);
        if (in) {
            static constexpr char kBinarySentinel[] = "AutoCAD Binary DXF";
            char head[sizeof kBinarySentinel - 1] = {};
            in.read(head, sizeof head);
            const bool binary = in.gcount() == static_cast<std::streamsize>(sizeof head) &&
                                std::memcmp(head, kBinarySentinel, sizeof head) == 0;
            in.clear();
            in.seekg(0);
            int64_t line = 1;
            char buf[65536];
            while (!binary && in) {
                in.read(buf, sizeof buf);
                const std::streamsize n = in.gcount();
                for (std::streamsize i = 0; i < n; ++i) {
                    if (buf[i] == '\n')
                        ++line;
                    else if (buf[i] == '\0') {
                        res.error = path + ": line " + std::to_string(line) +
                                    ": a NUL byte in a text DXF (the file is damaged or not a DXF drawing)";
                        return res;
                    }
                }
            }
        }
    }

    // GDALAllRegister is cheap after the first call (the CLI and the editor
    // call it at start-up; library users such as tests may not have).
    if (!GDALGetDriverByName("DXF"))
        GDALAllRegister();
    io::ScopedGdalErrors errors;
    // Legacy 8-bit text must reach us byte for byte.
    io::ScopedConfig cfg("DXF_ENCODING", enc && *enc != io::TextEncoding::Utf8 ? "ISO-8859-1" : nullptr);
    io::ScopedConfig inline_("DXF_INLINE_BLOCKS", "TRUE");
    const char *drivers[] = {"DXF", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds) {
        res.error = path + ": cannot be read as DXF (" + errors.last() + ")";
        return res;
    }
    std::vector<SurveyLine> open;
    std::vector<geom::GeomPtr> closed;
    struct Text {
        std::string layer, text;
        double east, north;
    };
    std::vector<Text> texts;
    GEOSContextHandle_t h = geom::ctx();
    for (auto &&layer : ds->GetLayers()) {
        for (auto &&feature : *layer) {
            const char *layerName = feature->GetFieldAsString("Layer");
            const std::string lname = layerName ? layerName : "";
            OGRGeometry *g = feature->GetGeometryRef();
            if (!g)
                continue;
            const int textIdx = feature->GetFieldIndex("Text");
            const auto type = wkbFlatten(g->getGeometryType());
            // "TEXT on layer '11' (handle 1F1)": how a rejected entity is named.
            auto entityName = [&](const char *what) {
                const int hIdx = feature->GetFieldIndex("EntityHandle");
                const char *handle = hIdx >= 0 && feature->IsFieldSetAndNotNull(hIdx) ? feature->GetFieldAsString(hIdx) : "";
                return std::string(what) + " on layer '" + lname + "'"
                     + (handle && *handle ? " (handle " + std::string(handle) + ")"
                                          : " (feature " + std::to_string(feature->GetFID()) + ")");
            };
            auto reject = [&](const std::string &entity, const std::string &why) {
                res.rejected.push_back({0, entity, entity + ": " + why});
            };
            if (type == wkbPoint && textIdx >= 0 && feature->IsFieldSetAndNotNull(textIdx)) {
                const auto *pt = g->toPoint();
                const std::string text = decodeText(feature->GetFieldAsString(textIdx), enc);
                if (pt->IsEmpty() || !std::isfinite(pt->getX()) || !std::isfinite(pt->getY())) {
                    reject(entityName("TEXT") + " '" + text.substr(0, 40) + "'",
                           "its insertion point is not a finite coordinate (NaN or infinite)");
                    continue;
                }
                texts.push_back({lname, text, pt->getX(), pt->getY()});
                continue;
            }
            if (type != wkbLineString && type != wkbPolygon && type != wkbMultiLineString && type != wkbMultiPolygon)
                continue;
            if (!any && !layerIn(lname, boundary))
                continue;
            const char *kindName = type == wkbPolygon || type == wkbMultiPolygon ? "HATCH/polygon" : "polyline";
            if (g->IsEmpty()) {
                reject(entityName(kindName), type == wkbPolygon || type == wkbMultiPolygon
                                                 ? "no boundary path (an empty area): nothing to draw a parcel from"
                                                 : "no vertices");
                continue;
            }
            bool finiteVertices = true;
            auto addLine = [&](const OGRLineString *ls) {
                if (!ls || ls->getNumPoints() < 2)
                    return;
                for (int i = 0; i < ls->getNumPoints(); ++i)
                    if (!std::isfinite(ls->getX(i)) || !std::isfinite(ls->getY(i))) {
                        if (finiteVertices)
                            reject(entityName(kindName), "vertex " + std::to_string(i + 1)
                                                             + " is not a finite coordinate (NaN or infinite)");
                        finiteVertices = false;
                        return;
                    }
                SurveyLine l;
                l.kind = "drawing";
                l.code = lname;
                for (int i = 0; i < ls->getNumPoints(); ++i)
                    l.eastNorth.emplace_back(ls->getX(i), ls->getY(i));
                const bool isClosed = ls->getNumPoints() >= 4 && ls->get_IsClosed();
                if (isClosed) {
                    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(l.eastNorth.size()), 2);
                    for (size_t i = 0; i < l.eastNorth.size(); ++i)
                        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), l.eastNorth[i].first,
                                             l.eastNorth[i].second);
                    GEOSGeometry *ring = GEOSGeom_createLinearRing_r(h, seq);
                    geom::GeomPtr pg(ring ? GEOSGeom_createPolygon_r(h, ring, nullptr, 0) : nullptr);
                    if (pg && GEOSisValid_r(h, pg.get()) == 1) {
                        closed.push_back(std::move(pg));
                        ++res.closedPolylines;
                        res.build.lines.push_back(std::move(l));
                        return;
                    }
                }
                ++res.openLines;
                open.push_back(std::move(l));
            };
            // Outer rings only: a HATCH's island paths are not parcels.
            if (type == wkbLineString)
                addLine(g->toLineString());
            else if (type == wkbPolygon)
                addLine(g->toPolygon()->getExteriorRing());
            else if (type == wkbMultiPolygon)
                for (const auto *part : *g->toMultiPolygon())
                    addLine(part ? part->getExteriorRing() : nullptr);
            else
                for (const auto *part : *g->toMultiLineString())
                    addLine(part);
        }
    }
    res.texts = static_cast<int>(texts.size());

    // Open linework is noded and polygonized together with the closed
    // polylines (their edges close the open faces next to them); faces inside
    // a closed polyline are dropped, the closed polyline is the parcel.
    std::vector<SurveyLine> linework = open;
    linework.insert(linework.end(), res.build.lines.begin(), res.build.lines.end());
    ParcelBuildResult fromOpen = open.empty() ? ParcelBuildResult{} : buildParcels(linework, {}, options.parcels);
    fromOpen.lines.clear(); // already in res.build.lines (closed) or added below (open)
    fromOpen.lines = open;
    res.build.issues = std::move(fromOpen.issues);
    for (auto &l : fromOpen.lines)
        res.build.lines.push_back(std::move(l));
    std::vector<geom::GeomPtr> faces = std::move(closed);
    {
        const size_t nClosed = faces.size();
        const FaceIndex closedIndex(faces, nClosed);
        for (const auto &p : fromOpen.parcels) {
            geom::GeomPtr g = geom::fromWkb(p.wkb.data(), p.wkb.size());
            geom::GeomPtr inside(g ? GEOSPointOnSurface_r(h, g.get()) : nullptr);
            if (!inside)
                continue;
            if (closedIndex.firstContaining(inside.get()) == nClosed)
                faces.push_back(std::move(g));
        }
    }

    // Labels.
    const FaceIndex faceIndex(faces, faces.size());
    res.build.parcels.resize(faces.size());
    std::vector<std::optional<double>> drawnArea(faces.size());
    for (const Text &t : texts) {
        geom::GeomPtr pt(GEOSGeom_createPointFromXY_r(h, t.east, t.north));
        const size_t hit = faceIndex.firstContaining(pt.get());
        int number = 0;
        double area = 0;
        TextKind kind = classify(t.text, &number, &area);
        if (!any) {
            if (layerIn(t.layer, numberLayers))
                kind = kind == TextKind::Number ? kind : TextKind::Other;
            else if (layerIn(t.layer, codeLayers))
                kind = TextKind::Code;
            else if (layerIn(t.layer, areaLayers))
                kind = kind == TextKind::Area || kind == TextKind::Number ? TextKind::Area : TextKind::Other;
            else
                kind = TextKind::Other;
            if (kind == TextKind::Area && area == 0)
                area = number;
        }
        if (hit == faces.size() || kind == TextKind::Other) {
            res.otherLabels.push_back({t.layer, t.text, t.north, t.east});
            continue;
        }
        model::Parcel &p = res.build.parcels[hit];
        if (kind == TextKind::Number)
            p.thuaSo = number;
        else if (kind == TextKind::Code)
            p.landuseCode = QString::fromStdString(t.text).toUpper().toStdString();
        else
            drawnArea[hit] = area;
    }
    for (size_t i = 0; i < faces.size(); ++i) {
        model::Parcel &p = res.build.parcels[i];
        p.communeCode = options.parcels.communeCode;
        p.toSo = options.parcels.toSo;
        p.measuredArea = geom::area(faces[i].get());
        if (drawnArea[i] && std::fabs(*drawnArea[i] - *p.measuredArea) > std::max(0.5, 0.005 * *p.measuredArea))
            p.flags = "area_differs_from_drawing";
        geom::GeomPtr mp = geom::asMultiPolygon(faces[i].get());
        p.wkb = geom::toWkb(mp.get());
    }
    res.layout = "DXF, preset " + options.preset + ": " + std::to_string(res.closedPolylines) + " closed polylines, "
               + std::to_string(res.openLines) + " open lines, " + std::to_string(res.texts) + " texts";
    res.ok = true;
    return res;
}

} // namespace vnland::survey
