// ckstudio-cli: a thin shell around runCli(); network commands run inside the event loop.
#include "cli/Cli.h"

#include <QCoreApplication>
#include <QTimer>

#include <iostream>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ckstudio"));
    QCoreApplication::setOrganizationName(QStringLiteral("ckstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CKSTUDIO_VERSION));

    ckstudio::cli::CliIo io{std::cout, std::cerr};
    int exitCode = ckstudio::cli::ExitUsage;
    bool finished = false;
    auto finish = [&](int code) {
        exitCode = code;
        finished = true;
        QCoreApplication::exit(code);
    };
    auto result = ckstudio::cli::runCli(app.arguments().mid(1), io, finish);
    if (result) {
        std::cout.flush();
        return *result;
    }
    if (!finished)
        app.exec();
    std::cout.flush();
    return exitCode;
}
