#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ckstudio {

bool installTranslations(QCoreApplication& app, const QLocale& requested) {
    // LANG=C (containers, CI): the English catalogue, so plural forms still read "1 problem".
    const QLocale locale = requested.language() == QLocale::C ? QLocale(QLocale::English) : requested;
    // Qt's catalogue first: a later translator wins, so ours can still override a Qt text.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("ckstudio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace ckstudio
