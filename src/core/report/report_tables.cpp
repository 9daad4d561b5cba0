// Lays out report data as ReportTables in the order of the statutory forms.
#include "report/report_tables.h"

#include "store/project.h"
#include "store/reference_data.h"

#include <QCoreApplication>

#include <set>

namespace vnland::report {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
QString num(Tenths t) { return q(formatTenths(t, false)); }
QString opt(const std::optional<int> &v) { return v ? QString::number(*v) : QString(); }
QString m2(double v) { return QString::number(v, 'f', 2); }

ReportFilter forCommune(const ReportFilter &f, const std::string &commune)
{
    ReportFilter c = f;
    c.communeCode = commune;
    return c;
}

} // namespace

QStringList unitHeader(const UnitInfo &unit, const ReportFilter &filter)
{
    QStringList h;
    h << QStringLiteral("Tỉnh: ") + q(unit.provinceName);
    if (!unit.communeCode.empty())
        h << QStringLiteral("Xã: ") + q(unit.communeLabel());
    if (filter.toSo)
        h << QStringLiteral("Tờ bản đồ số: ") + QString::number(*filter.toSo);
    if (!filter.landuseCode.empty())
        h << QStringLiteral("Loại đất: ") + q(filter.landuseCode);
    return h;
}

QList<plugin::ReportTable> registerTables(store::Project &project, const ReportFilter &filter)
{
    QList<plugin::ReportTable> out;
    for (const auto &commune : communesOf(project, filter)) {
        const ReportFilter f = forCommune(filter, commune);
        out += registerTables(buildRegister(project, f), project, f);
    }
    return out;
}

QList<plugin::ReportTable> registerTables(const RegisterData &data, store::Project &project, const ReportFilter &filter)
{
    plugin::ReportTable t;
    t.title = QStringLiteral("SỔ MỤC KÊ ĐẤT ĐAI");
    t.sheetName = QStringLiteral("So muc ke ") + q(filter.communeCode);
    t.headerLines = unitHeader(unitInfo(project, filter.communeCode), filter);
    t.columns = {QStringLiteral("Tờ bản đồ số"),
                 QStringLiteral("Thửa đất số"),
                 QStringLiteral("Tên người sử dụng, quản lý đất"),
                 QStringLiteral("Mã đối tượng sử dụng đất"),
                 QStringLiteral("Diện tích hiện trạng (m²)"),
                 QStringLiteral("Loại đất hiện trạng"),
                 QStringLiteral("Diện tích pháp lý (m²)"),
                 QStringLiteral("Loại đất pháp lý"),
                 QStringLiteral("Ghi chú")};
    t.numericColumns = {4, 6};
    t.summedColumns = {4, 6};
    for (const auto &l : data.lines) {
        if (l.coUserLine)
            t.rows.append({QString(), QString(), q(l.ownerName), q(l.userTypeCode), QString(), QString(), QString(),
                           QString(), QStringLiteral("đồng sử dụng")});
        else if (l.firstOfParcel)
            t.rows.append({opt(l.toSo), opt(l.thuaSo), q(l.ownerName), q(l.userTypeCode), num(l.currentArea),
                           q(l.currentCode), l.legalArea ? num(*l.legalArea) : QString(), q(l.legalCode), q(l.note)});
        else
            t.rows.append({QString(), QString(), QString(), QString(), num(l.currentArea), q(l.currentCode), QString(),
                           QString(), q(l.note)});
    }
    QList<int> all;
    for (int i = 0; i < t.rows.size(); ++i)
        all << i;
    t.rows.append({QStringLiteral("Tổng cộng"), QString::number(data.parcelCount) + QStringLiteral(" thửa"), QString(),
                   QString(), num(data.totalCurrent), QString(), num(data.totalLegal), QString(), QString()});
    t.rowSums.insert(static_cast<int>(t.rows.size() - 1), all);
    t.emphasisRows << static_cast<int>(t.rows.size() - 1);
    t.footerLines << QStringLiteral("Diện tích tính đến 0,1 m²; mỗi dòng là một mục đích sử dụng của thửa đất.");
    return {t};
}

