// The vectorizer pipeline (see vectorize.h): georeference and sheet frame,
// raster stages, faces through GEOS, labels through Tesseract, cross-checks.
#include "vectorize/vectorize.h"

#include "crs/map_sheet_grid.h"
#include "geom/geos_context.h"
#include "store/reference_data.h"
#include "topology/validation_context.h"
#include "vectorize/vectorize_internal.h"

#include <ogr_spatialref.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace vnland::vectorize {

using georef::PointD;
using geom::ctx;
using geom::GeomPtr;

std::string Candidate::reviewText() const
{
    std::string s;
    for (const auto &r : review)
        s += (s.empty() ? "" : ",") + r;
    return s;
}

int VectorizeResult::needReview() const
{
    return static_cast<int>(std::count_if(candidates.begin(), candidates.end(), [](const Candidate &c) { return !c.review.empty(); }));
}

namespace {

/// Levenshtein distance of two short codes.
int editDistance(const std::string &a, const std::string &b)
{
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

void addReason(Candidate &c, const std::string &r)
{
    if (std::find(c.review.begin(), c.review.end(), r) == c.review.end())
        c.review.push_back(r);
}

int epsgFromWkt(const std::string &wkt)
{
    if (wkt.empty())
        return 0;
    OGRSpatialReference srs;
    if (srs.importFromWkt(wkt.c_str()) != OGRERR_NONE)
        return 0;
    srs.AutoIdentifyEPSG();
    const char *code = srs.GetAuthorityCode(nullptr);
    return code ? std::atoi(code) : 0;
}

GeomPtr lineString(const std::vector<PointD> &pts)
{
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx(), static_cast<unsigned>(pts.size()), 2);
    for (size_t i = 0; i < pts.size(); ++i)
        GEOSCoordSeq_setXY_r(ctx(), seq, static_cast<unsigned>(i), pts[i].x, pts[i].y);
    return GeomPtr(GEOSGeom_createLineString_r(ctx(), seq));
}

// The letters the land-use codes are written with (the OCR whitelist of the code row).
std::string codeLetters()
{
    std::set<char> letters;
    for (const auto &[code, info] : store::landuseCodes())
        for (char ch : code)
            if (std::isalnum(static_cast<unsigned char>(ch)))
                letters.insert(ch);
    return std::string(letters.begin(), letters.end());
}

struct Clock {
    std::chrono::steady_clock::time_point t = std::chrono::steady_clock::now();
    double lap()
    {
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - t).count();
        t = now;
        return s;
    }
};

} // namespace

