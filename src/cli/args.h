// Minimal argument parsing for vnland sub-commands: positionals, --flag,
// --key value and --key=value. Unknown options are an error the command reports.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vnland::cli {

class Args {
public:
    /// @p valued lists the options that take a value (without "--").
    Args(const std::vector<std::string> &argv, const std::set<std::string> &valued,
         const std::set<std::string> &flags);

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }
    const std::vector<std::string> &positional() const { return m_positional; }
    std::string pos(size_t i) const { return i < m_positional.size() ? m_positional[i] : std::string(); }
    bool has(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const;
    std::string value(const std::string &name, const std::string &fallback) const;
    std::vector<std::string> values(const std::string &name) const;

private:
    std::vector<std::string> m_positional;
    std::multimap<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::string m_error;
};

/// "PATH: what", or just @p what when it already starts with the path (store errors name
/// the project themselves).
inline std::string aboutFile(const std::string &path, const std::string &what)
{
    if (path.empty() || what.rfind(path + ":", 0) == 0)
        return what;
    return path + ": " + what;
}

} // namespace vnland::cli
