// Land-database server dialog (Máy chủ cơ sở dữ liệu đất đai): check a map
// sheet or commune out of the province's PostGIS server into a work project,
// and check a work project back in, through the server backend plugin. The
// plugin runs on a worker thread with its own connections; the window keeps
// handling events. Conflicts and refused topology errors are listed.
#pragma once

#include "plugin/sync_backend.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vnland::app {

class SyncDialog : public QDialog {
    Q_OBJECT
public:
    /// @p workPath: the open project (checked in by "Check in"), may be empty.
    explicit SyncDialog(const QString &workPath, QWidget *parent = nullptr);

    QLineEdit *connectionEdit() const { return m_connection; }
    QLineEdit *schemaEdit() const { return m_schema; }
    QLineEdit *communeEdit() const { return m_commune; }
    QLineEdit *sheetEdit() const { return m_sheet; }
    QLineEdit *targetEdit() const { return m_target; }
    QLineEdit *workEdit() const { return m_work; }
    QCheckBox *skipConflictsBox() const { return m_skipConflicts; }
    QPushButton *checkoutButton() const { return m_checkout; }
    QPushButton *checkinButton() const { return m_checkin; }
    QPlainTextEdit *log() const { return m_log; }
    bool isBusy() const { return m_busy; }

signals:
    /// After an operation: the CLI-style status (0 ok, 1 conflicts/findings, 2 failure).
    void operationDone(int status);
    /// A work project was written at @p path (the editor may open it).
    void checkedOut(const QString &path);

private:
    void checkout();
    void checkin();
    void run(const QString &title, std::function<plugin::SyncReport()> job,
             std::function<void(const plugin::SyncReport &)> done);
    plugin::SyncOptions options() const;

    plugin::SyncBackendPlugin *m_backend = nullptr;
    QLineEdit *m_connection = nullptr;
    QLineEdit *m_schema = nullptr;
    QLineEdit *m_commune = nullptr;
    QLineEdit *m_sheet = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_work = nullptr;
    QCheckBox *m_skipConflicts = nullptr;
    QPushButton *m_checkout = nullptr;
    QPushButton *m_checkin = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_status = nullptr;
    bool m_busy = false;
};

} // namespace vnland::app
