// GUI tests of vectorizing a scanned sheet in the editor and reviewing the
// candidates (QT_QPA_PLATFORM=offscreen): the georeferencing window's
// "Vectorize sheet" runs as a task into the open project, the candidates are
// drawn hatched and listed in the review dock, and accept / reject are undoable
// steps checked against the project file.
#define BOOST_TEST_MODULE editor_review
#include "app_fixture.h"

#include <boost/test/unit_test.hpp>

#include <QProgressBar>

#include "editor_test_project.h"
#include "test_support.h"

#include "document/document.h"
#include "georef/georef_window.h"
#include "gui/map_canvas.h"
#include "gui/task_runner.h"
#include "main_window.h"
#include "review/candidate_review.h"
#include "review/review_panel.h"

#include "georef/raster_store.h"
#include "store/database.h"
#include "store/project.h"

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <gdal.h>
#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include <array>

using namespace vnland;

BOOST_TEST_GLOBAL_FIXTURE(AppFixture);

namespace {

std::string scanPath() { return test::sampleDir() + "/coto/scan/to3_322500-5-d.png"; }
std::string truthPath() { return test::sampleDir() + "/coto/scan/to3_322500-5-d_truth.points"; }

/// An empty project of commune 07192 open in the main window, the georeferencing
/// window on the sample scan of sheet 322500-5-d with its true GCPs.
struct ReviewFixture {
    ReviewFixture()
    {
        GDALAllRegister();
        path = tmp.file("review.sqlite");
        {
            auto p = store::Project::create(path, store::ProjectSettings{});
            p->ensureCommune("07192", "Cô Tô");
        }
        window.resize(1200, 800);
        window.show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
        BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
        geo = window.georefWindow();
        geo->show();
        QString error;
        BOOST_REQUIRE_MESSAGE(geo->openScan(QString::fromStdString(scanPath()), &error), error.toStdString());
        BOOST_REQUIRE_MESSAGE(geo->loadPoints(QString::fromStdString(truthPath()), &error), error.toStdString());
        geo->setTransformType(georef::TransformType::Polynomial2);
        geo->sheetEdit()->setText(QStringLiteral("322500-5-d"));
        geo->scaleSpin()->setValue(1000);
    }
    app::Document *doc() const { return window.document(); }
    app::ReviewPanel *review() const { return window.reviewPanel(); }
    int64_t parcelsInFile(const char *where = "1") const
    {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryInt(std::string("SELECT count(*) FROM parcel WHERE ") + where).value_or(-1);
    }

    test::TempDir tmp;
    std::string path;
    app::MainWindow window;
    app::GeorefWindow *geo = nullptr;
};

} // namespace

