#include "sampler.h"

#include <vector>

namespace vmatlas {

Sampler::Sampler(Source source)
    : Sampler(std::move(source), Options {})
{
}

Sampler::Sampler(Source source, Options options)
    : m_source(std::move(source))
    , m_options(options)
{
    if (m_options.interval < kMinInterval)
        m_options.interval = kMinInterval;
    if (m_options.maxCount == 0)
        m_options.maxCount = 1;
}

Sampler::~Sampler()
{
    stop();
}

void Sampler::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_quit = false;
    m_paused = false;
    m_thread = std::thread([this] { run(); });
}

void Sampler::seed(SnapshotPtr first)
{
    if (!first)
        return;
    std::lock_guard lock(m_mutex);
    addToHistory(first);
    m_seeded = true;
}

void Sampler::addToHistory(const SnapshotPtr &snap)
{
    const std::size_t bytes = snap->memoryFootprint();
    m_history.push_back(snap);
    m_sizes.push_back(bytes);
    m_bytes += bytes;
    ++m_taken;
    // Keep at least the newest snapshot, whatever its size.
    while (m_history.size() > 1 && (m_history.size() > m_options.maxCount || m_bytes > m_options.maxBytes)) {
        m_bytes -= m_sizes.front();
        m_sizes.pop_front();
        m_history.pop_front();
    }
}

void Sampler::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

void Sampler::pause()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
    }
    m_wake.notify_all();
}

void Sampler::resume()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_all();
}

void Sampler::sampleNow()
{
    {
        std::lock_guard lock(m_mutex);
        m_now = true;
    }
    m_wake.notify_all();
}

void Sampler::setInterval(std::chrono::milliseconds interval)
{
    {
        std::lock_guard lock(m_mutex);
        m_options.interval = std::max(interval, kMinInterval);
    }
    m_wake.notify_all();
}

std::chrono::milliseconds Sampler::interval() const
{
    std::lock_guard lock(m_mutex);
    return m_options.interval;
}

int Sampler::subscribe(Listener listener)
{
    std::lock_guard lock(m_mutex);
    int id = m_nextId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void Sampler::unsubscribe(int id)
{
    std::lock_guard lock(m_mutex);
    m_listeners.erase(id);
}

void Sampler::onStateChanged(std::function<void(State, const std::string &)> callback)
{
    std::lock_guard lock(m_mutex);
    m_stateCallback = std::move(callback);
}

std::deque<SnapshotPtr> Sampler::history() const
{
    std::lock_guard lock(m_mutex);
    return m_history;
}

SnapshotPtr Sampler::latest() const
{
    std::lock_guard lock(m_mutex);
    return m_history.empty() ? nullptr : m_history.back();
}

std::size_t Sampler::historyBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

Sampler::State Sampler::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

std::string Sampler::stateMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_message;
}

std::size_t Sampler::samplesTaken() const
{
    std::lock_guard lock(m_mutex);
    return m_taken;
}

std::size_t Sampler::samplesSkipped() const
{
    std::lock_guard lock(m_mutex);
    return m_skipped;
}

void Sampler::setState(State state, std::string message)
{
    std::function<void(State, const std::string &)> cb;
    {
        std::lock_guard lock(m_mutex);
        if (m_state == state && m_message == message)
            return;
        m_state = state;
        m_message = message;
        cb = m_stateCallback;
    }
    if (cb)
        cb(state, message);
}

void Sampler::run()
{
    using Clock = std::chrono::steady_clock;
    auto next = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        if (m_seeded)
            next += m_options.interval;
    }
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next, [&] { return m_quit || m_now || (!m_paused && Clock::now() >= next); });
            if (m_quit)
                break;
            if (m_paused && !m_now) {
                lock.unlock();
                setState(State::Paused, {});
                lock.lock();
                m_wake.wait(lock, [&] { return m_quit || m_now || !m_paused; });
                if (m_quit)
                    break;
                next = Clock::now();
                if (!m_now)
                    continue;
            }
            m_now = false;
        }
        auto result = m_source();
        if (!result) {
            const Error &e = result.error();
            const bool gone = e.code == ErrorCode::ProcessExited || e.code == ErrorCode::NoSuchProcess
                || e.code == ErrorCode::NoAddressSpace;
            if (gone || e.code == ErrorCode::PermissionDenied || e.code == ErrorCode::Unsupported) {
                setState(gone ? State::TargetExited : State::Failed, e.message);
                break;
            }
            // A process changing its mappings as fast as it can may defeat a read now and then: skip
            // that sample, keep the history, try again at the next tick.
            {
                std::lock_guard lock(m_mutex);
                ++m_skipped;
                m_message = e.message;
                next += m_options.interval;
                if (next < Clock::now())
                    next = Clock::now() + m_options.interval;
            }
            continue;
        }
        auto snap = std::make_shared<const Snapshot>(std::move(result).value());
        std::vector<Listener> listeners;
        bool paused;
        {
            std::lock_guard lock(m_mutex);
            addToHistory(snap);
            for (auto &[id, l] : m_listeners)
                listeners.push_back(l);
            paused = m_paused;
            // Fixed rate; after a slow snapshot, start the next interval from now rather than catching up.
            next += m_options.interval;
            if (next < Clock::now())
                next = Clock::now() + m_options.interval;
        }
        setState(paused ? State::Paused : State::Running, {});
        for (auto &l : listeners)
            l(snap);
    }
    std::lock_guard lock(m_mutex);
    if (m_state == State::Running || m_state == State::Paused || m_state == State::Idle)
        m_state = State::Stopped;
}

} // namespace vmatlas
