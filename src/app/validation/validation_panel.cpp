// The validation panel.
#include "validation/validation_panel.h"
#include "document/fix_commands.h"

#include "document/document.h"
#include "editor_context.h"
#include "gui/map_canvas.h"

#include "store/database.h"
#include "store/project.h"
#include "store/spatialite_blob.h"
#include "topology/validation_store.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <ogr_geometry.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace vnland::app {

namespace {

constexpr int kIssueIdRole = Qt::UserRole + 1;
constexpr int kRuleRole = Qt::UserRole + 2;

std::vector<int64_t> parseIds(const std::string &text)
{
    std::vector<int64_t> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(std::stoll(item));
    return out;
}

std::vector<std::string> parseTexts(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

/// Outline of a WKB geometry (project coordinates) and its envelope.
QPainterPath wkbPath(const std::vector<unsigned char> &wkb, QRectF *box)
{
    QPainterPath path;
    if (wkb.empty())
        return path;
    OGRGeometry *raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size()) != OGRERR_NONE || !raw)
        return path;
    std::unique_ptr<OGRGeometry> g(raw);
    OGREnvelope env;
    g->getEnvelope(&env);
    if (box)
        *box = QRectF(QPointF(env.MinX, env.MinY), QPointF(env.MaxX, env.MaxY));
    auto addCurve = [&](const OGRSimpleCurve *c, bool close) {
        QPolygonF poly;
        for (int i = 0; i < c->getNumPoints(); ++i)
            poly << QPointF(c->getX(i), c->getY(i));
        if (close)
            path.addPolygon(poly), path.closeSubpath();
        else if (!poly.isEmpty()) {
            path.moveTo(poly.front());
            for (const QPointF &p : poly)
                path.lineTo(p);
        }
    };
    std::function<void(const OGRGeometry *)> walk = [&](const OGRGeometry *x) {
        switch (wkbFlatten(x->getGeometryType())) {
        case wkbPoint: {
            auto *p = x->toPoint();
            path.addEllipse(QPointF(p->getX(), p->getY()), 0.05, 0.05);
            break;
        }
        case wkbLineString:
            addCurve(x->toLineString(), false);
            break;
        case wkbPolygon:
            for (const auto *ring : *x->toPolygon())
                addCurve(ring, true);
            break;
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const auto *part : *x->toGeometryCollection())
                walk(part);
            break;
        default:
            break;
        }
    };
    walk(g.get());
    path.setFillRule(Qt::OddEvenFill);
    return path;
}

} // namespace

