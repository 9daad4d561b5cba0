// Raster preparation for the vectorizer: strip-wise reading of any GDAL
// raster into 8-bit grey, lighting flattened, local binarisation, despeckle,
// linework/text separation, line width, gap closure.
#include "vectorize/vectorize_internal.h"

#include "io/ogr_util.h"

#include <gdal_priv.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace vnland::vectorize::detail {

bool loadGrey(const std::string &path, int stripRows, LoadedRaster &out, std::string &error,
              const std::atomic<bool> *cancel)
{
    io::ScopedGdalErrors errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) {
        error = path + ": cannot be read as a raster" + (errors.last().empty() ? "" : " (" + errors.last() + ")");
        return false;
    }
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize(), bands = ds->GetRasterCount();
    if (w < 16 || h < 16 || bands < 1) {
        error = path + ": the raster is empty or too small (" + std::to_string(w) + " × " + std::to_string(h) + " px)";
        return false;
    }
    if (static_cast<double>(w) * h > 2.0e9) {
        error = path + ": " + std::to_string(w) + " × " + std::to_string(h) + " px is larger than 2 gigapixels";
        return false;
    }
    out.hasGeoTransform = ds->GetGeoTransform(out.geoTransform.data()) == CE_None;
    if (out.hasGeoTransform && out.geoTransform == std::array<double, 6>{0, 1, 0, 0, 0, 1})
        out.hasGeoTransform = false;
    if (const char *wkt = ds->GetProjectionRef())
        out.wkt = wkt;

    GDALRasterBand *b1 = ds->GetRasterBand(1);
    const GDALColorTable *palette = b1->GetColorTable();
    const bool rgb = bands >= 3 && !palette;
    const GDALDataType type = b1->GetRasterDataType();
    // Stretch: 8-bit as is; 16-bit and 1-bit data by the band's range.
    double lo = 0, hi = 255;
    const char *nbits = b1->GetMetadataItem("NBITS", "IMAGE_STRUCTURE");
    if (type != GDT_Byte || (nbits && std::atoi(nbits) < 8)) {
        double mm[2] = {0, 255};
        if (b1->ComputeRasterMinMax(FALSE, mm) != CE_None) {
            error = path + ": cannot read the value range of band 1 (" + errors.last() + ")";
            return false;
        }
        lo = mm[0];
        hi = mm[1] > mm[0] ? mm[1] : mm[0] + 1;
    }
    std::vector<uint8_t> lut;
    if (palette) {
        lut.resize(256, 255);
        for (int i = 0; i < std::min(256, palette->GetColorEntryCount()); ++i) {
            const GDALColorEntry *e = palette->GetColorEntry(i);
            lut[i] = static_cast<uint8_t>(std::lround(0.299 * e->c1 + 0.587 * e->c2 + 0.114 * e->c3));
        }
    }
    out.grey.create(h, w, CV_8U);
    std::vector<float> buf;
    const int rows = std::max(16, stripRows);
    for (int y0 = 0; y0 < h; y0 += rows) {
        if (cancel && cancel->load())
            return false;
        const int n = std::min(rows, h - y0);
        buf.assign(static_cast<size_t>(w) * n * (rgb ? 3 : 1), 0.f);
        CPLErr err = CE_None;
        if (rgb) {
            int bandMap[3] = {1, 2, 3};
            err = ds->RasterIO(GF_Read, 0, y0, w, n, buf.data(), w, n, GDT_Float32, 3, bandMap, 4, 4 * w, 4 * w * n, nullptr);
        } else {
            err = b1->RasterIO(GF_Read, 0, y0, w, n, buf.data(), w, n, GDT_Float32, 0, 0, nullptr);
        }
        if (err != CE_None) {
            error = path + ": read error at row " + std::to_string(y0) + " (" + errors.last() + ")";
            return false;
        }
        const size_t plane = static_cast<size_t>(w) * n;
        for (int y = 0; y < n; ++y) {
            uint8_t *dst = out.grey.ptr<uint8_t>(y0 + y);
            for (int x = 0; x < w; ++x) {
                const size_t i = static_cast<size_t>(y) * w + x;
                double v;
                if (rgb)
                    v = 0.299 * buf[i] + 0.587 * buf[i + plane] + 0.114 * buf[i + 2 * plane];
                else if (palette)
                    v = lut[std::clamp(static_cast<int>(buf[i]), 0, 255)];
                else
                    v = buf[i];
                if (!palette && (lo != 0 || hi != 255))
                    v = (v - lo) * 255.0 / (hi - lo);
                dst[x] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
            }
        }
    }
    return true;
}

