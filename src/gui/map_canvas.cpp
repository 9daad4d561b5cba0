// MapCanvas: view handling, background rendering and interaction.
#include "gui/map_canvas.h"


#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QThread>
#include <QTimer>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrent>

#include <cmath>

namespace vnland::gui {

namespace {
/// The outline of parcel @p row in widget coordinates (holes as odd-even subpaths).
QPainterPath screenPath(const ParcelGeometry &g, size_t row, const MapView &view)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (uint32_t r = g.firstRing(row); r < g.endRing(row); ++r) {
        QPolygonF poly;
        for (uint32_t q = g.ringBegin(r); q < g.ringBegin(r + 1); ++q)
            poly << view.toScreen(g.origin() + QPointF(g.points()[q].x, g.points()[q].y));
        path.addPolygon(poly);
        path.closeSubpath();
    }
    return path;
}
} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    for (auto &j : m_jobs)
        j.cancel = std::make_shared<std::atomic_bool>(false);
}

MapCanvas::~MapCanvas()
{
    for (auto &j : m_jobs)
        cancelJob(j);
    for (auto &r : m_rasters)
        cancelJob(r.job);
}

MapTool::MapTool(MapCanvas *canvas) : QObject(canvas), m_canvas(canvas) {}

void MapCanvas::setSource(MapSource *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (m_doc) {
        connect(m_doc, &MapSource::parcelChanged, this, [this] {
            m_jobs[size_t(MapLayer::Parcels)].dirty = true;
            scheduleRender();
        });
        connect(m_doc, &MapSource::selectionChanged, this, qOverload<>(&QWidget::update));
        connect(m_doc, &MapSource::geometryChanged, this, [this](const QList<int> &rows) {
            // The new outlines show at once; the parcel layer re-renders behind them.
            m_freshRows = rows;
            m_jobs[size_t(MapLayer::Parcels)].dirty = true;
            scheduleRender();
            update();
        });
    }
    m_freshRows.clear();
    for (auto &j : m_jobs) {
        cancelJob(j);
        j.image = QImage();
    }
    for (auto &r : m_rasters)
        cancelJob(r.job);
    m_rasters.clear();   // raster layers belong to the session of one project
    zoomToFullExtent();
}

int MapCanvas::addRaster(const RasterSource &source)
{
    RasterEntry &e = m_rasters.emplace_back();
    e.source = source;
    e.job.cancel = std::make_shared<std::atomic_bool>(false);
    job(int(MapLayer::Parcels)).dirty = true;   // the fill turns see-through over the scan
    scheduleRender();
    return int(m_rasters.size()) - 1;
}

void MapCanvas::clearRasters()
{
    for (RasterEntry &e : m_rasters)
        cancelJob(e.job);   // disconnects: a running worker's image is dropped
    m_rasters.clear();
    job(int(MapLayer::Parcels)).dirty = true;
    scheduleRender();
    update();
}

void MapCanvas::setRasterVisible(int i, bool visible)
{
    m_rasters[size_t(i)].visible = visible;
    m_rasters[size_t(i)].job.dirty = true;
    job(int(MapLayer::Parcels)).dirty = true;
    scheduleRender();
    update();
}

double MapCanvas::scaleDenominator() const
{
    const double dpi = screen() ? screen()->physicalDotsPerInchX() : 96.0;
    return m_view.mpp / (0.0254 / (dpi > 10 ? dpi : 96.0));
}

void MapCanvas::setTool(Tool tool)
{
    m_tool = tool;
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : tool == Tool::Identify ? Qt::WhatsThisCursor : Qt::CrossCursor);
    if (tool != Tool::Edit && m_mapTool)
        m_mapTool->deactivate();
    emit toolChanged(tool);
}

void MapCanvas::setMapTool(MapTool *tool)
{
    m_mapTool = tool;
    update();
}

