// Attribute table model over the Document.
#include "panels/parcel_table_model.h"

#include "document/document.h"

#include <QColor>

namespace vnland::app {

ParcelTableModel::ParcelTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ParcelTableModel::setDocument(Document *doc)
{
    beginResetModel();
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (m_doc) {
        connect(m_doc, &Document::parcelChanged, this, [this](int row) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        });
        // Geometry edits add and remove rows (new parcels, retired ones).
        connect(m_doc, &Document::rowsAboutToBeRemoved, this, [this](int a, int b) { beginRemoveRows({}, a, b); });
        connect(m_doc, &Document::rowsRemoved, this, [this] { endRemoveRows(); });
        connect(m_doc, &Document::rowsAboutToBeInserted, this, [this](int a, int b) { beginInsertRows({}, a, b); });
        connect(m_doc, &Document::rowsInserted, this, [this] { endInsertRows(); });
    }
    endResetModel();
}

int ParcelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_doc ? 0 : m_doc->parcelCount();
}

int ParcelTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ParcelTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_doc || !index.isValid())
        return {};
    const model::Parcel &p = m_doc->parcel(index.row());
    auto optInt = [](const std::optional<int> &v) { return v ? QVariant(*v) : QVariant(); };
    auto optReal = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
    if (role == SortRole || role == Qt::EditRole) {
        switch (index.column()) {
        case ColToSo: return optInt(p.toSo);
        case ColThuaSo: return optInt(p.thuaSo);
        case ColMeasuredArea: return optReal(p.measuredArea);
        case ColLegalArea: return optReal(p.legalArea);
        default: break;
        }
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole) {
        switch (index.column()) {
        case ColToSo: return p.toSo ? QString::number(*p.toSo) : QString();
        case ColThuaSo: return p.thuaSo ? QString::number(*p.thuaSo) : QString();
        case ColLanduse: return QString::fromStdString(p.landuseCode);
        case ColMeasuredArea: return formatArea(p.measuredArea);
        case ColLegalArea: return formatArea(p.legalArea);
        case ColOwner: return QString::fromStdString(p.ownerName);
        case ColAddress: return QString::fromStdString(p.address);
        case ColCommune: return QString::fromStdString(p.communeCode);
        case ColFlags: return QString::fromStdString(p.flags);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case ColToSo:
        case ColThuaSo:
        case ColMeasuredArea:
        case ColLegalArea: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ColFlags && !p.flags.empty())
        return QColor(180, 0, 0);
    return {};
}

QVariant ParcelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ColToSo: return tr("Sheet");
    case ColThuaSo: return tr("Parcel");
    case ColLanduse: return tr("Land-use code");
    case ColMeasuredArea: return tr("Measured area (m²)");
    case ColLegalArea: return tr("Legal area (m²)");
    case ColOwner: return tr("Land user");
    case ColAddress: return tr("Address");
    case ColCommune: return tr("Commune code");
    case ColFlags: return tr("Flags");
    default: return {};
    }
}

Qt::ItemFlags ParcelTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    switch (index.column()) {
    case ColToSo:
    case ColThuaSo:
    case ColLanduse:
    case ColLegalArea:
    case ColOwner:
    case ColAddress: f |= Qt::ItemIsEditable; break;
    default: break;
    }
    return f;
}

bool ParcelTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_doc || role != Qt::EditRole)
        return false;
    ParcelField field;
    switch (index.column()) {
    case ColToSo: field = ParcelField::ToSo; break;
    case ColThuaSo: field = ParcelField::ThuaSo; break;
    case ColLanduse: field = ParcelField::LanduseCode; break;
    case ColLegalArea: field = ParcelField::LegalArea; break;
    case ColOwner: field = ParcelField::OwnerName; break;
    case ColAddress: field = ParcelField::Address; break;
    default: return false;
    }
    QString error;
    if (!m_doc->changeValue(index.row(), field, value, &error)) {
        if (!error.isEmpty())
            emit m_doc->message(error);
        return false;
    }
    return true;
}

} // namespace vnland::app
