// The scanned sheet in the georeferencing window: a zoomable, pannable view
// of the scan with the GCP markers on it. Left click on the scan adds a
// point, left drag on a marker moves it, right/middle drag pans, the wheel
// zooms about the cursor. Positions are scan pixels of the full-resolution
// scan (column, row; origin at the top-left corner), whatever the size of the
// image actually held for display.
#pragma once

#include <QImage>
#include <QWidget>

#include <vector>

namespace vnland::gui {

class ScanView : public QWidget {
    Q_OBJECT
public:
    struct Marker {
        QPointF pixel;      // full-resolution scan pixel
        QString label;
        QColor color;
    };

    explicit ScanView(QWidget *parent = nullptr);

    /// @p image may be a reduced copy of a scan of @p fullSize pixels.
    void setImage(const QImage &image, const QSize &fullSize);
    const QImage &image() const { return m_image; }
    QSize fullSize() const { return m_fullSize; }
    void setMarkers(std::vector<Marker> markers);
    const std::vector<Marker> &markers() const { return m_markers; }
    void setCurrentMarker(int index);

    /// Scan pixel <-> widget coordinates.
    QPointF pixelToWidget(const QPointF &pixel) const;
    QPointF widgetToPixel(const QPointF &widget) const;
    /// Widget pixels per scan pixel.
    double zoom() const { return m_zoom; }

public slots:
    void fitToWindow();
    void zoomBy(double factor, const QPointF &anchor);
    void centerOn(const QPointF &pixel);

signals:
    /// Left click on the scan away from any marker.
    void clicked(const QPointF &pixel);
    /// A marker was dragged from its position to @p pixel.
    void markerMoved(int index, const QPointF &pixel);
    void markerClicked(int index);
    void cursorMoved(const QPointF &pixel);

protected:
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    void mousePressEvent(QMouseEvent *) override;
    void mouseMoveEvent(QMouseEvent *) override;
    void mouseReleaseEvent(QMouseEvent *) override;
    void wheelEvent(QWheelEvent *) override;
    void keyPressEvent(QKeyEvent *) override;

private:
    int markerAt(const QPointF &widget) const;

    QImage m_image;
    QSize m_fullSize;
    std::vector<Marker> m_markers;
    int m_current = -1;
    double m_zoom = 1.0;        // widget px per scan px
    QPointF m_offset;           // widget position of scan pixel (0, 0)
    bool m_fitted = false;

    Qt::MouseButton m_pressButton = Qt::NoButton;
    QPointF m_pressPos, m_lastPos;
    int m_dragIndex = -1;
    QPointF m_dragPixel;
    bool m_moved = false;
};

} // namespace vnland::gui
