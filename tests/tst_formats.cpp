// CSV and JSON: exact round trips, hostile paths, formula neutralisation, clear errors.
#include "classify.h"
#include "csv.h"
#include "fileio.h"
#include "smapsparser.h"
#include "snapshotjson.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vmatlas;

namespace {

Snapshot fixtureSnapshot(const char *name)
{
    auto parsed = parseSmaps(vmatlas::test::readTestData(name));
    ProcessContext ctx;
    ctx.pid = 4242;
    ctx.processName = "python3";
    ctx.commandLine = "python3 -c 'print(\"hi\")'";
    ctx.timestampMs = 1795000000123;
    ctx.threads = { { 77, 0 } };
    ctx.userSpaceTop = 0x7ffffffff000;
    return classify(std::move(parsed).value(), ctx);
}

// A snapshot whose paths are every kind of trouble for CSV and JSON.
Snapshot hostileSnapshot()
{
    Snapshot s;
    s.pid = 7;
    s.processName = "bad\xff name";
    s.commandLine = "cmd \"quoted\", with\nnewline";
    s.platform = "linux";
    s.timestampMs = 1;
    const std::vector<std::string> paths = {
        "/tmp/a,b.so",
        "/tmp/\"quoted\"",
        "/tmp/new\nline",
        std::string("/tmp/invalid\xff\xfe utf8"),
        "=cmd|' /C calc'!A0",
        "+1",
        "-2",
        "@SUM(A1)",
        "'already quoted",
        "/tmp/back\\slash\\x41",
        "C:\\Windows\\System32\\kernel32.dll",
        "\\\\x41\\",
        "\\x4",
        "\\",
        "/tmp/tab\there\rcr",
        "/tmp/\xe4\xb8\xad\xe6\x96\x87 \xd8\xa7\xe2\x80\x8f rtl",
        std::string(4096, 'n'),
        std::string("/tmp/nul\0byte", 13),
        std::string("/tmp/truncated \xe4\xb8"),
    };
    Address a = 0x10000;
    for (const auto &p : paths) {
        Region r;
        r.start = a;
        r.end = a + 0x1000;
        r.type = RegionType::Mapped;
        r.state = RegionState::Committed;
        r.protection = { true, false, false, 'p' };
        r.inode = 99;
        r.devMajor = 0xfe;
        r.pathPtr = std::make_shared<const std::string>(p);
        r.setCounter(Counter::Rss, 4096);
        r.setCounter(Counter::Locked, 4096);
        r.setKernelPageSize(4096);
        r.setMmuPageSize(4096);
        s.regions.push_back(r);
        a += 0x2000;
    }
    {
        // Counters exact to 64 bits (beyond a double's 53): a region as large as them.
        Region big = s.regions.back();
        big.start = std::uint64_t(1) << 62;
        big.end = std::uint64_t(1) << 63;
        big.setCounter(Counter::Locked, (std::uint64_t(1) << 62) - 1);
        s.regions.push_back(big);
    }
    s.regions[2].labelKind = LabelKind::AnonName;
    s.regions[3].labelKind = LabelKind::ThreadStack;
    s.regions[3].tid = 123;
    s.regions[4].protectionKey = 5;
    s.regions[4].protection.sharing = 'c';
    s.extras.push_back({ 1, "Weird\xff", "12 kB" });
    return s;
}

void compareRegions(const std::vector<Region> &a, const std::vector<Region> &b)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(QByteArray::fromStdString(b[i].path()).toHex(), QByteArray::fromStdString(a[i].path()).toHex());
        QVERIFY2(a[i] == b[i], hexAddress(a[i].start).c_str());
    }
}

} // namespace

