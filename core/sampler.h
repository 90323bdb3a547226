#pragma once

#include "model.h"
#include "result.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace vmatlas {

// Takes snapshots on a schedule on its own thread and keeps a bounded history.
// Listeners run on the sampler's thread; they must be quick (the GUI posts to its own thread).
class Sampler
{
public:
    using Source = std::function<Result<Snapshot>()>;
    using Listener = std::function<void(const SnapshotPtr &)>;

    enum class State
    {
        Idle,
        Running,
        Paused,
        TargetExited,
        Failed,
        Stopped
    };

    struct Options
    {
        std::chrono::milliseconds interval { 1000 }; // at least kMinInterval
        std::size_t maxCount = 600; // snapshots kept
        std::size_t maxBytes = std::size_t(256) << 20; // their estimated footprint
    };
    static constexpr std::chrono::milliseconds kMinInterval { 100 };

    explicit Sampler(Source source);
    Sampler(Source source, Options options);
    ~Sampler();
    Sampler(const Sampler &) = delete;
    Sampler &operator=(const Sampler &) = delete;

    void start();
    // Puts a snapshot already read (the first one, read to tell errors precisely) into the history before
    // start(), so the sampler's first read waits one interval instead of repeating it at once.
    void seed(SnapshotPtr first);
    void stop(); // joins the thread; history kept
    void pause();
    void resume();
    void sampleNow(); // an extra snapshot as soon as possible
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    int subscribe(Listener listener);
    void unsubscribe(int id);
    void onStateChanged(std::function<void(State, const std::string &)> callback);

    std::deque<SnapshotPtr> history() const;
    SnapshotPtr latest() const;
    std::size_t historyBytes() const;
    State state() const;
    std::string stateMessage() const;
    std::size_t samplesTaken() const;
    // Samples that failed for a passing reason (the text changed under the read) and were skipped.
    std::size_t samplesSkipped() const;

private:
    void run();
    void addToHistory(const SnapshotPtr &snapshot);
    void setState(State state, std::string message);

    Source m_source;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    bool m_quit = false;
    bool m_paused = false;
    bool m_now = false;
    bool m_seeded = false;
    State m_state = State::Idle;
    std::string m_message;
    std::deque<SnapshotPtr> m_history;
    std::deque<std::size_t> m_sizes;
    std::size_t m_bytes = 0;
    std::size_t m_taken = 0;
    std::size_t m_skipped = 0;
    int m_nextId = 1;
    std::map<int, Listener> m_listeners;
    std::function<void(State, const std::string &)> m_stateCallback;
};

} // namespace vmatlas
