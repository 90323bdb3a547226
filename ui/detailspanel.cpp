#include "detailspanel.h"

#include "formatting.h"
#include "livetier.h"
#include "maprenderer.h"
#include "pagestrip.h"
#include "platform.h"
#include "totals.h"
#include "uitext.h"
#include "usage.h"
#include "viewstate.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace vmatlas::ui {

namespace {

// "16.0 KiB (4 pages)", "4.00 KiB (1 page)".
QString sizeWithPages(std::uint64_t bytes, std::uint64_t pageSize)
{
    const std::uint64_t pages = bytes / (pageSize ? pageSize : 4096);
    return pages == 1
        ? QCoreApplication::translate("vmatlas::ui::DetailsPanel", "%1 (1 page)").arg(formatBytes(bytes))
        : QCoreApplication::translate("vmatlas::ui::DetailsPanel", "%1 (%2 pages)").arg(formatBytes(bytes)).arg(pages);
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("No region selected"), this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    layout->addWidget(m_title);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->viewport()->installEventFilter(this);
    m_form = new QWidget(m_scroll);
    m_layout = new QFormLayout(m_form);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setLabelAlignment(Qt::AlignRight);
    m_scroll->setWidget(m_form);
    layout->addWidget(m_scroll, 1);
    auto *pagesTitle = new QLabel(tr("Pages"), this);
    pagesTitle->setFont(f);
    layout->addWidget(pagesTitle);
    m_strip = new PageStrip(this);
    // Room for a row of pages and their counts: in a short window (1024x700, a lab's two processes) the rows above,
    // RSS and PSS among them, need the rest.
    m_strip->setMinimumHeight(100);
    layout->addWidget(m_strip, 1); // what is left over, shared with the rows above
}

void DetailsPanel::observe(ViewState *state)
{
    connect(state, &ViewState::frameChanged, this, [this, state](FramePtr frame) {
        // The selection and the range stay, with fresh numbers.
        if (!state->range().empty())
            setRange(state->range().start, state->range().end, frame->snapshot);
        else
            setRegion(state->selectedRegion(), frame->snapshot);
    });
    connect(state, &ViewState::cleared, this, [this] {
        setRegion(nullptr, nullptr);
        m_strip->setMessage({});
    });
    connect(state, &ViewState::selectionChanged, this, [this, state] {
        setRegion(state->selectedRegion(), state->shown());
        m_strip->setMessage(tr("Reading pages…"));
    });
    connect(state, &ViewState::rangeChanged, this, [this, state](AddressRange range) {
        if (range.empty())
            return;
        setRange(range.start, range.end, state->shown());
        m_strip->setMessage(tr("Reading pages…"));
    });
}

void DetailsPanel::clearRows()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
}

bool DetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) {
        // The rows' view, not their content, decides: it keeps its height whichever way they are filled.
        const bool compact = m_scroll->viewport()->height() < 200;
        if (compact != m_compact) {
            m_compact = compact;
            if (m_refill)
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        if (const auto refill = m_refill) // a copy: filling the rows sets m_refill again
                            refill();
                    },
                    Qt::QueuedConnection);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DetailsPanel::addRow(const QString &name, const QString &value, const QString &explanation)
{
    auto *v = new QLabel(value, m_form);
    v->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->setWordWrap(true);
    if (!explanation.isEmpty() && m_compact) {
        v->setTextFormat(Qt::PlainText);
        v->setToolTip(explanation);
    } else if (!explanation.isEmpty()) {
        v->setText(value + QStringLiteral("<br><small style='color:palette(placeholder-text)'>")
            + explanation.toHtmlEscaped() + QStringLiteral("</small>"));
        v->setTextFormat(Qt::RichText);
        v->setToolTip(explanation);
    } else {
        v->setTextFormat(Qt::PlainText);
    }
    m_layout->addRow(name, v);
    if (QWidget *label = m_layout->labelForField(v); label && !explanation.isEmpty())
        label->setToolTip(explanation);
}

