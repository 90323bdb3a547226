#pragma once

#include "mapcolors.h"
#include "pages.h"

#include <QWidget>

namespace vmatlas::ui {

// The pages of one region: one cell per page when they fit, otherwise one column per group of pages,
// stacked by the share of each state. A page also mapped by another process (shared) carries a dot. Below
// it, the count of each state, of shared and of exclusive pages, never over the cells.
class PageStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PageStrip(QWidget *parent = nullptr);
    void setPages(std::vector<PageInfo> pages, std::uint32_t pageSize);
    void setMessage(const QString &message); // instead of pages: "reading…", an error
    QString message() const { return m_message; }
    // The address ranges of Reserved regions (no access: not committed) among the pages: their pages are not in
    // RAM either, but hatched as on the map, so that reserved and committed-but-untouched pages differ.
    void setReservedRanges(std::vector<std::pair<Address, Address>> ranges);
    bool reserved(Address a) const;
    const std::vector<PageInfo> &pages() const { return m_pages; }
    QSize sizeHint() const override { return { 320, 140 }; }
    // Where page i is drawn (empty when pages are drawn as stacked columns), and where the counts go.
    QRect cellRect(int i) const;
    // The page holding address a is outlined (the page the Bytes dock shows); 0: none.
    void setMarkedAddress(Address a);
    Address markedAddress() const { return m_marked; }
    QRect countsRect() const;
    // The counts under the strip, as (colour, text) items, laid out in lines as wide as the widget: each page is
    // counted once, so they add up to the pages shown.
    std::vector<std::pair<QColor, QString>> legendItems(const MapColors &colors) const;
    QSize minimumSizeHint() const override { return { 160, 90 }; }

signals:
    // A click on a page (on a column of pages: its first): the Bytes dock shows that page.
    void pageClicked(vmatlas::Address address);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cells
    {
        int size = 0; // a cell's side in pixels; below 4, pages are drawn as stacked columns
        int perRow = 1;
    };
    int pageAt(QPoint pos) const;
    QRect stripRect() const;
    Cells cells(const QRect &strip) const;
    void countReserved(); // m_reservedCount and m_reservedNotInRam, from m_pages and m_reserved
    int legendLines() const;

    std::vector<PageInfo> m_pages;
    std::vector<std::pair<Address, Address>> m_reserved; // sorted
    std::size_t m_reservedCount = 0; // pages of m_pages in them
    std::size_t m_reservedNotInRam = 0; // of those, the ones not in RAM (counted as reserved only)
    PageCounts m_counts;
    std::uint32_t m_pageSize = 4096;
    QString m_message;
    Address m_marked = 0;
};

} // namespace vmatlas::ui
