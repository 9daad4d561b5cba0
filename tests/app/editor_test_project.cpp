// Writes the editor test project through the core store API.
#include "editor_test_project.h"

#include "store/parcel_store.h"
#include "store/project.h"

#include <cstring>
#include <vector>

namespace vnland::test {
namespace {

void put32(std::vector<unsigned char> &b, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back(static_cast<unsigned char>(v >> (8 * i)));
}

void putD(std::vector<unsigned char> &b, double d)
{
    unsigned char x[8];
    std::memcpy(x, &d, 8);
    b.insert(b.end(), x, x + 8);
}

std::vector<unsigned char> rectWkb(const QRectF &r)
{
    std::vector<unsigned char> b{1};
    put32(b, 3);
    put32(b, 1);
    put32(b, 5);
    const QPointF pts[] = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()};
    for (const QPointF &p : pts) {
        putD(b, p.x());
        putD(b, p.y());
    }
    return b;
}

} // namespace

QRectF TestProject::parcelRect(int thua) const
{
    const int i = thua - 1, r = i / cols, c = i % cols;
    return QRectF(kOriginE + c * kW, kOriginN + r * kH, kW, kH);
}

void TestProject::write(const std::string &path) const
{
    auto project = store::Project::create(path, {});
    project->ensureCommune("07192", "Cô Tô");
    store::Transaction tx(project->db());
    store::ParcelWriter writer(*project);
    for (int t = 1; t <= rows * cols; ++t) {
        model::Parcel p;
        p.communeCode = "07192";
        p.toSo = 5;
        p.thuaSo = t;
        p.measuredArea = kW * kH;
        p.legalArea = 500.0;
        p.landuseCode = t % 2 == 0 ? "ONT" : "CLN";
        p.ownerName = "Chủ thửa " + std::to_string(t);
        p.address = "Thôn Thanh Ấm, xã Cô Tô";
        p.wkb = rectWkb(parcelRect(t));
        writer.insert(p);
    }
    store::Statement sheet(project->db(),
                           "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame)"
                           " VALUES ('07192', 5, 1000, '2320-502-5', GeomFromWKB(?, ?))");
    const auto frame = rectWkb(QRectF(kOriginE - 10, kOriginN - 10, cols * kW + 20, rows * kH + 20));
    sheet.bindBlob(1, frame.data(), frame.size()).bind(2, project->srid());
    sheet.exec();
    tx.commit();
}

} // namespace vnland::test

// ---- waiting for the editor's tasks ----

#include "georef/georef_window.h"
#include "io/vector_importer.h"
#include "main_window.h"
#include "gui/task_runner.h"
#include "validation/validation_panel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace vnland::test {

bool waitUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(5);
    }
    return true;
}

namespace {
/// Waits for the first emission of a (bool ok, QString text) signal.
bool waitSpy(QSignalSpy &spy, QString *text, int ms)
{
    if (!waitUntil([&] { return spy.count() > 0; }, ms)) {
        if (text)
            *text = QStringLiteral("timed out");
        return false;
    }
    const auto args = spy.takeFirst();
    if (text)
        *text = args.value(1).toString();
    return args.value(0).toBool();
}
} // namespace

bool openAndWait(app::MainWindow &w, const QString &path, bool quiet, QString *error, int ms)
{
    QSignalSpy spy(&w, &app::MainWindow::projectOpened);
    if (!w.openProject(path, quiet)) {
        if (error)
            *error = QStringLiteral("not started");
        return false;
    }
    return waitSpy(spy, error, ms) && w.document();
}

bool importAndWait(app::MainWindow &w, const QString &path, const io::ImportOptions &options, QString *message, int ms)
{
    QSignalSpy spy(&w, &app::MainWindow::importFinished);
    if (!w.importFile(path, options, true)) {
        if (message)
            *message = QStringLiteral("not started");
        return false;
    }
    return waitSpy(spy, message, ms);
}

bool exportAndWait(app::MainWindow &w, const QString &path, const QString &format, QString *message, int ms)
{
    QSignalSpy spy(&w, &app::MainWindow::exportFinished);
    if (!w.exportTo(path, format, true)) {
        if (message)
            *message = QStringLiteral("not started");
        return false;
    }
    return waitSpy(spy, message, ms);
}

bool validateAndWait(app::ValidationPanel &panel, bool incremental, int ms)
{
    QSignalSpy spy(&panel, &app::ValidationPanel::validationFinished);
    if (!panel.startValidation(incremental))
        return false;
    return waitUntil([&] { return spy.count() > 0; }, ms) && !panel.lastReport().cancelled;
}

bool waitForFix(app::ValidationPanel &panel, QString *error, int ms)
{
    QString why;
    const bool ok = waitUntil([&] { return !panel.isPlanning(); }, ms);
    (void)why;
    if (!ok && error)
        *error = QStringLiteral("timed out");
    return ok;
}

bool fixIssueAndWait(app::ValidationPanel &panel, int64_t issueId, QString *error, int ms)
{
    QSignalSpy spy(&panel, &app::ValidationPanel::fixFinished);
    if (!panel.fixIssue(issueId, error))
        return false;
    return waitSpy(spy, error, ms);
}

bool fixRuleAndWait(app::ValidationPanel &panel, int rule, QString *error, int ms)
{
    QSignalSpy spy(&panel, &app::ValidationPanel::fixFinished);
    if (!panel.fixRule(topology::Rule(rule), error))
        return false;
    return waitSpy(spy, error, ms);
}

int detectAndWait(app::GeorefWindow &geo, QString *error, int ms)
{
    QSignalSpy spy(&geo, &app::GeorefWindow::crossesDetected);
    if (!geo.detectCrosses(error))
        return -1;
    if (!waitUntil([&] { return spy.count() > 0; }, ms)) {
        if (error)
            *error = QStringLiteral("timed out");
        return -1;
    }
    const auto args = spy.takeFirst();
    if (error)
        *error = args.value(1).toString();
    return args.value(0).toInt();
}

bool warpAndWait(app::GeorefWindow &geo, const QString &out, QString *error, int ms)
{
    QSignalSpy spy(&geo, &app::GeorefWindow::warpFinished);
    if (!geo.warpTo(out, true, error))
        return false;
    return waitSpy(spy, error, ms);
}

} // namespace vnland::test
