// Digitizing tools (offscreen): every tool is driven with real QTest mouse and
// key events on the map canvas, and the result is checked in the Document, the
// exact geometry (snapping index), the database and the core validation.
#define BOOST_TEST_MODULE editor_tools
#include "app_fixture.h"
#include <boost/test/unit_test.hpp>

#include "editor_test_project.h"
#include "test_support.h"

#include "digitize/digitize_tools.h"
#include "document/crash_journal.h"
#include "document/document.h"
#include "main_window.h"
#include "gui/map_canvas.h"
#include "digitize/parcel_edits.h"

#include "edit/edit_ops.h"
#include "georef/gcp_fit.h"
#include "georef/gcp_set.h"
#include "georef/warp.h"
#include "store/parcel_store.h"
#include "synth/coverage_generator.h"
#include "store/database.h"
#include "store/project.h"
#include "topology/validation_rule.h"
#include "topology/validation_store.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gdal.h>

#include <algorithm>
#include <iomanip>
#include <cmath>
#include <set>

#include <ostream>

using namespace vnland;

// Printers for Boost.Test messages.
std::ostream &operator<<(std::ostream &o, const QPointF &p) { return o << "(" << p.x() << ", " << p.y() << ")"; }
std::ostream &operator<<(std::ostream &o, const QRectF &r)
{
    return o << "[" << r.left() << ", " << r.top() << " " << r.width() << " × " << r.height() << "]";
}
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<int>)
namespace vnland::edit {
std::ostream &operator<<(std::ostream &o, const XY &p) { return o << "(" << p.x << ", " << p.y << ")"; }
}

namespace {

BOOST_TEST_GLOBAL_FIXTURE(AppFixture);

constexpr double E0 = test::TestProject::kOriginE;
constexpr double N0 = test::TestProject::kOriginN;

/// Adds an empty sheet (tờ 6, 60 m × 50 m) east of the test parcels, for drawing.
void addBlankSheet(const std::string &path)
{
    store::Database db(path, store::Database::Mode::ReadWrite);
    const std::string wkt = "POLYGON((502120 2320000, 502180 2320000, 502180 2320050, 502120 2320050, 502120 2320000))";
    store::Statement st(db, "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame)"
                            " VALUES ('07192', 6, 1000, '2320-502-6', GeomFromText(?, 5899))");
    st.bind(1, wkt);
    st.exec();
}

/// Every parcel row (live and history) with its geometry and land uses, for
/// comparing states exactly.
std::string dumpParcels(const std::string &path)
{
    store::Database db(path, store::Database::Mode::ReadOnly);
    store::Statement st(db, "SELECT id, uuid, coalesce(to_so,''), coalesce(thua_so,''), coalesce(landuse_code,''),"
                            " coalesce(owner_name,''), coalesce(legal_area,''), coalesce(measured_area,''),"
                            " coalesce(end_time,''), coalesce(to_so_cu,''), coalesce(thua_so_cu,''), AsText(geom),"
                            " (SELECT group_concat(code || ':' || coalesce(area,''), ',') FROM parcel_landuse WHERE parcel_id = parcel.id)"
                            " FROM parcel ORDER BY id");
    std::string out;
    while (st.step()) {
        for (int c = 0; c < 13; ++c)
            out += (st.isNull(c) ? std::string("<null>") : st.text(c)) + "|";
        out += "\n";
    }
    return out;
}

struct ToolsFixture {
    ToolsFixture()
    {
        path = tmp.file("tools.sqlite");
        project.write(path);
        addBlankSheet(path);
        open(window);
    }
    void open(app::MainWindow &w, bool quiet = true)
    {
        w.resize(1200, 850);
        w.show();
        BOOST_REQUIRE(QTest::qWaitForWindowExposed(&w));
        BOOST_REQUIRE(test::openAndWait(w, QString::fromStdString(path), quiet));
        // Both sheets in view at about 0.2 m per pixel.
        w.canvas()->setView(QPointF(E0 + 90, N0 + 35), 0.22);
        BOOST_REQUIRE(gui::waitForCanvasIdle(w.canvas()));
    }
    app::Document *doc() const { return win->document(); }
    gui::MapCanvas *canvas() const { return win->canvas(); }
    app::DigitizeTools *tools() const { return win->digitizeTools(); }
    QPoint scr(const QPointF &world, QPoint offset = {}) const
    {
        return canvas()->worldToScreen(world).toPoint() + offset;
    }
    void trigger(const char *name)
    {
        auto *a = win->findChild<QAction *>(QString::fromLatin1(name));
        BOOST_REQUIRE_MESSAGE(a, "action " << name);
        a->trigger();
    }
    /// A mouse move event (QTest::mouseMove only moves the cursor on the offscreen platform).
    void move(QPoint pos, Qt::MouseButtons buttons = Qt::NoButton)
    {
        QMouseEvent e(QEvent::MouseMove, QPointF(pos), canvas()->mapToGlobal(QPointF(pos)), Qt::NoButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &e);
    }
    /// Drags with the left button from @p a to @p b in a few steps.
    void drag(QPoint a, QPoint b)
    {
        QTest::mousePress(canvas(), Qt::LeftButton, {}, a);
        for (int i = 1; i <= 4; ++i)
            move(a + (b - a) * i / 4, Qt::LeftButton);
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, b);
    }
    /// A click near @p world (a few pixels off: snapping has to find the point).
    void click(const QPointF &world, QPoint offset = {2, -2})
    {
        move(scr(world, offset));
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, scr(world, offset));
    }
    void finish() { QTest::keyClick(canvas(), Qt::Key_Return); }
    int64_t idOfThua(int to, int thua) const
    {
        for (int r = 0; r < doc()->parcelCount(); ++r)
            if (doc()->parcel(r).toSo == to && doc()->parcel(r).thuaSo == thua)
                return doc()->parcel(r).id;
        return -1;
    }
    const edit::MultiPoly &geom(int64_t id) const
    {
        const edit::MultiPoly *g = doc()->snapIndex().parcel(id);
        BOOST_REQUIRE(g);
        return *g;
    }
    static bool hasVertex(const edit::MultiPoly &mp, edit::XY p)
    {
        for (const auto &poly : mp)
            for (const auto &ring : poly.rings)
                if (std::find(ring.begin(), ring.end(), p) != ring.end())
                    return true;
        return false;
    }
    /// Issues of the geometry rules (overlap, gap, validity, unmatched vertices …) over the whole project.
    std::vector<topology::Issue> geometryIssues() const
    {
        topology::EngineOptions opt;
        opt.rules = {topology::Rule::InvalidGeometry, topology::Rule::Overlap,        topology::Rule::Gap,
                     topology::Rule::Sliver,          topology::Rule::DuplicateGeometry, topology::Rule::UnmatchedVertex,
                     topology::Rule::NearVertices,    topology::Rule::DuplicateVertex, topology::Rule::Spike,
                     topology::Rule::DuplicateNumber, topology::Rule::MissingNumber};
        auto report = topology::validateProject(doc()->project(), opt);
        for (const auto &i : report.issues)
            BOOST_TEST_MESSAGE("issue " << topology::ruleId(i.rule) << ": " << i.message);
        return report.issues;
    }

    test::TempDir tmp;
    std::string path;
    test::TestProject project;
    app::MainWindow window;
    app::MainWindow *win = &window;   // the window the helpers drive
};

