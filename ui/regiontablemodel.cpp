#include "regiontablemodel.h"

#include "formatting.h"
#include "maprenderer.h"
#include "uitext.h"
#include "usage.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <array>
#include <utility>

namespace vmatlas::ui {

namespace {
int labelRank(LabelKind kind);
}

RegionTableModel::RegionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

bool RegionTableModel::isByteColumn(int column)
{
    return column == Size || (column >= Rss && column <= SwapPss) || (column >= Committed && column <= SharedWs);
}

QString RegionTableModel::columnTitle(int column)
{
    switch (column) {
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Size:
        return tr("Size");
    case Type:
        return tr("Type");
    case State:
        return tr("State");
    case Protection:
        return tr("Protection");
    case Offset:
        return tr("Offset");
    case Device:
        return tr("Device");
    case Inode:
        return tr("Inode");
    case Path:
        return tr("Path");
    case Label:
        return tr("Details");
    case Rss:
        return tr("RSS");
    case Pss:
        return tr("PSS");
    case Swap:
        return tr("Swap");
    case SharedClean:
        return tr("Shared clean");
    case SharedDirty:
        return tr("Shared dirty");
    case PrivateClean:
        return tr("Private clean");
    case PrivateDirty:
        return tr("Private dirty");
    case Anonymous:
        return tr("Anonymous");
    case Locked:
        return tr("Locked");
    case PssDirty:
        return tr("PSS dirty");
    case Referenced:
        return tr("Referenced");
    case Ksm:
        return tr("KSM");
    case LazyFree:
        return tr("Lazy free");
    case AnonHugePages:
        return tr("Anon huge pages");
    case SwapPss:
        return tr("Swap PSS");
    case VmFlags:
        return tr("VM flags");
    case Use:
        return tr("Use");
    case Committed:
        return tr("Committed");
    case PrivateBytes:
        return tr("Private");
    case PrivateWs:
        return tr("Private WS");
    case ShareableWs:
        return tr("Shareable WS");
    case SharedWs:
        return tr("Shared WS");
    }
    return {};
}

QString RegionTableModel::columnToolTip(int column)
{
    switch (column) {
    case Type:
        return tr(
            "Image: program and libraries; Mapped: files and shared sections; Private: heap, stacks, anonymous memory");
    case State:
        return tr("Committed: usable; Reserved: address space held with no access; Free: a gap");
    case Protection:
        return tr("r/w/x, then p private, s shared, c copy-on-write view");
    case Rss:
        return tr("Resident set: bytes of this region in RAM (Windows: working set)");
    case Pss:
        return tr("Proportional set: RSS with each shared page divided among the processes sharing it");
    case Swap:
        return tr("Bytes written out to swap (Windows: the page file)");
    case PrivateDirty:
        return tr("Pages only this process maps and has modified (Windows: part of the private working set)");
    default:
        return columnTitle(column);
    }
}

void RegionTableModel::markChanges(const SnapshotDiff *diff, bool notify)
{
    std::vector<std::int8_t> change(m_rows.size(), -1);
    m_changeOf.assign(m_rows.size(), nullptr);
    if (diff) {
        // Rows are sorted by start and match the snapshot one to one; the diff is sorted by start too.
        std::size_t row = 0;
        for (const RegionChange &c : diff->changes) {
            if (c.kind == ChangeKind::Removed)
                continue;
            while (row < m_starts.size() && m_starts[row] < c.after.start)
                ++row;
            if (row < m_starts.size() && m_starts[row] == c.after.start) {
                change[row] = isLayoutChange(c) ? std::int8_t(c.kind) : kCountersOnly;
                m_changeOf[row] = &c;
            }
        }
    }
    if (!notify) {
        m_change = std::move(change);
        return;
    }
    if (change != m_change || std::exchange(m_marksCleared, false)) {
        m_change = std::move(change);
        if (!m_rows.empty())
            emit dataChanged(
                index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), { Qt::BackgroundRole, ChangeRole });
    }
}

std::optional<ChangeKind> RegionTableModel::changeAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return std::nullopt;
    return changeOfRegion(regionOfRow(row));
}

