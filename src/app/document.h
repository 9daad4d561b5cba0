// The open project as the editor sees it: parcels in memory (attributes plus a
// shared read-only geometry store), sheet frames, the selection and the undo
// stack. Edits are written through to the land database as they are applied
// (each one in its own transaction, logged in change_log), so the project file
// is always current and "save" is never needed; undo writes the old value back.
#pragma once

#include "model/parcel.h"
#include "parcel_geometry.h"

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

class QUndoStack;

namespace vnland::store {
class Project;
class ParcelWriter;
}

namespace vnland::app {

enum class ParcelField { ToSo, ThuaSo, LanduseCode, OwnerName, Address, LegalArea };

/// What the parcel layer needs per parcel to draw (copied on edit, shared with workers).
struct ParcelRenderAttrs {
    std::vector<QRgb> fill;
    std::vector<QString> thua;   // số thửa
    std::vector<QString> area;   // diện tích (legal when set, else measured)
    std::vector<QString> code;   // mã loại đất
};

struct SheetOutline {
    std::vector<QPolygonF> rings;  // absolute project coordinates
    QString label;                 // "Tờ 12 – 1:1000"
    QRectF bbox;
};
using SheetOutlines = std::vector<SheetOutline>;

class Document : public QObject {
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
    store::Project &project() { return *m_project; }
    int epsg() const;

    int parcelCount() const { return int(m_parcels.size()); }
    const model::Parcel &parcel(int row) const { return m_parcels[size_t(row)]; }
    /// Row of a parcel id, or -1.
    int rowOfId(int64_t id) const { return m_rowOfId.value(id, -1); }
    std::shared_ptr<const ParcelGeometry> geometry() const { return m_geometry; }
    std::shared_ptr<const ParcelRenderAttrs> renderAttrs() const { return m_attrs; }
    std::shared_ptr<const SheetOutlines> sheets() const { return m_sheets; }
    /// Extent of the parcels (of the sheet frames when there are no parcels).
    QRectF fullExtent() const;

    QUndoStack *undoStack() const { return m_undo; }

    static QVariant fieldValue(const model::Parcel &p, ParcelField field);
    static QString fieldName(ParcelField field);
    /// Empty when @p value is acceptable for the parcel in @p row, else the reason.
    QString validate(int row, ParcelField field, const QVariant &value) const;
    /// Validates and pushes an undoable ChangeValue; false + reason when refused or unchanged.
    bool changeValue(int row, ParcelField field, const QVariant &value, QString *error = nullptr);
    /// Sets the value in memory and in the database (used by undo commands).
    bool applyValue(int64_t parcelId, ParcelField field, const QVariant &value, QString *error = nullptr);

    const QSet<int> &selection() const { return m_selection; }
    void setSelection(const QSet<int> &rows);

signals:
    void parcelChanged(int row);
    void selectionChanged();
    void message(const QString &text);

private:
    Document();
    void updateRenderAttrs(int row);
    static void setField(model::Parcel &p, ParcelField field, const QVariant &value);

    std::unique_ptr<store::Project> m_project;
    std::unique_ptr<store::ParcelWriter> m_writer;
    std::vector<model::Parcel> m_parcels;   // WKB dropped after loading
    QHash<int64_t, int> m_rowOfId;
    std::shared_ptr<const ParcelGeometry> m_geometry;
    std::shared_ptr<const ParcelRenderAttrs> m_attrs;
    std::shared_ptr<const SheetOutlines> m_sheets;
    QSet<int> m_selection;
    QUndoStack *m_undo;
};

/// Formats an area in m² with one decimal in the UI locale.
QString formatArea(std::optional<double> area);

} // namespace vnland::app