/// Draws the rectangle [x0,x1]×[y0,y1] with the add-parcel tool (clicks a few pixels off the corners).
void drawRect(ToolsFixture &f, double x0, double y0, double x1, double y1)
{
    f.click({x0, y0});
    f.click({x1, y0}, {-2, 2});
    f.click({x1, y1}, {2, 2});
    f.click({x0, y1}, {-2, -2});
    f.finish();
}

} // namespace

BOOST_FIXTURE_TEST_CASE(add_parcel_snaps_onto_neighbour_and_validates, ToolsFixture)
{
    trigger("toolAddParcel");
    BOOST_TEST(int(tools()->mode()) == int(app::DigitizeTools::Mode::AddParcel));
    BOOST_TEST(int(canvas()->tool()) == int(gui::MapCanvas::Tool::Edit));
    BOOST_TEST(tools()->typedInput()->isVisible());
    // West of thửa 1 (502000..502020 × 2320000..2320025): the new parcel's east side is thửa 1's west side.
    const int before = doc()->parcelCount();
    // The snap marker follows the mouse: near thửa 1's corner it snaps onto the vertex.
    move(scr({E0, N0 + 25}, {3, 2}));
    BOOST_TEST(int(tools()->lastSnap().kind) == int(edit::SnapKind::ParcelVertex));
    click({E0 - 10, N0});
    click({E0, N0}, {-2, 2});
    click({E0, N0 + 25}, {2, 2});
    click({E0 - 10, N0 + 25}, {-2, -2});
    finish();
    BOOST_REQUIRE(doc()->parcelCount() == before + 1);
    const model::Parcel &p = doc()->parcel(doc()->parcelCount() - 1);
    BOOST_TEST(p.toSo == 5);
    BOOST_TEST(p.thuaSo == 13);   // next number above the sheet's maximum
    BOOST_TEST(p.communeCode == "07192");
    const auto &g = geom(p.id);
    const auto &n = geom(idOfThua(5, 1));
    // The shared vertices are the neighbour's, bit for bit.
    BOOST_TEST(hasVertex(g, {E0, N0}));
    BOOST_TEST(hasVertex(g, {E0, N0 + 25}));
    BOOST_TEST(hasVertex(n, {E0, N0}));
    BOOST_TEST(std::abs(edit::area(g) - 250.0) < 2.0);   // the free west corners are where the mouse was
    BOOST_TEST(geometryIssues().empty());
    // Written through to the database, in the sheet, selected.
    BOOST_TEST(doc()->record(p.id).live());
    BOOST_TEST(doc()->selectedIds() == std::vector<int64_t>{p.id});
    BOOST_TEST(doc()->undoStack()->count() == 1);
}

BOOST_FIXTURE_TEST_CASE(add_parcel_keys_backspace_escape_and_snap_toggle, ToolsFixture)
{
    trigger("toolAddParcel");
    click({E0 - 10, N0});
    click({E0 - 5, N0 + 5});
    BOOST_TEST(tools()->sketch().size() == 2u);
    QTest::keyClick(canvas(), Qt::Key_Backspace);
    BOOST_TEST(tools()->sketch().size() == 1u);
    QTest::keyClick(canvas(), Qt::Key_Escape);
    BOOST_TEST(tools()->sketch().empty());
    // Snapping off: the click lands where the mouse is, not on the vertex.
    win->findChild<QAction *>(QStringLiteral("snapVertex"))->setChecked(false);
    win->findChild<QAction *>(QStringLiteral("snapSegment"))->setChecked(false);
    click({E0, N0 + 25}, {3, 3});
    BOOST_REQUIRE(tools()->sketch().size() == 1u);
    BOOST_TEST(tools()->sketch()[0] != QPointF(E0, N0 + 25));
    win->findChild<QAction *>(QStringLiteral("snapVertex"))->setChecked(true);
    QTest::keyClick(canvas(), Qt::Key_Escape);
    click({E0, N0 + 25}, {3, 3});
    BOOST_TEST(tools()->sketch()[0] == QPointF(E0, N0 + 25));
}

BOOST_FIXTURE_TEST_CASE(avoid_overlap_clips_with_notice, ToolsFixture)
{
    QSignalSpy messages(doc(), &app::Document::message);
    trigger("toolAddParcel");
    // 15 m wide, the east 5 m over thửa 1: clipped back to the shared edge.
    click({E0 - 10, N0});
    click({E0 + 5, N0}, {0, 0});
    click({E0 + 5, N0 + 25}, {0, 0});
    click({E0 - 10, N0 + 25});
    finish();
    const model::Parcel &p = doc()->parcel(doc()->parcelCount() - 1);
    BOOST_TEST(p.thuaSo == 13);
    BOOST_TEST(std::abs(edit::area(geom(p.id)) - 250.0) < 2.0);
    // Clipped exactly to the neighbour's west side.
    BOOST_TEST(hasVertex(geom(p.id), {E0, N0}));
    BOOST_TEST(hasVertex(geom(p.id), {E0, N0 + 25}));
    bool noticed = false;
    for (const auto &m : messages)
        noticed = noticed || m.at(0).toString().contains(QStringLiteral("Clipped"));
    BOOST_TEST(noticed);
    BOOST_TEST(window.statusBar()->currentMessage().contains(QStringLiteral("Clipped")));
    BOOST_TEST(geometryIssues().empty());
}

