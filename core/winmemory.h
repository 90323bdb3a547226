#pragma once

#include "classify.h"
#include "model.h"
#include "smapsparser.h"
#include "usage.h"

#include <cstdint>

// How Windows' answers about memory (VirtualQueryEx's MEMORY_BASIC_INFORMATION, a minidump's MINIDUMP_MEMORY_INFO)
// map onto the model. Qt-free and platform-neutral: the live Windows source and the minidump reader (on any
// platform) share it, so a region reads the same from a live process and from its dump.
namespace vmatlas::winmem {

// The values of winnt.h, spelled here so that Linux builds know them.
constexpr std::uint32_t MemCommit = 0x1000;
constexpr std::uint32_t MemReserve = 0x2000;
constexpr std::uint32_t MemFree = 0x10000;
constexpr std::uint32_t MemPrivate = 0x20000;
constexpr std::uint32_t MemMapped = 0x40000;
constexpr std::uint32_t MemImage = 0x1000000;
constexpr std::uint32_t PageNoAccess = 0x01;
constexpr std::uint32_t PageReadOnly = 0x02;
constexpr std::uint32_t PageReadWrite = 0x04;
constexpr std::uint32_t PageWriteCopy = 0x08;
constexpr std::uint32_t PageExecute = 0x10;
constexpr std::uint32_t PageExecuteRead = 0x20;
constexpr std::uint32_t PageExecuteReadWrite = 0x40;
constexpr std::uint32_t PageExecuteWriteCopy = 0x80;
constexpr std::uint32_t PageGuard = 0x100;

// One VirtualQueryEx answer.
struct BasicInfo
{
    Address base = 0;
    Address allocationBase = 0;
    std::uint32_t allocationProtect = 0;
    std::uint64_t size = 0;
    std::uint32_t state = 0;
    std::uint32_t protect = 0;
    std::uint32_t type = 0;
};

// r/w/x from the page protection; 'c' for WRITECOPY, else 'p' for MEM_PRIVATE and 's' for sections.
Protection protectionOf(std::uint32_t protect, std::uint32_t type);

// A region (bounds, state, type, protection, guard label, page sizes) from an answer that is not MEM_FREE.
Region regionOf(const BasicInfo &info, std::uint32_t pageSize);

// Adds the "AllocationBase" extra field for region index when the allocation base changed since lastBase.
void noteAllocationBase(
    std::vector<ExtraField> &extras, std::uint32_t index, Address allocationBase, Address &lastBase);

// The regions (not MEM_FREE, in address order) as a snapshot: classify() adds the gaps and the labels it can,
// Windows' own types and states are kept, free space below the allocation granularity after an allocation is
// Unusable, and each region gets its use.
Snapshot finishSnapshot(
    ParsedMaps parsed, const ProcessContext &context, std::uint64_t allocationGranularity, const ProcessFacts *facts);

} // namespace vmatlas::winmem
