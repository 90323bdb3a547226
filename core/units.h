#pragma once

#include <cstdint>
#include <string>

namespace vmatlas {

// Bytes as people read them: "512 B", "4.00 KiB", "16.0 MiB", "128 GiB" (three significant digits, binary
// units). The one formatting of sizes: the window, the CLI and the labs' reports all use it.
std::string formatBytes(std::uint64_t bytes);

// "0x7f12a4000000": lowercase hex with the 0x prefix.
std::string formatAddress(std::uint64_t address);

} // namespace vmatlas
