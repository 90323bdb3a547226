#include "summarypanel.h"

#include "formatting.h"
#include "livetooltip.h"
#include "mapcolors.h"
#include "uitext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace vmatlas::ui {

namespace {
constexpr int kChartLabelPadding = 5; // Qt Charts' label padding, each side
} // namespace

SummaryPanel::SummaryPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new SummaryModel(this);
    m_useModel = new UseSummaryModel(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_counterAge = new QLabel(this);
    m_counterAge->setObjectName(QStringLiteral("counterAge"));
    m_counterAge->setWordWrap(true);
    m_counterAge->setContentsMargins(6, 3, 6, 3);
    m_counterAge->hide();
    outer->addWidget(m_counterAge);
    auto *pages = new QTabWidget(this);
    pages->setDocumentMode(true);
    outer->addWidget(pages);

    // By use.
    // "How it adds up" beside the table where the table's columns fit beside it, below it otherwise (placeChart).
    auto *byUse = new QSplitter(Qt::Horizontal, pages);
    m_byUseSplit = byUse;
    byUse->setChildrenCollapsible(false);
    auto *useTable = new QTableView(byUse);
    m_useTable = useTable;
    useTable->setObjectName(QStringLiteral("useSummary"));
    useTable->setModel(m_useModel);
    useTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    useTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    useTable->setSelectionMode(QAbstractItemView::NoSelection);
    keepToolTipFresh(useTable);
    useTable->setMinimumSize(120, 100); // beside "How it adds up", the two no wider than the map's minimum
    byUse->addWidget(useTable);
    connect(useTable->horizontalHeader(), &QHeaderView::sectionResized, this, [this] { placeChart(); });
    m_reconciliation = new QLabel(byUse);
    m_reconciliation->setObjectName(QStringLiteral("reconciliation"));
    m_reconciliation->setWordWrap(true);
    m_reconciliation->setTextFormat(Qt::RichText);
    m_reconciliation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_reconciliation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *reconciliationScroll = new QScrollArea(byUse);
    reconciliationScroll->setWidget(m_reconciliation);
    reconciliationScroll->setWidgetResizable(true);
    reconciliationScroll->setMinimumSize(160, 80);
    byUse->addWidget(reconciliationScroll);
    byUse->setStretchFactor(0, 3);
    byUse->setStretchFactor(1, 2);
    pages->addTab(byUse, tr("By use"));

    // By type.
    auto *byType = new QWidget(pages);
    auto *layout = new QHBoxLayout(byType);
    layout->setContentsMargins(0, 0, 0, 0);
    pages->addTab(byType, tr("By type"));
    // The table keeps the width its columns need; the chart takes what is left (and can be narrowed).
    auto *split = new QSplitter(Qt::Horizontal, byType);
    m_byTypeSplit = split;
    split->installEventFilter(this);
    split->setChildrenCollapsible(false);
    layout->addWidget(split);
    m_table = new QTableView(split);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    keepToolTipFresh(m_table);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // Not a minimum: beside the Lab dock in a 1024-pixel window the centre is narrower than the columns, and the
    // table scrolls sideways there rather than push the window past the screen.
    m_table->setMinimumWidth(200);
    split->addWidget(m_table);

    // Compact: no title (the tab names it; the value axis says MiB) and thin margins, so that a short tab still has
    // a plot to read.
    m_chart = new QChart();
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(4, 4, 4, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto *series = new QBarSeries(m_chart);
    const MapColors colors = MapColors::light();
    const char *names[] = { QT_TR_NOOP("Image"), QT_TR_NOOP("Mapped"), QT_TR_NOOP("Private"), QT_TR_NOOP("Free") };
    const RegionType types[] = { RegionType::Image, RegionType::Mapped, RegionType::Private };
    for (int i = 0; i < 3; ++i) {
        m_sets[i] = new QBarSet(tr(names[i]), series);
        m_sets[i]->setColor(colors.type[std::size_t(types[i])]);
        for (int c = 0; c < 4; ++c)
            *m_sets[i] << 0;
        series->append(m_sets[i]);
    }
    m_chart->addSeries(series);
    m_categories = new QBarCategoryAxis(m_chart);
    m_categories->append({ tr("Committed"), tr("RSS"), tr("PSS"), tr("Swap") });
    m_chart->addAxis(m_categories, Qt::AlignBottom);
    series->attachAxis(m_categories);
    m_axis = new QValueAxis(m_chart);
    m_axis->setLabelFormat(QStringLiteral("%.0f"));
    m_axis->setTitleText(tr("MiB"));
    m_chart->addAxis(m_axis, Qt::AlignLeft);
    series->attachAxis(m_axis);
    auto *view = new QChartView(m_chart, split);
    m_chartView = view;
    view->setRenderHint(QPainter::Antialiasing);
    // Beside the table where there is room; below it in a narrow window (placeChart), so that the table's
    // columns alone set how narrow the window may be.
    view->setMinimumSize(1, 1); // placeChart hides it where it has no room to be read
    split->addWidget(view);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
}

void SummaryPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeChart();
}

