// Flat parcel geometry store, WKB decoding and the grid index.
#include "gui/parcel_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace vnland::gui {
namespace {

// Minimal WKB reader for the polygon types parcels use.
class WkbReader {
public:
    WkbReader(const unsigned char *d, size_t n) : m_d(d), m_n(n) {}
    bool ok() const { return m_ok; }
    uint8_t byte()
    {
        if (m_pos + 1 > m_n) {
            m_ok = false;
            return 0;
        }
        return m_d[m_pos++];
    }
    uint32_t u32(bool le)
    {
        if (m_pos + 4 > m_n) {
            m_ok = false;
            return 0;
        }
        uint8_t b[4];
        std::memcpy(b, m_d + m_pos, 4);
        m_pos += 4;
        return le ? (uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24)
                  : (uint32_t(b[3]) | uint32_t(b[2]) << 8 | uint32_t(b[1]) << 16 | uint32_t(b[0]) << 24);
    }
    double f64(bool le)
    {
        if (m_pos + 8 > m_n) {
            m_ok = false;
            return 0;
        }
        uint8_t b[8];
        std::memcpy(b, m_d + m_pos, 8);
        m_pos += 8;
        if (!le)
            std::reverse(b, b + 8);
        double v;
        std::memcpy(&v, b, 8);
        return v;
    }

private:
    const unsigned char *m_d;
    size_t m_n;
    size_t m_pos = 0;
    bool m_ok = true;
};

// Returns base type (1..7) and number of ordinates per point.
void splitType(uint32_t t, uint32_t &base, int &dims)
{
    dims = 2;
    if (t & 0x80000000u)
        ++dims; // EWKB Z
    if (t & 0x40000000u)
        ++dims; // EWKB M
    t &= 0x0FFFFFFFu;
    if (t >= 3000) {
        dims = 4;
        t -= 3000;
    } else if (t >= 2000 || t >= 1000) {
        dims = 3;
        t -= t >= 2000 ? 2000 : 1000;
    }
    base = t;
}

bool readPolygon(WkbReader &r, bool le, int dims, std::vector<std::vector<QPointF>> &rings)
{
    const uint32_t nr = r.u32(le);
    if (!r.ok() || nr > 100000)
        return false;
    for (uint32_t i = 0; i < nr; ++i) {
        const uint32_t np = r.u32(le);
        if (!r.ok() || np > 50'000'000)
            return false;
        std::vector<QPointF> ring;
        ring.reserve(np);
        for (uint32_t k = 0; k < np; ++k) {
            const double x = r.f64(le);
            const double y = r.f64(le);
            for (int d = 2; d < dims; ++d)
                r.f64(le);
            if (!r.ok())
                return false;
            ring.emplace_back(x, y);
        }
        rings.push_back(std::move(ring));
    }
    return true;
}

} // namespace

bool decodeWkbRings(const unsigned char *wkb, size_t size, std::vector<std::vector<QPointF>> &rings)
{
    rings.clear();
    if (!wkb || size < 5)
        return false;
    WkbReader r(wkb, size);
    const bool le = r.byte() == 1;
    uint32_t base;
    int dims;
    splitType(r.u32(le), base, dims);
    if (base == 3)
        return readPolygon(r, le, dims, rings);
    if (base == 6) {
        const uint32_t n = r.u32(le);
        for (uint32_t i = 0; i < n && r.ok(); ++i) {
            const bool ple = r.byte() == 1;
            uint32_t pbase;
            int pdims;
            splitType(r.u32(ple), pbase, pdims);
            if (pbase != 3 || !readPolygon(r, ple, pdims, rings))
                return false;
        }
        return r.ok();
    }
    return false;
}

bool ParcelGeometry::Builder::add(const unsigned char *wkb, size_t size)
{
    std::vector<std::vector<QPointF>> rings;
    const bool ok = size > 0 && decodeWkbRings(wkb, size, rings);
    if (ok) {
        for (const auto &ring : rings) {
            for (const QPointF &p : ring) {
                m_xy.push_back(p.x());
                m_xy.push_back(p.y());
            }
            m_ringOffset.push_back(uint32_t(m_xy.size() / 2));
        }
    }
    m_parcelRing.push_back(uint32_t(m_ringOffset.size() - 1));
    return ok;
}

std::shared_ptr<const ParcelGeometry> ParcelGeometry::Builder::finish()
{
    auto g = std::make_shared<ParcelGeometry>();
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (size_t i = 0; i + 1 < m_xy.size(); i += 2) {
        minX = std::min(minX, m_xy[i]);
        maxX = std::max(maxX, m_xy[i]);
        minY = std::min(minY, m_xy[i + 1]);
        maxY = std::max(maxY, m_xy[i + 1]);
    }
    if (m_xy.empty())
        minX = minY = maxX = maxY = 0;
    g->m_origin = QPointF(minX, minY);
    g->m_extent = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    g->m_points.resize(m_xy.size() / 2);
    for (size_t i = 0; i < g->m_points.size(); ++i)
        g->m_points[i] = {float(m_xy[2 * i] - minX), float(m_xy[2 * i + 1] - minY)};
    std::vector<double>().swap(m_xy);
    g->m_ringOffset = std::move(m_ringOffset);
    g->m_parcelRing = std::move(m_parcelRing);

    g->finalize(nullptr, nullptr);
    return g;
}

