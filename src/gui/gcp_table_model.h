// The GCP table of the georeferencing window: one row per ground control
// point (điểm khống chế) with its scan pixel, its map coordinates (editable),
// the enable box and the residuals of the current fit, coloured against the
// cadastral tolerance (hạn sai). The model only shows state; edits are handed
// to the window as requests so that each one becomes an undoable command.
#pragma once

#include "georef/gcp_fit.h"
#include "georef/gcp_set.h"

#include <QAbstractTableModel>

namespace vnland::gui {

/// Gcp::confidence of a point placed on the scan whose map coordinate is not given yet.
constexpr double kAwaitingMapCoordinate = -2;

class GcpTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Enabled, PixelX, PixelY, MapX, MapY, ResidualX, ResidualY, Residual, ColumnCount };

    explicit GcpTableModel(QObject *parent = nullptr);

    /// Shows @p gcps with the residuals of @p fit (which may have failed).
    void setState(const georef::GcpSet &gcps, const georef::GcpFit &fit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    /// Residual colours: within the tolerance / beyond it.
    static QColor okColor();
    static QColor badColor();

signals:
    void mapEdited(int row, double mapX, double mapY);
    void pixelEdited(int row, double pixelX, double pixelY);
    void enabledEdited(int row, bool enabled);

private:
    const georef::GcpResidual *residual(int row) const;

    georef::GcpSet m_gcps;
    georef::GcpFit m_fit;
};

/// Reads a number typed with '.' or ',' as decimal separator (spaces ignored).
std::optional<double> parseNumber(const QString &text);

} // namespace vnland::gui
