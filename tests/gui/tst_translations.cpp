// The Simplified Chinese translation is complete: every string the sources mark for translation has a
// finished translation that keeps its placeholders, and the window comes up in Chinese with it.
#include "mainwindow.h"
#include "processlimits.h"
#include "testutil.h"
#include "uitext.h"
#include "usage.h"

#include <QDialogButtonBox>
#include <QDomDocument>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <map>

using namespace vmatlas;
using namespace vmatlas::ui;

namespace {

struct Entry
{
    QString translation;
    bool finished = false;
    bool numerus = false;
};

// (context, source) -> translation
std::map<std::pair<QString, QString>, Entry> readTs(const QString &path)
{
    std::map<std::pair<QString, QString>, Entry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QDomDocument doc;
    if (!doc.setContent(&f))
        qFatal("%s is not XML", qPrintable(path));
    const auto contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement ctx = contexts.at(i).toElement();
        const QString name = ctx.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = ctx.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            const QDomElement tr = m.firstChildElement(QStringLiteral("translation"));
            Entry e;
            e.numerus = m.attribute(QStringLiteral("numerus")) == QLatin1String("yes");
            e.translation = e.numerus ? tr.firstChildElement(QStringLiteral("numerusform")).text() : tr.text();
            e.finished = !tr.hasAttribute(QStringLiteral("type"));
            out[{ name, m.firstChildElement(QStringLiteral("source")).text() }] = e;
        }
    }
    return out;
}

