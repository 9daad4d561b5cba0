// The open project as the editor sees it: parcels in memory (attributes plus a
// shared read-only geometry store), sheet frames, the selection and the undo
// stack. Edits are written through to the land database as they are applied
// (each one in its own transaction, logged in change_log), so the project file
// is always current and "save" is never needed; undo writes the old value back.
#pragma once

#include "document/command_target.h"
#include "edit/snap_index.h"
#include "model/parcel.h"
#include "gui/map_source.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPolygonF>
#include <QRgb>
#include <QSet>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;
class QUndoCommand;
class QUndoStack;

namespace vnland::store {
class Project;
class ParcelWriter;
}

namespace vnland::app {



class Document : public gui::MapSource, public CommandTarget {
    Q_OBJECT
public:
    /// Opens a project file; null and a readable @p error on failure. Safe to
    /// call on a worker thread: the Document is moved to the GUI thread.
    /// @p progress gets (parcels read, total); @p cancel stops the load (error says so).
    static std::unique_ptr<Document> open(const QString &path, QString *error,
                                          const std::function<void(int64_t, int64_t)> &progress = {},
                                          const std::atomic_bool *cancel = nullptr);
    ~Document() override;

    QString path() const;
    store::Project &project() override { return *m_project; }
    int epsg() const;

    int parcelCount() const { return int(m_parcels.size()); }
    const model::Parcel &parcel(int row) const { return m_parcels[size_t(row)]; }
    /// Row of a parcel id, or -1.
    int rowOfId(int64_t id) const { return m_rowOfId.value(id, -1); }
    std::shared_ptr<const gui::ParcelGeometry> geometry() const override { return m_geometry; }
    std::shared_ptr<const gui::ParcelRenderAttrs> renderAttrs() const override { return m_attrs; }
    std::shared_ptr<const gui::SheetOutlines> sheets() const override { return m_sheets; }
    /// Extent of the parcels (of the sheet frames when there are no parcels).
    QRectF fullExtent() const override;

    QUndoStack *undoStack() const { return m_undo; }

    /// Snapping index over the live parcels (exact double coordinates, kept in
    /// step with every edit), the sheet frames, 100 m grid crosses inside the
    /// frames and the survey points. Also the editor's source of exact parcel
    /// geometry for the edit operations: snapIndex().parcel(id).
    /// Built in the background after opening; waits for it when not ready yet.
    const edit::SnapIndex &snapIndex() const;
    /// True when snapIndex() returns without waiting (mouse-move snapping skips until then).
    bool snapIndexReady() const;

    static QVariant fieldValue(const model::Parcel &p, ParcelField field);
    static QString fieldName(ParcelField field);
    QString fieldLabel(ParcelField field) const override { return fieldName(field); }
    /// Empty when @p value is acceptable for the parcel in @p row, else the reason.
    QString validate(int row, ParcelField field, const QVariant &value) const;
    /// Validates and pushes an undoable ChangeValue; false + reason when refused or unchanged.
    bool changeValue(int row, ParcelField field, const QVariant &value, QString *error = nullptr);
    /// Sets the value in memory and in the database (used by undo commands).
    bool applyValue(int64_t parcelId, ParcelField field, const QVariant &value, QString *error = nullptr) override;

    const QSet<int> &selection() const override { return m_selection; }
    void setSelection(const QSet<int> &rows) override;
    /// Selects the live parcels with these ids (others are ignored).
    void selectIds(const std::vector<int64_t> &ids);
    std::vector<int64_t> selectedIds() const;

    // --- Geometry edits -------------------------------------------------------
    /// The stored row of parcel @p id (live or history), or exists = false.
    ParcelRecord record(int64_t id) const;
    /// An id for a new parcel row, unused in the database and by earlier calls.
    int64_t reserveParcelId();
    /// Writes the records (one transaction, change_log rows with @p action) and
    /// brings the in-memory parcels in line. False + reason when the database refused.
    bool writeRecords(const std::vector<std::pair<int64_t, const ParcelRecord *>> &records, const QString &action,
                      QString *error = nullptr) override;
    /// Applies @p changes (after states) and pushes one undoable command @p text;
    /// false + reason (nothing pushed) when writing failed.
    bool applyChanges(const QString &text, ChangeSet changes, QString *error = nullptr);
    /// Re-reads these parcels (attributes + geometry) from the project database
    /// after a core operation changed them: retired or deleted ids disappear,
    /// new live ids are appended, the others are updated. Views follow through
    /// the row signals, parcelChanged and geometryChanged.
    void reloadParcels(const std::vector<int64_t> &ids) override;

    /// The sketch being drawn (tool name + world points), kept in the crash journal.
    void setSketch(const QString &tool, const std::vector<QPointF> &points);
    const std::vector<QPointF> &sketch() const { return m_sketch; }
    QString sketchTool() const { return m_sketchTool; }
    bool hasProject() const { return m_project != nullptr; }
    /// True while restoring the journal: commands then do not touch the database.
    bool isRestoring() const override { return m_restoring; }
    void setRestoring(bool on) { m_restoring = on; }
    /// A command's database write failed: the reason is kept for the code that
    /// pushed it (takeWriteFailure) and sent to message(). The command makes
    /// itself obsolete, so QUndoStack does not keep it.
    void reportWriteFailure(const QString &why) override;
    /// The failure reported since the last call (empty = none), cleared.
    QString takeWriteFailure();
    /// Pushes @p cmd; false + @p error when its write failed (it is then not on the stack).
    bool pushChecked(QUndoCommand *cmd, QString *error = nullptr);

signals:
    /// Row structure changes (the attribute table follows them).
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved(int first, int last);
    void rowsAboutToBeInserted(int first, int last);
    void rowsInserted(int first, int last);
    void sketchChanged();
    /// The Document is being destroyed (the crash journal writes what is pending).
    void aboutToBeDestroyed();
    void message(const QString &text);

private:
    Document();
    void updateRenderAttrs(int row);
    /// Brings memory in line with these rows (live → present, else absent).
    void syncMemory(const std::vector<std::pair<int64_t, const ParcelRecord *>> &records);
    void fillRenderAttrs(gui::ParcelRenderAttrs &attrs, size_t row) const;
    static void setField(model::Parcel &p, ParcelField field, const QVariant &value);

    std::unique_ptr<store::Project> m_project;
    std::unique_ptr<store::ParcelWriter> m_writer;
    std::vector<model::Parcel> m_parcels;   // WKB dropped after loading
    QHash<int64_t, int> m_rowOfId;
    std::shared_ptr<const gui::ParcelGeometry> m_geometry;
    std::shared_ptr<gui::ParcelRenderAttrs> m_attrs;   // handed out as const; mutated only when unshared
    std::shared_ptr<const gui::SheetOutlines> m_sheets;
    QSet<int> m_selection;
    QUndoStack *m_undo;
    edit::SnapIndex &snapIndexForEdit();
    std::shared_ptr<edit::SnapIndex> m_snap;
    QFuture<std::shared_ptr<edit::SnapIndex>> m_snapJob;
    std::shared_ptr<std::atomic<QThread *>> m_snapThread;   // the thread building it, while it runs
    int64_t m_nextId = 0;
    std::vector<QPointF> m_sketch;
    QString m_sketchTool;
    QString m_writeFailure;
    bool m_restoring = false;
};

/// Candidate (an unreviewed vectorized parcel, flag "candidate") or normal.
gui::ParcelStyle parcelStyle(const model::Parcel &p);

/// Formats an area in m² with one decimal in the UI locale.
QString formatArea(std::optional<double> area);

} // namespace vnland::app
