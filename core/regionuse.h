#pragma once

// What a region is used for (VMMap's second axis, DESIGN.md "Use"). Kept apart from usage.h so that
// model.h can hold a RegionUse in every Region without pulling in the rules.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vmatlas {

enum class RegionUse : std::uint8_t
{
    Free,
    Image,
    MappedFile,
    Shareable,
    Heap,
    ManagedHeap,
    Stack,
    StackGuard,
    PrivateData,
    PageTable, // a summary row only (VmPTE): never the use of a region
    Unusable, // Windows: slack below the next 64 KiB allocation-granularity boundary
};
constexpr std::size_t kRegionUseCount = 11;

// Stable snake_case key for CSV/JSON ("mapped_file") and the English display name ("Mapped file").
std::string_view regionUseKey(RegionUse use);
std::string_view regionUseName(RegionUse use);
bool regionUseFromKey(std::string_view key, RegionUse &out);

// A region whose use a rule only guesses: its index in Snapshot::regions and the evidence
// ("likely: a 64 MiB-aligned reservation after a small rw-p region: a glibc malloc arena ...").
// A region without a note has a certain use.
struct UseNote
{
    std::uint32_t region = 0;
    std::string evidence;
    bool operator==(const UseNote &) const = default;
};

} // namespace vmatlas
