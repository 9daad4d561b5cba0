// The map canvas: keeps the view (centre, metres per pixel), starts one render
// job per layer on worker threads whenever the view or data change, and
// composites the finished layer images on the GUI thread. A running job is
// cancelled by setting its atomic flag and dropping its watcher; nothing waits.
// Selection highlight and rubber bands are painted directly in paintEvent.
#pragma once

#include "gui/map_settings.h"
#include "gui/map_source.h"
#include "gui/map_tool.h"
#include "gui/raster_layer.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QPainterPath>
#include <QPointer>
#include <QWidget>

#include <array>
#include <deque>

namespace vnland::gui {

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    /// Pan … Identify: the canvas's own viewing tools; Edit: the map tool takes the clicks.
    enum class Tool { Pan, Select, ZoomIn, Identify, Edit };

    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// What the canvas draws (not owned; null draws nothing).
    void setSource(MapSource *source);
    MapSource *source() const { return m_doc; }

    const MapView &view() const { return m_view; }
    /// World (project CRS) <-> widget coordinates.
    QPointF worldToScreen(const QPointF &w) const { return m_view.toScreen(w); }
    QPointF screenToWorld(const QPointF &s) const { return m_view.toWorld(s); }
    /// Scale denominator for the screen's physical DPI (1:N).
    double scaleDenominator() const;

    /// Switches to one of the canvas's tools; the map tool is told to stop
    /// (deactivate) unless @p tool is Edit.
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// The tool offered every event first (not owned; null for none).
    void setMapTool(MapTool *tool);
    MapTool *mapTool() const { return m_mapTool; }
    void setLayerVisible(MapLayer layer, bool visible);
    bool layerVisible(MapLayer layer) const { return m_visible[size_t(layer)]; }
    void setLabelsVisible(bool visible);

    /// Raster layers are drawn under the vector layers, in the order added.
    int addRaster(const RasterSource &source);
    /// Removes every raster layer (a project closes).
    void clearRasters();
    int rasterCount() const { return int(m_rasters.size()); }
    const RasterSource &raster(int i) const { return m_rasters[size_t(i)].source; }
    void setRasterVisible(int i, bool visible);
    bool isRasterVisible(int i) const { return m_rasters[size_t(i)].visible; }

    /// Georeferencing preview: an image covering @p worldExtent (project CRS),
    /// drawn over the rasters and under the vector layers; a null image clears it.
    void setPreviewImage(const QImage &image, const QRectF &worldExtent);
    const QImage &previewImage() const { return m_preview; }
    QRectF previewExtent() const { return m_previewExtent; }
    /// Validation issue location (project CRS), outlined over everything; empty clears it.
    void setHighlight(const QPainterPath &world);
    const QPainterPath &highlight() const { return m_highlight; }

    /// True while any layer job runs or a refresh is pending.
    bool isRendering() const;
    /// Milliseconds the last complete render took (all layers).
    qint64 lastRenderMs() const { return m_lastRenderMs; }

public slots:
    void zoomToFullExtent();
    void zoomToSelection();
    void zoomBy(double factor, const QPointF &screenAnchor);
    void zoomIn();
    void zoomOut();
    void panBy(const QPointF &screenDelta);
    void setView(const QPointF &center, double mpp);
    void refresh();

signals:
    void cursorMoved(const QPointF &world);
    void viewChanged();
    void renderStarted();
    void renderFinished();
    /// Identify tool result (row in the document).
    void identified(int row);
    /// The tool changed (also from a restored journal sketch).
    void toolChanged(vnland::gui::MapCanvas::Tool tool);

protected:
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    void mousePressEvent(QMouseEvent *) override;
    void mouseMoveEvent(QMouseEvent *) override;
    void mouseReleaseEvent(QMouseEvent *) override;
    void mouseDoubleClickEvent(QMouseEvent *) override;
    void keyReleaseEvent(QKeyEvent *) override;
    void wheelEvent(QWheelEvent *) override;
    void keyPressEvent(QKeyEvent *) override;

private:
    struct LayerJob {
        QImage image;          // last finished image
        MapView imageView;     // the view it was drawn for
        MapView jobView;       // the view of the running job
        QPointer<QFutureWatcher<QImage>> watcher;
        CancelFlag cancel;
        bool dirty = true;
    };

    struct RasterEntry {
        RasterSource source;
        bool visible = true;
        LayerJob job;
    };

    void scheduleRender();
    void startRender();
    void cancelJob(LayerJob &job);
    /// Layer keys: 0..Count-1 vector layers, 1000 + i raster i.
    LayerJob &job(int key) { return key >= 1000 ? m_rasters[size_t(key - 1000)].job : m_jobs[size_t(key)]; }
    void startJob(int key, const MapSettings &s);
    void jobFinished(int key, QFutureWatcher<QImage> *watcher);
    void drawJobImage(QPainter &p, const LayerJob &job) const;
    void selectAt(const QPointF &screen, bool add);
    void selectInRect(const QRectF &screenRect, bool add);
    void markAllDirty();

    QPointer<MapSource> m_doc;
    QPointer<MapTool> m_mapTool;
    QList<int> m_freshRows;   // edited parcels drawn on top until the parcel layer catches up
    MapView m_view;
    Tool m_tool = Tool::Pan;
    std::array<bool, size_t(MapLayer::Count)> m_visible{true, true, false};
    std::array<LayerJob, size_t(MapLayer::Count)> m_jobs;
    std::deque<RasterEntry> m_rasters;   // deque: LayerJob references stay valid
    bool m_showLabels = true;
    bool m_renderPending = false;
    QElapsedTimer m_renderClock;
    qint64 m_lastRenderMs = 0;

    // Mouse interaction state.
    QPoint m_pressPos;
    QPoint m_lastPos;
    Qt::MouseButton m_pressButton = Qt::NoButton;
    bool m_dragging = false;
    QRect m_rubberBand;
    QImage m_preview;            // georeferencing preview (setPreviewImage)
    QRectF m_previewExtent;
    QPainterPath m_highlight;    // issue location (setHighlight)
};

/// Runs the event loop until @p canvas has finished rendering and stayed idle
/// for @p settleMs; false on timeout. For --screenshot, tests and benchmarks.
bool waitForCanvasIdle(MapCanvas *canvas, int timeoutMs = 30000, int settleMs = 100);

} // namespace vnland::gui
