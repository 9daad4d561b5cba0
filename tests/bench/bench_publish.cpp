// bench_publish: `vnland publish` of N synthetic parcels (default 1 000 000)
// into PostGIS against `ogr2ogr -f PostgreSQL` loading the same parcel table
// in the same run (ratio = publish / ogr2ogr, target ≤ 1.0), then a
// re-publish of unchanged data and the cross-border overlap/gap check on the
// server's data (vnland validate-server, streamed batches).
// Needs a server: `source .ci/postgres.sh` (uses VNLAND_PG_SERVICE).
// Usage: bench_publish [N] [--keep DIR]
#include "bench_support.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

using namespace vnland;

int main(int argc, char **argv)
{
    long long n = 1000000;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--keep" && i + 1 < argc)
            dir = argv[++i];
        else
            n = std::atoll(argv[i]);
    }
    const char *service = std::getenv("VNLAND_PG_SERVICE");
    if (!service || !*service) {
        std::cerr << "bench_publish: VNLAND_PG_SERVICE is not set; start a server with `source .ci/postgres.sh`\n";
        return 2;
    }
    if (dir.empty())
        dir = (std::filesystem::temp_directory_path() / ("vnland-bench-publish-" + std::to_string(n))).string();
    std::filesystem::create_directories(dir);
    const std::string cli = VNLAND_CLI;
    const std::string conn = std::string("service=") + service;
    const std::string project = dir + "/synth.sqlite";
    if (!std::filesystem::exists(project)) {
        std::cerr << "generating " << n << " synthetic parcels …\n";
        const std::string gpkg = dir + "/synth.gpkg";
        if (bench::timeCommand("'" + cli + "' synth --parcels " + std::to_string(n) + " --seed 7 --out '" + gpkg +
                               "' --quiet") < 0 ||
            bench::timeCommand("'" + cli + "' import '" + gpkg + "' --into '" + project + "' --quiet >/dev/null") < 0)
            return 2;
        std::filesystem::remove(gpkg);
    }
    auto psql = [&](const std::string &sql) {
        return bench::timeCommand("psql -q -X -v ON_ERROR_STOP=1 '" + conn + "' -c \"" + sql + "\" >/dev/null");
    };
    if (psql("DROP SCHEMA IF EXISTS bench_vnland CASCADE; DROP SCHEMA IF EXISTS bench_ogr CASCADE; "
             "CREATE SCHEMA bench_ogr") < 0)
        return 2;

    const double ogr = bench::timeCommand("ogr2ogr -f PostgreSQL 'PG:" + conn + " active_schema=bench_ogr' '" + project +
                                          "' parcel -nln parcel -lco SCHEMA=bench_ogr -lco GEOMETRY_NAME=geom "
                                          "-lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES");
    const double publish = bench::timeCommand("'" + cli + "' publish '" + project + "' --to '" + conn +
                                              "' --schema bench_vnland --quiet");
    const double republish = bench::timeCommand("'" + cli + "' publish '" + project + "' --to '" + conn +
                                                "' --schema bench_vnland --quiet");
    const double check = bench::timeCommand("'" + cli + "' validate-server '" + conn +
                                            "' --schema bench_vnland --rules overlap,gap --quiet >/dev/null");
    if (ogr < 0 || publish < 0 || republish < 0 || check < 0)
        return 2;
    std::printf("bench_publish: %lld synthetic parcels (+ roads/canals) into PostGIS\n", n);
    std::printf("  ogr2ogr -f PostgreSQL (parcel table, COPY, GiST): %8.2f s\n", ogr);
    std::printf("  vnland publish (schema, merge, history, indexes):  %8.2f s   ratio %.2f (target <= 1.0)\n", publish,
                publish / ogr);
    std::printf("  vnland publish again, unchanged data:              %8.2f s\n", republish);
    std::printf("  validate-server overlap+gap across borders:        %8.2f s\n", check);
    psql("DROP SCHEMA IF EXISTS bench_vnland CASCADE; DROP SCHEMA IF EXISTS bench_ogr CASCADE");
    return 0;
}
