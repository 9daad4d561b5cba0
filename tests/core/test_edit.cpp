// Headless digitizing engine (src/core/edit): geometry conversion, snapping,
// avoid-overlap clipping, split/merge, topological vertex edits, tracing,
// Circular 25/2014 numbering and typed input. Small hand-made cases with
// exact vertices, and a combined case validated by the topology engine.
#define BOOST_TEST_MODULE edit
#include <boost/test/unit_test.hpp>

#include "edit/edit_ops.h"
#include "geom/geos_context.h"
#include "model/parcel.h"
#include "topology/topology_engine.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <stdexcept>

using namespace vnland;
using edit::MultiPoly;
using edit::Poly;
using edit::Ring;
using edit::XY;

namespace vnland::edit {
std::ostream &operator<<(std::ostream &o, const XY &p) { return o << "(" << p.x << ", " << p.y << ")"; }
std::ostream &operator<<(std::ostream &o, SnapKind k) { return o << static_cast<int>(k); }
} // namespace vnland::edit

namespace {

constexpr double kPi = 3.14159265358979323846;

MultiPoly rect(double x0, double y0, double x1, double y1)
{
    return {Poly{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}}};
}

MultiPoly poly(std::initializer_list<XY> pts) { return {Poly{{Ring(pts)}}}; }

bool hasVertex(const MultiPoly &mp, XY v)
{
    for (const Poly &p : mp)
        for (const Ring &r : p.rings)
            for (const XY &q : r)
                if (q == v)
                    return true;
    return false;
}

std::set<std::pair<double, double>> vertexSet(const MultiPoly &mp)
{
    std::set<std::pair<double, double>> s;
    for (const Poly &p : mp)
        for (const Ring &r : p.rings)
            for (const XY &q : r)
                s.insert({q.x, q.y});
    return s;
}

double overlapArea(const MultiPoly &a, const MultiPoly &b)
{
    auto ga = edit::toGeos(a), gb = edit::toGeos(b);
    geom::GeomPtr i(GEOSIntersection_r(geom::ctx(), ga.get(), gb.get()));
    return geom::area(i.get());
}

} // namespace

// ------------------------------------------------------------------ geometry

BOOST_AUTO_TEST_CASE(geometry_round_trip_drops_closing_point)
{
    MultiPoly mp{Poly{{Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, Ring{{2, 2}, {4, 2}, {4, 4}, {2, 4}}}}};
    auto g = edit::toGeos(mp);
    BOOST_REQUIRE(g);
    BOOST_TEST(GEOSGeomTypeId_r(geom::ctx(), g.get()) == GEOS_MULTIPOLYGON);
    BOOST_TEST(geom::area(g.get()) == 96.0);
    const MultiPoly back = edit::fromWkb(edit::toWkb(mp));
    BOOST_REQUIRE_EQUAL(back.size(), 1u);
    BOOST_REQUIRE_EQUAL(back[0].rings.size(), 2u);
    BOOST_TEST(back[0].rings[0].size() == 4u); // no repeated closing point
    BOOST_TEST(back[0].rings[1].size() == 4u);
    BOOST_TEST(edit::area(back) == 96.0);
    BOOST_TEST(edit::vertexCount(back) == 8u);
    BOOST_TEST(!edit::toGeos(poly({{0, 0}, {1, 1}}))); // too few vertices
    std::string why;
    BOOST_TEST(!edit::isValid(poly({{0, 0}, {10, 10}, {10, 0}, {0, 10}}), &why)); // bow tie
    BOOST_TEST(!why.empty());
}

// ------------------------------------------------------------------ snapping

BOOST_AUTO_TEST_CASE(snap_prefers_vertex_over_segment)
{
    edit::SnapIndex idx;
    idx.build({{1, rect(0, 0, 10, 10)}, {2, rect(10, 0, 20, 10)}});
    BOOST_TEST(idx.parcelCount() == 2u);
    // 0.4 from the vertex (10,10), 0.1 from the top edge: the vertex wins.
    auto r = idx.snap({10.4, 9.9}, 0.5);
    BOOST_TEST(r.kind == edit::SnapKind::ParcelVertex);
    BOOST_TEST(r.point == (XY{10, 10}));
    BOOST_TEST(r.parcelId == 1); // equal distance: lower id
    BOOST_TEST(r.vertex == 2);
    BOOST_TEST(r.ring == 0);
    BOOST_TEST(r.part == 0);
    BOOST_TEST(std::abs(r.distance - std::hypot(0.4, 0.1)) < 1e-12);
    // Only a segment within tolerance.
    r = idx.snap({15, 9.8}, 0.5);
    BOOST_TEST(r.kind == edit::SnapKind::ParcelSegment);
    BOOST_TEST(r.point == (XY{15, 10}));
    BOOST_TEST(r.parcelId == 2);
    BOOST_TEST(r.segment == 2); // (20,10)->(10,10)
    // Nothing near.
    BOOST_TEST(!idx.snap({15, 5}, 0.5).found());
    // Flags: vertices off -> segment.
    r = idx.snap({10.4, 9.9}, 0.5, edit::SnapToSegment);
    BOOST_TEST(r.kind == edit::SnapKind::ParcelSegment);
    BOOST_TEST(std::abs(r.point.y - 10) < 1e-12);
    // Excluding parcel 1 gives parcel 2's vertex.
    r = idx.snap({10.4, 9.9}, 0.5, edit::SnapToAll, 1);
    BOOST_TEST(r.parcelId == 2);
    BOOST_TEST(r.vertex == 3);
}

