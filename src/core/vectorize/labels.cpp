// Parcel labels: glyph components grouped into label blocks (per parcel
// face, by proximity), split into text rows, and each row read by Tesseract
// with the characters its field allows.
#include "vectorize/vectorize_internal.h"

#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

namespace vnland::vectorize::detail {

namespace {

struct Glyph {
    cv::Rect box;
    int face = 0;
};

int findRoot(std::vector<int> &p, int i)
{
    while (p[i] != i)
        i = p[i] = p[p[i]];
    return i;
}

} // namespace

std::vector<LabelBlock> groupLabels(const cv::Mat &text, const cv::Mat &labels, double pxPerMm)
{
    cv::Mat cc, stats, centroids;
    const int n = cv::connectedComponentsWithStats(text, cc, stats, centroids, 8, CV_32S);
    cc.release();
    std::map<int, std::vector<Glyph>> byFace;
    for (int i = 1; i < n; ++i) {
        Glyph g;
        g.box = cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        const int cx = std::clamp(static_cast<int>(centroids.at<double>(i, 0)), 0, labels.cols - 1);
        const int cy = std::clamp(static_cast<int>(centroids.at<double>(i, 1)), 0, labels.rows - 1);
        g.face = labels.at<int>(cy, cx);
        byFace[g.face].push_back(g);
    }
    const double joinX = 0.9 * pxPerMm, joinY = 0.9 * pxPerMm, minRowH = 0.7 * pxPerMm;
    std::vector<LabelBlock> blocks;
    for (auto &[face, glyphs] : byFace) {
        std::vector<int> parent(glyphs.size());
        std::iota(parent.begin(), parent.end(), 0);
        for (size_t i = 0; i < glyphs.size(); ++i)
            for (size_t j = i + 1; j < glyphs.size(); ++j) {
                const cv::Rect &a = glyphs[i].box, &b = glyphs[j].box;
                const double gapX = std::max({0, b.x - (a.x + a.width), a.x - (b.x + b.width)});
                const double gapY = std::max({0, b.y - (a.y + a.height), a.y - (b.y + b.height)});
                if (gapX <= joinX && gapY <= joinY)
                    parent[findRoot(parent, static_cast<int>(i))] = findRoot(parent, static_cast<int>(j));
            }
        std::map<int, std::vector<int>> clusters;
        for (size_t i = 0; i < glyphs.size(); ++i)
            clusters[findRoot(parent, static_cast<int>(i))].push_back(static_cast<int>(i));
        for (auto &[root, members] : clusters) {
            (void)root;
            // Rows: glyphs whose vertical spans overlap (the decimal point joins its row).
            std::sort(members.begin(), members.end(), [&](int a, int b) {
                return glyphs[a].box.y + glyphs[a].box.height / 2.0 < glyphs[b].box.y + glyphs[b].box.height / 2.0;
            });
            std::vector<cv::Rect> rows;
            std::vector<int> tall; // glyphs per row that are tall enough to be characters
            // Tall glyphs first define rows; small ones (points, commas, specks) join the row they overlap.
            for (int pass = 0; pass < 2; ++pass)
                for (int m : members) {
                    const cv::Rect &b = glyphs[m].box;
                    const bool isTall = b.height >= minRowH;
                    if ((pass == 0) != isTall)
                        continue;
                    int best = -1;
                    double bestOverlap = 0;
                    for (size_t r = 0; r < rows.size(); ++r) {
                        const int top = std::max(rows[r].y, b.y), bottom = std::min(rows[r].y + rows[r].height, b.y + b.height);
                        const double ov = (bottom - top) / double(std::min(rows[r].height, b.height));
                        if (ov > 0.4 && ov > bestOverlap)
                            best = static_cast<int>(r), bestOverlap = ov;
                    }
                    if (best >= 0) {
                        rows[best] |= b;
                        tall[best] += isTall;
                    } else if (isTall) {
                        rows.push_back(b);
                        tall.push_back(1);
                    }
                }
            LabelBlock block;
            // Faded or blurred ink runs a label's rows into one another: a row about k times as high
            // as the block's lowest row (or than a printed row, ~1.8 mm, when it is alone) is split
            // at the k − 1 emptiest pixel rows of the text near where the cuts belong.
            int refH = 0;
            for (size_t r = 0; r < rows.size(); ++r)
                if (tall[r] > 0 && (refH == 0 || rows[r].height < refH))
                    refH = rows[r].height;
            for (size_t r = 0; r < rows.size(); ++r) {
                if (tall[r] == 0 || rows[r].height > 6 * pxPerMm)
                    continue;
                const double unit = rows.size() > 1 ? refH : std::max<double>(refH / 2.0, 1.8 * pxPerMm);
                int others = 0;   // a label has at most three rows: number, code, area
                for (size_t q = 0; q < rows.size(); ++q)
                    others += q != r && tall[q] > 0 && rows[q].height <= 6 * pxPerMm;
                const int k = std::clamp(static_cast<int>(std::lround(rows[r].height / std::max(1.0, unit))), 1, std::max(1, 3 - others));
                if (k == 1 || rows[r].height < 1.6 * unit) {
                    block.rows.push_back({rows[r]});
                    continue;
                }
                const cv::Rect &b = rows[r];
                std::vector<int> profile(b.height, 0);
                for (int y = 0; y < b.height; ++y)
                    profile[y] = cv::countNonZero(text(cv::Rect(b.x, b.y + y, b.width, 1)));
                int top = 0;
                for (int i = 1; i <= k; ++i) {
                    int cut = b.height;
                    if (i < k) {
                        const int expected = b.height * i / k, reach = std::max(1, b.height / (4 * k));
                        cut = expected;
                        for (int y = std::max(top + 1, expected - reach); y <= std::min(b.height - 2, expected + reach); ++y)
                            if (profile[y] < profile[cut])
                                cut = y;
                    }
                    // Shrink each piece to its ink.
                    int y0 = top, y1 = cut - 1;
                    while (y0 < y1 && profile[y0] == 0)
                        ++y0;
                    while (y1 > y0 && profile[y1] == 0)
                        --y1;
                    if (y1 - y0 + 1 >= minRowH / 2)
                        block.rows.push_back({cv::Rect(b.x, b.y + y0, b.width, y1 - y0 + 1)});
                    top = cut;
                }
            }
            if (block.rows.empty())
                continue;
            std::sort(block.rows.begin(), block.rows.end(), [](const LabelRow &a, const LabelRow &b) { return a.box.y < b.box.y; });
            block.box = block.rows.front().box;
            for (const auto &r : block.rows)
                block.box |= r.box;
            block.cx = block.box.x + block.box.width / 2.0;
            block.cy = block.box.y + block.box.height / 2.0;
            block.face = face;
            blocks.push_back(std::move(block));
        }
    }
    return blocks;
}

cv::Mat rowImage(const cv::Mat &flat, const cv::Mat &lines, const cv::Rect &box, int targetHeight)
{
    const cv::Rect r = (box + cv::Size(2, 2) - cv::Point(1, 1)) & cv::Rect(0, 0, flat.cols, flat.rows);
    cv::Mat crop = flat(r).clone();
    crop.setTo(cv::Scalar(255), lines(r));
    double lo = 0, hi = 255;
    cv::minMaxLoc(crop, &lo, &hi);
    if (hi - lo > 8)
        crop.convertTo(crop, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
    const double s = std::clamp(targetHeight / std::max(1.0, double(r.height)), 0.5, 8.0);
    cv::Mat scaled;
    cv::resize(crop, scaled, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    const int pad = targetHeight / 2;
    cv::Mat out;
    cv::copyMakeBorder(scaled, out, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

bool rowTouchesLines(const cv::Mat &lines, const cv::Rect &box)
{
    const cv::Rect r = (box + cv::Size(4, 4) - cv::Point(2, 2)) & cv::Rect(0, 0, lines.cols, lines.rows);
    return r.area() > 0 && cv::countNonZero(lines(r)) > 0;
}

cv::Mat touchingRowImage(const cv::Mat &flat, const cv::Rect &box, int targetHeight, double widenBy)
{
    const int dx = static_cast<int>(std::lround(widenBy * box.height));
    const cv::Rect r = cv::Rect(box.x - dx - 1, box.y - 1, box.width + 2 * dx + 2, box.height + 2) & cv::Rect(0, 0, flat.cols, flat.rows);
    if (r.area() <= 0)
        return {};
    // Long straight runs of the linework: the union of openings by one-pixel
    // segments, every 10°, a little longer than the row is high. Glyph strokes
    // are no longer than the row; the boundary runs through the whole crop.
    // The opening works on a margin around the crop so lines keep their length.
    const int len = std::max(5, static_cast<int>(std::lround(1.25 * box.height)));
    const cv::Rect big = (r + cv::Size(2 * len, 2 * len) - cv::Point(len, len)) & cv::Rect(0, 0, flat.cols, flat.rows);
    // The ink of the neighbourhood afresh (Otsu on the grey crop): the linework mask has been
    // closed across gaps by now and may have filled the touching glyphs.
    cv::Mat m;
    cv::threshold(flat(big), m, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat longRuns = cv::Mat::zeros(m.size(), CV_8U);
    for (int deg = 0; deg < 180; deg += 10) {
        const double a = deg * CV_PI / 180.0;
        const int hx = static_cast<int>(std::lround(std::abs(std::cos(a)) * len / 2.0));
        const int hy = static_cast<int>(std::lround(std::abs(std::sin(a)) * len / 2.0));
        cv::Mat k = cv::Mat::zeros(2 * hy + 1, 2 * hx + 1, CV_8U);
        const cv::Point c(hx, hy), d(static_cast<int>(std::lround(std::cos(a) * len / 2.0)),
                                     static_cast<int>(std::lround(-std::sin(a) * len / 2.0)));
        cv::line(k, c - d, c + d, cv::Scalar(1), 1, cv::LINE_8);
        cv::Mat opened;
        cv::morphologyEx(m, opened, cv::MORPH_OPEN, k, cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
        cv::bitwise_or(longRuns, opened, longRuns);
    }
    cv::dilate(longRuns, longRuns, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    const cv::Rect inBig(r.x - big.x, r.y - big.y, r.width, r.height);
    cv::Mat crop = flat(r).clone();
    crop.setTo(cv::Scalar(255), longRuns(inBig));
    double lo = 0, hi = 255;
    cv::minMaxLoc(crop, &lo, &hi);
    if (hi - lo > 8)
        crop.convertTo(crop, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
    const double s = std::clamp(targetHeight / std::max(1.0, double(r.height)), 0.5, 8.0);
    cv::Mat scaled;
    cv::resize(crop, scaled, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    const int pad = targetHeight / 2;
    cv::Mat out;
    cv::copyMakeBorder(scaled, out, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

struct RowReader::Impl {
    tesseract::TessBaseAPI api;
};

RowReader::RowReader(const std::string &dataPath, const std::string &language) : d(new Impl)
{
    m_ok = d->api.Init(dataPath.empty() ? nullptr : dataPath.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) == 0;
    if (m_ok)
        d->api.SetVariable("debug_file", "/dev/null");
}

RowReader::~RowReader()
{
    d->api.End();
    delete d;
}

LabelField RowReader::read(const cv::Mat &row, const std::string &whitelist, bool singleWord)
{
    LabelField f;
    if (!m_ok || row.empty())
        return f;
    d->api.SetPageSegMode(singleWord ? tesseract::PSM_SINGLE_WORD : tesseract::PSM_SINGLE_LINE);
    d->api.SetVariable("tessedit_char_whitelist", whitelist.c_str());
    d->api.SetImage(row.data, row.cols, row.rows, 1, static_cast<int>(row.step));
    d->api.SetSourceResolution(300);
    std::unique_ptr<char[]> t(d->api.GetUTF8Text());
    if (t) {
        std::string s(t.get());
        s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
        f.text = s;
    }
    f.confidence = std::clamp(d->api.MeanTextConf() / 100.0, 0.0, 1.0);
    d->api.Clear();
    return f;
}

} // namespace vnland::vectorize::detail
