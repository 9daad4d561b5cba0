// Survey-point import benchmark: a CSV of N survey points (default 1 000 000,
// header P,N,E,Z,D in VN-2000 / TM-3 metres) loaded by `vnland import-survey`
// and by `ogr2ogr -f SQLite -dsco SPATIALITE=YES` (CSV driver, point geometry
// from the N/E columns, spatial index) in the same run. Prints both times and
// the ratio (target <= 1.0) although VNLand also detects the layout, checks
// every line and writes the import log.
//
// Then the scaling check of `import-survey --build-parcels` on overlapping
// lines (issue #16: 28 k lines of one repeated block took 81 s, 10.4 GB):
// a point file of L boundary lines — the three-parcel block of
// tests/data/survey/block_coded.csv coded again and again on the same
// coordinates (3 lines per copy) — imported with L and 4·L lines. Prints
// both times, the peak memory and the ratio (linear: about 4, quadratic:
// about 16; target <= 6).
// Usage: bench_survey [N] [work-dir] [L, default 7000]
//        bench_survey parcels [L] [work-dir]   (the scaling check only)
#include "bench_support.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

namespace {

/// Writes @p lines boundary lines (a multiple of 3) of the repeated block.
bool writeRepeatedBlock(const std::string &path, long lines)
{
    std::FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    const double c[][2] = {{2300040, 575000}, {2300040, 575020}, {2300040, 575045}, {2300040, 575060},
                           {2300000, 575060}, {2300000, 575047.5}, {2300000, 575018.2}, {2300000, 575000}};
    std::fputs("P,N,E,Z,D\n", f);
    for (long k = 0; k < lines / 3; ++k) {
        const long a = 3 * k + 1, b = a + 1, d = a + 2; // outline, divider 2-7, divider 3-6
        const std::string code[8] = {"RG" + std::to_string(a),
                                     "RG" + std::to_string(a) + " RG" + std::to_string(b),
                                     "RG" + std::to_string(a) + " RG" + std::to_string(d),
                                     "RG" + std::to_string(a),
                                     "RG" + std::to_string(a),
                                     "RG" + std::to_string(a) + " RG" + std::to_string(d) + ".E",
                                     "RG" + std::to_string(a) + " RG" + std::to_string(b) + ".E",
                                     "RG" + std::to_string(a) + ".C"};
        for (int i = 0; i < 8; ++i)
            std::fprintf(f, "B%ld_%d,%.3f,%.3f,5.0,%s\n", k, i + 1, c[i][0], c[i][1], code[i].c_str());
    }
    return std::fclose(f) == 0;
}

/// Times the --build-parcels import of L and 4·L overlapping lines.
int parcelScaling(long lines, const std::filesystem::path &dir)
{
    const std::string cli = VNLAND_CLI;
    lines -= lines % 3;
    double t[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const long l = i == 0 ? lines : 4 * lines;
        const std::string csv = (dir / ("block_" + std::to_string(l) + ".csv")).string();
        const std::string db = (dir / ("block_" + std::to_string(l) + ".sqlite")).string();
        if (!writeRepeatedBlock(csv, l))
            return 2;
        t[i] = vnland::bench::timeCommand("'" + cli + "' import-survey '" + csv + "' --into '" + db
                                          + "' --build-parcels --quiet 2>/dev/null");
        if (t[i] < 0)
            return 2;
        std::printf("build-parcels, %6ld overlapping lines (%ld points): %.2f s\n", l, l / 3 * 8, t[i]);
    }
    std::printf("peak memory of an import: %.0f MiB\n", vnland::bench::childrenPeakMiB());
    std::printf("ratio 4n/n: %.2f (linear 4, quadratic 16; target <= 6)\n", t[1] / t[0]);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    if (argc > 1 && std::string(argv[1]) == "parcels") {
        const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "vnland-bench-survey";
        fs::remove_all(dir);
        fs::create_directories(dir);
        const int rc = parcelScaling(argc > 2 ? std::atol(argv[2]) : 7000, dir);
        fs::remove_all(dir);
        return rc;
    }
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
    const int rc = parcelScaling(argc > 3 ? std::atol(argv[3]) : 7000, dir);
    fs::remove_all(dir);
    return rc;
}
