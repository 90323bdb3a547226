#include "mapcolors.h"

#include <algorithm>

namespace vmatlas::ui {

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}

MapColors base(const QColor &background, const QColor &text)
{
    MapColors c;
    c.background = background;
    c.text = text;
    c.type[static_cast<std::size_t>(RegionType::Free)] = background;
    c.type[static_cast<std::size_t>(RegionType::Image)] = QColor(0x00, 0x72, 0xB2); // blue
    c.type[static_cast<std::size_t>(RegionType::Mapped)] = QColor(0xE6, 0x9F, 0x00); // orange
    c.type[static_cast<std::size_t>(RegionType::Private)] = QColor(0x00, 0x9E, 0x73); // bluish green
    for (std::size_t i = 0; i < 4; ++i) {
        c.reserved[i] = blend(c.type[i], background, 0.62);
        c.readOnly[i] = blend(c.type[i], QColor(0, 0, 0), 0.28);
    }
    // Visible on a projector too, as a cell (0.12 washed out to white there); well apart from the zero page.
    c.page[static_cast<std::size_t>(PageState::None)] = blend(background, text, 0.2);
    c.page[static_cast<std::size_t>(PageState::File)] = QColor(0x56, 0xB4, 0xE9); // sky blue
    c.page[static_cast<std::size_t>(PageState::Anon)] = QColor(0xD5, 0x5E, 0x00); // vermillion
    c.page[static_cast<std::size_t>(PageState::Swap)] = QColor(0xF0, 0xE4, 0x42); // yellow
    c.page[static_cast<std::size_t>(PageState::Guard)] = QColor(0xCC, 0x79, 0xA7); // reddish purple
    c.page[static_cast<std::size_t>(PageState::Zero)] = blend(background, text, 0.4); // grey: in RAM, all zeros
    c.breakFill = blend(background, text, 0.07);
    c.breakText = blend(background, text, 0.65);
    c.added = QColor(0xD5, 0x5E, 0x00);
    c.changed = QColor(0xF0, 0xE4, 0x42);
    c.removed = blend(background, text, 0.55);
    c.casing = QColor(0x10, 0x10, 0x10);
    // Uses: the types' colours where a use is a type's (Image, Mapped file, Private data), and for the others
    // colours of Paul Tol's muted set that no page state has: at page scale a heap's anon pages (vermillion)
    // and a stack's file pages (sky blue) must not merge with their region's strip.
    c.use[std::size_t(RegionUse::Free)] = background;
    c.use[std::size_t(RegionUse::Image)] = QColor(0x00, 0x72, 0xB2); // blue, as the type
    c.use[std::size_t(RegionUse::MappedFile)] = QColor(0xE6, 0x9F, 0x00); // orange
    c.use[std::size_t(RegionUse::Shareable)] = QColor(0xAA, 0x44, 0x99); // purple
    c.use[std::size_t(RegionUse::Heap)] = QColor(0x88, 0x22, 0x55); // wine
    c.use[std::size_t(RegionUse::ManagedHeap)] = QColor(0x99, 0x99, 0x33); // olive
    c.use[std::size_t(RegionUse::Stack)] = QColor(0x33, 0x22, 0x88); // indigo
    c.use[std::size_t(RegionUse::StackGuard)] = QColor(0x8A, 0x8A, 0x8A); // grey
    c.use[std::size_t(RegionUse::PrivateData)] = QColor(0x00, 0x9E, 0x73); // bluish green
    c.use[std::size_t(RegionUse::PageTable)] = text;
    c.use[std::size_t(RegionUse::Unusable)] = blend(background, text, 0.35);
    c.sharedMark = QColor(0x10, 0x10, 0x10);
    return c;
}

} // namespace

QColor MapColors::colorOf(const Region &r) const
{
    if (heatReferenced && r.type != RegionType::Free) {
        // Heat: the share of the region's resident pages referenced since the mark, pale (none) to red (all).
        if (!r.hasCounter(Counter::Referenced) || r.state == RegionState::Reserved)
            return blend(background, text, 0.12);
        const std::uint64_t rss = r.counter(Counter::Rss), ref = r.counter(Counter::Referenced);
        if (ref == 0)
            return heat(-1);
        return heat(rss ? std::min(1.0, double(ref) / double(rss)) : 1.0);
    }
    if (!colourByUse)
        return regionColor(r.type, r.state, r.protection.write);
    const QColor base = use[std::size_t(r.use)];
    if (r.state == RegionState::Reserved)
        return blend(base, background, 0.62);
    return r.protection.write ? base : blend(base, QColor(0, 0, 0), 0.28);
}

QColor MapColors::heat(double share) const
{
    if (share < 0)
        return blend(background, text, 0.2);
    return blend(QColor(0xF0, 0xE4, 0x42), QColor(0xC0, 0x10, 0x10), std::clamp(share, 0.0, 1.0));
}

MapColors MapColors::light()
{
    MapColors c = base(QColor(0xFA, 0xFA, 0xFA), QColor(0x20, 0x20, 0x20));
    c.rowGap = QColor(0xFA, 0xFA, 0xFA);
    c.separator = QColor(255, 255, 255, 150);
    c.selection = QColor(0x10, 0x10, 0x10);
    return c;
}

MapColors MapColors::dark()
{
    MapColors c = base(QColor(0x1E, 0x1F, 0x22), QColor(0xE8, 0xE8, 0xE8));
    c.rowGap = QColor(0x1E, 0x1F, 0x22);
    c.separator = QColor(0, 0, 0, 150);
    c.selection = QColor(0xFF, 0xFF, 0xFF);
    return c;
}

MapColors MapColors::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? dark() : light();
}

} // namespace vmatlas::ui
