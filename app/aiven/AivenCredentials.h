#pragma once
// Where the Aiven token and API address come from, following avn's conventions (DESIGN.md §3):
// AIVEN_AUTH_TOKEN, then avn's credentials file, then the OS keychain. The token itself is only ever handed
// to AivenClient; the lookup reports where it came from, never what it is.
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

namespace ckstudio {

class SecretStore;

struct AivenTokenLookup {
    std::optional<QString> token;
    QString source;    // "AIVEN_AUTH_TOKEN", "credentials file PATH", "keychain"
    QStringList notes; // why earlier places did not give one (unreadable file, keychain error), no secrets
    bool found() const { return token.has_value(); }
};

// AIVEN_CREDENTIALS_FILE, else $AIVEN_CONFIG_DIR/aiven-credentials.json, else
// ~/.config/aiven/aiven-credentials.json.
QString aivenCredentialsFilePath(const QProcessEnvironment& env);

// The synchronous places: the environment variable, then the credentials file ({"auth_token": "..."}).
AivenTokenLookup aivenTokenFromEnvironment(const QProcessEnvironment& env);

// The whole order; asks `keychain` (may be null) only when the first two have nothing. Calls `done` once,
// from the event loop when the keychain is asked.
void resolveAivenToken(const QProcessEnvironment& env, SecretStore* keychain,
                       std::function<void(AivenTokenLookup)> done);

// AIVEN_WEB_URL, default https://api.aiven.io.
QUrl aivenBaseUrl(const QProcessEnvironment& env);

} // namespace ckstudio
