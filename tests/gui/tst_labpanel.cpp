// The lab panel driven through its buttons: the window follows the lab target, the map goes to the
// lab's region, the page strip shows its pages, the timeline marks each step.
#include "addressmapview.h"
#include "banner.h"
#include "detailspanel.h"
#include "hexview.h"
#include "labpanel.h"
#include "mainwindow.h"
#include "mapgeometry.h"
#include "pagestrip.h"
#include "regionstab.h"
#include "sessioncontroller.h"
#include "summarypanel.h"
#include "testutil.h"
#include "timelinepanel.h"
#include "windowparts.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTranslator>

#include <csignal>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::part;

class TestLabPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

    static void clickNext(LabPanel *panel, QSignalSpy &finished)
    {
        QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 10000);
        const int before = int(finished.size());
        QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), before + 1, 15000);
    }

    // Clicks Next for the lab's next steps, each once the one before has finished.
    static void runSteps(LabPanel *panel, int steps)
    {
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        for (int i = 0; i < steps && !QTest::currentTestFailed(); ++i)
            clickNext(panel, finished);
    }

private slots:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); }

    void copyOnWriteThroughTheButtons()
    {
        MainWindow w;
        w.resize(1500, 950);
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        QVERIFY(panel->targetA() > 0);
        QCOMPARE(w.controller()->pid(), panel->targetA()); // the window follows the target
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() && w.viewState()->shown()->pid == panel->targetA(), 10000);
        QVERIFY(panel->nextButton()->text().contains(QStringLiteral("Map a file privately")));

        clickNext(panel, finished);
        clickNext(panel, finished);
        clickNext(panel, finished);
        QCOMPARE(panel->stepsDone(), 3);
        QVERIFY(!panel->nextButton()->isEnabled());
        QVERIFY2(panel->log().contains(QStringLiteral("the file on disk is unchanged")), qPrintable(panel->log()));

        // The map and details went to the lab's region: the private file view, with one page copied.
        QTRY_VERIFY_WITH_TIMEOUT(
            part<AddressMapView>(w)->selectedRegion() >= 0 && part<DetailsPanel>(w)->pageStrip()->pages().size() == 4,
            10000);
        QVERIFY(part<DetailsPanel>(w)->text().contains(QStringLiteral("Selected range")));
        // The lab's range: its size in pages, its RSS and PSS.
        QVERIFY2(part<DetailsPanel>(w)->text().contains(QStringLiteral("(4 pages)")),
            qPrintable(part<DetailsPanel>(w)->text()));
        QVERIFY(part<DetailsPanel>(w)->text().contains(QStringLiteral("PSS: ")));
        QTRY_COMPARE_WITH_TIMEOUT(part<DetailsPanel>(w)->pageStrip()->pages()[1].state, PageState::Anon, 10000);
        const auto &pages = part<DetailsPanel>(w)->pageStrip()->pages();
        QCOMPARE(pages[0].state, PageState::File);
        QCOMPARE(pages[2].state, PageState::File);
        const Region &r = w.viewState()->shown()->regions[std::size_t(part<AddressMapView>(w)->selectedRegion())];
        QVERIFY(r.path().find("copy-on-write.dat") != std::string::npos);
        QVERIFY(part<AddressMapView>(w)->atPageScale());
        // ... and shows it.
        const double y
            = part<AddressMapView>(w)->geometry().pointOf(part<AddressMapView>(w)->geometry().positionOf(r.start)).y();
        QVERIFY2(y >= part<AddressMapView>(w)->scrollTop()
                && y < part<AddressMapView>(w)->scrollTop() + part<AddressMapView>(w)->viewport()->height(),
            qPrintable(QStringLiteral("region row at %1, view %2..%3")
                           .arg(y)
                           .arg(part<AddressMapView>(w)->scrollTop())
                           .arg(part<AddressMapView>(w)->scrollTop() + part<AddressMapView>(w)->viewport()->height())));
        // Each step is an event on the timeline.
        QCOMPARE(part<TimelinePanel>(w)->eventCount(), 3);
    }

    // The Bytes dock shows what a step wrote: copy-on-write's page 2 (not page 1 of 4), shared-section's reply
    // from B at offset 0x40 (its line in view in a short dock, in A's dump and B's), and keeps it through refreshes.
    void bytesShowWhatTheStepWrote()
    {
        MainWindow w;
        w.resize(1024, 768);
        w.show();
        auto *hex = w.findChild<HexView *>();
        QVERIFY(hex);
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        runSteps(panel, 2);
        // A tooltip the pointer left on the map goes when a step runs: it would cover the step's pages.
        auto *map = w.findChild<AddressMapView *>();
        QVERIFY(map);
        QToolTip::showText(map->mapToGlobal(QPoint(60, 60)), QStringLiteral("a region"), map);
        QTRY_VERIFY(QToolTip::isVisible());
        {
            // Page Down, as a presenter's clicker sends it (a click would hide the tooltip anyway).
            QSignalSpy finished(panel, &LabPanel::stepFinished);
            QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 10000);
            QTest::keyClick(map, Qt::Key_PageDown);
            QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), 1, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(!QToolTip::isVisible(), 3000); // fading out (a tooltip lasts 10 s itself)
        }
        QTRY_COMPARE_WITH_TIMEOUT(hex->viewPage(), std::uint64_t(1), 10000);
        QTRY_VERIFY(hex->dumpText().contains(QStringLiteral("written by the")));
        QVERIFY(hex->textFirst()); // 1024 pixels: the words before the hex, in view
        QCOMPARE(panel->lastStep().changed, panel->lastStep().focusStart + 4096);

        QSignalSpy started(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("shared-section"));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        runSteps(panel, 4);
        QCOMPARE(panel->lastStep().changed, panel->lastStep().focusStart + 64);
        QTRY_VERIFY_WITH_TIMEOUT(hex->secondDumpText().contains(QStringLiteral("Reply from B")), 10000);
        auto *dump = hex->findChild<QPlainTextEdit *>(QStringLiteral("hexText"));
        QVERIFY(dump);
        const auto lineInView = [&] {
            const int first = hex->firstVisibleLine();
            const int last = dump->cursorForPosition(QPoint(0, dump->viewport()->height() - 1)).blockNumber();
            return first <= 4 && 4 <= last; // 0x40 is the fifth line
        };
        QTRY_VERIFY_WITH_TIMEOUT(lineInView(), 10000);
        // Live refreshes keep it there.
        QTest::qWait(2500);
        QVERIFY(lineInView());

        // fork-cow: the child's write, in B's dump (the child's own copy), not in A's (the parent's page as it was).
        QSignalSpy started3(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("fork-cow"));
        QTRY_COMPARE_WITH_TIMEOUT(started3.size(), 1, 15000);
        runSteps(panel, 3);
        QCOMPARE(panel->lastStep().changed, panel->lastStep().focusStart + 2 * 4096);
        QTRY_VERIFY_WITH_TIMEOUT(hex->secondDumpText().contains(QStringLiteral("written by the")), 10000);
        QVERIFY2(!hex->dumpText().contains(QStringLiteral("written by the")), qPrintable(hex->dumpText().left(300)));
        QVERIFY(hex->dumpText().contains(QStringLiteral("01 00 00 00")));
    }

    // `vmatlas --lab NAME` in a 1024x768 window: the lab starts before the window shows, with the Summary not
    // yet laid out (its by-use table and "How it adds up" side by side held the centre 428 px wide: the window
    // opened 1038 px wide, its right edge off the screen).
    void labAtStartupFitsANarrowWindow()
    {
        MainWindow w;
        w.labPanel()->setExecutable(VMATLAS_BINARY);
        w.startLab(QStringLiteral("shared-section"));
        w.resize(1024, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.labPanel()->nextButton()->isEnabled(), 15000);
        const QString tooWide = test::tooWideFor(w, 1024);
        QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide));
        QCOMPARE(w.width(), 1024);
    }

    // Page Down (what a presenter's clicker sends) runs the next step while a lab is open, and only then.
    void pageDownRunsTheNextStep()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *next = w.findChild<QAction *>(QStringLiteral("labNextStep"));
        QVERIFY(next);
        QVERIFY(!next->isEnabled()); // no lab: Page Down scrolls the table and the map
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000);
        part<RegionsTab>(w)->findChild<QTableView *>()->setFocus(); // wherever the focus is
        QTest::keyClick(w.focusWidget(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), 1, 15000);
        QCOMPARE(panel->stepsDone(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000);
        QTest::keyClick(w.focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000);
        QTest::keyClick(w.focusWidget(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size()), 3, 15000);
        QCOMPARE(panel->stepsDone(), 3);
        QTRY_VERIFY(!next->isEnabled()); // the lab is done
        // A closed Lab dock takes no keys.
        QSignalSpy restarted(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("copy-on-write"));
        QTRY_COMPARE_WITH_TIMEOUT(restarted.size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000);
        w.findChild<QDockWidget *>(QStringLiteral("labDock"))->close();
        QTRY_VERIFY(!next->isEnabled());
    }

    // A 1024x700 window (a projector) with the Lab dock open beside the map, the details and the bytes: nothing
    // pushes the window past 1024 pixels (the Lab dock, the summary's columns, the Bytes dock's check boxes and the
    // Next button's text each used to: it needed 1158), and what each part says is whole.
    void labFitsANarrowWindow()
    {
        MainWindow w;
        w.resize(1024, 700);
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        // The Next button while it names a step ("Run step 1: Map a file privately"): it held the dock 300 wide.
        QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 10000);
        QVERIFY(panel->nextText().contains(QStringLiteral("Map a file privately")));
        QCOMPARE(panel->nextButton()->toolTip(), panel->nextText());
        // The steps list as high as its steps, every one whole: the explanation and the report get the rest (the
        // list held 140 px for three steps, and the step's explanation had to be scrolled).
        auto *steps = panel->findChild<QListWidget *>();
        QVERIFY(steps && steps->count() == 3);
        int rows = 0;
        for (int i = 0; i < steps->count(); ++i) {
            QVERIFY(steps->viewport()->rect().contains(steps->visualItemRect(steps->item(i))));
            rows += steps->visualItemRect(steps->item(i)).height();
        }
        QVERIFY2(steps->height() <= rows + 12,
            qPrintable(QStringLiteral("%1 px for %2 px of steps").arg(steps->height()).arg(rows)));
        for (int i = 0; i < 3; ++i)
            clickNext(panel, finished);
        QTRY_COMPARE_WITH_TIMEOUT(part<DetailsPanel>(w)->pageStrip()->pages().size(), std::size_t(4), 10000);
        auto *tabs = w.findChild<QTabWidget *>();
        tabs->setCurrentWidget(part<SummaryPanel>(w)); // its by-type table held the centre 446 wide
        const QString tooWide = test::tooWideFor(w, 1024);
        QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide));
        QCOMPARE(w.width(), 1024);
        // The three columns side by side, each inside the window.
        auto *labDock = w.findChild<QDockWidget *>(QStringLiteral("labDock"));
        auto *details = w.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        auto *bytes = w.findChild<QDockWidget *>(QStringLiteral("bytesDock"));
        QVERIFY(labDock && details && bytes && labDock->isVisible() && details->isVisible() && bytes->isVisible());
        QVERIFY(labDock->geometry().right() < w.centralWidget()->geometry().left());
        QVERIFY(w.centralWidget()->geometry().right() < details->geometry().left());
        QVERIFY2(details->geometry().right() < 1024 && bytes->geometry().right() < 1024,
            qPrintable(QStringLiteral("details end at %1, bytes at %2")
                           .arg(details->geometry().right())
                           .arg(bytes->geometry().right())));
        QVERIFY(w.centralWidget()->width() >= 400);
        // The summary by type in this narrow centre: the chart below its table, its category labels whole.
        auto *summaryByType = part<SummaryPanel>(w)->findChild<QTabWidget *>();
        summaryByType->setCurrentIndex(1);
        QCoreApplication::processEvents();
        QVERIFY2(!part<SummaryPanel>(w)->chartShown() || part<SummaryPanel>(w)->chartLabelsFit(),
            qPrintable(part<SummaryPanel>(w)->chartLabelsFitText()));
        summaryByType->setCurrentIndex(0);
        // The button's text is whole: the step's, or the short one with the whole in the tooltip.
        QPushButton *next = panel->nextButton();
        QVERIFY2(next->fontMetrics().horizontalAdvance(next->text()) < next->width(),
            qPrintable(QStringLiteral("\"%1\" in %2 px").arg(next->text()).arg(next->width())));
        // The Bytes dock's two check boxes side by side (short words, compact buttons: its controls take two
        // lines), each whole.
        auto *hex = bytes->findChild<HexView *>();
        QVERIFY(hex);
        QCOMPARE(hex->readingPlacement(), Qt::Horizontal);
        for (QCheckBox *box : hex->findChildren<QCheckBox *>())
            QVERIFY2(box->width() >= box->sizeHint().width(),
                qPrintable(QStringLiteral("\"%1\": %2 of %3 px")
                               .arg(box->text())
                               .arg(box->width())
                               .arg(box->sizeHint().width())));
        // A lab with two processes: the Bytes dock shows B's view below A's; the window still fits.
        QSignalSpy restartedTwo(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("shared-section"));
        QTRY_COMPARE_WITH_TIMEOUT(restartedTwo.size(), 1, 15000);
        runSteps(panel, 4);
        QTRY_VERIFY_WITH_TIMEOUT(hex->secondDumpText().contains(QStringLiteral("Reply from B")), 10000);
        const QString tooWideWithB = test::tooWideFor(w, 1024);
        QVERIFY2(tooWideWithB.isEmpty(), qPrintable(QStringLiteral("with process B: ") + tooWideWithB));
        QCOMPARE(w.width(), 1024);
        // The summary's by-type table scrolls sideways rather than widen the window.
        auto *summaryPages = part<SummaryPanel>(w)->findChild<QTabWidget *>();
        summaryPages->setCurrentIndex(1);
        QCoreApplication::processEvents();
        QVERIFY(w.minimumSizeHint().width() <= 1024);

        // A wide window: the Lab dock has room for its text and the button names the step.
        w.close();
        MainWindow wide;
        wide.resize(1600, 1000);
        wide.show();
        LabPanel *widePanel = test::startLab(wide, QStringLiteral("copy-on-write"));
        QVERIFY(widePanel);
        QTRY_VERIFY_WITH_TIMEOUT(widePanel->nextButton()->isEnabled(), 10000);
        QCoreApplication::processEvents();
        QVERIFY(wide.findChild<QDockWidget *>(QStringLiteral("labDock"))->width() >= 330);
        QTRY_COMPARE(widePanel->nextButton()->text(), widePanel->nextText());
        QVERIFY(widePanel->nextButton()->text().contains(QStringLiteral("Map a file privately")));
        // The summary by type beside the Lab dock, at every window size from the projector's to a desktop's: the
        // chart, where shown, readable: its category labels whole ("Committed", not "Comm…") and its plot high
        // enough (it was 30 px of "…" labels); shown in the larger windows.
        wide.findChild<QTabWidget *>()->setCurrentWidget(part<SummaryPanel>(wide));
        part<SummaryPanel>(wide)->findChild<QTabWidget *>()->setCurrentIndex(1);
        int shown = 0;
        for (int height : { 768, 1000 })
            for (int width = 1024; width <= 1900; width += 32) {
                wide.resize(width, height);
                QCoreApplication::processEvents();
                SummaryPanel *summary = part<SummaryPanel>(wide);
                QTRY_VERIFY2(!summary->chartShown() || summary->chartLabelsFit(),
                    qPrintable(QStringLiteral("%1x%2: %3").arg(width).arg(height).arg(summary->chartLabelsFitText())));
                shown += summary->chartShown();
            }
        QVERIFY(part<SummaryPanel>(wide)->chartShown()); // 1900x1000
        QVERIFY(shown >= 5);
        // The check boxes side by side in a dock wide enough, one under the other in a narrow one.
        HexView alone;
        alone.resize(700, 400);
        alone.show();
        QTRY_COMPARE(alone.readingPlacement(), Qt::Horizontal);
        alone.resize(200, 400);
        QTRY_COMPARE(alone.readingPlacement(), Qt::Vertical);
        QVERIFY(alone.minimumSizeHint().width() <= 200);
    }

    // The Bytes dock's status line ("the bytes read differ from the file's: this process's own copy") whole in a
    // 1024x700 window beside the Lab dock, in English and in Chinese: every line of it inside the dock (the last
    // lines were cut).
    void bytesStatusIsWholeInAShortWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("English") << QString();
        QTest::addRow("Chinese") << QStringLiteral("zh_CN");
    }

    void bytesStatusIsWholeInAShortWindow()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/vmatlas_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&translator);
        }
        MainWindow w;
        w.resize(1024, 700);
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        runSteps(panel, 3);
        auto *bytes = w.findChild<QDockWidget *>(QStringLiteral("bytesDock"));
        auto *hexView = bytes->findChild<HexView *>();
        const QString differ = QCoreApplication::translate("vmatlas::ui::HexView",
            "The bytes read differ from the file's (%1): this "
            "process's own copy.")
                                   .section(QStringLiteral("%1"), 0, 0);
        QTRY_VERIFY_WITH_TIMEOUT(hexView->statusText().contains(differ), 10000);
        QCoreApplication::processEvents();
        auto *status = hexView->findChild<QLabel *>(QStringLiteral("hexStatus"));
        QVERIFY(status && status->isVisible());
        const int statusBottom = status->mapTo(bytes, QPoint(0, status->height())).y();
        QVERIFY2(status->height() >= status->heightForWidth(status->width()) && statusBottom <= bytes->height(),
            qPrintable(
                QStringLiteral("the status line is %1 px high of %2 at %3 px wide; it ends at %4 of the dock's %5 px")
                    .arg(status->height())
                    .arg(status->heightForWidth(status->width()))
                    .arg(status->width())
                    .arg(statusBottom)
                    .arg(bytes->height())));
        // ... and the dump three whole lines above its sideways scroll bar.
        auto *dump = hexView->findChild<QPlainTextEdit *>(QStringLiteral("hexText"));
        const int lines = dump->viewport()->height() / QFontMetrics(dump->font()).lineSpacing();
        QVERIFY2(lines >= 3, qPrintable(QStringLiteral("%1 lines in the dump").arg(lines)));
        QCOMPARE(w.width(), 1024);
        if (!language.isEmpty())
            QCoreApplication::removeTranslator(&translator);
    }

    // The steps whose point is the pages (reserve-commit's touch, page-out's three) show the lab's range page by
    // page, every page of it on screen, beside the Lab dock of a 1600x1000 window.
    void pageStepsAreShownPageByPage_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("firstPageStep");
        QTest::addColumn<int>("sizeKiB"); // 0: the lab's default
        QTest::addColumn<QSize>("window");
        const QSize wide(1600, 1000), projector(1024, 768);
        QTest::addRow("reserve-commit") << QStringLiteral("reserve-commit") << 5 << 3 << 0 << wide;
        QTest::addRow("page-out") << QStringLiteral("page-out") << 3 << 1 << 0 << wide;
        QTest::addRow("reserve-commit, 1024x768") << QStringLiteral("reserve-commit") << 5 << 3 << 0 << projector;
        QTest::addRow("page-out, 1024x768") << QStringLiteral("page-out") << 3 << 1 << 0 << projector;
        // 3,072 pages: not page by page in two thirds of the rows, but at 3 px a page in all of them.
        QTest::addRow("reserve-commit, 12 MiB") << QStringLiteral("reserve-commit") << 3 << 3 << 12288 << wide;
        // Ranges of a few pages: in one row, not one page at a row's end and the next on the next row.
        QTest::addRow("image-sharing") << QStringLiteral("image-sharing") << 2 << 2 << 0 << wide;
        QTest::addRow("image-sharing, 1024x768") << QStringLiteral("image-sharing") << 2 << 2 << 0 << projector;
        QTest::addRow("copy-on-write") << QStringLiteral("copy-on-write") << 3 << 1 << 0 << wide;
        QTest::addRow("shared-section") << QStringLiteral("shared-section") << 3 << 1 << 0 << wide;
        QTest::addRow("fork-cow, 1024x768") << QStringLiteral("fork-cow") << 3 << 1 << 0 << projector;
    }

    void pageStepsAreShownPageByPage()
    {
        QFETCH(QString, lab);
        QFETCH(int, steps);
        QFETCH(int, firstPageStep);
        QFETCH(int, sizeKiB);
        QFETCH(QSize, window);
        MainWindow w;
        w.resize(window);
        w.show();
        LabPanel *panel = test::startLab(w, lab);
        QVERIFY(panel);
        if (sizeKiB) { // the size box, then Restart
            panel->findChild<QSpinBox *>()->setValue(sizeKiB);
            QSignalSpy started(panel, &LabPanel::labStarted);
            w.startLab(lab);
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        }
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        auto *map = part<AddressMapView>(w);
        for (int step = 1; step <= steps; ++step) {
            clickNext(panel, finished);
            if (step < firstPageStep)
                continue;
            // This step's range, not the last one's (image-sharing's first step shows the code, its second two
            // pages of data): the window shows it once a fresh snapshot is on screen, later on a busy machine.
            const LabStepResult &done = panel->lastStep();
            QTRY_VERIFY_WITH_TIMEOUT(
                w.viewState()->range().start == done.focusStart && w.viewState()->range().end == done.focusEnd, 15000);
            const auto range = w.viewState()->range();
            QTRY_VERIFY_WITH_TIMEOUT(map->atPageScale(), 10000);
            const MapGeometry &g = map->geometry();
            const double first = g.pointOf(g.positionOf(range.start)).y();
            const double last = g.pointOf(g.positionOf(range.end - 1)).y() + g.rowHeight();
            QVERIFY2(first >= map->scrollTop() && last <= map->scrollTop() + map->viewport()->height(),
                qPrintable(QStringLiteral("step %1: range rows %2..%3, view %4..%5, %6 px a page")
                               .arg(step)
                               .arg(first)
                               .arg(last)
                               .arg(map->scrollTop())
                               .arg(map->scrollTop() + map->viewport()->height())
                               .arg(4096 / g.bytesPerPixel())));
            // ... a range of a few rows in as few as its pages need: not a page at a row's end and the rest on the
            // next rows (a 1,024-page range may take one more) ...
            const double rowPages = std::floor(g.width() * g.bytesPerPixel() / 4096);
            const std::size_t rangeRows = g.rectsFor(range.start, range.end).size();
            const auto fewest = std::size_t(std::ceil(double(range.end - range.start) / 4096 / rowPages));
            if (fewest <= 4)
                QVERIFY2(rangeRows == fewest,
                    qPrintable(QStringLiteral("step %1: %2 pages in %3 rows of %4 pages")
                                   .arg(step)
                                   .arg((range.end - range.start) / 4096)
                                   .arg(rangeRows)
                                   .arg(rowPages)));
            // ... and each page of it in one row, whole: not its first pixels at a row's end, the rest on the next.
            for (Address a = range.start; a < range.end; a += 4096)
                QVERIFY2(g.rectsFor(a, a + 4096).size() == 1,
                    qPrintable(QStringLiteral("step %1: the page at 0x%2 is cut at the end of a row")
                                   .arg(step)
                                   .arg(a, 0, 16)));
        }
    }

    // After reserve-commit's Release the range is free: the page strip says there is nothing mapped there (it
    // asked to select a region, with the range selected).
    // The page-out lab maps two parts of the size: its box says so, and another lab's box is the Size again.
    // The box explains the step the map shows, the one just run (it explained the next one, so the map and the
    // text disagreed, and after the last step only "Done." was left); any step's text is a click away.
    void explainsTheStepShown()
    {
        MainWindow w;
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QVERIFY2(panel->explanation().startsWith(QStringLiteral("Step 1: Map a file privately")),
            qPrintable(panel->explanation()));
        runSteps(panel, 1);
        QVERIFY2(panel->explanation().startsWith(QStringLiteral("Step 1, done: Map a file privately")),
            qPrintable(panel->explanation()));
        QCOMPARE(panel->nextText(), QStringLiteral("Run step 2: Read every page"));
        QListWidget *list = panel->stepList();
        const QRect third = list->visualItemRect(list->item(2));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, third.center());
        QVERIFY2(panel->explanation().startsWith(QStringLiteral("Step 3: Write to page 2")),
            qPrintable(panel->explanation()));
        QVERIFY(panel->explanation().contains(QStringLiteral("that page alone becomes anon")));
        runSteps(panel, 2);
        QVERIFY2(panel->explanation().startsWith(QStringLiteral("Step 3, done: Write to page 2")),
            qPrintable(panel->explanation()));
        QVERIFY(panel->explanation().contains(QStringLiteral("that page alone becomes anon")));
        QVERIFY(panel->explanation().contains(QStringLiteral("Done.")));
    }

    // Once the user looks elsewhere (a region chosen in the table), a change of the map's width leaves the map
    // there: it fitted the lab's range again, and the chosen region went off the screen.
    void lastsWhereTheUserLooks()
    {
        MainWindow w;
        w.resize(900, 650);
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("shared-section"));
        QVERIFY(panel);
        runSteps(panel, 1);
        auto *map = part<AddressMapView>(w);
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewState()->range().empty() && map->atPageScale(), 10000);
        const auto range = w.viewState()->range();
        QVERIFY(map->geometry().rectsFor(range.start, range.end).size() <= 3); // 16 pages, 6 to 8 a row
        // The main stack, chosen as the Regions table does.
        const SnapshotPtr shown = w.viewState()->shown();
        std::ptrdiff_t stack = -1;
        for (std::size_t i = 0; i < shown->regions.size(); ++i)
            if (shown->regions[i].labelKind == LabelKind::MainStack)
                stack = std::ptrdiff_t(i);
        QVERIFY(stack >= 0);
        map->setSelectedRegion(stack, true);
        const auto stackVisible = [&] {
            const MapGeometry &g = map->geometry();
            const double y = g.pointOf(g.positionOf(shown->regions[std::size_t(stack)].start)).y();
            return y >= map->scrollTop() && y < map->scrollTop() + map->viewport()->height();
        };
        QVERIFY(stackVisible());
        const int before = map->viewport()->width();
        w.resize(1000, 660);
        QTRY_VERIFY(map->viewport()->width() != before);
        QTest::qWait(200);
        QVERIFY(stackVisible());
    }

    // A lab of two processes in a 1024x700 window: the window stays 700 pixels tall (its docks' minimum heights
    // made it 717, the status bar off the screen), and the Details dock shows the range's RSS and PSS.
    void fitsAShortScreen_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<int>("steps");
        QTest::addRow("image-sharing") << QStringLiteral("image-sharing") << 2;
        QTest::addRow("shared-section") << QStringLiteral("shared-section") << 3;
    }

    void fitsAShortScreen()
    {
        QFETCH(QString, lab);
        QFETCH(int, steps);
        MainWindow w;
        w.resize(1024, 700);
        w.show();
        LabPanel *panel = test::startLab(w, lab);
        QVERIFY(panel);
        runSteps(panel, steps);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->range().start == panel->lastStep().focusStart, 15000); // this step's
        QTest::qWait(500); // the Bytes dock reads both processes' pages
        QVERIFY2(w.minimumSizeHint().height() <= 700, qPrintable(QString::number(w.minimumSizeHint().height())));
        QCOMPARE(w.height(), 700);
        auto *details = part<DetailsPanel>(w);
        auto *scroll = details->findChild<QScrollArea *>();
        QVERIFY(scroll);
        for (const QString &name : { QStringLiteral("RSS"), QStringLiteral("PSS") }) {
            QLabel *label = nullptr;
            for (QLabel *l : scroll->widget()->findChildren<QLabel *>())
                if (l->text() == name || l->text() == name + QStringLiteral(" of its regions"))
                    label = l;
            QVERIFY2(label, qPrintable(name));
            const QRect at(label->mapTo(scroll->viewport(), QPoint(0, 0)), label->size());
            QVERIFY2(scroll->viewport()->rect().contains(at),
                qPrintable(QStringLiteral("%1 at y %2..%3, the rows' view is %4 tall")
                               .arg(name)
                               .arg(at.top())
                               .arg(at.bottom())
                               .arg(scroll->viewport()->height())));
        }
    }

    void sizeBoxSaysWhatItIsOf()
    {
        MainWindow w;
        w.show();
        const auto sizeLabel = [&](LabPanel *panel) {
            auto *form = panel->findChild<QFormLayout *>();
            auto *label = form ? qobject_cast<QLabel *>(form->labelForField(panel->findChild<QSpinBox *>())) : nullptr;
            return label ? label->text() : QString();
        };
        LabPanel *panel = test::startLab(w, QStringLiteral("page-out"));
        QVERIFY(panel);
        QCOMPARE(sizeLabel(panel), QStringLiteral("Each part"));
        QCOMPARE(panel->findChild<QSpinBox *>()->value(), 2048);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        clickNext(panel, finished);
        QTRY_COMPARE_WITH_TIMEOUT(w.viewState()->range().end - w.viewState()->range().start, Address(4) << 20,
            10000); // two parts of 2048 KiB
        panel = test::startLab(w, QStringLiteral("copy-on-write"));
        QVERIFY(panel);
        QCOMPARE(sizeLabel(panel), QStringLiteral("Size"));
    }

    void releasedRangeHasNoPages()
    {
        MainWindow w;
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("reserve-commit"));
        QVERIFY(panel);
        runSteps(panel, 5);
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewState()->range().empty(), 10000);
        PageStrip *strip = part<DetailsPanel>(w)->pageStrip();
        QTRY_COMPARE_WITH_TIMEOUT(strip->message(), QStringLiteral("Nothing is mapped here: no pages."), 10000);
        QVERIFY(strip->pages().empty());
    }

    void sharedSectionShowsProcessB()
    {
        MainWindow w;
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("shared-section"));
        QVERIFY(panel);
        runSteps(panel, 3);
        QVERIFY(panel->targetB() > 0);
        QVERIFY(panel->log().contains(QStringLiteral("read \"Hello from A\"")));
        // Show B: the window follows B, and B's map has the section.
        auto *showB = panel->findChildren<QRadioButton *>().at(1);
        QVERIFY(showB->isEnabled());
        showB->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() && w.viewState()->shown()->pid == panel->targetB(), 10000);
        bool hasSection = false;
        for (const Region &r : w.viewState()->shown()->regions)
            hasSection |= r.path() == "/memfd:vmatlas-lab-section (deleted)";
        QVERIFY(hasSection);
        // ... and B's own section is selected, at B's address.
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewState()->range().empty(), 10000);
        const auto inB = w.viewState()->range();
        const Region *selected = w.viewState()->selectedRegion();
        QVERIFY(selected && selected->contains(inB.start));
        QCOMPARE(selected->path(), std::string("/memfd:vmatlas-lab-section (deleted)"));

        // A later lab, started after looking at B, still goes to its own region in its own process.
        QSignalSpy finished2(panel, &LabPanel::stepFinished);
        QSignalSpy started(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("copy-on-write"));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        QVERIFY(panel->findChildren<QRadioButton *>().at(0)->isChecked());
        clickNext(panel, finished2);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown()->pid == panel->targetA() && !w.viewState()->range().empty()
                && w.viewState()->selectedRegion()
                && w.viewState()->selectedRegion()->path().find("copy-on-write.dat") != std::string::npos,
            10000);
    }

    void stepsFromTheCommandLineAreForThatLabOnly()
    {
        // vmatlas --lab reserve-commit --step 2: two steps of that lab; a lab chosen later starts at step 1.
        MainWindow w;
        w.show();
        LabPanel *panel = w.labPanel();
        panel->setExecutable(VMATLAS_BINARY);
        QSignalSpy finished(panel, &LabPanel::stepFinished);
        w.startLab(QStringLiteral("reserve-commit"), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QTest::qWait(1000);
        QCOMPARE(panel->stepsDone(), 2);
        QSignalSpy started(panel, &LabPanel::labStarted);
        w.startLab(QStringLiteral("copy-on-write"));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        QTest::qWait(1500); // more than the pause between automatic steps
        QCOMPARE(panel->stepsDone(), 0);
    }

    void panelAsksTheWindow()
    {
        // A panel alone, no window: it asks to attach, to focus the lab's range in the right process, to mark
        // the timeline and to refresh; stopping it ends its processes.
        LabPanel panel;
        panel.show();
        panel.setExecutable(VMATLAS_BINARY);
        QSignalSpy started(&panel, &LabPanel::labStarted);
        QSignalSpy attach(&panel, &LabPanel::attachRequested);
        QSignalSpy focus(&panel, &LabPanel::focusRequested);
        QSignalSpy events(&panel, &LabPanel::timelineEventRequested);
        QSignalSpy interval(&panel, &LabPanel::intervalRequested);
        QSignalSpy finished(&panel, &LabPanel::stepFinished);
        panel.startLab(QStringLiteral("shared-section"));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        const Pid a = panel.targetA();
        QCOMPARE(attach.size(), 1);
        QCOMPARE(attach.at(0).at(0).value<Pid>(), a);
        QCOMPARE(interval.size(), 1);
        for (int i = 0; i < 3; ++i)
            clickNext(&panel, finished);
        QCOMPARE(events.size(), 3);
        QVERIFY(events.at(2).at(0).toString().startsWith(QStringLiteral("step 3")));
        QCOMPARE(focus.size(), 3);
        QCOMPARE(focus.at(2).at(0).value<Pid>(), a);
        QVERIFY(focus.at(2).at(2).value<Address>() > focus.at(2).at(1).value<Address>());
        // Showing B asks for B, and for the lab's range in B (its own address, not A's).
        const Pid b = panel.targetB();
        QVERIFY(b > 0 && b != a);
        auto *showB = panel.findChildren<QRadioButton *>().at(1);
        showB->click();
        QCOMPARE(attach.last().at(0).value<Pid>(), b);
        QCOMPARE(focus.last().at(0).value<Pid>(), b);
        // The window following another process unchecks both.
        panel.setFollowedPid(1);
        QVERIFY(!showB->isChecked() && !panel.findChildren<QRadioButton *>().at(0)->isChecked());
        // Stopping the lab ends both processes.
        panel.stopLab();
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(a), 0) != 0 && ::kill(pid_t(b), 0) != 0, 5000);
        QVERIFY(!panel.nextButton()->isEnabled());
    }

    void closingTheLabEndsItsProcesses()
    {
        MainWindow w;
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("reserve-commit"));
        QVERIFY(panel);
        const Pid a = panel->targetA();
        QVERIFY(::kill(pid_t(a), 0) == 0);
        auto *dock = w.findChild<LabDock *>();
        QVERIFY(dock);
        dock->close();
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(a), 0) != 0, 5000);
        // The window says why the process went, and how to start the lab again (a warning that "process N exited"
        // left a teacher who closed the dock for room wondering); its button starts it again.
        auto *banner = w.findChild<Banner *>();
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->isVisible() && banner->text().contains(QStringLiteral("Lab dock was closed")), 20000);
        QCOMPARE(banner->kind(), Banner::Info);
        QVERIFY2(banner->text().contains(QStringLiteral("Reserve and commit")), qPrintable(banner->text()));
        auto *again = banner->findChild<QPushButton *>();
        QVERIFY(again && again->isVisible());
        QCOMPARE(again->text(), QStringLiteral("Start the Lab Again"));
        again->click();
        QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible() && panel->targetA() > 0 && panel->targetA() != a, 15000);
        QCOMPARE(panel->labName(), QStringLiteral("reserve-commit"));
        QVERIFY(!banner->isVisible());
    }

    void targetDeathIsReported()
    {
        MainWindow w;
        w.show();
        LabPanel *panel = test::startLab(w, QStringLiteral("reserve-commit"));
        QVERIFY(panel);
        ::kill(pid_t(panel->targetA()), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(panel->log().contains(QStringLiteral("exited")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->nextButton()->isEnabled(), 5000);
    }
};

QTEST_MAIN(TestLabPanel)
#include "tst_labpanel.moc"
