// GDAL/OGR helpers shared by import and export.
#include "io/ogr_util.h"

#include "crs/transformer.h"

#include <cpl_conv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace vnland::io {

ScopedGdalErrors::ScopedGdalErrors() { CPLPushErrorHandlerEx(&ScopedGdalErrors::handler, this); }
ScopedGdalErrors::~ScopedGdalErrors() { CPLPopErrorHandler(); }

void CPL_STDCALL ScopedGdalErrors::handler(CPLErr level, CPLErrorNum, const char *msg)
{
    auto *self = static_cast<ScopedGdalErrors *>(CPLGetErrorHandlerUserData());
    if (!self || level < CE_Warning || !msg)
        return;
    self->m_last = msg;
    // Some drivers append strerror(errno) after a short read, which is ": Success" when
    // errno was never set: noise that reads as if nothing went wrong.
    std::string &m = self->m_last;
    const size_t at = m.rfind(": Success");
    if (at != std::string::npos && at > 0 && (m.size() == at + 9 || (m.size() == at + 10 && m.back() == '.')))
        m.erase(at);
}

ScopedConfig::ScopedConfig(const char *key, const char *value) : m_key(key)
{
    if (const char *old = CPLGetThreadLocalConfigOption(key, nullptr))
        m_old = old;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfig::~ScopedConfig() { CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr); }

bool transformRings(OGRGeometry *g, const crs::Transformer &t)
{
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        for (auto *ring : *g->toPolygon()) {
            const int n = ring->getNumPoints();
            std::vector<double> x(n), y(n);
            ring->getPoints(x.data(), sizeof(double), y.data(), sizeof(double));
            if (!t.transform(x.data(), y.data(), n))
                return false;
            ring->setPoints(n, x.data(), y.data());
        }
        return true;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (auto *part : *g->toGeometryCollection())
            if (!transformRings(part, t))
                return false;
        return true;
    default:
        return false;
    }
}

namespace {

std::optional<std::string> badCoordinateIn(const OGRGeometry *g, double limit, int &ringNo)
{
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        for (const auto *ring : *g->toPolygon()) {
            ++ringNo;
            for (int i = 0; i < ring->getNumPoints(); ++i) {
                const double x = ring->getX(i), y = ring->getY(i);
                const bool badX = !std::isfinite(x) || std::abs(x) > limit;
                if (badX || !std::isfinite(y) || std::abs(y) > limit) {
                    char buf[160];
                    std::snprintf(buf, sizeof buf, "vertex %d of ring %d: %s = %.17g", i + 1, ringNo, badX ? "x" : "y",
                                  badX ? x : y);
                    return std::string(buf);
                }
            }
        }
        return std::nullopt;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const auto *part : *g->toGeometryCollection())
            if (auto bad = badCoordinateIn(part, limit, ringNo))
                return bad;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

/// The side-car file of @p shp with extension @p ext in either case, or empty.
std::filesystem::path sidecar(const std::string &shp, const std::string &ext)
{
    namespace fs = std::filesystem;
    std::string upper = ext;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const std::string &e : {ext, upper}) {
        fs::path p(shp);
        p.replace_extension(e);
        std::error_code ec;
        if (fs::is_regular_file(p, ec))
            return p;
    }
    return {};
}

uint32_t bigEndian32(const unsigned char *b) { return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | b[3]; }

} // namespace

std::optional<std::string> badCoordinate(const OGRGeometry *g, double limit)
{
    int ringNo = 0;
    return badCoordinateIn(g, limit, ringNo);
}

ShapefileCounts shapefileCounts(const std::string &shpPath)
{
    namespace fs = std::filesystem;
    ShapefileCounts c;
    std::error_code ec;
    if (const fs::path shx = sidecar(shpPath, ".shx"); !shx.empty()) {
        const auto size = fs::file_size(shx, ec);
        if (!ec && size >= 100)
            c.shapes = static_cast<int64_t>((size - 100) / 8); // 100-byte header, 8 bytes per record
    } else if (fs::is_regular_file(shpPath, ec)) {
        // No index: walk the records (8-byte header with the content length in 16-bit words).
        std::ifstream f(shpPath, std::ios::binary);
        const auto size = fs::file_size(shpPath, ec);
        if (f && !ec && size >= 100) {
            uint64_t pos = 100;
            int64_t n = 0;
            unsigned char h[8];
            while (pos + 8 <= size && f.seekg(static_cast<std::streamoff>(pos)) && f.read(reinterpret_cast<char *>(h), 8)) {
                pos += 8 + 2 * uint64_t(bigEndian32(h + 4));
                if (pos > size)
                    break;
                ++n;
            }
            c.shapes = n;
        }
    }
    if (const fs::path dbf = sidecar(shpPath, ".dbf"); !dbf.empty()) {
        c.dbfPath = dbf.string();
        std::ifstream f(dbf, std::ios::binary);
        unsigned char h[12];
        const auto size = fs::file_size(dbf, ec);
        if (f.read(reinterpret_cast<char *>(h), sizeof h) && !ec) {
            const int64_t claimed = int64_t(h[4]) | int64_t(h[5]) << 8 | int64_t(h[6]) << 16 | int64_t(h[7]) << 24;
            const uint64_t headerLen = uint64_t(h[8]) | uint64_t(h[9]) << 8;
            const uint64_t recordLen = uint64_t(h[10]) | uint64_t(h[11]) << 8;
            c.dbfHeaderRecords = claimed;
            c.dbfRecords = claimed;
            if (recordLen > 0)
                c.dbfRecords = size < headerLen
                    ? 0
                    : std::min<int64_t>(claimed, static_cast<int64_t>((size - headerLen) / recordLen));
        } else {
            c.dbfRecords = 0;
            c.dbfHeaderRecords = 0;
        }
    }
    return c;
}

} // namespace vnland::io