BOOST_FIXTURE_TEST_CASE(invalid_neighbour_is_reported, ToolsFixture)
{
    // Make thửa 4 a bow-tie (invalid) in the database and reload it.
    const int64_t bad = idOfThua(5, 4);
    {
        store::Database db(path, store::Database::Mode::ReadWrite);
        store::Statement st(db, "UPDATE parcel SET geom = CastToMultiPolygon(GeomFromText(?, 5899)) WHERE id = ?");
        st.bind(1, std::string("POLYGON((502060 2320000, 502080 2320025, 502080 2320000, 502060 2320025, 502060 2320000))")).bind(2, bad);
        st.exec();
    }
    doc()->reloadParcels({bad});
    QSignalSpy messages(doc(), &app::Document::message);
    trigger("toolAddParcel");
    click({E0 + 80, N0}, {0, 0});
    click({E0 + 90, N0}, {0, 0});
    click({E0 + 90, N0 + 25}, {0, 0});
    click({E0 + 78, N0 + 25}, {0, 0});
    finish();
    // The notice names the invalid neighbour by tờ/thửa, in a whole sentence.
    const QString expected =
        QStringLiteral("Warning: neighbour parcel(s) 5/4 are invalid; they were repaired for the clip only — check them");
    QStringList seen;
    for (const auto &m : messages)
        seen << m.at(0).toString();
    BOOST_TEST(seen.filter(expected).size() == 1, seen.join(QLatin1Char('|')).toStdString());
}

BOOST_FIXTURE_TEST_CASE(split_then_merge_back, ToolsFixture)
{
    const std::string start = dumpParcels(path);
    const int64_t six = idOfThua(5, 6);
    const auto original = geom(six);
    trigger("toolSplitParcel");
    // Across thửa 6 (502020..502040 × 2320025..2320050) at northing 2320040, ends in the neighbours.
    click({E0 + 15, N0 + 40}, {0, 0});
    click({E0 + 45, N0 + 40}, {0, 0});
    QTest::mouseDClick(canvas(), Qt::LeftButton, {}, scr({E0 + 45, N0 + 40}));
    BOOST_REQUIRE(doc()->rowOfId(six) < 0);   // retired
    BOOST_TEST(doc()->record(six).exists);
    BOOST_TEST(doc()->record(six).parcel.endTime.has_value());
    const auto pieces = doc()->selectedIds();
    BOOST_REQUIRE(pieces.size() == 2u);
    std::set<int> numbers;
    double total = 0;
    for (int64_t id : pieces) {
        const model::Parcel &p = doc()->parcel(doc()->rowOfId(id));
        numbers.insert(p.thuaSo.value_or(0));
        BOOST_TEST(p.thuaSoCu == "6");
        BOOST_TEST(p.ownerName == "Chủ thửa 6");
        total += edit::area(geom(id));
    }
    BOOST_TEST((numbers == std::set<int>{13, 14}));
    BOOST_TEST(std::abs(total - 500.0) < 1e-6);
    // The neighbours on both sides got the points where the line meets the outline: no T-junction.
    BOOST_TEST(geometryIssues().empty());

    // Merge them back through the dialog, keeping the attributes of the first.
    trigger("tool1");   // Select
    QTimer::singleShot(0, [&] {
        auto *dlg = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        BOOST_REQUIRE(dlg);
        BOOST_TEST(dlg->objectName() == QStringLiteral("mergeDialog"));
        auto *combo = dlg->findChild<QComboBox *>(QStringLiteral("mergeKeepCombo"));
        BOOST_REQUIRE(combo);
        BOOST_TEST(combo->count() == 2);
        combo->setCurrentIndex(0);
        dlg->accept();
    });
    trigger("mergeAction");
    const auto merged = doc()->selectedIds();
    BOOST_REQUIRE(merged.size() == 1u);
    const model::Parcel &m = doc()->parcel(doc()->rowOfId(merged[0]));
    BOOST_TEST(m.thuaSo == 15);
    BOOST_TEST(std::abs(edit::area(geom(merged[0])) - 500.0) < 1e-6);
    // The two side points stay: the neighbours share them now (dropping them would leave
    // T-junctions in the neighbours).
    BOOST_TEST(edit::vertexCount(geom(merged[0])) == edit::vertexCount(original) + 2);
    BOOST_TEST(geometryIssues().empty());
    // Undo both: the original parcel is live again, the new ones are gone from the database.
    doc()->undoStack()->undo();
    doc()->undoStack()->undo();
    BOOST_TEST(doc()->rowOfId(six) >= 0);
    BOOST_TEST(dumpParcels(path) == start);
}

BOOST_FIXTURE_TEST_CASE(move_shared_vertex_moves_it_in_all_parcels, ToolsFixture)
{
    trigger("toolEditVertex");
    // The corner shared by thửa 1, 2, 5, 6.
    const QPointF from(E0 + 20, N0 + 25);
    const QPointF to(E0 + 25, N0 + 31);   // inside thửa 6, clear of every snap target
    drag(scr(from, {2, 1}), scr(to));
    const QPointF world = canvas()->screenToWorld(scr(to));
    const edit::XY moved{world.x(), world.y()};
    for (int t : {1, 2, 5, 6}) {
        BOOST_TEST_CONTEXT("thửa " << t)
        {
            BOOST_TEST(hasVertex(geom(idOfThua(5, t)), moved));
            BOOST_TEST(!hasVertex(geom(idOfThua(5, t)), {from.x(), from.y()}));
        }
    }
    double total = 0;
    for (int t = 1; t <= 12; ++t)
        total += edit::area(geom(idOfThua(5, t)));
    BOOST_TEST(std::abs(total - 12 * 500.0) < 1e-6);
    BOOST_TEST(geometryIssues().empty());
    doc()->undoStack()->undo();
    for (int t : {1, 2, 5, 6})
        BOOST_TEST(hasVertex(geom(idOfThua(5, t)), {from.x(), from.y()}));
}

BOOST_FIXTURE_TEST_CASE(insert_and_delete_vertex_on_shared_edge, ToolsFixture)
{
    trigger("toolEditVertex");
    // The edge between thửa 1 and 2 at x = 502020.
    const QPointF at(E0 + 20, N0 + 12);
    QTest::mouseDClick(canvas(), Qt::LeftButton, {}, scr(at, {2, 0}));
    const auto &g1 = geom(idOfThua(5, 1));
    BOOST_TEST(edit::vertexCount(g1) == 5u);
    BOOST_TEST(edit::vertexCount(geom(idOfThua(5, 2))) == 5u);
    // The same coordinate in both.
    edit::XY added{};
    for (const auto &v : g1[0].rings[0])
        if (v.x == E0 + 20 && v.y > N0 && v.y < N0 + 25)
            added = v;
    BOOST_TEST(added.x == E0 + 20);
    BOOST_TEST(hasVertex(geom(idOfThua(5, 2)), added));
    BOOST_TEST(geometryIssues().empty());
    // The vertex is picked: Delete removes it from both.
    QTest::keyClick(canvas(), Qt::Key_Delete);
    BOOST_TEST(edit::vertexCount(geom(idOfThua(5, 1))) == 4u);
    BOOST_TEST(edit::vertexCount(geom(idOfThua(5, 2))) == 4u);
    BOOST_TEST(doc()->undoStack()->count() == 2);
}

