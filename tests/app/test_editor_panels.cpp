// GUI tests of the georeferencing window and the validation panel
// (QT_QPA_PLATFORM=offscreen through CTest): the scan view, the GCP table, the
// issue tree and the buttons are driven with QTest events and the results are
// checked against the core (fit, GCP files, validation) and the project file.
#define BOOST_TEST_MODULE editor_panels
#include "app_fixture.h"
#include <boost/test/unit_test.hpp>

#include "editor_test_project.h"
#include "test_support.h"

#include "document/crash_journal.h"
#include "document/document.h"
#include "gui/gcp_table_model.h"
#include "georef/georef_window.h"
#include "main_window.h"
#include "gui/map_canvas.h"
#include "gui/scan_view.h"
#include "validation/validation_panel.h"

#include "georef/raster_store.h"
#include "store/database.h"
#include "store/project.h"
#include "topology/validation_store.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QTimer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUndoCommand>

#include <cmath>
#include <map>

#include <gdal_priv.h>

using namespace vnland;

namespace {

BOOST_TEST_GLOBAL_FIXTURE(AppFixture);

std::string scanPath() { return test::sampleDir() + "/coto/scan/to3_322500-5-d.png"; }
std::string truthPath() { return test::sampleDir() + "/coto/scan/to3_322500-5-d_truth.points"; }
std::string seedPath() { return test::sampleDir() + "/coto/scan/to3_322500-5-d_seed3.points"; }

/// Saves a picture of @p w into $VNLAND_SHOTS_DIR when set (to look at the panels).
void saveShot(QWidget *w, const char *name)
{
    const QByteArray dir = qgetenv("VNLAND_SHOTS_DIR");
    if (!dir.isEmpty())
        w->grab().save(QString::fromUtf8(dir) + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

/// Runs the event loop until @p done or @p ms pass.
template <class F>
bool waitFor(F done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(10);
    }
    return true;
}

/// Main window with the small synthetic project (next to sheet 322500-5-d) and
/// the georeferencing window open on the sample scan.
struct GeorefFixture {
    GeorefFixture()
    {
        GDALAllRegister();   // as main() does
        path = tmp.file("georef.sqlite");
        project.write(path);
        window.resize(1000, 700);
        window.show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
        BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
        window.canvas()->setView(QPointF(501750, 2320250), 1.0);   // the sheet's 500 m square
        geo = window.georefWindow();
        geo->resize(1100, 700);
        geo->show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(geo));
        QString error;
        BOOST_REQUIRE_MESSAGE(geo->openScan(QString::fromStdString(scanPath()), &error), error.toStdString());
        auto t = georef::GcpSet::readPoints(truthPath());
        BOOST_REQUIRE(t);
        truth = *t;
    }

    /// Clicks on the scan at a full-resolution pixel, zoomed in so the click lands within 0.25 px.
    void clickScan(const QPointF &pixel)
    {
        gui::ScanView *v = geo->scanView();
        v->zoomBy(2.0 / v->zoom(), QPointF(v->width() / 2.0, v->height() / 2.0));
        v->centerOn(pixel);
        QTest::mouseClick(v, Qt::LeftButton, {}, v->pixelToWidget(pixel).toPoint());
    }

    /// Types @p text into cell (row, column) of the GCP table and presses Enter.
    void typeCell(int row, int column, const QString &text)
    {
        QTableView *t = geo->gcpTable();
        const QModelIndex idx = t->model()->index(row, column);
        t->setCurrentIndex(idx);
        t->edit(idx);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        BOOST_REQUIRE(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
    }

    bool previewSettled()
    {
        return waitFor([&] { return !geo->previewPending(); });
    }

    test::TempDir tmp;
    std::string path;
    test::TestProject project;
    app::MainWindow window;
    app::GeorefWindow *geo = nullptr;
    georef::GcpSet truth;
};

double labelNumber(const QString &text)
{
    // "Mean error 0.123 m …": the first number in the label.
    QString num;
    for (const QChar c : text) {
        if (c.isDigit() || ((c == QLatin1Char('.') || c == QLatin1Char(',')) && !num.isEmpty()))
            num += c == QLatin1Char(',') ? QLatin1Char('.') : c;
        else if (!num.isEmpty())
            break;
    }
    return num.toDouble();
}

} // namespace

BOOST_AUTO_TEST_SUITE(georef_window)

BOOST_FIXTURE_TEST_CASE(clicks_add_gcps_typed_coordinates_fit_and_colour_residuals, GeorefFixture)
{
    BOOST_TEST(geo->gcps().size() == 0u);
    BOOST_TEST(geo->scale() == 1000);   // from the sheet in the file name
    BOOST_TEST(geo->sheetEdit()->text() == QStringLiteral("322500-5-d"));
    geo->setTransformType(georef::TransformType::Affine);

    // Four grid crosses spread over the sheet (frame corners and an inner one).
    const size_t picks[] = {0, 5, 30, 35, 14, 21};
    std::vector<QString> labels;
    for (size_t k = 0; k < 6; ++k) {
        const georef::Gcp &t = truth.at(picks[k]);
        clickScan({t.pixelX, t.pixelY});
        BOOST_REQUIRE(geo->gcps().size() == k + 1);
        const georef::Gcp &g = geo->gcps().at(k);
        BOOST_TEST(std::abs(g.pixelX - t.pixelX) < 0.3);
        BOOST_TEST(std::abs(g.pixelY - t.pixelY) < 0.3);
        BOOST_TEST(!g.enabled);   // waits for its map coordinate
        BOOST_TEST(geo->gcpTable()->currentIndex().row() == int(k));
        typeCell(int(k), gui::GcpTableModel::MapX, QString::number(t.mapX, 'f', 3));
        typeCell(int(k), gui::GcpTableModel::MapY, QString::number(t.mapY, 'f', 3));
        BOOST_TEST(geo->gcps().at(k).enabled);
        BOOST_TEST(geo->gcps().at(k).mapX == t.mapX);
        BOOST_TEST(geo->gcps().at(k).mapY == t.mapY);
        labels.push_back(geo->meanErrorLabel()->text());
    }
    // Affine needs 3 points: no fit before, a mean error after every further point.
    BOOST_TEST(!labels[1].contains(QStringLiteral(" m (")));   // 2 points: no fit yet
    BOOST_REQUIRE(geo->fit().ok());
    BOOST_TEST(geo->fit().enabled == 6);
    BOOST_TEST(labels[3] != labels[4]);
    BOOST_TEST(labels[4] != labels[5]);
    const double shown = labelNumber(geo->meanErrorLabel()->text());
    BOOST_TEST(std::abs(shown - geo->fit().meanErrorMap) < 0.0006);
    // The same as the core's fit of the exact points, within what a quarter-pixel click moves (≈ 4 cm).
    georef::GcpSet exact;
    for (size_t k : picks)
        exact.add(truth.at(k));
    const auto core = georef::fitGcps(exact, georef::TransformType::Affine, 1000);
    BOOST_TEST_MESSAGE("clicked mean error " << geo->fit().meanErrorMap << " m, exact points " << core.meanErrorMap << " m");
    BOOST_TEST(std::abs(geo->fit().meanErrorMap - core.meanErrorMap) < 0.05);
    BOOST_TEST(geo->fit().pass);
    auto *model = geo->gcpModel();
    for (int r = 0; r < 6; ++r)
        BOOST_TEST((model->data(model->index(r, gui::GcpTableModel::Residual), Qt::BackgroundRole).value<QColor>() ==
                    (geo->fit().residuals[size_t(r)].map <= 0.2 ? gui::GcpTableModel::okColor()
                                                                 : gui::GcpTableModel::badColor())));

    // A typing slip of 3 m on one point: residuals beyond 0.20 m turn red, the label says so.
    typeCell(3, gui::GcpTableModel::MapX, QString::number(truth.at(picks[3]).mapX + 3, 'f', 3));
    BOOST_TEST(!geo->fit().pass);
    BOOST_TEST(geo->fit().meanErrorMap > 0.2);
    BOOST_TEST(std::abs(labelNumber(geo->meanErrorLabel()->text()) - geo->fit().meanErrorMap) < 0.0006);
    int red = 0;
    for (int r = 0; r < 6; ++r)
        red += model->data(model->index(r, gui::GcpTableModel::Residual), Qt::BackgroundRole).value<QColor>() ==
               gui::GcpTableModel::badColor();
    BOOST_TEST(red >= 1);
    BOOST_TEST(geo->meanErrorLabel()->styleSheet().contains(QStringLiteral("#c00000")));

    // Undo the slip: back to the fitted state; redo brings it again.
    geo->undoStack()->undo();
    BOOST_TEST(geo->gcps().at(3).mapX == truth.at(picks[3]).mapX);
    BOOST_TEST(geo->fit().pass);
    geo->undoStack()->redo();
    BOOST_TEST(geo->gcps().at(3).mapX == truth.at(picks[3]).mapX + 3);
    geo->undoStack()->undo();

    // The enable box takes a point out of the fit.
    model->setData(model->index(3, gui::GcpTableModel::Enabled), Qt::Unchecked, Qt::CheckStateRole);
    BOOST_TEST(!geo->gcps().at(3).enabled);
    BOOST_TEST(geo->fit().enabled == 5);

    // A map coordinate picked on the main map: the next click there (no pan) sets the selected point.
    geo->gcpTable()->setCurrentIndex(model->index(2, gui::GcpTableModel::MapX));
    geo->pickAction()->trigger();
    BOOST_TEST(geo->pickAction()->isChecked());
    const QPointF centre = window.canvas()->view().center;
    const QPoint at = window.canvas()->worldToScreen(QPointF(501650, 2320350)).toPoint();
    const QPointF world = window.canvas()->screenToWorld(at);
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, at);
    BOOST_TEST(geo->gcps().at(2).mapX == world.x());
    BOOST_TEST(geo->gcps().at(2).mapY == world.y());
    BOOST_TEST(!geo->pickAction()->isChecked());
    BOOST_TEST((window.canvas()->view().center == centre));
    geo->undoStack()->undo();
    BOOST_TEST(geo->gcps().at(2).mapX == truth.at(picks[2]).mapX);
}

