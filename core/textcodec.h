#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vmatlas {

// Helpers shared by the CSV and JSON formats.
bool isValidUtf8(std::string_view s);
// Length of the valid UTF-8 sequence starting at s[i], or 0 when s[i] starts none.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i);
std::string toHex(std::string_view bytes);
bool fromHex(std::string_view hex, std::string &out);
// Replaces each invalid UTF-8 sequence by U+FFFD.
std::string toValidUtf8(std::string_view s);
// Appends a number in decimal.
void appendNumber(std::string &out, std::uint64_t v);
void appendNumber(std::string &out, std::int64_t v);
void appendHex(std::string &out, std::uint64_t v); // 0x-prefixed lowercase

} // namespace vmatlas
