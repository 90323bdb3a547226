#pragma once

#include "result.h"

#include <string>
#include <string_view>

namespace vmatlas {

// Writes data to path so that a reader never sees half a file: a temporary in the same folder,
// flushed, then renamed over the target. A target that is not a regular file (/dev/stdout, a FIFO,
// a terminal) is written directly. On any error nothing is left behind and an earlier file of that
// name is untouched; the message names the file and the cause.
Status writeFileAtomically(const std::string &path, std::string_view data);

// Reads a whole file; the message names the file and the cause.
Result<std::string> readWholeFile(const std::string &path);

} // namespace vmatlas