BOOST_FIXTURE_TEST_CASE(renumber_sheet_zigzag_one_undo_step, ToolsFixture)
{
    const std::string start = dumpParcels(path);
    window.canvas()->setTool(gui::MapCanvas::Tool::Select);
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, scr(project.parcelCenter(1)));
    BOOST_REQUIRE(doc()->selection().size() == 1);
    trigger("renumberAction");
    BOOST_TEST(doc()->undoStack()->count() == 1);
    // Rows (south → north) r = 0, 1, 2; the northern row first, west → east, then back.
    const int expected[12] = {9, 10, 11, 12, 8, 7, 6, 5, 1, 2, 3, 4};   // new number of old thửa 1..12
    for (int t = 1; t <= 12; ++t) {
        const int row = doc()->geometry()->parcelAt(project.parcelCenter(t));
        BOOST_REQUIRE(row >= 0);
        BOOST_TEST(doc()->parcel(row).thuaSo == expected[t - 1]);
    }
    doc()->undoStack()->undo();
    BOOST_TEST(dumpParcels(path) == start);
}

BOOST_FIXTURE_TEST_CASE(typed_distance_bearing_and_xy, ToolsFixture)
{
    trigger("toolAddParcel");
    QLineEdit *input = tools()->typedInput();
    BOOST_REQUIRE(input->isVisible());
    auto type = [&](const QString &text) {
        input->setFocus();
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return);
    };
    // First vertex as X (north) Y (east), then three legs of 10 m in the blank sheet.
    type(QStringLiteral("2320010 502130"));
    type(QStringLiteral("10 < 90 00 00"));
    type(QStringLiteral("10 < 0 00 00"));
    type(QStringLiteral("10 < 270 00 00"));
    BOOST_REQUIRE(tools()->sketch().size() == 4u);
    BOOST_TEST(std::abs(tools()->sketch()[1].x() - 502140) < 1e-9);
    BOOST_TEST(std::abs(tools()->sketch()[2].y() - 2320020) < 1e-9);
    // A bad bearing is refused with a message, nothing added.
    type(QStringLiteral("10 < abc"));
    BOOST_TEST(tools()->sketch().size() == 4u);
    input->clear();
    finish();
    const model::Parcel &p = doc()->parcel(doc()->parcelCount() - 1);
    BOOST_TEST(p.toSo == 6);
    BOOST_TEST(p.thuaSo == 1);
    BOOST_TEST(std::abs(edit::area(geom(p.id)) - 100.0) < 1e-6);
}

BOOST_FIXTURE_TEST_CASE(tracing_follows_the_neighbour_boundary, ToolsFixture)
{
    trigger("toolAddParcel");
    window.findChild<QAction *>(QStringLiteral("traceAction"))->setChecked(true);
    // Along the south side of thửa 1 and 2 from (502000, N0) to (502040, N0): the
    // trace passes the shared corner (502020, N0).
    click({E0, N0});
    click({E0 + 40, N0}, {-2, 2});
    BOOST_REQUIRE(tools()->sketch().size() == 3u);
    BOOST_TEST(tools()->sketch()[1] == QPointF(E0 + 20, N0));
    window.findChild<QAction *>(QStringLiteral("traceAction"))->setChecked(false);
    click({E0 + 40, N0 - 8}, {0, 0});
    click({E0, N0 - 8}, {0, 0});
    finish();
    const model::Parcel &p = doc()->parcel(doc()->parcelCount() - 1);
    BOOST_TEST(hasVertex(geom(p.id), {E0 + 20, N0}));
    BOOST_TEST(geometryIssues().empty());
}

BOOST_FIXTURE_TEST_CASE(tracing_works_in_the_split_tool_too, ToolsFixture)
{
    trigger("toolSplitParcel");
    window.findChild<QAction *>(QStringLiteral("traceAction"))->setChecked(true);
    // Along the south side of thửa 1 and 2: the split line takes the shared corner as well.
    click({E0, N0});
    click({E0 + 40, N0}, {-2, 2});
    BOOST_REQUIRE(tools()->sketch().size() == 3u);
    BOOST_TEST(tools()->sketch()[1] == QPointF(E0 + 20, N0));
    tools()->cancelSketch();
    // Off the boundaries the click is a plain vertex (the trace says why), and the split still cuts thửa 1.
    const int count = doc()->parcelCount();
    click({E0 + 10, N0 - 5}, {0, 0});
    click({E0 + 10, N0 + 30}, {0, 0});
    BOOST_REQUIRE(tools()->sketch().size() == 2u);
    finish();
    BOOST_TEST(doc()->parcelCount() == count + 1);
    BOOST_TEST(geometryIssues().empty());
    window.findChild<QAction *>(QStringLiteral("traceAction"))->setChecked(false);
}

BOOST_FIXTURE_TEST_CASE(parcel_drawn_inside_a_parcel_becomes_its_hole_and_the_vertex_tool_edits_it, ToolsFixture)
{
    const std::string start = dumpParcels(path);
    const int64_t outer = idOfThua(5, 1);   // 20 m × 25 m = 500 m²
    trigger("toolAddParcel");
    // Typed "X Y" corners (northing first): exact, nothing to snap to inside thửa 1.
    for (const char *xy : {"2320005 502005", "2320005 502015", "2320015 502015", "2320015 502005"})
        BOOST_REQUIRE(tools()->addTypedVertex(QString::fromLatin1(xy)));
    finish();
    BOOST_REQUIRE(doc()->parcelCount() == 13);
    const model::Parcel &island = doc()->parcel(doc()->parcelCount() - 1);
    const int64_t islandId = island.id;
    BOOST_TEST(island.toSo == 5);
    BOOST_TEST(island.thuaSo == 13);
    BOOST_TEST(std::abs(edit::area(geom(islandId)) - 100.0) < 1e-6);
    // The parcel around it has an inner ring now: 400 m² left, two rings.
    BOOST_REQUIRE(geom(outer).size() == 1u);
    BOOST_TEST(geom(outer)[0].rings.size() == 2u);
    BOOST_TEST(std::abs(edit::area(geom(outer)) - 400.0) < 1e-6);
    BOOST_TEST(geometryIssues().empty());
    BOOST_TEST(doc()->undoStack()->count() == 1);   // one step for both parcels
    // The vertex tool moves a corner of the hole in both parcels.
    trigger("toolEditVertex");
    const QPointF from(E0 + 5, N0 + 5);
    const QPointF to(E0 + 9, N0 + 9);   // into the island, clear of every snap target
    drag(scr(from, {2, 1}), scr(to));
    const QPointF world = canvas()->screenToWorld(scr(to));
    const edit::XY moved{world.x(), world.y()};
    BOOST_TEST(hasVertex(geom(outer), moved));
    BOOST_TEST(hasVertex(geom(islandId), moved));
    BOOST_TEST(!hasVertex(geom(outer), {from.x(), from.y()}));
    BOOST_TEST(std::abs(edit::area(geom(outer)) + edit::area(geom(islandId)) - 500.0) < 1e-6);
    BOOST_TEST(geometryIssues().empty());
    // Both steps undo back to the start exactly.
    doc()->undoStack()->undo();
    doc()->undoStack()->undo();
    BOOST_TEST(dumpParcels(path) == start);
}