ValidationPanel::ValidationPanel(EditorContext *main, QWidget *parent) : QWidget(parent), m_main(main)
{
    setObjectName(QStringLiteral("validationPanel"));
    m_rules = new QListWidget(this);
    m_rules->setObjectName(QStringLiteral("validationRules"));
    m_rules->setMaximumHeight(140);
    auto *all = new QListWidgetItem(tr("All rules"), m_rules);
    all->setFlags(all->flags() | Qt::ItemIsUserCheckable);
    all->setCheckState(Qt::Checked);
    all->setData(kRuleRole, -1);
    for (const auto &info : topology::allRules()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(QString::fromUtf8(info.nameVi), QString::fromUtf8(info.id)),
                                         m_rules);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setData(kRuleRole, int(info.rule));
    }
    connect(m_rules, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (item->data(kRuleRole).toInt() != -1)
            return;
        const QSignalBlocker block(m_rules);
        for (int i = 1; i < m_rules->count(); ++i)
            m_rules->item(i)->setCheckState(item->checkState());
    });

    m_run = new QPushButton(tr("Validate"), this);
    m_run->setObjectName(QStringLiteral("validateButton"));
    m_rerun = new QPushButton(tr("Re-validate changes"), this);
    m_rerun->setObjectName(QStringLiteral("revalidateButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelValidationButton"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("issueTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Issue"), tr("Count / measure")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);

    m_fix = new QPushButton(tr("Fix issue"), this);
    m_fix->setObjectName(QStringLiteral("fixIssueButton"));
    m_fixRule = new QPushButton(tr("Fix all of rule"), this);
    m_fixRule->setObjectName(QStringLiteral("fixRuleButton"));
    m_exception = new QPushButton(tr("Mark as exception"), this);
    m_exception->setObjectName(QStringLiteral("exceptionButton"));
    m_export = new QPushButton(tr("Export…"), this);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_rerun);
    runRow->addWidget(m_cancel);
    auto *fixRow = new QHBoxLayout;
    fixRow->addWidget(m_fix);
    fixRow->addWidget(m_fixRule);
    auto *fixRow2 = new QHBoxLayout;
    fixRow2->addWidget(m_exception);
    fixRow2->addWidget(m_export);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_rules);
    lay->addLayout(runRow);
    lay->addWidget(m_progress);
    lay->addWidget(m_status);
    lay->addWidget(m_tree, 1);
    lay->addLayout(fixRow);
    lay->addLayout(fixRow2);

    connect(m_run, &QPushButton::clicked, this, [this] { startValidation(false); });
    connect(m_rerun, &QPushButton::clicked, this, [this] { startValidation(true); });
    connect(m_cancel, &QPushButton::clicked, this, &ValidationPanel::cancel);
    connect(m_tree, &QTreeWidget::itemClicked, this, &ValidationPanel::itemActivated);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { updateButtons(); });
    connect(m_fix, &QPushButton::clicked, this, [this] {
        QString error;
        if (currentIssueId() > 0 && !fixIssue(currentIssueId(), &error))
            QMessageBox::information(this, tr("Fix issue"), error);
    });
    connect(m_fixRule, &QPushButton::clicked, this, [this] {
        QString error;
        if (const auto r = currentRule(); r && !fixRule(*r, &error))
            QMessageBox::information(this, tr("Fix all of rule"), error);
    });
    connect(m_exception, &QPushButton::clicked, this, [this] {
        const int64_t id = currentIssueId();
        if (id <= 0)
            return;
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Mark as exception"), tr("Reason (kept with the issue):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            markException(id, note);
    });
    connect(m_export, &QPushButton::clicked, this, &ValidationPanel::exportDialog);
    updateButtons();
}

ValidationPanel::~ValidationPanel()
{
    // Running tasks are asked to stop; their results come back to a callback that checks this panel is gone.
    cancel();
    if (m_planTask)
        m_planTask->cancel();
}

void ValidationPanel::setDocument(Document *doc)
{
    if (m_doc == doc)
        return;
    cancel();
    if (m_doc) {
        m_doc->disconnect(this);
        m_doc->undoStack()->disconnect(this);
    }
    if (m_main && m_main->canvas())
        m_main->canvas()->setHighlight({});
    m_doc = doc;
    m_changed.clear();
    m_lastReport = {};
    if (m_doc) {
        connect(m_doc, &Document::parcelChanged, this, [this](int row) {
            if (m_doc && row >= 0 && row < m_doc->parcelCount())
                m_changed.insert(m_doc->parcel(row).id);
        });
        connect(m_doc, &Document::geometryChanged, this, [this](const QList<int> &rows) {
            for (int row : rows)
                if (m_doc && row >= 0 && row < m_doc->parcelCount())
                    m_changed.insert(m_doc->parcel(row).id);
        });
        // A retired or deleted parcel leaves its neighbours to re-check.
        connect(m_doc, &Document::rowsAboutToBeRemoved, this, [this](int first, int last) {
            for (int row = first; m_doc && row <= last && row < m_doc->parcelCount(); ++row)
                m_changed.insert(m_doc->parcel(row).id);
        });
        // Fixes, exceptions and their undo change validation_issue rows: re-read
        // the issues when one of those commands was done or undone (not on every edit).
        m_undoIndex = m_doc->undoStack()->index();
        connect(m_doc->undoStack(), &QUndoStack::indexChanged, this, [this](int idx) {
            QUndoStack *stack = m_doc->undoStack();
            bool mine = false;
            for (int i = std::min(idx, m_undoIndex); i < std::max(idx, m_undoIndex) && i < stack->count(); ++i)
                mine = mine || dynamic_cast<const ApplyFixCommand *>(stack->command(i)) ||
                       dynamic_cast<const IssueStatusCommand *>(stack->command(i));
            m_undoIndex = idx;
            if (mine)
                reloadIssues();
        });
    }
    reloadIssues();
}

std::vector<topology::Rule> ValidationPanel::chosenRules() const
{
    std::vector<topology::Rule> rules;
    for (int i = 1; i < m_rules->count(); ++i)
        if (m_rules->item(i)->checkState() == Qt::Checked)
            rules.push_back(topology::Rule(m_rules->item(i)->data(kRuleRole).toInt()));
    return rules;
}

