// Main window: assembles the canvas, docks and actions; holds the Document.
#include "main_window.h"

#include "action_registry.h"
#include "digitize/digitize_actions.h"
#include "digitize/digitize_tools.h"
#include "document/crash_journal.h"

#include "panels/attribute_table.h"
#include "document/document.h"
#include "gui/map_canvas.h"
#include "dialogs/new_project_dialog.h"
#include "dialogs/import_dialog.h"
#include "panels/parcel_form.h"
#include "gui/raster_layer.h"
#include "survey/cogo_dialog.h"
#include "georef/georef_window.h"
#include "validation/validation_panel.h"
#include "reports/report_dialog.h"
#include "review/review_panel.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/sync_dialog.h"
#include "gui/task_runner.h"

#include "crs/transformer.h"
#include "io/exporter.h"
#include "georef/raster_store.h"
#include "store/parcel_query.h"
#include "store/project.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>

#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>
#include <QDir>
#include <QTemporaryDir>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

#include <proj.h>

#include <algorithm>
#include <cmath>

namespace vnland::app {

namespace {
constexpr int kMaxRecent = 8;

/// Menu entries of the reports, each one whole text to translate.
QString reportMenuText(ReportKind k)
{
    switch (k) {
    case ReportKind::Register: return MainWindow::tr("Parcel register…");
    case ReportKind::Summary: return MainWindow::tr("Summary table…");
    case ReportKind::Statistics: return MainWindow::tr("Land statistics…");
    case ReportKind::Extract: return MainWindow::tr("Parcel extract…");
    case ReportKind::Validation: return MainWindow::tr("Validation report…");
    }
    return {};
}

QString dms(double deg, QChar pos, QChar neg)
{
    const QChar h = deg < 0 ? neg : pos;
    deg = std::abs(deg);
    const int d = int(deg);
    const int m = int((deg - d) * 60);
    const double s = ((deg - d) * 60 - m) * 60;
    return QStringLiteral("%1°%2′%3″%4").arg(d).arg(m, 2, 10, QLatin1Char('0')).arg(s, 5, 'f', 2, QLatin1Char('0')).arg(h);
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_tasks = new gui::TaskRunner(this);
    m_actions = new ActionRegistry(this);
    m_canvas = new gui::MapCanvas(this);
    m_canvas->setObjectName(QStringLiteral("mapCanvas"));
    setCentralWidget(m_canvas);
    createDocks();
    createActions();
    createStatusBar();
    connect(m_canvas, &gui::MapCanvas::cursorMoved, this, &MainWindow::updateCursor);
    connect(m_canvas, &gui::MapCanvas::viewChanged, this, &MainWindow::updateScale);
    connect(m_canvas, &gui::MapCanvas::identified, this, &MainWindow::showIdentify);
    updateTitle();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    m_tasks->shutdown();   // workers return before anything they report to goes
    // Views first: they hold the Document pointer.
    m_canvas->setSource(nullptr);
    if (m_digitize)
        m_digitize->tools()->setDocument(nullptr);
    m_table->setDocument(nullptr);
    m_form->setDocument(nullptr);
    m_validation->setDocument(nullptr);
    m_review->setDocument(nullptr);
    delete m_georef;   // before the canvas it previews on
}

void MainWindow::createDocks()
{
    auto makeDock = [this](const QString &title, const QString &name, QWidget *w, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(w);
        addDockWidget(area, dock);
        return dock;
    };
    m_layers = new QListWidget(this);
    const std::pair<gui::MapLayer, QString> layers[] = {{gui::MapLayer::Parcels, tr("Parcels")},
                                                   {gui::MapLayer::SheetFrames, tr("Map sheet frames")},
                                                   {gui::MapLayer::Grid, tr("Coordinate grid")}};
    for (const auto &[layer, name] : layers) {
        auto *item = new QListWidgetItem(name, m_layers);
        item->setData(Qt::UserRole, int(layer));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_canvas->layerVisible(layer) ? Qt::Checked : Qt::Unchecked);
    }
    auto *labels = new QListWidgetItem(tr("Parcel labels"), m_layers);
    labels->setData(Qt::UserRole, -1);
    labels->setFlags(labels->flags() | Qt::ItemIsUserCheckable);
    labels->setCheckState(Qt::Checked);
    connect(m_layers, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int layer = item->data(Qt::UserRole).toInt();
        const bool on = item->checkState() == Qt::Checked;
        if (layer >= 1000)
            m_canvas->setRasterVisible(layer - 1000, on);
        else if (layer < 0)
            m_canvas->setLabelsVisible(on);
        else
            m_canvas->setLayerVisible(gui::MapLayer(layer), on);
    });
    makeDock(tr("Layers"), QStringLiteral("layersDock"), m_layers, Qt::LeftDockWidgetArea);