BOOST_AUTO_TEST_CASE(snap_extra_points_and_frames)
{
    edit::SnapIndex idx(10);
    idx.build({{1, rect(0, 0, 10, 10)}});
    idx.addPoint({30, 30}, edit::PointKind::GridCross, 7);
    idx.addPoint({40, 30}, edit::PointKind::SurveyPoint, 8);
    idx.addLine({{-50, -50}, {100, -50}, {100, 100}, {-50, 100}}, true, 3);
    auto r = idx.snap({30.2, 29.9}, 1);
    BOOST_TEST(r.kind == edit::SnapKind::GridCross);
    BOOST_TEST(r.point == (XY{30, 30}));
    BOOST_TEST(r.parcelId == 7);
    r = idx.snap({40.1, 30}, 1);
    BOOST_TEST(r.kind == edit::SnapKind::SurveyPoint);
    BOOST_TEST(r.parcelId == 8);
    BOOST_TEST(!idx.snap({40.1, 30}, 1, edit::SnapToVertex | edit::SnapToGridCross).found());
    r = idx.snap({99.5, 20}, 1); // frame edge
    BOOST_TEST(r.kind == edit::SnapKind::SheetFrame);
    BOOST_TEST(r.point == (XY{100, 20}));
    BOOST_TEST(r.segment == 1);
    BOOST_TEST(r.parcelId == 3);
    r = idx.snap({99.5, 99.2}, 1); // frame corner beats frame edge
    BOOST_TEST(r.kind == edit::SnapKind::SheetFrame);
    BOOST_TEST(r.point == (XY{100, 100}));
    BOOST_TEST(r.vertex == 2);
    r = idx.snap({-49.5, 20}, 1); // closing edge of a closed frame
    BOOST_TEST(r.segment == 3);
    idx.clearLines();
    BOOST_TEST(!idx.snap({99.5, 20}, 1).found());
    idx.clearPoints();
    BOOST_TEST(!idx.snap({30.2, 29.9}, 1).found());
}

BOOST_AUTO_TEST_CASE(snap_index_update_remove_vertices_at)
{
    edit::SnapIndex idx(5);
    idx.build({{1, rect(0, 0, 10, 10)}, {2, rect(10, 0, 20, 10)}, {3, rect(0, 10, 10, 20)}});
    auto v = idx.verticesAt({10.01, 10}, 0.05);
    BOOST_REQUIRE_EQUAL(v.size(), 3u);
    std::set<int64_t> ids;
    for (const auto &x : v) {
        ids.insert(x.parcelId);
        BOOST_TEST(x.point == (XY{10, 10}));
    }
    BOOST_TEST((ids == std::set<int64_t>{1, 2, 3}));
    auto s = idx.segmentsAt({10, 5}, 0.1);
    BOOST_TEST(s.size() == 2u); // shared edge of 1 and 2
    // Move parcel 2 away: the old place snaps to nothing of it.
    idx.update(2, rect(100, 0, 110, 10));
    BOOST_TEST(idx.verticesAt({10, 10}, 0.05).size() == 2u);
    BOOST_TEST(idx.snap({105, 10.2}, 0.5).parcelId == 2);
    BOOST_TEST(idx.parcel(2) != nullptr);
    BOOST_TEST((idx.parcelsInBox(99, -1, 101, 1) == std::vector<int64_t>{2}));
    BOOST_TEST((idx.parcelsInBox(2, 2, 3, 3) == std::vector<int64_t>{1})); // box inside a parcel
    // A parcel much larger than the cells (a forest lot) is found from deep inside.
    idx.update(9, rect(1000, 1000, 2000, 2000));
    BOOST_TEST((idx.parcelsInBox(1500, 1500, 1501, 1501) == std::vector<int64_t>{9}));
    BOOST_TEST(idx.snap({1500, 1999.9}, 0.5).parcelId == 9);
    idx.remove(9);
    BOOST_TEST(idx.parcelsInBox(1500, 1500, 1501, 1501).empty());
    idx.remove(2);
    BOOST_TEST(!idx.snap({105, 10.2}, 0.5).found());
    BOOST_TEST(idx.parcel(2) == nullptr);
    BOOST_TEST(idx.parcelCount() == 2u);
    idx.remove(42); // unknown: no-op
    BOOST_TEST(idx.parcelCount() == 2u);
}