cv::Mat flattenLighting(const cv::Mat &grey, int windowPx)
{
    // The paper brightness varies slowly: a max-filter (removes the ink) on a
    // copy reduced 8×, smoothed, scaled back; the scan divided by it.
    const int f = 8;
    cv::Mat small;
    cv::resize(grey, small, cv::Size(std::max(1, grey.cols / f), std::max(1, grey.rows / f)), 0, 0, cv::INTER_AREA);
    const int k = std::max(3, (windowPx / f) | 1);
    cv::Mat bg;
    cv::dilate(small, bg, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::GaussianBlur(bg, bg, cv::Size(0, 0), k);
    cv::max(bg, cv::Scalar(16), bg);
    cv::Mat bgFull;
    cv::resize(bg, bgFull, grey.size(), 0, 0, cv::INTER_LINEAR);
    cv::Mat flat;
    cv::divide(grey, bgFull, flat, 255.0);
    return flat;
}

cv::Mat binarize(const cv::Mat &flatIn, int windowPx, double k, double sigmas, int minContrast)
{
    // Lightly smoothed (noise halves, thin lines stay), then two tests, either makes ink:
    // Sauvola, T = m·(1 + k·(s/R − 1)) over a window (text, strong lines), and a global
    // contrast test against the paper level for faded lines: darker than the paper by
    // 4 σ of the paper's own noise (measured on the bright side of the histogram, where
    // there is no ink). Mean and deviation in strips so the float buffers stay small.
    cv::Mat flat;
    cv::GaussianBlur(flatIn, flat, cv::Size(0, 0), 0.8);
    std::array<int64_t, 256> hist{};
    for (int y = 0; y < flat.rows; y += 2) {
        const uint8_t *p = flat.ptr<uint8_t>(y);
        for (int x = 0; x < flat.cols; x += 2)
            ++hist[p[x]];
    }
    int mode = 255;
    for (int v = 0; v < 256; ++v)
        if (hist[v] > hist[mode])
            mode = v;
    int64_t upper = 0;
    for (int v = mode + 1; v < 256; ++v)
        upper += hist[v];
    int sigma = 2;
    int64_t acc = 0;
    for (int v = mode + 1; v < 256 && upper > 0; ++v) {
        acc += hist[v];
        if (acc >= 0.68 * upper) {
            sigma = std::max(2, v - mode);
            break;
        }
    }
    if (upper < 100) // paper clipped at white: take the width of the lower side near the mode
        sigma = 3;
    const double globalT = mode - std::max(double(minContrast), sigmas * sigma);
    const int win = std::max(3, windowPx | 1), half = win / 2;
    cv::Mat ink(flat.size(), CV_8U, cv::Scalar(0));
    const int strip = 512;
    for (int y0 = 0; y0 < flat.rows; y0 += strip) {
        const int y1 = std::min(flat.rows, y0 + strip);
        const int a = std::max(0, y0 - half), b = std::min(flat.rows, y1 + half);
        cv::Mat part = flat.rowRange(a, b), m, sq;
        cv::boxFilter(part, m, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        cv::sqrBoxFilter(part, sq, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        for (int y = y0; y < y1; ++y) {
            const uint8_t *src = flat.ptr<uint8_t>(y);
            const float *pm = m.ptr<float>(y - a), *ps = sq.ptr<float>(y - a);
            uint8_t *dst = ink.ptr<uint8_t>(y);
            for (int x = 0; x < flat.cols; ++x) {
                const double s = std::sqrt(std::max(0.0, static_cast<double>(ps[x]) - double(pm[x]) * pm[x]));
                const double t = pm[x] * (1 + k * (s / 128.0 - 1));
                dst[x] = ((src[x] < t && src[x] < mode - 2 * sigma) || src[x] < globalT) ? 255 : 0;
            }
        }
    }
    return ink;
}

cv::Mat binarizeText(const cv::Mat &flat, int windowPx, double k)
{
    const int win = std::max(3, windowPx | 1), half = win / 2;
    cv::Mat ink(flat.size(), CV_8U, cv::Scalar(0));
    const int strip = 512;
    for (int y0 = 0; y0 < flat.rows; y0 += strip) {
        const int y1 = std::min(flat.rows, y0 + strip);
        const int a = std::max(0, y0 - half), b = std::min(flat.rows, y1 + half);
        cv::Mat part = flat.rowRange(a, b), m, sq;
        cv::boxFilter(part, m, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        cv::sqrBoxFilter(part, sq, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        for (int y = y0; y < y1; ++y) {
            const uint8_t *src = flat.ptr<uint8_t>(y);
            const float *pm = m.ptr<float>(y - a), *ps = sq.ptr<float>(y - a);
            uint8_t *dst = ink.ptr<uint8_t>(y);
            for (int x = 0; x < flat.cols; ++x) {
                const double s = std::sqrt(std::max(0.0, static_cast<double>(ps[x]) - double(pm[x]) * pm[x]));
                const double t = pm[x] * (1 + k * (s / 128.0 - 1));
                dst[x] = (src[x] < t && src[x] < 215) ? 255 : 0;
            }
        }
    }
    return ink;
}

InkParts separateInk(const cv::Mat &ink, int glyphMaxPx, int speckPx)
{
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<uint8_t> kind(n, 0); // 0 none, 1 line, 2 text
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        // Rows of faded or blurred text run together into blobs wider than a glyph: small, compact
        // (ink fills a fair share of the box, which a line piece at any angle does not) and no
        // thinner than a glyph row, they are text too.
        const bool fusedText = w <= 5 * glyphMaxPx / 2 && h <= 3 * glyphMaxPx / 2 && std::min(w, h) >= glyphMaxPx / 3 &&
                               area >= 0.2 * w * h;
        if ((w > glyphMaxPx || h > glyphMaxPx) && !fusedText)
            kind[i] = 1;
        else if (area >= speckPx)
            kind[i] = 2;
    }
    InkParts parts;
    parts.lines.create(ink.size(), CV_8U);
    parts.text.create(ink.size(), CV_8U);
    for (int y = 0; y < ink.rows; ++y) {
        const int *l = labels.ptr<int>(y);
        uint8_t *pl = parts.lines.ptr<uint8_t>(y), *pt = parts.text.ptr<uint8_t>(y);
        for (int x = 0; x < ink.cols; ++x) {
            const uint8_t k = kind[l[x]];
            pl[x] = k == 1 ? 255 : 0;
            pt[x] = k == 2 ? 255 : 0;
        }
    }
    return parts;
}

double estimateLineWidth(const cv::Mat &lines)
{
    int64_t area = 0, boundary = 0;
    for (int y = 1; y + 1 < lines.rows; ++y) {
        const uint8_t *p = lines.ptr<uint8_t>(y), *u = lines.ptr<uint8_t>(y - 1), *d = lines.ptr<uint8_t>(y + 1);
        for (int x = 1; x + 1 < lines.cols; ++x) {
            if (!p[x])
                continue;
            ++area;
            boundary += !p[x - 1] + !p[x + 1] + !u[x] + !d[x];
        }
    }
    // A line of width w and length L: area w·L and 2L boundary pixel edges.
    return boundary > 0 ? 2.0 * static_cast<double>(area) / static_cast<double>(boundary) : 1.0;
}

cv::Mat closeGaps(const cv::Mat &lines, int gapPx)
{
    if (gapPx < 2)
        return lines.clone();
    cv::Mat out = lines.clone();
    const int len = gapPx + 2;
    for (int a = 0; a < 12; ++a) {
        const double t = a * CV_PI / 12;
        const int r = len / 2 + 1;
        cv::Mat k(2 * r + 1, 2 * r + 1, CV_8U, cv::Scalar(0));
        cv::line(k, cv::Point(r - static_cast<int>(std::lround(std::cos(t) * len / 2.0)),
                              r - static_cast<int>(std::lround(std::sin(t) * len / 2.0))),
                 cv::Point(r + static_cast<int>(std::lround(std::cos(t) * len / 2.0)),
                           r + static_cast<int>(std::lround(std::sin(t) * len / 2.0))),
                 cv::Scalar(1), 1, cv::LINE_8);
        cv::Mat closed;
        cv::morphologyEx(lines, closed, cv::MORPH_CLOSE, k, cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
        cv::bitwise_or(out, closed, out);
    }
    return out;
}

} // namespace vnland::vectorize::detail