void ParcelGeometry::finalize(const ParcelGeometry *base, const std::vector<int64_t> *sourceRows)
{
    const size_t n = m_parcelRing.size() - 1;
    m_bbox.resize(n);
    m_label.resize(n);
    for (size_t i = 0; i < n; ++i) {
        if (base && (*sourceRows)[i] >= 0) {
            // Unchanged row of an edited store: same points, same origin.
            m_bbox[i] = base->m_bbox[size_t((*sourceRows)[i])];
            m_label[i] = base->m_label[size_t((*sourceRows)[i])];
            continue;
        }
        float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = std::numeric_limits<float>::lowest(), y1 = x1;
        double bestArea = -1;
        QPointF label;
        for (uint32_t r = firstRing(i); r < endRing(i); ++r) {
            const uint32_t b = ringBegin(r), e = ringBegin(r + 1);
            double a2 = 0, cx = 0, cy = 0;
            for (uint32_t k = b; k < e; ++k) {
                const FPoint &p = m_points[k];
                x0 = std::min(x0, p.x);
                x1 = std::max(x1, p.x);
                y0 = std::min(y0, p.y);
                y1 = std::max(y1, p.y);
                const FPoint &q = m_points[k + 1 < e ? k + 1 : b];
                const double c = double(p.x) * q.y - double(q.x) * p.y;
                a2 += c;
                cx += (double(p.x) + q.x) * c;
                cy += (double(p.y) + q.y) * c;
            }
            if (std::abs(a2) > bestArea && e > b) {
                bestArea = std::abs(a2);
                label = std::abs(a2) > 1e-9 ? QPointF(cx / (3 * a2), cy / (3 * a2)) : QPointF(m_points[b].x, m_points[b].y);
            }
        }
        if (x0 > x1) {
            m_bbox[i] = QRectF();
            m_label[i] = m_origin;
            continue;
        }
        m_bbox[i] = QRectF(QPointF(x0 + m_origin.x(), y0 + m_origin.y()), QPointF(x1 + m_origin.x(), y1 + m_origin.y()));
        m_label[i] = label + m_origin;
    }
    QRectF ext;
    for (const QRectF &b : m_bbox)
        if (!b.isNull())
            ext = ext.isNull() ? b : ext.united(b);
    m_extent = ext.isNull() ? QRectF(m_origin, QSizeF(0, 0)) : ext;
    buildIndex();
}

std::shared_ptr<const ParcelGeometry> ParcelGeometry::edited(const std::vector<RowSource> &rows) const
{
    auto g = std::make_shared<ParcelGeometry>();
    g->m_origin = m_origin;
    if (size() == 0) {
        for (const RowSource &s : rows)
            if (s.rings)
                for (const auto &r : *s.rings)
                    if (!r.empty()) {
                        g->m_origin = r.front();
                        break;
                    }
    }
    size_t points = 0;
    for (const RowSource &s : rows)
        if (s.baseRow >= 0)
            points += m_ringOffset[m_parcelRing[size_t(s.baseRow) + 1]] - m_ringOffset[m_parcelRing[size_t(s.baseRow)]];
        else if (s.rings)
            for (const auto &r : *s.rings)
                points += r.size();
    g->m_points.reserve(points);
    g->m_parcelRing.reserve(rows.size() + 1);
    std::vector<int64_t> sourceRows(rows.size(), -1);
    const double ox = g->m_origin.x(), oy = g->m_origin.y();
    for (size_t k = 0; k < rows.size(); ++k) {
        const RowSource &s = rows[k];
        if (s.baseRow >= 0) {
            sourceRows[k] = s.baseRow;
            const size_t i = size_t(s.baseRow);
            for (uint32_t r = firstRing(i); r < endRing(i); ++r) {
                g->m_points.insert(g->m_points.end(), m_points.begin() + ringBegin(r), m_points.begin() + ringBegin(r + 1));
                g->m_ringOffset.push_back(uint32_t(g->m_points.size()));
            }
        } else if (s.rings) {
            for (const auto &ring : *s.rings) {
                for (const QPointF &p : ring)
                    g->m_points.push_back({float(p.x() - ox), float(p.y() - oy)});
                g->m_ringOffset.push_back(uint32_t(g->m_points.size()));
            }
        }
        g->m_parcelRing.push_back(uint32_t(g->m_ringOffset.size() - 1));
    }
    const bool sameOrigin = g->m_origin == m_origin;
    g->finalize(sameOrigin ? this : nullptr, &sourceRows);
    return g;
}

