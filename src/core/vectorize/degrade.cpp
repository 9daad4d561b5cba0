// Degraded scans for tests and benchmarks (see degrade.h).
#include "vectorize/degrade.h"

#include <gdal_priv.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace vnland::vectorize {

namespace {

// JPEG round trip through GDAL's in-memory file system (OpenCV's imgcodecs is not linked).
void jpegRoundTrip(cv::Mat &img, int quality)
{
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver *jpeg = GetGDALDriverManager()->GetDriverByName("JPEG");
    if (!mem || !jpeg)
        return;
    GDALDatasetUniquePtr src(mem->Create("", img.cols, img.rows, 1, GDT_Byte, nullptr));
    if (!src || src->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, img.cols, img.rows, img.data, img.cols, img.rows, GDT_Byte,
                                                0, static_cast<GSpacing>(img.step), nullptr) != CE_None)
        return;
    const std::string path = "/vsimem/vnland_degrade_" + std::to_string(reinterpret_cast<uintptr_t>(img.data)) + ".jpg";
    char **opts = CSLSetNameValue(nullptr, "QUALITY", std::to_string(quality).c_str());
    GDALDatasetUniquePtr out(jpeg->CreateCopy(path.c_str(), src.get(), FALSE, opts, nullptr, nullptr));
    CSLDestroy(opts);
    if (out) {
        out.reset();
        GDALDatasetUniquePtr back(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
        if (back && back->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, img.cols, img.rows, img.data, img.cols, img.rows,
                                                     GDT_Byte, 0, static_cast<GSpacing>(img.step), nullptr) != CE_None)
            img.setTo(cv::Scalar(255)); // unreadable round trip: a blank page the tests would notice
    }
    VSIUnlink(path.c_str());
}

} // namespace

void degradeScan(std::vector<uint8_t> &pixels, int width, int height, const DegradeOptions &o)
{
    cv::Mat img(height, width, CV_8U, pixels.data());
    std::mt19937 rng(o.seed);
    std::uniform_int_distribution<int> ux(0, width - 1), uy(0, height - 1);
    // Broken lines: white discs where there is ink.
    const int breakR = std::max(1, static_cast<int>(std::lround(o.breakMm * o.pxPerMm / 2)));
    for (int i = 0, tries = 0; i < o.breaks && tries < o.breaks * 2000; ++tries) {
        const int x = ux(rng), y = uy(rng);
        if (img.at<uint8_t>(y, x) > 120)
            continue;
        cv::circle(img, {x, y}, breakR, cv::Scalar(235), cv::FILLED);
        ++i;
    }
    // Faded ink.
    if (o.fade > 0)
        img.convertTo(img, CV_8U, 1 - o.fade, 255 * o.fade);
    // Specks.
    std::uniform_real_distribution<double> ur(0.3, 1.0);
    for (int i = 0; i < o.specks; ++i) {
        const int r = std::max(0, static_cast<int>(std::lround(ur(rng) * o.speckMm * o.pxPerMm / 2)));
        cv::circle(img, {ux(rng), uy(rng)}, r, cv::Scalar(60), cv::FILLED);
    }
    if (o.blurPx > 0)
        cv::GaussianBlur(img, img, cv::Size(0, 0), o.blurPx);
    // Uneven light: a slow gradient plus a soft dark blob.
    if (o.lightRange > 0 || o.noise > 0) {
        std::normal_distribution<double> nd(0, o.noise);
        const double cx = width * 0.7, cy = height * 0.3, rad = 0.6 * std::max(width, height);
        for (int y = 0; y < height; ++y) {
            uint8_t *p = img.ptr<uint8_t>(y);
            for (int x = 0; x < width; ++x) {
                const double g = (double(x) / width + double(y) / height) / 2;
                const double blob = std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (rad * rad));
                const double light = 1 - o.lightRange / 255.0 * (0.6 * g + 0.4 * blob);
                const double v = p[x] * light + (o.noise > 0 ? nd(rng) : 0);
                p[x] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
            }
        }
    }
    if (o.jpegQuality > 0)
        jpegRoundTrip(img, o.jpegQuality);
}

} // namespace vnland::vectorize