BOOST_FIXTURE_TEST_CASE(undo_everything_back_to_the_start, ToolsFixture)
{
    const std::string start = dumpParcels(path);
    const int count = doc()->parcelCount();
    auto outline = [&] {
        std::vector<std::pair<int64_t, std::vector<unsigned char>>> all;
        for (int r = 0; r < doc()->parcelCount(); ++r)
            all.emplace_back(doc()->parcel(r).id, edit::toWkb(geom(doc()->parcel(r).id)));
        std::sort(all.begin(), all.end(), [](auto &a, auto &b) { return a.first < b.first; });
        return all;
    };
    const auto startGeom = outline();
    // Add, move a shared vertex, insert one, split, delete, renumber.
    trigger("toolAddParcel");
    drawRect(*this, E0 - 10, N0, E0, N0 + 25);
    trigger("toolEditVertex");
    drag(scr({E0 + 20, N0 + 25}), scr({E0 + 22, N0 + 27}));
    QTest::mouseDClick(canvas(), Qt::LeftButton, {}, scr({E0 + 40, N0 + 60}));
    trigger("toolSplitParcel");
    click({E0 + 50, N0 + 45}, {0, 0});
    click({E0 + 50, N0 + 80}, {0, 0});
    finish();
    trigger("deleteParcelsAction");
    trigger("tool1");   // Select
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, scr(project.parcelCenter(1)));
    trigger("renumberAction");
    BOOST_TEST(doc()->undoStack()->count() == 6);
    BOOST_TEST(dumpParcels(path) != start);
    while (doc()->undoStack()->canUndo())
        doc()->undoStack()->undo();
    BOOST_TEST(dumpParcels(path) == start);
    BOOST_TEST(doc()->parcelCount() == count);
    BOOST_TEST((outline() == startGeom));
    for (int r = 0; r < doc()->parcelCount(); ++r)
        BOOST_TEST(doc()->geometry()->bbox(size_t(r)) == project.parcelRect(doc()->parcel(r).thuaSo.value_or(0)));
    // And redo all of it, then undo again: still exact.
    while (doc()->undoStack()->canRedo())
        doc()->undoStack()->redo();
    BOOST_TEST(doc()->parcelCount() == count + 1 + 1 - 2);   // + new, split 1 → 2, the 2 pieces deleted
    while (doc()->undoStack()->canUndo())
        doc()->undoStack()->undo();
    BOOST_TEST(dumpParcels(path) == start);
}

BOOST_FIXTURE_TEST_CASE(crash_journal_restores_history_and_sketch, ToolsFixture)
{
    auto first = std::make_unique<app::MainWindow>();
    open(*first);
    win = first.get();
    trigger("toolAddParcel");
    drawRect(*this, E0 - 10, N0, E0, N0 + 25);
    click({E0 + 130, N0 + 10}, {0, 0});
    click({E0 + 140, N0 + 10}, {0, 0});
    BOOST_REQUIRE(tools()->sketch().size() == 2u);
    const auto sketch = tools()->sketch();
    const QString journal = app::CrashJournal::pathFor(doc()->path());
    const int64_t added = doc()->selectedIds().front();
    // The journal is written shortly after the last change, by itself.
    // (polled: a loaded machine may run the timer late)
    BOOST_REQUIRE(QTest::qWaitFor([&] { return QFileInfo::exists(journal); }, app::CrashJournal::kDelayMs + 5000));
    {
        QFile f(journal);
        BOOST_REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        BOOST_TEST(root.value(QStringLiteral("commands")).toArray().size() == 1);
        BOOST_TEST(root.value(QStringLiteral("sketch")).toArray().size() == 2);
    }
    // "Crash": the window object is destroyed without closeEvent/closeProject.
    first.reset();
    win = &window;
    BOOST_TEST(QFileInfo::exists(journal));
    // The next start offers the restore; the officer accepts.
    auto second = std::make_unique<app::MainWindow>();
    bool offered = false;
    QTimer::singleShot(50, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box && box->objectName() == QStringLiteral("journalRestoreBox")) {
            offered = true;
            box->button(QMessageBox::Yes)->click();
        }
    });
    open(*second, false);
    BOOST_TEST(offered);
    app::Document *d2 = second->document();
    BOOST_TEST(d2->undoStack()->count() == 1);
    BOOST_TEST(d2->undoStack()->canUndo());
    BOOST_TEST(int(second->digitizeTools()->mode()) == int(app::DigitizeTools::Mode::AddParcel));
    BOOST_TEST(second->findChild<QAction *>(QStringLiteral("toolAddParcel"))->isChecked());
    BOOST_TEST((second->digitizeTools()->sketch() == sketch));
    // The restored history undoes the parcel added before the crash.
    BOOST_TEST(d2->rowOfId(added) >= 0);
    d2->undoStack()->undo();
    BOOST_TEST(d2->rowOfId(added) < 0);
    BOOST_TEST(!d2->record(added).exists);
    // Finishing the restored sketch still works.
    second->digitizeTools()->addTypedVertex(QStringLiteral("2320020 502140"));
    BOOST_TEST(second->digitizeTools()->finishSketch());
    second->close();   // a normal close removes the journal
    BOOST_TEST(!QFileInfo::exists(journal));
}