ParcelGeometry::Rings ParcelGeometry::rings(size_t i) const
{
    Rings out;
    if (i >= size())
        return out;
    for (uint32_t r = firstRing(i); r < endRing(i); ++r) {
        std::vector<QPointF> ring;
        for (uint32_t k = ringBegin(r); k < ringBegin(r + 1); ++k)
            ring.emplace_back(m_origin.x() + m_points[k].x, m_origin.y() + m_points[k].y);
        out.push_back(std::move(ring));
    }
    return out;
}

void ParcelGeometry::buildIndex()
{
    const size_t n = size();
    const double w = std::max(1.0, m_extent.width()), h = std::max(1.0, m_extent.height());
    // About 4 parcels per cell.
    m_cell = std::max(1.0, std::sqrt(w * h / std::max<size_t>(1, n / 4)));
    m_cols = std::max(1, int(std::ceil(w / m_cell)));
    m_rows = std::max(1, int(std::ceil(h / m_cell)));
    while (size_t(m_cols) * m_rows > 4 * n + 16) {
        m_cell *= 1.5;
        m_cols = std::max(1, int(std::ceil(w / m_cell)));
        m_rows = std::max(1, int(std::ceil(h / m_cell)));
    }
    std::vector<uint32_t> cellOf(n, UINT32_MAX);
    std::vector<uint32_t> count(size_t(m_cols) * m_rows + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const QRectF &b = m_bbox[i];
        if (b.isNull())
            continue;
        if (b.width() > m_cell || b.height() > m_cell) {
            m_large.push_back(uint32_t(i));
            continue;
        }
        m_maxHalfW = std::max(m_maxHalfW, b.width() / 2);
        m_maxHalfH = std::max(m_maxHalfH, b.height() / 2);
        const int cx = std::clamp(int((b.center().x() - m_extent.left()) / m_cell), 0, m_cols - 1);
        const int cy = std::clamp(int((b.center().y() - m_extent.top()) / m_cell), 0, m_rows - 1);
        cellOf[i] = uint32_t(cy) * m_cols + cx;
        ++count[cellOf[i] + 1];
    }
    for (size_t c = 1; c < count.size(); ++c)
        count[c] += count[c - 1];
    m_cellStart = count;
    m_cellItems.resize(count.back());
    for (size_t i = 0; i < n; ++i)
        if (cellOf[i] != UINT32_MAX)
            m_cellItems[count[cellOf[i]]++] = uint32_t(i);
}

void ParcelGeometry::query(const QRectF &rect, std::vector<uint32_t> &out) const
{
    if (size() == 0)
        return;
    const QRectF q = rect.normalized();
    const QRectF wide = q.adjusted(-m_maxHalfW, -m_maxHalfH, m_maxHalfW, m_maxHalfH);
    const int c0 = std::clamp(int(std::floor((wide.left() - m_extent.left()) / m_cell)), 0, m_cols - 1);
    const int c1 = std::clamp(int(std::floor((wide.right() - m_extent.left()) / m_cell)), 0, m_cols - 1);
    const int r0 = std::clamp(int(std::floor((wide.top() - m_extent.top()) / m_cell)), 0, m_rows - 1);
    const int r1 = std::clamp(int(std::floor((wide.bottom() - m_extent.top()) / m_cell)), 0, m_rows - 1);
    if (wide.right() >= m_extent.left() && wide.left() <= m_extent.right() && wide.bottom() >= m_extent.top()
        && wide.top() <= m_extent.bottom()) {
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                const size_t cell = size_t(r) * m_cols + c;
                for (uint32_t k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                    const uint32_t i = m_cellItems[k];
                    if (m_bbox[i].intersects(q) || q.contains(m_bbox[i].topLeft()))
                        out.push_back(i);
                }
            }
    }
    for (uint32_t i : m_large)
        if (m_bbox[i].intersects(q))
            out.push_back(i);
}

bool ParcelGeometry::contains(size_t i, const QPointF &pw) const
{
    if (i >= size() || !m_bbox[i].contains(pw))
        return false;
    const double px = pw.x() - m_origin.x(), py = pw.y() - m_origin.y();
    bool inside = false;
    for (uint32_t r = firstRing(i); r < endRing(i); ++r) {
        const uint32_t b = ringBegin(r), e = ringBegin(r + 1);
        for (uint32_t k = b, j = e - 1; k < e; j = k++) {
            const FPoint &a = m_points[k], &c = m_points[j];
            if ((a.y > py) != (c.y > py) && px < (c.x - a.x) * (py - a.y) / (double(c.y) - a.y) + a.x)
                inside = !inside;
        }
    }
    return inside;
}

int64_t ParcelGeometry::parcelAt(const QPointF &p) const
{
    std::vector<uint32_t> cand;
    query(QRectF(p, QSizeF(0, 0)).adjusted(-1e-6, -1e-6, 1e-6, 1e-6), cand);
    // Smallest containing parcel wins (a parcel inside a road block is on top).
    int64_t best = -1;
    double bestArea = 0;
    for (uint32_t i : cand)
        if (contains(i, p)) {
            const double a = m_bbox[i].width() * m_bbox[i].height();
            if (best < 0 || a < bestArea) {
                best = i;
                bestArea = a;
            }
        }
    return best;
}

} // namespace vnland::gui
