// Fits and evaluation of the georeferencing transforms.
#include "georef/transform.h"

#include "georef/least_squares.h"

#include <algorithm>
#include <cmath>

namespace vnland::georef {

namespace {

using detail::solveLeastSquares;
using detail::solveSquare;

void setError(std::string *error, const std::string &msg)
{
    if (error)
        *error = msg;
}

TransformModel::Normalisation normalisation(const std::vector<PointD> &pts)
{
    TransformModel::Normalisation n;
    double minX = pts[0].x, maxX = minX, minY = pts[0].y, maxY = minY;
    for (const auto &p : pts) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    n.cx = (minX + maxX) / 2;
    n.cy = (minY + maxY) / 2;
    n.s = std::max({maxX - minX, maxY - minY, 1e-12}) / 2;
    return n;
}

int termCount(int order) { return (order + 1) * (order + 2) / 2; }

void terms(int order, PointD p, double *out)
{
    int k = 0;
    for (int d = 0; d <= order; ++d)
        for (int j = 0; j <= d; ++j)
            out[k++] = std::pow(p.x, d - j) * std::pow(p.y, j);
}

bool fitPolynomial(int order, const std::vector<PointD> &from, const std::vector<PointD> &to,
                   TransformModel::Polynomial &poly)
{
    poly.order = order;
    poly.in = normalisation(from);
    poly.out = normalisation(to);
    const int m = static_cast<int>(from.size()), n = termCount(order);
    std::vector<double> a(static_cast<size_t>(m) * n), bx(m), by(m);
    for (int i = 0; i < m; ++i) {
        terms(order, poly.in.apply(from[i]), &a[static_cast<size_t>(i) * n]);
        const PointD t = poly.out.apply(to[i]);
        bx[i] = t.x;
        by[i] = t.y;
    }
    return solveLeastSquares(a, m, n, bx, poly.cx, 1e-9) && solveLeastSquares(a, m, n, by, poly.cy, 1e-9);
}

double tpsKernel(double dx, double dy)
{
    const double r2 = dx * dx + dy * dy;
    return r2 > 0 ? r2 * std::log(r2) : 0;
}

bool fitTps(const std::vector<PointD> &from, const std::vector<PointD> &to, TransformModel::Tps &tps)
{
    tps.in = normalisation(from);
    tps.out = normalisation(to);
    const int n = static_cast<int>(from.size()), dim = n + 3;
    tps.ctrl.resize(n);
    for (int i = 0; i < n; ++i)
        tps.ctrl[i] = tps.in.apply(from[i]);
    std::vector<double> a(static_cast<size_t>(dim) * dim, 0), bx(dim, 0), by(dim, 0);
    auto at = [&](int r, int c) -> double & { return a[static_cast<size_t>(r) * dim + c]; };
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            at(i, j) = tpsKernel(tps.ctrl[i].x - tps.ctrl[j].x, tps.ctrl[i].y - tps.ctrl[j].y);
        at(i, n) = at(n, i) = 1;
        at(i, n + 1) = at(n + 1, i) = tps.ctrl[i].x;
        at(i, n + 2) = at(n + 2, i) = tps.ctrl[i].y;
        const PointD t = tps.out.apply(to[i]);
        bx[i] = t.x;
        by[i] = t.y;
    }
    std::vector<double> sx, sy;
    if (!solveSquare(a, dim, bx, sx, 1e-12) || !solveSquare(a, dim, by, sy, 1e-12))
        return false;
    tps.wx.assign(sx.begin(), sx.begin() + n);
    tps.wy.assign(sy.begin(), sy.begin() + n);
    tps.ax = {sx[n], sx[n + 1], sx[n + 2]};
    tps.ay = {sy[n], sy[n + 1], sy[n + 2]};
    return true;
}

std::array<double, 6> invertAffine(const std::array<double, 6> &a, bool &ok)
{
    const double det = a[1] * a[5] - a[2] * a[4];
    ok = std::abs(det) > 1e-300;
    if (!ok)
        return {};
    // col = (a5·(x−a0) − a2·(y−a3)) / det, row = (−a4·(x−a0) + a1·(y−a3)) / det
    return {(-a[5] * a[0] + a[2] * a[3]) / det, a[5] / det, -a[2] / det,
            (a[4] * a[0] - a[1] * a[3]) / det, -a[4] / det, a[1] / det};
}

bool invert3(const std::array<double, 9> &m, std::array<double, 9> &out)
{
    const double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
    const double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
    if (std::abs(det) < 1e-300)
        return false;
    out = {c00 / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
           c01 / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
           c02 / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    return true;
}

PointD applyH(const std::array<double, 9> &h, PointD p)
{
    const double w = h[6] * p.x + h[7] * p.y + h[8];
    return {(h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w};
}

/// Homography from → to by the normalised direct linear transform (h33 = 1).
bool fitHomography(const std::vector<PointD> &from, const std::vector<PointD> &to, std::array<double, 9> &h)
{
    const auto nf = normalisation(from), nt = normalisation(to);
    const int m = static_cast<int>(from.size());
    std::vector<double> a(static_cast<size_t>(2 * m) * 8, 0), b(2 * m);
    for (int i = 0; i < m; ++i) {
        const PointD p = nf.apply(from[i]), q = nt.apply(to[i]);
        double *r1 = &a[static_cast<size_t>(2 * i) * 8], *r2 = r1 + 8;
        r1[0] = p.x, r1[1] = p.y, r1[2] = 1, r1[6] = -p.x * q.x, r1[7] = -p.y * q.x;
        r2[3] = p.x, r2[4] = p.y, r2[5] = 1, r2[6] = -p.x * q.y, r2[7] = -p.y * q.y;
        b[2 * i] = q.x;
        b[2 * i + 1] = q.y;
    }
    std::vector<double> x;
    if (!solveLeastSquares(a, 2 * m, 8, b, x, 1e-9))
        return false;
    const std::array<double, 9> hn = {x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], 1};
    // H = T_to⁻¹ · Hn · T_from
    const std::array<double, 9> tf = {1 / nf.s, 0, -nf.cx / nf.s, 0, 1 / nf.s, -nf.cy / nf.s, 0, 0, 1};
    const std::array<double, 9> ttInv = {nt.s, 0, nt.cx, 0, nt.s, nt.cy, 0, 0, 1};
    auto mul = [](const std::array<double, 9> &p, const std::array<double, 9> &q) {
        std::array<double, 9> r{};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                for (int k = 0; k < 3; ++k)
                    r[i * 3 + j] += p[i * 3 + k] * q[k * 3 + j];
        return r;
    };
    h = mul(ttInv, mul(hn, tf));
    for (double &v : h)
        v /= h[8];
    return true;
}

} // namespace

const char *transformId(TransformType t)
{
    switch (t) {
    case TransformType::Linear: return "linear";
    case TransformType::Helmert: return "helmert";
    case TransformType::Affine: return "affine";
    case TransformType::Polynomial2: return "polynomial2";
    case TransformType::Polynomial3: return "polynomial3";
    case TransformType::ThinPlateSpline: return "tps";
    case TransformType::Projective: return "projective";
    }
    return "?";
}

std::optional<TransformType> parseTransform(const std::string &name)
{
    std::string s;
    for (char c : name)
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "linear")
        return TransformType::Linear;
    if (s == "helmert" || s == "similarity")
        return TransformType::Helmert;
    if (s == "affine" || s == "polynomial1" || s == "poly1")
        return TransformType::Affine;
    if (s == "polynomial2" || s == "poly2")
        return TransformType::Polynomial2;
    if (s == "polynomial3" || s == "poly3")
        return TransformType::Polynomial3;
    if (s == "tps" || s == "thin-plate-spline" || s == "thinplatespline")
        return TransformType::ThinPlateSpline;
    if (s == "projective" || s == "homography")
        return TransformType::Projective;
    return std::nullopt;
}

