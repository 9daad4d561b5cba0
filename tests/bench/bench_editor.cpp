// Editor benchmark: a synthetic coverage of N parcels (default 100 000) is
// written to a project, then the real main window opens it offscreen.
// Prints: project open + first full draw (target < 2 s at 100 000), full-extent
// redraw (target < 500 ms), pan and zoom frame times at sheet scale (1:1000),
// the longest GUI-thread stall while drawing, and peak memory. The baseline
// measured in the same run is a plain read of every parcel row through
// store::forEachParcel, so "open / baseline" shows the editor's own overhead.
// Digitizing: the snapping query per mouse move at 1:1000 (target < 5 ms; its
// baseline is the bbox grid query of the draw store for the same tolerance
// box), a mouse move through the add-parcel tool with the repaint, and a
// topological vertex move until it shows (target < 50 ms; written to the
// database, memory and snap index updated, canvas repainted) and until the
// parcel layer has re-rendered it.
//   QT_QPA_PLATFORM=offscreen bench_editor [N] [--seed S]
#include "bench_support.h"

#include "digitize/digitize_tools.h"
#include "document/document.h"
#include "main_window.h"
#include "gui/map_canvas.h"
#include "digitize/parcel_edits.h"

#include "edit/edit_ops.h"
#include "edit/snap_index.h"
#include "store/parcel_store.h"
#include "store/project.h"
#include "synth/coverage_generator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <set>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace vnland;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

