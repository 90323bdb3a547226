// libFuzzer target: the maps/smaps parser, whole and fed in pieces, and classification of what parses.
#include "classify.h"
#include "smapsparser.h"
#include "totals.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto whole = vmatlas::parseSmaps(text);
    // The same text in pieces must give the same answer.
    vmatlas::SmapsParser pieces;
    const std::size_t step = size ? 1 + data[0] % 97 : 1;
    for (std::size_t i = 0; i < size; i += step)
        pieces.feed(text.substr(i, step));
    auto chunked = pieces.finish();
    if (whole.ok() != chunked.ok())
        std::abort();
    if (!whole.ok()) {
        if (whole.error().message != chunked.error().message)
            std::abort();
        return 0;
    }
    if (whole->mappings.size() != chunked->mappings.size())
        std::abort();
    vmatlas::Snapshot s = vmatlas::classify(std::move(whole).value(), {});
    // A snapshot is sorted and contiguous, and its CSV reads back to the same regions.
    for (std::size_t i = 1; i < s.regions.size(); ++i)
        if (s.regions[i].start < s.regions[i - 1].end)
            std::abort();
    const vmatlas::Totals t = vmatlas::computeTotals(s);
    std::uint64_t covered = 0;
    for (const auto &tt : t.byType)
        covered += tt.size;
    if (!s.regions.empty() && covered != s.regions.back().end - s.regions.front().start
        && s.regions.back().labelKind != vmatlas::LabelKind::Vsyscall)
        std::abort(); // regions and gaps tile the space
    return 0;
}
