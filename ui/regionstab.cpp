#include "regionstab.h"

#include "livetooltip.h"
#include "regiontablemodel.h"
#include "viewstate.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace vmatlas::ui {

RegionsTab::RegionsTab(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    // The search field, then the type boxes and the state boxes: on one line, or on two or three when the
    // tab is narrow (placeFilters).
    m_filterBar = new QGridLayout();
    m_filterBar->setContentsMargins(0, 0, 0, 0);
    m_filterBar->setColumnStretch(0, 1);
    m_typeBoxes = new QWidget(this);
    m_stateBoxes = new QWidget(this);
    for (QWidget *boxes : { m_typeBoxes, m_stateBoxes }) {
        (new QHBoxLayout(boxes))->setContentsMargins(0, 0, 0, 0);
        boxes->setMinimumWidth(1); // a narrow tab puts them on lines of their own rather than be held wide
    }
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("regionSearch"));
    m_search->setPlaceholderText(tr("Search path, details or protection; or an address (0x…)"));
    m_search->setClearButtonEnabled(true);
    m_filterBar->addWidget(m_search, 0, 0);
    m_model = new RegionTableModel(this);
    m_filter = new RegionFilterModel(this);
    m_filter->setSourceModel(m_model);
    // A check box per type and per state, all on.
    auto addFilter = [this](QWidget *boxes, const char *name, std::function<void(bool)> show) {
        auto *box = new QCheckBox(tr(name), boxes);
        box->setChecked(true);
        box->setObjectName(QStringLiteral("filter-") + QLatin1String(name));
        boxes->layout()->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this, show = std::move(show)](bool on) {
            show(on);
            filtered();
        });
    };
    const std::pair<RegionType, const char *> types[]
        = { { RegionType::Image, QT_TR_NOOP("Image") }, { RegionType::Mapped, QT_TR_NOOP("Mapped") },
              { RegionType::Private, QT_TR_NOOP("Private") }, { RegionType::Free, QT_TR_NOOP("Free") } };
    for (const auto &[type, name] : types)
        addFilter(m_typeBoxes, name, [this, t = type](bool on) { m_filter->setTypeVisible(t, on); });
    const std::pair<RegionState, const char *> states[]
        = { { RegionState::Committed, QT_TR_NOOP("Committed") }, { RegionState::Reserved, QT_TR_NOOP("Reserved") } };
    for (const auto &[state, name] : states)
        addFilter(m_stateBoxes, name, [this, s = state](bool on) { m_filter->setStateVisible(s, on); });
    for (QWidget *boxes : { m_typeBoxes, m_stateBoxes })
        static_cast<QHBoxLayout *>(boxes->layout())->addStretch(1);
    layout->addLayout(m_filterBar);
    placeFilters();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("regionTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RegionTableModel::Start, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    keepToolTipFresh(m_table);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setWordWrap(false);
    // Right-click the header to show or hide columns.
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
             int(RegionTableModel::VmFlags), int(RegionTableModel::Locked), int(RegionTableModel::SharedClean),
             int(RegionTableModel::Committed), int(RegionTableModel::PrivateBytes), int(RegionTableModel::PrivateWs),
             int(RegionTableModel::ShareableWs), int(RegionTableModel::SharedWs) })
        m_table->setColumnHidden(c, true);
    m_table->horizontalHeader()->moveSection(
        m_table->horizontalHeader()->visualIndex(RegionTableModel::Use), RegionTableModel::Type + 1);
    m_table->setColumnWidth(RegionTableModel::Use, 160);
    layout->addWidget(m_table, 1);

    // A row the user chose is selected as well as current. The two come in either order: the arrow keys select
    // the row, then make it current; a click makes it current, then selects it. So the region is chosen when
    // the second comes (with the keys both say so: the row is chosen once). A current row alone is the view's
    // doing: the table taking the focus (a click on its header or scroll bar) makes the first row current, and a
    // row hidden by a filter hands the current row to its neighbour.
    const auto choose = [this](const QModelIndex &current) {
        if (m_syncing || (m_chosenRow.isValid() && m_chosenRow.row() == current.row()))
            return;
        m_chosenRow = current;
        emit regionActivated(std::ptrdiff_t(m_model->regionOfRow(m_filter->mapToSource(current).row())));
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this, choose](const QModelIndex &current) {
            if (current.isValid() && m_table->selectionModel()->isSelected(current))
                choose(current);
        });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this, choose](const QItemSelection &selected) {
            const QModelIndex current = m_table->currentIndex();
            if (current.isValid() && selected.contains(current))
                choose(current);
        });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RegionsTab::selectedRowsChanged);
    // Sorted again by the user: the chosen row stays in sight (the view sorted first: it connected first).
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this] {
        if (m_table->currentIndex().isValid() && m_table->selectionModel()->isSelected(m_table->currentIndex()))
            m_table->scrollTo(m_table->currentIndex());
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        filtered();
    });
}

void RegionsTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeFilters();
}

void RegionsTab::placeFilters()
{
    // The search field keeps room for about 20 characters; the boxes go below it when they would squeeze it,
    // the state boxes below the type boxes when even a line of their own cannot hold both.
    const int room = width() - 8;
    const int search = m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 20;
    const int types = m_typeBoxes->sizeHint().width(), states = m_stateBoxes->sizeHint().width();
    const int gap = m_filterBar->horizontalSpacing() + 12;
    const int lines = room >= search + types + states + 2 * gap ? 1 : room >= types + states + gap ? 2 : 3;
    if (lines == m_filterLines)
        return;
    m_filterLines = lines;
    m_filterBar->removeWidget(m_search);
    m_filterBar->removeWidget(m_typeBoxes);
    m_filterBar->removeWidget(m_stateBoxes);
    // One line: search | types | states. Two: the search field, then types | states. Three: one each.
    m_filterBar->addWidget(m_search, 0, 0, 1, lines == 1 ? 1 : 3);
    if (lines == 1) {
        m_filterBar->addWidget(m_typeBoxes, 0, 1);
        m_filterBar->addWidget(m_stateBoxes, 0, 2);
    } else if (lines == 2) {
        m_filterBar->addWidget(m_typeBoxes, 1, 0);
        m_filterBar->addWidget(m_stateBoxes, 1, 1, 1, 2);
    } else {
        m_filterBar->addWidget(m_typeBoxes, 1, 0, 1, 3);
        m_filterBar->addWidget(m_stateBoxes, 2, 0, 1, 3);
    }
    m_filterBar->setColumnStretch(0, lines == 2 ? 0 : 1);
    m_filterBar->setColumnStretch(1, lines == 2 ? 1 : 0);
    m_filterBar->setColumnStretch(2, 0);
}

void RegionsTab::filtered()
{
    // A filter hides the chosen region's row (and lets its selection go); one that shows it again selects it
    // again, in view: typing "r--p" hides it at "r-" and shows it again at "r--p".
    if (!m_state || m_state->selectedIndex() < 0)
        return;
    showRegion(m_state->selectedIndex());
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isSelected(current)) {
        m_table->doItemsLayout(); // its scroll range, until now the old rows'
        m_table->scrollTo(current);
    }
}

void RegionsTab::observe(ViewState *state)
{
    m_state = state;
    connect(state, &ViewState::frameChanged, this, [this, state](FramePtr frame) {
        setFrame(std::move(frame));
        if (state->selectedIndex() >= 0)
            showRegion(state->selectedIndex());
    });
    connect(state, &ViewState::cleared, this, &RegionsTab::clear);
    connect(state, &ViewState::selectionChanged, this, [this](std::ptrdiff_t index, QObject *by) {
        if (by != this)
            showRegion(index);
    });
    connect(
        this, &RegionsTab::regionActivated, state, [this, state](std::ptrdiff_t i) { state->selectRegion(i, this); });
}

void RegionsTab::setFrame(FramePtr frame)
{
    // Merging rows moves the current row; that is not the user choosing a region.
    m_syncing = true;
    m_model->setFrame(std::move(frame));
    m_syncing = false;
}

void RegionsTab::clear()
{
    setFrame(nullptr);
}

void RegionsTab::showRegion(std::ptrdiff_t index)
{
    // In the column the user is in: scrolling to column 0 would undo their horizontal scroll at every refresh.
    const int column = std::max(0, m_table->currentIndex().column());
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->rowOfRegion(std::size_t(index)), column));
    if (!proxy.isValid())
        return;
    // Already the current, selected row (a live refresh merged the rows and kept it): leave the view alone.
    if (m_table->currentIndex().row() == proxy.row() && m_table->selectionModel()->isRowSelected(proxy.row(), {}))
        return;
    m_syncing = true;
    m_chosenRow = QPersistentModelIndex(); // chosen elsewhere (the map, a search): a click on any row chooses it
    m_table->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxy);
    m_syncing = false;
}

void RegionsTab::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

std::vector<const Region *> RegionsTab::selectedRegions() const
{
    std::vector<const Region *> out;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        if (const Region *r = m_model->regionAt(m_filter->mapToSource(i).row()))
            out.push_back(r);
    return out;
}

QByteArray RegionsTab::saveColumns() const
{
    return m_table->horizontalHeader()->saveState();
}

void RegionsTab::restoreColumns(const QByteArray &state)
{
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}

} // namespace vmatlas::ui