BOOST_FIXTURE_TEST_CASE(twenty_parcel_session_validates_clean, ToolsFixture)
{
    // A 5 × 4 block of 10 m parcels drawn with the tool on the blank sheet 6;
    // every click is a few pixels off and snapping makes the shared corners exact.
    trigger("toolAddParcel");
    const double x0 = 502125, y0 = 2320005;
    const QString shots = qEnvironmentVariable("VNLAND_SHOTS_DIR");
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 5; ++c) {
            if (r == 2 && c == 2 && !shots.isEmpty()) {
                // Optional picture of the tool mid-drawing: sketch, rubber band, snap marker.
                canvas()->setView(QPointF(x0 + 25, y0 + 20), 0.09);
                BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
                click({x0 + (c + 1) * 10, y0 + r * 10});
                click({x0 + c * 10, y0 + r * 10});
                move(scr({x0 + c * 10, y0 + (r + 1) * 10}, {5, 4}));   // near thửa 12's corner: snap marker
                win->grab().save(shots + QStringLiteral("/editor_digitizing.png"));
                QTest::keyClick(canvas(), Qt::Key_Escape);
                canvas()->setView(QPointF(E0 + 90, N0 + 35), 0.22);
                BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
            }
            drawRect(*this, x0 + c * 10, y0 + r * 10, x0 + (c + 1) * 10, y0 + (r + 1) * 10);
        }
    std::set<int> numbers;
    for (int r = 0; r < doc()->parcelCount(); ++r)
        if (doc()->parcel(r).toSo == 6)
            numbers.insert(doc()->parcel(r).thuaSo.value_or(0));
    BOOST_TEST(numbers.size() == 20u);
    BOOST_TEST(*numbers.begin() == 1);
    BOOST_TEST(*numbers.rbegin() == 20);
    double total = 0;
    for (int r = 0; r < doc()->parcelCount(); ++r)
        if (doc()->parcel(r).toSo == 6)
            total += edit::area(geom(doc()->parcel(r).id));
    BOOST_TEST(std::abs(total - 2000.0) < 30.0);   // outer corners are where the mouse clicked
    // Topology: the 20 parcels share their corners exactly — 6 × 5 distinct grid nodes in all.
    std::set<std::pair<double, double>> nodes;
    for (int r = 0; r < doc()->parcelCount(); ++r)
        if (doc()->parcel(r).toSo == 6)
            for (const auto &v : geom(doc()->parcel(r).id)[0].rings[0])
                nodes.insert({v.x, v.y});
    BOOST_TEST(nodes.size() == 30u);
    BOOST_TEST(geometryIssues().empty());
    BOOST_TEST(doc()->undoStack()->count() == 20);
}

BOOST_FIXTURE_TEST_CASE(reload_parcels_follows_core_changes, ToolsFixture)
{
    // A core operation (here plain SQL) retires thửa 3 and adds a parcel; the
    // Document re-reads just those ids and the table and canvas follow.
    const int64_t three = idOfThua(5, 3);
    const int rows = doc()->parcelCount();
    int64_t added = 0;
    {
        store::Database db(path, store::Database::Mode::ReadWrite);
        store::Statement retire(db, "UPDATE parcel SET end_time = '2026-01-01T00:00:00Z' WHERE id = ?");
        retire.bind(1, three);
        retire.exec();
        store::Statement ins(db, "INSERT INTO parcel(uuid, commune_code, to_so, thua_so, geom) VALUES"
                                 " ('reload-test', '07192', 6, 1, CastToMultiPolygon(GeomFromText("
                                 "'POLYGON((502130 2320010, 502140 2320010, 502140 2320020, 502130 2320020, 502130 2320010))', 5899)))");
        ins.exec();
        added = db.lastInsertId();
    }
    QSignalSpy geometrySpy(doc(), &app::Document::geometryChanged);
    doc()->setSelection({doc()->rowOfId(idOfThua(5, 12))});
    doc()->reloadParcels({three, added});
    BOOST_TEST(doc()->parcelCount() == rows);   // one out, one in
    BOOST_TEST(doc()->rowOfId(three) < 0);
    BOOST_REQUIRE(doc()->rowOfId(added) >= 0);
    BOOST_TEST(geometrySpy.count() == 1);
    // The selection follows its parcel to its new row; rowOfId is consistent.
    BOOST_TEST(doc()->selectedIds() == std::vector<int64_t>{idOfThua(5, 12)});
    for (int r = 0; r < doc()->parcelCount(); ++r)
        BOOST_TEST(doc()->rowOfId(doc()->parcel(r).id) == r);
    BOOST_TEST(std::abs(edit::area(geom(added)) - 100.0) < 1e-9);
    BOOST_TEST(doc()->geometry()->parcelAt(QPointF(502135, 2320015)) == doc()->rowOfId(added));
    BOOST_TEST(!doc()->snapIndex().parcel(three));
}

BOOST_FIXTURE_TEST_CASE(journal_keeps_attribute_edits_too, ToolsFixture)
{
    auto first = std::make_unique<app::MainWindow>();
    open(*first);
    win = first.get();
    const int row = doc()->rowOfId(idOfThua(5, 2));
    BOOST_REQUIRE(doc()->changeValue(row, app::ParcelField::OwnerName, QStringLiteral("Nguyễn Văn A")));
    trigger("toolAddParcel");
    drawRect(*this, E0 - 10, N0, E0, N0 + 25);
    doc()->undoStack()->undo();   // the parcel is undone: it stays on the redo side
    const QString journal = app::CrashJournal::pathFor(doc()->path());
    first.reset();   // crash
    win = &window;
    auto second = std::make_unique<app::MainWindow>();
    open(*second, true);   // quiet: restored without asking
    app::Document *d2 = second->document();
    BOOST_TEST(d2->undoStack()->count() == 2);
    BOOST_TEST(d2->undoStack()->index() == 1);
    BOOST_TEST(d2->parcel(d2->rowOfId(idOfThua(5, 2))).ownerName == "Nguyễn Văn A");
    d2->undoStack()->redo();   // the parcel comes back
    BOOST_TEST(d2->parcelCount() == 13);
    d2->undoStack()->undo();
    d2->undoStack()->undo();   // and the owner goes back
    BOOST_TEST(d2->parcel(d2->rowOfId(idOfThua(5, 2))).ownerName == "Chủ thửa 2");
    second->closeProject();
    BOOST_TEST(!QFileInfo::exists(journal));
}

