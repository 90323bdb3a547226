// libFuzzer target: Windows minidumps (stream directory, memory info, modules, memory lists) parsed from memory: a dump
// or an Error, never a crash; a dump's regions are sorted and do not overlap, its held ranges too, and its pages read.
#include "postmortem.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto source = vmatlas::memorySource(std::string_view(reinterpret_cast<const char *>(data), size));
    auto dump = vmatlas::readMinidump(*source, "fuzz");
    if (!dump) {
        if (dump.error().message.empty())
            std::abort();
        return 0;
    }
    const auto &regions = dump->snapshot.regions;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i].end <= regions[i].start)
            std::abort();
        if (i && regions[i].start < regions[i - 1].end)
            std::abort();
    }
    for (std::size_t i = 1; i < dump->held.size(); ++i)
        if (dump->held[i].start < dump->held[i - 1].end)
            std::abort();
    if (!regions.empty()) {
        const vmatlas::Address start = regions.front().start;
        auto pages = vmatlas::postMortemPages(*dump, start, start + 64 * 4096);
        if (pages && pages->size() > 64)
            std::abort();
    }
    return 0;
}
