#pragma once

#include "labs/labtarget.h"
#include "model.h"
#include "result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vmatlas {

// One argument of a lab's report; page counts ("3 file, 1 anon", "none 512 → anon 512") are marked so that
// the window can put their state words in the user's language.
struct LabArg
{
    std::string text;
    bool pageCounts = false;
};

// What a lab step did, and where to look.
struct LabStepResult
{
    std::string happened; // one line: "step K: WHAT HAPPENED" is printed from it
    // The same line as a pattern with %1…%n, marked for translation in context "Lab", and its arguments.
    std::string pattern;
    std::vector<LabArg> args;
    Address focusStart = 0; // the lab's region in target A (pages of it are shown)
    Address focusEnd = 0;
    Address focusStartB = 0; // and in target B, for labs with a second process
    Address focusEndB = 0;
    Address changed = 0; // the first byte the step wrote, in target A's addresses (0: none): shown in the bytes
};

class LabSession;

// happened made from pattern and args (%1…%n replaced in order).
LabStepResult labReport(const char *pattern, std::vector<LabArg> args, Address focusStart, Address focusEnd,
    Address focusStartB = 0, Address focusEndB = 0);

struct LabStep
{
    std::string title; // the button's text
    std::string explanation; // what happens, with the Linux mechanism and the Windows idea
    std::function<Result<LabStepResult>(LabSession &)> run;
};

struct LabDefinition
{
    std::string name; // reserve-commit, shared-section, ...
    std::string title;
    std::string summary; // the idea, in two or three sentences
    std::vector<LabStep> steps;
    bool onWindows = true; // false: needs Linux (fork, MADV_PAGEOUT)
    std::uint64_t defaultSize = 0; // the main size in bytes when none is given; 0: one page
    // What the size is of, when not the lab's one range (context "Lab"): the page-out lab maps two parts of the
    // size, so a Size of 2048 KiB is a range of 4 MiB.
    const char *sizeLabel = nullptr;
    bool sizeAdjustable = true; // false: the lab ignores the size (image-sharing)
    bool secondProcess = false; // true: the steps start a process B (LabSession::pidB() becomes non-zero)
};

// The labs this platform can run.
const std::vector<LabDefinition> &allLabs();
const LabDefinition *findLab(const std::string &name);

struct LabOptions
{
    std::uint64_t size = 0; // the lab's main size in bytes; 0: the lab's default
};

// One run of a lab: its target processes, its temporary files, and the addresses it made.
class LabSession
{
public:
    static Result<std::unique_ptr<LabSession>> start(
        const std::string &labName, const std::string &executable, LabOptions options = {});
    ~LabSession();

    const LabDefinition &lab() const { return *m_lab; }
    int stepCount() const { return int(m_lab->steps.size()); }
    int nextStep() const { return m_next; } // 0-based
    bool finished() const { return m_next >= stepCount(); }
    Result<LabStepResult> runNextStep();

    LabTarget &a() { return *m_a; }
    LabTarget *b() { return m_b.get(); }
    Pid pidA() const { return m_a ? m_a->pid() : 0; }
    // Target B, or the child a lab forked (fork-cow), or 0.
    Pid pidB() const;
    Status startB();
    const std::string &tempDir() const { return m_tempDir; }
    std::uint64_t size() const { return m_size; }
    std::uint32_t pageSize() const { return m_pageSize; }

    // Values the steps share (addresses, descriptors), by name.
    std::map<std::string, std::string> vars;
    Address address(const std::string &name) const;
    std::string executable() const { return m_executable; }

private:
    LabSession() = default;
    const LabDefinition *m_lab = nullptr;
    std::string m_executable;
    std::unique_ptr<LabTarget> m_a, m_b;
    std::string m_tempDir;
    std::uint64_t m_size = 0;
    std::uint32_t m_pageSize = 4096;
    int m_next = 0;
};

// Checks a lab size: at least a page, a whole number of pages, at most 1 GiB.
Status validateLabSize(std::uint64_t bytes, std::uint32_t pageSize);

} // namespace vmatlas