bool RegionTableModel::countersChangedAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() && countersChangedOfRegion(regionOfRow(row));
}

std::optional<ChangeKind> RegionTableModel::changeOfRegion(std::size_t i) const
{
    if (i >= m_change.size() || m_change[i] < 0 || m_change[i] == kCountersOnly)
        return std::nullopt;
    return ChangeKind(m_change[i]);
}

bool RegionTableModel::countersChangedOfRegion(std::size_t i) const
{
    return i < m_change.size() && m_change[i] == kCountersOnly;
}

void RegionTableModel::setFrame(FramePtr frame)
{
    m_frame = std::move(frame);
    setRows(m_frame ? m_frame->snapshot : nullptr);
}

void RegionTableModel::setSnapshot(SnapshotPtr snapshot)
{
    m_frame.reset();
    setRows(std::move(snapshot));
}

void RegionTableModel::setRows(SnapshotPtr snapshot)
{
    // The rows marked by the previous frame, and whether only their counters were: repainted below, with the rows
    // that changed, in the same signals.
    std::vector<std::pair<Address, bool>> markedBefore;
    for (std::size_t i = 0; i < m_change.size() && i < m_starts.size(); ++i)
        if (m_change[i] >= 0)
            markedBefore.emplace_back(m_starts[i], m_change[i] == kCountersOnly);
    // The marks point into the previous frame's diff, which may be gone: forget them until the new ones.
    const bool hadMarks = !markedBefore.empty();
    std::fill(m_change.begin(), m_change.end(), std::int8_t(-1));
    std::fill(m_changeOf.begin(), m_changeOf.end(), nullptr);
    m_marksCleared = hadMarks;
    SnapshotPtr old = m_snapshot;
    const std::vector<Region> empty;
    const auto &next = snapshot ? snapshot->regions : empty;
    // The rows are merged by their starts: the frame's, made off the GUI thread, else gathered here. Walking the
    // regions themselves (248 bytes apart) costs a cache miss a row, and the merge walks them several times.
    std::vector<Address> gathered;
    const std::vector<Address> *nextStarts = &gathered;
    if (m_frame && m_frame->snapshot == snapshot && m_frame->starts.size() == next.size()) {
        nextStarts = &m_frame->starts;
    } else {
        gathered.reserve(next.size());
        for (const Region &r : next)
            gathered.push_back(r.start);
    }
    const std::vector<Address> &to = *nextStarts;
    // A layout replaced wholesale (another process, a remap of everything): one reset is far cheaper
    // than thousands of inserts and removes into the middle of the rows.
    std::size_t runs = 0;
    for (std::size_t i = 0, j = 0; (i < m_starts.size() || j < to.size()) && runs <= kMaxMergeRuns;) {
        if (i < m_starts.size() && j < to.size() && m_starts[i] == to[j]) {
            ++i;
            ++j;
        } else {
            ++runs;
            if (i < m_starts.size() && (j >= to.size() || m_starts[i] < to[j]))
                ++i;
            else
                ++j;
        }
    }
    // Sorted by another column, rows filled in or all gone would land scattered: a reset too.
    if ((runs > kMaxMergeRuns && !m_rows.empty() && !next.empty())
        || (ordered() && runs > 0 && (m_rows.empty() || next.empty()))) {
        beginResetModel();
        m_snapshot = std::move(snapshot);
        m_rows.clear();
        if (m_snapshot)
            for (const Region &r : m_snapshot->regions)
                m_rows.push_back(&r);
        m_starts = to;
        m_change.assign(m_rows.size(), -1);
        m_changeOf.assign(m_rows.size(), nullptr);
        computeOrder();
        endResetModel();
        markChanges(m_frame ? &m_frame->diff : nullptr);
        return;
    }
    // Merge by start address: both lists are sorted, so one pass gives the removes and inserts. In address order
    // each run is signalled where it is; sorted by another column the rows are merged inside one layout change
    // (see below).
    auto merge = [&](bool signal) {
        std::size_t row = 0, j = 0;
        while (row < m_starts.size() || j < to.size()) {
            if (row < m_starts.size() && j < to.size() && m_starts[row] == to[j]) {
                ++row;
                ++j;
                continue;
            }
            if (row < m_starts.size() && (j >= to.size() || m_starts[row] < to[j])) {
                std::size_t last = row;
                while (last + 1 < m_starts.size() && (j >= to.size() || m_starts[last + 1] < to[j]))
                    ++last;
                if (signal)
                    beginRemoveRows({}, int(row), int(last));
                const auto first = std::ptrdiff_t(row), end = std::ptrdiff_t(last) + 1;
                m_rows.erase(m_rows.begin() + first, m_rows.begin() + end);
                m_starts.erase(m_starts.begin() + first, m_starts.begin() + end);
                m_change.resize(m_rows.size(), -1);
                m_changeOf.resize(m_rows.size(), nullptr);
                if (signal)
                    endRemoveRows();
                continue;
            }
            std::size_t lastJ = j;
            while (lastJ + 1 < to.size() && (row >= m_starts.size() || to[lastJ + 1] < m_starts[row]))
                ++lastJ;
            if (signal)
                beginInsertRows({}, int(row), int(row + (lastJ - j)));
            std::vector<const Region *> inserted;
            for (std::size_t k = j; k <= lastJ; ++k)
                inserted.push_back(&next[k]);
            m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), inserted.begin(), inserted.end());
            m_starts.insert(m_starts.begin() + std::ptrdiff_t(row), to.begin() + std::ptrdiff_t(j),
                to.begin() + std::ptrdiff_t(lastJ) + 1);
            m_change.resize(m_rows.size(), -1);
            m_changeOf.resize(m_rows.size(), nullptr);
            if (signal)
                endInsertRows();
            row += inserted.size();
            j = lastJ + 1;
        }
    };
    // Then the rows match the new snapshot one to one: they point at it. Which rows changed, and how: the
    // frame's diff says, when it is against the snapshot the rows showed (a live refresh); otherwise each row is
    // compared. The rows marked before and now are repainted too.
    enum : char
    {
        Unchanged,
        CountersOnly, // the counter columns (the filter need not look at the row again)
        WholeRow
    };
    std::vector<char> changed;
    const bool byDiff = m_frame && m_frame->before && m_frame->before == old;
    bool resort = false; // a row's value in the sorted column moved
    auto repoint = [&] {
        m_snapshot = std::move(snapshot);
        changed.assign(m_rows.size(), Unchanged);
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (!byDiff) {
                changed[i] = *m_rows[i] == next[i] ? Unchanged : WholeRow;
                resort = resort || (changed[i] && ordered() && sortsApart(*m_rows[i], next[i]));
            }
            m_rows[i] = &next[i];
        }
        if (byDiff && ordered())
            for (const RegionChange &c : m_frame->diff.changes)
                resort = resort || (c.kind == ChangeKind::Changed && sortsApart(c.before, c.after));
    };
    if (!ordered()) {
        merge(true);
        repoint();
    } else if (runs > 0) {
        relayout([&] {
            merge(false);
            repoint();
        });
    } else {
        repoint();
        if (resort)
            relayout([] {});
    }
    auto raise = [&changed](std::size_t row, char how) { changed[row] = std::max(changed[row], how); };
    if (byDiff) {
        // Both sorted by start: one walk.
        std::size_t row = 0;
        for (const RegionChange &c : m_frame->diff.changes) {
            if (c.kind == ChangeKind::Removed)
                continue;
            while (row < m_starts.size() && m_starts[row] < c.after.start)
                ++row;
            if (row < m_starts.size() && m_starts[row] == c.after.start)
                raise(row, isLayoutChange(c) ? WholeRow : CountersOnly);
        }
    }
    for (std::size_t k = 0, row = 0; k < markedBefore.size(); ++k) {
        while (row < m_starts.size() && m_starts[row] < markedBefore[k].first)
            ++row;
        if (row < m_starts.size() && m_starts[row] == markedBefore[k].first)
            raise(row, markedBefore[k].second ? CountersOnly : WholeRow);
    }
    markChanges(m_frame ? &m_frame->diff : nullptr, false);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_change[i] >= 0)
            raise(i, m_change[i] == kCountersOnly ? CountersOnly : WholeRow);
    // In the rows' order (sorted by another column than the address, a region's row is elsewhere).
    if (!m_order.empty()) {
        std::vector<char> byRow(changed.size());
        for (std::size_t i = 0; i < changed.size(); ++i)
            byRow[m_rowOf[i]] = changed[i];
        changed = std::move(byRow);
    }
    // Run by run when they are few, else as one range from the first to the last (each signal costs the proxy
    // and the view more than the rows between runs do). Rows whose counters alone moved are reported in the
    // counter columns only: the filter then has no reason to look at them again.
    auto runsOf = [&](char how) {
        std::vector<std::pair<int, int>> found;
        int runStart = -1;
        for (std::size_t i = 0; i <= m_rows.size(); ++i) {
            const bool c = i < m_rows.size() && changed[i] == how;
            if (c && runStart < 0)
                runStart = int(i);
            if (!c && runStart >= 0) {
                found.emplace_back(runStart, int(i) - 1);
                runStart = -1;
            }
        }
        if (found.size() > kMaxChangedRuns)
            found = { { found.front().first, found.back().second } };
        return found;
    };
    for (const auto &[first, last] : runsOf(WholeRow))
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    for (const auto &[first, last] : runsOf(CountersOnly))
        emit dataChanged(index(first, kFirstCounterColumn), index(last, ColumnCount - 1));
    m_marksCleared = false;
}

