#include "insidetools.h"

#include "addressmapview.h"
#include "formatting.h"
#include "hexview.h"
#include "labpanel.h"
#include "pagestrip.h"
#include "searchdialog.h"
#include "sessioncontroller.h"
#include "viewstate.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace vmatlas::ui {

InsideTools::InsideTools(QMainWindow *window, ViewState *state, SessionController *controller, AddressMapView *map)
    : QObject(window)
    , m_window(window)
    , m_state(state)
    , m_controller(controller)
    , m_map(map)
    , m_faultTimer(new QTimer(this))
{
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_window, title, text, QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Ok;
    };

    m_dock = new QDockWidget(tr("Bytes"), window);
    m_dock->setObjectName(QStringLiteral("bytesDock"));
    m_hex = new HexView(m_dock);
    m_dock->setWidget(m_hex);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    if (auto *details = window->findChild<QDockWidget *>(QStringLiteral("detailsDock"))) {
        window->splitDockWidget(details, m_dock, Qt::Vertical);
        // The details (a region's counters and its pages) keep most of the height; the bytes get the rest.
        window->resizeDocks({ details, m_dock }, { 640, 360 }, Qt::Vertical);
    }

    auto *menu = window->menuBar()->addMenu(tr("&Inside"));
    menu->addAction(tr("&Strings and Search…"), this, &InsideTools::openSearch)
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    menu->addAction(m_dock->toggleViewAction());
    menu->addSeparator();
    menu->addAction(tr("&Mark Working Set…"), this, [this] { mark(); })
        ->setToolTip(tr("Clear the process's referenced bits, to see what it touches from now on"));
    m_heat = menu->addAction(tr("Colour by &Referenced since Mark"));
    m_heat->setCheckable(true);
    m_heat->setToolTip(tr("Heat: the share of each region's resident pages the process touched since the mark "
                          "(pale: none, yellow to red: some to all)"));
    connect(m_heat, &QAction::toggled, m_map, &AddressMapView::setHeatReferenced);
    if (auto *legend = window->findChild<MapLegend *>())
        connect(m_heat, &QAction::toggled, legend, &MapLegend::setHeatReferenced);
    menu->addSeparator();
    menu->addAction(tr("&Trim Working Set…"), this, [this] { trim(false, TrimMode::PageOut); });
    m_trimRegion = menu->addAction(tr("Trim Selected Re&gion…"), this, [this] { trim(true, TrimMode::PageOut); });
    menu->addAction(tr("Mark Selected Region &Cold…"), this, [this] { trim(true, TrimMode::Cold); });
    menu->setToolTipsVisible(true);

    connect(state, &ViewState::selectionChanged, this, &InsideTools::showSelection);
    connect(state, &ViewState::rangeChanged, this, &InsideTools::showSelection);
    connect(state, &ViewState::cleared, this, [this] { m_hex->clear(); });
    // A live refresh reads the shown page again (same range, same page).
    connect(state, &ViewState::frameChanged, this, [this] {
        if (m_dock->isVisible() && livePid())
            m_hex->reload();
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            return;
        showSelection();
    });
    m_faultTimer->setInterval(1000);
    connect(m_faultTimer, &QTimer::timeout, this, &InsideTools::followFaults);
    // The dock's own line is rewritten at the next refresh: the window's status bar keeps the outcome longer.
    connect(m_hex, &HexView::saveFinished, this, [this](const QString &, const QString &message) { say(message); });
}

Pid InsideTools::livePid() const
{
    const SnapshotPtr shown = m_state->shown();
    if (!shown || !m_controller->live() || m_controller->exited() || m_controller->pid() != shown->pid
        || m_state->origin() != ViewState::Origin::Live)
        return 0;
    return shown->pid;
}

