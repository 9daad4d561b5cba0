// The scan view of the georeferencing window.
#include "gui/scan_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vnland::gui {

namespace {
constexpr double kPickRadius = 8.0;   // widget pixels
constexpr double kClickSlop = 4.0;    // a press that moves less than this is a click
}

ScanView::ScanView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    setCursor(Qt::CrossCursor);
}

void ScanView::setImage(const QImage &image, const QSize &fullSize)
{
    m_image = image;
    m_fullSize = fullSize;
    m_fitted = false;
    fitToWindow();
}

void ScanView::setMarkers(std::vector<Marker> markers)
{
    m_markers = std::move(markers);
    update();
}

void ScanView::setCurrentMarker(int index)
{
    m_current = index;
    update();
}

QPointF ScanView::pixelToWidget(const QPointF &pixel) const { return m_offset + pixel * m_zoom; }

QPointF ScanView::widgetToPixel(const QPointF &widget) const { return (widget - m_offset) / m_zoom; }

void ScanView::fitToWindow()
{
    if (m_fullSize.isEmpty() || width() <= 0 || height() <= 0)
        return;
    m_zoom = std::min(width() / double(m_fullSize.width()), height() / double(m_fullSize.height()));
    m_offset = QPointF((width() - m_fullSize.width() * m_zoom) / 2, (height() - m_fullSize.height() * m_zoom) / 2);
    m_fitted = true;
    update();
}

void ScanView::zoomBy(double factor, const QPointF &anchor)
{
    const QPointF px = widgetToPixel(anchor);
    m_zoom = std::clamp(m_zoom * factor, 1e-3, 32.0);
    m_offset = anchor - px * m_zoom;
    update();
}

void ScanView::centerOn(const QPointF &pixel)
{
    m_offset = QPointF(width() / 2.0, height() / 2.0) - pixel * m_zoom;
    update();
}

void ScanView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(90, 90, 90));
    if (m_image.isNull()) {
        p.setPen(Qt::white);
        p.drawText(rect(), Qt::AlignCenter, tr("Open a scanned map to place ground control points"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
    p.drawImage(QRectF(m_offset, QSizeF(m_fullSize) * m_zoom), m_image);
    p.setRenderHint(QPainter::Antialiasing);
    for (size_t i = 0; i < m_markers.size(); ++i) {
        const Marker &m = m_markers[i];
        const QPointF c = pixelToWidget(int(i) == m_dragIndex ? m_dragPixel : m.pixel);
        const bool cur = int(i) == m_current;
        p.setPen(QPen(m.color, cur ? 3 : 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, 6, 6);
        p.drawLine(c - QPointF(10, 0), c + QPointF(10, 0));
        p.drawLine(c - QPointF(0, 10), c + QPointF(0, 10));
        p.setPen(cur ? Qt::yellow : m.color);
        p.drawText(c + QPointF(8, -8), m.label);
    }
}

void ScanView::resizeEvent(QResizeEvent *)
{
    if (!m_fitted)
        fitToWindow();
}

int ScanView::markerAt(const QPointF &widget) const
{
    int best = -1;
    double bestD = kPickRadius;
    for (size_t i = 0; i < m_markers.size(); ++i) {
        const double d = QLineF(widget, pixelToWidget(m_markers[i].pixel)).length();
        if (d <= bestD) {
            bestD = d;
            best = int(i);
        }
    }
    return best;
}

void ScanView::mousePressEvent(QMouseEvent *e)
{
    m_pressButton = e->button();
    m_pressPos = m_lastPos = e->position();
    m_moved = false;
    m_dragIndex = -1;
    if (e->button() == Qt::LeftButton && !m_image.isNull()) {
        m_dragIndex = markerAt(e->position());
        if (m_dragIndex >= 0)
            m_dragPixel = m_markers[size_t(m_dragIndex)].pixel;
    }
}

void ScanView::mouseMoveEvent(QMouseEvent *e)
{
    const QPointF pos = e->position();
    emit cursorMoved(widgetToPixel(pos));
    if (m_pressButton == Qt::NoButton)
        return;
    if (QLineF(pos, m_pressPos).length() > kClickSlop)
        m_moved = true;
    if (m_pressButton == Qt::LeftButton && m_dragIndex >= 0) {
        m_dragPixel += (pos - m_lastPos) / m_zoom;
        update();
    } else if (m_pressButton == Qt::RightButton || m_pressButton == Qt::MiddleButton) {
        m_offset += pos - m_lastPos;
        m_fitted = true;
        update();
    }
    m_lastPos = pos;
}

void ScanView::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() != m_pressButton)
        return;
    const QPointF pos = e->position();
    if (QLineF(pos, m_pressPos).length() > kClickSlop)
        m_moved = true;
    if (m_pressButton == Qt::LeftButton) {
        const int idx = m_dragIndex;
        m_dragIndex = -1;
        if (idx >= 0) {
            if (m_moved) {
                m_dragPixel += (pos - m_lastPos) / m_zoom;
                emit markerMoved(idx, m_dragPixel);
            } else {
                emit markerClicked(idx);
            }
        } else if (!m_moved && !m_image.isNull()) {
            const QPointF px = widgetToPixel(pos);
            if (px.x() >= 0 && px.y() >= 0 && px.x() <= m_fullSize.width() && px.y() <= m_fullSize.height())
                emit clicked(px);
        }
    }
    m_pressButton = Qt::NoButton;
    update();
}

void ScanView::wheelEvent(QWheelEvent *e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), e->position());
    m_fitted = true;
}

void ScanView::keyPressEvent(QKeyEvent *e)
{
    const QPointF c(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, c);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8, c);
        break;
    case Qt::Key_Home:
        fitToWindow();
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

} // namespace vnland::gui
