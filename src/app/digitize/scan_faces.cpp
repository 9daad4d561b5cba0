#include "digitize/scan_faces.h"

#include "crs/map_sheet_grid.h"
#include "document/document.h"
#include "editor_context.h"
#include "georef/raster_store.h"
#include "gui/map_canvas.h"
#include "gui/task_runner.h"
#include "vectorize/sheet_faces.h"
#include "vectorize/vectorize.h"

#include <QFileInfo>
#include <QPointer>

namespace vnland::app {

ScanFaces::ScanFaces(EditorContext *context, QObject *parent) : QObject(parent), m_context(context) {}

void ScanFaces::clear()
{
    m_faces.clear();
    m_failed.clear();
}

QString ScanFaces::rasterAt(const QPointF &world) const
{
    const gui::MapCanvas *canvas = m_context->canvas();
    for (int i = canvas->rasterCount() - 1; i >= 0; --i)   // the topmost first
        if (canvas->isRasterVisible(i) && canvas->raster(i).extent.contains(world))
            return canvas->raster(i).path;
    return {};
}

std::shared_ptr<const vectorize::SheetFaces> ScanFaces::facesAt(const QPointF &world, QString *why)
{
    const QString path = rasterAt(world);
    if (path.isEmpty()) {
        *why = tr("No georeferenced scan here: Fill parcel works on a scan layer (Layer ▸ Add raster layer, or warp a scan)");
        return nullptr;
    }
    if (auto f = m_faces.value(path))
        return f;
    if (m_failed.contains(path)) {
        *why = m_failed.value(path);
        return nullptr;
    }
    if (prepare(path, why))
        *why = tr("Reading the lines of %1 for Fill parcel; click again when it is done").arg(QFileInfo(path).fileName());
    return nullptr;
}

bool ScanFaces::prepare(const QString &rasterPath, QString *why)
{
    if (m_running.contains(rasterPath) || m_faces.contains(rasterPath))
        return true;
    Document *doc = m_context->document();
    if (!doc) {
        *why = tr("Open a project first");
        return false;
    }
    // The map sheet and scale of the scan: as registered, else the sheet under the scan's centre.
    vectorize::VectorizeOptions opt;
    opt.epsg = doc->epsg();
    opt.scale = 1000;
    try {
        if (const auto rec = georef::findRaster(doc->project(), rasterPath.toStdString(), "warped")) {
            opt.sheetId = rec->sheetId;
            if (rec->scale > 0)
                opt.scale = rec->scale;
        }
    } catch (const std::exception &) {
        // not registered: found from the grid below
    }
    const gui::MapCanvas *canvas = m_context->canvas();
    if (opt.sheetId.empty())
        for (int i = 0; i < canvas->rasterCount(); ++i)
            if (canvas->raster(i).path == rasterPath) {
                const QPointF c = canvas->raster(i).extent.center();
                if (const auto frame = crs::sheetAt(c.y(), c.x(), opt.scale))
                    opt.sheetId = frame->id;
            }
    if (opt.sheetId.empty()) {
        *why = tr("%1 lies on no map sheet of scale 1:%2").arg(QFileInfo(rasterPath).fileName()).arg(opt.scale);
        return false;
    }
    QString refused;
    QPointer<ScanFaces> self(this);
    m_running.insert(rasterPath, true);
    gui::Task *task = m_context->tasks()->start<vectorize::VectorizeResult>(
        {tr("Reading the lines of %1").arg(QFileInfo(rasterPath).fileName()), QString(), false},
        [path = rasterPath.toStdString(), opt](gui::TaskContext &ctx) {
            vectorize::VectorizeOptions o = opt;
            o.progress = [&ctx](double f, const std::string &) { ctx.setFraction(f); };
            o.cancel = &ctx.cancelFlag();
            return vectorize::vectorizeScan(path, o);
        },
        [self, rasterPath, scale = opt.scale](vectorize::VectorizeResult &res, const gui::TaskOutcome &outcome) {
            if (!self)
                return;
            self->m_running.remove(rasterPath);
            QString error;
            if (outcome.cancelled || res.cancelled)
                error = tr("Reading %1 was cancelled").arg(QFileInfo(rasterPath).fileName());
            else if (!outcome.error.isEmpty())
                error = outcome.error;
            else if (!res.ok)
                error = QString::fromStdString(res.error);
            if (error.isEmpty())
                self->m_faces.insert(rasterPath, std::make_shared<const vectorize::SheetFaces>(std::move(res), scale));
            else if (!outcome.cancelled)
                self->m_failed.insert(rasterPath, error);
            emit self->prepared(rasterPath, error.isEmpty(), error);
        },
        &refused);
    if (!task) {
        m_running.remove(rasterPath);
        *why = refused;
        return false;
    }
    m_context->trackTask(task);
    return true;
}

} // namespace vnland::app
