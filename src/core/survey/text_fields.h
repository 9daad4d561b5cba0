// Splitting survey text (traverse records, point codes) into fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vnland::survey {

/// Non-empty fields of @p text separated by any character of @p separators.
inline std::vector<std::string> splitFields(std::string_view text, std::string_view separators)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (separators.find(c) != std::string_view::npos) {
            if (!cur.empty())
                out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

} // namespace vnland::survey
