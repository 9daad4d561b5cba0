// GDAL warper driven by our transform; VRT and world-file outputs.
#include "georef/warp.h"

#include <cpl_string.h>
#include <gdal_alg.h>
#include <gdal_alg_priv.h>
#include <gdal_priv.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

namespace vnland::georef {

namespace {

void setError(std::string *error, const std::string &msg)
{
    if (error)
        *error = msg;
}

/// A GDAL transformer (GTI2 layout) mapping output pixels ↔ scan pixels through
/// a TransformModel and the output geotransform. It serialises its GCPs so that
/// GDAL's warp kernel can clone it per thread.
struct ModelTransformer {
    GDALTransformerInfo info{};
    std::optional<TransformModel> model;
    double dstGt[6]{};
    double dstInvGt[6]{};
    double srcRatioX = 1, srcRatioY = 1; // source pixels are scan pixels / ratio (overview levels)
};

constexpr const char *kTransformerName = "VNLandModelTransformer";

int modelTransform(void *arg, int dstToSrc, int n, double *x, double *y, double *, int *ok)
{
    auto *t = static_cast<ModelTransformer *>(arg);
    for (int i = 0; i < n; ++i) {
        if (dstToSrc) {
            const double gx = t->dstGt[0] + t->dstGt[1] * x[i] + t->dstGt[2] * y[i];
            const double gy = t->dstGt[3] + t->dstGt[4] * x[i] + t->dstGt[5] * y[i];
            const PointD p = t->model->inverse({gx, gy});
            x[i] = p.x / t->srcRatioX, y[i] = p.y / t->srcRatioY;
        } else {
            const PointD m = t->model->forward({x[i] * t->srcRatioX, y[i] * t->srcRatioY});
            x[i] = t->dstInvGt[0] + t->dstInvGt[1] * m.x + t->dstInvGt[2] * m.y;
            y[i] = t->dstInvGt[3] + t->dstInvGt[4] * m.x + t->dstInvGt[5] * m.y;
        }
        ok[i] = std::isfinite(x[i]) && std::isfinite(y[i]);
    }
    return TRUE;
}

void destroyModelTransformer(void *arg) { delete static_cast<ModelTransformer *>(arg); }

CPLXMLNode *serializeModelTransformer(void *arg)
{
    auto *t = static_cast<ModelTransformer *>(arg);
    CPLXMLNode *tree = CPLCreateXMLNode(nullptr, CXT_Element, kTransformerName);
    CPLCreateXMLElementAndValue(tree, "Type", transformId(t->model->type()));
    std::ostringstream gt, pts;
    gt.precision(17);
    pts.precision(17);
    for (int i = 0; i < 6; ++i)
        gt << (i ? "," : "") << t->dstGt[i];
    const auto &px = t->model->pixelPoints();
    const auto &mp = t->model->mapPoints();
    for (size_t i = 0; i < px.size(); ++i)
        pts << px[i].x << "," << px[i].y << "," << mp[i].x << "," << mp[i].y << ";";
    CPLCreateXMLElementAndValue(tree, "DstGeoTransform", gt.str().c_str());
    CPLCreateXMLElementAndValue(tree, "SrcRatioX", CPLSPrintf("%.17g", t->srcRatioX));
    CPLCreateXMLElementAndValue(tree, "SrcRatioY", CPLSPrintf("%.17g", t->srcRatioY));
    CPLCreateXMLElementAndValue(tree, "Points", pts.str().c_str());
    return tree;
}

void *createSimilarModelTransformer(void *arg, double ratioX, double ratioY);

ModelTransformer *createModelTransformer(const TransformModel &model, const double *dstGt, double ratioX = 1,
                                         double ratioY = 1)
{
    auto *t = new ModelTransformer;
    std::memcpy(t->info.abySignature, GDAL_GTI2_SIGNATURE, strlen(GDAL_GTI2_SIGNATURE));
    t->info.pszClassName = kTransformerName;
    t->info.pfnTransform = modelTransform;
    t->info.pfnCleanup = destroyModelTransformer;
    t->info.pfnSerialize = serializeModelTransformer;
    t->info.pfnCreateSimilar = createSimilarModelTransformer;
    t->model = model;
    t->srcRatioX = ratioX;
    t->srcRatioY = ratioY;
    std::copy(dstGt, dstGt + 6, t->dstGt);
    if (!GDALInvGeoTransform(t->dstGt, t->dstInvGt))
        std::fill(t->dstInvGt, t->dstInvGt + 6, 0.0);
    return t;
}

void *createSimilarModelTransformer(void *arg, double ratioX, double ratioY)
{
    auto *t = static_cast<ModelTransformer *>(arg);
    return createModelTransformer(*t->model, t->dstGt, t->srcRatioX * ratioX, t->srcRatioY * ratioY);
}

void *deserializeModelTransformer(CPLXMLNode *tree)
{
    const auto type = parseTransform(CPLGetXMLValue(tree, "Type", ""));
    if (!type)
        return nullptr;
    double gt[6]{};
    const CPLStringList gtItems(CSLTokenizeString2(CPLGetXMLValue(tree, "DstGeoTransform", ""), ",", 0));
    if (gtItems.size() != 6)
        return nullptr;
    for (int i = 0; i < 6; ++i)
        gt[i] = CPLAtof(gtItems[i]);
    std::vector<PointD> px, mp;
    const CPLStringList pts(CSLTokenizeString2(CPLGetXMLValue(tree, "Points", ""), ";", 0));
    for (int i = 0; i < pts.size(); ++i) {
        const CPLStringList v(CSLTokenizeString2(pts[i], ",", 0));
        if (v.size() != 4)
            return nullptr;
        px.push_back({CPLAtof(v[0]), CPLAtof(v[1])});
        mp.push_back({CPLAtof(v[2]), CPLAtof(v[3])});
    }
    const auto model = TransformModel::fit(*type, px, mp);
    return model ? createModelTransformer(*model, gt, CPLAtof(CPLGetXMLValue(tree, "SrcRatioX", "1")),
                                          CPLAtof(CPLGetXMLValue(tree, "SrcRatioY", "1")))
                 : nullptr;
}

void registerDeserializer()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALRegisterTransformDeserializer(kTransformerName, modelTransform, deserializeModelTransformer);
    });
}