void ValidationPanel::setChosenRules(const std::vector<topology::Rule> &rules)
{
    const QSignalBlocker block(m_rules);
    m_rules->item(0)->setCheckState(rules.empty() ? Qt::Checked : Qt::Unchecked);
    for (int i = 1; i < m_rules->count(); ++i) {
        const auto r = topology::Rule(m_rules->item(i)->data(kRuleRole).toInt());
        const bool on = rules.empty() || std::find(rules.begin(), rules.end(), r) != rules.end();
        m_rules->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

bool ValidationPanel::startValidation(bool incremental)
{
    if (!m_doc || m_task || !m_main)
        return false;
    topology::EngineOptions options;
    options.rules = chosenRules();
    if (options.rules.empty()) {
        m_status->setText(tr("Choose at least one rule."));
        return false;
    }
    if (int(options.rules.size()) == topology::kRuleCount)
        options.rules.clear();   // all
    if (incremental) {
        if (m_changed.isEmpty()) {
            m_status->setText(tr("No parcel has changed since the last validation."));
            return false;
        }
        options.incremental = true;
        options.changedIds.assign(m_changed.begin(), m_changed.end());
        std::sort(options.changedIds.begin(), options.changedIds.end());
    }
    // The job reads through its own connection opened by path (one handle per thread);
    // the report is stored on the GUI thread through the document's connection.
    QString refused;
    QPointer<ValidationPanel> self(this);
    QPointer<Document> doc(m_doc.data());
    gui::Task *task = m_main->tasks()->start<topology::ValidationReport>(
        {tr("Validating"), m_doc->path(), true},
        [options](gui::TaskContext &ctx) {
            topology::EngineOptions o = options;
            o.cancel = &ctx.cancelFlag();
            o.progress = [&ctx](double f, const std::string &) { ctx.setFraction(f); };
            return topology::validateProject(ctx.project(), o);
        },
        [self, doc](topology::ValidationReport &report, const gui::TaskOutcome &outcome) {
            if (self)
                self->runFinished(report, outcome.error, outcome.cancelled || report.cancelled, doc);
        },
        &refused);
    if (!task) {
        m_status->setText(refused);
        m_main->logMessage(tr("Validation not started: %1").arg(refused));
        return false;
    }
    m_task = task;
    m_running = m_changed;
    m_changed.clear();
    connect(task, &gui::Task::progressChanged, this, [this](int permille) { m_progress->setValue(std::max(0, permille)); });
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(incremental ? tr("Validating %n changed parcel(s) and their neighbours…", nullptr, int(m_running.size()))
                                  : tr("Validating…"));
    updateButtons();
    return true;
}

void ValidationPanel::cancel()
{
    if (m_task)
        m_task->cancel();
}

void ValidationPanel::runFinished(topology::ValidationReport &report, const QString &failure, bool cancelled, Document *doc)
{
    m_task = nullptr;
    m_progress->hide();
    if (!failure.isEmpty() || cancelled || !m_doc || doc != m_doc) {
        // Nothing was stored: the changes still wait for a run.
        if (doc == m_doc)
            m_changed.unite(m_running);
        m_status->setText(failure.isEmpty() ? tr("Validation cancelled.") : tr("Validation failed: %1").arg(failure));
        if (m_main && !failure.isEmpty())
            m_main->logMessage(m_status->text());
        m_lastReport.cancelled = cancelled || failure.isEmpty();
        updateButtons();
        emit validationFinished();
        return;
    }
    try {
        const topology::SaveResult saved = topology::saveReport(m_doc->project(), report);
        // Whole sentences, each with its own plural (never glued from pieces).
        const QString found = tr("%n issue(s) on %1 parcel(s) examined in %2 s.", nullptr, int(report.issues.size()))
                                  .arg(report.parcelsExamined)
                                  .arg(report.seconds, 0, 'f', 2);
        m_status->setText(saved.exceptions
                              ? tr("%1 %n of them accepted as exception(s).", nullptr, int(saved.exceptions)).arg(found)
                              : found);
    } catch (const std::exception &e) {
        m_status->setText(tr("The findings could not be stored: %1").arg(QString::fromUtf8(e.what())));
    }
    if (m_main)
        m_main->logMessage(tr("Validation: %1").arg(m_status->text()));
    m_lastReport = std::move(report);
    m_running.clear();
    reloadIssues();
    emit validationFinished();
}

void ValidationPanel::reloadIssues()
{
    m_issues.clear();
    if (m_doc) {
        try {
            store::Statement st(m_doc->project().db(),
                                "SELECT id, rule, severity, parcel_ids, parcel_uuids, coalesce(measure, 0), coalesce(unit, ''),"
                                " coalesce(message, ''), status, coalesce(detail, ''), geom"
                                " FROM validation_issue WHERE status IN ('pending', 'exception') ORDER BY rule, id");
            while (st.step()) {
                const auto rule = topology::ruleFromId(st.text(1));
                if (!rule)
                    continue;
                IssueRow row;
                row.id = st.int64(0);
                row.rule = *rule;
                row.severity = topology::severityFromId(st.text(2)).value_or(topology::Severity::Error);
                row.parcelIds = parseIds(st.text(3));
                row.parcelUuids = parseTexts(st.text(4));
                row.measure = st.real(5);
                row.unit = QString::fromStdString(st.text(6));
                row.message = QString::fromStdString(st.text(7));
                row.status = QString::fromStdString(st.text(8));
                row.detail = QString::fromStdString(st.text(9));
                {
                    // The checked reader, never SpatiaLite's parser: a damaged blob gives no shape.
                    const auto blob = st.blob(10);
                    row.wkb = store::wkbFromSpatialiteBlob(blob.data(), blob.size());
                }
                m_issues.push_back(std::move(row));
            }
        } catch (const std::exception &e) {
            m_status->setText(tr("Cannot read the issues: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    const int64_t current = currentIssueId();
    m_tree->clear();
    QTreeWidgetItem *currentItem = nullptr;
    for (const auto &info : topology::allRules()) {
        int pending = 0, exceptions = 0;
        QTreeWidgetItem *group = nullptr;
        for (const IssueRow &row : m_issues) {
            if (row.rule != info.rule)
                continue;
            if (!group) {
                group = new QTreeWidgetItem(m_tree);
                group->setData(0, kRuleRole, int(info.rule));
                group->setData(0, kIssueIdRole, qint64(0));
            }
            auto *item = new QTreeWidgetItem(group);
            const QString parcels = row.parcelIds.empty() ? QString()
                                                          : tr(" [parcel id %1]").arg([&] {
                                                                QStringList l;
                                                                for (int64_t id : row.parcelIds)
                                                                    l << QString::number(id);
                                                                return l.join(QStringLiteral(", "));
                                                            }());
            item->setText(0, row.message + parcels);
            const QString unit = row.unit == QLatin1String("m2")    ? QStringLiteral("m²")
                                 : row.unit == QLatin1String("deg") ? QStringLiteral("°")
                                                                    : row.unit;
            item->setText(1, unit.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(row.measure, 0, 'g', 4).arg(unit));
            item->setData(0, kIssueIdRole, qint64(row.id));
            item->setData(0, kRuleRole, int(row.rule));
            item->setToolTip(0, row.message);
            if (row.status == QLatin1String("exception")) {
                ++exceptions;
                QFont f = item->font(0);
                f.setItalic(true);
                item->setFont(0, f);
                item->setForeground(0, Qt::gray);
                item->setText(0, tr("[exception] %1").arg(item->text(0)));
            } else {
                ++pending;
            }
            if (row.id == current)
                currentItem = item;
        }
        if (!group)
            continue;
        group->setData(0, Qt::UserRole, pending);
        group->setText(0, QStringLiteral("%1 (%2)").arg(QString::fromUtf8(info.nameVi), QString::fromUtf8(info.id)));
        group->setText(1, exceptions ? tr("%1 + %n exception(s)", nullptr, exceptions).arg(pending) : QString::number(pending));
        group->setForeground(0, info.severity == topology::Severity::Error ? QColor(180, 0, 0) : QColor(170, 110, 0));
    }
    if (currentItem)
        m_tree->setCurrentItem(currentItem);
    updateButtons();
}

int ValidationPanel::pendingCount(topology::Rule rule) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *g = m_tree->topLevelItem(i);
        if (g->data(0, kRuleRole).toInt() == int(rule))
            return g->data(0, Qt::UserRole).toInt();
    }
    return 0;
}

const ValidationPanel::IssueRow *ValidationPanel::issue(int64_t id) const
{
    for (const auto &row : m_issues)
        if (row.id == id)
            return &row;
    return nullptr;
}

int64_t ValidationPanel::currentIssueId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kIssueIdRole).toLongLong() : 0;
}

std::optional<topology::Rule> ValidationPanel::currentRule() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return std::nullopt;
    return topology::Rule(item->data(0, kRuleRole).toInt());
}

void ValidationPanel::updateButtons()
{
    const bool running = bool(m_task) || bool(m_planTask);
    const bool open = bool(m_doc);
    m_run->setEnabled(open && !running);
    m_rerun->setEnabled(open && !running);
    m_cancel->setEnabled(running);
    const IssueRow *row = issue(currentIssueId());
    const auto rule = currentRule();
    m_fix->setEnabled(!running && row && row->status == QLatin1String("pending") && topology::isFixable(row->rule));
    m_fixRule->setEnabled(!running && rule && topology::isFixable(*rule) && pendingCount(*rule) > 0);
    m_exception->setEnabled(!running && row && row->status == QLatin1String("pending"));
    m_export->setEnabled(open && !m_issues.empty());
}

void ValidationPanel::itemActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int64_t id = item->data(0, kIssueIdRole).toLongLong();
    if (id > 0)
        showIssue(id);
}

