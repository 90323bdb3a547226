#pragma once

#include "model.h"
#include "result.h"

#include <memory>
#include <string>
#include <vector>

namespace vmatlas {

// A small separate process that the labs act in (`vmatlas lab-target`), driven over a pipe with one
// line per command and one line per reply ("ok VALUES..." or "error MESSAGE"). It dies with its
// parent (PR_SET_PDEATHSIG on Linux) and removes everything it made when it ends. The commands are
// the labs' system calls; see labtargetserver in the platform folder for the list.
class LabTarget
{
public:
    // Starts `executable lab-target`. executable is the vmatlas binary.
    static Result<std::unique_ptr<LabTarget>> start(const std::string &executable);
    ~LabTarget();
    LabTarget(const LabTarget &) = delete;
    LabTarget &operator=(const LabTarget &) = delete;

    Pid pid() const { return m_pid; }
    bool alive() const;
    // Sends a command, returns the reply's values (after "ok").
    Result<std::vector<std::string>> call(const std::string &command);
    // Ends the process (asks, then kills) and reaps it.
    void stop();

private:
    LabTarget() = default;
    Pid m_pid = 0;
    int m_in = -1; // we write commands
    int m_out = -1; // we read replies
    std::string m_buffer;
};

// The lab target's command loop on standard input and output; returns the exit code. args are the
// arguments after "lab-target" (Windows uses "--probe-write SECTION" for a disposable writer).
int runLabTargetServer(const std::vector<std::string> &args = {});

// The bytes a lab target's program keeps in its initialised data (for the image-sharing lab).
constexpr std::size_t kLabImageDataSize = 2 * 4096;

} // namespace vmatlas
