// ckstudio's shell: the start-up to the first mapped window, kept within 1.5x a minimal QMainWindow. The
// tricks live in this folder (ui/shell/); each line is what it keeps out of start-up, measured in
// docs/performance.md, "Start-up to the first mapped window":
// - StartupWarmUp: the D-Bus session bus, fontconfig and the bundled schema, on a second thread;
// - LazyStandardIconStyle: standard icons, and with them every image-format plugin, loaded on first use;
// - HeapTidy: not start-up, the first edit after opening a large config (docs/performance.md, "Editing").
// Elsewhere, each where its subject lives: Qt Network and librdkafka dlopen()ed on first use
// (app/http/HttpTransport.h, app/kafka), MainWindow's lazy editor pages and its unwrapped empty-window hint.
#include "MainWindow.h"
#include "Translations.h"
#include "shell/LazyStandardIconStyle.h"
#include "shell/StartupWarmUp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

void describe(QCoreApplication& app) {
    app.setApplicationName(QStringLiteral("ckstudio"));
    app.setOrganizationName(QStringLiteral("ckstudio"));
    app.setApplicationVersion(QStringLiteral(CKSTUDIO_VERSION));
}

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "ClickHouse Kafka Studio: edit the connector tables of an Aiven ClickHouse–Kafka integration."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("main", "A user_config JSON file to open."),
                                 QStringLiteral("[FILE]"));
    parser.addOption(
        {QStringLiteral("screenshot"),
         QCoreApplication::translate(
             "main", "Open FILE, save a PNG of the main window to PNG and quit (for the README)."),
         QStringLiteral("PNG")});
}

// Renders the window once the event loop has laid it out and painted it, saves it and quits.
void takeScreenshot(ckstudio::MainWindow& window, const QString& png) {
    QTimer::singleShot(500, &window, [&window, png] {
        const bool saved = window.grab().save(png, "PNG");
        if (!saved)
            std::fputs(
                qPrintable(QCoreApplication::translate("main", "ckstudio: cannot write %1\n").arg(png)),
                stderr);
        QCoreApplication::exit(saved ? 0 : 2);
    });
}

// --help and --version must work without a display: answer them before any GUI exists.
bool wantsTextOnly(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char* argv[]) {
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe(app);
        ckstudio::installTranslations(app);
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    // Started before QApplication so that it runs while QApplication connects to the display.
    ckstudio::StartupWarmUp warmUp;
    QApplication app(argc, argv);
    // The style the platform (or -style) chose, with standard icons loaded on first use: keeps image plugins
    // out of start-up (see LazyStandardIconStyle.h).
    QApplication::setStyle(new ckstudio::LazyStandardIconStyle(QApplication::style()->name()));
    describe(app);
    ckstudio::installTranslations(app);
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "ClickHouse Kafka Studio"));
    // Desktops find the window's icon and name through the installed desktop entry (no image decoded here).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ckstudio.ClickHouseKafkaStudio"));
    // Before anything can exit() (a bad option) or build a widget (the first needs fontconfig).
    warmUp.wait();
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fputs(qPrintable(QCoreApplication::translate("main", "ckstudio: give at most one FILE\n")),
                   stderr);
        return 2;
    }
    const QString path = files.isEmpty() ? QString() : QFileInfo(files.first()).absoluteFilePath();

    ckstudio::MainWindow window;
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty())
        window.resize(1200, 760); // the same picture whatever the saved geometry
    window.show();
    // Once the event loop runs: dialogs (draft recovery, a broken FILE) then belong to a visible window.
    QTimer::singleShot(0, &window, [&window, path] { window.startUp(path); });
    if (!screenshot.isEmpty())
        takeScreenshot(window, QFileInfo(screenshot).absoluteFilePath());
    return app.exec();
}
