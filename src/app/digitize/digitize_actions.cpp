// The Digitize menu (Số hóa) and toolbar: the digitizing tools' modes,
// tracing, snapping kinds, merge / delete / renumber, all in the action registry.
#include "digitize/digitize_actions.h"
#include "digitize/scan_faces.h"

#include <QFileInfo>

#include "action_registry.h"
#include "digitize/digitize_tools.h"
#include "editor_context.h"
#include "gui/map_canvas.h"

#include <QAction>
#include <QActionGroup>
#include <QHash>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace vnland::app {

DigitizeActions::DigitizeActions(EditorContext *context, QMainWindow *window, QActionGroup *tools)
    : QObject(window), m_context(context)
{
    gui::MapCanvas *canvas = context->canvas();
    ActionRegistry *actions = context->actions();
    DigitizeTools *dig = m_tools = new DigitizeTools(canvas);
    canvas->setMapTool(dig);
    auto *faces = new ScanFaces(context, this);
    dig->setScanFaces(faces);
    connect(faces, &ScanFaces::prepared, dig, [dig](const QString &path, bool ok, const QString &error) {
        emit dig->notice(ok ? tr("%1 is read: click inside an area to fill it as a parcel").arg(QFileInfo(path).fileName())
                            : tr("Fill parcel cannot use %1: %2").arg(QFileInfo(path).fileName(), error));
    });
    QMenu *menu = m_menu = window->menuBar()->addMenu(tr("&Digitize"));
    menu->setObjectName(QStringLiteral("digitizeMenu"));
    // Added to the window after the main toolbar (createActions).
    QToolBar *tb = m_toolbar = new QToolBar(tr("Digitizing toolbar"), window);
    tb->setObjectName(QStringLiteral("digitizeToolbar"));

    const struct {
        DigitizeTools::Mode mode;
        QString text;
        const char *name;
        const char *icon;
    } toolDefs[] = {
        {DigitizeTools::Mode::AddParcel, tr("&Add parcel"), "toolAddParcel", "draw-polygon"},
        {DigitizeTools::Mode::Vertex, tr("Edit &vertices"), "toolEditVertex", "draw-node"},
        {DigitizeTools::Mode::Split, tr("&Split parcel"), "toolSplitParcel", "edit-cut"},
        {DigitizeTools::Mode::Fill, tr("&Fill parcel from the scan"), "toolFillParcel", "color-fill"},
    };
    QHash<int, QAction *> byMode;
    for (const auto &d : toolDefs) {
        QAction *a = actions->add(QString::fromLatin1(d.name),
                                  menu->addAction(QIcon::fromTheme(QString::fromLatin1(d.icon)), d.text));
        a->setCheckable(true);
        tools->addAction(a);
        connect(a, &QAction::triggered, dig, [dig, m = d.mode] { dig->setMode(m); });
        tb->addAction(a);
        byMode.insert(int(d.mode), a);
    }
    // A mode set from elsewhere (a restored journal sketch) checks its action.
    connect(dig, &DigitizeTools::modeChanged, this, [byMode](DigitizeTools::Mode m) {
        if (QAction *a = byMode.value(int(m)))
            a->setChecked(true);
    });

    QAction *trace = actions->add(QStringLiteral("traceAction"), menu->addAction(tr("&Trace along boundaries (hold T)")));
    trace->setCheckable(true);
    connect(trace, &QAction::toggled, dig, &DigitizeTools::setTracing);
    tb->addAction(trace);

    QMenu *snap = menu->addMenu(tr("S&napping"));
    snap->setObjectName(QStringLiteral("snapMenu"));
    const struct {
        edit::SnapFlag flag;
        QString text;
        const char *name;
    } snapDefs[] = {
        {edit::SnapToVertex, tr("Parcel &vertices"), "snapVertex"},
        {edit::SnapToSegment, tr("Parcel &edges"), "snapSegment"},
        {edit::SnapToSheetFrame, tr("Sheet &frames"), "snapSheetFrame"},
        {edit::SnapToGridCross, tr("&Grid crosses"), "snapGridCross"},
        {edit::SnapToSurveyPoint, tr("&Survey points"), "snapSurveyPoint"},
    };
    for (const auto &d : snapDefs) {
        QAction *a = actions->add(QString::fromLatin1(d.name), snap->addAction(d.text));
        a->setCheckable(true);
        a->setChecked(dig->snapFlags() & d.flag);
        connect(a, &QAction::toggled, dig, [dig, f = d.flag](bool on) {
            dig->setSnapFlags(on ? (dig->snapFlags() | f) : (dig->snapFlags() & ~edit::SnapFlags(f)));
        });
    }
    menu->addSeparator();
    QAction *merge = actions->add(QStringLiteral("mergeAction"), menu->addAction(tr("&Merge selected parcels…"), dig,
                                                                                [dig, window] { dig->mergeSelected(window); }));
    QAction *del = actions->add(QStringLiteral("deleteParcelsAction"),
                                menu->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete selected parcels"),
                                                dig, [dig] { dig->deleteSelected(); }));
    actions->add(QStringLiteral("renumberAction"), menu->addAction(tr("&Renumber sheet"), dig, [dig] { dig->renumberSheet(); }));
    tb->addAction(merge);
    tb->addAction(del);

    connect(dig, &DigitizeTools::notice, window, [window](const QString &text) { window->statusBar()->showMessage(text, 10000); });
}

} // namespace vnland::app
