// Ground control points (điểm khống chế / điểm nắn) of one scan, with the
// QGIS georeferencer `.points` format read and written exactly (3.26+ header
// mapX,mapY,sourceX,sourceY,…, the older pixelX/pixelY header, tab-separated
// files, the optional `#CRS: <WKT>` first line, negative source rows) and a
// plain CSV (id,map_x,map_y,pixel_x,pixel_y,enabled; rows positive).
#pragma once

#include "georef/transform.h"

#include <optional>
#include <string>
#include <vector>

namespace vnland::georef {

struct Gcp {
    double mapX = 0, mapY = 0;     // project CRS (x = east, y = north)
    double pixelX = 0, pixelY = 0; // column, row (row down), pixel-corner origin
    bool enabled = true;
    std::string id;                 // free label, e.g. the grid cross "r2c3"
    double confidence = -1;         // detector confidence 0…1, −1 for manual points
};

/// Residual of one GCP under a fitted transform (as written to `.points`).
struct PointsResidual {
    double dX = 0, dY = 0, total = 0;
};

class GcpSet {
public:
    const std::vector<Gcp> &points() const { return m_points; }
    size_t size() const { return m_points.size(); }
    const Gcp &at(size_t i) const { return m_points.at(i); }

    size_t add(const Gcp &gcp);
    void movePixel(size_t i, double pixelX, double pixelY);
    void moveMap(size_t i, double mapX, double mapY);
    void setEnabled(size_t i, bool enabled);
    void remove(size_t i);
    size_t enabledCount() const;
    /// Pixel and map positions of the enabled points, in order.
    void enabledPoints(std::vector<PointD> &pixel, std::vector<PointD> &map) const;

    /// CRS of the map coordinates as WKT (empty when the file had no #CRS line).
    const std::string &crsWkt() const { return m_crsWkt; }
    void setCrsWkt(const std::string &wkt) { m_crsWkt = wkt; }

    /// Reads a QGIS `.points` file. Null + @p error (file, line, reason) on failure.
    static std::optional<GcpSet> readPoints(const std::string &path, std::string *error = nullptr);
    static std::optional<GcpSet> parsePoints(const std::string &text, const std::string &fileName,
                                             std::string *error = nullptr);
    /// Writes the QGIS 3.26+ layout. @p residuals (one per point, pixels) fill
    /// dX,dY,residual; zeros without them, as QGIS writes for unfitted sets.
    bool writePoints(const std::string &path, const std::vector<PointsResidual> &residuals = {},
                     std::string *error = nullptr) const;
    std::string toPointsText(const std::vector<PointsResidual> &residuals = {}) const;

    static std::optional<GcpSet> readCsv(const std::string &path, std::string *error = nullptr);
    bool writeCsv(const std::string &path, std::string *error = nullptr) const;

    /// Reads by extension: `.points` (QGIS) or anything else as the plain CSV.
    static std::optional<GcpSet> readAny(const std::string &path, std::string *error = nullptr);

private:
    std::vector<Gcp> m_points;
    std::string m_crsWkt;
};

/// Shortest decimal text that reads back to the same double (like QGIS's qgsDoubleToString).
std::string formatDouble(double v);

} // namespace vnland::georef
