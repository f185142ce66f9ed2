#include "clickhouse/ConnectionSettings.h"

#include <QFileInfo>

namespace ckstudio {

QString ConnectionSettings::displayUrl() const {
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

const char* connectionOptionsHelp() {
    return "  --clickhouse-url URL   ClickHouse HTTP(S) endpoint (default: $CLICKHOUSE_URL)\n"
           "  --user USER            ClickHouse user (default: $CLICKHOUSE_USER, else the server's default)\n"
           "  --ca-file FILE         PEM file of a CA to trust besides the system's\n"
           "  The password is read from $CLICKHOUSE_PASSWORD (never from a flag).\n";
}

namespace {

// Removes "--name VALUE" or "--name=VALUE" from args; error when the value is missing.
std::optional<QString> takeOption(QStringList& args, const QString& name, QString& error) {
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size()) {
                error = name + QStringLiteral(" needs a value");
                return std::nullopt;
            }
            const QString value = args[i + 1];
            args.remove(i, 2);
            return value;
        }
        if (args[i].startsWith(name + QLatin1Char('='))) {
            const QString value = args[i].mid(name.size() + 1);
            args.remove(i);
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

ConnectionArgsResult connectionFromArgs(QStringList& args, const QProcessEnvironment& env) {
    for (const auto& a : args) {
        if (a == QLatin1String("--password") || a.startsWith(QLatin1String("--password="))) {
            ConnectionArgsResult r;
            r.error = QStringLiteral("--password is not accepted (it would be visible in the process list): "
                                     "set CLICKHOUSE_PASSWORD instead");
            return r;
        }
    }
    QString error;
    const auto url = takeOption(args, QStringLiteral("--clickhouse-url"), error);
    const auto user = takeOption(args, QStringLiteral("--user"), error);
    const auto ca = takeOption(args, QStringLiteral("--ca-file"), error);
    if (!error.isEmpty()) {
        ConnectionArgsResult r;
        r.error = error;
        return r;
    }
    return connectionFromValues(url, user, ca, env);
}

ConnectionArgsResult connectionFromValues(const std::optional<QString>& url,
                                          const std::optional<QString>& user,
                                          const std::optional<QString>& ca, const QProcessEnvironment& env) {
    ConnectionArgsResult r;
    const QString urlText = url.value_or(env.value(QStringLiteral("CLICKHOUSE_URL")));
    if (urlText.isEmpty()) {
        r.error = QStringLiteral("no ClickHouse URL: give --clickhouse-url or set CLICKHOUSE_URL");
        return r;
    }
    QUrl u(urlText, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
        u.host().isEmpty()) {
        r.error = QStringLiteral("the ClickHouse URL must look like https://host:port/");
        return r;
    }
    r.settings.user = user.value_or(env.value(QStringLiteral("CLICKHOUSE_USER")));
    r.settings.password = env.value(QStringLiteral("CLICKHOUSE_PASSWORD"));
    if (!u.userName().isEmpty() && r.settings.user.isEmpty())
        r.settings.user = u.userName();
    if (!u.password().isEmpty() && r.settings.password.isEmpty())
        r.settings.password = u.password();
    u.setUserInfo({});
    if (u.path().isEmpty())
        u.setPath(QStringLiteral("/"));
    r.settings.url = u;
    if (ca) {
        if (!QFileInfo(*ca).isReadable()) {
            r.error = QStringLiteral("cannot read the CA file %1").arg(*ca);
            return r;
        }
        r.settings.caFile = *ca;
    }
    return r;
}

} // namespace ckstudio
