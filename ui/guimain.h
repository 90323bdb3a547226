#pragma once

#include "model.h"
#include "result.h"

#include <string>
#include <utility>

// The GUI entry points used by app/main.cpp. In the module build they are reached through the
// C functions of guimodule.cpp, so `vmatlas snapshot` starts without loading Qt.
namespace vmatlas::ui {
// The window and its command-line handling: vmatlas [--pid PID | FILE.json].
int runGui(int argc, char **argv);
// The map as a PNG file, with title and legend; works without a display.
// highlight: a range outlined on the map (start == end: none); with its pages the map zooms to them.
Status renderSnapshotPng(const Snapshot &snapshot, const std::string &path, int width, int height,
    std::pair<Address, Address> highlight = { 0, 0 }, const std::vector<PageInfo> &pages = {});
} // namespace vmatlas::ui
