// CRS benchmark: N points (default 10 000 000) WGS84 -> VN-2000 / TM-3 105-45
// (Hồ Chí Minh City) through the pinned Transformer (per-thread cached
// transforms, proj_trans_generic, both cores) and through `cct` running the
// very same pipeline on the same points in the same run. Prints both times
// and the ratio (target <= 1.0). Also the VN-2000 -> WGS84 direction, which
// makes two passes to hold h = 0 on the WGS84 side (cct -I: one pass).
// Usage: bench_crs [N] [threads]
#include "bench_support.h"

#include "crs/transformer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>
#include <vector>

namespace {

constexpr const char *kSource = "EPSG:4326";
constexpr const char *kTarget = "EPSG:9210";

/// Transforms x/y in place with @p threads threads, each with its own cached PJ.
double runOurs(std::vector<double> &x, std::vector<double> &y, unsigned threads, bool inverse, bool *ok)
{
    const size_t n = x.size();
    std::vector<std::thread> pool;
    std::vector<char> good(threads, 1);
    const double t0 = vnland::bench::now();
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            const size_t begin = n * t / threads, end = n * (t + 1) / threads;
            const auto *tr = vnland::crs::Transformer::cached(kSource, kTarget);
            if (!tr) {
                good[t] = 0;
                return;
            }
            constexpr size_t kChunk = 1 << 16;
            for (size_t i = begin; i < end; i += kChunk) {
                const size_t m = std::min(kChunk, end - i);
                const bool r = inverse ? tr->transformInverse(&x[i], &y[i], m) : tr->transform(&x[i], &y[i], m);
                good[t] = good[t] && r;
            }
        });
    }
    for (auto &th : pool)
        th.join();
    *ok = std::all_of(good.begin(), good.end(), [](char g) { return g != 0; });
    return vnland::bench::now() - t0;
}

bool writePoints(const std::string &path, const std::vector<double> &x, const std::vector<double> &y, int decimals)
{
    std::FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    for (size_t i = 0; i < x.size(); ++i)
        std::fprintf(f, "%.*f %.*f 0 0\n", decimals, x[i], decimals, y[i]);
    return std::fclose(f) == 0;
}

} // namespace

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    const size_t n = argc > 1 ? std::stoul(argv[1]) : 10000000;
    const unsigned threads = argc > 2 ? std::stoul(argv[2]) : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
    std::string err;
    auto plan = vnland::crs::Transformer::create(kSource, kTarget, &err);
    if (!plan) {
        std::cerr << err << "\n";
        return 2;
    }
    const std::string pipeline = plan->description();
    std::cout << "pipeline: " << pipeline << "\n";
    std::cout << "pinned EPSG:6960: " << (plan->usesPinnedOperation() ? "yes" : "NO") << "\n";

    // Points over southern and central Vietnam, lon/lat degrees.
    std::mt19937_64 rng(6960);
    std::uniform_real_distribution<double> lon(104.5, 107.5), lat(8.6, 16.0);
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) {
        x[i] = lon(rng);
        y[i] = lat(rng);
    }
    const fs::path dir = fs::temp_directory_path() / ("vnland-bench-crs-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string geoFile = (dir / "wgs84.txt").string();
    if (!writePoints(geoFile, x, y, 9))
        return 2;

    // Forward: WGS84 -> TM-3.
    std::vector<double> px = x, py = y;
    bool ok = false;
    const double tOurs = runOurs(px, py, threads, false, &ok);
    const double tCct = vnland::bench::timeCommand("cct -d 4 " + pipeline + " '" + geoFile + "' > /dev/null");
    if (!ok || tCct < 0) {
        std::cerr << "transformation failed\n";
        return 2;
    }
    // Same answers: compare the first 1000 points with cct's output.
    {
        const std::string sample = (dir / "sample.txt").string();
        std::vector<double> sx(x.begin(), x.begin() + std::min<size_t>(n, 1000)), sy(y.begin(), y.begin() + sx.size());
        writePoints(sample, sx, sy, 9);
        std::FILE *p = ::popen(("cct -d 4 " + pipeline + " '" + sample + "'").c_str(), "r");
        double worst = 0, a = 0, b = 0, c = 0, d = 0;
        size_t i = 0;
        while (p && std::fscanf(p, "%lf %lf %lf %lf", &a, &b, &c, &d) == 4 && i < sx.size()) {
            worst = std::max(worst, std::hypot(a - px[i], b - py[i]));
            ++i;
        }
        if (p)
            ::pclose(p);
        std::printf("agreement with cct on %zu points: max %.4f m (cct prints 0.1 mm)\n", i, worst);
    }

    // Inverse: TM-3 -> WGS84.
    const std::string tmFile = (dir / "tm3.txt").string();
    if (!writePoints(tmFile, px, py, 4))
        return 2;
    bool okInv = false;
    const double tOursInv = runOurs(px, py, threads, true, &okInv);
    const double tCctInv = vnland::bench::timeCommand("cct -I -d 9 " + pipeline + " '" + tmFile + "' > /dev/null");
    double drift = 0;
    for (size_t i = 0; i < n; i += 997)
        drift = std::max(drift, std::hypot((px[i] - x[i]) * 111320 * std::cos(y[i] * M_PI / 180), (py[i] - y[i]) * 111320));

    std::printf("points: %zu, threads: %u\n", n, threads);
    std::printf("WGS84 -> TM-3   vnland Transformer: %.2f s   cct: %.2f s   ratio vnland/cct: %.2f (target <= 1.0)\n",
                tOurs, tCct, tOurs / tCct);
    std::printf("TM-3 -> WGS84   vnland Transformer: %.2f s   cct -I: %.2f s   ratio vnland/cct: %.2f (two passes, h = 0 on WGS84)\n",
                tOursInv, tCctInv, tOursInv / tCctInv);
    std::printf("round trip drift (every 997th point): %.6f m; inverse ok: %s\n", drift, okInv ? "yes" : "NO");
    fs::remove_all(dir);
    return 0;
}
