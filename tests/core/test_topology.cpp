// Topology validation engine: one hand-made case per rule, storage and
// exports, incremental runs, and the fixes (re-validation clean, parcels kept).
#define BOOST_TEST_MODULE topology
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "geom/geos_context.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "synth/coverage_generator.h"
#include "topology/topology_engine.h"
#include "topology/topology_fix.h"
#include "topology/validation_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>
#include <ostream>
#include <set>

namespace vnland::topology {
std::ostream &operator<<(std::ostream &o, Rule r) { return o << ruleId(r); }
} // namespace vnland::topology

using namespace vnland;
using topology::Rule;

namespace {

struct P {
    std::string wkt;
    int thua = 0;
    std::string code = "ONT";
    std::optional<double> legal = std::nullopt;
    int to = 1;
    std::string flags = {};
};

model::Parcel parcel(const P &p)
{
    model::Parcel m;
    m.communeCode = "22222";
    m.toSo = p.to;
    if (p.thua > 0)
        m.thuaSo = p.thua;
    m.landuseCode = p.code;
    m.legalArea = p.legal;
    m.flags = p.flags; // "duplicate_number" lets the store keep a second row with the same number
    auto g = geom::fromWkt(p.wkt);
    BOOST_REQUIRE_MESSAGE(g, "bad WKT in test: " + p.wkt);
    m.measuredArea = geom::area(g.get());
    m.wkb = geom::toWkb(g.get());
    return m;
}

/// A temporary project holding the given parcels (numbered in order when thua = 0).
struct Fixture {
    test::TempDir tmp;
    std::unique_ptr<store::Project> project;
    std::vector<int64_t> ids;

    explicit Fixture(const std::vector<P> &parcels)
    {
        project = store::Project::create(tmp.file("t.sqlite"), {});
        store::Transaction tx(project->db());
        store::ParcelWriter w(*project);
        int n = 0;
        for (P p : parcels) {
            ++n;
            if (p.thua == 0)
                p.thua = n;
            ids.push_back(w.insert(parcel(p)));
        }
        tx.commit();
    }

    topology::ValidationReport run(std::vector<Rule> rules = {})
    {
        topology::EngineOptions o;
        o.rules = std::move(rules);
        return topology::validateProject(*project, o);
    }

    double liveArea()
    {
        const auto v = project->db().queryText("SELECT sum(Area(geom)) FROM parcel WHERE end_time IS NULL");
        return v ? std::stod(*v) : 0.0;
    }
    int64_t liveCount() { return project->db().queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL").value(); }
};

std::string box(double x0, double y0, double x1, double y1)
{
    auto f = [](double v) { return std::to_string(v); };
    return "POLYGON((" + f(x0) + " " + f(y0) + "," + f(x1) + " " + f(y0) + "," + f(x1) + " " + f(y1) + "," + f(x0) + " " +
           f(y1) + "," + f(x0) + " " + f(y0) + "))";
}

std::map<Rule, size_t> counts(const topology::ValidationReport &r)
{
    std::map<Rule, size_t> c;
    for (const auto &i : r.issues)
        ++c[i.rule];
    return c;
}

std::string dump(const topology::ValidationReport &r)
{
    std::string s;
    for (const auto &i : r.issues)
        s += std::string(topology::ruleId(i.rule)) + ": " + i.message + "\n";
    return s;
}

/// 2×2 grid of 10 m squares sharing every vertex.
std::vector<P> grid()
{
    return {{box(0, 0, 10, 10)}, {box(10, 0, 20, 10)}, {box(0, 10, 10, 20)}, {box(10, 10, 20, 20)}};
}

} // namespace

BOOST_AUTO_TEST_CASE(touching_neighbours_give_no_issue)
{
    Fixture f(grid());
    const auto r = f.run();
    BOOST_TEST(r.issues.empty(), dump(r));
    BOOST_TEST(r.parcelsExamined == 4u);
    BOOST_TEST(r.rulesRun.size() == static_cast<size_t>(topology::kRuleCount));
}

BOOST_AUTO_TEST_CASE(overlap_finds_containment_that_geos_overlaps_misses)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(2, 2, 4, 5)}});
    const auto r = f.run({Rule::Overlap});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    const auto &i = r.issues[0];
    BOOST_TEST(i.rule == Rule::Overlap);
    BOOST_TEST(std::abs(i.measure - 6.0) < 1e-9);
    BOOST_TEST((i.parcelIds == std::vector<int64_t>{f.ids[0], f.ids[1]}));
    BOOST_TEST(i.detail.find("\"kind\":\"contains\"") != std::string::npos);
    // The reported geometry is the overlap itself.
    auto g = geom::fromWkb(i.geometryWkb.data(), i.geometryWkb.size());
    BOOST_TEST(std::abs(geom::area(g.get()) - 6.0) < 1e-9);
}

BOOST_AUTO_TEST_CASE(identical_duplicates_are_overlap_and_duplicate_geometry)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(0, 0, 10, 10)}, {box(10, 0, 20, 10)}});
    const auto r = f.run({Rule::Overlap, Rule::DuplicateGeometry});
    auto c = counts(r);
    BOOST_TEST(c[Rule::Overlap] == 1u, dump(r));
    BOOST_TEST(c[Rule::DuplicateGeometry] == 1u);
    for (const auto &i : r.issues) {
        BOOST_TEST((i.parcelIds == std::vector<int64_t>{f.ids[0], f.ids[1]}));
        BOOST_TEST(std::abs(i.measure - 100.0) < 1e-9);
    }
}

BOOST_AUTO_TEST_CASE(overlap_tolerance)
{
    // 0.005 m² overlap (0.001 × 5) is below the 0.01 m² default; 0.02 m² is above.
    Fixture small({{box(0, 0, 10, 5)}, {box(9.999, 0, 20, 5)}});
    BOOST_TEST(small.run({Rule::Overlap}).issues.empty());
    Fixture big({{box(0, 0, 10, 5)}, {box(9.996, 0, 20, 5)}});
    const auto r = big.run({Rule::Overlap});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(std::abs(r.issues[0].measure - 0.02) < 1e-6);
}