void ValidationPanel::showIssue(int64_t issueId)
{
    const IssueRow *row = issue(issueId);
    if (!row || !m_doc || !m_main)
        return;
    QSet<int> rows;
    QRectF box;
    bool haveBox = false;   // QRectF::isNull is true for a point's box
    auto add = [&](const QRectF &b) {
        box = haveBox ? box.united(b) : b;
        haveBox = true;
    };
    for (int64_t id : row->parcelIds) {
        const int r = m_doc->rowOfId(id);
        if (r < 0)
            continue;
        rows.insert(r);
        add(m_doc->geometry()->bbox(size_t(r)));
    }
    QRectF where;
    const QPainterPath path = wkbPath(row->wkb, &where);
    if (!path.isEmpty())
        add(where);
    m_doc->setSelection(rows);
    gui::MapCanvas *canvas = m_main->canvas();
    canvas->setHighlight(path);
    if (haveBox) {
        const QSizeF size = canvas->size();
        const double span = std::max({box.width() / std::max(1.0, size.width()), box.height() / std::max(1.0, size.height()),
                                      0.02});   // at least 2 cm a pixel: a point issue still shows its surroundings
        canvas->setView(box.center(), span * 1.6);
    }
}

bool ValidationPanel::planAndPush(topology::Rule rule, std::set<int64_t> keep, const QString &text, int64_t issueId,
                                  QString *error)
{
    if (m_planTask || !m_main) {
        if (error)
            *error = tr("A fix is already being planned; wait until it has finished.");
        return false;
    }
    // Planning reads every live parcel: a task with its own read-only connection,
    // the window usable meanwhile. Cancel drops the plan (nothing is changed).
    QString refused;
    QPointer<ValidationPanel> self(this);
    QPointer<Document> doc(m_doc.data());
    gui::Task *task = m_main->tasks()->start<topology::FixPlan>(
        {tr("Planning %1").arg(text), m_doc->path(), false},
        [rule](gui::TaskContext &ctx) { return topology::planFix(ctx.project(), rule); },
        [self, doc, keep = std::move(keep), text, issueId](topology::FixPlan &plan, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            self->m_planTask = nullptr;
            QString why;
            bool ok = false;
            if (outcome.cancelled)
                why = tr("The fix was cancelled; nothing was changed.");
            else if (!outcome.error.isEmpty())
                why = outcome.error;
            else if (!self->m_doc || doc != self->m_doc)
                why = tr("The project was closed while the fix was planned.");
            else {
                if (!keep.empty()) {
                    std::vector<topology::GeometryEdit> kept;
                    for (auto &e : plan.edits)
                        if (keep.count(e.parcelId))
                            kept.push_back(std::move(e));
                    plan.edits = std::move(kept);
                }
                ok = self->pushFix(std::move(plan), text, issueId, &why);
            }
            if (!ok) {
                self->m_status->setText(why);
                if (self->m_main)
                    self->m_main->logMessage(tr("%1: %2").arg(text, why));
            }
            self->updateButtons();
            emit self->fixFinished(ok, why);
        },
        &refused);
    if (!task) {
        if (error)
            *error = refused;
        return false;
    }
    m_planTask = task;
    m_status->setText(tr("Planning %1…").arg(text));
    updateButtons();
    return true;
}

