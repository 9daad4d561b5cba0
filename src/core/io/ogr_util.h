// Small GDAL/OGR helpers shared by import and export.
#pragma once

#include <cpl_error.h>

#include <optional>
#include <string>

class OGRGeometry;

namespace vnland::crs {
class Transformer;
}

namespace vnland::io {

/// Collects GDAL errors raised while alive instead of printing them.
class ScopedGdalErrors {
public:
    ScopedGdalErrors();
    ~ScopedGdalErrors();
    ScopedGdalErrors(const ScopedGdalErrors &) = delete;
    ScopedGdalErrors &operator=(const ScopedGdalErrors &) = delete;
    const std::string &last() const { return m_last; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char *msg);
    std::string m_last;
};

/// Sets a GDAL config option for this thread while alive.
class ScopedConfig {
public:
    ScopedConfig(const char *key, const char *value);
    ~ScopedConfig();
    ScopedConfig(const ScopedConfig &) = delete;
    ScopedConfig &operator=(const ScopedConfig &) = delete;

private:
    const char *m_key;
    std::optional<std::string> m_old;
};

/// Transforms the rings of a (multi)polygon in place; false if any point failed.
bool transformRings(OGRGeometry *g, const crs::Transformer &t);

} // namespace vnland::io
