#pragma once

#include <cstdint>
#include <string>
#include <vector>

// The lab target's line protocol, shared by the platforms' servers and drivers.
namespace vmatlas::labprotocol {

std::vector<std::string> splitWords(const std::string &line);
// A decimal or 0x-prefixed hex number, the whole text.
bool parseNumber(const std::string &text, std::uint64_t &out);

} // namespace vmatlas::labprotocol
