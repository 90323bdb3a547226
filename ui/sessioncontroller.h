#pragma once

#include "frame.h"
#include "livetier.h"
#include "model.h"
#include "result.h"
#include "sampler.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace vmatlas::ui {

// Where a session's data comes from. The platform's readers by default; tests give recorded snapshots.
struct SessionSources
{
    std::function<Result<Snapshot>(Pid)> readSnapshot;
    // The live tier (livetier.h): layout and residency only. May be empty: every tick is then a full read.
    std::function<Result<Snapshot>(Pid)> readLive;
    std::function<Result<std::vector<PageInfo>>(Pid, Address, Address)> readPages;
    std::function<Result<Snapshot>(const std::string &path)> loadFile;
    // The process's status counters for the use summary (VmPTE, RssAnon…); may be empty (tests).
    std::function<Result<ProcessFacts>(Pid)> readFacts;
    // The pages a core dump or minidump holds (postmortem.h); may be empty (tests).
    std::function<Result<std::vector<PageInfo>>(const std::string &path, Address, Address)> readFilePages;
    // The processes the picker lists (this machine's by default, a remote host's with --host).
    std::function<Result<std::vector<ProcessInfo>>()> listProcesses;
    std::string host; // the remote host read (empty: this machine)

    static SessionSources platform();
};

// What the window is looking at: a live process, sampled on a schedule off the GUI thread, or a saved
// snapshot. Each snapshot arrives as a frame, its diff against the previous one and its totals computed on
// the sampler's thread or a worker. Results arrive as signals on the GUI thread; stale ones (from a previous
// target or an older request) are dropped by generation counters.
class SessionController : public QObject
{
    Q_OBJECT

public:
    explicit SessionController(QObject *parent = nullptr);
    explicit SessionController(SessionSources sources, QObject *parent = nullptr);
    ~SessionController() override;

    // Reads the process once (the first frame, or a precise error), then samples it on the schedule.
    void attach(Pid pid);
    void openFile(const QString &path); // loaded in the background
    // Loads a saved snapshot and diffs it against `shown` on a worker: comparisonReady or compareFailed.
    void compareWith(const QString &path, SnapshotPtr shown);
    void detach();
    Pid pid() const { return m_pid; }
    bool live() const { return m_sampler != nullptr; }
    bool exited() const { return m_exited; } // the live process has exited (its last frame stays)
    QString error() const { return m_error; } // why the process could not be read; empty while it can
    QString fileName() const { return m_file; }
    const SessionSources &sources() const { return m_sources; }
    // The file shown is a core dump or a minidump: its pages come from it.
    bool fileHasPages() const { return m_fileHasPages; }

    void setIntervalMs(int ms); // 0: off (paused); pausing reads the counters in full once
    int intervalMs() const { return m_intervalMs; }
    void sampleNow(); // a full read, now
    // The next scheduled read is a full one (a region was selected: its counters should be fresh).
    void wantFullCounters();
    // The frames of the live session, oldest first: up to kHistoryFrames, the newest whole within
    // kHistoryBytes, older ones thinned to their totals (isThin) so the timeline keeps them at little cost.
    const std::deque<FramePtr> &history() const { return m_history; }
    static bool isThin(const FramePtr &frame) { return frame->snapshot->regions.empty(); }
    static constexpr std::size_t kHistoryFrames = 600;
    static constexpr std::size_t kHistoryBytes = std::size_t(96) << 20;

    // Pages of the non-free regions of snapshot overlapping [start, end); channel comes back with them.
    // Channel 0 is a selection (everything, up to 16 Mi pages); others are the map's view, which skips
    // parts over 4 GiB (drawn as breaks).
    void requestPages(SnapshotPtr snapshot, Address start, Address end, int channel);
    // What any user may read of a process whose address space is off limits (Linux: /proc/PID/status), in the
    // background: statusOnlyArrived.
    void readStatusOnly(Pid pid);

signals:
    void frameArrived(vmatlas::FramePtr frame);
    void readingChanged(bool reading); // a snapshot is being read (for a busy indicator)
    void targetExited(const QString &message, vmatlas::Pid pid);
    void failed(int errorCode, const QString &message, vmatlas::Pid pid);
    void fileFailed(const QString &message);
    void comparisonReady(vmatlas::FramePtr frame, const QString &path);
    void compareFailed(const QString &message);
    void pagesArrived(int channel, vmatlas::Address start, vmatlas::Address end, std::vector<vmatlas::PageInfo> pages);
    void pagesFailed(int channel, const QString &message);
    void statusOnlyArrived(vmatlas::Pid pid, const std::vector<std::pair<std::string, std::string>> &fields);

private:
    void stopSampler();
    void startSampler(Pid pid, SnapshotPtr first, std::int64_t firstTookMs);
    void addToHistory(FramePtr frame);
    void reportExit(Pid pid);

    SessionSources m_sources;
    std::unique_ptr<Sampler> m_sampler;
    std::shared_ptr<TieredReader> m_tiered;
    std::size_t m_wholeBytes = 0; // of the history's frames that are not thin
    Pid m_pid = 0;
    QString m_file;
    bool m_fileHasPages = false;
    int m_intervalMs = 1000;
    bool m_exited = false;
    QString m_error;
    std::deque<FramePtr> m_history;
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
    int m_compareGeneration = 0;
    std::vector<int> m_pageGeneration = std::vector<int>(4, 0);
};

} // namespace vmatlas::ui