bool ValidationPanel::pushFix(topology::FixPlan plan, const QString &text, int64_t issueId, QString *error)
{
    if (plan.edits.empty()) {
        if (error) {
            QStringList why;
            for (const auto &s : plan.skipped)
                why << QString::fromStdString(s);
            *error = why.isEmpty() ? tr("Nothing to change: the automatic fix finds no edit for this.")
                                   : tr("Not fixed automatically: %1").arg(why.join(QStringLiteral("; ")));
        }
        return false;
    }
    // Not kept on the undo stack when the database refuses the fix; @p error says why.
    return m_doc->pushChecked(new ApplyFixCommand(m_doc, std::move(plan), issueId, text), error);
}

bool ValidationPanel::fixIssue(int64_t issueId, QString *error)
{
    const IssueRow *row = issue(issueId);
    if (!m_doc || !row || !topology::isFixable(row->rule)) {
        if (error)
            *error = tr("This issue has no automatic fix.");
        return false;
    }
    // The rule's fix restricted to the parcels of this issue.
    std::set<int64_t> mine(row->parcelIds.begin(), row->parcelIds.end());
    if (mine.empty())
        mine.insert(-1);   // keeps nothing rather than everything
    return planAndPush(row->rule, std::move(mine),
                       tr("Fix %1 (parcel id %2)")
                           .arg(QString::fromUtf8(topology::ruleId(row->rule)))
                           .arg(row->parcelIds.empty() ? 0 : row->parcelIds.front()),
                       issueId, error);
}