void DetailsPanel::setRegion(const Region *r, SnapshotPtr snapshot)
{
    // A copy of the region: the one given may not outlive this call.
    m_refill = [this, region = r ? std::make_shared<const Region>(*r) : nullptr, snapshot] {
        setRegion(region.get(), snapshot);
    };
    clearRows();
    if (!r) {
        m_title->setText(tr("No region selected"));
        return;
    }
    // A gap is free in both type and state: "Free gap", not "Free Free region".
    m_title->setText(
        r->type == RegionType::Free ? tr("Free gap") : tr("%1 %2 region").arg(stateText(r->state), typeText(r->type)));
    addRow(tr("Range"), hexAddress(r->start) + QStringLiteral(" – ") + hexAddress(r->end));
    addRow(tr("Size"), sizeWithPages(r->size(), snapshot ? snapshot->pageSize : 4096));
    switch (r->type) {
    case RegionType::Image:
        addRow(tr("Type"), tr("Image"),
            tr("A file mapped to run code (program, shared library): Windows MEM_IMAGE. Its pages come from the file; "
               "writes to it are copied (copy-on-write)."));
        break;
    case RegionType::Mapped:
        addRow(tr("Type"), tr("Mapped"),
            tr("A file or shared section mapped as data: Windows MEM_MAPPED (MapViewOfFile)."));
        break;
    case RegionType::Private:
        addRow(tr("Type"), tr("Private"),
            tr("Memory only this process uses (heap, stacks, anonymous mmap): Windows MEM_PRIVATE (VirtualAlloc). "
               "Committed private memory is what Windows counts as private bytes, in RAM or not."));
        break;
    case RegionType::Free:
        addRow(tr("Type"), tr("Free"), tr("No mapping: addresses the process may still allocate (Windows MEM_FREE)."));
        return;
    }
    {
        // What it is for; a guess says so, with its evidence.
        const std::size_t index = snapshot ? std::size_t(r - snapshot->regions.data()) : 0;
        const UseInfo use = snapshot && index < snapshot->regions.size()
            ? useInfo(*snapshot, index)
            : UseInfo { r->use, UseConfidence::Certain, {}, 0 };
        QString value = useText(use.use);
        if (use.tid)
            value += tr(" (thread %1)").arg(use.tid);
        addRow(tr("Use"), value,
            use.confidence == UseConfidence::Likely ? QString::fromStdString(use.evidence)
                                                    : tr("What the region is for (VMMap's use)."));
    }
    if (r->state == RegionState::Reserved)
        addRow(tr("State"), tr("Reserved"),
            tr("Address space held with no access (PROT_NONE): Windows MEM_RESERVE. Touching it faults."));
    else
        addRow(
            tr("State"), tr("Committed"), tr("Usable memory: Windows MEM_COMMIT. Pages get RAM when first touched."));
    const std::string prot = r->protection.toString();
    addRow(tr("Protection"), QString::fromStdString(prot),
        prot[3] == 's'
            ? (r->protection.write ? tr("Shared: writes are seen by every process mapping the same object.")
                                   : tr("A shared view, read-only here: this process cannot write to it; it sees what "
                                        "processes with a writable view write."))
            : (prot[3] == 'c' ? tr("Copy-on-write view (PAGE_WRITECOPY): a write makes a private copy of the page.")
                              : tr("Private: writes stay in this process (copy-on-write for file pages).")));
    if (!r->path().empty())
        addRow(tr("Backed by"), displayText(r->path()));
    if (r->labelKind != LabelKind::None)
        addRow(tr("Details"), labelText(*r));
    if (r->inode)
        addRow(tr("File"),
            tr("offset %1, device %2, inode %3")
                .arg(hexAddress(r->offset), QString::fromStdString(r->device()))
                .arg(r->inode));
    struct Explained
    {
        Counter counter;
        const char *name;
        const char *text;
    };
    static const Explained counters[] = {
        { Counter::Rss, QT_TR_NOOP("RSS"),
            QT_TR_NOOP("Resident set: bytes of this region in RAM now (Windows: working set).") },
        { Counter::Pss, QT_TR_NOOP("PSS"),
            QT_TR_NOOP("Proportional set: RSS with each shared page divided by the number of processes mapping it.") },
        { Counter::Swap, QT_TR_NOOP("Swap"),
            QT_TR_NOOP("Bytes written out to swap (Windows: the page file, pagefile.sys).") },
        { Counter::SharedClean, QT_TR_NOOP("Shared clean"),
            QT_TR_NOOP("In RAM, also mapped by other processes, unmodified: can be dropped and read again.") },
        { Counter::SharedDirty, QT_TR_NOOP("Shared dirty"),
            QT_TR_NOOP("In RAM, also mapped elsewhere, modified (a shared section someone wrote).") },
        { Counter::PrivateClean, QT_TR_NOOP("Private clean"),
            QT_TR_NOOP("In RAM, only this process maps it, unmodified.") },
        { Counter::PrivateDirty, QT_TR_NOOP("Private dirty"),
            QT_TR_NOOP(
                "In RAM, only this process maps it, modified: to free the RAM it would have to go to swap (Windows: "
                "part of the private working set).") },
        { Counter::Anonymous, QT_TR_NOOP("Anonymous"),
            QT_TR_NOOP("Pages with no file behind them: heap data, or copies made by copy-on-write.") },
        { Counter::Referenced, QT_TR_NOOP("Referenced"), QT_TR_NOOP("Pages used recently.") },
        { Counter::Locked, QT_TR_NOOP("Locked"), QT_TR_NOOP("Pages pinned in RAM (mlock): never swapped.") },
        { Counter::SwapPss, QT_TR_NOOP("Swap PSS"), QT_TR_NOOP("Swap divided among the processes sharing it.") },
        { Counter::AnonHugePages, QT_TR_NOOP("Anon huge pages"),
            QT_TR_NOOP("Bytes backed by transparent huge pages.") },
    };
    // A live tick reads RSS, anonymous and swap now; the others come from the last full read: say how old.
    const std::int64_t olderMs
        = snapshot && snapshot->countersReadMs > 0 && snapshot->countersReadMs < snapshot->timestampMs
        ? snapshot->timestampMs - snapshot->countersReadMs
        : 0;
    for (const Explained &e : counters) {
        QString value = r->hasCounter(e.counter) ? formatBytes(r->counter(e.counter)) : tr("not read");
        if (olderMs && r->hasCounter(e.counter) && !(kLiveCounters & Region::counterBit(e.counter)))
            value = tr("%1 (read %2 s before)").arg(value, QString::number(olderMs / 1000.0, 'f', 1));
        addRow(tr(e.name), value, tr(e.text));
    }
    if (!r->vmFlagsText().empty())
        addRow(tr("VM flags"), QString::fromStdString(r->vmFlagsText()));
}

