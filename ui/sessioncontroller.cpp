#include "sessioncontroller.h"

#include "platform.h"
#include "postmortem.h"
#include "snapshotjson.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

SessionSources SessionSources::platform()
{
    // A dump's headers are read again for each page request: a few milliseconds, the file's bytes are not.
    return { [](Pid pid) { return vmatlas::readSnapshot(pid); }, [](Pid pid) { return readLiveSnapshot(pid); },
        [](Pid pid, Address start, Address end) { return vmatlas::readPages(pid, start, end); },
        [](const std::string &path) -> Result<Snapshot> {
            if (!isDumpFile(path))
                return loadSnapshotJson(path);
            auto dump = loadPostMortem(path);
            if (!dump)
                return dump.error();
            return std::move(dump->snapshot);
        },
        [](Pid pid) { return readProcessFacts(pid); },
        [](const std::string &path, Address start, Address end) -> Result<std::vector<PageInfo>> {
            auto dump = loadPostMortem(path);
            if (!dump)
                return dump.error();
            return postMortemPages(*dump, start, end);
        },
        [] { return vmatlas::listProcesses(); }, {} };
}

SessionController::SessionController(QObject *parent)
    : SessionController(SessionSources::platform(), parent)
{
}

SessionController::SessionController(SessionSources sources, QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
{
    qRegisterMetaType<SnapshotPtr>();
    qRegisterMetaType<FramePtr>();
    qRegisterMetaType<std::vector<PageInfo>>();
    qRegisterMetaType<Pid>("vmatlas::Pid");
    qRegisterMetaType<Address>("vmatlas::Address");
}

SessionController::~SessionController()
{
    stopSampler();
}

void SessionController::stopSampler()
{
    ++*m_generation;
    m_exited = false;
    m_error.clear();
    if (m_sampler) {
        m_sampler->stop();
        m_sampler.reset();
    }
    m_tiered.reset();
}

void SessionController::detach()
{
    stopSampler();
    m_pid = 0;
}

void SessionController::attach(Pid pid)
{
    stopSampler();
    m_pid = pid;
    m_file.clear();
    m_fileHasPages = false;
    m_history.clear();
    const int generation = *m_generation;
    emit readingChanged(true);
    // The first read on the pool tells the error kind (permission, no such process) precisely; its snapshot
    // is the first frame and seeds the sampler, so attaching reads the process once.
    auto read = m_sources.readSnapshot;
    auto facts = m_sources.readFacts;
    struct First
    {
        FramePtr frame;
        std::int64_t tookMs = 0;
    };
    QtConcurrent::run([read, facts, pid]() -> Result<First> {
        QElapsedTimer timer;
        timer.start();
        auto first = read(pid);
        if (!first)
            return first.error();
        const std::int64_t tookMs = timer.elapsed();
        const auto known = facts ? facts(pid) : Result<ProcessFacts>(makeError(ErrorCode::Unsupported, {}));
        return First { makeFrame(std::make_shared<const Snapshot>(std::move(first).value()), nullptr,
                           known ? &*known : nullptr),
            tookMs };
    }).then(this, [this, generation, pid](Result<First> first) {
        if (*m_generation != generation)
            return;
        emit readingChanged(false);
        if (!first) {
            m_error = QString::fromStdString(first.error().message);
            emit failed(int(first.error().code), m_error, pid);
            return;
        }
        startSampler(pid, first->frame->snapshot, first->tookMs);
        addToHistory(first->frame);
        emit frameArrived(first->frame);
    });
}

void SessionController::startSampler(Pid pid, SnapshotPtr first, std::int64_t firstTookMs)
{
    const int generation = *m_generation;
    auto gen = m_generation;
    QPointer<SessionController> self(this);
    Sampler::Options options;
    options.interval = std::chrono::milliseconds(m_intervalMs > 0 ? m_intervalMs : 1000);
    // The sampler keeps only what its listeners need (the newest); the history is kept here, as frames.
    options.maxCount = 2;
    // Full reads every tenth tick, live ticks between them (livetier.h).
    m_tiered = std::make_shared<TieredReader>(pid, m_sources.readSnapshot, m_sources.readLive);
    m_tiered->seed(*first, firstTookMs);
    auto tiered = m_tiered;
    m_sampler = std::make_unique<Sampler>(
        [tiered, pid, gen, generation, self]() -> Result<Snapshot> {
            // Runs on the sampler's thread: tell the window when a read is slow enough to notice.
            QMetaObject::invokeMethod(
                self,
                [self, gen, generation] {
                    if (self && *gen == generation)
                        emit self->readingChanged(true);
                },
                Qt::QueuedConnection);
            return tiered->read();
        },
        options);
    // Listeners run one after another on the sampler's thread: the frame is made there, against the
    // snapshot before it.
    auto previous = std::make_shared<SnapshotPtr>(first);
    auto facts = m_sources.readFacts;
    m_sampler->subscribe([self, gen, generation, previous, facts, pid](const SnapshotPtr &snap) {
        const auto known = facts ? facts(pid) : Result<ProcessFacts>(makeError(ErrorCode::Unsupported, {}));
        FramePtr frame = makeFrame(snap, *previous, known ? &*known : nullptr);
        *previous = snap;
        QMetaObject::invokeMethod(
            self,
            [self, gen, generation, frame] {
                if (!self || *gen != generation)
                    return;
                emit self->readingChanged(false);
                self->addToHistory(frame);
                emit self->frameArrived(frame);
            },
            Qt::QueuedConnection);
    });
    m_sampler->onStateChanged([self, gen, generation, pid](Sampler::State state, const std::string &message) {
        if (state != Sampler::State::TargetExited && state != Sampler::State::Failed)
            return;
        const QString text = QString::fromStdString(message);
        QMetaObject::invokeMethod(
            self,
            [self, gen, generation, state, text, pid] {
                if (!self || *gen != generation)
                    return;
                emit self->readingChanged(false);
                if (state == Sampler::State::TargetExited)
                    self->reportExit(pid);
                else {
                    self->m_error = text;
                    emit self->failed(int(ErrorCode::Io), text, pid);
                }
            },
            Qt::QueuedConnection);
    });
    m_sampler->seed(std::move(first));
    m_sampler->start();
    if (m_intervalMs <= 0)
        m_sampler->pause();
}

void SessionController::reportExit(Pid pid)
{
    m_exited = true;
    emit targetExited(tr("Process %1 exited").arg(pid), pid);
}

namespace {

std::size_t frameBytes(const SnapshotFrame &frame)
{
    return frame.snapshot->memoryFootprint() + frame.diff.changes.capacity() * sizeof(RegionChange);
}

// The frame's totals and time without its regions or diff: a point on the timeline.
FramePtr thinned(const SnapshotFrame &frame)
{
    auto thin = std::make_shared<SnapshotFrame>();
    auto snap = std::make_shared<Snapshot>();
    snap->pid = frame.snapshot->pid;
    snap->processName = frame.snapshot->processName;
    snap->platform = frame.snapshot->platform;
    snap->timestampMs = frame.snapshot->timestampMs;
    snap->pageSize = frame.snapshot->pageSize;
    thin->snapshot = std::move(snap);
    thin->totals = frame.totals;
    thin->useTotals = frame.useTotals;
    thin->haveFaults = frame.haveFaults;
    thin->minorFaults = frame.minorFaults;
    thin->majorFaults = frame.majorFaults;
    return thin;
}

} // namespace

void SessionController::addToHistory(FramePtr frame)
{
    if (m_history.empty())
        m_wholeBytes = 0;
    m_wholeBytes += frameBytes(*frame);
    m_history.push_back(std::move(frame));
    while (m_history.size() > kHistoryFrames) {
        if (!isThin(m_history.front()))
            m_wholeBytes -= frameBytes(*m_history.front());
        m_history.pop_front();
    }
    // Bounded in bytes, not only in frames: the oldest whole frames become thin, the newest two stay whole.
    for (std::size_t i = 0; m_wholeBytes > kHistoryBytes && i + 2 < m_history.size(); ++i) {
        if (isThin(m_history[i]))
            continue;
        m_wholeBytes -= frameBytes(*m_history[i]);
        m_history[i] = thinned(*m_history[i]);
    }
}

void SessionController::openFile(const QString &path)
{
    stopSampler();
    m_pid = 0;
    m_file = path;
    m_fileHasPages = m_sources.readFilePages && isDumpFile(path.toStdString());
    m_history.clear();
    const int generation = *m_generation;
    auto load = m_sources.loadFile;
    QtConcurrent::run([load, path]() -> Result<FramePtr> {
        auto snap = load(path.toStdString());
        if (!snap)
            return snap.error();
        return makeFrame(std::make_shared<const Snapshot>(std::move(snap).value()), nullptr);
    }).then(this, [this, generation](Result<FramePtr> frame) {
        if (*m_generation != generation)
            return;
        if (!frame) {
            emit fileFailed(QString::fromStdString(frame.error().message));
            return;
        }
        emit frameArrived(*frame);
    });
}

void SessionController::compareWith(const QString &path, SnapshotPtr shown)
{
    const int generation = ++m_compareGeneration;
    auto load = m_sources.loadFile;
    QtConcurrent::run([load, path, shown]() -> Result<FramePtr> {
        auto other = load(path.toStdString());
        if (!other)
            return other.error();
        // The shown snapshot becomes "before", the file "after".
        return makeFrame(std::make_shared<const Snapshot>(std::move(other).value()), shown);
    }).then(this, [this, generation, path](Result<FramePtr> frame) {
        if (generation != m_compareGeneration)
            return;
        if (!frame) {
            emit compareFailed(QString::fromStdString(frame.error().message));
            return;
        }
        stopSampler();
        m_history.clear();
        m_file = path;
        m_fileHasPages = false;
        emit comparisonReady(*frame, path);
    });
}

void SessionController::readStatusOnly(Pid pid)
{
    if (!m_sources.host.empty())
        return; // this machine's /proc says nothing of a remote process
    QtConcurrent::run([pid] {
        return readProcessSummary(pid);
    }).then(this, [this, pid](Result<std::vector<std::pair<std::string, std::string>>> fields) {
        if (fields && pid == m_pid)
            emit statusOnlyArrived(pid, *fields);
    });
}

void SessionController::setIntervalMs(int ms)
{
    const bool wasRunning = m_intervalMs > 0;
    m_intervalMs = ms;
    if (!m_sampler)
        return;
    if (ms <= 0) {
        m_sampler->pause();
        // What stays on screen while paused has every counter fresh, not carried from an older full read.
        if (wasRunning && m_tiered && !m_tiered->lastWasFull() && !m_history.empty()
            && m_history.back()->snapshot->countersReadMs != 0)
            sampleNow();
    } else {
        m_sampler->setInterval(std::chrono::milliseconds(ms));
        m_sampler->resume();
    }
}

void SessionController::sampleNow()
{
    if (m_tiered)
        m_tiered->requestFull();
    if (m_sampler)
        m_sampler->sampleNow();
}

void SessionController::wantFullCounters()
{
    if (m_tiered)
        m_tiered->requestFull();
}

void SessionController::requestPages(SnapshotPtr snapshot, Address start, Address end, int channel)
{
    if (!snapshot || channel < 0 || std::size_t(channel) >= m_pageGeneration.size())
        return;
    const int generation = ++m_pageGeneration[std::size_t(channel)];
    const Pid pid = m_pid;
    // A saved snapshot has no pages to read; a dump has those it holds.
    const bool fromDump = pid <= 0 && m_fileHasPages && !m_file.isEmpty();
    if (!fromDump && (pid <= 0 || pid != snapshot->pid))
        return;
    auto read = m_sources.readPages;
    if (fromDump)
        read = [readFile = m_sources.readFilePages, path = m_file.toStdString()](
                   Pid, Address start, Address end) { return readFile(path, start, end); };
    QtConcurrent::run([read, snapshot, start, end, pid, channel]() -> Result<std::vector<PageInfo>> {
        std::vector<PageInfo> all;
        for (const Region &r : snapshot->regions) {
            // [vsyscall] is not in the page tables pagemap walks.
            if (r.end <= start || r.start >= end || r.type == RegionType::Free || r.labelKind == LabelKind::Vsyscall)
                continue;
            const Address s = std::max(r.start, start), e = std::min(r.end, end);
            // The map asks for what it shows; a part over 4 GiB is a break there, with no pages to draw.
            if (channel != 0 && (e - s) / snapshot->pageSize > (std::size_t(1) << 20))
                continue;
            if (all.size() + (e - s) / snapshot->pageSize > (std::size_t(1) << 24))
                return makeError(ErrorCode::BadInput, "the range holds too many pages to show at once");
            auto pages = read(pid, s, e);
            if (!pages)
                return pages.error();
            all.insert(all.end(), pages->begin(), pages->end());
        }
        return all;
    }).then(this, [this, channel, generation, start, end](Result<std::vector<PageInfo>> pages) {
        if (m_pageGeneration[std::size_t(channel)] != generation)
            return;
        if (!pages) {
            emit pagesFailed(channel, QString::fromStdString(pages.error().message));
            return;
        }
        emit pagesArrived(channel, start, end, std::move(pages).value());
    });
}

} // namespace vmatlas::ui
