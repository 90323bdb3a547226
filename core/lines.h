#pragma once

// Calls f with each line of text (without its newline); a last line without one counts too.
#include <string_view>

namespace vmatlas {

template <typename F> void forEachLine(std::string_view text, F &&f)
{
    while (!text.empty()) {
        const auto nl = text.find('\n');
        f(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view {} : text.substr(nl + 1);
    }
}

} // namespace vmatlas
