// The GCP table model.
#include "gui/gcp_table_model.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace vnland::gui {

GcpTableModel::GcpTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void GcpTableModel::setState(const georef::GcpSet &gcps, const georef::GcpFit &fit)
{
    const bool sameRows = gcps.size() == m_gcps.size();
    if (!sameRows)
        beginResetModel();
    m_gcps = gcps;
    m_fit = fit;
    if (!sameRows)
        endResetModel();
    else if (!m_gcps.points().empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int GcpTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_gcps.size()); }

int GcpTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

const georef::GcpResidual *GcpTableModel::residual(int row) const
{
    if (!m_fit.ok())
        return nullptr;
    for (const auto &r : m_fit.residuals)
        if (r.index == size_t(row))
            return &r;
    return nullptr;
}

QColor GcpTableModel::okColor() { return QColor(190, 235, 190); }
QColor GcpTableModel::badColor() { return QColor(245, 175, 175); }

QVariant GcpTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const georef::Gcp &g = m_gcps.at(size_t(index.row()));
    const int col = index.column();
    if (role == Qt::CheckStateRole && col == Enabled)
        return g.enabled ? Qt::Checked : Qt::Unchecked;
    const georef::GcpResidual *r = residual(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        QLocale loc;
        loc.setNumberOptions(QLocale::OmitGroupSeparator);
        auto num = [&](double v, int decimals) {
            return role == Qt::EditRole ? QVariant(QString::number(v, 'f', decimals)) : QVariant(loc.toString(v, 'f', decimals));
        };
        switch (col) {
        case Id:
            return g.id.empty() ? QString::number(index.row() + 1) : QString::fromStdString(g.id);
        case PixelX:
            return num(g.pixelX, 2);
        case PixelY:
            return num(g.pixelY, 2);
        case MapX:
            return num(g.mapX, 3);
        case MapY:
            return num(g.mapY, 3);
        case ResidualX:
            return r ? num(r->dxMap, 3) : QVariant();
        case ResidualY:
            return r ? num(r->dyMap, 3) : QVariant();
        case Residual:
            return r ? num(r->map, 3) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::BackgroundRole && r && g.enabled && m_fit.tolerance > 0 &&
        (col == ResidualX || col == ResidualY || col == Residual)) {
        const double v = col == ResidualX ? std::abs(r->dxMap) : col == ResidualY ? std::abs(r->dyMap) : r->map;
        return v <= m_fit.tolerance ? okColor() : badColor();
    }
    const bool awaiting = g.confidence == kAwaitingMapCoordinate;
    if (role == Qt::ForegroundRole && !g.enabled)
        return QColor(Qt::gray);
    if (role == Qt::FontRole && awaiting && (col == MapX || col == MapY)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ToolTipRole && awaiting)
        return tr("Type the map coordinate of this point or pick it on the main map; it joins the fit then");
    if (role == Qt::TextAlignmentRole && col >= PixelX)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && r && r->blunder)
        return tr("Leave-one-out error %1 m: probably a blunder").arg(r->leaveOneOut, 0, 'f', 3);
    return {};
}

QVariant GcpTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Point");
    case Enabled: return tr("On");
    case PixelX: return tr("Column (px)");
    case PixelY: return tr("Row (px)");
    case MapX: return tr("Y east (m)");
    case MapY: return tr("X north (m)");
    case ResidualX: return tr("dY (m)");
    case ResidualY: return tr("dX (m)");
    case Residual: return tr("Residual (m)");
    default: return {};
    }
}

Qt::ItemFlags GcpTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Enabled)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == PixelX || index.column() == PixelY || index.column() == MapX || index.column() == MapY)
        f |= Qt::ItemIsEditable;
    return f;
}

std::optional<double> parseNumber(const QString &text)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool GcpTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    const int row = index.row();
    const georef::Gcp &g = m_gcps.at(size_t(row));
    if (role == Qt::CheckStateRole && index.column() == Enabled) {
        const bool on = value.toInt() == Qt::Checked;
        if (on != g.enabled)
            emit enabledEdited(row, on);
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const auto v = parseNumber(value.toString());
    if (!v)
        return false;
    switch (index.column()) {
    case PixelX:
        emit pixelEdited(row, *v, g.pixelY);
        return true;
    case PixelY:
        emit pixelEdited(row, g.pixelX, *v);
        return true;
    case MapX:
        emit mapEdited(row, *v, g.mapY);
        return true;
    case MapY:
        emit mapEdited(row, g.mapX, *v);
        return true;
    default:
        return false;
    }
}

} // namespace vnland::gui
