// Georeferencing transforms (phép biến đổi) from scan pixels to map
// coordinates, as in QGIS's georeferencer: Linear, Helmert, Affine
// (polynomial 1), Polynomial 2/3, Thin Plate Spline and Projective. Each fit
// gives a forward (pixel → map) and an inverse (map → pixel) mapping; the
// polynomial and TPS inverses are fitted separately, as GDAL does.
// Pixel coordinates: column, row (row grows downwards), origin at the top-left
// corner of the top-left pixel (GDAL's and QGIS's convention).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace vnland::georef {

struct PointD {
    double x = 0;
    double y = 0;
};

enum class TransformType { Linear, Helmert, Affine, Polynomial2, Polynomial3, ThinPlateSpline, Projective };

/// Stable identifier used in CLI arguments, JSON and the database
/// ("linear", "helmert", "affine", "polynomial2", "polynomial3", "tps", "projective").
const char *transformId(TransformType t);
/// Parses an identifier; also accepts polynomial1/poly1..3, thin-plate-spline, homography.
std::optional<TransformType> parseTransform(const std::string &name);
/// Minimum number of GCPs (QGIS's n_min, used in the mean error's degrees of freedom).
int minimumGcps(TransformType t);
/// Linear, Helmert and Affine are exact GDAL geotransforms (and world files).
bool isAffineFamily(TransformType t);
const std::vector<TransformType> &allTransforms();

class TransformModel {
public:
    /// Fits pixel → map on matching point lists. Null with @p error when
    /// there are too few points or they are degenerate (collinear, repeated).
    static std::optional<TransformModel> fit(TransformType type, const std::vector<PointD> &pixel,
                                             const std::vector<PointD> &map, std::string *error = nullptr);

    TransformType type() const { return m_type; }
    PointD forward(PointD pixel) const;
    PointD inverse(PointD map) const;

    struct Parameter {
        std::string name;
        double value = 0;
    };
    /// Parameters a land officer can read (origin, scale, rotation, coefficients).
    std::vector<Parameter> parameters() const;
    /// GDAL geotransform for the affine family (pixel-corner origin).
    std::optional<std::array<double, 6>> geoTransform() const;

    const std::vector<PointD> &pixelPoints() const { return m_pixel; }
    const std::vector<PointD> &mapPoints() const { return m_map; }

    // Public for the implementation's helpers; not part of the API.
    struct Normalisation {
        double cx = 0, cy = 0, s = 1;
        PointD apply(PointD p) const { return {(p.x - cx) / s, (p.y - cy) / s}; }
        PointD undo(PointD p) const { return {p.x * s + cx, p.y * s + cy}; }
    };
    struct Polynomial {
        int order = 1;
        Normalisation in, out;
        std::vector<double> cx, cy;
        PointD eval(PointD p) const;
    };
    struct Tps {
        Normalisation in, out;
        std::vector<PointD> ctrl;
        std::vector<double> wx, wy;
        std::array<double, 3> ax{}, ay{};
        PointD eval(PointD p) const;
    };

private:
    TransformType m_type = TransformType::Affine;
    std::vector<PointD> m_pixel, m_map;
    std::array<double, 6> m_affine{};    // x = a0 + a1·col + a2·row, y = a3 + a4·col + a5·row
    std::array<double, 6> m_invAffine{};
    std::array<double, 9> m_h{}, m_hInv{}; // projective, row-major 3×3
    Polynomial m_poly, m_invPoly;
    Tps m_tps, m_invTps;
};

} // namespace vnland::georef
