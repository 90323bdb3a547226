#pragma once

#include "model.h"
#include "result.h"

#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vmatlas::cli {

// Exit codes of the CLI (documented in the README).
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1, // anything else
    ExitUsage = 2, // bad arguments
    ExitNoProcess = 3, // no such process, or it exited
    ExitPermission = 4, // ptrace-read access missing
    ExitIo = 5, // an input or output file could not be read or written
    ExitRemote = 6, // a remote host (--host) could not be reached, refused the login, or its vmatlas failed
};
int exitCodeFor(const Error &error);

// Where the CLI writes; tests pass their own streams.
struct Streams
{
    std::FILE *out = stdout;
    std::FILE *err = stderr;
};

// True when args[0] names a subcommand (snapshot, pages, ps, diff, summary, limits, read, strings, find, where,
// trim, mark, serve, dump, lab, lab-target, help, --help, -h, --version).
bool isCliInvocation(const std::vector<std::string> &args);

// Runs a subcommand; args exclude the program name.
int run(const std::vector<std::string> &args, Streams streams = {});

// The GUI library renders PNGs; it registers itself here when it is linked (the CLI stays Qt-free).
// highlight: a range to outline on the map (start == end: none); with its pages, the map zooms to them and
// draws each page's state (the labs' step-K.png).
using PngRenderer = std::function<Status(const Snapshot &, const std::string &path, int width, int height,
    std::pair<Address, Address> highlight, const std::vector<PageInfo> &pages)>;
void setPngRenderer(PngRenderer renderer);

} // namespace vmatlas::cli