BOOST_AUTO_TEST_CASE(snap_index_answers_right_at_100k_parcels)
{
    // 100 000 parcels of 20 m × 25 m with 6 vertices (a jittered grid). Only
    // the answers are checked here; the timings are in bench_editor.
    edit::ParcelGeoms parcels;
    parcels.reserve(100000);
    const int cols = 400;
    for (int i = 0; i < 100000; ++i) {
        const double x = 500000 + (i % cols) * 20.0, y = 1200000 + (i / cols) * 25.0;
        parcels.push_back({i + 1, poly({{x, y}, {x + 10, y}, {x + 20, y}, {x + 20, y + 25}, {x + 10, y + 25}, {x, y + 25}})});
    }
    edit::SnapIndex idx;
    idx.build(parcels);
    BOOST_TEST(idx.parcelCount() == 100000u);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(500000, 500000 + cols * 20.0), uy(1200000, 1200000 + 250 * 25.0);
    // Every query within 1.5 m of the grid's lines snaps to the nearest vertex or segment.
    int found = 0, right = 0;
    const int queries = 2000;
    for (int q = 0; q < queries; ++q) {
        const XY p{ux(rng), uy(rng)};
        const auto r = idx.snap(p, 1.5);
        if (!r.found())
            continue;
        ++found;
        const double d = std::hypot(r.point.x - p.x, r.point.y - p.y);
        right += d <= 1.5 + 1e-9 && std::abs(r.distance - d) < 1e-9;
    }
    // Lines every 10 m × 25 m: about 1 query in 3.5 lies within 1.5 m of one.
    BOOST_TEST(found > queries / 10);
    BOOST_TEST(right == found);
    // Updates replace the geometry in place: the moved corner snaps, the old one is gone.
    for (int i = 1; i <= 1000; ++i)
        idx.update(i, parcels[i - 1].second);
    BOOST_TEST(idx.parcelCount() == 100000u);
    {
        MultiPoly moved = parcels[0].second;
        moved[0].rings[0][0] = {499999, 1199999};
        idx.update(1, moved);
        const auto r = idx.snap({499999.2, 1199999.2}, 0.5, edit::SnapToVertex);
        BOOST_TEST(r.found());
        BOOST_TEST(r.point == (XY{499999, 1199999}));
        BOOST_TEST(idx.verticesAt({500000, 1200000}, 1e-6).empty());
        idx.update(1, parcels[0].second);
    }
    // Zoomed out to the whole 8 km × 6 km block, 10 px are about 100 m: still the nearest.
    const auto wide = idx.snap({500000 + 4000.4, 1200000 + 3000.3}, 100, edit::SnapToVertex);
    BOOST_TEST(wide.point == (XY{504000, 1200000 + 3000}));
    // Avoid-overlap on a parcel drawn across four parcels of the 100 000, with the
    // neighbours picked through the index.
    const double cx = 500000 + 200 * 20.0, cy = 1200000 + 120 * 25.0;
    const MultiPoly sketch = poly({{cx - 5, cy - 5}, {cx + 5, cy - 5}, {cx + 5, cy + 5}, {cx - 5, cy + 5}});
    edit::ParcelGeoms near;
    for (int64_t id : idx.parcelsInBox(cx - 6, cy - 6, cx + 6, cy + 6))
        near.push_back({id, *idx.parcel(id)});
    const auto clip = edit::clipByNeighbours(sketch, near, 0.5);
    BOOST_TEST(near.size() == 4u);
    BOOST_TEST(!clip.ok); // the sketch lies wholly on existing parcels
    BOOST_TEST(clip.clippedBy.size() == 4u);
    // A large tolerance (zoomed out) still answers, and correctly.
    const auto r = idx.snap({500000 + 3, 1200000 + 3}, 50);
    BOOST_TEST(r.kind == edit::SnapKind::ParcelVertex);
    BOOST_TEST(r.point == (XY{500000, 1200000}));
}

// ----------------------------------------------------------------- numbering

BOOST_AUTO_TEST_CASE(next_parcel_number)
{
    BOOST_TEST(edit::nextParcelNumber({}) == 1);
    BOOST_TEST(edit::nextParcelNumber({3, 17, 5}) == 18);
}

BOOST_AUTO_TEST_CASE(renumber_zig_zag)
{
    // Three bands of 10 m: top band west→east, middle east→west, bottom west→east.
    const std::vector<std::pair<int64_t, XY>> pts{
        {11, {50, 95}}, {12, {10, 92}}, {13, {30, 98}},  // top band
        {21, {15, 85}}, {22, {45, 81}}, {23, {30, 88}},  // middle band
        {31, {40, 75}}, {32, {5, 71}},                   // bottom band
    };
    const auto n = edit::renumberZigZag(pts, 10);
    BOOST_REQUIRE_EQUAL(n.size(), 8u);
    BOOST_TEST(n.at(12) == 1);
    BOOST_TEST(n.at(13) == 2);
    BOOST_TEST(n.at(11) == 3);
    BOOST_TEST(n.at(22) == 4);
    BOOST_TEST(n.at(23) == 5);
    BOOST_TEST(n.at(21) == 6);
    BOOST_TEST(n.at(32) == 7);
    BOOST_TEST(n.at(31) == 8);
    BOOST_TEST(edit::renumberZigZag({}, 10).empty());
    BOOST_CHECK_THROW(edit::renumberZigZag(pts, 0), std::invalid_argument);
}

// --------------------------------------------------------------- typed input

