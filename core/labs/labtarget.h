#pragma once

#include "model.h"
#include "result.h"

#include <memory>
#include <string>
#include <vector>

namespace vmatlas {

// A small separate process that the labs act in (`vmatlas lab-target`), driven over a pipe with one
// line per command and one line per reply ("ok VALUES..." or "error MESSAGE"; see labprotocol.h). It
// dies with its parent (PR_SET_PDEATHSIG on Linux, a kill-on-close job object on Windows) and removes
// everything it made when it ends. The commands are the labs' system calls: the list is each
// platform's Server::handle, in platform/linux/linuxlabtarget.cpp and platform/windows/windowslabtarget.cpp.
class LabTarget
{
public:
    // Starts `executable lab-target`. executable is the vmatlas binary.
    static Result<std::unique_ptr<LabTarget>> start(const std::string &executable);
    ~LabTarget();
    LabTarget(const LabTarget &) = delete;
    LabTarget &operator=(const LabTarget &) = delete;

    Pid pid() const;
    bool alive() const;
    // Sends a command, returns the reply's values (after "ok").
    Result<std::vector<std::string>> call(const std::string &command);
    // Ends the process (asks, then kills) and reaps it.
    void stop();

private:
    // The process and its pipes, defined by each platform.
    struct Impl;
    explicit LabTarget(std::unique_ptr<Impl> impl);
    // Both platforms: the target is ready when it says so (its first line), else it did not start.
    static Result<std::unique_ptr<LabTarget>> awaitReady(
        std::unique_ptr<LabTarget> target, const std::string &executable);
    std::unique_ptr<Impl> d;
};

// The lab target's command loop on standard input and output; returns the exit code. args are the
// arguments after "lab-target" (Windows uses "--probe-write SECTION" for a disposable writer).
int runLabTargetServer(const std::vector<std::string> &args = {});

// The bytes a lab target's program keeps in its initialised data (for the image-sharing lab).
constexpr std::size_t kLabImageDataSize = 2 * 4096;

} // namespace vmatlas
