#include "review/review_panel.h"

#include "document/document.h"
#include "editor_context.h"
#include "gui/map_canvas.h"
#include "review/candidate_review.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vnland::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

ReviewPanel::ReviewPanel(EditorContext *context, QWidget *parent) : QWidget(parent), m_context(context)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("reviewList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Sheet / parcel"), tr("Land-use code"), tr("Printed area (m²)"), tr("Why to look")});
    m_list->header()->setStretchLastSection(true);
    m_accept = new QPushButton(tr("&Accept"), this);
    m_accept->setObjectName(QStringLiteral("reviewAccept"));
    m_accept->setToolTip(tr("The selected candidates become ordinary parcels"));
    m_reject = new QPushButton(tr("&Reject"), this);
    m_reject->setObjectName(QStringLiteral("reviewReject"));
    m_reject->setToolTip(tr("The selected candidates are removed from the project"));
    m_acceptClean = new QPushButton(tr("Accept all &without reasons"), this);
    m_acceptClean->setObjectName(QStringLiteral("reviewAcceptClean"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);
    buttons->addWidget(m_acceptClean);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_summary);
    lay->addWidget(m_list, 1);
    lay->addLayout(buttons);

    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);   // one rebuild per burst of row signals
    connect(m_refresh, &QTimer::timeout, this, &ReviewPanel::refresh);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { showCandidate(m_list->indexOfTopLevelItem(item)); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ReviewPanel::updateButtons);
    auto report = [this](bool ok, const QString &why) {
        if (!ok && !why.isEmpty())
            m_context->logMessage(why);
    };
    connect(m_accept, &QPushButton::clicked, this, [this, report] {
        QString why;
        report(acceptSelected(&why), why);
    });
    connect(m_reject, &QPushButton::clicked, this, [this, report] {
        QString why;
        report(rejectSelected(&why), why);
    });
    connect(m_acceptClean, &QPushButton::clicked, this, [this, report] {
        QString why;
        report(acceptAllClean(&why), why);
    });
    refresh();
}

void ReviewPanel::setDocument(Document *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (doc) {
        auto later = [this] { m_refresh->start(); };
        connect(doc, &Document::parcelChanged, this, later);
        connect(doc, &Document::rowsInserted, this, later);
        connect(doc, &Document::rowsRemoved, this, later);
        connect(doc, &Document::geometryChanged, this, later);
    }
    refresh();
}

void ReviewPanel::refresh()
{
    m_refresh->stop();
    const std::vector<int64_t> selected = selectedIds();
    m_list->clear();
    int total = 0, withReasons = 0;
    if (m_doc) {
        struct Row {
            int row;
            QStringList reasons;
        };
        std::vector<Row> rows;
        for (int r = 0; r < m_doc->parcelCount(); ++r) {
            const model::Parcel &p = m_doc->parcel(r);
            if (!isCandidate(p))
                continue;
            rows.push_back({r, reviewReasons(p)});
        }
        // Those a person must look at first, then by sheet and number.
        std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
            if (a.reasons.isEmpty() != b.reasons.isEmpty())
                return !a.reasons.isEmpty();
            const auto &pa = m_doc->parcel(a.row), &pb = m_doc->parcel(b.row);
            return std::pair(pa.toSo.value_or(0), pa.thuaSo.value_or(0)) < std::pair(pb.toSo.value_or(0), pb.thuaSo.value_or(0));
        });
        for (const Row &r : rows) {
            const model::Parcel &p = m_doc->parcel(r.row);
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, QStringLiteral("%1 / %2").arg(p.toSo ? QString::number(*p.toSo) : QStringLiteral("?"),
                                                            p.thuaSo ? QString::number(*p.thuaSo) : QStringLiteral("?")));
            item->setText(1, QString::fromStdString(p.landuseCode));
            item->setText(2, p.legalArea ? formatArea(p.legalArea) : QString());
            item->setText(3, reasonsText(p));
            item->setData(0, kIdRole, qint64(p.id));
            if (!r.reasons.isEmpty())
                item->setForeground(3, gui::kCandidateColor);
            if (std::find(selected.begin(), selected.end(), p.id) != selected.end())
                item->setSelected(true);
            ++total;
            withReasons += !r.reasons.isEmpty();
        }
    }
    m_summary->setText(total == 0 ? tr("No candidates to review.")
                                  : tr("%n candidate(s) to review.", nullptr, total) + QLatin1Char(' ') +
                                        tr("%n of them have reasons to look at.", nullptr, withReasons));
    updateButtons();
}

std::vector<int64_t> ReviewPanel::listedIds() const
{
    std::vector<int64_t> ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids.push_back(m_list->topLevelItem(i)->data(0, kIdRole).toLongLong());
    return ids;
}

std::vector<int64_t> ReviewPanel::selectedIds() const
{
    std::vector<int64_t> ids;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        ids.push_back(item->data(0, kIdRole).toLongLong());
    if (ids.empty() && m_doc)   // nothing chosen in the list: the candidates selected on the map
        for (int64_t id : m_doc->selectedIds())
            if (const int row = m_doc->rowOfId(id); row >= 0 && isCandidate(m_doc->parcel(row)))
                ids.push_back(id);
    return ids;
}

void ReviewPanel::showCandidate(int index)
{
    if (!m_doc || index < 0 || index >= m_list->topLevelItemCount())
        return;
    const int64_t id = m_list->topLevelItem(index)->data(0, kIdRole).toLongLong();
    m_list->setCurrentItem(m_list->topLevelItem(index));
    m_doc->selectIds({id});
    if (gui::MapCanvas *canvas = m_context->canvas())
        canvas->zoomToSelection();
}

bool ReviewPanel::finish(bool ok, const QString &why, QString *error)
{
    if (!ok && error)
        *error = why;
    refresh();
    return ok;
}

bool ReviewPanel::acceptSelected(QString *error)
{
    if (!m_doc)
        return finish(false, tr("No project is open"), error);
    const EditOutcome out = acceptCandidates(*m_doc, selectedIds());
    return finish(out.ok, out.error, error);
}

bool ReviewPanel::rejectSelected(QString *error)
{
    if (!m_doc)
        return finish(false, tr("No project is open"), error);
    const EditOutcome out = rejectCandidates(*m_doc, selectedIds());
    return finish(out.ok, out.error, error);
}

bool ReviewPanel::acceptAllClean(QString *error)
{
    if (!m_doc)
        return finish(false, tr("No project is open"), error);
    std::vector<int64_t> ids;
    for (int r = 0; r < m_doc->parcelCount(); ++r)
        if (isCandidate(m_doc->parcel(r)) && reviewReasons(m_doc->parcel(r)).isEmpty())
            ids.push_back(m_doc->parcel(r).id);
    const EditOutcome out = acceptCandidates(*m_doc, ids);
    return finish(out.ok, out.error, error);
}

void ReviewPanel::updateButtons()
{
    const bool any = m_doc && m_list->topLevelItemCount() > 0;
    m_accept->setEnabled(any);
    m_reject->setEnabled(any);
    m_acceptClean->setEnabled(any);
}

} // namespace vnland::app
