// Editor GUI tests (QT_QPA_PLATFORM=offscreen through CTest): real widgets are
// driven with QTest mouse and key events and the results are checked against
// the Document, the attribute table, the map selection and the database.
#define BOOST_TEST_MODULE editor
#include "app_fixture.h"
#include <boost/test/unit_test.hpp>

#include "editor_test_project.h"
#include "test_support.h"

#include "action_registry.h"
#include "digitize/digitize_tools.h"
#include "panels/attribute_table.h"
#include "document/document.h"
#include "gui/landuse_colors.h"
#include "dialogs/import_dialog.h"
#include "main_window.h"
#include "dialogs/new_project_dialog.h"
#include "gui/map_canvas.h"
#include "panels/parcel_form.h"
#include "gui/parcel_geometry.h"
#include "panels/parcel_table_model.h"
#include "dialogs/settings_dialog.h"
#include "translations.h"
#include "gui/task_runner.h"
#include "validation/validation_panel.h"

#include "store/project.h"
#include "store/database.h"
#include "synth/coverage_generator.h"

#include <QAction>
#include <QRegularExpression>
#include <filesystem>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QTableWidget>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QSignalSpy>
#include <QThread>
#include <QElapsedTimer>
#include <QDir>
#include <QProgressBar>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

#include <cmath>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

using namespace vnland;

namespace {

BOOST_TEST_GLOBAL_FIXTURE(AppFixture);

/// Types text that may contain Vietnamese letters (QTest::keyClicks only knows ASCII).
void typeText(QWidget *w, const QString &text)
{
    for (const QChar ch : text)
        QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
}

std::string dbText(const std::string &path, const std::string &sql)
{
    store::Database db(path, store::Database::Mode::ReadOnly);
    return db.queryText(sql).value_or("<null>");
}

/// A main window with the test project open, shown offscreen and fully drawn.
struct EditorFixture {
    EditorFixture()
    {
        path = tmp.file("editor.sqlite");
        project.write(path);
        window.resize(1100, 750);
        window.show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
        BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
        window.canvas()->zoomToFullExtent();
        BOOST_REQUIRE(gui::waitForCanvasIdle(window.canvas()));
    }
    int rowOfThua(int thua) const
    {
        for (int r = 0; r < doc()->parcelCount(); ++r)
            if (doc()->parcel(r).thuaSo == thua)
                return r;
        return -1;
    }
    QPoint screenOf(int thua) const { return window.canvas()->worldToScreen(project.parcelCenter(thua)).toPoint(); }
    /// A point inside the parcel clear of its label and outline, for colour checks.
    QPoint fillPointOf(int thua) const
    {
        return window.canvas()->worldToScreen(project.parcelRect(thua).topLeft() + QPointF(3, 3)).toPoint();
    }
    app::Document *doc() const { return window.document(); }
    gui::MapCanvas *canvas() const { return window.canvas(); }
    QList<int> tableRows() const { return window.attributeTable()->selectedRows(); }
    void clickParcel(int thua, Qt::KeyboardModifiers mods = {})
    {
        QTest::mouseClick(canvas(), Qt::LeftButton, mods, screenOf(thua));
        QCoreApplication::processEvents();
    }

    test::TempDir tmp;
    std::string path;
    test::TestProject project;
    app::MainWindow window;
};

} // namespace

BOOST_FIXTURE_TEST_CASE(open_project_loads_parcels_and_draws, EditorFixture)
{
    BOOST_TEST(doc()->parcelCount() == 12);
    BOOST_TEST(window.attributeTable()->proxy()->rowCount() == 12);
    BOOST_TEST(doc()->sheets()->size() == 1u);
    BOOST_TEST(window.crsLabel()->text().contains(QStringLiteral("EPSG:5899")));
    // The canvas really drew: the pixel at a CLN parcel centre has the CLN colour.
    const QImage img = canvas()->grab().toImage();
    const QColor c = img.pixelColor(fillPointOf(1));
    BOOST_TEST(c.rgb() == gui::LanduseColors::builtIn().fill(QStringLiteral("CLN")));
    const QColor o = img.pixelColor(fillPointOf(2));
    BOOST_TEST(o.rgb() == gui::LanduseColors::builtIn().fill(QStringLiteral("ONT")));

    // Far out, a parcel under 2 px is drawn as one darker pixel at its centre.
    canvas()->setLayerVisible(gui::MapLayer::SheetFrames, false);   // the frame is 10 m away: under 1 px
    canvas()->setView(project.parcelCenter(1), 15.0);   // 20 m × 25 m → 1.3 × 1.7 px; centres > 1 px apart
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    const QImage far = canvas()->grab().toImage();
    const QPointF dot = canvas()->worldToScreen(project.parcelCenter(1));
    const QRgb cln = gui::LanduseColors::builtIn().fill(QStringLiteral("CLN"));
    BOOST_TEST(far.pixel(int(dot.x()), int(dot.y())) == qRgb(qRed(cln) * 3 / 4, qGreen(cln) * 3 / 4, qBlue(cln) * 3 / 4));
}

BOOST_FIXTURE_TEST_CASE(click_on_map_selects_row_in_table_and_form, EditorFixture)
{
    clickParcel(7);
    const int row = rowOfThua(7);
    BOOST_TEST(doc()->selection() == QSet<int>{row});
    BOOST_TEST(tableRows() == QList<int>{row});
    BOOST_TEST(window.parcelForm()->row() == row);
    BOOST_TEST(window.parcelForm()->ownerEdit()->text() == QStringLiteral("Chủ thửa 7"));
    BOOST_TEST(window.parcelForm()->thuaSoEdit()->text() == QStringLiteral("7"));

    // Shift-click adds, a plain click replaces, a click outside clears.
    clickParcel(2, Qt::ShiftModifier);
    BOOST_TEST(doc()->selection() == (QSet<int>{row, rowOfThua(2)}));
    BOOST_TEST(tableRows().size() == 2);
    BOOST_TEST(window.parcelForm()->row() == -1);   // form edits one parcel at a time
    clickParcel(3);
    BOOST_TEST(doc()->selection() == QSet<int>{rowOfThua(3)});
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, canvas()->worldToScreen(project.parcelCenter(1) - QPointF(200, 0)).toPoint());
    BOOST_TEST(doc()->selection().isEmpty());
    BOOST_TEST(tableRows().isEmpty());
}

