// Attribute table dock contents: filter box + sortable table over the
// Document's parcels, with its selection kept in step with the map.
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace vnland::app {

class Document;
class ParcelTableModel;

class AttributeTable : public QWidget {
    Q_OBJECT
public:
    explicit AttributeTable(QWidget *parent = nullptr);
    void setDocument(Document *doc);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    ParcelTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    /// Document rows selected in the table.
    QList<int> selectedRows() const;

private:
    void tableSelectionChanged();
    void documentSelectionChanged();

    Document *m_doc = nullptr;
    ParcelTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    bool m_syncing = false;
};

} // namespace vnland::app
