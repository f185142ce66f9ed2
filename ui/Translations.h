#pragma once
// Loads the user interface language: ckstudio's catalogue (compiled in under :/i18n) and Qt's own for the
// standard dialog buttons. Both executables call it right after creating the application object.
#include <QLocale>

class QCoreApplication;

namespace ckstudio {

// Installs the translators for `locale` on `app` (they are children of `app`). True when ckstudio has a
// catalogue for one of the locale's UI languages; otherwise the English source texts stay.
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace ckstudio