namespace {
std::string polygon(std::vector<std::pair<double, double>> pts)
{
    std::vector<std::pair<double, double>> clean;
    for (const auto &p : pts)
        if (clean.empty() || clean.back() != p)
            clean.push_back(p);
    clean.push_back(clean.front());
    std::string s = "POLYGON((";
    for (size_t k = 0; k < clean.size(); ++k)
        s += (k ? "," : "") + std::to_string(clean[k].first) + " " + std::to_string(clean[k].second);
    return s + "))";
}

/// Four parcels around a vertical strip of width @p w (x from 10 to 10+w, y 0..10).
std::vector<P> ringAroundStrip(double w)
{
    const double r = 10 + w, e = 20 + w;
    return {
        {box(0, 0, 10, 10)},
        {box(r, 0, e, 10)},
        {polygon({{0, -2}, {e, -2}, {e, 0}, {r, 0}, {10, 0}, {0, 0}})},
        {polygon({{0, 10}, {10, 10}, {r, 10}, {e, 10}, {e, 12}, {0, 12}})},
    };
}
} // namespace

BOOST_AUTO_TEST_CASE(gap_one_tolerance_wide_is_found)
{
    // 0.05 m wide (the vertex tolerance), 10 m long: 0.5 m².
    Fixture f(ringAroundStrip(0.05));
    const auto r = f.run({Rule::Gap});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(std::abs(r.issues[0].measure - 0.5) < 1e-6, dump(r));
    BOOST_TEST(r.issues[0].parcelIds.size() == 4u); // all four neighbours
    // The same ring without the strip is clean.
    Fixture clean(ringAroundStrip(0));
    const auto rc = clean.run();
    BOOST_TEST(rc.issues.empty(), dump(rc));
}

BOOST_AUTO_TEST_CASE(gap_below_area_tolerance_is_not_reported)
{
    Fixture f(ringAroundStrip(0.0005)); // 0.005 m²
    BOOST_TEST(f.run({Rule::Gap}).issues.empty());
}

BOOST_AUTO_TEST_CASE(gap_with_island_parcel_counts_only_the_open_part)
{
    auto parcels = ringAroundStrip(2.0); // 20 m² hole
    parcels.push_back({box(10.5, 2, 11.5, 8)}); // 6 m² island inside it
    Fixture f(parcels);
    const auto r = f.run({Rule::Gap});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(std::abs(r.issues[0].measure - 14.0) < 1e-6);
}

BOOST_AUTO_TEST_CASE(spike_of_three_vertices)
{
    Fixture f({{"POLYGON((0 0,10 0,10 10,5 10,5.1 20,4.9 10,0 10,0 0))"}});
    const auto r = f.run({Rule::Spike});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(r.issues[0].measure < 0.6); // atan(0.1/10) + atan(0.1/10) ≈ 0.573°
    BOOST_TEST(r.issues[0].measure > 0.55);
    BOOST_TEST(r.issues[0].detail.find("\"x\":5.100,\"y\":20.000") != std::string::npos, r.issues[0].detail);
}