bool RegionTableModel::sortsApart(const Region &a, const Region &b) const
{
    switch (m_sortColumn) {
    case Path:
        return a.path() != b.path();
    case Label:
        return a.labelKind != b.labelKind || a.tid != b.tid || a.path() != b.path();
    default: {
        std::uint64_t x = 0, y = 0;
        sortKey(a, m_sortColumn, x);
        sortKey(b, m_sortColumn, y);
        return x != y;
    }
    }
}

QString RegionTableModel::useEvidence(std::size_t region) const
{
    if (!m_snapshot)
        return {};
    const auto &notes = m_snapshot->useNotes;
    auto it = std::lower_bound(notes.begin(), notes.end(), std::uint32_t(region),
        [](const UseNote &n, std::uint32_t r) { return n.region < r; });
    return it != notes.end() && it->region == std::uint32_t(region) ? QString::fromStdString(it->evidence) : QString();
}

const Region *RegionTableModel::regionAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[regionOfRow(row)] : nullptr;
}

int RegionTableModel::rowOfAddress(Address a) const
{
    if (!m_snapshot)
        return -1;
    const auto i = m_snapshot->indexOf(a);
    return i < 0 ? -1 : rowOfRegion(std::size_t(i));
}

std::size_t RegionTableModel::regionOfRow(int row) const
{
    return m_order.empty() ? std::size_t(row) : m_order[std::size_t(row)];
}