struct ProgressState {
    const std::function<bool(double)> *callback = nullptr;
    bool cancelled = false;
};

int CPL_STDCALL progressThunk(double f, const char *, void *arg)
{
    auto *s = static_cast<ProgressState *>(arg);
    if (s->callback && *s->callback && !(*s->callback)(f)) {
        s->cancelled = true;
        return FALSE;
    }
    return TRUE;
}

/// Collects GDAL's error messages while alive, for reporting.
class ErrorCollector {
public:
    ErrorCollector() { CPLPushErrorHandlerEx(handler, this); }
    ~ErrorCollector() { CPLPopErrorHandler(); }
    ErrorCollector(const ErrorCollector &) = delete;
    ErrorCollector &operator=(const ErrorCollector &) = delete;
    std::string message() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_last;
    }

private:
    static void CPL_STDCALL handler(CPLErr err, CPLErrorNum, const char *msg)
    {
        auto *self = static_cast<ErrorCollector *>(CPLGetErrorHandlerUserData());
        if (self && err >= CE_Failure) {
            std::lock_guard<std::mutex> lock(self->m_mutex);
            self->m_last = msg;
        }
    }
    mutable std::mutex m_mutex;
    std::string m_last;
};

} // namespace

std::optional<Resampling> parseResampling(const std::string &name)
{
    if (name == "nearest" || name == "near")
        return Resampling::Nearest;
    if (name == "bilinear")
        return Resampling::Bilinear;
    if (name == "cubic")
        return Resampling::Cubic;
    if (name == "cubicspline" || name == "cubic-spline")
        return Resampling::CubicSpline;
    if (name == "lanczos")
        return Resampling::Lanczos;
    return std::nullopt;
}

const char *resamplingId(Resampling r)
{
    switch (r) {
    case Resampling::Nearest: return "near";
    case Resampling::Bilinear: return "bilinear";
    case Resampling::Cubic: return "cubic";
    case Resampling::CubicSpline: return "cubicspline";
    case Resampling::Lanczos: return "lanczos";
    }
    return "bilinear";
}

