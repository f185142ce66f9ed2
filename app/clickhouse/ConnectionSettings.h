#pragma once
// Where and as whom to connect to ClickHouse. The password comes from the environment or the keychain, never
// from a command-line flag, and is only ever sent in the X-ClickHouse-Key header.
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace ckstudio {

struct ConnectionSettings {
    QUrl url;         // http(s)://host:port/ without user info
    QString user;     // empty: the server's default user
    QString password; // never printed
    QString caFile;   // PEM file with CA certificates to trust besides the system's
    int queryTimeoutMs = 60000;

    // The URL for messages: no user info, no query.
    QString displayUrl() const;
};

// Reads --clickhouse-url/--user/--ca-file from args (the options are removed from `args`), falling back to
// CLICKHOUSE_URL / CLICKHOUSE_USER; the password from CLICKHOUSE_PASSWORD. A password in the URL's user info
// is moved out of the URL. Returns an error message for unusable settings.
struct ConnectionArgsResult {
    ConnectionSettings settings;
    QString error; // non-empty: usage error
};
ConnectionArgsResult connectionFromArgs(QStringList& args, const QProcessEnvironment& env);

// The same from values already parsed (cli/CommandSpec's connection options); nullopt: the option was not
// given.
ConnectionArgsResult connectionFromValues(const std::optional<QString>& url,
                                          const std::optional<QString>& user,
                                          const std::optional<QString>& ca, const QProcessEnvironment& env);

// Help text lines for the options above.
const char* connectionOptionsHelp();

} // namespace ckstudio
