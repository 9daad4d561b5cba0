// Map sheet numbering (Circular 25/2014 Art. 5.5): ids, frames, neighbours,
// grid crosses, the Viên Nội sheet 301575-1-b, and the `vnland sheet` CLI.
#define BOOST_TEST_MODULE sheet
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "crs/map_sheet_grid.h"

#include <cmath>
#include <random>

using namespace vnland;

BOOST_AUTO_TEST_CASE(vien_noi_sheet_301575_1_b)
{
    // Commune Viên Nội (Hà Nội), tờ 5, 1:1000: grid crosses E 575 500–576 000, N 2 300 500–2 301 000.
    const auto f = crs::sheetAt(2300750, 575750, 1000);
    BOOST_REQUIRE(f);
    BOOST_TEST(f->id == "301575-1-b");
    BOOST_TEST(f->minEast == 575500);
    BOOST_TEST(f->maxEast == 576000);
    BOOST_TEST(f->minNorth == 2300500);
    BOOST_TEST(f->maxNorth == 2301000);
    const auto back = crs::sheetFrame("301575-1-b");
    BOOST_REQUIRE(back);
    BOOST_TEST(back->minEast == 575500);
    BOOST_TEST(back->maxNorth == 2301000);
    BOOST_TEST(back->scale == 1000);
    // Its parents: 1:2000 sheet 1 is the top-left km of the 1:5000 sheet whose
    // number is the upper-left corner of its inner frame, X 2 301 km (truncated to 301), Y 575 km.
    const auto s5 = crs::sheetFrame("301575");
    BOOST_REQUIRE(s5);
    BOOST_TEST(s5->maxNorth == 2301000);
    BOOST_TEST(s5->minEast == 575000);
    BOOST_TEST(s5->size() == 3000);
    const auto s2 = crs::sheetFrame("301575-1");
    BOOST_REQUIRE(s2);
    BOOST_TEST(s2->maxNorth == 2301000);
    BOOST_TEST(s2->minEast == 575000);
    BOOST_TEST(s2->size() == 1000);
    const auto s9 = crs::sheetFrame("301575-9");
    BOOST_REQUIRE(s9);
    BOOST_TEST(s9->minNorth == 2298000);
    BOOST_TEST(s9->maxEast == 578000);
    // The 6 km 1:10000 sheet around it.
    BOOST_TEST(crs::sheetAt(2300750, 575750, 10000)->id == "10-304572");
    BOOST_TEST(crs::sheetFrame("10-304572")->minNorth == 2298000);
}

BOOST_AUTO_TEST_CASE(corner_belongs_to_the_sheet_above_and_right)
{
    // Cells are closed at the bottom/left: the upper-left corner of 301575 is the
    // lower-left corner of the 1:5000 sheet above it.
    BOOST_TEST(crs::sheetAt(2301000, 575000, 5000)->id == "304575");
    BOOST_TEST(crs::sheetAt(2300999.999, 575000, 5000)->id == "301575");
    BOOST_TEST(crs::sheetAt(2300500, 575500, 1000)->id == "301575-1-b");
    BOOST_TEST(crs::sheetAt(2300499.999, 575500, 1000)->id == "301575-1-d");
}

BOOST_AUTO_TEST_CASE(small_sheet_numbers)
{
    BOOST_TEST(crs::sheetAt(2300990, 575010, 500)->id == "301575-1-(1)");
    BOOST_TEST(crs::sheetAt(2300010, 575990, 500)->id == "301575-1-(16)");
    BOOST_TEST(crs::sheetAt(2300990, 575010, 200)->id == "301575-1-1");
    BOOST_TEST(crs::sheetAt(2300010, 575990, 200)->id == "301575-1-100");
    BOOST_TEST(crs::sheetAt(2300850, 575150, 200)->id == "301575-1-12"); // row 2, column 2
    const auto f = crs::sheetFrame("301575-1-(16)");
    BOOST_REQUIRE(f);
    BOOST_TEST(f->minNorth == 2300000);
    BOOST_TEST(f->minEast == 575750);
    BOOST_TEST(f->size() == 250);
    BOOST_TEST(crs::sheetFrame("301575-1-12")->size() == 100);
    BOOST_TEST(crs::sheetFrame("301575-1-12")->maxNorth == 2300900);
    BOOST_TEST(crs::sheetFrame("301575-1-12")->minEast == 575100);
    BOOST_TEST(crs::sheetFrame("301575-1-B")->id == "301575-1-b");
}

