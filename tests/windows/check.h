#pragma once

// A minimal test harness for the Windows programs (QTest is not available for MinGW here).
// Each CHECK counts; main() returns report(), which prints "N passed, N failed".
#include <cstdio>
#include <string>

namespace check {
inline int passed = 0;
inline int failed = 0;
inline std::string current;

inline void result(bool ok, const char *expr, const char *file, int line, const std::string &detail = {})
{
    if (ok) {
        ++passed;
        return;
    }
    ++failed;
    std::printf(
        "FAIL %s: %s (%s:%d)%s%s\n", current.c_str(), expr, file, line, detail.empty() ? "" : " ", detail.c_str());
    std::fflush(stdout);
}

inline int report()
{
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
} // namespace check

#define CHECK(expr) check::result(bool(expr), #expr, __FILE__, __LINE__)
#define CHECK_MSG(expr, msg) check::result(bool(expr), #expr, __FILE__, __LINE__, (msg))
#define CHECK_EQ(a, b)                                                                                                 \
    do {                                                                                                               \
        auto _a = (a);                                                                                                 \
        auto _b = (b);                                                                                                 \
        check::result(_a == _b, #a " == " #b, __FILE__, __LINE__,                                                      \
            "(" + std::to_string(static_cast<long long>(_a)) + " vs " + std::to_string(static_cast<long long>(_b))     \
                + ")");                                                                                                \
    } while (0)
#define SECTION(name) check::current = (name)