int minimumGcps(TransformType t)
{
    switch (t) {
    case TransformType::Linear:
    case TransformType::Helmert: return 2;
    case TransformType::Affine: return 3;
    case TransformType::Polynomial2: return 6;
    case TransformType::Polynomial3: return 10;
    case TransformType::ThinPlateSpline: return 1; // QGIS's n_min; the fit itself needs 3 non-collinear points
    case TransformType::Projective: return 4;
    }
    return 3;
}

bool isAffineFamily(TransformType t)
{
    return t == TransformType::Linear || t == TransformType::Helmert || t == TransformType::Affine;
}

const std::vector<TransformType> &allTransforms()
{
    static const std::vector<TransformType> all = {TransformType::Linear,      TransformType::Helmert,
                                                   TransformType::Affine,      TransformType::Polynomial2,
                                                   TransformType::Polynomial3, TransformType::ThinPlateSpline,
                                                   TransformType::Projective};
    return all;
}

PointD TransformModel::Polynomial::eval(PointD p) const
{
    double t[10];
    terms(order, in.apply(p), t);
    PointD r;
    for (int k = 0; k < termCount(order); ++k) {
        r.x += cx[k] * t[k];
        r.y += cy[k] * t[k];
    }
    return out.undo(r);
}

PointD TransformModel::Tps::eval(PointD p) const
{
    const PointD q = in.apply(p);
    PointD r{ax[0] + ax[1] * q.x + ax[2] * q.y, ay[0] + ay[1] * q.x + ay[2] * q.y};
    for (size_t i = 0; i < ctrl.size(); ++i) {
        const double u = tpsKernel(q.x - ctrl[i].x, q.y - ctrl[i].y);
        r.x += wx[i] * u;
        r.y += wy[i] * u;
    }
    return out.undo(r);
}

