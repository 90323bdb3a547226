// Replays inputs through a libFuzzer target without libFuzzer: the regression suite of past findings
// (tests/fuzz/regressions/TARGET) and the seeds. A failed check aborts, failing the test.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!std::filesystem::is_directory(argv[i], ec))
            continue;
        for (const auto &entry : std::filesystem::directory_iterator(argv[i])) {
            std::ifstream f(entry.path(), std::ios::binary);
            std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
            // Every prefix too: truncated inputs are the common hostile case.
            for (std::size_t n = 0; n < bytes.size(); n += 1 + bytes.size() / 64)
                LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), n);
            ++count;
        }
    }
    std::printf("%zu passed, 0 failed\n", count);
    return 0;
}
