#pragma once

class QAbstractItemView;
class QWidget;

namespace vmatlas::ui {

// Qt asks a widget for its tooltip once, when the pointer rests, and shows that text until the pointer moves.
// The views here change under a resting pointer at every refresh (a lab's step, a live tick): these helpers
// ask again, so that a tooltip on screen tells what the view shows now.

// When a tooltip is on screen and the pointer is over widget, widget is asked for its tooltip at the pointer
// again: the text is replaced, or the tooltip hidden if there is none there now.
void refreshToolTipAt(QWidget *widget);

// The same for view's cells after each change of its model (at most once per turn of the event loop).
void keepToolTipFresh(QAbstractItemView *view);

} // namespace vmatlas::ui
