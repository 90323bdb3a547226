#pragma once

#include "result.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace vmatlas {

// Receives output a piece at a time; returns false to stop (the write failed).
using ChunkSink = std::function<bool(std::string_view)>;

// A file that appears whole or not at all: written to a temporary in the same folder, flushed, then
// renamed over the target by commit(). A target that is not a regular file (/dev/stdout, a FIFO, a
// terminal) is written directly. Destroyed without commit(), it leaves nothing behind, and an earlier
// file of that name is untouched. Messages name the file and the cause.
class AtomicFile
{
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    Status open();
    bool write(std::string_view data); // false after the first error; commit() reports it
    Status commit();
    const std::string &path() const { return m_path; }

private:
    struct Impl;
    std::string m_path;
    std::unique_ptr<Impl> m_impl;
};

// The whole of data, through an AtomicFile.
Status writeFileAtomically(const std::string &path, std::string_view data);
// What produce() hands to its sink, through an AtomicFile.
Status writeFileAtomically(const std::string &path, const std::function<bool(const ChunkSink &)> &produce);

// Reads a whole file; the message names the file and the cause.
Result<std::string> readWholeFile(const std::string &path);

} // namespace vmatlas
