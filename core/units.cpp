#include "units.h"

#include <cstdio>

namespace vmatlas {

std::string formatBytes(std::uint64_t bytes)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 6) {
        v /= 1024;
        ++u;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.*f %s", v < 10 ? 2 : (v < 100 ? 1 : 0), v, units[u]);
    return text;
}

std::string formatAddress(std::uint64_t address)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(address));
    return text;
}

std::string fillPattern(std::string_view pattern, const std::vector<std::string> &args)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const int n = pattern[i] == '%' && i + 1 < pattern.size() ? pattern[i + 1] - '0' : 0;
        if (n >= 1 && n <= 9 && std::size_t(n) <= args.size()) {
            out += args[std::size_t(n - 1)];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace vmatlas
