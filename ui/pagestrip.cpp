#include "pagestrip.h"

#include "livetooltip.h"
#include "uitext.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vmatlas::ui {

PageStrip::PageStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void PageStrip::setPages(std::vector<PageInfo> pages, std::uint32_t pageSize)
{
    m_pages = std::move(pages);
    m_pageSize = pageSize;
    m_counts = countPages(m_pages);
    countReserved();
    m_message.clear();
    update();
    refreshToolTipAt(this); // a page that changed under the pointer says so
}

void PageStrip::setMarkedAddress(Address a)
{
    if (a == m_marked)
        return;
    m_marked = a;
    update();
}

void PageStrip::setMessage(const QString &message)
{
    m_pages.clear();
    m_counts = {};
    countReserved();
    m_message = message;
    update();
}

namespace {

const char *const kStateNames[] = { QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "not in RAM"),
    QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "file"), QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "anon"),
    QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "swap"), QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "guard"),
    QT_TRANSLATE_NOOP("vmatlas::ui::PageStrip", "zero page") };
static_assert(std::size(kStateNames) == kPageStateCount);

// In RAM and mapped by another process too (after fork, a shared section, a library).
bool shared(const PageInfo &page)
{
    return !page.exclusive && (page.state == PageState::File || page.state == PageState::Anon);
}

} // namespace

std::vector<std::pair<QColor, QString>> PageStrip::legendItems(const MapColors &colors) const
{
    std::vector<std::pair<QColor, QString>> items;
    // A reserved page not in RAM is counted as reserved only, so that the counts add up to the pages shown (a
    // reserved page still in RAM, made no-access after it was touched, is counted by its state, and hatched).
    const std::size_t reservedOut = m_reservedNotInRam;
    for (std::size_t s = 0; s < std::size(kStateNames); ++s) {
        const std::size_t count = m_counts.byState[s] - (s == std::size_t(PageState::None) ? reservedOut : 0);
        items.emplace_back(colors.page[s], tr(kStateNames[s]) + QLatin1Char(' ') + QString::number(count));
    }
    if (m_reservedCount)
        items.emplace_back(QColor(), tr("hatched: reserved %1").arg(reservedOut));
    const auto sharedCount = std::count_if(m_pages.begin(), m_pages.end(), shared);
    items.emplace_back(QColor(), tr("● shared %1").arg(sharedCount));
    items.emplace_back(QColor(), tr("exclusive %1").arg(m_counts.exclusive));
    return items;
}

void PageStrip::setReservedRanges(std::vector<std::pair<Address, Address>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    m_reserved = std::move(ranges);
    countReserved();
    updateGeometry();
    update();
}

void PageStrip::countReserved()
{
    m_reservedCount = m_reservedNotInRam = 0;
    for (const PageInfo &page : m_pages) {
        if (reserved(page.address)) {
            ++m_reservedCount;
            m_reservedNotInRam += page.state == PageState::None;
        }
    }
}

bool PageStrip::reserved(Address a) const
{
    auto it = std::upper_bound(m_reserved.begin(), m_reserved.end(), a,
        [](Address x, const std::pair<Address, Address> &r) { return x < r.first; });
    return it != m_reserved.begin() && a < std::prev(it)->second;
}

int PageStrip::legendLines() const
{
    const QFontMetrics fm(font());
    int x = 4, lines = 1;
    for (const auto &[color, text] : legendItems(MapColors::light())) {
        const int w = (color.isValid() ? 14 : 0) + fm.horizontalAdvance(text);
        if (x + w > width() - 4 && x > 4) {
            x = 4;
            ++lines;
        }
        x += w + 12;
    }
    return lines;
}

QRect PageStrip::stripRect() const
{
    // Room below for the counts, on as many lines as they take at this width.
    return rect().adjusted(2, 2, -2, -(legendLines() * (fontMetrics().height() + 2) + 8));
}

PageStrip::Cells PageStrip::cells(const QRect &r) const
{
    // The largest square cells (up to 64 px) whose rows all fit in the strip.
    const int n = int(m_pages.size());
    for (int size = std::min({ 64, r.width(), r.height() }); size >= 4; --size) {
        const int perRow = std::max(1, r.width() / size);
        if ((n + perRow - 1) / perRow * size <= r.height())
            return { size, perRow };
    }
    return { 0, 1 };
}

QRect PageStrip::cellRect(int i) const
{
    const QRect r = stripRect();
    const Cells c = cells(r);
    if (c.size < 4 || i < 0 || i >= int(m_pages.size()))
        return {};
    return QRect(r.left() + (i % c.perRow) * c.size, r.top() + (i / c.perRow) * c.size, c.size - 1, c.size - 1);
}

QRect PageStrip::countsRect() const
{
    return QRect(0, stripRect().bottom() + 6, width(), height() - stripRect().bottom() - 6);
}

int PageStrip::pageAt(QPoint pos) const
{
    const QRect r = stripRect();
    if (m_pages.empty() || !r.contains(pos))
        return -1;
    const int n = int(m_pages.size());
    const Cells c = cells(r);
    if (c.size >= 4) {
        const int i = (pos.y() - r.top()) / c.size * c.perRow + (pos.x() - r.left()) / c.size;
        return i < n && (pos.x() - r.left()) / c.size < c.perRow ? i : -1;
    }
    return std::min(n - 1, int(double(pos.x() - r.left()) / r.width() * n));
}

void PageStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const MapColors colors = MapColors::forPalette(palette());
    const QRect r = stripRect();
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_pages.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap,
            m_message.isEmpty() ? tr("Select a region to see its pages") : m_message);
        return;
    }
    const int n = int(m_pages.size());
    const Cells cell = cells(r);
    QColor hatch = palette().color(QPalette::Text);
    hatch.setAlpha(cell.size >= 10 ? 110 : 150);
    if (cell.size >= 4) {
        for (int i = 0; i < n; ++i) {
            const PageInfo &page = m_pages[std::size_t(i)];
            const QRect c = cellRect(i);
            p.fillRect(c, colors.page[std::size_t(page.state)]);
            if (m_reservedCount && reserved(page.address)) { // diagonal lines, as Reserved on the map
                if (cell.size >= 10) {
                    p.fillRect(c, QBrush(hatch, Qt::BDiagPattern));
                } else { // the pattern's lines are 8 px apart: a small cell gets one, corner to corner
                    p.setPen(QPen(hatch, 1));
                    p.drawLine(c.bottomLeft(), c.topRight());
                }
            }
            if (shared(page) && cell.size >= 6) {
                const int d = std::max(2, cell.size / 3);
                p.fillRect(QRect(c.center().x() - d / 2, c.center().y() - d / 2, d, d), colors.sharedMark);
            }
        }
        // The page the Bytes dock shows: outlined.
        for (int i = 0; i < n && m_marked; ++i) {
            const Address a = m_pages[std::size_t(i)].address;
            if (m_marked >= a && m_marked - a < m_pageSize) {
                p.setPen(QPen(palette().color(QPalette::Text), 2));
                p.setBrush(Qt::NoBrush);
                p.drawRect(cellRect(i).adjusted(1, 1, -1, -1));
                break;
            }
        }
    } else {
        // One column per group of pages: the states stacked in proportion.
        const int cols = r.width();
        for (int x = 0; x < cols; ++x) {
            const std::size_t from = std::size_t(double(x) / cols * n);
            const std::size_t to = std::max(from + 1, std::size_t(double(x + 1) / cols * n));
            std::array<int, kPageStateCount> count {};
            for (std::size_t i = from; i < to && i < m_pages.size(); ++i)
                ++count[std::size_t(m_pages[i].state)];
            const int total = int(to - from);
            int y = r.bottom() + 1;
            for (std::size_t s = 0; s < count.size(); ++s) {
                if (!count[s])
                    continue;
                const int h = std::max(1, int(std::lround(double(count[s]) / total * r.height())));
                p.fillRect(QRect(r.left() + x, y - h, 1, h), colors.page[s]);
                y -= h;
            }
        }
        // Reserved pages hatched over their columns (a column is hatched where its first page is reserved): the
        // pattern is aligned to the strip, so neighbouring columns make one hatched stretch.
        if (m_reservedCount) {
            int from = -1;
            for (int x = 0; x <= cols; ++x) {
                const bool held = x < cols && reserved(m_pages[std::size_t(double(x) / cols * n)].address);
                if (held && from < 0)
                    from = x;
                if (!held && from >= 0) {
                    p.fillRect(QRect(r.left() + from, r.top(), x - from, r.height()), QBrush(hatch, Qt::BDiagPattern));
                    from = -1;
                }
            }
        }
        // The page the Bytes dock shows: a marker over its column.
        if (m_marked && m_marked >= m_pages.front().address) {
            const std::uint64_t i = (m_marked - m_pages.front().address) / m_pageSize;
            if (i < m_pages.size()) {
                const int x = r.left() + int(double(i) / n * cols);
                p.fillRect(QRect(x - 1, r.top(), 3, r.height()), palette().color(QPalette::Text));
            }
        }
    }
    // Counts, wrapped onto as many lines as the width needs (stripRect left room for them).
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics fm(font());
    const int lineHeight = fm.height() + 2;
    int x = 4;
    int y = r.bottom() + 6;
    for (const auto &[color, text] : legendItems(colors)) {
        const int w = (color.isValid() ? 14 : 0) + fm.horizontalAdvance(text);
        if (x + w > width() - 4 && x > 4) {
            x = 4;
            y += lineHeight;
        }
        if (color.isValid()) {
            p.fillRect(QRect(x, y + (lineHeight - 10) / 2, 10, 10), color);
            x += 14;
        }
        p.drawText(QRect(x, y, fm.horizontalAdvance(text) + 2, lineHeight), Qt::AlignVCenter, text);
        x += fm.horizontalAdvance(text) + 12;
    }
}

bool PageStrip::event(QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        auto *press = static_cast<QMouseEvent *>(event);
        const int i = press->button() == Qt::LeftButton ? pageAt(press->position().toPoint()) : -1;
        if (i >= 0) {
            emit pageClicked(m_pages[std::size_t(i)].address);
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = pageAt(help->pos());
        if (i >= 0) {
            const PageInfo &pg = m_pages[std::size_t(i)];
            QToolTip::showText(help->globalPos(),
                tr("Page 0x%1: %2%3")
                    .arg(QString::number(pg.address, 16), pageStateText(pg.state),
                        pg.exclusive                      ? tr(", exclusive to this process")
                            : shared(pg)                  ? tr(", shared with another process")
                            : reserved(pg.address)        ? notInRamNote(PageBacking::Reserved)
                            : pg.state == PageState::None ? notInRamNote(PageBacking::Unknown)
                                                          : QString()),
                this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace vmatlas::ui
