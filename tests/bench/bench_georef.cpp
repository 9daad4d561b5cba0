// Georeferencing warp benchmark: a generated 10 000 × 10 000 px scanned sheet
// warped with the same GCPs (the sheet's true grid crosses), transform
// (polynomial 2), resampling (bilinear), output grid, compression and threads
// by `vnland georef warp` and by `gdalwarp` in the same run. Prints both times
// and the ratio (target <= 1.0), plus how far apart the two rasters are.
// Usage: bench_georef [size-px] [work-dir]
//
// bench_georef detect [sheets] [dpi] [parcels-file]: grid-cross detection on
// generated sheets with realistic non-affine paper distortion (seeds 1…N),
// from three frame corners clicked to the pixel: crosses found, seeds kept,
// worst distance from the truth, polynomial-2 fit within 0.2 mm × 1000.
#include "bench_support.h"

#include "georef/cross_detector.h"
#include "georef/gcp_fit.h"
#include "georef/gcp_set.h"
#include "georef/sample_scan.h"
#include "georef/transform.h"
#include "georef/warp.h"

#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <iostream>

using namespace vnland::georef;

static double meanAbsDiff(const std::string &a, const std::string &b)
{
    GDALDatasetUniquePtr da(GDALDataset::Open(a.c_str(), GDAL_OF_RASTER)), db(GDALDataset::Open(b.c_str(), GDAL_OF_RASTER));
    if (!da || !db || da->GetRasterXSize() != db->GetRasterXSize() || da->GetRasterYSize() != db->GetRasterYSize())
        return -1;
    const int w = da->GetRasterXSize(), h = da->GetRasterYSize();
    // Full-resolution rows, every 50th row: nearest-neighbour decimation would hide nothing.
    std::vector<unsigned char> ra(w), rb(w), aa(w), ab(w);
    double sum = 0;
    long n = 0;
    for (int y = 0; y < h; y += 50) {
        if (da->GetRasterBand(1)->RasterIO(GF_Read, 0, y, w, 1, ra.data(), w, 1, GDT_Byte, 0, 0) != CE_None
            || db->GetRasterBand(1)->RasterIO(GF_Read, 0, y, w, 1, rb.data(), w, 1, GDT_Byte, 0, 0) != CE_None
            || da->GetRasterBand(2)->RasterIO(GF_Read, 0, y, w, 1, aa.data(), w, 1, GDT_Byte, 0, 0) != CE_None
            || db->GetRasterBand(2)->RasterIO(GF_Read, 0, y, w, 1, ab.data(), w, 1, GDT_Byte, 0, 0) != CE_None)
            return -1;
        for (int x = 0; x < w; ++x)
            if (aa[x] && ab[x]) {
                sum += std::abs(int(ra[x]) - int(rb[x]));
                ++n;
            }
    }
    return n ? sum / n : -1;
}

