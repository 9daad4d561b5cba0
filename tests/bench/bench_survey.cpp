// Survey-point import benchmark: a CSV of N survey points (default 1 000 000,
// header P,N,E,Z,D in VN-2000 / TM-3 metres) loaded by `vnland import-survey`
// and by `ogr2ogr -f SQLite -dsco SPATIALITE=YES` (CSV driver, point geometry
// from the N/E columns, spatial index) in the same run. Prints both times and
// the ratio (target <= 1.0) although VNLand also detects the layout, checks
// every line and writes the import log.
// Usage: bench_survey [N] [work-dir]
#include "bench_support.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    const long n = argc > 1 ? std::atol(argv[1]) : 1000000;
    const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "vnland-bench-survey";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string cli = VNLAND_CLI;
    const std::string csv = (dir / "points.csv").string();
    std::cout << "Writing " << n << " survey points …\n";
    {
        std::FILE *f = std::fopen(csv.c_str(), "w");
        if (!f)
            return 2;
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> dn(2300000.0, 2310000.0), de(570000.0, 580000.0), dz(2.0, 40.0);
        const char *codes[] = {"RG", "COT", "NHA", "TUONG", "MOC"};
        std::fputs("P,N,E,Z,D\n", f);
        for (long i = 1; i <= n; ++i)
            std::fprintf(f, "%ld,%.3f,%.3f,%.3f,%s\n", i, dn(rng), de(rng), dz(rng), codes[i % 5]);
        std::fclose(f);
    }
    const double tOgr = vnland::bench::timeCommand(
        "ogr2ogr -f SQLite -dsco SPATIALITE=YES -a_srs EPSG:5899 -nln survey_point -oo X_POSSIBLE_NAMES=E"
        " -oo Y_POSSIBLE_NAMES=N -oo KEEP_GEOM_COLUMNS=YES '"
        + (dir / "ogr.sqlite").string() + "' '" + csv + "' 2>/dev/null");
    const double tVn = vnland::bench::timeCommand("'" + cli + "' import-survey '" + csv + "' --into '"
                                                  + (dir / "vnland.sqlite").string() + "' --quiet");
    if (tOgr < 0 || tVn < 0)
        return 2;
    std::printf("survey points: %ld\n", n);
    std::printf("ogr2ogr -f SQLite -dsco SPATIALITE=YES: %.2f s\n", tOgr);
    std::printf("vnland import-survey:                   %.2f s\n", tVn);
    std::printf("ratio vnland/ogr2ogr: %.2f (target <= 1.0)\n", tVn / tOgr);
    fs::remove_all(dir);
    return 0;
}
