// `push --project P --integration ID CONFIG.json [--dry-run] [--force] [--wait S]`: apply a config without
// losing anyone else's change, through aiven/ApplyWorkflow (the GUI's Apply dialog drives the same class;
// the rules are in docs/aiven.md). The remote is compared with the base recorded by `pull`; when it moved or
// nothing was pulled, push refuses (exit 3) unless --force. --dry-run prints the diff and sends nothing.
#include "cli/AivenSupport.h"
#include "aiven/ApplyWorkflow.h"
#include "aiven/PulledBaseStore.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "schema/ConfigValidator.h"

#include <algorithm>
#include <ostream>

namespace ckstudio::cli {
namespace {

struct PushRequest {
    QString project;
    QString integration;
    bool dryRun = false;
    bool force = false;
    int waitMs = 10000;
    Json local;
};

void printLines(std::ostream& out, const ConfigDiff& diff, const char* indent) {
    for (const auto& line : diff.toLines())
        out << indent << line << "\n";
    out.flush();
}

// Every problem at its path on stderr; returns the number of errors (warnings do not stop a push).
std::size_t reportProblems(const Json& config, CliIo& io) {
    std::size_t errors = 0;
    for (const Problem& p : ConfigValidator().validate(config)) {
        if (p.isError()) {
            ++errors;
            io.err << p.toLine() << "\n";
        } else {
            io.err << (p.path.empty() ? std::string("(document)") : p.path) << ": warning: " << p.message
                   << "\n";
        }
    }
    return errors;
}

// After check(): refuse, print, or go on to apply. Returns the exit code when the command ends here.
std::optional<int> onChecked(const ApplyCheck& check, const PushRequest& req, CliIo& io) {
    if (check.needsOverwrite() && !req.force) {
        if (check.verdict == ApplyCheck::Verdict::NoBase) {
            printError(
                io, "push",
                QStringLiteral("no pulled base for integration %1 in project %2: run 'ckstudio-cli pull' "
                               "first and edit what it wrote, so that changes made by others since are "
                               "not overwritten (or use --force)")
                    .arg(req.integration, req.project));
            return ExitRefused;
        }
        io.err << "ckstudio-cli push: the remote user_config of integration " << req.integration.toStdString()
               << " changed since it was pulled (" << check.moved.summary() << "):\n";
        printLines(io.err, check.moved, "  ");
        io.err << "Pull again and redo your edit on top, or use --force to overwrite those changes.\n";
        io.err.flush();
        return ExitRefused;
    }
    if (req.dryRun) {
        if (check.changes.isEmpty())
            io.out << "no changes: the remote already has this config\n";
        else
            printLines(io.out, check.changes, "");
        io.out << "dry run: nothing was sent\n";
        io.out.flush();
        return ExitOk;
    }
    if (sameConfig(check.remote, check.mine) && !req.force) {
        io.out << "no changes: the remote already has this config\n";
        io.out.flush();
        return ExitOk;
    }
    printLines(io.out, check.changes, "");
    return std::nullopt;
}

int onFinished(const ApplyOutcome& outcome, const PushRequest& req, CliIo& io) {
    const QString error = outcome.error ? outcome.error->describe() : QString();
    using Kind = ApplyOutcome::Kind;
    if (outcome.ok()) {
        const int tables = outcome.integration ? outcome.integration->tableCount() : 0;
        io.out << "applied to integration " << req.integration.toStdString() << ": " << tables
               << (tables == 1 ? " table" : " tables") << ", status "
               << (outcome.status().isEmpty() ? std::string("unknown") : outcome.status().toStdString())
               << "\n";
        io.out.flush();
        return ExitOk;
    }
    if (outcome.kind == Kind::FetchFailed) {
        printError(io, "push", error);
    } else if (outcome.kind == Kind::Rejected) {
        printError(io, "push", QStringLiteral("the API refused the config: %1").arg(error));
    } else if (outcome.kind == Kind::StatusUnreadable) {
        printError(io, "push",
                   QStringLiteral("the config was applied, but its status could not be read: %1").arg(error));
    } else if (outcome.kind == Kind::IntegrationFailed) {
        QString message = QStringLiteral("the config was applied, but the integration failed");
        const AivenIntegration& i = *outcome.integration;
        if (!i.likelyErrorCause.isEmpty() && i.likelyErrorCause != QLatin1String("null"))
            message += QStringLiteral(" (likely cause: %1)").arg(i.likelyErrorCause);
        for (const auto& e : i.statusErrors)
            message += QStringLiteral("\n  ") + e;
        printError(io, "push", message);
    } else {
        printError(io, "push", ApplyWorkflow::describe(outcome));
    }
    return ExitRemote;
}

} // namespace

const CommandSpec& pushSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("push");
        s.summary = QStringLiteral("apply a config; refuses (exit 3) when the remote changed since the pull");
        s.positionals = {{QStringLiteral("CONFIG.json"), QStringLiteral("the config to apply")}};
        s.positionalsFirst = false;
        OptionSpec project{QStringLiteral("project"), QStringLiteral("P"), QStringLiteral("Aiven project")};
        project.required = true;
        project.allowEmpty = false;
        OptionSpec integration{QStringLiteral("integration"), QStringLiteral("ID"),
                               QStringLiteral("service_integration_id")};
        integration.required = true;
        integration.allowEmpty = false;
        OptionSpec wait{QStringLiteral("wait"), QStringLiteral("S"),
                        QStringLiteral("seconds to follow the integration's status")};
        wait.defaultValue = QStringLiteral("10");
        wait.show = OptionSpec::Show::Full;
        s.options = {
            project,
            integration,
            {QStringLiteral("dry-run"), {}, QStringLiteral("print the changes; send nothing")},
            {QStringLiteral("force"), {}, QStringLiteral("apply even if the remote changed since the pull")},
            wait};
        for (auto& o : aivenOptions())
            s.options.push_back(o);
        s.description = QStringLiteral("Validates CONFIG.json, checks that the remote user_config is still "
                                       "the one 'pull' fetched, then\n"
                                       "replaces it (PUT) and follows the integration's status. Exit 3 when "
                                       "the remote changed since the\n"
                                       "pull (or nothing was pulled), unless --force. --dry-run prints the "
                                       "changes and sends nothing.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runPush(const QStringList& args, CliIo& io, const Finish& finish) {
    ParsedArgs parser;
    if (const auto exit = parseCommandLine(pushSpec(), args, io, parser))
        return *exit;
    auto req = std::make_shared<PushRequest>();
    req->project = parser.value(QStringLiteral("project"));
    req->integration = parser.value(QStringLiteral("integration"));
    req->dryRun = parser.isSet(QStringLiteral("dry-run"));
    req->force = parser.isSet(QStringLiteral("force"));
    bool waitOk = false;
    const double waitSeconds = parser.value(QStringLiteral("wait")).toDouble(&waitOk);
    if (!waitOk || waitSeconds < 0)
        return usageError(io, pushSpec(),
                          QStringLiteral("--wait needs a number of seconds, not '%1'")
                              .arg(parser.value(QStringLiteral("wait"))));
    req->waitMs = static_cast<int>(waitSeconds * 1000);
    const QString file = parser.positional(QStringLiteral("CONFIG.json"));
    auto read = readJsonFile(file);
    if (!read) {
        io.err << read.error << "\n";
        return ExitUsage;
    }
    req->local = std::move(*read.value);
    // Invalid configs are stopped here, before anything is sent.
    const std::size_t errors = reportProblems(req->local, io);
    if (errors > 0 || !req->local.is_object()) {
        io.err << file.toStdString() << ": invalid, " << errors << (errors == 1 ? " error" : " errors")
               << "; nothing was sent\n";
        return ExitInvalid;
    }

    runWithAivenClient(
        "push", parser.value(QStringLiteral("ca-file")), io, finish,
        [&io, req = std::shared_ptr<const PushRequest>(req)](AivenClient& client, const Finish& done) {
            const QUrl api = client.options().baseUrl;
            auto bases = std::make_shared<PulledBaseStore>(
                PulledBaseStore::defaultDirectory(QProcessEnvironment::systemEnvironment()));
            std::string baseError;
            std::optional<Json> base = bases->load(api, req->project, req->integration, &baseError);
            if (!baseError.empty()) {
                printError(io, "push", QString::fromStdString(baseError));
                done(ExitUsage);
                return;
            }
            // A child of the client, which the command's end releases.
            auto* workflow = new ApplyWorkflow(&client, req->project, req->integration, &client);
            workflow->setStatusFollowing(std::chrono::milliseconds(req->waitMs),
                                         std::chrono::milliseconds(std::clamp(req->waitMs / 10, 100, 1000)));
            QObject::connect(workflow, &ApplyWorkflow::checked, workflow,
                             [&io, req, workflow, done](const ApplyCheck& check) {
                                 if (const auto code = onChecked(check, *req, io))
                                     done(*code);
                                 else
                                     workflow->apply();
                             });
            QObject::connect(
                workflow, &ApplyWorkflow::landed, workflow, [&io, req, bases, api](const Json& b) {
                    if (auto error = bases->record(api, req->project, req->integration, b); !error.empty())
                        io.err << "ckstudio-cli push: warning: the new base could not be recorded: " << error
                               << "\n";
                });
            QObject::connect(
                workflow, &ApplyWorkflow::finished, workflow,
                [&io, req, done](const ApplyOutcome& outcome) { done(onFinished(outcome, *req, io)); });
            workflow->check(req->local, std::move(base));
        });
    return std::nullopt;
}

} // namespace ckstudio::cli
