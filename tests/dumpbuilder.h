#pragma once

// Small ELF cores and minidumps built byte by byte, for the post-mortem tests (well-formed and malformed).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vmatlas::test {

inline void put(std::string &s, std::size_t at, std::uint64_t v, int bytes)
{
    if (s.size() < at + std::size_t(bytes))
        s.resize(at + std::size_t(bytes), '\0');
    for (int i = 0; i < bytes; ++i) // little-endian; bytes past the eighth (a wider zero field) are 0
        s[at + std::size_t(i)] = i < 8 ? char((v >> (8 * i)) & 0xff) : '\0';
}
inline void append(std::string &s, std::uint64_t v, int bytes)
{
    put(s, s.size(), v, bytes);
}

struct CoreSegment
{
    std::uint64_t vaddr = 0, memsz = 0, filesz = 0;
    std::uint32_t flags = 4; // PF_R
};
struct CoreFile
{
    std::uint64_t start = 0, end = 0, pageOffset = 0;
    std::string path;
};

// An x86-64 ELF core: PT_NOTE (NT_PRPSINFO, NT_PRSTATUS of the main thread, NT_FILE) then the PT_LOADs, their bytes
// after the headers.
inline std::string buildElfCore(const std::vector<CoreSegment> &segments, const std::vector<CoreFile> &files,
    int pid = 4242, std::uint64_t mainSp = 0, const std::string &comm = "demo", const std::string &args = "demo --x")
{
    auto note = [](std::uint32_t type, const std::string &desc) {
        std::string n;
        append(n, 5, 4);
        append(n, desc.size(), 4);
        append(n, type, 4);
        n += std::string("CORE\0\0\0\0", 8);
        n += desc;
        while (n.size() % 4)
            n += '\0';
        return n;
    };
    std::string prpsinfo(136, '\0');
    put(prpsinfo, 24, std::uint64_t(pid), 4);
    prpsinfo.replace(40, comm.size(), comm);
    prpsinfo.replace(56, args.size(), args);
    std::string prstatus(336, '\0');
    put(prstatus, 32, std::uint64_t(pid), 4);
    put(prstatus, 112 + 19 * 8, mainSp, 8);
    std::string ntfile;
    append(ntfile, files.size(), 8);
    append(ntfile, 4096, 8);
    for (const CoreFile &f : files) {
        append(ntfile, f.start, 8);
        append(ntfile, f.end, 8);
        append(ntfile, f.pageOffset, 8);
    }
    for (const CoreFile &f : files)
        ntfile += f.path + '\0';
    const std::string notes = note(3, prpsinfo) + note(1, prstatus) + note(0x46494c45, ntfile);

    const std::uint64_t phnum = 1 + segments.size();
    std::string core(64, '\0');
    core.replace(0, 4,
        "\x7f"
        "ELF");
    core[4] = 2;
    core[5] = 1;
    core[6] = 1;
    put(core, 16, 4, 2); // ET_CORE
    put(core, 18, 62, 2); // x86-64
    put(core, 20, 1, 4);
    put(core, 32, 64, 8); // e_phoff
    put(core, 52, 64, 2);
    put(core, 54, 56, 2);
    put(core, 56, phnum, 2);
    std::uint64_t data = 64 + phnum * 56;
    auto phdr = [&](std::uint32_t type, std::uint32_t flags, std::uint64_t offset, std::uint64_t vaddr,
                    std::uint64_t filesz, std::uint64_t memsz) {
        append(core, type, 4);
        append(core, flags, 4);
        append(core, offset, 8);
        append(core, vaddr, 8);
        append(core, 0, 8);
        append(core, filesz, 8);
        append(core, memsz, 8);
        append(core, 1, 8);
    };
    phdr(4, 4, data, 0, notes.size(), 0);
    std::uint64_t at = data + notes.size();
    for (const CoreSegment &s : segments) {
        phdr(1, s.flags, at, s.vaddr, s.filesz, s.memsz);
        at += s.filesz;
    }
    core += notes;
    for (const CoreSegment &s : segments)
        core += std::string(std::size_t(s.filesz), '\x5a');
    return core;
}

