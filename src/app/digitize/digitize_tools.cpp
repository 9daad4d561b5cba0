// Digitizing tools: event handling, snapping marker and sketch drawing.
#include "digitize/digitize_tools.h"
#include "digitize/scan_faces.h"
#include "review/candidate_review.h"
#include "vectorize/sheet_faces.h"

#include "document/document.h"
#include "gui/map_canvas.h"
#include "digitize/parcel_edits.h"

#include "edit/edit_ops.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <set>

namespace vnland::app {

DigitizeTools::DigitizeTools(gui::MapCanvas *canvas) : gui::MapTool(canvas), m_canvas(canvas)
{
    m_input = new QLineEdit(canvas);
    m_input->setObjectName(QStringLiteral("typedVertexInput"));
    m_input->setPlaceholderText(tr("Next vertex: distance < bearing (12.5 < 123°45'30\") or X Y"));
    m_input->setToolTip(tr("Distance in metres and bearing from grid north in degrees-minutes-seconds, "
                           "measured from the last vertex; or the coordinates X (north) Y (east). Enter adds the vertex."));
    m_input->setMinimumWidth(320);
    m_input->hide();
    // Enter in the box adds the vertex; it must not reach the canvas (where it finishes the sketch).
    m_input->installEventFilter(this);
}

bool DigitizeTools::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto *k = static_cast<QKeyEvent *>(event);
        if (k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) {
            QString error;
            if (addTypedVertex(m_input->text(), &error))
                m_input->clear();
            else
                emit notice(error);
            return true;
        }
        if (k->key() == Qt::Key_Escape) {
            m_input->clear();
            m_canvas->setFocus();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

double DigitizeTools::tolWorld() const { return m_tolPx * m_canvas->view().mpp; }

QString DigitizeTools::modeName() const
{
    return m_mode == Mode::Split ? QStringLiteral("split") : QStringLiteral("add");
}

void DigitizeTools::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    if (!m_sketch.empty())
        cancelSketch();
    m_mode = mode;
    m_dragging = m_pressed = m_hasVertex = false;
    m_snap = {};
    placeInput();
    m_input->setVisible(mode == Mode::AddParcel || mode == Mode::Split);
    if (mode != Mode::None && m_canvas->tool() != gui::MapCanvas::Tool::Edit)
        m_canvas->setTool(gui::MapCanvas::Tool::Edit);
    m_canvas->update();
    emit modeChanged(mode);
}

void DigitizeTools::placeInput()
{
    m_input->adjustSize();
    m_input->move(8, m_canvas->height() - m_input->height() - 8);
}

void DigitizeTools::setDocument(Document *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (m_scanFaces)
        m_scanFaces->clear();   // the areas belong to the scans of the project that closed
    m_sketch.clear();
    m_hasVertex = m_dragging = m_pressed = false;
    m_snap = {};
    if (Document *d = m_doc)
        connect(d, &Document::sketchChanged, this, &DigitizeTools::adoptJournalSketch);
}

void DigitizeTools::adoptJournalSketch()
{
    // A sketch restored from the crash journal: continue drawing it.
    Document *d = doc();
    if (!d || d->sketch() == m_sketch || d->sketch().empty())
        return;
    const QString tool = d->sketchTool();
    setMode(tool == QStringLiteral("split") ? Mode::Split : Mode::AddParcel);
    m_sketch = d->sketch();
    m_canvas->update();
}

void DigitizeTools::sketchChanged()
{
    if (Document *d = doc())
        d->setSketch(modeName(), m_sketch);
    m_canvas->update();
}

QPointF DigitizeTools::snapped(const QPointF &screen, int64_t exclude)
{
    const QPointF w = m_canvas->screenToWorld(screen);
    m_snap = {};
    if (doc() && m_snapFlags && doc()->snapIndexReady())
        m_snap = doc()->snapIndex().snap(toXY(w), tolWorld(), m_snapFlags, exclude);
    return m_snap.found() ? toQ(m_snap.point) : w;
}

void DigitizeTools::addVertex(const QPointF &world)
{
    if (!m_sketch.empty()) {
        const QPointF last = m_canvas->worldToScreen(m_sketch.back());
        if (QLineF(last, m_canvas->worldToScreen(world)).length() < 1.0)
            return;   // the second click of a double-click
    }
    if (tracing() && !m_sketch.empty() && (m_mode == Mode::AddParcel || m_mode == Mode::Split)) {
        QString error;
        const auto path = tracePath(*doc(), m_sketch.back(), world, tolWorld(), &error);
        if (path.size() >= 2) {
            m_sketch.insert(m_sketch.end(), path.begin() + 1, path.end());
            sketchChanged();
            return;
        }
        emit notice(tr("Tracing: %1").arg(error));
    }
    m_sketch.push_back(world);
    sketchChanged();
}

void DigitizeTools::cancelSketch()
{
    m_sketch.clear();
    sketchChanged();
}

void DigitizeTools::removeLastVertex()
{
    if (m_sketch.empty())
        return;
    m_sketch.pop_back();
    sketchChanged();
}

void DigitizeTools::report(const EditOutcome &out, const QString &done)
{
    QStringList lines = out.notices;
    if (!out.ok)
        lines.prepend(out.error);
    else if (lines.isEmpty() && !done.isEmpty())
        lines << done;
    for (const QString &l : lines) {
        emit notice(l);
        if (doc())
            emit doc()->message(l);
    }
}

bool DigitizeTools::finishSketch()
{
    if (!doc() || m_sketch.empty())
        return false;
    EditOutcome out;
    if (m_mode == Mode::AddParcel)
        out = addParcel(*doc(), m_sketch, tolWorld());
    else if (m_mode == Mode::Split)
        out = splitParcel(*doc(), -1, m_sketch);
    else
        return false;
    if (out.ok) {
        report(out, m_mode == Mode::AddParcel ? tr("Parcel added") : tr("Parcel split into %n parcel(s)", nullptr, int(out.created.size())));
        m_sketch.clear();
        sketchChanged();
        doc()->selectIds(out.created);
    } else {
        report(out, {});
    }
    return out.ok;
}

bool DigitizeTools::addTypedVertex(const QString &text, QString *error)
{
    if (m_mode != Mode::AddParcel && m_mode != Mode::Split) {
        if (error)
            *error = tr("Choose the add-parcel or split tool first");
        return false;
    }
    std::string err;
    const int lt = text.indexOf(QLatin1Char('<'));
    if (lt >= 0) {
        if (m_sketch.empty()) {
            if (error)
                *error = tr("Distance and bearing need a first vertex: click it or type X Y");
            return false;
        }
        const auto dist = edit::parseDistance(text.left(lt).trimmed().toStdString(), &err);
        const auto bearing = dist ? edit::parseBearing(text.mid(lt + 1).trimmed().toStdString(), &err) : std::nullopt;
        if (!dist || !bearing) {
            if (error)
                *error = QString::fromStdString(err);
            return false;
        }
        addVertex(toQ(edit::polarPoint(toXY(m_sketch.back()), *dist, *bearing)));
        return true;
    }
    const auto xy = edit::parseXY(text.trimmed().toStdString(), &err);
    if (!xy) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    addVertex(toQ(*xy));
    return true;
}

void DigitizeTools::mergeSelected(QWidget *dialogParent)
{
    Document *d = doc();
    if (!d)
        return;
    const auto ids = d->selectedIds();
    if (ids.size() < 2) {
        report(EditOutcome{false, tr("Select at least two adjacent parcels to merge"), {}, {}}, {});
        return;
    }
    QDialog dlg(dialogParent);
    dlg.setObjectName(QStringLiteral("mergeDialog"));
    dlg.setWindowTitle(tr("Merge parcels"));
    auto *form = new QFormLayout(&dlg);
    form->addRow(new QLabel(tr("%n parcel(s) become one; the old ones go into history.", nullptr, int(ids.size()))));
    auto *combo = new QComboBox(&dlg);
    combo->setObjectName(QStringLiteral("mergeKeepCombo"));
    for (int64_t id : ids) {
        const model::Parcel &p = d->parcel(d->rowOfId(id));
        combo->addItem(tr("Sheet %1, parcel %2 — %3 %4")
                           .arg(p.toSo.value_or(0))
                           .arg(p.thuaSo.value_or(0))
                           .arg(QString::fromStdString(p.landuseCode), QString::fromStdString(p.ownerName)),
                       QVariant::fromValue<qint64>(id));
    }
    form->addRow(tr("Keep the attributes of"), combo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    connect(buttons, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    form->addRow(buttons);
    if (dlg.exec() != QDialog::Accepted)
        return;
    const EditOutcome out = mergeParcels(*d, ids, combo->currentData().toLongLong());
    report(out, tr("Parcels merged"));
    if (out.ok)
        d->selectIds(out.created);
}

void DigitizeTools::deleteSelected()
{
    if (!doc())
        return;
    report(deleteParcels(*doc(), doc()->selectedIds()), tr("Parcels moved into history"));
}

void DigitizeTools::renumberSheet()
{
    Document *d = doc();
    if (!d)
        return;
    std::optional<SheetRef> sheet;
    const auto sel = d->selectedIds();
    if (!sel.empty()) {
        const model::Parcel &p = d->parcel(d->rowOfId(sel.front()));
        if (p.toSo)
            sheet = SheetRef{p.communeCode, *p.toSo};
    }
    if (!sheet)
        sheet = sheetAt(*d, m_canvas->view().center);
    if (!sheet) {
        report(EditOutcome{false, tr("Select a parcel of the sheet to renumber"), {}, {}}, {});
        return;
    }
    report(app::renumberSheet(*d, *sheet), {});
}

bool DigitizeTools::mousePress(QMouseEvent *e)
{
    if (m_mode == Mode::None || e->button() != Qt::LeftButton || !doc())
        return false;
    m_pressed = true;
    m_pressScreen = e->position().toPoint();
    if (m_mode == Mode::Vertex) {
        const auto refs = doc()->snapIndex().verticesAt(toXY(m_canvas->screenToWorld(e->position())), tolWorld());
        m_dragging = false;
        if (!refs.empty()) {
            m_dragFrom = toQ(refs.front().point);
            m_hasVertex = true;
            m_vertex = m_dragFrom;
        } else {
            m_hasVertex = false;
        }
        m_canvas->update();
    }
    return true;
}

bool DigitizeTools::mouseMove(QMouseEvent *e)
{
    if (m_mode == Mode::None || !doc())
        return false;
    if (m_mode == Mode::Vertex && m_pressed && m_hasVertex
        && (e->position().toPoint() - m_pressScreen).manhattanLength() >= 3)
        m_dragging = true;
    m_cursor = snapped(e->position());
    // While dragging a vertex, its own position is not a snap target.
    if (m_dragging && m_snap.found() && toQ(m_snap.point) == m_dragFrom) {
        m_snap = {};
        m_cursor = m_canvas->screenToWorld(e->position());
    }
    m_hasCursor = true;
    m_canvas->update();
    return m_pressed || m_mode != Mode::Vertex;
}

bool DigitizeTools::mouseRelease(QMouseEvent *e)
{
    if (m_mode == Mode::None || e->button() != Qt::LeftButton || !doc() || !m_pressed)
        return false;
    m_pressed = false;
    if (m_mode == Mode::Vertex) {
        if (m_dragging) {
            m_dragging = false;
            QPointF to = snapped(e->position());
            if (m_snap.found() && to == m_dragFrom)
                to = m_canvas->screenToWorld(e->position());
            const EditOutcome out = moveVertex(*doc(), m_dragFrom, to, 1e-6);
            report(out, {});
            if (out.ok)
                m_vertex = to;
        }
        m_canvas->update();
        return true;
    }
    if (m_mode == Mode::Fill) {
        QString why;
        if (!fillAt(m_canvas->screenToWorld(e->position()), &why) && !why.isEmpty())
            report(EditOutcome{false, why, {}, {}}, {});
        return true;
    }
    addVertex(snapped(e->position()));
    return true;
}

bool DigitizeTools::fillAt(const QPointF &world, QString *why)
{
    auto fail = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!doc())
        return fail(tr("Open a project first"));
    if (!m_scanFaces)
        return fail(tr("Fill parcel needs a scan layer"));
    QString reason;
    const auto faces = m_scanFaces->facesAt(world, &reason);
    if (!faces)
        return fail(reason);
    const int f = faces->faceAt(world.x(), world.y());
    if (f < 0)
        return fail(tr("No enclosed area of the scan here (on a line, or outside the sheet frame)"));
    const vectorize::Candidate &c = faces->candidate(size_t(f));
    const edit::MultiPoly &mp = faces->polygon(size_t(f));
    if (mp.empty() || mp.front().rings.empty())
        return fail(tr("No enclosed area of the scan here (on a line, or outside the sheet frame)"));
    std::vector<QPointF> ring;
    for (const edit::XY &q : mp.front().rings.front())
        ring.push_back(toQ(q));
    LabelAttributes label;
    label.thuaSo = c.thuaSo;
    label.landuseCode = c.landuseCode;
    label.legalArea = c.labelArea;
    label.printedUpTo = faces->highestNumber();
    // Neighbours read from the same scan share its vertices exactly; others (drawn by
    // hand, imported) are met within 0.2 mm on paper, not within the screen's snapping
    // distance, which at sheet extent would pull the face metres off its line.
    EditOutcome out = addParcel(*doc(), ring, std::min(tolWorld(), faces->snapTolerance()), label, tr("Fill parcel"));
    if (!out.ok)
        return fail(out.error);
    // What the label check found stays visible: the reasons a person should look.
    QStringList reasons;
    for (const std::string &r : c.review)
        reasons << reasonText(QString::fromStdString(r));
    if (!reasons.isEmpty())
        out.notices << tr("Check the filled parcel: %1").arg(reasons.join(QStringLiteral("; ")));
    report(out, tr("Parcel filled from the scan"));
    doc()->selectIds(out.created);
    return true;
}

bool DigitizeTools::mouseDoubleClick(QMouseEvent *e)
{
    if (m_mode == Mode::None || e->button() != Qt::LeftButton || !doc())
        return false;
    if (m_mode == Mode::Vertex) {
        // Double-click on an edge: a new vertex there, in every parcel sharing the edge.
        const QPointF w = m_canvas->screenToWorld(e->position());
        const auto segs = doc()->snapIndex().segmentsAt(toXY(w), tolWorld());
        if (segs.empty()) {
            emit notice(tr("Double-click on a parcel edge to add a vertex"));
            return true;
        }
        const EditOutcome out = insertVertex(*doc(), toQ(segs.front().point), 1e-6);
        report(out, {});
        if (out.ok) {
            m_hasVertex = true;
            m_vertex = toQ(segs.front().point);
        }
        m_canvas->update();
        return true;
    }
    m_pressed = false;
    finishSketch();
    return true;
}

bool DigitizeTools::keyPress(QKeyEvent *e)
{
    if (m_mode == Mode::None || !doc())
        return false;
    switch (e->key()) {
    case Qt::Key_T:
        if (!e->isAutoRepeat())
            m_traceKey = true;
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_mode == Mode::Vertex)
            return false;
        finishSketch();
        return true;
    case Qt::Key_Escape:
        if (m_sketch.empty() && !m_hasVertex)
            return false;   // the canvas clears the selection
        cancelSketch();
        m_hasVertex = false;
        m_canvas->update();
        return true;
    case Qt::Key_Backspace:
        if (m_mode == Mode::Vertex)
            return false;
        removeLastVertex();
        return true;
    case Qt::Key_Delete:
        if (m_mode == Mode::Vertex && m_hasVertex) {
            const EditOutcome out = deleteVertex(*doc(), m_vertex, 1e-6);
            report(out, {});
            if (out.ok)
                m_hasVertex = false;
            m_canvas->update();
            return true;
        }
        return false;
    default: return false;
    }
}

bool DigitizeTools::keyRelease(QKeyEvent *e)
{
    if (e->key() == Qt::Key_T && !e->isAutoRepeat()) {
        m_traceKey = false;
        return true;
    }
    return false;
}

void DigitizeTools::paint(QPainter &p)
{
    if (m_mode == Mode::None)
        return;
    p.setRenderHint(QPainter::Antialiasing);
    // Vertex drag preview: every parcel sharing the vertex, with it moved.
    if (m_mode == Mode::Vertex && doc()) {
        if (m_dragging && m_hasCursor) {
            p.setPen(QPen(QColor(255, 120, 0), 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            std::set<int64_t> ids;
            for (const auto &v : doc()->snapIndex().verticesAt(toXY(m_dragFrom), 1e-6))
                ids.insert(v.parcelId);
            for (int64_t id : ids)
                if (const auto *mp = doc()->snapIndex().parcel(id))
                    for (const auto &poly : *mp)
                        for (const auto &ring : poly.rings) {
                            QPolygonF scr;
                            for (const auto &v : ring)
                                scr << m_canvas->worldToScreen(toQ(v) == m_dragFrom ? m_cursor : toQ(v));
                            p.drawPolygon(scr);
                        }
        }
        if (m_hasVertex) {
            const QPointF s = m_canvas->worldToScreen(m_dragging ? m_cursor : m_vertex);
            p.setPen(QPen(QColor(200, 0, 0), 2));
            p.setBrush(QColor(255, 255, 255));
            p.drawRect(QRectF(s - QPointF(4, 4), QSizeF(8, 8)));
        }
    }
    // The sketch: placed vertices, the rubber line to the cursor.
    if (!m_sketch.empty()) {
        QPolygonF scr;
        for (const QPointF &w : m_sketch)
            scr << m_canvas->worldToScreen(w);
        if (m_hasCursor)
            scr << m_canvas->worldToScreen(m_cursor);
        if (m_mode == Mode::AddParcel && scr.size() >= 3) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0, 160, 255, 50));
            p.drawPolygon(scr);
        }
        p.setPen(QPen(QColor(0, 100, 230), 2));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(scr);
        if (m_mode == Mode::AddParcel && scr.size() >= 3) {
            p.setPen(QPen(QColor(0, 100, 230), 1, Qt::DashLine));
            p.drawLine(scr.back(), scr.front());
        }
        p.setPen(QPen(QColor(0, 60, 160), 1));
        p.setBrush(QColor(255, 255, 255));
        for (const QPointF &w : m_sketch)
            p.drawEllipse(m_canvas->worldToScreen(w), 3, 3);
    }
    // Snap marker: square = vertex, diamond = on a segment, triangle = frame,
    // cross = grid cross, circle = survey point.
    if (m_snap.found()) {
        const QPointF s = m_canvas->worldToScreen(toQ(m_snap.point));
        p.setPen(QPen(QColor(230, 0, 200), 2));
        p.setBrush(Qt::NoBrush);
        const double r = 6;
        switch (m_snap.kind) {
        case edit::SnapKind::ParcelVertex: p.drawRect(QRectF(s - QPointF(r, r), QSizeF(2 * r, 2 * r))); break;
        case edit::SnapKind::ParcelSegment:
            p.drawPolygon(QPolygonF({s + QPointF(0, -r), s + QPointF(r, 0), s + QPointF(0, r), s + QPointF(-r, 0)}));
            break;
        case edit::SnapKind::SheetFrame:
            p.drawPolygon(QPolygonF({s + QPointF(0, -r), s + QPointF(r, r), s + QPointF(-r, r)}));
            break;
        case edit::SnapKind::GridCross:
            p.drawLine(s + QPointF(-r, 0), s + QPointF(r, 0));
            p.drawLine(s + QPointF(0, -r), s + QPointF(0, r));
            break;
        case edit::SnapKind::SurveyPoint: p.drawEllipse(s, r, r); break;
        case edit::SnapKind::None: break;
        }
    }
}

} // namespace vnland::app