std::optional<TransformModel> TransformModel::fit(TransformType type, const std::vector<PointD> &pixel,
                                                  const std::vector<PointD> &map, std::string *error)
{
    const std::string name = transformId(type);
    if (pixel.size() != map.size()) {
        setError(error, "pixel and map point lists differ in length");
        return std::nullopt;
    }
    const int n = static_cast<int>(pixel.size());
    const int need = type == TransformType::ThinPlateSpline ? 3 : minimumGcps(type);
    if (n < need) {
        setError(error, "transform " + name + " needs at least " + std::to_string(need) + " enabled GCPs, "
                            + std::to_string(n) + " given");
        return std::nullopt;
    }
    TransformModel m;
    m.m_type = type;
    m.m_pixel = pixel;
    m.m_map = map;
    const std::string degenerate = "transform " + name + ": the " + std::to_string(n)
                                   + " GCPs are degenerate (repeated or collinear points); spread them over the sheet";
    bool ok = true;
    switch (type) {
    case TransformType::Linear: {
        // x = a0 + sx·col, y = a3 + sy·row, solved per axis.
        double mu = 0, mv = 0, mx = 0, my = 0;
        for (int i = 0; i < n; ++i)
            mu += pixel[i].x, mv += pixel[i].y, mx += map[i].x, my += map[i].y;
        mu /= n, mv /= n, mx /= n, my /= n;
        double suu = 0, svv = 0, sux = 0, svy = 0;
        for (int i = 0; i < n; ++i) {
            const double du = pixel[i].x - mu, dv = pixel[i].y - mv;
            suu += du * du, svv += dv * dv;
            sux += du * (map[i].x - mx), svy += dv * (map[i].y - my);
        }
        if (suu < 1e-18 || svv < 1e-18) {
            setError(error, degenerate);
            return std::nullopt;
        }
        const double sx = sux / suu, sy = svy / svv;
        m.m_affine = {mx - sx * mu, sx, 0, my - sy * mv, 0, sy};
        break;
    }
    case TransformType::Helmert: {
        // Similarity in (col, −row) so that the map is not mirrored:
        // x = tx + a·u − b·w, y = ty + b·u + a·w with w = −row.
        double mu = 0, mw = 0, mx = 0, my = 0;
        for (int i = 0; i < n; ++i)
            mu += pixel[i].x, mw -= pixel[i].y, mx += map[i].x, my += map[i].y;
        mu /= n, mw /= n, mx /= n, my /= n;
        double s2 = 0, sa = 0, sb = 0;
        for (int i = 0; i < n; ++i) {
            const double du = pixel[i].x - mu, dw = -pixel[i].y - mw, dx = map[i].x - mx, dy = map[i].y - my;
            s2 += du * du + dw * dw;
            sa += du * dx + dw * dy;
            sb += du * dy - dw * dx;
        }
        if (s2 < 1e-18) {
            setError(error, degenerate);
            return std::nullopt;
        }
        const double a = sa / s2, b = sb / s2;
        if (std::hypot(a, b) < 1e-300) {
            setError(error, degenerate);
            return std::nullopt;
        }
        const double tx = mx - a * mu + b * mw, ty = my - b * mu - a * mw;
        m.m_affine = {tx, a, b, ty, b, -a};
        break;
    }
    case TransformType::Affine: {
        if (!fitPolynomial(1, pixel, map, m.m_poly)) {
            setError(error, degenerate);
            return std::nullopt;
        }
        // Expand the normalised fit into a plain geotransform.
        const auto &p = m.m_poly;
        const double s = p.in.s, so = p.out.s;
        const double a1 = p.cx[1] * so / s, a2 = p.cx[2] * so / s, b1 = p.cy[1] * so / s, b2 = p.cy[2] * so / s;
        const double a0 = p.out.cx + p.cx[0] * so - a1 * p.in.cx - a2 * p.in.cy;
        const double b0 = p.out.cy + p.cy[0] * so - b1 * p.in.cx - b2 * p.in.cy;
        m.m_affine = {a0, a1, a2, b0, b1, b2};
        break;
    }
    case TransformType::Polynomial2:
    case TransformType::Polynomial3: {
        const int order = type == TransformType::Polynomial2 ? 2 : 3;
        ok = fitPolynomial(order, pixel, map, m.m_poly) && fitPolynomial(order, map, pixel, m.m_invPoly);
        break;
    }
    case TransformType::ThinPlateSpline:
        ok = fitTps(pixel, map, m.m_tps) && fitTps(map, pixel, m.m_invTps);
        break;
    case TransformType::Projective:
        ok = fitHomography(pixel, map, m.m_h) && invert3(m.m_h, m.m_hInv);
        break;
    }
    if (!ok) {
        setError(error, degenerate);
        return std::nullopt;
    }
    if (isAffineFamily(type)) {
        m.m_invAffine = invertAffine(m.m_affine, ok);
        if (!ok) {
            setError(error, degenerate);
            return std::nullopt;
        }
    }
    return m;
}