BOOST_AUTO_TEST_CASE(typed_bearing_distance_xy)
{
    const double expected = (123 + 45 / 60.0 + 30 / 3600.0) * kPi / 180.0;
    for (const char *t : {"123°45'30\"", "123 45 30", "123:45:30", "123-45-30", " 123°45'30\" "}) {
        const auto b = edit::parseBearing(t);
        BOOST_REQUIRE_MESSAGE(b, t);
        BOOST_TEST(std::abs(*b - expected) < 1e-12);
    }
    const auto dec = edit::parseBearing("123.7583");
    BOOST_REQUIRE(dec);
    BOOST_TEST(std::abs(*dec - 123.7583 * kPi / 180.0) < 1e-12);
    const auto quadrant = edit::parseBearing("S56°15'E"); // quadrant bearing: 180° − 56°15'
    BOOST_REQUIRE(quadrant);
    BOOST_TEST(std::abs(*quadrant - (180 - 56.25) * kPi / 180.0) < 1e-12);
    std::string err;
    BOOST_TEST(!edit::parseBearing("abc", &err));
    BOOST_TEST(err.find("abc") != std::string::npos);
    BOOST_TEST(!edit::parseBearing("360", &err));
    BOOST_TEST(!edit::parseBearing("", &err));

    BOOST_TEST(*edit::parseDistance("12,5") == 12.5);
    BOOST_TEST(*edit::parseDistance("12.5 m") == 12.5);
    BOOST_TEST(!edit::parseDistance("-3", &err));
    BOOST_TEST(!edit::parseDistance("x", &err));

    // Surveyor order: X (north) first, then Y (east).
    auto p = edit::parseXY("1234567.89 567890.12");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->y == 1234567.89);
    BOOST_TEST(p->x == 567890.12);
    p = edit::parseXY("1234567,89; 567890,12");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->y == 1234567.89);
    BOOST_TEST(p->x == 567890.12);
    p = edit::parseXY("1234567.5,567890.25");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->y == 1234567.5);
    BOOST_TEST(p->x == 567890.25);
    p = edit::parseXY("1234567.5, 567890.25");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->x == 567890.25);
    // Labels decide, whatever the order.
    for (const char *t : {"X=1234567.89 Y=567890.12", "Y=567890.12 X=1234567.89", "y: 567890.12; x: 1234567.89",
                          "X = 1234567,89 Y = 567890,12"}) {
        p = edit::parseXY(t);
        BOOST_REQUIRE_MESSAGE(p, t);
        BOOST_TEST(p->y == 1234567.89);
        BOOST_TEST(p->x == 567890.12);
    }
    BOOST_TEST(!edit::parseXY("X=1 X=2", &err));
    BOOST_TEST(!edit::parseXY("X=1 2", &err));
    BOOST_TEST(!edit::parseXY("1234567.89", &err));
    BOOST_TEST(!edit::parseXY("1 2 3", &err));
    BOOST_TEST(!edit::parseXY("a b", &err));
    BOOST_TEST(err.find("X (bắc)") != std::string::npos);

    // Polar: bearing clockwise from north, x = east.
    const XY o{1000, 2000};
    XY q = edit::polarPoint(o, 10, 0);
    BOOST_TEST(std::abs(q.x - 1000) < 1e-9);
    BOOST_TEST(std::abs(q.y - 2010) < 1e-9);
    q = edit::polarPoint(o, 10, kPi / 2);
    BOOST_TEST(std::abs(q.x - 1010) < 1e-9);
    BOOST_TEST(std::abs(q.y - 2000) < 1e-9);
    q = edit::polarPoint(o, 10, *edit::parseBearing("135"));
    BOOST_TEST(std::abs(q.x - (1000 + 10 / std::sqrt(2.0))) < 1e-9);
    BOOST_TEST(std::abs(q.y - (2000 - 10 / std::sqrt(2.0))) < 1e-9);
    BOOST_TEST(std::abs(edit::bearingBetween(o, q) - 3 * kPi / 4) < 1e-12);
    BOOST_TEST(edit::formatBearing(expected) == "123°45'30.0\"");
    BOOST_TEST(edit::formatBearing((59 + 59 / 60.0 + 59.99 / 3600) * kPi / 180, 1) == "60°00'00.0\"");
}

// ------------------------------------------------------------- avoid overlap

BOOST_AUTO_TEST_CASE(clip_square_overlapping_by_30cm_comes_back_touching)
{
    const MultiPoly neighbour = rect(0, 0, 10, 10);
    const auto r = edit::clipByNeighbours(rect(9.7, 0, 19.7, 10), {{1, neighbour}}, 0.5);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST((r.clippedBy == std::vector<int64_t>{1}));
    BOOST_TEST(r.invalidNeighbours.empty());
    BOOST_TEST(r.neighbourUpdates.empty());
    BOOST_TEST(overlapArea(r.geometry, neighbour) == 0.0);
    BOOST_TEST(std::abs(edit::area(r.geometry) - 97.0) < 1e-9);
    BOOST_TEST(std::abs(r.removedArea - 3.0) < 1e-9);
    BOOST_TEST(hasVertex(r.geometry, {10, 0}));
    BOOST_TEST(hasVertex(r.geometry, {10, 10}));
    BOOST_TEST(!hasVertex(r.geometry, {9.7, 0}));
    BOOST_TEST((vertexSet(r.geometry) == std::set<std::pair<double, double>>{{10, 0}, {19.7, 0}, {19.7, 10}, {10, 10}}));
    BOOST_TEST(edit::isValid(r.geometry));
}

BOOST_AUTO_TEST_CASE(clip_snaps_to_the_nearest_neighbour_vertex)
{
    // The neighbour has two vertices 0.5 m apart on its top edge; the drawn corner
    // (10.4, 10.1) is 0.41 m from (10,10) and 0.14 m from (10.5,10): it goes to (10.5,10).
    const MultiPoly neighbour = poly({{0, 0}, {0, 10}, {10, 10}, {10.5, 10}, {10.5, 0}});
    const auto r = edit::clipByNeighbours(poly({{10.4, 10.1}, {20, 10.1}, {20, 20}, {10.4, 20}}), {{1, neighbour}}, 0.45);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(hasVertex(r.geometry, {10.5, 10}));
    BOOST_TEST(!hasVertex(r.geometry, {10.4, 10.1}));
    BOOST_TEST(!hasVertex(r.geometry, {10, 10})); // GEOSSnap alone would take this first vertex in tolerance
    BOOST_TEST(edit::vertexCount(r.geometry) == 4u);
    BOOST_TEST(overlapArea(r.geometry, neighbour) == 0.0);
    BOOST_TEST(edit::isValid(r.geometry));
}