bool SummaryPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_byTypeSplit && event->type() == QEvent::Resize)
        placeChart(); // its height decides whether the chart has room
    return QWidget::eventFilter(watched, event);
}

Qt::Orientation SummaryPanel::chartPlacement() const
{
    return m_byTypeSplit->orientation();
}

Qt::Orientation SummaryPanel::reconciliationPlacement() const
{
    return m_byUseSplit->orientation();
}

void SummaryPanel::placeChart()
{
    const int columns = m_useTable->horizontalHeader()->length() + m_useTable->verticalHeader()->width() + 4;
    const Qt::Orientation use = width() >= columns + 260 ? Qt::Horizontal : Qt::Vertical;
    if (m_byUseSplit->orientation() != use)
        m_byUseSplit->setOrientation(use);
    // The chart beside the table where each category gets its label's width, else below it where it gets a plot's
    // height; where neither, the table alone (it has the same figures): a chart of "…" labels helps nobody.
    const int page = m_byTypeSplit->height();
    const int tableHeight = m_table->sizeHint().height() + m_byTypeSplit->handleWidth();
    const bool beside = width() >= m_table->sizeHint().width() + chartWidthNeeded() && page >= chartHeightNeeded();
    const bool below = !beside && page >= tableHeight + chartHeightNeeded() && width() >= chartWidthNeeded();
    const Qt::Orientation o = beside ? Qt::Horizontal : Qt::Vertical;
    if (m_byTypeSplit->orientation() != o)
        m_byTypeSplit->setOrientation(o);
    m_chartView->setVisible(beside || below);
    if (below) // the table's rows whole, the chart the rest
        m_byTypeSplit->setSizes({ m_table->sizeHint().height(), page - tableHeight });
}

int SummaryPanel::chartHeightNeeded() const
{
    // A plot of 80 px, the category labels, the legend and the margins.
    const QFontMetrics fm(m_categories->labelsFont());
    return 80 + 2 * fm.height() + 32;
}

bool SummaryPanel::chartShown() const
{
    return m_chartView->isVisibleTo(this);
}

int SummaryPanel::widestCategoryLabel() const
{
    const QFontMetrics fm(m_categories->labelsFont());
    int widest = 0;
    for (const QString &label : m_categories->categories())
        widest = std::max(widest, fm.horizontalAdvance(label));
    return widest;
}

// What Qt Charts gives a category label: the axis's width over the categories plus one (it lays out their
// boundaries), less a padding each side; a label wider than that is cut ("Commit..."). The label itself is
// measured as a text item, with a few pixels of margin.
double SummaryPanel::labelRoom(double axisWidth) const
{
    return axisWidth / (m_categories->count() + 1) - 2 * kChartLabelPadding;
}

int SummaryPanel::labelNeeds() const
{
    return widestCategoryLabel() + 8;
}

int SummaryPanel::chartWidthNeeded() const
{
    // The categories' room, the value axis's labels ("12000") and title, and the chart's margins.
    const QFontMetrics fm(m_axis->labelsFont());
    return (m_categories->count() + 1) * (labelNeeds() + 2 * kChartLabelPadding)
        + fm.horizontalAdvance(QStringLiteral("000000")) + 2 * fm.height() + 40;
}