BOOST_AUTO_TEST_CASE(round_trip_every_scale)
{
    std::mt19937 rng(20140101);
    std::uniform_real_distribution<double> north(950000, 2600000), east(200000, 800000);
    for (int scale : crs::sheetScales()) {
        for (int i = 0; i < 2000; ++i) {
            const double n = north(rng), e = east(rng);
            std::string err;
            const auto f = crs::sheetAt(n, e, scale, {}, &err);
            BOOST_REQUIRE_MESSAGE(f, err);
            BOOST_REQUIRE(f->contains(n, e));
            BOOST_REQUIRE(std::fabs(f->size() - scale * (scale == 10000 ? 0.6 : scale == 5000 ? 0.6 : 0.5)) < 1e-9);
            crs::SheetGridParams p;
            // The id carries the X of the 1:5000 (or 1:10000) cell's top edge modulo 1000 km.
            const auto parent = crs::sheetAt(n, e, scale == 10000 ? 10000 : 5000);
            p.xThousandsKm = static_cast<int>(std::lround(parent->maxNorth / 1000) / 1000) * 1000;
            const auto back = crs::sheetFrame(f->id, p, &err);
            BOOST_REQUIRE_MESSAGE(back, err);
            BOOST_REQUIRE_EQUAL(back->id, f->id);
            BOOST_REQUIRE(back->contains(n, e));
            BOOST_REQUIRE_EQUAL(back->minNorth, f->minNorth);
            BOOST_REQUIRE_EQUAL(back->minEast, f->minEast);
            BOOST_REQUIRE_EQUAL(back->scale, scale);
        }
    }
}

BOOST_AUTO_TEST_CASE(neighbours_of_vien_noi)
{
    const auto f = crs::sheetFrame("301575-1-b");
    BOOST_REQUIRE(f);
    const auto ns = crs::sheetNeighbours(*f);
    BOOST_REQUIRE_EQUAL(ns.size(), 8u);
    BOOST_TEST(ns[0].id == "304575-7-d"); // north: across the 1:5000 sheet edge
    BOOST_TEST(ns[2].id == "301575-2-a"); // east
    BOOST_TEST(ns[4].id == "301575-1-d"); // south
    BOOST_TEST(ns[6].id == "301575-1-a"); // west
    for (const auto &n : ns) {
        const bool touches = n.maxNorth >= f->minNorth && n.minNorth <= f->maxNorth && n.maxEast >= f->minEast &&
                             n.minEast <= f->maxEast;
        BOOST_TEST(touches);
        BOOST_TEST(n.scale == 1000);
    }
}

