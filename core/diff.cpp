#include "diff.h"

#include "csv.h"
#include "textcodec.h"
#include "units.h"

#include <algorithm>
#include <unordered_map>

namespace vmatlas {

std::string_view changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return "added";
    case ChangeKind::Removed:
        return "removed";
    case ChangeKind::Changed:
        return "changed";
    }
    return "changed";
}

std::string changeFieldsToString(std::uint32_t fields)
{
    static const std::pair<std::uint32_t, const char *> names[] = {
        { ChangedBounds, "bounds" },
        { ChangedProtection, "protection" },
        { ChangedState, "state" },
        { ChangedType, "type" },
        { ChangedPath, "path" },
        { ChangedCounters, "counters" },
    };
    std::string s;
    for (const auto &[bit, name] : names) {
        if (fields & bit) {
            if (!s.empty())
                s += ' ';
            s += name;
        }
    }
    return s;
}

std::size_t SnapshotDiff::count(ChangeKind kind) const
{
    return static_cast<std::size_t>(
        std::count_if(changes.begin(), changes.end(), [kind](const RegionChange &c) { return c.kind == kind; }));
}

namespace {

std::uint32_t compare(const Region &a, const Region &b)
{
    std::uint32_t f = 0;
    if (a.start != b.start || a.end != b.end)
        f |= ChangedBounds;
    if (a.protection != b.protection)
        f |= ChangedProtection;
    if (a.state != b.state)
        f |= ChangedState;
    if (a.type != b.type)
        f |= ChangedType;
    if (a.path() != b.path())
        f |= ChangedPath;
    if (a.counters != b.counters)
        f |= ChangedCounters;
    return f;
}

} // namespace

SnapshotDiff diffSnapshots(const Snapshot &a, const Snapshot &b)
{
    // Both lists are sorted by start: regions that keep their start are matched in one walk (the common case, a
    // live refresh of 60k regions); only what is left is matched by end, through a map of the few unmatched.
    SnapshotDiff diff;
    diff.hostBefore = a.host;
    diff.hostAfter = b.host;
    std::vector<bool> matched(a.regions.size(), false);
    std::vector<const Region *> unmatchedB;
    std::size_t i = 0;
    for (const Region &r : b.regions) {
        if (r.type == RegionType::Free)
            continue;
        while (i < a.regions.size() && (a.regions[i].start < r.start || a.regions[i].type == RegionType::Free))
            ++i;
        if (i < a.regions.size() && a.regions[i].start == r.start && !matched[i]) {
            matched[i] = true;
            if (std::uint32_t f = compare(a.regions[i], r))
                diff.changes.push_back({ ChangeKind::Changed, a.regions[i], r, f });
        } else {
            unmatchedB.push_back(&r);
        }
    }
    bool inOrder = unmatchedB.empty();
    if (!unmatchedB.empty()) {
        std::unordered_map<Address, std::size_t> byEnd;
        for (std::size_t k = 0; k < a.regions.size(); ++k)
            if (a.regions[k].type != RegionType::Free && !matched[k])
                byEnd.emplace(a.regions[k].end, k);
        for (const Region *r : unmatchedB) {
            auto it = byEnd.find(r->end);
            if (it != byEnd.end() && !matched[it->second]) {
                matched[it->second] = true;
                const Region &old = a.regions[it->second];
                if (std::uint32_t f = compare(old, *r))
                    diff.changes.push_back({ ChangeKind::Changed, old, *r, f });
            } else {
                diff.changes.push_back({ ChangeKind::Added, Region {}, *r, 0 });
            }
        }
    }
    for (std::size_t k = 0; k < a.regions.size(); ++k) {
        if (a.regions[k].type != RegionType::Free && !matched[k]) {
            diff.changes.push_back({ ChangeKind::Removed, a.regions[k], Region {}, 0 });
            inOrder = false;
        }
    }
    if (!inOrder)
        std::sort(diff.changes.begin(), diff.changes.end(), [](const RegionChange &x, const RegionChange &y) {
            if (x.current().start != y.current().start)
                return x.current().start < y.current().start;
            return x.kind < y.kind;
        });
    return diff;
}

