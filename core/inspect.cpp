#include "inspect.h"

#include "platform.h"
#include "units.h"

#include <algorithm>
#include <cstdio>

namespace vmatlas {

std::string_view pageReadName(PageRead r)
{
    switch (r) {
    case PageRead::Read:
        return "read";
    case PageRead::NotInRam:
        return "not in RAM (not read)";
    case PageRead::Unreadable:
        return "unreadable";
    }
    return "unreadable";
}

PageRead MemoryBlock::stateAt(Address a) const
{
    if (a < firstPage || pageSize == 0)
        return PageRead::Unreadable;
    const std::uint64_t i = (a - firstPage) / pageSize;
    return i < pages.size() ? pages[i] : PageRead::Unreadable;
}

std::uint64_t MemoryBlock::bytesIn(PageRead r) const
{
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i] != r)
            continue;
        const Address ps = firstPage + i * pageSize;
        const Address lo = std::max(ps, start), hi = std::min<Address>(ps + pageSize, end());
        if (hi > lo)
            total += hi - lo;
    }
    return total;
}

Error unknownResidency(const Error &e)
{
    if (e.code != ErrorCode::Unsupported)
        return e;
    return makeError(e.code,
        e.message
            + "; without them a read could fault pages in: read anyway with --fault-in (in the window: 'Also read "
              "pages not in RAM')");
}

Result<MemoryBlock> readMemory(Pid pid, Address start, std::uint64_t length, const ReadOptions &options)
{
    if (length == 0)
        return makeError(ErrorCode::BadInput, "nothing to read: the length is 0");
    if (length > kMaxReadLength)
        return makeError(ErrorCode::BadInput,
            "the length " + std::to_string(length) + " is too large: at most " + formatBytes(kMaxReadLength)
                + " are read at once");
    if (start > ~Address(0) - length)
        return makeError(
            ErrorCode::BadInput, "the range at " + hexAddress(start) + " runs past the end of the address space");
    const std::uint32_t ps = systemPageSize();
    MemoryBlock block;
    block.start = start;
    block.pageSize = ps;
    block.firstPage = start - start % ps;
    block.bytes.assign(length, '\0');
    const Address endPage = ((start + length - 1) / ps + 1) * ps;
    const std::size_t pageCount = (endPage - block.firstPage) / ps;
    block.pages.assign(pageCount, PageRead::Unreadable);

    auto memory = ProcessMemory::open(pid);
    if (!memory)
        return memory.error();
    auto mappings = readMappings(pid);
    if (!mappings)
        return mappings.error();
    auto pages = readPages(pid, block.firstPage, endPage);
    const bool residencyKnown = pages.ok();
    if (!pages && pages.error().code == ErrorCode::Unsupported && options.readNotPresent)
        pages = std::vector<PageInfo>(); // residency unknown, and not needed: every readable page is read
    else if (!pages)
        return unknownResidency(pages.error());

    for (std::size_t i = 0; i < pageCount; ++i) {
        const Address page = block.firstPage + i * ps;
        auto it = std::upper_bound(
            mappings->begin(), mappings->end(), page, [](Address a, const Region &r) { return a < r.end; });
        const bool readable = it != mappings->end() && it->contains(page) && it->protection.read;
        if (!readable)
            continue; // no mapping, or no read access: never touched
        const PageState st = i < pages->size() ? (*pages)[i].state : PageState::None;
        if (st == PageState::Guard)
            continue;
        const bool present = st == PageState::File || st == PageState::Anon || st == PageState::Zero;
        if (!present && !options.readNotPresent) {
            block.pages[i] = PageRead::NotInRam;
            continue;
        }
        const Address lo = std::max(page, start), hi = std::min<Address>(page + ps, start + length);
        auto got = (*memory)->read(lo, block.bytes.data() + (lo - start), hi - lo);
        if (!got)
            return got.error();
        if (*got == hi - lo) {
            block.pages[i] = PageRead::Read;
            if (!present && residencyKnown)
                block.faultedIn = true;
        } else {
            std::fill(block.bytes.begin() + std::ptrdiff_t(lo - start),
                block.bytes.begin() + std::ptrdiff_t(hi - start), '\0');
        }
    }
    return block;
}

namespace {

char printable(unsigned char c)
{
    return c >= 0x20 && c < 0x7f ? char(c) : '.';
}

} // namespace

