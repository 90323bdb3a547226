#pragma once

#include <cstdint>
#include <functional>
#include <optional>

class QMainWindow;
class QMenu;
class QWidget;

namespace vmatlas::ui {

// The Help menu's boxes and the Settings menu's language choice (kept in the window's translation context).
void showAbout(QWidget *parent);
void showShortcuts(QWidget *parent);
// Asks for an address to jump to: nothing when cancelled; a text that is no hex address is said in the status bar.
std::optional<std::uint64_t> askAddress(QMainWindow *window);
// Fills menu with the languages; chosen() runs after a choice is saved (it takes effect at the next start).
void addLanguageMenu(QMenu *menu, const std::function<void()> &chosen);
// The window's Settings (language) and Help (shortcuts, about) menus.
void addSettingsAndHelpMenus(QMainWindow *window);

} // namespace vmatlas::ui