BOOST_FIXTURE_TEST_CASE(transform_choice_refits_and_mean_error_follows, GeorefFixture)
{
    // The toolbar's undo/redo keep their short names; the step is in the tooltip.
    auto *undo = geo->findChild<QAction *>(QStringLiteral("undoGcpAction"));
    auto *redo = geo->findChild<QAction *>(QStringLiteral("redoGcpAction"));
    BOOST_REQUIRE(undo);
    BOOST_REQUIRE(redo);
    BOOST_TEST(!undo->isEnabled());
    geo->replaceGcps(truth, QStringLiteral("Load truth.points"));
    BOOST_TEST(undo->isEnabled());
    BOOST_TEST(undo->text() == QStringLiteral("Undo"));
    BOOST_TEST(undo->toolTip().contains(QStringLiteral("Load truth.points")));
    undo->trigger();
    BOOST_TEST(geo->gcps().size() == 0u);
    BOOST_TEST(redo->isEnabled());
    BOOST_TEST(redo->text() == QStringLiteral("Redo"));
    BOOST_TEST(redo->toolTip().contains(QStringLiteral("Load truth.points")));
    redo->trigger();
    BOOST_TEST(geo->gcps().size() == truth.size());
    QComboBox *combo = geo->transformCombo();
    std::map<int, QString> texts;
    for (auto t : {georef::TransformType::Helmert, georef::TransformType::Affine, georef::TransformType::Polynomial2,
                   georef::TransformType::Projective}) {
        combo->setCurrentIndex(combo->findData(int(t)));
        BOOST_TEST((geo->transformType() == t));
        BOOST_REQUIRE(geo->fit().ok());
        BOOST_TEST((geo->fit().type == t));
        // The same numbers as the core gives for the same points.
        const auto core = georef::fitGcps(truth, t, 1000);
        BOOST_TEST(std::abs(core.meanErrorMap - geo->fit().meanErrorMap) < 1e-9);
        BOOST_TEST(std::abs(labelNumber(geo->meanErrorLabel()->text()) - core.meanErrorMap) < 0.0006);
        texts[int(t)] = geo->meanErrorLabel()->text();
    }
    BOOST_TEST(texts[int(georef::TransformType::Helmert)] != texts[int(georef::TransformType::Polynomial2)]);
    // Too few points for a polynomial of order 3 (10 needed): no fit, the label says how many.
    georef::GcpSet few;
    for (size_t i = 0; i < 5; ++i)
        few.add(truth.at(i * 7));
    geo->replaceGcps(few, QStringLiteral("Load five points"));
    combo->setCurrentIndex(combo->findData(int(georef::TransformType::Polynomial3)));
    BOOST_TEST(!geo->fit().ok());
    BOOST_TEST(geo->meanErrorLabel()->text().contains(QStringLiteral("10")));
}

