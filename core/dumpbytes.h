#pragma once

// Little-endian fields of dump files, read from bytes already bounds-checked by the caller.
#include <cstdint>
#include <string>

namespace vmatlas::dumpbytes {

inline std::uint16_t u16(const unsigned char *p)
{
    return std::uint16_t(p[0] | (p[1] << 8));
}
inline std::uint32_t u32(const unsigned char *p)
{
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24);
}
inline std::uint64_t u64(const unsigned char *p)
{
    return std::uint64_t(u32(p)) | (std::uint64_t(u32(p + 4)) << 32);
}
// A NUL-terminated text in a fixed-size field.
inline std::string fixedText(const unsigned char *p, std::size_t n)
{
    std::size_t len = 0;
    while (len < n && p[len])
        ++len;
    return std::string(reinterpret_cast<const char *>(p), len);
}

} // namespace vmatlas::dumpbytes
