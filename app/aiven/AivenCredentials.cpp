#include "aiven/AivenCredentials.h"

#include "domain/JsonText.h"
#include "secrets/SecretStore.h"

#include <QDir>
#include <QFileInfo>

namespace ckstudio {

QString aivenCredentialsFilePath(const QProcessEnvironment& env) {
    const QString file = env.value(QStringLiteral("AIVEN_CREDENTIALS_FILE"));
    if (!file.isEmpty())
        return file;
    QString dir = env.value(QStringLiteral("AIVEN_CONFIG_DIR"));
    if (dir.isEmpty()) {
        const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
        dir = home + QStringLiteral("/.config/aiven");
    }
    return dir + QStringLiteral("/aiven-credentials.json");
}

AivenTokenLookup aivenTokenFromEnvironment(const QProcessEnvironment& env) {
    AivenTokenLookup lookup;
    const QString fromEnv = env.value(QStringLiteral("AIVEN_AUTH_TOKEN")).trimmed();
    if (!fromEnv.isEmpty()) {
        lookup.token = fromEnv;
        lookup.source = QStringLiteral("AIVEN_AUTH_TOKEN");
        return lookup;
    }
    const QString path = aivenCredentialsFilePath(env);
    if (!QFileInfo::exists(path))
        return lookup;
    auto file = readJsonFile(path, JsonLimits{1024 * 1024, 16});
    if (!file) {
        // The message names the file and position only; a credentials file's text is never echoed.
        lookup.notes << QStringLiteral("%1: %2").arg(
            path, file.ioError ? QStringLiteral("cannot be read") : QStringLiteral("is not valid JSON"));
        return lookup;
    }
    const Json& doc = *file.value;
    if (doc.is_object() && doc.contains("auth_token") && doc.at("auth_token").is_string() &&
        !doc.at("auth_token").get<std::string>().empty()) {
        lookup.token = QString::fromStdString(doc.at("auth_token").get<std::string>()).trimmed();
        lookup.source = QStringLiteral("credentials file %1").arg(path);
        return lookup;
    }
    lookup.notes << QStringLiteral("%1: has no \"auth_token\"").arg(path);
    return lookup;
}

void resolveAivenToken(const QProcessEnvironment& env, SecretStore* keychain,
                       std::function<void(AivenTokenLookup)> done) {
    AivenTokenLookup lookup = aivenTokenFromEnvironment(env);
    if (lookup.found() || !keychain) {
        done(std::move(lookup));
        return;
    }
    keychain->read(aivenTokenSecretKey(), [lookup, done](const SecretResult& r) mutable {
        if (r.ok() && r.value && !r.value->isEmpty()) {
            lookup.token = *r.value;
            lookup.source = QStringLiteral("keychain");
        } else if (r.status == SecretResult::Status::Failed) {
            lookup.notes << QStringLiteral("keychain: %1").arg(r.error);
        }
        done(std::move(lookup));
    });
}

QUrl aivenBaseUrl(const QProcessEnvironment& env) {
    const QString url = env.value(QStringLiteral("AIVEN_WEB_URL")).trimmed();
    return QUrl(url.isEmpty() ? QStringLiteral("https://api.aiven.io") : url);
}

} // namespace ckstudio