QList<plugin::ReportTable> summaryTables(store::Project &project, const ReportFilter &filter)
{
    QList<plugin::ReportTable> out;
    for (const auto &commune : communesOf(project, filter)) {
        const ReportFilter f = forCommune(filter, commune);
        const SummaryData d = buildSummary(project, f);
        plugin::ReportTable t;
        t.title = QStringLiteral("BẢNG TỔNG HỢP SỐ THỬA, SỐ NGƯỜI SỬ DỤNG, QUẢN LÝ ĐẤT VÀ DIỆN TÍCH THEO TỜ BẢN ĐỒ");
        t.sheetName = QStringLiteral("Tong hop ") + q(commune);
        t.headerLines = unitHeader(unitInfo(project, commune), f);
        t.columns = {QStringLiteral("Tờ bản đồ số"),       QStringLiteral("Số thửa đất"),
                     QStringLiteral("Số đối tượng khác (đường, sông, kênh…)"), QStringLiteral("Số người sử dụng đất"),
                     QStringLiteral("Số người quản lý đất"), QStringLiteral("Diện tích (m²)")};
        t.numericColumns = {1, 2, 3, 4, 5};
        t.integerColumns = {1, 2, 3, 4};
        t.summedColumns = {1, 2, 5};
        for (const auto &s : d.sheets)
            t.rows.append({s.toSo ? QString::number(*s.toSo) : QStringLiteral("(chưa có số tờ)"),
                           QString::number(s.parcels), QString::number(s.otherObjects), QString::number(s.users),
                           QString::number(s.managers), num(s.area)});
        QList<int> all;
        for (int i = 0; i < t.rows.size(); ++i)
            all << i;
        t.rows.append({QStringLiteral("Tổng cộng"), QString::number(d.total.parcels), QString::number(d.total.otherObjects),
                       QString::number(d.total.users), QString::number(d.total.managers), num(d.total.area)});
        t.rowSums.insert(static_cast<int>(t.rows.size() - 1), all);
        t.emphasisRows << static_cast<int>(t.rows.size() - 1);
        t.footerLines << QStringLiteral("Số người sử dụng, quản lý ở dòng Tổng cộng đếm mỗi người một lần trong cả xã.");
        out << t;
    }
    return out;
}

plugin::ReportTable statisticsTable(const StatisticsData &d, const UnitInfo &unit)
{
    plugin::ReportTable t;
    t.title = QStringLiteral("THỐNG KÊ DIỆN TÍCH ĐẤT ĐAI THEO LOẠI ĐẤT VÀ ĐỐI TƯỢNG SỬ DỤNG, QUẢN LÝ");
    t.sheetName = QStringLiteral("Thong ke ") + q(unit.communeCode);
    t.headerLines = unitHeader(unit, {});
    t.headerLines << QStringLiteral("Hệ thống chỉ tiêu: ") + q(d.scheme.name) + QStringLiteral("; đơn vị tính: m²");
    t.columns = {QStringLiteral("STT"), QStringLiteral("Loại đất"), QStringLiteral("Mã"), QStringLiteral("Tổng diện tích")};
    for (const auto &c : d.scheme.columns)
        t.columns << q(c.name) + QStringLiteral(" (") + q(c.key) + QLatin1Char(')');
    const int first = 3;
    for (int c = first; c < t.columns.size(); ++c)
        t.numericColumns << c;
    auto valuesRow = [&](const std::vector<Tenths> &v) {
        QStringList r;
        for (const Tenths x : v)
            r << num(x);
        return r;
    };
    // Unit total first, then the hierarchy.
    QStringList total{QString(), QStringLiteral("Tổng diện tích đất của đơn vị hành chính"), QString()};
    total << valuesRow(d.unitTotal);
    t.rows << total;
    t.emphasisRows << 0;
    std::map<std::string, int> rowIndex;
    for (size_t i = 0; i < d.scheme.rows.size(); ++i) {
        const auto &r = d.scheme.rows[i];
        const int idx = static_cast<int>(t.rows.size());
        rowIndex[r.code] = idx;
        QStringList row{q(r.stt), QString(std::max(0, r.level - 1) * 2, QLatin1Char(' ')) + q(r.name), q(r.code)};
        row << valuesRow(d.values[i]);
        t.rows << row;
        if (r.level == 1)
            t.emphasisRows << idx;
    }
    for (const auto &r : d.scheme.rows) {
        if (r.parent.empty()) {
            if (r.inTotal)
                t.rowSums[0] << rowIndex[r.code];
        } else {
            t.rowSums[rowIndex[r.parent]] << rowIndex[r.code];
        }
    }
    std::map<std::string, int> colIndex;
    for (size_t i = 0; i < d.scheme.columns.size(); ++i)
        colIndex[d.scheme.columns[i].key] = first + 1 + static_cast<int>(i);
    for (const auto &c : d.scheme.columns)
        t.columnSums[c.parent.empty() ? first : colIndex[c.parent]] << colIndex[c.key];
    t.footerLines << QStringLiteral("Đã kiểm tra: mỗi chỉ tiêu cha bằng tổng các chỉ tiêu con; NNP + PNN + CSD bằng tổng "
                                   "diện tích của đơn vị hành chính (MVB thống kê riêng).");
    return t;
}

QList<plugin::ReportTable> statisticsTables(store::Project &project, const ReportFilter &filter, const std::string &scheme,
                                            std::vector<std::string> *problems, bool draft)
{
    QList<plugin::ReportTable> out;
    std::vector<std::string> communes;
    if (filter.communeCode.empty())
        communes = communesOf(project, filter);
    else
        communes = {filter.communeCode};
    for (const auto &commune : communes) {
        const StatisticsData d = buildStatistics(project, forCommune(filter, commune), scheme);
        if (!d.ok()) {
            for (const auto &p : d.problems)
                problems->push_back((commune.empty() ? std::string() : "xã " + commune + ": ") + p);
            if (!draft)
                continue;
        }
        out << statisticsTable(d, unitInfo(project, commune));
    }
    if (!problems->empty() && !draft)
        out.clear();
    return out;
}

