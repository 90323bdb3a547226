// Bytes of memory per region of a snapshot: vmatlas_bench_memory PID
#include "platform.h"

#include <cstdio>
#include <cstdlib>
#include <malloc.h>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    const long pid = std::strtol(argv[1], nullptr, 10);
    auto heap = [] {
        struct mallinfo2 m = mallinfo2();
        return m.uordblks + m.hblkhd;
    };
    auto before = heap();
    auto snap = vmatlas::readSnapshot(pid);
    if (!snap) {
        std::fprintf(stderr, "%s\n", snap.error().message.c_str());
        return 1;
    }
    auto after = heap();
    std::printf("%zu regions, %zu bytes, %.1f bytes per region (sizeof(Region) = %zu)\n", snap->regions.size(),
        after - before, double(after - before) / double(snap->regions.size()), sizeof(vmatlas::Region));
    return 0;
}
