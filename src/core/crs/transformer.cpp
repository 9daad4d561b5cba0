// Pinned VN-2000 transformations through PROJ.
#include "crs/transformer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <proj_experimental.h>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace vnland::crs {
namespace {

// EPSG:6960 as PROJ prints it (VN-2000 -> WGS84, coordinate frame).
constexpr const char *kPinnedHelmert =
    "+proj=helmert +x=-191.90441429 +y=-39.30318279 +z=-111.45032835 +rx=-0.00928836 +ry=0.01975479 "
    "+rz=-0.00427372 +s=0.252906278 +convention=coordinate_frame";

// The same operation as a +towgs84 (position vector) parameter list.
constexpr double kTowgs84[7] = {-191.90441429, -39.30318279, -111.45032835, 0.00928836,
                                -0.01975479,   0.00427372,   0.252906278};

bool looksLikeVn2000Name(std::string_view name)
{
    for (std::string_view key : {"VN-2000", "VN_2000", "Vietnam 2000", "Vietnam_2000", "VN2000", "Vietnam-2000"})
        if (name.find(key) != std::string_view::npos)
            return true;
    return false;
}

PjPtr baseOf(const PJ *crs)
{
    if (proj_get_type(crs) == PJ_TYPE_BOUND_CRS)
        return PjPtr(proj_get_source_crs(ctx(), crs));
    return PjPtr(proj_clone(ctx(), crs));
}

bool datumIsVn2000(const PJ *crs)
{
    PjPtr geod(proj_crs_get_geodetic_crs(ctx(), crs));
    if (!geod)
        return false;
    PjPtr datum(proj_crs_get_datum(ctx(), geod.get()));
    if (!datum)
        datum.reset(proj_crs_get_datum_ensemble(ctx(), geod.get()));
    if (datum) {
        const char *auth = proj_get_id_auth_name(datum.get(), 0);
        const char *code = proj_get_id_code(datum.get(), 0);
        if (auth && code && !std::strcmp(auth, "EPSG") && !std::strcmp(code, "6756"))
            return true;
        const char *name = proj_get_name(datum.get());
        if (name && looksLikeVn2000Name(name))
            return true;
    }
    const char *geodName = proj_get_name(geod.get());
    return geodName && looksLikeVn2000Name(geodName);
}

/// True when a bound CRS carries the EPSG:6960 parameters as its +towgs84.
bool boundToPinned(const PJ *crs)
{
    if (proj_get_type(crs) != PJ_TYPE_BOUND_CRS)
        return false;
    PjPtr op(proj_crs_get_coordoperation(ctx(), crs));
    if (!op)
        return false;
    double v[7] = {0, 0, 0, 0, 0, 0, 0};
    if (!proj_coordoperation_get_towgs84_values(ctx(), op.get(), v, 7, 0))
        return false;
    for (int i = 0; i < 7; ++i)
        if (std::fabs(v[i] - kTowgs84[i]) > (i < 3 ? 1e-3 : 1e-6))
            return false;
    return true;
}

bool containsDatumShift(const std::string &pipeline)
{
    for (const char *step : {"+proj=helmert", "+proj=cart", "+proj=molodensky", "gridshift", "+proj=deformation"})
        if (pipeline.find(step) != std::string::npos)
            return true;
    return false;
}

} // namespace

const char *pinnedHelmertStep() { return kPinnedHelmert; }

