// Statutory reports: every total compared with independent SQL sums over the
// project, the statistics identities, the extract geometry, and the written
// PDF (pdftotext), XLSX (unzip), CSV and HTML files.
#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include "test_support.h"

#include "geom/geos_context.h"
#include "report/pdf_report.h"
#include "report/report_data.h"
#include "report/report_tables.h"
#include "report/report_writer.h"
#include "store/database.h"
#include "store/parcel_store.h"
#include "store/project.h"

#include <QGuiApplication>

#include <gdal.h>

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <map>
#include <set>

using namespace vnland;
namespace fs = std::filesystem;

struct GlobalSetup {
    GlobalSetup()
    {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "test_report";
        static char *argv[] = {name, nullptr};
        app = new QGuiApplication(argc, argv);
        GDALAllRegister();
    }
    ~GlobalSetup() { delete app; }
    QGuiApplication *app;
};
BOOST_TEST_GLOBAL_FIXTURE(GlobalSetup);

namespace {

constexpr double kE0 = 501760.0, kN0 = 2319810.0, kSide = 20.0;

std::vector<unsigned char> square(int col, int row)
{
    const double x = kE0 + col * kSide, y = kN0 + row * kSide;
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "MULTIPOLYGON(((%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f)))", x, y, x + kSide, y,
                  x + kSide, y + kSide, x, y + kSide, x, y);
    auto g = geom::fromWkt(wkt);
    return geom::toWkb(g.get());
}

struct Spec {
    int to, thua, col, row;
    const char *code;
    const char *owner;
    const char *userType;
    double area;
    std::optional<double> legal;
    const char *kind = "parcel";
};

// Sheet 1: a 4×3 block; sheet 2: a 3×2 block further east. Codes include the
// children of the LUA, HNK (BHK/NHK) and OCT (ONT/ODT) groups, CLN, roads,
// a river, unused land; owners with diacritics; one unknown user type.
const std::vector<Spec> &specs()
{
    static const std::vector<Spec> s = {
        {1, 1, 0, 2, "LUC", "Nguyễn Văn Ánh", "GDC", 400.04, 400.0},
        {1, 2, 1, 2, "LUK", "Trần Thị Bích Ngọc", "GDC", 399.96, 401.5},
        {1, 3, 2, 2, "BHK", "Lê Đức Thọ", "GDC", 400.15, std::nullopt},
        {1, 4, 3, 2, "NHK", "Phạm Quốc Hưng", "GDC", 400.25, 400.2},
        {1, 5, 0, 1, "CLN", "Nguyễn Văn Ánh", "GDC", 400.35, 400.3},
        {1, 6, 1, 1, "ONT", "Đặng Thị Ửng", "GDC", 400.45, 400.0},
        {1, 7, 2, 1, "ODT", "Công ty TNHH Hải Sản Cô Tô", "TKT", 400.55, 400.5},
        {1, 8, 3, 1, "RSX", "Ban quản lý rừng Cô Tô", "TCN", 399.94, 399.9},
        {1, 9, 0, 0, "DGT", "Ủy ban nhân dân xã Cô Tô", "UBQ", 400.01, std::nullopt, "road"},
        {1, 10, 1, 0, "SON", "Ủy ban nhân dân xã Cô Tô", "UBQ", 400.02, std::nullopt, "waterway"},
        {1, 11, 2, 0, "BCS", "Ủy ban nhân dân xã Cô Tô", "UBQ", 400.07, std::nullopt},
        {1, 12, 3, 0, "CLN", "Hồ Thị Thu Hà", "", 400.09, 400.0},
        {2, 1, 6, 1, "ONT", "Vũ Minh Đức", "GDC", 400.11, 400.1},
        {2, 2, 7, 1, "LUC", "Vũ Minh Đức", "GDC", 400.12, 400.1},
        {2, 3, 8, 1, "CLN", "Ngô Thị Lụa", "GDC", 400.13, std::nullopt},
        {2, 4, 6, 0, "DGT", "Ủy ban nhân dân xã Cô Tô", "UBQ", 400.14, std::nullopt, "road"},
        {2, 5, 7, 0, "BHK", "Bùi Văn Ấm", "GDC", 400.16, 400.0},
        {2, 6, 8, 0, "NHK", "Bùi Văn Ấm", "GDC", 400.17, 400.0},
    };
    return s;
}

struct Fixture {
    test::TempDir tmp;
    std::string path = tmp.file("p.sqlite");
    std::unique_ptr<store::Project> project;

    Fixture()
    {
        store::ProjectSettings st;
        st.provinceName = "Quảng Ninh";
        project = store::Project::create(path, st);
        project->ensureCommune("07192", "Xã Cô Tô");
        project->ensureCommune("07195", "Xã Thanh Lân");
        store::Transaction tx(project->db());
        store::ParcelWriter w(*project);
        for (const auto &s : specs())
            insert(w, "07192", s);
        // Another commune, to test the commune filter.
        insert(w, "07195", {1, 1, 20, 20, "ONT", "Châu Thị Mỹ", "GDC", 250.55, 250.0});
        // Parcels 1/6 (ONT) and 2/1 (ONT) also grow perennial trees: two land uses.
        splitUse(1, 6, 180.25, "CLN", 220.20);
        splitUse(2, 1, 300.05, "CLN", 100.06);
        tx.commit();
    }

    void insert(store::ParcelWriter &w, const std::string &commune, const Spec &s)
    {
        model::Parcel p;
        p.communeCode = commune;
        p.toSo = s.to;
        p.thuaSo = s.thua;
        p.objectKind = s.kind;
        p.landuseCode = s.code;
        p.ownerName = s.owner;
        p.userTypeCode = s.userType;
        p.measuredArea = s.area;
        p.legalArea = s.legal;
        p.address = "Thôn Bắc Vỹ, xã Cô Tô";
        p.wkb = square(s.col, s.row);
        w.insert(p);
    }

    void splitUse(int to, int thua, double mainArea, const char *code2, double area2)
    {
        const int64_t id = idOf(to, thua);
        store::Statement u(project->db(), "UPDATE parcel_landuse SET area = ? WHERE parcel_id = ?");
        u.bind(1, mainArea).bind(2, id);
        u.exec();
        store::Statement i(project->db(), "INSERT INTO parcel_landuse(parcel_id, code, area, is_main) VALUES (?,?,?,0)");
        i.bind(1, id).bind(2, code2).bind(3, area2);
        i.exec();
    }