BOOST_AUTO_TEST_CASE(clip_deep_overlap_is_cut_and_t_junctions_go_into_the_neighbour)
{
    // 2 m deep overlap (beyond the snap tolerance): cut along the neighbour's edge.
    auto r = edit::clipByNeighbours(rect(8, 0, 18, 10), {{1, rect(0, 0, 10, 10)}}, 0.5);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(std::abs(edit::area(r.geometry) - 80.0) < 1e-9);
    BOOST_TEST(std::abs(r.removedArea - 20.0) < 1e-9);
    BOOST_TEST((vertexSet(r.geometry) == std::set<std::pair<double, double>>{{10, 0}, {18, 0}, {18, 10}, {10, 10}}));

    // The neighbour's edge is longer than the new parcel's: (10,0) and (10,10) are new
    // nodes on it, so the neighbour gets them too.
    const MultiPoly tall = rect(0, -5, 10, 15);
    r = edit::clipByNeighbours(rect(9.7, 0, 19.7, 10), {{4, tall}}, 0.5);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(overlapArea(r.geometry, tall) == 0.0);
    BOOST_TEST(hasVertex(r.geometry, {10, 0}));
    BOOST_TEST(hasVertex(r.geometry, {10, 10}));
    BOOST_REQUIRE_EQUAL(r.neighbourUpdates.size(), 1u);
    BOOST_TEST(r.neighbourUpdates[0].first == 4);
    const MultiPoly &nb = r.neighbourUpdates[0].second;
    BOOST_TEST(edit::vertexCount(nb) == 6u);
    BOOST_TEST(hasVertex(nb, {10, 0}));
    BOOST_TEST(hasVertex(nb, {10, 10}));
    BOOST_TEST(edit::isValid(nb));
    BOOST_TEST(std::abs(edit::area(nb) - 200.0) < 1e-9);
}

BOOST_AUTO_TEST_CASE(clip_closes_a_small_gap_onto_the_neighbour_edge)
{
    // Drawn 0.2 m short of the neighbour's edge x = 10, away from its corners.
    const MultiPoly neighbour = rect(0, 0, 10, 10);
    const auto r = edit::clipByNeighbours(rect(10.2, 2, 20, 8), {{1, neighbour}}, 0.5);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(hasVertex(r.geometry, {10, 2}));
    BOOST_TEST(hasVertex(r.geometry, {10, 8}));
    BOOST_TEST(overlapArea(r.geometry, neighbour) == 0.0);
    BOOST_REQUIRE_EQUAL(r.neighbourUpdates.size(), 1u);
    BOOST_TEST(hasVertex(r.neighbourUpdates[0].second, {10, 2}));
    BOOST_TEST(hasVertex(r.neighbourUpdates[0].second, {10, 8}));
}

BOOST_AUTO_TEST_CASE(clip_reports_invalid_neighbours_and_bad_candidates)
{
    // A bow-tie neighbour overlapping the new parcel: repaired for the clip and reported.
    const MultiPoly bowTie = poly({{8, 0}, {12, 10}, {12, 0}, {8, 10}});
    auto r = edit::clipByNeighbours(rect(10, 0, 20, 10), {{5, bowTie}, {6, rect(100, 100, 110, 110)}}, 0.01);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST((r.invalidNeighbours == std::vector<int64_t>{5}));
    BOOST_TEST((r.clippedBy == std::vector<int64_t>{5}));
    BOOST_TEST(r.removedArea > 1.0); // the bow tie's right triangle (10,5)-(12,10)-(12,0) was taken off
    BOOST_TEST(std::abs(r.removedArea - 10.0) < 1e-6);
    // Candidate inside the neighbour: nothing left.
    r = edit::clipByNeighbours(rect(2, 2, 4, 4), {{1, rect(0, 0, 10, 10)}}, 0.1);
    BOOST_TEST(!r.ok);
    BOOST_TEST(!r.error.empty());
    // Invalid candidate.
    r = edit::clipByNeighbours(poly({{0, 0}, {10, 10}, {10, 0}, {0, 10}}), {{1, rect(20, 0, 30, 10)}}, 0.1);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.error.find("không hợp lệ") != std::string::npos);
    // Already touching along a whole edge: nothing to clip, nothing to add.
    r = edit::clipByNeighbours(rect(10, 0, 20, 10), {{1, rect(0, 0, 10, 10)}}, 0.5);
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(r.clippedBy.empty());
    BOOST_TEST(r.neighbourUpdates.empty());
    BOOST_TEST(r.removedArea < 1e-12);
    BOOST_TEST((vertexSet(r.geometry) == std::set<std::pair<double, double>>{{10, 0}, {20, 0}, {20, 10}, {10, 10}}));
    // No neighbours near: unchanged.
    r = edit::clipByNeighbours(rect(0, 0, 5, 5), {{1, rect(20, 0, 30, 10)}}, 0.1);
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(std::abs(edit::area(r.geometry) - 25.0) < 1e-12);
    BOOST_TEST(r.clippedBy.empty());
}

BOOST_AUTO_TEST_CASE(clip_drops_sliver_parts)
{
    // Drawn 1 mm past the far side of the neighbour: a 6 mm² strip would be left there.
    auto r = edit::clipByNeighbours(rect(-0.001, 2, 15, 8), {{1, rect(0, 0, 10, 10)}}, 0.0);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.geometry.size() == 1u);
    BOOST_TEST(std::abs(edit::area(r.geometry) - 30.0) < 1e-9);
    // A bigger leftover is a real part and stays.
    r = edit::clipByNeighbours(rect(-0.5, 2, 15, 8), {{1, rect(0, 0, 10, 10)}}, 0.0);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.geometry.size() == 2u);
    // The threshold is an option.
    edit::ClipOptions strict;
    strict.minPartArea = 5.0;
    r = edit::clipByNeighbours(rect(-0.5, 2, 15, 8), {{1, rect(0, 0, 10, 10)}}, 0.0, strict);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(r.geometry.size() == 1u);
}

