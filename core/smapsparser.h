#pragma once

#include "model.h"
#include "result.h"

#include <string_view>
#include <vector>

namespace vmatlas {

// The mappings of /proc/PID/maps or /proc/PID/smaps text, in file order, not yet classified
// (type, state and labels are filled in by classify()).
struct ParsedMaps
{
    std::vector<Region> mappings;
    std::vector<ExtraField> extras; // fields and VmFlags letters this parser does not know
};

// Incremental parser: feed the text in pieces of any size (lines may straddle them), then finish().
class SmapsParser
{
public:
    SmapsParser();
    ~SmapsParser();
    SmapsParser(const SmapsParser &) = delete;
    SmapsParser &operator=(const SmapsParser &) = delete;

    // False once a line was malformed; finish() then returns the error.
    bool feed(std::string_view chunk);
    // Room for this many mappings before the first: the array then never moves while it fills (the room is only
    // reserved; memory is committed as regions are written). A hint: the array grows past it if need be.
    void reserve(std::size_t mappings);
    Result<ParsedMaps> finish();
    std::size_t bytesFed() const { return m_bytes; }

private:
    class Impl;
    Impl *m_impl;
    std::string m_carry; // an incomplete last line
    std::size_t m_bytes = 0;
};

// Parses maps or smaps text. Unknown fields are kept, never fatal; a malformed line gives an error
// "line N: what is wrong".
Result<ParsedMaps> parseSmaps(std::string_view text);

// The kernel escapes a newline in a path as "\012"; undo that.
std::string unescapeProcPath(std::string_view raw);

} // namespace vmatlas