BOOST_FIXTURE_TEST_CASE(vectorize_in_the_editor_then_review_accept_reject_undo, ReviewFixture)
{
    QSignalSpy done(geo, &app::GeorefWindow::sheetVectorized);
    QString error;
    // Through the toolbar action, as a user does (tờ 3 typed in the window).
    geo->toSoSpin()->setValue(3);
    QAction *act = geo->findChild<QAction *>(QStringLiteral("vectorizeAction"));
    BOOST_REQUIRE(act);
    act->trigger();
    BOOST_REQUIRE(geo->currentTask());
    BOOST_TEST(geo->taskProgress()->isVisible());
    BOOST_REQUIRE(done.wait(600000));
    BOOST_REQUIRE_MESSAGE(done.at(0).at(0).toBool(), done.at(0).at(3).toString().toStdString());
    const int inserted = done.at(0).at(1).toInt(), flagged = done.at(0).at(2).toInt();
    BOOST_TEST(inserted >= 95);
    // In the project file, in one go, all flagged candidate on sheet 3 of commune 07192.
    BOOST_TEST(parcelsInFile() == inserted);
    BOOST_TEST(parcelsInFile("flags LIKE 'candidate%' AND commune_code = '07192' AND to_so = 3") == inserted);
    // In the editor without reopening: drawn as candidates, listed for review, reasons first.
    BOOST_TEST(doc()->parcelCount() == inserted);
    const auto attrs = doc()->renderAttrs();
    for (int r = 0; r < doc()->parcelCount(); ++r)
        BOOST_TEST_REQUIRE((attrs->styleOf(size_t(r)) == gui::ParcelStyle::Candidate));
    BOOST_TEST(window.findChild<QDockWidget *>(QStringLiteral("reviewDock"))->isVisible());
    const auto listed = review()->listedIds();
    BOOST_TEST(int(listed.size()) == inserted);
    BOOST_TEST(review()->summary()->text().contains(QString::number(inserted)));
    if (flagged > 0) {
        const model::Parcel &first = doc()->parcel(doc()->rowOfId(listed.front()));
        BOOST_TEST(!app::reviewReasons(first).isEmpty());
        BOOST_TEST(!review()->list()->topLevelItem(0)->text(3).isEmpty());   // the reasons in words
    }

    // Click the first one: selected and zoomed to.
    QTreeWidget *list = review()->list();
    const QRect cell = list->visualItemRect(list->topLevelItem(0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    BOOST_TEST((doc()->selectedIds() == std::vector<int64_t>{listed.front()}));
    BOOST_TEST(window.canvas()->view().visibleWorld().contains(doc()->geometry()->bbox(size_t(doc()->rowOfId(listed.front())))));

    // Accept: an ordinary parcel (no candidate flag, no reasons), one undo step.
    QUndoStack *undo = doc()->undoStack();
    const int steps = undo->count();
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("reviewAccept")), Qt::LeftButton);
    const int64_t accepted = listed.front();
    BOOST_TEST(!app::isCandidate(doc()->parcel(doc()->rowOfId(accepted))));
    BOOST_TEST((doc()->renderAttrs()->styleOf(size_t(doc()->rowOfId(accepted))) == gui::ParcelStyle::Normal));
    BOOST_TEST(int(review()->listedIds().size()) == inserted - 1);
    BOOST_TEST(parcelsInFile(("id = " + std::to_string(accepted) + " AND flags NOT LIKE '%candidate%'").c_str()) == 1);
    BOOST_TEST(undo->count() == steps + 1);
    undo->undo();
    QCoreApplication::processEvents();   // the dock rebuilds once per burst of row signals
    BOOST_TEST(app::isCandidate(doc()->parcel(doc()->rowOfId(accepted))));
    BOOST_TEST(int(review()->listedIds().size()) == inserted);
    undo->redo();
    QCoreApplication::processEvents();
    BOOST_TEST(int(review()->listedIds().size()) == inserted - 1);

    // Reject another: gone from the editor and the file; undo brings it back exactly.
    const int64_t rejected = review()->listedIds().front();
    const std::string before = [&] {
        store::Database db(path, store::Database::Mode::ReadOnly);
        return db.queryText("SELECT flags || AsText(geom) FROM parcel WHERE id = " + std::to_string(rejected)).value_or("");
    }();
    list->clearSelection();
    list->topLevelItem(0)->setSelected(true);
    BOOST_REQUIRE(review()->rejectSelected(&error));
    BOOST_TEST(doc()->rowOfId(rejected) == -1);
    BOOST_TEST(parcelsInFile(("id = " + std::to_string(rejected)).c_str()) == 0);
    BOOST_TEST(doc()->parcelCount() == inserted - 1);
    undo->undo();
    QCoreApplication::processEvents();
    BOOST_TEST(doc()->rowOfId(rejected) >= 0);
    BOOST_TEST(int(review()->listedIds().size()) == inserted - 1);
    {
        store::Database db(path, store::Database::Mode::ReadOnly);
        BOOST_TEST(db.queryText("SELECT flags || AsText(geom) FROM parcel WHERE id = " + std::to_string(rejected)).value_or("") ==
                   before);
    }
    undo->redo();
    QCoreApplication::processEvents();

    // Accept all without reasons: what is left all has reasons to look at.
    const int left = int(review()->listedIds().size());
    const bool anyClean = left > flagged - 1;
    BOOST_TEST(review()->acceptAllClean(&error) == anyClean, error.toStdString());
    for (int64_t id : review()->listedIds())
        BOOST_TEST(!app::reviewReasons(doc()->parcel(doc()->rowOfId(id))).isEmpty());
    BOOST_TEST(parcelsInFile("flags LIKE 'candidate%'") == int64_t(review()->listedIds().size()));
}