BOOST_AUTO_TEST_CASE(t_junction_is_an_unmatched_vertex)
{
    // Two parcels below one long parcel whose edge has no node at x = 10.
    Fixture f({{box(0, 0, 10, 5)}, {box(10, 0, 20, 5)}, {box(0, 5, 20, 10)}});
    const auto r = f.run({Rule::UnmatchedVertex, Rule::Overlap, Rule::Gap});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    const auto &i = r.issues[0];
    BOOST_TEST(i.rule == Rule::UnmatchedVertex);
    BOOST_TEST(i.parcelIds.back() == f.ids[2]);
    BOOST_TEST(i.measure == 0.0);
    BOOST_TEST(i.detail.find("t_junction") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(undershoot_within_tolerance_is_an_unmatched_vertex)
{
    // The right parcel stops 3 cm short of the left one (0.3 m² gap too).
    Fixture f({{box(0, 0, 10, 10)}, {"POLYGON((10.03 0,20 0,20 10,10.03 10,10.03 0))"}});
    const auto r = f.run({Rule::UnmatchedVertex});
    BOOST_TEST(r.issues.size() == 4u, dump(r)); // both corners, seen from either side
    for (const auto &i : r.issues)
        BOOST_TEST(std::abs(i.measure - 0.03) < 1e-9);
}

BOOST_AUTO_TEST_CASE(sliver_min_area_and_vertices)
{
    Fixture f({{box(0, 0, 30, 0.3)},                                       // sliver: thinness ≈ 0.031, 9 m²
               {box(0, 10, 0.5, 11)},                                       // 0.5 m²: min_area
               {"POLYGON((20 20,30 20,30 20,30 30,30.02 30,20 30,20 20))"}}); // duplicate + near vertex
    const auto r = f.run({Rule::Sliver, Rule::MinArea, Rule::DuplicateVertex, Rule::NearVertices});
    auto c = counts(r);
    BOOST_TEST(c[Rule::Sliver] == 1u, dump(r)); // the 0.5 × 1 m parcel is small but not thin (0.70)
    BOOST_TEST(c[Rule::MinArea] == 1u);
    BOOST_TEST(c[Rule::DuplicateVertex] == 1u);
    BOOST_TEST(c[Rule::NearVertices] == 1u);
}

BOOST_AUTO_TEST_CASE(invalid_geometry_reports_reason_and_location)
{
    Fixture f({{"POLYGON((0 0,10 10,10 0,0 10,0 0))"}, {box(20, 0, 30, 10)}});
    const auto r = f.run({Rule::InvalidGeometry});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(r.issues[0].parcelIds[0] == f.ids[0]);
    BOOST_TEST(r.issues[0].message.find("Self-intersection") != std::string::npos, r.issues[0].message);
    BOOST_TEST(r.issues[0].detail.find("\"x\":5.000,\"y\":5.000") != std::string::npos, r.issues[0].detail);
}

BOOST_AUTO_TEST_CASE(numbers_duplicate_missing_and_retired)
{
    Fixture f({{box(0, 0, 10, 10), 1}, {box(10, 0, 20, 10), 2},
               {box(20, 0, 30, 10), 2, "ONT", std::nullopt, 1, "duplicate_number"}, {box(30, 0, 40, 10), 5}});
    auto r = f.run({Rule::DuplicateNumber, Rule::MissingNumber});
    auto c = counts(r);
    BOOST_TEST(c[Rule::DuplicateNumber] == 1u, dump(r));
    BOOST_TEST(c[Rule::MissingNumber] == 1u);
    for (const auto &i : r.issues) {
        if (i.rule == Rule::DuplicateNumber)
            BOOST_TEST((i.parcelIds == std::vector<int64_t>{f.ids[1], f.ids[2]}));
        if (i.rule == Rule::MissingNumber) {
            BOOST_TEST(i.measure == 2.0);
            BOOST_TEST(i.detail.find("\"missing\":[3,4]") != std::string::npos, i.detail);
        }
    }
    // Numbers 3 and 4 retired into history (split/merge) are not missing.
    {
        store::ParcelWriter w(*f.project);
        for (int n : {3, 4}) {
            const int64_t id = w.insert(parcel({box(50, 0, 60, 10), n}));
            store::Statement st(f.project->db(), "UPDATE parcel SET end_time = '2020-01-01T00:00:00Z' WHERE id = ?");
            st.bind(1, id).exec();
        }
    }
    r = f.run({Rule::MissingNumber});
    BOOST_TEST(r.issues.empty(), dump(r));
}

BOOST_AUTO_TEST_CASE(unknown_landuse_for_the_reference_year)
{
    Fixture f({{box(0, 0, 10, 10), 0, "LNK"}, {box(10, 0, 20, 10), 0, "OTC"}, {box(20, 0, 30, 10), 0, "BHK"},
               {box(30, 0, 40, 10), 0, ""}});
    auto r = f.run({Rule::UnknownLanduse});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 2u); // LNK (legacy) and the empty code
    BOOST_TEST(r.issues[0].parcelIds[0] == f.ids[0]);
    BOOST_TEST(r.issues[0].message.find("'LNK'") != std::string::npos);
    BOOST_TEST(r.issues[1].parcelIds[0] == f.ids[3]);
    // With the 2024 list, BHK (merged into HNK) is no longer valid.
    f.project->setMeta("landuse_reference_year", "2024");
    r = f.run({Rule::UnknownLanduse});
    BOOST_TEST(r.issues.size() == 3u, dump(r));
}

BOOST_AUTO_TEST_CASE(area_mismatch_uses_tolerance_formula_and_table)
{
    // 100 m² measured. At 1:1000, ΔP = 0.0004·1000·√P: legal 97 → 3.94 m² tolerance (ok), legal 90 → 3.79 (issue).
    Fixture f({{box(0, 0, 10, 10), 0, "ONT", 97.0}, {box(10, 0, 20, 10), 0, "ONT", 90.0}, {box(20, 0, 30, 10)}});
    auto r = f.run({Rule::AreaMismatch});
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(r.issues[0].parcelIds[0] == f.ids[1]);
    BOOST_TEST(std::abs(r.issues[0].measure - 10.0) < 1e-9);
    // The tolerance table ships as data in the project.
    BOOST_TEST(f.project->db().queryInt("SELECT count(*) FROM area_tolerance").value() >= 1);
    // The step-table scheme at 1:500: legal 97 → 0.25 + 0.008·67 = 0.786 m² → issue.
    std::string err;
    BOOST_TEST(topology::storeRuleParam(*f.project, "area_mismatch.scheme=tt26_2024_example", &err));
    BOOST_TEST(topology::storeRuleParam(*f.project, "area_mismatch.scale=500", &err));
    r = f.run({Rule::AreaMismatch});
    BOOST_TEST(r.issues.size() == 2u, dump(r));
    BOOST_TEST(!topology::storeRuleParam(*f.project, "area_mismatch.nope=1", &err));
    BOOST_TEST(err.find("nope") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(outside_boundary_only_with_sheet_frames)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(10, 0, 20, 10)}, {box(95, 0, 115, 10)}});
    BOOST_TEST(f.run({Rule::OutsideBoundary}).issues.empty());
    store::Statement st(f.project->db(), "INSERT INTO map_sheet(commune_code, to_so, scale, frame)"
                                         " VALUES ('22222', 1, 1000, GeomFromText(?, 5899))");
    st.bind(1, box(0, 0, 100, 100)).exec();
    std::string err;
    BOOST_REQUIRE(topology::storeRuleParam(*f.project, "gap.use_frames=1", &err));
    const auto r = f.run({Rule::OutsideBoundary, Rule::Gap});
    auto c = counts(r);
    BOOST_TEST(c[Rule::OutsideBoundary] == 1u, dump(r)); // 15 m² of 20 outside the frame
    // The frame also turns the uncovered part of the sheet into a gap.
    BOOST_TEST(c[Rule::Gap] == 1u);
}

