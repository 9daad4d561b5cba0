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
            for (size_t r = 0; r < rows.size(); ++r)
                if (tall[r] > 0 && rows[r].height <= 6 * pxPerMm)
                    block.rows.push_back({rows[r]});
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