static GDALResampleAlg gdalResampling(Resampling r)
{
    switch (r) {
    case Resampling::Nearest: return GRA_NearestNeighbour;
    case Resampling::Bilinear: return GRA_Bilinear;
    case Resampling::Cubic: return GRA_Cubic;
    case Resampling::CubicSpline: return GRA_CubicSpline;
    case Resampling::Lanczos: return GRA_Lanczos;
    }
    return GRA_Bilinear;
}

OutputGrid outputGrid(int w, int h, const TransformModel &model, double pixelSize)
{
    double minX = HUGE_VAL, minY = HUGE_VAL, maxX = -HUGE_VAL, maxY = -HUGE_VAL;
    const int steps = 32;
    for (int i = 0; i <= steps; ++i) {
        const double f = static_cast<double>(i) / steps;
        for (const PointD p : {PointD{f * w, 0}, PointD{f * w, static_cast<double>(h)}, PointD{0, f * h},
                               PointD{static_cast<double>(w), f * h}}) {
            const PointD m = model.forward(p);
            minX = std::min(minX, m.x), maxX = std::max(maxX, m.x);
            minY = std::min(minY, m.y), maxY = std::max(maxY, m.y);
        }
    }
    if (pixelSize <= 0) {
        // Mean pixel size at the centre: sqrt of the Jacobian's determinant.
        const PointD c = model.forward({w / 2.0, h / 2.0}), cx = model.forward({w / 2.0 + 1, h / 2.0}),
                     cy = model.forward({w / 2.0, h / 2.0 + 1});
        pixelSize = std::sqrt(std::abs((cx.x - c.x) * (cy.y - c.y) - (cx.y - c.y) * (cy.x - c.x)));
    }
    OutputGrid g;
    g.width = std::max(1, static_cast<int>(std::ceil((maxX - minX) / pixelSize)));
    g.height = std::max(1, static_cast<int>(std::ceil((maxY - minY) / pixelSize)));
    g.geoTransform = {minX, pixelSize, 0, maxY, 0, -pixelSize};
    return g;
}