    int64_t idOf(int to, int thua, const std::string &commune = "07192")
    {
        store::Statement st(project->db(), "SELECT id FROM parcel WHERE commune_code=? AND to_so=? AND thua_so=?");
        st.bind(1, commune).bind(2, to).bind(3, thua);
        BOOST_REQUIRE(st.step());
        return st.int64(0);
    }

    /// Independent SQL: one integer (tenths or counts), with text parameters bound in order.
    int64_t sql(const std::string &q, const std::vector<std::string> &params = {})
    {
        store::Statement st(project->db(), q);
        for (size_t i = 0; i < params.size(); ++i)
            st.bind(static_cast<int>(i + 1), params[i]);
        BOOST_REQUIRE(st.step());
        return st.isNull(0) ? 0 : st.int64(0);
    }

    /// Σ round(area of land-use lines × 10) for the codes (and an optional user type) in commune 07192.
    int64_t lineTenths(const std::vector<std::string> &codes, const std::string &userType = "*")
    {
        // One use: the parcel's measured area; several uses: each use's own area.
        std::string q = "SELECT sum(CAST(round(CASE WHEN (SELECT count(*) FROM parcel_landuse x WHERE x.parcel_id = p.id) = 1"
                        " THEN p.measured_area ELSE pl.area END * 10) AS INTEGER)) FROM parcel_landuse pl JOIN parcel p ON"
                        " p.id = pl.parcel_id WHERE p.end_time IS NULL AND p.commune_code = '07192'";
        std::vector<std::string> params;
        if (!codes.empty()) {
            q += " AND pl.code IN (";
            for (size_t i = 0; i < codes.size(); ++i) {
                q += i ? ",?" : "?";
                params.push_back(codes[i]);
            }
            q += ")";
        }
        if (userType != "*") {
            q += " AND coalesce(p.user_type_code, '') = ?";
            params.push_back(userType);
        }
        return sql(q, params);
    }
};

std::string run(const std::string &cmd)
{
    test::TempDir tmp;
    const std::string out = tmp.file("out.txt");
    const int rc = std::system((cmd + " > '" + out + "' 2>/dev/null").c_str());
    BOOST_REQUIRE_MESSAGE(rc == 0, "command failed: " + cmd);
    return test::readFile(out);
}

std::string pdfText(const std::string &pdf) { return run("pdftotext -layout '" + pdf + "' -"); }

/// A number as libxlsxwriter caches it ("7203", "7203.5").
std::string xlsxNumber(report::Tenths t)
{
    return t % 10 == 0 ? std::to_string(t / 10) : report::formatTenths(t, false);
}

bool contains(const std::string &hay, const std::string &needle) { return hay.find(needle) != std::string::npos; }

const report::StatisticsScheme::Row &rowOf(const report::StatisticsData &d, const std::string &code, size_t *index)
{
    for (size_t i = 0; i < d.scheme.rows.size(); ++i)
        if (d.scheme.rows[i].code == code) {
            *index = i;
            return d.scheme.rows[i];
        }
    BOOST_FAIL("no statistics row " + code);
    return d.scheme.rows.front();
}

size_t colOf(const report::StatisticsData &d, const std::string &key)
{
    for (size_t i = 0; i < d.scheme.columns.size(); ++i)
        if (d.scheme.columns[i].key == key)
            return i + 1;
    BOOST_FAIL("no statistics column " + key);
    return 0;
}

report::Tenths cell(const report::StatisticsData &d, const std::string &code, const std::string &key)
{
    size_t i = 0;
    rowOf(d, code, &i);
    return d.values[i][key.empty() ? 0 : colOf(d, key)];
}

} // namespace

BOOST_AUTO_TEST_CASE(area_formats)
{
    BOOST_TEST(report::toTenths(400.04) == 4000);
    BOOST_TEST(report::toTenths(400.05) == 4001);
    BOOST_TEST(report::formatTenths(12345678, true) == "1.234.567,8");
    BOOST_TEST(report::formatTenths(12345678, false) == "1234567.8");
    BOOST_TEST(report::formatTenths(-5, true) == "-0,5");
    BOOST_TEST(report::viNumber(QStringLiteral("1234567.89")) == QStringLiteral("1.234.567,89"));
    std::vector<report::ParcelRef> refs;
    std::string err;
    BOOST_TEST(report::ReportFilter::parseParcelList("1/12, 2/3", &refs, &err));
    BOOST_TEST(refs.size() == 2u);
    BOOST_TEST(refs[1].toSo == 2);
    BOOST_TEST(!report::ReportFilter::parseParcelList("1/12,x", &refs, &err));
    BOOST_TEST(contains(err, "'x'"));
}

