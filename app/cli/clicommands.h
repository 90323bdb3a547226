#pragma once

// What the subcommands in their own files (summarycmd.cpp) share with cli.cpp, which defines the helpers
// and holds the one table of commands.
#include "argparser.h"
#include "cli.h"

#include <optional>
#include <string>
#include <vector>

namespace vmatlas::cli {

// Prints "vmatlas: MESSAGE" and returns the error's exit code.
int failWith(Streams s, const Error &error);
// Prints the usage error and the hint to --help; returns ExitUsage.
int usageFailure(Streams s, const std::string &command, const std::string &message);
// --help, bad options and stray arguments, as every command does them; a value: the command is done.
// positionals: arguments besides the options are the command's (otherwise a usage error).
std::optional<int> parseSubcommand(const char *name, ArgParser &p, const std::vector<std::string> &args, Streams s,
    const char *description, bool positionals = false);
// parseSubcommand, then the required --pid: a value when the command is done (help, or a usage error).
std::optional<int> parseWithPid(const char *command, ArgParser &p, const std::vector<std::string> &args, Streams s,
    const char *description, long long &pid, bool positionals = false);
// Fails early when path ("-": standard output) could not be written at all.
Status checkOutputWritable(const std::string &path);
// Writes data to path atomically, or to the output stream for "-".
Status writeToOutput(Streams s, const std::string &path, const std::string &data);

// summarycmd.cpp
int cmdSummary(const std::vector<std::string> &args, Streams s);
int cmdLimits(const std::vector<std::string> &args, Streams s);
// The summary's text or CSV of a process on this machine (what `vmatlas serve` answers too).
Result<std::string> summaryOutput(Pid pid, bool csv);

// servecmd.cpp: `vmatlas serve`, the remote end of --host.
int cmdServe(const std::vector<std::string> &args, Streams s);

// postmortemcmd.cpp
int cmdDump(const std::vector<std::string> &args, Streams s);
// The snapshot and the pages of a core file or minidump.
Result<Snapshot> loadDumpSnapshot(const std::string &path);
Result<std::vector<PageInfo>> readDumpPages(const std::string &path, Address start, Address end);

// insidecmd.cpp: looking inside and acting (issue 13)
int cmdRead(const std::vector<std::string> &args, Streams s);
int cmdStrings(const std::vector<std::string> &args, Streams s);
int cmdFind(const std::vector<std::string> &args, Streams s);
int cmdWhere(const std::vector<std::string> &args, Streams s);
int cmdTrim(const std::vector<std::string> &args, Streams s);
int cmdMark(const std::vector<std::string> &args, Streams s);

} // namespace vmatlas::cli