BOOST_FIXTURE_TEST_CASE(box_select_and_table_to_map, EditorFixture)
{
    canvas()->setTool(gui::MapCanvas::Tool::Select);
    // Box around parcels 1 and 2 (bottom row): from below-left of 1 to above-right of 2.
    const QRectF r1 = project.parcelRect(1), r2 = project.parcelRect(2);
    const QPoint a = canvas()->worldToScreen(r1.topLeft() - QPointF(2, 2)).toPoint();       // min E, min N
    const QPoint b = canvas()->worldToScreen(r2.bottomRight() + QPointF(2, 2)).toPoint();   // max E, max N
    QTest::mousePress(canvas(), Qt::LeftButton, {}, a);
    QTest::mouseMove(canvas(), (a + b) / 2);
    QTest::mouseMove(canvas(), b);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, b);
    BOOST_TEST(doc()->selection() == (QSet<int>{rowOfThua(1), rowOfThua(2)}));
    BOOST_TEST(tableRows().size() == 2);

    // Clicking a row in the table selects the parcel on the map.
    QTableView *view = window.attributeTable()->view();
    const auto *proxy = window.attributeTable()->proxy();
    const QModelIndex src = window.attributeTable()->model()->index(rowOfThua(11), app::ParcelTableModel::ColOwner);
    const QModelIndex idx = proxy->mapFromSource(src);
    view->scrollTo(idx);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(idx).center());
    BOOST_TEST(doc()->selection() == QSet<int>{rowOfThua(11)});
    BOOST_TEST(window.parcelForm()->ownerEdit()->text() == QStringLiteral("Chủ thửa 11"));

    // Filtering keeps the selection synchronised for the visible rows.
    typeText(window.attributeTable()->filterEdit(), QStringLiteral("Chủ thửa 1"));
    BOOST_TEST(proxy->rowCount() == 4);   // 1, 10, 11, 12
}

BOOST_FIXTURE_TEST_CASE(edit_in_form_writes_database_and_undo_restores, EditorFixture)
{
    clickParcel(6);
    const int row = rowOfThua(6);
    const int64_t id = doc()->parcel(row).id;
    const std::string where = " FROM parcel WHERE id = " + std::to_string(id);
    auto *form = window.parcelForm();
    QLineEdit *owner = form->ownerEdit();
    owner->selectAll();
    QTest::keyClick(owner, Qt::Key_Delete);
    typeText(owner, QStringLiteral("Nguyễn Thị Hồng"));
    BOOST_TEST(form->applyButton()->isEnabled());
    QTest::keyClick(owner, Qt::Key_Return);

    // Written through to the land database, shown in the table, logged.
    BOOST_TEST(dbText(path, "SELECT owner_name" + where) == "Nguyễn Thị Hồng");
    BOOST_TEST(dbText(path, "SELECT count(*) FROM change_log WHERE action = 'update_attribute'") == "1");
    const auto *model = window.attributeTable()->model();
    BOOST_TEST(model->data(model->index(row, app::ParcelTableModel::ColOwner)).toString() == QStringLiteral("Nguyễn Thị Hồng"));
    BOOST_TEST(doc()->undoStack()->count() == 1);

    // Undo through the Edit menu action.
    QAction *undo = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::Undo))
            undo = a;
    BOOST_REQUIRE(undo);
    BOOST_TEST(undo->isEnabled());
    undo->trigger();
    BOOST_TEST(dbText(path, "SELECT owner_name" + where) == "Chủ thửa 6");
    BOOST_TEST(model->data(model->index(row, app::ParcelTableModel::ColOwner)).toString() == QStringLiteral("Chủ thửa 6"));
    BOOST_TEST(owner->text() == QStringLiteral("Chủ thửa 6"));
    // Table, map selection and form still agree on the one parcel.
    BOOST_TEST(doc()->selection() == QSet<int>{row});
    BOOST_TEST(tableRows() == QList<int>{row});
    BOOST_TEST(form->row() == row);
    BOOST_TEST(!undo->isEnabled());
    // Redo writes the new value again.
    doc()->undoStack()->redo();
    BOOST_TEST(dbText(path, "SELECT owner_name" + where) == "Nguyễn Thị Hồng");
}

BOOST_FIXTURE_TEST_CASE(form_changes_landuse_and_area_as_one_undo_step, EditorFixture)
{
    clickParcel(1);   // CLN
    const int row = rowOfThua(1);
    const int64_t id = doc()->parcel(row).id;
    auto *form = window.parcelForm();
    QComboBox *combo = form->landuseCombo();
    const int ont = combo->findData(QStringLiteral("NTS"));
    BOOST_REQUIRE(ont > 0);
    BOOST_TEST(combo->itemText(ont).contains(QStringLiteral("Đất nuôi trồng thủy sản")));
    combo->setCurrentIndex(ont);
    QLineEdit *area = form->legalAreaEdit();
    area->selectAll();
    QTest::keyClicks(area, QLocale().toString(512.5, 'f', 1));
    QTest::mouseClick(form->applyButton(), Qt::LeftButton);
    const std::string where = " FROM parcel WHERE id = " + std::to_string(id);
    BOOST_TEST(dbText(path, "SELECT landuse_code" + where) == "NTS");
    BOOST_TEST(dbText(path, "SELECT legal_area" + where) == "512.5");
    BOOST_TEST(dbText(path, "SELECT code FROM parcel_landuse WHERE is_main = 1 AND parcel_id = " + std::to_string(id)) == "NTS");
    BOOST_TEST(doc()->renderAttrs()->fill[size_t(row)] == gui::LanduseColors::builtIn().fill(QStringLiteral("NTS")));
    BOOST_TEST(doc()->undoStack()->count() == 1);   // one macro for both fields
    // The map is redrawn with the new colour (selection highlight off to read the fill).
    doc()->setSelection({});
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    const QImage img = canvas()->grab().toImage();
    BOOST_TEST(img.pixelColor(fillPointOf(1)).rgb() == gui::LanduseColors::builtIn().fill(QStringLiteral("NTS")));

    doc()->undoStack()->undo();
    BOOST_TEST(dbText(path, "SELECT landuse_code" + where) == "CLN");
    BOOST_TEST(dbText(path, "SELECT legal_area" + where) == "500.0");
    clickParcel(1);
    BOOST_TEST(combo->currentData().toString() == QStringLiteral("CLN"));
    BOOST_TEST(form->legalAreaEdit()->text() == QLocale().toString(500.0, 'f', 1));
}