BOOST_AUTO_TEST_CASE(outside_boundary_flags_only_a_larger_part_off_its_sheet)
{
    // Four 100 m sheets around (100, 100). A parcel crossing frames belongs to the sheet
    // holding its larger part, even when the other sheets together hold more of it.
    Fixture f({{box(60, 60, 120, 120), 1, "ONT", std::nullopt, 1},  // 1600 m² on tờ 1, 800+800+400 elsewhere
               {box(60, 60, 120, 120), 2, "ONT", std::nullopt, 2},  // numbered on tờ 2 (800): tờ 1 holds more
               {box(-5, 30, 15, 40), 3, "ONT", std::nullopt, 1},    // 150 in, 50 outside every frame
               {box(-15, 10, 5, 20), 4, "ONT", std::nullopt, 1},    // 50 in, 150 outside every frame
               {box(130, 130, 150, 150), 5, "ONT", std::nullopt, 4}});
    const char *frames[] = {"POLYGON((0 0,100 0,100 100,0 100,0 0))", "POLYGON((100 0,200 0,200 100,100 100,100 0))",
                            "POLYGON((0 100,100 100,100 200,0 200,0 100))",
                            "POLYGON((100 100,200 100,200 200,100 200,100 100))"};
    for (int k = 0; k < 4; ++k) {
        store::Statement st(f.project->db(), "INSERT INTO map_sheet(commune_code, to_so, scale, frame)"
                                             " VALUES ('22222', ?, 1000, GeomFromText(?, 5899))");
        st.bind(1, k + 1).bind(2, std::string(frames[k])).exec();
    }
    const auto r = f.run({Rule::OutsideBoundary});
    BOOST_TEST(r.issues.size() == 2u, dump(r));
    std::set<std::string> flagged;
    for (const auto &i : r.issues)
        flagged.insert(i.message.substr(0, i.message.find(':')));
    BOOST_TEST(flagged.count("Thửa 2 tờ 2") == 1u, dump(r));
    BOOST_TEST(flagged.count("Thửa 4 tờ 1") == 1u, dump(r));
}

BOOST_AUTO_TEST_CASE(store_exports_and_exceptions)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(2, 2, 4, 5)}, {box(20, 0, 30, 10), 0, "LNK"}});
    auto r = f.run();
    auto saved = topology::saveReport(*f.project, r);
    BOOST_TEST(saved.pending == r.issues.size());
    auto &db = f.project->db();
    BOOST_TEST(db.queryInt("SELECT count(*) FROM validation_issue WHERE status='pending'").value() ==
               static_cast<int64_t>(r.issues.size()));
    BOOST_TEST(db.queryInt("SELECT srid FROM geometry_columns WHERE f_table_name='validation_issue'").value() == 5899);
    BOOST_TEST(db.queryText("SELECT parcel_ids FROM validation_issue WHERE rule='overlap'").value() ==
               std::to_string(f.ids[0]) + "," + std::to_string(f.ids[1]));
    BOOST_TEST(std::abs(std::stod(db.queryText("SELECT Area(geom) FROM validation_issue WHERE rule='overlap'").value()) -
                        6.0) < 1e-9);
    // An officer accepts the land-use finding as an exception: it stays one on the next run.
    const int64_t id = db.queryInt("SELECT id FROM validation_issue WHERE rule='unknown_landuse'").value();
    BOOST_TEST(topology::setIssueStatus(*f.project, id, "exception", "mã cũ, giữ nguyên"));
    r = f.run();
    saved = topology::saveReport(*f.project, r);
    BOOST_TEST(saved.exceptions == 1u);
    BOOST_TEST(saved.pending == r.issues.size() - 1);
    BOOST_TEST(db.queryInt("SELECT count(*) FROM validation_issue WHERE rule='unknown_landuse'").value() == 1);

    topology::ExportOptions ex;
    ex.epsg = 5899;
    std::string err;
    const auto gj = f.tmp.file("i.geojson");
    BOOST_REQUIRE(topology::writeGeoJson(gj, r, ex, &err));
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(gj))).object();
    BOOST_TEST(doc["features"].toArray().size() == static_cast<int>(r.issues.size()));
    BOOST_TEST(doc["crs"].toObject()["properties"].toObject()["name"].toString().toStdString() ==
               "urn:ogc:def:crs:EPSG::5899");
    ex.wgs84 = true;
    BOOST_REQUIRE(topology::writeGeoJson(gj, r, ex, &err));
    const auto wgs = QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(gj))).object();
    const QJsonValue c0 = wgs["features"].toArray()[0].toObject()["geometry"].toObject()["coordinates"];
    BOOST_TEST(wgs["crs"].toObject()["properties"].toObject()["name"].toString().toStdString() ==
               "urn:ogc:def:crs:OGC:1.3:CRS84");
    BOOST_TEST(c0.isArray());
    const auto js = f.tmp.file("i.json");
    BOOST_REQUIRE(topology::writeJson(js, r, ex, &err));
    const auto j = QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(js))).object();
    BOOST_TEST(j["issues"].toArray().size() == static_cast<int>(r.issues.size()));
    BOOST_TEST(j["summary"].toObject()["overlap"].toInt() == 1);
    const auto csv = f.tmp.file("i.csv");
    BOOST_REQUIRE(topology::writeCsv(csv, r, ex, &err));
    const auto text = test::readFile(csv);
    BOOST_TEST(std::count(text.begin(), text.end(), '\n') == static_cast<long>(r.issues.size() + 1));
}

BOOST_AUTO_TEST_CASE(incremental_examines_changed_parcels_and_neighbours)
{
    // A row of 10 parcels; parcels 2 and 9 overlap their right neighbours.
    std::vector<P> ps;
    for (int k = 0; k < 10; ++k)
        ps.push_back({box(k * 10, 0, k * 10 + 10 + ((k == 1 || k == 8) ? 0.5 : 0), 10)});
    Fixture f(ps);
    const auto full = f.run({Rule::Overlap});
    BOOST_TEST(full.issues.size() == 2u);
    topology::EngineOptions o;
    o.rules = {Rule::Overlap};
    o.incremental = true;
    o.changedIds = {f.ids[1]};
    const auto inc = topology::validateProject(*f.project, o);
    BOOST_TEST(inc.parcelsExamined == 3u);
    BOOST_REQUIRE_EQUAL(inc.issues.size(), 1u);
    BOOST_TEST((inc.issues[0].parcelIds == std::vector<int64_t>{f.ids[1], f.ids[2]}));
    // Storing an incremental run replaces only the issues of the examined parcels.
    topology::saveReport(*f.project, full);
    topology::saveReport(*f.project, inc);
    BOOST_TEST(f.project->db().queryInt("SELECT count(*) FROM validation_issue WHERE status='pending'").value() == 2);
}

