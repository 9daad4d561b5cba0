// Small dense linear algebra for fitting georeferencing transforms: least
// squares by Householder QR (no normal equations, so polynomial fits on
// normalised coordinates stay well conditioned) and a pivoted square solver.
#pragma once

#include <vector>

namespace vnland::georef::detail {

/// Solves min |A·x − b| for the row-major m×n matrix @p a (m ≥ n). Returns
/// false when A is rank deficient (a column's pivot falls below @p rcond
/// times the largest one), e.g. collinear GCPs.
bool solveLeastSquares(std::vector<double> a, int m, int n, std::vector<double> b, std::vector<double> &x,
                       double rcond = 1e-10);

/// Solves the square system A·x = b (row-major n×n) with partial pivoting.
bool solveSquare(std::vector<double> a, int n, std::vector<double> b, std::vector<double> &x, double rcond = 1e-13);

} // namespace vnland::georef::detail
