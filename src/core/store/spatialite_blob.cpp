// SpatiaLite BLOB layout (SpatiaLite "BLOB-Geometry" format):
//   0x00 | endian 0x01 | int32 srid | 4 doubles MBR | 0x7C | int32 class | body | 0xFE
// where the body is the WKB body with every nested geometry's byte-order byte
// replaced by the entity mark 0x69. We always write little-endian.
#include "store/spatialite_blob.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

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
bool copyPolygon(Reader &r, std::vector<unsigned char> &out, Mbr &mbr)
{
    const uint32_t rings = r.u32();
    if (!r.ok() || rings > 1000000)
        return false;
    put32(out, rings);
    for (uint32_t i = 0; i < rings; ++i) {
        const uint32_t n = r.u32();
        if (!r.ok() || n > 100000000)
            return false;
        put32(out, n);
        for (uint32_t k = 0; k < n; ++k) {
            const double x = r.f64(), y = r.f64();
            if (!r.ok())
                return false;
            putF64(out, x);
            putF64(out, y);
            mbr.minX = std::min(mbr.minX, x);
            mbr.minY = std::min(mbr.minY, y);
            mbr.maxX = std::max(mbr.maxX, x);
            mbr.maxY = std::max(mbr.maxY, y);
        }
    }
    return true;
}

} // namespace

std::vector<unsigned char> multiPolygonBlobFromWkb(const unsigned char *wkb, size_t size, int srid, Mbr *mbrOut)
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
        if (!copyPolygon(r, body, mbr))
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
            if (!copyPolygon(r, body, mbr))
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

/// Copies a polygon body (rings of XY points) from a SpatiaLite blob reader into WKB.
bool polygonBodyToWkb(Reader &r, std::vector<unsigned char> &out)
{
    const uint32_t rings = r.u32();
    if (!r.ok() || rings > 1000000)
        return false;
    put32(out, rings);
    for (uint32_t i = 0; i < rings; ++i) {
        const uint32_t n = r.u32();
        if (!r.ok() || n > 100000000)
            return false;
        put32(out, n);
        for (uint32_t k = 0; k < 2 * n; ++k) {
            const double v = r.f64();
            if (!r.ok())
                return false;
            putF64(out, v);
        }
    }
    return true;
}

} // namespace

std::vector<unsigned char> wkbFromSpatialiteBlob(const unsigned char *blob, size_t size)
{
    if (size < 44 || blob[0] != 0x00 || blob[38] != 0x7C || blob[size - 1] != 0xFE || blob[1] > 1)
        return {};
    Reader r(blob + 39, size - 40);
    r.setBig(blob[1] == 0);
    const uint32_t cls = r.u32();
    std::vector<unsigned char> out;
    out.reserve(size);
    out.push_back(0x01);
    if (cls == 3) {
        put32(out, 3);
        if (!polygonBodyToWkb(r, out))
            return {};
    } else if (cls == 6) {
        put32(out, 6);
        const uint32_t parts = r.u32();
        if (!r.ok() || parts > 10000000)
            return {};
        put32(out, parts);
        for (uint32_t i = 0; i < parts; ++i) {
            if (r.byte() != 0x69 || r.u32() != 3)
                return {};
            out.push_back(0x01);
            put32(out, 3);
            if (!polygonBodyToWkb(r, out))
                return {};
        }
    } else {
        return {};
    }
    return r.ok() ? out : std::vector<unsigned char>();
}

} // namespace vnland::store