void MapCanvas::setLayerVisible(MapLayer layer, bool visible)
{
    m_visible[size_t(layer)] = visible;
    m_jobs[size_t(layer)].dirty = true;
    scheduleRender();
    update();
}

void MapCanvas::setLabelsVisible(bool visible)
{
    m_showLabels = visible;
    m_jobs[size_t(MapLayer::Parcels)].dirty = true;
    scheduleRender();
}

bool MapCanvas::isRendering() const
{
    if (m_renderPending)
        return true;
    for (const auto &j : m_jobs)
        if (j.watcher)
            return true;
    for (const auto &r : m_rasters)
        if (r.job.watcher)
            return true;
    return false;
}

void MapCanvas::zoomToFullExtent()
{
    QRectF ext = m_doc ? m_doc->fullExtent() : QRectF();
    if (ext.isNull() || ext.isEmpty())
        ext = ext.isNull() ? QRectF(0, 0, 1000, 1000) : ext.adjusted(-50, -50, 50, 50);
    const QSize sz = size().isEmpty() ? QSize(800, 600) : size();
    const double mpp = std::max(ext.width() / sz.width(), ext.height() / sz.height()) * 1.05;
    setView(ext.center(), std::max(mpp, 0.001));
}

void MapCanvas::zoomToSelection()
{
    if (!m_doc || m_doc->selection().isEmpty())
        return;
    QRectF r;
    for (int row : m_doc->selection()) {
        const QRectF b = m_doc->geometry()->bbox(size_t(row));
        if (!b.isNull())
            r = r.isNull() ? b : r.united(b);
    }
    if (r.isNull())
        return;
    r.adjust(-10, -10, 10, 10);
    const double mpp = std::max(r.width() / width(), r.height() / height()) * 1.2;
    setView(r.center(), std::max(mpp, 0.01));
}

void MapCanvas::zoomBy(double factor, const QPointF &anchor)
{
    // Keep the world point under the anchor fixed.
    const QPointF w = m_view.toWorld(anchor);
    const double mpp = std::clamp(m_view.mpp / factor, 0.001, 1e5);
    MapView v = m_view;
    v.mpp = mpp;
    const QPointF w2 = v.toWorld(anchor);
    setView(m_view.center + (w - w2), mpp);
}

void MapCanvas::zoomIn() { zoomBy(2.0, rect().center()); }
void MapCanvas::zoomOut() { zoomBy(0.5, rect().center()); }

void MapCanvas::panBy(const QPointF &d)
{
    setView(m_view.center + QPointF(-d.x() * m_view.mpp, d.y() * m_view.mpp), m_view.mpp);
}

void MapCanvas::setView(const QPointF &center, double mpp)
{
    m_view.center = center;
    m_view.mpp = mpp;
    m_view.size = size();
    m_view.dpr = devicePixelRatioF();
    markAllDirty();
    scheduleRender();
    update();
    emit viewChanged();
}

void MapCanvas::refresh()
{
    markAllDirty();
    scheduleRender();
}

void MapCanvas::markAllDirty()
{
    for (auto &j : m_jobs)
        j.dirty = true;
    for (auto &r : m_rasters)
        r.job.dirty = true;
}

void MapCanvas::scheduleRender()
{
    if (m_renderPending)
        return;
    m_renderPending = true;
    // Coalesce a burst of view changes (wheel, drag) into one render.
    QTimer::singleShot(0, this, &MapCanvas::startRender);
}

void MapCanvas::cancelJob(LayerJob &job)
{
    if (job.watcher) {
        job.cancel->store(true);
        job.watcher->disconnect(this);
        job.watcher->deleteLater();   // the worker finishes on its own, its image is dropped
        job.watcher = nullptr;
    }
}

