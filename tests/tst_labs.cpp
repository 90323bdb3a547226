// Every teaching lab run headless (vmatlas lab NAME --out DIR): what each step must show in its
// CSV files, and that nothing is left behind.
#include "csv.h"
#include "labs/labprotocol.h"
#include "labs/labs.h"
#include "testutil.h"
#include "units.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vmatlas;

namespace {

struct LabRun
{
    int code = -1;
    QStringList lines;
    QByteArray err;
    QString dir;
};

std::vector<Region> regions(const QString &file)
{
    auto r = regionsFromCsv(vmatlas::test::readFileStd(file));
    if (!r)
        qFatal("%s: %s", qPrintable(file), r.error().message.c_str());
    return std::move(r).value();
}

std::vector<PageInfo> pages(const QString &file)
{
    auto p = pagesFromCsv(vmatlas::test::readFileStd(file));
    if (!p)
        qFatal("%s: %s", qPrintable(file), p.error().message.c_str());
    return std::move(p).value();
}

std::vector<PageState> states(const std::vector<PageInfo> &p)
{
    std::vector<PageState> s;
    for (const PageInfo &i : p)
        s.push_back(i.state);
    return s;
}

const Region *at(const std::vector<Region> &rs, Address a)
{
    for (const Region &r : rs)
        if (r.contains(a))
            return &r;
    return nullptr;
}

QStringList labLeftovers()
{
    return QDir(QDir::tempPath()).entryList({ QStringLiteral("vmatlas-lab-*") }, QDir::Dirs | QDir::Files);
}

} // namespace

class TestLabs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_before;

    LabRun run(const QString &lab, const QStringList &extra = {})
    {
        LabRun r;
        r.dir = m_dir.filePath(lab);
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY),
            QStringList { QStringLiteral("lab"), lab, QStringLiteral("--out"), r.dir } + extra);
        p.waitForFinished(120000);
        r.code = p.exitCode();
        r.lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.err = p.readAllStandardError();
        return r;
    }

    // The address a step line names after "at ".
    static Address addressIn(const QString &line, int nth = 0)
    {
        QRegularExpression re(QStringLiteral("0x[0-9a-f]+"));
        auto it = re.globalMatch(line);
        Address a = 0;
        for (int i = 0; it.hasNext(); ++i) {
            auto m = it.next();
            if (i == nth)
                parseAddress(m.captured().toStdString(), a);
        }
        return a;
    }

