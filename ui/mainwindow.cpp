#include "mainwindow.h"

#include "addressmapview.h"
#include "banner.h"
#include "detailspanel.h"
#include "exports.h"
#include "helpdialogs.h"
#include "hexview.h"
#include "insidetools.h"
#include "intervalbox.h"
#include "labpanel.h"
#include "limitspanel.h"
#include "pagerequests.h"
#include "platform.h"
#include "postmortemmode.h"
#include "processpicker.h"
#include "regionstab.h"
#include "sessioncontroller.h"
#include "settingskeys.h"
#include "statusline.h"
#include "summarypanel.h"
#include "timelinepanel.h"
#include "windowtitle.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace vmatlas::ui {

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(SessionSources::platform(), parent)
{
}

MainWindow::MainWindow(SessionSources sources, QWidget *parent)
    : QMainWindow(parent)
    , m_state(new ViewState(this))
    , m_controller(new SessionController(std::move(sources), this))
    , m_exports(new ExportDialogs(this))
{
    setWindowTitle(tr("VM Atlas"));
    acceptFileDrops(this, [this](const QStringList &paths) { openFiles(paths.mid(0, 2)); });
    buildLayout();
    buildActions();
    readSettings();
    setIntervalMs(m_controller->intervalMs());
    connectSession();
    connectViewState();
    connect(m_exports, &ExportDialogs::saved, this,
        [this](const QString &path) { statusBar()->showMessage(tr("Saved %1").arg(path), 5000); });
}

MainWindow::~MainWindow()
{
    m_controller->detach();
}

