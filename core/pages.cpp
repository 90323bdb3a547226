#include "pages.h"

#include <unordered_map>

namespace vmatlas {

Status roundPageRange(Address &start, Address &end, std::uint32_t pageSize)
{
    start -= start % pageSize;
    if (end % pageSize) {
        if (end > ~Address(0) - (pageSize - end % pageSize))
            return makeError(ErrorCode::BadInput,
                "the range " + hexAddress(start) + "-" + hexAddress(end)
                    + " rounds up past the end of the 64-bit address space");
        end += pageSize - end % pageSize;
    }
    if (end <= start)
        return makeError(ErrorCode::BadInput, "the range " + hexAddress(start) + "-" + hexAddress(end) + " is empty");
    if ((end - start) / pageSize > (std::uint64_t(1) << 26))
        return makeError(ErrorCode::BadInput,
            "the range " + hexAddress(start) + "-" + hexAddress(end)
                + " is too large: at most 64 Mi pages are read at once");
    return Ok {};
}

PageInfo decodePagemapEntry(Address address, std::uint64_t entry, std::uint64_t zeroPfn)
{
    PageInfo p;
    p.address = address;
    if (entry & pagemap::Present) {
        p.state = (entry & pagemap::FileOrShared) ? PageState::File : PageState::Anon;
        if (p.state == PageState::Anon && zeroPfn != 0 && (entry & pagemap::PfnMask) == zeroPfn)
            p.state = PageState::Zero;
    } else if (entry & pagemap::Guard)
        p.state = PageState::Guard;
    else if (entry & pagemap::Swapped)
        p.state = PageState::Swap;
    p.exclusive = (entry & pagemap::Exclusive) != 0;
    return p;
}

PageCounts countPages(const std::vector<PageInfo> &pages)
{
    PageCounts c;
    for (const PageInfo &p : pages) {
        c.byState[static_cast<std::size_t>(p.state)] += 1;
        c.exclusive += p.exclusive;
    }
    return c;
}

std::vector<PageChange> diffPages(const std::vector<PageInfo> &before, const std::vector<PageInfo> &after)
{
    std::vector<PageChange> changes;
    std::unordered_map<Address, const PageInfo *> old;
    old.reserve(before.size());
    for (const PageInfo &p : before)
        old.emplace(p.address, &p);
    for (const PageInfo &p : after) {
        auto it = old.find(p.address);
        PageInfo prev = it == old.end() ? PageInfo { p.address, PageState::None, false } : *it->second;
        if (prev.state != p.state || prev.exclusive != p.exclusive)
            changes.push_back({ p.address, prev, p });
    }
    return changes;
}

} // namespace vmatlas