BOOST_AUTO_TEST_CASE(incremental_gap_next_to_a_changed_parcel)
{
    Fixture f(ringAroundStrip(0.05));
    topology::EngineOptions o;
    o.rules = {Rule::Gap};
    o.incremental = true;
    o.changedIds = {f.ids[0]};
    const auto r = topology::validateProject(*f.project, o);
    BOOST_REQUIRE_EQUAL(r.issues.size(), 1u);
    BOOST_TEST(std::abs(r.issues[0].measure - 0.5) < 1e-6);
}

BOOST_AUTO_TEST_CASE(cancel_and_progress)
{
    Fixture f(grid());
    std::atomic<bool> cancel{true};
    topology::EngineOptions o;
    o.cancel = &cancel;
    BOOST_TEST(topology::validateProject(*f.project, o).cancelled);
    cancel = false;
    double last = -1;
    bool monotonic = true;
    o.progress = [&](double p, const std::string &) {
        monotonic = monotonic && p >= last;
        last = p;
    };
    BOOST_TEST(!topology::validateProject(*f.project, o).cancelled);
    BOOST_TEST(monotonic);
    BOOST_TEST(last == 1.0);
}

// ---- fixes ----

namespace {
std::vector<std::string> uuids(store::Project &p)
{
    std::vector<std::string> out;
    store::Statement st(p.db(), "SELECT uuid FROM parcel ORDER BY id");
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

void checkFixed(Fixture &f, Rule rule, bool areaPreserved, int64_t liveDelta = 0)
{
    const auto before = uuids(*f.project);
    const int64_t count = f.liveCount();
    const double area = f.liveArea();
    const auto plan = topology::planFix(*f.project, rule);
    BOOST_TEST(plan.issuesFound > 0u);
    BOOST_TEST(!plan.edits.empty());
    topology::applyFix(*f.project, plan);
    const auto after = f.run({rule});
    BOOST_TEST(after.issues.empty(), topology::ruleId(rule) << " remains:\n" << dump(after));
    BOOST_TEST(uuids(*f.project) == before); // no row added or removed, identities kept
    BOOST_TEST(f.liveCount() == count + liveDelta);
    if (areaPreserved)
        BOOST_TEST(std::abs(f.liveArea() - area) < 1e-6, "area " << area << " -> " << f.liveArea());
    const int64_t logged = f.project->db().queryInt("SELECT count(*) FROM change_log WHERE action LIKE 'fix_%'").value();
    BOOST_TEST(logged == static_cast<int64_t>(plan.edits.size()));
    // Undo puts the findings back.
    topology::revertFix(*f.project, plan);
    BOOST_TEST(f.run({rule}).issues.size() == plan.issuesFound);
}
} // namespace

BOOST_AUTO_TEST_CASE(fix_gap_goes_to_longest_shared_edge)
{
    Fixture f(ringAroundStrip(0.05));
    checkFixed(f, Rule::Gap, false);
    const auto plan = topology::planFix(*f.project, Rule::Gap);
    BOOST_REQUIRE_EQUAL(plan.edits.size(), 1u);
    // The 10 m edges of the left and right parcels are longer than the 5 cm ends.
    BOOST_TEST((plan.edits[0].parcelId == f.ids[0] || plan.edits[0].parcelId == f.ids[1]));
    BOOST_TEST(std::abs(plan.edits[0].areaAfter - plan.edits[0].areaBefore - 0.5) < 1e-6);
    // Total area grows by exactly the gap.
    const double a0 = f.liveArea();
    topology::applyFix(*f.project, plan);
    BOOST_TEST(std::abs(f.liveArea() - a0 - 0.5) < 1e-6);
    BOOST_TEST(f.run().issues.empty(), dump(f.run()));
}

BOOST_AUTO_TEST_CASE(fix_gap_never_fills_the_place_of_an_unreadable_parcel)
{
    // 4 × 3 grid of 10 m squares. The interior parcel (1,1) has a 1e308 vertex (issue #16:
    // fix --rule gap aborted with "stack smashing" in GEOS's WKT writer); the interior
    // parcel (2,1) is 1 m short of its right neighbour, a real gap.
    std::vector<model::Parcel> parcels;
    int n = 0;
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 4; ++col) {
            std::string wkt = box(col * 10, row * 10, col * 10 + 10, row * 10 + 10);
            if (row == 1 && col == 1)
                wkt = "POLYGON((10 10, 20 10, 20 20, 1e308 20, 10 20, 10 10))";
            if (row == 1 && col == 2)
                wkt = box(20, 10, 29, 20);
            model::Parcel p = parcel({wkt, ++n});
            p.id = n;
            parcels.push_back(std::move(p));
        }
    topology::ValidationContext context;
    context.validLanduseCodes = topology::landuseCodesValidIn("2018");
    const auto report = topology::validate(parcels, context, {});
    bool named = false;
    for (const auto &i : report.issues)
        if (i.rule == Rule::InvalidGeometry && i.parcelIds == std::vector<int64_t>{6}) {
            named = true;
            BOOST_TEST(i.message.find("Tọa độ không hợp lệ") != std::string::npos, i.message);
        }
    BOOST_TEST(named, dump(report));
    BOOST_TEST(report.count(Rule::Gap) == 2u, dump(report));

