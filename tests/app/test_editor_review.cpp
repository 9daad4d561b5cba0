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

#include "crs/map_sheet_grid.h"
#include "digitize/digitize_tools.h"
#include "vectorize/sheet_faces.h"
#include "digitize/scan_faces.h"
#include "geom/geos_context.h"
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
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdio>

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

namespace {
/// The parcels tờ 3 was drawn from, clipped by its frame (pieces over 20 m²).
struct TruthParcel {
    geom::GeomPtr geometry;
    int thuaSo = 0;
    std::string code;
};

std::vector<TruthParcel> truthParcels(const crs::SheetFrame &frame)
{
    std::vector<TruthParcel> out;
    const std::string shp = test::sampleDir() + "/coto/coto_faulty.shp";
    GDALDatasetH ds = GDALOpenEx(shp.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    BOOST_REQUIRE_MESSAGE(ds, shp);
    geom::GeomPtr frameGeom = geom::fromWkt(frame.wkt());
    BOOST_REQUIRE_MESSAGE(frameGeom, frame.wkt());
    OGRLayerH l = GDALDatasetGetLayer(ds, 0);
    OGR_L_ResetReading(l);
    while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
            std::vector<unsigned char> wkb(size_t(OGR_G_WkbSize(g)));
            OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
            geom::GeomPtr p = geom::fromWkb(wkb.data(), wkb.size());
            geom::GeomPtr in(p ? GEOSIntersection_r(geom::ctx(), p.get(), frameGeom.get()) : nullptr);
            if (in && geom::area(in.get()) > 20)
                out.push_back({std::move(in), OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "SoThuTuThu")),
                               OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "KyHieuMucD"))});
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return out;
}

double iou(const GEOSGeometry *a, const GEOSGeometry *b)
{
    geom::GeomPtr i(GEOSIntersection_r(geom::ctx(), a, b)), u(GEOSUnion_r(geom::ctx(), a, b));
    return i && u && geom::area(u.get()) > 0 ? geom::area(i.get()) / geom::area(u.get()) : 0;
}
} // namespace

