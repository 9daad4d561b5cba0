// What a feature window or panel may use of the editor around it: the open
// document, the map canvas, the task runner, the action registry, the
// messages dock and adding a raster layer. The main window implements it;
// panels hold an EditorContext *, never the main window, and follow the
// document through documentChanged().
#pragma once

#include <QObject>
#include <QString>

namespace vnland::gui {
class MapCanvas;
class Task;
class TaskRunner;
}

namespace vnland::app {

class ActionRegistry;
class Document;

class EditorContext {
public:
    virtual ~EditorContext() = default;
    /// The open project (null when none).
    virtual Document *document() const = 0;
    virtual gui::MapCanvas *canvas() const = 0;
    virtual gui::TaskRunner *tasks() const = 0;
    virtual ActionRegistry *actions() const = 0;
    /// A line in the messages dock (time-stamped there).
    virtual void logMessage(const QString &text) = 0;
    /// Adds a GDAL raster in the project CRS under the vector layers; false + logged reason.
    virtual bool addRasterLayer(const QString &path, bool quiet) = 0;
    /// Shows a started task's progress and Cancel in the status bar.
    virtual void trackTask(gui::Task *task) = 0;
};

} // namespace vnland::app