int RegionTableModel::rowOfRegion(std::size_t i) const
{
    if (i >= m_rows.size())
        return -1;
    return m_order.empty() ? int(i) : int(m_rowOf[i]);
}

bool RegionTableModel::ordered() const
{
    // By start or end upwards the rows are in address order already (regions do not overlap).
    return m_sortColumn >= 0 && !((m_sortColumn == Start || m_sortColumn == End) && m_sortOrder == Qt::AscendingOrder);
}

void RegionTableModel::computeOrder()
{
    m_order.clear();
    m_rowOf.clear();
    if (!ordered() || m_rows.empty())
        return;
    const int column = m_sortColumn;
    // A path or label becomes a number that sorts like its text: the distinct paths (a few hundred) are sorted
    // once, not compared a million times.
    std::unordered_map<const std::string *, std::uint64_t> pathRank;
    if (column == Path || column == Label) {
        std::vector<const std::string *> paths;
        for (const Region *r : m_rows)
            if (r->pathPtr && pathRank.emplace(r->pathPtr.get(), 0).second)
                paths.push_back(r->pathPtr.get());
        std::sort(paths.begin(), paths.end(), [](const std::string *a, const std::string *b) { return *a < *b; });
        std::uint64_t rank = 0;
        for (std::size_t k = 0; k < paths.size(); ++k) {
            if (k == 0 || *paths[k] != *paths[k - 1])
                rank = paths[k]->empty() ? 0 : rank + 1;
            pathRank[paths[k]] = rank;
        }
    }
    auto rankOf = [&pathRank](const Region &r) { return r.pathPtr ? pathRank[r.pathPtr.get()] : 0; };
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Region &r = *m_rows[i];
        std::uint64_t key = 0;
        if (column == Path) {
            key = rankOf(r);
        } else if (column == Label) {
            key = std::uint64_t(labelRank(r.labelKind)) << 48;
            if (r.labelKind == LabelKind::ThreadStack)
                key |= std::uint32_t(r.tid);
            else if (r.labelKind == LabelKind::AnonName || r.labelKind == LabelKind::Memfd
                || r.labelKind == LabelKind::SysvShm)
                key |= rankOf(r);
        } else {
            sortKey(r, column, key);
        }
        keys[i] = { key, std::uint32_t(i) };
    }
    // Ties in address order, both ways (as a stable sort of the address-ordered rows would leave them).
    if (m_sortOrder == Qt::AscendingOrder)
        std::sort(keys.begin(), keys.end());
    else
        std::sort(keys.begin(), keys.end(),
            [](const auto &a, const auto &b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    m_order.resize(keys.size());
    m_rowOf.resize(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
        m_order[k] = keys[k].second;
        m_rowOf[keys[k].second] = std::uint32_t(k);
    }
}

void RegionTableModel::sortRows(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    relayout([&] {
        m_sortColumn = column;
        m_sortOrder = order;
    });
}

template <typename Change> void RegionTableModel::relayout(Change &&change)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (the view's selection and current row, through the filter) follow their regions.
    const QModelIndexList before = persistentIndexList();
    std::vector<Address> starts;
    starts.reserve(std::size_t(before.size()));
    for (const QModelIndex &i : before)
        starts.push_back(m_starts[regionOfRow(i.row())]);
    change();
    computeOrder();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const auto it = std::lower_bound(m_starts.begin(), m_starts.end(), starts[std::size_t(k)]);
        after.push_back(it != m_starts.end() && *it == starts[std::size_t(k)]
                ? index(rowOfRegion(std::size_t(it - m_starts.begin())), before[k].column())
                : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int RegionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::uint64_t RegionTableModel::counterFor(const Region &r, int column)
{
    switch (column) {
    case Committed:
        return useColumnsOf(r).committed;
    case PrivateBytes:
        return useColumnsOf(r).privateBytes;
    case PrivateWs:
        return useColumnsOf(r).privateWs;
    case ShareableWs:
        return useColumnsOf(r).shareableWs;
    case SharedWs:
        return useColumnsOf(r).sharedWs;
    case Size:
        return r.size();
    case Rss:
        return r.counter(Counter::Rss);
    case Pss:
        return r.counter(Counter::Pss);
    case Swap:
        return r.counter(Counter::Swap);
    case SharedClean:
        return r.counter(Counter::SharedClean);
    case SharedDirty:
        return r.counter(Counter::SharedDirty);
    case PrivateClean:
        return r.counter(Counter::PrivateClean);
    case PrivateDirty:
        return r.counter(Counter::PrivateDirty);
    case Anonymous:
        return r.counter(Counter::Anonymous);
    case Locked:
        return r.counter(Counter::Locked);
    case PssDirty:
        return r.counter(Counter::PssDirty);
    case Referenced:
        return r.counter(Counter::Referenced);
    case Ksm:
        return r.counter(Counter::Ksm);
    case LazyFree:
        return r.counter(Counter::LazyFree);
    case AnonHugePages:
        return r.counter(Counter::AnonHugePages);
    case SwapPss:
        return r.counter(Counter::SwapPss);
    }
    return 0;
}

bool RegionTableModel::counterKnown(const Region &r, int column)
{
    auto known = [&r](std::initializer_list<Counter> cs) {
        for (Counter c : cs)
            if (!r.hasCounter(c))
                return false;
        return true;
    };
    switch (column) {
    case Committed:
    case Size:
        return true;
    case PrivateBytes:
    case PrivateWs:
        return known({ Counter::PrivateClean, Counter::PrivateDirty });
    case ShareableWs:
        return known({ Counter::Rss, Counter::Anonymous });
    case SharedWs:
        return known({ Counter::SharedClean, Counter::SharedDirty });
    case Rss:
        return known({ Counter::Rss });
    case Pss:
        return known({ Counter::Pss });
    case Swap:
        return known({ Counter::Swap });
    case SharedClean:
        return known({ Counter::SharedClean });
    case SharedDirty:
        return known({ Counter::SharedDirty });
    case PrivateClean:
        return known({ Counter::PrivateClean });
    case PrivateDirty:
        return known({ Counter::PrivateDirty });
    case Anonymous:
        return known({ Counter::Anonymous });
    case Locked:
        return known({ Counter::Locked });
    case PssDirty:
        return known({ Counter::PssDirty });
    case Referenced:
        return known({ Counter::Referenced });
    case Ksm:
        return known({ Counter::Ksm });
    case LazyFree:
        return known({ Counter::LazyFree });
    case AnonHugePages:
        return known({ Counter::AnonHugePages });
    case SwapPss:
        return known({ Counter::SwapPss });
    }
    return true;
}

QVariant RegionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size())
        return {};
    const std::size_t at = regionOfRow(index.row());
    const Region &r = *m_rows[at];
    const int col = index.column();
    const bool isFree = r.type == RegionType::Free;
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Start:
            return hexAddress(r.start);
        case End:
            return hexAddress(r.end);
        case Type:
            return typeText(r.type);
        case State:
            return stateText(r.state);
        case Protection:
            return isFree ? QString() : QString::fromStdString(r.protection.toString());
        case Offset:
            return isFree ? QString() : hexAddress(r.offset);
        case Device:
            return isFree ? QString() : QString::fromStdString(r.device());
        case Inode:
            return isFree || !r.inode ? QString() : QString::number(r.inode);
        case Path:
            return displayText(r.path());
        case Label:
            return labelText(r);
        case VmFlags:
            return QString::fromStdString(r.vmFlagsText());
        case Use:
            return useEvidence(at).isEmpty() ? useText(r.use) : tr("%1 (likely)").arg(useText(r.use));
        default:
            if (isByteColumn(col))
                return (isFree && col != Size) || !counterKnown(r, col) ? QString() : formatBytes(counterFor(r, col));
        }
        return {};
    case SortRole:
        switch (col) {
        case Start:
            return qulonglong(r.start);
        case End:
            return qulonglong(r.end);
        case Offset:
            return qulonglong(r.offset);
        case Inode:
            return qulonglong(r.inode);
        case Type:
            return int(r.type);
        case State:
            return int(r.state);
        default:
            if (isByteColumn(col))
                return qulonglong(counterFor(r, col));
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (isByteColumn(col) || col == Inode)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (col == Use && !useEvidence(at).isEmpty())
            return useEvidence(at);
        if (col == Path || col == Label)
            return displayText(r.path())
                + (r.labelKind != LabelKind::None ? QStringLiteral("\n") + labelText(r) : QString());
        if (isByteColumn(col)) {
            if (!counterKnown(r, col))
                return tr("Not read");
            // A live tick's counters besides RSS, anonymous and swap come from the last full read: say when.
            const bool live = col == Rss || col == Anonymous || col == Swap || col == Size || col == Committed;
            if (!live && m_snapshot && m_snapshot->countersReadMs > 0
                && m_snapshot->countersReadMs < m_snapshot->timestampMs)
                return tr("%1 bytes, read %2 s before this snapshot")
                    .arg(counterFor(r, col))
                    .arg(QString::number((m_snapshot->timestampMs - m_snapshot->countersReadMs) / 1000.0, 'f', 1));
            return tr("%1 bytes").arg(counterFor(r, col));
        }
        return {};
    case Qt::ForegroundRole:
        if (isFree)
            return QBrush(QColor(128, 128, 128));
        return {};
    case Qt::FontRole:
        if (col == Start || col == End || col == Offset) {
            QFont f(QStringLiteral("monospace"));
            f.setStyleHint(QFont::TypeWriter);
            return f;
        }
        return {};
    case Qt::BackgroundRole: {
        const auto change = changeOfRegion(at);
        if (change == ChangeKind::Added)
            return QBrush(QColor(0xD5, 0x5E, 0x00, 70));
        if (change == ChangeKind::Changed)
            return QBrush(QColor(0xF0, 0xE4, 0x42, 90));
        // Only counters moved: tint just the cells that did, lightly.
        if (countersChangedOfRegion(at) && isByteColumn(col) && col != Size) {
            const RegionChange *c = m_changeOf[at];
            if (c && counterFor(c->before, col) != counterFor(c->after, col))
                return QBrush(QColor(0xF0, 0xE4, 0x42, 45));
        }
        return {};
    }
    case RegionIndexRole:
        return int(at);
    case TypeRole:
        return int(r.type);
    case StateRole:
        return int(r.state);
    case StartRole:
        return qulonglong(r.start);
    case EndRole:
        return qulonglong(r.end);
    case ChangeRole:
        if (const auto change = changeOfRegion(at))
            return int(*change);
        return {};
    case CountersChangedRole:
        return countersChangedOfRegion(at);
    }
    return {};
}

