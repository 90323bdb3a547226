#pragma once

#include "model.h"

#include <QColor>
#include <QPalette>

#include <array>

namespace vmatlas::ui {

// The map's colours: the Okabe-Ito set, which stays distinct for the common kinds of colour
// blindness, tuned for a light or a dark background.
struct MapColors
{
    QColor background; // Free space
    QColor text;
    QColor rowGap;
    std::array<QColor, 4> type {}; // indexed by RegionType; Free unused
    std::array<QColor, 4> reserved {}; // pale versions, for Reserved regions (drawn hatched)
    std::array<QColor, 4> readOnly {}; // darker versions, for committed regions that cannot be written
    std::array<QColor, kPageStateCount> page {}; // indexed by PageState
    QColor separator; // between regions
    QColor breakFill; // a compressed free gap
    QColor breakText;
    QColor selection;
    QColor added;
    QColor changed;
    QColor removed;
    QColor casing; // around diff outlines: contrasts with every type colour
    QColor sharedMark; // the dot on a page also mapped by another process
    std::array<QColor, kRegionUseCount> use {}; // indexed by RegionUse, for "colour by use"
    bool colourByUse = false; // regions coloured by what they are for instead of their type
    bool heatReferenced = false; // regions coloured by the share of their pages referenced since a mark (heat)

    static MapColors light();
    static MapColors dark();
    static MapColors forPalette(const QPalette &palette);

    QColor regionColor(RegionType t, RegionState s, bool writable = true) const
    {
        const auto i = static_cast<std::size_t>(t);
        return s == RegionState::Reserved ? reserved[i] : (writable ? type[i] : readOnly[i]);
    }
    // The colour of a region in the current mode (by type or by use; reserved pale, read-only darker).
    QColor colorOf(const Region &r) const;
    // "Referenced since mark": share 0..1 of the resident pages referenced, yellow to red; below 0, none (pale).
    QColor heat(double share) const;
};

} // namespace vmatlas::ui
