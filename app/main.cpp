// vmatlas: the explorer window by default, headless subcommands otherwise.
//
// With the GUI built as a module (the Linux default), the window's code and Qt are loaded only when
// needed: the window itself, or `snapshot --png`. The plain CLI starts as a small Qt-free program.
#include "cli/cli.h"
#include "platform.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <filesystem>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

#if defined(VMATLAS_GUI_MODULE)
#include "guimodulepath.h"

#include <dlfcn.h>
#elif defined(VMATLAS_WITH_GUI)
#include "guimain.h"
#endif

namespace {

// The window takes no arguments, options (--pid PID, Qt's own), or snapshot files. A bare word that is
// none of these is a mistyped command: the CLI says so rather than opening a window.
bool windowArguments(const std::vector<std::string> &args)
{
    if (args.empty() || vmatlas::cli::isCliInvocation(args))
        return args.empty();
    const std::string &a = args[0];
    if (a.size() > 1 && a[0] == '-')
        return true;
    const bool json = a.size() > 5 && a.compare(a.size() - 5, 5, ".json") == 0;
    return json || a.find('/') != std::string::npos || std::filesystem::exists(a);
}

bool needsGui(const std::vector<std::string> &args)
{
    if (windowArguments(args))
        return true;
    if (!vmatlas::cli::isCliInvocation(args))
        return false;
    const auto has = [&](const char *option) { return std::find(args.begin(), args.end(), option) != args.end(); };
    return (args[0] == "snapshot" && has("--png")) || (args[0] == "lab" && has("--out"));
}

#if defined(VMATLAS_GUI_MODULE)
using GuiMain = int (*)(int, char **);
using RenderPng = int (*)(const void *, const char *, int, int, unsigned long long, unsigned long long, const void *,
    unsigned long, char *, unsigned long);

void *loadGuiModule()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto dir = ec ? std::filesystem::path(".") : exe.parent_path();
    std::string error;
    for (const auto &candidate :
        { dir / vmatlas::kGuiModuleDirFromBin / vmatlas::kGuiModuleFile, dir / vmatlas::kGuiModuleFile }) {
        if (void *handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL))
            return handle;
        if (const char *e = ::dlerror())
            error = e;
    }
    std::fprintf(stderr, "vmatlas: the window's module cannot be loaded: %s\n", error.c_str());
    return nullptr;
}
#endif

} // namespace

int main(int argc, char **argv)
{
#ifdef _WIN32
    // CSV and JSON byte for byte: no CRLF translation on standard output, nor on standard input, where `serve`
    // reads requests (a text-mode read would also end at a Ctrl-Z byte).
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stdin), _O_BINARY);
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
#if defined(VMATLAS_GUI_MODULE)
    if (needsGui(args)) {
        void *module = loadGuiModule();
        if (!module)
            return 1;
        if (windowArguments(args))
            return reinterpret_cast<GuiMain>(::dlsym(module, "vmatlas_gui_main"))(argc, argv);
        auto render = reinterpret_cast<RenderPng>(::dlsym(module, "vmatlas_gui_render_png"));
        vmatlas::cli::setPngRenderer([render](const vmatlas::Snapshot &s, const std::string &path, int w, int h,
                                         std::pair<vmatlas::Address, vmatlas::Address> highlight,
                                         const std::vector<vmatlas::PageInfo> &pages) -> vmatlas::Status {
            char error[1024] = {};
            if (render(&s, path.c_str(), w, h, highlight.first, highlight.second, pages.data(), pages.size(), error,
                    sizeof error)
                == 0)
                return vmatlas::Ok {};
            return vmatlas::makeError(vmatlas::ErrorCode::Io, error);
        });
    }
#elif defined(VMATLAS_WITH_GUI)
    if (windowArguments(args))
        return vmatlas::ui::runGui(argc, argv);
    vmatlas::cli::setPngRenderer(vmatlas::ui::renderSnapshotPng);
#else
    (void)needsGui;
    if (windowArguments(args) && !args.empty()) {
        std::fprintf(stderr, "vmatlas: this build has no window (built without Qt); see 'vmatlas --help'\n");
        return 2;
    }
#endif
    // A command that reads once and exits keeps freed pages for reuse; `serve` and `snapshot --every` run on,
    // and `lab-target` is the process a lab's students look at: its map must not show a 192 MiB heap of ours.
    const auto has = [&](const char *word) { return std::find(args.begin(), args.end(), word) != args.end(); };
    const bool oneShot = !args.empty() && args[0] != "serve" && args[0] != "lab-target" && !has("--every");
    if (oneShot)
        vmatlas::tuneMemoryForShortRun();
    const int rc = vmatlas::cli::run(args);
    if (!oneShot)
        return rc;
    // Then it leaves without the C++ runtime's teardown: the kernel takes back all it would free (a snapshot of
    // 10k mappings: 2-3% faster in interleaved runs). Every file is already written whole; what is still
    // buffered for the terminal is flushed first, and a failure there is an error as anywhere else.
    int code = rc;
    if (std::fflush(stdout) != 0 && rc == vmatlas::cli::ExitOk) {
        std::fprintf(stderr, "vmatlas: cannot write to standard output: %s\n", std::strerror(errno));
        code = vmatlas::cli::ExitIo;
    }
    std::fflush(stderr);
#if defined(__SANITIZE_ADDRESS__)
    return code; // LeakSanitizer checks at exit
#else
    std::_Exit(code);
#endif
}
