#include "summarymodel.h"

#include "formatting.h"
#include "maprenderer.h"

#include <QFont>

namespace vmatlas::ui {

SummaryModel::SummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RegionType SummaryModel::typeOfRow(int row)
{
    switch (row) {
    case ImageRow:
        return RegionType::Image;
    case MappedRow:
        return RegionType::Mapped;
    case PrivateRow:
        return RegionType::Private;
    default:
        return RegionType::Free;
    }
}

void SummaryModel::setTotals(const Totals &totals)
{
    if (totals.all == m_totals.all && totals.byType == m_totals.byType)
        return;
    m_totals = totals;
    emit dataChanged(index(0, 0), index(RowCount - 1, ColumnCount - 1));
}

const TypeTotals &SummaryModel::row(int r) const
{
    return r == TotalRow ? m_totals.all : m_totals.of(typeOfRow(r));
}

std::uint64_t SummaryModel::value(const TypeTotals &t, int column)
{
    switch (column) {
    case Size:
        return t.size;
    case Committed:
        return t.committed;
    case Rss:
        return t.rss;
    case Pss:
        return t.pss;
    case Swap:
        return t.swap;
    case Blocks:
        return t.blocks;
    case Largest:
        return t.largest;
    }
    return 0;
}

int SummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

int SummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TypeTotals &t = row(index.row());
    const std::uint64_t v = value(t, index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (index.row() == FreeRow
            && (index.column() == Committed || index.column() == Rss || index.column() == Pss
                || index.column() == Swap))
            return QString();
        if (index.column() == Blocks)
            return QString::number(v);
        return formatBytes(v);
    case ValueRole:
        return qulonglong(v);
    case Qt::ToolTipRole:
        return tr("%1 bytes").arg(v);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.row() == TotalRow) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    return {};
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal) {
        switch (section) {
        case Committed:
            return tr("Bytes with some access (Windows: MEM_COMMIT)");
        case Rss:
            return tr("Bytes in RAM (Windows: working set)");
        case Pss:
            return tr("RSS with shared pages divided among their sharers");
        case Swap:
            return tr("Bytes in swap (Windows: the page file)");
        case Blocks:
            return tr("Number of regions");
        case Largest:
            return tr("The largest region; for Free, the largest free block");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        switch (section) {
        case ImageRow:
            return tr("Image");
        case MappedRow:
            return tr("Mapped");
        case PrivateRow:
            return tr("Private");
        case FreeRow:
            return tr("Free");
        case TotalRow:
            return tr("Total (in use)");
        }
        return {};
    }
    switch (section) {
    case Size:
        return tr("Size");
    case Committed:
        return tr("Committed");
    case Rss:
        return tr("RSS");
    case Pss:
        return tr("PSS");
    case Swap:
        return tr("Swap");
    case Blocks:
        return tr("Blocks");
    case Largest:
        return tr("Largest");
    }
    return {};
}

} // namespace vmatlas::ui