void MainWindow::buildLayout()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_banner = new Banner(central);
    layout->addWidget(m_banner);

    auto *split = new QSplitter(Qt::Vertical, central);
    split->setObjectName(QStringLiteral("mainSplitter"));
    auto *mapBox = new QWidget(split);
    auto *mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    m_map = new AddressMapView(mapBox);
    mapLayout->addWidget(m_map, 1);
    m_legend = new MapLegend(mapBox);
    auto *legend = m_legend;
    legend->setToolTip(
        tr("Colours: region types; hatched: reserved; page colours appear when zoomed in to single pages"));
    mapLayout->addWidget(legend);
    split->addWidget(mapBox);

    m_tabs = new QTabWidget(split);
    m_regions = new RegionsTab(m_tabs);
    m_tabs->addTab(m_regions, tr("&Regions"));
    m_summary = new SummaryPanel(m_tabs);
    m_tabs->addTab(m_summary, tr("&Summary"));
    m_timeline = new TimelinePanel(m_tabs);
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_limits = new LimitsPanel(m_tabs);
    m_tabs->addTab(m_limits, tr("Li&mits"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    m_details = new DetailsPanel(dock);
    dock->setWidget(m_details);
    dock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    m_status = new StatusLine(statusBar(), m_state, m_controller, m_map, m_regions);
}

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *choose = file->addAction(tr("&Choose Process…"), this, &MainWindow::chooseProcess);
    choose->setShortcut(QKeySequence(tr("Ctrl+P")));
    auto *open = file->addAction(tr("&Open Snapshot…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    new RecentFiles(file->addMenu(tr("Open &Recent")), [this](const QString &path) { openFile(path); });
    auto *compare = file->addAction(tr("Co&mpare With Snapshot…"), this, [this] {
        if (const QString path = askSnapshotFile(this, tr("Compare with a snapshot")); !path.isEmpty())
            compareWith(path);
    });
    compare->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addSeparator();
    auto *png = file->addAction(tr("Export Map as &PNG…"), this, [this] { m_exports->exportPng(m_state->shown()); });
    png->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addAction(tr("Export Regions as &CSV…"), this, [this] { m_exports->exportCsv(m_state->shown()); })
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    file->addAction(tr("&Save Snapshot as JSON…"), this, [this] { m_exports->exportJson(m_state->shown()); })
        ->setShortcut(QKeySequence::Save);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto *view = menuBar()->addMenu(tr("&View"));
    auto *zoomIn = view->addAction(tr("Zoom &In"), m_map, &AddressMapView::zoomIn);
    zoomIn->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+=")) });
    auto *zoomOut = view->addAction(tr("Zoom &Out"), m_map, &AddressMapView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    auto *fit = view->addAction(tr("&Fit Whole Address Space"), m_map, &AddressMapView::zoomToFit);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    view->addAction(m_map->shrinkGapsAction());
    view->addAction(m_map->colourByUseAction());
    connect(m_map->colourByUseAction(), &QAction::toggled, m_legend, &MapLegend::setColourByUse);
    view->addSeparator();
    auto *jump = view->addAction(tr("&Jump to Address…"), this, [this] {
        if (const auto a = askAddress(this))
            selectAddress(*a);
    });
    jump->setShortcut(QKeySequence(tr("Ctrl+G")));
    view->addAction(tr("&Search by Path…"), this,
            [this] {
                m_tabs->setCurrentWidget(m_regions);
                m_regions->focusSearch();
            })
        ->setShortcut(QKeySequence::Find);
    m_liveAction = view->addAction(tr("Back to &Live"), this, [this] {
        if (!m_controller->history().empty())
            m_state->setFrame(m_controller->history().back(), ViewState::Origin::Live);
    });
    m_liveAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_liveAction->setEnabled(false);

    auto *sampling = menuBar()->addMenu(tr("&Sampling"));
    m_pauseAction
        = sampling->addAction(tr("&Pause"), this, [this] { setIntervalMs(m_controller->intervalMs() > 0 ? 0 : 1000); });
    m_pauseAction->setShortcut(QKeySequence(tr("Ctrl+Space")));
    m_nowAction = sampling->addAction(tr("Snapshot &Now"), m_controller, &SessionController::sampleNow);
    m_nowAction->setObjectName(QStringLiteral("snapshotNow"));
    m_nowAction->setShortcut(QKeySequence::Refresh);

    auto *labs = menuBar()->addMenu(tr("&Labs"));
    new PostMortemMode(m_controller, m_state, m_banner, labs, this);
    for (const LabDefinition &lab : allLabs()) {
        const QString name = QString::fromStdString(lab.name);
        auto *a = labs->addAction(
            QCoreApplication::translate("Lab", lab.title.c_str()), this, [this, name] { startLab(name); });
        a->setToolTip(QCoreApplication::translate("Lab", lab.summary.c_str()));
        a->setObjectName(QStringLiteral("lab-") + name);
    }
    labs->setToolTipsVisible(true);
    // The next step from the keyboard, or a presenter's clicker (it sends Page Down): only while a lab is open and
    // its next step can run; Page Down scrolls as usual otherwise.
    labs->addSeparator();
    m_nextStepAction = labs->addAction(tr("Run the &Next Step"), this, [this] {
        if (m_labPanel && m_labPanel->nextButton()->isEnabled())
            m_labPanel->runNextStep();
    });
    m_nextStepAction->setObjectName(QStringLiteral("labNextStep"));
    m_nextStepAction->setShortcuts({ QKeySequence(Qt::Key_PageDown), QKeySequence(tr("Ctrl+Return")) });
    m_nextStepAction->setEnabled(false);

    m_inside = new InsideTools(this, m_state, m_controller, m_map); // the Inside menu and the Bytes dock
    connect(m_inside, &InsideTools::jumpRequested, this, &MainWindow::selectAddress);
    connect(m_inside, &InsideTools::timelineEvent, m_timeline, &TimelinePanel::addEvent);
    addSettingsAndHelpMenus(this);

    // Short words on the toolbar, so that it fits a 1024-pixel window (the menus say it in full).
    const std::pair<QAction *, QString> shortTexts[] = { { choose, tr("Process…") }, { open, tr("Open…") },
        { png, tr("PNG…") }, { m_nowAction, tr("Now") }, { m_liveAction, tr("Live") }, { zoomOut, tr("Zoom −") },
        { zoomIn, tr("Zoom +") }, { fit, tr("Fit") }, { jump, tr("Jump…") } };
    for (const auto &[action, text] : shortTexts) {
        action->setIconText(text);
        action->setToolTip(action->text().remove(QLatin1Char('&')) + QStringLiteral(" (")
            + action->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    }
    auto *tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tb->addAction(choose);
    tb->addAction(open);
    tb->addAction(png);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Refresh "), tb));
    m_interval = new IntervalBox(tb);
    tb->addWidget(m_interval);
    connect(m_interval, &IntervalBox::intervalChosen, this, &MainWindow::setIntervalMs);
    for (QAction *a : { m_pauseAction, m_nowAction, m_liveAction })
        tb->addAction(a);
    tb->addSeparator();
    for (QAction *a : { zoomOut, zoomIn, fit, jump })
        tb->addAction(a);
}

void MainWindow::connectSession()
{
    connect(m_controller, &SessionController::frameArrived, this, &MainWindow::onFrame);
    connect(m_controller, &SessionController::readingChanged, m_status, &StatusLine::setReading);
    connect(m_controller, &SessionController::targetExited, this, [this](const QString &message, Pid pid) {
        if (labEndedByUser(pid))
            return;
        m_banner->showMessage(Banner::Warning,
            tr("%1 at %2. The last snapshot stays on screen; the timeline keeps the history.")
                .arg(message, QDateTime::currentDateTime().toString(QStringLiteral("hh:mm:ss"))),
            tr("Choose another process…"));
        if (m_labPanel)
            m_labPanel->targetExited(pid);
        updateSampling();
        m_status->update();
    });
    connect(m_controller, &SessionController::failed, this, [this](int code, const QString &message, Pid pid) {
        // A lab's target killed before its first snapshot fails the first read instead of exiting during sampling.
        const bool gone = code == int(ErrorCode::NoSuchProcess) || code == int(ErrorCode::ProcessExited)
            || code == int(ErrorCode::NoAddressSpace);
        // The user closed the Lab dock: whatever the read says (a read under way fails with an I/O error, the
        // sampler's way of saying so), the lab ended.
        if (labEndedByUser(pid))
            return;
        if (gone && m_labPanel)
            m_labPanel->targetExited(pid);
        if (code == int(ErrorCode::NoSuchProcess) && !m_state->shown()) { // nothing to sample, now or later
            for (QAction *a : { m_pauseAction, m_nowAction })
                a->setEnabled(false);
            m_interval->setEnabled(false);
        }
        if (code != int(ErrorCode::PermissionDenied)) {
            m_banner->showMessage(Banner::Error, message, tr("Choose another process…"));
            return m_status->update();
        }
        m_banner->showMessage(Banner::Error,
            tr("Access denied: %1").arg(message)
                + tr("<br>Shown below is what any user may read of process %1 (its status).").arg(pid),
            tr("Choose another process…"));
        m_controller->readStatusOnly(pid); // what is still readable, instead of an empty window
        m_status->update();
    });
    connect(m_controller, &SessionController::fileFailed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Error, tr("Cannot open the snapshot: %1").arg(message), tr("Open another…"));
    });
    connect(m_controller, &SessionController::compareFailed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Error, tr("Cannot compare: %1").arg(message));
    });
    connect(m_controller, &SessionController::comparisonReady, this, [this](FramePtr frame, const QString &path) {
        m_state->setFrame(frame, ViewState::Origin::Comparison);
        m_banner->showMessage(Banner::Info,
            tr("Comparing with %1: %2 added, %3 removed, %4 changed (outlined on the map, tinted in the table).")
                .arg(QFileInfo(path).fileName())
                .arg(frame->diff.count(ChangeKind::Added))
                .arg(frame->diff.count(ChangeKind::Removed))
                .arg(frame->diff.count(ChangeKind::Changed)));
    });
    connect(m_banner, &Banner::actionTriggered, this, [this] {
        if (m_controller->live() || m_controller->pid())
            chooseProcess();
        else
            openDialog();
    });
}

