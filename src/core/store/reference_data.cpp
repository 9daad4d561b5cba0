// Land-use code lists and hierarchies loaded from the CSV files in schemas/.
#include "store/reference_data.h"

#include "store/database.h"

#include <QFile>

namespace vnland::store {

std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::string schemaResource(const std::string &name)
{
    QFile f(QStringLiteral(":/schemas/") + QString::fromStdString(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

void loadReferenceData(Database &db)
{
    Statement code(db, "INSERT OR REPLACE INTO landuse_code(code, name_vi, grp, valid_2018, valid_2024) VALUES (?,?,?,?,?)");
    const auto codes = parseCsv(schemaResource("landuse_codes.csv"));
    for (size_t i = 1; i < codes.size(); ++i) {
        const auto &r = codes[i];
        if (r.size() < 5)
            continue;
        code.bind(1, r[0]).bind(2, r[1]).bind(3, r[2]).bind(4, r[3]).bind(5, r[4]);
        code.exec();
    }
    Statement h(db, "INSERT OR REPLACE INTO landuse_hierarchy(scheme, stt, code, parent, level) VALUES (?,?,?,?,?)");
    for (const auto &[scheme, file] : {std::pair<const char *, const char *>{"2018", "landuse_hierarchy_2018.csv"},
                                       {"2024", "landuse_hierarchy_2024_draft.csv"}}) {
        const auto rows = parseCsv(schemaResource(file));
        for (size_t i = 1; i < rows.size(); ++i) {
            const auto &r = rows[i];
            if (r.size() < 4)
                continue;
            h.bind(1, scheme).bind(2, r[0]).bind(3, r[1]);
            if (r[2].empty())
                h.bind(4, nullptr);
            else
                h.bind(4, r[2]);
            h.bind(5, std::stoi(r[3]));
            h.exec();
        }
    }
}

const std::map<std::string, LanduseCode> &landuseCodes()
{
    static const std::map<std::string, LanduseCode> codes = [] {
        std::map<std::string, LanduseCode> m;
        const auto rows = parseCsv(schemaResource("landuse_codes.csv"));
        for (size_t i = 1; i < rows.size(); ++i) {
            const auto &r = rows[i];
            if (r.size() >= 5)
                m[r[0]] = {r[0], r[1], r[2], r[3], r[4]};
        }
        return m;
    }();
    return codes;
}

} // namespace vnland::store
