// A tool that takes over the map canvas's mouse and keys (QGIS's QgsMapTool
// idea): the canvas offers every event to its map tool first and only pans,
// zooms or selects when the tool does not take it. The editor's digitizing
// tools are one; the canvas itself knows nothing of editing.
#pragma once

#include <QObject>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace vnland::gui {

class MapCanvas;

class MapTool : public QObject {
    Q_OBJECT
public:
    explicit MapTool(MapCanvas *canvas);
    ~MapTool() override = default;
    MapCanvas *canvas() const { return m_canvas; }

    /// True while the tool owns left clicks (the canvas then neither selects nor zooms).
    virtual bool isActive() const = 0;
    /// The canvas switched to one of its own tools (pan, select …): stop.
    virtual void deactivate() {}

    // Events offered by the canvas; true when consumed.
    virtual bool mousePress(QMouseEvent *) { return false; }
    virtual bool mouseMove(QMouseEvent *) { return false; }
    virtual bool mouseRelease(QMouseEvent *) { return false; }
    virtual bool mouseDoubleClick(QMouseEvent *) { return false; }
    virtual bool keyPress(QKeyEvent *) { return false; }
    virtual bool keyRelease(QKeyEvent *) { return false; }
    /// Paints over the layers (sketch, snap marker …) in widget coordinates.
    virtual void paint(QPainter &) {}
    /// The canvas was resized.
    virtual void canvasResized() {}

private:
    MapCanvas *m_canvas;
};

} // namespace vnland::gui