class TestFormats : public QObject
{
    Q_OBJECT

private slots:
    void fullProcessNames()
    {
        // Linux's comm is cut at 15 bytes: the command line's first word gives the rest.
        QCOMPARE(fullProcessName("vmatlas_testchi", "/work/build/bin/vmatlas_testchild many 20000"),
            std::string("vmatlas_testchild"));
        QCOMPARE(fullProcessName("chrome_crashpad", "chrome_crashpad_handler --monitor-self"),
            std::string("chrome_crashpad_handler"));
        // Shorter names are whole; a program that renamed itself, or a first word that does not begin with the
        // name, keeps the name; no command line (a kernel thread, a zombie) keeps the name.
        QCOMPARE(fullProcessName("java", "/usr/lib/jvm/bin/java -Xmx512m Idle"), std::string("java"));
        QCOMPARE(fullProcessName("postgres: walwr", "postgres: walwriter"), std::string("postgres: walwr"));
        QCOMPARE(fullProcessName("kworker/0:1-eve", ""), std::string("kworker/0:1-eve"));
        QCOMPARE(fullProcessName("vmatlas_testchi", "/bin/vmatlas_testchi"), std::string("vmatlas_testchi"));
        QCOMPARE(fullProcessName("vmatlas_testchi", "/bin/other_program_name"), std::string("vmatlas_testchi"));
    }

    void csvHeader()
    {
        const std::string csv = regionsToCsv(fixtureSnapshot("bash.smaps"));
        const std::string first = csv.substr(0, csv.find('\n'));
        QVERIFY(first.rfind("start,end,size,type,state,protection,offset,device,inode,path,label,rss,pss,swap,"
                            "shared_clean,shared_dirty,private_clean,private_dirty,anonymous,locked",
                    0)
            == 0);
    }

