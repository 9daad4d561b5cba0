// vnland_gui on its own: the map canvas draws and selects what a MapSource
// hands it, offers events to a MapTool first, and styles unreviewed candidates
// differently. No Document, no main window: the library stands without the app.
#define BOOST_TEST_MODULE gui
#include <boost/test/unit_test.hpp>

#include "gui/map_canvas.h"
#include "gui/map_source.h"
#include "gui/map_tool.h"
#include "gui/parcel_geometry.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QTest>

#include <cstring>

using namespace vnland;

namespace {

struct QtApp {
    QtApp()
    {
        static int argc = 1;
        static char name[] = "test_gui";
        static char *argv[] = {name, nullptr};
        if (!QApplication::instance())
            new QApplication(argc, argv);
    }
};
BOOST_GLOBAL_FIXTURE(QtApp);

/// WKB (little-endian Polygon) of an axis-parallel square.
std::vector<unsigned char> squareWkb(double x0, double y0, double size)
{
    std::vector<unsigned char> w;
    auto put = [&](const void *p, size_t n) { w.insert(w.end(), (const unsigned char *)p, (const unsigned char *)p + n); };
    const unsigned char order = 1;
    const uint32_t type = 3, rings = 1, points = 5;
    put(&order, 1);
    put(&type, 4);
    put(&rings, 4);
    put(&points, 4);
    const double xy[] = {x0, y0, x0 + size, y0, x0 + size, y0 + size, x0, y0 + size, x0, y0};
    put(xy, sizeof xy);
    return w;
}

/// Two 100 m squares side by side; the second one a candidate.
class TwoSquares : public gui::MapSource {
public:
    TwoSquares()
    {
        gui::ParcelGeometry::Builder b;
        b.add(squareWkb(1000, 2000, 100));
        b.add(squareWkb(1100, 2000, 100));
        m_geometry = b.finish();
        auto a = std::make_shared<gui::ParcelRenderAttrs>();
        a->fill = {qRgb(255, 255, 100), qRgb(255, 255, 100)};
        a->thua = {QStringLiteral("1"), QStringLiteral("2")};
        a->area = {QString(), QString()};
        a->code = {QStringLiteral("ONT"), QStringLiteral("ONT")};
        a->style = {gui::ParcelStyle::Normal, gui::ParcelStyle::Candidate};
        m_attrs = a;
        m_sheets = std::make_shared<gui::SheetOutlines>();
    }
    std::shared_ptr<const gui::ParcelGeometry> geometry() const override { return m_geometry; }
    std::shared_ptr<const gui::ParcelRenderAttrs> renderAttrs() const override { return m_attrs; }
    std::shared_ptr<const gui::SheetOutlines> sheets() const override { return m_sheets; }
    QRectF fullExtent() const override { return m_geometry->extent(); }
    const QSet<int> &selection() const override { return m_selection; }
    void setSelection(const QSet<int> &rows) override
    {
        m_selection = rows;
        emit selectionChanged();
    }

private:
    std::shared_ptr<const gui::ParcelGeometry> m_geometry;
    std::shared_ptr<const gui::ParcelRenderAttrs> m_attrs;
    std::shared_ptr<const gui::SheetOutlines> m_sheets;
    QSet<int> m_selection;
};

/// Takes every left press while active; counts what it saw.
class CountingTool : public gui::MapTool {
public:
    using gui::MapTool::MapTool;
    bool active = true;
    int presses = 0, paints = 0, deactivations = 0;
    bool isActive() const override { return active; }
    void deactivate() override
    {
        active = false;
        ++deactivations;
    }
    bool mousePress(QMouseEvent *e) override
    {
        if (!active || e->button() != Qt::LeftButton)
            return false;
        ++presses;
        return true;
    }
    void paint(QPainter &) override { ++paints; }
};

struct CanvasFixture {
    TwoSquares source;
    gui::MapCanvas canvas;
    CanvasFixture()
    {
        canvas.resize(400, 200);
        canvas.setLabelsVisible(false);
        canvas.show();
        canvas.setSource(&source);
        canvas.zoomToFullExtent();
        BOOST_REQUIRE(gui::waitForCanvasIdle(&canvas));
    }
    QPoint screen(double x, double y) const { return canvas.worldToScreen({x, y}).toPoint(); }
    void click(const QPoint &p) { QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, p); }
};

/// Share of pixels in a box around @p c that are neither the fill nor an outline: the hatch.
double hatchShare(const QImage &img, const QPoint &c)
{
    int hatch = 0, all = 0;
    for (int y = c.y() - 15; y <= c.y() + 15; ++y)
        for (int x = c.x() - 15; x <= c.x() + 15; ++x) {
            const QColor px = img.pixelColor(x, y);
            ++all;
            if (px.blue() < 80 && px.green() < 200)   // orange-ish over the yellow fill
                ++hatch;
        }
    return double(hatch) / all;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(canvas_draws_a_source_and_hatches_candidates, CanvasFixture)
{
    const QImage img = canvas.grab().toImage();
    const QPoint normal = screen(1050, 2050), candidate = screen(1150, 2050);
    BOOST_TEST(img.pixel(normal) == qRgb(255, 255, 100));
    BOOST_TEST(hatchShare(img, normal) == 0.0);
    BOOST_TEST(hatchShare(img, candidate) > 0.05, "hatch " << hatchShare(img, candidate));
}

BOOST_FIXTURE_TEST_CASE(select_tool_selects_through_the_source, CanvasFixture)
{
    canvas.setTool(gui::MapCanvas::Tool::Select);
    click(screen(1150, 2050));
    BOOST_TEST((source.selection() == QSet<int>{1}));
    click(screen(1050, 2050));
    BOOST_TEST((source.selection() == QSet<int>{0}));
}

BOOST_FIXTURE_TEST_CASE(map_tool_gets_events_first_and_is_told_to_stop, CanvasFixture)
{
    auto *tool = new CountingTool(&canvas);
    canvas.setMapTool(tool);
    canvas.setTool(gui::MapCanvas::Tool::Edit);
    click(screen(1150, 2050));
    BOOST_TEST(tool->presses == 1);
    BOOST_TEST(source.selection().isEmpty());   // the tool took the click
    canvas.repaint();
    BOOST_TEST(tool->paints > 0);
    canvas.setTool(gui::MapCanvas::Tool::Select);
    BOOST_TEST(tool->deactivations == 1);
    click(screen(1150, 2050));
    BOOST_TEST(tool->presses == 1);
    BOOST_TEST((source.selection() == QSet<int>{1}));
}
