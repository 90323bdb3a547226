#include "sessioncontroller.h"

#include "platform.h"
#include "snapshotjson.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

SessionController::SessionController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SnapshotPtr>();
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
    if (m_sampler) {
        m_sampler->stop();
        m_sampler.reset();
    }
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
    const int generation = *m_generation;
    auto gen = m_generation;
    QPointer<SessionController> self(this);
    Sampler::Options options;
    options.interval = std::chrono::milliseconds(m_intervalMs > 0 ? m_intervalMs : 1000);
    options.maxCount = 600;
    options.maxBytes = std::size_t(512) << 20;
    m_sampler = std::make_unique<Sampler>(
        [pid, gen, generation, self]() -> Result<Snapshot> {
            // Runs on the sampler's thread: tell the window when a read is slow enough to notice.
            QMetaObject::invokeMethod(
                self,
                [self, gen, generation] {
                    if (self && *gen == generation)
                        emit self->readingChanged(true);
                },
                Qt::QueuedConnection);
            return readSnapshot(pid);
        },
        options);
    m_sampler->subscribe([self, gen, generation](const SnapshotPtr &snap) {
        QMetaObject::invokeMethod(
            self,
            [self, gen, generation, snap] {
                if (!self || *gen != generation)
                    return;
                emit self->readingChanged(false);
                emit self->snapshotArrived(snap);
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
                    emit self->targetExited(tr("Process %1 exited").arg(pid));
                else
                    emit self->failed(int(ErrorCode::Io), text, pid);
            },
            Qt::QueuedConnection);
    });
    // A first read on this thread's pool tells the error kind (permission, no such process) precisely.
    QtConcurrent::run([pid] { return readSnapshot(pid); }).then(this, [this, generation, pid](Result<Snapshot> first) {
        if (*m_generation != generation)
            return;
        if (!first) {
            stopSampler();
            emit failed(int(first.error().code), QString::fromStdString(first.error().message), pid);
            return;
        }
        emit snapshotArrived(std::make_shared<const Snapshot>(std::move(first).value()));
        if (m_sampler) {
            m_sampler->start();
            if (m_intervalMs <= 0)
                m_sampler->pause();
        }
    });
}

void SessionController::openFile(const QString &path)
{
    stopSampler();
    m_pid = 0;
    m_file = path;
    const int generation = *m_generation;
    QtConcurrent::run([path] {
        return loadSnapshotJson(path.toStdString());
    }).then(this, [this, generation](Result<Snapshot> snap) {
        if (*m_generation != generation)
            return;
        if (!snap) {
            emit fileFailed(QString::fromStdString(snap.error().message));
            return;
        }
        emit snapshotArrived(std::make_shared<const Snapshot>(std::move(snap).value()));
    });
}

void SessionController::setIntervalMs(int ms)
{
    m_intervalMs = ms;
    if (!m_sampler)
        return;
    if (ms <= 0) {
        m_sampler->pause();
    } else {
        m_sampler->setInterval(std::chrono::milliseconds(ms));
        m_sampler->resume();
    }
}

void SessionController::sampleNow()
{
    if (m_sampler)
        m_sampler->sampleNow();
}

std::deque<SnapshotPtr> SessionController::history() const
{
    return m_sampler ? m_sampler->history() : std::deque<SnapshotPtr> {};
}

void SessionController::requestPages(SnapshotPtr snapshot, Address start, Address end, int channel)
{
    if (!snapshot || channel < 0 || std::size_t(channel) >= m_pageGeneration.size())
        return;
    const int generation = ++m_pageGeneration[std::size_t(channel)];
    const Pid pid = m_pid;
    if (pid <= 0)
        return; // a saved snapshot has no pages to read
    QtConcurrent::run([snapshot, start, end, pid, channel]() -> Result<std::vector<PageInfo>> {
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
            auto pages = readPages(pid, s, e);
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
