#include "model.h"

#include <algorithm>
#include <charconv>

namespace vmatlas {

namespace {

constexpr std::array<std::string_view, kCounterCount> kSmapsNames = {
    "Rss",
    "Pss",
    "Pss_Dirty",
    "Shared_Clean",
    "Shared_Dirty",
    "Private_Clean",
    "Private_Dirty",
    "Referenced",
    "Anonymous",
    "KSM",
    "LazyFree",
    "AnonHugePages",
    "ShmemPmdMapped",
    "FilePmdMapped",
    "Shared_Hugetlb",
    "Private_Hugetlb",
    "Swap",
    "SwapPss",
    "Locked",
};

constexpr std::array<std::string_view, kCounterCount> kKeys = {
    "rss",
    "pss",
    "pss_dirty",
    "shared_clean",
    "shared_dirty",
    "private_clean",
    "private_dirty",
    "referenced",
    "anonymous",
    "ksm",
    "lazy_free",
    "anon_huge_pages",
    "shmem_pmd_mapped",
    "file_pmd_mapped",
    "shared_hugetlb",
    "private_hugetlb",
    "swap",
    "swap_pss",
    "locked",
};

// Every two-letter flag Linux 6.x prints in smaps VmFlags (fs/proc/task_mmu.c).
constexpr std::array<std::string_view, 42> kVmFlags = {
    "rd",
    "wr",
    "ex",
    "sh",
    "mr",
    "mw",
    "me",
    "ms",
    "gd",
    "pf",
    "dw",
    "lo",
    "io",
    "sr",
    "rr",
    "dc",
    "de",
    "ac",
    "nr",
    "ht",
    "sf",
    "nl",
    "ar",
    "wf",
    "dd",
    "mm",
    "hg",
    "nh",
    "mg",
    "um",
    "uw",
    "ss",
    "sl",
    "bt",
    "mt",
    "lf",
    "ui",
    "gu",
    "dp",
    "ip",
    "sd",
    "pk",
};

constexpr std::array<std::string_view, 16> kLabelKeys = {
    "",
    "heap",
    "main_stack",
    "thread_stack",
    "guard",
    "anon_name",
    "vdso",
    "vvar",
    "vsyscall",
    "reservation",
    "program",
    "deleted",
    "memfd",
    "sysv_shm",
    "shared_anon",
    "thread_stack_pattern",
};

const std::string kEmpty;

} // namespace

std::string_view counterSmapsName(Counter c)
{
    return kSmapsNames[static_cast<std::size_t>(c)];
}

std::string_view counterKey(Counter c)
{
    return kKeys[static_cast<std::size_t>(c)];
}

std::string_view labelKindKey(LabelKind kind)
{
    return kLabelKeys[static_cast<std::size_t>(kind)];
}

bool labelKindFromKey(std::string_view key, LabelKind &out)
{
    for (std::size_t i = 0; i < kLabelKeys.size(); ++i) {
        if (kLabelKeys[i] == key) {
            out = static_cast<LabelKind>(i);
            return true;
        }
    }
    return false;
}

std::string Protection::toString() const
{
    std::string s(4, '-');
    s[0] = read ? 'r' : '-';
    s[1] = write ? 'w' : '-';
    s[2] = execute ? 'x' : '-';
    s[3] = sharing;
    return s;
}

bool Protection::fromString(std::string_view text, Protection &out)
{
    if (text.size() != 4)
        return false;
    if ((text[0] != 'r' && text[0] != '-') || (text[1] != 'w' && text[1] != '-') || (text[2] != 'x' && text[2] != '-'))
        return false;
    if (text[3] != 'p' && text[3] != 's' && text[3] != 'c' && text[3] != '-')
        return false;
    out.read = text[0] == 'r';
    out.write = text[1] == 'w';
    out.execute = text[2] == 'x';
    out.sharing = text[3];
    return true;
}

const std::string &Region::path() const
{
    return pathPtr ? *pathPtr : kEmpty;
}

std::string Region::label() const
{
    switch (labelKind) {
    case LabelKind::None:
        return {};
    case LabelKind::Heap:
        return "heap";
    case LabelKind::MainStack:
        return "main stack";
    case LabelKind::ThreadStack:
        return "thread stack (TID " + std::to_string(tid) + ")";
    case LabelKind::Guard:
        return "guard page";
    case LabelKind::AnonName: {
        const std::string &p = path();
        // "[anon:NAME]" or "[anon_shmem:NAME]"
        auto colon = p.find(':');
        if (colon != std::string::npos && p.size() > colon + 1 && p.back() == ']')
            return "named: " + p.substr(colon + 1, p.size() - colon - 2);
        return "named";
    }
    case LabelKind::Vdso:
        return "vDSO (kernel code for fast system calls)";
    case LabelKind::Vvar:
        return "vvar (kernel data for the vDSO)";
    case LabelKind::Vsyscall:
        return "vsyscall (legacy fixed page)";
    case LabelKind::Reservation:
        return "reserved, no access";
    case LabelKind::Program:
        return "program image";
    case LabelKind::Deleted:
        return "file deleted";
    case LabelKind::Memfd: {
        // "/memfd:NAME (deleted)": the name a program gave memfd_create().
        std::string name = path();
        if (name.rfind("/memfd:", 0) == 0)
            name.erase(0, 7);
        if (const std::string_view gone = " (deleted)";
            name.size() >= gone.size() && std::string_view(name).substr(name.size() - gone.size()) == gone)
            name.resize(name.size() - gone.size());
        return "shared section (memfd: " + name + ")";
    }
    case LabelKind::SysvShm:
        return "SysV shared memory";
    case LabelKind::SharedAnon:
        return "shared anonymous memory";
    case LabelKind::ThreadStackByPattern:
        return tid ? "thread stack (TID " + std::to_string(tid) + ", found by pattern)"
                   : "likely a thread stack (found by pattern)";
    }
    return {};
}

std::string Region::vmFlagsText() const
{
    return vmFlagsPtr ? *vmFlagsPtr : vmFlagsToString(vmFlags);
}

std::string Region::device() const
{
    char buf[32];
    auto hex2 = [](char *p, std::uint32_t v) {
        auto r = std::to_chars(p, p + 12, v, 16);
        std::ptrdiff_t n = r.ptr - p;
        if (n < 2) {
            p[1] = p[0];
            p[0] = '0';
            return p + 2;
        }
        return r.ptr;
    };
    char *p = hex2(buf, devMajor);
    *p++ = ':';
    p = hex2(p, devMinor);
    return std::string(buf, p);
}

bool Region::operator==(const Region &o) const
{
    return start == o.start && end == o.end && offset == o.offset && inode == o.inode && devMajor == o.devMajor
        && devMinor == o.devMinor && type == o.type && state == o.state && protection == o.protection
        && labelKind == o.labelKind && thpEligible == o.thpEligible && protectionKey == o.protectionKey && tid == o.tid
        && kernelPageShift == o.kernelPageShift && mmuPageShift == o.mmuPageShift && use == o.use
        && vmFlags == o.vmFlags && path() == o.path() && counters == o.counters && unknownCounters == o.unknownCounters
        && (vmFlagsPtr == o.vmFlagsPtr || vmFlagsText() == o.vmFlagsText());
}

std::string_view vmFlagName(int bit)
{
    return bit >= 0 && bit < static_cast<int>(kVmFlags.size()) ? kVmFlags[bit] : std::string_view {};
}

int vmFlagBit(std::string_view name)
{
    // Two lowercase letters index a 26x26 table.
    static const std::array<std::int8_t, 26 * 26> table = [] {
        std::array<std::int8_t, 26 * 26> t;
        t.fill(-1);
        for (std::size_t i = 0; i < kVmFlags.size(); ++i)
            t[std::size_t(kVmFlags[i][0] - 'a') * 26 + std::size_t(kVmFlags[i][1] - 'a')] = static_cast<std::int8_t>(i);
        return t;
    }();
    if (name.size() != 2 || name[0] < 'a' || name[0] > 'z' || name[1] < 'a' || name[1] > 'z')
        return -1;
    return table[std::size_t(name[0] - 'a') * 26 + std::size_t(name[1] - 'a')];
}

int vmFlagCount()
{
    return static_cast<int>(kVmFlags.size());
}

std::string vmFlagsToString(std::uint64_t flags)
{
    std::string s;
    for (std::size_t i = 0; i < kVmFlags.size(); ++i) {
        if (flags & (std::uint64_t(1) << i)) {
            if (!s.empty())
                s += ' ';
            s += kVmFlags[i];
        }
    }
    return s;
}

bool parseVmFlagsText(std::string_view text, std::uint64_t &bits)
{
    auto mnemonicChar = [](char c) { return (c >= 'a' && c <= 'z') || c == '?'; };
    bits = 0;
    for (std::size_t i = 0; i < text.size(); i += 3) {
        if (text.size() - i < 2 || !mnemonicChar(text[i]) || !mnemonicChar(text[i + 1])
            || (i + 2 < text.size() && text[i + 2] != ' ') || i + 3 == text.size())
            return false;
        if (int bit = vmFlagBit(text.substr(i, 2)); bit >= 0)
            bits |= std::uint64_t(1) << bit;
    }
    return true;
}

std::ptrdiff_t Snapshot::indexOf(Address a) const
{
    auto it = std::upper_bound(
        regions.begin(), regions.end(), a, [](Address addr, const Region &r) { return addr < r.start; });
    if (it == regions.begin())
        return -1;
    --it;
    return it->contains(a) ? it - regions.begin() : -1;
}

std::span<const Region> Snapshot::regionsTouching(Address start, Address end) const
{
    // Sorted and not overlapping: the first that ends past start, up to the first that starts at end or later.
    const auto first
        = std::partition_point(regions.begin(), regions.end(), [start](const Region &r) { return r.end <= start; });
    const auto last = std::partition_point(first, regions.end(), [end](const Region &r) { return r.start < end; });
    return { first, last };
}

std::size_t Snapshot::memoryFootprint() const
{
    std::size_t bytes
        = sizeof(Snapshot) + regions.capacity() * sizeof(Region) + processName.capacity() + commandLine.capacity();
    // Paths are shared between regions; count each distinct one once (they are interned, so adjacent repeats
    // are the common case).
    const std::string *last = nullptr;
    for (const Region &r : regions) {
        if (r.pathPtr && r.pathPtr.get() != last) {
            bytes += r.pathPtr->capacity() + 48;
            last = r.pathPtr.get();
        }
    }
    const std::string *lastFlags = nullptr;
    for (const Region &r : regions) {
        if (r.vmFlagsPtr && r.vmFlagsPtr.get() != lastFlags) {
            bytes += r.vmFlagsPtr->capacity() + 48;
            lastFlags = r.vmFlagsPtr.get();
        }
    }
    for (const ExtraField &e : extras)
        bytes += sizeof(ExtraField) + e.name.capacity() + e.value.capacity();
    return bytes;
}

std::string_view regionTypeName(RegionType t)
{
    switch (t) {
    case RegionType::Free:
        return "Free";
    case RegionType::Image:
        return "Image";
    case RegionType::Mapped:
        return "Mapped";
    case RegionType::Private:
        return "Private";
    }
    return "Free";
}

std::string_view regionStateName(RegionState s)
{
    switch (s) {
    case RegionState::Free:
        return "Free";
    case RegionState::Reserved:
        return "Reserved";
    case RegionState::Committed:
        return "Committed";
    }
    return "Free";
}

bool regionTypeFromString(std::string_view text, RegionType &out)
{
    for (RegionType t : { RegionType::Free, RegionType::Image, RegionType::Mapped, RegionType::Private }) {
        if (regionTypeName(t) == text) {
            out = t;
            return true;
        }
    }
    return false;
}

bool regionStateFromString(std::string_view text, RegionState &out)
{
    for (RegionState s : { RegionState::Free, RegionState::Reserved, RegionState::Committed }) {
        if (regionStateName(s) == text) {
            out = s;
            return true;
        }
    }
    return false;
}

std::string_view pageStateName(PageState s)
{
    switch (s) {
    case PageState::None:
        return "none";
    case PageState::File:
        return "file";
    case PageState::Anon:
        return "anon";
    case PageState::Swap:
        return "swap";
    case PageState::Guard:
        return "guard";
    case PageState::Zero:
        return "zero";
    }
    return "none";
}

bool pageStateFromString(std::string_view text, PageState &out)
{
    for (PageState s :
        { PageState::None, PageState::File, PageState::Anon, PageState::Swap, PageState::Guard, PageState::Zero }) {
        if (pageStateName(s) == text) {
            out = s;
            return true;
        }
    }
    return false;
}

std::string fullProcessName(const std::string &name, const std::string &commandLine)
{
    constexpr std::size_t kCommLength = 15; // TASK_COMM_LEN - 1
    if (name.size() != kCommLength)
        return name;
    std::string_view first(commandLine);
    first = first.substr(0, first.find(' '));
    if (const auto slash = first.rfind('/'); slash != std::string_view::npos)
        first.remove_prefix(slash + 1);
    return first.size() > name.size() && first.substr(0, name.size()) == name ? std::string(first) : name;
}

std::string hexAddress(Address a)
{
    char buf[20] = { '0', 'x' };
    auto r = std::to_chars(buf + 2, buf + sizeof buf, a, 16);
    return std::string(buf, r.ptr);
}

bool parseAddress(std::string_view text, Address &out)
{
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text.remove_prefix(2);
    if (text.empty() || text.size() > 16)
        return false;
    auto r = std::from_chars(text.data(), text.data() + text.size(), out, 16);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

} // namespace vmatlas
