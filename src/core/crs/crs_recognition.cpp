// CRS recognition on import (see crs_recognition.h).
#include "crs/crs_recognition.h"

#include "crs/crs_catalogue.h"
#include "crs/transformer.h"

#include <proj_experimental.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace vnland::crs {
namespace {

constexpr double kPv[7] = {-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278};
constexpr double kPi = 3.14159265358979323846;

enum class Towgs { None, Pinned, WrongSign, OtherVn2000, Other };

Towgs classify(const double v[7])
{
    auto near = [&](const double ref[7], double rsign) {
        for (int i = 0; i < 7; ++i) {
            const double expect = (i >= 3 && i <= 5) ? rsign * ref[i] : ref[i];
            if (std::fabs(v[i] - expect) > (i < 3 ? 0.01 : (i < 6 ? 1e-4 : 0.01)))
                return false;
        }
        return true;
    };
    bool zero = true;
    for (int i = 0; i < 7; ++i)
        zero = zero && v[i] == 0;
    if (zero)
        return Towgs::None;
    if (near(kPv, 1))
        return Towgs::Pinned;
    if (near(kPv, -1))
        return Towgs::WrongSign;
    // Other published VN-2000 sets (EPSG:5194, 3-parameter versions) shift by about (-192, -39, -111).
    if (std::fabs(v[0] + 192) < 3 && std::fabs(v[1] + 39.3) < 3 && std::fabs(v[2] + 111.3) < 3)
        return Towgs::OtherVn2000;
    return Towgs::Other;
}

std::string formatParams(const double v[7])
{
    std::ostringstream s;
    s.precision(12);
    for (int i = 0; i < 7; ++i)
        s << (i ? "," : "") << v[i];
    return s.str();
}

struct Tmerc {
    bool isTmerc = false;
    double lat0 = 0, lon0 = 0, k = 0, fe = 0, fn = 0;
};

Tmerc tmercOf(const PJ *projected)
{
    Tmerc t;
    PjPtr conv(proj_crs_get_coordoperation(ctx(), projected));
    if (!conv)
        return t;
    const char *methodName = nullptr, *methodAuth = nullptr, *methodCode = nullptr;
    if (!proj_coordoperation_get_method_info(ctx(), conv.get(), &methodName, &methodAuth, &methodCode))
        return t;
    t.isTmerc = (methodCode && !std::strcmp(methodCode, "9807")) ||
                (methodName && (std::strstr(methodName, "Transverse Mercator") || std::strstr(methodName, "Transverse_Mercator")));
    if (!t.isTmerc)
        return t;
    const int n = proj_coordoperation_get_param_count(ctx(), conv.get());
    for (int i = 0; i < n; ++i) {
        const char *name = nullptr, *auth = nullptr, *code = nullptr;
        double value = 0, conversion = 1;
        const char *unitName = nullptr, *unitAuth = nullptr, *unitCode = nullptr, *unitCategory = nullptr;
        const char *valueString = nullptr;
        if (!proj_coordoperation_get_param(ctx(), conv.get(), i, &name, &auth, &code, &value, &valueString, &conversion,
                                           &unitName, &unitAuth, &unitCode, &unitCategory))
            continue;
        const int c = code ? std::atoi(code) : 0;
        const double si = value * conversion; // radians, metres or unity
        switch (c) {
        case 8801: t.lat0 = si * 180 / kPi; break;
        case 8802: t.lon0 = si * 180 / kPi; break;
        case 8805: t.k = si; break;
        case 8806: t.fe = si; break;
        case 8807: t.fn = si; break;
        default: break;
        }
    }
    return t;
}

bool wgs84Ellipsoid(const PJ *crs)
{
    PjPtr ell(proj_get_ellipsoid(ctx(), crs));
    if (!ell)
        return false;
    double a = 0, b = 0, invF = 0;
    int computed = 0;
    if (!proj_ellipsoid_get_parameters(ctx(), ell.get(), &a, &b, &computed, &invF))
        return false;
    return std::fabs(a - 6378137.0) < 1e-3 && std::fabs(invF - 298.257223563) < 1e-6;
}

bool datumIsWgs84(const PJ *crs)
{
    PjPtr geod(proj_crs_get_geodetic_crs(ctx(), crs));
    if (!geod)
        return false;
    const char *code = proj_get_id_code(geod.get(), 0);
    if (code && !std::strcmp(code, "4326"))
        return true;
    PjPtr datum(proj_crs_get_datum(ctx(), geod.get()));
    if (!datum)
        datum.reset(proj_crs_get_datum_ensemble(ctx(), geod.get()));
    const char *name = datum ? proj_get_name(datum.get()) : nullptr;
    if (name && std::strstr(name, "Unknown based on")) // a PROJ.4 string with only +ellps=WGS84
        return false;
    return name && (std::strstr(name, "WGS_1984") || std::strstr(name, "World Geodetic System 1984") ||
                    std::strstr(name, "WGS 84") || std::strstr(name, "WGS84"));
}

/// WKT2 of a VN-2000 (EPSG:4756 based) TM-3 CRS with a non-provincial meridian.
std::string customTm3Wkt(double cm, double k)
{
    PjPtr geog(proj_create(ctx(), "EPSG:4756"));
    PjPtr conv(proj_create_conversion_transverse_mercator(ctx(), 0, cm, k, 500000, 0, "Degree", 0.0174532925199433,
                                                          "metre", 1.0));
    PjPtr cs(proj_create_cartesian_2D_cs(ctx(), PJ_CART2D_EASTING_NORTHING, "metre", 1.0));
    if (!geog || !conv || !cs)
        return {};
    char name[64];
    std::snprintf(name, sizeof name, "VN-2000 / TM-3 CM %.6g (custom)", cm);
    PjPtr crs(proj_create_projected_crs(ctx(), name, geog.get(), conv.get(), cs.get()));
    const char *wkt = crs ? proj_as_wkt(ctx(), crs.get(), PJ_WKT2_2019, nullptr) : nullptr;
    return wkt ? wkt : std::string();
}

std::string cmText(double cm)
{
    const int deg = static_cast<int>(cm);
    const double min = (cm - deg) * 60;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d°%02.4g'", deg, min);
    return buf;
}

/// The start of a user's CRS text for a message: at most @p max characters, whole UTF-8
/// sequences only, control characters and bytes that are not UTF-8 shown as '?'.
std::string quoteInput(const std::string &text, size_t max = 120)
{
    std::string out;
    size_t chars = 0;
    size_t i = 0;
    for (; i < text.size() && chars < max; ++chars) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool good = len > 0 && i + len <= text.size();
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; good && k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(text[i + k]);
            good = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        good = good && !((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
                         || (cp >= 0xD800 && cp <= 0xDFFF));
        if (!good) {
            out.push_back('?');
            ++i;
            continue;
        }
        if (len == 1 && (c < 0x20 || c == 0x7F))
            out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
        else
            out.append(text, i, len);
        i += len;
    }
    if (i < text.size())
        out += "…";
    return out;
}

} // namespace