    m_form = new ParcelForm(this);
    makeDock(tr("Parcel"), QStringLiteral("parcelDock"), m_form, Qt::RightDockWidgetArea);
    m_validation = new ValidationPanel(this, this);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("parcelDock")),
                     makeDock(tr("Validation"), QStringLiteral("validationDock"), m_validation, Qt::RightDockWidgetArea));
    m_review = new ReviewPanel(this, this);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("parcelDock")),
                     makeDock(tr("Review candidates"), QStringLiteral("reviewDock"), m_review, Qt::RightDockWidgetArea));
    findChild<QDockWidget *>(QStringLiteral("parcelDock"))->raise();

    m_table = new AttributeTable(this);
    makeDock(tr("Attribute table"), QStringLiteral("tableDock"), m_table, Qt::BottomDockWidgetArea);

    m_messages = new QPlainTextEdit(this);
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(5000);
    auto *msgDock = makeDock(tr("Messages"), QStringLiteral("messagesDock"), m_messages, Qt::BottomDockWidgetArea);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("tableDock")), msgDock);
    findChild<QDockWidget *>(QStringLiteral("tableDock"))->raise();
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("tableDock"))}, {220}, Qt::Vertical);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("layersDock")), findChild<QDockWidget *>(QStringLiteral("parcelDock"))},
                {170, 300}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    // Project menu (Dự án).
    QMenu *project = menuBar()->addMenu(tr("&Project"));
    QAction *newProject = project->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New…"), this,
                                             &MainWindow::newProjectDialog);
    newProject->setShortcut(QKeySequence::New);
    m_actions->add(QStringLiteral("newProjectAction"), newProject);
    QAction *open = m_openAction = project->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this,
                                       &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_actions->add(QStringLiteral("openAction"), open);
    m_recentMenu = project->addMenu(tr("Open &recent"));
    m_saveAsAction = project->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &as…"), this,
                                        &MainWindow::saveAsDialog);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_actions->add(QStringLiteral("saveAsAction"), m_saveAsAction);
    project->addSeparator();
    m_importAction = project->addAction(tr("&Import data…"), this, &MainWindow::importDialog);
    m_exportAction = project->addAction(tr("&Export data…"), this, &MainWindow::exportDialog);
    m_actions->add(QStringLiteral("importAction"), m_importAction);
    m_actions->add(QStringLiteral("exportAction"), m_exportAction);
    m_actions->add(QStringLiteral("syncAction"), project->addAction(tr("Land-database &server (check out / check in)…"), this, [this] {
        SyncDialog dlg(m_doc ? m_doc->path() : QString(), this);
        connect(&dlg, &SyncDialog::checkedOut, this, [this](const QString &path) { openProject(path); });
        dlg.exec();
    }));
    m_addRasterAction = project->addAction(QIcon::fromTheme(QStringLiteral("insert-image")), tr("Add &raster layer…"), this,
                                           &MainWindow::addRasterDialog);
    m_actions->add(QStringLiteral("addRasterAction"), m_addRasterAction);
    project->addSeparator();
    m_actions->add(QStringLiteral("settingsAction"), project->addAction(tr("&Settings…"), this, &MainWindow::settingsDialog));
    project->addSeparator();
    QAction *quit = project->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    m_actions->add(QStringLiteral("quitAction"), quit);
    updateRecentMenu();

    // Edit menu (Sửa).
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    connect(m_undoAction, &QAction::triggered, this, [this] { if (m_doc) m_doc->undoStack()->undo(); });
    connect(m_redoAction, &QAction::triggered, this, [this] { if (m_doc) m_doc->undoStack()->redo(); });
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_actions->add(QStringLiteral("undoAction"), m_undoAction);
    m_actions->add(QStringLiteral("redoAction"), m_redoAction);

    // View menu (Xem).
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zin = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &in"), m_canvas, &gui::MapCanvas::zoomIn);
    zin->setShortcut(QKeySequence::ZoomIn);
    QAction *zout = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &out"), m_canvas, &gui::MapCanvas::zoomOut);
    zout->setShortcut(QKeySequence::ZoomOut);
    QAction *full = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), tr("&Full extent"), m_canvas,
                                          &gui::MapCanvas::zoomToFullExtent);
    full->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    QAction *zsel = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-select")), tr("Zoom to &selection"), m_canvas,
                                          &gui::MapCanvas::zoomToSelection);
    zsel->setShortcut(Qt::CTRL | Qt::Key_J);
    m_actions->add(QStringLiteral("zoomInAction"), zin);
    m_actions->add(QStringLiteral("zoomOutAction"), zout);
    m_actions->add(QStringLiteral("fullExtentAction"), full);
    m_actions->add(QStringLiteral("zoomSelectionAction"), zsel);
    m_viewMenu->addSeparator();
    auto *tools = new QActionGroup(this);
    const std::pair<gui::MapCanvas::Tool, QString> toolNames[] = {{gui::MapCanvas::Tool::Pan, tr("&Pan")},
                                                             {gui::MapCanvas::Tool::Select, tr("Select by &box")},
                                                             {gui::MapCanvas::Tool::ZoomIn, tr("&Zoom box")},
                                                             {gui::MapCanvas::Tool::Identify, tr("&Identify")}};
    QList<QAction *> toolActions;
    for (const auto &[tool, name] : toolNames) {
        QAction *a = m_viewMenu->addAction(name);
        a->setCheckable(true);
        a->setChecked(tool == gui::MapCanvas::Tool::Pan);
        m_actions->add(QStringLiteral("tool%1").arg(int(tool)), a);
        tools->addAction(a);
        connect(a, &QAction::triggered, this, [this, t = tool] { m_canvas->setTool(t); });
        toolActions << a;
    }
    m_digitize = new DigitizeActions(this, this, tools);   // Digitize menu and toolbar
    m_canvas->setTool(gui::MapCanvas::Tool::Pan);
    m_viewMenu->addSeparator();

    // Reports menu (Báo cáo) and Survey menu (Đo đạc).
    m_reportsMenu = menuBar()->addMenu(tr("&Reports"));
    m_reportsMenu->setObjectName(QStringLiteral("reportsMenu"));
    for (const ReportKind k : {ReportKind::Register, ReportKind::Summary, ReportKind::Statistics, ReportKind::Extract,
                               ReportKind::Validation})
        m_actions->add(QStringLiteral("reportAction%1").arg(int(k)),
                       m_reportsMenu->addAction(reportMenuText(k), this, [this, k] { reportDialog(int(k)); }));
    m_surveyMenu = menuBar()->addMenu(tr("&Survey"));
    m_actions->add(QStringLiteral("cogoAction"), m_surveyMenu->addAction(tr("&COGO traverse…"), this, &MainWindow::cogoDialog));
    m_actions->add(QStringLiteral("georefAction"),
                   m_surveyMenu->addAction(tr("&Georeference scanned map…"), this, &MainWindow::georefDialog));

    // Help menu (Trợ giúp).
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_actions->add(QStringLiteral("aboutAction"), help->addAction(tr("&About VNLand"), this, &MainWindow::aboutDialog));

    QToolBar *tb = addToolBar(tr("Main toolbar"));
    tb->setObjectName(QStringLiteral("mainToolbar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addAction(open);
    tb->addAction(m_undoAction);
    tb->addAction(m_redoAction);
    tb->addSeparator();
    tb->addActions(toolActions);
    tb->addSeparator();
    tb->addAction(zin);
    tb->addAction(zout);
    tb->addAction(full);
    tb->addAction(zsel);
    addToolBar(m_digitize->toolbar());

    // Dock toggles go to the View menu.
    for (QDockWidget *d : findChildren<QDockWidget *>())
        m_viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_coordLabel = new QLabel(this);
    m_wgsLabel = new QLabel(this);
    m_scaleLabel = new QLabel(this);
    m_crsLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setObjectName(QStringLiteral("taskCancelButton"));
    m_cancelLoad->hide();
    connect(m_cancelLoad, &QToolButton::clicked, this, [this] {
        if (m_shownTask)
            m_shownTask->cancel();
        m_cancelLoad->setEnabled(false);
    });
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    // Explicit small minimum widths so the status bar never forces the window wider.
    for (QLabel *l : {m_coordLabel, m_wgsLabel, m_scaleLabel, m_crsLabel})
        l->setMinimumWidth(40);
    statusBar()->addWidget(m_coordLabel);
    statusBar()->addWidget(m_wgsLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);
    statusBar()->addPermanentWidget(m_crsLabel);
}

bool MainWindow::openProject(const QString &path, bool quiet)
{
    if (m_loading)
        return false;
    struct Loaded {
        std::unique_ptr<Document> doc;
        QString error;
    };
    QString refused;
    gui::Task *task = m_tasks->start<Loaded>(
        {tr("Opening %1").arg(QFileInfo(path).fileName()), QString(), false},
        [path](gui::TaskContext &ctx) {
            Loaded l;
            l.doc = Document::open(path, &l.error, [&ctx](int64_t done, int64_t total) { ctx.setProgress(done, total); },
                                   &ctx.cancelFlag());
            return l;
        },
        [this, quiet](Loaded &l, const gui::TaskOutcome &outcome) {
            m_loading = false;
            m_openAction->setEnabled(true);
            updateRecentMenu();
            QString error = outcome.error.isEmpty() ? l.error : outcome.error;
            if (outcome.cancelled) {
                l.doc.reset();
                error = tr("Opening was cancelled.");
            }
            const bool ok = adoptDocument(std::move(l.doc), error, quiet);
            emit projectOpened(ok, ok ? QString() : error);
        },
        &refused);
    if (!task) {
        logMessage(tr("Cannot open project: %1").arg(refused));
        return false;
    }
    m_loading = true;
    m_openAction->setEnabled(false);
    m_recentMenu->setEnabled(false);
    trackTask(task);
    return true;
}

bool MainWindow::adoptDocument(std::unique_ptr<Document> doc, const QString &error, bool quiet)
{
    if (!doc) {
        logMessage(tr("Cannot open project: %1").arg(error));
        if (!quiet)
            QMessageBox::critical(this, tr("Open project"), tr("Cannot open the project.\n\n%1").arg(error));
        return false;
    }
    closeProject();
    m_doc = std::move(doc);
    connect(m_doc.get(), &Document::message, this, &MainWindow::logMessage);
    connect(m_doc->undoStack(), &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_doc->undoStack(), &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(m_doc->undoStack(), &QUndoStack::undoTextChanged, this,
            [this](const QString &t) { m_undoAction->setText(t.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(t)); });
    connect(m_doc->undoStack(), &QUndoStack::redoTextChanged, this,
            [this](const QString &t) { m_redoAction->setText(t.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(t)); });
    connect(m_doc->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);

    const QString crsDef = QStringLiteral("EPSG:%1").arg(m_doc->epsg());
    std::string err;
    m_toWgs84 = crs::Transformer::create(crsDef.toStdString(), "EPSG:4326", &err);
    if (!m_toWgs84)
        logMessage(tr("No WGS84 coordinates: %1").arg(QString::fromStdString(err)));
    QString crsName = crsDef;
    if (auto pj = crs::createCrs(crsDef.toStdString()))
        crsName = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(proj_get_name(pj.get())), crsDef);
    m_crsLabel->setText(crsName);

    m_table->setDocument(m_doc.get());
    m_form->setDocument(m_doc.get());
    m_canvas->setSource(m_doc.get());
    m_digitize->tools()->setDocument(m_doc.get());
    new CrashJournal(m_doc.get());
    offerJournalRestore(quiet);   // edits of a session that did not close normally
    m_validation->setDocument(m_doc.get());
    m_review->setDocument(m_doc.get());
    addProjectRasters();
    if (!m_review->listedIds().empty())   // unreviewed candidates: the review dock comes up with them
        raiseReviewDock();
    addRecent(m_doc->path());
    updateTitle();
    updateScale();
    updateCursor(m_canvas->view().center);
    logMessage(tr("Opened %1: %n parcel(s)", nullptr, m_doc->parcelCount()).arg(m_doc->path()));
    return true;
}

void MainWindow::closeProject()
{
    if (auto *journal = CrashJournal::of(m_doc.get()))
        journal->discard();   // a normal close: nothing to restore next time
    for (int i = m_layers->count() - 1; i >= 0; --i)
        if (m_layers->item(i)->data(Qt::UserRole).toInt() >= 1000)
            delete m_layers->takeItem(i);
    m_canvas->clearRasters();
    m_canvas->setSource(nullptr);
    m_digitize->tools()->setDocument(nullptr);
    m_table->setDocument(nullptr);
    m_form->setDocument(nullptr);
    m_validation->setDocument(nullptr);
    m_review->setDocument(nullptr);
    if (m_georef)
        m_georef->close();
    m_doc.reset();
    m_toWgs84.reset();
    m_crsLabel->clear();
    updateTitle();
}

void MainWindow::logMessage(const QString &text)
{
    m_messages->appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    // Running tasks are asked to stop; their results are dropped.
    m_tasks->shutdown();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *journal = CrashJournal::of(m_doc.get()))
        journal->discard();
    e->accept();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    updateRecentMenu();
}

