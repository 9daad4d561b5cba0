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

// ---- waiting for the editor's tasks (tests only: the editor itself never waits) ----

#include <QString>

#include <functional>

namespace vnland::io {
struct ImportOptions;
}
namespace vnland::app {
class MainWindow;
class ValidationPanel;
class GeorefWindow;
}

namespace vnland::test {

/// Runs the event loop until @p done or @p ms pass.
bool waitUntil(const std::function<bool()> &done, int ms = 60000);
/// openProject() and wait for projectOpened(); true when the project is open. @p error: the reason.
bool openAndWait(app::MainWindow &w, const QString &path, bool quiet = true, QString *error = nullptr, int ms = 60000);
/// importFile() and wait for importFinished() (after the reload); @p message: summary or reason.
bool importAndWait(app::MainWindow &w, const QString &path, const io::ImportOptions &options, QString *message = nullptr,
                   int ms = 120000);
bool exportAndWait(app::MainWindow &w, const QString &path, const QString &format, QString *message = nullptr,
                   int ms = 120000);
/// startValidation() and wait for validationFinished(); true when it ran to the end.
bool validateAndWait(app::ValidationPanel &panel, bool incremental = false, int ms = 120000);
/// fixIssue()/fixRule() waits: true when the fix was pushed.
bool fixIssueAndWait(app::ValidationPanel &panel, int64_t issueId, QString *error = nullptr, int ms = 120000);
bool fixRuleAndWait(app::ValidationPanel &panel, int rule, QString *error = nullptr, int ms = 120000);
/// Waits for the current fix started otherwise (a button click).
bool waitForFix(app::ValidationPanel &panel, QString *error = nullptr, int ms = 120000);
/// detectCrosses() and wait: the number accepted or −1 with @p error.
int detectAndWait(app::GeorefWindow &geo, QString *error = nullptr, int ms = 120000);
bool warpAndWait(app::GeorefWindow &geo, const QString &out, QString *error = nullptr, int ms = 120000);

} // namespace vnland::test