BOOST_FIXTURE_TEST_CASE(a_failed_write_is_not_pushed_and_the_user_sees_why, EditorFixture)
{
    const int row = rowOfThua(6);
    const std::string where = " FROM parcel WHERE thua_so = 6";
    // One edit that works, then the database starts refusing parcel updates.
    BOOST_REQUIRE(doc()->changeValue(row, app::ParcelField::OwnerName, QStringLiteral("Nguyễn Văn Bình")));
    BOOST_REQUIRE(doc()->undoStack()->count() == 1);
    {
        store::Database db(path, store::Database::Mode::ReadWrite);
        db.exec("CREATE TRIGGER test_no_update BEFORE UPDATE ON parcel BEGIN SELECT RAISE(ABORT, 'parcel locked by the test');"
                " END");
    }
    QString error;
    BOOST_TEST(!doc()->changeValue(row, app::ParcelField::OwnerName, QStringLiteral("Trần Thị Cúc"), &error));
    BOOST_TEST(error.contains(QStringLiteral("parcel locked by the test")), error.toStdString());
    BOOST_TEST(doc()->undoStack()->count() == 1);   // the refused edit is not on the stack
    BOOST_TEST(doc()->undoStack()->undoText() == doc()->undoStack()->text(0));
    BOOST_TEST(doc()->parcel(row).ownerName == "Nguyễn Văn Bình");
    BOOST_TEST(dbText(path, "SELECT owner_name" + where) == "Nguyễn Văn Bình");
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("parcel locked by the test")));
    // Undo of the earlier edit is refused too: the step leaves the history (it cannot be undone), the value stays.
    doc()->undoStack()->undo();
    BOOST_TEST(doc()->undoStack()->count() == 0);
    BOOST_TEST(dbText(path, "SELECT owner_name" + where) == "Nguyễn Văn Bình");
    BOOST_TEST(doc()->parcel(row).ownerName == "Nguyễn Văn Bình");
}

BOOST_FIXTURE_TEST_CASE(form_rejects_invalid_values, EditorFixture)
{
    clickParcel(4);
    const int64_t id = doc()->parcel(rowOfThua(4)).id;
    auto *form = window.parcelForm();
    // Parcel 5 already exists on sheet 5: (commune, tờ, thửa) must stay unique.
    QLineEdit *thua = form->thuaSoEdit();
    thua->selectAll();
    QTest::keyClicks(thua, QStringLiteral("5"));
    BOOST_TEST(!form->applyButton()->isEnabled());
    BOOST_TEST(form->errorLabel()->text().contains(QStringLiteral("already has parcel 5")));
    QTest::keyClick(thua, Qt::Key_Return);
    BOOST_TEST(dbText(path, "SELECT thua_so FROM parcel WHERE id = " + std::to_string(id)) == "4");
    BOOST_TEST(doc()->undoStack()->count() == 0);
    // A free number is accepted.
    thua->selectAll();
    QTest::keyClicks(thua, QStringLiteral("40"));
    BOOST_TEST(form->applyButton()->isEnabled());
    // A legal area that is not a number is refused.
    QLineEdit *area = form->legalAreaEdit();
    area->selectAll();
    QTest::keyClicks(area, QStringLiteral("abc"));
    BOOST_TEST(!form->applyButton()->isEnabled());
    BOOST_TEST(!form->apply());
    BOOST_TEST(dbText(path, "SELECT thua_so FROM parcel WHERE id = " + std::to_string(id)) == "4");
    // The document refuses unknown land-use codes.
    QString error;
    BOOST_TEST(!doc()->changeValue(rowOfThua(4), app::ParcelField::LanduseCode, QStringLiteral("XYZ"), &error));
    BOOST_TEST(error.contains(QStringLiteral("XYZ")));
}

BOOST_FIXTURE_TEST_CASE(pan_zoom_and_status_bar, EditorFixture)
{
    const gui::MapView before = canvas()->view();
    // Wheel zoom keeps the world point under the cursor in place.
    const QPoint anchor = screenOf(6);
    const QPointF worldAtAnchor = canvas()->screenToWorld(anchor);
    QWheelEvent wheel(anchor, canvas()->mapToGlobal(anchor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas(), &wheel);
    BOOST_TEST(canvas()->view().mpp == before.mpp / 1.25, boost::test_tools::tolerance(1e-9));
    const QPointF after = canvas()->screenToWorld(anchor);
    BOOST_TEST(std::abs(after.x() - worldAtAnchor.x()) < 1e-6);
    BOOST_TEST(std::abs(after.y() - worldAtAnchor.y()) < 1e-6);
    // Arrow key pans by a quarter of the width.
    const QPointF c0 = canvas()->view().center;
    QTest::keyClick(canvas(), Qt::Key_Right);
    BOOST_TEST(canvas()->view().center.x() - c0.x() == canvas()->width() * 0.25 * canvas()->view().mpp,
               boost::test_tools::tolerance(1e-6));
    // Dragging with the pan tool moves the map with the mouse.
    const QPointF w0 = canvas()->screenToWorld(QPointF(300, 300));
    QTest::mousePress(canvas(), Qt::LeftButton, {}, QPoint(300, 300));
    QTest::mouseMove(canvas(), QPoint(330, 310));
    QTest::mouseMove(canvas(), QPoint(350, 320));
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, QPoint(350, 320));
    const QPointF w1 = canvas()->screenToWorld(QPointF(350, 320));
    BOOST_TEST(std::abs(w1.x() - w0.x()) < 1e-6);
    BOOST_TEST(std::abs(w1.y() - w0.y()) < 1e-6);
    BOOST_TEST(doc()->selection().isEmpty());   // a drag is not a click
    // Full extent brings every parcel back on screen.
    canvas()->zoomToFullExtent();
    for (int t : {1, 12})
        BOOST_TEST(canvas()->rect().contains(screenOf(t)));

    // Status bar: VN-2000 X (north) / Y (east) and WGS84 of the cursor.
    QTest::mouseMove(canvas(), screenOf(1));
    QCoreApplication::processEvents();
    const QString xy = window.coordinateLabel()->text();
    BOOST_TEST(xy.contains(QStringLiteral("X (north)")));
    const QPointF w = canvas()->screenToWorld(screenOf(1));
    QLocale plain;
    plain.setNumberOptions(QLocale::OmitGroupSeparator);
    BOOST_TEST(xy.indexOf(plain.toString(w.y(), 'f', 2)) < xy.indexOf(plain.toString(w.x(), 'f', 2)));   // X = northing first
    BOOST_TEST(xy.indexOf(plain.toString(w.y(), 'f', 2)) > 0);
    const QString wgs = window.wgs84Label()->text();
    BOOST_TEST(wgs.contains(QStringLiteral("20°")));    // Cô Tô ≈ 20.97° N
    BOOST_TEST(wgs.contains(QStringLiteral("107°")));   //        ≈ 107.77° E
    BOOST_TEST(window.scaleLabel()->text().contains(QStringLiteral("1:")));
}

