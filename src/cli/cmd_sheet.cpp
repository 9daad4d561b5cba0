// vnland sheet id | frame | neighbours | grid — map sheet numbering of
// Circular 25/2014 Art. 5.5. X = north, Y = east, as Vietnamese users read them.
#include "args.h"
#include "commands.h"

#include "crs/map_sheet_grid.h"

#include <cstdio>
#include <iostream>

namespace vnland::cli {
namespace {

constexpr const char *kUsage =
    "Usage:\n"
    "  vnland sheet id X Y --scale 1000      sheet id (số hiệu mảnh) containing X (north), Y (east)\n"
    "  vnland sheet frame ID                 inner frame (khung trong) of a sheet\n"
    "  vnland sheet neighbours ID            the 8 sheets around it (N, NE, E, SE, S, SW, W, NW)\n"
    "  vnland sheet grid ID                  grid crosses (mắt lưới) every 10 cm of paper\n"
    "Scales: 10000, 5000, 2000, 1000, 500, 200. Grid parameters (defaults reproduce Viên Nội 301575-1-b):\n"
    "  --anchor-x 0 --anchor-y 500000        origin of the 6 km / 3 km cells, metres\n"
    "  --x-modulus 1000                      X in km is written modulo this (0 = full value)\n"
    "  --x-thousands 2000                    km added back to the 3-digit X of an id (1000 south of ~18°N)\n";

std::string m3(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

void printFrame(const crs::SheetFrame &f)
{
    std::cout << "Sheet " << f.id << "  scale 1:" << f.scale << "  " << m3(f.size()) << " m\n"
              << "Upper-left  X " << m3(f.maxNorth) << "  Y " << m3(f.minEast) << "\n"
              << "Upper-right X " << m3(f.maxNorth) << "  Y " << m3(f.maxEast) << "\n"
              << "Lower-right X " << m3(f.minNorth) << "  Y " << m3(f.maxEast) << "\n"
              << "Lower-left  X " << m3(f.minNorth) << "  Y " << m3(f.minEast) << "\n"
              << "WKT (Y X): " << f.wkt() << "\n";
}

} // namespace

int cmdSheet(const Argv &argv)
{
    Args a(argv, {"scale", "anchor-x", "anchor-y", "x-modulus", "x-thousands"}, {"help"});
    if (!a.ok() || a.has("help") || a.positional().empty()) {
        std::cerr << (a.ok() ? "" : "vnland sheet: " + a.error() + "\n") << kUsage;
        return a.has("help") ? 0 : 2;
    }
    crs::SheetGridParams p;
    try {
        p.anchorNorth = std::stod(a.value("anchor-x", "0"));
        p.anchorEast = std::stod(a.value("anchor-y", "500000"));
        p.xModulusKm = std::stoi(a.value("x-modulus", "1000"));
        p.xThousandsKm = std::stoi(a.value("x-thousands", "2000"));
    } catch (const std::exception &) {
        std::cerr << "vnland sheet: --anchor-x, --anchor-y, --x-modulus and --x-thousands take numbers\n";
        return 2;
    }
    const std::string sub = a.pos(0);
    std::string err;
    if (sub == "id") {
        if (a.positional().size() != 3 || !a.value("scale")) {
            std::cerr << "vnland sheet id: needs X Y and --scale\n" << kUsage;
            return 2;
        }
        double x = 0, y = 0;
        int scale = 0;
        try {
            x = std::stod(a.pos(1));
            y = std::stod(a.pos(2));
            scale = std::stoi(*a.value("scale"));
        } catch (const std::exception &) {
            std::cerr << "vnland sheet id: X, Y and --scale take numbers\n";
            return 2;
        }
        const auto f = crs::sheetAt(x, y, scale, p, &err);
        if (!f) {
            std::cerr << "vnland sheet id: " << err << "\n";
            return 2;
        }
        std::cout << f->id << "\n";
        return 0;
    }
    if (sub != "frame" && sub != "neighbours" && sub != "grid") {
        std::cerr << "vnland sheet: unknown sub-command '" << sub << "'\n" << kUsage;
        return 2;
    }
    if (a.positional().size() != 2) {
        std::cerr << "vnland sheet " << sub << ": needs one sheet id\n";
        return 2;
    }
    const auto f = crs::sheetFrame(a.pos(1), p, &err);
    if (!f) {
        std::cerr << "vnland sheet " << sub << ": " << err << "\n";
        return 2;
    }
    if (sub == "frame") {
        printFrame(*f);
    } else if (sub == "neighbours") {
        static const char *dirs[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
        const auto ns = crs::sheetNeighbours(*f, p);
        // sheetNeighbours skips sheets off the numbering range; recompute directions by position.
        for (const auto &n : ns) {
            const int dn = n.minNorth > f->minNorth ? 1 : (n.minNorth < f->minNorth ? -1 : 0);
            const int de = n.minEast > f->minEast ? 1 : (n.minEast < f->minEast ? -1 : 0);
            int k = 0;
            static const int dd[8][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
            while (k < 8 && (dd[k][0] != dn || dd[k][1] != de))
                ++k;
            std::cout << (k < 8 ? dirs[k] : "?") << "\t" << n.id << "\n";
        }
    } else {
        std::cout << "row\tcol\tX\tY\tframe\n";
        for (const auto &g : crs::gridCrosses(*f))
            std::cout << g.row << "\t" << g.col << "\t" << m3(g.north) << "\t" << m3(g.east) << "\t"
                      << (g.onFrame ? "1" : "0") << "\n";
    }
    return 0;
}

} // namespace vnland::cli
