// libFuzzer target: Windows minidumps (stream directory, memory info, modules, memory lists) parsed from memory: a dump
// or an Error, never a crash; a dump's regions are sorted and do not overlap, its held ranges too, and its pages read.
#include "postmortem_checks.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto source = vmatlas::memorySource(std::string_view(reinterpret_cast<const char *>(data), size));
    return checkPostMortem(vmatlas::readMinidump(*source, "fuzz"));
}