BOOST_FIXTURE_TEST_CASE(drag_marker_moves_gcp_preview_follows_undo_restores, GeorefFixture)
{
    geo->replaceGcps(truth, QStringLiteral("Load truth.points"));
    BOOST_REQUIRE(geo->fit().ok());
    BOOST_REQUIRE(previewSettled());
    // The preview sits on the main map where the sheet is.
    const QImage first = window.canvas()->previewImage();
    BOOST_REQUIRE(!first.isNull());
    const QRectF ext = window.canvas()->previewExtent();
    // The sheet's inner frame (500 m square) plus the scan's margins (the scan is 3374 px of ≈ 0.17 m).
    BOOST_TEST(ext.contains(QRectF(501500, 2320000, 500, 500)));
    BOOST_TEST(ext.width() < 620);
    BOOST_TEST(ext.height() < 620);
    // The preview really shows on the map: the canvas differs where it lies.
    BOOST_REQUIRE(gui::waitForCanvasIdle(window.canvas()));
    const QImage with = window.canvas()->grab().toImage();
    window.canvas()->setPreviewImage(QImage(), QRectF());
    const QImage without = window.canvas()->grab().toImage();
    window.canvas()->setPreviewImage(first, ext);
    int differ = 0;
    for (int y = 0; y < with.height(); y += 2)
        for (int x = 0; x < with.width(); x += 2)
            differ += with.pixel(x, y) != without.pixel(x, y);
    BOOST_TEST(differ > 2000);

    saveShot(geo, "georef_window");
    saveShot(&window, "georef_preview_on_map");
    // Drag the marker of the frame corner r0c0 by 40 screen pixels.
    gui::ScanView *v = geo->scanView();
    v->fitToWindow();
    const QPointF px0(geo->gcps().at(0).pixelX, geo->gcps().at(0).pixelY);
    const QPoint from = v->pixelToWidget(px0).toPoint();
    const QPoint to = from + QPoint(40, 30);
    const int count = geo->previewCount();
    QTest::mousePress(v, Qt::LeftButton, {}, from);
    QTest::mouseMove(v, from + QPoint(10, 10));
    QTest::mouseMove(v, to);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseRelease(v, Qt::LeftButton, {}, to);
    const QPointF moved(geo->gcps().at(0).pixelX, geo->gcps().at(0).pixelY);
    BOOST_TEST(std::abs(moved.x() - (px0.x() + 40 / v->zoom())) < 2 / v->zoom());
    BOOST_TEST(std::abs(moved.y() - (px0.y() + 30 / v->zoom())) < 2 / v->zoom());
    BOOST_TEST(geo->undoStack()->count() == 2);
    BOOST_REQUIRE(previewSettled());
    BOOST_TEST_MESSAGE("preview on the map " << clock.elapsed() << " ms after the drag (incl. "
                                              << 60 << " ms throttle)");
    BOOST_TEST(clock.elapsed() < 3000);
    BOOST_TEST(geo->previewCount() > count);
    BOOST_TEST((window.canvas()->previewImage() != first || window.canvas()->previewExtent() != ext));

    geo->undoStack()->undo();
    BOOST_TEST(geo->gcps().at(0).pixelX == px0.x());
    BOOST_TEST(geo->gcps().at(0).pixelY == px0.y());
    BOOST_REQUIRE(previewSettled());
    BOOST_TEST((window.canvas()->previewExtent() == ext));

    // Delete the point (Delete key on the table) and undo it.
    geo->activateWindow();
    BOOST_REQUIRE(QTest::qWaitForWindowActive(geo));
    geo->gcpTable()->setFocus();
    geo->gcpTable()->selectRow(0);
    QTest::keyClick(geo->gcpTable(), Qt::Key_Delete);
    BOOST_TEST(geo->gcps().size() == truth.size() - 1);
    BOOST_TEST(geo->gcps().at(0).id != truth.at(0).id);
    geo->undoStack()->undo();
    BOOST_TEST(geo->gcps().size() == truth.size());

    // Closing the window removes the preview from the map.
    geo->close();
    BOOST_TEST(window.canvas()->previewImage().isNull());
}