void InsideTools::showSelection()
{
    if (!m_dock->isVisible())
        return;
    const Pid pid = livePid();
    if (!pid)
        return m_hex->clear(m_state->shown() ? tr("Bytes are read from a live process only: this is a saved or past "
                                                  "snapshot.")
                                             : QString());
    const AddressRange range = m_state->range();
    const std::ptrdiff_t index = range.empty() ? m_state->selectedIndex() : m_state->shown()->indexOf(range.start);
    const Region *r = index >= 0 ? &m_state->shown()->regions[std::size_t(index)] : nullptr;
    if (range.empty() && (!r || r->type == RegionType::Free))
        return m_hex->clear();
    const Address start = range.empty() ? r->start : range.start;
    m_hex->showRange(pid, start, range.empty() ? r->end : range.end);
    // A file mapping: its pages are compared with the file (a copy-on-write page is the process's own).
    if (r && r->type != RegionType::Free && r->inode != 0 && !r->path().empty() && r->path().front() == '/')
        m_hex->setFileBacking(QString::fromStdString(r->path()), r->offset + (start - r->start));
    // A lab's two processes: the other one's view of the same range, below.
    if (m_lab.b > 0 && pid == m_lab.a && start == m_lab.startA)
        m_hex->setSecond(m_lab.b, m_lab.startB, tr("The same range in process B (%1):").arg(m_lab.b));
    else if (m_lab.b > 0 && pid == m_lab.b && start == m_lab.startB)
        m_hex->setSecond(m_lab.a, m_lab.startA, tr("The same bytes in process A (%1):").arg(m_lab.a));
    // The line a lab step wrote, in whichever of its processes is shown (a no-op outside the range).
    if (m_labWrite.pid > 0 && pid == m_labWrite.pid)
        m_hex->showAddress(m_labWrite.address);
    else if (m_labWrite.pid > 0 && m_lab.b > 0 && pid == m_lab.b && m_labWrite.pid == m_lab.a)
        m_hex->showAddress(m_lab.startB + (m_labWrite.address - m_lab.startA));
}

void InsideTools::followPageStrip(PageStrip *strip)
{
    // The page the dock shows is marked in the strip while the dock is open.
    connect(m_hex, &HexView::viewPageShown, strip,
        [this, strip](Address a) { strip->setMarkedAddress(m_dock->isVisible() ? a : 0); });
    connect(m_dock, &QDockWidget::visibilityChanged, strip, [strip](bool visible) {
        if (!visible)
            strip->setMarkedAddress(0);
    });
    connect(strip, &PageStrip::pageClicked, this, [this](Address a) {
        if (!m_dock->isVisible()) {
            m_dock->show(); // shows the selected region's bytes
            m_dock->raise();
        }
        m_hex->showAddress(a);
    });
}

void InsideTools::followLab(LabPanel *panel)
{
    // Another lab (or the same again): the last one's processes are gone, so is their pairing.
    connect(panel, &LabPanel::labStarted, this, [this] {
        m_lab = {};
        m_labWrite = {};
    });
    connect(panel, &LabPanel::stepFinished, this, [this, panel] {
        const LabStepResult &step = panel->lastStep();
        m_lab = {};
        m_labWrite = { step.changed ? panel->targetA() : 0, step.changed };
        if (panel->targetB() > 0 && step.focusEndB > step.focusStartB && step.focusEnd > step.focusStart)
            m_lab = { panel->targetA(), panel->targetB(), step.focusStart, step.focusStartB };
        showSelection();
    });
}

SearchDialog *InsideTools::searchDialog()
{
    if (!m_search) {
        m_search = new SearchDialog(m_window);
        // The map and table go to the hit's region; the Bytes dock to the hit's page in it.
        connect(m_search, &SearchDialog::jumpRequested, this, [this](Address a) {
            emit jumpRequested(a);
            m_hex->showAddress(a);
        });
    }
    return m_search;
}

void InsideTools::openSearch()
{
    const Pid pid = livePid();
    if (!pid)
        return say(tr("Strings and search read a live process: choose one first."));
    searchDialog()->setTarget(pid, m_state->shown());
    m_search->show();
    m_search->raise();
}

void InsideTools::say(const QString &message)
{
    m_lastMessage = message;
    m_window->statusBar()->showMessage(message, 15000);
}