    const auto plan = topology::planFix(parcels, context, Rule::Gap);
    BOOST_TEST(plan.issuesFound == 2u);
    BOOST_TEST(plan.issuesAddressed == 1u);
    // The real gap (10 m²) goes to a neighbour; the hole of the unreadable parcel stays.
    BOOST_REQUIRE_EQUAL(plan.edits.size(), 1u);
    BOOST_TEST((plan.edits[0].parcelId == 7 || plan.edits[0].parcelId == 8 || plan.edits[0].parcelId == 3 ||
                plan.edits[0].parcelId == 11));
    BOOST_TEST(std::abs(plan.edits[0].areaAfter - plan.edits[0].areaBefore - 10.0) < 1e-6);
    bool skipped = false;
    for (const auto &msg : plan.skipped)
        skipped = skipped || msg.find("có thể là chỗ của Thửa id 6") != std::string::npos;
    BOOST_TEST(skipped);
    // Every change-log detail is plain JSON with finite numbers.
    for (const auto &e : plan.edits)
        BOOST_TEST(e.detail.find("e+308") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(fix_overlap_removes_it_from_the_outer_parcel)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(2, 2, 4, 5)}});
    const auto plan = topology::planFix(*f.project, Rule::Overlap);
    BOOST_REQUIRE_EQUAL(plan.edits.size(), 1u);
    BOOST_TEST(plan.edits[0].parcelId == f.ids[0]);
    BOOST_TEST(std::abs(plan.edits[0].areaAfter - 94.0) < 1e-9);
    checkFixed(f, Rule::Overlap, false);
}

BOOST_AUTO_TEST_CASE(fix_overlap_skips_exact_duplicates)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(0, 0, 10, 10)}});
    const auto plan = topology::planFix(*f.project, Rule::Overlap);
    BOOST_TEST(plan.edits.empty());
    BOOST_REQUIRE_EQUAL(plan.skipped.size(), 1u);
}

BOOST_AUTO_TEST_CASE(fix_duplicate_geometry_retires_the_later_copy)
{
    // Two copies of the first parcel: both later rows are retired into history (end_time set,
    // rows and uuids kept, live area unchanged apart from the copies), the first stays live.
    Fixture f({{box(0, 0, 10, 10), 1}, {box(10, 0, 20, 10), 2}, {box(0, 0, 10, 10), 3}, {box(0, 0, 10, 10), 4}});
    checkFixed(f, Rule::DuplicateGeometry, false, -2);
    const auto plan = topology::planFix(*f.project, Rule::DuplicateGeometry);
    BOOST_REQUIRE_EQUAL(plan.edits.size(), 2u);
    for (const auto &e : plan.edits) {
        BOOST_TEST(e.retire);
        BOOST_TEST((e.parcelId == f.ids[2] || e.parcelId == f.ids[3]));
    }
    topology::applyFix(*f.project, plan);
    BOOST_TEST(std::abs(f.liveArea() - 200.0) < 1e-6);
    BOOST_TEST(f.run({Rule::Overlap, Rule::DuplicateGeometry}).issues.empty());
}

BOOST_AUTO_TEST_CASE(fix_sliver_merges_into_longest_neighbour)
{
    Fixture f({{box(0, 0, 30, 10)}, {box(0, 10, 30, 10.3)}, {box(0, 10.3, 30, 20)}, {box(30, 0, 31, 20.0)}});
    // The 0.3 m strip borders both big parcels along 30 m and the right one along 0.3 m.
    const auto plan = topology::planFix(*f.project, Rule::Sliver);
    BOOST_REQUIRE_EQUAL(plan.issuesFound, 1u);
    checkFixed(f, Rule::Sliver, true, -1);
}

BOOST_AUTO_TEST_CASE(fix_invalid_geometry_with_structure_method)
{
    Fixture f({{"POLYGON((0 0,10 10,10 0,0 10,0 0))"}, {box(20, 0, 30, 10)}});
    checkFixed(f, Rule::InvalidGeometry, false);
    topology::applyFix(*f.project, topology::planFix(*f.project, Rule::InvalidGeometry));
    BOOST_TEST(topology::planFix(*f.project, Rule::InvalidGeometry).edits.empty()); // nothing left to do
    BOOST_TEST(std::abs(f.liveArea() - 150.0) < 1e-6); // the bow-tie's two triangles, 25 m² each
}

BOOST_AUTO_TEST_CASE(fix_snap_inserts_t_junction_node)
{
    Fixture f({{box(0, 0, 10, 5)}, {box(10, 0, 20, 5)}, {box(0, 5, 20, 10)}});
    checkFixed(f, Rule::UnmatchedVertex, true);
}

BOOST_AUTO_TEST_CASE(fix_snap_closes_undershoot)
{
    Fixture f({{box(0, 0, 10, 10)}, {"POLYGON((10.03 0,20 0,20 10,10.03 10,10.03 0))"}});
    checkFixed(f, Rule::UnmatchedVertex, false);
    const auto plan = topology::planFix(*f.project, Rule::UnmatchedVertex);
    topology::applyFix(*f.project, plan);
    BOOST_TEST(f.run({Rule::Gap, Rule::Overlap, Rule::UnmatchedVertex}).issues.empty());
    BOOST_TEST(std::abs(f.liveArea() - 200.0) < 1e-6);
}

BOOST_AUTO_TEST_CASE(fix_near_vertices_keeps_shared_nodes)
{
    // Both parcels share the near pair (10,5)/(10,5.02): merging it in both keeps them noded.
    Fixture f({{"POLYGON((0 0,10 0,10 5,10 5.02,10 10,0 10,0 0))"}, {"POLYGON((10 0,20 0,20 10,10 10,10 5.02,10 5,10 0))"}});
    checkFixed(f, Rule::NearVertices, true);
    topology::applyFix(*f.project, topology::planFix(*f.project, Rule::NearVertices));
    BOOST_TEST(f.run().issues.empty(), dump(f.run()));
}

BOOST_AUTO_TEST_CASE(fix_duplicate_vertex)
{
    Fixture f({{"POLYGON((0 0,10 0,10 0,10 10,0 10,0 0))"}});
    checkFixed(f, Rule::DuplicateVertex, true);
}

