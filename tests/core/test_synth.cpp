// Synthetic coverage generator: determinism, exact counts, a clean coverage
// without faults (areas add up to the union, no overlaps), every manifest
// fault really present, vertex counts, legacy encodings in the written DBF,
// reprojection and the CLI.
#define BOOST_TEST_MODULE test_synth
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "crs/transformer.h"
#include "geom/geos_context.h"
#include "io/text_encoding.h"
#include "synth/coverage_generator.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

using namespace vnland;

namespace {

struct GdalInit {
    GdalInit() { GDALAllRegister(); }
};
BOOST_GLOBAL_FIXTURE(GdalInit);

std::vector<model::Parcel> generate(const synth::SynthOptions &o, synth::SynthResult *result = nullptr)
{
    std::vector<model::Parcel> out;
    std::string error;
    synth::SynthResult r = synth::generateCoverage(o, [&](const model::Parcel &p) { out.push_back(p); }, &error);
    BOOST_REQUIRE_MESSAGE(r.ok, error);
    if (result)
        *result = r;
    return out;
}

geom::GeomPtr toGeom(const model::Parcel &p)
{
    return geom::fromWkb(p.wkb.data(), p.wkb.size());
}

int ringPoints(const GEOSGeometry *g)
{
    const GEOSGeometry *poly = GEOSGetGeometryN_r(geom::ctx(), g, 0);
    const GEOSGeometry *ring = GEOSGetExteriorRing_r(geom::ctx(), poly);
    return GEOSGeomGetNumPoints_r(geom::ctx(), ring);
}

std::string sha(const std::string &path)
{
    const std::string bytes = test::readFile(path);
    return QCryptographicHash::hash(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

/// Minimal dBASE III reader: the raw bytes of every character field, by name.
struct Dbf {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> records;
    std::string field(size_t rec, const std::string &name) const
    {
        for (size_t k = 0; k < names.size(); ++k)
            if (names[k] == name) {
                std::string v = records[rec][k];
                while (!v.empty() && v.back() == ' ')
                    v.pop_back();
                return v;
            }
        return {};
    }
};

Dbf readDbf(const std::string &path)
{
    const std::string b = test::readFile(path);
    Dbf d;
    BOOST_REQUIRE(b.size() > 32);
    auto u16 = [&](size_t o) { return static_cast<size_t>(static_cast<unsigned char>(b[o]) | (static_cast<unsigned char>(b[o + 1]) << 8)); };
    const size_t nrec = static_cast<size_t>(static_cast<unsigned char>(b[4])) | (static_cast<size_t>(static_cast<unsigned char>(b[5])) << 8)
                        | (static_cast<size_t>(static_cast<unsigned char>(b[6])) << 16);
    const size_t headerLen = u16(8), recLen = u16(10);
    std::vector<size_t> widths;
    for (size_t o = 32; o + 32 <= headerLen && b[o] != 0x0D; o += 32) {
        d.names.push_back(std::string(b.c_str() + o));
        widths.push_back(static_cast<unsigned char>(b[o + 16]));
    }
    for (size_t r = 0; r < nrec; ++r) {
        size_t o = headerLen + r * recLen + 1;
        std::vector<std::string> rec;
        for (size_t w : widths) {
            rec.push_back(b.substr(o, w));
            o += w;
        }
        d.records.push_back(rec);
    }
    return d;
}

std::set<std::string> knownCodes()
{
    std::set<std::string> codes;
    const std::string csv = test::readFile(std::string(VNLAND_SAMPLE_DIR) + "/../schemas/landuse_codes.csv");
    std::istringstream ss(csv);
    std::string line;
    std::getline(ss, line);
    while (std::getline(ss, line))
        codes.insert(line.substr(0, line.find(',')));
    return codes;
}

} // namespace

BOOST_AUTO_TEST_CASE(fault_spec_parsing)
{
    std::map<std::string, int> c;
    std::string err;
    BOOST_TEST(synth::parseFaultSpec("overlap=3, gap=2,spike", &c, &err));
    BOOST_TEST(c["overlap"] == 3);
    BOOST_TEST(c["gap"] == 2);
    BOOST_TEST(c["spike"] == 1);
    BOOST_TEST(!synth::parseFaultSpec("overlap=3,wobble=1", &c, &err));
    BOOST_TEST(err.find("wobble") != std::string::npos);
    BOOST_TEST(!synth::parseFaultSpec("gap=-1", &c, &err));
}

BOOST_AUTO_TEST_CASE(exact_counts_and_clean_coverage)
{
    synth::SynthOptions o;
    o.parcels = 700;
    o.seed = 11;
    synth::SynthResult r;
    const auto parcels = generate(o, &r);
    BOOST_TEST(r.parcelCount == 700);
    BOOST_TEST(static_cast<int64_t>(parcels.size()) == r.featureCount);
    BOOST_TEST(r.roadCount > 10);
    BOOST_TEST(r.waterwayCount >= 1);
    BOOST_TEST(r.faults.empty());
    BOOST_TEST(r.sheets.size() >= 2);
    int64_t lots = 0;
    std::set<std::tuple<int, int>> numbers;
    std::set<std::string> uuids;
    std::vector<geom::GeomPtr> geoms;
    double sum = 0;
    for (const auto &p : parcels) {
        if (p.objectKind == "parcel") {
            ++lots;
            // Legal areas agree with the drawn parcel (to 0.1 m²) in a clean coverage.
            if (p.legalArea)
                BOOST_TEST(std::abs(*p.legalArea - std::round(geom::area(toGeom(p).get()) * 10) / 10) < 1e-9);
            BOOST_TEST(!p.ownerName.empty());
            BOOST_TEST(!p.address.empty());
        }
        BOOST_TEST(p.communeCode == "07192");
        BOOST_REQUIRE(p.toSo.has_value());
        BOOST_TEST(*p.toSo >= 1);
        BOOST_TEST(*p.toSo <= static_cast<int>(r.sheets.size()));
        BOOST_TEST(numbers.insert({*p.toSo, *p.thuaSo}).second); // (tờ, thửa) unique
        BOOST_TEST(uuids.insert(p.uuid).second);
        auto g = toGeom(p);
        BOOST_REQUIRE(g);
        std::string why;
        BOOST_TEST_CONTEXT("feature " << p.id) BOOST_TEST(geom::isValid(g.get(), &why), why);
        const int distinct = ringPoints(g.get()) - 1;
        if (p.objectKind == "parcel") {
            BOOST_TEST(distinct >= 5);
            BOOST_TEST(distinct <= 30);
        }
        // The parcel's tờ is the sheet that holds its larger part (cadastral_rules.md).
        auto inside = [&](const synth::SheetInfo &s) {
            auto frame = geom::fromWkt("POLYGON((" + std::to_string(s.minX) + " " + std::to_string(s.minY) + "," +
                                       std::to_string(s.maxX) + " " + std::to_string(s.minY) + "," +
                                       std::to_string(s.maxX) + " " + std::to_string(s.maxY) + "," +
                                       std::to_string(s.minX) + " " + std::to_string(s.maxY) + "," +
                                       std::to_string(s.minX) + " " + std::to_string(s.minY) + "))");
            geom::GeomPtr in(GEOSIntersection_r(geom::ctx(), g.get(), frame.get()));
            return geom::area(in.get());
        };
        const double own = inside(r.sheets[static_cast<size_t>(*p.toSo - 1)]);
        for (const auto &s : r.sheets)
            if (s.toSo != *p.toSo)
                BOOST_TEST(inside(s) <= own + 1e-6, "feature " << p.id << " has more on tờ " << s.toSo);
        sum += geom::area(g.get());
        geoms.push_back(std::move(g));
    }
    BOOST_TEST(lots == 700);
    // Thửa numbers run 1..n on each sheet without holes.
    std::map<int, int> maxPerSheet, countPerSheet;
    for (const auto &[to, thua] : numbers) {
        maxPerSheet[to] = std::max(maxPerSheet[to], thua);
        countPerSheet[to]++;
    }
    for (const auto &[to, n] : countPerSheet)
        BOOST_TEST(maxPerSheet[to] == n);

    // Sum of areas == area of the union: no overlaps, and the generator's total agrees.
    std::vector<GEOSGeometry *> raw;
    for (auto &g : geoms)
        raw.push_back(GEOSGeom_clone_r(geom::ctx(), g.get()));
    geom::GeomPtr coll(GEOSGeom_createCollection_r(geom::ctx(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                   static_cast<unsigned>(raw.size())));
    geom::GeomPtr u(GEOSUnaryUnion_r(geom::ctx(), coll.get()));
    BOOST_REQUIRE(u);
    const double unionArea = geom::area(u.get());
    BOOST_TEST(std::abs(sum - unionArea) / unionArea < 1e-6);
    BOOST_TEST(std::abs(sum - r.totalArea) / sum < 1e-9);
    // No gaps: the union is a single polygon without holes.
    BOOST_TEST(GEOSGetNumGeometries_r(geom::ctx(), u.get()) == 1);
    const GEOSGeometry *shell = GEOSGetGeometryN_r(geom::ctx(), u.get(), 0);
    BOOST_TEST(GEOSGetNumInteriorRings_r(geom::ctx(), shell) == 0);

    // No pair of features overlaps by more than 0.01 m² (STRtree candidates).
    geom::STRtreePtr tree(GEOSSTRtree_create_r(geom::ctx(), 10));
    for (size_t k = 0; k < geoms.size(); ++k)
        GEOSSTRtree_insert_r(geom::ctx(), tree.get(), geoms[k].get(), reinterpret_cast<void *>(k));
    struct Ctx {
        std::vector<geom::GeomPtr> *geoms;
        size_t self;
        int bad;
        int touching;
    } qc{&geoms, 0, 0, 0};
    for (size_t k = 0; k < geoms.size(); ++k) {
        qc.self = k;
        GEOSSTRtree_query_r(
            geom::ctx(), tree.get(), geoms[k].get(),
            [](void *item, void *userdata) {
                auto *q = static_cast<Ctx *>(userdata);
                const size_t other = reinterpret_cast<size_t>(item);
                if (other <= q->self)
                    return;
                geom::GeomPtr inter(GEOSIntersection_r(geom::ctx(), (*q->geoms)[q->self].get(), (*q->geoms)[other].get()));
                if (inter && geom::area(inter.get()) > 0.01)
                    q->bad++;
                if (inter && !GEOSisEmpty_r(geom::ctx(), inter.get()))
                    q->touching++;
            },
            &qc);
    }
    BOOST_TEST(qc.bad == 0);
    BOOST_TEST(qc.touching > static_cast<int>(geoms.size())); // neighbours really share boundaries
}

BOOST_AUTO_TEST_CASE(tiny_coverages_are_clean_too)
{
    for (int n : {1, 2, 3, 5, 8, 13, 40}) {
        BOOST_TEST_CONTEXT("parcels " << n)
        {
            synth::SynthOptions o;
            o.parcels = n;
            o.seed = static_cast<uint64_t>(n);
            synth::SynthResult r;
            const auto parcels = generate(o, &r);
            BOOST_TEST(r.parcelCount == n);
            double sum = 0;
            std::vector<GEOSGeometry *> raw;
            for (const auto &p : parcels) {
                auto g = toGeom(p);
                BOOST_REQUIRE(g);
                BOOST_TEST(geom::isValid(g.get()));
                if (p.objectKind == "parcel") {
                    BOOST_TEST(ringPoints(g.get()) - 1 >= 5);
                    BOOST_TEST(ringPoints(g.get()) - 1 <= 30);
                }
                sum += geom::area(g.get());
                raw.push_back(g.release());
            }
            geom::GeomPtr coll(GEOSGeom_createCollection_r(geom::ctx(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                           static_cast<unsigned>(raw.size())));
            geom::GeomPtr u(GEOSUnaryUnion_r(geom::ctx(), coll.get()));
            BOOST_TEST(std::abs(sum - geom::area(u.get())) / sum < 1e-6);
            BOOST_TEST(GEOSGetNumGeometries_r(geom::ctx(), u.get()) == 1);
        }
    }
    // Bad options are values, not crashes.
    synth::SynthOptions bad;
    bad.parcels = 0;
    std::string err;
    BOOST_TEST(!synth::generateCoverage(bad, [](const model::Parcel &) {}, &err).ok);
    BOOST_TEST(err.find("--parcels") != std::string::npos);
    bad.parcels = 10;
    bad.faults = "overlap=5";
    BOOST_TEST(!synth::generateCoverage(bad, [](const model::Parcel &) {}, &err).ok);
    BOOST_TEST(err.find("faults need") != std::string::npos);
    bad.faults.clear();
    bad.communeCode = "7192";
    BOOST_TEST(!synth::generateCoverage(bad, [](const model::Parcel &) {}, &err).ok);
}

BOOST_AUTO_TEST_CASE(sample_sheets_at_co_to)
{
    // The sample-data layout (sample_data/coto/regenerate.sh): 300 parcels straddling
    // the corner of four 1 km cells, two 1:2000 sheets and two 1:1000 quarter sheets.
    synth::SynthOptions o;
    o.parcels = 300;
    o.seed = 2029;
    synth::SynthResult r;
    const auto parcels = generate(o, &r);
    BOOST_REQUIRE(r.sheets.size() == 4);
    const std::vector<std::pair<std::string, int>> expected = {
        {"322500-6", 2000}, {"322500-8", 2000}, {"322500-5-d", 1000}, {"322500-9-a", 1000}};
    std::map<int, int> perSheet;
    for (const auto &p : parcels)
        perSheet[*p.toSo]++;
    for (size_t k = 0; k < 4; ++k) {
        BOOST_TEST(r.sheets[k].toSo == static_cast<int>(k) + 1);
        BOOST_TEST(r.sheets[k].sheetId == expected[k].first);
        BOOST_TEST(r.sheets[k].scale == expected[k].second);
        BOOST_TEST(r.sheets[k].maxX - r.sheets[k].minX == (expected[k].second == 2000 ? 1000.0 : 500.0));
        BOOST_TEST(perSheet[static_cast<int>(k) + 1] > 5);
    }
    // Near Cô Tô: easting ~502 km, northing ~2 320 km.
    BOOST_TEST(r.minX > 501000);
    BOOST_TEST(r.maxX < 503000);
    BOOST_TEST(r.minY > 2319000);
    BOOST_TEST(r.maxY < 2321000);
}

BOOST_AUTO_TEST_CASE(sample_data_matches_the_generator)
{
    // sample_data/coto/ must be exactly what regenerate.sh writes with this generator.
    test::TempDir tmp;
    const std::string sample = std::string(VNLAND_SAMPLE_DIR) + "/coto/";
    synth::SynthOptions o;
    o.parcels = 300;
    o.seed = 2029;
    std::string err;
    o.encoding = io::TextEncoding::Tcvn3;
    o.targetEpsg = 3405;
    BOOST_REQUIRE_MESSAGE(synth::writeCoverage(o, tmp.file("coto_tt75_tcvn3_utm48n.shp"), &err).ok, err);
    o.encoding = io::TextEncoding::Utf8;
    o.targetEpsg = 5899;
    o.sheetsPath = tmp.file("coto_sheets.geojson");
    BOOST_REQUIRE_MESSAGE(synth::writeCoverage(o, tmp.file("coto_wgs84.geojson"), &err).ok, err);
    o.sheetsPath.clear();
    o.faults = "overlap=3,gap=2,sliver=2,self_intersection=1,duplicate_number=2,unknown_code=3,spike=1,duplicate_geometry=1";
    o.manifestPath = tmp.file("coto_faulty_manifest.json");
    const auto r = synth::writeCoverage(o, tmp.file("coto_faulty.shp"), &err);
    BOOST_REQUIRE_MESSAGE(r.ok, err);
    BOOST_TEST(r.parcelCount == 301);
    BOOST_TEST(r.featureCount == 394);
    for (const char *f : {"coto_tt75_tcvn3_utm48n.shp", "coto_tt75_tcvn3_utm48n.shx", "coto_tt75_tcvn3_utm48n.dbf",
                          "coto_tt75_tcvn3_utm48n.prj", "coto_wgs84.geojson", "coto_sheets.geojson", "coto_faulty.shp",
                          "coto_faulty.shx", "coto_faulty.dbf", "coto_faulty.prj", "coto_faulty.cpg",
                          "coto_faulty_manifest.json"})
        BOOST_TEST(sha(tmp.file(f)) == sha(sample + f), f << " differs from sample_data/coto (run regenerate.sh)");
    BOOST_TEST(!std::filesystem::exists(sample + "coto_tt75_tcvn3_utm48n.cpg"));
}

BOOST_AUTO_TEST_CASE(deterministic_bytes)
{
    test::TempDir tmp;
    synth::SynthOptions o;
    o.parcels = 300;
    o.seed = 42;
    o.faults = "overlap=1,gap=1,duplicate_number=1";
    std::string err;
    std::map<std::string, std::string> hashes[2];
    for (int run = 0; run < 2; ++run) {
        const auto dir = tmp.path() / ("run" + std::to_string(run));
        std::filesystem::create_directories(dir);
        o.manifestPath = (dir / "m.json").string();
        auto r = synth::writeCoverage(o, (dir / "c.shp").string(), &err);
        BOOST_REQUIRE_MESSAGE(r.ok, err);
        auto g = synth::writeCoverage(o, (dir / "c.geojson").string(), &err);
        BOOST_REQUIRE_MESSAGE(g.ok, err);
        for (const char *f : {"c.shp", "c.shx", "c.dbf", "c.prj", "c.cpg", "m.json", "c.geojson"})
            hashes[run][f] = sha((dir / f).string());
    }
    BOOST_TEST((hashes[0] == hashes[1]));
    // Another seed gives another coverage.
    synth::SynthOptions other = o;
    other.seed = 43;
    other.manifestPath.clear();
    BOOST_REQUIRE(synth::writeCoverage(other, tmp.file("d.shp"), &err).ok);
    BOOST_TEST(sha(tmp.file("d.shp")) != hashes[0]["c.shp"]);
}

BOOST_AUTO_TEST_CASE(every_manifest_fault_is_present)
{
    synth::SynthOptions o;
    o.parcels = 600;
    o.seed = 7;
    const auto clean = generate(o);
    o.faults = "overlap=3,gap=2,sliver=2,self_intersection=1,duplicate_number=2,unknown_code=3,spike=1,duplicate_geometry=1,"
               "area_mismatch=2";
    synth::SynthResult r;
    const auto faulty = generate(o, &r);
    std::map<std::string, int> byKind;
    std::map<std::string, int> sideEffects;
    for (const auto &f : r.faults)
        (f.sideEffectOf.empty() ? byKind : sideEffects)[f.kind + (f.sideEffectOf.empty() ? "" : "<" + f.sideEffectOf)]++;
    // What validate also reports, listed as faults of their own: the spike's needle overlaps the road
    // and the bow-tie leaves a notch, each with a vertex the road lacks; the duplicate overlaps the original.
    BOOST_TEST(sideEffects["overlap<spike"] == 1);
    BOOST_TEST(sideEffects["unmatched_vertex<spike"] == 1);
    BOOST_TEST(sideEffects["gap<self_intersection"] == 1);
    BOOST_TEST(sideEffects["unmatched_vertex<self_intersection"] == 1);
    BOOST_TEST(sideEffects["overlap<duplicate_geometry"] == 1);
    BOOST_TEST(sideEffects.size() == 5u);
    BOOST_TEST(byKind["overlap"] == 3);
    BOOST_TEST(byKind["gap"] == 2);
    BOOST_TEST(byKind["sliver"] == 2);
    BOOST_TEST(byKind["self_intersection"] == 1);
    BOOST_TEST(byKind["duplicate_number"] == 2);
    BOOST_TEST(byKind["unknown_code"] == 3);
    BOOST_TEST(byKind["spike"] == 1);
    BOOST_TEST(byKind["duplicate_geometry"] == 1);
    BOOST_TEST(byKind["area_mismatch"] == 2);
    BOOST_TEST(r.parcelCount == 601); // the duplicated geometry is one more feature
    BOOST_TEST(static_cast<int64_t>(faulty.size()) == static_cast<int64_t>(clean.size()) + 1);

    std::map<std::string, const model::Parcel *> cleanBy, faultyBy;
    for (const auto &p : clean)
        cleanBy[p.uuid] = &p;
    for (const auto &p : faulty)
        faultyBy[p.uuid] = &p;
    const auto codes = knownCodes();
    for (const auto &f : r.faults) {
        if (!f.sideEffectOf.empty()) {
            BOOST_TEST(faultyBy.count(f.parcels.at(0).uuid) == 1u);
            continue;
        }
        BOOST_TEST_CONTEXT(f.kind << " at " << f.x << "," << f.y)
        {
            BOOST_REQUIRE(!f.parcels.empty());
            const auto &id = f.parcels[0];
            BOOST_REQUIRE(faultyBy.count(id.uuid));
            const model::Parcel &p = *faultyBy[id.uuid];
            BOOST_TEST(*p.toSo == id.toSo);
            BOOST_TEST(*p.thuaSo == id.thuaSo);
            BOOST_TEST(p.communeCode == id.communeCode);
            auto g = toGeom(p);
            auto c = toGeom(*cleanBy.at(id.uuid));
            if (f.kind == "overlap" || f.kind == "gap" || f.kind == "sliver") {
                BOOST_REQUIRE(f.parcels.size() == 2);
                auto partner = toGeom(*faultyBy.at(f.parcels[1].uuid));
                geom::GeomPtr inter(GEOSIntersection_r(geom::ctx(), g.get(), partner.get()));
                const double delta = geom::area(g.get()) - geom::area(c.get());
                BOOST_TEST(f.measure > 0.05);
                if (f.kind == "overlap") {
                    BOOST_TEST(std::abs(geom::area(inter.get()) - f.measure) < 0.01 * f.measure + 1e-3);
                    BOOST_TEST(std::abs(delta - f.measure) < 1e-3);
                } else {
                    BOOST_TEST(geom::area(inter.get()) < 1e-6);
                    BOOST_TEST(std::abs(-delta - f.measure) < 1e-3);
                }
                if (f.kind == "sliver")
                    BOOST_TEST(f.measure < 10.0);
            } else if (f.kind == "self_intersection") {
                BOOST_TEST(!geom::isValid(g.get()));
                BOOST_TEST(geom::isValid(c.get()));
            } else if (f.kind == "spike") {
                BOOST_TEST(ringPoints(g.get()) == ringPoints(c.get()) + 2);
                geom::GeomPtr tip(GEOSGeom_createPointFromXY_r(geom::ctx(), f.x, f.y));
                double d = 1;
                GEOSDistance_r(geom::ctx(), g.get(), tip.get(), &d);
                BOOST_TEST(d < 1e-6);
                GEOSDistance_r(geom::ctx(), c.get(), tip.get(), &d);
                BOOST_TEST(d > 5.0);
            } else if (f.kind == "unknown_code") {
                BOOST_TEST(codes.count(p.landuseCode) == 0);
                BOOST_TEST(codes.count(cleanBy.at(id.uuid)->landuseCode) == 1);
            } else if (f.kind == "duplicate_number") {
                BOOST_REQUIRE(f.parcels.size() == 2);
                const model::Parcel &q = *faultyBy.at(f.parcels[1].uuid);
                BOOST_TEST(q.uuid != p.uuid);
                BOOST_TEST(*q.toSo == *p.toSo);
                BOOST_TEST(*q.thuaSo == *p.thuaSo);
            } else if (f.kind == "area_mismatch") {
                // Beyond the tolerance 0.0004·M·√P even at 1:2000; the clean parcel's legal area agrees.
                BOOST_REQUIRE(p.legalArea.has_value());
                const double measured = std::round(geom::area(g.get()) * 10) / 10;
                BOOST_TEST(std::abs(*p.legalArea - measured) > 0.8 * std::sqrt(*p.legalArea));
                BOOST_TEST(std::abs(std::abs(*p.legalArea - measured) - f.measure) < 0.051);
                const model::Parcel &q = *cleanBy.at(id.uuid);
                if (q.legalArea)
                    BOOST_TEST(*q.legalArea == *q.measuredArea);
            } else if (f.kind == "duplicate_geometry") {
                BOOST_REQUIRE(f.parcels.size() == 2);
                const model::Parcel &q = *faultyBy.at(f.parcels[1].uuid);
                BOOST_TEST(q.uuid != p.uuid);
                BOOST_TEST((q.wkb == p.wkb));
                BOOST_TEST(*q.thuaSo != *p.thuaSo);
            }
        }
    }
    // The manifest JSON lists the same faults.
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.manifestJson()));
    BOOST_TEST(doc.object().value(QStringLiteral("faults")).toArray().size() == static_cast<qsizetype>(r.faults.size()));
    BOOST_TEST(doc.object().value(QStringLiteral("commune_code")).toString() == QStringLiteral("07192"));
}

BOOST_AUTO_TEST_CASE(legacy_encodings_in_the_dbf)
{
    test::TempDir tmp;
    synth::SynthOptions o;
    o.parcels = 150;
    o.seed = 5;
    const auto parcels = generate(o);
    for (io::TextEncoding enc : {io::TextEncoding::Tcvn3, io::TextEncoding::Vni, io::TextEncoding::Utf8}) {
        BOOST_TEST_CONTEXT(io::encodingName(enc))
        {
            o.encoding = enc;
            const std::string path = tmp.file("c_" + io::encodingName(enc) + ".shp");
            std::string err;
            BOOST_REQUIRE_MESSAGE(synth::writeCoverage(o, path, &err).ok, err);
            const auto cpg = std::filesystem::path(path).replace_extension(".cpg");
            BOOST_TEST(std::filesystem::exists(cpg) == (enc == io::TextEncoding::Utf8));
            const Dbf dbf = readDbf(std::filesystem::path(path).replace_extension(".dbf").string());
            for (const char *name : {"MaXa", "SoHieuToBa", "SoThuTuThu", "SoHieuTo_1", "SoThuTuT_1", "DienTich",
                                     "DienTichPh", "KyHieuMucD", "KyHieuDoiT", "TenChu", "DiaChi", "DaCapGCN", "UUID",
                                     "LoaiDoiTuo"})
                BOOST_TEST(std::count(dbf.names.begin(), dbf.names.end(), name) == 1, name);
            BOOST_REQUIRE(dbf.records.size() == parcels.size());
            std::vector<std::string> samples;
            int nonAscii = 0;
            for (size_t k = 0; k < parcels.size(); ++k) {
                const std::string owner = dbf.field(k, "TenChu"), addr = dbf.field(k, "DiaChi");
                if (k < 40) {
                    samples.push_back(owner);
                    samples.push_back(addr);
                }
                for (char ch : owner)
                    nonAscii += static_cast<unsigned char>(ch) >= 0x80;
                BOOST_TEST(io::decode(owner, enc) == parcels[k].ownerName);
                BOOST_TEST(io::decode(addr, enc) == parcels[k].address);
                BOOST_TEST(dbf.field(k, "LoaiDoiTuo") == parcels[k].objectKind);
                BOOST_TEST(dbf.field(k, "KyHieuMucD") == parcels[k].landuseCode);
                BOOST_TEST(std::stoi(dbf.field(k, "SoThuTuThu")) == *parcels[k].thuaSo);
                BOOST_TEST(dbf.field(k, "UUID") == parcels[k].uuid);
            }
            BOOST_TEST(nonAscii > 100);
            const auto guess = io::detectEncoding(samples);
            BOOST_TEST(io::encodingName(guess.encoding) == io::encodingName(enc));
            BOOST_TEST(!guess.ambiguous);
        }
    }
}

BOOST_AUTO_TEST_CASE(reprojected_outputs)
{
    test::TempDir tmp;
    synth::SynthOptions o;
    o.parcels = 80;
    o.seed = 9;
    const auto parcels = generate(o);
    o.targetEpsg = 3405;
    std::string err;
    BOOST_REQUIRE_MESSAGE(synth::writeCoverage(o, tmp.file("u.shp"), &err).ok, err);
    o.sheetsPath = tmp.file("sheets.geojson");
    const auto wr = synth::writeCoverage(o, tmp.file("w.geojson"), &err);
    BOOST_REQUIRE_MESSAGE(wr.ok, err);
    {
        GDALDatasetUniquePtr sh(GDALDataset::Open(o.sheetsPath.c_str(), GDAL_OF_VECTOR));
        BOOST_REQUIRE(sh);
        OGRLayer *l = sh->GetLayer(0);
        BOOST_TEST(l->GetFeatureCount() == static_cast<GIntBig>(wr.sheets.size()));
        OGRFeatureUniquePtr s(l->GetNextFeature());
        BOOST_TEST(s->GetFieldAsInteger("to_so") == 1);
        BOOST_TEST(std::string(s->GetFieldAsString("commune_code")) == "07192");
        BOOST_TEST((s->GetFieldAsInteger("scale") == 1000 || s->GetFieldAsInteger("scale") == 2000));
        BOOST_TEST(std::string(s->GetFieldAsString("sheet_id")) == wr.sheets[0].sheetId);
    }
    BOOST_TEST(std::filesystem::exists(tmp.file("u.prj")));

    auto back = crs::Transformer::create("EPSG:3405", "EPSG:5899", &err);
    BOOST_REQUIRE(back);
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.file("u.shp").c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(ds);
    OGRLayer *layer = ds->GetLayer(0);
    BOOST_TEST(layer->GetFeatureCount() == static_cast<GIntBig>(parcels.size()));
    OGRSpatialReference srs(*layer->GetSpatialRef());
    srs.AutoIdentifyEPSG();
    BOOST_TEST(std::string(srs.GetAuthorityCode(nullptr) ? srs.GetAuthorityCode(nullptr) : "") == "3405");
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    const OGRPolygon *poly = f->GetGeometryRef()->toPolygon();
    double x = poly->getExteriorRing()->getX(0), y = poly->getExteriorRing()->getY(0);
    BOOST_TEST(back->transform(x, y));
    auto g = toGeom(parcels[0]);
    geom::GeomPtr pt(GEOSGeom_createPointFromXY_r(geom::ctx(), x, y));
    double d = 1;
    GEOSDistance_r(geom::ctx(), g.get(), pt.get(), &d);
    BOOST_TEST(d < 0.001); // the UTM vertex maps back onto the TM-3 boundary within 1 mm

    GDALDatasetUniquePtr js(GDALDataset::Open(tmp.file("w.geojson").c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(js);
    OGRFeatureUniquePtr jf(js->GetLayer(0)->GetNextFeature());
    OGREnvelope env;
    jf->GetGeometryRef()->getEnvelope(&env);
    BOOST_TEST(env.MinX > 107.7);
    BOOST_TEST(env.MaxX < 107.8); // Cô Tô island
    BOOST_TEST(env.MinY > 20.9);
    BOOST_TEST(env.MaxY < 21.1);
    BOOST_TEST(jf->GetFieldIndex("owner_name") >= 0);
    BOOST_TEST(jf->GetFieldIndex("thua_so") >= 0);
}

BOOST_AUTO_TEST_CASE(cli_synth)
{
    test::TempDir tmp;
    auto r = test::runCli("synth --parcels 60 --seed 3 --format gpkg --out '" + tmp.file("c.gpkg") + "' --faults overlap=1 --manifest '"
                          + tmp.file("m.json") + "'");
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(std::filesystem::exists(tmp.file("m.json")));
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.file("c.gpkg").c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(ds);
    BOOST_TEST(ds->GetLayerByName("parcels") != nullptr);
    BOOST_TEST(ds->GetLayerByName("sheets") != nullptr);
    r = test::runCli("synth --parcels 60 --out '" + tmp.file("x.shp") + "' --faults wobble=1");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("wobble") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(tmp.file("x.shp")));
    r = test::runCli("synth --parcels 60 --out '" + tmp.file("x.geojson") + "' --encoding tcvn3");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("Shapefile") != std::string::npos);
}