void MainWindow::updateTitle()
{
    m_saveAsAction->setEnabled(bool(m_doc));
    m_addRasterAction->setEnabled(bool(m_doc));
    m_importAction->setEnabled(bool(m_doc));
    m_exportAction->setEnabled(bool(m_doc));
    m_reportsMenu->setEnabled(bool(m_doc));
    m_surveyMenu->setEnabled(bool(m_doc));
    setWindowTitle(m_doc ? tr("%1 – VNLand").arg(QFileInfo(m_doc->path()).fileName()) : tr("VNLand"));
}

void MainWindow::updateCursor(const QPointF &w)
{
    if (!m_doc)
        return;
    QLocale loc;
    loc.setNumberOptions(QLocale::OmitGroupSeparator);   // coordinates are written without grouping
    // Vietnamese surveyors read X as northing and Y as easting.
    m_coordLabel->setText(tr("X (north) %1  Y (east) %2").arg(loc.toString(w.y(), 'f', 2), loc.toString(w.x(), 'f', 2)));
    if (m_toWgs84) {
        double lon = w.x(), lat = w.y();
        if (m_toWgs84->transform(lon, lat) && std::isfinite(lon) && std::isfinite(lat))
            m_wgsLabel->setText(tr("WGS84 %1 %2").arg(dms(lat, QLatin1Char('N'), QLatin1Char('S')),
                                                      dms(lon, QLatin1Char('E'), QLatin1Char('W'))));
        else
            m_wgsLabel->clear();
    }
}