BOOST_AUTO_TEST_CASE(twenty_parcels_redrawn_over_the_sample_scan)
{
    // The Cô Tô sample coverage (generator seed 2029, as sample_data/coto) with
    // the scan of its sheet 3 registered from the truth GCPs under it. Twenty
    // neighbouring parcels of sheet 3 are deleted with the tool, then drawn
    // again vertex by vertex with mouse clicks (a pixel off each time) over the
    // scan: snapping and avoid-overlap must give a coverage that validates clean.
    test::TempDir tmp;
    const std::string path = tmp.file("coto.sqlite");
    {
        auto project = store::Project::create(path, {});
        project->ensureCommune("07192", "Cô Tô");
        store::Transaction tx(project->db());
        store::ParcelWriter writer(*project);
        synth::SynthOptions opt;
        opt.parcels = 300;
        opt.seed = 2029;
        std::string error;
        BOOST_REQUIRE(synth::generateCoverage(opt, [&](const model::Parcel &p) { writer.insert(p); }, &error).ok);
        store::Statement sheet(project->db(), "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame) VALUES"
                                              " ('07192', 3, 1000, '322500-5-d', GeomFromText("
                                              "'POLYGON((501500 2320000, 502000 2320000, 502000 2320500, 501500 2320500, 501500 2320000))', 5899))");
        sheet.exec();
        tx.commit();
    }
    GDALAllRegister();   // as main() does
    const std::string scanDir = test::sampleDir() + "/coto/scan/";
    const auto truth = georef::GcpSet::readPoints(scanDir + "to3_322500-5-d_truth.points");
    BOOST_REQUIRE(truth);
    const auto fit = georef::fitGcps(*truth, georef::TransformType::Affine, 1000);
    BOOST_REQUIRE(fit.ok());
    const std::string vrt = tmp.file("to3.tif");
    georef::WarpOptions wopt;
    wopt.pixelSize = 0.25;
    wopt.compression = "NONE";
    wopt.overviews = false;
    const auto warped = georef::warpScan(scanDir + "to3_322500-5-d.png", *fit.model, vrt, wopt);
    BOOST_REQUIRE_MESSAGE(warped.ok, warped.error);

    app::MainWindow window;
    window.resize(1200, 850);
    window.show();
    BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
    BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
    BOOST_REQUIRE(window.addRasterLayer(QString::fromStdString(vrt), true));
    app::Document *doc = window.document();
    gui::MapCanvas *canvas = window.canvas();
    auto issues = [&] {
        topology::EngineOptions opt;
        opt.rules = {topology::Rule::InvalidGeometry, topology::Rule::Overlap,        topology::Rule::Gap,
                     topology::Rule::Sliver,          topology::Rule::DuplicateGeometry, topology::Rule::UnmatchedVertex,
                     topology::Rule::NearVertices,    topology::Rule::DuplicateVertex, topology::Rule::Spike};
        auto report = topology::validateProject(doc->project(), opt);
        for (const auto &i : report.issues)
            BOOST_TEST_MESSAGE("issue " << topology::ruleId(i.rule) << ": " << i.message);
        return report.issues.size();
    };
    const size_t issuesBefore = issues();
    BOOST_TEST(issuesBefore == 0u);

    // Twenty parcels of sheet 3 (single ring, no hole) nearest to the middle of its surveyed part.
    const QPointF middle(501880, 2320100);
    std::vector<std::pair<double, int64_t>> byDistance;
    for (int r = 0; r < doc->parcelCount(); ++r) {
        const model::Parcel &p = doc->parcel(r);
        const edit::MultiPoly *g = doc->snapIndex().parcel(p.id);
        if (p.toSo != 3 || p.objectKind != "parcel" || !g || g->size() != 1 || (*g)[0].rings.size() != 1)
            continue;
        const QPointF c = doc->geometry()->labelPoint(size_t(r));
        byDistance.emplace_back(std::hypot(c.x() - middle.x(), c.y() - middle.y()), p.id);
    }
    std::sort(byDistance.begin(), byDistance.end());
    BOOST_REQUIRE(byDistance.size() >= 20u);
    std::vector<int64_t> chosen;
    std::vector<edit::Ring> rings;
    for (size_t k = 0; k < 20; ++k) {
        chosen.push_back(byDistance[k].second);
        rings.push_back((*doc->snapIndex().parcel(chosen.back()))[0].rings[0]);
    }
    const int maxNumber = [&] {
        int m = 0;
        for (int r = 0; r < doc->parcelCount(); ++r)
            if (doc->parcel(r).toSo == 3)
                m = std::max(m, doc->parcel(r).thuaSo.value_or(0));
        return m;
    }();
    const int before = doc->parcelCount();
    doc->selectIds(chosen);
    window.findChild<QAction *>(QStringLiteral("deleteParcelsAction"))->trigger();
    BOOST_REQUIRE(doc->parcelCount() == before - 20);

    window.findChild<QAction *>(QStringLiteral("toolAddParcel"))->trigger();
    for (size_t k = 0; k < rings.size(); ++k) {
        const edit::Ring &ring = rings[k];
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const auto &v : ring) {
            x0 = std::min(x0, v.x);
            y0 = std::min(y0, v.y);
            x1 = std::max(x1, v.x);
            y1 = std::max(y1, v.y);
        }
        // Each parcel fills about 500 pixels; the scan shows under it.
        canvas->setView(QPointF((x0 + x1) / 2, (y0 + y1) / 2), std::max(x1 - x0, y1 - y0) / 500);
        BOOST_REQUIRE(gui::waitForCanvasIdle(canvas));
        for (const auto &v : ring) {
            const QPoint at = canvas->worldToScreen(QPointF(v.x, v.y)).toPoint() + QPoint(1, -1);
            QMouseEvent move(QEvent::MouseMove, QPointF(at), canvas->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(canvas, &move);
            QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
        }
        BOOST_REQUIRE_EQUAL(window.digitizeTools()->sketch().size(), ring.size());
        if (k == 10 && !qEnvironmentVariable("VNLAND_SHOTS_DIR").isEmpty())
            window.grab().save(qEnvironmentVariable("VNLAND_SHOTS_DIR") + QStringLiteral("/editor_digitizing_scan.png"));
        QTest::keyClick(canvas, Qt::Key_Return);
        BOOST_REQUIRE_MESSAGE(window.digitizeTools()->sketch().empty(), "parcel " << k << " not added: "
                                                                   << window.statusBar()->currentMessage().toStdString());
    }
    BOOST_TEST(doc->parcelCount() == before);
    // New numbers above the sheet's highest; the old ones are history.
    for (int r = doc->parcelCount() - 20; r < doc->parcelCount(); ++r) {
        BOOST_TEST(doc->parcel(r).toSo == 3);
        BOOST_TEST(doc->parcel(r).thuaSo.value_or(0) > maxNumber);
    }
    BOOST_TEST(issues() == 0u);
    BOOST_TEST(doc->undoStack()->count() == 21);
}

