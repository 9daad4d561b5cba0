// Interface language: Vietnamese when the system locale is Vietnamese unless
// the user chose otherwise in the settings; translations are compiled into
// the binary (:/i18n/vnland_editor_<lang>.qm).
#pragma once

#include <QString>

class QCoreApplication;

namespace vnland::app {

/// "vi" or "en": @p choice ("auto", "vi", "en"; empty = the stored setting).
QString resolveLanguage(const QString &choice = QString());

/// Installs the editor and Qt translators for @p language on @p app; false if
/// the editor translation is missing.
bool installTranslations(QCoreApplication &app, const QString &language);

} // namespace vnland::app
