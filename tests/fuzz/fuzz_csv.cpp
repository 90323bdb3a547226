// libFuzzer target: the CSV readers (regions, pages, raw RFC 4180) and the text escaping.
#include "csv.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto rows = vmatlas::parseCsv(text);
    (void)rows;
    auto regions = vmatlas::regionsFromCsv(text);
    if (regions.ok()) {
        vmatlas::Snapshot s;
        s.regions = std::move(regions).value();
        auto back = vmatlas::regionsFromCsv(vmatlas::regionsToCsv(s));
        if (!back.ok() || back->size() != s.regions.size())
            std::abort();
        for (std::size_t i = 0; i < s.regions.size(); ++i)
            if (!((*back)[i] == s.regions[i]))
                std::abort();
    }
    auto pages = vmatlas::pagesFromCsv(text);
    if (pages.ok()) {
        auto back = vmatlas::pagesFromCsv(vmatlas::pagesToCsv(*pages));
        if (!back.ok() || !(*back == *pages))
            std::abort();
    }
    // Any bytes escape and unescape to themselves, and a quoted cell parses back.
    const std::string escaped = vmatlas::escapeCsvText(text);
    std::string unescaped;
    if (!vmatlas::unescapeCsvText(escaped, unescaped) || unescaped != text)
        std::abort();
    std::string cell;
    vmatlas::appendCsvCell(cell, escaped);
    auto parsed = vmatlas::parseCsv(cell + "\n");
    if (!escaped.empty()
        && (!parsed.ok() || parsed->size() != 1 || parsed->at(0).size() != 1 || parsed->at(0)[0] != escaped))
        std::abort();
    return 0;
}
