// The Linux source on a live child with a known layout (tests/helpers/testchild.cpp, "layout").
#include "pages.h"
#include "platform.h"
#include "testutil.h"
#include "totals.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <sched.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {
constexpr Address kBase = 0x7e0000000000;
constexpr std::uint64_t kPage = 4096;

std::uint64_t rollupField(Pid pid, const char *name)
{
    const std::string text = vmatlas::test::readFileStd(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    auto pos = text.find(std::string("\n") + name + ":");
    if (pos == std::string::npos)
        return ~0ULL;
    return std::stoull(text.substr(text.find(':', pos) + 1)) * 1024;
}

std::vector<PageState> states(const std::vector<PageInfo> &pages)
{
    std::vector<PageState> s;
    for (const PageInfo &p : pages)
        s.push_back(p.state);
    return s;
}
} // namespace

class TestLinuxSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestChild m_child;
    Snapshot m_snap;

    const Region &at(Address a)
    {
        auto i = m_snap.indexOf(a);
        if (i < 0)
            qFatal("no region at %llx", static_cast<unsigned long long>(a));
        return m_snap.regions[std::size_t(i)];
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_child.start({ QStringLiteral("layout"), m_dir.path() }));
        auto s = readSnapshot(m_child.pid());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        m_snap = std::move(s).value();
    }

    // A helper meant to run beside its caller starts on another CPU than the caller's (a new thread would
    // start, and wait, on the caller's), then may go anywhere again.
    void helperStartsBesideItsCaller()
    {
        cpu_set_t all;
        CPU_ZERO(&all);
        QCOMPARE(sched_getaffinity(0, sizeof all, &all), 0);
        if (CPU_COUNT(&all) < 2)
            QSKIP("one CPU: nowhere else to run");
        // The caller keeps its CPU busy meanwhile, as a caller with work of its own does. Tries where the
        // scheduler moved the caller do not count.
        int clean = 0, beside = 0;
        for (int attempt = 0; attempt < 20; ++attempt) {
            std::atomic<int> ranOn { -1 };
            cpu_set_t then;
            CPU_ZERO(&then);
            const int before = sched_getcpu();
            BesideTask helper = runBesideCaller([&] {
                sched_getaffinity(0, sizeof then, &then);
                ranOn = sched_getcpu();
            });
            while (ranOn < 0) { } // busy
            const int after = sched_getcpu();
            helper.wait();
            QVERIFY(CPU_EQUAL(&then, &all)); // free again once started
            if (before == after) {
                ++clean;
                beside += ranOn != before;
            }
        }
        qDebug("%d of %d clean tries beside", beside, clean);
        QVERIFY(clean > 0);
        QCOMPARE(beside, clean);
    }

    // A one-shot command's helper lingers after its work, spinning on its own CPU, and takes the next task at
    // once; with no lingering (the window's way) each task has a thread of its own, which ends with it. What the
    // work throws comes back from wait().
    void helpersLingerOnlyWhenAsked()
    {
        const auto threads = [] {
            return QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
        };
        const int before = threads();
        const auto tidOfTask = [] {
            std::atomic<pid_t> tid { 0 };
            runBesideCaller([&] { tid = gettid(); }).wait();
            return tid.load();
        };
        const auto settle = [&](int count) {
            for (int i = 0; i < 200 && threads() != count; ++i)
                QThread::msleep(5);
            return threads();
        };

        setHelperLinger(std::chrono::seconds(5));
        const pid_t first = tidOfTask();
        QVERIFY(first != gettid());
        QCOMPARE(tidOfTask(), first); // the same helper, still there
        QCOMPARE(tidOfTask(), first);
        QCOMPARE(threads(), before + 1);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, runBesideCaller([] { throw std::runtime_error("lost"); }).wait());
        QCOMPARE(tidOfTask(), first); // a task that threw leaves the helper as it was

        setHelperLinger(std::chrono::microseconds(0));
        QCOMPARE(tidOfTask(), first); // it takes this one, then ends
        QCOMPARE(settle(before), before);
        const pid_t next = tidOfTask();
        QVERIFY(next != first);
        QCOMPARE(settle(before), before); // ended with its task
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, runBesideCaller([] { throw std::runtime_error("lost"); }).wait());

        // A lingering helper that nobody takes ends when its time is up.
        setHelperLinger(std::chrono::milliseconds(20));
        tidOfTask();
        QCOMPARE(settle(before), before);
        setHelperLinger(std::chrono::microseconds(0));
    }

    void header()
    {
        QCOMPARE(m_snap.pid, Pid(m_child.pid()));
        QCOMPARE(m_snap.processName, std::string("vmatlas_testchi"));
        QVERIFY(m_snap.commandLine.find("vmatlas_testchild layout") != std::string::npos);
        // The command line whole, its arguments apart by spaces.
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_child.pid()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QByteArray args = cmdline.readAll();
        args.chop(1);
        args.replace('\0', ' ');
        QCOMPARE(QByteArray::fromStdString(m_snap.commandLine), args);
        QCOMPARE(m_snap.platform, std::string("linux"));
        QCOMPARE(m_snap.pageSize, 4096u);
        QVERIFY(std::abs(m_snap.timestampMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    }

    void wholeSnapshotConsistent()
    {
        QVERIFY(!m_snap.regions.empty());
        for (std::size_t i = 1; i < m_snap.regions.size(); ++i) {
            QVERIFY(m_snap.regions[i].start >= m_snap.regions[i - 1].end);
            if (m_snap.regions[i].path() != "[vsyscall]")
                QCOMPARE(m_snap.regions[i].start, m_snap.regions[i - 1].end);
        }
        // The rows run from 0 to the top of user space, [vsyscall] (when the kernel has it) after it.
        QCOMPARE(m_snap.regions.front().start, Address(0));
        QCOMPARE(m_snap.regions.front().type, RegionType::Free);
        const bool vsyscall = m_snap.regions.back().labelKind == LabelKind::Vsyscall;
        const Region &top = m_snap.regions[m_snap.regions.size() - (vsyscall ? 2 : 1)];
#if defined(__x86_64__)
        QCOMPARE(top.end, Address(0x7ffffffff000));
        QCOMPARE(top.type, RegionType::Free);
#endif
        // The program's own mappings are Image and labelled.
        int program = 0;
        for (const Region &r : m_snap.regions)
            if (r.labelKind == LabelKind::Program) {
                ++program;
                QCOMPARE(r.type, RegionType::Image);
                QVERIFY(r.path().find("vmatlas_testchild") != std::string::npos);
            }
        QVERIFY(program >= 3);
    }

    void reservation()
    {
        const Region &a = at(kBase);
        QCOMPARE(a.start, kBase);
        QCOMPARE(a.size(), 16 * kPage);
        QCOMPARE(a.type, RegionType::Private);
        QCOMPARE(a.state, RegionState::Reserved);
        QCOMPARE(a.protection.toString(), std::string("---p"));
        QCOMPARE(a.labelKind, LabelKind::Reservation);
        QCOMPARE(a.counter(Counter::Rss), 0ULL);
        // The gaps on both sides are Free.
        QCOMPARE(at(kBase - 1).type, RegionType::Free);
        QCOMPARE(at(kBase - 1).end, kBase);
        QCOMPARE(at(kBase + 16 * kPage).type, RegionType::Free);
        QCOMPARE(at(kBase + 16 * kPage).end, kBase + 0x100000);
    }

    void partlyCommitted()
    {
        const Region &committed = at(kBase + 0x100000);
        QCOMPARE(committed.start, kBase + 0x100000);
        QCOMPARE(committed.size(), 4 * kPage);
        QCOMPARE(committed.state, RegionState::Committed);
        QCOMPARE(committed.type, RegionType::Private);
        QCOMPARE(committed.protection.toString(), std::string("rw-p"));
        QCOMPARE(committed.counter(Counter::Rss), 2 * kPage);
        QCOMPARE(committed.counter(Counter::PrivateDirty), 2 * kPage);
        QCOMPARE(committed.counter(Counter::Anonymous), 2 * kPage);
        const Region &rest = at(kBase + 0x100000 + 4 * kPage);
        QCOMPARE(rest.start, kBase + 0x100000 + 4 * kPage);
        QCOMPARE(rest.size(), 12 * kPage);
        QCOMPARE(rest.state, RegionState::Reserved);

        auto pages = readPages(m_child.pid(), kBase + 0x100000, kBase + 0x100000 + 16 * kPage);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(16));
        std::vector<PageState> expected(16, PageState::None);
        expected[0] = expected[1] = PageState::Anon;
        QCOMPARE(states(*pages), expected);
        QVERIFY((*pages)[0].exclusive);
        QCOMPARE((*pages)[0].address, kBase + 0x100000);
        QCOMPARE((*pages)[15].address, kBase + 0x100000 + 15 * kPage);
    }

    void memfdSection()
    {
        const Region &c = at(kBase + 0x200000);
        QCOMPARE(c.start, kBase + 0x200000);
        QCOMPARE(c.size(), 8 * kPage);
        QCOMPARE(c.type, RegionType::Mapped);
        QCOMPARE(c.state, RegionState::Committed);
        QCOMPARE(c.protection.toString(), std::string("rw-s"));
        QCOMPARE(c.path(), std::string("/memfd:vmatlas-test-section (deleted)"));
        QCOMPARE(c.counter(Counter::Rss), 2 * kPage);
        QCOMPARE(c.counter(Counter::SharedDirty) + c.counter(Counter::PrivateDirty), 2 * kPage);
        auto pages = readPages(m_child.pid(), c.start, c.end);
        QVERIFY(pages.ok());
        std::vector<PageState> expected(8, PageState::None);
        expected[0] = expected[1] = PageState::File;
        QCOMPARE(states(*pages), expected);
    }

    void privateFileCopyOnWrite()
    {
        const Region &d = at(kBase + 0x300000);
        QCOMPARE(d.start, kBase + 0x300000);
        QCOMPARE(d.size(), 8 * kPage);
        QCOMPARE(d.type, RegionType::Mapped);
        QCOMPARE(d.protection.toString(), std::string("rw-p"));
        QCOMPARE(QString::fromStdString(d.path()), m_child.value(QStringLiteral("file")));
        QVERIFY(d.inode != 0);
        QCOMPARE(d.counter(Counter::Anonymous), kPage); // the one copied page
        QCOMPARE(d.counter(Counter::Rss), 7 * kPage);
        auto pages = readPages(m_child.pid(), d.start, d.end);
        QVERIFY(pages.ok());
        std::vector<PageState> expected(8, PageState::File);
        expected[2] = PageState::Anon; // written: a private copy
        expected[7] = PageState::None; // dropped with MADV_DONTNEED
        QCOMPARE(states(*pages), expected);
        QVERIFY((*pages)[2].exclusive);
    }

    void privateData()
    {
        const Region &e = at(kBase + 0x400000);
        QCOMPARE(e.size(), 8 * kPage);
        QCOMPARE(e.type, RegionType::Private);
        QCOMPARE(e.counter(Counter::Rss), 4 * kPage);
        QCOMPARE(e.counter(Counter::Anonymous), 4 * kPage);
        QCOMPARE(e.counter(Counter::Swap), 0ULL);
        auto pages = readPages(m_child.pid(), e.start, e.end);
        QVERIFY(pages.ok());
        std::vector<PageState> expected(8, PageState::None);
        for (int i = 0; i < 4; ++i)
            expected[std::size_t(i)] = PageState::Anon;
        QCOMPARE(states(*pages), expected);
    }

    void guardPage()
    {
        if (m_child.value(QStringLiteral("guard")) != QLatin1String("1"))
            QSKIP("this kernel has no MADV_GUARD_INSTALL (Linux 6.13+)");
        auto pages = readPages(m_child.pid(), kBase + 0x500000, kBase + 0x500000 + 4 * kPage);
        QVERIFY(pages.ok());
        std::vector<PageState> expected = { PageState::Anon, PageState::None, PageState::Guard, PageState::None };
        QCOMPARE(states(*pages), expected);
    }

    void fastAndPlainPagePathsAgree()
    {
        // The whole lab area, PAGEMAP_SCAN against plain pagemap reads.
        const Address start = kBase, end = kBase + 0x600000;
        auto fast = readPages(m_child.pid(), start, end);
        setFastPathsEnabled(false);
        auto plain = readPages(m_child.pid(), start, end);
        setFastPathsEnabled(true);
        QVERIFY(fast.ok());
        QVERIFY(plain.ok());
        QCOMPARE(fast->size(), std::size_t((end - start) / kPage));
        QVERIFY(*fast == *plain);
        auto counts = countPages(*fast);
        QCOMPARE(counts.of(PageState::Anon), 2ULL + 1 + 4 + 1);
        QCOMPARE(counts.of(PageState::File), 2ULL + 6);
    }

    void pagemapScanUsed()
    {
        auto f = sourceFeatures(m_child.pid());
        qInfo("PROCMAP_QUERY %s, PAGEMAP_SCAN %s", f.procmapQuery ? "yes" : "no", f.pagemapScan ? "yes" : "no");
        if (QFile::exists(QStringLiteral("/proc/self/pagemap"))
            && QSysInfo::kernelVersion().section(QLatin1Char('.'), 0, 0).toInt() >= 7)
            QVERIFY(f.pagemapScan);
    }

    void mappingsFastPathMatchesText()
    {
        auto fast = readMappings(m_child.pid());
        setFastPathsEnabled(false);
        auto text = readMappings(m_child.pid());
        setFastPathsEnabled(true);
        QVERIFY(fast.ok());
        QVERIFY(text.ok());
        // PROCMAP_QUERY walks the VMA tree, which lacks the [vsyscall] gate page that maps prints.
        bool popped = false;
        if (!text->empty() && text->back().path() == "[vsyscall]"
            && (fast->empty() || fast->back().path() != "[vsyscall]")) {
            text->pop_back();
            popped = true;
        }
        QCOMPARE(fast->size(), text->size());
        for (std::size_t i = 0; i < fast->size(); ++i) {
            const Region &a = (*fast)[i];
            const Region &b = (*text)[i];
            QCOMPARE(hexAddress(a.start), hexAddress(b.start));
            QCOMPARE(a.end, b.end);
            QCOMPARE(a.protection.toString(), b.protection.toString());
            QCOMPARE(a.offset, b.offset);
            QCOMPARE(a.inode, b.inode);
            QCOMPARE(a.devMajor, b.devMajor);
            QCOMPARE(a.path(), b.path());
        }
        // And with the snapshot's mappings.
        std::size_t mapped = 0;
        for (const Region &r : m_snap.regions)
            mapped += r.type != RegionType::Free;
        QCOMPARE(text->size() + (popped ? 1 : 0), mapped);
    }

    void threadStackLabelled()
    {
        const long tid = m_child.value(QStringLiteral("tid")).toLong();
        QVERIFY(tid > 0);
        const Region *stack = nullptr;
        for (const Region &r : m_snap.regions)
            if (r.labelKind == LabelKind::ThreadStack && r.tid == tid)
                stack = &r;
        QVERIFY2(stack, "no mapping labelled as the thread's stack");
        QCOMPARE(stack->type, RegionType::Private);
        QCOMPARE(stack->label(), "thread stack (TID " + std::to_string(tid) + ")");
        // glibc puts a no-access guard directly below a thread stack.
        auto i = m_snap.indexOf(stack->start - 1);
        QVERIFY(i >= 0);
        QCOMPARE(m_snap.regions[std::size_t(i)].labelKind, LabelKind::Guard);
        QCOMPARE(m_snap.regions[std::size_t(i)].state, RegionState::Reserved);
        // The main stack keeps its own label.
        bool mainStack = false;
        for (const Region &r : m_snap.regions)
            mainStack |= r.labelKind == LabelKind::MainStack && r.path() == "[stack]";
        QVERIFY(mainStack);
    }

    void zeroPage()
    {
        // Anonymous pages only read map the shared zero page: "zero", not anon, not exclusive, not in RSS.
        TestChild child;
        QVERIFY(child.start({ QStringLiteral("zero") }));
        Address base = 0;
        QVERIFY(parseAddress(child.value(QStringLiteral("base")).toStdString(), base));
        const std::vector<PageState> expected = { PageState::Zero, PageState::Zero, PageState::Zero, PageState::Zero,
            PageState::Anon, PageState::None, PageState::None, PageState::None };
        for (bool fast : { true, false }) {
            setFastPathsEnabled(fast);
            auto pages = readPages(child.pid(), base, base + 8 * kPage);
            setFastPathsEnabled(true);
            QVERIFY(pages.ok());
            QCOMPARE(states(*pages), expected); // as root the plain path sees frames too
            for (const PageInfo &p : *pages)
                QVERIFY(!(p.state == PageState::Zero && p.exclusive));
        }
        auto s = readSnapshot(child.pid());
        QVERIFY(s.ok());
        const Region &r = s->regions[std::size_t(s->indexOf(base))];
        QCOMPARE(r.counter(Counter::Rss), kPage); // the written page only
        QCOMPARE(pageStateName(PageState::Zero), std::string_view("zero"));
    }

    void spinningThreadStack()
    {
        // A thread spinning on a CPU has no stack pointer to read ("running"): its stack is found by glibc's
        // pattern (a guard page below an rw-p mapping of RLIMIT_STACK bytes), and its guard stays a guard.
        TestChild child;
        QVERIFY(child.start({ QStringLiteral("spin") }));
        const QString tid = child.value(QStringLiteral("tid"));
        const std::string syscall
            = vmatlas::test::readFileStd(QStringLiteral("/proc/%1/task/%2/syscall").arg(child.pid()).arg(tid));
        if (syscall.rfind("running", 0) != 0)
            QSKIP("the spinning thread is not reported as running here");
        auto s = readSnapshot(child.pid());
        QVERIFY(s.ok());
        const Region *stack = nullptr;
        for (const Region &r : s->regions)
            if (r.labelKind == LabelKind::ThreadStackByPattern)
                stack = &r;
        QVERIFY2(stack, "no stack found by pattern");
        QCOMPARE(stack->tid, std::int32_t(tid.toInt()));
        QCOMPARE(stack->label(), "thread stack (TID " + tid.toStdString() + ", found by pattern)");
        const Region &guard = s->regions[std::size_t(s->indexOf(stack->start - 1))];
        QCOMPARE(guard.labelKind, LabelKind::Guard);
        QCOMPARE(guard.label(), std::string("guard page"));
    }

    void totalsEqualRollup()
    {
        // A fresh snapshot next to a fresh rollup of the idle child. Its library pages' PSS moves when another
        // process (a test running beside this one) maps or unmaps the same libraries between the two reads: read
        // again until the rollup is the same before and after the snapshot.
        Result<Snapshot> s = makeError(ErrorCode::Io, "not read");
        std::uint64_t pss = 0;
        for (int attempt = 0; attempt < 5; ++attempt) {
            const std::uint64_t before = rollupField(m_child.pid(), "Pss");
            s = readSnapshot(m_child.pid());
            pss = rollupField(m_child.pid(), "Pss");
            if (before == pss)
                break;
        }
        QVERIFY(s.ok());
        Totals t = computeTotals(*s);
        QCOMPARE(t.all.rss, rollupField(m_child.pid(), "Rss"));
        QCOMPARE(t.all.swap, rollupField(m_child.pid(), "Swap"));
        QVERIFY(t.all.pss <= pss);
        QVERIFY(pss - t.all.pss < 1024 * s->regions.size());
        QCOMPARE(t.of(RegionType::Free).blocks + t.of(RegionType::Image).blocks + t.of(RegionType::Mapped).blocks
                + t.of(RegionType::Private).blocks,
            std::uint64_t(s->regions.size()));
    }

    void noSuchProcess()
    {
        // A PID that was just reaped is free.
        pid_t p = ::fork();
        if (p == 0)
            ::_exit(0);
        ::waitpid(p, nullptr, 0);
        auto s = readSnapshot(p);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::NoSuchProcess);
        QCOMPARE(s.error().message, "no process with PID " + std::to_string(p));
        auto pages = readPages(p, 0x1000, 0x2000);
        QCOMPARE(pages.error().code, ErrorCode::NoSuchProcess);
    }

    void zombieHasExited()
    {
        pid_t p = ::fork();
        if (p == 0)
            ::_exit(0);
        QTest::qWait(100); // now a zombie, not yet reaped
        auto s = readSnapshot(p);
        auto pages = readPages(p, 0x1000, 0x2000);
        ::waitpid(p, nullptr, 0);
        QVERIFY(!s.ok() && !pages.ok());
        QCOMPARE(s.error().code, ErrorCode::ProcessExited);
        QCOMPARE(pages.error().code, ErrorCode::ProcessExited);
        // Said as what it is, naming the PID.
        const std::string expected
            = "process " + std::to_string(p) + " is a zombie (exited, not yet reaped): it has no address space left";
        QCOMPARE(s.error().message, expected);
        QCOMPARE(pages.error().message, expected);
    }

    void sameUserRefusedByTheKernel()
    {
        // nobody reading nobody's non-dumpable process: refused, but not as "another user's process".
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        QProcess target;
        vmatlas::test::startAsNobody(target, QStringLiteral(VMATLAS_TESTCHILD), { QStringLiteral("nodump") });
        QVERIFY(target.waitForStarted());
        QVERIFY(target.waitForReadyRead(10000));
        QVERIFY(target.readLine().startsWith("ready"));
        const Pid pid = target.processId();
        const std::string msg = vmatlas::test::runForkedAsNobody([pid] {
            auto s = readSnapshot(pid);
            return std::string(s.ok() ? "O" : (s.error().code == ErrorCode::PermissionDenied ? "P" : "X"))
                + (s.ok() ? "" : s.error().message);
        });
        target.closeWriteChannel();
        target.waitForFinished(5000);
        QVERIFY2(msg.rfind("P", 0) == 0, msg.c_str());
        QVERIFY2(msg.find("another user's") == std::string::npos, msg.c_str());
        QVERIFY2(msg.find("it runs as your user") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("non-dumpable") != std::string::npos, msg.c_str());
        QVERIFY(msg.find(std::to_string(pid)) != std::string::npos);
    }

    void kernelThread()
    {
        auto s = readSnapshot(2); // kthreadd
        if (s.ok() || s.error().code == ErrorCode::NoSuchProcess)
            QSKIP("PID 2 is not a kernel thread here");
        if (s.error().code == ErrorCode::PermissionDenied)
            QSKIP("PID 2 is not readable here");
        QCOMPARE(s.error().code, ErrorCode::NoAddressSpace);
        auto pages = readPages(2, 0x1000, 0x2000);
        QVERIFY(!pages.ok());
        QCOMPARE(pages.error().code, ErrorCode::NoAddressSpace);
        QCOMPARE(pages.error().message, std::string("process 2 is a kernel thread: it has no user address space"));
    }

    void permissionDenied()
    {
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        // A child that drops to nobody tries to read us (root): denied.
        const Pid target = ::getpid();
        const std::string msg = vmatlas::test::runForkedAsNobody([target] {
            auto s = readSnapshot(target);
            auto pages = readPages(target, 0x1000, 0x2000);
            char code = s.ok() ? 'O' : (s.error().code == ErrorCode::PermissionDenied ? 'P' : 'X');
            char code2 = pages.ok() ? 'O' : (pages.error().code == ErrorCode::PermissionDenied ? 'P' : 'X');
            return std::string(1, code) + std::string(1, code2) + (s.ok() ? "" : s.error().message);
        });
        QVERIFY2(msg.rfind("PP", 0) == 0, msg.c_str());
        QVERIFY(msg.find("ptrace-read access") != std::string::npos);
        QVERIFY(msg.find(std::to_string(target)) != std::string::npos);
        // Yama's switch is named where the kernel has one (on this machine it has none), and only there.
        QCOMPARE(msg.find("yama") != std::string::npos, ::access("/proc/sys/kernel/yama/ptrace_scope", F_OK) == 0);
    }

    void processList()
    {
        auto list = listProcesses();
        QVERIFY(list.ok());
        const ProcessInfo *child = nullptr;
        const ProcessInfo *self = nullptr;
        for (const ProcessInfo &p : *list) {
            if (p.pid == m_child.pid())
                child = &p;
            if (p.pid == ::getpid())
                self = &p;
            QVERIFY(p.pid > 0);
        }
        QVERIFY(child && self);
        QCOMPARE(child->name, std::string("vmatlas_testchi"));
        QCOMPARE(fullProcessName(child->name, child->commandLine), std::string("vmatlas_testchild"));
        QVERIFY(child->commandLine.find("layout") != std::string::npos);
        QVERIFY(child->readable);
        QVERIFY(child->rss > 0);
        QVERIFY(!child->user.empty());
        QVERIFY(std::is_sorted(
            list->begin(), list->end(), [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid < b.pid; }));
    }

    void rangeRoundedToPages()
    {
        auto pages = readPages(m_child.pid(), kBase + 0x400000 + 10, kBase + 0x400000 + kPage + 1);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(2));
        QCOMPARE(pages->front().address, kBase + 0x400000);
        auto empty = readPages(m_child.pid(), kBase, kBase);
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::BadInput);
    }

    void exitedChild()
    {
        m_child.finish();
        auto s = readSnapshot(m_snap.pid);
        QVERIFY(!s.ok());
        QVERIFY(s.error().code == ErrorCode::NoSuchProcess || s.error().code == ErrorCode::ProcessExited);
    }
};

QTEST_GUILESS_MAIN(TestLinuxSource)
#include "tst_linuxsource.moc"