void MainWindow::updateScale()
{
    m_scaleLabel->setText(tr("Scale 1:%1").arg(QLocale().toString(qRound64(m_canvas->scaleDenominator()))));
}

void MainWindow::showIdentify(int row)
{
    if (!m_doc || row < 0) {
        logMessage(tr("Identify: no parcel here"));
        return;
    }
    const auto &p = m_doc->parcel(row);
    logMessage(tr("Parcel %1, sheet %2: %3, %4 m², %5, %6")
                   .arg(p.thuaSo ? QString::number(*p.thuaSo) : QStringLiteral("?"),
                        p.toSo ? QString::number(*p.toSo) : QStringLiteral("?"), QString::fromStdString(p.landuseCode),
                        formatArea(p.measuredArea), QString::fromStdString(p.ownerName), QString::fromStdString(p.address)));
}

void MainWindow::newProjectDialog()
{
    NewProjectDialog dlg(this);
    if (dlg.exec() == QDialog::Accepted)
        openProject(dlg.createdPath());
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("VNLand projects (*.sqlite *.vnland);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveAsDialog()
{
    if (!m_doc)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), QString(),
                                                tr("VNLand projects (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_doc->path()).absoluteFilePath())
        return;   // already there: edits are written through
    if (QFileInfo::exists(path))
        QFile::remove(path);   // the file dialog already asked to overwrite
    saveProjectAs(path);
}

bool MainWindow::saveProjectAs(const QString &path, bool quiet)
{
    if (!m_doc)
        return false;
    try {
        store::copyProjectTo(m_doc->project(), path.toStdString());
    } catch (const std::exception &e) {
        const QString msg = QString::fromUtf8(e.what());
        logMessage(tr("Cannot save the project: %1").arg(msg));
        if (!quiet)
            QMessageBox::critical(this, tr("Save project as"), tr("Cannot save the project.\n\n%1").arg(msg));
        return false;
    }
    return openProject(path, quiet);
}

bool MainWindow::addRasterLayer(const QString &path, bool quiet)
{
    if (!m_doc)
        return false;
    QString error;
    const auto src = gui::probeRaster(path, m_doc->epsg(), &error);
    if (!src) {
        logMessage(tr("Cannot add raster layer: %1").arg(error));
        if (!quiet)
            QMessageBox::warning(this, tr("Add raster layer"), error);
        return false;
    }
    const int i = m_canvas->addRaster(*src);
    auto *item = new QListWidgetItem(src->name, m_layers);
    item->setData(Qt::UserRole, 1000 + i);
    item->setToolTip(src->path);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    logMessage(tr("Raster layer %1: %2 × %3 pixels, %n overview level(s)", nullptr, src->overviews)
                   .arg(src->name)
                   .arg(src->width)
                   .arg(src->height));
    return true;
}

void MainWindow::addProjectRasters()
{
    // The georeferenced scans registered in the project (vnland georef warp --project, Warp…).
    std::vector<georef::RasterRecord> rasters;
    try {
        rasters = georef::listRasters(m_doc->project());
    } catch (const std::exception &e) {
        logMessage(tr("Cannot read the project's raster layers: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    for (const auto &r : rasters) {
        if (r.kind != "warped")
            continue;
        const QString path = QString::fromStdString(r.path);
        if (!QFileInfo::exists(path)) {
            logMessage(tr("Raster layer %1 is registered in the project but its file %2 is missing")
                           .arg(QString::fromStdString(r.name), path));
            continue;
        }
        addRasterLayer(path, true);
    }
}

void MainWindow::addRasterDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add raster layer"), QString(),
                                                      tr("Rasters (*.tif *.tiff *.vrt *.jpg *.png *.ecw *.jp2);;All files (*)"));
    if (!path.isEmpty())
        addRasterLayer(path);
}

void MainWindow::trackTask(gui::Task *task)
{
    m_shownTask = task;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelLoad->setEnabled(true);
    m_cancelLoad->setToolTip(tr("Cancel: %1").arg(task->description()));
    m_cancelLoad->show();
    statusBar()->showMessage(tr("%1…").arg(task->description()));
    connect(task, &gui::Task::progressChanged, this, [this, task](int permille) {
        if (m_shownTask != task || permille < 0)
            return;
        m_progress->setRange(0, 1000);
        m_progress->setValue(permille);
    });
    connect(task, &gui::Task::finished, this, [this, task] {
        if (m_shownTask != task)
            return;
        m_shownTask = nullptr;
        m_progress->hide();
        m_cancelLoad->hide();
        statusBar()->clearMessage();
    });
}

bool MainWindow::importFile(const QString &path, const io::ImportOptions &options, bool quiet)
{
    if (!m_doc)
        return false;
    QString refused;
    gui::Task *task = m_tasks->start<io::ImportResult>(
        {tr("Importing %1").arg(QFileInfo(path).fileName()), m_doc->path(), true},
        [path, options](gui::TaskContext &ctx) {
            io::ImportOptions o = options;
            o.progress = ctx.countProgress();
            o.cancel = &ctx.cancelFlag();
            return io::importVector(ctx.project(), path.toStdString(), o);
        },
        [this, path, quiet](io::ImportResult &result, const gui::TaskOutcome &outcome) {
            finishImport(path, result, outcome.error, outcome.cancelled, quiet);
        },
        &refused);
    if (!task) {
        logMessage(tr("Import not started: %1").arg(refused));
        if (!quiet)
            QMessageBox::warning(this, tr("Import data"), refused);
        return false;
    }
    trackTask(task);
    return true;
}

void MainWindow::finishImport(const QString &path, const io::ImportResult &result, const QString &failure, bool cancelled,
                              bool quiet)
{
    if (cancelled) {
        const QString msg = tr("Import of %1 cancelled: nothing was imported.").arg(path);
        logMessage(msg);
        emit importFinished(false, msg);
        return;
    }
    if (!failure.isEmpty() || !result.ok) {
        const QString msg = failure.isEmpty() ? QString::fromStdString(result.error) : failure;
        logMessage(tr("Import failed: %1").arg(msg));
        if (!quiet)
            QMessageBox::warning(this, tr("Import data"), tr("Nothing was imported.\n\n%1").arg(msg));
        emit importFinished(false, msg);
        return;
    }
    const auto &r = result.report;
    const QString summary = tr("Imported %1: %2 of %3 features, %4 rejected, %5 flagged (encoding %6, mapping %7)")
                                .arg(path)
                                .arg(r.imported)
                                .arg(r.featuresIn)
                                .arg(r.rejectedCount)
                                .arg(qsizetype(r.flagged.size()))
                                .arg(QString::fromStdString(r.encoding), QString::fromStdString(r.mapping));
    logMessage(summary);
    for (const auto &rej : r.rejected)
        logMessage(tr("  rejected %1 FID %2: %3").arg(QString::fromStdString(rej.layer)).arg(rej.fid).arg(QString::fromStdString(rej.reason)));
    // Reload so the map, table and form show the new parcels.
    if (!m_doc) {
        emit importFinished(true, summary);
        return;
    }
    const QString projectPath = m_doc->path();
    closeProject();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &MainWindow::projectOpened, this, [this, once, summary, quiet](bool ok, const QString &error) {
        disconnect(*once);
        if (ok && !quiet)
            QMessageBox::information(this, tr("Import data"), summary);
        emit importFinished(ok, ok ? summary : error);
    });
    if (!openProject(projectPath, quiet)) {
        disconnect(*once);
        emit importFinished(false, tr("The project could not be reopened after the import."));
    }
}

bool MainWindow::exportTo(const QString &path, const QString &format, bool quiet)
{
    if (!m_doc)
        return false;
    QString refused;
    // Set by the worker once the export is moved over the target: a Cancel clicked after that
    // point is too late, and the result is reported as written, not as cancelled.
    auto committed = std::make_shared<std::atomic<bool>>(false);
    gui::Task *task = m_tasks->start<io::ExportResult>(
        {tr("Exporting to %1").arg(QFileInfo(path).fileName()), m_doc->path(), false},
        [path, format, committed](gui::TaskContext &ctx) {
            io::ExportResult r;
            const QFileInfo target(path);
            // Written into a private folder next to the target: a cancelled or failed
            // export never touches the target; a complete one is moved over it.
            QTemporaryDir stage(target.absolutePath() + QStringLiteral("/.vnland-export-XXXXXX"));
            if (!stage.isValid()) {
                r.error = tr("Cannot write in %1: %2").arg(target.absolutePath(), stage.errorString()).toStdString();
                return r;
            }
            io::ExportOptions o;
            o.format = format.toStdString();
            o.overwrite = true;
            r = io::exportProject(ctx.project(), QDir(stage.path()).filePath(target.fileName()).toStdString(), o);
            if (!r.ok || ctx.isCancelled())
                return r;
            committed->store(true);
            const QDir from(stage.path());
            for (const QString &name : from.entryList(QDir::Files | QDir::Hidden)) {
                const QString dest = target.absoluteDir().filePath(name);
                QFile::remove(dest);
                if (!QFile::rename(from.filePath(name), dest)) {
                    r.ok = false;
                    r.error = tr("Cannot move the export to %1").arg(dest).toStdString();
                    return r;
                }
            }
            if (!r.sideFile.empty())
                r.sideFile = target.absoluteDir().filePath(QFileInfo(QString::fromStdString(r.sideFile)).fileName()).toStdString();
            return r;
        },
        [this, path, format, quiet, committed](io::ExportResult &result, const gui::TaskOutcome &outcome) {
            if (outcome.cancelled && !committed->load()) {
                const QString msg = tr("Export to %1 cancelled: the file was not written.").arg(path);
                logMessage(msg);
                emit exportFinished(false, msg);
                return;
            }
            if (!outcome.error.isEmpty() || !result.ok) {
                const QString msg = outcome.error.isEmpty() ? QString::fromStdString(result.error) : outcome.error;
                logMessage(tr("Export failed: %1").arg(msg));
                if (!quiet)
                    QMessageBox::warning(this, tr("Export data"), msg);
                emit exportFinished(false, msg);
                return;
            }
            for (const auto &w : result.warnings)
                logMessage(QString::fromStdString(w));
            const QString msg = tr("Exported %n parcel(s) to %1 (%2)", nullptr, int(result.written)).arg(path, format);
            logMessage(msg);
            emit exportFinished(true, msg);
        },
        &refused);
    if (!task) {
        logMessage(tr("Export not started: %1").arg(refused));
        if (!quiet)
            QMessageBox::warning(this, tr("Export data"), refused);
        return false;
    }
    trackTask(task);
    return true;
}

void MainWindow::importDialog()
{
    if (!m_doc)
        return;
    ImportDialog dlg(this);
    if (dlg.exec() == QDialog::Accepted && !dlg.sourcePath().isEmpty())
        importFile(dlg.sourcePath(), dlg.options());
}

void MainWindow::exportDialog()
{
    if (!m_doc)
        return;
    QStringList filters;
    const auto formats = io::exportFormats();
    for (const auto &f : formats)
        filters << QStringLiteral("%1 (*.%2)").arg(QString::fromStdString(f).toUpper(),
                                                   f == "spatialite" ? QStringLiteral("sqlite") : QString::fromStdString(f));
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), QString(), filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const int i = int(filters.indexOf(selected));
    exportTo(path, QString::fromStdString(formats[size_t(std::max(0, i))]));
}