PointD TransformModel::forward(PointD p) const
{
    switch (m_type) {
    case TransformType::Linear:
    case TransformType::Helmert:
    case TransformType::Affine:
        return {m_affine[0] + m_affine[1] * p.x + m_affine[2] * p.y, m_affine[3] + m_affine[4] * p.x + m_affine[5] * p.y};
    case TransformType::Polynomial2:
    case TransformType::Polynomial3: return m_poly.eval(p);
    case TransformType::ThinPlateSpline: return m_tps.eval(p);
    case TransformType::Projective: return applyH(m_h, p);
    }
    return p;
}

PointD TransformModel::inverse(PointD p) const
{
    switch (m_type) {
    case TransformType::Linear:
    case TransformType::Helmert:
    case TransformType::Affine: {
        const auto &a = m_invAffine;
        return {a[0] + a[1] * p.x + a[2] * p.y, a[3] + a[4] * p.x + a[5] * p.y};
    }
    case TransformType::Polynomial2:
    case TransformType::Polynomial3: return m_invPoly.eval(p);
    case TransformType::ThinPlateSpline: return m_invTps.eval(p);
    case TransformType::Projective: return applyH(m_hInv, p);
    }
    return p;
}

std::optional<std::array<double, 6>> TransformModel::geoTransform() const
{
    if (!isAffineFamily(m_type))
        return std::nullopt;
    return std::array<double, 6>{m_affine[0], m_affine[1], m_affine[2], m_affine[3], m_affine[4], m_affine[5]};
}

std::vector<TransformModel::Parameter> TransformModel::parameters() const
{
    std::vector<Parameter> out;
    const auto &a = m_affine;
    switch (m_type) {
    case TransformType::Linear:
        out = {{"origin_x", a[0]}, {"origin_y", a[3]}, {"pixel_size_x", a[1]}, {"pixel_size_y", a[5]}};
        break;
    case TransformType::Helmert: {
        const double s = std::hypot(a[1], a[4]);
        out = {{"origin_x", a[0]}, {"origin_y", a[3]}, {"scale", s},
               {"rotation_deg", std::atan2(a[4], a[1]) * 180 / M_PI}};
        break;
    }
    case TransformType::Affine:
        out = {{"a0", a[0]}, {"a1", a[1]}, {"a2", a[2]}, {"b0", a[3]}, {"b1", a[4]}, {"b2", a[5]}};
        break;
    case TransformType::Polynomial2:
    case TransformType::Polynomial3:
        // Coefficients act on normalised coordinates ((p − centre) / half-extent).
        for (size_t k = 0; k < m_poly.cx.size(); ++k)
            out.push_back({"x_c" + std::to_string(k), m_poly.cx[k]});
        for (size_t k = 0; k < m_poly.cy.size(); ++k)
            out.push_back({"y_c" + std::to_string(k), m_poly.cy[k]});
        out.push_back({"pixel_centre_x", m_poly.in.cx});
        out.push_back({"pixel_centre_y", m_poly.in.cy});
        out.push_back({"pixel_half_extent", m_poly.in.s});
        out.push_back({"map_centre_x", m_poly.out.cx});
        out.push_back({"map_centre_y", m_poly.out.cy});
        out.push_back({"map_half_extent", m_poly.out.s});
        break;
    case TransformType::ThinPlateSpline:
        out = {{"control_points", static_cast<double>(m_pixel.size())},
               {"affine_x0", m_tps.ax[0]}, {"affine_x1", m_tps.ax[1]}, {"affine_x2", m_tps.ax[2]},
               {"affine_y0", m_tps.ay[0]}, {"affine_y1", m_tps.ay[1]}, {"affine_y2", m_tps.ay[2]}};
        break;
    case TransformType::Projective:
        for (int i = 0; i < 9; ++i)
            out.push_back({"h" + std::to_string(i / 3 + 1) + std::to_string(i % 3 + 1), m_h[i]});
        break;
    }
    return out;
}

} // namespace vnland::georef
