#pragma once

// Strings and byte searches across a process's regions (issue 13): a chunk at a time, so memory stays bounded
// whatever the process's size; cancellable; pages not in RAM are skipped unless asked (reading them would fault
// them in).
#include "inspect.h"
#include "model.h"
#include "result.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vmatlas {

enum class TextEncoding : std::uint8_t
{
    Ascii,
    Utf16, // UTF-16LE, 2-byte aligned: Windows's strings
    Both,
};
std::string_view textEncodingName(TextEncoding e); // "ascii", "utf16", "both"
bool textEncodingFromString(std::string_view text, TextEncoding &out);

struct SearchOptions
{
    enum class Mode : std::uint8_t
    {
        Strings, // runs of printable characters of at least minLength
        Bytes, // every place pattern occurs
    } mode
        = Mode::Strings;
    std::size_t minLength = 4;
    TextEncoding encoding = TextEncoding::Both; // strings; for Bytes, how a text pattern was encoded is the caller's
    std::vector<std::string> patterns; // Bytes: one or more patterns (e.g. the ASCII and the UTF-16LE form)
    std::vector<RegionType> types; // empty: every type
    std::vector<RegionUse> uses; // empty: every use
    Address rangeStart = 0, rangeEnd = ~Address(0); // only regions overlapping this range
    bool readNotPresent = false; // fault in pages not in RAM (changes the process's RSS)
    std::size_t chunkBytes = std::size_t(1) << 20; // read at a time
    std::size_t maxTextLength = 256; // longer strings are reported with their length, their text cut
    std::size_t hitContext = 0; // Bytes: bytes kept on each side of a match (SearchHit::before, after)
};

struct SearchHit
{
    Address address = 0;
    std::uint64_t length = 0; // bytes in the process
    TextEncoding encoding = TextEncoding::Ascii; // Ascii or Utf16
    std::size_t pattern = 0; // Bytes: which pattern
    std::size_t region = 0; // index in the regions searched
    std::string text; // Strings: the text (ASCII), cut at maxTextLength
    // Bytes: what lies around the match, as far as the piece read with it goes (up to SearchOptions::hitContext
    // on each side).
    std::string before, after;
};

struct SearchProgress
{
    std::uint64_t bytesDone = 0; // of the regions' sizes
    std::uint64_t bytesTotal = 0;
    std::uint64_t hits = 0;
};

struct SearchSummary
{
    std::uint64_t hits = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesNotInRam = 0; // skipped: not present
    std::uint64_t bytesUnreadable = 0;
    std::size_t regions = 0; // searched
    bool cancelled = false;
    bool stopped = false; // the hit callback asked to stop
};

// Calls onHit for each hit in address order (return false to stop). progress (optional) is called after each
// chunk. cancel (optional) is checked before each chunk. An error when the process exits or cannot be read.
Result<SearchSummary> searchMemory(Pid pid, const std::vector<Region> &regions, const SearchOptions &options,
    const std::function<bool(const SearchHit &)> &onHit, const std::atomic<bool> *cancel = nullptr,
    const std::function<void(const SearchProgress &)> &progress = {});

// "41 42 0a" / "41420a" / "0x41,0x42" into bytes; false on anything else.
bool parseHexBytes(std::string_view text, std::string &out);
// text as UTF-16LE (UTF-8 in; characters outside the BMP as surrogate pairs); false when text is not UTF-8.
bool utf8ToUtf16le(std::string_view text, std::string &out);

} // namespace vmatlas
