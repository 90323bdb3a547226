#pragma once

#include "model.h"

#include <QString>

namespace vmatlas::ui {

// What the window's title says of what it shows: the process and its PID, the container a live process runs in,
// or the file a snapshot, core dump or minidump came from.
struct TitleSource
{
    bool live = false; // a live process: its container is looked up (cached by PID)
    QString fileName; // the file shown (empty for a live process)
    QString host; // the remote host the process runs on (empty: this machine)
};
QString windowTitleFor(const Snapshot &snapshot, const TitleSource &source);

} // namespace vmatlas::ui