static int benchDetect(int sheets, double dpi, const std::string &parcels)
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "vnland-bench-georef-detect";
    fs::create_directories(dir);
    const auto frame = vnland::crs::sheetFrame("322500-5-d");
    std::string err;
    std::vector<std::vector<PointD>> lines;
    if (!parcels.empty()) {
        lines = readLines(parcels, 5899, &err);
        if (lines.empty()) {
            std::cerr << err << "\n";
            return 2;
        }
    }
    int found = 0, total = 0, seedsKept = 0, passes = 0, beyondTolerance = 0;
    const int first = std::getenv("VNLAND_BENCH_FIRST_SEED") ? std::atoi(std::getenv("VNLAND_BENCH_FIRST_SEED")) : 1;
    double worst = 0, seconds = 0;
    for (int k = first; k < first + sheets; ++k) {
        SampleScanOptions opt = realisticScanOptions(dpi);
        opt.seed = static_cast<unsigned>(k);
        opt.lines = lines;
        const SampleScan scan = renderSampleScan(*frame, opt);
        const std::string path = (dir / "sheet.jpg").string();
        if (!writeScanImage(scan, path, &err)) {
            std::cerr << err << "\n";
            return 2;
        }
        GcpSet seeds;
        for (const Gcp &t : scan.truth.points())
            if (t.id == "r0c0" || t.id == "r0c5" || t.id == "r5c0") {
                Gcp g = t;
                g.pixelX = std::round(t.pixelX + 0.7), g.pixelY = std::round(t.pixelY - 0.8);
                seeds.add(g);
            }
        DetectOptions dopt;
        dopt.scale = 1000;
        const double t0 = vnland::bench::now();
        const DetectResult res = detectCrosses(path, sheetTargets(*frame), seeds, dopt);
        seconds += vnland::bench::now() - t0;
        if (!res.ok) {
            std::cerr << res.error << "\n";
            return 2;
        }
        int sheetFound = 0;
        double sheetWorst = 0, maxOffset = 0;
        for (size_t i = 0; i < res.crosses.size(); ++i) {
            const auto &d = res.crosses[i];
            seedsKept += d.seed && d.accepted;
            maxOffset = std::max(maxOffset, d.offsetPx);
            if (!d.accepted)
                std::printf("  sheet %d: %s rejected, %.2f px from the truth: %s\n", k, d.target.id.c_str(),
                            std::hypot(d.found.x - scan.truth.at(i).pixelX, d.found.y - scan.truth.at(i).pixelY),
                            d.reason.c_str());
            if (d.accepted) {
                ++sheetFound;
                sheetWorst = std::max(sheetWorst, std::hypot(d.found.x - scan.truth.at(i).pixelX, d.found.y - scan.truth.at(i).pixelY));
            }
        }
        // True crosses further from the polynomial 2 through the others than the tolerance.
        std::vector<PointD> px, mp;
        scan.truth.enabledPoints(px, mp);
        for (size_t i = 0; i < px.size(); ++i) {
            std::vector<PointD> p2, m2;
            for (size_t j = 0; j < px.size(); ++j)
                if (j != i)
                    p2.push_back(px[j]), m2.push_back(mp[j]);
            const auto m = TransformModel::fit(TransformType::Polynomial2, p2, m2);
            const PointD p = m->inverse(mp[i]);
            beyondTolerance += std::hypot(p.x - px[i].x, p.y - px[i].y) > res.tolerancePx;
        }
        const auto affine = fitGcps(scan.truth, TransformType::Affine, 1000);
        const auto poly2 = fitGcps(res.gcps, TransformType::Polynomial2, 1000);
        passes += poly2.pass;
        found += sheetFound;
        total += static_cast<int>(res.crosses.size());
        worst = std::max(worst, sheetWorst);
        std::printf("sheet %2d: %d of %zu crosses, worst %.2f px from the truth, largest judged offset %.2f px "
                    "(threshold %.2f), truth affine/poly2 mean error %.3f/%.3f m\n",
                    k, sheetFound, res.crosses.size(), sheetWorst, maxOffset, res.thresholdPx, affine.meanErrorMap,
                    fitGcps(scan.truth, TransformType::Polynomial2, 1000).meanErrorMap);
    }
    std::printf("%d sheets at %.0f dpi: %d of %d crosses found, %d of %d seeds kept, worst %.2f px from the truth, "
                "%d true crosses beyond the tolerance from polynomial 2, polynomial-2 fit of the detected crosses "
                "within 0.2 mm x 1000 on %d sheets, detection %.2f s per sheet\n",
                sheets, dpi, found, total, seedsKept, 3 * sheets, worst, beyondTolerance, passes, seconds / sheets);
    fs::remove_all(dir);
    return found == total ? 0 : 1;
}

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    GDALAllRegister();
    if (argc > 1 && std::string(argv[1]) == "detect")
        return benchDetect(argc > 2 ? std::atoi(argv[2]) : 10, argc > 3 ? std::atof(argv[3]) : 300,
                           argc > 4 ? argv[4] : "");
    const int size = argc > 1 ? std::atoi(argv[1]) : 10000;
    const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "vnland-bench-georef";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string cli = VNLAND_CLI;
    const std::string scan = (dir / "scan.tif").string(), truth = (dir / "truth.points").string();
    // 580 mm of paper × 0.985 = size px → dpi.
    const double dpi = size / (580 * 0.985 / 25.4);
    std::cout << "Generating a " << size << " × " << size << " px scan (" << dpi << " dpi) …\n";
    if (vnland::bench::timeCommand("'" + cli + "' georef sample --sheet 322500-5-d --oversample 1 --noise 3 --dpi "
                                   + std::to_string(dpi) + " --out '" + scan + "' --truth '" + truth + "' >/dev/null")
        < 0)
        return 2;
    std::string err;
    const auto gcps = GcpSet::readPoints(truth, &err);
    if (!gcps) {
        std::cerr << err << "\n";
        return 2;
    }
    std::vector<PointD> px, mp;
    gcps->enabledPoints(px, mp);
    const auto model = TransformModel::fit(TransformType::Polynomial2, px, mp, &err);
    if (!model) {
        std::cerr << err << "\n";
        return 2;
    }
    const std::string vrt = (dir / "scan_gcps.vrt").string();
    if (!writeGeoreferencedVrt(scan, *gcps, *model, 5899, vrt, &err)) {
        std::cerr << err << "\n";
        return 2;
    }
    int w = 0, h = 0;
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(scan.c_str(), GDAL_OF_RASTER));
        w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    }
    const OutputGrid grid = outputGrid(w, h, *model);
    const auto &g = grid.geoTransform;
    char te[512];
    std::snprintf(te, sizeof te, "-te %.6f %.6f %.6f %.6f -ts %d %d", g[0], g[3] + g[5] * grid.height,
                  g[0] + g[1] * grid.width, g[3], grid.width, grid.height);
    // Warm the file cache once for both.
    vnland::bench::timeCommand("cat '" + scan + "' >/dev/null");
    const std::string common = std::string(" -order 2 -r bilinear ") + te
                               + " -co TILED=YES -co COMPRESS=DEFLATE -co BIGTIFF=IF_SAFER -dstalpha -wm 256 -q -overwrite '"
                               + vrt + "' ";
    const std::string gdalOut1 = (dir / "gdalwarp_1.tif").string(), gdalOutN = (dir / "gdalwarp_n.tif").string();
    const double tGdal1 = vnland::bench::timeCommand("gdalwarp" + common + "'" + gdalOut1 + "'");
    const double tGdalN = vnland::bench::timeCommand("gdalwarp -multi -wo NUM_THREADS=ALL_CPUS" + common + "'" + gdalOutN + "'");
    const std::string gdalOutT = (dir / "gdalwarp_t.tif").string();
    const double tGdalT = vnland::bench::timeCommand("gdalwarp -multi -wo NUM_THREADS=ALL_CPUS -co NUM_THREADS=ALL_CPUS" + common
                                                     + "'" + gdalOutT + "'");
    const std::string ours = (dir / "vnland.tif").string();
    const double tOurs = vnland::bench::timeCommand("'" + cli + "' georef warp '" + scan + "' --gcps '" + truth
                                                    + "' --transform polynomial2 --resampling bilinear --crs 5899"
                                                      " --no-overviews --quiet --out '" + ours + "' >/dev/null");
    if (tGdal1 < 0 || tGdalN < 0 || tGdalT < 0 || tOurs < 0)
        return 2;
    std::printf("scan: %d x %d px, output %d x %d px, polynomial 2 from %zu GCPs, bilinear, DEFLATE, alpha\n", w, h,
                grid.width, grid.height, px.size());
    std::printf("gdalwarp (single-threaded, default):          %.2f s\n", tGdal1);
    std::printf("gdalwarp -multi -wo NUM_THREADS=ALL_CPUS:     %.2f s\n", tGdalN);
    std::printf("gdalwarp, threaded warp and compression:      %.2f s\n", tGdalT);
    std::printf("vnland georef warp (threaded warp+compress):  %.2f s\n", tOurs);
    std::printf("ratio vnland/gdalwarp (default):  %.2f (target <= 1.0)\n", tOurs / tGdal1);
    std::printf("ratio vnland/gdalwarp (threaded): %.2f (target <= 1.0)\n", tOurs / tGdalN);
    std::printf("ratio vnland/gdalwarp (threaded warp+compress): %.2f (target <= 1.0)\n", tOurs / tGdalT);
    std::printf("mean |difference| vnland vs gdalwarp, grey levels over valid pixels: %.3f\n", meanAbsDiff(ours, gdalOutN));
    fs::remove_all(dir);
    return 0;
}
