// The georeferencing window.
#include "georef/georef_window.h"

#include "document/document.h"
#include "gui/gcp_table_model.h"
#include "editor_context.h"
#include "gui/map_canvas.h"
#include "gui/scan_view.h"

#include "crs/map_sheet_grid.h"
#include "georef/cross_detector.h"
#include "georef/raster_store.h"
#include "georef/warp.h"
#include "vectorize/vectorize.h"
#include "vectorize/vectorize_store.h"
#include "store/project.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QFile>
#include <QProgressBar>
#include <QToolButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <cmath>

namespace vnland::app {

namespace {

constexpr int kViewMaxSide = 4096;     // scan copy held for the view
constexpr int kPreviewSourceSide = 1200;
constexpr int kPreviewMaxSide = 1024;  // preview image on the map
constexpr int kPreviewDelayMs = 60;    // throttle: coalesce bursts of edits
constexpr double kAwaitingMap = gui::kAwaitingMapCoordinate;

/// One GCP edit: the whole set before and after (sets are small).
class GcpEdit : public QUndoCommand {
public:
    GcpEdit(GeorefWindow *w, const QString &text, georef::GcpSet before, georef::GcpSet after)
        : QUndoCommand(text), m_w(w), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_w->applyGcps(m_after); }
    void undo() override { m_w->applyGcps(m_before); }

private:
    GeorefWindow *m_w;
    georef::GcpSet m_before, m_after;
};

QString transformName(georef::TransformType t)
{
    using T = georef::TransformType;
    switch (t) {
    case T::Linear: return GeorefWindow::tr("Linear (shift and scale)");
    case T::Helmert: return GeorefWindow::tr("Helmert");
    case T::Affine: return GeorefWindow::tr("Affine (polynomial 1)");
    case T::Polynomial2: return GeorefWindow::tr("Polynomial 2");
    case T::Polynomial3: return GeorefWindow::tr("Polynomial 3");
    case T::ThinPlateSpline: return GeorefWindow::tr("Thin plate spline");
    case T::Projective: return GeorefWindow::tr("Projective");
    }
    return {};
}

/// The sheet id in a scan's file name, e.g. "to3_322500-5-d" -> "322500-5-d".
QString guessSheet(const QString &scanPath)
{
    const QString base = QFileInfo(scanPath).completeBaseName();
    const QStringList parts = base.split(QLatin1Char('_'));
    for (int i = 0; i < parts.size(); ++i) {
        const QString cand = parts.mid(i).join(QLatin1Char('_'));
        if (crs::sheetFrame(cand.toStdString()))
            return cand;
        if (crs::sheetFrame(parts[i].toStdString()))
            return parts[i];
    }
    return {};
}

} // namespace

GeorefWindow::GeorefWindow(EditorContext *main, QWidget *parent) : QMainWindow(parent, Qt::Window), m_main(main)
{
    setObjectName(QStringLiteral("georefWindow"));
    setWindowTitle(tr("Georeference scanned map"));
    m_undo = new QUndoStack(this);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &GeorefWindow::startPreview);
    createUi();
    refit();
    resize(1100, 700);
}

GeorefWindow::~GeorefWindow()
{
    if (m_previewCancel)
        m_previewCancel->store(true);
    if (m_previewWatcher)
        m_previewWatcher->disconnect(this);
    clearPreview();
    if (m_main && m_main->canvas())
        m_main->canvas()->removeEventFilter(this);
}

