#pragma once

#include "formatting.h"
#include "labs/labs.h"
#include "model.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vmatlas::ui {

// The model's words as the user reads them, translated (context "Model").
inline QString typeText(RegionType t)
{
    switch (t) {
    case RegionType::Image:
        return QCoreApplication::translate("Model", "Image");
    case RegionType::Mapped:
        return QCoreApplication::translate("Model", "Mapped");
    case RegionType::Private:
        return QCoreApplication::translate("Model", "Private");
    case RegionType::Free:
        return QCoreApplication::translate("Model", "Free");
    }
    return {};
}

inline QString stateText(RegionState s)
{
    switch (s) {
    case RegionState::Free:
        return QCoreApplication::translate("Model", "Free");
    case RegionState::Reserved:
        return QCoreApplication::translate("Model", "Reserved");
    case RegionState::Committed:
        return QCoreApplication::translate("Model", "Committed");
    }
    return {};
}

inline QString pageStateText(PageState s)
{
    switch (s) {
    case PageState::None:
        return QCoreApplication::translate("Model", "not in RAM");
    case PageState::File:
        return QCoreApplication::translate("Model", "file");
    case PageState::Anon:
        return QCoreApplication::translate("Model", "anon");
    case PageState::Swap:
        return QCoreApplication::translate("Model", "swap");
    case PageState::Guard:
        return QCoreApplication::translate("Model", "guard");
    case PageState::Zero:
        return QCoreApplication::translate("Model", "zero page");
    }
    return {};
}

// What a page not in RAM is, after its state in a tooltip (", reserved (…)"), in the page strip's and the map's
// words alike: a reserved page is held without access; any other has no entry in the process's page tables,
// and a file's page may be in the page cache all the same.
enum class PageBacking
{
    Unknown,
    Reserved,
    File
};
inline QString notInRamNote(PageBacking backing)
{
    auto text = [](const char *source) { return QCoreApplication::translate("Model", source); };
    switch (backing) {
    case PageBacking::Reserved:
        return text(QT_TRANSLATE_NOOP("Model", ", reserved (no access, not committed)"));
    case PageBacking::File:
        return text(QT_TRANSLATE_NOOP(
            "Model", ", not in this process's page tables (a file's page may still be in the page cache)"));
    case PageBacking::Unknown:
        break;
    }
    return text(QT_TRANSLATE_NOOP("Model", ", not in this process's page tables"));
}

// What a region is for (VMMap's uses), in the user's language.
inline QString useText(RegionUse u)
{
    auto text = [](const char *source) { return QCoreApplication::translate("Model", source); };
    switch (u) {
    case RegionUse::Free:
        return text(QT_TRANSLATE_NOOP("Model", "Free"));
    case RegionUse::Image:
        return text(QT_TRANSLATE_NOOP("Model", "Image"));
    case RegionUse::MappedFile:
        return text(QT_TRANSLATE_NOOP("Model", "Mapped file"));
    case RegionUse::Shareable:
        return text(QT_TRANSLATE_NOOP("Model", "Shareable"));
    case RegionUse::Heap:
        return text(QT_TRANSLATE_NOOP("Model", "Heap"));
    case RegionUse::ManagedHeap:
        return text(QT_TRANSLATE_NOOP("Model", "Managed heap"));
    case RegionUse::Stack:
        return text(QT_TRANSLATE_NOOP("Model", "Stack"));
    case RegionUse::StackGuard:
        return text(QT_TRANSLATE_NOOP("Model", "Stack guard"));
    case RegionUse::PrivateData:
        return text(QT_TRANSLATE_NOOP("Model", "Private data"));
    case RegionUse::PageTable:
        return text(QT_TRANSLATE_NOOP("Model", "Page table"));
    case RegionUse::Unusable:
        return text(QT_TRANSLATE_NOOP("Model", "Unusable"));
    }
    return {};
}

// translated with %1…%9 replaced by args in one pass (an argument holding "%2" stays as it is).
inline QString fillArgs(const QString &translated, const QStringList &args)
{
    QString out;
    for (qsizetype i = 0; i < translated.size(); ++i) {
        const int n = i + 1 < translated.size() ? translated[i + 1].digitValue() : -1;
        if (translated[i] == QLatin1Char('%') && n >= 1 && n <= args.size()) {
            out += args[n - 1];
            ++i;
        } else {
            out += translated[i];
        }
    }
    return out;
}

// A core pattern ("… PSS here is %1 …", marked in context) in the user's language, with args for %1, %2…; each
// argument is translated in the same context too where it is a marked word ("unlimited"), numbers stay.
inline QString patternText(const char *context, const std::string &pattern, const std::vector<std::string> &args)
{
    QStringList translated;
    for (const std::string &arg : args)
        translated << QCoreApplication::translate(context, arg.c_str());
    return fillArgs(QCoreApplication::translate(context, pattern.c_str()), translated);
}

