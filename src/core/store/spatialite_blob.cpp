// SpatiaLite BLOB layout (SpatiaLite "BLOB-Geometry" format):
//   0x00 | endian 0x01 | int32 srid | 4 doubles MBR | 0x7C | int32 class | body | 0xFE
// where the body is the WKB body with every nested geometry's byte-order byte
// replaced by the entity mark 0x69. We always write little-endian.
#include "store/spatialite_blob.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

namespace vnland::store {
namespace {

class Reader {
public:
    Reader(const unsigned char *p, size_t n) : m_p(p), m_n(n) {}
    bool ok() const { return m_ok; }
    uint8_t byte()
    {
        if (m_pos + 1 > m_n) {
            m_ok = false;
            return 0;
        }
        return m_p[m_pos++];
    }
    uint32_t u32()
    {
        if (m_pos + 4 > m_n) {
            m_ok = false;
            return 0;
        }
        uint32_t v;
        std::memcpy(&v, m_p + m_pos, 4);
        m_pos += 4;
        return m_big ? __builtin_bswap32(v) : v;
    }
    double f64()
    {
        if (m_pos + 8 > m_n) {
            m_ok = false;
            return 0;
        }
        uint64_t v;
        std::memcpy(&v, m_p + m_pos, 8);
        m_pos += 8;
        if (m_big)
            v = __builtin_bswap64(v);
        double d;
        std::memcpy(&d, &v, 8);
        return d;
    }
    void setBig(bool b) { m_big = b; }

private:
    const unsigned char *m_p;
    size_t m_n;
    size_t m_pos = 0;
    bool m_big = false;
    bool m_ok = true;
};

void put32(std::vector<unsigned char> &out, uint32_t v)
{
    unsigned char b[4];
    std::memcpy(b, &v, 4);
    out.insert(out.end(), b, b + 4);
}

void putF64(std::vector<unsigned char> &out, double d)
{
    unsigned char b[8];
    std::memcpy(b, &d, 8);
    out.insert(out.end(), b, b + 8);
}

bool readOrder(Reader &r)
{
    const uint8_t order = r.byte();
    if (order > 1)
        return false;
    r.setBig(order == 0);
    return r.ok();
}

/// Copies one polygon body (after its type) as a SpatiaLite polygon entity.
bool copyPolygon(Reader &r, std::vector<unsigned char> &out, Mbr &mbr, bool readable)
{
    const uint32_t rings = r.u32();
    if (!r.ok() || rings > 1000000)
        return false;
    put32(out, rings);
    for (uint32_t i = 0; i < rings; ++i) {
        const uint32_t n = r.u32();
        // Refuse what readSpatialiteBlob would refuse: a blob written here always reads back.
        if (!r.ok() || (readable && n < 4) || n > 100000000)
            return false;
        put32(out, n);
        double firstX = 0, firstY = 0, x = 0, y = 0;
        for (uint32_t k = 0; k < n; ++k) {
            x = r.f64();
            y = r.f64();
            if (!r.ok())
                return false;
            if (readable && (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > kMaxCoordinate ||
                             std::fabs(y) > kMaxCoordinate))
                return false;
            if (k == 0) {
                firstX = x;
                firstY = y;
            }
            putF64(out, x);
            putF64(out, y);
            mbr.minX = std::min(mbr.minX, x);
            mbr.minY = std::min(mbr.minY, y);
            mbr.maxX = std::max(mbr.maxX, x);
            mbr.maxY = std::max(mbr.maxY, y);
        }
        if (readable && (x != firstX || y != firstY))
            return false; // ring not closed
    }
    return true;
}

} // namespace

std::vector<unsigned char> multiPolygonBlobFromWkb(const unsigned char *wkb, size_t size, int srid, Mbr *mbrOut,
                                                  bool requireReadable)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    Mbr mbr{inf, inf, -inf, -inf};
    Reader r(wkb, size);
    if (!readOrder(r))
        return {};
    const uint32_t type = r.u32();
    std::vector<unsigned char> body;
    body.reserve(size + 16);
    if (type == 3) {
        put32(body, 1);
        body.push_back(0x69);
        put32(body, 3);
        if (!copyPolygon(r, body, mbr, requireReadable))
            return {};
    } else if (type == 6) {
        const uint32_t parts = r.u32();
        if (!r.ok() || parts > 10000000)
            return {};
        put32(body, parts);
        for (uint32_t i = 0; i < parts; ++i) {
            if (!readOrder(r) || r.u32() != 3)
                return {};
            body.push_back(0x69);
            put32(body, 3);
            if (!copyPolygon(r, body, mbr, requireReadable))
                return {};
        }
    } else {
        return {};
    }
    if (mbr.minX == inf) // empty geometry
        return {};
    std::vector<unsigned char> out;
    out.reserve(body.size() + 48);
    out.push_back(0x00);
    out.push_back(0x01);
    put32(out, static_cast<uint32_t>(srid));
    putF64(out, mbr.minX);
    putF64(out, mbr.minY);
    putF64(out, mbr.maxX);
    putF64(out, mbr.maxY);
    out.push_back(0x7C);
    put32(out, 6);
    out.insert(out.end(), body.begin(), body.end());
    out.push_back(0xFE);
    if (mbrOut)
        *mbrOut = mbr;
    return out;
}

