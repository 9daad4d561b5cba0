// COGO traverse dialog (đường chuyền): a start point, legs of bearing and
// distance in a table, an optional closing point; shows the misclose (sai số
// khép) and its ratio live, the compass-rule (Bowditch) adjusted coordinates
// from survey::adjustTraverse, and stores the points and legs in the project
// through survey::storeSurvey, as `vnland cogo` does.
#pragma once

#include "survey/cogo.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace vnland::store {
class Project;
}

namespace vnland::app {

class CogoDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { ColPoint, ColBearing, ColDistance };
    enum Closing { OpenTraverse, CloseOnStart, CloseOnKnownPoint };

    explicit CogoDialog(store::Project &project, QWidget *parent = nullptr);

    /// The traverse as entered, or nothing with the reason in @p error.
    std::optional<survey::Traverse> traverse(QString *error = nullptr) const;
    /// The last computed result (nothing while the input is incomplete).
    const std::optional<survey::TraverseResult> &result() const { return m_result; }

    QLineEdit *startNameEdit() const { return m_startName; }
    QLineEdit *startNorthEdit() const { return m_startNorth; }
    QLineEdit *startEastEdit() const { return m_startEast; }
    QTableWidget *legTable() const { return m_legs; }
    QComboBox *closingCombo() const { return m_closing; }
    QLineEdit *closeNameEdit() const { return m_closeName; }
    QLineEdit *closeNorthEdit() const { return m_closeNorth; }
    QLineEdit *closeEastEdit() const { return m_closeEast; }
    QLabel *miscloseLabel() const { return m_misclose; }
    QLabel *ratioLabel() const { return m_ratio; }
    QTableWidget *resultTable() const { return m_points; }
    QPushButton *storeButton() const { return m_store; }
    QLabel *statusLabel() const { return m_status; }

    /// Stores the adjusted points and legs; false + reason in the status line.
    bool storePoints();

signals:
    void stored(int points, int lines);

private:
    void recompute();
    void addLeg();
    void removeLeg();

    store::Project &m_project;
    std::optional<survey::TraverseResult> m_result;
    QLineEdit *m_startName;
    QLineEdit *m_startNorth;
    QLineEdit *m_startEast;
    QTableWidget *m_legs;
    QComboBox *m_closing;
    QLineEdit *m_closeName;
    QLineEdit *m_closeNorth;
    QLineEdit *m_closeEast;
    QLabel *m_misclose;
    QLabel *m_ratio;
    QTableWidget *m_points;
    QPushButton *m_store;
    QLabel *m_status;
};

} // namespace vnland::app
