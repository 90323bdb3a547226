#pragma once

#include "model.h"

#include <QString>

#include <string>

namespace vmatlas::ui {

// The one home of the window's formatting: every panel, tooltip and status line shows bytes, addresses and
// names of the process through these.

// "16.0 MiB" (the core's formatBytes, so the window and the CLI agree).
QString formatBytes(std::uint64_t bytes);
// "0x7f12a4000000".
QString hexAddress(Address address);
// "0x1000 – 0x2000".
QString hexRange(Address start, Address end);
// A path or name from the process, safe to show: invalid UTF-8 as \xNN, newlines as \n, control and format
// characters (right-to-left marks, zero-width joiners) as \uNNNN, so a hostile name cannot disguise itself.
QString displayText(const std::string &text);

} // namespace vmatlas::ui