VectorizeResult vectorizeScan(const std::string &scanPath, const VectorizeOptions &o)
{
    VectorizeResult res;
    Clock clock;
    auto stage = [&](const char *name, double fraction) {
        res.timings.push_back({name, clock.lap()});
        if (o.progress)
            o.progress(fraction, name);
        if (o.cancel && o.cancel->load()) {
            res.cancelled = true;
            res.error = "cancelled";
            return false;
        }
        return true;
    };

    // --- Sheet frame and georeference ---
    std::string err;
    const auto frame = crs::sheetFrame(o.sheetId, {}, &err);
    if (!frame) {
        res.error = "--sheet " + o.sheetId + ": " + err;
        return res;
    }
    if (o.scale > 0 && frame->scale != o.scale) {
        res.error = "--sheet " + o.sheetId + " is a 1:" + std::to_string(frame->scale) + " sheet, not 1:" + std::to_string(o.scale);
        return res;
    }
    const int scale = frame->scale;
    detail::LoadedRaster raster;
    if (!detail::loadGrey(scanPath, o.stripRows, raster, res.error, o.cancel)) {
        if (o.cancel && o.cancel->load())
            res.cancelled = true, res.error = "cancelled";
        return res;
    }
    const int W = raster.grey.cols, H = raster.grey.rows;
    res.width = W;
    res.height = H;
    std::optional<georef::TransformModel> model;
    if (o.gcps.enabledCount() > 0) {
        std::vector<PointD> px, map;
        o.gcps.enabledPoints(px, map);
        model = georef::TransformModel::fit(o.transform, px, map, &err);
        if (!model) {
            res.error = scanPath + ": the GCPs do not give a " + georef::transformId(o.transform) + " transform (" + err + ")";
            return res;
        }
        res.epsg = o.epsg ? o.epsg : epsgFromWkt(o.gcps.crsWkt());
    } else if (raster.hasGeoTransform) {
        const auto &g = raster.geoTransform;
        std::vector<PointD> px = {{0, 0}, {double(W), 0}, {0, double(H)}, {double(W), double(H)}}, map;
        for (const auto &p : px)
            map.push_back({g[0] + g[1] * p.x + g[2] * p.y, g[3] + g[4] * p.x + g[5] * p.y});
        model = georef::TransformModel::fit(georef::TransformType::Affine, px, map, &err);
        res.epsg = o.epsg ? o.epsg : epsgFromWkt(raster.wkt);
    } else {
        res.error = scanPath + ": the scan has no georeference: give --gcps FILE.points (or a georeferenced GeoTIFF)";
        return res;
    }
    if (!model) {
        res.error = scanPath + ": unusable georeference (" + err + ")";
        return res;
    }
    if (res.epsg == 0)
        res.epsg = 5899;
    // Paper resolution: ground metres per pixel at the centre → pixels per paper mm.
    {
        const PointD c = model->forward({W / 2.0, H / 2.0}), cx = model->forward({W / 2.0 + 1, H / 2.0}),
                     cy = model->forward({W / 2.0, H / 2.0 + 1});
        const double mPerPx = std::sqrt(std::hypot(cx.x - c.x, cx.y - c.y) * std::hypot(cy.x - c.x, cy.y - c.y));
        res.pxPerMm = mPerPx > 0 ? scale / 1000.0 / mPerPx : 0;
    }
    if (!(res.pxPerMm > 0.5 && res.pxPerMm < 200)) {
        res.error = scanPath + ": the georeference gives " + std::to_string(res.pxPerMm) + " px per paper mm at 1:" +
                    std::to_string(scale) + " (wrong --scale or GCPs?)";
        return res;
    }
    const double ppm = res.pxPerMm, mPerMm = scale / 1000.0; // metres on the ground per paper mm
    // Frame in pixels (densified: the transform may bend), and the inset seed area.
    auto framePixels = [&](double insetM) {
        std::vector<cv::Point> poly;
        const double e0 = frame->minEast + insetM, e1 = frame->maxEast - insetM, n0 = frame->minNorth + insetM,
                     n1 = frame->maxNorth - insetM;
        const PointD corners[5] = {{e0, n1}, {e1, n1}, {e1, n0}, {e0, n0}, {e0, n1}};
        for (int s = 0; s < 4; ++s)
            for (int k = 0; k < 32; ++k) {
                const double t = k / 32.0;
                const PointD m{corners[s].x + t * (corners[s + 1].x - corners[s].x), corners[s].y + t * (corners[s + 1].y - corners[s].y)};
                const PointD p = model->inverse(m);
                poly.push_back(cv::Point(static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y))));
            }
        return poly;
    };
    const auto framePx = framePixels(0);
    {
        const double a = std::abs(cv::contourArea(framePx));
        const cv::Rect bb = cv::boundingRect(framePx);
        const cv::Rect inImage = bb & cv::Rect(0, 0, W, H);
        if (a < 0.05 * W * H || inImage.area() < 0.5 * bb.area()) {
            res.error = scanPath + ": sheet " + o.sheetId + " does not lie on this scan through its georeference (wrong --sheet or GCPs?)";
            return res;
        }
    }
    if (!stage("read", 0.05))
        return res;

    // --- Raster stages ---
    cv::Mat flat = detail::flattenLighting(raster.grey, static_cast<int>(6 * ppm));
    raster.grey.release();
    if (!stage("lighting", 0.12))
        return res;
    cv::Mat ink = detail::binarize(flat, static_cast<int>(2.5 * ppm) | 1);
    if (!stage("binarize", 0.2))
        return res;
    const int glyphMax = std::max(4, static_cast<int>(o.glyphMaxMm * ppm));
    const int speck = std::max(2, static_cast<int>(0.03 * ppm * ppm));
    auto parts = detail::separateInk(ink, glyphMax, speck);
    ink.release();
    {
        // Text from a less sensitive threshold as well: glyphs stay apart, rows do not run into each other.
        cv::Mat inkText = detail::binarizeText(flat, static_cast<int>(2.5 * ppm) | 1);
        cv::bitwise_or(parts.text, detail::separateInk(inkText, glyphMax, speck).text, parts.text);
        // The sensitive threshold may fuse a label's rows into one line-sized blob: a linework
        // component mostly covered by glyphs is text, not a boundary.
        cv::Mat glyphs;
        cv::dilate(parts.text, glyphs, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
        cv::Mat cc;
        const int n = cv::connectedComponents(parts.lines, cc, 8, CV_32S);
        std::vector<int64_t> total(n, 0), covered(n, 0);
        for (int y = 0; y < H; ++y) {
            const int *c = cc.ptr<int>(y);
            const uint8_t *g = glyphs.ptr<uint8_t>(y);
            for (int x = 0; x < W; ++x)
                if (c[x] > 0)
                    ++total[c[x]], covered[c[x]] += g[x] != 0;
        }
        for (int y = 0; y < H; ++y) {
            const int *c = cc.ptr<int>(y);
            uint8_t *l = parts.lines.ptr<uint8_t>(y);
            for (int x = 0; x < W; ++x)
                if (c[x] > 0 && 2 * covered[c[x]] > total[c[x]])
                    l[x] = 0;
        }
    }
    cv::Mat armMask;
    res.lineWidthPx = detail::estimateLineWidth(parts.lines);
    {
        // Grid crosses (10 mm arms) and frame ticks (5 mm inwards) are not boundaries: the small cells
        // they cut out of a parcel are merged back into it after the faces (mergeCrossCells).
        cv::Mat &erase = armMask;
        erase.create(H, W, CV_8U);
        erase.setTo(cv::Scalar(0));
        const int thick = std::max(3, static_cast<int>(std::lround(res.lineWidthPx + 1.5)));
        const double arm = 5.6 * mPerMm, skip = 0.7 * mPerMm;
        auto seg = [&](PointD a, PointD b) {
            const PointD pa = model->inverse(a), pb = model->inverse(b);
            cv::line(erase, cv::Point2d(pa.x, pa.y), cv::Point2d(pb.x, pb.y), cv::Scalar(255), thick, cv::LINE_8);
        };
        for (const auto &c : crs::gridCrosses(*frame)) {
            const bool top = c.north >= frame->maxNorth, bottom = c.north <= frame->minNorth;
            const bool left = c.east <= frame->minEast, right = c.east >= frame->maxEast;
            if (!c.onFrame) {
                seg({c.east - arm, c.north}, {c.east + arm, c.north});
                seg({c.east, c.north - arm}, {c.east, c.north + arm});
            } else if ((top || bottom) && !(left || right)) {
                const double d = top ? -1 : 1;
                seg({c.east, c.north + d * skip}, {c.east, c.north + d * arm});
            } else if ((left || right) && !(top || bottom)) {
                const double d = right ? -1 : 1;
                seg({c.east + d * skip, c.north}, {c.east + d * arm, c.north});
            }
        }
    }
    if (!stage("separate", 0.3))
        return res;
    cv::Mat closed = detail::closeGaps(parts.lines, static_cast<int>(std::lround(o.gapMm * ppm)));
    if (!stage("gaps", 0.4))
        return res;
    cv::Mat inside(H, W, CV_8U, cv::Scalar(0));
    {
        const auto insetPx = framePixels(o.frameInsetMm * mPerMm);
        cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{insetPx}, cv::Scalar(255));
    }
    cv::Mat labels;
    const int seeds = detail::voronoiFaces(closed, inside, std::max(16, static_cast<int>(o.minFaceMm2 * ppm * ppm)), labels);
    closed.release();
    detail::mergeCrossCells(labels, armMask, static_cast<int>(60 * ppm * ppm));
    armMask.release();
    if (seeds == 0) {
        res.error = scanPath + ": no enclosed area found inside sheet " + o.sheetId;
        return res;
    }
    if (!stage("faces", 0.5))
        return res;

    // --- Edges → map → polygons ---
    auto edges = detail::crackEdges(labels);
    const double tolMap = std::max(o.simplifyMm * mPerMm, mPerMm / ppm);
    std::vector<GEOSGeometry *> lines;
    for (auto &e : edges) {
        auto s = detail::simplifyDp(e, 0.45);
        for (auto &p : s)
            p = model->forward(p);
        if (s.size() >= 2)
            if (auto g = lineString(s))
                lines.push_back(g.release());
    }
    edges.clear();
    {
        // The exact sheet frame closes the coverage.
        const std::vector<PointD> ring = {{frame->minEast, frame->minNorth}, {frame->maxEast, frame->minNorth},
                                          {frame->maxEast, frame->maxNorth}, {frame->minEast, frame->maxNorth},
                                          {frame->minEast, frame->minNorth}};
        lines.push_back(lineString(ring).release());
    }
    const size_t nLines = lines.size();
    GeomPtr all(GEOSGeom_createCollection_r(ctx(), GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(nLines)));
    lines.clear();
    GeomPtr simplified(GEOSTopologyPreserveSimplify_r(ctx(), all.get(), tolMap));
    if (!simplified) {
        res.error = scanPath + ": simplification failed (" + geom::lastError() + ")";
        return res;
    }
    all.reset();
    GeomPtr noded(GEOSUnaryUnion_r(ctx(), simplified.get()));
    simplified.reset();
    if (!noded) {
        res.error = scanPath + ": noding the linework failed (" + geom::lastError() + ")";
        return res;
    }
    const GEOSGeometry *nodedPtr = noded.get();
    GeomPtr faces(GEOSPolygonize_r(ctx(), &nodedPtr, 1));
    noded.reset();
    if (!faces) {
        res.error = scanPath + ": polygonize failed (" + geom::lastError() + ")";
        return res;
    }
    GeomPtr frameGeom = geom::fromWkt(frame->wkt());
    geom::PreparedPtr framePrep(GEOSPrepare_r(ctx(), frameGeom.get()));
    std::vector<GeomPtr> polys;
    const int nFaces = GEOSGetNumGeometries_r(ctx(), faces.get());
    for (int i = 0; i < nFaces; ++i) {
        const GEOSGeometry *f = GEOSGetGeometryN_r(ctx(), faces.get(), i);
        GeomPtr pos(GEOSPointOnSurface_r(ctx(), f));
        if (!pos || !GEOSPreparedContains_r(ctx(), framePrep.get(), pos.get()))
            continue;
        polys.emplace_back(GEOSGeom_clone_r(ctx(), f));
    }
    faces.reset();
    if (!stage("polygons", 0.6))
        return res;

    // --- Labels ---
    cv::bitwise_and(parts.text, inside, parts.text);
    auto blocks = detail::groupLabels(parts.text, labels, ppm);
    res.labelBlocks = static_cast<int>(blocks.size());
    std::vector<geom::PreparedPtr> prepared;
    std::vector<geom::Envelope> envs;
    for (const auto &p : polys) {
        prepared.emplace_back(GEOSPrepare_r(ctx(), p.get()));
        envs.push_back(geom::envelope(p.get()));
    }
    std::vector<std::vector<int>> blocksOf(polys.size());
    std::vector<double> blockFaceArea(blocks.size(), 0); // m² of the face a block lies in, 0 outside
    for (size_t b = 0; b < blocks.size(); ++b) {
        const PointD m = model->forward({blocks[b].cx, blocks[b].cy});
        GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(ctx(), m.x, m.y);
        GeomPtr ptHold(pt);
        int found = -1;
        for (size_t i = 0; i < polys.size() && found < 0; ++i)
            if (m.x >= envs[i].minX && m.x <= envs[i].maxX && m.y >= envs[i].minY && m.y <= envs[i].maxY &&
                GEOSPreparedContains_r(ctx(), prepared[i].get(), pt))
                found = static_cast<int>(i);
        if (found < 0)
            ++res.labelsOutsideFaces;
        else
            blocksOf[found].push_back(static_cast<int>(b)), blockFaceArea[b] = geom::area(polys[found].get());
    }
    prepared.clear();

    // OCR: one Tesseract per worker; rows of a block are number / code / area, top to bottom.
    struct Job {
        int block, row, field; // field 0 number, 1 code, 2 area
        LabelField out;
    };
    std::vector<Job> jobs;
    for (size_t b = 0; b < blocks.size(); ++b)
        for (int r = 0; r < static_cast<int>(blocks[b].rows.size()) && r < 3; ++r)
            jobs.push_back({static_cast<int>(b), r, r, {}});
    std::string ocrError;
    if (o.ocr && !jobs.empty()) {
        const std::string letters = codeLetters();
        const auto &codes = store::landuseCodes();
        const auto areaTolerances = topology::AreaToleranceTable::shipped();
        static const std::string kDigits = "0123456789", kAreaChars = "0123456789.,";
        std::atomic<size_t> next{0};
        std::mutex errMutex;
        auto worker = [&] {
            detail::RowReader reader(o.ocrDataPath, "eng");
            if (!reader.ok()) {
                std::lock_guard lock(errMutex);
                ocrError = "Tesseract could not load the 'eng' language data" +
                           (o.ocrDataPath.empty() ? std::string() : " from " + o.ocrDataPath);
                return;
            }
            for (size_t j; (j = next.fetch_add(1)) < jobs.size();) {
                if (o.cancel && o.cancel->load())
                    return;
                Job &job = jobs[j];
                const cv::Rect box = blocks[job.block].rows[job.row].box;
                const std::string &allowed = job.field == 0 ? kDigits : job.field == 1 ? letters : kAreaChars;
                // Read as one text line at 48 px; Tesseract's LSTM now and then returns nothing or a
                // digit short on a short row, so an unsure read is retried at other sizes (and as a
                // single word) and the surest plausible reading wins.
                // Last, the row blurred a little: faded, noisy strokes read better smoothed.
                struct Attempt {
                    int height;
                    bool word;
                    double blur = 0;
                };
                static constexpr Attempt attempts[] = {{48, false}, {36, false}, {64, false}, {48, true}, {48, false, 1.5}, {48, true, 1.5}};
                auto prepared = [](cv::Mat img, const Attempt &a) {
                    if (a.blur > 0 && !img.empty())
                        cv::GaussianBlur(img, img, cv::Size(0, 0), a.blur);
                    return img;
                };
                // A plausible reading: digits for the number, a listed code, an area with one decimal;
                // an area that agrees with its face's measured area (within the tolerance of the
                // area check) is the likelier of two readings — the check itself still runs later.
                const double faceArea = blockFaceArea[job.block];
                auto plausible = [&](const std::string &t) {
                    if (t.empty())
                        return false;
                    if (job.field == 1)
                        return codes.count(t) > 0;
                    if (job.field == 2) {
                        const auto sep = t.find_first_of(".,");
                        return sep != std::string::npos && sep > 0 && sep + 2 == t.size();
                    }
                    return true;
                };
                auto agrees = [&](const std::string &t) {
                    if (job.field != 2 || faceArea <= 0 || !plausible(t))
                        return job.field != 2;
                    std::string d = t;
                    std::replace(d.begin(), d.end(), ',', '.');
                    const double v = std::strtod(d.c_str(), nullptr);
                    const double tol = areaTolerances.tolerance(o.areaScheme, scale, v).value_or(0.0004 * scale * std::sqrt(v));
                    return v > 0 && std::abs(v - faceArea) <= tol;
                };
                LabelField best;
                double bestScore = -1;
                bool done = false;
                auto tryRead = [&](const cv::Mat &img, bool word) {
                    const LabelField f = reader.read(img, allowed, word);
                    const bool ok = plausible(f.text), fits = ok && agrees(f.text);
                    const double score = f.text.empty() ? -0.5 : f.confidence + (ok ? 0.5 : 0) + (fits && job.field == 2 ? 0.3 : 0);
                    if (score > bestScore)
                        best = f, bestScore = score;
                    done = ok && fits && f.confidence >= 0.8;
                };
                for (const Attempt &a : attempts) {
                    tryRead(prepared(detail::rowImage(flat, parts.lines, box, a.height), a), a.word);
                    if (done)
                        break;
                }
                // Glyphs touching a boundary went with the linework: read the widened row with only
                // the straight runs of the line removed.
                if (!done && detail::rowTouchesLines(parts.lines, box))
                    for (const Attempt &a : attempts) {
                        tryRead(prepared(detail::touchingRowImage(flat, box, a.height), a), a.word);
                        if (done)
                            break;
                    }
                // A code one letter off (changed, missing or extra) several listed codes: read again
                // with only their letters; a listed result is taken as a guess for review.
                if (job.field == 1 && !best.text.empty() && !codes.count(best.text)) {
                    std::vector<std::string> near;
                    for (const auto &[code, info] : codes)
                        if (editDistance(code, best.text) == 1)
                            near.push_back(code);
                    if (!near.empty() && near.size() <= 6) {
                        std::string only;
                        for (const auto &n : near)
                            for (char ch : n)
                                if (only.find(ch) == std::string::npos)
                                    only += ch;
                        for (const Attempt &a : attempts) {
                            LabelField f = reader.read(prepared(detail::rowImage(flat, parts.lines, box, a.height), a), only, a.word);
                            if (std::find(near.begin(), near.end(), f.text) != near.end()) {
                                f.guessed = true;
                                best = f;
                                break;
                            }
                        }
                    }
                }
                job.out = best;
            }
        };
        const int nThreads = std::clamp(o.threads, 1, 8);
        std::vector<std::thread> pool;
        for (int t = 1; t < nThreads; ++t)
            pool.emplace_back(worker);
        worker();
        for (auto &t : pool)
            t.join();
        if (!ocrError.empty()) {
            res.error = ocrError;
            return res;
        }
    }
    if (!stage("ocr", 0.9))
        return res;

    // --- Candidates and cross-checks ---
    const auto &codes = store::landuseCodes();
    const auto tolerances = topology::AreaToleranceTable::shipped();
    const double smallM2 = o.smallFaceM2 > 0 ? o.smallFaceM2 : 4 * mPerMm * mPerMm;
    std::map<int, std::vector<size_t>> byNumber;
    for (size_t i = 0; i < polys.size(); ++i) {
        Candidate c;
        c.wkb = geom::toWkb(polys[i].get());
        c.area = geom::area(polys[i].get());
        double perimeter = 0;
        GEOSLength_r(ctx(), polys[i].get(), &perimeter);
        if (c.area < smallM2)
            addReason(c, "small_face");
        else if (perimeter > 0 && 2 * c.area / perimeter < 0.4 * mPerMm)
            addReason(c, "thin_face");
        const auto &mine = blocksOf[i];
        if (mine.empty()) {
            addReason(c, "no_label");
        } else {
            if (mine.size() > 1)
                addReason(c, "several_labels");
            // The block with most rows is the parcel's label.
            int best = mine.front();
            for (int b : mine)
                if (blocks[b].rows.size() > blocks[best].rows.size())
                    best = b;
            c.labelPixelX = blocks[best].cx;
            c.labelPixelY = blocks[best].cy;
            for (const Job &j : jobs)
                if (j.block == best)
                    (j.field == 0 ? c.numberField : j.field == 1 ? c.codeField : c.areaField) = j.out;
            double conf = 1;
            if (!o.ocr) {
                conf = 0;
                addReason(c, "not_read");
            } else {
                // số thửa
                if (!c.numberField.text.empty() && c.numberField.text.size() <= 6 &&
                    std::all_of(c.numberField.text.begin(), c.numberField.text.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
                    c.thuaSo = std::stoi(c.numberField.text);
                    conf = std::min(conf, c.numberField.confidence);
                } else {
                    addReason(c, "number_unread");
                    conf = 0;
                }
                // land-use code
                if (blocks[best].rows.size() >= 2) {
                    const std::string &t = c.codeField.text;
                    if (codes.count(t) && c.codeField.guessed) {
                        c.landuseCode = t;
                        addReason(c, "code_uncertain");
                        conf = std::min(conf, c.codeField.confidence * 0.5);
                    } else if (codes.count(t)) {
                        c.landuseCode = t;
                        conf = std::min(conf, c.codeField.confidence);
                    } else {
                        // One letter off a single known code of the same length: take it, but flag it.
                        std::vector<std::string> near;
                        for (const auto &[code, info] : codes) {
                            if (code.size() != t.size())
                                continue;
                            int diff = 0;
                            for (size_t k = 0; k < t.size(); ++k)
                                diff += code[k] != t[k];
                            if (diff == 1)
                                near.push_back(code);
                        }
                        if (near.size() == 1) {
                            c.landuseCode = near.front();
                            addReason(c, "code_uncertain");
                            conf = std::min(conf, c.codeField.confidence * 0.5);
                        } else {
                            c.landuseCode = t;
                            addReason(c, t.empty() ? "code_unread" : "unknown_code");
                            conf = 0;
                        }
                    }
                } else {
                    addReason(c, "code_unread");
                }
                // printed area
                if (blocks[best].rows.size() >= 3) {
                    std::string t = c.areaField.text;
                    std::replace(t.begin(), t.end(), ',', '.');
                    while (!t.empty() && t.back() == '.')
                        t.pop_back(); // a stray point after the last digit
                    while (!t.empty() && t.front() == '.')
                        t.erase(0, 1);
                    double areaConf = c.areaField.confidence;
                    if (t.find('.') == std::string::npos && t.size() >= 2) {
                        // Areas are printed with one decimal: the point was not seen.
                        t.insert(t.size() - 1, ".");
                        areaConf *= 0.8;
                    }
                    const auto dot = t.rfind('.');
                    std::string digits;
                    for (size_t k = 0; k < t.size(); ++k)
                        if (std::isdigit(static_cast<unsigned char>(t[k])) || k == dot)
                            digits += t[k];
                    char *end = nullptr;
                    const double v = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
                    if (digits.empty() || !end || *end || !(v > 0)) {
                        addReason(c, "area_unread");
                    } else {
                        c.labelArea = v;
                        conf = std::min(conf, areaConf);
                        const double tol = tolerances.tolerance(o.areaScheme, scale, v)
                                               .value_or(0.0004 * scale * std::sqrt(v));
                        if (std::abs(v - c.area) > tol)
                            addReason(c, "area_mismatch");
                    }
                }
                if (conf < 0.6 && conf > 0)
                    addReason(c, "low_confidence");
            }
            c.confidence = std::clamp(conf, 0.0, 1.0);
        }
        if (c.thuaSo)
            byNumber[*c.thuaSo].push_back(res.candidates.size());
        res.candidates.push_back(std::move(c));
    }
    for (const auto &[n, list] : byNumber)
        if (list.size() > 1) {
            res.duplicateNumbers.push_back(n);
            for (size_t i : list)
                addReason(res.candidates[i], "duplicate_number");
        }
    if (!byNumber.empty())
        for (int n = 1; n < byNumber.rbegin()->first; ++n)
            if (!byNumber.count(n))
                res.missingNumbers.push_back(n);
    stage("checks", 1.0);
    res.ok = true;
    return res;
}

} // namespace vnland::vectorize
