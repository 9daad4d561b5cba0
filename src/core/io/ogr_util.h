// Small GDAL/OGR helpers shared by import and export.
#pragma once

#include <cpl_error.h>

#include <cstdint>
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

/// The first vertex of a (multi)polygon whose coordinate is not a finite number or lies
/// beyond @p limit (absolute value), described for a message ("vertex 3 of ring 1:
/// x = 1e+308"); nullopt when every vertex is fine.
std::optional<std::string> badCoordinate(const OGRGeometry *g, double limit);

/// What the three files of a shapefile hold: shapes in the .shx index (or, without one,
/// records in the .shp) and records in the .dbf (as far as the file really holds them).
struct ShapefileCounts {
    int64_t shapes = -1;      ///< -1: unknown
    int64_t dbfRecords = -1;  ///< -1: no .dbf
    int64_t dbfHeaderRecords = -1; ///< what the .dbf header claims
    std::string dbfPath;
};
ShapefileCounts shapefileCounts(const std::string &shpPath);

} // namespace vnland::io
