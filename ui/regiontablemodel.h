#pragma once

#include "frame.h"
#include "model.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vmatlas::ui {

// The regions of a snapshot, one row each, every CSV column. A new snapshot is merged into the rows
// (inserts, removes, changed cells), never a reset, so selection and scroll survive live refresh.
class RegionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns
    {
        Start,
        End,
        Size,
        Type,
        State,
        Protection,
        Offset,
        Device,
        Inode,
        Path,
        Label,
        Rss,
        Pss,
        Swap,
        SharedClean,
        SharedDirty,
        PrivateClean,
        PrivateDirty,
        Anonymous,
        Locked,
        PssDirty,
        Referenced,
        Ksm,
        LazyFree,
        AnonHugePages,
        SwapPss,
        VmFlags,
        Use, // what the region is for (shown beside Type)
        // VMMap's working-set columns of the region (Total WS is RSS, Locked WS is Locked):
        Committed,
        PrivateBytes, // USS: private clean + private dirty
        PrivateWs,
        ShareableWs,
        SharedWs,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, // raw value: addresses and bytes as qulonglong
        RegionIndexRole, // index into the snapshot's regions
        TypeRole, // RegionType as int
        StateRole, // RegionState as int
        StartRole, // qulonglong
        EndRole,
        ChangeRole, // int(ChangeKind) of the row in the shown frame's diff (Added or Changed); invalid: unchanged
        CountersChangedRole, // bool: only counters changed (PSS moving as another process maps a library)
    };

    explicit RegionTableModel(QObject *parent = nullptr);

    // The frame's snapshot, merged into the rows, and its diff: rows added or changed are tinted.
    void setFrame(FramePtr frame);
    void setSnapshot(SnapshotPtr snapshot); // without a diff
    SnapshotPtr snapshot() const { return m_snapshot; }
    // Added, or Changed in layout (bounds, protection, state, type, path); nothing for counters only.
    std::optional<ChangeKind> changeAt(int row) const;
    bool countersChangedAt(int row) const;
    const Region *regionAt(int row) const;
    int rowOfAddress(Address a) const; // -1 when unmapped
    // A row's region: its index in the snapshot's regions, and back (-1: none). The same while the rows are in
    // address order.
    std::size_t regionOfRow(int row) const;
    int rowOfRegion(std::size_t region) const;

    // The rows sorted by a column (-1: address order), ties in address order: one sort of an index permutation
    // by numeric keys (a path or label ranked first). Live refreshes keep the order: rows come and go, and when a
    // value in the column moves, the rows are sorted again, as one layout change (persistent indexes follow
    // their regions).
    void sortRows(int column, Qt::SortOrder order);

    // Without QAbstractTableModel's virtual rowCount()/columnCount() round trip: the filter asks one per row.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return !parent.isValid() && row >= 0 && column >= 0 && std::size_t(row) < m_rows.size() && column < ColumnCount
            ? createIndex(row, column)
            : QModelIndex();
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static bool isByteColumn(int column);
    // The order a column sorts in, two regions at a time (sortRows sorts by numeric keys that order the same way).
    static bool lessThan(const Region &a, const Region &b, int column);
    // The column's value as a number that sorts like the column (all but Path and Label): false for those.
    static bool sortKey(const Region &r, int column, std::uint64_t &key);
    static QString columnTitle(int column);
    static QString columnToolTip(int column);

    // Past this many rows inserted or removed, a new snapshot resets the model instead of merging.
    static constexpr std::size_t kMaxMergeRuns = 2000;
    // Past this many runs of changed rows, one dataChanged covers them all.
    static constexpr std::size_t kMaxChangedRuns = 64;
    // The columns a change of counters alone can change: this one to the last (counters, flags, use, VMMap's
    // working-set columns).
    static constexpr int kFirstCounterColumn = Rss;

private:
    static std::uint64_t counterFor(const Region &r, int column);
    // False when a counter the column shows was not read for r (a live tick, a core dump): shown empty.
    static bool counterKnown(const Region &r, int column);
    // The evidence of a guessed use ("likely: …"), or empty when the use is certain.
    QString useEvidence(std::size_t region) const;
    std::optional<ChangeKind> changeOfRegion(std::size_t region) const;
    bool countersChangedOfRegion(std::size_t region) const;
    bool ordered() const; // sorted otherwise than by address
    void computeOrder();
    // Runs change (which may merge rows) inside one layout change, then sorts the rows again.
    template <typename Change> void relayout(Change &&change);
    bool sortsApart(const Region &a, const Region &b) const; // their values in the sorted column differ

    SnapshotPtr m_snapshot;
    std::vector<const Region *> m_rows;
    std::vector<Address> m_starts; // m_rows[i]->start, walked without touching the regions
    // Sorted otherwise than by address: row -> index in m_rows, and back; empty in address order.
    std::vector<std::uint32_t> m_order, m_rowOf;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    void setRows(SnapshotPtr snapshot);
    // Marks the rows the diff names; notify: one dataChanged over every row when the marks differ.
    void markChanges(const SnapshotDiff *diff, bool notify = true);

    FramePtr m_frame; // keeps the diff alive
    std::vector<std::int8_t> m_change; // int(ChangeKind), kCountersOnly, or -1
    std::vector<const RegionChange *> m_changeOf; // the row's entry in the frame's diff
    static constexpr std::int8_t kCountersOnly = 8;
    bool m_marksCleared = false; // rows lost their marks since the last dataChanged
};

// Filters the region table by type, state and text (path, label, or an address inside the region).
class RegionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RegionFilterModel(QObject *parent = nullptr);
    void setTypeVisible(RegionType type, bool visible);
    void setStateVisible(RegionState state, bool visible);
    void setText(const QString &text);
    bool typeVisible(RegionType type) const { return m_types & (1u << unsigned(type)); }
    bool stateVisible(RegionState state) const { return m_states & (1u << unsigned(state)); }
    QString text() const { return m_text; }

    void setSourceModel(QAbstractItemModel *model) override;
    // Sorting is the source model's (RegionTableModel::sortRows): this model filters and keeps its order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void forgetMatches() const;
    RegionTableModel *m_model = nullptr;

    static constexpr unsigned kAllTypes = 0xF; // Free, Image, Mapped, Private
    static constexpr unsigned kAllStates = 0x7; // Free, Reserved, Committed
    unsigned m_types = kAllTypes;
    unsigned m_states = kAllStates;
    QString m_text;
    std::optional<Address> m_address;
    // Whether each distinct path, label and protection contains m_text (the path kept alive with its entry,
    // so that its address is not reused by another while the entry stands).
    struct LabelKey
    {
        LabelKind kind;
        std::int32_t tid;
        std::shared_ptr<const std::string> path;
        bool operator<(const LabelKey &o) const { return std::tie(kind, tid, path) < std::tie(o.kind, o.tid, o.path); }
    };
    mutable std::unordered_map<const std::string *, std::pair<std::shared_ptr<const std::string>, bool>> m_pathMatches;
    mutable std::map<LabelKey, bool> m_labelMatches;
    mutable std::array<std::int8_t, 16> m_protectionMatches = filledMatches();
    static std::array<std::int8_t, 16> filledMatches()
    {
        std::array<std::int8_t, 16> a;
        a.fill(-1);
        return a;
    }
};

} // namespace vmatlas::ui
