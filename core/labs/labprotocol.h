#pragma once

#include "result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// The lab target's line protocol, shared by the platforms' servers and drivers.
namespace vmatlas::labprotocol {

std::vector<std::string> splitWords(const std::string &line);
// A decimal or 0x-prefixed hex number, the whole text.
bool parseNumber(const std::string &text, std::uint64_t &out);

// The driver side. How long a driver waits for a reply line before it gives up.
constexpr int kReplyTimeoutMs = 20000;

// Takes the first whole line out of buffer (bytes read from the target so far), without its "\n" or
// "\r\n". False, and buffer unchanged, when no line is complete yet.
bool takeLine(std::string &buffer, std::string &line);

// A reply line: "ok VALUES..." gives the values; "error MESSAGE" (or anything else) an Io error saying
// the target refused command.
Result<std::vector<std::string>> parseReply(std::string_view reply, const std::string &command);

// The error when the target's pipe breaks: it has exited.
Error targetExited(long long pid);

// A page-aligned variable in the program's initialised data, so a page of the image file (the
// image-sharing lab writes to it to show copy-on-write of an image's data).
volatile char *imageData();

// The server side: says "ok ready PID", then answers each line of standard input with handler's reply
// until "quit" or the end of input. Returns the exit code.
int serve(long long pid, const std::function<std::string(const std::vector<std::string> &)> &handler);

} // namespace vmatlas::labprotocol
