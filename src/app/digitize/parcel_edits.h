// Geometry edits of the digitizing tools as undoable Document changes: each
// function gathers the parcels concerned from the Document's snapping index
// (exact coordinates), calls the headless core operation (vnland::edit), turns
// the result into parcel records (numbers, history) and pushes ONE command.
// The tools on the canvas and the tests call these; no geometry is computed here.
#pragma once

#include "edit/edit_geometry.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace vnland::app {

class Document;

/// What an edit did, for the status bar and the Messages dock.
struct EditOutcome {
    bool ok = false;
    QString error;            ///< why nothing was changed
    QStringList notices;      ///< e.g. "clipped by 2 neighbours", "neighbour invalid"
    std::vector<int64_t> created;   ///< ids of new parcels
};

/// The sheet (commune, tờ) whose frame contains @p p, if any.
struct SheetRef {
    std::string communeCode;
    int toSo = 0;
};
std::optional<SheetRef> sheetAt(Document &doc, const QPointF &p);
/// Next number on a sheet: above every number it ever had (live and history).
int nextNumberOnSheet(Document &doc, const SheetRef &sheet);

/// New parcel from the drawn ring (world points, not closed): clipped by the
/// neighbours (avoid-overlap), neighbours get the vertices the shared boundary
/// needs, numbered on the sheet containing it. @p snapTol in metres.
EditOutcome addParcel(Document &doc, const std::vector<QPointF> &ring, double snapTol);

/// What a label read from the scan gives a new parcel (Fill parcel).
struct LabelAttributes {
    std::optional<int> thuaSo;          ///< used when free on the sheet, else the next number (noticed)
    std::string landuseCode;
    std::optional<double> legalArea;    ///< the area printed on the sheet
    /// The highest number printed on the scan: a parcel whose label was not read (or
    /// whose number is taken) gets a number above it, never one still to be filled.
    int printedUpTo = 0;
};
/// addParcel() with the attributes of a label; @p commandText names the undo step.
EditOutcome addParcel(Document &doc, const std::vector<QPointF> &ring, double snapTol, const LabelAttributes &label,
                      const QString &commandText);
/// A ring drawn wholly inside one parcel: the new parcel is the ring and the
/// parcel around it gets it as a hole (inner ring). Not ok with an empty error
/// when the ring is not inside one parcel; addParcel() calls it when the clip leaves nothing.
EditOutcome addIsland(Document &doc, const edit::MultiPoly &candidate, double snapTol);
/// Moves the vertex at @p from (and every parcel sharing it) to @p to; a
/// reshaped parcel that now overlaps a neighbour is clipped back.
EditOutcome moveVertex(Document &doc, const QPointF &from, const QPointF &to, double tol);
/// Inserts a vertex on every edge within @p tol of @p at (both neighbours).
EditOutcome insertVertex(Document &doc, const QPointF &at, double tol);
/// Deletes the vertex at @p at from every parcel having it.
EditOutcome deleteVertex(Document &doc, const QPointF &at, double tol);
/// Splits parcel @p id (or, with id < 0, the one parcel the line crosses) by
/// the polyline: the old parcel retires into history, the pieces get new numbers.
EditOutcome splitParcel(Document &doc, int64_t id, const std::vector<QPointF> &line);
/// Merges parcels; attributes of @p keepAttributesOf survive; the old ones retire.
EditOutcome mergeParcels(Document &doc, const std::vector<int64_t> &ids, int64_t keepAttributesOf);
/// Retires the parcels into history (end_time set).
EditOutcome deleteParcels(Document &doc, const std::vector<int64_t> &ids);
/// Renumbers the live parcels of one sheet 1…n zig-zag from the north (one command).
EditOutcome renumberSheet(Document &doc, const SheetRef &sheet);
/// The boundary path between two points on existing parcel boundaries (tracing),
/// both within @p tol of a boundary; empty + @p error when there is none.
std::vector<QPointF> tracePath(Document &doc, const QPointF &from, const QPointF &to, double tol, QString *error);

inline edit::XY toXY(const QPointF &p) { return {p.x(), p.y()}; }
inline QPointF toQ(const edit::XY &p) { return {p.x, p.y}; }

} // namespace vnland::app
