// The GUI as a loadable module: app/main.cpp loads it only for the window or a PNG, so the plain
// CLI never pays for loading Qt. Plain C entry points; the snapshot is passed by pointer (both sides
// are built from the same sources in the same build).
#include "guimain.h"

#include <cstring>

extern "C" __attribute__((visibility("default"))) int vmatlas_gui_main(int argc, char **argv)
{
    return vmatlas::ui::runGui(argc, argv);
}

// 0 on success; otherwise the message goes to error (NUL-terminated, truncated to size).
extern "C" __attribute__((visibility("default"))) int vmatlas_gui_render_png(const void *snapshot, const char *path,
    int width, int height, unsigned long long highlightStart, unsigned long long highlightEnd, const void *pages,
    unsigned long pageCount, char *error, unsigned long size)
{
    const auto *first = static_cast<const vmatlas::PageInfo *>(pages);
    auto st = vmatlas::ui::renderSnapshotPng(*static_cast<const vmatlas::Snapshot *>(snapshot), path, width, height,
        { highlightStart, highlightEnd }, std::vector<vmatlas::PageInfo>(first, first + pageCount));
    if (st)
        return 0;
    if (size > 0) {
        std::strncpy(error, st.error().message.c_str(), size - 1);
        error[size - 1] = '\0';
    }
    return 1;
}
