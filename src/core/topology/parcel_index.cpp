// Parsing and indexing parcels for the validation engine.
#include "topology/parcel_index.h"

#include "store/spatialite_blob.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <thread>

namespace vnland::topology {
namespace {

void appendRing(const GEOSGeometry *ring, std::vector<XY> &coords, std::vector<uint32_t> &ends)
{
    auto h = geom::ctx();
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n))
        return;
    const size_t start = coords.size();
    coords.resize(start + n);
    GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double *>(coords.data() + start), 0, 0);
    ends.push_back(static_cast<uint32_t>(coords.size()));
}

void appendPolygon(const GEOSGeometry *poly, std::vector<XY> &coords, std::vector<uint32_t> &ends)
{
    auto h = geom::ctx();
    if (const GEOSGeometry *shell = GEOSGetExteriorRing_r(h, poly))
        appendRing(shell, coords, ends);
    const int holes = GEOSGetNumInteriorRings_r(h, poly);
    for (int k = 0; k < holes; ++k)
        appendRing(GEOSGetInteriorRingN_r(h, poly, k), coords, ends);
}

/// Keeps only the polygonal parts of a MakeValid result.
geom::GeomPtr polygonalPart(geom::GeomPtr g)
{
    auto h = geom::ctx();
    if (!g)
        return g;
    const int type = GEOSGeomTypeId_r(h, g.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return g;
    std::vector<GEOSGeometry *> parts;
    const int n = GEOSGetNumGeometries_r(h, g.get());
    for (int k = 0; k < n; ++k) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(h, g.get(), k);
        const int t = GEOSGeomTypeId_r(h, part);
        if (t == GEOS_POLYGON)
            parts.push_back(GEOSGeom_clone_r(h, part));
        else if (t == GEOS_MULTIPOLYGON)
            for (int m = 0; m < GEOSGetNumGeometries_r(h, part); ++m)
                parts.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, part, m)));
    }
    if (parts.empty())
        return nullptr;
    return geom::GeomPtr(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

} // namespace

int defaultThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallelFor(size_t n, size_t chunk, int threads, const std::function<void(size_t, size_t, int)> &fn,
                 const std::function<void()> &tick, const std::atomic<bool> *cancel)
{
    threads = std::max(1, threads);
    chunk = std::max<size_t>(1, chunk);
    std::atomic<size_t> next{0};
    std::atomic<int> running{threads};
    auto work = [&](int worker) {
        for (;;) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
            const size_t b = next.fetch_add(chunk);
            if (b >= n)
                break;
            fn(b, std::min(n, b + chunk), worker);
        }
        running.fetch_sub(1);
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work, t);
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(tick ? 50 : 5));
        if (tick)
            tick();
    }
    for (auto &t : pool)
        t.join();
}

ParcelIndex::ParcelIndex(const std::vector<model::Parcel> &parcels, int threads,
                         const std::function<void(size_t)> &onParsed, const std::atomic<bool> *cancel)
    : m_parcels(parcels)
{
    const size_t n = parcels.size();
    m_geoms.resize(n);
    m_valid.assign(n, 1);
    m_reason.resize(n);
    m_location.resize(n);
    m_env.resize(n);
    m_area.assign(n, 0);
    m_perimeter.assign(n, 0);
    m_coords.resize(n);
    m_ringEnds.resize(n);
    // GEOS geometries carry no context: parsed on workers, read by all, freed here.
    parallelFor(
        n, 512, threads,
        [&](size_t b, size_t e, int) {
            parseRange(b, e);
            if (onParsed)
                onParsed(e - b);
        },
        {}, cancel);

    auto h = geom::ctx();
    m_tree.reset(GEOSSTRtree_create_r(h, 10));
    for (size_t i = 0; i < n; ++i) {
        if (!m_geoms[i])
            continue;
        GEOSSTRtree_insert_r(h, m_tree.get(), m_geoms[i].get(), reinterpret_cast<void *>(static_cast<uintptr_t>(i + 1)));
        m_extent.expand(m_env[i]);
    }
    // The tree builds itself on the first query; do it here, before workers share it.
    if (n > 0) {
        std::vector<size_t> dummy;
        query(m_extent, 0, dummy);
    }
    m_idOrder.reserve(n);
    for (size_t i = 0; i < n; ++i)
        m_idOrder.emplace_back(parcels[i].id, i);
    std::sort(m_idOrder.begin(), m_idOrder.end());
}

ParcelIndex::~ParcelIndex() = default;