BOOST_FIXTURE_TEST_CASE(identify_zoom_box_and_zoom_to_selection, EditorFixture)
{
    // Identify: the parcel's attributes go to the messages dock and it becomes selected.
    canvas()->setTool(gui::MapCanvas::Tool::Identify);
    clickParcel(8);
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("Chủ thửa 8")));
    BOOST_TEST(doc()->selection() == QSet<int>{rowOfThua(8)});
    // Zoom to selection centres parcel 8 and makes it large.
    canvas()->zoomToSelection();
    const QPointF c = canvas()->view().center;
    BOOST_TEST(std::abs(c.x() - project.parcelCenter(8).x()) < 1e-6);
    BOOST_TEST(std::abs(c.y() - project.parcelCenter(8).y()) < 1e-6);
    BOOST_TEST(canvas()->view().mpp < 0.2);
    // Zoom box: dragging a box around parcels 1..2 fits them to the window.
    canvas()->zoomToFullExtent();
    canvas()->setTool(gui::MapCanvas::Tool::ZoomIn);
    const QPoint a = canvas()->worldToScreen(project.parcelRect(1).topLeft()).toPoint();
    const QPoint b = canvas()->worldToScreen(project.parcelRect(2).bottomRight()).toPoint();
    const double mppBefore = canvas()->view().mpp;
    QTest::mousePress(canvas(), Qt::LeftButton, {}, a);
    QTest::mouseMove(canvas(), (a + b) / 2);
    QTest::mouseMove(canvas(), b);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, b);
    BOOST_TEST(canvas()->view().mpp < mppBefore / 1.5);
    const QPointF mid = (project.parcelRect(1).topLeft() + project.parcelRect(2).bottomRight()) / 2;
    BOOST_TEST(std::abs(canvas()->view().center.x() - mid.x()) < 0.5);
    BOOST_TEST(std::abs(canvas()->view().center.y() - mid.y()) < 0.5);
    // Labels become legible at this scale: the render finishes and Escape clears the selection.
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    QTest::keyClick(canvas(), Qt::Key_Escape);
    BOOST_TEST(doc()->selection().isEmpty());
}

BOOST_FIXTURE_TEST_CASE(save_as_continues_in_the_copy, EditorFixture)
{
    clickParcel(3);
    doc()->changeValue(rowOfThua(3), app::ParcelField::OwnerName, QStringLiteral("Trần Văn An"));
    const std::string copy = tmp.file("copy.sqlite");
    QSignalSpy opened(&window, &app::MainWindow::projectOpened);
    BOOST_REQUIRE(window.saveProjectAs(QString::fromStdString(copy), true));
    BOOST_REQUIRE(test::waitUntil([&] { return opened.count() > 0; }));   // the copy opens as a task
    BOOST_TEST(doc()->path() == QString::fromStdString(copy));
    BOOST_TEST(doc()->parcelCount() == 12);
    BOOST_TEST(dbText(copy, "SELECT owner_name FROM parcel WHERE thua_so = 3") == "Trần Văn An");
    // Edits now go to the copy only.
    doc()->changeValue(rowOfThua(4), app::ParcelField::OwnerName, QStringLiteral("Lê Thị Bích"));
    BOOST_TEST(dbText(copy, "SELECT owner_name FROM parcel WHERE thua_so = 4") == "Lê Thị Bích");
    BOOST_TEST(dbText(path, "SELECT owner_name FROM parcel WHERE thua_so = 4") == "Chủ thửa 4");
    // An existing file is not overwritten by the core copy.
    BOOST_TEST(!window.saveProjectAs(QString::fromStdString(path), true));
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("already exists")));
    // Recent projects list the copy first.
    BOOST_TEST(QSettings().value(QStringLiteral("recentProjects")).toStringList().first()
               == QFileInfo(QString::fromStdString(copy)).absoluteFilePath());
}

BOOST_AUTO_TEST_CASE(open_errors_and_cancel)
{
    test::TempDir tmp;
    app::MainWindow window;
    window.show();
    // Not a project: refused with the file named, logged in the messages dock, window still usable.
    const std::string junk = tmp.file("junk.sqlite");
    { store::Database db(junk, store::Database::Mode::Create); db.exec("CREATE TABLE t(a)"); }
    BOOST_TEST(!test::openAndWait(window, QString::fromStdString(junk)));
    BOOST_TEST(window.document() == nullptr);
    BOOST_TEST(window.messages()->toPlainText().contains(QString::fromStdString(junk)));
    BOOST_TEST(!window.isLoading());
    // A cancelled load gives no document and says so.
    const std::string path = tmp.file("p.sqlite");
    test::TestProject{}.write(path);
    std::atomic_bool cancel{true};
    QString error;
    BOOST_TEST(!app::Document::open(QString::fromStdString(path), &error, {}, &cancel));
    BOOST_TEST(error.contains(QStringLiteral("cancelled")));
    // The real project then opens fine in the same window.
    BOOST_TEST(test::openAndWait(window, QString::fromStdString(path)));
    BOOST_TEST(window.document()->parcelCount() == 12);
}

namespace {
/// Writes a north-up GeoTIFF (RGB, constant colour) with 2 overview levels.
void writeTiff(const std::string &path, const QRectF &extent, int w, int h, int epsg, QRgb colour)
{
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), w, h, 3, GDT_Byte, nullptr));
    double gt[6] = {extent.left(), extent.width() / w, 0, extent.bottom(), 0, -extent.height() / h};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    ds->SetSpatialRef(&srs);
    const int values[3] = {qRed(colour), qGreen(colour), qBlue(colour)};
    for (int b = 0; b < 3; ++b)
        ds->GetRasterBand(b + 1)->Fill(values[b]);
    const int levels[2] = {2, 4};
    ds->BuildOverviews("AVERAGE", 2, levels, 0, nullptr, nullptr, nullptr);
}
} // namespace