BOOST_AUTO_TEST_CASE(cli_validate_and_fix)
{
    Fixture f({{box(0, 0, 10, 10)}, {box(2, 2, 4, 5)}});
    const auto path = f.project->path();
    f.project.reset();
    const auto gj = f.tmp.file("o.geojson");
    auto r = test::runCli("validate " + path + " --rules overlap,gap --geojson " + gj + " --csv " + f.tmp.file("o.csv"));
    BOOST_TEST(r.exitCode == 1, r.out + r.err);
    BOOST_TEST(r.out.find("overlap") != std::string::npos);
    BOOST_TEST(test::readFile(gj).find("\"rule\":\"overlap\"") != std::string::npos);
    r = test::runCli("validate " + path + " --rules nope");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("unknown rule 'nope'") != std::string::npos);
    r = test::runCli("validate " + f.tmp.file("missing.sqlite"));
    BOOST_TEST(r.exitCode == 2);
    r = test::runCli("fix " + path + " --rule overlap --dry-run");
    BOOST_TEST(r.exitCode == 1, r.out + r.err);
    r = test::runCli("fix " + path + " --rule overlap");
    BOOST_TEST(r.exitCode == 0, r.out + r.err);
    r = test::runCli("validate " + path + " --rules overlap");
    BOOST_TEST(r.exitCode == 0, r.out + r.err);
    r = test::runCli("fix " + path + " --rule min_area");
    BOOST_TEST(r.exitCode == 2);
}

// ---- synthetic coverages (src/core/synth) ----

namespace {

struct Synth {
    std::vector<model::Parcel> parcels;
    synth::SynthResult result;
    topology::ValidationContext context;
};

Synth synthesize(int64_t parcels, const std::string &faults, uint64_t seed)
{
    Synth s;
    synth::SynthOptions o;
    o.parcels = parcels;
    o.faults = faults;
    o.seed = seed;
    std::string err;
    s.result = synth::generateCoverage(o, [&](const model::Parcel &p) { s.parcels.push_back(p); }, &err);
    BOOST_REQUIRE_MESSAGE(s.result.ok, err);
    s.context.validLanduseCodes = topology::landuseCodesValidIn("2018");
    for (const auto &sh : s.result.sheets) {
        auto frame = geom::fromWkt(box(sh.minX, sh.minY, sh.maxX, sh.maxY));
        s.context.sheets.push_back({sh.communeCode, sh.toSo, sh.scale, geom::toWkb(frame.get())});
    }
    return s;
}

/// Rules that may report an injected fault of @p kind.
std::vector<Rule> rulesFor(const std::string &kind)
{
    if (kind == "overlap")
        return {Rule::Overlap};
    if (kind == "gap")
        return {Rule::Gap};
    if (kind == "sliver") // the generator's sliver is a long thin gap along a shared boundary
        return {Rule::Gap, Rule::Sliver};
    if (kind == "self_intersection")
        return {Rule::InvalidGeometry};
    if (kind == "duplicate_number")
        return {Rule::DuplicateNumber};
    if (kind == "unknown_code")
        return {Rule::UnknownLanduse};
    if (kind == "spike")
        return {Rule::Spike};
    if (kind == "duplicate_geometry")
        return {Rule::DuplicateGeometry};
    if (kind == "area_mismatch")
        return {Rule::AreaMismatch};
    if (kind == "unmatched_vertex") // listed as a side effect of a spike or bow-tie on a road edge
        return {Rule::UnmatchedVertex};
    return {};
}

struct Expected {
    std::string kind;
    std::vector<std::string> uuids; // the faulty parcel first
};
struct Found {
    Rule rule;
    std::vector<std::string> uuids;
    std::string message;
};

/// Pairs every manifest fault with one issue of a rule that reports its kind and names all
/// of its parcels; returns what is left on either side (both empty = validate reports
/// exactly the manifest).
std::pair<std::vector<std::string>, std::vector<std::string>> matchExactly(const std::vector<Expected> &faults,
                                                                           const std::vector<Found> &issues)
{
    std::vector<char> used(issues.size(), 0);
    std::vector<std::string> missed, extra;
    for (const auto &f : faults) {
        const auto rules = rulesFor(f.kind);
        bool found = false;
        for (size_t k = 0; k < issues.size() && !found; ++k) {
            const auto &i = issues[k];
            if (used[k] || std::find(rules.begin(), rules.end(), i.rule) == rules.end())
                continue;
            bool all = true;
            for (const auto &u : f.uuids)
                all = all && std::find(i.uuids.begin(), i.uuids.end(), u) != i.uuids.end();
            if (all)
                used[k] = found = true;
        }
        if (!found)
            missed.push_back(f.kind + " on " + f.uuids.at(0));
    }
    for (size_t k = 0; k < issues.size(); ++k)
        if (!used[k])
            extra.push_back(std::string(topology::ruleId(issues[k].rule)) + ": " + issues[k].message);
    return {missed, extra};
}

std::string joined(const std::vector<std::string> &v)
{
    std::string out;
    for (const auto &s : v)
        out += s + "\n";
    return out;
}


} // namespace

BOOST_AUTO_TEST_CASE(synthetic_faults_reported_exactly)
{
    const auto s = synthesize(3000, "overlap=4,gap=4,sliver=3,self_intersection=3,duplicate_number=3,unknown_code=3,"
                                    "spike=3,duplicate_geometry=3,area_mismatch=3",
                              7);
    size_t requested = 0;
    std::vector<Expected> expected;
    for (const auto &f : s.result.faults) {
        requested += f.sideEffectOf.empty() ? 1 : 0;
        Expected e{f.kind, {}};
        for (const auto &id : f.parcels)
            e.uuids.push_back(id.uuid);
        expected.push_back(e);
    }
    BOOST_REQUIRE_EQUAL(requested, 29u);
    const auto r = topology::validate(s.parcels, s.context);
    std::vector<Found> found;
    for (const auto &i : r.issues)
        found.push_back({i.rule, i.parcelUuids, i.message});
    // Recall 100 % (every fault, side effects included, is reported on its parcels) and
    // nothing reported that the manifest does not list.
    const auto [missed, extra] = matchExactly(expected, found);
    BOOST_TEST(missed.empty(), "not reported:\n" << joined(missed));
    BOOST_TEST(extra.empty(), "not in the manifest:\n" << joined(extra));
    BOOST_TEST(r.issues.size() == s.result.faults.size());
}

