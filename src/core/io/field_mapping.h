// Field mapping: which source attribute feeds which parcel field. Presets are
// JSON files in schemas/mappings/ (embedded); users can pass their own file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vnland::io {

class FieldMapping {
public:
    /// Parcel fields a mapping may target.
    static const std::vector<std::string> &targets();

    /// Parses a mapping JSON text; @p origin names it in errors.
    static std::optional<FieldMapping> fromJson(const std::string &json, const std::string &origin, std::string *error);
    static std::optional<FieldMapping> fromFile(const std::string &path, std::string *error);
    /// The presets shipped in schemas/mappings/.
    static const std::vector<FieldMapping> &presets();
    /// First preset whose detection groups all match @p fieldNames (case-insensitive).
    static std::optional<FieldMapping> detect(const std::vector<std::string> &fieldNames);

    /// target -> index into @p fieldNames, for the targets that are present.
    std::map<std::string, int> resolve(const std::vector<std::string> &fieldNames) const;
    /// For a mapping the user wrote: one message per entry none of whose source names is
    /// among @p fieldNames ("m.json line 4, \"owner_name\": no field named \"TenChu\""). A preset
    /// lists alternative spellings and is not checked this way.
    std::vector<std::string> unresolved(const std::vector<std::string> &fieldNames) const;

    const std::string &name() const { return m_name; }
    const std::string &description() const { return m_description; }
    /// Where the mapping came from (file path or preset resource name).
    const std::string &origin() const { return m_origin; }
    /// target -> the source field names it lists, in order.
    const std::map<std::string, std::vector<std::string>> &fields() const { return m_fields; }
    /// "m.json line 7, \"end_time\"": how messages name one entry.
    std::string where(const std::string &target) const;

private:
    std::string m_name;
    std::string m_description;
    std::string m_origin;
    std::vector<std::vector<std::string>> m_detect;
    std::map<std::string, std::vector<std::string>> m_fields;
    std::map<std::string, int> m_lines; ///< target -> line of its key in the file (1-based)
};

} // namespace vnland::io
