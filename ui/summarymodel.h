#pragma once

#include "totals.h"

#include <QAbstractTableModel>

namespace vmatlas::ui {

// Totals by type: rows Image, Mapped, Private, Free, Total; counters as columns.
class SummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Rows
    {
        ImageRow,
        MappedRow,
        PrivateRow,
        FreeRow,
        TotalRow,
        RowCount
    };
    enum Columns
    {
        Size,
        Committed,
        Rss,
        Pss,
        Swap,
        Blocks,
        Largest,
        ColumnCount
    };
    enum Roles
    {
        ValueRole = Qt::UserRole + 1
    };

    explicit SummaryModel(QObject *parent = nullptr);
    void setTotals(const Totals &totals);
    const Totals &totals() const { return m_totals; }
    static std::uint64_t value(const TypeTotals &t, int column);
    static RegionType typeOfRow(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const TypeTotals &row(int r) const;
    Totals m_totals;
};

} // namespace vmatlas::ui