QList<plugin::ReportTable> extractTables(const std::vector<ExtractData> &extracts)
{
    QList<plugin::ReportTable> out;
    for (const auto &e : extracts) {
        plugin::ReportTable t;
        const auto &p = e.parcel;
        const QString id = QStringLiteral("tờ ") + opt(p.toSo) + QStringLiteral(" thửa ") + opt(p.thuaSo);
        t.title = QStringLiteral("HỒ SƠ KỸ THUẬT THỬA ĐẤT — ") + id;
        t.sheetName = opt(p.toSo) + QLatin1Char('-') + opt(p.thuaSo);
        t.headerLines = unitHeader(e.unit, {});
        QStringList uses;
        for (const auto &[code, area] : e.uses)
            uses << q(code) + QStringLiteral(" ") + q(formatTenths(area, true)) + QStringLiteral(" m²");
        t.headerLines << QStringLiteral("Diện tích: ") + q(formatTenths(toTenths(p.measuredArea.value_or(0)), true)) +
                             QStringLiteral(" m²; mục đích sử dụng: ") + uses.join(QStringLiteral(", "));
        t.headerLines << QStringLiteral("Người sử dụng đất: ") + q(p.ownerName) + QStringLiteral("; địa chỉ: ") + q(p.address);
        t.columns = {QStringLiteral("Điểm"),  QStringLiteral("X (m)"),           QStringLiteral("Y (m)"),
                     QStringLiteral("Cạnh"), QStringLiteral("Chiều dài cạnh (m)"), QStringLiteral("Thửa giáp ranh")};
        t.numericColumns = {1, 2, 4};
        for (size_t i = 0; i < e.vertices.size(); ++i) {
            const auto &v = e.vertices[i];
            const int next = i + 1 < e.vertices.size() ? v.number + 1 : 1;
            QStringList n;
            for (const auto &s : v.neighbours)
                n << q(s);
            t.rows.append({QString::number(v.number), m2(v.north), m2(v.east),
                           QString::number(v.number) + QLatin1Char('-') + QString::number(next), m2(v.edgeLength),
                           n.join(QStringLiteral(", "))});
        }
        if (!e.note.empty())
            t.footerLines << QStringLiteral("Ghi chú: ") + q(e.note);
        out << t;
    }
    return out;
}

QList<plugin::ReportTable> validationTables(store::Project &project, const ReportFilter &filter)
{
    const ValidationData d = buildValidation(project, filter);
    if (!d.available)
        return {};
    plugin::ReportTable t;
    t.title = QStringLiteral("BÁO CÁO KIỂM TRA DỮ LIỆU BẢN ĐỒ ĐỊA CHÍNH");
    t.sheetName = QStringLiteral("Kiem tra");
    t.headerLines = unitHeader(unitInfo(project, filter.communeCode), filter);
    static const std::map<std::string, QString> names = {
        {"commune_code", QStringLiteral("Mã xã")}, {"to_so", QStringLiteral("Tờ")},       {"thua_so", QStringLiteral("Thửa")},
        {"rule", QStringLiteral("Quy tắc kiểm tra")}, {"severity", QStringLiteral("Mức độ")}, {"message", QStringLiteral("Lỗi")},
        {"measure", QStringLiteral("Giá trị")},     {"unit", QStringLiteral("Đơn vị")},   {"status", QStringLiteral("Trạng thái")},
    };
    std::vector<size_t> keep;
    for (size_t i = 0; i < d.columns.size(); ++i) {
        const auto it = names.find(d.columns[i]);
        static const std::set<std::string> internal = {"id", "run_id", "parcel_id", "parcel_ids", "status_time", "status_note"};
        if (it == names.end() && internal.count(d.columns[i]))
            continue;
        keep.push_back(i);
        t.columns << (it != names.end() ? it->second : q(d.columns[i]));
        if (d.columns[i] == "measure")
            t.numericColumns << static_cast<int>(keep.size() - 1);
    }
    static const std::map<std::string, QString> words = {
        {"error", QStringLiteral("lỗi")},          {"warning", QStringLiteral("cảnh báo")},
        {"pending", QStringLiteral("chưa sửa")},   {"fixed", QStringLiteral("đã sửa")},
        {"exception", QStringLiteral("ngoại lệ")},
    };
    for (const auto &r : d.rows) {
        QStringList row;
        for (size_t i : keep) {
            const std::string &col = d.columns[i];
            if (col == "measure" && !r[i].empty()) {
                row << QString::number(q(r[i]).toDouble(), 'f', 3);
            } else if (col == "severity" || col == "status") {
                const auto w = words.find(r[i]);
                row << (w != words.end() ? w->second : q(r[i]));
            } else {
                row << q(r[i]);
            }
        }
        t.rows << row;
    }
    t.footerLines << QStringLiteral("Tổng số lỗi: ") + QString::number(d.rows.size());
    for (const auto &[rule, n] : d.countByRule)
        t.footerLines << q(rule) + QStringLiteral(": ") + QString::number(n);
    return {t};
}

} // namespace vnland::report
