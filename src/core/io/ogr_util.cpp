// GDAL/OGR helpers shared by import and export.
#include "io/ogr_util.h"

#include "crs/transformer.h"

#include <cpl_conv.h>
#include <ogr_geometry.h>

#include <vector>

namespace vnland::io {

ScopedGdalErrors::ScopedGdalErrors() { CPLPushErrorHandlerEx(&ScopedGdalErrors::handler, this); }
ScopedGdalErrors::~ScopedGdalErrors() { CPLPopErrorHandler(); }

void CPL_STDCALL ScopedGdalErrors::handler(CPLErr level, CPLErrorNum, const char *msg)
{
    auto *self = static_cast<ScopedGdalErrors *>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Warning && msg)
        self->m_last = msg;
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

} // namespace vnland::io
