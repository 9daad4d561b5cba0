#include "vectorize/sheet_faces.h"

#include <algorithm>
#include <limits>

namespace vnland::vectorize {

namespace {
bool inRing(const edit::Ring &r, double x, double y)
{
    bool in = false;
    const size_t n = r.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const edit::XY &a = r[i], &b = r[j];
        if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}
} // namespace

bool contains(const edit::MultiPoly &mp, double x, double y)
{
    for (const edit::Poly &p : mp) {
        if (p.rings.empty() || !inRing(p.rings.front(), x, y))
            continue;
        bool inHole = false;
        for (size_t h = 1; h < p.rings.size() && !inHole; ++h)
            inHole = inRing(p.rings[h], x, y);
        if (!inHole)
            return true;
    }
    return false;
}

SheetFaces::SheetFaces(VectorizeResult result, int scale)
    : m_epsg(result.epsg), m_scale(scale > 0 ? scale : 1000), m_candidates(std::move(result.candidates))
{
    m_faces.reserve(m_candidates.size());
    m_bbox.reserve(m_candidates.size());
    for (const Candidate &c : m_candidates) {
        if (c.thuaSo)
            m_highestNumber = std::max(m_highestNumber, *c.thuaSo);
        edit::MultiPoly mp = edit::fromWkb(c.wkb);
        std::array<double, 4> b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
        for (const edit::Poly &p : mp)
            for (const edit::Ring &r : p.rings)
                for (const edit::XY &q : r) {
                    b[0] = std::min(b[0], q.x), b[1] = std::min(b[1], q.y);
                    b[2] = std::max(b[2], q.x), b[3] = std::max(b[3], q.y);
                }
        m_faces.push_back(std::move(mp));
        m_bbox.push_back(b);
    }
}

int SheetFaces::faceAt(double x, double y) const
{
    // A few hundred to a few thousand faces per sheet: a bbox pass is enough.
    for (size_t i = 0; i < m_faces.size(); ++i) {
        const auto &b = m_bbox[i];
        if (x < b[0] || x > b[2] || y < b[1] || y > b[3])
            continue;
        if (contains(m_faces[i], x, y))
            return int(i);
    }
    return -1;
}

} // namespace vnland::vectorize
