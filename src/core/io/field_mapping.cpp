// Field mapping presets and user mapping files.
#include "io/field_mapping.h"

#include "store/reference_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace vnland::io {
namespace {

bool equalsNoCase(const std::string &a, const std::string &b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

int findField(const std::vector<std::string> &names, const std::string &wanted)
{
    for (size_t i = 0; i < names.size(); ++i)
        if (equalsNoCase(names[i], wanted))
            return static_cast<int>(i);
    return -1;
}

std::vector<std::string> stringList(const QJsonValue &v)
{
    std::vector<std::string> out;
    if (v.isString())
        out.push_back(v.toString().toStdString());
    for (const QJsonValue &e : v.toArray())
        out.push_back(e.toString().toStdString());
    return out;
}

} // namespace

const std::vector<std::string> &FieldMapping::targets()
{
    static const std::vector<std::string> t = {
        "commune_code", "to_so", "thua_so", "to_so_cu", "thua_so_cu", "source_area", "legal_area",
        "landuse_code", "legal_landuse_code", "user_type_code", "owner_name", "address", "certificate_issued", "uuid",
        "begin_time", "end_time", "object_kind"};
    return t;
}

std::optional<FieldMapping> FieldMapping::fromJson(const std::string &json, const std::string &origin, std::string *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = origin + ": not a valid mapping file (" + pe.errorString().toStdString() + " at offset "
            + std::to_string(pe.offset) + ")";
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    FieldMapping m;
    m.m_name = o.value(QStringLiteral("name")).toString().toStdString();
    m.m_description = o.value(QStringLiteral("description")).toString().toStdString();
    for (const QJsonValue &g : o.value(QStringLiteral("detect")).toArray())
        m.m_detect.push_back(stringList(g));
    const QJsonObject fields = o.value(QStringLiteral("fields")).toObject();
    if (fields.isEmpty()) {
        *error = origin + ": mapping has no \"fields\" object";
        return std::nullopt;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const std::string target = it.key().toStdString();
        if (std::find(targets().begin(), targets().end(), target) == targets().end()) {
            std::string known;
            for (const auto &t : targets())
                known += (known.empty() ? "" : ", ") + t;
            *error = origin + ": unknown target field \"" + target + "\" (known: " + known + ")";
            return std::nullopt;
        }
        m.m_fields[target] = stringList(it.value());
    }
    if (m.m_name.empty())
        m.m_name = origin;
    return m;
}

std::optional<FieldMapping> FieldMapping::fromFile(const std::string &path, std::string *error)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot read mapping file (" + f.errorString().toStdString() + ")";
        return std::nullopt;
    }
    return fromJson(f.readAll().toStdString(), path, error);
}

const std::vector<FieldMapping> &FieldMapping::presets()
{
    static const std::vector<FieldMapping> list = [] {
        std::vector<FieldMapping> out;
        for (const char *name : {"mappings/tt75.json", "mappings/vnland.json"}) {
            std::string err;
            if (auto m = fromJson(store::schemaResource(name), name, &err))
                out.push_back(*m);
        }
        return out;
    }();
    return list;
}

std::optional<FieldMapping> FieldMapping::detect(const std::vector<std::string> &fieldNames)
{
    for (const FieldMapping &m : presets()) {
        if (m.m_detect.empty())
            continue;
        const bool all = std::all_of(m.m_detect.begin(), m.m_detect.end(), [&](const std::vector<std::string> &group) {
            return std::any_of(group.begin(), group.end(), [&](const std::string &n) { return findField(fieldNames, n) >= 0; });
        });
        if (all)
            return m;
    }
    return std::nullopt;
}

std::map<std::string, int> FieldMapping::resolve(const std::vector<std::string> &fieldNames) const
{
    std::map<std::string, int> out;
    for (const auto &[target, sources] : m_fields)
        for (const auto &s : sources)
            if (int i = findField(fieldNames, s); i >= 0) {
                out[target] = i;
                break;
            }
    return out;
}

} // namespace vnland::io