    void csvRows()
    {
        Snapshot s = fixtureSnapshot("bash.smaps");
        const std::string csv = regionsToCsv(s);
        auto rows = parseCsv(csv);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), s.regions.size() + 1);
        // The heap row, cell by cell.
        const Region *heap = nullptr;
        std::size_t row = 0;
        for (std::size_t i = 0; i < s.regions.size(); ++i)
            if (s.regions[i].path() == "[heap]") {
                heap = &s.regions[i];
                row = i + 1;
            }
        QVERIFY(heap);
        const auto &cells = (*rows)[row];
        QCOMPARE(cells[0], std::string("0x55a7a34f9000"));
        QCOMPARE(cells[1], std::string("0x55a7a351a000"));
        QCOMPARE(cells[2], std::to_string(0x21000));
        QCOMPARE(cells[3], std::string("Private"));
        QCOMPARE(cells[4], std::string("Committed"));
        QCOMPARE(cells[5], std::string("rw-p"));
        QCOMPARE(cells[6], std::string("0x0"));
        QCOMPARE(cells[7], std::string("00:00"));
        QCOMPARE(cells[8], std::string("0"));
        QCOMPARE(cells[9], std::string("[heap]"));
        QCOMPARE(cells[10], std::string("heap"));
        QCOMPARE(cells[11], std::to_string(heap->counter(Counter::Rss)));
        QCOMPARE(cells[11], std::string("86016")); // 84 kB in the fixture
        // Free rows are there, sorted.
        std::size_t freeRows = 0;
        for (std::size_t i = 1; i < rows->size(); ++i)
            freeRows += (*rows)[i][3] == "Free";
        QCOMPARE(freeRows, std::size_t(5)); // the gaps of bash.smaps, from 0 and up to the top of user space
    }

    void csvRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::addRow("bash") << 0;
        QTest::addRow("python with odd names") << 1;
        QTest::addRow("jvm") << 2;
        QTest::addRow("hostile paths") << 3;
        QTest::addRow("many regions (written in two halves)") << 4;
    }
    // The hostile paths and the JVM's regions over and over: 12,000 regions, above the size at which the CSV's
    // second half is written on another thread.
    static Snapshot manyRegions()
    {
        Snapshot s = hostileSnapshot();
        const Snapshot jvm = fixtureSnapshot("jvm.smaps");
        std::vector<Region> all;
        Address at = 0x10000;
        for (std::size_t i = 0; all.size() < 12000; ++i) {
            Region r = i % 2 ? jvm.regions[i % jvm.regions.size()] : s.regions[i % s.regions.size()];
            const Address size = r.size() % (1 << 24) + 4096;
            r.start = at;
            r.end = at + size - size % 4096;
            at = r.end;
            all.push_back(std::move(r));
        }
        s.regions = std::move(all);
        return s;
    }
    void csvRoundTrip()
    {
        QFETCH(int, which);
        Snapshot s = which == 0 ? fixtureSnapshot("bash.smaps")
            : which == 1        ? fixtureSnapshot("python.smaps")
            : which == 2        ? fixtureSnapshot("jvm.smaps")
            : which == 3        ? hostileSnapshot()
                                : manyRegions();
        const std::string csv = regionsToCsv(s);
        auto back = regionsFromCsv(csv);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        compareRegions(s.regions, *back);
    }

    // Counters a source did not read (a live tick, a core dump) are absent, not zero: an empty CSV cell and a
    // JSON null, read back as absent.
    void countersNotReadStayAbsent()
    {
        Snapshot s = fixtureSnapshot("bash.smaps");
        std::size_t heap = 0;
        while (s.regions[heap].path() != "[heap]")
            ++heap;
        Region &r = s.regions[heap];
        r.setCounterKnown(Counter::Pss, false);
        r.setCounterKnown(Counter::SharedDirty, false);
        QVERIFY(!r.hasCounter(Counter::Pss));
        QVERIFY(r.hasCounter(Counter::Rss));
        QCOMPARE(r.counter(Counter::Pss), std::uint64_t(0));

        const std::string csv = regionsToCsv(s);
        auto rows = parseCsv(csv);
        QVERIFY(rows.ok());
        const auto &header = (*rows)[0];
        const auto &cells = (*rows)[heap + 1];
        auto cell = [&](const char *name) {
            auto it = std::find(header.begin(), header.end(), std::string(name));
            return it == header.end() ? std::string("(no column)") : cells[std::size_t(it - header.begin())];
        };
        QCOMPARE(cell("pss"), std::string());
        QCOMPARE(cell("shared_dirty"), std::string());
        QCOMPARE(cell("rss"), std::string("86016"));
        auto fromCsv = regionsFromCsv(csv);
        QVERIFY(fromCsv.ok());
        QVERIFY(!(*fromCsv)[heap].hasCounter(Counter::Pss));
        QVERIFY((*fromCsv)[heap].hasCounter(Counter::Rss));
        compareRegions(s.regions, *fromCsv);

        const std::string json = snapshotToJson(s);
        QVERIFY(json.find("\"pss\":null") != std::string::npos);
        auto fromJson = snapshotFromJson(json);
        QVERIFY2(fromJson.ok(), fromJson.ok() ? "" : fromJson.error().message.c_str());
        QVERIFY(*fromJson == s);
        QVERIFY(!fromJson->regions[heap].hasCounter(Counter::SharedDirty));
    }

    void csvEscaping_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("cell");
        QTest::addRow("plain") << QByteArray("/usr/lib/libc.so.6") << QByteArray("/usr/lib/libc.so.6");
        QTest::addRow("comma is quoted") << QByteArray("/a,b") << QByteArray("\"/a,b\"");
        QTest::addRow("quotes doubled") << QByteArray("/a\"b") << QByteArray("\"/a\"\"b\"");
        QTest::addRow("newline kept, quoted") << QByteArray("/a\nb") << QByteArray("\"/a\nb\"");
        QTest::addRow("invalid utf-8 as \\xHH") << QByteArray("/a\xff") << QByteArray("/a\\xff");
        QTest::addRow("lone backslash kept") << QByteArray("C:\\dir\\file") << QByteArray("C:\\dir\\file");
        QTest::addRow("backslash before backslash doubled") << QByteArray("/a\\\\b") << QByteArray("/a\\\\\\b");
        QTest::addRow("backslash before xHH doubled") << QByteArray("/a\\x41") << QByteArray("/a\\\\x41");
        QTest::addRow("backslash before xH kept") << QByteArray("/a\\x4z") << QByteArray("/a\\x4z");
        QTest::addRow("backslash before an escaped byte doubled")
            << QByteArray("/a\\\xa4") << QByteArray("/a\\\\\\xa4");
        QTest::addRow("trailing backslash kept") << QByteArray("/a\\") << QByteArray("/a\\");
        QTest::addRow("formula =") << QByteArray("=1+1") << QByteArray("'=1+1");
        QTest::addRow("formula +") << QByteArray("+1") << QByteArray("'+1");
        QTest::addRow("formula -") << QByteArray("-1") << QByteArray("'-1");
        QTest::addRow("formula @") << QByteArray("@x") << QByteArray("'@x");
        QTest::addRow("leading quote") << QByteArray("'x") << QByteArray("''x");
        QTest::addRow("tab escaped") << QByteArray("/a\tb") << QByteArray("/a\\x09b");
        QTest::addRow("utf-8 kept") << QByteArray("/\xe4\xb8\xad") << QByteArray("/\xe4\xb8\xad");
    }
    void csvEscaping()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, cell);
        std::string out;
        appendCsvCell(out, escapeCsvText(path.toStdString()));
        QCOMPARE(QByteArray::fromStdString(out), cell);
    }

    void csvErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray header = QByteArray::fromStdString(regionsToCsv(hostileSnapshot())).split('\n').first();
        QTest::addRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::addRow("missing column") << QByteArray("start,end\n0x1,0x2\n")
                                        << QStringLiteral("lacks the column 'size'");
        QTest::addRow("unclosed quote") << header + "\n0x1,\"abc\n" << QStringLiteral("never closed");
        QTest::addRow("short row") << header + "\n0x1,0x2\n" << QStringLiteral("row 2 has 2 cells");
    }
    void csvErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        auto r = regionsFromCsv(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).contains(message), r.error().message.c_str());
    }

    void pagesCsv()
    {
        std::vector<PageInfo> pages = { { 0x1000, PageState::None, false }, { 0x2000, PageState::File, true },
            { 0x3000, PageState::Anon, true }, { 0x4000, PageState::Swap, false },
            { 0x5000, PageState::Guard, false } };
        const std::string csv = pagesToCsv(pages);
        QCOMPARE(csv,
            std::string("address,state,exclusive,host\n0x1000,none,0,\n0x2000,file,1,\n0x3000,anon,1,\n0x4000,swap,0,\n"
                        "0x5000,guard,0,\n"));
        auto back = pagesFromCsv(csv);
        QVERIFY(back.ok());
        QVERIFY(*back == pages);
    }

    // Every table names the machine it was read on in its last column, host: empty for this one.
    void hostColumn()
    {
        Snapshot s = fixtureSnapshot("bash.smaps");
        s.host = "build,01";
        const std::string csv = regionsToCsv(s);
        const auto rows = parseCsv(csv);
        QVERIFY(rows.ok());
        QCOMPARE(rows->front().end()[-2], std::string("host"));
        QCOMPARE(rows->front().back(), std::string("counters_read_ms"));
        QCOMPARE(rows->size(), s.regions.size() + 1);
        for (std::size_t i = 1; i < rows->size(); ++i) {
            QCOMPARE((*rows)[i].end()[-2], std::string("build,01"));
            QCOMPARE((*rows)[i].back(), std::string()); // a full read: every counter read with the snapshot
        }
        // A live tick: its carried counters were read at counters_read_ms, the same on every row.
        s.countersReadMs = 1764400000123;
        const auto live = parseCsv(regionsToCsv(s));
        QVERIFY(live.ok());
        for (std::size_t i = 1; i < live->size(); ++i)
            QCOMPARE((*live)[i].back(), std::string("1764400000123"));
        auto back = regionsFromCsv(csv);
        QVERIFY(back.ok());
        QCOMPARE(back->size(), s.regions.size());
        QCOMPARE(pagesToCsv({ { 0x1000, PageState::Anon, true } }, "=cmd"),
            std::string("address,state,exclusive,host\n0x1000,anon,1,'=cmd\n"));

        // A table another machine wrote about itself is named as read from here: the column set or added.
        QCOMPARE(withHostColumn("use,name,host\nheap,\"Heap, private\",\ntotal,Total,\n", "srv"),
            std::string("use,name,host\nheap,\"Heap, private\",srv\ntotal,Total,srv\n"));
        QCOMPARE(withHostColumn("use,name\nheap,Heap\n", "srv"), std::string("use,name,host\nheap,Heap,srv\n"));
        QCOMPARE(withHostColumn("a,\"b\n", "srv"), std::string("a,\"b\n")); // not CSV: as it was
    }

    // A row longer than the writer's buffer (a path of 3 MB, quoted and escaped), between ordinary rows.
    void csvRowLongerThanTheBuffer()
    {
        Snapshot s = fixtureSnapshot("bash.smaps");
        std::string path = "/tmp/" + std::string(3 << 20, 'a') + "\",\x01";
        s.regions[1].pathPtr = std::make_shared<const std::string>(path);
        std::size_t chunks = 0;
        std::string csv;
        QVERIFY(writeRegionsCsv(s, [&](std::string_view chunk) {
            ++chunks;
            csv.append(chunk);
            return true;
        }));
        QVERIFY(chunks >= 2);
        QCOMPARE(csv, regionsToCsv(s));
        auto back = regionsFromCsv(csv);
        QVERIFY(back.ok());
        QCOMPARE(back->size(), s.regions.size());
        QCOMPARE((*back)[1].path(), path);
        QCOMPARE((*back)[2].path(), s.regions[2].path());
        // A sink that fails stops the writing, and says so.
        QVERIFY(!writeRegionsCsv(s, [](std::string_view) { return false; }));
        // Also when only the last piece fails (a big snapshot's second half, written last).
        const Snapshot many = manyRegions();
        const std::string whole = regionsToCsv(many);
        // Rows longer than the 200 bytes the second half's buffer starts with: it grows while written.
        QVERIFY(whole.size() / many.regions.size() > 200);
        std::size_t written = 0;
        QVERIFY(!writeRegionsCsv(many, [&](std::string_view chunk) {
            if (written + chunk.size() == whole.size())
                return false;
            written += chunk.size();
            return true;
        }));
        QVERIFY(written > 0 && written < whole.size());
    }

    void jsonRoundTrip_data() { csvRoundTrip_data(); }
    void jsonRoundTrip()
    {
        QFETCH(int, which);
        Snapshot s = which == 0 ? fixtureSnapshot("bash.smaps")
            : which == 1        ? fixtureSnapshot("python.smaps")
            : which == 2        ? fixtureSnapshot("jvm.smaps")
                                : hostileSnapshot();
        const std::string text = snapshotToJson(s);
        auto back = snapshotFromJson(text);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        compareRegions(s.regions, back->regions);
        QVERIFY(*back == s);
        // Saved again, byte for byte the same.
        QCOMPARE(snapshotToJson(*back), text);
    }

    void jsonIsStrictUtf8()
    {
        // Invalid bytes never reach the JSON text; they travel as *_hex.
        const std::string text = snapshotToJson(hostileSnapshot());
        QVERIFY(QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8().toStdString() == text);
        QVERIFY(text.find("\"path_hex\":\"") != std::string::npos);
        QVERIFY(text.find("\"process_name_hex\":\"626164ff206e616d65\"") != std::string::npos);
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray good = QByteArray::fromStdString(snapshotToJson(fixtureSnapshot("bash.smaps")));
        QTest::addRow("empty") << QByteArray()
                               << QStringLiteral("not valid JSON: line 1, column 1: the document ends early");
        QTest::addRow("truncated") << good.left(good.size() / 2) << QStringLiteral("truncated");
        QTest::addRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a VM Atlas snapshot");
        QTest::addRow("other format") << QByteArray("{\"format\":\"x\"}") << QStringLiteral("not a VM Atlas snapshot");
        // good with one piece of text replaced
        auto with = [&good](const char *from, const char *to) { return QByteArray(good).replace(from, to); };
        const QString region1 = QStringLiteral("region 1 (0x55a7910fd000-0x55a79112c000): ");
        QTest::addRow("newer version") << with("\"version\":1", "\"version\":7")
                                       << QStringLiteral("newer VM Atlas (format version 7)");
        QTest::addRow("unknown type") << with("\"type\":\"Image\"", "\"type\":\"Imagine\"")
                                      << region1 + QStringLiteral("unknown type 'Imagine'");
        QTest::addRow("size disagrees") << with("\"size\":192512", "\"size\":1")
                                        << region1 + QStringLiteral("'start', 'end' and 'size' disagree");
        QTest::addRow("overflowing number") << with("\"rss\":192512", "\"rss\":184467440737095516150")
                                            << region1 + QStringLiteral("'rss' is not an integer in range");
        QTest::addRow("missing counter") << with("\"rss\":192512,", "") << region1 + QStringLiteral("'rss' is missing");
        QTest::addRow("rss larger than the region")
            << with("\"rss\":192512", "\"rss\":192513")
            << region1 + QStringLiteral("counter 'rss' (192513 bytes) is larger than the region (192512 bytes)");
        QTest::addRow("swap larger than the region")
            << with("\"swap\":0,\"swap_pss\":0,\"locked\":0}}", "\"swap\":999999999,\"swap_pss\":0,\"locked\":0}}")
            << QStringLiteral("counter 'swap' (999999999 bytes) is larger");
        QTest::addRow("negative pid") << with("\"pid\":4242", "\"pid\":-4242")
                                      << QStringLiteral("'pid' is negative (-4242)");
        QTest::addRow("deep nesting") << QByteArray(100000, '[') << QStringLiteral("nested too deeply");
        QTest::addRow("garbage") << QByteArray("\x01\x02garbage") << QStringLiteral("not valid JSON: line 1, column 1");
    }
    void jsonErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        auto r = snapshotFromJson(text.toStdString(), "snap.json");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadInput);
        const QString got = QString::fromStdString(r.error().message);
        QVERIFY2(got.startsWith(QStringLiteral("snap.json: ")), qPrintable(got));
        QVERIFY2(got.contains(message), qPrintable(got));
    }

    void atomicWrite()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/out.json")).toStdString();
        QVERIFY(writeFileAtomically(path, "first").ok());
        QCOMPARE(vmatlas::test::readFileStd(QString::fromStdString(path)), std::string("first"));
        QVERIFY(writeFileAtomically(path, "second").ok());
        QCOMPARE(vmatlas::test::readFileStd(QString::fromStdString(path)), std::string("second"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporaries left
        struct stat st;
        QVERIFY(::stat(path.c_str(), &st) == 0);
        QCOMPARE(
            st.st_mode & 0777, 0666u & ~[] {
                mode_t m = ::umask(0);
                ::umask(m);
                return m;
            }());
    }

    void atomicWriteErrors()
    {
        QTemporaryDir dir;
        auto missing = writeFileAtomically((dir.path() + QStringLiteral("/no/such/dir/x.csv")).toStdString(), "x");
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("/no/such/dir/x.csv") != std::string::npos);
        auto folder = writeFileAtomically(dir.path().toStdString(), "x");
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().message.find("is a folder") != std::string::npos);
        // A device is written directly, never replaced.
        QVERIFY(writeFileAtomically("/dev/null", "discarded").ok());
        struct stat st;
        QVERIFY(::stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    }

    void loadErrorsNameTheFile()
    {
        auto r = loadSnapshotJson("/nonexistent/snap.json");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, std::string("cannot read /nonexistent/snap.json: No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
