// A small synthetic project for the editor tests: rows × cols rectangular
// parcels 20 m × 25 m on one 1:1000 sheet near Cô Tô (EPSG:5899).
#pragma once

#include <QPointF>
#include <QRectF>

#include <string>

namespace vnland::test {

struct TestProject {
    static constexpr double kOriginE = 502000.0;   // Y (đông)
    static constexpr double kOriginN = 2320000.0;  // X (bắc)
    static constexpr double kW = 20.0, kH = 25.0;
    int rows = 3, cols = 4;

    /// Parcel (r, c): thửa = r * cols + c + 1, tờ 5, code ONT for even thửa else CLN,
    /// owner "Chủ thửa N", legal area 500.
    void write(const std::string &path) const;
    QRectF parcelRect(int thua) const;
    QPointF parcelCenter(int thua) const { return parcelRect(thua).center(); }
};

} // namespace vnland::test
