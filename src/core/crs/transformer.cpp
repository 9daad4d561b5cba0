// Pinned VN-2000 transformations through PROJ.
#include "crs/transformer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <proj_experimental.h>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace vnland::crs {
namespace {

bool looksLikeVn2000Name(std::string_view name)
{
    for (std::string_view key : {"VN-2000", "VN_2000", "Vietnam 2000", "Vietnam_2000", "VN2000"})
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

} // namespace

PjPtr createCrs(const std::string &definition, std::string *error)
{
    std::string def = definition;
    while (!def.empty() && std::isspace(static_cast<unsigned char>(def.back())))
        def.pop_back();
    if (!def.empty() && std::all_of(def.begin(), def.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        def = "EPSG:" + def;
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
    PjPtr base = baseOf(crs);
    PjPtr geod(proj_crs_get_geodetic_crs(ctx(), base.get()));
    if (!geod)
        return false;
    PjPtr datum(proj_crs_get_datum(ctx(), geod.get()));
    if (datum) {
        const char *code = proj_get_id_code(datum.get(), 0);
        if (code && std::strcmp(code, "6756") == 0)
            return true;
        const char *name = proj_get_name(datum.get());
        if (name && looksLikeVn2000Name(name))
            return true;
    }
    const char *geodName = proj_get_name(geod.get());
    return geodName && looksLikeVn2000Name(geodName);
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
    PjPtr base = baseOf(crs);
    if (!isVn2000(base.get()))
        return base;
    PjPtr hub(proj_create(ctx(), "EPSG:4326"));
    PjPtr op(proj_create_from_database(ctx(), "EPSG", "6960", PJ_CATEGORY_COORDINATE_OPERATION, 0, nullptr));
    if (!hub || !op)
        return base;
    PjPtr bound(proj_crs_create_bound_crs(ctx(), base.get(), hub.get(), op.get()));
    return bound ? std::move(bound) : std::move(base);
}

std::unique_ptr<Transformer> Transformer::create(const PJ *source, const PJ *target, std::string *error)
{
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
    const char *desc = proj_as_proj_string(ctx(), t->m_op.get(), PJ_PROJ_5, nullptr);
    t->m_description = desc ? desc : (proj_get_name(t->m_op.get()) ? proj_get_name(t->m_op.get()) : "");
    t->m_crossesDatum = isVn2000(source) != isVn2000(target);
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

bool Transformer::transform(double *x, double *y, size_t count, size_t stride) const
{
    const size_t bytes = stride * sizeof(double);
    proj_errno_reset(m_op.get());
    proj_trans_generic(m_op.get(), PJ_FWD, x, bytes, count, y, bytes, count, nullptr, 0, 0, nullptr, 0, 0);
    bool ok = proj_errno(m_op.get()) == 0;
    for (size_t i = 0; ok && i < count; ++i)
        ok = std::isfinite(x[i * stride]) && std::isfinite(y[i * stride]) && x[i * stride] != HUGE_VAL;
    return ok;
}

} // namespace vnland::crs