QVariant RegionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole)
        return columnToolTip(section);
    // A first click on a column of bytes puts the biggest first (what one looks for there).
    if (role == Qt::InitialSortOrderRole)
        return isByteColumn(section) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return {};
}

RegionFilterModel::RegionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RegionTableModel::SortRole);
}

void RegionFilterModel::setTypeVisible(RegionType type, bool visible)
{
    const unsigned bit = 1u << unsigned(type);
    m_types = visible ? (m_types | bit) : (m_types & ~bit);
    invalidate(); // as one layout change: a hidden current row is let go, not handed to its neighbour
}

void RegionFilterModel::setStateVisible(RegionState state, bool visible)
{
    const unsigned bit = 1u << unsigned(state);
    m_states = visible ? (m_states | bit) : (m_states & ~bit);
    invalidate();
}

void RegionFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    forgetMatches();
    Address a = 0;
    m_address.reset();
    if (m_text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) && parseAddress(m_text.toStdString(), a))
        m_address = a;
    // The whole mapping rebuilt at once: invalidateFilter() removes and inserts rows range by range, tens of
    // thousands of ranges when every other row matches.
    invalidate();
}

namespace {

// The protection's text ("rw-p") as a number that sorts the same way.
std::uint32_t protectionKey(const Protection &p)
{
    return std::uint32_t(p.read ? 'r' : '-') << 24 | std::uint32_t(p.write ? 'w' : '-') << 16
        | std::uint32_t(p.execute ? 'x' : '-') << 8 | std::uint32_t(std::uint8_t(p.sharing));
}

// Each label kind's place in the alphabetical order of the labels' texts (no label first).
int labelRank(LabelKind kind)
{
    static const std::array<int, 32> ranks = [] {
        std::vector<std::pair<std::string, int>> texts;
        for (int k = 0; k <= int(LabelKind::ThreadStackByPattern); ++k) {
            Region r;
            r.labelKind = LabelKind(k);
            texts.emplace_back(r.label(), k);
        }
        std::stable_sort(texts.begin(), texts.end());
        std::array<int, 32> out {};
        for (std::size_t i = 0; i < texts.size(); ++i)
            out[std::size_t(texts[i].second)] = int(i);
        return out;
    }();
    return ranks[std::size_t(kind) & 31];
}

} // namespace