// -------------------------------------------------------- topological vertices

BOOST_AUTO_TEST_CASE(move_shared_vertex_moves_it_in_both_parcels)
{
    const edit::ParcelGeoms ps{{1, rect(0, 0, 10, 10)}, {2, rect(10, 0, 20, 10)}, {3, rect(30, 0, 40, 10)}};
    auto r = edit::moveVertex(ps, {10.02, 9.99}, {11, 12}, 0.05);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_REQUIRE_EQUAL(r.changed.size(), 2u);
    BOOST_TEST(r.changed[0].first == 1);
    BOOST_TEST(r.changed[1].first == 2);
    for (const auto &[id, g] : r.changed) {
        BOOST_TEST(hasVertex(g, {11, 12}));
        BOOST_TEST(!hasVertex(g, {10, 10}));
        BOOST_TEST(edit::vertexCount(g) == 4u);
    }
    BOOST_TEST(r.invalid.empty());
    BOOST_TEST(overlapArea(r.changed[0].second, r.changed[1].second) < 1e-9);
    // Nothing there.
    r = edit::moveVertex(ps, {5, 5}, {6, 6}, 0.05);
    BOOST_TEST(!r.ok);
    // A move that folds the ring over itself is returned but reported invalid.
    r = edit::moveVertex({{1, rect(0, 0, 10, 10)}}, {0, 0}, {20, 5}, 0.05);
    BOOST_REQUIRE(r.ok);
    BOOST_REQUIRE((r.invalid == std::vector<int64_t>{1}));
    BOOST_TEST(!r.invalidReasons[0].empty());
}

BOOST_AUTO_TEST_CASE(insert_and_delete_vertex_on_shared_edge)
{
    const edit::ParcelGeoms ps{{1, rect(0, 0, 10, 10)}, {2, rect(10, 0, 20, 10)}};
    auto r = edit::insertVertex(ps, {10.03, 4}, 0.05);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_REQUIRE_EQUAL(r.changed.size(), 2u);
    for (const auto &[id, g] : r.changed) {
        BOOST_TEST(hasVertex(g, {10, 4}));
        BOOST_TEST(edit::vertexCount(g) == 5u);
        BOOST_TEST(edit::isValid(g));
    }
    BOOST_TEST(std::abs(edit::area(r.changed[0].second) - 100.0) < 1e-12);
    BOOST_TEST(!edit::insertVertex(ps, {5, 5}, 0.05).ok);
    // Delete it again from both.
    const edit::ParcelGeoms after = r.changed;
    r = edit::deleteVertex(after, {10, 4.01}, 0.05);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_REQUIRE_EQUAL(r.changed.size(), 2u);
    for (const auto &[id, g] : r.changed) {
        BOOST_TEST(!hasVertex(g, {10, 4}));
        BOOST_TEST(edit::vertexCount(g) == 4u);
    }
    // A triangle keeps its 3 vertices: refused, nothing changed.
    r = edit::deleteVertex({{1, rect(0, 0, 10, 10)}, {2, poly({{10, 0}, {20, 0}, {10, 10}})}}, {10, 10}, 0.05);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.changed.empty());
    BOOST_TEST(r.error.find("3") != std::string::npos);
}

// ---------------------------------------------------------------- split/merge

BOOST_AUTO_TEST_CASE(split_by_line_then_merge_back)
{
    const MultiPoly square = rect(0, 0, 10, 10);
    auto s = edit::splitByLine(square, {{5, -1}, {5, 11}});
    BOOST_REQUIRE_MESSAGE(s.ok, s.error);
    BOOST_REQUIRE_EQUAL(s.parts.size(), 2u);
    for (const MultiPoly &p : s.parts) {
        BOOST_TEST(std::abs(edit::area(p) - 50.0) < 1e-9);
        BOOST_TEST(hasVertex(p, {5, 0}));
        BOOST_TEST(hasVertex(p, {5, 10}));
        BOOST_TEST(edit::vertexCount(p) == 4u);
    }
    BOOST_TEST(overlapArea(s.parts[0], s.parts[1]) == 0.0);
    BOOST_REQUIRE_EQUAL(s.newBoundaryVertices.size(), 2u);
    std::set<std::pair<double, double>> nb;
    for (const XY &v : s.newBoundaryVertices)
        nb.insert({v.x, v.y});
    BOOST_TEST((nb == std::set<std::pair<double, double>>{{5, 0}, {5, 10}}));

    // A bent line: two pieces that share its bend vertices.
    auto bent = edit::splitByLine(square, {{3, -1}, {3, 4}, {7, 6}, {7, 11}});
    BOOST_REQUIRE_MESSAGE(bent.ok, bent.error);
    BOOST_REQUIRE_EQUAL(bent.parts.size(), 2u);
    BOOST_TEST(hasVertex(bent.parts[0], {3, 4}));
    BOOST_TEST(hasVertex(bent.parts[1], {7, 6}));
    BOOST_TEST(std::abs(edit::area(bent.parts[0]) + edit::area(bent.parts[1]) - 100.0) < 1e-9);

    // A line in and out twice: three pieces, largest first.
    auto three = edit::splitByLine(square, {{2, -1}, {2, 11}, {8, 11}, {8, -1}});
    BOOST_REQUIRE_MESSAGE(three.ok, three.error);
    BOOST_REQUIRE_EQUAL(three.parts.size(), 3u);
    BOOST_TEST(std::abs(edit::area(three.parts[0]) - 60.0) < 1e-9);
    BOOST_TEST(std::abs(edit::area(three.parts[1]) - 20.0) < 1e-9);
    BOOST_TEST(std::abs(edit::area(three.parts[2]) - 20.0) < 1e-9);
    BOOST_TEST(three.newBoundaryVertices.size() == 4u);

    // A parcel with a pond (hole): the line through the hole still gives two pieces.
    const MultiPoly pond{Poly{{rect(0, 0, 10, 10)[0].rings[0], rect(4, 4, 6, 6)[0].rings[0]}}};
    auto holed = edit::splitByLine(pond, {{5, -1}, {5, 11}});
    BOOST_REQUIRE_MESSAGE(holed.ok, holed.error);
    BOOST_REQUIRE_EQUAL(holed.parts.size(), 2u);
    BOOST_TEST(std::abs(edit::area(holed.parts[0]) - 48.0) < 1e-9);
    BOOST_TEST(std::abs(edit::area(holed.parts[1]) - 48.0) < 1e-9);
    BOOST_TEST(hasVertex(holed.parts[0], {5, 4}));
    BOOST_TEST(holed.newBoundaryVertices.size() == 4u); // (5,0), (5,10) and the two on the pond

    // Lines that do not cross the parcel completely.
    BOOST_TEST(!edit::splitByLine(square, {{5, -1}, {5, 5}}).ok);
    BOOST_TEST(!edit::splitByLine(square, {{20, -1}, {20, 11}}).ok);
    BOOST_TEST(!edit::splitByLine(square, {{5, 5}}).ok);

    // Merge back: the split nodes are gone, the square is whole again.
    auto m = edit::merge(s.parts);
    BOOST_REQUIRE_MESSAGE(m.ok, m.error);
    BOOST_TEST(std::abs(edit::area(m.geometry) - 100.0) < 1e-9);
    BOOST_TEST(edit::vertexCount(m.geometry) == 4u);
    BOOST_TEST(m.removedVertices.size() == 2u);
    // ... unless a neighbour below still needs (5,0).
    m = edit::merge(s.parts, {{5, 0}});
    BOOST_REQUIRE_MESSAGE(m.ok, m.error);
    BOOST_TEST(edit::vertexCount(m.geometry) == 5u);
    BOOST_TEST(hasVertex(m.geometry, {5, 0}));
    BOOST_TEST(!hasVertex(m.geometry, {5, 10}));
}

