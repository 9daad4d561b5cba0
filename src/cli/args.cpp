#include "args.h"

namespace vnland::cli {

Args::Args(const std::vector<std::string> &argv, const std::set<std::string> &valued,
           const std::set<std::string> &flags)
{
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string &a = argv[i];
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (valued.count(name)) {
                if (inlineValue) {
                    m_values.emplace(name, *inlineValue);
                } else if (i + 1 < argv.size()) {
                    m_values.emplace(name, argv[++i]);
                } else {
                    m_error = "option --" + name + " needs a value";
                    return;
                }
            } else if (flags.count(name) && !inlineValue) {
                m_flags.insert(name);
            } else {
                m_error = "unknown option --" + name;
                return;
            }
        } else {
            m_positional.push_back(a);
        }
    }
}

bool Args::has(const std::string &name) const { return m_flags.count(name) || m_values.count(name); }

std::optional<std::string> Args::value(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::string Args::value(const std::string &name, const std::string &fallback) const
{
    return value(name).value_or(fallback);
}

std::vector<std::string> Args::values(const std::string &name) const
{
    std::vector<std::string> out;
    auto [b, e] = m_values.equal_range(name);
    for (auto it = b; it != e; ++it)
        out.push_back(it->second);
    return out;
}

} // namespace vnland::cli