void MapCanvas::startRender()
{
    m_renderPending = false;
    m_view.size = size();
    m_view.dpr = devicePixelRatioF();
    MapSettings s;
    s.view = m_view;
    s.showLabels = m_showLabels;
    for (const RasterEntry &e : m_rasters)
        if (e.visible)
            s.parcelFillAlpha = MapSettings::kFillAlphaOverRaster;
    if (m_doc) {
        s.geometry = m_doc->geometry();
        s.attrs = m_doc->renderAttrs();
        s.sheets = m_doc->sheets();
    }
    bool started = false;
    auto consider = [&](int key, bool visible) {
        LayerJob &j = job(key);
        if (!j.dirty)
            return;
        j.dirty = false;
        cancelJob(j);
        if (!visible || !m_doc) {
            j.image = QImage();
            return;
        }
        startJob(key, s);
        started = true;
    };
    for (size_t i = 0; i < m_rasters.size(); ++i)
        consider(1000 + int(i), m_rasters[i].visible);
    for (size_t i = 0; i < m_jobs.size(); ++i)
        consider(int(i), m_visible[i]);
    if (started) {
        if (!m_renderClock.isValid() || !isRendering())
            m_renderClock.start();
        emit renderStarted();
    }
    if (!isRendering()) {
        update();
        emit renderFinished();
    }
}

void MapCanvas::startJob(int key, const MapSettings &s)
{
    LayerJob &j = job(key);
    j.cancel = std::make_shared<std::atomic_bool>(false);
    j.jobView = s.view;
    auto *watcher = new QFutureWatcher<QImage>(this);
    j.watcher = watcher;
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, key, watcher] { jobFinished(key, watcher); });
    if (key >= 1000)
        watcher->setFuture(QtConcurrent::run([src = m_rasters[size_t(key - 1000)].source, view = s.view, cancel = j.cancel] {
            return renderRaster(src, view, cancel);
        }));
    else
        watcher->setFuture(QtConcurrent::run(
            [layer = MapLayer(key), s, cancel = j.cancel] { return renderLayer(layer, s, cancel); }));
}

void MapCanvas::jobFinished(int key, QFutureWatcher<QImage> *watcher)
{
    LayerJob &j = job(key);
    if (j.watcher != watcher)
        return;
    QImage img = watcher->result();
    j.watcher = nullptr;
    watcher->deleteLater();
    if (key == int(MapLayer::Parcels) && !img.isNull())
        m_freshRows.clear();
    if (!img.isNull()) {
        j.image = std::move(img);
        // The image was drawn for the view captured at start; keep that view with it.
        j.imageView = j.jobView;
    }
    update();
    if (!isRendering()) {
        m_lastRenderMs = m_renderClock.elapsed();
        m_renderClock.invalidate();
        emit renderFinished();
    }
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(250, 250, 246));
    for (const auto &r : m_rasters)
        if (r.visible)
            drawJobImage(p, r.job);
    if (!m_preview.isNull() && m_previewExtent.isValid())
        p.drawImage(QRectF(m_view.toScreen(m_previewExtent.topLeft()), m_view.toScreen(m_previewExtent.bottomRight()))
                        .normalized(),
                    m_preview);
    for (size_t i = 0; i < m_jobs.size(); ++i)
        if (m_visible[i])
            drawJobImage(p, m_jobs[i]);

    // Selection highlight (editing overlay) drawn straight from the geometry.
    if (m_doc && !m_doc->selection().isEmpty()) {
        const ParcelGeometry &g = *m_doc->geometry();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(230, 0, 0), 2.5));
        p.setBrush(QColor(255, 255, 0, 90));
        const QRectF vis = m_view.visibleWorld();
        int drawn = 0;
        for (int row : m_doc->selection()) {
            if (size_t(row) >= g.size() || !g.bbox(size_t(row)).intersects(vis) || ++drawn > 20000)
                continue;
            p.drawPath(screenPath(g, size_t(row), m_view));
        }
    }
    if (!m_highlight.isEmpty()) {
        QTransform t;   // world -> screen
        t.translate(m_view.size.width() / 2.0, m_view.size.height() / 2.0);
        t.scale(1.0 / m_view.mpp, -1.0 / m_view.mpp);
        t.translate(-m_view.center.x(), -m_view.center.y());
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 0, 200), 3));
        p.setBrush(QColor(255, 0, 200, 60));
        const QPainterPath screen = t.map(m_highlight);
        p.drawPath(screen);
        if (screen.boundingRect().width() < 8 && screen.boundingRect().height() < 8)
            p.drawEllipse(screen.boundingRect().center(), 8, 8);   // points and tiny shapes stay visible
    }
    // Just-edited parcels, straight from the new geometry store, until the
    // background render of the parcel layer has them.
    if (m_doc && !m_freshRows.isEmpty()) {
        const ParcelGeometry &g = *m_doc->geometry();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(90, 60, 60), 1.2));
        const auto attrs = m_doc->renderAttrs();
        for (int row : m_freshRows) {
            if (size_t(row) >= g.size())
                continue;
            p.setBrush(QColor::fromRgb(attrs->fill[size_t(row)]));
            p.drawPath(screenPath(g, size_t(row), m_view));
        }
    }
    if (m_mapTool)
        m_mapTool->paint(p);
    if (!m_rubberBand.isNull()) {
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(QColor(0, 90, 200), 1, Qt::DashLine));
        p.setBrush(QColor(0, 90, 200, 40));
        p.drawRect(m_rubberBand);
    }
}