void MainWindow::connectViewState()
{
    connect(m_controller, &SessionController::statusOnlyArrived, this, [this](Pid pid, const auto &fields) {
        m_details->setProcessSummary(tr("Process %1 (status only)").arg(pid), fields);
    });
    // The views ask the view state; it decides and tells them all.
    m_map->observe(m_state);
    m_regions->observe(m_state);
    m_details->observe(m_state);
    m_timeline->observe(m_state);
    new PageRequests(m_state, m_controller, m_map, m_details->pageStrip());
    m_inside->followPageStrip(m_details->pageStrip());
    connect(m_map, &AddressMapView::zoomChanged, m_status, &StatusLine::update);
    connect(m_regions, &RegionsTab::selectedRowsChanged, m_status, &StatusLine::update);
    connect(m_state, &ViewState::cleared, m_status, &StatusLine::update);
    connect(m_state, &ViewState::cleared, m_summary, &SummaryPanel::clearCounterAge);
    connect(m_state, &ViewState::frameChanged, this, [this](FramePtr frame, ViewState::Origin origin) {
        m_summary->setFrame(*frame);
        m_limits->setFrame(frame,
            m_controller->live() && !m_controller->exited() && m_controller->sources().host.empty()
                && m_controller->pid() == frame->snapshot->pid);
        m_liveAction->setEnabled(origin == ViewState::Origin::History);
        updateSampling();
        setWindowTitle(windowTitleFor(*frame->snapshot,
            { m_controller->live(), m_controller->fileName(), QString::fromStdString(m_controller->sources().host) }));
        m_status->update();
    });
    connect(m_state, &ViewState::selectionChanged, m_status, &StatusLine::update);
    connect(m_state, &ViewState::selectionChanged, m_controller, &SessionController::wantFullCounters);
    connect(m_state, &ViewState::rangeChanged, m_status, &StatusLine::update);
}

