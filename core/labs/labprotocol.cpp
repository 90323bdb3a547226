#include "labs/labprotocol.h"

#include <charconv>
#include <sstream>
#include <string_view>

namespace vmatlas::labprotocol {

std::vector<std::string> splitWords(const std::string &line)
{
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w)
        words.push_back(w);
    return words;
}

bool parseNumber(const std::string &text, std::uint64_t &out)
{
    int base = 10;
    std::string_view v = text;
    if (v.size() > 2 && v[0] == '0' && v[1] == 'x') {
        v.remove_prefix(2);
        base = 16;
    }
    auto r = std::from_chars(v.data(), v.data() + v.size(), out, base);
    return !v.empty() && r.ec == std::errc() && r.ptr == v.data() + v.size();
}

} // namespace vmatlas::labprotocol
