// Import benchmark: a synthetic shapefile of N parcels (default 100 000) loaded
// by `vnland import` and by `ogr2ogr -f SQLite -dsco SPATIALITE=YES` in the
// same run. Prints both times and the ratio (target <= 1.0) although VNLand
// also computes areas, checks validity, codes and identities.
// Usage: bench_import [N] [work-dir]
#include "bench_support.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    const long n = argc > 1 ? std::atol(argv[1]) : 100000;
    const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "vnland-bench-import";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string cli = VNLAND_CLI;
    const std::string shp = (dir / "synth.shp").string();
    std::cout << "Generating " << n << " parcels …\n";
    if (vnland::bench::timeCommand("'" + cli + "' synth --parcels " + std::to_string(n) + " --seed 7 --format shp --out '"
                                   + shp + "' >/dev/null") < 0)
        return 2;
    // Each tool runs three times, alternating, after `sync` so that one tool's dirty pages are not
    // flushed during the other's run; the best time of each counts.
    double tOgr = 1e9, tVn = 1e9;
    for (int round = 0; round < 3; ++round) {
        fs::remove(dir / "ogr.sqlite");
        std::system("sync");
        const double o = vnland::bench::timeCommand("ogr2ogr -f SQLite -dsco SPATIALITE=YES '"
                                                    + (dir / "ogr.sqlite").string() + "' '" + shp + "' 2>/dev/null");
        for (const char *ext : {"", "-wal", "-shm"})
            fs::remove(dir / (std::string("vnland.sqlite") + ext));
        std::system("sync");
        const double v = vnland::bench::timeCommand("'" + cli + "' import '" + shp + "' --into '"
                                                    + (dir / "vnland.sqlite").string() + "' --quiet");
        if (o < 0 || v < 0)
            return 2;
        tOgr = std::min(tOgr, o);
        tVn = std::min(tVn, v);
    }
    if (tOgr < 0 || tVn < 0)
        return 2;
    std::printf("parcels: %ld\n", n);
    std::printf("ogr2ogr -f SQLite -dsco SPATIALITE=YES: %.2f s\n", tOgr);
    std::printf("vnland import:                          %.2f s\n", tVn);
    std::printf("ratio vnland/ogr2ogr: %.2f (target <= 1.0)\n", tVn / tOgr);
    fs::remove_all(dir);
    return 0;
}
