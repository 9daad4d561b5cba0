// Loading the compiled translations.
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace vnland::app {

QString resolveLanguage(const QString &choice)
{
    QString lang = choice.isEmpty() ? QSettings().value(QStringLiteral("language"), QStringLiteral("auto")).toString() : choice;
    if (lang == QLatin1String("vi") || lang == QLatin1String("en"))
        return lang;
    return QLocale::system().language() == QLocale::Vietnamese ? QStringLiteral("vi") : QStringLiteral("en");
}

bool installTranslations(QCoreApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English,
                                language == QLatin1String("vi") ? QLocale::Vietnam : QLocale::UnitedStates));
    auto *editor = new QTranslator(&app);
    const bool ok = editor->load(QStringLiteral(":/i18n/vnland_editor_%1.qm").arg(language));
    if (ok)
        app.installTranslator(editor);
    else
        delete editor;
    // Qt's own dialogs (file dialog, message box buttons) when Qt ships them.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return ok;
}

} // namespace vnland::app