bool RegionTableModel::lessThan(const Region &a, const Region &b, int column)
{
    switch (column) {
    case Start:
        return a.start < b.start;
    case End:
        return a.end < b.end;
    case Type:
        return a.type < b.type;
    case State:
        return a.state < b.state;
    case Offset:
        return a.offset < b.offset;
    case Inode:
        return a.inode < b.inode;
    case Protection:
        return protectionKey(a.protection) < protectionKey(b.protection);
    case Device:
        return std::pair(a.devMajor, a.devMinor) < std::pair(b.devMajor, b.devMinor);
    case Path:
        return a.path() < b.path();
    case Label: {
        // The label's kind in the alphabetical order of its text, then what tells two of a kind apart: no text
        // is built per comparison (sorting 63k rows compares a million pairs).
        if (a.labelKind != b.labelKind)
            return labelRank(a.labelKind) < labelRank(b.labelKind);
        if (a.labelKind == LabelKind::ThreadStack)
            return a.tid < b.tid;
        if (a.labelKind == LabelKind::AnonName || a.labelKind == LabelKind::Memfd || a.labelKind == LabelKind::SysvShm)
            return a.pathPtr != b.pathPtr && a.path() < b.path();
        return false;
    }
    case VmFlags:
        return a.vmFlags < b.vmFlags;
    case Use:
        return a.use < b.use;
    default:
        if (isByteColumn(column))
            return counterFor(a, column) < counterFor(b, column);
        return a.start < b.start;
    }
}