bool ValidationPanel::fixRule(topology::Rule rule, QString *error)
{
    if (!m_doc || !topology::isFixable(rule)) {
        if (error)
            *error = tr("This rule has no automatic fix.");
        return false;
    }
    return planAndPush(rule, {}, tr("Fix all %1").arg(QString::fromUtf8(topology::ruleId(rule))), 0, error);
}

bool ValidationPanel::markException(int64_t issueId, const QString &note)
{
    const IssueRow *row = issue(issueId);
    if (!m_doc || !row || row->status == QLatin1String("exception"))
        return false;
    return m_doc->pushChecked(new IssueStatusCommand(m_doc, issueId, row->status, QStringLiteral("exception"), note,
                                                    tr("Mark issue %1 as exception").arg(issueId)));
}

bool ValidationPanel::exportIssues(const QString &path, QString *error)
{
    if (!m_doc)
        return false;
    topology::ValidationReport report;
    std::set<topology::Rule> rules;
    for (const IssueRow &row : m_issues) {
        if (row.status != QLatin1String("pending"))
            continue;
        topology::Issue i;
        i.rule = row.rule;
        i.severity = row.severity;
        i.parcelIds = row.parcelIds;
        i.parcelUuids = row.parcelUuids;
        i.geometryWkb = row.wkb;
        i.measure = row.measure;
        i.message = row.message.toStdString();
        i.detail = row.detail.toStdString();
        report.issues.push_back(std::move(i));
        rules.insert(row.rule);
    }
    report.rulesRun.assign(rules.begin(), rules.end());
    report.parcelsExamined = m_lastReport.parcelsExamined;
    topology::ExportOptions ex;
    ex.epsg = m_doc->epsg();
    ex.projectPath = m_doc->path().toStdString();
    std::string err;
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("csv"))
        ok = topology::writeCsv(path.toStdString(), report, ex, &err);
    else if (suffix == QLatin1String("json"))
        ok = topology::writeJson(path.toStdString(), report, ex, &err);
    else
        ok = topology::writeGeoJson(path.toStdString(), report, ex, &err);
    if (!ok && error)
        *error = QString::fromStdString(err);
    return ok;
}

void ValidationPanel::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export issues"), QString(),
                                                      tr("GeoJSON (*.geojson);;CSV (*.csv);;JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !exportIssues(path, &error))
        QMessageBox::warning(this, tr("Export issues"), error);
}

} // namespace vnland::app