namespace {

/// Reads one SpatiaLite blob without trusting any of it: every count is checked
/// against the bytes that are left before anything is reserved or looped over,
/// so a damaged count (0x7fffffff rings) costs nothing; the first problem stops
/// the reading and is kept as a sentence.
class BlobReader {
public:
    BlobReader(const unsigned char *p, size_t n, bool big) : m_p(p), m_n(n), m_big(big) {}

    const std::string &problem() const { return m_problem; }
    bool failed() const { return !m_problem.empty(); }
    size_t left() const { return m_n - m_pos; }
    size_t pos() const { return m_pos; }

    bool fail(const std::string &why)
    {
        if (m_problem.empty())
            m_problem = why;
        return false;
    }

    bool u32(uint32_t &v, const char *what)
    {
        if (left() < 4)
            return fail(std::string("the blob ends inside the ") + what + " (truncated)");
        std::memcpy(&v, m_p + m_pos, 4);
        m_pos += 4;
        if (m_big)
            v = __builtin_bswap32(v);
        return true;
    }
    double f64()
    {
        uint64_t v;
        std::memcpy(&v, m_p + m_pos, 8);
        m_pos += 8;
        if (m_big)
            v = __builtin_bswap64(v);
        double d;
        std::memcpy(&d, &v, 8);
        return d;
    }
    float f32()
    {
        uint32_t v;
        std::memcpy(&v, m_p + m_pos, 4);
        m_pos += 4;
        if (m_big)
            v = __builtin_bswap32(v);
        float f;
        std::memcpy(&f, &v, 4);
        return f;
    }
    uint8_t byte()
    {
        return m_pos < m_n ? m_p[m_pos++] : 0;
    }

private:
    const unsigned char *m_p;
    size_t m_n;
    size_t m_pos = 0;
    bool m_big;
    std::string m_problem;
};

struct ClassInfo {
    uint32_t base = 0;      // 1 point … 7 collection
    int dims = 2;           // doubles per uncompressed point
    bool hasM = false;
    bool compressed = false;
};

bool decodeClass(uint32_t cls, ClassInfo &info)
{
    uint32_t c = cls;
    if (c >= 1000000) {
        info.compressed = true;
        c -= 1000000;
    }
    const uint32_t dim = c / 1000;
    info.base = c % 1000;
    if (dim > 3 || info.base < 1 || info.base > 7)
        return false;
    // A single point has no compressed form.
    if (info.compressed && info.base == 1)
        return false;
    info.dims = dim == 0 ? 2 : dim == 3 ? 4 : 3;
    info.hasM = dim == 2 || dim == 3;
    return true;
}

std::string number(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

class BlobToWkb {
public:
    BlobToWkb(BlobReader &r, std::vector<unsigned char> &out) : m_r(r), m_out(out) {}

    /// Body of one entity of class @p cls (the class itself already read).
    bool entity(uint32_t cls, int depth)
    {
        ClassInfo info;
        if (!decodeClass(cls, info))
            return m_r.fail("unknown geometry class " + std::to_string(cls));
        m_out.push_back(0x01);
        put32(m_out, info.base);
        switch (info.base) {
        case 1:
            return points(info, 1, "point");
        case 2: {
            uint32_t n = 0;
            return m_r.u32(n, "vertex count") && points(info, n, "linestring");
        }
        case 3:
            return polygon(info);
        default: {
            if (depth > 0)
                return m_r.fail("a collection inside a collection");
            uint32_t parts = 0;
            if (!m_r.u32(parts, "part count"))
                return false;
            // Each part takes at least its mark, class and one count or point.
            if (parts > m_r.left() / 9)
                return m_r.fail("part count " + std::to_string(parts) + " is more than the " +
                                std::to_string(m_r.left()) + " bytes left can hold");
            put32(m_out, parts);
            for (uint32_t k = 0; k < parts; ++k) {
                uint32_t child = 0;
                if (m_r.byte() != 0x69)
                    return m_r.fail("part " + std::to_string(k + 1) + " lacks its entity mark (0x69)");
                if (!m_r.u32(child, "part class"))
                    return false;
                ClassInfo ci;
                if (!decodeClass(child, ci))
                    return m_r.fail("part " + std::to_string(k + 1) + ": unknown geometry class " + std::to_string(child));
                const uint32_t want = info.base == 4 ? 1 : info.base == 5 ? 2 : info.base == 6 ? 3 : 0;
                if ((want && ci.base != want) || ci.base > 3)
                    return m_r.fail("part " + std::to_string(k + 1) + " of class " + std::to_string(child) +
                                    " does not belong in a collection of class " + std::to_string(cls));
                if (!entity(child, depth + 1))
                    return false;
            }
            return true;
        }
        }
    }

private:
    bool polygon(const ClassInfo &info)
    {
        uint32_t rings = 0;
        if (!m_r.u32(rings, "ring count"))
            return false;
        if (rings > m_r.left() / 4)
            return m_r.fail("ring count " + std::to_string(rings) + " is more than the " + std::to_string(m_r.left()) +
                            " bytes left can hold");
        put32(m_out, rings);
        for (uint32_t k = 0; k < rings; ++k) {
            uint32_t n = 0;
            if (!m_r.u32(n, "vertex count"))
                return false;
            const size_t first = m_out.size() + 4;
            if (!points(info, n, "ring " + std::to_string(k + 1)))
                return false;
            if (n < 4)
                return m_r.fail("ring " + std::to_string(k + 1) + " has " + std::to_string(n) +
                                " vertices (a ring needs at least 4)");
            // (A bad coordinate is the better reason when it is what breaks the closure.)
            if (m_coordProblem.empty() && std::memcmp(&m_out[first], &m_out[m_out.size() - 16], 16) != 0)
                return m_r.fail("ring " + std::to_string(k + 1) + " is not closed");
        }
        return true;
    }

    /// @p n points (after the count): checks the bytes they need, then copies X/Y.
    bool points(const ClassInfo &info, uint32_t n, const std::string &what)
    {
        const size_t full = 8 * static_cast<size_t>(info.dims);
        const size_t packed = info.compressed ? (info.hasM ? 8 + 4 * (info.dims - 1) : 4 * info.dims) : full;
        const size_t need = n == 0 ? 0 : n == 1 ? full : 2 * full + (static_cast<size_t>(n) - 2) * packed;
        if (need > m_r.left())
            return m_r.fail(what + ": vertex count " + std::to_string(n) + " needs " + std::to_string(need) +
                            " bytes, only " + std::to_string(m_r.left()) + " are left");
        if (info.base != 1)
            put32(m_out, n);
        double px = 0, py = 0;
        for (uint32_t k = 0; k < n; ++k) {
            double x, y;
            const bool packedPoint = info.compressed && k > 0 && k + 1 < n;
            if (packedPoint) {
                x = px + m_r.f32();
                y = py + m_r.f32();
                for (int d = 2; d < info.dims; ++d)
                    (void)((info.hasM && d == info.dims - 1) ? m_r.f64() : m_r.f32());
            } else {
                x = m_r.f64();
                y = m_r.f64();
                for (int d = 2; d < info.dims; ++d)
                    (void)m_r.f64();
            }
            // A bad coordinate does not stop the reading: the structure is still checked
            // and the good vertices tell where the parcel lies.
            if (!std::isfinite(x) || !std::isfinite(y)) {
                if (m_coordProblem.empty())
                    m_coordProblem = what + ", vertex " + std::to_string(k + 1) + ": coordinate " +
                                     number(std::isfinite(x) ? y : x) + " is not a number";
            } else if (std::abs(x) > kMaxCoordinate || std::abs(y) > kMaxCoordinate) {
                if (m_coordProblem.empty())
                    m_coordProblem = what + ", vertex " + std::to_string(k + 1) + ": coordinate " +
                                     number(std::abs(x) > kMaxCoordinate ? x : y) + " is out of range (more than " +
                                     number(kMaxCoordinate) + " m from the origin)";
            } else {
                m_extent.minX = std::min(m_extent.minX, x);
                m_extent.minY = std::min(m_extent.minY, y);
                m_extent.maxX = std::max(m_extent.maxX, x);
                m_extent.maxY = std::max(m_extent.maxY, y);
            }
            putF64(m_out, x);
            putF64(m_out, y);
            px = x;
            py = y;
        }
        return true;
    }

    BlobReader &m_r;
    std::vector<unsigned char> &m_out;

public:
    std::string m_coordProblem;
    Mbr m_extent{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                 -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
};

} // namespace

BlobGeometry readSpatialiteBlob(const unsigned char *blob, size_t size)
{
    BlobGeometry g;
    auto problem = [&](const std::string &why) {
        g.wkb.clear();
        g.problem = why;
        return g;
    };
    if (!blob || size == 0)
        return problem("the geometry blob is empty");
    if (size < 44)
        return problem("the geometry blob has " + std::to_string(size) + " bytes, fewer than the 44 of the smallest"
                       " SpatiaLite geometry (truncated)");
    if (blob[0] != 0x00)
        return problem("the blob does not start with the SpatiaLite mark 0x00 (it starts with " +
                       std::to_string(blob[0]) + ")");
    if (blob[1] > 1)
        return problem("unknown byte-order mark " + std::to_string(blob[1]) + " (0 or 1 expected)");
    if (blob[38] != 0x7C)
        return problem("the MBR end mark 0x7C is missing (damaged header)");
    if (blob[size - 1] != 0xFE)
        return problem("the end mark 0xFE is missing (the blob is truncated or damaged)");
    BlobReader r(blob + 39, size - 40, blob[1] == 0);
    uint32_t cls = 0;
    r.u32(cls, "geometry class");
    g.wkb.reserve(size);
    BlobToWkb conv(r, g.wkb);
    if (!conv.entity(cls, 0))
        return problem(r.problem());
    if (r.left() != 0)
        return problem(std::to_string(r.left()) + " bytes follow the geometry before the end mark (damaged counts)");
    if (conv.m_extent.minX <= conv.m_extent.maxX) {
        g.extent = conv.m_extent;
        g.hasExtent = true;
    }
    if (!conv.m_coordProblem.empty()) {
        g.wkb.clear();
        g.problem = conv.m_coordProblem;
    }
    return g;
}

std::vector<unsigned char> wkbFromSpatialiteBlob(const unsigned char *blob, size_t size)
{
    return readSpatialiteBlob(blob, size).wkb;
}

} // namespace vnland::store
