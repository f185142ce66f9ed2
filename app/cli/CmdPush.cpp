// `push --project P --integration ID CONFIG.json [--dry-run] [--force]`: apply a config without losing anyone
// else's change. The remote is compared with the base recorded by `pull`; when it moved, push refuses (exit
// 3) and says what changed, unless --force. --dry-run prints the diff and sends nothing.
#include "aiven/AivenCliSupport.h"
#include "aiven/PulledBaseStore.h"
#include "cli/Cli.h"
#include "diff/ConfigDiff.h"
#include "domain/JsonText.h"
#include "schema/ConfigValidator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <ostream>

namespace ckstudio::cli {
namespace {

struct PushRequest {
    QString project;
    QString integration;
    QString file;
    bool dryRun = false;
    bool force = false;
    int waitMs = 10000;
    int pollMs = 1000;
    Json local;
};

void printLines(std::ostream& out, const ConfigDiff& diff, const char* indent) {
    for (const auto& line : diff.toLines())
        out << indent << line << "\n";
}

bool settled(const AivenIntegration& i) {
    return i.status.isEmpty() || i.status == QLatin1String("running") || i.status == QLatin1String("failed");
}

// After the PUT: watch integration_status briefly so that a config the service cannot apply is reported.
void followStatus(AivenClient& client, CliIo& io, std::shared_ptr<const PushRequest> req,
                  AivenIntegration current, std::shared_ptr<QElapsedTimer> clock, const Finish& done) {
    if (current.status == QLatin1String("failed")) {
        QString message = QStringLiteral("the config was applied, but the integration failed");
        if (!current.likelyErrorCause.isEmpty() && current.likelyErrorCause != QLatin1String("null"))
            message += QStringLiteral(" (likely cause: %1)").arg(current.likelyErrorCause);
        for (const auto& e : current.statusErrors)
            message += QStringLiteral("\n  ") + e;
        printError(io, "push", message);
        done(ExitRemote);
        return;
    }
    if (settled(current) || clock->elapsed() >= req->waitMs) {
        io.out << "applied to integration " << req->integration.toStdString() << ": " << current.tableCount()
               << (current.tableCount() == 1 ? " table" : " tables") << ", status "
               << (current.status.isEmpty() ? std::string("unknown") : current.status.toStdString()) << "\n";
        io.out.flush();
        done(ExitOk);
        return;
    }
    QTimer::singleShot(req->pollMs, &client, [&client, &io, req, clock, done] {
        client.getIntegration(
            req->project, req->integration,
            [&client, &io, req, clock, done](AivenResult<AivenIntegration> r) {
                if (!r) {
                    printError(io, "push",
                               QStringLiteral("the config was applied, but its status could not be read: %1")
                                   .arg(r.error.describe()));
                    done(ExitRemote);
                    return;
                }
                followStatus(client, io, req, *r.value, clock, done);
            });
    });
}

void applyConfig(AivenClient& client, CliIo& io, std::shared_ptr<const PushRequest> req, const Finish& done) {
    const QUrl api = client.options().baseUrl;
    client.updateIntegration(
        req->project, req->integration, req->local,
        [&client, &io, req, api, done](AivenResult<AivenIntegration> r) {
            if (!r) {
                printError(io, "push",
                           QStringLiteral("the API refused the config: %1").arg(r.error.describe()));
                done(ExitRemote);
                return;
            }
            // The new base is what the API now holds (it may have filled in defaults).
            const bool hasConfig = r.value->raw.is_object() && r.value->raw.contains("user_config");
            PulledBaseStore bases(
                PulledBaseStore::defaultDirectory(QProcessEnvironment::systemEnvironment()));
            if (auto error = bases.record(api, req->project, req->integration,
                                          hasConfig ? r.value->userConfig : req->local);
                !error.empty())
                io.err << "ckstudio-cli push: warning: the new base could not be recorded: " << error << "\n";
            auto clock = std::make_shared<QElapsedTimer>();
            clock->start();
            followStatus(client, io, req, *r.value, clock, done);
        });
}

} // namespace

std::optional<int> runPush(const QStringList& args, CliIo& io, const Finish& finish) {
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("project"), QStringLiteral("Aiven project."), QStringLiteral("P")});
    parser.addOption(
        {QStringLiteral("integration"), QStringLiteral("service_integration_id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the changes; send nothing.")});
    parser.addOption(
        {QStringLiteral("force"), QStringLiteral("Apply even if the remote changed since the pull.")});
    parser.addOption({QStringLiteral("wait"),
                      QStringLiteral("Seconds to follow the integration's status (default 10)."),
                      QStringLiteral("S"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("A PEM CA to trust for the API."),
                      QStringLiteral("FILE")});
    if (!parser.parse(QStringList{QStringLiteral("ckstudio-cli push")} + args)) {
        printError(io, "push", parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out << "Usage: ckstudio-cli push --project P --integration ID CONFIG.json [--dry-run] [--force] "
                  "[--wait S]\n"
               << "Validates CONFIG.json, checks that the remote user_config is still the one 'pull' "
                  "fetched, then\n"
               << "replaces it (PUT) and follows the integration's status. Exit 3 when the remote changed "
                  "since the\n"
               << "pull (or nothing was pulled), unless --force. --dry-run prints the changes and sends "
                  "nothing.\n";
        return ExitOk;
    }
    auto req = std::make_shared<PushRequest>();
    req->project = parser.value(QStringLiteral("project"));
    req->integration = parser.value(QStringLiteral("integration"));
    req->dryRun = parser.isSet(QStringLiteral("dry-run"));
    req->force = parser.isSet(QStringLiteral("force"));
    bool waitOk = false;
    const double waitSeconds = parser.value(QStringLiteral("wait")).toDouble(&waitOk);
    if (req->project.isEmpty() || req->integration.isEmpty() || parser.positionalArguments().size() != 1 ||
        !waitOk || waitSeconds < 0) {
        printError(
            io, "push",
            QStringLiteral(
                "usage: ckstudio-cli push --project P --integration ID CONFIG.json [--dry-run] [--force]"));
        return ExitUsage;
    }
    req->waitMs = static_cast<int>(waitSeconds * 1000);
    req->pollMs = std::clamp(req->waitMs / 10, 100, 1000);
    req->file = parser.positionalArguments().first();

    auto file = readJsonFile(req->file);
    if (!file) {
        io.err << file.error << "\n";
        return ExitUsage;
    }
    req->local = std::move(*file.value);
    // Invalid configs are stopped here, with every problem at its path, before anything is sent.
    std::size_t errors = 0;
    for (const Problem& p : ConfigValidator().validate(req->local)) {
        if (p.isError()) {
            ++errors;
            io.err << p.toLine() << "\n";
        } else {
            io.err << (p.path.empty() ? std::string("(document)") : p.path) << ": warning: " << p.message
                   << "\n";
        }
    }
    if (errors > 0 || !req->local.is_object()) {
        io.err << req->file.toStdString() << ": invalid, " << errors << (errors == 1 ? " error" : " errors")
               << "; nothing was sent\n";
        return ExitInvalid;
    }

    const std::shared_ptr<const PushRequest> request = req;
    runWithAivenClient(
        "push", parser.value(QStringLiteral("ca-file")), io, finish,
        [&io, request](AivenClient& client, const Finish& done) {
            const QUrl api = client.options().baseUrl;
            client.getIntegration(
                request->project, request->integration,
                [&client, &io, request, api, done](AivenResult<AivenIntegration> r) {
                    if (!r) {
                        printError(io, "push", r.error.describe());
                        done(ExitRemote);
                        return;
                    }
                    const Json& remote = r.value->userConfig;
                    PulledBaseStore bases(
                        PulledBaseStore::defaultDirectory(QProcessEnvironment::systemEnvironment()));
                    std::string baseError;
                    const std::optional<Json> base =
                        bases.load(api, request->project, request->integration, &baseError);
                    if (!baseError.empty()) {
                        printError(io, "push", QString::fromStdString(baseError));
                        done(ExitUsage);
                        return;
                    }
                    if (!request->force) {
                        if (!base) {
                            printError(
                                io, "push",
                                QStringLiteral(
                                    "no pulled base for integration %1 in project %2: run 'ckstudio-cli "
                                    "pull' "
                                    "first and edit what it wrote, so that changes made by others since "
                                    "are not overwritten (or use --force)")
                                    .arg(request->integration, request->project));
                            done(ExitRefused);
                            return;
                        }
                        if (remoteMovedSince(*base, remote)) {
                            const ConfigDiff moved = diffConfigs(*base, remote);
                            io.err << "ckstudio-cli push: the remote user_config of integration "
                                   << request->integration.toStdString() << " changed since it was pulled ("
                                   << moved.summary() << "):\n";
                            printLines(io.err, moved, "  ");
                            io.err << "Pull again and redo your edit on top, or use --force to overwrite "
                                      "those changes.\n";
                            io.err.flush();
                            done(ExitRefused);
                            return;
                        }
                    }
                    const ConfigDiff changes = diffConfigs(remote, request->local);
                    if (request->dryRun) {
                        if (changes.isEmpty())
                            io.out << "no changes: the remote already has this config\n";
                        else
                            printLines(io.out, changes, "");
                        io.out << "dry run: nothing was sent\n";
                        io.out.flush();
                        done(ExitOk);
                        return;
                    }
                    if (!sameConfig(remote, request->local) || request->force)
                        printLines(io.out, changes, "");
                    if (sameConfig(remote, request->local) && !request->force) {
                        io.out << "no changes: the remote already has this config\n";
                        io.out.flush();
                        done(ExitOk);
                        return;
                    }
                    applyConfig(client, io, request, done);
                });
        });
    return std::nullopt;
}

} // namespace ckstudio::cli
