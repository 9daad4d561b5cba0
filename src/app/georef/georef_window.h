// The georeferencing window (nắn bản đồ quét): the scan beside the GCP table,
// the transform choice with the mean error (sai số trung phương) updated on
// every change, grid-cross detection, a live low-resolution preview of the
// warped scan on the main map, the warp itself (GDAL, in the background with
// a cancelable progress dialog) and .points load/save. GCP edits go through
// the window's own undo stack; every command stores whole GCP sets (small).
// The maths lives in core/georef; this window only drives it.
#pragma once

#include "georef/gcp_fit.h"
#include "georef/gcp_set.h"
#include "georef/warp.h"
#include "gui/georef_preview.h"
#include "gui/task_runner.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <atomic>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QSpinBox;
class QTableView;
class QTimer;
class QUndoStack;

namespace vnland::vectorize {
struct IntoResult;
}

namespace vnland::gui {
class GcpTableModel;
class ScanView;
}

namespace vnland::app {

class Document;
class EditorContext;

class GeorefWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit GeorefWindow(EditorContext *main, QWidget *parent = nullptr);
    ~GeorefWindow() override;

    /// Opens a scan; GCPs stored for it in the project (or a `<scan>.points`
    /// next to it) are loaded. False + @p error when unreadable.
    bool openScan(const QString &path, QString *error = nullptr);
    QString scanPath() const { return m_scanPath; }

    const georef::GcpSet &gcps() const { return m_gcps; }
    const georef::GcpFit &fit() const { return m_fit; }
    georef::TransformType transformType() const { return m_type; }
    void setTransformType(georef::TransformType type);
    /// Map scale denominator (tolerance = 0.2 mm at this scale).
    int scale() const;

    // Edits (each one undoable).
    /// Adds a point at a scan pixel. It waits, disabled, for its map coordinate
    /// (typed in the table or picked on the main map) unless @p map is given.
    int addGcp(const QPointF &pixel, std::optional<QPointF> map = std::nullopt);
    void moveGcpPixel(int index, const QPointF &pixel);
    void setGcpMap(int index, const QPointF &map);
    void setGcpEnabled(int index, bool enabled);
    void removeGcp(int index);
    /// Replaces the whole set as one undoable step.
    void replaceGcps(const georef::GcpSet &gcps, const QString &undoText);

    bool loadPoints(const QString &path, QString *error = nullptr);
    bool savePoints(const QString &path, QString *error = nullptr);
    /// Starts detecting the grid crosses of the sheet named in the sheet box,
    /// predicted from the enabled GCPs, as a task (the window stays usable; the
    /// status bar's Cancel drops the result). The accepted ones then replace the
    /// GCPs (manual points away from any cross are kept) and crossesDetected()
    /// follows. False + @p error when it cannot start.
    bool detectCrosses(QString *error = nullptr);
    /// Starts warping the scan with the current transform into @p outPath
    /// (GeoTIFF) as a task with progress and a Cancel that stops GDAL and removes
    /// the partial file; then registers it in the project and adds it to the map.
    /// warpFinished() follows. False + @p error when it cannot start.
    bool warpTo(const QString &outPath, bool quiet = false, QString *error = nullptr);
    /// Starts vectorizing the scan (vnland vectorize --into) as a task with progress and a
    /// Cancel that stops it: the georeference is the current GCPs and transform, the frame
    /// the map sheet, the parcels go to sheet number @p toSo (0: the project's map_sheet
    /// row of the sheet) as candidates flagged for review, in one transaction, then are
    /// loaded into the editor. sheetVectorized() follows. False + @p error when it cannot start.
    bool vectorizeSheet(int toSo, QString *error = nullptr);
    QSpinBox *toSoSpin() const { return m_toSo; }
    /// The running detection, warp or vectorization, if any.
    gui::Task *currentTask() const { return m_task; }
    QProgressBar *taskProgress() const { return m_taskProgress; }
    QToolButton *taskCancelButton() const { return m_taskCancel; }

    /// Sets the map coordinate of the current GCP from a point of the main map.
    void pickMapCoordinate(const QPointF &world);

    gui::ScanView *scanView() const { return m_view; }
    QTableView *gcpTable() const { return m_table; }
    gui::GcpTableModel *gcpModel() const { return m_model; }
    QComboBox *transformCombo() const { return m_transform; }
    QLabel *meanErrorLabel() const { return m_meanError; }
    QLineEdit *sheetEdit() const { return m_sheet; }
    QSpinBox *scaleSpin() const { return m_scale; }
    QUndoStack *undoStack() const { return m_undo; }
    QAction *pickAction() const { return m_pickAction; }
    /// Number of preview images shown on the map so far; true while one is due.
    int previewCount() const { return m_previewCount; }
    bool previewPending() const;

    /// Applies a GCP set without an undo entry (used by the undo commands).
    void applyGcps(const georef::GcpSet &gcps);

signals:
    void gcpsChanged();
    void previewUpdated();
    /// Detection ended: the number of crosses accepted, or −1 and the reason (also "cancelled").
    void crossesDetected(int accepted, const QString &error);
    /// A warp ended: written, registered and added, or the reason.
    void warpFinished(bool ok, const QString &error);
    /// A vectorization ended: @p inserted candidates (of them @p flagged with review
    /// reasons) are in the project, or the reason (also "cancelled").
    void sheetVectorized(bool ok, int inserted, int flagged, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *e) override;

private:
    QString intoProblemText(const vectorize::IntoResult &r) const;
    void createUi();
    void refit();
    void updateMarkers();
    void updateMeanError();
    void schedulePreview();
    void startPreview();
    void clearPreview();
    int currentRow() const;
    void openScanDialog();
    void loadPointsDialog();
    void savePointsDialog();
    void warpDialog();
    void detectClicked();
    void setPicking(bool on);

    EditorContext *m_main;
    QPointer<gui::Task> m_task;
    QProgressBar *m_taskProgress = nullptr;
    QToolButton *m_taskCancel = nullptr;
    void trackTask(gui::Task *task);
    /// Registers a finished warp in the project and adds it to the map; empty or the reason.
    QString registerWarp(const georef::WarpResult &res, const QString &outPath, const georef::WarpOptions &opt,
                         Document *docAtStart, bool quiet);
    QString m_scanPath;
    gui::ScanImage m_scan;           // reduced copy for the view
    QImage m_previewSource;     // smaller copy for the live preview
    georef::GcpSet m_gcps;
    georef::GcpFit m_fit;
    georef::TransformType m_type = georef::TransformType::Affine;
    int m_nextId = 1;

    gui::ScanView *m_view = nullptr;
    QTableView *m_table = nullptr;
    gui::GcpTableModel *m_model = nullptr;
    QComboBox *m_transform = nullptr;
    QSpinBox *m_scale = nullptr;
    QSpinBox *m_toSo = nullptr;
    QLineEdit *m_sheet = nullptr;
    QLabel *m_meanError = nullptr;
    QLabel *m_cursor = nullptr;
    QUndoStack *m_undo = nullptr;
    QAction *m_pickAction = nullptr;
    QAction *m_previewAction = nullptr;

    QTimer *m_previewTimer = nullptr;
    QPointer<QFutureWatcher<gui::PreviewImage>> m_previewWatcher;
    std::shared_ptr<std::atomic<bool>> m_previewCancel;
    bool m_previewDirty = false;
    int m_previewCount = 0;

    QPoint m_pickPress;
};

} // namespace vnland::app
