#include "guimain.h"

#include "exports.h"
#include "labpanel.h"
#include "labs/labs.h"
#include "mainwindow.h"
#include "platform.h"
#include "remotesession.h"
#include "settingskeys.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdlib>
#include <memory>

namespace vmatlas::ui {

namespace {

// Headless rendering needs a QGuiApplication (fonts); make one on the offscreen platform if there is none.
void ensureGuiApp()
{
    if (QCoreApplication::instance())
        return;
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "vmatlas";
    static char *argv[] = { name, nullptr };
    static std::unique_ptr<QGuiApplication> app(new QGuiApplication(argc, argv));
}

} // namespace

Status renderSnapshotPng(const Snapshot &snapshot, const std::string &path, int width, int height,
    std::pair<Address, Address> highlight, const std::vector<PageInfo> &pages)
{
    ensureGuiApp();
    return saveMapPng(snapshot, QString::fromStdString(path), QSize(width, height), highlight, pages);
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vmatlas"));
    QApplication::setOrganizationName(QStringLiteral("VM Atlas"));
    QApplication::setApplicationDisplayName(QStringLiteral("VM Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(VMATLAS_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("vmatlas"));

    // The language: the one chosen in Settings, else the system's.
    static QTranslator appTranslator, qtTranslator;
    const QString chosen = QSettings().value(SettingsKey::Language).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    // English where no translation matches (a C or POSIX locale too): its plurals ("1 region", "2 regions").
    if (appTranslator.load(locale, QStringLiteral("vmatlas"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || appTranslator.load(QStringLiteral("vmatlas_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&appTranslator);
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QIcon icon;
    for (const char *size : { "64", "256" })
        icon.addFile(QStringLiteral(":/icons/vmatlas-%1.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A live map of a process's virtual address space"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption pidOption(
        QStringLiteral("pid"), QStringLiteral("Attach to process PID at once."), QStringLiteral("PID"));
    parser.addOption(pidOption);
    QCommandLineOption addressOption(QStringLiteral("address"),
        QStringLiteral("Select the region holding ADDRESS (hex) and zoom to it."), QStringLiteral("ADDRESS"));
    parser.addOption(addressOption);
    QCommandLineOption labOption(QStringLiteral("lab"),
        QStringLiteral("Start the teaching lab NAME (see 'vmatlas lab --list')."), QStringLiteral("NAME"));
    parser.addOption(labOption);
    QCommandLineOption stepOption(QStringLiteral("step"),
        QStringLiteral("With --lab: run its first N steps at once (for slides)."), QStringLiteral("N"));
    parser.addOption(stepOption);
    QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Read processes on another machine, over ssh (DEST as ssh takes it; see 'Other machines' in the "
                       "README)."),
        QStringLiteral("DEST"));
    parser.addOption(hostOption);
    parser.addPositionalArgument(QStringLiteral("file"),
        QStringLiteral("A saved snapshot (.json), an ELF core file or a Windows minidump (.dmp) to open; a second "
                       "snapshot to compare with."),
        QStringLiteral("[FILE.json|FILE.core|FILE.dmp [OTHER.json]]"));
    parser.process(app);

    std::unique_ptr<RemoteSession> remote;
    if (parser.isSet(hostOption))
        remote = std::make_unique<RemoteSession>(parser.value(hostOption));
    MainWindow window(remote ? remote->sources() : SessionSources::platform());
    if (remote)
        remote->showIn(&window);
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(labOption)) {
        if (!findLab(parser.value(labOption).toStdString())) {
            std::fprintf(stderr, "vmatlas: there is no lab named '%s' (see 'vmatlas lab --list')\n",
                qPrintable(parser.value(labOption)));
            return 2;
        }
        // --step N runs the first N steps of this lab only, not of labs opened later from the menu.
        window.startLab(parser.value(labOption), parser.value(stepOption).toInt());
    } else if (parser.isSet(pidOption)) {
        bool ok = false;
        const qlonglong pid = parser.value(pidOption).toLongLong(&ok);
        if (!ok || pid <= 0) {
            std::fprintf(stderr, "vmatlas: '%s' is not a process ID\n", qPrintable(parser.value(pidOption)));
            return 2;
        }
        window.attach(pid);
    } else if (!files.isEmpty()) {
        window.openFiles(files.mid(0, 2));
    } else if (remote) {
        // Nothing to map here: the remote processes, once the window is up.
        QTimer::singleShot(0, &window, [&window] { window.chooseProcess(); });
    } else {
        // A first launch never shows an empty window: map ourselves, the picker is one click away.
        window.attach(currentPid());
    }
    if (parser.isSet(addressOption)) {
        Address address = 0;
        if (!parseAddress(parser.value(addressOption).toStdString(), address)) {
            std::fprintf(stderr, "vmatlas: '%s' is not a hex address\n", qPrintable(parser.value(addressOption)));
            return 2;
        }
        window.selectAddress(address); // once the first frame is shown
    }
    window.show();
    return app.exec();
}

} // namespace vmatlas::ui
