#pragma once

#include "model.h"
#include "result.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <string>
#include <type_traits>

#include <sys/wait.h>
#include <unistd.h>

// Readable QCOMPARE failures for the model's types.
namespace QTest {
template <> inline char *toString(const vmatlas::RegionType &t)
{
    return qstrdup(std::string(vmatlas::regionTypeName(t)).c_str());
}
template <> inline char *toString(const vmatlas::RegionState &s)
{
    return qstrdup(std::string(vmatlas::regionStateName(s)).c_str());
}
template <> inline char *toString(const vmatlas::PageState &s)
{
    return qstrdup(std::string(vmatlas::pageStateName(s)).c_str());
}
template <> inline char *toString(const vmatlas::LabelKind &k)
{
    return qstrdup(std::string(vmatlas::labelKindKey(k)).c_str());
}
template <> inline char *toString(const vmatlas::ErrorCode &c)
{
    return qstrdup(std::to_string(int(c)).c_str());
}
template <> inline char *toString(const vmatlas::Protection &p)
{
    return qstrdup(p.toString().c_str());
}
template <> inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
template <> inline char *toString(const std::vector<vmatlas::PageState> &v)
{
    std::string s;
    for (vmatlas::PageState p : v)
        s += std::string(vmatlas::pageStateName(p)) + " ";
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace vmatlas::test {

// A region for model tests: committed and rw-p (Free: a gap), with an optional path.
inline Region region(Address start, Address end, RegionType type = RegionType::Private, const std::string &path = {})
{
    Region r;
    r.start = start;
    r.end = end;
    r.type = type;
    r.state = type == RegionType::Free ? RegionState::Free : RegionState::Committed;
    r.protection = { type != RegionType::Free, type != RegionType::Free, false, type == RegionType::Free ? '-' : 'p' };
    if (!path.empty())
        r.pathPtr = std::make_shared<const std::string>(path);
    return r;
}

// A snapshot of process 1 holding these regions.
inline SnapshotPtr snapshotOf(std::vector<Region> regions)
{
    auto s = std::make_shared<Snapshot>();
    s->pid = 1;
    s->regions = std::move(regions);
    return s;
}

// Starts tests/helpers/testchild (or another program speaking the same way) with a scenario and reads its
// "KEY VALUE" lines up to "ready".
class TestChild
{
public:
    bool start(
        const QStringList &args, int timeoutMs = 30000, const QString &program = QStringLiteral(VMATLAS_TESTCHILD))
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(100)) {
                if (m_process.state() != QProcess::Running)
                    return false;
                continue;
            }
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                if (line == QLatin1String("ready"))
                    return true;
                const auto space = line.indexOf(QLatin1Char(' '));
                m_values.insert(line.left(space), line.mid(space + 1));
            }
        }
        return false;
    }
    ~TestChild() { finish(); }

    void finish()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Pid pid() const { return m_process.processId(); }
    QString value(const QString &key) const { return m_values.value(key); }

private:
    QProcess m_process;
    QMap<QString, QString> m_values;
};

inline QString testData(const char *name)
{
    return QStringLiteral(VMATLAS_TESTDATA "/") + QString::fromLatin1(name);
}

inline std::string readTestData(const char *name)
{
    QFile f(testData(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

inline std::string readFileStd(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// Permission tests run something as nobody against a root process: only root can, so they skip otherwise.
constexpr int kNobody = 65534;
inline bool canRunAsNobody()
{
    return ::geteuid() == 0;
}

// Starts program with args as nobody, with no supplementary groups (through setpriv).
inline void startAsNobody(QProcess &process, const QString &program, const QStringList &args = {})
{
    const QString id = QString::number(kNobody);
    process.start(QStringLiteral("setpriv"),
        QStringList { QStringLiteral("--reuid=") + id, QStringLiteral("--regid=") + id,
            QStringLiteral("--clear-groups"), program }
            + args);
}

// Lets nobody write in a folder of ours (a QTemporaryDir is the owner's only).
inline void openToNobody(const QString &dir)
{
    QFile::setPermissions(dir,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
            | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

// Runs work in a forked child that has dropped to nobody and returns the text it made ("" when the
// child could not drop).
inline std::string runForkedAsNobody(const std::function<std::string()> &work)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t p = ::fork();
    if (p == 0) {
        ::close(fds[0]);
        if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
            ::_exit(2);
        const std::string msg = work();
        (void)!::write(fds[1], msg.data(), msg.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string msg;
    char buf[512];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
        msg.append(buf, std::size_t(n));
    ::close(fds[0]);
    ::waitpid(p, nullptr, 0);
    return msg;
}

// GUI suites: starts lab name in the window's lab panel, the vmatlas binary as its target, and waits
// for it. The panel, or nullptr when the lab did not start in time. (A template, so that the non-GUI
// suites need no ui headers.)
template <typename Window> auto startLab(Window &window, const QString &name, int timeoutMs = 15000)
{
    auto *panel = window.labPanel();
    panel->setExecutable(VMATLAS_BINARY);
    using Panel = std::remove_pointer_t<decltype(panel)>;
    QSignalSpy started(panel, &Panel::labStarted);
    window.startLab(name);
    return QTest::qWaitFor([&started] { return !started.isEmpty(); }, timeoutMs) ? panel : nullptr;
}

#ifdef VMATLAS_BINARY
// What `vmatlas ARGS` did: its exit code (-1 when it did not exit normally) and what it printed.
struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

inline Run vmatlasRun(const QStringList &args, bool asNobody = false)
{
    QProcess p;
    if (asNobody)
        startAsNobody(p, QStringLiteral(VMATLAS_BINARY), args);
    else
        p.start(QStringLiteral(VMATLAS_BINARY), args);
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}
#endif

} // namespace vmatlas::test
