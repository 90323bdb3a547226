#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vmatlas {

// Bytes as people read them: "512 B", "4.00 KiB", "16.0 MiB", "128 GiB" (three significant digits, binary
// units). The one formatting of sizes: the window, the CLI and the labs' reports all use it.
std::string formatBytes(std::uint64_t bytes);
// pattern with %1…%9 replaced by args[0]…[8] in one pass, so an argument holding "%2" stays as it is (a text
// marked for translation and what goes in it).
std::string fillPattern(std::string_view pattern, const std::vector<std::string> &args);

// "0x7f12a4000000": lowercase hex with the 0x prefix.
std::string formatAddress(std::uint64_t address);

} // namespace vmatlas