void MainWindow::settingsDialog()
{
    SettingsDialog dlg(this);
    dlg.exec();
}

void MainWindow::reportDialog(int kind)
{
    if (!m_doc)
        return;
    std::vector<report::ParcelRef> parcels;
    if (ReportKind(kind) == ReportKind::Extract) {
        for (const int row : m_doc->selection()) {
            const auto &p = m_doc->parcel(row);
            if (p.toSo && p.thuaSo)
                parcels.push_back({*p.toSo, *p.thuaSo});
        }
        if (parcels.empty()) {
            QMessageBox::information(this, ReportDialog::kindTitle(ReportKind::Extract),
                                     tr("Select the parcel(s) to extract on the map or in the attribute table first."));
            return;
        }
        std::sort(parcels.begin(), parcels.end());
    }
    ReportDialog dlg(m_doc->path(), ReportKind(kind), std::move(parcels), this, m_tasks);
    dlg.exec();
}

void MainWindow::cogoDialog()
{
    if (!m_doc)
        return;
    CogoDialog dlg(m_doc->project(), this);
    connect(&dlg, &CogoDialog::stored, this, [this](int points, int lines) {
        logMessage(tr("COGO traverse: stored %1 point(s) and %2 leg(s) in the survey layer").arg(points).arg(lines));
    });
    dlg.exec();
}

