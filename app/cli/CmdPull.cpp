// `pull --project P --integration ID [-o FILE]`: the integration's user_config exactly as the API has it, and
// the remote base recorded on the side for `push`'s lost-update check.
#include "aiven/AivenCliSupport.h"
#include "aiven/PulledBaseStore.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"

#include <QCommandLineParser>
#include <ostream>

namespace ckstudio::cli {

std::optional<int> runPull(const QStringList& args, CliIo& io, const Finish& finish) {
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("project"), QStringLiteral("Aiven project."), QStringLiteral("P")});
    parser.addOption(
        {QStringLiteral("integration"), QStringLiteral("service_integration_id."), QStringLiteral("ID")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE (atomically)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("A PEM CA to trust for the API."),
                      QStringLiteral("FILE")});
    if (!parser.parse(QStringList{QStringLiteral("ckstudio-cli pull")} + args)) {
        printError(io, "pull", parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out << "Usage: ckstudio-cli pull --project P --integration ID [-o FILE] [--ca-file FILE]\n"
               << "Writes the integration's user_config (pretty JSON) to stdout or FILE and remembers it as "
                  "the base\n"
               << "that 'push' checks the remote against.\n";
        return ExitOk;
    }
    const QString project = parser.value(QStringLiteral("project"));
    const QString integration = parser.value(QStringLiteral("integration"));
    if (project.isEmpty() || integration.isEmpty() || !parser.positionalArguments().isEmpty()) {
        printError(io, "pull",
                   QStringLiteral("usage: ckstudio-cli pull --project P --integration ID [-o FILE]"));
        return ExitUsage;
    }
    const QString output = parser.value(QStringLiteral("output"));
    runWithAivenClient(
        "pull", parser.value(QStringLiteral("ca-file")), io, finish,
        [&io, project, integration, output](AivenClient& client, const Finish& done) {
            const QUrl api = client.options().baseUrl;
            client.getIntegration(
                project, integration, &client,
                [&io, api, project, integration, output, done](AivenResult<AivenIntegration> r) {
                    if (!r) {
                        printError(io, "pull", r.error.describe());
                        done(ExitRemote);
                        return;
                    }
                    const std::string text = formatJson(r.value->userConfig);
                    if (output.isEmpty()) {
                        io.out << text;
                        io.out.flush();
                    } else if (auto error = writeTextFileAtomically(output, text); !error.empty()) {
                        printError(io, "pull", QString::fromStdString(error));
                        done(ExitUsage);
                        return;
                    }
                    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                    PulledBaseStore bases(PulledBaseStore::defaultDirectory(env));
                    if (auto error = bases.record(api, project, integration, r.value->userConfig);
                        !error.empty()) {
                        printError(
                            io, "pull",
                            QStringLiteral("the config was written, but its base could not be recorded "
                                           "(push will refuse without --force): %1")
                                .arg(QString::fromStdString(error)));
                        done(ExitUsage);
                        return;
                    }
                    done(ExitOk);
                });
        });
    return std::nullopt;
}

} // namespace ckstudio::cli
