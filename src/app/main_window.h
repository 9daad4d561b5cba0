// The editor's main window: menus, toolbar, map canvas, docks (layers,
// attribute table, parcel form, messages) and the status bar.
#pragma once

#include <QMainWindow>

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

namespace vnland::app {

class AttributeTable;
class Document;
class GeorefWindow;
class ValidationPanel;
class MapCanvas;
class ParcelForm;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a project. Loading runs on a worker thread with progress and a
    /// cancel button in the status bar while the window keeps handling events;
    /// returns when done. On failure logs the reason and, unless @p quiet, shows it in a dialog.
    bool openProject(const QString &path, bool quiet = false);
    bool isLoading() const { return m_loading; }
    void closeProject();
    /// Writes a copy of the open project to @p path and continues working in the copy.
    bool saveProjectAs(const QString &path, bool quiet = false);
    /// Adds a GDAL raster (scan, GeoTIFF) in the project CRS under the vector layers.
    bool addRasterLayer(const QString &path, bool quiet = false);
    QListWidget *layerList() const { return m_layers; }
    /// Imports a vector file into the open project in the background (progress,
    /// cancel), then reloads the project. Returns false with the reason logged.
    bool importFile(const QString &path, const io::ImportOptions &options, bool quiet = false);
    /// Exports the open project (io::exportProject) in the background.
    bool exportTo(const QString &path, const QString &format, bool quiet = false);

    Document *document() const { return m_doc.get(); }
    MapCanvas *canvas() const { return m_canvas; }
    AttributeTable *attributeTable() const { return m_table; }
    ParcelForm *parcelForm() const { return m_form; }
    QLabel *coordinateLabel() const { return m_coordLabel; }
    QLabel *wgs84Label() const { return m_wgsLabel; }
    QLabel *scaleLabel() const { return m_scaleLabel; }
    QLabel *crsLabel() const { return m_crsLabel; }
    QPlainTextEdit *messages() const { return m_messages; }
    ValidationPanel *validationPanel() const { return m_validation; }
    /// The georeferencing window (created on first use, not shown).
    GeorefWindow *georefWindow();

    void logMessage(const QString &text);

protected:
    void closeEvent(QCloseEvent *e) override;

private:
    void createActions();
    /// Digitize menu (Số hóa) and toolbar; tool actions join @p tools.
    void createDigitizeActions(QActionGroup *tools);
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
    /// Runs @p work on a worker thread behind a modal progress dialog; the
    /// work gets a progress callback (done, total) and a cancel flag.
    void runWithProgress(const QString &title,
                         const std::function<void(const std::function<void(int64_t, int64_t)> &, const std::atomic<bool> &)> &work);
    void settingsDialog();
    void aboutDialog();
    void reportDialog(int kind);   ///< kind: ReportKind (report_dialog.h)
    void cogoDialog();
    void georefDialog();

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<crs::Transformer> m_toWgs84;
    MapCanvas *m_canvas;
    AttributeTable *m_table = nullptr;
    ParcelForm *m_form = nullptr;
    ValidationPanel *m_validation = nullptr;
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
    QToolBar *m_digitizeToolbar = nullptr;
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
};

} // namespace vnland::app
