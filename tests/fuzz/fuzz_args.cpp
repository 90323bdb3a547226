// libFuzzer target: the CLI's argument parser and value parsers, on NUL-separated arguments.
#include "cli/argparser.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::vector<std::string> args;
    std::string cur;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            args.push_back(cur);
            cur.clear();
        } else {
            cur += char(data[i]);
        }
    }
    args.push_back(cur);
    vmatlas::cli::ArgParser p;
    p.addOption("--pid", "PID", "");
    p.addOption("--range", "START-END", "");
    p.addOption("--size", "WxH", "");
    p.addFlag("--csv", "");
    if (p.parse(args)) {
        long long pid = 0;
        if (auto v = p.value("--pid"); v && vmatlas::cli::parsePid(*v, pid) && (pid <= 0 || pid > 0x7fffffff))
            std::abort();
        unsigned long long s = 0, e = 0;
        if (auto v = p.value("--range"))
            vmatlas::cli::parseRange(*v, s, e);
        int w = 0, h = 0;
        if (auto v = p.value("--size");
            v && vmatlas::cli::parseSize(*v, w, h) && (w < 64 || h < 64 || w > 16384 || h > 16384))
            std::abort();
        for (const std::string &pos : p.positional())
            if (pos.size() > 1 && pos[0] == '-' && pos != "--"
                && std::find(args.begin(), args.end(), "--") == args.end())
                std::abort(); // an option must not slip through as a positional argument
    } else if (p.error().empty()) {
        std::abort();
    }
    return 0;
}