BOOST_AUTO_TEST_CASE(clean_synthetic_coverage_of_100000_parcels_has_no_issue)
{
    // All rules, sheet frames included: legal areas agree with the drawn parcels and a
    // parcel crossing a frame is numbered on the sheet holding its larger part.
    const auto s = synthesize(100000, "", 11);
    const auto r = topology::validate(s.parcels, s.context);
    std::string unexpected;
    for (const auto &i : r.issues)
        if (unexpected.size() < 3000)
            unexpected += std::string(topology::ruleId(i.rule)) + ": " + i.message + "\n";
    BOOST_TEST(r.issues.empty(), r.issues.size() << " issues:\n" << unexpected);
    BOOST_TEST(r.parcelsExamined == s.parcels.size());
    BOOST_TEST_MESSAGE("100 000-parcel clean coverage validated in " << r.seconds << " s");
}

// ---- the faulty Cô Tô sample (sample_data/coto) through the CLI ----

BOOST_AUTO_TEST_CASE(coto_sample_faults_found_then_fixed)
{
    test::TempDir tmp;
    const std::string project = tmp.file("coto.sqlite");
    const std::string dir = test::sampleDir() + "/coto/";
    auto r = test::runCli("import " + dir + "coto_faulty.shp --into " + project + " --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    r = test::runCli("import " + dir + "coto_sheets.geojson --into " + project + " --quiet");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const auto manifest =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(dir + "coto_faulty_manifest.json"))).object();
    const auto faults = manifest["faults"].toArray();
    int requested = 0;
    std::vector<Expected> expected;
    for (const auto &fv : faults) {
        const auto f = fv.toObject();
        requested += f.contains("side_effect_of") ? 0 : 1;
        Expected e{f["kind"].toString().toStdString(), {}};
        for (const auto &pv : f["parcels"].toArray())
            e.uuids.push_back(pv.toObject()["uuid"].toString().toStdString());
        expected.push_back(e);
    }
    BOOST_REQUIRE_EQUAL(requested, 15);

    // validate reports exactly the faults of the manifest.
    r = test::runCli("validate " + project + " --quiet --json " + tmp.file("v.json"));
    BOOST_TEST(r.exitCode == 1, r.out + r.err);
    const auto issues =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readFile(tmp.file("v.json")))).object()["issues"].toArray();
    std::vector<Found> found;
    for (const auto &iv : issues) {
        const auto i = iv.toObject();
        const auto rule = topology::ruleFromId(i["rule"].toString().toStdString());
        BOOST_REQUIRE(rule);
        Found x{*rule, {}, i["message"].toString().toStdString()};
        for (const auto &u : i["parcel_uuids"].toArray())
            x.uuids.push_back(u.toString().toStdString());
        found.push_back(x);
    }
    const auto [missed, extra] = matchExactly(expected, found);
    BOOST_TEST(missed.empty(), "not reported:\n" << joined(missed));
    BOOST_TEST(extra.empty(), "not in the manifest:\n" << joined(extra));
    BOOST_TEST(issues.size() == faults.size());
    auto store = store::Project::open(project, true);
    const int64_t live = store->db().queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL").value();
    store.reset();

    const int64_t rows = store::Project::open(project, true)->db().queryInt("SELECT count(*) FROM parcel").value();

    // The fixes, in the order an officer would run them. The exact duplicate cannot be
    // removed without losing a row, so its fix retires the later copy into history.
    for (const char *rule : {"invalid_geometry", "duplicate_geometry", "overlap", "gap", "unmatched_vertex",
                             "duplicate_vertex"}) {
        r = test::runCli(std::string("fix ") + project + " --rule " + rule);
        BOOST_TEST(r.exitCode != 2, rule << ": " << r.out << r.err);
    }
    // Clean for every rule with a fix.
    r = test::runCli("validate " + project + " --quiet --rules invalid_geometry,overlap,gap,sliver,duplicate_geometry,"
                     "unmatched_vertex,near_vertices,duplicate_vertex --json " + tmp.file("after.json"));
    BOOST_TEST(r.exitCode == 0, r.out + r.err + test::readFile(tmp.file("after.json")));
    // No parcel is lost: every row stays; the one no longer live is the duplicate copy, kept
    // in history, whose original is still live with the same polygon.
    store = store::Project::open(project, true);
    BOOST_TEST(store->db().queryInt("SELECT count(*) FROM parcel").value() == rows);
    BOOST_TEST(store->db().queryInt("SELECT count(*) FROM parcel WHERE end_time IS NULL").value() == live - 1);
    std::string copyUuid;
    for (const auto &fv : faults)
        if (fv.toObject()["kind"].toString() == "duplicate_geometry" && !fv.toObject().contains("side_effect_of"))
            copyUuid = fv.toObject()["parcels"].toArray()[1].toObject()["uuid"].toString().toStdString();
    store::Statement retired(store->db(), "SELECT count(*) FROM parcel WHERE end_time IS NOT NULL AND uuid = ?");
    retired.bind(1, copyUuid);
    BOOST_TEST((retired.step() && retired.int64(0) == 1));
    BOOST_TEST(store->db().queryInt("SELECT count(*) FROM change_log WHERE action = 'fix_duplicate_geometry_retired'")
                   .value() == 1);
    BOOST_TEST(store->db().queryInt("SELECT count(*) FROM change_log WHERE action LIKE 'fix_%'").value() > 0);
}