BOOST_FIXTURE_TEST_CASE(raster_layer_draws_under_parcels, EditorFixture)
{
    GDALAllRegister();
    // A red scan over parcels 1–4 (the bottom row) only.
    const QRectF scan(test::TestProject::kOriginE, test::TestProject::kOriginN, 4 * test::TestProject::kW,
                      test::TestProject::kH);
    const std::string tif = tmp.file("scan.tif");
    writeTiff(tif, scan, 400, 125, 5899, qRgb(200, 0, 0));
    BOOST_REQUIRE(window.addRasterLayer(QString::fromStdString(tif), true));
    BOOST_TEST(canvas()->rasterCount() == 1);
    BOOST_TEST(canvas()->raster(0).overviews == 2);
    BOOST_TEST(window.layerList()->count() == 5);
    // Switch the parcel layer off in the layer list: the scan shows through.
    QListWidgetItem *parcels = window.layerList()->item(0);
    parcels->setCheckState(Qt::Unchecked);
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    QImage img = canvas()->grab().toImage();
    BOOST_TEST(img.pixelColor(fillPointOf(1)).rgb() == qRgb(200, 0, 0));
    BOOST_TEST(img.pixelColor(fillPointOf(9)).rgb() != qRgb(200, 0, 0));   // top row: no scan there
    // Parcels back on: they are drawn over the scan.
    parcels->setCheckState(Qt::Checked);
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    img = canvas()->grab().toImage();
    {
        // The fill is see-through over a visible scan: the scan's red blended with the land-use colour.
        const QColor fill = QColor::fromRgb(gui::LanduseColors::builtIn().fill(QStringLiteral("CLN")));
        const QColor got = img.pixelColor(fillPointOf(1));
        const int a = gui::MapSettings::kFillAlphaOverRaster;
        const auto blend = [a](int f, int r) { return (f * a + r * (255 - a)) / 255; };
        BOOST_TEST(std::abs(got.red() - blend(fill.red(), 200)) <= 3);
        BOOST_TEST(std::abs(got.green() - blend(fill.green(), 0)) <= 3);
        BOOST_TEST(std::abs(got.blue() - blend(fill.blue(), 0)) <= 3);
        BOOST_TEST(got.rgb() != qRgb(200, 0, 0));
    }
    // Raster off through its own layer item.
    parcels->setCheckState(Qt::Unchecked);
    window.layerList()->item(4)->setCheckState(Qt::Unchecked);
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    img = canvas()->grab().toImage();
    BOOST_TEST(img.pixelColor(fillPointOf(1)).rgb() != qRgb(200, 0, 0));

    // A raster in another CRS is refused with the reason.
    const std::string wgs = tmp.file("wgs.tif");
    writeTiff(wgs, QRectF(107.7, 20.9, 0.1, 0.1), 10, 10, 4326, qRgb(0, 0, 255));
    BOOST_TEST(!window.addRasterLayer(QString::fromStdString(wgs), true));
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("EPSG:4326")));
    BOOST_TEST(canvas()->rasterCount() == 1);
}

BOOST_AUTO_TEST_CASE(new_project_dialog_takes_crs_from_province)
{
    test::TempDir tmp;
    app::NewProjectDialog dlg;
    const QString path = QString::fromStdString(tmp.file("hanoi"));
    QTest::keyClicks(dlg.pathEdit(), path);
    typeText(dlg.nameEdit(), QStringLiteral("Thử nghiệm"));
    QComboBox *prov = dlg.provinceCombo();
    BOOST_TEST(prov->count() == 63);
    BOOST_TEST(prov->currentData().toString() == QStringLiteral("22"));   // Quảng Ninh by default
    BOOST_TEST(dlg.crsLabel()->text().contains(QStringLiteral("EPSG:5899")));
    prov->setCurrentIndex(prov->findData(QStringLiteral("01")));
    BOOST_TEST(dlg.crsLabel()->text().contains(QStringLiteral("EPSG:5897")));   // Hà Nội: 105°00'
    QTest::keyClicks(dlg.communeCodeEdit(), QStringLiteral("00004"));
    typeText(dlg.communeNameEdit(), QStringLiteral("Phúc Xá"));
    dlg.scaleCombo()->setCurrentIndex(dlg.scaleCombo()->findData(500));
    dlg.accept();
    BOOST_TEST(dlg.result() == int(QDialog::Accepted));
    BOOST_TEST(dlg.createdPath() == path + QStringLiteral(".sqlite"));
    const std::string created = dlg.createdPath().toStdString();
    BOOST_TEST(dbText(created, "SELECT srid FROM geometry_columns WHERE f_table_name = 'parcel'") == "5897");
    BOOST_TEST(dbText(created, "SELECT value FROM project_meta WHERE key = 'province_name'") == "Hà Nội");
    BOOST_TEST(dbText(created, "SELECT name FROM admin_unit WHERE code = '00004'") == "Phúc Xá");

    // The same file again is refused in the dialog, not overwritten.
    app::NewProjectDialog again;
    QTest::keyClicks(again.pathEdit(), dlg.createdPath());
    again.accept();
    BOOST_TEST(again.result() == int(QDialog::Rejected));
    BOOST_TEST(again.createdPath().isEmpty());
}

BOOST_FIXTURE_TEST_CASE(import_dialog_previews_tcvn3_and_imports, EditorFixture)
{
    GDALAllRegister();
    // A TCVN3-encoded shapefile in the Circular 75 naming, as old offices ship it.
    synth::SynthOptions so;
    so.parcels = 30;
    so.seed = 3;
    so.encoding = io::TextEncoding::Tcvn3;
    const std::string shp = tmp.file("old.shp");
    std::string error;
    const auto made = synth::writeCoverage(so, shp, &error);
    BOOST_REQUIRE_MESSAGE(made.ok, error);

    app::ImportDialog dlg;
    BOOST_REQUIRE(dlg.inspect(QString::fromStdString(shp)));
    BOOST_TEST(dlg.encodingCombo()->itemText(0).contains(QStringLiteral("tcvn3")));
    BOOST_TEST(dlg.infoLabel()->text().contains(QStringLiteral("tt75")));
    // Decoded sample text shows Vietnamese letters, not TCVN3 bytes.
    const QString preview = dlg.encodingPreview()->toPlainText();
    BOOST_TEST(!preview.isEmpty());
    BOOST_TEST(preview.contains(QRegularExpression(QStringLiteral("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]"))));
    QTableWidget *map = dlg.mappingTable();
    BOOST_TEST(map->rowCount() >= 8);
    bool owner = false;
    for (int r = 0; r < map->rowCount(); ++r)
        owner |= map->item(r, 0)->text() == QStringLiteral("owner_name") && map->item(r, 1)->text() == QStringLiteral("TenChu");
    BOOST_TEST(owner);

    const int before = doc()->parcelCount();
    BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(shp), dlg.options()),
                          window.messages()->toPlainText().toStdString());
    BOOST_TEST(doc()->parcelCount() == before + int(made.featureCount));
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == std::to_string(before + made.featureCount));
    BOOST_TEST(window.attributeTable()->proxy()->rowCount() == doc()->parcelCount());
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("tcvn3")));

    // The same file again: refused by default (nothing added), then "import only the new ones"
    // chosen in the dialog skips every one of them, and "update" rewrites them in place.
    auto *existing = dlg.findChild<QComboBox *>(QStringLiteral("existingPolicy"));
    BOOST_REQUIRE(existing);
    BOOST_TEST(existing->count() == 4);
    BOOST_TEST(int(dlg.options().existing) == int(io::ImportOptions::Existing::Refuse));
    BOOST_TEST(!test::importAndWait(window, QString::fromStdString(shp), dlg.options()));
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == std::to_string(before + made.featureCount));
    existing->setCurrentIndex(existing->findData(int(io::ImportOptions::Existing::Skip)));
    BOOST_TEST(int(dlg.options().existing) == int(io::ImportOptions::Existing::Skip));
    BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(shp), dlg.options()),
                          window.messages()->toPlainText().toStdString());
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == std::to_string(before + made.featureCount));
    {
        // An owner changed in the project since: "update" takes the file's name back.
        auto db = store::Project::open(path);
        db->db().exec("UPDATE parcel SET owner_name = 'Changed Meanwhile' WHERE id = (SELECT max(id) FROM parcel)");
    }
    existing->setCurrentIndex(existing->findData(int(io::ImportOptions::Existing::Update)));
    BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(shp), dlg.options()),
                          window.messages()->toPlainText().toStdString());
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == std::to_string(before + made.featureCount));
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel WHERE owner_name = 'Changed Meanwhile'") == "0");
    BOOST_TEST(dbText(path, "SELECT count(*) FROM change_log WHERE action = 'import_update'") == "1");

    // Export of the project as GeoJSON.
    const QString out = QString::fromStdString(tmp.file("out.geojson"));
    BOOST_REQUIRE(test::exportAndWait(window, out, QStringLiteral("geojson")));
    BOOST_TEST(test::readFile(out.toStdString()).find("FeatureCollection") != std::string::npos);
    // A missing file is refused and the project stays as it was.
    BOOST_TEST(!test::importAndWait(window, QString::fromStdString(tmp.file("none.shp")), {}));
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == std::to_string(before + made.featureCount));
}

