// Field mapping presets and user mapping files.
#include "io/field_mapping.h"

#include "store/reference_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

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

/// "a number", "an object" …: the JSON type of @p v as a message says it.
std::string typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return v.toBool() ? "true" : "false";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a text";
    case QJsonValue::Array: return "a list";
    case QJsonValue::Object: return "an object";
    default: return "undefined";
    }
}

/// A field name or a non-empty list of field names; nullopt otherwise.
std::optional<std::vector<std::string>> nameList(const QJsonValue &v)
{
    std::vector<std::string> out;
    if (v.isString()) {
        out.push_back(v.toString().trimmed().toStdString());
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString())
                return std::nullopt;
            out.push_back(e.toString().trimmed().toStdString());
        }
    } else {
        return std::nullopt;
    }
    if (out.empty() || std::any_of(out.begin(), out.end(), [](const std::string &s) { return s.empty(); }))
        return std::nullopt;
    return out;
}

/// Line (1-based) of every object key in a JSON text, by dotted path ("fields.owner_name");
/// the first occurrence counts. QJsonDocument keeps no positions, and a message must say
/// where in the user's file the bad entry is.
std::map<std::string, int> keyLines(const std::string &json)
{
    std::map<std::string, int> lines;
    struct Frame {
        bool object;
        std::string key; // the key whose value this frame is (empty for array elements/root)
    };
    std::vector<Frame> stack;
    std::string pendingKey; // last key read in the innermost object, for a frame opened next
    int line = 1;
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            const int startLine = line;
            std::string text;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\' && i + 1 < json.size())
                    ++i;
                if (json[i] == '\n')
                    ++line;
                text += json[i];
            }
            size_t j = i + 1;
            while (j < json.size() && std::isspace(static_cast<unsigned char>(json[j])))
                ++j;
            if (j < json.size() && json[j] == ':' && !stack.empty() && stack.back().object) {
                std::string path;
                for (const Frame &f : stack)
                    if (!f.key.empty())
                        path += f.key + ".";
                lines.try_emplace(path + text, startLine);
                pendingKey = text;
            }
        } else if (c == '{' || c == '[') {
            const bool inObject = !stack.empty() && stack.back().object;
            stack.push_back({c == '{', inObject ? pendingKey : std::string()});
            pendingKey.clear();
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            pendingKey.clear();
        } else if (c == ',') {
            pendingKey.clear();
        }
    }
    return lines;
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
    const std::map<std::string, int> lines = keyLines(json);
    const auto at = [&](const std::string &path) {
        const auto it = lines.find(path);
        const auto dot = path.rfind('.');
        return origin + (it == lines.end() ? "" : " line " + std::to_string(it->second)) + ", \""
            + (dot == std::string::npos ? path : path.substr(dot + 1)) + "\"";
    };
    FieldMapping m;
    m.m_origin = origin;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (key != "name" && key != "description" && key != "detect" && key != "fields" && key.rfind('$', 0) != 0
            && key != "comment") {
            *error = at(key) + ": unknown key (a mapping file has \"name\", \"description\", \"detect\" and \"fields\")";
            return std::nullopt;
        }
    }
    for (const char *key : {"name", "description"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isString()) {
            *error = at(key) + ": must be a text, not " + typeName(v);
            return std::nullopt;
        }
    }
    m.m_name = o.value(QStringLiteral("name")).toString().toStdString();
    m.m_description = o.value(QStringLiteral("description")).toString().toStdString();
    if (const QJsonValue detect = o.value(QStringLiteral("detect")); !detect.isUndefined()) {
        if (!detect.isArray()) {
            *error = at("detect") + ": must be a list of field-name groups, not " + typeName(detect);
            return std::nullopt;
        }
        for (const QJsonValue &g : detect.toArray()) {
            auto names = nameList(g);
            if (!names) {
                *error = at("detect") + ": every group must be a field name or a list of field names, not " + typeName(g);
                return std::nullopt;
            }
            m.m_detect.push_back(std::move(*names));
        }
    }
    const QJsonValue fieldsValue = o.value(QStringLiteral("fields"));
    if (fieldsValue.isUndefined()) {
        *error = origin + ": mapping has no \"fields\" object";
        return std::nullopt;
    }
    if (!fieldsValue.isObject()) {
        *error = at("fields") + ": must be an object (target field: source field name), not " + typeName(fieldsValue);
        return std::nullopt;
    }
    const QJsonObject fields = fieldsValue.toObject();
    if (fields.isEmpty()) {
        *error = at("fields") + ": the mapping lists no fields";
        return std::nullopt;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const std::string target = it.key().toStdString();
        if (std::find(targets().begin(), targets().end(), target) == targets().end()) {
            std::string known;
            for (const auto &t : targets())
                known += (known.empty() ? "" : ", ") + t;
            *error = at("fields." + target) + ": unknown target field \"" + target + "\" (known: " + known + ")";
            return std::nullopt;
        }
        auto names = nameList(it.value());
        if (!names) {
            *error = at("fields." + target) + ": must be a source field name (\"TenChu\") or a list of names"
                " ([\"TenChu\", \"Ten_Chu\"]), not " + typeName(it.value());
            return std::nullopt;
        }
        m.m_fields[target] = std::move(*names);
        if (const auto line = lines.find("fields." + target); line != lines.end())
            m.m_lines[target] = line->second;
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

std::string FieldMapping::where(const std::string &target) const
{
    const auto it = m_lines.find(target);
    return m_origin + (it == m_lines.end() ? "" : " line " + std::to_string(it->second)) + ", \"" + target + "\"";
}

std::vector<std::string> FieldMapping::unresolved(const std::vector<std::string> &fieldNames) const
{
    std::vector<std::string> out;
    for (const auto &[target, sources] : m_fields) {
        if (std::any_of(sources.begin(), sources.end(), [&](const std::string &s) { return findField(fieldNames, s) >= 0; }))
            continue;
        std::string names;
        for (size_t i = 0; i < sources.size(); ++i)
            names += (i ? (i + 1 == sources.size() ? " or \"" : ", \"") : "\"") + sources[i] + "\"";
        out.push_back(where(target) + ": no field named " + names);
    }
    return out;
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
