// libFuzzer target: pagemap records (8 bytes a page) decoded, counted, written and read back as CSV.
#include "csv.h"
#include "pages.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::vector<vmatlas::PageInfo> pages;
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
        std::uint64_t entry;
        std::memcpy(&entry, data + i, 8);
        const vmatlas::PageInfo p = vmatlas::decodePagemapEntry(0x10000 + i / 8 * 4096, entry);
        // Present wins; a guard marker is never swap; soft-dirty never matters.
        if ((entry >> 63) & 1) {
            if (p.state != vmatlas::PageState::File && p.state != vmatlas::PageState::Anon)
                std::abort();
        } else if ((entry >> 58) & 1) {
            if (p.state != vmatlas::PageState::Guard)
                std::abort();
        }
        if (!(vmatlas::decodePagemapEntry(p.address, entry ^ (std::uint64_t(1) << 55)) == p))
            std::abort();
        pages.push_back(p);
    }
    const vmatlas::PageCounts c = vmatlas::countPages(pages);
    std::uint64_t total = 0;
    for (auto n : c.byState)
        total += n;
    if (total != pages.size())
        std::abort();
    // The CSV reader has its own target; here a short round trip keeps the two in step.
    if (pages.size() <= 4) {
        auto back = vmatlas::pagesFromCsv(vmatlas::pagesToCsv(pages));
        if (!back.ok() || !(*back == pages))
            std::abort();
        if (!vmatlas::diffPages(pages, pages).empty())
            std::abort();
    }
    return 0;
}
