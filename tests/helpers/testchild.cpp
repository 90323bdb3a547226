// A process with a known address-space layout, for the live tests and the benchmarks.
//   vmatlas_testchild layout DIR   mappings at fixed addresses (see kLayout below), a file in DIR
//   vmatlas_testchild many N       N separate mappings (alternating protections)
//   vmatlas_testchild usage DIR    one mapping of each use (see usage() below), a file in DIR
//   vmatlas_testchild zero         8 anonymous pages: 0-3 only read (the zero page), 4 written, 5-7 untouched
//   vmatlas_testchild nodump       not dumpable (prctl PR_SET_DUMPABLE 0): only root may read it
//   vmatlas_testchild spin         a thread spinning on a CPU (its syscall file says "running")
//   vmatlas_testchild inside DIR   known bytes, markers and pages to trim and mark (see inside() below); it
//                                  obeys commands on its standard input
//   vmatlas_testchild big MIB      MIB mebibytes of private data, written
//   vmatlas_testchild idle         nothing special
// It prints "KEY VALUE" lines, then "ready", and exits when its standard input closes.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <string>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

constexpr unsigned long kPage = 4096;
constexpr unsigned long kBase = 0x7e0000000000UL;
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

[[noreturn]] void die(const char *what)
{
    std::fprintf(stdout, "error %s: %s\n", what, std::strerror(errno));
    std::fflush(stdout);
    std::exit(1);
}

void *mapAt(unsigned long addr, unsigned long size, int prot, int flags, int fd = -1)
{
    void *p = ::mmap(reinterpret_cast<void *>(addr), size, prot, flags | MAP_FIXED_NOREPLACE, fd, 0);
    if (p == MAP_FAILED || reinterpret_cast<unsigned long>(p) != addr)
        die("mmap");
    return p;
}

int g_threadPipe[2];
volatile long g_tid = 0;

void *threadMain(void *)
{
    g_tid = ::syscall(SYS_gettid);
    char c;
    while (::read(g_threadPipe[0], &c, 1) < 0 && errno == EINTR) { }
    return nullptr;
}

void waitForStdinClose()
{
    char buf[64];
    for (;;) {
        ssize_t n = ::read(0, buf, sizeof buf);
        if (n == 0 || (n < 0 && errno != EINTR))
            return;
    }
}

int layout(const char *dir)
{
    const int rw = PROT_READ | PROT_WRITE;
    const int priv = MAP_PRIVATE | MAP_ANONYMOUS;
    // A: a reservation.
    mapAt(kBase, 16 * kPage, PROT_NONE, priv | MAP_NORESERVE);
    // B: a reservation with its first 4 pages committed, 2 of them touched.
    char *b = static_cast<char *>(mapAt(kBase + 0x100000, 16 * kPage, PROT_NONE, priv | MAP_NORESERVE));
    if (::mprotect(b, 4 * kPage, rw) != 0)
        die("mprotect");
    b[0] = 1;
    b[kPage] = 1;
    // C: a shared memfd section, pages 0 and 1 written.
    int mfd = ::memfd_create("vmatlas-test-section", MFD_CLOEXEC);
    if (mfd < 0 || ::ftruncate(mfd, 8 * kPage) != 0)
        die("memfd");
    char *c = static_cast<char *>(mapAt(kBase + 0x200000, 8 * kPage, rw, MAP_SHARED, mfd));
    c[0] = 'A';
    c[kPage] = 'B';
    // D: a private mapping of a file: all pages read, page 2 written (copy-on-write), page 7 dropped.
    std::string path = std::string(dir) + "/vmatlas test file.bin";
    int ffd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (ffd < 0)
        die("open");
    std::string data(8 * kPage, 'f');
    if (::write(ffd, data.data(), data.size()) != static_cast<ssize_t>(data.size()))
        die("write");
    char *d = static_cast<char *>(mapAt(kBase + 0x300000, 8 * kPage, rw, MAP_PRIVATE, ffd));
    volatile char sink = 0;
    for (unsigned long i = 0; i < 8; ++i)
        sink = sink + d[i * kPage];
    d[2 * kPage] = 'w';
    if (::madvise(d + 7 * kPage, kPage, MADV_DONTNEED) != 0)
        die("madvise");
    // E: private data, pages 0-3 written.
    char *e = static_cast<char *>(mapAt(kBase + 0x400000, 8 * kPage, rw, priv));
    for (unsigned long i = 0; i < 4; ++i)
        e[i * kPage] = 1;
    // G: private data with a guard page (MADV_GUARD_INSTALL, Linux 6.13+) at page 2.
    char *g = static_cast<char *>(mapAt(kBase + 0x500000, 4 * kPage, rw, priv));
    g[0] = 1;
    bool guard = ::madvise(g + 2 * kPage, kPage, MADV_GUARD_INSTALL) == 0;
    // A thread blocked in read(), for the thread-stack label.
    if (::pipe(g_threadPipe) != 0)
        die("pipe");
    pthread_t t;
    if (::pthread_create(&t, nullptr, threadMain, nullptr) != 0)
        die("pthread_create");
    while (g_tid == 0)
        ::usleep(1000);
    ::usleep(20000); // let it reach read()

    std::printf("file %s\nguard %d\ntid %ld\nready\n", path.c_str(), guard ? 1 : 0, g_tid);
    std::fflush(stdout);
    waitForStdinClose();
    ::unlink(path.c_str());
    return 0;
}

