// What the map canvas draws and selects: the parcels' shared read-only
// geometry and render attributes, the sheet frames and the selection. The
// editor's Document is one; a test or another tool can supply its own. The
// canvas only reads through this interface and follows its signals.
#pragma once

#include "gui/parcel_geometry.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPolygonF>
#include <QRectF>
#include <QRgb>
#include <QSet>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace vnland::gui {

/// How a parcel is drawn beyond its land-use colour.
enum class ParcelStyle : uint8_t {
    Normal = 0,
    Candidate,   ///< vectorized from a scan, not yet reviewed (dashed outline, hatched)
};

/// The colour of unreviewed candidates (outline and hatch), also in the review dock.
inline const QColor kCandidateColor{230, 110, 0};

/// What the parcel layer needs per parcel to draw (copied on edit, shared with workers).
struct ParcelRenderAttrs {
    std::vector<QRgb> fill;
    std::vector<QString> thua;   // số thửa
    std::vector<QString> area;   // diện tích (legal when set, else measured)
    std::vector<QString> code;   // mã loại đất
    std::vector<ParcelStyle> style;   // empty = all Normal
    ParcelStyle styleOf(size_t row) const { return row < style.size() ? style[row] : ParcelStyle::Normal; }
};

struct SheetOutline {
    std::vector<QPolygonF> rings;  // absolute project coordinates
    QString label;                 // "Tờ 12 – 1:1000"
    QRectF bbox;
};
using SheetOutlines = std::vector<SheetOutline>;

class MapSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~MapSource() override = default;

    virtual std::shared_ptr<const ParcelGeometry> geometry() const = 0;
    virtual std::shared_ptr<const ParcelRenderAttrs> renderAttrs() const = 0;
    virtual std::shared_ptr<const SheetOutlines> sheets() const = 0;
    /// Extent of the parcels (of the sheet frames when there are no parcels).
    virtual QRectF fullExtent() const = 0;
    virtual const QSet<int> &selection() const = 0;
    virtual void setSelection(const QSet<int> &rows) = 0;

signals:
    /// Attributes of @p row changed (the parcel layer redraws).
    void parcelChanged(int row);
    /// The geometry store was replaced after an edit; @p rows are the rows whose
    /// outline changed (new rows included), for an immediate overlay.
    void geometryChanged(const QList<int> &rows);
    void selectionChanged();
};

} // namespace vnland::gui
