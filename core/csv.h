#pragma once

#include "fileio.h"
#include "model.h"
#include "result.h"

#include <string>
#include <string_view>
#include <vector>

namespace vmatlas {

// The region CSV: the documented columns first, in this order, then every other field.
// Text cells (path, label) are escaped so that any byte string survives: a byte that is not valid UTF-8
// or a control character other than newline is written "\xHH"; a backslash is doubled where it could be
// taken for an escape (before another backslash or before xHH), so Windows paths read as they are; a
// cell starting with = + - @ or ' gets a leading ' so that spreadsheets do not run it as a formula.
// RFC 4180 quoting.
const std::vector<std::string_view> &regionCsvColumns();
std::string regionsToCsv(const Snapshot &snapshot);
// The same, streamed to sink in pieces of about 1 MiB; false when the sink failed.
bool writeRegionsCsv(const Snapshot &snapshot, const ChunkSink &sink);
Result<std::vector<Region>> regionsFromCsv(std::string_view text);

// The pages CSV: address,state,exclusive,host (host: the machine read over ssh, empty for this one).
std::string pagesToCsv(const std::vector<PageInfo> &pages, std::string_view host = {});
Result<std::vector<PageInfo>> pagesFromCsv(std::string_view text);

// Low-level helpers, shared with the diff and process list CSVs.
std::string escapeCsvText(std::string_view text); // the escaping above, without quoting
bool unescapeCsvText(std::string_view cell, std::string &out);
void appendCsvCell(std::string &out, std::string_view cell); // RFC 4180 quoting where needed
// A CSV table with its last column "host" set to host on every row (added when the header lacks it): a table
// another machine wrote about itself, named as read from here. Text that does not parse is returned unchanged.
std::string withHostColumn(std::string_view csv, std::string_view host);
// Splits RFC 4180 text into rows of cells. Error names the line.
Result<std::vector<std::vector<std::string>>> parseCsv(std::string_view text);

} // namespace vmatlas