void GeorefWindow::createUi()
{
    m_view = new gui::ScanView(this);
    m_view->setObjectName(QStringLiteral("scanView"));
    m_model = new gui::GcpTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("gcpTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);

    m_transform = new QComboBox(this);
    m_transform->setObjectName(QStringLiteral("transformCombo"));
    for (auto t : georef::allTransforms())
        m_transform->addItem(transformName(t), int(t));
    m_transform->setCurrentIndex(m_transform->findData(int(m_type)));
    m_scale = new QSpinBox(this);
    m_scale->setRange(0, 100000);
    m_scale->setSingleStep(500);
    m_scale->setPrefix(QStringLiteral("1:"));
    m_scale->setValue(1000);
    m_scale->setSpecialValueText(tr("unknown"));
    m_sheet = new QLineEdit(this);
    m_sheet->setObjectName(QStringLiteral("sheetEdit"));
    m_sheet->setPlaceholderText(tr("e.g. 322500-5-d"));
    m_meanError = new QLabel(this);
    m_meanError->setObjectName(QStringLiteral("meanErrorLabel"));
    m_meanError->setWordWrap(true);
    m_meanError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *side = new QWidget(this);
    auto *form = new QFormLayout;
    form->addRow(tr("Transform:"), m_transform);
    form->addRow(tr("Map scale:"), m_scale);
    form->addRow(tr("Map sheet:"), m_sheet);
    m_toSo = new QSpinBox(this);
    m_toSo->setObjectName(QStringLiteral("toSoSpin"));
    m_toSo->setRange(0, 9999);
    m_toSo->setSpecialValueText(tr("from the project"));
    m_toSo->setToolTip(tr("Sheet number (tờ số) the vectorized parcels get; \"from the project\" takes it from the map sheet"));
    form->addRow(tr("Sheet number:"), m_toSo);
    auto *lay = new QVBoxLayout(side);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_table, 1);
    lay->addLayout(form);
    lay->addWidget(m_meanError);

    auto *split = new QSplitter(this);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    setCentralWidget(split);

    m_cursor = new QLabel(this);
    statusBar()->addPermanentWidget(m_cursor);
    m_taskProgress = new QProgressBar(this);
    m_taskProgress->setMaximumWidth(200);
    m_taskProgress->hide();
    m_taskCancel = new QToolButton(this);
    m_taskCancel->setObjectName(QStringLiteral("georefCancelButton"));
    m_taskCancel->setText(tr("Cancel"));
    m_taskCancel->hide();
    connect(m_taskCancel, &QToolButton::clicked, this, [this] {
        if (m_task)
            m_task->cancel();
        m_taskCancel->setEnabled(false);
    });
    statusBar()->addPermanentWidget(m_taskProgress);
    statusBar()->addPermanentWidget(m_taskCancel);

    QToolBar *tb = addToolBar(tr("Georeferencing"));
    tb->setObjectName(QStringLiteral("georefToolbar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tb->addAction(tr("Open scan…"), this, &GeorefWindow::openScanDialog);
    tb->addAction(tr("Load .points…"), this, &GeorefWindow::loadPointsDialog);
    tb->addAction(tr("Save .points…"), this, &GeorefWindow::savePointsDialog);
    tb->addSeparator();
    // Short, fixed names on the toolbar; the step they undo or redo is in the tooltip
    // (QUndoStack's own actions would grow into "Undo Move point GCP-12" buttons).
    auto *undo = new QAction(tr("Undo"), this);
    undo->setObjectName(QStringLiteral("undoGcpAction"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setEnabled(false);
    connect(undo, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, undo, [this, undo](const QString &t) {
        undo->setToolTip(t.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(t));
    });
    auto *redo = new QAction(tr("Redo"), this);
    redo->setObjectName(QStringLiteral("redoGcpAction"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setEnabled(false);
    connect(redo, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::redoTextChanged, redo, [this, redo](const QString &t) {
        redo->setToolTip(t.isEmpty() ? tr("Redo") : tr("Redo: %1").arg(t));
    });
    tb->addAction(undo);
    tb->addAction(redo);
    QAction *del = tb->addAction(tr("Delete point"), this, [this] {
        if (currentRow() >= 0)
            removeGcp(currentRow());
    });
    del->setObjectName(QStringLiteral("deleteGcpAction"));
    del->setShortcut(QKeySequence::Delete);   // a cell editor keeps its own Delete key
    tb->addSeparator();
    tb->addAction(tr("Detect grid crosses"), this, &GeorefWindow::detectClicked)
        ->setObjectName(QStringLiteral("detectAction"));
    m_pickAction = tb->addAction(tr("Pick on main map"));
    m_pickAction->setCheckable(true);
    m_pickAction->setToolTip(tr("Click on the main map to set the map coordinate of the selected point"));
    connect(m_pickAction, &QAction::toggled, this, &GeorefWindow::setPicking);
    m_previewAction = tb->addAction(tr("Preview on map"));
    m_previewAction->setCheckable(true);
    m_previewAction->setChecked(true);
    connect(m_previewAction, &QAction::toggled, this, [this](bool on) { on ? schedulePreview() : clearPreview(); });
    tb->addAction(tr("Warp…"), this, &GeorefWindow::warpDialog)->setObjectName(QStringLiteral("warpAction"));
    tb->addAction(tr("Vectorize sheet"), this, [this] {
          QString error;
          if (!vectorizeSheet(m_toSo->value(), &error))
              QMessageBox::warning(this, tr("Vectorize sheet"), error);
      })->setObjectName(QStringLiteral("vectorizeAction"));

    connect(m_view, &gui::ScanView::clicked, this, [this](const QPointF &px) {
        const int row = addGcp(px);
        m_table->selectRow(row);
        m_table->setFocus();
    });
    connect(m_view, &gui::ScanView::markerMoved, this, &GeorefWindow::moveGcpPixel);
    connect(m_view, &gui::ScanView::markerClicked, this, [this](int i) { m_table->selectRow(i); });
    connect(m_view, &gui::ScanView::cursorMoved, this, [this](const QPointF &px) {
        QString text = tr("Pixel %1, %2").arg(px.x(), 0, 'f', 1).arg(px.y(), 0, 'f', 1);
        if (m_fit.ok()) {
            const auto m = m_fit.model->forward({px.x(), px.y()});
            text += tr("  →  X %1  Y %2").arg(m.y, 0, 'f', 2).arg(m.x, 0, 'f', 2);
        }
        m_cursor->setText(text);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &cur) { m_view->setCurrentMarker(cur.isValid() ? cur.row() : -1); });
    connect(m_model, &gui::GcpTableModel::mapEdited, this, [this](int row, double x, double y) { setGcpMap(row, {x, y}); });
    connect(m_model, &gui::GcpTableModel::pixelEdited, this,
            [this](int row, double x, double y) { moveGcpPixel(row, {x, y}); });
    connect(m_model, &gui::GcpTableModel::enabledEdited, this, &GeorefWindow::setGcpEnabled);
    connect(m_transform, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_type = georef::TransformType(m_transform->itemData(i).toInt());
        refit();
    });
    connect(m_scale, &QSpinBox::valueChanged, this, [this] { refit(); });
}

int GeorefWindow::scale() const { return m_scale->value(); }

void GeorefWindow::setTransformType(georef::TransformType type)
{
    m_transform->setCurrentIndex(m_transform->findData(int(type)));
}

int GeorefWindow::currentRow() const
{
    const QModelIndex cur = m_table->currentIndex();
    return cur.isValid() ? cur.row() : -1;
}

bool GeorefWindow::openScan(const QString &path, QString *error)
{
    QString err;
    gui::ScanImage scan = gui::readScanImage(path, kViewMaxSide, &err);
    if (scan.image.isNull()) {
        if (error)
            *error = err;
        return false;
    }
    m_scanPath = QFileInfo(path).absoluteFilePath();
    m_scan = std::move(scan);
    m_previewSource = m_scan.image.width() > kPreviewSourceSide || m_scan.image.height() > kPreviewSourceSide
                          ? m_scan.image.scaled(kPreviewSourceSide, kPreviewSourceSide, Qt::KeepAspectRatio,
                                                Qt::SmoothTransformation)
                          : m_scan.image;
    m_view->setImage(m_scan.image, m_scan.fullSize);
    setWindowTitle(tr("Georeference scanned map – %1").arg(QFileInfo(path).fileName()));
    const QString sheet = guessSheet(path);
    m_sheet->setText(sheet);
    if (!sheet.isEmpty())
        if (const auto f = crs::sheetFrame(sheet.toStdString()))
            m_scale->setValue(f->scale);

    // GCPs saved with the scan: the project first, then QGIS's <scan>.points.
    georef::GcpSet gcps;
    bool found = false;
    if (m_main && m_main->document()) {
        store::Project &project = m_main->document()->project();
        if (const auto rec = georef::findRaster(project, m_scanPath.toStdString(), "scan")) {
            gcps = georef::loadGcps(project, rec->id);
            found = gcps.size() > 0;
        }
    }
    if (!found && QFileInfo::exists(m_scanPath + QStringLiteral(".points")))
        if (auto set = georef::GcpSet::readPoints((m_scanPath + QStringLiteral(".points")).toStdString()))
            gcps = std::move(*set);
    m_undo->clear();
    m_nextId = int(gcps.size()) + 1;
    applyGcps(gcps);
    return true;
}

void GeorefWindow::applyGcps(const georef::GcpSet &gcps)
{
    m_gcps = gcps;
    refit();
}

void GeorefWindow::replaceGcps(const georef::GcpSet &gcps, const QString &undoText)
{
    m_undo->push(new GcpEdit(this, undoText, m_gcps, gcps));
}

int GeorefWindow::addGcp(const QPointF &pixel, std::optional<QPointF> map)
{
    georef::Gcp g;
    g.pixelX = pixel.x();
    g.pixelY = pixel.y();
    g.id = QStringLiteral("P%1").arg(m_nextId++).toStdString();
    if (map) {
        g.mapX = map->x();
        g.mapY = map->y();
    } else {
        // Until the officer gives the map coordinate, the point waits disabled;
        // the current fit's prediction is a starting value to correct.
        if (m_fit.ok()) {
            const auto m = m_fit.model->forward({pixel.x(), pixel.y()});
            g.mapX = m.x;
            g.mapY = m.y;
        }
        g.enabled = false;
        g.confidence = kAwaitingMap;
    }
    georef::GcpSet after = m_gcps;
    const size_t i = after.add(g);
    replaceGcps(after, tr("Add point %1").arg(QString::fromStdString(g.id)));
    return int(i);
}

void GeorefWindow::moveGcpPixel(int index, const QPointF &pixel)
{
    if (index < 0 || size_t(index) >= m_gcps.size())
        return;
    georef::GcpSet after = m_gcps;
    after.movePixel(size_t(index), pixel.x(), pixel.y());
    replaceGcps(after, tr("Move point %1").arg(QString::fromStdString(m_gcps.at(size_t(index)).id)));
}

void GeorefWindow::setGcpMap(int index, const QPointF &map)
{
    if (index < 0 || size_t(index) >= m_gcps.size())
        return;
    georef::GcpSet after;
    after.setCrsWkt(m_gcps.crsWkt());
    for (size_t i = 0; i < m_gcps.size(); ++i) {
        georef::Gcp g = m_gcps.at(i);
        if (int(i) == index) {
            g.mapX = map.x();
            g.mapY = map.y();
            if (g.confidence == kAwaitingMap) {   // first map coordinate: the point takes part
                g.confidence = -1;
                g.enabled = true;
            }
        }
        after.add(g);
    }
    replaceGcps(after, tr("Map coordinate of point %1").arg(QString::fromStdString(m_gcps.at(size_t(index)).id)));
}

void GeorefWindow::setGcpEnabled(int index, bool enabled)
{
    if (index < 0 || size_t(index) >= m_gcps.size())
        return;
    georef::GcpSet after = m_gcps;
    after.setEnabled(size_t(index), enabled);
    replaceGcps(after, enabled ? tr("Enable point") : tr("Disable point"));
}

void GeorefWindow::removeGcp(int index)
{
    if (index < 0 || size_t(index) >= m_gcps.size())
        return;
    georef::GcpSet after = m_gcps;
    after.remove(size_t(index));
    replaceGcps(after, tr("Delete point %1").arg(QString::fromStdString(m_gcps.at(size_t(index)).id)));
}

void GeorefWindow::refit()
{
    m_fit = georef::fitGcps(m_gcps, m_type, scale(), m_gcps.enabledCount() <= 80);
    m_model->setState(m_gcps, m_fit);
    updateMarkers();
    updateMeanError();
    schedulePreview();
    emit gcpsChanged();
}

void GeorefWindow::updateMarkers()
{
    std::vector<gui::ScanView::Marker> markers;
    for (size_t i = 0; i < m_gcps.size(); ++i) {
        const auto &g = m_gcps.at(i);
        QColor c = QColor(0, 120, 255);
        if (!g.enabled)
            c = QColor(150, 150, 150);
        else if (m_fit.ok() && m_fit.tolerance > 0)
            for (const auto &r : m_fit.residuals)
                if (r.index == i)
                    c = r.map <= m_fit.tolerance ? QColor(0, 170, 0) : QColor(230, 0, 0);
        markers.push_back({QPointF(g.pixelX, g.pixelY), QString::fromStdString(g.id), c});
    }
    m_view->setMarkers(std::move(markers));
}

void GeorefWindow::updateMeanError()
{
    if (!m_fit.ok()) {
        const int need = georef::minimumGcps(m_type);
        m_meanError->setText(tr("Mean error: – (%1 of %2 points needed enabled; %3)")
                                 .arg(m_fit.enabled)
                                 .arg(need)
                                 .arg(QString::fromStdString(m_fit.error)));
        m_meanError->setStyleSheet(QString());
        return;
    }
    QString text = tr("Mean error %1 m (%2 px), largest %3 m, %4 points")
                       .arg(m_fit.meanErrorMap, 0, 'f', 3)
                       .arg(m_fit.meanErrorPx, 0, 'f', 2)
                       .arg(m_fit.maxErrorMap, 0, 'f', 3)
                       .arg(m_fit.enabled);
    if (m_fit.tolerance > 0)
        text += tr(" — tolerance %1 m: %2").arg(m_fit.tolerance, 0, 'f', 2).arg(m_fit.pass ? tr("pass") : tr("exceeded"));
    m_meanError->setText(text);
    m_meanError->setStyleSheet(m_fit.tolerance <= 0 ? QString()
                               : m_fit.pass         ? QStringLiteral("color: #0a7a0a; font-weight: bold")
                                                    : QStringLiteral("color: #c00000; font-weight: bold"));
}

// ---- live preview on the main map ----

bool GeorefWindow::previewPending() const
{
    return m_previewTimer->isActive() || m_previewWatcher || m_previewDirty;
}

void GeorefWindow::schedulePreview()
{
    if (!m_previewAction || !m_previewAction->isChecked())
        return;
    m_previewTimer->start();
}

void GeorefWindow::startPreview()
{
    if (!m_main || !m_main->canvas())
        return;
    if (!m_fit.ok() || m_previewSource.isNull()) {
        clearPreview();
        return;
    }
    if (m_previewWatcher) {   // one job at a time: run again when it ends
        m_previewDirty = true;
        return;
    }
    m_previewDirty = false;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_previewCancel = cancel;
    auto *watcher = new QFutureWatcher<gui::PreviewImage>(this);
    m_previewWatcher = watcher;
    connect(watcher, &QFutureWatcher<gui::PreviewImage>::finished, this, [this, watcher] {
        const gui::PreviewImage img = watcher->result();
        watcher->deleteLater();
        m_previewWatcher = nullptr;
        if (m_previewAction->isChecked() && m_main && m_main->canvas()) {
            m_main->canvas()->setPreviewImage(img.image, img.extent);
            ++m_previewCount;
            emit previewUpdated();
        }
        if (m_previewDirty)
            startPreview();
    });
    watcher->setFuture(QtConcurrent::run([src = m_previewSource, size = m_scan.fullSize, model = *m_fit.model, cancel] {
        return gui::renderPreview(src, size, model, kPreviewMaxSide, cancel.get());
    }));
}

void GeorefWindow::clearPreview()
{
    if (m_main && m_main->canvas())
        m_main->canvas()->setPreviewImage(QImage(), QRectF());
}

void GeorefWindow::closeEvent(QCloseEvent *e)
{
    setPicking(false);
    m_previewTimer->stop();
    if (m_previewCancel)
        m_previewCancel->store(true);
    m_previewDirty = false;
    clearPreview();
    QMainWindow::closeEvent(e);
}

// ---- picking the map coordinate on the main map ----

void GeorefWindow::setPicking(bool on)
{
    if (!m_main || !m_main->canvas())
        return;
    if (on)
        m_main->canvas()->installEventFilter(this);
    else
        m_main->canvas()->removeEventFilter(this);
    if (m_pickAction->isChecked() != on)
        m_pickAction->setChecked(on);
    statusBar()->showMessage(on ? tr("Click on the main map to set the map coordinate of the selected point") : QString());
}

void GeorefWindow::pickMapCoordinate(const QPointF &world)
{
    const int row = currentRow();
    if (row < 0) {
        statusBar()->showMessage(tr("Select a point in the table first"), 5000);
        return;
    }
    setGcpMap(row, world);
}

bool GeorefWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_main && watched == m_main->canvas() && m_pickAction->isChecked()) {
        if (event->type() == QEvent::MouseButtonPress) {
            auto *me = static_cast<QMouseEvent *>(event);
            if (me->button() == Qt::LeftButton) {
                m_pickPress = me->position().toPoint();
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonRelease) {
            auto *me = static_cast<QMouseEvent *>(event);
            if (me->button() == Qt::LeftButton) {
                if ((me->position().toPoint() - m_pickPress).manhattanLength() < 6) {
                    pickMapCoordinate(m_main->canvas()->screenToWorld(me->position()));
                    setPicking(false);
                }
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// ---- files ----

bool GeorefWindow::loadPoints(const QString &path, QString *error)
{
    std::string err;
    auto set = georef::GcpSet::readPoints(path.toStdString(), &err);
    if (!set) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    m_nextId = std::max<int>(m_nextId, int(set->size()) + 1);
    replaceGcps(*set, tr("Load %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool GeorefWindow::savePoints(const QString &path, QString *error)
{
    std::string err;
    const auto residuals = m_fit.ok() ? m_fit.pointsResiduals() : std::vector<georef::PointsResidual>{};
    if (!m_gcps.writePoints(path.toStdString(), residuals, &err)) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    return true;
}

void GeorefWindow::openScanDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scanned map"), QString(), tr("Scans (*.png *.tif *.tiff *.jpg *.jpeg *.bmp);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !openScan(path, &error))
        QMessageBox::warning(this, tr("Open scanned map"), error);
}

void GeorefWindow::loadPointsDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load ground control points"), QFileInfo(m_scanPath).path(),
                                                      tr("QGIS GCP files (*.points);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !loadPoints(path, &error))
        QMessageBox::warning(this, tr("Load ground control points"), error);
}

void GeorefWindow::savePointsDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save ground control points"),
                                                      m_scanPath.isEmpty() ? QString() : m_scanPath + QStringLiteral(".points"),
                                                      tr("QGIS GCP files (*.points)"));
    QString error;
    if (!path.isEmpty() && !savePoints(path, &error))
        QMessageBox::warning(this, tr("Save ground control points"), error);
}

// ---- grid crosses ----

void GeorefWindow::trackTask(gui::Task *task)
{
    m_task = task;
    m_taskProgress->setRange(0, 0);
    m_taskProgress->show();
    m_taskCancel->setEnabled(true);
    m_taskCancel->show();
    statusBar()->showMessage(tr("%1…").arg(task->description()));
    connect(task, &gui::Task::progressChanged, this, [this](int permille) {
        if (permille < 0)
            return;
        m_taskProgress->setRange(0, 1000);
        m_taskProgress->setValue(permille);
    });
    connect(task, &gui::Task::finished, this, [this] {
        m_taskProgress->hide();
        m_taskCancel->hide();
        statusBar()->clearMessage();
    });
}

bool GeorefWindow::detectCrosses(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_task)
        return fail(tr("“%1” is still running; wait until it has finished or cancel it.").arg(m_task->description()));
    if (m_scanPath.isEmpty())
        return fail(tr("Open a scanned map first"));
    if (!m_main)
        return fail(tr("No main window"));
    std::string err;
    const auto frame = crs::sheetFrame(m_sheet->text().trimmed().toStdString(), {}, &err);
    if (!frame)
        return fail(tr("Map sheet '%1': %2").arg(m_sheet->text(), QString::fromStdString(err)));
    georef::GcpSet seeds;
    for (const auto &g : m_gcps.points())
        if (g.enabled)
            seeds.add(g);
    if (seeds.size() < 2)
        return fail(tr("Place at least two points with map coordinates (e.g. frame corners) first"));
    georef::DetectOptions opt;
    opt.scale = frame->scale;
    QString refused;
    QPointer<GeorefWindow> self(this);
    gui::Task *task = m_main->tasks()->start<georef::DetectResult>(
        {tr("Detecting grid crosses"), QString(), false},
        [scan = m_scanPath.toStdString(), targets = georef::sheetTargets(*frame), seeds, opt](gui::TaskContext &) {
            return georef::detectCrosses(scan, targets, seeds, opt);
        },
        [self, scan = m_scanPath](georef::DetectResult &res, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            self->m_task = nullptr;
            QString why;
            if (outcome.cancelled)
                why = tr("Grid-cross detection cancelled; the points are unchanged.");
            else if (!outcome.error.isEmpty())
                why = outcome.error;
            else if (!res.ok)
                why = QString::fromStdString(res.error);
            else if (self->m_scanPath != scan)
                why = tr("Another scan was opened meanwhile; the crosses found are dropped.");
            if (!why.isEmpty()) {
                self->statusBar()->showMessage(why, 10000);
                emit self->crossesDetected(-1, why);
                return;
            }
            // Manual points away from every detected cross stay.
            georef::GcpSet merged = res.gcps;
            merged.setCrsWkt(self->m_gcps.crsWkt());
            for (const auto &g : self->m_gcps.points()) {
                bool near = false;
                for (const auto &c : res.gcps.points())
                    near = near || std::hypot(c.pixelX - g.pixelX, c.pixelY - g.pixelY) < 30;
                if (!near)
                    merged.add(g);
            }
            self->replaceGcps(merged, tr("Detect grid crosses"));
            self->statusBar()->showMessage(tr("%1 of %2 grid crosses found").arg(res.accepted()).arg(res.crosses.size()), 10000);
            emit self->crossesDetected(res.accepted(), QString());
        },
        &refused);
    if (!task)
        return fail(refused);
    trackTask(task);
    return true;
}

void GeorefWindow::detectClicked()
{
    QString error;
    if (!detectCrosses(&error))
        QMessageBox::warning(this, tr("Detect grid crosses"), error);
}

// ---- warp ----

bool GeorefWindow::warpTo(const QString &outPath, bool quiet, QString *error)
{
    auto fail = [this, quiet](const QString &why) {
        if (m_main)
            m_main->logMessage(tr("Warp failed: %1").arg(why));
        if (!quiet)
            QMessageBox::warning(this, tr("Warp"), why);
    };
    auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        fail(why);
        return false;
    };
    if (m_task)
        return refuse(tr("“%1” is still running; wait until it has finished or cancel it.").arg(m_task->description()));
    if (m_scanPath.isEmpty())
        return refuse(tr("Open a scanned map first"));
    if (!m_fit.ok())
        return refuse(tr("The transform cannot be fitted: %1").arg(QString::fromStdString(m_fit.error)));
    if (!m_main)
        return refuse(tr("No main window"));
    Document *doc = m_main->document();
    georef::WarpOptions opt;
    opt.epsg = doc ? doc->epsg() : 5899;
    QString refused;
    QPointer<GeorefWindow> self(this);
    QPointer<Document> docAtStart(doc);
    gui::Task *task = m_main->tasks()->start<georef::WarpResult>(
        {tr("Warping %1").arg(QFileInfo(m_scanPath).fileName()), doc ? doc->path() : QString(), doc != nullptr},
        [scan = m_scanPath.toStdString(), model = *m_fit.model, out = outPath.toStdString(), opt](gui::TaskContext &ctx) {
            georef::WarpOptions o = opt;
            o.progress = [&ctx](double f) {
                ctx.setFraction(f);
                return !ctx.isCancelled();
            };
            return georef::warpScan(scan, model, out, o);
        },
        [self, docAtStart, outPath, opt, quiet, fail](georef::WarpResult &res, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            self->m_task = nullptr;
            QString why;
            if (outcome.cancelled || res.cancelled) {
                why = tr("Warp cancelled");
                QFile::remove(outPath);   // GDAL removes its partial file; a finished one is not kept either
            } else if (!outcome.error.isEmpty())
                why = outcome.error;
            else if (!res.ok)
                why = QString::fromStdString(res.error);
            else
                why = self->registerWarp(res, outPath, opt, docAtStart, quiet);
            if (!why.isEmpty())
                fail(why);
            emit self->warpFinished(why.isEmpty(), why);
        },
        &refused);
    if (!task)
        return refuse(refused);
    trackTask(task);
    return true;
}

namespace {
struct VectorizeOutcome {
    vectorize::VectorizeResult result;
    vectorize::IntoResult into;
};
} // namespace

QString GeorefWindow::intoProblemText(const vectorize::IntoResult &r) const
{
    switch (r.problem) {
    case vectorize::IntoProblem::SheetNumberNeeded:
        return tr("Sheet %1 has no sheet number (tờ số) in this project: enter the sheet number and vectorize again.")
            .arg(m_sheet->text().trimmed());
    case vectorize::IntoProblem::CommuneNeeded:
        return tr("The project has %n commune(s); the vectorized parcels need exactly one.", nullptr, r.communeCount);
    case vectorize::IntoProblem::CrsMismatch:
        return tr("The ground control points are not in the project's coordinate system.");
    default:
        return QString::fromStdString(r.error);
    }
}

bool GeorefWindow::vectorizeSheet(int toSo, QString *error)
{
    auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        statusBar()->showMessage(why, 10000);
        return false;
    };
    if (m_task)
        return refuse(tr("“%1” is still running; wait until it has finished or cancel it.").arg(m_task->description()));
    if (m_scanPath.isEmpty())
        return refuse(tr("Open a scanned map first"));
    if (!m_fit.ok())
        return refuse(tr("The transform cannot be fitted: %1").arg(QString::fromStdString(m_fit.error)));
    Document *doc = m_main ? m_main->document() : nullptr;
    if (!doc)
        return refuse(tr("Open a project first: the vectorized parcels go into it"));
    std::string err;
    const std::string sheetId = m_sheet->text().trimmed().toStdString();
    if (!crs::sheetFrame(sheetId, {}, &err))
        return refuse(tr("Map sheet '%1': %2").arg(m_sheet->text(), QString::fromStdString(err)));
    vectorize::VectorizeOptions opt;
    opt.sheetId = sheetId;
    opt.scale = scale() > 0 ? scale() : 1000;
    opt.transform = m_type;
    opt.epsg = doc->epsg();
    for (const auto &g : m_gcps.points())
        if (g.enabled && g.confidence != kAwaitingMap)
            opt.gcps.add(g);
    opt.gcps.setCrsWkt(m_gcps.crsWkt());
    vectorize::IntoOptions into;
    into.sheetId = sheetId;
    into.scale = opt.scale;
    into.toSo = toSo;
    into.source = m_scanPath.toStdString();
    // Where the parcels go is checked before minutes of work, not after.
    const vectorize::IntoResult target = vectorize::resolveTarget(doc->project(), opt.epsg, into);
    if (!target.ok)
        return refuse(intoProblemText(target));
    into.communeCode = target.communeCode;
    into.toSo = target.toSo;
    QString refused;
    QPointer<GeorefWindow> self(this);
    QPointer<Document> docAtStart(doc);
    gui::Task *task = m_main->tasks()->start<VectorizeOutcome>(
        {tr("Vectorizing %1").arg(QFileInfo(m_scanPath).fileName()), doc->path(), true},
        [scan = m_scanPath.toStdString(), opt, into](gui::TaskContext &ctx) {
            VectorizeOutcome out;
            vectorize::VectorizeOptions o = opt;
            o.progress = [&ctx](double f, const std::string &) { ctx.setFraction(f * 0.95); };
            o.cancel = &ctx.cancelFlag();
            out.result = vectorize::vectorizeScan(scan, o);
            if (out.result.ok && !out.result.cancelled && !ctx.isCancelled())
                out.into = vectorize::addCandidates(ctx.project(), out.result, into);
            return out;
        },
        [self, docAtStart](VectorizeOutcome &out, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            self->m_task = nullptr;
            QString why;
            if (outcome.cancelled || out.result.cancelled)
                why = tr("Vectorization cancelled; the project is unchanged.");
            else if (!outcome.error.isEmpty())
                why = outcome.error;
            else if (!out.result.ok)
                why = QString::fromStdString(out.result.error);
            else if (!out.into.ok)
                why = self->intoProblemText(out.into);
            if (!why.isEmpty()) {
                self->statusBar()->showMessage(why, 10000);
                if (self->m_main)
                    self->m_main->logMessage(tr("Vectorize sheet: %1").arg(why));
                emit self->sheetVectorized(false, 0, 0, why);
                return;
            }
            if (docAtStart)
                docAtStart->reloadParcels(out.into.insertedIds);   // only the new candidates are read
            // Two whole sentences, each with its own plural.
            const QString done = tr("%n candidate parcel(s) added to sheet %1 for review.", nullptr, out.into.inserted)
                                     .arg(out.into.toSo) +
                                 QLatin1Char(' ') + tr("%n of them have reasons to look at.", nullptr, out.into.flagged);
            self->statusBar()->showMessage(done, 10000);
            if (self->m_main)
                self->m_main->logMessage(done);
            emit self->sheetVectorized(true, out.into.inserted, out.into.flagged, QString());
        },
        &refused);
    if (!task)
        return refuse(refused);
    trackTask(task);
    return true;
}

QString GeorefWindow::registerWarp(const georef::WarpResult &res, const QString &outPath, const georef::WarpOptions &opt,
                                   Document *docAtStart, bool quiet)
{
    Document *doc = m_main ? m_main->document() : nullptr;
    if (doc != docAtStart)
        return tr("The project was closed during the warp; %1 was written but not registered.").arg(outPath);
    if (doc) {
        try {
            store::Project &project = doc->project();
            georef::RasterRecord scan;
            scan.name = QFileInfo(m_scanPath).completeBaseName().toStdString();
            scan.path = m_scanPath.toStdString();
            scan.kind = "scan";
            scan.scale = scale();
            scan.sheetId = m_sheet->text().trimmed().toStdString();
            scan.width = m_scan.fullSize.width();
            scan.height = m_scan.fullSize.height();
            const int64_t scanId = georef::registerRaster(project, scan);
            georef::saveGcps(project, scanId, m_gcps);
            georef::RasterRecord warped = scan;
            warped.kind = "warped";
            warped.path = QFileInfo(outPath).absoluteFilePath().toStdString();
            warped.name = QFileInfo(outPath).completeBaseName().toStdString();
            warped.sourceId = scanId;
            warped.srid = opt.epsg;
            warped.width = res.width;
            warped.height = res.height;
            warped.geoTransform = res.geoTransform;
            warped.transform = georef::transformId(m_type);
            warped.resampling = georef::resamplingId(opt.resampling);
            warped.gcpsEnabled = m_fit.enabled;
            warped.meanError = m_fit.meanErrorMap;
            warped.maxError = m_fit.maxErrorMap;
            if (scale() > 0)
                warped.tolerance = m_fit.tolerance;
            georef::registerRaster(project, warped);
        } catch (const std::exception &e) {
            return tr("The raster was written but could not be registered in the project: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    if (m_main) {
        m_main->logMessage(tr("Warped %1 → %2 (%3 × %4 px, %5 s)")
                               .arg(QFileInfo(m_scanPath).fileName(), outPath)
                               .arg(res.width)
                               .arg(res.height)
                               .arg(res.seconds, 0, 'f', 1));
        if (doc && !m_main->addRasterLayer(outPath, quiet))
            return tr("The warped raster could not be added to the map");
    }
    m_previewAction->setChecked(false);   // the real raster replaces the preview
    return {};
}

void GeorefWindow::warpDialog()
{
    const QString def = m_scanPath.isEmpty() ? QString()
                                             : QFileInfo(m_scanPath).path() + QLatin1Char('/') +
                                                   QFileInfo(m_scanPath).completeBaseName() + QStringLiteral("_nan.tif");
    const QString path = QFileDialog::getSaveFileName(this, tr("Warp to GeoTIFF"), def, tr("GeoTIFF (*.tif *.tiff)"));
    if (!path.isEmpty())
        warpTo(path);
}

} // namespace vnland::app
