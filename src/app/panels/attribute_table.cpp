// Attribute table and its two-way selection sync.
#include "panels/attribute_table.h"

#include "document/document.h"
#include "panels/parcel_table_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vnland::app {

AttributeTable::AttributeTable(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter (number, code, land user, address…)"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_model = new ParcelTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ParcelTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttributeTable::tableSelectionChanged);
}

void AttributeTable::setDocument(Document *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    m_model->setDocument(doc);
    if (m_doc)
        connect(m_doc, &Document::selectionChanged, this, &AttributeTable::documentSelectionChanged);
    m_view->resizeColumnsToContents();
}

QList<int> AttributeTable::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void AttributeTable::tableSelectionChanged()
{
    if (m_syncing || !m_doc)
        return;
    m_syncing = true;
    const QList<int> rows = selectedRows();
    m_doc->setSelection(QSet<int>(rows.begin(), rows.end()));
    m_syncing = false;
}

void AttributeTable::documentSelectionChanged()
{
    if (m_syncing || !m_doc)
        return;
    m_syncing = true;
    QItemSelection sel;
    QModelIndex first;
    for (int row : m_doc->selection()) {
        const QModelIndex pi = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!pi.isValid())
            continue;   // filtered out
        sel.select(pi, pi.siblingAtColumn(ParcelTableModel::ColumnCount - 1));
        if (!first.isValid() || pi.row() < first.row())
            first = pi;
    }
    m_view->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
    m_syncing = false;
}

} // namespace vnland::app
