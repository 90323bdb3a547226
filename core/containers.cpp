#include "containers.h"

#include <charconv>

namespace vmatlas {

std::string cgroupV2Path(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        if (line.size() >= 3 && line.substr(0, 3) == "0::")
            return std::string(line.substr(3));
        pos = eol + 1;
    }
    return {};
}

Pid namespacePidFromStatus(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.substr(0, 6) != "NSpid:")
            continue;
        line.remove_prefix(6);
        Pid last = 0;
        bool any = false;
        while (!line.empty()) {
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
                line.remove_prefix(1);
            if (line.empty())
                break;
            Pid value = 0;
            auto r = std::from_chars(line.data(), line.data() + line.size(), value);
            if (r.ec != std::errc() || value <= 0)
                return 0;
            line.remove_prefix(std::size_t(r.ptr - line.data()));
            if (!line.empty() && line.front() != ' ' && line.front() != '\t')
                return 0;
            last = value;
            any = true;
        }
        return any ? last : 0;
    }
    return 0;
}

bool inContainer(const ProcessInfo &p)
{
    return (p.namespacePid != 0 && p.namespacePid != p.pid) || (!p.cgroup.empty() && p.cgroup != "/");
}

} // namespace vmatlas