// ---- the task runner: long jobs off the GUI thread, cancel, one writer at a time ----

BOOST_FIXTURE_TEST_CASE(task_keeps_window_responsive_and_delivers_result_on_gui_thread, EditorFixture)
{
    std::atomic<bool> release{false};
    std::atomic<bool> workerThread{false};
    int delivered = 0;
    bool onGuiThread = false;
    gui::Task *task = window.tasks()->start<int>(
        {QStringLiteral("test job"), doc()->path(), false},
        [&](gui::TaskContext &ctx) {
            workerThread = QThread::currentThread() != QCoreApplication::instance()->thread();
            ctx.project();   // its own connection, by path
            ctx.setProgress(1, 2);
            QElapsedTimer t;
            t.start();
            while (!release && !ctx.isCancelled() && t.elapsed() < 30000)
                QThread::msleep(2);
            return 42;
        },
        [&](int &r, const gui::TaskOutcome &o) {
            onGuiThread = QThread::currentThread() == QCoreApplication::instance()->thread();
            delivered = o.ok() ? r : -1;
        });
    BOOST_REQUIRE(task);
    BOOST_TEST(window.tasks()->isBusy());
    // While it runs, the window answers clicks: the map selects, the form follows.
    clickParcel(7);
    BOOST_TEST(doc()->selection() == QSet<int>{rowOfThua(7)});
    BOOST_TEST(window.parcelForm()->row() == rowOfThua(7));
    // Progress reaches the task.
    BOOST_TEST(test::waitUntil([&] { return task->permille() == 500; }, 5000));
    BOOST_TEST(delivered == 0);
    release = true;
    BOOST_REQUIRE(test::waitUntil([&] { return delivered != 0; }));
    BOOST_TEST(delivered == 42);
    BOOST_TEST(onGuiThread);
    BOOST_TEST(workerThread.load());
    BOOST_TEST(!window.tasks()->isBusy());
}