BOOST_AUTO_TEST_CASE(sheets_covering_an_extent_and_serials)
{
    // An extent 1.2 km wide inside the Viên Nội 1:2000 sheets.
    auto sheets = crs::sheetsCovering(2300100, 575200, 2300900, 576400, 2000);
    BOOST_REQUIRE_EQUAL(sheets.size(), 2u);
    BOOST_TEST(sheets[0].id == "301575-1");
    BOOST_TEST(sheets[1].id == "301575-2");
    // Ending exactly on sheet lines does not reach into the next sheets.
    sheets = crs::sheetsCovering(2300500, 575500, 2301000, 576000, 1000);
    BOOST_REQUIRE_EQUAL(sheets.size(), 1u);
    BOOST_TEST(sheets[0].id == "301575-1-b");
    sheets = crs::sheetsCovering(2300400, 575400, 2301000, 576100, 1000);
    BOOST_REQUIRE_EQUAL(sheets.size(), 6u); // 2 rows x 3 columns
    BOOST_TEST(sheets[0].id == "301575-1-a");
    BOOST_TEST(sheets[2].id == "301575-2-a");
    BOOST_TEST(sheets[5].id == "301575-2-c");
    // A point gives its own sheet.
    BOOST_TEST(crs::sheetsCovering(2300750, 575750, 2300750, 575750, 1000).at(0).id == "301575-1-b");

    // Serials: smaller scale first, then top to bottom, left to right.
    std::vector<crs::SheetFrame> mixed = {*crs::sheetFrame("301575-1-d"), *crs::sheetFrame("301575-1-a"),
                                          *crs::sheetFrame("301575-2"), *crs::sheetFrame("301575-1-b")};
    crs::sortForSerials(mixed);
    BOOST_TEST(mixed[0].id == "301575-2");
    BOOST_TEST(mixed[1].id == "301575-1-a");
    BOOST_TEST(mixed[2].id == "301575-1-b");
    BOOST_TEST(mixed[3].id == "301575-1-d");
}

BOOST_AUTO_TEST_CASE(grid_crosses_every_10cm_of_paper)
{
    const auto f = crs::sheetFrame("301575-1-b");
    const auto g = crs::gridCrosses(*f);
    BOOST_REQUIRE_EQUAL(g.size(), 36u); // 50 cm frame: crosses at 0, 10, …, 50 cm
    BOOST_TEST(g.front().north == 2301000);
    BOOST_TEST(g.front().east == 575500);
    BOOST_TEST(g.back().north == 2300500);
    BOOST_TEST(g.back().east == 576000);
    BOOST_TEST(g[7].north == 2300900); // row 1, col 1: 100 m in
    BOOST_TEST(g[7].east == 575600);
    BOOST_TEST(!g[7].onFrame);
    BOOST_TEST(g[1].onFrame);
    BOOST_TEST(crs::gridCrosses(*crs::sheetFrame("301575")).size() == 49u); // 60 cm at 1:5000, 500 m apart
}

BOOST_AUTO_TEST_CASE(parameters_and_errors)
{
    crs::SheetGridParams full;
    full.xModulusKm = 0;
    BOOST_TEST(crs::sheetAt(2300750, 575750, 1000, full)->id == "2301575-1-b");
    BOOST_TEST(crs::sheetFrame("2301575-1-b", full)->maxNorth == 2301000);
    crs::SheetGridParams south;
    south.xThousandsKm = 1000;
    BOOST_TEST(crs::sheetFrame("194605", south)->maxNorth == 1194000);
    std::string err;
    BOOST_TEST(!crs::sheetFrame("301576", {}, &err));
    BOOST_TEST(err.find("3 km grid") != std::string::npos);
    BOOST_TEST(!crs::sheetFrame("30157-1", {}, &err));
    BOOST_TEST(!crs::sheetFrame("301575-1-(17)", {}, &err));
    BOOST_TEST(!crs::sheetFrame("10-304572-1", {}, &err));
    BOOST_TEST(!crs::sheetAt(2300750, 575750, 2500, {}, &err));
    BOOST_TEST(err.find("2500") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cli_sheet_commands)
{
    auto r = test::runCli("sheet id 2300750 575750 --scale 1000");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out == "301575-1-b\n");
    r = test::runCli("sheet frame 301575-1-b");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("Upper-left  X 2301000.000  Y 575500.000") != std::string::npos);
    BOOST_TEST(r.out.find("Lower-right X 2300500.000  Y 576000.000") != std::string::npos);
    r = test::runCli("sheet grid 301575-1-b");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 37);
    BOOST_TEST(r.out.find("1\t1\t2300900.000\t575600.000\t0") != std::string::npos);
    r = test::runCli("sheet neighbours 301575-1-b");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out.find("N\t304575-7-d") != std::string::npos);
    r = test::runCli("sheet frame 301576");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("301576") != std::string::npos);
}