PjPtr createCrs(const std::string &definition, std::string *error)
{
    std::string def = definition;
    while (!def.empty() && std::isspace(static_cast<unsigned char>(def.back())))
        def.pop_back();
    while (!def.empty() && std::isspace(static_cast<unsigned char>(def.front())))
        def.erase(def.begin());
    if (!def.empty() && std::all_of(def.begin(), def.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        def = "EPSG:" + def;
    // A PROJ.4 string from a .prj or a user is a CRS even without +type=crs.
    if ((def.rfind("+proj=", 0) == 0 || def.rfind("+init=", 0) == 0) && def.find("+type=crs") == std::string::npos &&
        def.find("+proj=pipeline") == std::string::npos)
        def += " +type=crs";
    proj_errno_reset(nullptr);
    PjPtr crs(proj_create(ctx(), def.c_str()));
    if (!crs) {
        // ESRI-flavoured WKT1 from .prj files sometimes needs the explicit parser.
        const char *options[] = {"STRICT=NO", nullptr};
        PROJ_STRING_LIST warnings = nullptr, errors = nullptr;
        crs.reset(proj_create_from_wkt(ctx(), def.c_str(), options, &warnings, &errors));
        proj_string_list_destroy(warnings);
        proj_string_list_destroy(errors);
    }
    if (!crs || !proj_is_crs(crs.get())) {
        if (error)
            *error = "not a coordinate reference system: " + definition.substr(0, 80);
        return nullptr;
    }
    return crs;
}

bool isVn2000(const PJ *crs)
{
    if (!crs)
        return false;
    PjPtr base = baseOf(crs);
    return datumIsVn2000(base.get()) || boundToPinned(crs);
}

int identifyEpsg(const PJ *crs)
{
    const char *auth = proj_get_id_auth_name(crs, 0);
    const char *code = proj_get_id_code(crs, 0);
    if (auth && code && std::strcmp(auth, "EPSG") == 0)
        return std::atoi(code);
    int *confidence = nullptr;
    PJ_OBJ_LIST *list = proj_identify(ctx(), crs, "EPSG", nullptr, &confidence);
    int result = 0;
    if (list) {
        if (proj_list_get_count(list) > 0 && confidence[0] >= 70) {
            PjPtr best(proj_list_get(ctx(), list, 0));
            const char *c = proj_get_id_code(best.get(), 0);
            result = c ? std::atoi(c) : 0;
        }
        proj_list_destroy(list);
        proj_int_list_destroy(confidence);
    }
    return result;
}

PjPtr bindPinned(const PJ *crs)
{
    if (!isVn2000(crs))
        return PjPtr(proj_clone(ctx(), crs)); // keeps any +towgs84 exactly as declared
    PjPtr base = baseOf(crs);
    PjPtr hub(proj_create(ctx(), "EPSG:4326"));
    PjPtr op(proj_create_from_database(ctx(), "EPSG", "6960", PJ_CATEGORY_COORDINATE_OPERATION, 0, nullptr));
    if (!hub || !op)
        return base;
    PjPtr bound(proj_crs_create_bound_crs(ctx(), base.get(), hub.get(), op.get()));
    return bound ? std::move(bound) : std::move(base);
}

std::unique_ptr<Transformer> Transformer::create(const PJ *source, const PJ *target, std::string *error)
{
    if (!source || !target) {
        if (error)
            *error = "missing CRS";
        return nullptr;
    }
    PjPtr src = bindPinned(source);
    PjPtr dst = bindPinned(target);
    PjPtr op(proj_create_crs_to_crs_from_pj(ctx(), src.get(), dst.get(), nullptr, nullptr));
    if (!op) {
        if (error)
            *error = "no coordinate operation between the two CRSs (" + lastError() + ")";
        return nullptr;
    }
    PjPtr norm(proj_normalize_for_visualization(ctx(), op.get()));
    auto t = std::unique_ptr<Transformer>(new Transformer);
    t->m_op = norm ? std::move(norm) : std::move(op);
    const char *name = proj_get_name(t->m_op.get());
    t->m_name = name ? name : "";
    const char *desc = proj_as_proj_string(ctx(), t->m_op.get(), PJ_PROJ_5, nullptr);
    std::string planned = desc ? desc : std::string();
    t->m_crossesDatum = containsDatumShift(planned);
    t->m_pinned = planned.find(kPinnedHelmert) != std::string::npos;
    const bool srcVn = isVn2000(source), dstVn = isVn2000(target);
    if ((srcVn || dstVn) && t->m_crossesDatum && !t->m_pinned) {
        // PROJ kept several candidates or chose another parameter set: never accept that.
        if (error)
            *error = "PROJ did not plan the pinned VN-2000 operation EPSG:6960 (" + t->m_name + ")";
        return nullptr;
    }
    if (t->m_crossesDatum && (srcVn || dstVn) && !planned.empty()) {
        // Let the ellipsoidal height flow through the datum shift (no push/pop) so
        // run() can hold h = 0 on the WGS84 side in both directions, which makes
        // 2D round trips exact. The x/y of WGS84 -> VN-2000 equal PROJ's plan.
        std::string flowing = planned;
        for (const std::string step : {" +step +proj=push +v_3", " +step +proj=pop +v_3"})
            for (auto pos = flowing.find(step); pos != std::string::npos; pos = flowing.find(step))
                flowing.erase(pos, step.size());
        if (flowing != planned) {
            PjPtr op3(proj_create(ctx(), flowing.c_str()));
            if (!op3) {
                if (error)
                    *error = "cannot build the operation " + flowing + " (" + lastError() + ")";
                return nullptr;
            }
            t->m_op = std::move(op3);
            planned = flowing;
            t->m_inputSideVn = srcVn ? +1 : -1;
        }
    }
    t->m_description = planned.empty() ? t->m_name : planned;
    PjPtr forText(proj_create(ctx(), t->m_description.c_str()));
    const char *multiline[] = {"MULTILINE=YES", "INDENTATION_WIDTH=2", "MAX_LINE_LENGTH=100", nullptr};
    const char *pipe = forText ? proj_as_proj_string(ctx(), forText.get(), PJ_PROJ_5, multiline) : nullptr;
    t->m_pipeline = pipe ? pipe : t->m_description;
    return t;
}

std::unique_ptr<Transformer> Transformer::create(const std::string &source, const std::string &target,
                                                 std::string *error)
{
    PjPtr s = createCrs(source, error);
    if (!s)
        return nullptr;
    PjPtr t = createCrs(target, error);
    if (!t)
        return nullptr;
    return create(s.get(), t.get(), error);
}

const Transformer *Transformer::cached(const std::string &source, const std::string &target, std::string *error)
{
    // The context is created before the cache so it is destroyed after it.
    (void)ctx();
    thread_local std::unordered_map<std::string, std::unique_ptr<Transformer>> cache;
    const std::string key = source + '\x1f' + target;
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second.get();
    auto t = create(source, target, error);
    if (!t)
        return nullptr;
    return cache.emplace(key, std::move(t)).first->second.get();
}

bool Transformer::run(PJ_DIRECTION dir, double *x, double *y, size_t count, size_t stride) const
{
    const size_t bytes = stride * sizeof(double);
    proj_errno_reset(m_op.get());
    // Input on the VN-2000 side of a datum shift: find the VN-2000 height that
    // puts the result on the WGS84 ellipsoid (h = 0 there), so that this is
    // the exact inverse of the WGS84 -> VN-2000 direction.
    const bool vnInput = (m_inputSideVn > 0 && dir == PJ_FWD) || (m_inputSideVn < 0 && dir == PJ_INV);
    if (!vnInput) {
        proj_trans_generic(m_op.get(), dir, x, bytes, count, y, bytes, count, nullptr, 0, 0, nullptr, 0, 0);
    } else {
        constexpr size_t kChunk = 1024;
        double tx[kChunk], ty[kChunk], tz[kChunk];
        for (size_t start = 0; start < count; start += kChunk) {
            const size_t n = std::min(kChunk, count - start);
            for (size_t i = 0; i < n; ++i) {
                tx[i] = x[(start + i) * stride];
                ty[i] = y[(start + i) * stride];
                tz[i] = 0;
            }
            proj_trans_generic(m_op.get(), dir, tx, sizeof(double), n, ty, sizeof(double), n, tz, sizeof(double), n,
                               nullptr, 0, 0);
            for (size_t i = 0; i < n; ++i)
                tz[i] = std::isfinite(tz[i]) ? -tz[i] : 0;
            proj_trans_generic(m_op.get(), dir, x + start * stride, bytes, n, y + start * stride, bytes, n, tz,
                               sizeof(double), n, nullptr, 0, 0);
        }
    }
    bool ok = proj_errno(m_op.get()) == 0;
    for (size_t i = 0; ok && i < count; ++i)
        ok = std::isfinite(x[i * stride]) && std::isfinite(y[i * stride]);
    return ok;
}

bool Transformer::transform(double *x, double *y, size_t count, size_t stride) const
{
    return run(PJ_FWD, x, y, count, stride);
}

bool Transformer::transformInverse(double *x, double *y, size_t count, size_t stride) const
{
    return run(PJ_INV, x, y, count, stride);
}

} // namespace vnland::crs
