// `pull --project P --integration ID [-o FILE]`: the integration's user_config exactly as the API has it, and
// the remote base recorded on the side for `push`'s lost-update check.
#include "cli/AivenSupport.h"
#include "aiven/PulledBaseStore.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"

#include <ostream>

namespace ckstudio::cli {

const CommandSpec& pullSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("pull");
        s.summary = QStringLiteral("fetch an integration's user_config");
        OptionSpec project{QStringLiteral("project"), QStringLiteral("P"), QStringLiteral("Aiven project")};
        project.required = true;
        project.allowEmpty = false;
        OptionSpec integration{QStringLiteral("integration"), QStringLiteral("ID"),
                               QStringLiteral("service_integration_id")};
        integration.required = true;
        integration.allowEmpty = false;
        OptionSpec output{QStringLiteral("output"), QStringLiteral("FILE"),
                          QStringLiteral("write to FILE (atomically) instead of stdout")};
        output.shortName = QLatin1Char('o');
        output.shortInSynopsis = true;
        s.options = {project, integration, output};
        for (auto& o : aivenOptions())
            s.options.push_back(o);
        s.description = QStringLiteral("Writes the integration's user_config (pretty JSON) to stdout or FILE "
                                       "and remembers it as the base\n"
                                       "that 'push' checks the remote against.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runPull(const QStringList& args, CliIo& io, const Finish& finish) {
    ParsedArgs parser;
    if (const auto exit = parseCommandLine(pullSpec(), args, io, parser))
        return *exit;
    const QString project = parser.value(QStringLiteral("project"));
    const QString integration = parser.value(QStringLiteral("integration"));
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