BOOST_FIXTURE_TEST_CASE(vectorize_cancel_and_refusals_leave_the_project_untouched, ReviewFixture)
{
    QSignalSpy done(geo, &app::GeorefWindow::sheetVectorized);
    QString error;
    geo->sheetEdit()->setText(QStringLiteral("not-a-sheet"));
    BOOST_TEST(!geo->vectorizeSheet(3, &error));
    BOOST_TEST(error.contains(QStringLiteral("not-a-sheet")), error.toStdString());
    geo->sheetEdit()->setText(QStringLiteral("322500-5-d"));
    BOOST_REQUIRE_MESSAGE(geo->vectorizeSheet(3, &error), error.toStdString());
    // A second job on the same project waits its turn: refused with the reason.
    BOOST_TEST(!geo->vectorizeSheet(3, &error));
    BOOST_TEST(error.contains(QStringLiteral("still running")), error.toStdString());
    QTest::qWait(300);
    QTest::mouseClick(geo->taskCancelButton(), Qt::LeftButton);
    BOOST_REQUIRE(done.wait(120000));
    BOOST_TEST(!done.at(0).at(0).toBool());
    BOOST_TEST(done.at(0).at(3).toString().contains(QStringLiteral("cancel")), done.at(0).at(3).toString().toStdString());
    BOOST_TEST(parcelsInFile() == 0);
    BOOST_TEST(doc()->parcelCount() == 0);
    BOOST_TEST(review()->listedIds().empty());
    // No tờ number and no map_sheet row for the sheet: refused before any work, in the
    // editor's words (not the CLI's options), nothing written.
    done.clear();
    BOOST_TEST(!geo->vectorizeSheet(0, &error));
    BOOST_TEST(!geo->currentTask());
    BOOST_TEST(!error.contains(QStringLiteral("--to-so")), error.toStdString());
    BOOST_TEST(error.contains(QStringLiteral("sheet number")), error.toStdString());
    BOOST_TEST(parcelsInFile() == 0);
}

namespace {
/// A 64 × 64 px GeoTIFF in EPSG:5899 over part of sheet 322500-5-d.
void writeTinyGeoTiff(const std::string &path)
{
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    BOOST_REQUIRE(drv);
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), 64, 64, 1, GDT_Byte, nullptr);
    BOOST_REQUIRE(ds);
    double gt[6] = {501700, 0.5, 0, 2320200, 0, -0.5};
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 5899);
    char *wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    GDALSetProjection(ds, wkt);
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    std::vector<unsigned char> px(64 * 64, 200);
    BOOST_REQUIRE(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 64, 64, px.data(), 64, 64, GDT_Byte, 0, 0) == CE_None);
    GDALClose(ds);
}
} // namespace

BOOST_AUTO_TEST_CASE(registered_scans_open_with_the_project_and_go_with_it)
{
    GDALAllRegister();
    test::TempDir tmp;
    const std::string path = tmp.file("rasters.sqlite"), tif = tmp.file("to3.tif"), gone = tmp.file("gone.tif");
    writeTinyGeoTiff(tif);
    {
        auto p = store::Project::create(path, store::ProjectSettings{});
        georef::RasterRecord r;
        r.name = "to3";
        r.path = tif;
        r.kind = "warped";
        r.srid = 5899;
        r.width = r.height = 64;
        r.geoTransform = std::array<double, 6>{501700, 0.5, 0, 2320200, 0, -0.5};
        georef::registerRaster(*p, r);
        r.name = "gone";
        r.path = gone;   // registered, its file deleted since
        georef::registerRaster(*p, r);
        r.name = "scan";
        r.path = tif;
        r.kind = "scan";   // the unreferenced scan is not a map layer
        georef::registerRaster(*p, r);
    }
    app::MainWindow window;
    window.resize(1000, 700);
    window.show();
    BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
    BOOST_TEST(window.canvas()->rasterCount() == 1);
    BOOST_TEST(window.canvas()->raster(0).path == QString::fromStdString(tif));
    window.closeProject();
    BOOST_TEST(window.canvas()->rasterCount() == 0);
    BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
    BOOST_TEST(window.canvas()->rasterCount() == 1);   // once, not once per opening
}
