// Main window: the Digitize menu (Số hóa) and toolbar, and the offer to
// restore the crash journal when a project opens.
#include "main_window.h"

#include "digitize_tools.h"
#include "document.h"
#include "map_canvas.h"

#include <QAction>
#include <QActionGroup>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

namespace vnland::app {

void MainWindow::createDigitizeActions(QActionGroup *tools)
{
    DigitizeTools *dig = m_canvas->digitize();
    QMenu *menu = menuBar()->addMenu(tr("&Digitize"));
    menu->setObjectName(QStringLiteral("digitizeMenu"));
    // Added to the window after the main toolbar (createActions).
    QToolBar *tb = m_digitizeToolbar = new QToolBar(tr("Digitizing toolbar"), this);
    tb->setObjectName(QStringLiteral("digitizeToolbar"));

    const struct {
        MapCanvas::Tool tool;
        QString text;
        const char *name;
        const char *icon;
    } toolDefs[] = {
        {MapCanvas::Tool::AddParcel, tr("&Add parcel"), "toolAddParcel", "draw-polygon"},
        {MapCanvas::Tool::EditVertex, tr("Edit &vertices"), "toolEditVertex", "draw-node"},
        {MapCanvas::Tool::SplitParcel, tr("&Split parcel"), "toolSplitParcel", "edit-cut"},
    };
    QHash<int, QAction *> byTool;
    for (const auto &d : toolDefs) {
        QAction *a = menu->addAction(QIcon::fromTheme(QString::fromLatin1(d.icon)), d.text);
        a->setObjectName(QString::fromLatin1(d.name));
        a->setCheckable(true);
        tools->addAction(a);
        connect(a, &QAction::triggered, this, [this, t = d.tool] { m_canvas->setTool(t); });
        tb->addAction(a);
        byTool.insert(int(d.tool), a);
    }
    for (QAction *a : tools->actions())
        if (a->objectName().startsWith(QStringLiteral("tool")) && a->objectName().size() == 5)
            byTool.insert(a->objectName().mid(4).toInt(), a);
    // A tool set from elsewhere (a restored journal sketch) checks its action.
    connect(m_canvas, &MapCanvas::toolChanged, this, [byTool](MapCanvas::Tool t) {
        if (QAction *a = byTool.value(int(t)))
            a->setChecked(true);
    });

    QAction *trace = menu->addAction(tr("&Trace along boundaries (hold T)"));
    trace->setObjectName(QStringLiteral("traceAction"));
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
        QAction *a = snap->addAction(d.text);
        a->setObjectName(QString::fromLatin1(d.name));
        a->setCheckable(true);
        a->setChecked(dig->snapFlags() & d.flag);
        connect(a, &QAction::toggled, dig, [dig, f = d.flag](bool on) {
            dig->setSnapFlags(on ? (dig->snapFlags() | f) : (dig->snapFlags() & ~edit::SnapFlags(f)));
        });
    }
    menu->addSeparator();
    QAction *merge = menu->addAction(tr("&Merge selected parcels…"), this, [this] { m_canvas->digitize()->mergeSelected(this); });
    merge->setObjectName(QStringLiteral("mergeAction"));
    QAction *del = menu->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete selected parcels"), this,
                                   [this] { m_canvas->digitize()->deleteSelected(); });
    del->setObjectName(QStringLiteral("deleteParcelsAction"));
    QAction *renumber = menu->addAction(tr("&Renumber sheet"), this, [this] { m_canvas->digitize()->renumberSheet(); });
    renumber->setObjectName(QStringLiteral("renumberAction"));
    tb->addAction(merge);
    tb->addAction(del);

    connect(dig, &DigitizeTools::notice, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::offerJournalRestore(bool quiet)
{
    if (!m_doc || !m_doc->hasJournal())
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
        m_doc->discardJournal();
        return;
    }
    QString error;
    if (m_doc->restoreJournal(&error))
        logMessage(tr("Restored %n step(s) of undo history from the journal", nullptr, m_doc->undoStack()->count()));
    else if (!error.isEmpty())
        logMessage(error);
}

} // namespace vnland::app