BOOST_AUTO_TEST_CASE(merge_refuses_parts_that_do_not_share_an_edge)
{
    auto m = edit::merge({rect(0, 0, 10, 10), rect(20, 0, 30, 10)});
    BOOST_TEST(!m.ok);
    BOOST_TEST(m.error.find("liền kề") != std::string::npos);
    m = edit::merge({rect(0, 0, 10, 10), rect(10, 10, 20, 20)}); // corner only
    BOOST_TEST(!m.ok);
    BOOST_TEST(!edit::merge({rect(0, 0, 10, 10)}).ok);
    // Three in an L: one polygon of 6 vertices.
    m = edit::merge({rect(0, 0, 10, 10), rect(10, 0, 20, 10), rect(0, 10, 10, 20)});
    BOOST_REQUIRE_MESSAGE(m.ok, m.error);
    BOOST_TEST(m.geometry.size() == 1u);
    BOOST_TEST(edit::vertexCount(m.geometry) == 6u);
    BOOST_TEST(std::abs(edit::area(m.geometry) - 300.0) < 1e-9);
    BOOST_TEST(hasVertex(m.geometry, {10, 10})); // the re-entrant corner stays
}

// -------------------------------------------------------------------- tracing

BOOST_AUTO_TEST_CASE(trace_along_boundaries)
{
    const std::vector<MultiPoly> b{rect(0, 0, 10, 10), rect(10, 0, 20, 10)};
    auto t = edit::trace(b, {0.02, 5}, {15, 10.01}, 0.05);
    BOOST_REQUIRE_MESSAGE(t.ok, t.error);
    BOOST_REQUIRE_EQUAL(t.path.size(), 4u);
    BOOST_TEST(t.path[0] == (XY{0, 5}));
    BOOST_TEST(t.path[1] == (XY{0, 10}));
    BOOST_TEST(t.path[2] == (XY{10, 10}));
    BOOST_TEST(t.path[3] == (XY{15, 10}));
    BOOST_TEST(std::abs(t.length - 20.0) < 1e-9);
    // Both ends on the shared edge.
    t = edit::trace(b, {10, 2}, {10, 8}, 0.05);
    BOOST_REQUIRE_MESSAGE(t.ok, t.error);
    BOOST_REQUIRE_EQUAL(t.path.size(), 2u);
    BOOST_TEST(std::abs(t.length - 6.0) < 1e-9);
    // Crossing boundaries are noded: the way goes through the crossing (10,5).
    t = edit::trace({rect(0, 0, 10, 10), rect(5, 5, 15, 15)}, {2, 0}, {15, 15}, 0.05);
    BOOST_REQUIRE_MESSAGE(t.ok, t.error);
    BOOST_TEST(std::abs(t.length - 28.0) < 1e-9);
    BOOST_TEST((std::find(t.path.begin(), t.path.end(), XY{10, 5}) != t.path.end()));
    // Off the boundaries, and not connected.
    BOOST_TEST(!edit::trace(b, {5, 5}, {15, 10}, 0.05).ok);
    t = edit::trace({rect(0, 0, 10, 10), rect(50, 0, 60, 10)}, {0, 5}, {50, 5}, 0.05);
    BOOST_TEST(!t.ok);
    BOOST_TEST(!t.error.empty());
}

// ------------------------------------------------- combined: digitize 5 parcels