/// Measures the longest gap between 5 ms timer ticks while it lives.
struct StallMeter {
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    StallMeter()
    {
        clock.start();
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 t = clock.elapsed();
            worst = std::max(worst, t - last);
            last = t;
        });
        timer.start(5);
    }
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VNLandBench"));
    int64_t n = 100000;
    uint64_t seed = 42;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seed" && i + 1 < argc)
            seed = std::stoull(argv[++i]);
        else
            n = std::stoll(a);
    }
    const auto dir = std::filesystem::temp_directory_path() / ("vnland-bench-editor-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.sqlite").string();

    // 1. The coverage, written straight through the store in one transaction.
    double t0 = bench::now();
    int64_t features = 0;
    {
        auto project = store::Project::create(path, {});
        project->ensureCommune("07192", "Cô Tô");
        store::Transaction tx(project->db());
        store::ParcelWriter writer(*project);
        synth::SynthOptions opt;
        opt.parcels = n;
        opt.seed = seed;
        std::string error;
        const auto res = synth::generateCoverage(opt, [&](const model::Parcel &p) {
            writer.insert(p);
            ++features;
        }, &error);
        if (!res.ok) {
            std::fprintf(stderr, "bench_editor: synth failed: %s\n", error.c_str());
            return 2;
        }
        tx.commit();
    }
    std::printf("coverage: %lld parcels, %lld features written in %.2f s\n", (long long)n, (long long)features,
                bench::now() - t0);

    // 2. Baseline: read every row (attributes + WKB) once.
    t0 = bench::now();
    {
        auto project = store::Project::open(path, true);
        int64_t rows = 0;
        store::forEachParcel(*project, {}, [&](const model::Parcel &) { return ++rows, true; });
    }
    const double baseline = bench::now() - t0;

    // 3. Open + first full draw in the real window.
    app::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    t0 = bench::now();
    double opened = 0, stallDraw = 0;
    {
        // Loading runs on a worker; the meter sees how long the GUI thread is ever blocked.
        StallMeter stall;
        if (!window.openProject(QString::fromStdString(path), true)) {
            std::fprintf(stderr, "bench_editor: cannot open %s\n", path.c_str());
            return 2;
        }
        opened = bench::now() - t0;
        if (!gui::waitForCanvasIdle(window.canvas(), 600000, 0))
            return 2;
        stallDraw = double(stall.worst);
    }
    const double firstDraw = bench::now() - t0;
    gui::MapCanvas *canvas = window.canvas();

    // 4. Full-extent redraw (all layers re-rendered), median of 5.
    std::vector<double> redraw;
    for (int i = 0; i < 5; ++i) {
        t0 = bench::now();
        canvas->refresh();
        gui::waitForCanvasIdle(canvas, 600000, 0);
        redraw.push_back(bench::now() - t0);
    }

    // 5. Pan and zoom frames at sheet scale (1:1000 at 96 dpi ≈ 0.265 m/px).
    const QRectF ext = window.document()->fullExtent();
    canvas->setView(ext.center(), 0.2646);
    gui::waitForCanvasIdle(canvas, 600000, 0);
    std::vector<double> pan, zoom;
    for (int i = 0; i < 10; ++i) {
        t0 = bench::now();
        canvas->panBy(QPointF(120, 40));
        gui::waitForCanvasIdle(canvas, 600000, 0);
        pan.push_back(bench::now() - t0);
    }
    for (int i = 0; i < 10; ++i) {
        t0 = bench::now();
        canvas->zoomBy(i % 2 ? 1.25 : 0.8, QPointF(640, 400));
        gui::waitForCanvasIdle(canvas, 600000, 0);
        zoom.push_back(bench::now() - t0);
    }

    // 6. Responsiveness: zoom to full extent and cancel it at once by a pan,
    //    measuring the longest GUI stall meanwhile.
    double stallCancel = 0;
    {
        StallMeter stall;
        canvas->zoomToFullExtent();
        QCoreApplication::processEvents();
        canvas->panBy(QPointF(50, 0));
        gui::waitForCanvasIdle(canvas, 600000, 0);
        stallCancel = double(stall.worst);
    }

    // 7. Digitizing at 1:1000: snapping per mouse move, and a vertex move until it shows.
    app::Document *doc = window.document();
    canvas->setView(ext.center(), 0.2646);
    gui::waitForCanvasIdle(canvas, 600000, 0);
    window.digitizeTools()->setMode(app::DigitizeTools::Mode::AddParcel);
    t0 = bench::now();
    doc->snapIndex();   // built in the background since the open; normally ready by now
    const double snapWait = bench::now() - t0;
    const double tol = window.digitizeTools()->snapTolerancePx() * canvas->view().mpp;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(0, canvas->width()), uy(0, canvas->height());
    std::vector<double> snapMs, gridMs, moveEventMs;
    int snapped = 0;
    std::vector<uint32_t> cand;
    for (int i = 0; i < 2000; ++i) {
        const QPointF w = canvas->screenToWorld(QPointF(ux(rng), uy(rng)));
        double t = bench::now();
        const auto r = doc->snapIndex().snap({w.x(), w.y()}, tol);
        snapMs.push_back((bench::now() - t) * 1000);
        snapped += r.found();
        cand.clear();
        t = bench::now();
        doc->geometry()->query(QRectF(w - QPointF(tol, tol), w + QPointF(tol, tol)), cand);
        gridMs.push_back((bench::now() - t) * 1000);
    }
    for (int i = 0; i < 200; ++i) {
        const QPointF pos(ux(rng), uy(rng));
        const double t = bench::now();
        QMouseEvent e(QEvent::MouseMove, pos, canvas->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &e);
        canvas->repaint();   // the snap marker and rubber band drawn now
        moveEventMs.push_back((bench::now() - t) * 1000);
    }
    // Avoid-overlap: a 10 m square drawn at the view centre, clipped by the
    // neighbours the index picks (what the add tool does on finish), and the
    // snap index updated for 1000 parcels (what an edit does).
    std::vector<double> clipMs, updateMs;
    size_t clipNeighbours = 0;
    for (int i = 0; i < 20; ++i) {
        const double cx = ext.center().x() + (i - 10) * 7.0, cy = ext.center().y();
        const edit::MultiPoly sketch{edit::Poly{{edit::Ring{{cx - 5, cy - 5}, {cx + 5, cy - 5}, {cx + 5, cy + 5}, {cx - 5, cy + 5}}}}};
        const double t = bench::now();
        edit::ParcelGeoms nearBy;
        for (int64_t id : doc->snapIndex().parcelsInBox(cx - 6, cy - 6, cx + 6, cy + 6))
            if (const auto *g = doc->snapIndex().parcel(id))
                nearBy.push_back({id, *g});
        const auto clip = edit::clipByNeighbours(sketch, nearBy, 0.5);
        clipMs.push_back((bench::now() - t) * 1000);
        clipNeighbours += nearBy.size();
        (void)clip;
    }
    {
        // A private index of the same parcels (the document's own stays untouched).
        const edit::SnapIndex &idx = doc->snapIndex();
        edit::ParcelGeoms all;
        for (int64_t id : idx.parcelsInBox(ext.left(), ext.top(), ext.right(), ext.bottom()))
            all.push_back({id, *idx.parcel(id)});
        edit::SnapIndex copy;
        copy.build(all);
        for (size_t i = 0; i < std::min<size_t>(all.size(), 1000); ++i) {
            const double t = bench::now();
            copy.update(all[i].first, all[i].second);
            updateMs.push_back((bench::now() - t) * 1000);
        }
    }
    window.digitizeTools()->setMode(app::DigitizeTools::Mode::Vertex);
    // A vertex shared by several parcels near the view centre, moved 0.5 m and back.
    std::vector<double> showMs, layerMs;
    QPointF from;
    for (double r = 2; r < 200 && from.isNull(); r *= 2) {
        const auto res = doc->snapIndex().snap({ext.center().x(), ext.center().y()}, r, edit::SnapToVertex);
        if (res.found() && doc->snapIndex().verticesAt(res.point, 1e-6).size() >= 2)
            from = QPointF(res.point.x, res.point.y);
    }
    int sharing = 0;
    if (!from.isNull()) {
        std::set<int64_t> ids;
        for (const auto &v : doc->snapIndex().verticesAt({from.x(), from.y()}, 1e-6))
            ids.insert(v.parcelId);
        sharing = int(ids.size());
        for (int i = 0; i < 10; ++i) {
            const QPointF to = from + QPointF(i % 2 ? -0.5 : 0.5, 0.3 * (i % 2 ? -1 : 1));
            const double t = bench::now();
            const auto out = app::moveVertex(*doc, from, to, 1e-6);
            canvas->repaint();   // the moved outlines are on screen (overlay over the old layer image)
            const double shown = bench::now();
            gui::waitForCanvasIdle(canvas, 600000, 0);
            const double rendered = bench::now();
            if (!out.ok) {
                std::fprintf(stderr, "bench_editor: vertex move failed: %s\n", out.error.toUtf8().constData());
                break;
            }
            showMs.push_back((shown - t) * 1000);
            layerMs.push_back((rendered - t) * 1000);
            from = to;
        }
    }

    std::printf("parcels in editor:              %d\n", window.document()->parcelCount());
    std::printf("baseline (read all rows):       %8.3f s\n", baseline);
    std::printf("open project (load + index):    %8.3f s   (%.2f × baseline)\n", opened, opened / baseline);
    std::printf("open + first full draw:         %8.3f s   (%.2f × baseline; target < 2 s at 100 000)\n", firstDraw,
                firstDraw / baseline);
    std::printf("full-extent redraw (median):    %8.1f ms  (target < 500 ms at 100 000)\n", median(redraw) * 1000);
    std::printf("pan frame at 1:1000 (median):   %8.1f ms\n", median(pan) * 1000);
    std::printf("zoom frame at 1:1000 (median):  %8.1f ms\n", median(zoom) * 1000);
    std::printf("longest GUI stall, open + draw: %8.0f ms\n", stallDraw);
    std::printf("longest GUI stall, cancel+pan:  %8.0f ms\n", stallCancel);
    std::printf("snap index wait after draw:     %8.1f ms  (built in the background after the load)\n", snapWait * 1000);
    const double snapMed = median(snapMs), snapP99 = percentile(snapMs, 0.99), gridMed = median(gridMs);
    std::printf("snap query per mouse move:      %8.4f ms median, %.4f ms p99, %d/2000 snapped  (%.4f × target 5 ms; %.3f × baseline grid bbox query %.4f ms)\n",
                snapMed, snapP99, snapped, snapMed / 5.0, gridMed > 0 ? snapMed / gridMed : 0.0, gridMed);
    std::printf("mouse move + repaint (add tool):%8.2f ms median, %.2f ms p99\n", median(moveEventMs), percentile(moveEventMs, 0.99));
    std::printf("clip a sketch by neighbours:    %8.2f ms median, %.2f ms max, %.1f neighbours  (%.3f × target 50 ms; %.2f × snap query)\n",
                median(clipMs), percentile(clipMs, 1.0), double(clipNeighbours) / std::max<size_t>(1, clipMs.size()),
                median(clipMs) / 50.0, snapMed > 0 ? median(clipMs) / snapMed : 0.0);
    std::printf("snap index update per parcel:   %8.4f ms median, %.4f ms p99  (%zu parcels; %.4f × target 5 ms)\n",
                median(updateMs), percentile(updateMs, 0.99), updateMs.size(), median(updateMs) / 5.0);
    if (showMs.empty()) {
        std::printf("vertex move: no shared vertex found near the view centre\n");
    } else {
        std::printf("vertex move (%d parcels) shown: %8.1f ms median, %.1f ms max  (%.2f × target 50 ms; %.2f × pan frame)\n",
                    sharing, median(showMs), percentile(showMs, 1.0), median(showMs) / 50.0,
                    median(pan) > 0 ? median(showMs) / (median(pan) * 1000) : 0.0);
        std::printf("vertex move, layer re-rendered: %8.1f ms median\n", median(layerMs));
    }
    std::printf("peak memory:                    %8.0f MiB\n", bench::selfPeakMiB());
    window.closeProject();
    std::filesystem::remove_all(dir);
    return 0;
}