BOOST_FIXTURE_TEST_CASE(points_file_round_trip_and_detect_crosses, GeorefFixture)
{
    QString error;
    BOOST_REQUIRE(geo->loadPoints(QString::fromStdString(truthPath()), &error));
    BOOST_TEST(geo->gcps().size() == truth.size());
    const QString out = QString::fromStdString(tmp.file("round.points"));
    BOOST_REQUIRE(geo->savePoints(out, &error));
    const auto back = georef::GcpSet::readPoints(out.toStdString());
    BOOST_REQUIRE(back);
    BOOST_REQUIRE(back->size() == truth.size());
    for (size_t i = 0; i < truth.size(); ++i) {
        BOOST_TEST(back->at(i).mapX == truth.at(i).mapX);
        BOOST_TEST(back->at(i).mapY == truth.at(i).mapY);
        BOOST_TEST(back->at(i).pixelX == truth.at(i).pixelX);
        BOOST_TEST(back->at(i).pixelY == truth.at(i).pixelY);
    }
    // The residual columns are the fit's.
    BOOST_TEST(test::readFile(out.toStdString()).find(",1,0,0,0") == std::string::npos);
    BOOST_TEST(!geo->loadPoints(QString::fromStdString(tmp.file("missing.points")), &error));
    BOOST_TEST(!error.isEmpty());

    // Grid crosses from the three seed points: the whole 6 × 6 lattice of the sheet.
    BOOST_REQUIRE(geo->loadPoints(QString::fromStdString(seedPath()), &error));
    BOOST_TEST(geo->gcps().size() == 3u);
    const int found = test::detectAndWait(*geo, &error);
    BOOST_REQUIRE_MESSAGE(found > 0, error.toStdString());
    BOOST_TEST(found >= 30);
    BOOST_TEST(geo->gcps().size() >= size_t(found));
    geo->setTransformType(georef::TransformType::Affine);
    BOOST_REQUIRE(geo->fit().ok());
    BOOST_TEST(geo->fit().meanErrorMap < 0.2);
    // Each detected cross lies within a pixel of the truth file's cross with the same map position.
    int matched = 0;
    for (const auto &g : geo->gcps().points())
        for (const auto &t : truth.points())
            if (g.mapX == t.mapX && g.mapY == t.mapY) {
                BOOST_TEST(std::hypot(g.pixelX - t.pixelX, g.pixelY - t.pixelY) < 1.0);
                ++matched;
            }
    BOOST_TEST(matched >= found);
    // One undo step brings the seeds back.
    geo->undoStack()->undo();
    BOOST_TEST(geo->gcps().size() == 3u);
}