void MainWindow::setIntervalMs(int ms)
{
    m_controller->setIntervalMs(ms);
    m_pauseAction->setText(ms > 0 ? tr("&Pause") : tr("&Resume"));
    m_interval->showInterval(ms);
    m_status->update();
}

void MainWindow::updateSampling()
{
    // A saved snapshot, or a process that exited, has nothing more to sample.
    const bool sampling = m_controller->live() && !m_controller->exited();
    for (QAction *a : { m_pauseAction, m_nowAction })
        a->setEnabled(sampling);
    m_interval->setEnabled(sampling);
}

void MainWindow::reset()
{
    m_banner->hide();
    m_pendingFocus.reset();
    m_liveAction->setEnabled(false);
    m_state->clear();
}

void MainWindow::attach(Pid pid)
{
    // A thread's ID names its process (threads share one address space).
    if (const Pid process = processOfThread(pid); process > 0 && process != pid) {
        statusBar()->showMessage(tr("PID %1 is a thread of process %2; showing %2").arg(pid).arg(process), 8000);
        pid = process;
    }
    reset();
    m_controller->attach(pid);
    QSettings().setValue(SettingsKey::LastPid, qlonglong(pid));
    if (m_labPanel)
        m_labPanel->setFollowedPid(pid);
    m_status->update();
}

void MainWindow::openFile(const QString &path)
{
    reset();
    m_controller->openFile(path);
    RecentFiles::remember(path);
    if (m_labPanel)
        m_labPanel->setFollowedPid(0);
}

void MainWindow::openFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    openFile(paths.first());
    if (paths.size() > 1)
        m_pendingCompare = paths[1];
}

void MainWindow::compareWith(const QString &path)
{
    if (!m_state->shown())
        return openFile(path);
    m_controller->compareWith(path, m_state->shown());
    RecentFiles::remember(path);
}

void MainWindow::onFrame(FramePtr frame)
{
    m_timeline->setHistory(m_controller->history());
    const bool fromProcess = m_controller->pid() > 0;
    if (fromProcess && m_state->origin() == ViewState::Origin::History)
        return; // looking at the history: the live frames only extend the timeline
    m_state->setFrame(frame, fromProcess ? ViewState::Origin::Live : ViewState::Origin::File);
    if (m_pendingAddress) {
        const Address a = *m_pendingAddress;
        m_pendingAddress.reset();
        selectAddress(a);
    }
    if (!m_pendingCompare.isEmpty())
        compareWith(std::exchange(m_pendingCompare, QString()));
    if (m_pendingFocus && m_pendingFocus->pid == frame->snapshot->pid)
        focusLab(*std::exchange(m_pendingFocus, std::nullopt));
}

void MainWindow::selectAddress(Address a)
{
    const SnapshotPtr shown = m_state->shown();
    if (!shown) {
        m_pendingAddress = a;
        return;
    }
    const auto i = shown->indexOf(a);
    if (i < 0) {
        statusBar()->showMessage(tr("0x%1 lies outside the mapped address space").arg(QString::number(a, 16)), 5000);
        return;
    }
    m_state->selectRegion(i, this);
    const Region &r = shown->regions[std::size_t(i)];
    if (r.type != RegionType::Free)
        m_map->zoomToRange(r.start, r.end);
    else
        m_map->scrollToAddress(a);
}

void MainWindow::selectRange(Address start, Address end)
{
    if (m_state->shown() && end > start)
        m_state->setRange({ start, end }, this);
}

void MainWindow::chooseProcess()
{
    ProcessPicker picker(this,
        m_controller->pid() ? m_controller->pid() : Pid(QSettings().value(SettingsKey::LastPid).toLongLong()),
        m_controller->sources().listProcesses);
    if (picker.exec() == QDialog::Accepted && picker.selectedPid() > 0)
        attach(picker.selectedPid());
}

void MainWindow::openDialog()
{
    const QString path = askSnapshotFile(this, tr("Open a snapshot"));
    if (!path.isEmpty())
        openFile(path);
}

