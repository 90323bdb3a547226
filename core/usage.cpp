#include "usage.h"

#include "csv.h"
#include "lines.h"
#include "units.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

// Marks text the window translates (lupdate reads this file); the core keeps the English.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vmatlas {

namespace {

constexpr std::uint64_t kKiB = 1024, kMiB = 1024 * kKiB, kGiB = 1024 * kMiB;

struct UseKey
{
    RegionUse use;
    std::string_view key;
    std::string_view name;
};
constexpr std::array<UseKey, kRegionUseCount> kUseKeys = { {
    { RegionUse::Free, "free", "Free" },
    { RegionUse::Image, "image", "Image" },
    { RegionUse::MappedFile, "mapped_file", "Mapped file" },
    { RegionUse::Shareable, "shareable", "Shareable" },
    { RegionUse::Heap, "heap", "Heap" },
    { RegionUse::ManagedHeap, "managed_heap", "Managed heap" },
    { RegionUse::Stack, "stack", "Stack" },
    { RegionUse::StackGuard, "stack_guard", "Stack guard" },
    { RegionUse::PrivateData, "private_data", "Private data" },
    { RegionUse::PageTable, "page_table", "Page table" },
    { RegionUse::Unusable, "unusable", "Unusable" },
} };

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view baseName(std::string_view path)
{
    auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The name glibc gives with glibc.mem.decorate_maps (2.39+): "[anon: glibc: malloc arena]" (the kernel
// prints "[anon:" then glibc's name, which starts with a space). Empty when not such a name.
std::string_view glibcName(std::string_view path)
{
    if (!startsWith(path, "[anon:") || !endsWith(path, "]"))
        return {};
    std::string_view name = path.substr(6, path.size() - 7);
    while (!name.empty() && name.front() == ' ')
        name.remove_prefix(1);
    return startsWith(name, "glibc: ") ? name.substr(7) : std::string_view {};
}

// Shared memory objects by the name the kernel gives them: memfd ("/memfd:NAME (deleted)"; "memfd:" on
// older kernels), SysV shm ("/SYSV0000abcd (deleted)"), POSIX shm (/dev/shm/NAME), shared anonymous
// memory ("/dev/zero (deleted)", "[anon_shmem:NAME]" when named) and shared hugetlb ("/anon_hugepage";
// mapped privately it is private memory).
bool isShmObjectName(std::string_view path, char sharing)
{
    return startsWith(path, "/memfd:") || startsWith(path, "memfd:") || startsWith(path, "/SYSV")
        || startsWith(path, "/dev/shm/") || path == "/dev/zero (deleted)" || startsWith(path, "[anon_shmem:")
        || (sharing == 's' && startsWith(path, "/anon_hugepage"));
}

// Anonymous private memory: no file, or only a name given with PR_SET_VMA_ANON_NAME.
bool isAnonPrivate(const Region &r)
{
    return r.type == RegionType::Private && r.inode == 0 && r.protection.sharing == 'p'
        && (r.path().empty() || startsWith(r.path(), "[anon:"));
}

bool parseJavaSize(std::string_view text, std::uint64_t &out)
{
    std::uint64_t v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr == text.data())
        return false;
    std::string_view unit = text.substr(std::size_t(r.ptr - text.data()));
    std::uint64_t mul = 1;
    if (unit == "k" || unit == "K")
        mul = kKiB;
    else if (unit == "m" || unit == "M")
        mul = kMiB;
    else if (unit == "g" || unit == "G")
        mul = kGiB;
    else if (unit == "t" || unit == "T")
        mul = kGiB * 1024;
    else if (!unit.empty())
        return false;
    out = v * mul;
    return true;
}

// What the process runs, recognised from its mappings and facts.
struct Runtime
{
    bool jvm = false;
    std::uint64_t javaHeap = 0; // the expected MaxHeapSize
    std::string javaHeapWhy;
    bool python = false;
    std::uint64_t pythonArena = 0;
    std::string pythonWhat;
    bool v8 = false;
    bool go = false;
};

Runtime recogniseRuntime(const Snapshot &s, const ProcessFacts &facts)
{
    Runtime rt;
    const std::string_view exe = baseName(facts.executablePath.empty() ? s.processName : facts.executablePath);
    std::string pythonLib;
    for (const Region &r : s.regions) {
        if (r.type != RegionType::Image)
            continue;
        std::string_view lib = baseName(r.path());
        if (lib == "libjvm.so")
            rt.jvm = true;
        if (startsWith(lib, "libpython3"))
            pythonLib = std::string(lib);
        if (startsWith(lib, "libnode.so") || startsWith(lib, "libv8"))
            rt.v8 = true;
    }
    if (exe == "java")
        rt.jvm = true;
    if (exe == "node" || exe == "nodejs")
        rt.v8 = true;
    rt.go = facts.goRuntime;

    // CPython: the version from the executable ("python3.11") or libpython3.11.so.
    std::string_view pyName;
    if (startsWith(exe, "python3"))
        pyName = exe.substr(6);
    else if (!pythonLib.empty())
        pyName = std::string_view(pythonLib).substr(9);
    if (!pyName.empty() || startsWith(exe, "python")) {
        rt.python = true;
        int minor = -1;
        if (startsWith(pyName, "3.")) {
            std::string_view m = pyName.substr(2);
            std::from_chars(m.data(), m.data() + m.size(), minor);
        }
        // Objects/obmalloc.c: ARENA_SIZE is 256 KiB up to 3.9 and 1 MiB from 3.10 (USE_LARGE_ARENAS).
        rt.pythonArena = (minor >= 0 && minor < 10) ? 256 * kKiB : kMiB;
        rt.pythonWhat = minor >= 0 ? "python 3." + std::to_string(minor) : std::string("python");
    }

    if (rt.jvm) {
        // The JVM's MaxHeapSize: -Xmx / -XX:MaxHeapSize, else MaxRAMPercentage (25 by default) of the RAM it
        // sees (physical memory, or the container's limit). Later options win, as in the JVM.
        std::uint64_t xmx = 0, maxRam = 0;
        double percent = 25;
        std::string xmxText;
        for (const std::string &a : facts.arguments) {
            std::string_view v = a;
            if (startsWith(v, "-Xmx") && parseJavaSize(v.substr(4), xmx))
                xmxText = a;
            else if (startsWith(v, "-XX:MaxHeapSize=") && parseJavaSize(v.substr(16), xmx))
                xmxText = a;
            else if (startsWith(v, "-XX:MaxRAM=")) {
                parseJavaSize(v.substr(11), maxRam);
            } else if (startsWith(v, "-XX:MaxRAMPercentage=")) {
                std::string text(v.substr(21));
                percent = std::atof(text.c_str());
            }
        }
        if (xmx) {
            rt.javaHeap = xmx;
            rt.javaHeapWhy = "matching " + xmxText;
        } else {
            std::uint64_t ram = facts.ramBytes;
            if (maxRam && (!ram || maxRam < ram))
                ram = maxRam;
            if (ram) {
                rt.javaHeap = static_cast<std::uint64_t>(static_cast<double>(ram) * percent / 100.0);
                char buf[64];
                std::snprintf(buf, sizeof buf, "%g%%", percent);
                rt.javaHeapWhy = "matching the JVM's default maximum heap (" + std::string(buf) + " of "
                    + formatBytes(ram) + " of RAM)";
            }
        }
    }
    return rt;
}

std::string sizeText(std::uint64_t bytes)
{
    return formatBytes(bytes);
}

class Classifier
{
public:
    Classifier(const Snapshot &s, const ProcessFacts &f)
        : m_s(s)
        , m_facts(f)
        , m_rt(recogniseRuntime(s, f))
        , m_out(s.regions.size())
    {
    }

    std::vector<UseInfo> run()
    {
        const auto &regions = m_s.regions;
        // Certain uses first: from the type, the labels, the names.
        for (std::size_t i = 0; i < regions.size(); ++i)
            m_decided.push_back(certain(i));
        // Then the rules that guess, most specific first.
        if (m_rt.jvm)
            javaHeap();
        glibcArenas();
        for (std::size_t i = 0; i < regions.size(); ++i) {
            if (m_decided[i])
                continue;
            const Region &r = regions[i];
            if (m_rt.python && pythonArena(r, i))
                continue;
            if (m_rt.v8 && v8Heap(r, i))
                continue;
            if (m_rt.go && goArena(r, i))
                continue;
            set(i, RegionUse::PrivateData);
        }
        return std::move(m_out);
    }

private:
    void set(std::size_t i, RegionUse use, std::string evidence = {}, std::int32_t tid = 0)
    {
        m_out[i].use = use;
        m_out[i].confidence = evidence.empty() ? UseConfidence::Certain : UseConfidence::Likely;
        m_out[i].evidence = std::move(evidence);
        m_out[i].tid = tid;
        m_decided[i] = true;
    }

    bool certain(std::size_t i)
    {
        const Region &r = m_s.regions[i];
        const std::string &path = r.path();
        auto use = [&](RegionUse u, std::int32_t tid = 0) {
            m_out[i].use = u;
            m_out[i].tid = tid;
            return true;
        };
        if (r.type == RegionType::Free) {
            // Windows: a free range starting off the 64 KiB allocation granularity and ending at or before
            // the next boundary is the slack of the allocation below it (splitUnusableSlack makes these).
            constexpr std::uint64_t g = 64 * kKiB;
            if (m_s.platform == "windows" && r.start % g != 0 && r.end <= (r.start / g + 1) * g)
                return use(RegionUse::Unusable);
            return use(RegionUse::Free);
        }
        if (r.type == RegionType::Image)
            return use(RegionUse::Image);
        if (r.labelKind == LabelKind::MainStack || r.labelKind == LabelKind::ThreadStack
            || r.labelKind == LabelKind::ThreadStackByPattern)
            return use(RegionUse::Stack, r.tid);
        if (r.labelKind == LabelKind::Guard)
            return use(RegionUse::StackGuard, r.tid);
        if (r.labelKind == LabelKind::Heap || path == "[heap]")
            return use(RegionUse::Heap);
        if (std::string_view g = glibcName(path); !g.empty()) {
            // glibc.mem.decorate_maps: "malloc arena" (a non-main arena's heap), "malloc" (an mmap'd chunk),
            // "loader malloc" (ld.so's), "pthread stack"/"pthread guard" (thread stacks).
            if (startsWith(g, "malloc") || startsWith(g, "loader malloc"))
                return use(RegionUse::Heap);
            if (startsWith(g, "pthread stack"))
                return use(RegionUse::Stack, r.tid);
            if (startsWith(g, "pthread guard"))
                return use(RegionUse::StackGuard, r.tid);
        }
        if (r.labelKind == LabelKind::Memfd || r.labelKind == LabelKind::SysvShm || r.labelKind == LabelKind::SharedAnon
            || isShmObjectName(path, r.protection.sharing))
            return use(RegionUse::Shareable);
        if (r.type == RegionType::Mapped) {
            // Windows: a section with no file behind it is backed by the page file: VMMap's Shareable.
            if (m_s.platform == "windows" && path.empty())
                return use(RegionUse::Shareable);
            if (r.protection.sharing == 's' && r.inode == 0)
                return use(RegionUse::Shareable);
            return use(RegionUse::MappedFile);
        }
        return false; // private memory: the rules below
    }

    // The Java heap: one contiguous run of anonymous mappings (with the CDS archive's heap regions,
    // classes.jsa, mapped inside it) whose total is the JVM's MaxHeapSize, rounded up to the heap
    // alignment (G1's region size, at most 32 MiB). Checked on OpenJDK 17: with -Xmx256m the heap is
    // [0xf0000000, 0x100000000), rw-p anonymous around two classes.jsa pieces; by default MaxHeapSize is
    // 25% of RAM (MaxRAMPercentage) rounded up to the region size. Only the anonymous pieces are marked.
    void javaHeap()
    {
        const std::uint64_t want = m_rt.javaHeap;
        if (!want)
            return;
        const auto &regions = m_s.regions;
        auto inRun = [](const Region &r) { return isAnonPrivate(r) || endsWith(r.path(), ".jsa"); };
        for (std::size_t i = 0; i < regions.size(); ++i) {
            if (m_decided[i] || !isAnonPrivate(regions[i]))
                continue;
            std::uint64_t total = 0;
            std::size_t j = i;
            for (; j < regions.size(); ++j) {
                if (j > i && (regions[j].start != regions[j - 1].end || !inRun(regions[j])))
                    break;
                if (m_decided[j] && !endsWith(regions[j].path(), ".jsa"))
                    break;
                total += regions[j].size();
                if (total >= want)
                    break;
            }
            if (j == regions.size() || total < want || total > want + 32 * kMiB)
                continue;
            const std::string evidence = "likely: the Java heap: a " + sizeText(total)
                + " run of anonymous mappings at " + hexAddress(regions[i].start) + " " + m_rt.javaHeapWhy
                + " in a JVM";
            for (std::size_t k = i; k <= j; ++k)
                if (!m_decided[k])
                    set(k, RegionUse::ManagedHeap, evidence);
            return; // one Java heap
        }
    }

    // glibc's non-main malloc arenas (malloc/arena.c new_heap): each heap is mmap'd at a HEAP_MAX_SIZE
    // (64 MiB on 64-bit) boundary as PROT_NONE and grown with mprotect, so it shows as an aligned rw-p
    // mapping followed at once by ---p, together exactly 64 MiB. Without decorate_maps (glibc < 2.39, or
    // the tunable off) this shape is the only evidence. glibc's mmap'd chunks (above the mmap threshold)
    // carry no marker: they stay Private data unless named "[anon: glibc: malloc]".
    void glibcArenas()
    {
        constexpr std::uint64_t kHeapMax = 64 * kMiB;
        const auto &regions = m_s.regions;
        for (std::size_t i = 0; i + 1 < regions.size(); ++i) {
            const Region &a = regions[i], &b = regions[i + 1];
            if (m_decided[i] || m_decided[i + 1] || !isAnonPrivate(a) || !isAnonPrivate(b))
                continue;
            if (a.start % kHeapMax != 0 || b.start != a.end || a.size() + b.size() != kHeapMax)
                continue;
            if (!(a.protection.read && a.protection.write) || b.protection.accessible())
                continue;
            if (m_rt.go)
                continue; // Go's own 64 MiB arenas look alike: goArena() says so instead
            const std::string evidence = "likely: a 64 MiB-aligned " + sizeText(a.size())
                + " rw-p region followed by its ---p reservation, together 64 MiB: a glibc malloc arena "
                  "(HEAP_MAX_SIZE)";
            set(i, RegionUse::Heap, evidence);
            set(i + 1, RegionUse::Heap, evidence);
            ++i;
        }
    }

    // CPython's obmalloc takes arenas of ARENA_SIZE (1 MiB from 3.10, 256 KiB before) with anonymous
    // mmap; the kernel merges neighbouring arenas into one mapping, so a whole number of arenas is the
    // shape. Checked on python 3.11: the arena count from sys._debugmallocstats() bounds what this finds.
    // A mapping that merged an arena with something else (a malloc chunk of another size) stays Private
    // data: nothing says which part is which.
    bool pythonArena(const Region &r, std::size_t i)
    {
        if (!isAnonPrivate(r) || !r.path().empty() || r.protection.toString() != "rw-p")
            return false;
        const std::uint64_t a = m_rt.pythonArena;
        if (r.size() < a || r.size() % a != 0)
            return false;
        set(i, RegionUse::ManagedHeap,
            "likely: CPython obmalloc arenas (" + std::to_string(r.size() / a) + " x " + sizeText(a)
                + " anonymous rw-p) in a " + m_rt.pythonWhat + " process");
        return true;
    }

    // V8 (node). With pointer compression the heap lives in a 4 GiB cage reserved at a 4 GiB boundary.
    // Debian's node 20 is built without it (process.config.variables.v8_enable_pointer_compression is 0):
    // then V8 takes its heap in 256 KiB pages (MemoryChunk), each mmap'd at a random 256 KiB-aligned hint
    // (large objects: bigger chunks, same alignment). Checked on node 20: the heap is dozens of such
    // 256 KiB rw-p mappings away from glibc's mmap area.
    bool v8Heap(const Region &r, std::size_t i)
    {
        if (!isAnonPrivate(r) || !r.path().empty())
            return false;
        if (r.start % (4 * kGiB) == 0 && r.size() >= 4 * kGiB) {
            set(i, RegionUse::ManagedHeap,
                "likely: V8's pointer-compression cage (a 4 GiB-aligned reservation) in a node process");
            return true;
        }
        if (r.start % (256 * kKiB) == 0 && r.size() >= 256 * kKiB) {
            set(i, RegionUse::ManagedHeap,
                "likely: V8 heap pages (256 KiB-aligned chunks mapped at random hints) in a node process");
            return true;
        }
        return false;
    }

    // Go (not testable here: no Go toolchain): the runtime reserves its heap in 64 MiB arenas
    // (heapArenaBytes on 64-bit Linux) at hints k<<40 | 0x00c000000000 (runtime/malloc.go mallocinit),
    // so the first heap is at 0xc000000000. facts.goRuntime says the executable has a .go.buildinfo section.
    // .NET (documented only): its GC reserves a large region range (256 GiB by default with regions, .NET 7+)
    // and names nothing; without a runtime to test, no rule claims it.
    bool goArena(const Region &r, std::size_t i)
    {
        if (!isAnonPrivate(r))
            return false;
        const Address low = r.start & ((Address(1) << 40) - 1);
        if (low < 0xc000000000ULL)
            return false;
        set(i, RegionUse::ManagedHeap,
            "likely: the Go heap (64 MiB arenas reserved from 0xc000000000) in a Go executable");
        return true;
    }

    const Snapshot &m_s;
    const ProcessFacts &m_facts;
    Runtime m_rt;
    std::vector<UseInfo> m_out;
    std::vector<bool> m_decided;
};

void addRegion(UseColumns &c, const UseColumns &r)
{
    c.size += r.size;
    c.committed += r.committed;
    c.privateBytes += r.privateBytes;
    c.totalWs += r.totalWs;
    c.privateWs += r.privateWs;
    c.shareableWs += r.shareableWs;
    c.sharedWs += r.sharedWs;
    c.lockedWs += r.lockedWs;
    c.blocks += r.blocks;
    c.largest = std::max(c.largest, r.largest);
    c.pss += r.pss;
    c.swap += r.swap;
}

std::uint64_t statusValue(std::string_view line)
{
    auto colon = line.find(':');
    std::string_view v = line.substr(colon + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
        v.remove_prefix(1);
    std::uint64_t n = 0;
    std::from_chars(v.data(), v.data() + v.size(), n);
    return endsWith(v, "kB") ? n * 1024 : n;
}

} // namespace

std::string_view regionUseKey(RegionUse use)
{
    auto i = static_cast<std::size_t>(use);
    return i < kUseKeys.size() ? kUseKeys[i].key : std::string_view {};
}

std::string_view regionUseName(RegionUse use)
{
    auto i = static_cast<std::size_t>(use);
    return i < kUseKeys.size() ? kUseKeys[i].name : std::string_view {};
}

bool regionUseFromKey(std::string_view key, RegionUse &out)
{
    for (const UseKey &k : kUseKeys) {
        if (k.key == key) {
            out = k.use;
            return true;
        }
    }
    return false;
}

ProcessFacts factsFromSnapshot(const Snapshot &s)
{
    ProcessFacts f;
    f.pid = s.pid;
    f.platform = s.platform.empty() ? std::string("linux") : s.platform;
    f.processName = s.processName;
    std::string_view cmd = s.commandLine;
    while (!cmd.empty()) {
        auto sp = cmd.find(' ');
        if (sp != 0)
            f.arguments.emplace_back(cmd.substr(0, sp));
        if (sp == std::string_view::npos)
            break;
        cmd.remove_prefix(sp + 1);
    }
    if (!f.arguments.empty() && startsWith(f.arguments[0], "/"))
        f.executablePath = f.arguments[0];
    for (const Region &r : s.regions)
        if (r.labelKind == LabelKind::Program) {
            f.executablePath = r.path();
            break;
        }
    return f;
}

bool parseStatusFacts(std::string_view text, ProcessFacts &f)
{
    bool any = false;
    forEachLine(text, [&](std::string_view line) {
        struct Field
        {
            std::string_view key;
            std::uint64_t *out;
        };
        for (const Field &fld : { Field { "VmRSS:", &f.vmRss }, Field { "RssAnon:", &f.rssAnon },
                 Field { "RssFile:", &f.rssFile }, Field { "RssShmem:", &f.rssShmem }, Field { "VmSwap:", &f.vmSwap },
                 Field { "VmPTE:", &f.vmPte }, Field { "VmLck:", &f.vmLck } }) {
            if (startsWith(line, fld.key)) {
                *fld.out = statusValue(line);
                any = true;
            }
        }
    });
    f.haveStatus = any;
    return any;
}

void parseShmemMounts(std::string_view text, ProcessFacts &f)
{
    // mountinfo: "ID PARENT MAJOR:MINOR ROOT POINT OPTIONS [TAGS...] - FSTYPE SOURCE SUPEROPTIONS"
    forEachLine(text, [&](std::string_view line) {
        auto dash = line.find(" - ");
        if (dash == std::string_view::npos)
            return;
        std::string_view fstype = line.substr(dash + 3);
        fstype = fstype.substr(0, fstype.find(' '));
        if (fstype != "tmpfs" && fstype != "shmem" && fstype != "hugetlbfs")
            return;
        std::string_view rest = line;
        for (int k = 0; k < 2; ++k)
            rest = rest.substr(std::min(rest.size(), rest.find(' ') + 1));
        std::string_view dev = rest.substr(0, rest.find(' '));
        auto colon = dev.find(':');
        if (colon == std::string_view::npos)
            return;
        std::uint32_t major = 0, minor = 0;
        std::from_chars(dev.data(), dev.data() + colon, major);
        std::from_chars(dev.data() + colon + 1, dev.data() + dev.size(), minor);
        f.shmemDevices.emplace_back(major, minor);
    });
}

std::vector<UseInfo> classifyUse(const Snapshot &snapshot, const ProcessFacts &facts)
{
    return Classifier(snapshot, facts).run();
}

void assignUses(Snapshot &snapshot, const ProcessFacts &facts)
{
    std::vector<UseInfo> uses = classifyUse(snapshot, facts);
    snapshot.useNotes.clear();
    for (std::size_t i = 0; i < uses.size(); ++i) {
        snapshot.regions[i].use = uses[i].use;
        if (uses[i].confidence == UseConfidence::Likely)
            snapshot.useNotes.push_back({ static_cast<std::uint32_t>(i), std::move(uses[i].evidence) });
    }
}

UseInfo useInfo(const Snapshot &snapshot, std::size_t index)
{
    UseInfo info;
    if (index >= snapshot.regions.size())
        return info;
    const Region &r = snapshot.regions[index];
    info.use = r.use;
    if (r.use == RegionUse::Stack || r.use == RegionUse::StackGuard)
        info.tid = r.tid;
    auto it = std::lower_bound(snapshot.useNotes.begin(), snapshot.useNotes.end(), index,
        [](const UseNote &n, std::size_t i) { return n.region < i; });
    if (it != snapshot.useNotes.end() && it->region == index) {
        info.confidence = UseConfidence::Likely;
        info.evidence = it->evidence;
    }
    return info;
}

void splitUnusableSlack(Snapshot &s, std::uint64_t g)
{
    std::size_t splits = 0;
    for (const Region &r : s.regions)
        splits += r.type == RegionType::Free && r.start % g != 0 && (r.start / g + 1) * g < r.end;
    if (!splits)
        return;
    std::vector<Region> out;
    out.reserve(s.regions.size() + splits);
    std::vector<std::uint32_t> newIndex(s.regions.size());
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
        Region r = std::move(s.regions[i]);
        const Address boundary = (r.start / g + 1) * g;
        if (r.type == RegionType::Free && r.start % g != 0 && boundary < r.end) {
            Region slack = r;
            slack.end = boundary;
            slack.use = RegionUse::Unusable;
            out.push_back(std::move(slack));
            r.start = boundary;
        }
        newIndex[i] = static_cast<std::uint32_t>(out.size());
        out.push_back(std::move(r));
    }
    s.regions = std::move(out);
    for (ExtraField &e : s.extras)
        e.region = newIndex[e.region];
    for (UseNote &n : s.useNotes)
        n.region = newIndex[n.region];
}

bool isShmemBacked(const Region &r, const ProcessFacts &facts)
{
    if (r.type == RegionType::Free)
        return false;
    if (isShmObjectName(r.path(), r.protection.sharing))
        return true;
    if (r.inode == 0)
        return false;
    return std::find(facts.shmemDevices.begin(), facts.shmemDevices.end(), std::make_pair(r.devMajor, r.devMinor))
        != facts.shmemDevices.end();
}

UseColumns useColumnsOf(const Region &r)
{
    UseColumns c;
    c.size = r.size();
    c.committed = r.state == RegionState::Committed ? r.size() : 0;
    c.privateWs = r.counter(Counter::PrivateClean) + r.counter(Counter::PrivateDirty);
    c.privateBytes = c.privateWs;
    c.totalWs = r.counter(Counter::Rss);
    c.shareableWs = c.totalWs - std::min(c.totalWs, r.counter(Counter::Anonymous));
    c.sharedWs = r.counter(Counter::SharedClean) + r.counter(Counter::SharedDirty);
    c.lockedWs = r.counter(Counter::Locked);
    c.blocks = 1;
    c.largest = r.size();
    c.pss = r.counter(Counter::Pss);
    c.swap = r.counter(Counter::Swap);
    return c;
}

UseTotals computeUseTotals(const Snapshot &snapshot, const ProcessFacts &facts)
{
    UseTotals t;
    for (const Region &r : snapshot.regions) {
        const UseColumns c = useColumnsOf(r);
        addRegion(t.byUse[static_cast<std::size_t>(r.use)], c);
        if (r.use != RegionUse::Free && r.use != RegionUse::Unusable)
            addRegion(t.total, c);
    }
    if (facts.haveStatus) {
        // The page tables are the kernel's memory, private to the process and always resident.
        UseColumns &pt = t.byUse[static_cast<std::size_t>(RegionUse::PageTable)];
        pt.size = pt.committed = pt.privateBytes = pt.totalWs = pt.privateWs = facts.vmPte;
        t.pageTableKnown = true;
    }
    return t;
}

std::vector<ReconciliationLine> reconcile(const Snapshot &snapshot, const UseTotals &totals, const ProcessFacts &facts)
{
    std::uint64_t anon = 0, file = 0, shmem = 0, swap = 0, shmemSwap = 0;
    for (const Region &r : snapshot.regions) {
        if (r.type == RegionType::Free)
            continue;
        const std::uint64_t rss = r.counter(Counter::Rss), a = std::min(rss, r.counter(Counter::Anonymous));
        anon += a;
        if (isShmemBacked(r, facts)) {
            shmem += rss - a;
            shmemSwap += r.counter(Counter::Swap);
        } else {
            file += rss - a;
            swap += r.counter(Counter::Swap);
        }
    }
    const UseColumns &all = totals.total;
    const UseColumns &heap = totals.of(RegionUse::Heap);
    // Each explanation is a pattern marked for translation (the window's words) and what goes in it.
    auto line = [&](std::string name, std::string ours, std::uint64_t regions, std::uint64_t kernel,
                    const char *pattern, std::vector<std::string> args = {}) {
        ReconciliationLine l { std::move(name), std::move(ours), regions, kernel, facts.haveStatus,
            fillPattern(pattern, args), pattern, std::move(args) };
        return l;
    };
    std::vector<ReconciliationLine> out;
    out.push_back(line("VmRSS", "Total WS: RSS of every region", all.totalWs, facts.vmRss,
        QT_TRANSLATE_NOOP("Usage",
            "ps's RSS = RssAnon + RssFile + RssShmem. RSS counts a shared page in full in every process that maps "
            "it; PSS divides it among them: PSS here is %1, %2 less. Private WS (USS) %3 is what freeing this "
            "process alone would give back."),
        { formatBytes(all.pss), formatBytes(all.totalWs - std::min(all.totalWs, all.pss)),
            formatBytes(all.privateWs) }));
    out.push_back(line("RssAnon", "anonymous pages of every region", anon, facts.rssAnon,
        QT_TRANSLATE_NOOP("Usage",
            "anonymous pages: heap, stacks, private data, and the private copies made when a private file mapping "
            "is written (copy-on-write). Heap WS here is %1: a heap profiler counts the bytes malloc handed out, "
            "not the pages touched, so it shows less (pages of freed chunks stay resident) or more (allocated but "
            "never touched pages are not in RAM)."),
        { formatBytes(heap.totalWs) }));
    out.push_back(line("RssFile", "file pages in RAM (RSS minus anonymous) of non-shmem regions", file, facts.rssFile,
        QT_TRANSLATE_NOOP("Usage",
            "page-cache pages of images and mapped files (and the vDSO): shareable with every process mapping the "
            "same file, and dropped rather than swapped under pressure.")));
    out.push_back(
        line("RssShmem", "RSS of memfd, SysV shm, /dev/shm, tmpfs and shared anonymous regions", shmem, facts.rssShmem,
            QT_TRANSLATE_NOOP("Usage",
                "shared memory pages (the Shareable use and files on tmpfs): counted once per process mapping them, "
                "like file pages, but they can only go to swap, not back to a file.")));
    out.push_back(line("VmSwap", "swap of non-shmem regions", swap, facts.vmSwap,
        QT_TRANSLATE_NOOP("Usage",
            "anonymous pages written to swap (the page file). Swapped shmem pages (%1 here) show in the regions' "
            "Swap but not in VmSwap: they belong to the shared object, not the process."),
        { formatBytes(shmemSwap) }));
    out.push_back(line("VmPTE", "the Page table row", totals.of(RegionUse::PageTable).size, facts.vmPte,
        QT_TRANSLATE_NOOP("Usage",
            "the page tables that map this process's pages: kernel memory, not in RSS and not in any region.")));
    return out;
}

const std::vector<std::string_view> &useTotalsCsvColumns()
{
    static const std::vector<std::string_view> cols = { "use", "name", "size", "committed", "private", "total_ws",
        "private_ws", "shareable_ws", "shared_ws", "locked_ws", "blocks", "largest", "pss", "swap", "host" };
    return cols;
}

std::string useTotalsToCsv(const UseTotals &t, std::string_view host)
{
    std::string hostCell;
    appendCsvCell(hostCell, escapeCsvText(host));
    std::string out;
    for (std::string_view c : useTotalsCsvColumns()) {
        if (!out.empty())
            out += ',';
        out.append(c);
    }
    out += '\n';
    auto row = [&out, &hostCell](std::string_view key, std::string_view name, const UseColumns &c) {
        out.append(key);
        out += ',';
        out.append(name);
        for (std::uint64_t v : { c.size, c.committed, c.privateBytes, c.totalWs, c.privateWs, c.shareableWs, c.sharedWs,
                 c.lockedWs, c.blocks, c.largest, c.pss, c.swap })
            out += ',' + std::to_string(v);
        out += ',';
        out.append(hostCell);
        out += '\n';
    };
    for (std::size_t i = 0; i < kRegionUseCount; ++i) {
        auto u = static_cast<RegionUse>(i);
        row(regionUseKey(u), regionUseName(u), t.byUse[i]);
    }
    row("total", "Total", t.total);
    return out;
}

} // namespace vmatlas
