// The review dock (rà soát thửa đề xuất): every unreviewed candidate of the
// open project, the ones with review reasons first, with their number, code,
// printed area and the reasons in words. A click selects the candidate and
// zooms to it (the parcel form shows it for editing); Accept, Reject and
// "Accept all without reasons" are undoable steps.
#pragma once

#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace vnland::app {

class Document;
class EditorContext;

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPanel(EditorContext *context, QWidget *parent = nullptr);
    void setDocument(Document *doc);

    QTreeWidget *list() const { return m_list; }
    /// Parcel ids listed, in list order.
    std::vector<int64_t> listedIds() const;
    /// Selects and zooms to the candidate in list row @p index.
    void showCandidate(int index);
    /// Accept / reject the candidates selected in the list (or on the map); false + reason.
    bool acceptSelected(QString *error = nullptr);
    bool rejectSelected(QString *error = nullptr);
    /// Accepts every candidate without review reasons.
    bool acceptAllClean(QString *error = nullptr);
    QLabel *summary() const { return m_summary; }

public slots:
    /// Rebuilds the list from the document (also done after every change).
    void refresh();

private:
    std::vector<int64_t> selectedIds() const;
    void updateButtons();
    bool finish(bool ok, const QString &why, QString *error);

    EditorContext *m_context;
    QPointer<Document> m_doc;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_accept = nullptr, *m_reject = nullptr, *m_acceptClean = nullptr;
    QTimer *m_refresh = nullptr;
};

} // namespace vnland::app