bool InsideTools::mark()
{
    const Pid pid = livePid();
    if (!pid) {
        say(tr("Mark acts on a live process: choose one first."));
        return false;
    }
    if (!m_confirm(tr("Mark the working set"),
            tr("Clear the referenced bits of every page of process %1 (/proc/%1/clear_refs)?\n\nFrom now on each "
               "region's Referenced counter shows what the process touched since. This changes the process's "
               "page-reclaim state (the kernel uses these bits to choose pages to reclaim) and needs write access "
               "to its /proc files. Its memory is not changed.")
                .arg(pid)))
        return false;
    auto st = markReferenced(pid);
    if (!st) {
        say(tr("Cannot mark: %1").arg(QString::fromStdString(st.error().message)));
        return false;
    }
    m_heat->setChecked(true);
    emit timelineEvent(QDateTime::currentMSecsSinceEpoch(), tr("mark"));
    say(tr("Marked process %1: the map now shows what it touches since (Referenced since mark).").arg(pid));
    m_controller->sampleNow();
    return true;
}

bool InsideTools::trim(bool selectedOnly, TrimMode mode)
{
    const Pid pid = livePid();
    if (!pid) {
        say(tr("Trim acts on a live process: choose one first."));
        return false;
    }
    std::vector<vmatlas::AddressRange> ranges;
    QString what = tr("the whole working set of process %1").arg(pid);
    if (selectedOnly) {
        const Region *r = m_state->selectedRegion();
        if (!r || r->type == RegionType::Free || !r->protection.accessible()) {
            say(tr("Select a committed region to trim first."));
            return false;
        }
        ranges.push_back({ r->start, r->end });
        what = tr("the region %1 of process %2").arg(hexRange(r->start, r->end)).arg(pid);
    }
    const QString how = mode == TrimMode::Cold
        ? tr("MADV_COLD marks the pages as the first to reclaim under memory pressure; nothing is dropped now.")
        : tr("MADV_PAGEOUT drops file-backed pages now (they come back from their files, as faults, when touched); "
             "without swap, anonymous pages (heap, stacks) have nowhere to go and stay. On Windows: "
             "EmptyWorkingSet.");
    if (!m_confirm(tr("Trim the working set"),
            tr("Trim %1?\n\n%2\n\nThe process keeps running; its memory is not changed, only where its pages are. "
               "This needs CAP_SYS_NICE besides access to the process.")
                .arg(what, how)))
        return false;
    auto before = readProcessCounters(pid);
    auto report = trimWorkingSet(pid, ranges, mode);
    if (!report) {
        say(tr("Cannot trim: %1").arg(QString::fromStdString(report.error().message)));
        return false;
    }
    say(tr("Trimmed %1 (the kernel took %2 of ranges). %3")
            .arg(what, formatBytes(report->bytesAdvised), QString::fromStdString(report->note)));
    emit timelineEvent(QDateTime::currentMSecsSinceEpoch(), tr("trim"));
    if (before) {
        m_trimBase = *before;
        m_trimPid = pid;
        m_faultTicks = 0;
        m_faultTimer->start();
    }
    m_controller->sampleNow();
    return true;
}

void InsideTools::followFaults()
{
    auto now = readProcessCounters(m_trimPid);
    if (!now || ++m_faultTicks > 30) {
        m_faultTimer->stop();
        return;
    }
    const QString faults = now->faultsSplit ? tr("+%1 minor and +%2 major faults")
                                                  .arg(now->minorFaults - m_trimBase.minorFaults)
                                                  .arg(now->majorFaults - m_trimBase.majorFaults)
                                            : tr("+%1 faults").arg(now->minorFaults - m_trimBase.minorFaults);
    // The change, exact: three significant digits of the RSS itself hide a few pages dropped.
    const QString change = now->rss < m_trimBase.rss ? QStringLiteral("−") + formatBytes(m_trimBase.rss - now->rss)
                                                     : QStringLiteral("+") + formatBytes(now->rss - m_trimBase.rss);
    m_window->statusBar()->showMessage(
        tr("Since the trim (%1 s): RSS %2 (%3), %4.").arg(m_faultTicks).arg(formatBytes(now->rss), change, faults),
        2000);
}

} // namespace vmatlas::ui
