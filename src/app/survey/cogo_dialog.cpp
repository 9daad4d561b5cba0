// COGO traverse dialog: input widgets -> survey::Traverse -> adjustTraverse, live.
#include "survey/cogo_dialog.h"

#include "survey/survey_import.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vnland::app {

namespace {

/// A coordinate or distance typed with a decimal point or comma; nothing when empty or unreadable.
std::optional<double> readNumber(const QString &text, bool *empty = nullptr)
{
    QString t = text.trimmed();
    if (empty)
        *empty = t.isEmpty();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

QString cell(const QTableWidget *t, int r, int c)
{
    const QTableWidgetItem *item = t->item(r, c);
    return item ? item->text().trimmed() : QString();
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

CogoDialog::CogoDialog(store::Project &project, QWidget *parent) : QDialog(parent), m_project(project)
{
    setObjectName(QStringLiteral("cogoDialog"));
    setWindowTitle(tr("COGO traverse"));
    resize(760, 620);

    m_startName = new QLineEdit(QStringLiteral("A"), this);
    m_startNorth = new QLineEdit(this);
    m_startEast = new QLineEdit(this);
    m_startNorth->setPlaceholderText(tr("X (north), m"));
    m_startEast->setPlaceholderText(tr("Y (east), m"));
    auto *start = new QGroupBox(tr("Start point"), this);
    auto *sl = new QHBoxLayout(start);
    sl->addWidget(new QLabel(tr("Name:"), start));
    sl->addWidget(m_startName);
    sl->addWidget(new QLabel(tr("X (north):"), start));
    sl->addWidget(m_startNorth, 1);
    sl->addWidget(new QLabel(tr("Y (east):"), start));
    sl->addWidget(m_startEast, 1);

    m_legs = new QTableWidget(4, 3, this);
    m_legs->setObjectName(QStringLiteral("cogoLegs"));
    m_legs->setHorizontalHeaderLabels({tr("Point"), tr("Bearing (azimuth, DMS)"), tr("Distance (m)")});
    m_legs->horizontalHeader()->setStretchLastSection(true);
    m_legs->setColumnWidth(ColPoint, 110);
    m_legs->setColumnWidth(ColBearing, 200);
    m_legs->setToolTip(tr("Azimuth from grid north, clockwise: 26-10-00, 26°10'00\", 26.1667 or N26-10-00E"));
    auto *addLegButton = new QPushButton(tr("Add leg"), this);
    auto *removeLegButton = new QPushButton(tr("Remove leg"), this);
    auto *legButtons = new QHBoxLayout;
    legButtons->addWidget(addLegButton);
    legButtons->addWidget(removeLegButton);
    legButtons->addStretch(1);

    m_closing = new QComboBox(this);
    m_closing->addItem(tr("Open traverse (no closing point)"), OpenTraverse);
    m_closing->addItem(tr("Closes on the start point (loop)"), CloseOnStart);
    m_closing->addItem(tr("Closes on a known point"), CloseOnKnownPoint);
    m_closeName = new QLineEdit(this);
    m_closeNorth = new QLineEdit(this);
    m_closeEast = new QLineEdit(this);
    m_closeNorth->setPlaceholderText(tr("X (north), m"));
    m_closeEast->setPlaceholderText(tr("Y (east), m"));
    auto *close = new QGroupBox(tr("Closing point"), this);
    auto *cl = new QHBoxLayout(close);
    cl->addWidget(m_closing);
    cl->addWidget(new QLabel(tr("Name:"), close));
    cl->addWidget(m_closeName);
    cl->addWidget(new QLabel(tr("X (north):"), close));
    cl->addWidget(m_closeNorth, 1);
    cl->addWidget(new QLabel(tr("Y (east):"), close));
    cl->addWidget(m_closeEast, 1);

    m_misclose = new QLabel(this);
    m_misclose->setObjectName(QStringLiteral("cogoMisclose"));
    m_misclose->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ratio = new QLabel(this);
    m_ratio->setObjectName(QStringLiteral("cogoRatio"));
    m_points = new QTableWidget(0, 3, this);
    m_points->setObjectName(QStringLiteral("cogoPoints"));
    m_points->setHorizontalHeaderLabels({tr("Point"), tr("X (north)"), tr("Y (east)")});
    m_points->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_points->horizontalHeader()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cogoStatus"));
    m_status->setWordWrap(true);
    m_store = new QPushButton(tr("Store points in the project"), this);
    m_store->setObjectName(QStringLiteral("cogoStore"));

    auto *results = new QGroupBox(tr("Result (compass-rule adjusted)"), this);
    auto *rl = new QVBoxLayout(results);
    auto *mr = new QFormLayout;
    mr->addRow(tr("Misclose:"), m_misclose);
    mr->addRow(tr("Relative misclose:"), m_ratio);
    rl->addLayout(mr);
    rl->addWidget(m_points, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_store, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(start);
    layout->addWidget(new QLabel(tr("Legs:"), this));
    layout->addWidget(m_legs, 1);
    layout->addLayout(legButtons);
    layout->addWidget(close);
    layout->addWidget(results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    for (QLineEdit *e : {m_startName, m_startNorth, m_startEast, m_closeName, m_closeNorth, m_closeEast})
        connect(e, &QLineEdit::textChanged, this, &CogoDialog::recompute);
    connect(m_legs, &QTableWidget::cellChanged, this, &CogoDialog::recompute);
    connect(m_closing, &QComboBox::currentIndexChanged, this, &CogoDialog::recompute);
    connect(addLegButton, &QPushButton::clicked, this, &CogoDialog::addLeg);
    connect(removeLegButton, &QPushButton::clicked, this, &CogoDialog::removeLeg);
    connect(m_store, &QPushButton::clicked, this, &CogoDialog::storePoints);
    recompute();
}

std::optional<survey::Traverse> CogoDialog::traverse(QString *error) const
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    survey::Traverse t;
    t.startName = m_startName->text().trimmed().toStdString();
    if (t.startName.empty())
        t.startName = "A";
    const auto sn = readNumber(m_startNorth->text()), se = readNumber(m_startEast->text());
    if (!sn || !se)
        return fail(tr("Enter the start point's X (north) and Y (east)."));
    t.startNorth = *sn;
    t.startEast = *se;

    const auto closing = Closing(m_closing->currentData().toInt());
    if (closing == CloseOnStart) {
        t.closes = true;
        t.closeName = t.startName;
        t.closeNorth = t.startNorth;
        t.closeEast = t.startEast;
    } else if (closing == CloseOnKnownPoint) {
        const auto cn = readNumber(m_closeNorth->text()), ce = readNumber(m_closeEast->text());
        if (!cn || !ce)
            return fail(tr("Enter the closing point's X (north) and Y (east)."));
        t.closes = true;
        t.closeName = m_closeName->text().trimmed().toStdString();
        if (t.closeName.empty())
            t.closeName = "B";
        t.closeNorth = *cn;
        t.closeEast = *ce;
    }

    int lastFilled = -1;
    for (int r = 0; r < m_legs->rowCount(); ++r)
        if (!cell(m_legs, r, ColBearing).isEmpty() || !cell(m_legs, r, ColDistance).isEmpty())
            lastFilled = r;
    for (int r = 0; r <= lastFilled; ++r) {
        const QString b = cell(m_legs, r, ColBearing), d = cell(m_legs, r, ColDistance);
        if (b.isEmpty() && d.isEmpty())
            continue;   // a blank row between legs
        const auto az = survey::parseBearing(b.toStdString());
        if (!az)
            return fail(tr("Leg %1: the bearing '%2' is not readable (e.g. 26-10-00).").arg(r + 1).arg(b));
        const auto dist = readNumber(d);
        if (!dist || *dist <= 0)
            return fail(tr("Leg %1: the distance '%2' is not a positive number.").arg(r + 1).arg(d));
        survey::TraverseLeg leg;
        leg.to = cell(m_legs, r, ColPoint).toStdString();
        if (leg.to.empty())
            leg.to = r == lastFilled && t.closes ? t.closeName : "T" + std::to_string(r + 1);
        leg.azimuthDeg = *az;
        leg.distance = *dist;
        leg.line = r + 1;
        t.legs.push_back(std::move(leg));
    }
    if (t.legs.empty())
        return fail(tr("Enter at least one leg (bearing and distance)."));
    return t;
}

void CogoDialog::recompute()
{
    const auto closing = Closing(m_closing->currentData().toInt());
    for (QLineEdit *e : {m_closeName, m_closeNorth, m_closeEast})
        e->setEnabled(closing == CloseOnKnownPoint);
    QString error;
    const auto t = traverse(&error);
    m_result.reset();
    m_points->setRowCount(0);
    if (!t) {
        m_misclose->setText(QStringLiteral("—"));
        m_ratio->setText(QStringLiteral("—"));
        m_status->setText(error);
        m_store->setEnabled(false);
        return;
    }
    m_result = survey::adjustTraverse(*t);
    const survey::TraverseResult &r = *m_result;
    if (r.closes) {
        m_misclose->setText(tr("f = %1 m (fX = %2 m, fY = %3 m), length %4 m")
                                .arg(fixed(r.miscloseDistance, 4), fixed(r.miscloseNorth, 4), fixed(r.miscloseEast, 4),
                                     fixed(r.totalLength, 3)));
        m_ratio->setText(r.ratio > 0 ? QStringLiteral("1:%1").arg(qRound64(r.ratio)) : tr("exact (no misclose)"));
    } else {
        m_misclose->setText(tr("open traverse, no misclose (length %1 m)").arg(fixed(r.totalLength, 3)));
        m_ratio->setText(QStringLiteral("—"));
    }
    m_points->setRowCount(int(r.adjusted.size()));
    for (int i = 0; i < int(r.adjusted.size()); ++i) {
        const survey::SurveyPoint &p = r.adjusted[size_t(i)];
        const QString texts[] = {QString::fromStdString(p.name), fixed(p.north, 3), fixed(p.east, 3)};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(texts[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_points->setItem(i, c, item);
        }
    }
    m_status->setText(tr("%n leg(s).", nullptr, int(t->legs.size())));
    m_store->setEnabled(true);
}

void CogoDialog::addLeg()
{
    m_legs->insertRow(m_legs->rowCount());
}

void CogoDialog::removeLeg()
{
    const int r = m_legs->currentRow() >= 0 ? m_legs->currentRow() : m_legs->rowCount() - 1;
    if (r >= 0)
        m_legs->removeRow(r);
    recompute();
}

bool CogoDialog::storePoints()
{
    if (!m_result)
        return false;
    const survey::TraverseResult &r = *m_result;
    survey::SurveyData data;
    data.format = "cogo";
    data.layout = r.closes ? "traverse, compass-rule adjusted" : "open traverse";
    data.points = r.adjusted;
    // A loop closes on its start: store that point once (as `vnland cogo` does).
    if (r.closes && data.points.size() > 1 && data.points.back().name == data.points.front().name)
        data.points.pop_back();
    data.lines = r.lines;
    survey::SurveyImportResult result;
    try {
        result = survey::storeSurvey(m_project, "COGO (editor)", std::move(data), {});
    } catch (const std::exception &e) {
        result.ok = false;
        result.error = e.what();
    }
    if (!result.ok) {
        m_status->setText(tr("Nothing was stored: %1").arg(QString::fromStdString(result.error)));
        return false;
    }
    const int points = int(result.report.pointsImported), lines = int(result.report.linesImported);
    m_status->setText(tr("Stored %1 point(s) and %2 leg(s) in the project.").arg(points).arg(lines));
    emit stored(points, lines);
    return true;
}

} // namespace vnland::app