BOOST_FIXTURE_TEST_CASE(warp_writes_geotiff_registers_and_adds_layer, GeorefFixture)
{
    geo->replaceGcps(truth, QStringLiteral("Load truth.points"));
    geo->setTransformType(georef::TransformType::Helmert);
    const QString out = QString::fromStdString(tmp.file("warped.tif"));
    QString error;
    // Cancel from the status bar: nothing is written or added.
    const QString cancelled = QString::fromStdString(tmp.file("cancelled.tif"));
    QSignalSpy warped(geo, &app::GeorefWindow::warpFinished);
    BOOST_REQUIRE(geo->warpTo(cancelled, true, &error));
    BOOST_REQUIRE(geo->currentTask());
    BOOST_REQUIRE(geo->taskCancelButton()->isVisible());
    QTest::mouseClick(geo->taskCancelButton(), Qt::LeftButton);
    BOOST_REQUIRE(test::waitUntil([&] { return warped.count() > 0; }));
    BOOST_TEST(!warped.first().at(0).toBool());
    BOOST_TEST(warped.first().at(1).toString().contains(QStringLiteral("cancel")));
    BOOST_TEST(!geo->currentTask());
    BOOST_TEST(!QFileInfo::exists(cancelled));
    BOOST_TEST(window.canvas()->rasterCount() == 0);
    BOOST_REQUIRE_MESSAGE(test::warpAndWait(*geo, out, &error), error.toStdString());
    BOOST_TEST(QFileInfo::exists(out));
    BOOST_TEST(window.canvas()->rasterCount() == 1);
    BOOST_TEST(window.canvas()->previewImage().isNull());   // the real raster replaces the preview
    const auto rec = georef::findRaster(window.document()->project(), QFileInfo(out).absoluteFilePath().toStdString(), "warped");
    BOOST_REQUIRE(rec);
    BOOST_TEST(rec->transform == "helmert");
    BOOST_TEST(rec->gcpsEnabled == int(truth.size()));
    BOOST_REQUIRE(rec->sourceId);
    BOOST_TEST(georef::loadGcps(window.document()->project(), *rec->sourceId).size() == truth.size());
    // Reopening the scan finds its GCPs in the project.
    BOOST_REQUIRE(geo->openScan(QString::fromStdString(scanPath())));
    BOOST_TEST(geo->gcps().size() == truth.size());
}

BOOST_AUTO_TEST_SUITE_END()

// ---- validation panel on the faulty Cô Tô sample ----

namespace {

struct ValidationFixture {
    ValidationFixture()
    {
        GDALAllRegister();   // as main() does
        path = tmp.file("coto.sqlite");
        store::Project::create(path, store::ProjectSettings{});
        window.resize(1200, 800);
        window.show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
        BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
        const std::string dir = test::sampleDir() + "/coto/";
        BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(dir + "coto_faulty.shp"), {}),
                              window.messages()->toPlainText().toStdString());
        BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(dir + "coto_sheets.geojson"), {}),
                              window.messages()->toPlainText().toStdString());
        panel = window.validationPanel();
        BOOST_REQUIRE(panel);
        BOOST_REQUIRE(doc()->parcelCount() > 0);
    }
    app::Document *doc() const { return window.document(); }

    /// Core validation of the project as it is on disk, per rule.
    std::map<topology::Rule, size_t> coreCounts()
    {
        auto p = store::Project::open(path, true);
        const auto report = topology::validateProject(*p);
        std::map<topology::Rule, size_t> n;
        for (const auto &i : report.issues)
            ++n[i.rule];
        return n;
    }
    QTreeWidgetItem *group(topology::Rule r) const
    {
        for (int i = 0; i < panel->tree()->topLevelItemCount(); ++i)
            if (panel->tree()->topLevelItem(i)->text(0).contains(QString::fromUtf8(topology::ruleId(r))))
                return panel->tree()->topLevelItem(i);
        return nullptr;
    }
    void clickItem(QTreeWidgetItem *item)
    {
        QTreeWidget *t = panel->tree();
        t->expandItem(item->parent());
        t->scrollToItem(item);
        QCoreApplication::processEvents();
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualItemRect(item).center());
    }

    test::TempDir tmp;
    std::string path;
    app::MainWindow window;
    app::ValidationPanel *panel = nullptr;
};

} // namespace