std::string hexDump(const MemoryBlock &block, bool utf16, bool textFirst)
{
    std::string out;
    char buf[64];
    // Runs of pages in one state; pages are multiples of 16 bytes, so no line crosses a run.
    for (std::size_t i = 0; i < block.pages.size();) {
        std::size_t j = i + 1;
        while (j < block.pages.size() && block.pages[j] == block.pages[i])
            ++j;
        const Address lo = std::max<Address>(block.firstPage + i * block.pageSize, block.start);
        const Address hi = std::min<Address>(block.firstPage + j * block.pageSize, block.end());
        if (block.pages[i] != PageRead::Read) {
            out += formatAddress(lo) + " - " + formatAddress(hi) + "  " + std::string(pageReadName(block.pages[i]))
                + "\n";
            i = j;
            continue;
        }
        for (Address a = lo - lo % 16; a < hi; a += 16) {
            // 12 digits cover user space (48 bits); 16 past it.
            std::snprintf(buf, sizeof buf, a >> 48 ? "%016llx  " : "%012llx  ", static_cast<unsigned long long>(a));
            std::string hex = buf, text;
            for (int k = 0; k < 16; ++k) {
                const Address b = a + Address(k);
                if (b < lo || b >= hi) {
                    hex += "   ";
                    if (!utf16 || k % 2 == 0)
                        text += ' ';
                } else {
                    const auto c = static_cast<unsigned char>(block.bytes[b - block.start]);
                    std::snprintf(buf, sizeof buf, "%02x ", c);
                    hex += buf;
                    if (!utf16) {
                        text += printable(c);
                    } else if (k % 2 == 0) {
                        const auto high = b + 1 < hi ? static_cast<unsigned char>(block.bytes[b + 1 - block.start]) : 0;
                        text += high == 0 ? printable(c) : '.';
                    }
                }
                if (k == 7)
                    hex += ' ';
            }
            if (textFirst) {
                const std::size_t bytesAt = hex.find(' ') + 2; // after the address and its two spaces
                std::string bytes = hex.substr(bytesAt);
                while (!bytes.empty() && bytes.back() == ' ')
                    bytes.pop_back();
                out += hex.substr(0, bytesAt) + "|" + text + "|  " + bytes + "\n";
            } else {
                out += hex + " |" + text + "|\n";
            }
        }
        i = j;
    }
    return out;
}

AddressInfo describeAddress(const Snapshot &snap, Address address, const std::vector<PageInfo> &page)
{
    AddressInfo info;
    info.address = address;
    info.region = snap.indexOf(address);
    if (!page.empty()) {
        info.page = page.front();
        info.pageKnown = true;
    }
    if (info.region >= 0) {
        const Region &r = snap.regions[std::size_t(info.region)];
        if (r.type != RegionType::Free && r.inode != 0 && !r.path().empty() && r.path().front() == '/') {
            info.file = r.path();
            info.fileOffset = r.offset + (address - r.start);
        }
    }
    return info;
}

std::string addressInfoText(const Snapshot &snap, const AddressInfo &info)
{
    std::string out = "address  " + formatAddress(info.address) + "\n";
    if (info.region < 0)
        return out + "region   none: the address lies outside every mapping of process " + std::to_string(snap.pid)
            + "\n";
    const Region &r = snap.regions[std::size_t(info.region)];
    out += "region   " + formatAddress(r.start) + "-" + formatAddress(r.end) + " (" + formatBytes(r.size()) + ", +"
        + formatAddress(info.address - r.start) + " into it)\n";
    out += "type     " + std::string(regionTypeName(r.type)) + ", " + std::string(regionStateName(r.state)) + ", "
        + r.protection.toString() + "\n";
    out += "use      " + std::string(regionUseName(r.use));
    for (const UseNote &n : snap.useNotes)
        if (n.region == std::size_t(info.region))
            out += " (" + n.evidence + ")";
    out += "\n";
    if (!r.label().empty())
        out += "label    " + r.label() + "\n";
    if (!r.path().empty())
        out += "path     " + r.path() + "\n";
    if (info.pageKnown)
        out += "page     " + formatAddress(info.page.address) + " " + std::string(pageStateName(info.page.state))
            + (info.page.exclusive ? " (exclusive)" : "") + "\n";
    if (!info.file.empty())
        out += "file     " + info.file + " at offset " + formatAddress(info.fileOffset) + " ("
            + std::to_string(info.fileOffset) + ")\n";
    return out;
}

} // namespace vmatlas