private slots:
    void initTestCase() { m_before = labLeftovers(); }

    void list()
    {
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY), { QStringLiteral("lab"), QStringLiteral("--list") });
        QVERIFY(p.waitForFinished(10000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *name :
            { "reserve-commit", "shared-section", "copy-on-write", "fork-cow", "page-out", "image-sharing" })
            QVERIFY2(out.contains(QLatin1String(name)), qPrintable(out));
        QCOMPARE(allLabs().size(), std::size_t(6));
    }

    // A reply line from a lab target: its values, or the target's refusal as an error.
    void replyParsing_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("message");
        QTest::addRow("ok with values") << QStringLiteral("ok 0x7f0000 5") << true
                                        << QStringList { QStringLiteral("0x7f0000"), QStringLiteral("5") } << QString();
        QTest::addRow("bare ok") << QStringLiteral("ok") << true << QStringList() << QString();
        QTest::addRow("extra spaces") << QStringLiteral("  ok   a  b ") << true
                                      << QStringList { QStringLiteral("a"), QStringLiteral("b") } << QString();
        QTest::addRow("error with a message")
            << QStringLiteral("error mmap: Cannot allocate memory") << false << QStringList()
            << QStringLiteral("the lab target refused 'reserve 4096': mmap: Cannot allocate memory");
        QTest::addRow("neither ok nor error, short") << QStringLiteral("what") << false << QStringList()
                                                     << QStringLiteral("the lab target refused 'reserve 4096': what");
        QTest::addRow("empty line") << QString() << false << QStringList()
                                    << QStringLiteral("the lab target refused 'reserve 4096': ");
        QTest::addRow("okay is not ok") << QStringLiteral("okay 1") << false << QStringList()
                                        << QStringLiteral("the lab target refused 'reserve 4096': okay 1");
    }

    void replyParsing()
    {
        QFETCH(QString, reply);
        QFETCH(bool, ok);
        QFETCH(QStringList, values);
        QFETCH(QString, message);
        auto r = labprotocol::parseReply(reply.toStdString(), "reserve 4096");
        QCOMPARE(bool(r), ok);
        if (!ok) {
            QCOMPARE(r.error().code, ErrorCode::Io);
            QCOMPARE(QString::fromStdString(r.error().message), message);
            return;
        }
        QStringList got;
        for (const std::string &v : *r)
            got << QString::fromStdString(v);
        QCOMPARE(got, values);
    }

    // Lines come out of the bytes read so far one at a time, "\r\n" or "\n", and a partial line waits.
    void lineSplitting()
    {
        std::string buffer = "ok ready 42\r\nok 0x1000\nerr";
        std::string line;
        QVERIFY(labprotocol::takeLine(buffer, line));
        QCOMPARE(line, std::string("ok ready 42"));
        QVERIFY(labprotocol::takeLine(buffer, line));
        QCOMPARE(line, std::string("ok 0x1000"));
        QVERIFY(!labprotocol::takeLine(buffer, line));
        QCOMPARE(buffer, std::string("err"));
        buffer += "or bad\n\n";
        QVERIFY(labprotocol::takeLine(buffer, line));
        QCOMPARE(line, std::string("error bad"));
        QVERIFY(labprotocol::takeLine(buffer, line));
        QCOMPARE(line, std::string());
        QVERIFY(buffer.empty());
        QVERIFY(!labprotocol::takeLine(buffer, line));
    }

    void numberParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("value");
        QTest::addRow("decimal") << QStringLiteral("4096") << true << quint64(4096);
        QTest::addRow("hex") << QStringLiteral("0x7f00") << true << quint64(0x7f00);
        QTest::addRow("empty") << QString() << false << quint64(0);
        QTest::addRow("bare 0x") << QStringLiteral("0x") << false << quint64(0);
        QTest::addRow("trailing text") << QStringLiteral("12x") << false << quint64(0);
        QTest::addRow("negative") << QStringLiteral("-1") << false << quint64(0);
        QTest::addRow("too large") << QStringLiteral("18446744073709551616") << false << quint64(0);
    }

    void numberParsing()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, value);
        std::uint64_t n = 0;
        QCOMPARE(labprotocol::parseNumber(text.toStdString(), n), ok);
        if (ok)
            QCOMPARE(quint64(n), value);
    }

    // The facts the window and the CLI read from a lab's definition.
    void labFacts_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<quint64>("defaultSize");
        QTest::addColumn<bool>("sizeAdjustable");
        QTest::addColumn<bool>("secondProcess");
        QTest::addRow("reserve-commit: 4 MiB, one process")
            << QStringLiteral("reserve-commit") << (quint64(4) << 20) << true << false;
        QTest::addRow("shared-section: 64 KiB, process B")
            << QStringLiteral("shared-section") << (quint64(64) << 10) << true << true;
        QTest::addRow("copy-on-write: 16 KiB, one process")
            << QStringLiteral("copy-on-write") << (quint64(16) << 10) << true << false;
        QTest::addRow("fork-cow: 16 KiB, the forked child")
            << QStringLiteral("fork-cow") << (quint64(16) << 10) << true << true;
        QTest::addRow("page-out: 2 MiB, one process")
            << QStringLiteral("page-out") << (quint64(2) << 20) << true << false;
        QTest::addRow("image-sharing: no size, process B")
            << QStringLiteral("image-sharing") << (quint64(0) << 0) << false << true;
    }

    void labFacts()
    {
        QFETCH(QString, lab);
        QFETCH(quint64, defaultSize);
        QFETCH(bool, sizeAdjustable);
        QFETCH(bool, secondProcess);
        const LabDefinition *l = findLab(lab.toStdString());
        QVERIFY(l);
        QCOMPARE(quint64(l->defaultSize), defaultSize);
        QCOMPARE(l->sizeAdjustable, sizeAdjustable);
        QCOMPARE(l->secondProcess, secondProcess);
    }

    // secondProcess says whether a run of the lab ends with a process B.
    void secondProcessMatchesASession_data()
    {
        QTest::addColumn<QString>("lab");
        for (const LabDefinition &l : allLabs())
            QTest::addRow("%s", l.name.c_str()) << QString::fromStdString(l.name);
    }

    void secondProcessMatchesASession()
    {
        QFETCH(QString, lab);
        auto session = LabSession::start(lab.toStdString(), VMATLAS_BINARY);
        QVERIFY2(session, session ? "" : session.error().message.c_str());
        LabSession &s = **session;
        bool sawB = false;
        while (!s.finished()) {
            auto step = s.runNextStep();
            QVERIFY2(step, step ? "" : step.error().message.c_str());
            sawB |= s.pidB() != 0;
        }
        QCOMPARE(sawB, s.lab().secondProcess);
    }

    // Bad values between steps are errors, not exceptions (the core API throws none).
    void badStepValuesAreErrors()
    {
        auto session = LabSession::start("reserve-commit", VMATLAS_BINARY);
        QVERIFY2(session, session ? "" : session.error().message.c_str());
        LabSession &s = **session;
        QVERIFY(s.runNextStep());
        QVERIFY(s.runNextStep());
        s.vars["committed"] = "not a number";
        auto touch = s.runNextStep();
        QVERIFY(!touch);
        QCOMPARE(touch.error().code, ErrorCode::BadInput);
        s.vars["child"] = "12x";
        QCOMPARE(s.pidB(), Pid(0));
    }

    void reserveCommit()
    {
        LabRun r = run(QStringLiteral("reserve-commit"), { QStringLiteral("--size"), QStringLiteral("1048576") });
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.lines.size(), 6);
        QVERIFY(r.lines[1].startsWith(QStringLiteral("step 1: reserved 1.00 MiB at 0x")));
        const Address base = addressIn(r.lines[1]);
        const QString d = r.dir + QStringLiteral("/step-");
        // 1: one Reserved Private region of exactly 1 MiB, no pages.
        auto rs = regions(d + QStringLiteral("1.csv"));
        const Region *res = at(rs, base);
        QVERIFY(res);
        QCOMPARE(res->start, base);
        QCOMPARE(res->size(), 1ULL << 20);
        QCOMPARE(res->type, RegionType::Private);
        QCOMPARE(res->state, RegionState::Reserved);
        QCOMPARE(states(pages(d + QStringLiteral("1-pages.csv"))), std::vector<PageState>(256, PageState::None));
        // The target is a small process to look at: no heap the tool grew for its own short runs (192 MiB). (Under
        // AddressSanitizer, whose allocator maps its own memory, there is no [heap] at all.)
        std::uint64_t heap = 0;
        for (const Region &x : rs)
            heap += x.path() == "[heap]" ? x.size() : 0;
        QVERIFY2(heap < (8ULL << 20), qPrintable(QStringLiteral("[heap]: %1 bytes").arg(heap)));
        // 2: a committed quarter, the rest reserved.
        rs = regions(d + QStringLiteral("2.csv"));
        QCOMPARE(at(rs, base)->size(), 256ULL << 10);
        QCOMPARE(at(rs, base)->state, RegionState::Committed);
        QCOMPARE(at(rs, base + (256 << 10))->state, RegionState::Reserved);
        QCOMPARE(at(rs, base + (256 << 10))->size(), 768ULL << 10);
        // Committed is counted against the commit limit (VmFlags "ac": Committed_AS); the reservation is not.
        const auto accounted
            = [](const Region *x) { return (" " + x->vmFlagsText() + " ").find(" ac ") != std::string::npos; };
        QVERIFY2(accounted(at(rs, base)), at(rs, base)->vmFlagsText().c_str());
        QVERIFY2(!accounted(at(rs, base + (256 << 10))), at(rs, base + (256 << 10))->vmFlagsText().c_str());
        // 3: half the committed pages touched: anon. The report says before -> after, the same pages on both sides.
        QCOMPARE(r.lines[3], QStringLiteral("step 3: touched 32 pages: 32 not in RAM \u2192 32 anon"));
        auto p3 = states(pages(d + QStringLiteral("3-pages.csv")));
        std::vector<PageState> expected(256, PageState::None);
        std::fill(expected.begin(), expected.begin() + 32, PageState::Anon);
        QCOMPARE(p3, expected);
        QCOMPARE(at(regions(d + QStringLiteral("3.csv")), base)->counter(Counter::Rss), 32ULL * 4096);
        // 4: decommitted: one Reserved region again, no pages. The report counts its pages as reserved, as the
        // page strip does, not as pages merely not in RAM.
        QCOMPARE(r.lines[4], QStringLiteral("step 4: decommitted: 256 reserved, Reserved again"));
        rs = regions(d + QStringLiteral("4.csv"));
        QCOMPARE(at(rs, base)->state, RegionState::Reserved);
        QCOMPARE(at(rs, base)->size(), 1ULL << 20);
        QVERIFY2(!accounted(at(rs, base)), at(rs, base)->vmFlagsText().c_str());
        QCOMPARE(states(pages(d + QStringLiteral("4-pages.csv"))), std::vector<PageState>(256, PageState::None));
        // 5: released: Free.
        rs = regions(d + QStringLiteral("5.csv"));
        const Region *gone = at(rs, base);
        QVERIFY(!gone || gone->type == RegionType::Free);
        for (int k = 1; k <= 5; ++k)
            QVERIFY(QFile::exists(d + QString::number(k) + QStringLiteral(".png")));
    }

    void sharedSection()
    {
        LabRun r = run(QStringLiteral("shared-section"));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.lines.size(), 6);
        const Address a = addressIn(r.lines[1]);
        const QString d = r.dir + QStringLiteral("/step-");
        const Region *sec = nullptr;
        auto rs1 = regions(d + QStringLiteral("1.csv"));
        sec = at(rs1, a);
        QVERIFY(sec);
        QCOMPARE(sec->type, RegionType::Mapped);
        QCOMPARE(sec->protection.toString(), std::string("rw-s"));
        QCOMPARE(sec->size(), 64ULL << 10);
        QCOMPARE(sec->path(), std::string("/memfd:vmatlas-lab-section (deleted)"));
        std::vector<PageState> one(16, PageState::None);
        one[0] = PageState::File;
        QCOMPARE(states(pages(d + QStringLiteral("2-pages.csv"))), one);
        // 3: B maps it and reads A's bytes; the page is shared, so PSS is half of RSS in both.
        QVERIFY2(r.lines[3].contains(QStringLiteral("read \"Hello from A\"")), qPrintable(r.lines[3]));
        auto rs3 = regions(d + QStringLiteral("3.csv"));
        QCOMPARE(at(rs3, a)->counter(Counter::Rss), 4096ULL);
        QCOMPARE(at(rs3, a)->counter(Counter::Pss), 2048ULL);
        const Address b = addressIn(r.lines[3]);
        auto rs3b = regions(d + QStringLiteral("3-b.csv"));
        QCOMPARE(at(rs3b, b)->path(), std::string("/memfd:vmatlas-lab-section (deleted)"));
        QCOMPARE(at(rs3b, b)->counter(Counter::Pss), 2048ULL);
        QCOMPARE(states(pages(d + QStringLiteral("3-b-pages.csv"))), one);
        QVERIFY(r.lines[4].contains(QStringLiteral("A reads \"Reply from B\"")));
        QVERIFY2(r.lines[5].contains(QStringLiteral("access violation: the view at 0x"))
                && r.lines[5].contains(QStringLiteral("is read-only")),
            qPrintable(r.lines[5]));
        auto rs5b = regions(d + QStringLiteral("5-b.csv"));
        const Address ro = addressIn(r.lines[5]);
        QCOMPARE(at(rs5b, ro)->protection.toString(), std::string("r--s"));
        // B read the written page through the read-only view: in RAM there, mapped three times (A, B's two views);
        // the section's other pages stay holes.
        QCOMPARE(states(pages(d + QStringLiteral("5-b-pages.csv"))), one);
        QCOMPARE(at(rs5b, ro)->counter(Counter::Rss), 4096ULL);
        QCOMPARE(at(rs5b, ro)->counter(Counter::Pss), 1024ULL); // 4096 / 3 bytes, which smaps prints as 1 kB
    }

    void copyOnWrite()
    {
        LabRun r = run(QStringLiteral("copy-on-write"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QString d = r.dir + QStringLiteral("/step-");
        const Address a = addressIn(r.lines[1]);
        auto rs = regions(d + QStringLiteral("1.csv"));
        QCOMPARE(at(rs, a)->type, RegionType::Mapped);
        QCOMPARE(at(rs, a)->protection.toString(), std::string("rw-p"));
        QVERIFY(at(rs, a)->path().find("/copy-on-write.dat") != std::string::npos);
        QCOMPARE(states(pages(d + QStringLiteral("1-pages.csv"))), std::vector<PageState>(4, PageState::None));
        QCOMPARE(states(pages(d + QStringLiteral("2-pages.csv"))), std::vector<PageState>(4, PageState::File));
        const auto p3 = pages(d + QStringLiteral("3-pages.csv"));
        QCOMPARE(states(p3),
            (std::vector<PageState> { PageState::File, PageState::Anon, PageState::File, PageState::File }));
        QCOMPARE(p3[1].address, a + 4096); // exactly the written page
        QVERIFY(p3[1].exclusive);
        QVERIFY2(r.lines[3].endsWith(QStringLiteral("the file on disk is unchanged")), qPrintable(r.lines[3]));
        QCOMPARE(at(regions(d + QStringLiteral("3.csv")), a)->counter(Counter::Anonymous), 4096ULL);
        // step-3.png is zoomed to the lab's pages: the copied page is there to see, a block of the anon colour
        // that step 2 (all file pages) does not have. Past the legend's swatches, that is.
        auto anonPixels = [](const QString &file) {
            const QImage image(file);
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    n += (image.pixel(x, y) & 0xffffff) == 0xD55E00;
            return n;
        };
        const int before = anonPixels(d + QStringLiteral("2.png")), after = anonPixels(d + QStringLiteral("3.png"));
        QVERIFY2(after > before + 300, qPrintable(QStringLiteral("anon pixels %1 -> %2").arg(before).arg(after)));
    }

    void forkCow()
    {
        LabRun r = run(QStringLiteral("fork-cow"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QString d = r.dir + QStringLiteral("/step-");
        auto p1 = pages(d + QStringLiteral("1-pages.csv"));
        QCOMPARE(states(p1), std::vector<PageState>(4, PageState::Anon));
        for (const PageInfo &p : p1)
            QVERIFY(p.exclusive);
        // After fork: shared by parent and child, exclusive in neither.
        for (const QString &f : { QStringLiteral("2-pages.csv"), QStringLiteral("2-b-pages.csv") }) {
            auto p = pages(d + f);
            QCOMPARE(states(p), std::vector<PageState>(4, PageState::Anon));
            for (const PageInfo &i : p)
                QVERIFY2(!i.exclusive, qPrintable(f));
        }
        // The child's write copies page 2: exclusive again in both, the others still shared.
        for (const QString &f : { QStringLiteral("3-pages.csv"), QStringLiteral("3-b-pages.csv") }) {
            auto p = pages(d + f);
            QCOMPARE(states(p), std::vector<PageState>(4, PageState::Anon));
            QCOMPARE((std::vector<bool> { p[0].exclusive, p[1].exclusive, p[2].exclusive, p[3].exclusive }),
                (std::vector<bool> { false, false, true, false }));
        }
    }

    void pageOut()
    {
        LabRun r = run(QStringLiteral("page-out"), { QStringLiteral("--size"), QStringLiteral("262144") });
        QVERIFY2(r.code == 0, r.err.constData());
        const QString d = r.dir + QStringLiteral("/step-");
        std::vector<PageState> before(128, PageState::Anon);
        std::fill(before.begin() + 64, before.end(), PageState::File);
        QCOMPARE(states(pages(d + QStringLiteral("1-pages.csv"))), before);
        const bool swap = r.lines[2].contains(QStringLiteral("has swap"));
        std::vector<PageState> after(128, swap ? PageState::Swap : PageState::Anon);
        std::fill(after.begin() + 64, after.end(), PageState::None);
        if (swap) {
            // With swap, some pages may stay (the kernel may refuse busy ones): all are swap or anon.
            for (PageInfo p : pages(d + QStringLiteral("2-pages.csv")))
                QVERIFY(p.state != PageState::File);
        } else {
            QVERIFY2(r.lines[2].contains(QStringLiteral("this machine has no swap: anon pages cannot leave RAM")),
                qPrintable(r.lines[2]));
            QCOMPARE(states(pages(d + QStringLiteral("2-pages.csv"))), after);
        }
        QCOMPARE(states(pages(d + QStringLiteral("3-pages.csv"))), before);
    }

    void imageSharing()
    {
        LabRun r = run(QStringLiteral("image-sharing"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QString d = r.dir + QStringLiteral("/step-");
        // Both run the vmatlas binary: its image is shared, so PSS < RSS.
        std::uint64_t rss = 0, pss = 0;
        for (const Region &g : regions(d + QStringLiteral("1.csv"))) {
            if (g.labelKind == LabelKind::Program) {
                QCOMPARE(g.type, RegionType::Image);
                rss += g.counter(Counter::Rss);
                pss += g.counter(Counter::Pss);
            }
        }
        QVERIFY(rss > 0);
        QVERIFY2(pss < rss, qPrintable(QStringLiteral("PSS %1, RSS %2").arg(pss).arg(rss)));
        // Step 1's range in B is B's own code (its own address, not A's): every page of it is in B's program image.
        const auto inB = pages(d + QStringLiteral("1-b-pages.csv"));
        QVERIFY(!inB.empty());
        const auto regionsB = regions(d + QStringLiteral("1-b.csv"));
        for (const PageInfo &p : inB) {
            const Region *code = at(regionsB, p.address);
            QVERIFY(code);
            QCOMPARE(code->labelKind, LabelKind::Program);
            QVERIFY(code->protection.execute);
        }
        // A's written data page is a private copy (anon); B's is still the file's.
        QCOMPARE(states(pages(d + QStringLiteral("2-pages.csv"))),
            (std::vector<PageState> { PageState::Anon, PageState::File }));
        QCOMPARE(states(pages(d + QStringLiteral("2-b-pages.csv"))),
            (std::vector<PageState> { PageState::File, PageState::File }));
        QVERIFY2(r.lines[2].contains(QStringLiteral(": in A 2 file \u2192 1 file, 1 anon; in B 2 file")),
            qPrintable(r.lines[2]));
        QVERIFY2(r.lines[1].contains(QRegularExpression(QStringLiteral(" [KMG]iB, PSS "))), qPrintable(r.lines[1]));
        // The report names both figures: the whole image's and its code's, the range the window then shows (its
        // details sum that region: the same figures).
        const auto stepOne = regions(d + QStringLiteral("1.csv"));
        const Region *code = nullptr;
        int imageRegions = 0;
        for (const Region &g : stepOne) {
            if (g.labelKind == LabelKind::Program) {
                ++imageRegions;
                if (g.protection.execute && !code)
                    code = &g;
            }
        }
        QVERIFY(code);
        // RSS as the CSV read a moment later (A is idle); PSS moves with every process running the binary (this
        // command's own vmatlas among them), so only its place is checked.
        QVERIFY2(r.lines[1].contains(QRegularExpression(
                     QStringLiteral("In A its image \\(%1 regions\\) has RSS %2, PSS [0-9.]+ [KMG]?i?B; ")
                         .arg(imageRegions)
                         .arg(QRegularExpression::escape(QString::fromStdString(formatBytes(rss)))))),
            qPrintable(r.lines[1]));
        QVERIFY2(r.lines[1].contains(
                     QRegularExpression(QStringLiteral("its code, the range shown, RSS %1, PSS [0-9.]+ [KMG]?i?B ")
                                            .arg(QRegularExpression::escape(
                                                QString::fromStdString(formatBytes(code->counter(Counter::Rss))))))),
            qPrintable(r.lines[1]));
        const Address data = addressIn(r.lines[2]);
        auto rs = regions(d + QStringLiteral("2.csv"));
        QCOMPARE(at(rs, data)->type, RegionType::Image); // the data segment of the program file
        QCOMPARE(at(rs, data)->labelKind, LabelKind::Program);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("no such lab") << QStringList { QStringLiteral("nosuch"), QStringLiteral("--out"),
            QStringLiteral("x") } << QStringLiteral("there is no lab named 'nosuch'");
        QTest::addRow("zero size") << QStringList { QStringLiteral("reserve-commit"), QStringLiteral("--out"),
            QStringLiteral("x"), QStringLiteral("--size"), QStringLiteral("0") }
                                   << QStringLiteral("at least one page");
        QTest::addRow("not page aligned") << QStringList { QStringLiteral("reserve-commit"), QStringLiteral("--out"),
            QStringLiteral("x"), QStringLiteral("--size"), QStringLiteral("5000") }
                                          << QStringLiteral("whole number of pages");
        QTest::addRow("too large") << QStringList { QStringLiteral("reserve-commit"), QStringLiteral("--out"),
            QStringLiteral("x"), QStringLiteral("--size"), QStringLiteral("2147483648") }
                                   << QStringLiteral("too large");
        QTest::addRow("no out") << QStringList { QStringLiteral("reserve-commit") }
                                << QStringLiteral("--out DIR is required");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(VMATLAS_BINARY), QStringList { QStringLiteral("lab") } + args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x"))));
    }

    void targetDiesWithItsParent()
    {
        // The lab target has PR_SET_PDEATHSIG: killing the driver kills it, and nothing is left running.
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY), { QStringLiteral("lab-target") });
        QVERIFY(p.waitForReadyRead(10000));
        QVERIFY(p.readLine().startsWith("ok ready"));
        p.write("reserve 65536\n");
        QVERIFY(p.waitForReadyRead(10000));
        QVERIFY(p.readLine().startsWith("ok 0x"));
        p.write("nonsense 1 2\n");
        QVERIFY(p.waitForReadyRead(10000));
        QVERIFY(p.readLine().startsWith("error unknown or malformed command 'nonsense'"));
        p.write("quit\n");
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }

    void nothingLeftBehind()
    {
        QCOMPARE(labLeftovers(), m_before);
        // memfd sections live nowhere in the file system; nothing in /dev/shm either (but for the use tests' helper,
        // "vmatlas-usage-PID", which may be alive in a test running beside this one).
        QStringList shm = QDir(QStringLiteral("/dev/shm")).entryList({ QStringLiteral("*vmatlas*") }, QDir::Files);
        shm.removeIf([](const QString &name) { return name.startsWith(QLatin1String("vmatlas-usage-")); });
        QVERIFY2(shm.isEmpty(), qPrintable(shm.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestLabs)
#include "tst_labs.moc"