LabPanel *MainWindow::labPanel()
{
    if (m_labDock)
        return m_labPanel;
    m_labDock = new LabDock(this);
    m_labPanel = m_labDock->panel();
    addDockWidget(Qt::LeftDockWidgetArea, m_labDock);
    // 340 px where the map keeps 900 beside it and the right column; in a narrow window (a 1024-pixel projector)
    // as narrow as its text allows, for the map, the details and the bytes to fit too.
    resizeDocks({ m_labDock }, { width() >= 1400 ? 340 : 270 }, Qt::Horizontal);
    m_inside->followLab(m_labPanel); // a lab's second process's bytes beside the first's
    // The parts, not the window: the dock's last visibilityChanged comes while ~QWidget hides it, when this is no
    // longer a MainWindow (UBSan said so); the action, the dock and the panel are alive until ~QObject.
    const auto updateNextStep = [action = m_nextStepAction, dock = m_labDock, panel = m_labPanel] {
        action->setEnabled(dock->isVisible() && panel->nextButton()->isEnabled());
    };
    connect(m_labPanel, &LabPanel::nextStepAvailable, m_nextStepAction, updateNextStep);
    connect(m_labDock, &QDockWidget::visibilityChanged, m_nextStepAction, updateNextStep);
    connect(m_labPanel, &LabPanel::attachRequested, this, [this](Pid pid) {
        if (pid != m_controller->pid() || !m_controller->live())
            attach(pid);
    });
    connect(m_labPanel, &LabPanel::focusRequested, this, [this](Pid pid, Address start, Address end) {
        // A fresh frame of that process first, so the focus shows what the step did.
        if (pid == m_controller->pid() && m_controller->live())
            m_controller->sampleNow();
        else
            attach(pid);
        m_pendingFocus = Focus { pid, start, end };
    });
    connect(m_labPanel, &LabPanel::timelineEventRequested, this,
        [this](const QString &text) { m_timeline->addEvent(QDateTime::currentMSecsSinceEpoch(), text); });
    connect(m_labPanel, &LabPanel::intervalRequested, this, [this](int ms) {
        const int current = m_controller->intervalMs();
        setIntervalMs(current > 0 ? std::min(current, ms) : ms);
    });
    connect(m_labPanel, &LabPanel::labFailed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Error, tr("The lab failed: %1").arg(message));
    });
    return m_labPanel;
}

bool MainWindow::labEndedByUser(Pid pid)
{
    if (!m_labPanel || !m_labPanel->stoppedTarget(pid))
        return false;
    // Not a surprise: the user closed the Lab dock, which ends the lab's processes.
    const QString name = m_labPanel->labName();
    m_banner->showMessage(Banner::Info,
        tr("The lab “%1” ended when the Lab dock was closed, and its processes with it. The last snapshot stays on "
           "screen.")
            .arg(m_labPanel->labTitle()),
        tr("Start the Lab Again"), [this, name] {
            m_banner->hide();
            startLab(name);
        });
    updateSampling();
    m_status->update();
    return true;
}

void MainWindow::focusLab(const Focus &focus)
{
    selectAddress(focus.start);
    m_map->zoomToPages(focus.start, focus.end);
    selectRange(focus.start, focus.end); // the details show exactly the lab's pages
}

void MainWindow::startLab(const QString &name, int autoSteps)
{
    labPanel()->startLab(name, autoSteps);
    m_labDock->show();
    m_labDock->raise();
}

void MainWindow::readSettings()
{
    QSettings s;
    restoreGeometry(s.value(SettingsKey::Geometry).toByteArray());
    restoreState(s.value(SettingsKey::WindowState).toByteArray());
    m_regions->restoreColumns(s.value(SettingsKey::RegionColumns).toByteArray());
    m_interval->setCustomInterval(s.value(SettingsKey::CustomInterval, 3000).toInt());
    m_controller->setIntervalMs(s.value(SettingsKey::Interval, 1000).toInt());
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1500, 920);
    if (!s.contains(SettingsKey::Geometry)) // 1500x920, or the screen where it is smaller
        resize(std::min(1500, available.width()), std::min(920, available.height()));
    // The right column wide enough for a line of the Bytes dock, where the screen leaves the map 900 pixels.
    const int room = std::min(width(), available.width());
    if (!s.contains(SettingsKey::WindowState) && room - 900 > 300)
        resizeDocks({ findChild<QDockWidget *>(QStringLiteral("detailsDock")) },
            { std::min(m_inside->hexView()->sizeHint().width(), room - 900) }, Qt::Horizontal);
}

void MainWindow::writeSettings() const
{
    QSettings s;
    s.setValue(SettingsKey::Geometry, saveGeometry());
    s.setValue(SettingsKey::WindowState, saveState());
    s.setValue(SettingsKey::RegionColumns, m_regions->saveColumns());
    s.setValue(SettingsKey::Interval, m_controller->intervalMs());
    s.setValue(SettingsKey::CustomInterval, m_interval->customInterval());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    m_controller->detach();
    if (m_labPanel)
        m_labPanel->stopLab();
    event->accept();
}

} // namespace vmatlas::ui