void MapCanvas::setPreviewImage(const QImage &image, const QRectF &worldExtent)
{
    m_preview = image;
    m_previewExtent = worldExtent;
    update();
}

void MapCanvas::setHighlight(const QPainterPath &world)
{
    m_highlight = world;
    update();
}

void MapCanvas::drawJobImage(QPainter &p, const LayerJob &j) const
{
    if (j.image.isNull())
        return;
    // Place the image where its world rectangle is in the current view, so
    // panning and zooming show the old image moved until the new one arrives.
    const QRectF world = j.imageView.visibleWorld();
    const QRectF target = QRectF(m_view.toScreen(QPointF(world.left(), world.bottom())),
                                 m_view.toScreen(QPointF(world.right(), world.top()))).normalized();
    p.drawImage(target, j.image);
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    if (m_mapTool)
        m_mapTool->canvasResized();
    const bool first = m_view.size.isEmpty();
    m_view.size = size();
    if (first && m_doc)
        zoomToFullExtent();
    else
        refresh();
}

void MapCanvas::mousePressEvent(QMouseEvent *e)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = e->position().toPoint();
    m_pressButton = e->button();
    m_dragging = false;
    if (m_mapTool && m_mapTool->mousePress(e))
        m_pressButton = Qt::NoButton;   // the tool has it; the canvas neither pans nor selects
}

