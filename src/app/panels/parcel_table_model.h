// Attribute table model: one row per loaded parcel (Document row order).
#pragma once

#include <QAbstractTableModel>

namespace vnland::app {

class Document;

class ParcelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ColToSo, ColThuaSo, ColLanduse, ColMeasuredArea, ColLegalArea, ColOwner, ColAddress, ColCommune,
                  ColFlags, ColumnCount };

    explicit ParcelTableModel(QObject *parent = nullptr);
    void setDocument(Document *doc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Edits go through Document::changeValue (undoable, validated).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Role giving a value that sorts naturally (numbers as numbers).
    static constexpr int SortRole = Qt::UserRole + 1;

private:
    Document *m_doc = nullptr;
};

} // namespace vnland::app