namespace {

/// Clips each drawn parcel against the ones before it (applying the neighbour
/// updates) and validates the result with the topology engine.
void digitizeAndValidate(const std::vector<MultiPoly> &drawn, double snapTol)
{
    edit::ParcelGeoms done;
    for (size_t i = 0; i < drawn.size(); ++i) {
        const auto r = edit::clipByNeighbours(drawn[i], done, snapTol);
        BOOST_REQUIRE_MESSAGE(r.ok, "parcel " << i + 1 << ": " << r.error);
        BOOST_TEST(r.invalidNeighbours.empty());
        for (const auto &[id, g] : r.neighbourUpdates)
            for (auto &d : done)
                if (d.first == id)
                    d.second = g;
        done.push_back({static_cast<int64_t>(i + 1), r.geometry});
    }
    std::vector<model::Parcel> parcels;
    for (const auto &[id, g] : done) {
        BOOST_TEST(edit::isValid(g));
        for (const auto &[id2, g2] : done)
            if (id2 > id)
                BOOST_TEST(overlapArea(g, g2) < 1e-9, "overlap " << id << "/" << id2);
        model::Parcel p;
        p.id = id;
        p.uuid = "p" + std::to_string(id);
        p.communeCode = "22222";
        p.toSo = 1;
        p.thuaSo = static_cast<int>(id);
        p.landuseCode = "ONT";
        p.measuredArea = edit::area(g);
        p.wkb = edit::toWkb(g);
        parcels.push_back(std::move(p));
    }
    topology::ValidationContext context;
    const auto report = topology::validate(parcels, context);
    for (const auto &issue : report.issues)
        BOOST_TEST_MESSAGE(topology::ruleId(issue.rule) << ": " << issue.message);
    BOOST_TEST(report.count(topology::Rule::Overlap) == 0u);
    BOOST_TEST(report.count(topology::Rule::Gap) == 0u);
    BOOST_TEST(report.count(topology::Rule::UnmatchedVertex) == 0u);
    BOOST_TEST(report.count(topology::Rule::InvalidGeometry) == 0u);
    BOOST_TEST(report.count(topology::Rule::Sliver) == 0u);
    // The whole block has no hole: the union's area equals the sum of the parcels.
    double sum = 0;
    std::vector<MultiPoly> all;
    for (const auto &[id, g] : done) {
        sum += edit::area(g);
        all.push_back(g);
    }
    const auto whole = edit::merge(all);
    BOOST_REQUIRE_MESSAGE(whole.ok, whole.error);
    BOOST_TEST(std::abs(edit::area(whole.geometry) - sum) < 1e-6);
    BOOST_TEST(whole.geometry[0].rings.size() == 1u); // no hole
}

/// Five parcels drawn by hand: corners up to 0.45 m off the neighbours'
/// corners, edges overlapping or short of them.
std::vector<MultiPoly> fiveDrawnParcels()
{
    return {
        rect(0, 0, 20, 30),
        poly({{19.8, 0.1}, {40.2, 0.1}, {40.2, 30.1}, {19.8, 30.1}}),
        poly({{-0.2, 29.8}, {40.1, 29.8}, {40.1, 50}, {-0.2, 50.3}}),
        poly({{40, -0.3}, {60, -0.3}, {60, 50.2}, {40, 50.2}}),
        poly({{-0.1, 0.2}, {60.2, -0.1}, {60.1, -10}, {0, -10}}),
    };
}

} // namespace

BOOST_AUTO_TEST_CASE(five_parcels_clipped_one_after_another_validate_clean)
{
    digitizeAndValidate(fiveDrawnParcels(), 0.5);
}

BOOST_AUTO_TEST_CASE(five_parcels_rotated_at_vn2000_coordinates_validate_clean)
{
    // The same sketch turned by 17° and moved to VN-2000 magnitudes: the
    // intersection nodes are no longer round numbers.
    const double a = 17 * kPi / 180, c = std::cos(a), s = std::sin(a);
    std::vector<MultiPoly> drawn = fiveDrawnParcels();
    for (MultiPoly &mp : drawn)
        for (Poly &p : mp)
            for (Ring &r : p.rings)
                for (XY &v : r)
                    v = {552345.678 + c * v.x - s * v.y, 1201234.567 + s * v.x + c * v.y};
    digitizeAndValidate(drawn, 0.5);
}

BOOST_AUTO_TEST_CASE(twenty_jittered_sketches_validate_clean)
{
    // A 5 × 4 block of 20 m × 25 m parcels, each drawn with every corner off
    // by up to 0.15 m in x and y (the same corner differently in each parcel,
    // so two drawings of one corner stay within the 0.5 m snap tolerance),
    // turned and placed at VN-2000 magnitudes; several random sessions.
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        BOOST_TEST_CONTEXT("seed " << seed)
        {
            std::mt19937 rng(seed);
            std::uniform_real_distribution<double> jitter(-0.15, 0.15);
            const double a = (seed * 23 % 90) * kPi / 180, c = std::cos(a), s = std::sin(a);
            auto place = [&](double x, double y) {
                x += jitter(rng);
                y += jitter(rng);
                return XY{586000.25 + c * x - s * y, 1190000.75 + s * x + c * y};
            };
            std::vector<MultiPoly> drawn;
            for (int row = 0; row < 4; ++row)
                for (int col = 0; col < 5; ++col) {
                    const double x0 = col * 20.0, y0 = -row * 25.0;
                    drawn.push_back(poly({place(x0, y0), place(x0 + 20, y0), place(x0 + 20, y0 - 25),
                                          place(x0, y0 - 25)}));
                }
            digitizeAndValidate(drawn, 0.5);
        }
    }
}
