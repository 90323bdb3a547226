// What the post-mortem fuzz targets check of a parsed dump: an Error with a message, or regions sorted and
// apart, held ranges sorted and apart, and a page listing no longer than the range asked.
#pragma once

#include "postmortem.h"

#include <cstdlib>

inline int checkPostMortem(const vmatlas::Result<vmatlas::PostMortem> &dump)
{
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