// Fill parcel driven by mouse clicks on the canvas over the warped sample scan: one
// click inside each parcel of the sheet it was drawn from. Prints the clicks measure
// (share filled right by one click: IoU ≥ 0.9 with the true parcel) and checks the
// issue's floor of 85 %, the labels going into the attributes, shared edges (the
// filled parcels do not overlap) and the undo of a fill.
BOOST_FIXTURE_TEST_CASE(fill_parcel_one_click_per_parcel_on_the_sample_sheet, ReviewFixture)
{
    QString error;
    BOOST_REQUIRE_MESSAGE(test::importAndWait(window, QString::fromStdString(test::sampleDir() + "/coto/coto_sheets.geojson"), {},
                                              &error),
                          error.toStdString());
    BOOST_REQUIRE_MESSAGE(test::warpAndWait(*geo, QString::fromStdString(tmp.file("to3.tif")), &error), error.toStdString());
    BOOST_REQUIRE_EQUAL(window.canvas()->rasterCount(), 1);
    const auto frame = crs::sheetFrame("322500-5-d");
    BOOST_REQUIRE(frame);
    const auto truth = truthParcels(*frame);
    BOOST_REQUIRE_GT(truth.size(), 90u);

    app::DigitizeTools *tools = window.digitizeTools();
    window.findChild<QAction *>(QStringLiteral("toolFillParcel"))->trigger();
    BOOST_REQUIRE((tools->mode() == app::DigitizeTools::Mode::Fill));
    gui::MapCanvas *canvas = window.canvas();
    canvas->setView(QPointF((frame->minEast + frame->maxEast) / 2, (frame->minNorth + frame->maxNorth) / 2),
                    1.05 * std::max((frame->maxEast - frame->minEast) / canvas->width(),
                                    (frame->maxNorth - frame->minNorth) / canvas->height()));
    QCoreApplication::processEvents();

    auto pointIn = [](const GEOSGeometry *g) {
        geom::GeomPtr p(GEOSPointOnSurface_r(geom::ctx(), g));
        double x = 0, y = 0;
        GEOSGeomGetX_r(geom::ctx(), p.get(), &x);
        GEOSGeomGetY_r(geom::ctx(), p.get(), &y);
        return QPointF(x, y);
    };
    auto click = [&](const QPointF &world) {
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->worldToScreen(world).toPoint());
    };
    // The first click reads the scan's lines in the background; nothing is added yet.
    QSignalSpy prepared(tools->scanFaces(), &app::ScanFaces::prepared);
    click(pointIn(truth.front().geometry.get()));
    BOOST_TEST(doc()->parcelCount() == 0);
    BOOST_REQUIRE(prepared.wait(300000));
    BOOST_REQUIRE_MESSAGE(prepared.at(0).at(1).toBool(), prepared.at(0).at(2).toString().toStdString());

    int oneClick = 0, numbersRight = 0, codesRight = 0, numbered = 0, clicks = 1;
    double sumArea = 0;
    QUndoStack *undo = doc()->undoStack();
    for (const auto &t : truth) {
        const int before = doc()->parcelCount();
        const QPointF at = pointIn(t.geometry.get());
        click(at);
        ++clicks;
        if (doc()->parcelCount() != before + 1)
            continue;
        const model::Parcel &p = doc()->parcel(doc()->parcelCount() - 1);
        const auto wkb = doc()->record(p.id).parcel.wkb;
        geom::GeomPtr g = geom::fromWkb(wkb.data(), wkb.size());
        BOOST_REQUIRE(g);
        sumArea += geom::area(g.get());
        if (iou(g.get(), t.geometry.get()) >= 0.9)
            ++oneClick;
        numbersRight += p.thuaSo == t.thuaSo;
        codesRight += p.landuseCode == t.code;
        numbered += p.thuaSo.has_value();
        // The label's number when it was read and free (the truth numbers are the scan's).
        BOOST_TEST(p.toSo.value_or(0) == 3);
    }
    // Shared edges exact: no overlaps between the filled parcels.
    {
        std::vector<GEOSGeometry *> parts;
        for (int r = 0; r < doc()->parcelCount(); ++r) {
            const auto wkb = doc()->record(doc()->parcel(r).id).parcel.wkb;
            parts.push_back(geom::fromWkb(wkb.data(), wkb.size()).release());
            BOOST_TEST(GEOSisValid_r(geom::ctx(), parts.back()) == 1, "filled parcel " << r << " is valid");
        }
        geom::GeomPtr coll(GEOSGeom_createCollection_r(geom::ctx(), GEOS_GEOMETRYCOLLECTION, parts.data(), unsigned(parts.size())));
        BOOST_REQUIRE(coll);
        geom::GeomPtr u(GEOSUnaryUnion_r(geom::ctx(), coll.get()));
        BOOST_REQUIRE(u);
        BOOST_TEST(geom::area(u.get()) == sumArea, boost::test_tools::tolerance(1e-6));
    }
    const double share = double(oneClick) / double(truth.size());
    const int filled = doc()->parcelCount();
    std::printf("Fill parcel on the sample sheet: %d of %zu parcels right with one click (%.1f %%, %d clicks in all); "
                "thửa numbers right %d/%d, land-use codes right %d/%d\n",
                oneClick, truth.size(), share * 100, clicks, numbersRight, filled, codesRight, filled);
    BOOST_TEST(share >= 0.85);
    BOOST_TEST(numbered == filled);
    // The label is read into the attributes. Measured here: 90 of 120 numbers and 82 of 120
    // codes are the printed ones (unlabelled road pieces, misread labels and numbers a misread
    // label took count against it); the floors catch labels no longer reaching the parcel.
    BOOST_TEST(numbersRight >= 0.70 * filled);
    BOOST_TEST(codesRight >= 0.60 * filled);
    // A fill is one undo step.
    const int n = doc()->parcelCount();
    undo->undo();
    BOOST_TEST(doc()->parcelCount() == n - 1);
    undo->redo();
    BOOST_TEST(doc()->parcelCount() == n);
    // A click on no scan says so and adds nothing.
    QString why;
    BOOST_TEST(!tools->fillAt(QPointF(frame->minEast - 5000, frame->minNorth), &why));
    BOOST_TEST(why.contains(QStringLiteral("scan")), why.toStdString());
}
