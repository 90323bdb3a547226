#include "usesummarymodel.h"

#include "formatting.h"
#include "uitext.h"

#include <QFont>

namespace vmatlas::ui {

namespace {
// VMMap's order: what the memory is for, most specific first, Free last.
constexpr RegionUse kRows[] = { RegionUse::Image, RegionUse::MappedFile, RegionUse::Shareable, RegionUse::Heap,
    RegionUse::ManagedHeap, RegionUse::Stack, RegionUse::StackGuard, RegionUse::PrivateData, RegionUse::PageTable,
    RegionUse::Unusable, RegionUse::Free };
static_assert(std::size(kRows) == kRegionUseCount);
} // namespace

UseSummaryModel::UseSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RegionUse UseSummaryModel::useOfRow(int row)
{
    return row >= 0 && row < int(kRegionUseCount) ? kRows[row] : RegionUse::Free;
}

void UseSummaryModel::setTotals(const UseTotals &totals)
{
    if (totals.byUse == m_totals.byUse && totals.total == m_totals.total
        && totals.pageTableKnown == m_totals.pageTableKnown)
        return;
    m_totals = totals;
    emit dataChanged(index(0, 0), index(kTotalRow, ColumnCount - 1));
}

const UseColumns &UseSummaryModel::row(int r) const
{
    return r == kTotalRow ? m_totals.total : m_totals.of(useOfRow(r));
}

std::uint64_t UseSummaryModel::value(const UseColumns &c, int column)
{
    switch (column) {
    case Size:
        return c.size;
    case Committed:
        return c.committed;
    case Private:
        return c.privateBytes;
    case TotalWs:
        return c.totalWs;
    case PrivateWs:
        return c.privateWs;
    case ShareableWs:
        return c.shareableWs;
    case SharedWs:
        return c.sharedWs;
    case LockedWs:
        return c.lockedWs;
    case Blocks:
        return c.blocks;
    case Largest:
        return c.largest;
    case Pss:
        return c.pss;
    case Swap:
        return c.swap;
    }
    return 0;
}

int UseSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kTotalRow + 1;
}

int UseSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UseSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > kTotalRow || index.column() >= ColumnCount)
        return {};
    const UseColumns &c = row(index.row());
    const bool pageTable = index.row() != kTotalRow && useOfRow(index.row()) == RegionUse::PageTable;
    const bool free = index.row() != kTotalRow && useOfRow(index.row()) == RegionUse::Free;
    switch (role) {
    case Qt::DisplayRole: {
        // The page table has no address, only its size (VmPTE: committed, private and resident, as the command
        // line's summary shows it); free space has only a size.
        const bool pageTableColumn = index.column() == Size || index.column() == Committed || index.column() == Private
            || index.column() == TotalWs || index.column() == PrivateWs;
        if (pageTable && (!m_totals.pageTableKnown || !pageTableColumn))
            return index.column() == Size && !m_totals.pageTableKnown ? tr("not known") : QVariant();
        if (free && index.column() != Size && index.column() != Blocks && index.column() != Largest)
            return {};
        const std::uint64_t v = value(c, index.column());
        return index.column() == Blocks ? QString::number(v) : formatBytes(v);
    }
    case ValueRole:
        return qulonglong(value(c, index.column()));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.row() == kTotalRow) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    return {};
}

QVariant UseSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal) {
        switch (section) {
        case Private:
            return tr("Private bytes in RAM: private clean + private dirty (USS)");
        case TotalWs:
            return tr("Working set: every resident byte (RSS)");
        case PrivateWs:
            return tr("Resident pages only this process maps");
        case ShareableWs:
            return tr("Resident pages that can be shared: file and shared-memory pages");
        case SharedWs:
            return tr("Resident pages another process maps too, now");
        case LockedWs:
            return tr("Resident pages locked in RAM (mlock)");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section == kTotalRow ? tr("Total (in use)") : useText(useOfRow(section));
    static const char *const names[] = { QT_TR_NOOP("Size"), QT_TR_NOOP("Committed"), QT_TR_NOOP("Private"),
        QT_TR_NOOP("Total WS"), QT_TR_NOOP("Private WS"), QT_TR_NOOP("Shareable WS"), QT_TR_NOOP("Shared WS"),
        QT_TR_NOOP("Locked WS"), QT_TR_NOOP("Blocks"), QT_TR_NOOP("Largest"), QT_TR_NOOP("PSS"), QT_TR_NOOP("Swap") };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace vmatlas::ui