bool RegionTableModel::sortKey(const Region &r, int column, std::uint64_t &key)
{
    switch (column) {
    case Start:
        key = r.start;
        return true;
    case End:
        key = r.end;
        return true;
    case Type:
        key = std::uint64_t(r.type);
        return true;
    case State:
        key = std::uint64_t(r.state);
        return true;
    case Offset:
        key = r.offset;
        return true;
    case Inode:
        key = r.inode;
        return true;
    case Protection:
        key = protectionKey(r.protection);
        return true;
    case Device:
        key = std::uint64_t(r.devMajor) << 32 | r.devMinor;
        return true;
    case VmFlags:
        key = r.vmFlags;
        return true;
    case Use:
        key = std::uint64_t(r.use);
        return true;
    case Path:
    case Label:
        return false;
    default:
        key = isByteColumn(column) ? counterFor(r, column) : r.start;
        return true;
    }
}

void RegionFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<RegionTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void RegionFilterModel::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sortRows(column, order);
}

bool RegionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Every type and state shown, no text: every row, without reading its region (a live refresh asks again for
    // each row it changed).
    if (m_types == kAllTypes && m_states == kAllStates && m_text.isEmpty())
        return sourceRow >= 0 && sourceRow < sourceModel()->rowCount();
    const Region *r = static_cast<const RegionTableModel *>(sourceModel())->regionAt(sourceRow);
    if (!r)
        return false;
    if (!(m_types & (1u << unsigned(r->type))) || !(m_states & (1u << unsigned(r->state))))
        return false;
    if (m_text.isEmpty())
        return true;
    if (m_address)
        return r->contains(*m_address);
    Q_UNUSED(sourceParent);
    // What the Path, Label and Protection cells show contains the text. Each distinct path, label and protection
    // is matched once per text (cached): a keystroke on 63k rows costs lookups, not 190k QStrings.
    if (m_pathMatches.size() > 65536 || m_labelMatches.size() > 65536)
        forgetMatches(); // live refreshes bring new paths; the text stays
    if (r->pathPtr) {
        auto it = m_pathMatches.find(r->pathPtr.get());
        if (it == m_pathMatches.end())
            it = m_pathMatches
                     .emplace(r->pathPtr.get(),
                         std::pair(r->pathPtr, displayText(*r->pathPtr).contains(m_text, Qt::CaseInsensitive)))
                     .first;
        if (it->second.second)
            return true;
    }
    if (r->labelKind != LabelKind::None) {
        const LabelKey key { r->labelKind, r->tid, r->pathPtr };
        auto it = m_labelMatches.find(key);
        if (it == m_labelMatches.end())
            it = m_labelMatches.emplace(key, labelText(*r).contains(m_text, Qt::CaseInsensitive)).first;
        if (it->second)
            return true;
    }
    if (r->type == RegionType::Free)
        return false;
    const int protection = (r->protection.read ? 1 : 0) | (r->protection.write ? 2 : 0)
        | (r->protection.execute ? 4 : 0) | (r->protection.sharing == 's' ? 8 : 0);
    if (m_protectionMatches[protection] < 0)
        m_protectionMatches[protection]
            = QString::fromStdString(r->protection.toString()).contains(m_text, Qt::CaseInsensitive) ? 1 : 0;
    return m_protectionMatches[protection] == 1;
}

void RegionFilterModel::forgetMatches() const
{
    m_pathMatches.clear();
    m_labelMatches.clear();
    m_protectionMatches.fill(-1);
}

} // namespace vmatlas::ui