const double *vn2000Towgs84() { return kPv; }

Recognition recognize(const std::string &text, const RecognizeOptions &options)
{
    Recognition r;
    std::string err;
    PjPtr crs = createCrs(text, &err);
    if (!crs) {
        r.notes.push_back(text.empty() ? std::string("the CRS definition is empty")
                                     : "PROJ cannot read this CRS definition: " + quoteInput(text));
        return r;
    }
    const bool bound = proj_get_type(crs.get()) == PJ_TYPE_BOUND_CRS;
    PjPtr base(bound ? proj_get_source_crs(ctx(), crs.get()) : proj_clone(ctx(), crs.get()));
    const char *baseName = proj_get_name(base.get());
    r.name = baseName ? baseName : "unnamed CRS";

    // 1. An authority code in the definition.
    const char *auth = proj_get_id_auth_name(base.get(), 0);
    const char *code = proj_get_id_code(base.get(), 0);
    int declared = (auth && code && !std::strcmp(auth, "EPSG")) ? std::atoi(code) : 0;

    // 2. A +towgs84 / TOWGS84 on the definition.
    Towgs towgs = Towgs::None;
    double v[7] = {0, 0, 0, 0, 0, 0, 0};
    if (bound) {
        PjPtr op(proj_crs_get_coordoperation(ctx(), crs.get()));
        if (op && proj_coordoperation_get_towgs84_values(ctx(), op.get(), v, 7, 0))
            towgs = classify(v);
    }

    // 3. Datum.
    r.vn2000 = isVn2000(base.get()) || towgs == Towgs::Pinned || towgs == Towgs::WrongSign ||
               towgs == Towgs::OtherVn2000;
    const PJ_TYPE type = proj_get_type(base.get());
    const bool projected = type == PJ_TYPE_PROJECTED_CRS;
    const bool geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;

    int match = 0;
    std::string customWkt;
    if (declared) {
        if (int now = replacementForDeprecated(declared)) {
            r.deprecatedEpsg = declared;
            r.notes.push_back("EPSG:" + std::to_string(declared) + " is deprecated (false easting and northing swapped in"
                              " the EPSG record); the data are read as EPSG:" + std::to_string(now));
            match = now;
        } else {
            match = declared;
        }
        r.vn2000 = r.vn2000 || isVn2000(base.get());
    } else if (projected) {
        const Tmerc t = tmercOf(base.get());
        const bool vnEllipsoid = wgs84Ellipsoid(base.get());
        const bool wgsDatum = datumIsWgs84(base.get()) && towgs == Towgs::None;
        if (t.isTmerc && vnEllipsoid && std::fabs(t.lat0) < 1e-9 && !wgsDatum) {
            const bool swapped = std::fabs(t.fe) < 1e-6 && std::fabs(t.fn - 500000) < 1e-3;
            const bool normal = std::fabs(t.fe - 500000) < 1e-3 && std::fabs(t.fn) < 1e-3;
            if (swapped)
                r.notes.push_back("false easting 0 and false northing 500000 (the layout of deprecated EPSG 6956–6959):"
                                  " read as false easting 500000");
            if ((normal || swapped) && std::fabs(t.k - 0.9999) < 1e-9) {
                if (!r.vn2000)
                    r.notes.push_back("datum not declared; assumed VN-2000 (WGS84 ellipsoid, TM-3 with k = 0.9999)");
                r.vn2000 = true;
                match = tm3EpsgForMeridian(t.lon0);
                if (match) {
                    r.notes.push_back("VN-2000 TM-3 with central meridian " + cmText(t.lon0) + " = EPSG:" +
                                      std::to_string(match));
                } else {
                    customWkt = customTm3Wkt(t.lon0, t.k);
                    r.name = "VN-2000 / TM-3 CM " + cmText(t.lon0) + " (custom, no EPSG code)";
                    r.notes.push_back("central meridian " + cmText(t.lon0) +
                                      " is not a provincial meridian; no EPSG code, kept as a custom VN-2000 TM-3");
                }
            } else if (normal && std::fabs(t.k - 0.9996) < 1e-9 && r.vn2000) {
                if (std::fabs(t.lon0 - 105) < 1e-6)
                    match = 3405;
                else if (std::fabs(t.lon0 - 111) < 1e-6)
                    match = 3406;
            }
        }
        if (!match && !r.vn2000)
            match = identifyEpsg(crs.get());
    } else if (geographic) {
        if (r.vn2000 && wgs84Ellipsoid(base.get()))
            match = 4756;
        else if (datumIsWgs84(base.get()) && towgs == Towgs::None)
            match = 4326;
        else
            match = identifyEpsg(crs.get());
    } else {
        match = identifyEpsg(crs.get());
    }

    if (match) {
        PjPtr known = createCrs("EPSG:" + std::to_string(match));
        if (known) {
            const char *n = proj_get_name(known.get());
            r.name = n ? n : r.name;
        }
    }

    // 4. The datum shift the input declared.
    switch (towgs) {
    case Towgs::WrongSign:
        r.wrongSignTowgs84 = true;
        r.notes.push_back("WARNING: +towgs84=" + formatParams(v) +
                          " has the rotation signs of Decision 05/2007 (coordinate frame) pasted into a position-vector"
                          " +towgs84; positions converted with it are 0.5–0.8 m wrong. The correct string flips the"
                          " rotation signs (EPSG:6960).");
        if (options.correctWrongSign && (match || !customWkt.empty())) {
            r.corrected = true;
            r.notes.push_back("corrected on request: using the pinned EPSG:6960 operation instead");
        } else {
            r.suggestedEpsg = match;
            r.notes.push_back(match ? "not corrected: confirm to use EPSG:" + std::to_string(match) +
                                          " with the pinned operation"
                                    : "not corrected: confirm to use the pinned EPSG:6960 operation");
            r.epsg = 0;
            r.definition = text;
            return r;
        }
        break;
    case Towgs::OtherVn2000:
        r.notes.push_back("the declared +towgs84=" + formatParams(v) +
                          " is not EPSG:6960; VNLand uses the pinned EPSG:6960 for every VN-2000 datum shift");
        break;
    case Towgs::Other:
        if (r.vn2000)
            r.notes.push_back("the declared +towgs84=" + formatParams(v) + " is not a VN-2000 parameter set");
        break;
    default:
        break;
    }

    if (match) {
        r.epsg = match;
        r.definition = "EPSG:" + std::to_string(match);
    } else if (!customWkt.empty()) {
        r.definition = customWkt;
    } else {
        r.definition = text;
        if (r.vn2000)
            r.notes.push_back("VN-2000 CRS without an EPSG equivalent; used as declared");
        else
            r.notes.push_back("not a VN-2000 CRS and no EPSG code identified; used as declared");
    }
    return r;
}

} // namespace vnland::crs
