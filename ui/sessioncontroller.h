#pragma once

#include "model.h"
#include "result.h"
#include "sampler.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace vmatlas::ui {

// What the window is looking at: a live process, sampled on a schedule off the GUI thread, or a saved
// snapshot. Results arrive as signals on the GUI thread; stale ones (from a previous target or an
// older request) are dropped by generation counters.
class SessionController : public QObject
{
    Q_OBJECT

public:
    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    void attach(Pid pid);
    void openFile(const QString &path); // loaded in the background
    void detach();
    Pid pid() const { return m_pid; }
    bool live() const { return m_sampler != nullptr; }
    QString fileName() const { return m_file; }

    void setIntervalMs(int ms); // 0: off (paused)
    int intervalMs() const { return m_intervalMs; }
    void sampleNow();
    std::deque<SnapshotPtr> history() const;

    // Pages of the non-free regions of snapshot overlapping [start, end); channel comes back with them.
    // Channel 0 is a selection (everything, up to 16 Mi pages: 64 GiB of 4 KiB pages); others are the map's view, which skips
    // parts over 4 GiB (drawn as breaks).
    void requestPages(SnapshotPtr snapshot, Address start, Address end, int channel);

signals:
    void snapshotArrived(vmatlas::SnapshotPtr snapshot);
    void readingChanged(bool reading); // a snapshot is being read (for a busy indicator)
    void targetExited(const QString &message);
    void failed(int errorCode, const QString &message, vmatlas::Pid pid);
    void fileFailed(const QString &message);
    void pagesArrived(int channel, vmatlas::Address start, vmatlas::Address end, std::vector<vmatlas::PageInfo> pages);
    void pagesFailed(int channel, const QString &message);

private:
    void stopSampler();

    std::unique_ptr<Sampler> m_sampler;
    Pid m_pid = 0;
    QString m_file;
    int m_intervalMs = 1000;
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
    std::vector<int> m_pageGeneration = std::vector<int>(4, 0);
};

} // namespace vmatlas::ui
