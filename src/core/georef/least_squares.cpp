// Householder QR least squares and Gaussian elimination for the transform fits.
#include "georef/least_squares.h"

#include <algorithm>
#include <cmath>

namespace vnland::georef::detail {

bool solveLeastSquares(std::vector<double> a, int m, int n, std::vector<double> b, std::vector<double> &x, double rcond)
{
    if (m < n || n <= 0)
        return false;
    auto at = [&](int r, int c) -> double & { return a[static_cast<size_t>(r) * n + c]; };
    std::vector<double> diag(n);
    double maxPivot = 0;
    for (int k = 0; k < n; ++k) {
        double norm = 0;
        for (int r = k; r < m; ++r)
            norm += at(r, k) * at(r, k);
        norm = std::sqrt(norm);
        if (norm == 0) {
            diag[k] = 0;
            continue;
        }
        const double alpha = at(k, k) > 0 ? -norm : norm;
        // v = column − alpha·e_k, stored in place.
        at(k, k) -= alpha;
        double vnorm2 = 0;
        for (int r = k; r < m; ++r)
            vnorm2 += at(r, k) * at(r, k);
        for (int c = k + 1; c < n; ++c) {
            double s = 0;
            for (int r = k; r < m; ++r)
                s += at(r, k) * at(r, c);
            s = 2 * s / vnorm2;
            for (int r = k; r < m; ++r)
                at(r, c) -= s * at(r, k);
        }
        double s = 0;
        for (int r = k; r < m; ++r)
            s += at(r, k) * b[r];
        s = 2 * s / vnorm2;
        for (int r = k; r < m; ++r)
            b[r] -= s * at(r, k);
        diag[k] = alpha;
        maxPivot = std::max(maxPivot, std::abs(alpha));
    }
    for (int k = 0; k < n; ++k)
        if (std::abs(diag[k]) <= rcond * maxPivot || diag[k] == 0)
            return false;
    x.assign(n, 0);
    for (int k = n - 1; k >= 0; --k) {
        double s = b[k];
        for (int c = k + 1; c < n; ++c)
            s -= at(k, c) * x[c];
        x[k] = s / diag[k];
    }
    return true;
}

bool solveSquare(std::vector<double> a, int n, std::vector<double> b, std::vector<double> &x, double rcond)
{
    auto at = [&](int r, int c) -> double & { return a[static_cast<size_t>(r) * n + c]; };
    double scale = 0;
    for (double v : a)
        scale = std::max(scale, std::abs(v));
    if (scale == 0)
        return false;
    for (int k = 0; k < n; ++k) {
        int p = k;
        for (int r = k + 1; r < n; ++r)
            if (std::abs(at(r, k)) > std::abs(at(p, k)))
                p = r;
        if (std::abs(at(p, k)) <= rcond * scale)
            return false;
        if (p != k) {
            for (int c = 0; c < n; ++c)
                std::swap(at(k, c), at(p, c));
            std::swap(b[k], b[p]);
        }
        for (int r = k + 1; r < n; ++r) {
            const double f = at(r, k) / at(k, k);
            if (f == 0)
                continue;
            for (int c = k; c < n; ++c)
                at(r, c) -= f * at(k, c);
            b[r] -= f * b[k];
        }
    }
    x.assign(n, 0);
    for (int k = n - 1; k >= 0; --k) {
        double s = b[k];
        for (int c = k + 1; c < n; ++c)
            s -= at(k, c) * x[c];
        x[k] = s / at(k, k);
    }
    return true;
}

} // namespace vnland::georef::detail
