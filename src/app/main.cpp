// vnland-editor entry point.
//   vnland-editor [PROJECT]
//   vnland-editor --screenshot FILE.png [--size WxH] [--lang vi|en] [--extent minE,minN,maxE,maxN]
//                 [--select TO/THUA] PROJECT   (works with QT_QPA_PLATFORM=offscreen)
#include "document/document.h"
#include "main_window.h"
#include "gui/map_canvas.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextStream>

#include <gdal.h>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VNLand"));
    QCoreApplication::setApplicationName(QStringLiteral("vnland-editor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VNLAND_VERSION));
    GDALAllRegister();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("VNLand cadastral map editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("Render the window with PROJECT loaded into FILE.png and exit."),
                            QStringLiteral("FILE.png"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1280x800)."),
                            QStringLiteral("WxH"), QStringLiteral("1280x800"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: vi, en or auto."), QStringLiteral("LANG"));
    QCommandLineOption extent(QStringLiteral("extent"),
                              QStringLiteral("Map extent for --screenshot in project coordinates (Y east, X north)."),
                              QStringLiteral("minE,minN,maxE,maxN"));
    QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select parcel TO/THUA (sheet/parcel number) before the screenshot."),
                              QStringLiteral("TO/THUA"));
    parser.addOptions({shot, size, lang, extent, select});
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project file (.sqlite) to open."));
    parser.process(app);

    vnland::app::installTranslations(app, vnland::app::resolveLanguage(parser.value(lang)));

    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    vnland::app::MainWindow window;
    if (parser.isSet(shot)) {
        if (args.size() != 1) {
            err << "vnland-editor: --screenshot needs exactly one PROJECT\n";
            return 2;
        }
        const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(size));
        if (!m.hasMatch()) {
            err << "vnland-editor: --size must look like 1280x800, not " << parser.value(size) << "\n";
            return 2;
        }
        window.resize(m.captured(1).toInt(), m.captured(2).toInt());
        window.show();
        auto takeShot = [&]() -> int {
            window.canvas()->zoomToFullExtent();   // after the layout settled
            if (parser.isSet(extent)) {
                const QStringList v = parser.value(extent).split(QLatin1Char(','));
                bool ok = v.size() == 4;
                double e[4] = {0, 0, 0, 0};
                for (int i = 0; ok && i < 4; ++i)
                    e[i] = v[i].toDouble(&ok);
                if (!ok || e[2] <= e[0] || e[3] <= e[1]) {
                    err << "vnland-editor: --extent must be minE,minN,maxE,maxN, not " << parser.value(extent) << "\n";
                    return 2;
                }
                auto *c = window.canvas();
                c->setView(QPointF((e[0] + e[2]) / 2, (e[1] + e[3]) / 2),
                           std::max((e[2] - e[0]) / c->width(), (e[3] - e[1]) / c->height()));
            }
            if (parser.isSet(select)) {
                const QStringList v = parser.value(select).split(QLatin1Char('/'));
                auto *doc = window.document();
                int found = -1;
                for (int r = 0; v.size() == 2 && r < doc->parcelCount() && found < 0; ++r)
                    if (doc->parcel(r).toSo == v[0].toInt() && doc->parcel(r).thuaSo == v[1].toInt())
                        found = r;
                if (found < 0) {
                    err << "vnland-editor: no parcel " << parser.value(select) << " (expected TO/THUA)\n";
                    return 2;
                }
                doc->setSelection({found});
            }
            if (!vnland::gui::waitForCanvasIdle(window.canvas(), 60000)) {
                err << "vnland-editor: rendering did not finish within 60 s\n";
                return 2;
            }
            const QImage img = window.grab().toImage();
            if (!img.save(parser.value(shot))) {
                err << "vnland-editor: cannot write " << parser.value(shot) << "\n";
                return 2;
            }
            return 0;
        };
        // The project opens as a task; the picture is taken when it has arrived.
        int code = 2;
        QObject::connect(&window, &vnland::app::MainWindow::projectOpened, &app, [&](bool ok, const QString &) {
            code = ok ? takeShot() : 2;
            QCoreApplication::exit(code);
        });
        if (!window.openProject(args.first(), true)) {
            err << "vnland-editor: " << window.messages()->toPlainText().section(QLatin1String("  "), 1) << "\n";
            return 2;
        }
        app.exec();
        if (code == 2 && !window.document())
            err << "vnland-editor: " << window.messages()->toPlainText().section(QLatin1String("  "), 1) << "\n";
        return code;
    }
    window.show();
    if (!args.isEmpty())
        window.openProject(args.first());
    return app.exec();
}
