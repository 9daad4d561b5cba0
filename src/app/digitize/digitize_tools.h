// The digitizing tools on the map canvas (công cụ số hóa): add parcel by
// clicking vertices (with tracing and typed input), vertex tool (topological
// move / insert / delete), split by a drawn line, plus the merge, delete and
// renumber actions. Snapping (vertices, segments, sheet frames, grid crosses,
// survey points) within a pixel tolerance with a visible marker. The canvas
// forwards its mouse and key events here while a digitizing tool is active;
// the edits themselves are parcel_edits.h functions (one undo command each).
#pragma once

#include "edit/snap_index.h"
#include "document/document.h"
#include "gui/map_tool.h"

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <vector>

class QKeyEvent;
class QLineEdit;
class QMouseEvent;
class QPainter;
class QWidget;

namespace vnland::app {

class Document;
struct EditOutcome;
class ScanFaces;

class DigitizeTools : public gui::MapTool {
    Q_OBJECT
public:
    enum class Mode { None, AddParcel, Vertex, Split, Fill };

    explicit DigitizeTools(gui::MapCanvas *canvas);

    /// AddParcel, Vertex, Split make this the canvas's tool; None gives the clicks back.
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    bool isActive() const override { return m_mode != Mode::None; }
    void deactivate() override { setMode(Mode::None); }
    /// The document edited (null: none); drops the sketch, follows its journal.
    void setDocument(Document *doc);

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

    /// Fill parcel: the enclosed area of the scan layer under @p world becomes a parcel
    /// with the number, code and area read from its label (one undo step); the first
    /// click on a scan starts reading its lines (false + @p why until it is done).
    bool fillAt(const QPointF &world, QString *why = nullptr);
    /// Where Fill parcel finds the areas of the scans (owned by the caller).
    void setScanFaces(ScanFaces *faces) { m_scanFaces = faces; }
    ScanFaces *scanFaces() const { return m_scanFaces; }

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

    // Canvas events (gui::MapTool); true when consumed.
    bool mousePress(QMouseEvent *e) override;
    bool mouseMove(QMouseEvent *e) override;
    bool mouseRelease(QMouseEvent *e) override;
    bool mouseDoubleClick(QMouseEvent *e) override;
    bool keyPress(QKeyEvent *e) override;
    bool keyRelease(QKeyEvent *e) override;
    void paint(QPainter &p) override;
    /// Keeps the typed-input box in its corner.
    void canvasResized() override { placeInput(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// A notice for the status bar (also sent to Document::message).
    void notice(const QString &text);
    /// The mode changed (also by a restored journal sketch).
    void modeChanged(vnland::app::DigitizeTools::Mode mode);

private:
    Document *doc() const { return m_doc; }
    void placeInput();
    double tolWorld() const;
    QPointF snapped(const QPointF &screen, int64_t exclude = -1);
    void addVertex(const QPointF &world);
    void report(const EditOutcome &out, const QString &done);
    void sketchChanged();
    void adoptJournalSketch();
    QString modeName() const;

    gui::MapCanvas *m_canvas;
    QPointer<Document> m_doc;
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
    ScanFaces *m_scanFaces = nullptr;
    // Vertex tool.
    bool m_dragging = false;
    bool m_pressed = false;
    QPointF m_dragFrom;             // world, exact vertex
    QPoint m_pressScreen;
    bool m_hasVertex = false;       // a picked vertex (Delete removes it)
    QPointF m_vertex;
};

} // namespace vnland::app