bool SummaryPanel::chartLabelsFit() const
{
    return labelRoom(m_chart->plotArea().width()) >= labelNeeds() && m_chart->plotArea().height() >= 80;
}

QString SummaryPanel::chartLabelsFitText() const
{
    return QStringLiteral("%1 px for a label that needs %2 px; the plot %3 px high (the chart %4x%5, placed %6)")
        .arg(labelRoom(m_chart->plotArea().width()))
        .arg(labelNeeds())
        .arg(m_chart->plotArea().height())
        .arg(m_chart->size().width())
        .arg(m_chart->size().height())
        .arg(chartPlacement() == Qt::Horizontal ? QStringLiteral("beside") : QStringLiteral("below"));
}

void SummaryPanel::setFrame(const SnapshotFrame &frame)
{
    setTotals(frame.totals);
    m_useModel->setTotals(frame.useTotals);
    // A live tick reads RSS, anonymous and swap; the other counters are the last full read's.
    const Snapshot *s = frame.snapshot.get();
    const bool carried = s && s->countersReadMs > 0 && s->countersReadMs < s->timestampMs;
    // Shown from the first live tick on and kept (the tables do not move when a full read comes).
    if (carried)
        m_counterAge->setText(tr("PSS, shared, private and dirty: read %1 s before this snapshot; RSS and swap: now.")
                                  .arg(QString::number((s->timestampMs - s->countersReadMs) / 1000.0, 'f', 1)));
    else if (m_counterAge->isVisibleTo(this))
        m_counterAge->setText(tr("Every counter read with this snapshot (a full read)."));
    m_counterAge->setToolTip(tr("Between full reads a live refresh reads only RSS, anonymous and swap; the other "
                                "counters are the last full read's. A full read comes every tenth refresh, on "
                                "Snapshot Now, when a region is selected, and when paused."));
    if (carried)
        m_counterAge->show();
    // How the regions' sums add up to what ps and /proc/PID/status say.
    QString html = tr("<b>How it adds up</b>");
    for (const ReconciliationLine &line : frame.reconciliation) {
        html += QStringLiteral("<p><b>%1</b>: %2")
                    .arg(QString::fromStdString(line.name).toHtmlEscaped(), formatBytes(line.regions));
        if (line.kernelKnown)
            html += tr(" (the kernel says %1)").arg(formatBytes(line.kernel));
        const QString why = line.pattern.empty() ? QString::fromStdString(line.explanation)
                                                 : patternText("Usage", line.pattern, line.args);
        html += QStringLiteral("<br><small>%1</small></p>").arg(why.toHtmlEscaped());
    }
    if (frame.reconciliation.empty())
        html += tr("<p>Not known for this snapshot.</p>");
    m_reconciliation->setText(html);
}

QString SummaryPanel::reconciliationText() const
{
    return m_reconciliation->text();
}

QString SummaryPanel::counterAgeText() const
{
    return m_counterAge->isVisibleTo(this) ? m_counterAge->text() : QString();
}

void SummaryPanel::clearCounterAge()
{
    m_counterAge->hide();
}

void SummaryPanel::setTotals(const Totals &totals)
{
    m_model->setTotals(totals);
    placeChart();
    rebuildChart();
}

void SummaryPanel::rebuildChart()
{
    const RegionType types[] = { RegionType::Image, RegionType::Mapped, RegionType::Private };
    const int columns[] = { SummaryModel::Committed, SummaryModel::Rss, SummaryModel::Pss, SummaryModel::Swap };
    double maxValue = 1;
    for (int i = 0; i < 3; ++i) {
        for (int c = 0; c < 4; ++c) {
            const double mib
                = double(SummaryModel::value(m_model->totals().of(types[i]), columns[c])) / (1024.0 * 1024.0);
            m_sets[i]->replace(c, mib);
            maxValue = std::max(maxValue, mib);
        }
    }
    m_axis->setRange(0, maxValue * 1.1);
    m_axis->applyNiceNumbers();
}

} // namespace vmatlas::ui