WarpResult warpScan(const std::string &scanPath, const TransformModel &model, const std::string &outPath,
                    const WarpOptions &opt)
{
    const auto t0 = std::chrono::steady_clock::now();
    WarpResult res;
    ErrorCollector errors;
    registerDeserializer();
    GDALDatasetUniquePtr src(GDALDataset::Open(scanPath.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!src) {
        res.error = scanPath + ": cannot open the scan (" + errors.message() + ")";
        return res;
    }
    const int nBands = src->GetRasterCount();
    if (nBands < 1) {
        res.error = scanPath + ": the file has no raster bands";
        return res;
    }
    const OutputGrid grid = outputGrid(src->GetRasterXSize(), src->GetRasterYSize(), model, opt.pixelSize);
    if (static_cast<double>(grid.width) * grid.height > 4e9) {
        res.error = outPath + ": output of " + std::to_string(grid.width) + " × " + std::to_string(grid.height)
                    + " pixels is unreasonably large; check the GCPs";
        return res;
    }
    OGRSpatialReference srs;
    if (srs.importFromEPSG(opt.epsg) != OGRERR_NONE) {
        res.error = "EPSG:" + std::to_string(opt.epsg) + " is not a known CRS";
        return res;
    }
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList co;
    co.SetNameValue("TILED", "YES");
    co.SetNameValue("BIGTIFF", "IF_SAFER");
    co.SetNameValue("NUM_THREADS", opt.threads.c_str()); // parallel DEFLATE/LZW of the tiles
    if (opt.compression != "NONE")
        co.SetNameValue("COMPRESS", opt.compression.c_str());
    const bool hasAlpha = opt.alpha;
    const int outBands = nBands + (hasAlpha ? 1 : 0);
    const GDALDataType type = src->GetRasterBand(1)->GetRasterDataType();
    if (hasAlpha && nBands >= 3)
        co.SetNameValue("PHOTOMETRIC", "RGB");
    if (hasAlpha)
        co.SetNameValue("ALPHA", "YES");
    GDALDatasetUniquePtr dst(gtiff->Create(outPath.c_str(), grid.width, grid.height, outBands, type, co.List()));
    if (!dst) {
        res.error = outPath + ": cannot create the GeoTIFF (" + errors.message() + ")";
        return res;
    }
    double gt[6];
    std::copy(grid.geoTransform.begin(), grid.geoTransform.end(), gt);
    dst->SetGeoTransform(gt);
    dst->SetSpatialRef(&srs);
    if (hasAlpha)
        dst->GetRasterBand(outBands)->SetColorInterpretation(GCI_AlphaBand);
    else
        for (int b = 1; b <= nBands; ++b)
            dst->GetRasterBand(b)->SetNoDataValue(opt.noData);
    if (nBands == 1)
        dst->GetRasterBand(1)->SetColorInterpretation(GCI_GrayIndex);

    void *modelArg = createModelTransformer(model, gt);
    void *approxArg = GDALCreateApproxTransformer(modelTransform, modelArg, opt.maxErrorPx);
    GDALApproxTransformerOwnsSubtransformer(approxArg, TRUE);

    ProgressState progress{&opt.progress, false};
    void *scaled = GDALCreateScaledProgress(0, opt.overviews ? 0.85 : 1.0, progressThunk, &progress);
    GDALWarpOptions *wo = GDALCreateWarpOptions();
    wo->hSrcDS = src.get();
    wo->hDstDS = dst.get();
    wo->nBandCount = nBands;
    wo->panSrcBands = static_cast<int *>(CPLMalloc(sizeof(int) * nBands));
    wo->panDstBands = static_cast<int *>(CPLMalloc(sizeof(int) * nBands));
    for (int b = 0; b < nBands; ++b)
        wo->panSrcBands[b] = wo->panDstBands[b] = b + 1;
    if (hasAlpha)
        wo->nDstAlphaBand = outBands;
    else {
        wo->padfDstNoDataReal = static_cast<double *>(CPLMalloc(sizeof(double) * nBands));
        for (int b = 0; b < nBands; ++b)
            wo->padfDstNoDataReal[b] = opt.noData;
    }
    wo->eResampleAlg = gdalResampling(opt.resampling);
    wo->pfnTransformer = GDALApproxTransform;
    wo->pTransformerArg = approxArg;
    wo->pfnProgress = GDALScaledProgress;
    wo->pProgressArg = scaled;
    wo->dfWarpMemoryLimit = 256.0 * 1024 * 1024;
    wo->papszWarpOptions = CSLSetNameValue(wo->papszWarpOptions, "NUM_THREADS", opt.threads.c_str());
    wo->papszWarpOptions = CSLSetNameValue(wo->papszWarpOptions, "INIT_DEST", hasAlpha ? "0" : "NO_DATA");
    bool ok;
    {
        GDALWarpOperation op;
        ok = op.Initialize(wo) == CE_None
             && op.ChunkAndWarpMulti(0, 0, grid.width, grid.height) == CE_None;
    }
    GDALDestroyScaledProgress(scaled);
    GDALDestroyTransformer(approxArg);
    wo->pTransformerArg = nullptr;
    wo->hSrcDS = wo->hDstDS = nullptr;
    GDALDestroyWarpOptions(wo);

    if (ok && opt.overviews && !progress.cancelled) {
        std::vector<int> levels;
        for (int f = 2; std::max(grid.width, grid.height) / f >= 256; f *= 2)
            levels.push_back(f);
        if (!levels.empty()) {
            void *ovProgress = GDALCreateScaledProgress(0.85, 1.0, progressThunk, &progress);
            ok = dst->BuildOverviews("AVERAGE", static_cast<int>(levels.size()), levels.data(), 0, nullptr,
                                     GDALScaledProgress, ovProgress, nullptr)
                 == CE_None;
            GDALDestroyScaledProgress(ovProgress);
        }
    }
    CPLErrorReset();
    dst.reset(); // GDAL 3.6 has no Close(): closing flushes, failures show up as the last error
    if (ok && CPLGetLastErrorType() >= CE_Failure)
        ok = false;
    if (!ok) {
        res.cancelled = progress.cancelled;
        res.error = progress.cancelled ? outPath + ": warp cancelled" : outPath + ": warp failed (" + errors.message() + ")";
        std::error_code ec;
        std::filesystem::remove(outPath, ec);
        return res;
    }
    if (opt.progress)
        opt.progress(1.0);
    res.ok = true;
    res.width = grid.width;
    res.height = grid.height;
    res.geoTransform = grid.geoTransform;
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

bool writeGeoreferencedVrt(const std::string &scanPath, const GcpSet &gcps, const TransformModel &model, int epsg,
                           const std::string &vrtPath, std::string *error)
{
    ErrorCollector errors;
    GDALDatasetUniquePtr src(GDALDataset::Open(scanPath.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!src) {
        setError(error, scanPath + ": cannot open the scan (" + errors.message() + ")");
        return false;
    }
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE) {
        setError(error, "EPSG:" + std::to_string(epsg) + " is not a known CRS");
        return false;
    }
    GDALDriver *vrt = GetGDALDriverManager()->GetDriverByName("VRT");
    GDALDatasetUniquePtr out(vrt->CreateCopy(vrtPath.c_str(), src.get(), FALSE, nullptr, nullptr, nullptr));
    if (!out) {
        setError(error, vrtPath + ": cannot create the VRT (" + errors.message() + ")");
        return false;
    }
    if (const auto gt = model.geoTransform()) {
        double g[6];
        std::copy(gt->begin(), gt->end(), g);
        out->SetGeoTransform(g);
        out->SetSpatialRef(&srs);
    } else {
        std::vector<GDAL_GCP> list;
        std::vector<std::string> ids;
        for (const auto &p : gcps.points())
            if (p.enabled)
                ids.push_back(p.id.empty() ? std::to_string(ids.size() + 1) : p.id);
        size_t k = 0;
        for (const auto &p : gcps.points()) {
            if (!p.enabled)
                continue;
            GDAL_GCP g{};
            g.pszId = ids[k++].data();
            g.pszInfo = const_cast<char *>("");
            g.dfGCPPixel = p.pixelX;
            g.dfGCPLine = p.pixelY;
            g.dfGCPX = p.mapX;
            g.dfGCPY = p.mapY;
            list.push_back(g);
        }
        out->SetGCPs(static_cast<int>(list.size()), list.data(), &srs);
        out->SetMetadataItem("VNLAND_TRANSFORM", transformId(model.type()));
    }
    CPLErrorReset();
    out.reset();
    if (CPLGetLastErrorType() >= CE_Failure) {
        setError(error, vrtPath + ": writing failed (" + errors.message() + ")");
        return false;
    }
    return true;
}

std::string worldFilePath(const std::string &imagePath)
{
    std::filesystem::path p(imagePath);
    std::string ext = p.extension().string();
    if (ext.size() >= 3)
        ext = std::string(".") + ext[1] + ext.back() + "w"; // .tif → .tfw, .png → .pgw
    else
        ext = ".wld";
    p.replace_extension(ext);
    return p.string();
}

std::string writeWorldFile(const std::string &imagePath, const TransformModel &model, std::string *error)
{
    const auto gt = model.geoTransform();
    if (!gt) {
        setError(error, std::string("a world file holds only Linear, Helmert or Affine transforms, not ")
                            + transformId(model.type()));
        return {};
    }
    const auto &g = *gt;
    // Lines: A (x size), D (row rotation), B (column rotation), E (y size), C, F = centre of pixel (0,0).
    const double c = g[0] + 0.5 * g[1] + 0.5 * g[2], f = g[3] + 0.5 * g[4] + 0.5 * g[5];
    const std::string path = worldFilePath(imagePath);
    std::ofstream out(path, std::ios::trunc);
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.12f\n%.12f\n%.12f\n%.12f\n%.6f\n%.6f\n", g[1], g[4], g[2], g[5], c, f);
    out << buf;
    out.close();
    if (!out) {
        setError(error, path + ": cannot write the world file");
        return {};
    }
    return path;
}

} // namespace vnland::georef
