// ckstudio-cli: a thin shell around runCli(); network commands run inside the event loop.
#include "cli/Cli.h"

#include <QCoreApplication>
#include <QTimer>
#include <iostream>
#include <memory>
#include <vector>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ckstudio"));
    QCoreApplication::setOrganizationName(QStringLiteral("ckstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CKSTUDIO_VERSION));

    // The process ends after the command, and the exit returns memory faster than freeing it: what a command
    // is done with stays here, reachable (leak checkers stay quiet), never freed (docs/performance.md).
    static auto* keptUntilExit = new std::vector<std::shared_ptr<const void>>();
    ckstudio::cli::CliIo io{std::cout, std::cerr, [](std::shared_ptr<const void> data) {
                                keptUntilExit->push_back(std::move(data));
                            }};
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