BOOST_AUTO_TEST_SUITE(validation_panel)

BOOST_FIXTURE_TEST_CASE(run_all_rules_groups_match_core_and_click_selects, ValidationFixture)
{
    const auto core = coreCounts();
    BOOST_REQUIRE(!core.empty());
    // A run cancelled at once stores nothing.
    BOOST_REQUIRE(panel->startValidation());
    auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("cancelValidationButton"));
    BOOST_REQUIRE(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    BOOST_REQUIRE(waitFor([&] { return !panel->isRunning(); }, 120000));
    BOOST_TEST(panel->lastReport().cancelled);
    BOOST_TEST(panel->issues().empty());
    BOOST_TEST(panel->tree()->topLevelItemCount() == 0);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("validateButton")), Qt::LeftButton);
    BOOST_TEST(panel->isRunning());
    BOOST_REQUIRE(waitFor([&] { return !panel->isRunning(); }, 120000));
    BOOST_TEST(!panel->lastReport().incremental);
    size_t total = 0;
    for (const auto &[rule, n] : core) {
        BOOST_TEST(panel->pendingCount(rule) == int(n), topology::ruleId(rule));
        QTreeWidgetItem *g = group(rule);
        BOOST_REQUIRE(g);
        BOOST_TEST(g->childCount() == int(n));
        BOOST_TEST(g->text(1) == QString::number(n));
        total += n;
    }
    BOOST_TEST(panel->tree()->topLevelItemCount() == int(core.size()));
    BOOST_TEST(panel->issues().size() == total);

    // Click an overlap issue: its parcels become the selection and the map goes there.
    QTreeWidgetItem *g = group(topology::Rule::Overlap);
    BOOST_REQUIRE(g);
    QTreeWidgetItem *item = g->child(0);
    clickItem(item);
    const auto *issue = panel->issue(item->data(0, Qt::UserRole + 1).toLongLong());
    BOOST_REQUIRE(issue);
    QSet<int> rows;
    for (int64_t id : issue->parcelIds)
        rows.insert(doc()->rowOfId(id));
    BOOST_TEST(rows.size() == int(issue->parcelIds.size()));
    BOOST_TEST((doc()->selection() == rows));
    BOOST_TEST(!window.canvas()->highlight().isEmpty());
    const QRectF where = window.canvas()->highlight().boundingRect();
    BOOST_TEST(window.canvas()->view().visibleWorld().contains(where.center()));
    BOOST_REQUIRE(gui::waitForCanvasIdle(window.canvas()));
    window.findChild<QDockWidget *>(QStringLiteral("validationDock"))->raise();
    QCoreApplication::processEvents();
    saveShot(&window, "validation_panel");

    // Choosing rules: only the gap rule runs; the other groups stay as stored.
    panel->setChosenRules({topology::Rule::Gap});
    BOOST_REQUIRE(test::validateAndWait(*panel));
    BOOST_TEST(panel->lastReport().rulesRun.size() == 1u);
    BOOST_TEST(panel->pendingCount(topology::Rule::Gap) == int(core.at(topology::Rule::Gap)));
    BOOST_TEST(panel->pendingCount(topology::Rule::Overlap) == int(core.at(topology::Rule::Overlap)));

    // Export: one GeoJSON feature per pending issue.
    const QString out = QString::fromStdString(tmp.file("issues.geojson"));
    QString error;
    BOOST_REQUIRE_MESSAGE(panel->exportIssues(out, &error), error.toStdString());
    const std::string text = test::readFile(out.toStdString());
    size_t features = 0;
    for (size_t at = text.find("\"Feature\""); at != std::string::npos; at = text.find("\"Feature\"", at + 1))
        ++features;
    BOOST_TEST(features == total);
    BOOST_REQUIRE(panel->exportIssues(QString::fromStdString(tmp.file("issues.csv"))));
    BOOST_TEST(test::readFile(tmp.file("issues.csv")).find("rule,severity") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(fix_issue_and_rule_undoable_exception_and_revalidate_changes, ValidationFixture)
{
    BOOST_REQUIRE(test::validateAndWait(*panel));
    const int overlaps = panel->pendingCount(topology::Rule::Overlap);
    const int gaps = panel->pendingCount(topology::Rule::Gap);
    BOOST_REQUIRE(overlaps >= 1);
    BOOST_REQUIRE(gaps >= 1);
    const auto areaOf = [&](int64_t id) {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryText("SELECT round(ST_Area(geom), 4) FROM parcel WHERE id = " + std::to_string(id)).value_or("");
    };

    // Fix one overlap from the tree's button.
    QTreeWidgetItem *item = group(topology::Rule::Overlap)->child(0);
    clickItem(item);
    const int64_t issueId = item->data(0, Qt::UserRole + 1).toLongLong();
    const auto parcels = panel->issue(issueId)->parcelIds;
    std::vector<std::string> before;
    for (int64_t id : parcels)
        before.push_back(areaOf(id));
    auto *fixButton = panel->findChild<QPushButton *>(QStringLiteral("fixIssueButton"));
    BOOST_REQUIRE(fixButton->isEnabled());
    const int undoBefore = doc()->undoStack()->count();
    QTest::mouseClick(fixButton, Qt::LeftButton);
    BOOST_REQUIRE(panel->isPlanning());   // a task: the click returns at once
    BOOST_REQUIRE(test::waitForFix(*panel));
    BOOST_TEST(doc()->undoStack()->count() == undoBefore + 1);
    BOOST_TEST(panel->pendingCount(topology::Rule::Overlap) == overlaps - 1);
    BOOST_TEST(!panel->issue(issueId));   // settled: no longer listed
    bool changed = false;
    for (size_t i = 0; i < parcels.size(); ++i)
        changed |= areaOf(parcels[i]) != before[i];
    BOOST_TEST(changed);
    // Core validation agrees: one overlap fewer.
    BOOST_TEST(coreCounts()[topology::Rule::Overlap] == size_t(overlaps - 1));
    // Undo: geometry and issue back.
    doc()->undoStack()->undo();
    BOOST_TEST(panel->pendingCount(topology::Rule::Overlap) == overlaps);
    BOOST_TEST(panel->issue(issueId));
    for (size_t i = 0; i < parcels.size(); ++i)
        BOOST_TEST(areaOf(parcels[i]) == before[i]);
    BOOST_TEST(coreCounts()[topology::Rule::Overlap] == size_t(overlaps));

    // Fix all gaps; the changed parcels are then re-validated incrementally.
    QString error;
    BOOST_REQUIRE_MESSAGE(test::fixRuleAndWait(*panel, int(topology::Rule::Gap), &error), error.toStdString());
    BOOST_TEST(panel->pendingCount(topology::Rule::Gap) == 0);
    BOOST_TEST(!panel->changedIds().isEmpty());
    const auto changedIds = panel->changedIds();
    BOOST_REQUIRE(test::validateAndWait(*panel, true));
    BOOST_TEST(panel->lastReport().incremental);
    for (int64_t id : changedIds)
        BOOST_TEST(std::count(panel->lastReport().examinedIds.begin(), panel->lastReport().examinedIds.end(), id) == 1);
    BOOST_TEST(panel->lastReport().count(topology::Rule::Gap) == 0u);
    BOOST_TEST(panel->pendingCount(topology::Rule::Gap) == 0);
    BOOST_TEST(panel->changedIds().isEmpty());
    // Nothing changed since: re-validating changes has nothing to do.
    BOOST_TEST(!panel->startValidation(true));
    // An attribute edit counts as a change too.
    const int row0 = doc()->rowOfId(changedIds.values().front());
    BOOST_REQUIRE(row0 >= 0);
    BOOST_REQUIRE(doc()->changeValue(row0, app::ParcelField::OwnerName, QStringLiteral("Nguyễn Văn An")));
    BOOST_TEST(panel->changedIds().contains(doc()->parcel(row0).id));
    BOOST_REQUIRE(test::validateAndWait(*panel, true));
    BOOST_TEST(panel->changedIds().isEmpty());
    doc()->undoStack()->undo();   // the attribute edit
    BOOST_REQUIRE(test::validateAndWait(*panel, true));
    // Undo the gap fix: the parcels come back as changed; re-validation finds the gaps again.
    doc()->undoStack()->undo();
    BOOST_TEST(!panel->changedIds().isEmpty());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("revalidateButton")), Qt::LeftButton);
    BOOST_REQUIRE(waitFor([&] { return !panel->isRunning(); }, 120000));
    BOOST_TEST(panel->lastReport().incremental);
    BOOST_TEST(panel->pendingCount(topology::Rule::Gap) == gaps);

    // Mark an overlap as an exception: it stays listed as such, also after a full run; undo returns it.
    item = group(topology::Rule::Overlap)->child(0);
    const int64_t exId = item->data(0, Qt::UserRole + 1).toLongLong();
    BOOST_REQUIRE(panel->markException(exId, QStringLiteral("ranh giới theo hồ sơ")));
    BOOST_TEST(panel->pendingCount(topology::Rule::Overlap) == overlaps - 1);
    BOOST_TEST(panel->issue(exId)->status == QStringLiteral("exception"));
    {
        store::Database db(path, store::Database::Mode::ReadOnly);
        BOOST_TEST(db.queryText("SELECT status FROM validation_issue WHERE id = " + std::to_string(exId)).value_or("") ==
                   "exception");
    }
    BOOST_REQUIRE(test::validateAndWait(*panel));
    // One whole sentence per count, each with its plural.
    BOOST_TEST(panel->statusLabel()->text().endsWith(QStringLiteral(" s. 1 of them accepted as exception(s).")),
               panel->statusLabel()->text().toStdString());
    BOOST_TEST(group(topology::Rule::Overlap)->text(1).endsWith(QStringLiteral(" + 1 exception(s)")),
               group(topology::Rule::Overlap)->text(1).toStdString());
    BOOST_TEST(panel->pendingCount(topology::Rule::Overlap) == overlaps - 1);
    BOOST_TEST(panel->issue(exId));
    BOOST_TEST(panel->issue(exId)->status == QStringLiteral("exception"));
    doc()->undoStack()->undo();
    BOOST_TEST(panel->issue(exId)->status == QStringLiteral("pending"));
}

