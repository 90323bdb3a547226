// Benchmark: the window's two read tiers against reading /proc/PID/smaps and /proc/PID/maps, in this process
// (no process start-up, no output), interleaved, medians of RUNS.
//   vmatlas_bench_tiers PID [RUNS]
//   vmatlas_bench_tiers PID RUNS live      only the live tick, for a profiler
// Prints one line: mappings, live tick, full read, smaps, maps (ms), and the ratios live/smaps and full/smaps.
#include "livetier.h"
#include "platform.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace vmatlas;

namespace {

double nowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// What `cat FILE > /dev/null` costs the kernel: the whole text, read in 128 KiB chunks as cat does.
bool readAll(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    static std::vector<char> buf(128 * 1024);
    while (::read(fd, buf.data(), buf.size()) > 0) { }
    ::close(fd);
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: vmatlas_bench_tiers PID [RUNS]\n");
        return 2;
    }
    const Pid pid = std::atoll(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;
    const std::string smaps = "/proc/" + std::to_string(pid) + "/smaps";
    const std::string maps = "/proc/" + std::to_string(pid) + "/maps";
    if (argc > 3 && std::string(argv[3]) == "live") {
        for (int i = 0; i < runs; ++i)
            if (!readLiveSnapshot(pid))
                return 1;
        return 0;
    }
    std::vector<double> live, full, smapsMs, mapsMs;
    std::size_t regions = 0;
    for (int i = 0; i < runs; ++i) {
        double t = nowMs();
        auto l = readLiveSnapshot(pid);
        live.push_back(nowMs() - t);
        t = nowMs();
        auto f = readSnapshot(pid);
        full.push_back(nowMs() - t);
        t = nowMs();
        readAll(smaps);
        smapsMs.push_back(nowMs() - t);
        t = nowMs();
        readAll(maps);
        mapsMs.push_back(nowMs() - t);
        if (!l || !f) {
            std::fprintf(stderr, "vmatlas_bench_tiers: %s\n", (!l ? l.error() : f.error()).message.c_str());
            return 1;
        }
        regions = f->regions.size();
    }
    const double lm = median(live), fm = median(full), sm = median(smapsMs), mm = median(mapsMs);
    std::printf("%zu %.1f %.1f %.1f %.1f %.2f %.2f\n", regions, lm, fm, sm, mm, lm / sm, fm / sm);
    return 0;
}
