// GUI benchmark: a full repaint of the map for 60k regions at 1600x1000 (offscreen), a model reset + sort of
// 60k rows, and the window's refreshes with the table sorted as the window sorts it (by address; then by RSS).
// Run: QT_QPA_PLATFORM=offscreen build/bin/vmatlas_bench_gui
#include "addressmapview.h"
#include "diff.h"
#include "frame.h"
#include "mapgeometry.h"
#include "maprenderer.h"
#include "regiontablemodel.h"
#include "timelinepanel.h"
#include "totals.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>

using namespace vmatlas;
using namespace vmatlas::ui;

namespace {

// 60k mappings the way a busy process has them: mixed types and sizes, some gaps, some reservations.
SnapshotPtr syntheticSnapshot(int count, std::uint32_t seed)
{
    auto s = std::make_shared<Snapshot>();
    s->pid = 1;
    Address a = 0x550000000000;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    auto path = std::make_shared<const std::string>("/usr/lib/x86_64-linux-gnu/libexample.so.1");
    for (int i = 0; i < count; ++i) {
        Region r;
        r.start = a;
        r.end = a + 4096 * (1 + next() % 64);
        const unsigned kind = next() % 10;
        r.type = kind < 3 ? RegionType::Image : (kind < 5 ? RegionType::Mapped : RegionType::Private);
        r.state = kind == 9 ? RegionState::Reserved : RegionState::Committed;
        r.protection = { true, kind > 4, kind < 2, 'p' };
        if (r.type != RegionType::Private)
            r.pathPtr = path;
        r.setCounter(Counter::Rss, (r.end - r.start) / 2);
        s->regions.push_back(r);
        a = r.end;
        if (next() % 20 == 0) {
            Region gap;
            gap.start = a;
            gap.end = a + (next() % 2 ? 4096 * 16 : (Address(1) << 32));
            gap.protection.sharing = '-';
            s->regions.push_back(gap);
            a = gap.end;
        }
    }
    return s;
}

template <typename F> double medianMs(int runs, F &&f)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        t.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const SnapshotPtr s = syntheticSnapshot(60000, 7);
    std::printf("%zu regions (60000 mappings and their gaps)\n", s->regions.size());

    MapGeometry g;
    g.setSpans(*s);
    g.setWidth(1600);
    g.setRowHeight(26);
    g.setMinRegionPixels(2);
    g.setBreakPixels(130);
    g.setBytesPerPixel(g.fitBytesPerPixel(1000 / 26));
    QImage target(1600, 1000, QImage::Format_RGB32);
    MapRenderer renderer;
    const double fit = medianMs(21, [&] {
        QPainter p(&target);
        renderer.paint(p, *s, g, 0, target.size());
    });
    g.setBytesPerPixel(256); // zoomed in: 16 px per page
    const double zoomed = medianMs(21, [&] {
        QPainter p(&target);
        renderer.paint(p, *s, g, 26 * 400, target.size());
    });
    std::printf("map repaint at 1600x1000, fitted:   %6.2f ms (target < 8 ms)\n", fit);
    std::printf("map repaint at 1600x1000, zoomed in: %6.2f ms (target < 8 ms)\n", zoomed);
    const double layout = medianMs(11, [&] {
        MapGeometry fresh;
        fresh.setSpans(*s);
        fresh.setWidth(1600);
        (void)fresh.length();
    });
    std::printf("map layout of the regions:           %6.2f ms\n", layout);

    RegionTableModel model;
    RegionFilterModel proxy;
    proxy.setSourceModel(&model);
    const double fill = medianMs(7, [&] {
        model.setSnapshot(nullptr);
        model.setSnapshot(s);
    });
    std::printf("model fill of %zu rows:           %6.2f ms\n", s->regions.size(), fill);
    // Sorting by every column, each from address order; the slowest is the figure.
    double worstSort = 0;
    int worstColumn = 0;
    for (int column = 0; column < RegionTableModel::ColumnCount; ++column) {
        const double t = medianMs(5, [&] {
            proxy.sort(column, Qt::DescendingOrder);
            proxy.sort(-1);
        });
        if (t > worstSort) {
            worstSort = t;
            worstColumn = column;
        }
    }
    std::printf("sort of %zu rows by any column:   %6.2f ms at most, by %s (target < 100 ms)\n", s->regions.size(),
        worstSort, qPrintable(model.headerData(worstColumn, Qt::Horizontal).toString()));
    // Typing "libexample" into the filter, a keystroke at a time, then deleting it.
    double worstKey = 0;
    const QString typed = QStringLiteral("libexample");
    for (int round = 0; round < 3; ++round) {
        for (int n = 1; n <= typed.size(); ++n) {
            QElapsedTimer t;
            t.start();
            proxy.setText(typed.left(n));
            (void)proxy.rowCount();
            worstKey = std::max(worstKey, double(t.nsecsElapsed()) / 1e6);
        }
        for (int n = typed.size() - 1; n >= 0; --n) {
            QElapsedTimer t;
            t.start();
            proxy.setText(typed.left(n));
            (void)proxy.rowCount();
            worstKey = std::max(worstKey, double(t.nsecsElapsed()) / 1e6);
        }
    }
    std::printf("text filter on %zu rows:          %6.2f ms per keystroke at most (target < 50 ms)\n",
        s->regions.size(), worstKey);
    const SnapshotPtr s2 = syntheticSnapshot(60000, 7);
    const double refresh = medianMs(7, [&] { model.setSnapshot(model.snapshot() == s ? s2 : s); });
    std::printf("live refresh merge of %zu rows:   %6.2f ms\n", s->regions.size(), refresh);