BOOST_FIXTURE_TEST_CASE(fix_and_exception_survive_the_crash_journal_and_undo_for_real, ValidationFixture)
{
    BOOST_REQUIRE(test::validateAndWait(*panel));
    const int gaps = panel->pendingCount(topology::Rule::Gap);
    BOOST_REQUIRE(gaps >= 1);
    QTreeWidgetItem *item = group(topology::Rule::Overlap)->child(0);
    const int64_t exId = item->data(0, Qt::UserRole + 1).toLongLong();
    const auto gapCount = [&] {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryText("SELECT count(*) FROM validation_issue WHERE rule = 'gap' AND status = 'pending'").value_or("");
    };
    const auto status = [&](int64_t id) {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryText("SELECT status FROM validation_issue WHERE id = " + std::to_string(id)).value_or("");
    };
    const auto areas = [&] {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryText("SELECT group_concat(round(ST_Area(geom), 4)) FROM (SELECT geom FROM parcel WHERE end_time IS NULL"
                            " ORDER BY id)").value_or("");
    };
    const std::string areasBefore = areas();
    const std::string gapsBefore = gapCount();
    QString error;
    BOOST_REQUIRE_MESSAGE(test::fixRuleAndWait(*panel, int(topology::Rule::Gap), &error), error.toStdString());
    BOOST_REQUIRE(panel->markException(exId, QStringLiteral("theo hồ sơ")));
    BOOST_TEST(areas() != areasBefore);
    BOOST_TEST(status(exId) == "exception");
    app::CrashJournal::of(doc())->write();
    // "Crash": a second editor session opens the same project and restores the journal.
    QString openError;
    auto d2 = app::Document::open(QString::fromStdString(path), &openError);
    BOOST_REQUIRE_MESSAGE(d2, openError.toStdString());
    auto *journal2 = new app::CrashJournal(d2.get());
    BOOST_REQUIRE(journal2->exists());
    BOOST_REQUIRE(journal2->restore(&error));
    QUndoStack *stack = d2->undoStack();
    BOOST_REQUIRE(stack->count() == 2);
    BOOST_TEST(stack->text(0).startsWith(QStringLiteral("Fix all gap")));
    BOOST_TEST(stack->text(1).contains(QStringLiteral("exception")));
    // The restored steps really undo: the exception goes back to pending, then the gap fix is reverted.
    stack->undo();
    BOOST_TEST(status(exId) == "pending");
    stack->undo();
    BOOST_TEST(areas() == areasBefore);
    BOOST_TEST(gapCount() == gapsBefore);
    // And redo again.
    stack->redo();
    BOOST_TEST(areas() != areasBefore);
    journal2->discard();
}

BOOST_FIXTURE_TEST_CASE(a_refused_status_write_is_not_pushed, ValidationFixture)
{
    BOOST_REQUIRE(test::validateAndWait(*panel));
    QTreeWidgetItem *item = group(topology::Rule::Overlap)->child(0);
    const int64_t exId = item->data(0, Qt::UserRole + 1).toLongLong();
    {
        store::Database db(path, store::Database::Mode::ReadWrite);
        db.exec("CREATE TRIGGER test_no_status BEFORE UPDATE ON validation_issue BEGIN"
                " SELECT RAISE(ABORT, 'issues locked by the test'); END");
    }
    const int count = doc()->undoStack()->count();
    BOOST_TEST(!panel->markException(exId, QStringLiteral("x")));
    BOOST_TEST(doc()->undoStack()->count() == count);   // nothing to undo that did not happen
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("issues locked by the test")));
    BOOST_TEST(panel->issue(exId)->status == QStringLiteral("pending"));
}

BOOST_AUTO_TEST_SUITE_END()
