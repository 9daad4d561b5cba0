// The editor's main window: menus, toolbar, map canvas, docks (layers,
// attribute table, parcel form, messages) and the status bar.
#pragma once

#include <QMainWindow>
#include <QPointer>

#include "editor_context.h"
#include "io/vector_importer.h"

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QToolBar;
class QToolButton;

namespace vnland::crs {
class Transformer;
}

namespace vnland::gui {
class MapCanvas;
class Task;
class TaskRunner;
}

namespace vnland::app {

class ActionRegistry;
class AttributeTable;
class DigitizeActions;
class DigitizeTools;
class Document;
class GeorefWindow;
class ValidationPanel;
class ParcelForm;
class ReviewPanel;

class MainWindow : public QMainWindow, public EditorContext {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts opening a project as a task (progress and a cancel button in the
    /// status bar, the window stays usable) and returns at once: false when it
    /// cannot start (a load is running). projectOpened() follows on the GUI thread.
    /// On failure logs the reason and, unless @p quiet, shows it in a dialog.
    bool openProject(const QString &path, bool quiet = false);
    bool isLoading() const { return m_loading; }
    /// The runner of the editor's long jobs (import, export, validation, fixes, georeferencing …).
    gui::TaskRunner *tasks() const override { return m_tasks; }
    /// Every menu and toolbar action by id (its object name).
    ActionRegistry *actions() const override { return m_actions; }
    /// The digitizing tools (the canvas's map tool).
    DigitizeTools *digitizeTools() const;
    void closeProject();
    /// Writes a copy of the open project to @p path and continues working in the copy
    /// (returns once the copy is written; the copy opens as a task).
    bool saveProjectAs(const QString &path, bool quiet = false);
    /// Adds a GDAL raster (scan, GeoTIFF) in the project CRS under the vector layers.
    bool addRasterLayer(const QString &path, bool quiet = false) override;
    void trackTask(gui::Task *task) override;
    QListWidget *layerList() const { return m_layers; }
    /// Starts importing a vector file into the open project as a task (its own
    /// connection, progress, cancel that stops the import and rolls it back),
    /// then reloads the project; importFinished() follows. Returns false with the
    /// reason logged (and shown unless @p quiet) when it cannot start: no project,
    /// or another task is writing to it.
    bool importFile(const QString &path, const io::ImportOptions &options, bool quiet = false);
    /// Starts exporting the open project (io::exportProject) as a task through its own
    /// connection into a private folder next to @p path; only a complete, not cancelled
    /// export replaces @p path. exportFinished() follows.
    bool exportTo(const QString &path, const QString &format, bool quiet = false);
    /// The status-bar task progress and its cancel button.
    QProgressBar *taskProgress() const { return m_progress; }
    QToolButton *taskCancelButton() const { return m_cancelLoad; }

signals:
    /// A load started by openProject() ended: @p ok, or the reason.
    void projectOpened(bool ok, const QString &error);
    /// An import ended (after the reload): the summary, or the reason / "cancelled".
    void importFinished(bool ok, const QString &message);
    void exportFinished(bool ok, const QString &message);

public:

    Document *document() const override { return m_doc.get(); }
    gui::MapCanvas *canvas() const override { return m_canvas; }
    AttributeTable *attributeTable() const { return m_table; }
    ParcelForm *parcelForm() const { return m_form; }
    QLabel *coordinateLabel() const { return m_coordLabel; }
    QLabel *wgs84Label() const { return m_wgsLabel; }
    QLabel *scaleLabel() const { return m_scaleLabel; }
    QLabel *crsLabel() const { return m_crsLabel; }
    QPlainTextEdit *messages() const { return m_messages; }
    ValidationPanel *validationPanel() const { return m_validation; }
    ReviewPanel *reviewPanel() const { return m_review; }
    /// The georeferencing window (created on first use, not shown).
    GeorefWindow *georefWindow();

    void logMessage(const QString &text) override;

protected:
    void closeEvent(QCloseEvent *e) override;

private:
    void raiseReviewDock();
    void addProjectRasters();
    void createActions();
    /// Offers to restore the crash journal of the open project (quiet: restores).
    void offerJournalRestore(bool quiet);
    void createDocks();
    void createStatusBar();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void updateTitle();
    void updateCursor(const QPointF &world);
    void updateScale();
    void showIdentify(int row);

    void newProjectDialog();
    void openDialog();
    void saveAsDialog();
    void addRasterDialog();
    void importDialog();
    void exportDialog();
    /// Shows @p task in the status bar (progress, cancel button) while it runs.

    /// Takes over a loaded document (or reports why there is none).
    bool adoptDocument(std::unique_ptr<Document> doc, const QString &error, bool quiet);
    void finishImport(const QString &path, const io::ImportResult &result, const QString &failure, bool cancelled, bool quiet);
    void settingsDialog();
    void aboutDialog();
    void reportDialog(int kind);   ///< kind: ReportKind (report_dialog.h)
    void cogoDialog();
    void georefDialog();

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<crs::Transformer> m_toWgs84;
    gui::MapCanvas *m_canvas;
    AttributeTable *m_table = nullptr;
    ParcelForm *m_form = nullptr;
    ValidationPanel *m_validation = nullptr;
    ReviewPanel *m_review = nullptr;
    GeorefWindow *m_georef = nullptr;
    QListWidget *m_layers = nullptr;
    QPlainTextEdit *m_messages = nullptr;
    QLabel *m_coordLabel = nullptr;
    QLabel *m_wgsLabel = nullptr;
    QLabel *m_scaleLabel = nullptr;
    QLabel *m_crsLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_reportsMenu = nullptr;
    QMenu *m_surveyMenu = nullptr;
    ActionRegistry *m_actions = nullptr;
    DigitizeActions *m_digitize = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_addRasterAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelLoad = nullptr;
    bool m_loading = false;
    gui::TaskRunner *m_tasks = nullptr;
    QPointer<gui::Task> m_shownTask;
};

} // namespace vnland::app
