#include "pagestrip.h"

#include "uitext.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

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
    m_message.clear();
    update();
}

void PageStrip::setMessage(const QString &message)
{
    m_pages.clear();
    m_counts = {};
    m_message = message;
    update();
}

QRect PageStrip::stripRect() const
{
    // Room below for two lines of counts.
    return rect().adjusted(2, 2, -2, -(2 * (fontMetrics().height() + 2) + 8));
}

int PageStrip::pageAt(QPoint pos) const
{
    const QRect r = stripRect();
    if (m_pages.empty() || !r.contains(pos))
        return -1;
    const int n = int(m_pages.size());
    const int cell = std::max(1, int(std::floor(std::sqrt(double(r.width()) * r.height() / n))));
    if (cell >= 4) {
        const int perRow = std::max(1, r.width() / cell);
        const int i = (pos.y() - r.top()) / cell * perRow + (pos.x() - r.left()) / cell;
        return i < n && (pos.x() - r.left()) / cell < perRow ? i : -1;
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
    const int cell = std::max(1, int(std::floor(std::sqrt(double(r.width()) * r.height() / n))));
    if (cell >= 4) {
        const int perRow = std::max(1, r.width() / cell);
        for (int i = 0; i < n; ++i) {
            const QRect c(r.left() + (i % perRow) * cell, r.top() + (i / perRow) * cell, cell - 1, cell - 1);
            p.fillRect(c, colors.page[std::size_t(m_pages[std::size_t(i)].state)]);
            if (m_pages[std::size_t(i)].exclusive && cell >= 8)
                p.fillRect(QRect(c.left() + 1, c.top() + 1, 2, 2), colors.text);
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
    }
    // Counts, wrapped onto as many lines as the width needs.
    p.setPen(palette().color(QPalette::Text));
    const char *names[] = { QT_TR_NOOP("not in RAM"), QT_TR_NOOP("file"), QT_TR_NOOP("anon"), QT_TR_NOOP("swap"),
        QT_TR_NOOP("guard"), QT_TR_NOOP("zero page") };
    static_assert(std::size(names) == kPageStateCount);
    const QFontMetrics fm(font());
    const int lineHeight = fm.height() + 2;
    int x = 4;
    int y = r.bottom() + 6;
    auto place = [&](int w) {
        if (x + w > width() - 4 && x > 4) {
            x = 4;
            y += lineHeight;
        }
    };
    for (std::size_t s = 0; s < kPageStateCount; ++s) {
        const QString item = tr(names[s]) + QStringLiteral(" ") + QString::number(m_counts.byState[s]);
        const int w = 14 + fm.horizontalAdvance(item);
        place(w);
        p.fillRect(QRect(x, y + (lineHeight - 10) / 2, 10, 10), colors.page[s]);
        p.drawText(QRect(x + 14, y, w, lineHeight), Qt::AlignVCenter, item);
        x += w + 12;
    }
    const QString ex = tr("exclusive %1").arg(m_counts.exclusive);
    place(fm.horizontalAdvance(ex));
    p.drawText(QRect(x, y, fm.horizontalAdvance(ex) + 2, lineHeight), Qt::AlignVCenter, ex);
}

bool PageStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = pageAt(help->pos());
        if (i >= 0) {
            const PageInfo &pg = m_pages[std::size_t(i)];
            QToolTip::showText(help->globalPos(),
                tr("Page 0x%1: %2%3")
                    .arg(QString::number(pg.address, 16), pageStateText(pg.state),
                        pg.exclusive ? tr(", exclusive to this process") : QString()),
                this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace vmatlas::ui