BOOST_FIXTURE_TEST_CASE(register_totals_match_sql, Fixture)
{
    report::ReportFilter f;
    f.communeCode = "07192";
    const auto reg = report::buildRegister(*project, f);
    BOOST_TEST(reg.parcelCount == sql("SELECT count(*) FROM parcel WHERE end_time IS NULL AND commune_code='07192'"));
    BOOST_TEST(static_cast<int64_t>(reg.lines.size()) ==
               sql("SELECT count(*) FROM parcel_landuse pl JOIN parcel p ON p.id=pl.parcel_id WHERE p.commune_code='07192'"));
    BOOST_TEST(reg.totalCurrent == lineTenths({}));
    BOOST_TEST(reg.totalLegal ==
               sql("SELECT sum(CAST(round(legal_area*10) AS INTEGER)) FROM parcel WHERE end_time IS NULL AND commune_code='07192'"));
    // One line per land use: parcel 1/6 has ONT then CLN.
    int lines16 = 0;
    for (const auto &l : reg.lines)
        if (l.toSo == 1 && l.thuaSo == 6) {
            BOOST_TEST(l.currentCode == (lines16 == 0 ? "ONT" : "CLN"));
            BOOST_TEST(l.currentArea == (lines16 == 0 ? 1803 : 2202));
            BOOST_TEST(l.firstOfParcel == (lines16 == 0));
            ++lines16;
        }
    BOOST_TEST(lines16 == 2);

    // Filters: sheet, land-use code, parcel list.
    f.toSo = 2;
    BOOST_TEST(report::buildRegister(*project, f).parcelCount == 6);
    f.toSo.reset();
    f.landuseCode = "CLN"; // 1/5, 1/12, 2/3 and the mixed 1/6, 2/1
    BOOST_TEST(report::buildRegister(*project, f).parcelCount == 5);
    f.landuseCode.clear();
    f.parcels = {{1, 1}, {2, 5}};
    const auto two = report::buildRegister(*project, f);
    BOOST_TEST(two.parcelCount == 2);
    BOOST_TEST(two.totalCurrent == 4000 + 4002);

    // Written files hold the same numbers.
    const auto tables = report::registerTables(*project, report::ReportFilter{"07192", {}, {}, {}});
    BOOST_REQUIRE(tables.size() == 1);
    QString err;
    const std::string pdf = tmp.file("reg.pdf"), csv = tmp.file("reg.csv"), html = tmp.file("reg.html"), xlsx = tmp.file("reg.xlsx");
    BOOST_REQUIRE_MESSAGE(report::writeTables(tables, report::ReportFormat::Pdf, QString::fromStdString(pdf), &err),
                          err.toStdString());
    const std::string text = pdfText(pdf);
    BOOST_TEST(contains(text, "SỔ MỤC KÊ ĐẤT ĐAI"));
    BOOST_TEST(contains(text, "Nguyễn Văn Ánh"));
    BOOST_TEST(contains(text, "Trần Thị Bích Ngọc"));
    BOOST_TEST(contains(text, "Ủy ban nhân dân xã Cô Tô"));
    BOOST_TEST(contains(text, "TỈNH: QUẢNG NINH"));
    BOOST_TEST(contains(text, "XÃ: XÃ CÔ TÔ (07192)"));
    BOOST_TEST(contains(text, "Trang 1/1"));
    BOOST_TEST(contains(text, report::formatTenths(lineTenths({}), true)));
    // The font with the Vietnamese glyphs travels inside the PDF.
    const std::string fonts = run("pdffonts '" + pdf + "'");
    bool embedded = false;
    std::istringstream fl(fonts);
    for (std::string line; std::getline(fl, line);) {
        std::istringstream ts(line);
        std::vector<std::string> tok{std::istream_iterator<std::string>(ts), std::istream_iterator<std::string>()};
        if (tok.size() >= 9 && tok[0] == "DejaVuSans")
            embedded = tok[4] == "yes" && tok[6] == "yes"; // emb, uni (ToUnicode for text extraction)
    }
    BOOST_TEST(embedded, fonts);

    BOOST_REQUIRE(report::writeTables(tables, report::ReportFormat::Csv, QString::fromStdString(csv), &err));
    const std::string c = test::readFile(csv);
    BOOST_TEST(c.rfind("\xEF\xBB\xBF", 0) == 0u);
    BOOST_TEST(contains(c, "Đặng Thị Ửng"));
    BOOST_TEST(contains(c, "Tổng cộng,18 thửa,,," + report::formatTenths(lineTenths({}), false)));

    BOOST_REQUIRE(report::writeTables(tables, report::ReportFormat::Html, QString::fromStdString(html), &err));
    const std::string h = test::readFile(html);
    BOOST_TEST(contains(h, "<meta charset=\"utf-8\">"));
    BOOST_TEST(contains(h, "<h1>SỔ MỤC KÊ ĐẤT ĐAI</h1>"));
    BOOST_TEST(contains(h, report::formatTenths(lineTenths({}), true)));

    BOOST_REQUIRE_MESSAGE(report::writeTables(tables, report::ReportFormat::Xlsx, QString::fromStdString(xlsx), &err),
                          err.toStdString());
    BOOST_TEST(contains(run("unzip -t '" + xlsx + "'"), "No errors detected"));
    const std::string strings = run("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
    const std::string sheet = run("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
    BOOST_TEST(contains(strings, "SỔ MỤC KÊ ĐẤT ĐAI"));
    BOOST_TEST(contains(strings, "Phạm Quốc Hưng"));
    // Areas are numbers; the total is a SUM formula over the data rows with the value cached.
    const int firstData = 2 + 1 + 1 + 1 + 1; // 2 header lines, title, blank, column header → row 6
    const int lastData = firstData + static_cast<int>(tables[0].rows.size()) - 2;
    BOOST_TEST(contains(sheet, "<f>SUM(E" + std::to_string(firstData) + ":E" + std::to_string(lastData) + ")</f><v>" +
                                   xlsxNumber(lineTenths({})) + "</v>"));
    BOOST_TEST(contains(sheet, "<v>400</v>")); // 1/1 current area 400.0 as a number
}

BOOST_FIXTURE_TEST_CASE(register_uses_measured_area_after_geometry_edit, Fixture)
{
    // A geometry edit updates measured_area; the single land use follows it.
    const int64_t id = idOf(1, 3);
    store::ParcelWriter(*project).updateGeometry(id, square(2, 2), 401.26);
    report::ReportFilter f;
    f.parcels = {{1, 3}};
    const auto reg = report::buildRegister(*project, f);
    BOOST_REQUIRE(reg.lines.size() == 1u);
    BOOST_TEST(reg.lines[0].currentArea == 4013);
    BOOST_TEST(report::buildRegister(*project, report::ReportFilter{"07192", {}, {}, {}}).totalCurrent == lineTenths({}));
}

BOOST_FIXTURE_TEST_CASE(extract_of_parcel_with_hole, Fixture)
{
    // A pond parcel with a hole (an island parcel inside it).
    auto g = geom::fromWkt("MULTIPOLYGON(((501900 2319900,501960 2319900,501960 2319960,501900 2319960,501900 2319900),"
                           "(501920 2319920,501920 2319940,501940 2319940,501940 2319920,501920 2319920)))");
    auto island = geom::fromWkt("MULTIPOLYGON(((501920 2319920,501920 2319940,501940 2319940,501940 2319920,501920 2319920)))");
    {
        store::ParcelWriter w(*project);
        model::Parcel p;
        p.communeCode = "07192";
        p.toSo = 3;
        p.thuaSo = 1;
        p.landuseCode = "NTS";
        p.measuredArea = 3200.0;
        p.wkb = geom::toWkb(g.get());
        w.insert(p);
        p.thuaSo = 2;
        p.landuseCode = "ONT";
        p.measuredArea = 400.0;
        p.wkb = geom::toWkb(island.get());
        w.insert(p);
    }
    report::ReportFilter f;
    f.parcels = {{3, 1}};
    const auto ex = report::buildExtracts(*project, f);
    BOOST_REQUIRE(ex.size() == 1u);
    BOOST_TEST(ex[0].vertices.size() == 4u); // exterior ring only
    BOOST_TEST(ex[0].rings.size() == 2u);
    BOOST_TEST(contains(ex[0].note, "lỗ thủng"));
    BOOST_TEST(ex[0].neighbours.size() == 1u);
    BOOST_TEST(ex[0].neighbours[0].label == "2");
    QStringList written;
    QString err;
    BOOST_REQUIRE(report::writeExtracts(ex, report::ReportFormat::Pdf, QString::fromStdString(tmp.file("hole.pdf")), false,
                                        &written, &err));
    BOOST_TEST(contains(pdfText(tmp.file("hole.pdf")), "có 1 lỗ thủng"));
}

BOOST_FIXTURE_TEST_CASE(extract_vertex_table_continues_on_next_page, Fixture)
{
    // A round pond with 80 vertices: the vertex table runs onto a second page.
    auto centre = geom::fromWkt("POINT(502100 2320100)");
    geom::GeomPtr disc(GEOSBuffer_r(geom::ctx(), centre.get(), 30.0, 20));
    auto multi = geom::asMultiPolygon(disc.get());
    {
        store::ParcelWriter w(*project);
        model::Parcel p;
        p.communeCode = "07192";
        p.toSo = 4;
        p.thuaSo = 1;
        p.landuseCode = "NTS";
        p.ownerName = "Nguyễn Thị Ẩn";
        p.measuredArea = geom::area(multi.get());
        p.wkb = geom::toWkb(multi.get());
        w.insert(p);
    }
    report::ReportFilter f;
    f.communeCode = "07192";
    f.parcels = {{4, 1}, {1, 1}};
    const auto ex = report::buildExtracts(*project, f);
    BOOST_REQUIRE(ex.size() == 2u);
    BOOST_TEST(ex[1].vertices.size() == 80u);
    // Vertex 1 is the northernmost.
    for (const auto &v : ex[1].vertices)
        BOOST_TEST(v.north <= ex[1].vertices[0].north);
    QStringList written;
    QString err;
    BOOST_REQUIRE(report::writeExtracts(ex, report::ReportFormat::Pdf, QString::fromStdString(tmp.file("round.pdf")), false,
                                        &written, &err));
    const std::string text = pdfText(tmp.file("round.pdf"));
    // 1 page for 1/1; 80 rows need the first page and two more (page count from pass 1 matches the pages drawn).
    BOOST_TEST(contains(text, "Trang 4/4"));
    BOOST_TEST(!contains(text, "Trang 5/"));
    BOOST_TEST(std::count(text.begin(), text.end(), '\f') == 4);
    BOOST_TEST(contains(text, "Trích lục thửa đất số 1, tờ bản đồ số 4 (tiếp theo)"));
    BOOST_TEST(contains(text, "80-1"));
}

BOOST_FIXTURE_TEST_CASE(summary_matches_sql, Fixture)
{
    const auto d = report::buildSummary(*project, report::ReportFilter{"07192", {}, {}, {}});
    BOOST_REQUIRE(d.sheets.size() == 2u);
    const std::string users =
        "SELECT count(DISTINCT owner_name) FROM parcel WHERE end_time IS NULL AND commune_code='07192' AND (?1 = '' OR to_so = ?1)"
        " AND coalesce(user_type_code,'') NOT IN ('UBQ','TPQ','TKQ')";
    const std::string managers =
        "SELECT count(DISTINCT owner_name) FROM parcel WHERE end_time IS NULL AND commune_code='07192' AND (?1 = '' OR to_so = ?1)"
        " AND user_type_code IN ('UBQ','TPQ','TKQ')";
    for (const auto &s : d.sheets) {
        const std::string to = std::to_string(*s.toSo);
        BOOST_TEST(s.parcels == sql("SELECT count(*) FROM parcel WHERE end_time IS NULL AND commune_code='07192' AND to_so=?"
                                    " AND object_kind='parcel'", {to}));
        BOOST_TEST(s.otherObjects == sql("SELECT count(*) FROM parcel WHERE end_time IS NULL AND commune_code='07192' AND to_so=?"
                                         " AND object_kind<>'parcel'", {to}));
        BOOST_TEST(s.area == sql("SELECT sum(CAST(round(measured_area*10) AS INTEGER)) FROM parcel WHERE end_time IS NULL"
                                 " AND commune_code='07192' AND to_so=?", {to}));
        BOOST_TEST(s.users == sql(users, {to}));
        BOOST_TEST(s.managers == sql(managers, {to}));
    }
    BOOST_TEST(d.total.parcels == d.sheets[0].parcels + d.sheets[1].parcels);
    BOOST_TEST(d.total.area == sql("SELECT sum(CAST(round(measured_area*10) AS INTEGER)) FROM parcel WHERE commune_code='07192'"));
    BOOST_TEST(d.total.users == sql(users, {""}));
    BOOST_TEST(d.total.managers == 1);
    BOOST_TEST(d.sheets[0].users == 8); // Nguyễn Văn Ánh owns two parcels on sheet 1

    const auto tables = report::summaryTables(*project, report::ReportFilter{"07192", {}, {}, {}});
    QString err;
    const std::string pdf = tmp.file("sum.pdf"), xlsx = tmp.file("sum.xlsx");
    BOOST_REQUIRE(report::writeTables(tables, report::ReportFormat::Pdf, QString::fromStdString(pdf), &err, {false}));
    const std::string text = pdfText(pdf);
    BOOST_TEST(contains(text, "BẢNG TỔNG HỢP"));
    BOOST_TEST(contains(text, report::formatTenths(d.total.area, true)));
    BOOST_REQUIRE(report::writeTables(tables, report::ReportFormat::Xlsx, QString::fromStdString(xlsx), &err));
    const std::string sheet = run("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
    BOOST_TEST(contains(sheet, "<f>SUM(F6:F7)</f><v>" + xlsxNumber(d.total.area) + "</v>"));
    BOOST_TEST(contains(sheet, "<f>SUM(B6:B7)</f><v>" + std::to_string(d.total.parcels) + "</v>"));
}

BOOST_FIXTURE_TEST_CASE(statistics_identities_and_sql_sums, Fixture)
{
    const auto d = report::buildStatistics(*project, report::ReportFilter{"07192", {}, {}, {}}, "2018");
    for (const auto &p : d.problems)
        BOOST_TEST_MESSAGE(p);
    BOOST_REQUIRE(d.ok());
    size_t i = 0;
    auto total = [&](const std::string &code) {
        rowOf(d, code, &i);
        return d.values[i][0];
    };
    BOOST_TEST(total("LUA") == lineTenths({"LUC", "LUK"}));
    BOOST_TEST(total("HNK") == lineTenths({"BHK", "NHK"}));
    BOOST_TEST(total("CHN") == lineTenths({"LUC", "LUK", "BHK", "NHK"}));
    BOOST_TEST(total("CLN") == lineTenths({"CLN"}));
    BOOST_TEST(total("SXN") == lineTenths({"LUC", "LUK", "BHK", "NHK", "CLN"}));
    BOOST_TEST(total("NNP") == lineTenths({"LUC", "LUK", "BHK", "NHK", "CLN", "RSX"}));
    BOOST_TEST(total("OCT") == lineTenths({"ONT", "ODT"}));
    BOOST_TEST(total("PNN") == lineTenths({"ONT", "ODT", "DGT", "SON"}));
    BOOST_TEST(total("CSD") == lineTenths({"BCS"}));
    BOOST_TEST(d.unitTotal[0] == lineTenths({}));
    // By land-user type.
    BOOST_TEST(cell(d, "OCT", "GDC") == lineTenths({"ONT", "ODT"}, "GDC"));
    BOOST_TEST(cell(d, "OCT", "TKT") == lineTenths({"ODT"}, "TKT"));
    BOOST_TEST(cell(d, "PNN", "UBQ") == lineTenths({"DGT", "SON"}, "UBQ"));
    BOOST_TEST(cell(d, "CLN", "KXD") == lineTenths({"CLN"}, ""));
    BOOST_TEST(d.unitTotal[colOf(d, "NSD")] == lineTenths({}) - lineTenths({}, "UBQ") - lineTenths({}, ""));

    // The identities, recomputed here: parent = Σ children, NNP + PNN + CSD = unit total, groups = Σ members.
    std::map<std::string, size_t> idx;
    for (size_t r = 0; r < d.scheme.rows.size(); ++r)
        idx[d.scheme.rows[r].code] = r;
    for (size_t c = 0; c <= d.scheme.columns.size(); ++c) {
        std::map<std::string, report::Tenths> sums;
        for (const auto &r : d.scheme.rows)
            if (!r.parent.empty())
                sums[r.parent] += d.values[idx[r.code]][c];
        for (const auto &[parent, sum] : sums)
            BOOST_TEST(d.values[idx[parent]][c] == sum, parent << " column " << c);
        BOOST_TEST(d.values[idx["NNP"]][c] + d.values[idx["PNN"]][c] + d.values[idx["CSD"]][c] == d.unitTotal[c]);
    }
    for (size_t r = 0; r < d.values.size(); ++r)
        BOOST_TEST(d.values[r][0] == d.values[r][colOf(d, "NSD")] + d.values[r][colOf(d, "NQL")] + d.values[r][colOf(d, "KXD")]);

    // 2024 scheme: BHK and NHK are counted in HNK (a leaf there).
    const auto d24 = report::buildStatistics(*project, report::ReportFilter{"07192", {}, {}, {}}, "2024");
    BOOST_REQUIRE(d24.ok());
    BOOST_TEST(cell(d24, "HNK", "") == lineTenths({"BHK", "NHK"}));
    BOOST_TEST(d24.unitTotal[0] == lineTenths({}));

    // Written XLSX: parent rows are SUM formulas of their children; PDF has the title.
    QString err;
    const std::string xlsx = tmp.file("st.xlsx"), pdf = tmp.file("st.pdf");
    const auto table = report::statisticsTable(d, report::unitInfo(*project, "07192"));
    BOOST_REQUIRE(report::writeTables({table}, report::ReportFormat::Xlsx, QString::fromStdString(xlsx), &err));
    const std::string sheet = run("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
    // Row layout: 3 header lines, title, blank, column header → the unit total is sheet row 7, NNP row 8.
    BOOST_TEST(contains(sheet, "<f>SUM(D8,D") ); // unit total = NNP + PNN + CSD
    BOOST_TEST(contains(sheet, "<v>" + xlsxNumber(lineTenths({})) + "</v>"));
    BOOST_REQUIRE(report::writeTables({table}, report::ReportFormat::Pdf, QString::fromStdString(pdf), &err));
    const std::string text = pdfText(pdf);
    BOOST_TEST(contains(text, "THỐNG KÊ DIỆN TÍCH ĐẤT ĐAI"));
    BOOST_TEST(contains(text, "Nhóm đất nông nghiệp"));
    BOOST_TEST(contains(text, report::formatTenths(lineTenths({}), true)));
}

BOOST_FIXTURE_TEST_CASE(statistics_fail_clearly, Fixture)
{
    {
        store::ParcelWriter w(*project);
        insert(w, "07192", {3, 1, 0, 10, "T", "Lý Văn Tâm", "GDC", 100.0, std::nullopt});   // legacy code
        insert(w, "07192", {3, 2, 1, 10, "LUA", "Lý Văn Tâm", "GDC", 100.0, std::nullopt}); // group code
    }
    const auto d = report::buildStatistics(*project, report::ReportFilter{"07192", {}, {}, {}}, "2018");
    BOOST_TEST(!d.ok());
    std::string all;
    for (const auto &p : d.problems)
        all += p + "\n";
    BOOST_TEST_MESSAGE(all);
    BOOST_TEST(contains(all, "Mã loại đất 'T' không có trong chỉ tiêu thống kê 2018"));
    BOOST_TEST(contains(all, "tờ/thửa 3/1"));
    BOOST_TEST(contains(all, "LUA (Đất trồng lúa)"));
    BOOST_TEST(contains(all, "thửa ghi trực tiếp mã LUA (tờ/thửa 3/2)"));
    BOOST_TEST(contains(all, "NNP + PNN + CSD"));
    // The CLI refuses to write and says why.
    const auto r = test::runCli("report statistics '" + path + "' --out '" + tmp.file("st.pdf") + "'");
    BOOST_TEST(r.exitCode == 1);
    BOOST_TEST(contains(r.err, "do not add up"));
    BOOST_TEST(!fs::exists(tmp.file("st.pdf")));
    // --draft writes it all the same, marked on every page and worksheet, with the findings listed.
    auto d1 = test::runCli("report statistics '" + path + "' --out '" + tmp.file("draft.pdf") + "' --draft");
    BOOST_TEST(d1.exitCode == 1, d1.err);
    BOOST_TEST(contains(d1.err, "draft"));
    BOOST_REQUIRE(fs::exists(tmp.file("draft.pdf")));
    const int pages = std::stoi(run("pdfinfo '" + tmp.file("draft.pdf") + "' | sed -n 's/^Pages: *//p'"));
    BOOST_TEST(pages >= 2);
    for (int pg = 1; pg <= pages; ++pg) {
        const std::string text = run("pdftotext -f " + std::to_string(pg) + " -l " + std::to_string(pg) + " '" +
                                     tmp.file("draft.pdf") + "' -");
        BOOST_TEST(contains(text, "BẢN NHÁP"), "page " << pg);
    }
    const std::string text = pdfText(tmp.file("draft.pdf"));
    BOOST_TEST(contains(text, "THỐNG KÊ DIỆN TÍCH ĐẤT ĐAI"));
    BOOST_TEST(contains(text, "CÁC ĐIỂM CHƯA ĐẠT KIỂM TRA"));
    BOOST_TEST(contains(text, "không có trong chỉ tiêu thống kê 2018"));
    auto d2 = test::runCli("report statistics '" + path + "' --out '" + tmp.file("draft.csv") + "' --draft");
    BOOST_TEST(d2.exitCode == 1, d2.err);
    const std::string csv = test::readFile(tmp.file("draft.csv"));
    BOOST_TEST(contains(csv, "BẢN NHÁP — THỐNG KÊ"));
    BOOST_TEST(contains(csv, "tờ/thửa 3/1"));
    // Only the statistics can be a draft.
    BOOST_TEST(test::runCli("report register '" + path + "' --out '" + tmp.file("x.pdf") + "' --draft").exitCode == 2);
}

BOOST_FIXTURE_TEST_CASE(extract_vertices_neighbours_and_pdf, Fixture)
{
    report::ReportFilter f;
    f.communeCode = "07192";
    f.parcels = {{1, 6}};
    const auto ex = report::buildExtracts(*project, f);
    BOOST_REQUIRE(ex.size() == 1u);
    const auto &e = ex[0];
    BOOST_REQUIRE(e.vertices.size() == 4u);
    // Northernmost (then westernmost) first, clockwise: NW, NE, SE, SW of the square at column 1, row 1.
    const double w = kE0 + kSide, s = kN0 + kSide;
    BOOST_TEST(e.vertices[0].north == s + kSide);
    BOOST_TEST(e.vertices[0].east == w);
    BOOST_TEST(e.vertices[1].east == w + kSide);
    BOOST_TEST(e.vertices[1].north == s + kSide);
    BOOST_TEST(e.vertices[2].north == s);
    BOOST_TEST(e.vertices[3].east == w);
    for (const auto &v : e.vertices)
        BOOST_TEST(v.edgeLength == kSide, boost::test_tools::tolerance(1e-9));
    // Neighbours along each edge: north 1/2, east 1/7, south 1/10, west 1/5.
    BOOST_TEST(e.vertices[0].neighbours == std::vector<std::string>{"2"});
    BOOST_TEST(e.vertices[1].neighbours == std::vector<std::string>{"7"});
    BOOST_TEST(e.vertices[2].neighbours == std::vector<std::string>{"10"});
    BOOST_TEST(e.vertices[3].neighbours == std::vector<std::string>{"5"});
    BOOST_TEST(e.uses.size() == 2u);
    BOOST_TEST(e.epsg == 5899);

    QStringList written;
    QString err;
    const std::string pdf = tmp.file("ex.pdf");
    BOOST_REQUIRE_MESSAGE(report::writeExtracts(ex, report::ReportFormat::Pdf, QString::fromStdString(pdf), false, &written, &err),
                          err.toStdString());
    const std::string text = pdfText(pdf);
    BOOST_TEST(contains(text, "TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH"));
    BOOST_TEST(contains(text, "Đặng Thị Ửng"));
    BOOST_TEST(contains(text, "Xã Cô Tô (07192)"));
    BOOST_TEST(contains(text, "2319850,00")); // X (north) of vertex 1, 0.01 m
    BOOST_TEST(contains(text, "501780,00"));  // Y (east)
    BOOST_TEST(contains(text, "20,00"));
    BOOST_TEST(contains(text, "ONT 180,3 m²"));
    BOOST_TEST(contains(text, "B")); // north arrow
    BOOST_TEST(contains(text, "Trang 1/1"));

    // Many parcels: one PDF, or one file per parcel.
    f.parcels.clear();
    f.toSo = 2;
    const auto many = report::buildExtracts(*project, f);
    BOOST_TEST(many.size() == 6u);
    written.clear();
    BOOST_REQUIRE(report::writeExtracts(many, report::ReportFormat::Pdf, QString::fromStdString(tmp.file("all.pdf")), false,
                                        &written, &err));
    BOOST_TEST(contains(pdfText(tmp.file("all.pdf")), "Trang 6/6"));
    written.clear();
    BOOST_REQUIRE(report::writeExtracts(many, report::ReportFormat::Pdf, QString::fromStdString(tmp.file("split")), true,
                                        &written, &err));
    BOOST_TEST(written.size() == 6);
    BOOST_TEST(fs::exists(tmp.file("split/07192_2_5.pdf")));
    BOOST_TEST(contains(pdfText(tmp.file("split/07192_2_5.pdf")), "Bùi Văn Ấm"));
    written.clear();
    BOOST_REQUIRE(report::writeExtracts(many, report::ReportFormat::Csv, QString::fromStdString(tmp.file("ex.csv")), false,
                                        &written, &err));
    BOOST_TEST(contains(test::readFile(tmp.file("ex.csv")), "HỒ SƠ KỸ THUẬT THỬA ĐẤT — tờ 2 thửa 1"));
}

BOOST_FIXTURE_TEST_CASE(cli_report_commands, Fixture)
{
    project.reset();
    const std::string p = "'" + path + "'";
    // Run as on a server's root shell, which has no XDG_RUNTIME_DIR: no stray Qt warning.
    const char *xdg = std::getenv("XDG_RUNTIME_DIR");
    const std::string savedXdg = xdg ? xdg : "";
    ::unsetenv("XDG_RUNTIME_DIR");
    auto r = test::runCli("report register " + p + " --out '" + tmp.file("r.pdf") + "' --commune 07192 --sheet 1");
    if (!savedXdg.empty())
        ::setenv("XDG_RUNTIME_DIR", savedXdg.c_str(), 1);
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(!contains(r.err, "XDG_RUNTIME_DIR"), r.err);
    BOOST_TEST(!contains(r.out, "XDG_RUNTIME_DIR"), r.out);
    BOOST_TEST(contains(pdfText(tmp.file("r.pdf")), "Tờ bản đồ số: 1"));
    r = test::runCli("report register " + p + " --out '" + tmp.file("r.xlsx") + "'");
    BOOST_TEST(r.exitCode == 0, r.err);
    // Two communes → two worksheets.
    BOOST_TEST(contains(run("unzip -l '" + tmp.file("r.xlsx") + "'"), "xl/worksheets/sheet2.xml"));
    r = test::runCli("report summary " + p + " --out '" + tmp.file("s.csv") + "' --commune 07195");
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(contains(test::readFile(tmp.file("s.csv")), "Tổng cộng,1,0,1,0,250.6"));
    r = test::runCli("report statistics " + p + " --out '" + tmp.file("st.html") + "' --commune 07192 --scheme 2024");
    BOOST_TEST(r.exitCode == 0, r.err);
    r = test::runCli("report extract " + p + " --out '" + tmp.file("ex") + "' --parcels 1/1,1/2 --split --format html");
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(fs::exists(tmp.file("ex/07192_1_2.html")));
    r = test::runCli("report extract " + p + " --out '" + tmp.file("x.pdf") + "' --parcels 1/x");
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "'1/x'"));
    r = test::runCli("report extract " + p + " --out '" + tmp.file("x.pdf") + "' --parcels 9/9");
    BOOST_TEST(r.exitCode == 1);
    r = test::runCli("report nonsense " + p + " --out x.pdf");
    BOOST_TEST(r.exitCode == 2);
}

BOOST_FIXTURE_TEST_CASE(validation_report_reads_issue_table, Fixture)
{
    // Every project has the table (schema 002); an empty one gives one table without rows.
    BOOST_REQUIRE(sql("SELECT count(*) FROM sqlite_master WHERE name='validation_issue'") == 1);
    {
        const auto none = report::validationTables(*project, {});
        BOOST_REQUIRE(none.size() == 1);
        BOOST_TEST(none[0].rows.empty());
    }
    const int64_t id = idOf(1, 3);
    store::Statement st(project->db(), "INSERT INTO validation_issue(rule, severity, parcel_id, parcel_ids, measure, unit, message)"
                                       " VALUES ('overlap', 'error', ?, ?, 1.25, 'm2', 'Chồng đè với thửa 1/4')");
    st.bind(1, id).bind(2, std::to_string(id));
    st.exec();
    const auto tables = report::validationTables(*project, {});
    BOOST_REQUIRE(tables.size() == 1);
    BOOST_TEST(tables[0].rows.size() == 1);
    QString err;
    BOOST_REQUIRE(report::writeTables(tables, report::ReportFormat::Pdf, QString::fromStdString(tmp.file("v.pdf")), &err));
    const std::string text = pdfText(tmp.file("v.pdf"));
    BOOST_TEST(contains(text, "Chồng đè với thửa 1/4"));
    BOOST_TEST(contains(text, "overlap: 1"));
}

BOOST_AUTO_TEST_CASE(sample_data_statistics_identities_hold)
{
    const std::string shp = test::sampleDir() + "/coto/coto_tt75_tcvn3_utm48n.shp";
    BOOST_REQUIRE_MESSAGE(fs::exists(shp), shp << " is part of the project and must be present");
    test::TempDir tmp;
    const std::string path = tmp.file("coto.sqlite");
    BOOST_REQUIRE(test::runCli("create '" + path + "'").exitCode == 0);
    const auto imp = test::runCli("import '" + shp + "' --into '" + path + "'");
    BOOST_REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    auto project = store::Project::open(path);
    auto sql = [&](const std::string &q) { return project->db().queryInt(q).value_or(0); };
    const int64_t lines = sql("SELECT sum(CAST(round(CASE WHEN (SELECT count(*) FROM parcel_landuse x WHERE x.parcel_id = p.id)"
                              " = 1 THEN p.measured_area ELSE pl.area END * 10) AS INTEGER)) FROM parcel_landuse pl JOIN parcel p"
                              " ON p.id = pl.parcel_id WHERE p.end_time IS NULL");
    for (const char *scheme : {"2018", "2024"}) {
        const auto d = report::buildStatistics(*project, {}, scheme);
        for (const auto &p : d.problems)
            BOOST_TEST_MESSAGE(p);
        BOOST_TEST(d.ok(), "scheme " << scheme);
        BOOST_TEST(d.unitTotal[0] == lines);
    }
    BOOST_TEST(report::buildRegister(*project, {}).totalCurrent == lines);
    BOOST_TEST(report::buildSummary(*project, {}).total.area ==
               sql("SELECT sum(CAST(round(measured_area*10) AS INTEGER)) FROM parcel WHERE end_time IS NULL"));
    // Decoded TCVN3 names print with their diacritics.
    const std::string owner = project->db().queryText("SELECT owner_name FROM parcel WHERE owner_name LIKE 'Nguy%' LIMIT 1").value_or("");
    project.reset();
    const auto r = test::runCli("report register '" + path + "' --out '" + tmp.file("reg.pdf") + "'");
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    BOOST_REQUIRE_MESSAGE(!owner.empty(), "the TCVN3 sample has owners named Nguyễn …");
    BOOST_TEST(contains(pdfText(tmp.file("reg.pdf")), owner));
}

BOOST_FIXTURE_TEST_CASE(register_lists_co_users_and_the_legal_land_type, Fixture)
{
    {
        store::ParcelWriter w(*project);
        model::Parcel p;
        p.communeCode = "07192";
        p.toSo = 3;
        p.thuaSo = 1;
        p.landuseCode = "LUC";
        p.legalLanduseCode = "LUK"; // the certificate still says LUK
        p.ownerName = "Nguyễn Văn Hải và Trần Thị Mơ";
        p.userTypeCode = "GDC";
        p.measuredArea = 400.0;
        p.legalArea = 400.0;
        p.wkb = square(12, 0);
        w.insert(p);
        p.thuaSo = 2;
        p.legalLanduseCode.clear();
        p.ownerName = "Công ty Thương mại và Dịch vụ Cô Tô"; // an organisation: never split
        p.userTypeCode = "TKT";
        p.wkb = square(13, 0);
        w.insert(p);
    }
    report::ReportFilter f;
    f.toSo = 3;
    const auto reg = report::buildRegister(*project, f);
    BOOST_REQUIRE(reg.lines.size() == 3u);
    BOOST_TEST(reg.lines[0].ownerName == "Nguyễn Văn Hải");
    BOOST_TEST(reg.lines[0].legalCode == "LUK");
    BOOST_TEST(reg.lines[0].currentCode == "LUC");
    BOOST_TEST(reg.lines[1].coUserLine);
    BOOST_TEST(reg.lines[1].ownerName == "Trần Thị Mơ");
    BOOST_TEST(reg.lines[1].currentArea == 0);
    BOOST_TEST(reg.lines[2].ownerName == "Công ty Thương mại và Dịch vụ Cô Tô");
    BOOST_TEST(reg.lines[2].legalCode == "LUC"); // no separate legal type recorded: same as current
    BOOST_TEST(reg.parcelCount == 2);
    BOOST_TEST(reg.totalCurrent == 8000); // co-user lines carry no area
    BOOST_TEST(report::splitCoUsers("A; B và C", "GDC") == (std::vector<std::string>{"A", "B", "C"}));
}

BOOST_FIXTURE_TEST_CASE(extract_of_a_parcel_with_a_damaged_blob_says_why_and_neighbours_still_work, Fixture)
{
    // Issue #16: SpatiaLite's parser hung or crashed on a damaged blob; the extract now
    // reads it with the checked reader, says why it has no drawing, and the neighbour's
    // extract is whole (the damaged parcel is only left out of its sketch).
    int64_t damagedId = 0, neighbourId = 0;
    {
        store::ParcelWriter w(*project);
        for (int k = 0; k < 2; ++k) {
            auto g = geom::fromWkt("POLYGON((" + std::to_string(503000 + 20 * k) + " 2321000, " +
                                   std::to_string(503020 + 20 * k) + " 2321000, " + std::to_string(503020 + 20 * k) +
                                   " 2321020, " + std::to_string(503000 + 20 * k) + " 2321020, " +
                                   std::to_string(503000 + 20 * k) + " 2321000))");
            model::Parcel p;
            p.communeCode = "07192";
            p.toSo = 9;
            p.thuaSo = k + 1;
            p.landuseCode = "ONT";
            p.measuredArea = 400.0;
            p.wkb = geom::toWkb(g.get());
            (k == 0 ? damagedId : neighbourId) = w.insert(p);
        }
    }
    {
        auto &db = project->db();
        std::vector<std::pair<std::string, std::string>> triggers;
        store::Statement tr(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'parcel'");
        while (tr.step())
            triggers.emplace_back(tr.text(0), tr.text(1));
        for (const auto &t : triggers)
            db.exec("DROP TRIGGER \"" + t.first + "\"");
        store::Statement get(db, "SELECT geom FROM parcel WHERE id = ?");
        get.bind(1, damagedId);
        BOOST_REQUIRE(get.step());
        auto blob = get.blob(0);
        const uint32_t rings = 0x7fffffff;
        std::memcpy(&blob[52], &rings, 4);
        store::Statement up(db, "UPDATE parcel SET geom = ? WHERE id = ?");
        up.bindBlob(1, blob.data(), blob.size()).bind(2, damagedId);
        up.exec();
        for (const auto &t : triggers)
            db.exec(t.second);
    }
    report::ReportFilter f;
    f.parcels = {{9, 1}, {9, 2}};
    const auto ex = report::buildExtracts(*project, f);
    BOOST_REQUIRE_EQUAL(ex.size(), 2u);
    BOOST_TEST(ex[0].parcel.id == damagedId);
    BOOST_TEST(contains(ex[0].geometryProblem, "ring count 2147483647"), ex[0].geometryProblem);
    BOOST_TEST(contains(ex[0].note, "bị hỏng"), ex[0].note);
    BOOST_TEST(ex[0].vertices.empty());
    BOOST_TEST(ex[1].parcel.id == neighbourId);
    BOOST_TEST(ex[1].geometryProblem.empty());
    BOOST_TEST(ex[1].vertices.size() == 4u);
    // Through the CLI: exit 1, the parcel named, the PDF written.
    const std::string pdf = tmp.file("damaged.pdf");
    const auto r = test::runCli("report extract " + path + " --parcels 9/1,9/2 --out " + pdf);
    BOOST_TEST(r.exitCode == 1, r.out + r.err);
    BOOST_TEST(contains(r.err, "parcel id " + std::to_string(damagedId) + " (xã 07192, tờ 9, thửa 1"), r.err);
    BOOST_TEST(contains(pdfText(pdf), "bị hỏng"));
}

BOOST_FIXTURE_TEST_CASE(unreviewed_vectorized_candidates_are_not_in_the_statutory_reports, Fixture)
{
    report::ReportFilter f;
    f.communeCode = "07192";
    const int64_t all = report::buildRegister(*project, f).parcelCount;
    BOOST_TEST(report::unreviewedCandidates(*project, f) == 0);
    // Two parcels come from `vnland vectorize --into` and wait for review; a third once did
    // ("candidate_reviewed" is not the flag).
    project->db().exec("UPDATE parcel SET flags = 'candidate,area_mismatch' WHERE commune_code = '07192' AND to_so = 1 AND thua_so = 1");
    project->db().exec("UPDATE parcel SET flags = 'candidate' WHERE commune_code = '07192' AND to_so = 1 AND thua_so = 2");
    project->db().exec("UPDATE parcel SET flags = 'candidate_reviewed' WHERE commune_code = '07192' AND to_so = 1 AND thua_so = 3");
    BOOST_TEST(report::unreviewedCandidates(*project, f) == 2);
    BOOST_TEST(report::buildRegister(*project, f).parcelCount == all - 2);
    f.includeCandidates = true;
    BOOST_TEST(report::buildRegister(*project, f).parcelCount == all);
    BOOST_TEST(report::hasFlag("a, candidate ,b", "candidate"));
    BOOST_TEST(!report::hasFlag("candidates", "candidate"));
    BOOST_TEST(!report::hasFlag("", "candidate"));

    // The CLI tells how many were left out and exits 1; --include-candidates puts them in (exit 0).
    auto r = test::runCli("report register '" + path + "' --out '" + tmp.file("r.csv") + "' --commune 07192");
    BOOST_TEST(r.exitCode == 1, r.err);
    BOOST_TEST(contains(r.err, "2 vectorized parcel(s) not yet reviewed"), r.err);
    BOOST_TEST(contains(r.err, "--include-candidates"), r.err);
    BOOST_TEST(std::filesystem::exists(tmp.file("r.csv")));
    r = test::runCli("report register '" + path + "' --out '" + tmp.file("r2.csv") + "' --commune 07192 --include-candidates");
    BOOST_TEST(r.exitCode == 0, r.err);
    // Statistics leave them out as well.
    r = test::runCli("report statistics '" + path + "' --out '" + tmp.file("s.csv") + "' --commune 07192");
    BOOST_TEST(r.exitCode == 1, r.err);
    BOOST_TEST(contains(r.err, "not yet reviewed"), r.err);
}
