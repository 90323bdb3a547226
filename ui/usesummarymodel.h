#pragma once

#include "usage.h"

#include <QAbstractTableModel>

namespace vmatlas::ui {

// Memory by use, VMMap's headline table: a row per use (Image, Mapped file, Shareable, Heap, Managed heap,
// Stack, Stack guard, Private data, Page table, Unusable, Free) and the total, with the working-set columns.
class UseSummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns
    {
        Size,
        Committed,
        Private, // USS: private clean + private dirty
        TotalWs,
        PrivateWs,
        ShareableWs,
        SharedWs,
        LockedWs,
        Blocks,
        Largest,
        Pss,
        Swap,
        ColumnCount
    };
    enum Roles
    {
        ValueRole = Qt::UserRole + 1, // the number, as qulonglong
    };
    static constexpr int kTotalRow = int(kRegionUseCount); // after one row per use

    explicit UseSummaryModel(QObject *parent = nullptr);
    void setTotals(const UseTotals &totals);
    const UseTotals &totals() const { return m_totals; }
    static std::uint64_t value(const UseColumns &c, int column);
    // The use a row shows (the total row: none).
    static RegionUse useOfRow(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const UseColumns &row(int r) const;
    UseTotals m_totals;
};

} // namespace vmatlas::ui