std::string diffToCsv(const SnapshotDiff &diff)
{
    std::string out = "change,start,end,size,type,state,protection,path,changed,before_start,before_end,"
                      "before_protection,before_state,rss_before,rss,swap_before,swap,pss_before,pss,host\n";
    // The host of each snapshot, as the region CSV writes it (empty for this machine).
    std::string hostBefore, hostAfter;
    appendCsvCell(hostBefore, escapeCsvText(diff.hostBefore));
    appendCsvCell(hostAfter, escapeCsvText(diff.hostAfter));
    for (const RegionChange &c : diff.changes) {
        const Region &r = c.current();
        out.append(changeKindName(c.kind));
        out += ',';
        appendHex(out, r.start);
        out += ',';
        appendHex(out, r.end);
        out += ',';
        appendNumber(out, r.size());
        out += ',';
        out.append(regionTypeName(r.type));
        out += ',';
        out.append(regionStateName(r.state));
        out += ',';
        out += r.protection.toString();
        out += ',';
        appendCsvCell(out, escapeCsvText(r.path()));
        out += ',';
        out += changeFieldsToString(c.fields);
        out += ',';
        bool hasBefore = c.kind != ChangeKind::Added;
        if (hasBefore)
            appendHex(out, c.before.start);
        out += ',';
        if (hasBefore)
            appendHex(out, c.before.end);
        out += ',';
        if (hasBefore)
            out += c.before.protection.toString();
        out += ',';
        if (hasBefore)
            out.append(regionStateName(c.before.state));
        out += ',';
        // A counter a side does not have (the region was added or removed, or the snapshot did not read it) is
        // empty, not 0.
        const bool hasAfter = c.kind != ChangeKind::Removed;
        for (Counter counter : { Counter::Rss, Counter::Swap, Counter::Pss }) {
            if (hasBefore && c.before.hasCounter(counter))
                appendNumber(out, c.before.counter(counter));
            out += ',';
            if (hasAfter && c.after.hasCounter(counter))
                appendNumber(out, c.after.counter(counter));
            out += ',';
        }
        out += c.kind == ChangeKind::Removed ? hostBefore : hostAfter;
        out += '\n';
    }
    return out;
}

std::string diffToText(const SnapshotDiff &diff)
{
    std::string out;
    out += std::to_string(diff.count(ChangeKind::Added)) + " added, " + std::to_string(diff.count(ChangeKind::Removed))
        + " removed, " + std::to_string(diff.count(ChangeKind::Changed)) + " changed\n";
    for (const RegionChange &c : diff.changes) {
        const Region &r = c.current();
        std::string line = std::string(changeKindName(c.kind)) + " " + hexAddress(r.start) + "-" + hexAddress(r.end)
            + " " + std::string(regionTypeName(r.type)) + " " + std::string(regionStateName(r.state)) + " "
            + r.protection.toString();
        if (!r.path().empty())
            line += " " + escapeCsvText(r.path());
        if (c.kind == ChangeKind::Changed) {
            line += "  [" + changeFieldsToString(c.fields) + "]";
            if (c.fields & ChangedBounds)
                line += " was " + hexAddress(c.before.start) + "-" + hexAddress(c.before.end);
            if (c.fields & ChangedProtection)
                line += " was " + c.before.protection.toString();
            // The counters that changed, of those a reader compares: RSS, PSS, swap.
            for (auto [counter, name] : { std::pair { Counter::Rss, " rss " }, std::pair { Counter::Pss, " pss " },
                     std::pair { Counter::Swap, " swap " } }) {
                if (c.before.counter(counter) != c.after.counter(counter))
                    line += name + formatBytes(c.before.counter(counter)) + " -> "
                        + formatBytes(c.after.counter(counter));
            }
        }
        out += line + "\n";
    }
    return out;
}

} // namespace vmatlas
