// Soak: the sampler at 100 ms on a busy process (tests/helpers/testchild churn) for a while.
//   vmatlas_bench_soak [SECONDS=600] [TESTCHILD]
// Prints, every 30 s: snapshots taken and skipped, the history's size against its bound, this
// process's RSS, and the CPU time per snapshot in that window (it should stay flat).
#include "platform.h"
#include "sampler.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace vmatlas;

namespace {

long rssKb()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 600;
    std::string child = argc > 2
        ? argv[2]
        : std::string(argv[0]).substr(0, std::string(argv[0]).rfind('/') + 1) + "vmatlas_testchild";
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        execl(child.c_str(), child.c_str(), "churn", nullptr);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    char buf[16];
    if (read(out[0], buf, sizeof buf) <= 0) {
        std::fprintf(stderr, "the churn child did not start (%s)\n", child.c_str());
        return 1;
    }
    Sampler::Options options;
    options.interval = std::chrono::milliseconds(100);
    options.maxCount = 300;
    options.maxBytes = std::size_t(64) << 20;
    Sampler sampler([pid] { return readSnapshot(pid); }, options);
    sampler.start();
    std::printf("%8s %9s %8s %9s %12s %10s %16s\n", "seconds", "snapshots", "skipped", "history", "history MiB",
        "RSS MiB", "CPU ms/snapshot");
    std::size_t lastTaken = 0;
    double lastCpu = cpuSeconds();
    for (int t = 30; t <= seconds; t += 30) {
        std::this_thread::sleep_for(std::chrono::seconds(30));
        const std::size_t taken = sampler.samplesTaken();
        const double cpu = cpuSeconds();
        const double perSnapshot = taken > lastTaken ? (cpu - lastCpu) * 1000.0 / double(taken - lastTaken) : 0;
        std::printf("%8d %9zu %8zu %9zu %12.1f %10.1f %16.2f\n", t, taken, sampler.samplesSkipped(),
            sampler.history().size(), double(sampler.historyBytes()) / (1 << 20), double(rssKb()) / 1024, perSnapshot);
        std::fflush(stdout);
        lastTaken = taken;
        lastCpu = cpu;
    }
    sampler.stop();
    close(in[1]);
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    std::printf(
        "bound: %zu snapshots or %.0f MiB of history\n", options.maxCount, double(options.maxBytes) / (1 << 20));
    return 0;
}