void MapCanvas::mouseMoveEvent(QMouseEvent *e)
{
    const QPoint pos = e->position().toPoint();
    emit cursorMoved(m_view.toWorld(pos));
    if (m_mapTool && m_mapTool->mouseMove(e) && m_pressButton != Qt::MiddleButton)
        return;
    if (m_pressButton == Qt::NoButton)
        return;
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= 4)
        m_dragging = true;
    if (!m_dragging)
        return;
    const bool pan = m_pressButton == Qt::MiddleButton || (m_pressButton == Qt::LeftButton && m_tool == Tool::Pan);
    if (pan) {
        panBy(pos - m_lastPos);
    } else if (m_pressButton == Qt::LeftButton) {
        m_rubberBand = QRect(m_pressPos, pos).normalized();
        update();
    }
    m_lastPos = pos;
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *e)
{
    const QPoint pos = e->position().toPoint();
    const bool add = e->modifiers() & Qt::ShiftModifier;
    if (m_mapTool && (m_mapTool->mouseRelease(e) || (m_mapTool->isActive() && e->button() == Qt::LeftButton))) {
        m_pressButton = Qt::NoButton;
        m_dragging = false;
        return;
    }
    if (m_pressButton == Qt::LeftButton) {
        if (!m_dragging) {
            if (m_tool == Tool::ZoomIn)
                zoomBy(2.0, pos);
            else if (m_tool == Tool::Identify) {
                const int64_t row = m_doc ? m_doc->geometry()->parcelAt(m_view.toWorld(pos)) : -1;
                if (row >= 0)
                    selectAt(pos, false);
                emit identified(int(row));
            } else
                selectAt(pos, add);
        } else if (!m_rubberBand.isNull()) {
            if (m_tool == Tool::ZoomIn && m_rubberBand.width() > 4 && m_rubberBand.height() > 4) {
                const QRectF w = QRectF(m_view.toWorld(m_rubberBand.topLeft()), m_view.toWorld(m_rubberBand.bottomRight())).normalized();
                setView(w.center(), std::max(w.width() / width(), w.height() / height()));
            } else if (m_tool == Tool::Select) {
                selectInRect(m_rubberBand, add);
            }
        }
    }
    m_rubberBand = QRect();
    m_pressButton = Qt::NoButton;
    m_dragging = false;
    update();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *e)
{
    if (!m_mapTool || !m_mapTool->mouseDoubleClick(e))
        QWidget::mouseDoubleClickEvent(e);
}

void MapCanvas::keyReleaseEvent(QKeyEvent *e)
{
    if (!m_mapTool || !m_mapTool->keyRelease(e))
        QWidget::keyReleaseEvent(e);
}

void MapCanvas::wheelEvent(QWheelEvent *e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), e->position());
    e->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *e)
{
    if (m_mapTool && m_mapTool->keyPress(e)) {
        e->accept();
        return;
    }
    const double step = 0.25;
    switch (e->key()) {
    case Qt::Key_Left: panBy(QPointF(width() * step, 0)); break;
    case Qt::Key_Right: panBy(QPointF(-width() * step, 0)); break;
    case Qt::Key_Up: panBy(QPointF(0, height() * step)); break;
    case Qt::Key_Down: panBy(QPointF(0, -height() * step)); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_Escape:
        if (m_doc)
            m_doc->setSelection({});
        break;
    default: QWidget::keyPressEvent(e); return;
    }
    e->accept();
}

void MapCanvas::selectAt(const QPointF &screen, bool add)
{
    if (!m_doc)
        return;
    const int64_t row = m_doc->geometry()->parcelAt(m_view.toWorld(screen));
    QSet<int> sel = add ? m_doc->selection() : QSet<int>();
    if (row >= 0) {
        if (add && sel.contains(int(row)))
            sel.remove(int(row));   // shift-click toggles
        else
            sel.insert(int(row));
    }
    m_doc->setSelection(sel);
}

void MapCanvas::selectInRect(const QRectF &screenRect, bool add)
{
    if (!m_doc)
        return;
    const QRectF w = QRectF(m_view.toWorld(screenRect.topLeft()), m_view.toWorld(screenRect.bottomRight())).normalized();
    std::vector<uint32_t> cand;
    m_doc->geometry()->query(w, cand);
    QSet<int> sel = add ? m_doc->selection() : QSet<int>();
    for (uint32_t i : cand)
        if (w.contains(m_doc->geometry()->bbox(i)))   // fully inside the box, as in most CAD tools
            sel.insert(int(i));
    m_doc->setSelection(sel);
}

bool waitForCanvasIdle(MapCanvas *canvas, int timeoutMs, int settleMs)
{
    QElapsedTimer total, idle;
    total.start();
    while (total.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (canvas->isRendering()) {
            idle.invalidate();
            QThread::msleep(2);
            continue;
        }
        if (!idle.isValid())
            idle.start();
        else if (idle.elapsed() >= settleMs)
            return true;
        QThread::msleep(2);
    }
    return false;
}

} // namespace vnland::gui
