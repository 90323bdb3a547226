#include "helpdialogs.h"

#include "model.h"
#include "settingskeys.h"
#include "version.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace vmatlas::ui {

namespace {
QString windowText(const char *text)
{
    return QCoreApplication::translate("vmatlas::ui::MainWindow", text);
}
} // namespace

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "About VM Atlas")),
        windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow",
                       "<h3>VM Atlas %1</h3><p>A live map of a process's virtual address space: Image, Mapped and "
                       "Private memory, Free, Reserved and Committed, down to single pages.</p>"
                       "<p>Licensed under the MIT licence.</p>"))
            .arg(QString::fromLatin1(kVersion)));
}

void showShortcuts(QWidget *parent)
{
    QMessageBox::information(parent, windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Keyboard shortcuts")),
        windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow",
                       "<table>"
                       "<tr><td><b>Ctrl+P</b></td><td>choose a process</td></tr>"
                       "<tr><td><b>Ctrl+O</b></td><td>open a snapshot</td></tr>"
                       "<tr><td><b>Ctrl+Shift+O</b></td><td>compare with a snapshot</td></tr>"
                       "<tr><td><b>Ctrl+S</b></td><td>save the snapshot as JSON</td></tr>"
                       "<tr><td><b>Ctrl+E</b> / <b>Ctrl+Shift+E</b></td><td>export PNG / CSV</td></tr>"
                       "<tr><td><b>Ctrl+G</b></td><td>jump to an address</td></tr>"
                       "<tr><td><b>Ctrl+F</b></td><td>search by path</td></tr>"
                       "<tr><td><b>F5</b></td><td>snapshot now</td></tr>"
                       "<tr><td><b>Ctrl+Space</b></td><td>pause or resume sampling</td></tr>"
                       "<tr><td><b>Ctrl+L</b></td><td>back to live</td></tr>"
                       "<tr><td><b>wheel, + / −</b></td><td>zoom the map around the pointer</td></tr>"
                       "<tr><td><b>F, 0, Ctrl+0</b></td><td>fit the whole address space</td></tr>"
                       "<tr><td><b>drag</b></td><td>measure a range; Esc clears it</td></tr>"
                       "<tr><td><b>middle drag, Shift+wheel</b></td><td>pan</td></tr>"
                       "</table>"))
            .replace(QStringLiteral("</table>"),
                windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow",
                    "<tr><td><b>Page Down, Ctrl+Return</b></td><td>a lab's next step (a presenter's clicker "
                    "sends Page Down)</td></tr>"))
                    + QStringLiteral("</table>")));
}

std::optional<std::uint64_t> askAddress(QMainWindow *window)
{
    bool ok = false;
    const QString text
        = QInputDialog::getText(window, windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Jump to address")),
            windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Address (hex, e.g. 0x7f12a4000000):")),
            QLineEdit::Normal, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return std::nullopt;
    Address a = 0;
    if (!parseAddress(text.trimmed().toStdString(), a)) {
        window->statusBar()->showMessage(
            windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "'%1' is not a hex address")).arg(text), 5000);
        return std::nullopt;
    }
    return a;
}

void addSettingsAndHelpMenus(QMainWindow *window)
{
    auto *settings = window->menuBar()->addMenu(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "Se&ttings")));
    addLanguageMenu(settings->addMenu(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "&Language"))), [window] {
        window->statusBar()->showMessage(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow",
                                             "The language changes the next time VM Atlas starts.")),
            8000);
    });
    auto *help = window->menuBar()->addMenu(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "&Help")));
    help->addAction(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "&Keyboard Shortcuts")), window,
            [window] { showShortcuts(window); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "&About VM Atlas")), window,
        [window] { showAbout(window); });
}

void addLanguageMenu(QMenu *menu, const std::function<void()> &chosen)
{
    auto *languages = new QActionGroup(menu);
    const QString current = QSettings().value(SettingsKey::Language).toString();
    const std::pair<QString, QString> choices[]
        = { { QString(), windowText(QT_TRANSLATE_NOOP("vmatlas::ui::MainWindow", "System default")) },
              { QStringLiteral("en"), QStringLiteral("English") },
              { QStringLiteral("zh_CN"), QStringLiteral("简体中文") } };
    for (const auto &[code, title] : choices) {
        auto *a = menu->addAction(title);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        const QString language = code;
        QObject::connect(a, &QAction::triggered, menu, [language, chosen] {
            QSettings().setValue(SettingsKey::Language, language);
            chosen();
        });
    }
}

} // namespace vmatlas::ui