// A lab step's report in the user's language: its pattern translated (context "Lab"), its page counts with
// the state words translated and each count written as the language writes it ("32 not in RAM, 2 file";
// "不在内存 32，文件 2", as the page strip's counts read).
inline QString labReportText(const LabStepResult &r)
{
    if (r.pattern.empty())
        return QString::fromStdString(r.happened);
    const QString pattern = QCoreApplication::translate("Lab", r.pattern.c_str());
    static const std::pair<const char *, PageState> words[] = { { "not in RAM", PageState::None },
        { "none", PageState::None }, { "file", PageState::File }, { "anon", PageState::Anon },
        { "swap", PageState::Swap }, { "guard", PageState::Guard }, { "zero", PageState::Zero } };
    //: A count of pages in a lab's report: %1 the number, %2 the state ("32 not in RAM").
    const QString count = QCoreApplication::translate("Lab", "%1 %2");
    //: Between two counts of pages in a lab's report ("32 not in RAM, 2 file").
    const QString between = QCoreApplication::translate("Lab", ", ");
    QStringList args;
    for (const LabArg &arg : r.args) {
        QString text = QString::fromStdString(arg.text);
        if (arg.pageCounts) {
            if (text == QLatin1String("no pages"))
                text = QCoreApplication::translate("Lab", "no pages");
            // Each side of an arrow ("before → after") is a list of counts "N state" joined by ", ".
            QStringList sides = text.split(QStringLiteral(" \u2192 "));
            for (QString &side : sides) {
                QStringList counts = side.split(QStringLiteral(", "));
                for (QString &c : counts) {
                    const qsizetype space = c.indexOf(QLatin1Char(' '));
                    bool isNumber = false;
                    const QString number = c.left(space);
                    number.toULongLong(&isNumber);
                    if (space <= 0 || !isNumber)
                        continue; // not a count: kept as it is
                    const QString word = c.mid(space + 1);
                    QString state;
                    for (const auto &[source, s] : words)
                        if (word == QLatin1String(source))
                            state = pageStateText(s);
                    if (word == QLatin1String("reserved")) // no access, not in RAM: what the page strip hatches
                        state = QCoreApplication::translate("Lab", "reserved");
                    if (!state.isEmpty())
                        c = count.arg(number, state);
                }
                side = counts.join(between);
            }
            text = sides.join(QStringLiteral(" \u2192 "));
        }
        args << text;
    }
    return fillArgs(pattern, args);
}

// A region's label ("heap", "thread stack (TID 42)"…) in the user's language; kinds the window does not know
// yet keep the core's English words.
inline QString labelText(const Region &r)
{
    auto text = [](const char *source) { return QCoreApplication::translate("Model", source); };
    switch (r.labelKind) {
    case LabelKind::None:
        return {};
    case LabelKind::Heap:
        return text(QT_TRANSLATE_NOOP("Model", "heap"));
    case LabelKind::MainStack:
        return text(QT_TRANSLATE_NOOP("Model", "main stack"));
    case LabelKind::ThreadStack:
        return text(QT_TRANSLATE_NOOP("Model", "thread stack (TID %1)")).arg(r.tid);
    case LabelKind::Guard:
        return text(QT_TRANSLATE_NOOP("Model", "guard page"));
    case LabelKind::AnonName: {
        const std::string label = r.label(); // "named: NAME"
        const auto colon = label.find(": ");
        return colon == std::string::npos
            ? text(QT_TRANSLATE_NOOP("Model", "named"))
            : text(QT_TRANSLATE_NOOP("Model", "named: %1")).arg(displayText(label.substr(colon + 2)));
    }
    case LabelKind::Vdso:
        return text(QT_TRANSLATE_NOOP("Model", "vDSO (kernel code for fast system calls)"));
    case LabelKind::Vvar:
        return text(QT_TRANSLATE_NOOP("Model", "vvar (kernel data for the vDSO)"));
    case LabelKind::Vsyscall:
        return text(QT_TRANSLATE_NOOP("Model", "vsyscall (legacy fixed page)"));
    case LabelKind::Reservation:
        return text(QT_TRANSLATE_NOOP("Model", "reserved, no access"));
    case LabelKind::Program:
        return text(QT_TRANSLATE_NOOP("Model", "program image"));
    case LabelKind::Deleted:
        return text(QT_TRANSLATE_NOOP("Model", "file deleted"));
    case LabelKind::Memfd: {
        const std::string label = r.label(); // "shared section (memfd: NAME)"
        const auto from = label.find("memfd: ");
        return text(QT_TRANSLATE_NOOP("Model", "shared section (memfd: %1)"))
            .arg(from == std::string::npos ? QString() : displayText(label.substr(from + 7, label.size() - from - 8)));
    }
    case LabelKind::SysvShm:
        return text(QT_TRANSLATE_NOOP("Model", "SysV shared memory"));
    case LabelKind::SharedAnon:
        return text(QT_TRANSLATE_NOOP("Model", "shared anonymous memory"));
    case LabelKind::ThreadStackByPattern:
        return r.tid ? text(QT_TRANSLATE_NOOP("Model", "thread stack (TID %1, found by pattern)")).arg(r.tid)
                     : text(QT_TRANSLATE_NOOP("Model", "likely a thread stack (found by pattern)"));
    default:
        return displayText(r.label());
    }
}

} // namespace vmatlas::ui
