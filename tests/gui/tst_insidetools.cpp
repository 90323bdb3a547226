// The hex view, the strings-and-search dialog and the Inside menu's mark and trim, on a live helper process.
#include "addressmapview.h"
#include "detailspanel.h"
#include "hexview.h"
#include "insidetools.h"
#include "labpanel.h"
#include "mainwindow.h"
#include "pagestrip.h"
#include "platform.h"
#include "searchdialog.h"
#include "testutil.h"
#include "timelinepanel.h"
#include "viewstate.h"
#include "windowparts.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <csignal>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::TestChild;

namespace {

constexpr char kMarkerStem[] = "Zq7-VMATLAS-MARKER-";

Address addressOf(const TestChild &child, const char *key)
{
    return child.value(QString::fromLatin1(key)).toULongLong(nullptr, 16);
}

PageState pageState(Pid pid, Address a)
{
    auto pages = readPages(pid, a, a + 1);
    return pages && !pages->empty() ? pages->front().state : PageState::Guard;
}

} // namespace

class TestInsideTools : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir { QDir::currentPath() + QStringLiteral("/insidegui-XXXXXX") };
    QTemporaryDir m_config;
    TestChild m_child;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); // the windows' settings stay here
        QVERIFY(m_child.start({ QStringLiteral("inside"), m_dir.path() }));
    }

    void hexViewShowsKnownBytesAndLeavesOtherPagesAlone()
    {
        HexView view;
        const Address known = addressOf(m_child, "known");
        view.showRange(m_child.pid(), known, known + 3 * 4096);
        QCOMPARE(view.viewPageCount(), std::uint64_t(3));
        QVERIFY2(view.dumpText().startsWith(QStringLiteral("7c0000000000  03 0a 11 18 1f 26 2d 34  3b 42 49 50")),
            qPrintable(view.dumpText().left(200)));
        QVERIFY(view.statusText().contains(QStringLiteral("Read 4.00 KiB")));
        view.showViewPage(2); // never touched
        QVERIFY(view.dumpText().contains(QStringLiteral("not in RAM (not read)")));
        QCOMPARE(pageState(m_child.pid(), known + 2 * 4096), PageState::None);
        view.showViewPage(7); // past the end: stays
        QCOMPARE(view.viewPage(), std::uint64_t(2));
    }

    // In a dock too narrow for a whole line (a 1024-pixel window beside the Lab dock) the text column comes first,
    // in view without scrolling sideways; in a wide one it is last, as in `vmatlas read`.
    void hexViewNarrowShowsTheTextFirst()
    {
        HexView view;
        const Address known = addressOf(m_child, "known");
        view.resize(300, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showRange(m_child.pid(), known, known + 4096);
        QVERIFY(view.textFirst());
        const QString first = view.dumpText().section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(first.startsWith(QStringLiteral("7c0000000000  |"))
                && first.endsWith(QStringLiteral("|  03 0a 11 18 1f 26 2d 34  3b 42 49 50 57 5e 65 6c")),
            qPrintable(first));
        auto *text = view.findChild<QPlainTextEdit *>(QStringLiteral("hexText"));
        QVERIFY(text);
        const int textEnd
            = QFontMetrics(text->font()).horizontalAdvance(first.left(first.indexOf(QLatin1Char('|'), 15) + 1));
        QVERIFY2(textEnd <= text->viewport()->width(),
            qPrintable(QStringLiteral("%1 > %2").arg(textEnd).arg(text->viewport()->width())));
        QCOMPARE(text->horizontalScrollBar()->value(), 0);
        // Wider: the usual line, at once.
        view.resize(900, 400);
        QTRY_VERIFY(!view.textFirst());
        QVERIFY2(view.dumpText().startsWith(QStringLiteral("7c0000000000  03 0a 11 18 1f 26 2d 34  3b 42 49 50")),
            qPrintable(view.dumpText().left(200)));
    }

    void hexViewUtf16()
    {
        HexView view;
        const Address priv = addressOf(m_child, "private");
        view.showRange(m_child.pid(), priv, priv + 4096);
        QVERIFY(!view.dumpText().contains(QStringLiteral("|VMATLAS-|")));
        view.setUtf16(true);
        QVERIFY2(view.dumpText().contains(QStringLiteral("|VMATLAS-|")), qPrintable(view.dumpText().mid(4000, 800)));
    }

    void hexViewSavesTheRange()
    {
        HexView view;
        const Address known = addressOf(m_child, "known");
        view.showRange(m_child.pid(), known, known + 2 * 4096);
        const QString path = m_dir.filePath(QStringLiteral("range.bin"));
        QCOMPARE(view.saveRangeTo(path), QString());
        const std::string bytes = vmatlas::test::readFileStd(path);
        QCOMPARE(bytes.size(), std::size_t(2 * 4096));
        for (std::size_t i = 0; i < bytes.size(); ++i)
            QCOMPARE(static_cast<unsigned char>(bytes[i]), static_cast<unsigned char>((i * 7 + 3) & 0xff));
        // A folder that does not exist: a message, no file, no crash.
        const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/x.bin"));
        QVERIFY(view.saveRangeTo(bad).contains(QStringLiteral("Cannot write")));
        QVERIFY(!QFile::exists(bad));

        // From the button: on a worker thread, the same bytes; the status says when it is done.
        const QString background = m_dir.filePath(QStringLiteral("background.bin"));
        QSignalSpy finished(&view, &HexView::saveFinished);
        view.saveRangeInBackground(background);
        QVERIFY(view.saving());
        QVERIFY(view.statusText().startsWith(QStringLiteral("Saving 8.00 KiB to ")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.front().front().toString(), QString());
        QVERIFY(!view.saving());
        QCOMPARE(view.statusText(), QStringLiteral("Saved 8.00 KiB to %1.").arg(background));
        QCOMPARE(finished.front().back().toString(), view.statusText());
        QCOMPARE(vmatlas::test::readFileStd(background), bytes);
        view.saveRangeInBackground(bad);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY(finished.back().front().toString().contains(QStringLiteral("Cannot write")));
        QVERIFY(view.statusText().contains(QStringLiteral("Cannot write")));
        // A page not in RAM is zeros in the file, the status says so, and it is still not in RAM.
        view.showRange(m_child.pid(), known + 2 * 4096, known + 3 * 4096);
        view.saveRangeInBackground(background);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QCOMPARE(view.statusText(),
            QStringLiteral("Saved 4.00 KiB to %1. Zeros in the file: 4.00 KiB not in RAM (not read).").arg(background));
        QCOMPARE(vmatlas::test::readFileStd(background), std::string(4096, '\0'));
        QCOMPARE(pageState(m_child.pid(), known + 2 * 4096), PageState::None);
        // The view goes away while saving: the result is dropped, nothing crashes.
        {
            HexView gone;
            gone.showRange(m_child.pid(), known, known + 2 * 4096);
            gone.saveRangeInBackground(m_dir.filePath(QStringLiteral("gone.bin")));
        }
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(QStringLiteral("gone.bin"))), 10000);
        QTest::qWait(50);
    }

    void hexViewOfAGoneProcess()
    {
        HexView view;
        view.showRange(2147483600, 0x1000, 0x2000);
        QVERIFY(view.statusText().contains(QStringLiteral("Cannot read the bytes")));
        QVERIFY(view.dumpText().isEmpty());
    }

    void searchDialogFindsTheMarkers()
    {
        auto snap = readSnapshot(m_child.pid());
        QVERIFY(snap.ok());
        SearchDialog dialog;
        dialog.setTarget(m_child.pid(), std::make_shared<const Snapshot>(*snap));
        dialog.setMode(SearchDialog::Mode::Text);
        dialog.setQuery(QString::fromLatin1(kMarkerStem));
        dialog.setEncoding(TextEncoding::Ascii);
        QSignalSpy finished(&dialog, &SearchDialog::finished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(dialog.resultCount() >= 3);
        QList<QString> types;
        for (int i = 0; i < dialog.resultCount(); ++i)
            types << dialog.results()->topLevelItem(i)->text(2);
        QVERIFY(types.contains(QStringLiteral("Private")));
        QVERIFY(types.contains(QStringLiteral("Mapped")));
        QVERIFY(types.contains(QStringLiteral("Image")));
        // Each match is shown where it lies: the private page's zeros before it, the rest of its marker after;
        // the region's file is in the tooltip.
        const QString privateText = QStringLiteral("…") + QString(16, QChar(0x00b7)) + QStringLiteral("⟦")
            + QString::fromLatin1(kMarkerStem) + QStringLiteral("⟧PRIV") + QString(28, QChar(0x00b7))
            + QStringLiteral("…");
        bool privateShown = false, mappedNamed = false;
        for (int i = 0; i < dialog.resultCount(); ++i) {
            const QTreeWidgetItem *item = dialog.results()->topLevelItem(i);
            privateShown |= item->text(2) == QStringLiteral("Private") && item->text(4) == privateText;
            mappedNamed |= item->text(2) == QStringLiteral("Mapped")
                && item->toolTip(4).endsWith(QStringLiteral("inside.bin"))
                && item->text(4).contains(QStringLiteral("⟧MAPD"));
        }
        QVERIFY(privateShown);
        QVERIFY(mappedNamed);
        // A result jumps to its address.
        QSignalSpy jump(&dialog, &SearchDialog::jumpRequested);
        QTreeWidgetItem *first = dialog.results()->topLevelItem(0);
        emit dialog.results()->itemActivated(first, 0);
        QCOMPARE(jump.size(), 1);
        QCOMPARE(jump.at(0).at(0).value<Address>(), first->data(0, Qt::UserRole).toULongLong());

        // Strings, UTF-16 only.
        dialog.setMode(SearchDialog::Mode::Strings);
        dialog.setMinLength(20);
        dialog.setEncoding(TextEncoding::Utf16);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        bool wide = false;
        for (int i = 0; i < dialog.resultCount(); ++i)
            wide |= dialog.results()->topLevelItem(i)->text(4) == QStringLiteral("Zq7-VMATLAS-MARKER-WIDE");
        QVERIFY(wide);
        // Bad hex: a message, no search.
        dialog.setMode(SearchDialog::Mode::Hex);
        dialog.setQuery(QStringLiteral("4g"));
        dialog.start();
        QVERIFY(!dialog.running());
        QVERIFY(dialog.statusText().contains(QStringLiteral("Not hex bytes")));
    }

    void searchDialogCancels()
    {
        TestChild big;
        QVERIFY(big.start({ QStringLiteral("big"), QStringLiteral("512") }));
        auto snap = readSnapshot(big.pid());
        QVERIFY(snap.ok());
        SearchDialog dialog;
        dialog.setTarget(big.pid(), std::make_shared<const Snapshot>(*snap));
        dialog.setMode(SearchDialog::Mode::Strings);
        QSignalSpy finished(&dialog, &SearchDialog::finished);
        dialog.start();
        QVERIFY(dialog.running());
        QTest::qWait(50);
        dialog.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.resultCount() <= SearchDialog::kMaxShown);
    }

    void searchDialogProcessExits()
    {
        TestChild big;
        QVERIFY(big.start({ QStringLiteral("big"), QStringLiteral("512") }));
        auto snap = readSnapshot(big.pid());
        QVERIFY(snap.ok());
        SearchDialog dialog;
        dialog.setTarget(big.pid(), std::make_shared<const Snapshot>(*snap));
        dialog.setMode(SearchDialog::Mode::Strings);
        QSignalSpy finished(&dialog, &SearchDialog::finished);
        dialog.start();
        QTest::qWait(30);
        ::kill(pid_t(big.pid()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        qInfo("%s", qPrintable(dialog.statusText()));
        // Either it finished before the kill landed, or it says the process exited: never a crash or a hang.
        QVERIFY2(dialog.statusText().contains(QStringLiteral("exited during the search"))
                || dialog.statusText().contains(QStringLiteral("found.")),
            qPrintable(dialog.statusText()));
    }

    void windowMarksAndTrims()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        w.attach(m_child.pid());
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() != nullptr, 10000);
        InsideTools *tools = w.insideTools();
        QVERIFY(tools);
        QVERIFY(tools->bytesDock()->isVisible());
        int asked = 0;
        tools->setConfirm([&asked](const QString &, const QString &text) {
            ++asked;
            return text.contains(QStringLiteral("clear_refs")) || text.contains(QStringLiteral("MADV_PAGEOUT"));
        });
        // Selecting a region shows its bytes.
        const Address known = addressOf(m_child, "known");
        w.selectAddress(known);
        // (The text column first or last, as the dock's width has it.)
        const QString first = tools->hexView()->dumpText().section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(first.startsWith(QStringLiteral("7c0000000000  ")) && first.contains(QStringLiteral(" 03 0a 11 18")),
            qPrintable(first));

        // A search hit on the third page of a region: the Bytes dock shows that page, not the region's first.
        emit tools->searchDialog()->jumpRequested(known + 2 * 4096 + 100);
        QCOMPARE(w.viewState()->shown()->regions[std::size_t(w.viewState()->selectedIndex())].start, known);
        QCOMPARE(tools->hexView()->viewPage(), std::uint64_t(2));
        w.selectAddress(known);
        QCOMPARE(tools->hexView()->viewPage(), std::uint64_t(0));

        // A click on the region's third page in the page strip: the Bytes dock shows that page.
        PageStrip *strip = vmatlas::test::part<DetailsPanel>(w)->pageStrip();
        QTRY_VERIFY_WITH_TIMEOUT(strip->pages().size() >= 3 && strip->pages().front().address == known, 10000);
        QVERIFY(!strip->cellRect(2).isEmpty());
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->cellRect(2).center());
        QCOMPARE(tools->hexView()->viewPage(), std::uint64_t(2));
        QCOMPARE(strip->markedAddress(), known + 2 * 4096); // the strip outlines the page the dock shows
        // With the dock closed, a click opens it on that page.
        tools->bytesDock()->hide();
        QCOMPARE(strip->markedAddress(), Address(0));
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->cellRect(1).center());
        QVERIFY(tools->bytesDock()->isVisible());
        QCOMPARE(tools->hexView()->viewPage(), std::uint64_t(1));
        QVERIFY(tools->hexView()->dumpText().startsWith(QStringLiteral("7c0000001000 ")));
        // All of it fits a 1024-pixel screen: the window never needs to be wider (the status bar's texts are cut
        // with an ellipsis, the Bytes dock's buttons take two rows).
        QCoreApplication::processEvents();
        QVERIFY2(w.minimumSizeHint().width() <= 1024,
            qPrintable(QStringLiteral("the window needs %1 px: central %2, status bar %3, Bytes dock %4")
                           .arg(w.minimumSizeHint().width())
                           .arg(w.centralWidget()->minimumSizeHint().width())
                           .arg(w.statusBar()->minimumSizeHint().width())
                           .arg(tools->bytesDock()->minimumSizeHint().width())));
        QVERIFY(w.statusBar()->minimumSizeHint().width() < 400);
        // A save to a long file name: its message is cut, it does not widen the window.
        QSignalSpy saved(tools->hexView(), &HexView::saveFinished);
        const QString longName = m_dir.filePath(QString(150, QLatin1Char('n')) + QStringLiteral(".bin"));
        tools->hexView()->saveRangeInBackground(longName);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(tools->lastMessage().contains(longName));
        QCoreApplication::processEvents();
        QVERIFY2(w.minimumSizeHint().width() <= 1024,
            qPrintable(QStringLiteral("after a save the window needs %1 px").arg(w.minimumSizeHint().width())));
        w.selectAddress(known);

        QVERIFY(tools->mark());
        QCOMPARE(asked, 1);
        QVERIFY(tools->heatAction()->isChecked());
        QVERIFY(vmatlas::test::part<AddressMapView>(w)->heatReferenced());
        QVERIFY(tools->lastMessage().startsWith(QStringLiteral("Marked process")));

        const Address trim = addressOf(m_child, "trim");
        QCOMPARE(pageState(m_child.pid(), trim), PageState::File);
        w.selectAddress(trim);
        QVERIFY(tools->trim(true, TrimMode::PageOut));
        QCOMPARE(asked, 2);
        QCOMPARE(pageState(m_child.pid(), trim), PageState::None);
        QVERIFY(tools->lastMessage().contains(QStringLiteral("took 64.0 KiB of ranges")));
        // Declined: nothing done.
        QVERIFY(!tools->trim(true, TrimMode::Cold));
        QCOMPARE(asked, 3);
        // The timeline marks both, and live frames carry the fault counters its "Page faults" plots.
        QCOMPARE(vmatlas::test::part<TimelinePanel>(w)->eventCount(), 2);
        QVERIFY(w.viewState()->frame()->haveFaults);
        QVERIFY(w.viewState()->frame()->minorFaults > 0);
    }

    void copyOnWriteLabShowsTheBytes()
    {
        // The lab focuses its range; the Bytes dock shows it at the page the step wrote, page 2: the process's own
        // copy with what it wrote; page 1 is still the file's bytes ('a').
        MainWindow w;
        w.resize(1500, 950);
        w.show();
        LabPanel *panel = vmatlas::test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 10000);
            const int before = int(finished.size());
            panel->runNextStep();
            QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), before + 1, 15000);
        }
        HexView *hex = w.insideTools()->hexView();
        QTRY_VERIFY_WITH_TIMEOUT(
            hex->viewPageCount() == 4 && hex->dumpText().contains(QStringLiteral("|written by the p")), 10000);
        QCOMPARE(hex->viewPage(), std::uint64_t(1));
        QVERIFY2(hex->statusText().contains(QStringLiteral("differ from the file's")), qPrintable(hex->statusText()));
        QVERIFY(hex->dumpText().contains(QStringLiteral("|bbbbbbbbbbbbbbbb|")));
        hex->showViewPage(0);
        QVERIFY2(hex->dumpText().contains(QStringLiteral("|aaaa")), qPrintable(hex->dumpText().left(400)));
        QVERIFY2(hex->statusText().contains(QStringLiteral("match the file's")), qPrintable(hex->statusText()));
    }

    void sharedSectionLabShowsBothProcesses()
    {
        // Two processes map one section: the Bytes dock shows A's view of the focused range and, below, B's.
        MainWindow w;
        w.resize(1500, 950);
        w.show();
        LabPanel *panel = vmatlas::test::startLab(w, QStringLiteral("shared-section"));
        QVERIFY(panel);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 10000);
            const int before = int(finished.size());
            panel->runNextStep();
            QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), before + 1, 15000);
        }
        QVERIFY(panel->targetB() > 0);
        HexView *hex = w.insideTools()->hexView();
        QTRY_VERIFY_WITH_TIMEOUT(hex->secondDumpText().contains(QStringLiteral("|Hello from A")), 10000);
        QVERIFY2(hex->dumpText().contains(QStringLiteral("|Hello from A")), qPrintable(hex->dumpText().left(300)));

        // Another lab: the first one's processes are gone, and so are their bytes, B's view with them.
        QSignalSpy started(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("copy-on-write"));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() && w.viewState()->shown()->pid == panel->targetA(), 10000);
        QVERIFY2(hex->secondDumpText().isEmpty() && !hex->dumpText().contains(QStringLiteral("Hello from A")),
            qPrintable(hex->secondDumpText().left(300)));
    }
};

QTEST_MAIN(TestInsideTools)
#include "tst_insidetools.moc"
