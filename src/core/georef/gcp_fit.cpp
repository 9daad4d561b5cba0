// Residuals, mean error, leave-one-out and tolerance of a GCP fit.
#include "georef/gcp_fit.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace vnland::georef {

double cadastralTolerance(int scale) { return scale > 0 ? 0.0002 * scale : 0; }

GcpFit fitGcps(const GcpSet &gcps, TransformType type, int scale, bool leaveOneOut)
{
    GcpFit fit;
    fit.type = type;
    fit.scale = scale;
    fit.tolerance = cadastralTolerance(scale);
    fit.nMin = minimumGcps(type);
    std::vector<PointD> pixel, map;
    gcps.enabledPoints(pixel, map);
    fit.enabled = static_cast<int>(pixel.size());
    fit.model = TransformModel::fit(type, pixel, map, &fit.error);
    if (!fit.model)
        return fit;
    double sumMap = 0, sumPx = 0;
    for (size_t i = 0; i < gcps.size(); ++i) {
        const Gcp &g = gcps.at(i);
        GcpResidual r;
        r.index = i;
        r.enabled = g.enabled;
        const PointD f = fit.model->forward({g.pixelX, g.pixelY});
        r.dxMap = f.x - g.mapX;
        r.dyMap = f.y - g.mapY;
        r.map = std::hypot(r.dxMap, r.dyMap);
        const PointD b = fit.model->inverse({g.mapX, g.mapY});
        r.dxPx = b.x - g.pixelX;
        r.dyPx = b.y - g.pixelY;
        r.px = std::hypot(r.dxPx, r.dyPx);
        if (g.enabled) {
            sumMap += r.map * r.map;
            sumPx += r.px * r.px;
            fit.maxErrorMap = std::max(fit.maxErrorMap, r.map);
        }
        fit.residuals.push_back(r);
    }
    const int dof = fit.enabled - fit.nMin;
    if (dof > 0) {
        fit.meanErrorMap = std::sqrt(sumMap / dof);
        fit.meanErrorPx = std::sqrt(sumPx / dof);
    }
    if (leaveOneOut && fit.enabled - 1 >= (type == TransformType::ThinPlateSpline ? 3 : fit.nMin)) {
        std::vector<double> loo;
        for (auto &r : fit.residuals) {
            if (!r.enabled)
                continue;
            std::vector<PointD> p2, m2;
            for (size_t j = 0; j < gcps.size(); ++j)
                if (j != r.index && gcps.at(j).enabled) {
                    p2.push_back({gcps.at(j).pixelX, gcps.at(j).pixelY});
                    m2.push_back({gcps.at(j).mapX, gcps.at(j).mapY});
                }
            const auto m = TransformModel::fit(type, p2, m2);
            if (!m)
                continue;
            const Gcp &g = gcps.at(r.index);
            const PointD f = m->forward({g.pixelX, g.pixelY});
            r.leaveOneOut = std::hypot(f.x - g.mapX, f.y - g.mapY);
            loo.push_back(r.leaveOneOut);
        }
        if (!loo.empty()) {
            std::nth_element(loo.begin(), loo.begin() + static_cast<std::ptrdiff_t>(loo.size() / 2), loo.end());
            const double median = loo[loo.size() / 2];
            fit.blunderThreshold = std::max(fit.tolerance, 3 * 1.4826 * median);
            for (auto &r : fit.residuals)
                r.blunder = r.leaveOneOut > fit.blunderThreshold && fit.blunderThreshold > 0;
        }
    }
    fit.pass = scale > 0 && fit.meanErrorMap <= fit.tolerance && fit.maxErrorMap <= fit.tolerance;
    return fit;
}

std::vector<PointsResidual> GcpFit::pointsResiduals() const
{
    std::vector<PointsResidual> out;
    for (const auto &r : residuals)
        out.push_back({r.dxPx, -r.dyPx, r.px});
    return out;
}

QJsonObject GcpFit::toJson(const GcpSet &gcps) const
{
    QJsonObject o;
    o[QStringLiteral("transform")] = QString::fromLatin1(transformId(type));
    o[QStringLiteral("ok")] = ok();
    if (!ok()) {
        o[QStringLiteral("error")] = QString::fromStdString(error);
        return o;
    }
    QJsonObject params;
    for (const auto &p : model->parameters())
        params[QString::fromStdString(p.name)] = p.value;
    o[QStringLiteral("parameters")] = params;
    o[QStringLiteral("gcps_enabled")] = enabled;
    o[QStringLiteral("gcps_total")] = static_cast<int>(gcps.size());
    o[QStringLiteral("n_min")] = nMin;
    o[QStringLiteral("mean_error_map")] = meanErrorMap;
    o[QStringLiteral("mean_error_px")] = meanErrorPx;
    o[QStringLiteral("max_error_map")] = maxErrorMap;
    if (scale > 0) {
        o[QStringLiteral("scale")] = scale;
        o[QStringLiteral("tolerance_m")] = tolerance;
        o[QStringLiteral("pass")] = pass;
    }
    o[QStringLiteral("blunder_threshold_m")] = blunderThreshold;
    QJsonArray rows;
    for (const auto &r : residuals) {
        const Gcp &g = gcps.at(r.index);
        QJsonObject row;
        row[QStringLiteral("id")] = QString::fromStdString(g.id);
        row[QStringLiteral("map_x")] = g.mapX;
        row[QStringLiteral("map_y")] = g.mapY;
        row[QStringLiteral("pixel_x")] = g.pixelX;
        row[QStringLiteral("pixel_y")] = g.pixelY;
        row[QStringLiteral("enabled")] = r.enabled;
        row[QStringLiteral("dx_map")] = r.dxMap;
        row[QStringLiteral("dy_map")] = r.dyMap;
        row[QStringLiteral("residual_map")] = r.map;
        row[QStringLiteral("dx_px")] = r.dxPx;
        row[QStringLiteral("dy_px")] = r.dyPx;
        row[QStringLiteral("residual_px")] = r.px;
        if (r.leaveOneOut >= 0)
            row[QStringLiteral("leave_one_out_map")] = r.leaveOneOut;
        row[QStringLiteral("blunder")] = r.blunder;
        if (g.confidence >= 0)
            row[QStringLiteral("confidence")] = g.confidence;
        rows.append(row);
    }
    o[QStringLiteral("residuals")] = rows;
    return o;
}

} // namespace vnland::georef
