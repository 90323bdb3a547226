#include "mainwindow.h"

#include "addressmapview.h"
#include "banner.h"
#include "csv.h"
#include "detailspanel.h"
#include "diff.h"
#include "fileio.h"
#include "labpanel.h"
#include "maprenderer.h"
#include "pagestrip.h"
#include "platform.h"
#include "processpicker.h"
#include "regiontablemodel.h"
#include "sessioncontroller.h"
#include "snapshotjson.h"
#include "summarypanel.h"
#include "timelinepanel.h"
#include "totals.h"
#include "version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

namespace {

constexpr int kSelectedPages = 0; // page request channels
constexpr int kVisiblePages = 1;

struct IntervalChoice
{
    const char *text;
    int ms;
};
const IntervalChoice kIntervals[] = {
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Off"), 0 },
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "0.5 s"), 500 },
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "1 s"), 1000 },
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "2 s"), 2000 },
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "5 s"), 5000 },
    { QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Custom…"), -1 },
};

Status saveWith(const QString &path, const std::function<bool(const ChunkSink &)> &produce)
{
    return writeFileAtomically(path.toStdString(), produce);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("VM Atlas"));
    setAcceptDrops(true);
    m_controller = new SessionController(this);
    buildLayout();
    buildActions();
    readSettings();
    setIntervalMs(m_controller->intervalMs());

    connect(m_controller, &SessionController::snapshotArrived, this, &MainWindow::onSnapshot);
    connect(m_controller, &SessionController::readingChanged, this, [this](bool reading) {
        if (reading)
            m_busyDelay.start();
        else {
            m_busyDelay.stop();
            m_busy->hide();
        }
    });
    connect(m_controller, &SessionController::targetExited, this, [this](const QString &message) {
        m_exited = true;
        m_banner->showMessage(Banner::Warning,
            tr("%1 at %2. The last snapshot stays on screen; the timeline keeps the history.")
                .arg(message.isEmpty() ? tr("The process exited") : message,
                    QDateTime::currentDateTime().toString(QStringLiteral("hh:mm:ss"))),
            tr("Choose another process…"));
        updateStatus();
    });
    connect(m_controller, &SessionController::failed, this, [this](int code, const QString &message, Pid pid) {
        if (code == int(ErrorCode::PermissionDenied)) {
            m_banner->showMessage(Banner::Error,
                tr("Access denied: %1").arg(message)
                    + tr("<br>Shown below is what any user may read of process %1 (its status).").arg(pid),
                tr("Choose another process…"));
            // Show what is still readable instead of an empty window.
            QtConcurrent::run([pid] {
                return readProcessSummary(pid);
            }).then(this, [this, pid](Result<std::vector<std::pair<std::string, std::string>>> fields) {
                if (fields)
                    m_details->setProcessSummary(tr("Process %1 (status only)").arg(pid), *fields);
            });
        } else if (code == int(ErrorCode::NoSuchProcess) || code == int(ErrorCode::ProcessExited)) {
            m_banner->showMessage(Banner::Error, message, tr("Choose another process…"));
        } else {
            m_banner->showMessage(Banner::Error, message, tr("Choose another process…"));
        }
        updateStatus();
    });
    connect(m_controller, &SessionController::fileFailed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Error, tr("Cannot open the snapshot: %1").arg(message), tr("Open another…"));
    });
    connect(m_controller, &SessionController::pagesArrived, this,
        [this](int channel, Address, Address, std::vector<PageInfo> pages) {
            if (channel == kSelectedPages)
                m_details->pageStrip()->setPages(std::move(pages), m_shown ? m_shown->pageSize : 4096);
            else if (channel == kVisiblePages)
                m_map->setPages(std::move(pages));
        });
    connect(m_controller, &SessionController::pagesFailed, this, [this](int channel, const QString &message) {
        if (channel == kSelectedPages)
            m_details->pageStrip()->setMessage(message);
    });
    connect(m_banner, &Banner::actionTriggered, this, [this] {
        if (m_controller->live() || m_controller->pid() || m_exited)
            chooseProcess();
        else
            openDialog();
    });
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
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
    auto *mapBox = new QWidget(split);
    auto *mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    m_map = new AddressMapView(mapBox);
    mapLayout->addWidget(m_map, 1);
    struct LegendPainter : QWidget
    {
        using QWidget::QWidget;
        void paintEvent(QPaintEvent *) override
        {
            QPainter p(this);
            MapRenderer::paintLegend(p, rect().adjusted(4, 0, 0, 0), MapColors::forPalette(palette()), true);
        }
    };
    auto *legendWidget = new LegendPainter(mapBox);
    legendWidget->setFixedHeight(24);
    legendWidget->setToolTip(
        tr("Colours: region types; hatched: reserved; page colours appear when zoomed in to single pages"));
    mapLayout->addWidget(legendWidget);
    split->addWidget(mapBox);

    m_tabs = new QTabWidget(split);
    // Regions
    auto *regionsPage = new QWidget(m_tabs);
    auto *rl = new QVBoxLayout(regionsPage);
    rl->setContentsMargins(2, 2, 2, 2);
    auto *filterBar = new QHBoxLayout();
    m_search = new QLineEdit(regionsPage);
    m_search->setPlaceholderText(tr("Search path, details or protection; or an address (0x…)"));
    m_search->setClearButtonEnabled(true);
    filterBar->addWidget(m_search, 1);
    m_regions = new RegionTableModel(this);
    m_filter = new RegionFilterModel(this);
    m_filter->setSourceModel(m_regions);
    const std::pair<RegionType, const char *> types[]
        = { { RegionType::Image, QT_TR_NOOP("Image") }, { RegionType::Mapped, QT_TR_NOOP("Mapped") },
              { RegionType::Private, QT_TR_NOOP("Private") }, { RegionType::Free, QT_TR_NOOP("Free") } };
    for (const auto &[type, name] : types) {
        auto *box = new QCheckBox(tr(name), regionsPage);
        box->setChecked(true);
        box->setObjectName(QStringLiteral("filter-") + QLatin1String(name));
        filterBar->addWidget(box);
        const RegionType t = type;
        connect(box, &QCheckBox::toggled, this, [this, t](bool on) { m_filter->setTypeVisible(t, on); });
    }
    filterBar->addSpacing(12);
    const std::pair<RegionState, const char *> states[]
        = { { RegionState::Committed, QT_TR_NOOP("Committed") }, { RegionState::Reserved, QT_TR_NOOP("Reserved") } };
    for (const auto &[state, name] : states) {
        auto *box = new QCheckBox(tr(name), regionsPage);
        box->setChecked(true);
        box->setObjectName(QStringLiteral("filter-") + QLatin1String(name));
        filterBar->addWidget(box);
        const RegionState s = state;
        connect(box, &QCheckBox::toggled, this, [this, s](bool on) { m_filter->setStateVisible(s, on); });
    }
    rl->addLayout(filterBar);
    m_table = new QTableView(regionsPage);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RegionTableModel::Start, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setWordWrap(false);
    for (int c = 0; c < RegionTableModel::ColumnCount; ++c) {
        auto *a = new QAction(RegionTableModel::columnTitle(c), m_table->horizontalHeader());
        a->setCheckable(true);
        a->setChecked(true);
        connect(a, &QAction::toggled, this, [this, c](bool on) { m_table->setColumnHidden(c, !on); });
        connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, a,
            [this, a, c] { a->setChecked(!m_table->isColumnHidden(c)); });
        m_table->horizontalHeader()->addAction(a);
    }
    const int widths[] = { 125, 125, 80, 62, 80, 70, 70, 52, 70, 330, 170 };
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    for (int c : { int(RegionTableModel::Offset), int(RegionTableModel::Device), int(RegionTableModel::Inode),
             int(RegionTableModel::PssDirty), int(RegionTableModel::Referenced), int(RegionTableModel::Ksm),
             int(RegionTableModel::LazyFree), int(RegionTableModel::AnonHugePages), int(RegionTableModel::SwapPss),
             int(RegionTableModel::VmFlags), int(RegionTableModel::Locked), int(RegionTableModel::SharedClean) })
        m_table->setColumnHidden(c, true);
    rl->addWidget(m_table, 1);
    m_tabs->addTab(regionsPage, tr("&Regions"));
    m_summary = new SummaryPanel(m_tabs);
    m_tabs->addTab(m_summary, tr("&Summary"));
    m_timeline = new TimelinePanel(m_tabs);
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setObjectName(QStringLiteral("mainSplitter"));
    layout->addWidget(split, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    m_details = new DetailsPanel(dock);
    dock->setWidget(m_details);
    dock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    m_statusProcess = new QLabel(this);
    m_statusSelection = new QLabel(this);
    m_statusZoom = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setFormat(tr("reading"));
    m_busy->hide();
    statusBar()->addWidget(m_statusProcess, 1);
    statusBar()->addWidget(m_statusSelection, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_statusZoom);

    connect(m_map, &AddressMapView::regionClicked, this, [this](std::ptrdiff_t i) { selectRegion(i, true); });
    connect(m_map, &AddressMapView::rangeSelected, this, [this](Address a, Address b) {
        if (a == b) {
            m_range.reset();
            updateStatus();
        } else {
            selectRange(a, b);
        }
    });
    connect(m_map, &AddressMapView::visibleRangeChanged, this, [this](Address a, Address b, bool pageScale) {
        if (pageScale)
            m_controller->requestPages(m_shown, a, b, kVisiblePages);
        else if (!m_map->pages().empty())
            m_map->setPages({});
    });
    connect(m_map, &AddressMapView::zoomChanged, this, [this] { updateStatus(); });
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (m_syncing || !current.isValid())
                return;
            selectRegion(m_filter->mapToSource(current).row(), false);
        });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateStatus(); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &RegionFilterModel::setText);
    connect(m_timeline, &TimelinePanel::snapshotChosen, this, [this](SnapshotPtr s) {
        const auto history = m_controller->history();
        SnapshotPtr before;
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history[i] == s && i > 0)
                before = history[i - 1];
        m_live = false;
        m_liveAction->setEnabled(true);
        showSnapshot(s, before);
    });
}

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *choose = file->addAction(tr("&Choose Process…"), this, &MainWindow::chooseProcess);
    choose->setShortcut(QKeySequence(tr("Ctrl+P")));
    choose->setToolTip(tr("Pick a running process to map (Ctrl+P)"));
    auto *open = file->addAction(tr("&Open Snapshot…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    auto *compare = file->addAction(tr("Co&mpare With Snapshot…"), this, &MainWindow::compareDialog);
    compare->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addSeparator();
    auto *png = file->addAction(tr("Export Map as &PNG…"), this, &MainWindow::exportPngDialog);
    png->setShortcut(QKeySequence(tr("Ctrl+E")));
    auto *csv = file->addAction(tr("Export Regions as &CSV…"), this, [this] { exportDataDialog(false); });
    csv->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    auto *json = file->addAction(tr("&Save Snapshot as JSON…"), this, [this] { exportDataDialog(true); });
    json->setShortcut(QKeySequence::Save);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto *view = menuBar()->addMenu(tr("&View"));
    auto *zoomIn = view->addAction(tr("Zoom &In"), m_map, &AddressMapView::zoomIn);
    zoomIn->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+=")) });
    auto *zoomOut = view->addAction(tr("Zoom &Out"), m_map, &AddressMapView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    auto *fit = view->addAction(tr("&Fit Whole Address Space"), m_map, &AddressMapView::zoomToFit);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    view->addSeparator();
    auto *jump = view->addAction(tr("&Jump to Address…"), this, &MainWindow::jumpDialog);
    jump->setShortcut(QKeySequence(tr("Ctrl+G")));
    auto *find = view->addAction(tr("&Search by Path…"), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    m_liveAction = view->addAction(tr("Back to &Live"), this, &MainWindow::goLive);
    m_liveAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_liveAction->setEnabled(false);

    auto *sampling = menuBar()->addMenu(tr("&Sampling"));
    m_pauseAction
        = sampling->addAction(tr("&Pause"), this, [this] { setIntervalMs(m_controller->intervalMs() > 0 ? 0 : 1000); });
    m_pauseAction->setShortcut(QKeySequence(tr("Ctrl+Space")));
    auto *now = sampling->addAction(tr("Snapshot &Now"), m_controller, &SessionController::sampleNow);
    now->setShortcut(QKeySequence::Refresh);

    auto *labs = menuBar()->addMenu(tr("&Labs"));
    for (const LabDefinition &lab : allLabs()) {
        const QString name = QString::fromStdString(lab.name);
        auto *a = labs->addAction(
            QCoreApplication::translate("Lab", lab.title.c_str()), this, [this, name] { startLab(name); });
        a->setToolTip(QCoreApplication::translate("Lab", lab.summary.c_str()));
        a->setObjectName(QStringLiteral("lab-") + name);
    }
    labs->setToolTipsVisible(true);

    auto *settings = menuBar()->addMenu(tr("Se&ttings"));
    auto *language = settings->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const std::pair<QString, QString> choices[] = { { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("zh_CN"), QStringLiteral("简体中文") } };
    for (const auto &[code, title] : choices) {
        auto *a = language->addAction(title);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        const QString chosen = code;
        connect(a, &QAction::triggered, this, [this, chosen] {
            QSettings().setValue(QStringLiteral("language"), chosen);
            statusBar()->showMessage(tr("The language changes the next time VM Atlas starts."), 8000);
        });
    }

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About VM Atlas"), this, &MainWindow::showAbout);

    auto *tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tb->addAction(choose);
    tb->addAction(open);
    tb->addAction(png);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Refresh "), tb));
    m_interval = new QComboBox(tb);
    for (const IntervalChoice &c : kIntervals)
        m_interval->addItem(tr(c.text), c.ms);
    m_interval->setToolTip(tr("How often a new snapshot is taken"));
    tb->addWidget(m_interval);
    tb->addAction(m_pauseAction);
    tb->addAction(now);
    tb->addAction(m_liveAction);
    tb->addSeparator();
    tb->addAction(zoomOut);
    tb->addAction(zoomIn);
    tb->addAction(fit);
    tb->addAction(jump);
    connect(m_interval, &QComboBox::activated, this, [this](int index) {
        int ms = m_interval->itemData(index).toInt();
        if (ms < 0) {
            bool ok = false;
            ms = QInputDialog::getInt(this, tr("Refresh interval"),
                tr("Milliseconds between snapshots (at least 100):"), m_customInterval, 100, 3600000, 100, &ok);
            if (!ok) {
                setIntervalMs(m_controller->intervalMs());
                return;
            }
            m_customInterval = ms;
        }
        setIntervalMs(ms);
    });
}

void MainWindow::setIntervalMs(int ms)
{
    m_controller->setIntervalMs(ms);
    m_pauseAction->setText(ms > 0 ? tr("&Pause") : tr("&Resume"));
    int index = -1;
    for (int i = 0; i < m_interval->count(); ++i)
        if (m_interval->itemData(i).toInt() == ms)
            index = i;
    if (index < 0) {
        index = m_interval->count() - 1;
        m_interval->setItemText(index, tr("%1 s (custom)").arg(ms / 1000.0));
    }
    const QSignalBlocker block(m_interval);
    m_interval->setCurrentIndex(index);
    updateStatus();
}

void MainWindow::attach(Pid pid)
{
    m_banner->hide();
    m_exited = false;
    m_shown.reset();
    m_before.reset();
    m_compare.reset();
    m_live = true;
    m_hasSelection = false;
    m_range.reset();
    m_map->setRange(std::nullopt);
    m_map->setSnapshot(nullptr);
    m_map->setPages({});
    m_regions->setComparison(nullptr);
    m_regions->setSnapshot(nullptr);
    m_details->setRegion(nullptr, nullptr);
    m_details->pageStrip()->setMessage({});
    m_timeline->setHistory({});
    m_controller->attach(pid);
    QSettings().setValue(QStringLiteral("lastPid"), qlonglong(pid));
    updateStatus();
}

void MainWindow::openFile(const QString &path)
{
    m_banner->hide();
    m_exited = false;
    m_compare.reset();
    m_live = true;
    m_hasSelection = false;
    m_range.reset();
    m_map->setRange(std::nullopt);
    m_regions->setComparison(nullptr);
    m_timeline->setHistory({});
    m_map->setPages({});
    m_controller->openFile(path);
    rememberRecent(path);
}

void MainWindow::rememberRecent(const QString &path)
{
    QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 10)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        auto *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent snapshots"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [] { QSettings().remove(QStringLiteral("recentFiles")); });
    }
}

void MainWindow::compareWith(const QString &path)
{
    if (!m_shown) {
        openFile(path);
        return;
    }
    auto other = loadSnapshotJson(path.toStdString());
    if (!other) {
        m_banner->showMessage(
            Banner::Error, tr("Cannot compare: %1").arg(QString::fromStdString(other.error().message)));
        return;
    }
    // The shown snapshot becomes "before", the file "after".
    SnapshotPtr before = m_shown;
    m_compare = std::make_shared<const Snapshot>(std::move(other).value());
    m_controller->detach();
    m_live = false;
    showSnapshot(m_compare, before);
    const SnapshotDiff d = diffSnapshots(*before, *m_compare);
    m_banner->showMessage(Banner::Info,
        tr("Comparing with %1: %2 added, %3 removed, %4 changed (outlined on the map, tinted in the table).")
            .arg(QFileInfo(path).fileName())
            .arg(d.count(ChangeKind::Added))
            .arg(d.count(ChangeKind::Removed))
            .arg(d.count(ChangeKind::Changed)));
}

void MainWindow::onSnapshot(SnapshotPtr snapshot)
{
    const auto history = m_controller->history();
    m_timeline->setHistory(history);
    if (!m_live && m_shown)
        return;
    SnapshotPtr before = m_shown && m_shown->pid == snapshot->pid ? m_shown : nullptr;
    showSnapshot(snapshot, before);
}

void MainWindow::showSnapshot(SnapshotPtr snapshot, SnapshotPtr before)
{
    m_shown = snapshot;
    m_before = before;
    m_syncing = true;
    m_map->setSnapshot(snapshot);
    m_regions->setSnapshot(snapshot);
    m_regions->setComparison(before);
    m_syncing = false;
    m_summary->setTotals(computeTotals(*snapshot));
    m_timeline->setCurrent(snapshot);
    // Outline what changed in layout (counters change all the time; the table tints those).
    std::vector<std::pair<Address, Address>> added, changed, removed;
    if (before) {
        const SnapshotDiff d = diffSnapshots(*before, *snapshot);
        for (const RegionChange &c : d.changes) {
            if (c.kind == ChangeKind::Added)
                added.emplace_back(c.after.start, c.after.end);
            else if (c.kind == ChangeKind::Removed)
                removed.emplace_back(c.before.start, c.before.end);
            else if (c.fields & ~std::uint32_t(ChangedCounters))
                changed.emplace_back(c.after.start, c.after.end);
        }
    }
    m_map->setDiff(std::move(added), std::move(changed), std::move(removed));
    // Keep the selection on the same region.
    if (m_hasSelection) {
        const auto i = snapshot->indexOf(m_selectedStart);
        m_syncingRange = true; // a refresh keeps a measured range too
        if (i >= 0)
            selectRegion(i, true);
        m_syncingRange = false;
    }
    if (m_range) {
        m_details->setRange(m_range->first, m_range->second, snapshot);
        requestSelectedPages();
    }
    setWindowTitle(titleFor(*snapshot));
    updateStatus();
    emit snapshotShown(snapshot);
}

QString MainWindow::titleFor(const Snapshot &s) const
{
    return tr("%1 (PID %2) – VM Atlas").arg(QString::fromStdString(s.processName)).arg(s.pid);
}

void MainWindow::selectRegion(std::ptrdiff_t index, bool fromMap)
{
    if (!m_shown || index < 0 || std::size_t(index) >= m_shown->regions.size())
        return;
    const Region &r = m_shown->regions[std::size_t(index)];
    const bool sameRegion = m_hasSelection && m_selectedStart == r.start;
    if (m_range && !m_syncingRange) {
        m_range.reset();
        m_map->setRange(std::nullopt);
    }
    m_hasSelection = true;
    m_selectedStart = r.start;
    m_map->setSelectedRegion(index, !fromMap);
    if (fromMap) {
        m_syncing = true;
        const QModelIndex proxy = m_filter->mapFromSource(m_regions->index(int(index), 0));
        if (proxy.isValid()) {
            m_table->selectionModel()->setCurrentIndex(
                proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(proxy);
        }
        m_syncing = false;
    }
    m_details->setRegion(&r, m_shown);
    if (!sameRegion)
        m_details->pageStrip()->setMessage(tr("Reading pages…"));
    requestSelectedPages();
    updateStatus();
}

void MainWindow::selectRange(Address start, Address end)
{
    if (!m_shown || end <= start)
        return;
    m_range = std::make_pair(start, end);
    m_map->setRange(m_range);
    m_details->setRange(start, end, m_shown);
    m_details->pageStrip()->setMessage(tr("Reading pages…"));
    requestSelectedPages();
    updateStatus();
}

void MainWindow::requestSelectedPages()
{
    if (m_shown && m_range && m_controller->live() && !m_exited) {
        m_controller->requestPages(m_shown, m_range->first, m_range->second, kSelectedPages);
        return;
    }
    if (!m_shown || !m_hasSelection)
        return;
    const auto i = m_shown->indexOf(m_selectedStart);
    if (i < 0)
        return;
    const Region &r = m_shown->regions[std::size_t(i)];
    if (r.type == RegionType::Free) {
        m_details->pageStrip()->setMessage(tr("A free gap has no pages."));
        return;
    }
    if (!m_controller->live() || m_exited) {
        if (m_details->pageStrip()->pages().empty())
            m_details->pageStrip()->setMessage(tr("Pages are read from a live process; this snapshot has none."));
        return;
    }
    m_controller->requestPages(m_shown, r.start, r.end, kSelectedPages);
}

void MainWindow::selectAddress(Address a)
{
    if (!m_shown)
        return;
    const auto i = m_shown->indexOf(a);
    if (i < 0) {
        statusBar()->showMessage(tr("0x%1 lies outside the mapped address space").arg(QString::number(a, 16)), 5000);
        return;
    }
    selectRegion(i, true);
    const Region &r = m_shown->regions[std::size_t(i)];
    if (r.type != RegionType::Free)
        m_map->zoomToRange(r.start, r.end);
    else
        m_map->scrollToAddress(a);
}

void MainWindow::updateStatus()
{
    if (m_shown) {
        QString text = tr("%1 (PID %2) · %n region(s)", nullptr, int(m_shown->regions.size()))
                           .arg(QString::fromStdString(m_shown->processName))
                           .arg(m_shown->pid);
        text += tr(" · taken %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(m_shown->timestampMs).toString(QStringLiteral("hh:mm:ss.zzz")));
        if (!m_controller->live() && !m_controller->fileName().isEmpty())
            text += tr(" · from %1").arg(QFileInfo(m_controller->fileName()).fileName());
        else if (m_exited)
            text += tr(" · process exited");
        else if (!m_live)
            text += tr(" · history (Ctrl+L returns to live)");
        else if (m_controller->intervalMs() <= 0)
            text += tr(" · paused");
        m_statusProcess->setText(text);
    } else {
        m_statusProcess->setText(
            m_controller->pid() ? tr("Reading process %1…").arg(m_controller->pid()) : tr("No process"));
    }
    // The selection's totals.
    QString sel;
    if (m_range && m_shown) {
        const TypeTotals t = rangeTotals(*m_shown, m_range->first, m_range->second);
        sel = tr("Range %1: %2 mapped, %3 committed, RSS %4")
                  .arg(formatBytes(m_range->second - m_range->first), formatBytes(t.size), formatBytes(t.committed),
                      formatBytes(t.rss));
    } else if (m_shown) {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            std::uint64_t size = 0, rss = 0, swap = 0;
            for (const QModelIndex &i : rows) {
                if (const Region *r = m_regions->regionAt(m_filter->mapToSource(i).row())) {
                    size += r->size();
                    rss += r->counter(Counter::Rss);
                    swap += r->counter(Counter::Swap);
                }
            }
            sel = tr("Selected %n region(s): %1, RSS %2, swap %3", nullptr, int(rows.size()))
                      .arg(formatBytes(size), formatBytes(rss), formatBytes(swap));
        }
    }
    m_statusSelection->setText(sel);
    const double bpp = m_map->geometry().bytesPerPixel();
    m_statusZoom->setText(m_map->atPageScale()
            ? tr("1 page = %1 px").arg(QString::number((m_shown ? m_shown->pageSize : 4096) / bpp, 'f', 0))
            : tr("1 px = %1").arg(formatBytes(std::uint64_t(bpp))));
}

void MainWindow::chooseProcess()
{
    ProcessPicker picker(this,
        m_controller->pid() ? m_controller->pid() : Pid(QSettings().value(QStringLiteral("lastPid")).toLongLong()));
    if (picker.exec() == QDialog::Accepted && picker.selectedPid() > 0)
        attach(picker.selectedPid());
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a snapshot"),
        QSettings().value(QStringLiteral("lastDir")).toString(), tr("VM Atlas snapshots (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::compareDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with a snapshot"),
        QSettings().value(QStringLiteral("lastDir")).toString(), tr("VM Atlas snapshots (*.json);;All files (*)"));
    if (!path.isEmpty())
        compareWith(path);
}

Status MainWindow::exportPng(const QString &path, QSize size) const
{
    if (!m_shown)
        return makeError(ErrorCode::BadInput, "no snapshot to export");
    MapOverlay overlay;
    const QImage image = MapRenderer::renderImage(*m_shown, size,
        tr("%1 (PID %2) — %3")
            .arg(QString::fromStdString(m_shown->processName))
            .arg(m_shown->pid)
            .arg(QDateTime::fromMSecsSinceEpoch(m_shown->timestampMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))),
        MapColors::light(), overlay);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    if (!image.save(&file, "PNG") || !file.commit())
        return makeError(ErrorCode::Io, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return Ok {};
}

Status MainWindow::exportCsv(const QString &path) const
{
    if (!m_shown)
        return makeError(ErrorCode::BadInput, "no snapshot to export");
    SnapshotPtr s = m_shown;
    return saveWith(path, [s](const ChunkSink &sink) { return writeRegionsCsv(*s, sink); });
}

Status MainWindow::exportJson(const QString &path) const
{
    if (!m_shown)
        return makeError(ErrorCode::BadInput, "no snapshot to export");
    return saveSnapshotJson(*m_shown, path.toStdString());
}

void MainWindow::exportPngDialog()
{
    if (!m_shown)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export map as PNG"));
    auto *form = new QFormLayout(&dialog);
    auto *w = new QSpinBox(&dialog);
    auto *h = new QSpinBox(&dialog);
    w->setRange(320, 16384);
    h->setRange(240, 16384);
    w->setValue(QSettings().value(QStringLiteral("pngWidth"), 1600).toInt());
    h->setValue(QSettings().value(QStringLiteral("pngHeight"), 1000).toInt());
    form->addRow(tr("Width (px)"), w);
    form->addRow(tr("Height (px)"), h);
    form->addRow(new QLabel(tr("The image has a title (process, PID, time), the whole map and a legend."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(QStringLiteral("pngWidth"), w->value());
    QSettings().setValue(QStringLiteral("pngHeight"), h->value());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export map as PNG"),
        QSettings().value(QStringLiteral("lastDir")).toString() + QStringLiteral("/vmatlas-%1.png").arg(m_shown->pid),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    auto st = exportPng(path, QSize(w->value(), h->value()));
    if (!st)
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(st.error().message));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportDataDialog(bool json)
{
    if (!m_shown)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, json ? tr("Save snapshot as JSON") : tr("Export regions as CSV"),
            QSettings().value(QStringLiteral("lastDir")).toString()
                + QStringLiteral("/vmatlas-%1.%2")
                      .arg(m_shown->pid)
                      .arg(json ? QStringLiteral("json") : QStringLiteral("csv")),
            json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
    SnapshotPtr s = m_shown;
    // Large snapshots take a moment to format: off the GUI thread.
    QtConcurrent::run([s, path, json]() -> Status {
        if (json)
            return saveSnapshotJson(*s, path.toStdString());
        return saveWith(path, [s](const ChunkSink &sink) { return writeRegionsCsv(*s, sink); });
    }).then(this, [this, path](Status st) {
        if (!st)
            QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(st.error().message));
        else
            statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    });
}

void MainWindow::jumpDialog()
{
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Jump to address"), tr("Address (hex, e.g. 0x7f12a4000000):"), QLineEdit::Normal, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    Address a = 0;
    if (!parseAddress(text.trimmed().toStdString(), a)) {
        statusBar()->showMessage(tr("'%1' is not a hex address").arg(text), 5000);
        return;
    }
    selectAddress(a);
}

void MainWindow::goLive()
{
    m_live = true;
    m_liveAction->setEnabled(false);
    const auto history = m_controller->history();
    if (!history.empty())
        showSnapshot(history.back(), history.size() > 1 ? history[history.size() - 2] : nullptr);
}

LabPanel *MainWindow::ensureLabPanel()
{
    if (!m_labPanel) {
        m_labDock = new QDockWidget(tr("Lab"), this);
        m_labDock->setObjectName(QStringLiteral("labDock"));
        m_labPanel = new LabPanel(this, m_labDock);
        m_labDock->setWidget(m_labPanel);
        m_labDock->setMinimumWidth(340);
        addDockWidget(Qt::LeftDockWidgetArea, m_labDock);
    }
    return m_labPanel;
}

void MainWindow::startLab(const QString &name)
{
    ensureLabPanel();
    m_labDock->show();
    m_labDock->raise();
    m_labPanel->startLab(name);
}

void MainWindow::addTimelineEvent(const QString &text)
{
    m_timeline->addEvent(QDateTime::currentMSecsSinceEpoch(), text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About VM Atlas"),
        tr("<h3>VM Atlas %1</h3><p>A live map of a process's virtual address space: Image, Mapped and "
           "Private memory, Free, Reserved and Committed, down to single pages.</p>"
           "<p>Licensed under the MIT licence.</p>")
            .arg(QString::fromLatin1(kVersion)));
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard shortcuts"),
        tr("<table>"
           "<tr><td><b>Ctrl+P</b></td><td>choose a process</td></tr>"
           "<tr><td><b>Ctrl+O</b></td><td>open a snapshot</td></tr>"
           "<tr><td><b>Ctrl+Shift+O</b></td><td>compare with a snapshot</td></tr>"
           "<tr><td><b>Ctrl+S</b></td><td>save the snapshot as JSON</td></tr>"
           "<tr><td><b>Ctrl+E</b> / <b>Ctrl+Shift+E</b></td><td>export PNG / CSV</td></tr>"
           "<tr><td><b>Ctrl+G</b></td><td>jump to an address</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>search by path</td></tr>"
           "<tr><td><b>F5</b></td><td>snapshot now</td></tr>"
           "<tr><td><b>Ctrl+Space</b></td><td>pause or resume sampling</td></tr>"
           "<tr><td><b>Ctrl+L</b></td><td>back to live</td></tr>"
           "<tr><td><b>wheel, + / −</b></td><td>zoom the map around the pointer</td></tr>"
           "<tr><td><b>F, 0, Ctrl+0</b></td><td>fit the whole address space</td></tr>"
           "<tr><td><b>drag</b></td><td>measure a range; Esc clears it</td></tr>"
           "<tr><td><b>middle drag, Shift+wheel</b></td><td>pan</td></tr>"
           "</table>"));
}

void MainWindow::readSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("windowState")).toByteArray());
    if (s.contains(QStringLiteral("regionColumns")))
        m_table->horizontalHeader()->restoreState(s.value(QStringLiteral("regionColumns")).toByteArray());
    m_customInterval = s.value(QStringLiteral("customInterval"), 3000).toInt();
    m_controller->setIntervalMs(s.value(QStringLiteral("interval"), 1000).toInt());
    if (!s.contains(QStringLiteral("geometry")))
        resize(1500, 920);
}

void MainWindow::writeSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("windowState"), saveState());
    s.setValue(QStringLiteral("regionColumns"), m_table->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("interval"), m_controller->intervalMs());
    s.setValue(QStringLiteral("customInterval"), m_customInterval);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    m_controller->detach();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty())
        return;
    if (urls.size() >= 2) {
        openFile(urls[0].toLocalFile());
        // Compare once the first has loaded.
        const QString second = urls[1].toLocalFile();
        auto *once = new QMetaObject::Connection;
        *once = connect(this, &MainWindow::snapshotShown, this, [this, second, once] {
            disconnect(*once);
            delete once;
            compareWith(second);
        });
    } else {
        openFile(urls[0].toLocalFile());
    }
    event->acceptProposedAction();
}

} // namespace vmatlas::ui
