// The digitizing tools on the map canvas (công cụ số hóa): add parcel by
// clicking vertices (with tracing and typed input), vertex tool (topological
// move / insert / delete), split by a drawn line, plus the merge, delete and
// renumber actions. Snapping (vertices, segments, sheet frames, grid crosses,
// survey points) within a pixel tolerance with a visible marker. The canvas
// forwards its mouse and key events here while a digitizing tool is active;
// the edits themselves are parcel_edits.h functions (one undo command each).
#pragma once

#include "edit/snap_index.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <vector>

class QKeyEvent;
class QLineEdit;
class QMouseEvent;
class QPainter;
class QWidget;

namespace vnland::app {

class Document;
class MapCanvas;
struct EditOutcome;

class DigitizeTools : public QObject {
    Q_OBJECT
public:
    enum class Mode { None, AddParcel, Vertex, Split };

    explicit DigitizeTools(MapCanvas *canvas);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    /// Snapping: kinds (edit::SnapFlag bits) and tolerance in screen pixels.
    void setSnapFlags(edit::SnapFlags flags) { m_snapFlags = flags; }
    edit::SnapFlags snapFlags() const { return m_snapFlags; }
    void setSnapTolerancePx(double px) { m_tolPx = px; }
    double snapTolerancePx() const { return m_tolPx; }
    /// Tracing toggle (holding T traces too): a click after a vertex on a
    /// boundary follows the boundary to the clicked point.
    void setTracing(bool on) { m_tracing = on; }
    bool tracing() const { return m_tracing || m_traceKey; }

    /// The sketch being drawn (world points), the last snap and the vertex picked.
    const std::vector<QPointF> &sketch() const { return m_sketch; }
    const edit::SnapResult &lastSnap() const { return m_snap; }
    QLineEdit *typedInput() const { return m_input; }

    /// Finishes the sketch (Enter / double-click): adds the parcel or splits.
    bool finishSketch();
    void cancelSketch();
    void removeLastVertex();
    /// Typed next vertex: "distance < bearing" (bearing DMS from north, from the
    /// last vertex) or "X Y" coordinates (northing first, the surveyor's order).
    bool addTypedVertex(const QString &text, QString *error = nullptr);

    /// Merge the selected parcels: asks whose attributes survive (dialog
    /// "mergeDialog" with combo "mergeKeepCombo").
    void mergeSelected(QWidget *dialogParent);
    void deleteSelected();
    /// Renumbers the sheet of the selected parcel (else of the view centre).
    void renumberSheet();

    // Forwarded canvas events; true when consumed.
    bool mousePress(QMouseEvent *e);
    bool mouseMove(QMouseEvent *e);
    bool mouseRelease(QMouseEvent *e);
    bool mouseDoubleClick(QMouseEvent *e);
    bool keyPress(QKeyEvent *e);
    bool keyRelease(QKeyEvent *e);
    void paint(QPainter &p);
    /// The canvas was resized: keep the typed-input box in its corner.
    void placeInput();
    /// The canvas shows another document: drop the sketch, follow its journal.
    void documentChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// A notice for the status bar (also sent to Document::message).
    void notice(const QString &text);

private:
    Document *doc() const;
    double tolWorld() const;
    QPointF snapped(const QPointF &screen, int64_t exclude = -1);
    void addVertex(const QPointF &world);
    void report(const EditOutcome &out, const QString &done);
    void sketchChanged();
    void adoptJournalSketch();
    QString modeName() const;

    MapCanvas *m_canvas;
    Mode m_mode = Mode::None;
    edit::SnapFlags m_snapFlags = edit::SnapToAll;
    double m_tolPx = 10;
    bool m_tracing = false;
    bool m_traceKey = false;
    std::vector<QPointF> m_sketch;
    QPointF m_cursor;               // world, snapped
    bool m_hasCursor = false;
    edit::SnapResult m_snap;
    QLineEdit *m_input = nullptr;
    // Vertex tool.
    bool m_dragging = false;
    bool m_pressed = false;
    QPointF m_dragFrom;             // world, exact vertex
    QPoint m_pressScreen;
    bool m_hasVertex = false;       // a picked vertex (Delete removes it)
    QPointF m_vertex;
};

} // namespace vnland::app