// A second thread's malloc: glibc gives the thread an arena of its own (a 64 MiB-aligned heap).
int g_arenaPipe[2];
void *volatile g_arenaBlock = nullptr;
volatile long g_arenaTid = 0;

void *arenaThread(void *)
{
    g_arenaTid = ::syscall(SYS_gettid);
    char *p = static_cast<char *>(std::malloc(200));
    std::memset(p, 1, 200);
    g_arenaBlock = p;
    char c;
    while (::read(g_arenaPipe[0], &c, 1) < 0 && errno == EINTR) { }
    std::free(p);
    return nullptr;
}

// One of each use, each (but the heap, the arena and the malloc'd block) at a fixed address apart from the
// others so that the kernel merges nothing: prints "KEY 0xADDRESS" lines.
int usage(const char *dir)
{
    constexpr unsigned long base = 0x7d0000000000UL;
    const int rw = PROT_READ | PROT_WRITE;
    auto touch = [](void *p, unsigned long pages) {
        for (unsigned long i = 0; i < pages; ++i)
            static_cast<volatile char *>(p)[i * kPage] = 1;
    };
    // The main heap ([heap], brk): small blocks.
    void *small = std::malloc(1000);
    std::memset(small, 1, 1000);
    // A large block: glibc mmaps it (above the 128 KiB mmap threshold); nothing marks it as malloc's.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    char *big = static_cast<char *>(std::malloc(1 << 20));
    std::memset(big, 2, 1 << 20);
    // A memfd section, 4 pages, 2 touched.
    int mfd = ::memfd_create("vmatlas-usage", MFD_CLOEXEC);
    if (mfd < 0 || ::ftruncate(mfd, 4 * kPage) != 0)
        die("memfd");
    void *memfd = mapAt(base, 4 * kPage, rw, MAP_SHARED, mfd);
    touch(memfd, 2);
    // SysV shared memory, 4 pages, 3 touched; removed at once (it lives while attached).
    int shmid = ::shmget(IPC_PRIVATE, 4 * kPage, IPC_CREAT | 0600);
    if (shmid < 0)
        die("shmget");
    void *sysv = ::shmat(shmid, reinterpret_cast<void *>(base + 0x100000), 0);
    if (sysv == reinterpret_cast<void *>(-1))
        die("shmat");
    ::shmctl(shmid, IPC_RMID, nullptr);
    touch(sysv, 3);
    // A POSIX shared memory object (/dev/shm), 4 pages, 1 touched.
    std::string shmName = "/vmatlas-usage-" + std::to_string(::getpid());
    int sfd = ::shm_open(shmName.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
    if (sfd < 0 || ::ftruncate(sfd, 4 * kPage) != 0)
        die("shm_open");
    void *posix = mapAt(base + 0x200000, 4 * kPage, rw, MAP_SHARED, sfd);
    touch(posix, 1);
    // Shared anonymous memory, 4 pages, 4 touched.
    void *shanon = mapAt(base + 0x300000, 4 * kPage, rw, MAP_SHARED | MAP_ANONYMOUS);
    touch(shanon, 4);
    // Private data, 8 pages, 5 touched.
    void *priv = mapAt(base + 0x400000, 8 * kPage, rw, MAP_PRIVATE | MAP_ANONYMOUS);
    touch(priv, 5);
    // A file mapped shared read-only (all 4 pages read) and privately (page 1 written: copy-on-write).
    std::string path = std::string(dir) + "/usage.bin";
    int ffd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    std::string data(4 * kPage, 'u');
    if (ffd < 0 || ::write(ffd, data.data(), data.size()) != static_cast<ssize_t>(data.size()))
        die("file");
    char *file = static_cast<char *>(mapAt(base + 0x500000, 4 * kPage, PROT_READ, MAP_SHARED, ffd));
    volatile char sink = 0;
    for (unsigned long i = 0; i < 4; ++i)
        sink = sink + file[i * kPage];
    char *cow = static_cast<char *>(mapAt(base + 0x600000, 4 * kPage, rw, MAP_PRIVATE, ffd));
    sink = sink + cow[0];
    cow[kPage] = 'w';
    // A thread with a malloc arena of its own.
    if (::pipe(g_arenaPipe) != 0)
        die("pipe");
    pthread_t t;
    if (::pthread_create(&t, nullptr, arenaThread, nullptr) != 0)
        die("pthread_create");
    while (g_arenaBlock == nullptr)
        ::usleep(1000);
    ::usleep(20000); // let it reach read()

    std::printf("small %p\nbig %p\narena %p\ntid %ld\nmemfd %p\nsysv %p\nposix %p\nshanon %p\nprivate %p\n"
                "file %p\ncow %p\nready\n",
        small, static_cast<void *>(big), g_arenaBlock, g_arenaTid, memfd, sysv, posix, shanon, priv,
        static_cast<void *>(file), static_cast<void *>(cow));
    std::fflush(stdout);
    waitForStdinClose();
    ::shm_unlink(shmName.c_str());
    ::unlink(path.c_str());
    return 0;
}

int many(long n)
{
    // One anonymous area split into n mappings by alternating protections.
    unsigned long size = static_cast<unsigned long>(n) * kPage;
    char *p = static_cast<char *>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (p == MAP_FAILED)
        die("mmap");
    for (long i = 0; i < n; ++i)
        p[i * kPage] = 1;
    for (long i = 1; i < n; i += 2)
        if (::mprotect(p + i * kPage, kPage, PROT_READ) != 0)
            die("mprotect");
    std::printf("base 0x%lx\nready\n", reinterpret_cast<unsigned long>(p));
    std::fflush(stdout);
    waitForStdinClose();
    return 0;
}

int zero()
{
    char *p
        = static_cast<char *>(::mmap(nullptr, 8 * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (p == MAP_FAILED)
        die("mmap");
    ::madvise(p, 8 * kPage, MADV_NOHUGEPAGE);
    volatile char sink = 0;
    for (unsigned long i = 0; i < 4; ++i)
        sink = sink + p[i * kPage];
    p[4 * kPage] = 1;
    std::printf("base 0x%lx\nready\n", reinterpret_cast<unsigned long>(p));
    std::fflush(stdout);
    waitForStdinClose();
    return sink;
}

volatile bool g_spin = true;

void *spinMain(void *)
{
    g_tid = ::syscall(SYS_gettid);
    while (g_spin) { }
    return nullptr;
}

int spin()
{
    pthread_t t;
    if (::pthread_create(&t, nullptr, spinMain, nullptr) != 0)
        die("pthread_create");
    while (g_tid == 0)
        ::usleep(1000);
    std::printf("tid %ld\nready\n", g_tid);
    std::fflush(stdout);
    waitForStdinClose();
    g_spin = false;
    ::pthread_join(t, nullptr);
    return 0;
}

// Maps, unmaps and changes protections as fast as it can, until stdin closes.
int churn()
{
    std::printf("ready\n");
    std::fflush(stdout);
    ::fcntl(0, F_SETFL, ::fcntl(0, F_GETFL) | O_NONBLOCK);
    std::vector<std::pair<char *, unsigned long>> live;
    unsigned seed = 12345;
    for (unsigned long i = 0;; ++i) {
        seed = seed * 1103515245u + 12345u;
        if (live.size() < 200 && (seed >> 16) % 3 != 0) {
            const unsigned long size = kPage * (1 + (seed >> 8) % 16);
            char *p = static_cast<char *>(
                ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
            if (p != MAP_FAILED) {
                p[0] = 1;
                live.emplace_back(p, size);
            }
        } else if (!live.empty()) {
            const std::size_t k = (seed >> 4) % live.size();
            if ((seed >> 20) % 2)
                ::mprotect(live[k].first, kPage, PROT_READ);
            else {
                ::munmap(live[k].first, live[k].second);
                live.erase(live.begin() + long(k));
            }
        }
        if (i % 1024 == 0) {
            char c;
            if (::read(0, &c, 1) == 0)
                return 0;
        }
    }
}

// The one literal copy of the marker: in the image (.rodata). The private and mapped copies are made from it at run
// time, byte by byte, so that no other copy exists.
extern const char kImageMarker[];
__attribute__((used)) const char kImageMarker[] = "Zq7-VMATLAS-MARKER-IMAGE";

void copyMarker(char *to, char last)
{
    const volatile char *from = kImageMarker;
    std::size_t i = 0;
    for (; from[i]; ++i)
        to[i] = from[i];
    to[i - 5] = last; // "IMAGE" -> "PRIV\0"... below
}

// Fixed addresses (0x7c...) for the inside tests:
//   known   4 pages: pages 0-1 hold byte (i * 7 + 3) & 0xff at offset i, page 2 never touched, page 3 written
//   noaccess  1 page, PROT_NONE
//   priv    1 page: "Zq7-VMATLAS-MARKER-PRIV" at 100, UTF-16LE "Zq7-VMATLAS-MARKER-WIDE" at 1000
//   mapped  a shared mapping of DIR/inside.bin, 2 pages: "Zq7-VMATLAS-MARKER-MAPD" at 200
//   trim    a private read-only mapping of DIR/trim.bin, 16 pages, all read
//   mark    16 anonymous pages, all written
//   hole    inside.bin's second page and, after it, a page past the file's end
// Commands (one a line): "touch K" writes the first K pages of mark, "retouch" reads every page of trim; each is
// answered with "done". "exit" ends the process at once.
int inside(const char *dir)
{
    constexpr unsigned long base = 0x7c0000000000UL;
    const int rw = PROT_READ | PROT_WRITE;
    const int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    char *known = static_cast<char *>(mapAt(base, 4 * kPage, rw, anon));
    ::madvise(known, 4 * kPage, MADV_NOHUGEPAGE);
    for (unsigned long i = 0; i < 2 * kPage; ++i)
        known[i] = char((i * 7 + 3) & 0xff);
    known[3 * kPage] = 1;
    mapAt(base + 0x100000, kPage, PROT_NONE, anon);
    char *priv = static_cast<char *>(mapAt(base + 0x200000, kPage, rw, anon));
    copyMarker(priv + 100, 'P');
    priv[100 + 20] = 'R';
    priv[100 + 21] = 'I';
    priv[100 + 22] = 'V';
    priv[100 + 23] = 0;
    {
        const volatile char *from = kImageMarker;
        const char wide[] = { 'W', 'I', 'D', 'E' };
        for (int i = 0; i < 23; ++i) {
            priv[1000 + 2 * i] = i < 19 ? from[i] : wide[i - 19];
            priv[1000 + 2 * i + 1] = 0;
        }
    }
    auto makeFile = [&](const char *name, unsigned long pages, char fill) {
        std::string path = std::string(dir) + "/" + name;
        int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        std::string data(pages * kPage, fill);
        if (fd < 0 || ::write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size()) || ::fsync(fd) != 0)
            die("file");
        return fd;
    };
    int mfd = makeFile("inside.bin", 2, 'm');
    char *mapped = static_cast<char *>(mapAt(base + 0x300000, 2 * kPage, rw, MAP_SHARED, mfd));
    mapped[199] = 0; // the file is all 'm': the marker is a string of its own
    copyMarker(mapped + 200, 'M');
    mapped[200 + 20] = 'A';
    mapped[200 + 21] = 'P';
    mapped[200 + 22] = 'D';
    mapped[200 + 23] = 0;
    ::msync(mapped, 2 * kPage, MS_SYNC);
    // The file's second page (no marker) and the page after it: a hole past the file's end (touching it: SIGBUS).
    char *hole = static_cast<char *>(::mmap(reinterpret_cast<void *>(base + 0x600000), 2 * kPage, PROT_READ,
        MAP_SHARED | MAP_FIXED_NOREPLACE, mfd, off_t(kPage)));
    if (hole == MAP_FAILED)
        die("mmap hole");
    int tfd = makeFile("trim.bin", 16, 't');
    char *trim = static_cast<char *>(mapAt(base + 0x400000, 16 * kPage, PROT_READ, MAP_PRIVATE, tfd));
    volatile char sink = 0;
    auto readTrim = [&] {
        for (unsigned long i = 0; i < 16; ++i)
            sink = sink + trim[i * kPage];
    };
    readTrim();
    char *mark = static_cast<char *>(mapAt(base + 0x500000, 16 * kPage, rw, anon));
    ::madvise(mark, 16 * kPage, MADV_NOHUGEPAGE);
    for (unsigned long i = 0; i < 16; ++i)
        mark[i * kPage] = 1;
    // The image's copy: its page is read, so it is in RAM.
    for (const volatile char *m = kImageMarker; *m; ++m)
        sink = sink + *m;

    std::printf("known %p\nnoaccess %p\nprivate %p\nmapped %p\ntrim %p\nmark %p\nhole %p\nready\n",
        static_cast<void *>(known), reinterpret_cast<void *>(base + 0x100000), static_cast<void *>(priv),
        static_cast<void *>(mapped), static_cast<void *>(trim), static_cast<void *>(mark), static_cast<void *>(hole));
    std::fflush(stdout);
    char line[64];
    while (std::fgets(line, sizeof line, stdin)) {
        if (std::strncmp(line, "touch ", 6) == 0) {
            const long k = std::strtol(line + 6, nullptr, 10);
            for (long i = 0; i < k && i < 16; ++i)
                static_cast<volatile char *>(mark)[i * kPage] = 2;
        } else if (std::strncmp(line, "retouch", 7) == 0) {
            readTrim();
        } else if (std::strncmp(line, "exit", 4) == 0) {
            std::_Exit(0);
        }
        std::printf("done\n");
        std::fflush(stdout);
    }
    return sink;
}

// mib MiB of private data, every page written with a pattern (so that it is no zero page).
int big(long mib)
{
    const unsigned long size = static_cast<unsigned long>(mib) << 20;
    char *p = static_cast<char *>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (p == MAP_FAILED)
        die("mmap");
    for (unsigned long i = 0; i < size; i += 64)
        std::memcpy(p + i, "big process data, printable text to make strings of it: 0123456", 64);
    std::printf("base 0x%lx\nready\n", reinterpret_cast<unsigned long>(p));
    std::fflush(stdout);
    waitForStdinClose();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the test
    std::string mode = argc > 1 ? argv[1] : "idle";
    if (mode == "layout" && argc > 2)
        return layout(argv[2]);
    if (mode == "usage" && argc > 2)
        return usage(argv[2]);
    if (mode == "inside" && argc > 2)
        return inside(argv[2]);
    if (mode == "big" && argc > 2)
        return big(std::strtol(argv[2], nullptr, 10));
    if (mode == "churn")
        return churn();
    if (mode == "zero")
        return zero();
    if (mode == "spin")
        return spin();
    if (mode == "nodump")
        ::prctl(PR_SET_DUMPABLE, 0);
    if (mode == "many" && argc > 2)
        return many(std::strtol(argv[2], nullptr, 10));
    std::printf("ready\n");
    std::fflush(stdout);
    waitForStdinClose();
    return 0;
}
