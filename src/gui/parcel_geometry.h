// Parcel outlines kept in memory for drawing and hit testing: one flat point
// array (floats relative to an origin, 8 bytes a vertex), ring offsets, a
// bounding box per parcel and a uniform grid index for bbox queries.
// Built once when a project opens, then shared read-only with render workers.
#pragma once

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <memory>
#include <vector>

namespace vnland::gui {

struct FPoint {
    float x;
    float y;
};

class ParcelGeometry {
public:
    /// Number of parcels (same order as Document rows).
    size_t size() const { return m_bbox.size(); }
    const QRectF &extent() const { return m_extent; }
    const QRectF &bbox(size_t i) const { return m_bbox[i]; }
    QPointF origin() const { return m_origin; }

    /// Rings of parcel @p i: ring r spans points [ringBegin(r), ringBegin(r+1)).
    uint32_t firstRing(size_t i) const { return m_parcelRing[i]; }
    uint32_t endRing(size_t i) const { return m_parcelRing[i + 1]; }
    uint32_t ringBegin(uint32_t r) const { return m_ringOffset[r]; }
    const FPoint *points() const { return m_points.data(); }
    /// A point inside the parcel's largest ring area, for labels.
    QPointF labelPoint(size_t i) const { return m_label[i]; }

    /// Appends the indexes of parcels whose bbox intersects @p rect (world units).
    void query(const QRectF &rect, std::vector<uint32_t> &out) const;
    /// Odd-even point-in-polygon test over all rings of parcel @p i.
    bool contains(size_t i, const QPointF &p) const;
    /// The topmost parcel containing @p p, or -1.
    int64_t parcelAt(const QPointF &p) const;

    class Builder;

    /// Rings in absolute coordinates (outer and holes, as decoded from WKB).
    using Rings = std::vector<std::vector<QPointF>>;
    /// Where a row of an edited store comes from: a row of this store, or new rings.
    struct RowSource {
        int64_t baseRow = -1;          // >= 0: copy that row's rings
        const Rings *rings = nullptr;  // else: these rings (absolute coordinates)
    };
    /// A new store with rows taken from this one or replaced (edits, inserts,
    /// removals). Keeps the origin; O(points) copy plus a fresh index, a few
    /// milliseconds at 100 000 parcels, so an edit never waits for a reload.
    std::shared_ptr<const ParcelGeometry> edited(const std::vector<RowSource> &rows) const;
    /// Rings of parcel @p i in absolute coordinates (float precision).
    Rings rings(size_t i) const;

private:
    /// Bounding boxes, label points, extent and index; rows with a source row
    /// in @p base (same origin) take its box and label instead of recomputing.
    void finalize(const ParcelGeometry *base, const std::vector<int64_t> *sourceRows);
    void buildIndex();

    QPointF m_origin;
    QRectF m_extent;
    std::vector<FPoint> m_points;
    std::vector<uint32_t> m_ringOffset{0};
    std::vector<uint32_t> m_parcelRing{0};
    std::vector<QRectF> m_bbox;
    std::vector<QPointF> m_label;

    // Grid index: each parcel sits in the cell of its bbox centre; a query is
    // widened by the largest half-size seen; parcels bigger than a cell are kept
    // apart and always tested.
    double m_cell = 1;
    int m_cols = 0, m_rows = 0;
    double m_maxHalfW = 0, m_maxHalfH = 0;
    std::vector<uint32_t> m_cellStart;
    std::vector<uint32_t> m_cellItems;
    std::vector<uint32_t> m_large;
};

/// Collects parcels one at a time (WKB Polygon/MultiPolygon, 2D or Z/M).
class ParcelGeometry::Builder {
public:
    /// Adds a parcel; an empty or unreadable WKB gives an empty parcel. Returns false if unreadable.
    bool add(const unsigned char *wkb, size_t size);
    bool add(const std::vector<unsigned char> &wkb) { return add(wkb.data(), wkb.size()); }
    std::shared_ptr<const ParcelGeometry> finish();

private:
    std::vector<double> m_xy;            // absolute coordinates until finish()
    std::vector<uint32_t> m_ringOffset{0};
    std::vector<uint32_t> m_parcelRing{0};
};

/// Decodes a WKB Polygon/MultiPolygon into rings of absolute coordinates.
bool decodeWkbRings(const unsigned char *wkb, size_t size, std::vector<std::vector<QPointF>> &rings);

} // namespace vnland::gui
