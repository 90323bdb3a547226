#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

// The lab target's line protocol, shared by the platforms' servers and drivers.
namespace vmatlas::labprotocol {

std::vector<std::string> splitWords(const std::string &line);
// A decimal or 0x-prefixed hex number, the whole text.
bool parseNumber(const std::string &text, std::uint64_t &out);

// A page-aligned variable in the program's initialised data, so a page of the image file (the
// image-sharing lab writes to it to show copy-on-write of an image's data).
volatile char *imageData();

// The server side: says "ok ready PID", then answers each line of standard input with handler's reply
// until "quit" or the end of input. Returns the exit code.
int serve(long long pid, const std::function<std::string(const std::vector<std::string> &)> &handler);

} // namespace vmatlas::labprotocol
