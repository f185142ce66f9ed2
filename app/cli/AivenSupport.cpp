#include "cli/AivenSupport.h"

#include "aiven/AivenCredentials.h"
#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <memory>
#include <ostream>

namespace ckstudio::cli {
namespace {

int envInt(const QProcessEnvironment& env, const char* name, int fallback) {
    bool ok = false;
    const int value = env.value(QString::fromLatin1(name)).toInt(&ok);
    return ok && value >= 0 ? value : fallback;
}

} // namespace

void printError(CliIo& io, const char* command, const QString& message) {
    io.err << "ckstudio-cli " << command << ": " << message.toStdString() << "\n";
    io.err.flush();
}

AivenClient::Options aivenOptionsFromEnvironment(const QProcessEnvironment& env) {
    AivenClient::Options options;
    options.baseUrl = aivenBaseUrl(env);
    options.timeoutMs = envInt(env, "CKSTUDIO_AIVEN_TIMEOUT_MS", options.timeoutMs);
    options.retry.initialDelay = std::chrono::milliseconds(
        envInt(env, "CKSTUDIO_AIVEN_RETRY_INITIAL_MS", static_cast<int>(options.retry.initialDelay.count())));
    options.retry.budget = std::chrono::milliseconds(
        envInt(env, "CKSTUDIO_AIVEN_RETRY_BUDGET_MS", static_cast<int>(options.retry.budget.count())));
    return options;
}

void runWithAivenClient(const char* command, const QString& caFile, CliIo& io, const Finish& finish,
                        std::function<void(AivenClient& client, const Finish& done)> body) {
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    AivenClient::Options options = aivenOptionsFromEnvironment(env);
    options.caFile = caFile;
    if (!options.baseUrl.isValid() || options.baseUrl.scheme().isEmpty() ||
        options.baseUrl.host().isEmpty()) {
        printError(io, command, QStringLiteral("AIVEN_WEB_URL is not a valid http(s) URL"));
        finish(ExitUsage);
        return;
    }
    // Owned here, released when the command ends (after the keychain answered, if it was asked).
    std::shared_ptr<KeychainSecretStore> keychain;
    if (env.value(QStringLiteral("CKSTUDIO_NO_KEYCHAIN")) != QLatin1String("1")) {
        keychain = std::make_shared<KeychainSecretStore>();
        keychain->setTimeoutMs(3000);
    }
    resolveAivenToken(
        env, keychain.get(),
        [command, options, &io, finish, body, keychain](AivenTokenLookup lookup) mutable {
            if (!lookup.found()) {
                QString message =
                    QStringLiteral(
                        "no Aiven token: set AIVEN_AUTH_TOKEN, run 'avn user login' (%1), or store "
                        "one in the keychain with the desktop app")
                        .arg(aivenCredentialsFilePath(QProcessEnvironment::systemEnvironment()));
                for (const auto& note : lookup.notes)
                    message += QStringLiteral("\n  ") + note;
                printError(io, command, message);
                finish(ExitUsage);
                return;
            }
            options.token = *lookup.token;
            // Lives until the command ends; deleted from the event loop because we may be inside one of its
            // callbacks.
            auto* client = new AivenClient(options);
            Finish done = [client, finish](int code) {
                client->deleteLater();
                finish(code);
            };
            body(*client, done);
        });
}

} // namespace ckstudio::cli