struct DumpRegion
{
    std::uint64_t base = 0, allocationBase = 0;
    std::uint32_t allocationProtect = 0;
    std::uint64_t size = 0;
    std::uint32_t state = 0, protect = 0, type = 0;
};
struct DumpModule
{
    std::uint64_t base = 0;
    std::uint32_t size = 0;
    std::string name; // ASCII
};

// A minidump: MemoryInfoListStream, ModuleListStream, Memory64ListStream (ranges with 0x5a bytes), MiscInfoStream
// (the PID) and SystemInfoStream (AMD64).
inline std::string buildMinidump(const std::vector<DumpRegion> &regions, const std::vector<DumpModule> &modules,
    const std::vector<std::pair<std::uint64_t, std::uint64_t>> &memory, std::uint32_t pid = 4242)
{
    std::vector<std::pair<std::uint32_t, std::string>> streams;
    std::string info;
    append(info, 16, 4);
    append(info, 48, 4);
    append(info, regions.size(), 8);
    for (const DumpRegion &r : regions) {
        append(info, r.base, 8);
        append(info, r.allocationBase, 8);
        append(info, r.allocationProtect, 4);
        append(info, 0, 4);
        append(info, r.size, 8);
        append(info, r.state, 4);
        append(info, r.protect, 4);
        append(info, r.type, 4);
        append(info, 0, 4);
    }
    streams.emplace_back(16, info);
    std::string misc;
    append(misc, 24, 4);
    append(misc, 1, 4);
    append(misc, pid, 4);
    append(misc, 0, 12);
    streams.emplace_back(15, misc);
    std::string sys(56, '\0');
    put(sys, 0, 9, 2);
    streams.emplace_back(7, sys);

    // Layout: header, directory, streams, module names, memory.
    const std::size_t count = streams.size() + 2;
    std::string out(32, '\0');
    out.replace(0, 4, "MDMP");
    put(out, 4, 0xa793, 4);
    put(out, 8, count, 4);
    put(out, 12, 32, 4);
    put(out, 20, 1700000000, 4);
    const std::size_t dirAt = 32;
    out.resize(dirAt + count * 12, '\0');
    std::size_t entry = 0;
    auto addStream = [&](std::uint32_t type, const std::string &bytes) {
        const std::size_t at = out.size();
        out += bytes;
        put(out, dirAt + entry * 12, type, 4);
        put(out, dirAt + entry * 12 + 4, bytes.size(), 4);
        put(out, dirAt + entry * 12 + 8, at, 4);
        ++entry;
    };
    for (const auto &[type, bytes] : streams)
        addStream(type, bytes);
    // Module list: names placed right after it.
    std::string list;
    append(list, modules.size(), 4);
    list.resize(4 + modules.size() * 108, '\0');
    const std::size_t listAt = out.size();
    std::size_t nameAt = listAt + list.size();
    std::string names;
    for (std::size_t i = 0; i < modules.size(); ++i) {
        put(list, 4 + i * 108, modules[i].base, 8);
        put(list, 4 + i * 108 + 8, modules[i].size, 4);
        put(list, 4 + i * 108 + 20, nameAt + names.size(), 4);
        append(names, modules[i].name.size() * 2, 4);
        for (char c : modules[i].name)
            append(names, std::uint8_t(c), 2);
        append(names, 0, 2);
    }
    addStream(4, list);
    out += names;
    // Memory64List: descriptors, then the bytes from BaseRva on.
    std::string mem;
    append(mem, memory.size(), 8);
    append(mem, 0, 8);
    for (const auto &[start, size] : memory) {
        append(mem, start, 8);
        append(mem, size, 8);
    }
    const std::size_t memAt = out.size();
    put(mem, 8, memAt + mem.size(), 8);
    addStream(9, mem);
    for (const auto &range : memory)
        out += std::string(std::size_t(range.second), '\x5a');
    return out;
}

} // namespace vmatlas::test