    // What the window does on each refresh of a 60k-region process, with 100 snapshots of history:
    // a live refresh (counters change, a few regions come and go) and a layout replaced wholesale. The frame
    // (diff and totals) is made on the sampler's thread; the GUI thread only shows it.
    AddressMapView view;
    view.resize(1600, 700);
    TimelinePanel timeline;
    std::deque<FramePtr> history;
    for (int i = 0; i < 100; ++i)
        history.push_back(makeFrame(syntheticSnapshot(60000, 7), history.empty() ? nullptr : history.back()->snapshot));
    timeline.setHistory(history);
    double framing = 0;
    double parts[3] = {};
    auto refreshWith = [&](const SnapshotPtr &next) {
        QElapsedTimer off;
        off.start();
        const FramePtr frame = makeFrame(next, history.back()->snapshot);
        framing = double(off.nsecsElapsed()) / 1e6;
        history.pop_front();
        history.push_back(frame);
        QElapsedTimer part;
        part.start();
        view.setSnapshot(next);
        view.setDiff(frame->diff);
        parts[0] = double(part.nsecsElapsed()) / 1e6;
        part.restart();
        model.setFrame(frame);
        parts[1] = double(part.nsecsElapsed()) / 1e6;
        part.restart();
        timeline.setHistory(history);
        parts[2] = double(part.nsecsElapsed()) / 1e6;
        return framing;
    };
    // The GUI thread's share is what the window does with a frame made off it: map, table, timeline (the medians
    // of their sum; the test's own copying of snapshots is left out).
    auto guiMs = [&] { return parts[0] + parts[1] + parts[2]; };
    // The window showed a first frame when it attached (the table reset, the map laid out): so does the view here.
    refreshWith(std::make_shared<Snapshot>(*history.back()->snapshot));
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    auto worst = [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); };
    // Live refreshes, with the table sorted as the window opens it (by start address), then by RSS (what a user
    // looking for the biggest regions does): a change of counters must then move rows.
    int round = 0;
    auto liveSeries = [&](const char *sortedBy) {
        std::vector<double> liveGui, liveFraming;
        double liveParts[3] = {};
        for (int i = 0; i < 7; ++i) {
            auto next = std::make_shared<Snapshot>(*history.back()->snapshot);
            ++round;
            for (std::size_t k = 0; k < next->regions.size(); k += 7)
                next->regions[k].setCounter(Counter::Rss, 4096 * std::uint64_t(round));
            next->regions.erase(next->regions.begin() + 100 * round, next->regions.begin() + 100 * round + 3);
            liveFraming.push_back(refreshWith(next));
            liveGui.push_back(guiMs());
            if (std::getenv("VMATLAS_BENCH_VERBOSE"))
                std::printf(
                    "  live refresh %d: map %.2f, table %.2f, timeline %.2f ms\n", i, parts[0], parts[1], parts[2]);
            for (int k = 0; k < 3; ++k)
                liveParts[k] += parts[k] / 7;
        }
        std::printf("window refresh, live (counters, a few regions), table by %s: %6.2f ms on the GUI thread, worst "
                    "%.2f (target < 16) (+ %.2f ms framing off it)\n",
            sortedBy, median(liveGui), worst(liveGui), median(liveFraming));
        std::printf("  of which (means) map %.2f ms, table %.2f ms, timeline %.2f ms\n", liveParts[0], liveParts[1],
            liveParts[2]);
    };
    proxy.sort(RegionTableModel::Start, Qt::AscendingOrder);
    liveSeries("address");
    proxy.sort(RegionTableModel::Rss, Qt::DescendingOrder);
    liveSeries("RSS");
    proxy.sort(RegionTableModel::Start, Qt::AscendingOrder);
    std::vector<double> wholeGui, wholeFraming;
    for (int i = 0; i < 7; ++i) {
        auto next = syntheticSnapshot(60000, 8 + std::uint32_t(i % 2));
        wholeFraming.push_back(refreshWith(next));
        wholeGui.push_back(guiMs());
    }
    std::printf(
        "window refresh, layout replaced wholesale:        %6.2f ms on the GUI thread, worst %.2f (target < 120)"
        " (+ %.2f ms framing off it)\n",
        median(wholeGui), worst(wholeGui), median(wholeFraming));
    return 0;
}