void ParcelIndex::parseRange(size_t begin, size_t end)
{
    auto h = geom::ctx();
    for (size_t i = begin; i < end; ++i) {
        const auto &wkb = m_parcels[i].wkb;
        geom::GeomPtr g = wkb.empty() ? nullptr : geom::fromWkb(wkb.data(), wkb.size());
        if (!g || GEOSisEmpty_r(h, g.get())) {
            m_valid[i] = 0;
            m_reason[i] = g ? "Hình học rỗng" : "Không đọc được hình học (WKB hỏng)";
            continue;
        }
        const int type = GEOSGeomTypeId_r(h, g.get());
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
            m_valid[i] = 0;
            m_reason[i] = std::string("Không phải vùng (") + GEOSGeomType_r(h, g.get()) + ")";
            continue;
        }
        // Vertex arrays come from the geometry as stored, so vertex rules see the source.
        if (type == GEOS_POLYGON) {
            appendPolygon(g.get(), m_coords[i], m_ringEnds[i]);
        } else {
            for (int k = 0; k < GEOSGetNumGeometries_r(h, g.get()); ++k)
                appendPolygon(GEOSGetGeometryN_r(h, g.get(), k), m_coords[i], m_ringEnds[i]);
        }
        // A coordinate that is not a number or not on Earth (1e308) makes every GEOS
        // operation meaningless (and GEOS's WKT writer overflow): the parcel is unreadable.
        const auto bad = std::find_if(m_coords[i].begin(), m_coords[i].end(), [](const XY &p) {
            return !std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > store::kMaxCoordinate ||
                   std::abs(p.y) > store::kMaxCoordinate;
        });
        if (bad != m_coords[i].end()) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "Tọa độ không hợp lệ (%.6g, %.6g): không phải số hoặc quá xa", bad->x, bad->y);
            m_valid[i] = 0;
            m_reason[i] = buf;
            m_coords[i].clear();
            m_ringEnds[i].clear();
            continue;
        }
        char *reason = nullptr;
        GEOSGeometry *location = nullptr;
        const char ok = GEOSisValidDetail_r(h, g.get(), 0, &reason, &location);
        if (ok != 1) {
            m_valid[i] = 0;
            m_reason[i] = reason ? reason : "invalid";
            if (location) {
                GEOSGeomGetX_r(h, location, &m_location[i].x);
                GEOSGeomGetY_r(h, location, &m_location[i].y);
            }
            GEOSMakeValidParams *mp = GEOSMakeValidParams_create_r(h);
            GEOSMakeValidParams_setMethod_r(h, mp, GEOS_MAKE_VALID_STRUCTURE);
            GEOSMakeValidParams_setKeepCollapsed_r(h, mp, 0);
            geom::GeomPtr fixed(GEOSMakeValidWithParams_r(h, g.get(), mp));
            GEOSMakeValidParams_destroy_r(h, mp);
            g = polygonalPart(std::move(fixed));
        }
        if (reason)
            GEOSFree_r(h, reason);
        if (location)
            GEOSGeom_destroy_r(h, location);
        if (!g || GEOSisEmpty_r(h, g.get())) {
            g.reset();
            continue;
        }
        m_env[i] = geom::envelope(g.get());
        m_area[i] = geom::area(g.get());
        m_perimeter[i] = geom::length(g.get());
        m_geoms[i] = std::move(g);
    }
}

const XY *ParcelIndex::ring(size_t i, size_t r, size_t *count) const
{
    const uint32_t start = r == 0 ? 0 : m_ringEnds[i][r - 1];
    *count = m_ringEnds[i][r] - start;
    return m_coords[i].data() + start;
}

namespace {
struct QueryState {
    std::vector<size_t> *out;
};
void collect(void *item, void *userdata)
{
    auto *st = static_cast<QueryState *>(userdata);
    st->out->push_back(static_cast<size_t>(reinterpret_cast<uintptr_t>(item)) - 1);
}
} // namespace

void ParcelIndex::query(const geom::Envelope &env, double margin, std::vector<size_t> &out) const
{
    out.clear();
    if (env.empty || !m_tree)
        return;
    auto h = geom::ctx();
    geom::GeomPtr box(GEOSGeom_createRectangle_r(h, env.minX - margin, env.minY - margin, env.maxX + margin,
                                                  env.maxY + margin));
    QueryState st{&out};
    GEOSSTRtree_query_r(h, m_tree.get(), box.get(), &collect, &st);
}

size_t ParcelIndex::indexOfId(int64_t id) const
{
    auto it = std::lower_bound(m_idOrder.begin(), m_idOrder.end(), std::make_pair(id, size_t(0)));
    if (it == m_idOrder.end() || it->first != id)
        return std::numeric_limits<size_t>::max();
    return it->second;
}

std::vector<unsigned char> pointWkb(double x, double y)
{
    std::vector<unsigned char> out(21);
    out[0] = 1;
    const uint32_t type = 1;
    std::memcpy(&out[1], &type, 4);
    std::memcpy(&out[5], &x, 8);
    std::memcpy(&out[13], &y, 8);
    return out;
}

std::vector<unsigned char> multiPointWkb(const std::vector<XY> &pts)
{
    if (pts.size() == 1)
        return pointWkb(pts[0].x, pts[0].y);
    std::vector<unsigned char> out(9 + pts.size() * 21);
    out[0] = 1;
    const uint32_t type = 4;
    const uint32_t n = static_cast<uint32_t>(pts.size());
    std::memcpy(&out[1], &type, 4);
    std::memcpy(&out[5], &n, 4);
    for (size_t k = 0; k < pts.size(); ++k) {
        const auto p = pointWkb(pts[k].x, pts[k].y);
        std::memcpy(&out[9 + k * 21], p.data(), 21);
    }
    return out;
}

} // namespace vnland::topology