void DetailsPanel::setRange(Address start, Address end, SnapshotPtr snapshot)
{
    m_refill = [this, start, end, snapshot] { setRange(start, end, snapshot); };
    clearRows();
    m_title->setText(tr("Selected range"));
    addRow(tr("Range"), hexAddress(start) + QStringLiteral(" – ") + hexAddress(end));
    addRow(tr("Size"), sizeWithPages(end - start, snapshot ? snapshot->pageSize : 4096));
    if (!snapshot)
        return;
    const TypeTotals t = rangeTotals(*snapshot, start, end);
    // RSS and PSS first, after the size: what a lab is about, and in a short dock (1024x700, a lab's two processes)
    // the rows that stay in view. The kernel counts RSS and PSS per region: where the regions it touches reach past the
    // range, the figures are theirs, and the row says so (a 4-page range in a 5-page region can show 5 pages' RSS); the
    // page strip below counts the range's own pages.
    std::uint64_t touched = 0;
    for (const Region &r : snapshot->regionsTouching(start, end))
        if (r.type != RegionType::Free)
            touched += r.size();
    if (touched > t.size) {
        const QString outside = formatBytes(touched - t.size);
        addRow(tr("RSS of its regions"), formatBytes(t.rss),
            tr("The regions it touches, whole: %1 of them lies outside the range. The pages below are the range's "
               "own.")
                .arg(outside));
        addRow(tr("PSS of its regions"), formatBytes(t.pss),
            tr("Proportional set of the regions it touches, whole: each shared page divided by the processes mapping "
               "it."));
    } else {
        addRow(tr("RSS"), formatBytes(t.rss), tr("Of the regions it touches, whole."));
        addRow(tr("PSS"), formatBytes(t.pss),
            tr("Proportional set of the regions it touches: each shared page divided by the processes mapping it. "
               "Below RSS when other processes map the same pages."));
    }
    addRow(tr("Swap"), formatBytes(t.swap));
    addRow(tr("Mapped in it"), formatBytes(t.size), tr("Bytes of the range inside some region."));
    addRow(tr("Committed"), formatBytes(t.committed));
    addRow(tr("Regions"), QString::number(t.blocks));
}

void DetailsPanel::setProcessSummary(
    const QString &title, const std::vector<std::pair<std::string, std::string>> &fields)
{
    m_refill = [this, title, fields] { setProcessSummary(title, fields); };
    clearRows();
    m_title->setText(title);
    for (const auto &[k, v] : fields) {
        const QString key = QString::fromStdString(k);
        QString value = QString::fromStdString(v).simplified();
        const QStringList words = value.split(QLatin1Char(' '));
        if (key == QLatin1String("Uid") && words.size() == 4) {
            // /proc/PID/status gives the real, effective, saved and filesystem user IDs, tab-separated: named.
            QStringList users;
            for (const QString &w : words) {
                bool ok = false;
                const uint uid = w.toUInt(&ok);
                const QString name = ok ? QString::fromStdString(userNameOf(uid)) : w;
                users.push_back(name == w ? w : QStringLiteral("%1 (%2)").arg(name, w));
            }
            value = users.count(users.front()) == 4
                ? tr("%1: real, effective, saved and filesystem").arg(users.front())
                : tr("real %1, effective %2, saved %3, filesystem %4").arg(users[0], users[1], users[2], users[3]);
        } else if (words.size() == 2 && words[1] == QLatin1String("kB")) {
            bool ok = false;
            const qulonglong kib = words[0].toULongLong(&ok);
            if (ok)
                value = formatBytes(std::uint64_t(kib) * 1024);
        }
        addRow(key, value);
    }
}

QString DetailsPanel::text() const
{
    QString out = m_title->text() + QLatin1Char('\n');
    for (int i = 0; i < m_layout->rowCount(); ++i) {
        auto *label = qobject_cast<QLabel *>(m_layout->itemAt(i, QFormLayout::LabelRole)
                ? m_layout->itemAt(i, QFormLayout::LabelRole)->widget()
                : nullptr);
        auto *value = qobject_cast<QLabel *>(m_layout->itemAt(i, QFormLayout::FieldRole)
                ? m_layout->itemAt(i, QFormLayout::FieldRole)->widget()
                : nullptr);
        out += (label ? label->text() : QString()) + QStringLiteral(": ") + (value ? value->text() : QString())
            + QLatin1Char('\n');
    }
    return out;
}

} // namespace vmatlas::ui
