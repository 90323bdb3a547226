// vmatlas: the explorer window by default, headless subcommands otherwise.
#include "cli/cli.h"

#include <string>
#include <vector>

#ifdef VMATLAS_WITH_GUI
#include "guimain.h"
#endif

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
#ifdef VMATLAS_WITH_GUI
    vmatlas::ui::registerGuiCommands();
    if (!vmatlas::cli::isCliInvocation(args))
        return vmatlas::ui::runGui(argc, argv);
#endif
    return vmatlas::cli::run(args);
}