BOOST_FIXTURE_TEST_CASE(import_runs_as_task_cancel_leaves_project_unchanged, EditorFixture)
{
    GDALAllRegister();   // as main() does
    const std::string shp = test::sampleDir() + "/coto/coto_tt75_tcvn3_utm48n.shp";
    BOOST_REQUIRE(QFileInfo::exists(QString::fromStdString(shp)));
    const std::string before = dbText(path, "SELECT count(*) FROM parcel");
    QSignalSpy finished(&window, &app::MainWindow::importFinished);
    bool barShownAtResult = true;   // the status bar is cleared before the result arrives
    QObject::connect(&window, &app::MainWindow::importFinished, &window,
            [&] { barShownAtResult = window.taskProgress()->isVisible() || window.taskCancelButton()->isVisible(); });
    BOOST_REQUIRE(window.importFile(QString::fromStdString(shp), {}, true));
    // Started, not done: the status bar shows it with a Cancel button.
    BOOST_TEST(window.taskProgress()->isVisible());
    BOOST_REQUIRE(window.taskCancelButton()->isVisible());
    QTest::mouseClick(window.taskCancelButton(), Qt::LeftButton);
    BOOST_REQUIRE(test::waitUntil([&] { return finished.count() > 0; }));
    BOOST_TEST(!finished.first().at(0).toBool());
    BOOST_TEST(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
    BOOST_TEST(dbText(path, "SELECT count(*) FROM parcel") == before);
    BOOST_TEST(doc()->parcelCount() == 12);
    BOOST_TEST(!window.taskCancelButton()->isVisible());
    BOOST_TEST(!barShownAtResult);
}

BOOST_FIXTURE_TEST_CASE(second_writer_of_a_project_is_refused, EditorFixture)
{
    GDALAllRegister();   // as main() does
    std::atomic<bool> release{false};
    bool done = false;
    gui::Task *writer = window.tasks()->start<int>(
        {QStringLiteral("Long write"), doc()->path(), true},
        [&](gui::TaskContext &ctx) {
            while (!release && !ctx.isCancelled())
                QThread::msleep(2);
            return 0;
        },
        [&](int &, const gui::TaskOutcome &) { done = true; });
    BOOST_REQUIRE(writer);
    BOOST_TEST(window.tasks()->writerOf(doc()->path()) == writer);
    // An import is refused, saying which task holds the project; nothing else starts.
    const std::string shp = test::sampleDir() + "/coto/coto_tt75_tcvn3_utm48n.shp";
    BOOST_TEST(!window.importFile(QString::fromStdString(shp), {}, true));
    BOOST_TEST(window.messages()->toPlainText().contains(QStringLiteral("“Long write” is still writing to this project")));
    // So is a validation run (it stores its findings).
    BOOST_TEST(!window.validationPanel()->startValidation());
    BOOST_TEST(window.validationPanel()->statusLabel()->text().contains(QStringLiteral("Long write")));
    // A reader (export) may run meanwhile.
    QString msg;
    test::TempDir out;
    BOOST_TEST(test::exportAndWait(window, QString::fromStdString(out.file("x.geojson")), QStringLiteral("geojson"), &msg),
               msg.toStdString());
    release = true;
    BOOST_REQUIRE(test::waitUntil([&] { return done; }));
    BOOST_TEST(!window.tasks()->writerOf(doc()->path()));
    // Free again: the validation starts and finishes.
    BOOST_TEST(test::validateAndWait(*window.validationPanel()));
}

BOOST_FIXTURE_TEST_CASE(export_cancel_leaves_the_target_untouched, EditorFixture)
{
    GDALAllRegister();   // as main() does
    test::TempDir out;
    const QString target = QString::fromStdString(out.file("parcels.geojson"));
    {
        QFile f(target);
        BOOST_REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    QSignalSpy finished(&window, &app::MainWindow::exportFinished);
    BOOST_REQUIRE(window.exportTo(target, QStringLiteral("geojson"), true));
    BOOST_REQUIRE(window.taskCancelButton()->isVisible());
    QTest::mouseClick(window.taskCancelButton(), Qt::LeftButton);
    BOOST_REQUIRE(test::waitUntil([&] { return finished.count() > 0; }));
    // The click lands before the export is moved into place (cancelled, target untouched) or,
    // on a loaded machine, after it (written, and said so): never "cancelled" over a new file.
    if (!finished.first().at(0).toBool()) {
        BOOST_TEST(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
        BOOST_TEST(test::readFile(target.toStdString()) == "old");
    } else {
        BOOST_TEST(test::readFile(target.toStdString()).find("FeatureCollection") != std::string::npos);
    }
    // Nothing of the private staging folder is left.
    BOOST_TEST(QDir(QString::fromStdString(out.path())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
               QStringList{QStringLiteral("parcels.geojson")});
    // Not cancelled: the export replaces the target.
    QString msg;
    BOOST_REQUIRE_MESSAGE(test::exportAndWait(window, target, QStringLiteral("geojson"), &msg), msg.toStdString());
    BOOST_TEST(test::readFile(target.toStdString()).find("FeatureCollection") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(editor_sources_have_no_nested_event_loops)
{
    // Long jobs are tasks; nothing in the editor spins an event loop of its own
    // or holds user input back while it waits.
    const std::vector<std::string> files = test::projectSources({"src/app", "src/gui"});
    BOOST_REQUIRE(files.size() > 40);
    const QRegularExpression nested(QStringLiteral(
        R"(QEventLoop\s+\w+\s*[;({]|\.exec\(\s*QEventLoop|ExcludeUserInputEvents|runWithProgress|QProgressDialog)"));
    for (const std::string &f : files) {
        const auto m = nested.match(QString::fromStdString(test::readFile(f)));
        BOOST_TEST(!m.hasMatch(), f << ": " << m.captured(0).toStdString());
    }
}

BOOST_AUTO_TEST_CASE(layout_keeps_gui_apart_and_panels_off_the_main_window)
{
    // vnland_gui includes only itself and the core; only main.cpp and the main
    // window's own source include main_window.h; features talk through the
    // EditorContext and the action registry.
    const std::string appRoot = test::sampleDir() + "/../src/app/";
    const QRegularExpression include(QStringLiteral(R"re(#include "([^"]+)")re"));
    for (const std::string &f : test::projectSources({"src/gui"})) {
        auto it = include.globalMatch(QString::fromStdString(test::readFile(f)));
        while (it.hasNext()) {
            const std::string inc = it.next().captured(1).toStdString();
            BOOST_TEST(!std::filesystem::exists(appRoot + inc), f << " includes the editor's " << inc);
        }
    }
    for (const std::string &f : test::projectSources({"src/app", "src/gui"})) {
        const std::string name = std::filesystem::path(f).filename().string();
        if (name == "main.cpp" || name == "main_window.cpp")
            continue;
        BOOST_TEST(test::readFile(f).find("#include \"main_window.h\"") == std::string::npos, f << " includes main_window.h");
    }
    // document.h is not included by the undo commands (they see a CommandTarget).
    for (const char *f : {"document/undo_commands.h", "document/undo_commands.cpp", "document/fix_commands.h",
                          "document/fix_commands.cpp"})
        BOOST_TEST(test::readFile(appRoot + f).find("document/document.h") == std::string::npos, f);
}

BOOST_FIXTURE_TEST_CASE(actions_are_registered_by_id, EditorFixture)
{
    app::ActionRegistry *actions = window.actions();
    const QStringList ids = actions->ids();
    BOOST_TEST(ids.size() > 30);
    for (const char *id : {"openAction", "importAction", "exportAction", "undoAction", "redoAction", "tool0", "tool1",
                           "toolAddParcel", "toolEditVertex", "toolSplitParcel", "traceAction", "snapVertex", "mergeAction",
                           "georefAction", "cogoAction", "reportAction0"}) {
        QAction *a = actions->action(QString::fromLatin1(id));
        BOOST_TEST_REQUIRE(a, id);
        BOOST_TEST(a->objectName() == QString::fromLatin1(id));
    }
    BOOST_TEST(!actions->action(QStringLiteral("noSuchAction")));
    BOOST_CHECK_THROW(actions->add(QStringLiteral("openAction"), new QAction(&window)), std::logic_error);
    // Triggering by id switches the tool.
    BOOST_TEST(actions->trigger(QStringLiteral("toolAddParcel")));
    BOOST_TEST(int(window.digitizeTools()->mode()) == int(app::DigitizeTools::Mode::AddParcel));
    BOOST_TEST(int(window.canvas()->tool()) == int(gui::MapCanvas::Tool::Edit));
    BOOST_TEST(actions->trigger(QStringLiteral("tool0")));
    BOOST_TEST(int(window.digitizeTools()->mode()) == int(app::DigitizeTools::Mode::None));
}

BOOST_AUTO_TEST_CASE(geometry_index_and_hit_testing)
{
    gui::ParcelGeometry::Builder b;
    // A 100 × 100 square with a 20 × 20 hole, then a small square inside the hole.
    auto wkb = [](std::vector<std::vector<QPointF>> rings) {
        std::vector<unsigned char> out{1, 3, 0, 0, 0};
        auto put32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(uint8_t(v >> (8 * i))); };
        auto putD = [&](double d) { unsigned char x[8]; std::memcpy(x, &d, 8); out.insert(out.end(), x, x + 8); };
        put32(uint32_t(rings.size()));
        for (auto &r : rings) {
            put32(uint32_t(r.size()));
            for (auto &p : r) { putD(p.x()); putD(p.y()); }
        }
        return out;
    };
    BOOST_TEST(b.add(wkb({{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}, {{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}}})));
    BOOST_TEST(b.add(wkb({{{45, 45}, {55, 45}, {55, 55}, {45, 55}, {45, 45}}})));
    BOOST_TEST(!b.add(std::vector<unsigned char>{1, 2, 3}));
    auto g = b.finish();
    BOOST_TEST(g->size() == 3u);
    BOOST_TEST(g->parcelAt({10, 10}) == 0);
    BOOST_TEST(g->parcelAt({50, 50}) == 1);    // inside the hole: the small parcel
    BOOST_TEST(g->parcelAt({42, 42}) == -1);   // in the hole, outside the small one
    BOOST_TEST(g->parcelAt({150, 50}) == -1);
    std::vector<uint32_t> hits;
    g->query(QRectF(46, 46, 2, 2), hits);
    BOOST_TEST(hits.size() == 2u);
    hits.clear();
    g->query(QRectF(200, 200, 5, 5), hits);
    BOOST_TEST(hits.empty());
}

BOOST_AUTO_TEST_CASE(colour_table_is_data)
{
    const auto &t = gui::LanduseColors::builtIn();
    BOOST_TEST(t.size() >= 50);
    BOOST_TEST(t.fill(QStringLiteral("ONT")) == qRgb(0xFF, 0xD0, 0xFF));
    BOOST_TEST(t.fill(QStringLiteral("ont")) == qRgb(0xFF, 0xD0, 0xFF));
    BOOST_TEST(t.fill(QStringLiteral("LUC")) == qRgb(0xFF, 0xFC, 0x82));
    BOOST_TEST(t.fill(QStringLiteral("???")) == qRgb(0xF2, 0xF2, 0xF2));
    BOOST_TEST(t.fill(QString(), QStringLiteral("road")) == qRgb(0xFF, 0xAA, 0x32));
    const auto custom = gui::LanduseColors::fromCsv("code,fill,note\nABC,#010203,x\n*default,#0a0b0c,\n");
    BOOST_TEST(custom.fill(QStringLiteral("ABC")) == qRgb(1, 2, 3));
    BOOST_TEST(custom.fill(QStringLiteral("ONT")) == qRgb(10, 11, 12));
}

BOOST_AUTO_TEST_CASE(vietnamese_and_english_translations)
{
    auto *app = QCoreApplication::instance();
    BOOST_TEST(app::resolveLanguage(QStringLiteral("vi")) == QStringLiteral("vi"));
    BOOST_TEST(app::resolveLanguage(QStringLiteral("en")) == QStringLiteral("en"));
    BOOST_TEST(app::installTranslations(*app, QStringLiteral("vi")));
    BOOST_TEST(QCoreApplication::translate("vnland::app::MainWindow", "&Project") == QStringLiteral("&Dự án"));
    BOOST_TEST(QCoreApplication::translate("vnland::app::MainWindow", "X (north) %1  Y (east) %2")
                   .startsWith(QStringLiteral("X (bắc)")));
    {
        app::MainWindow w;
        BOOST_TEST(w.menuBar()->actions().first()->text() == QStringLiteral("&Dự án"));
    }
    for (QTranslator *t : app->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    BOOST_TEST(app::installTranslations(*app, QStringLiteral("en")));
    BOOST_TEST(QCoreApplication::translate("vnland::app::MainWindow", "&Project") == QStringLiteral("&Project"));
    for (QTranslator *t : app->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::c());
}

BOOST_AUTO_TEST_CASE(translation_files_are_complete)
{
    for (const char *lang : {"vi", "en"}) {
        const std::string ts = test::readFile(std::string(VNLAND_SAMPLE_DIR) + "/../src/app/translations/vnland_editor_" + lang + ".ts");
        BOOST_REQUIRE(!ts.empty());
        size_t messages = 0, pos = 0;
        while ((pos = ts.find("<message", pos)) != std::string::npos)
            ++messages, ++pos;
        BOOST_TEST(messages > 150u);
        BOOST_TEST(ts.find("type=\"unfinished\"") == std::string::npos, lang);
        BOOST_TEST(ts.find("<translation></translation>") == std::string::npos, lang);
        BOOST_TEST(ts.find("type=\"vanished\"") == std::string::npos, lang);
    }
}

BOOST_AUTO_TEST_CASE(settings_dialog_stores_the_language)
{
    app::SettingsDialog dlg;
    QComboBox *c = dlg.languageCombo();
    c->setCurrentIndex(c->findData(QStringLiteral("vi")));
    dlg.accept();
    BOOST_TEST(QSettings().value(QStringLiteral("language")).toString() == QStringLiteral("vi"));
    BOOST_TEST(app::resolveLanguage() == QStringLiteral("vi"));
    app::SettingsDialog again;
    BOOST_TEST(again.languageCombo()->currentData().toString() == QStringLiteral("vi"));
    again.languageCombo()->setCurrentIndex(again.languageCombo()->findData(QStringLiteral("en")));
    again.accept();
    BOOST_TEST(app::resolveLanguage() == QStringLiteral("en"));
    QSettings().remove(QStringLiteral("language"));
}

BOOST_AUTO_TEST_CASE(screenshot_command_writes_a_drawn_png)
{
    test::TempDir tmp;
    const std::string project = tmp.file("shot.sqlite");
    test::TestProject{}.write(project);
    const QString png = QString::fromStdString(tmp.file("shot.png"));
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QString::fromStdString(tmp.path().string()));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(VNLAND_EDITOR),
               {QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("900x640"),
                QStringLiteral("--lang"), QStringLiteral("vi"), QString::fromStdString(project)});
    BOOST_REQUIRE(proc.waitForFinished(120000));
    BOOST_TEST(proc.exitCode() == 0, proc.readAllStandardError().toStdString());
    const QImage img(png);
    BOOST_REQUIRE(!img.isNull());
    BOOST_TEST(img.width() == 900);
    BOOST_TEST(img.height() == 640);
    // Not blank: many colours, and both parcel fill colours of the project appear.
    QSet<QRgb> colours;
    int ont = 0, cln = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) {
            const QRgb c = img.pixel(x, y) | 0xFF000000u;
            colours.insert(c);
            ont += c == gui::LanduseColors::builtIn().fill(QStringLiteral("ONT"));
            cln += c == gui::LanduseColors::builtIn().fill(QStringLiteral("CLN"));
        }
    BOOST_TEST(colours.size() > 20);
    BOOST_TEST(ont > 100);
    BOOST_TEST(cln > 100);

    // A missing project is an error with a message, not a blank picture.
    QProcess bad;
    bad.setProcessEnvironment(env);
    bad.start(QStringLiteral(VNLAND_EDITOR), {QStringLiteral("--screenshot"), png + QStringLiteral("2.png"),
                                              QString::fromStdString(tmp.file("missing.sqlite"))});
    BOOST_REQUIRE(bad.waitForFinished(60000));
    BOOST_TEST(bad.exitCode() == 2);
    BOOST_TEST(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("missing.sqlite")));
}
