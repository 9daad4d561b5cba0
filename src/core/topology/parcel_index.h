// The parsed, indexed form of a parcel set that rules and fixes work on:
// GEOS geometries (made valid where the source is invalid, so that no parcel
// is silently skipped by neighbour rules), flat vertex arrays and an STRtree.
// Built once per run; read concurrently by the worker threads afterwards.
#pragma once

#include "geom/geos_context.h"
#include "model/parcel.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vnland::topology {

struct XY {
    double x = 0, y = 0;
};

class ParcelIndex {
public:
    /// Parses @p parcels with @p threads workers. @p onParsed(count) is called
    /// from workers as chunks finish (for progress). @p cancel may be null.
    ParcelIndex(const std::vector<model::Parcel> &parcels, int threads,
                const std::function<void(size_t)> &onParsed = {}, const std::atomic<bool> *cancel = nullptr);
    ~ParcelIndex();
    ParcelIndex(const ParcelIndex &) = delete;
    ParcelIndex &operator=(const ParcelIndex &) = delete;

    size_t size() const { return m_parcels.size(); }
    const model::Parcel &parcel(size_t i) const { return m_parcels[i]; }
    const std::vector<model::Parcel> &parcels() const { return m_parcels; }

    /// The geometry rules use: the parcel as stored, or its MakeValid repair
    /// when invalid; null when the WKB could not be read or was empty.
    const GEOSGeometry *geometry(size_t i) const { return m_geoms[i].get(); }
    bool readable(size_t i) const { return m_geoms[i] != nullptr; }
    bool valid(size_t i) const { return m_valid[i]; }
    const std::string &invalidReason(size_t i) const { return m_reason[i]; }
    XY invalidLocation(size_t i) const { return m_location[i]; }
    const geom::Envelope &envelope(size_t i) const { return m_env[i]; }
    double area(size_t i) const { return m_area[i]; }
    double perimeter(size_t i) const { return m_perimeter[i]; }

    /// Rings of parcel i (shell first, then holes, polygon by polygon); each
    /// ring is closed (last point equals first) as stored.
    size_t ringCount(size_t i) const { return m_ringEnds[i].size(); }
    const XY *ring(size_t i, size_t r, size_t *count) const;

    /// Parcels whose envelope meets @p env grown by @p margin (including any in it).
    void query(const geom::Envelope &env, double margin, std::vector<size_t> &out) const;
    /// Position of a parcel id, or SIZE_MAX.
    size_t indexOfId(int64_t id) const;

    const geom::Envelope &extent() const { return m_extent; }

private:
    void parseRange(size_t begin, size_t end);

    const std::vector<model::Parcel> &m_parcels;
    std::vector<geom::GeomPtr> m_geoms;
    std::vector<char> m_valid;
    std::vector<std::string> m_reason;
    std::vector<XY> m_location;
    std::vector<geom::Envelope> m_env;
    std::vector<double> m_area;
    std::vector<double> m_perimeter;
    std::vector<std::vector<XY>> m_coords;          // all rings of a parcel, back to back
    std::vector<std::vector<uint32_t>> m_ringEnds;  // one past the last point of each ring
    geom::STRtreePtr m_tree;
    std::vector<std::pair<int64_t, size_t>> m_idOrder;
    geom::Envelope m_extent;
};

/// 2D little-endian WKB for a point (no GEOS round trip).
std::vector<unsigned char> pointWkb(double x, double y);
/// 2D WKB multipoint.
std::vector<unsigned char> multiPointWkb(const std::vector<XY> &pts);

/// Runs fn(begin, end) over [0, n) in chunks on @p threads threads (the calling
/// thread waits, calling @p tick every ~100 ms). Stops handing out chunks when
/// @p cancel becomes true.
void parallelFor(size_t n, size_t chunk, int threads, const std::function<void(size_t, size_t, int worker)> &fn,
                 const std::function<void()> &tick = {}, const std::atomic<bool> *cancel = nullptr);

/// Default number of worker threads (all cores).
int defaultThreads();

} // namespace vnland::topology