GeorefWindow *MainWindow::georefWindow()
{
    if (!m_georef) {
        m_georef = new GeorefWindow(this, this);
        // Vectorized candidates: the review dock comes up with them.
        connect(m_georef, &GeorefWindow::sheetVectorized, this, [this](bool ok) {
            if (!ok)
                return;
            m_review->refresh();
            raiseReviewDock();
        });
    }
    return m_georef;
}

void MainWindow::raiseReviewDock()
{
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("reviewDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::georefDialog()
{
    GeorefWindow *w = georefWindow();
    w->show();
    w->raise();
    w->activateWindow();
}

void MainWindow::aboutDialog()
{
    QMessageBox::about(this, tr("About VNLand"),
                       tr("<b>VNLand %1</b><p>Cadastral map editing and land database for Vietnamese land offices "
                          "(VN-2000).</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::offerJournalRestore(bool quiet)
{
    CrashJournal *journal = CrashJournal::of(m_doc.get());
    if (!journal || !journal->exists())
        return;
    bool restore = true;
    if (!quiet) {
        QMessageBox box(QMessageBox::Question, tr("Restore unsaved work"),
                        tr("The editor did not close normally last time. Restore the undo history and the parcel "
                           "being drawn?\n\nEvery finished edit is already in the project; without the journal only "
                           "the drawing in progress and the undo history are lost."),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("journalRestoreBox"));
        box.setDefaultButton(QMessageBox::Yes);
        restore = box.exec() == QMessageBox::Yes;
    }
    if (!restore) {
        journal->discard();
        return;
    }
    QString error;
    if (journal->restore(&error))
        logMessage(tr("Restored %n step(s) of undo history from the journal", nullptr, m_doc->undoStack()->count()));
    else if (!error.isEmpty())
        logMessage(error);
}

DigitizeTools *MainWindow::digitizeTools() const { return m_digitize->tools(); }

} // namespace vnland::app