QStringList placeholders(const QString &s)
{
    QStringList p;
    QRegularExpression re(QStringLiteral("%(\\d|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        p << it.next().captured();
    p.sort();
    return p;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyStringTranslated()
    {
        const auto zh = readTs(QStringLiteral(VMATLAS_SOURCE_DIR "/resources/translations/vmatlas_zh_CN.ts"));
        QVERIFY(zh.size() > 300);
        QStringList problems;
        for (const auto &[key, e] : zh) {
            if (!e.finished || e.translation.trimmed().isEmpty())
                problems << QStringLiteral("untranslated: [%1] %2").arg(key.first, key.second.left(60));
            else if (placeholders(e.translation) != placeholders(key.second))
                problems << QStringLiteral("placeholders differ: [%1] %2").arg(key.first, key.second.left(60));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void noStringMissingFromTheCatalogue()
    {
        // Extract the strings from the sources now: a new tr() without a Chinese translation fails here.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(VMATLAS_LUPDATE),
            { QStringLiteral("-recursive"), QStringLiteral(VMATLAS_SOURCE_DIR "/ui"),
                QStringLiteral(VMATLAS_SOURCE_DIR "/core/labs"), QStringLiteral(VMATLAS_SOURCE_DIR "/core/usage.cpp"),
                QStringLiteral(VMATLAS_SOURCE_DIR "/core/processlimits.cpp"), QStringLiteral("-no-obsolete"),
                QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), fresh });
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const auto extracted = readTs(fresh);
        const auto zh = readTs(QStringLiteral(VMATLAS_SOURCE_DIR "/resources/translations/vmatlas_zh_CN.ts"));
        QVERIFY(extracted.size() > 300);
        QStringList missing;
        for (const auto &[key, e] : extracted) {
            auto it = zh.find(key);
            if (it == zh.end() || !it->second.finished || it->second.translation.isEmpty())
                missing << QStringLiteral("[%1] %2").arg(key.first, key.second.left(80));
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("not translated in zh_CN (run the vmatlas_ui_lupdate target, then translate):\n")
                + missing.join(QLatin1Char('\n'))));
    }

    void windowInChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vmatlas_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(QCoreApplication::translate("vmatlas::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(QCoreApplication::translate("Lab", "Reserve and commit"), QStringLiteral("保留与提交"));
        {
            MainWindow w;
            QStringList menus;
            for (QAction *a : w.menuBar()->actions())
                menus << a->text();
            QVERIFY2(menus.contains(QStringLiteral("文件(&F)")) && menus.contains(QStringLiteral("实验(&L)")),
                qPrintable(menus.join(QLatin1Char(' '))));
            QStringList labs;
            for (QAction *a : w.menuBar()->actions())
                if (a->text() == QStringLiteral("实验(&L)"))
                    for (QAction *l : a->menu()->actions())
                        labs << l->text();
            QVERIFY2(
                labs.contains(QStringLiteral("写时复制：文件的私有视图")), qPrintable(labs.join(QLatin1Char(' '))));
        }
        // Region labels are translated too.
        Region heap;
        heap.labelKind = LabelKind::Heap;
        QCOMPARE(labelText(heap), QStringLiteral("堆"));
        // What a lab step did, translated with its page counts.
        const LabStepResult report = labReport(QT_TRANSLATE_NOOP("Lab", "touched %1 pages: %2"),
            { { "32" }, { "32 not in RAM, 2 file \u2192 30 not in RAM, 4 anon", true } }, 0, 0);
        QCOMPARE(report.happened, std::string("touched 32 pages: 32 not in RAM, 2 file \u2192 30 not in RAM, 4 anon"));
        // Each count as Chinese writes it, the state first, as the page strip's counts read.
        QCOMPARE(labReportText(report),
            QStringLiteral("访问了 32 个页面：%1 32，%2 2 \u2192 %1 30，%3 4")
                .arg(pageStateText(PageState::None), pageStateText(PageState::File), pageStateText(PageState::Anon)));
        QVERIFY(!labReportText(report).contains(QStringLiteral("anon")));
        // Pages of a Reserved (no-access) range: "reserved", as the page strip says.
        const LabStepResult decommitted = labReport(QT_TRANSLATE_NOOP("Lab", "decommitted: %1, Reserved again"),
            { { "2 not in RAM, 254 reserved", true } }, 0, 0);
        QCOMPARE(labReportText(decommitted),
            QStringLiteral("撤销了提交：%1 2，保留 254，重新变为已保留").arg(pageStateText(PageState::None)));
        QVERIFY(!labReportText(report).contains(QStringLiteral("RAM")));
        // How the regions add up to the kernel's counters (Summary): the core's English, the window's Chinese.
        Snapshot one;
        Region r;
        r.start = 0x10000;
        r.end = 0x12000;
        r.type = RegionType::Private;
        r.state = RegionState::Committed;
        r.use = RegionUse::PrivateData;
        r.setCounter(Counter::Rss, 8192);
        r.setCounter(Counter::Pss, 4096);
        one.regions.push_back(r);
        const auto lines = reconcile(one, computeUseTotals(one, ProcessFacts {}), ProcessFacts {});
        QCOMPARE(lines.size(), std::size_t(6));
        QVERIFY2(lines[0].explanation.find("PSS here is 4.00 KiB, 4.00 KiB less") != std::string::npos,
            lines[0].explanation.c_str());
        const QString vmRss = patternText("Usage", lines[0].pattern, lines[0].args);
        QVERIFY2(vmRss.contains(QStringLiteral("这里 PSS 为 4.00 KiB，少 4.00 KiB")), qPrintable(vmRss));
        for (const ReconciliationLine &l : lines) {
            const QString zh = patternText("Usage", l.pattern, l.args);
            QVERIFY2(!zh.contains(QStringLiteral(" the ")) && !zh.contains(QLatin1Char('%')), qPrintable(zh));
        }
        // The Limits tab: this process's limits, every line in Chinese, its words too ("unlimited", "not readable").
        auto limits = readLimits(Pid(QCoreApplication::applicationPid()));
        QVERIFY(limits.ok());
        limits->rlimitKnown = true;
        limits->rlimitAsSoft.reset(); // unlimited
        limits->cgroup.known = true;
        limits->cgroup.memoryCurrent.reset(); // not readable
        const auto limitText = limitLines(*limits);
        QVERIFY(limitText.size() >= 6);
        QCOMPARE(QString::fromStdString(limitText.front().text()).left(14), QStringLiteral("address space:"));
        QStringList english;
        for (const LimitLine &l : limitText) {
            const QString zh = patternText("Limits", l.pattern, l.args); // as the Limits tab shows it
            for (const char *word : { "address space", "free blocks", "mappings", "commit charge", "this process",
                     "unlimited", "not readable", "soft", " of " })
                if (zh.contains(QLatin1String(word)))
                    english << zh;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QCoreApplication::removeTranslator(&translator);
    }

    void englishPlurals()
    {
        // The English file gives the plurals (the window loads it where no other language matches, a C locale
        // too): "1 region", "32 regions", not "32 region(s)".
        QTranslator english;
        QVERIFY(english.load(QStringLiteral("vmatlas_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&english);
        auto regions = [](int n) {
            return QCoreApplication::translate("vmatlas::ui::StatusLine", "%1 (PID %2) · %n region(s)", nullptr, n)
                .arg(QStringLiteral("bash"))
                .arg(42);
        };
        QCOMPARE(regions(1), QStringLiteral("bash (PID 42) · 1 region"));
        QCOMPARE(regions(32), QStringLiteral("bash (PID 42) · 32 regions"));
        QCoreApplication::removeTranslator(&english);
        // Every numerus message of the English file has both forms.
        QFile file(QStringLiteral(VMATLAS_SOURCE_DIR "/resources/translations/vmatlas_en.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&file));
        const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
        int numerus = 0;
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            if (m.attribute(QStringLiteral("numerus")) != QLatin1String("yes"))
                continue;
            ++numerus;
            const QDomNodeList forms = m.elementsByTagName(QStringLiteral("numerusform"));
            QCOMPARE(forms.size(), 2);
            for (int f = 0; f < forms.size(); ++f)
                QVERIFY2(!forms.at(f).toElement().text().isEmpty()
                        && !forms.at(f).toElement().text().contains(QStringLiteral("(s)"))
                        && !forms.at(f).toElement().text().contains(QStringLiteral("(es)")),
                    qPrintable(m.firstChildElement(QStringLiteral("source")).text()));
        }
        QVERIFY(numerus >= 5);
    }

    void chineseTerms()
    {
        // Microsoft's Chinese words: 映像 (not 映象), 写时复制 (not 写拷贝), 页面文件 for the page file, 比例集 for
        // PSS; a section is 区段对象 or a 内存区, never a 段.
        const auto zh = readTs(QStringLiteral(VMATLAS_SOURCE_DIR "/resources/translations/vmatlas_zh_CN.ts"));
        QStringList wrong;
        bool pss = false;
        for (const auto &[key, e] : zh) {
            for (const char *word : { "映象", "写拷贝", "页交换文件", "内存段" })
                if (e.translation.contains(QString::fromUtf8(word)))
                    wrong << QStringLiteral("[%1] %2").arg(key.first, e.translation.left(40));
            pss |= key.second == QLatin1String("PSS") || e.translation.contains(QStringLiteral("比例集"));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QVERIFY(pss);
        QCOMPARE(zh.at({ QStringLiteral("Model"), QStringLiteral("Image") }).translation, QStringLiteral("映像"));
    }

    void qtsOwnStringsInChinese()
    {
        // Dialog buttons come from Qt's catalogue (qt6-translations-l10n), loaded beside ours.
        QTranslator qt;
        QVERIFY2(qt.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
            "qtbase_zh_CN.qm not found: install qt6-translations-l10n");
        QCoreApplication::installTranslator(&qt);
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
        QCoreApplication::removeTranslator(&qt);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