BOOST_AUTO_TEST_CASE(first_parcel_of_an_empty_project)
{
    // A new project with only a sheet frame: the first parcel drawn is thửa 1 of that sheet.
    test::TempDir tmp;
    const std::string path = tmp.file("empty.sqlite");
    {
        auto project = store::Project::create(path, {});
        project->ensureCommune("07192", "Cô Tô");
        store::Statement sheet(project->db(), "INSERT INTO map_sheet(commune_code, to_so, scale, sheet_id, frame) VALUES"
                                              " ('07192', 7, 1000, 'x', GeomFromText("
                                              "'POLYGON((502000 2320000, 502100 2320000, 502100 2320100, 502000 2320100, 502000 2320000))', 5899))");
        sheet.exec();
    }
    app::MainWindow window;
    window.resize(1000, 800);
    window.show();
    BOOST_REQUIRE(QTest::qWaitForWindowExposed(&window));
    BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
    app::Document *doc = window.document();
    BOOST_REQUIRE(doc->parcelCount() == 0);
    window.canvas()->setView(QPointF(502050, 2320050), 0.2);
    BOOST_REQUIRE(gui::waitForCanvasIdle(window.canvas()));
    window.findChild<QAction *>(QStringLiteral("toolAddParcel"))->trigger();
    // Typed corners: X (north) Y (east).
    for (const char *xy : {"2320010 502010", "2320010 502030", "2320030 502030", "2320030 502010"})
        BOOST_REQUIRE(window.digitizeTools()->addTypedVertex(QString::fromLatin1(xy)));
    QTest::keyClick(window.canvas(), Qt::Key_Return);
    BOOST_REQUIRE(doc->parcelCount() == 1);
    BOOST_TEST(doc->parcel(0).toSo == 7);
    BOOST_TEST(doc->parcel(0).thuaSo == 1);
    BOOST_TEST(doc->geometry()->bbox(0) == QRectF(QPointF(502010, 2320010), QPointF(502030, 2320030)));
    BOOST_TEST(doc->geometry()->parcelAt(QPointF(502020, 2320020)) == 0);
    BOOST_REQUIRE(gui::waitForCanvasIdle(window.canvas()));
    // Drawn: the pixel in the middle is no longer the background.
    const QImage img = window.canvas()->grab().toImage();
    BOOST_TEST(img.pixelColor(window.canvas()->worldToScreen(QPointF(502015, 2320015)).toPoint()).rgb() != QColor(250, 250, 246).rgb());
    doc->undoStack()->undo();
    BOOST_TEST(doc->parcelCount() == 0);
}

BOOST_FIXTURE_TEST_CASE(reshaping_into_a_neighbour_is_clipped_back, ToolsFixture)
{
    // A parcel west of thửa 1; its free north-west corner is dragged into thửa 5.
    trigger("toolAddParcel");
    drawRect(*this, E0 - 10, N0, E0, N0 + 25);
    const int64_t id = doc()->selectedIds().front();
    const edit::XY corner = [&] {
        for (const auto &v : geom(id)[0].rings[0])
            if (v.x < E0 - 5 && v.y > N0 + 20)
                return v;
        return edit::XY{};
    }();
    QSignalSpy messages(doc(), &app::Document::message);
    trigger("toolEditVertex");
    drag(scr({corner.x, corner.y}), scr({E0 + 4, N0 + 45}));   // the west edge then passes north of thửa 1
    bool clipped = false;
    for (const auto &m : messages)
        clipped = clipped || m.at(0).toString().contains(QStringLiteral("Clipped"));
    BOOST_TEST(clipped);
    BOOST_TEST(geometryIssues().empty());   // no overlap with thửa 5 (or anyone)
    BOOST_TEST(std::abs(edit::area(geom(idOfThua(5, 5))) - 500.0) < 1e-6);   // the neighbour keeps its area
    BOOST_TEST(hasVertex(geom(id), {E0, N0 + 25}));   // the reshaped parcel now follows thửa 5's corner
    // Undone, then dragged onto thửa 5's west edge: the vertex snaps onto the edge and
    // thửa 5 gets the same vertex (no T-junction).
    doc()->undoStack()->undo();
    drag(scr({corner.x, corner.y}), scr({E0 + 2, N0 + 35}, {1, 0}));
    const auto &g5 = geom(idOfThua(5, 5));
    BOOST_TEST(edit::vertexCount(g5) == 5u);
    BOOST_TEST(geometryIssues().empty());
}

BOOST_FIXTURE_TEST_CASE(snap_kinds_frames_grid_crosses_survey_points, ToolsFixture)
{
    // A survey point in the blank sheet; reopen so the index has it.
    {
        store::Database db(path, store::Database::Mode::ReadWrite);
        db.exec("INSERT INTO survey_point(name, x_north, y_east, geom) VALUES"
                " ('P1', 2320030, 502150, MakePoint(502150, 2320030, 5899))");
    }
    BOOST_REQUIRE(test::openAndWait(window, QString::fromStdString(path)));
    canvas()->setView(QPointF(E0 + 90, N0 + 35), 0.22);
    BOOST_REQUIRE(gui::waitForCanvasIdle(canvas()));
    trigger("toolAddParcel");
    auto kindAt = [&](const QPointF &w, QPoint off = {3, 2}) {
        move(scr(w, off));
        return tools()->lastSnap().kind;
    };
    BOOST_TEST(int(kindAt({502150, 2320030})) == int(edit::SnapKind::SurveyPoint));
    BOOST_TEST(tools()->lastSnap().point == (edit::XY{502150, 2320030}));
    BOOST_TEST(int(kindAt({E0, N0})) == int(edit::SnapKind::ParcelVertex));
    BOOST_TEST(int(kindAt({E0 + 10, N0}, {0, 3})) == int(edit::SnapKind::ParcelSegment));
    BOOST_TEST(int(kindAt({E0 - 10, N0 + 40}, {2, 0})) == int(edit::SnapKind::SheetFrame));
    // Parcel snapping off: the 100 m grid cross at the corner of thửa 1 is what remains.
    win->findChild<QAction *>(QStringLiteral("snapVertex"))->setChecked(false);
    win->findChild<QAction *>(QStringLiteral("snapSegment"))->setChecked(false);
    BOOST_TEST(int(kindAt({E0, N0})) == int(edit::SnapKind::GridCross));
    win->findChild<QAction *>(QStringLiteral("snapGridCross"))->setChecked(false);
    win->findChild<QAction *>(QStringLiteral("snapSheetFrame"))->setChecked(false);
    win->findChild<QAction *>(QStringLiteral("snapSurveyPoint"))->setChecked(false);
    BOOST_TEST(int(kindAt({502150, 2320030})) == int(edit::SnapKind::None));
}
