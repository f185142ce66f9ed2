#include "clickhouse/ClickHouseError.h"

#include <QSet>
#include <QStringList>

namespace ckstudio {

QString ClickHouseError::toString() const {
    switch (kind) {
    case Kind::Server:
        return serverCode ? QStringLiteral("ClickHouse error %1: %2").arg(serverCode).arg(message)
                          : QStringLiteral("ClickHouse error: %1").arg(message);
    case Kind::Auth:
        return QStringLiteral("authentication failed: %1").arg(message);
    case Kind::Access:
        return serverCode
                   ? QStringLiteral("missing grant (ClickHouse error %1): %2").arg(serverCode).arg(message)
                   : QStringLiteral("missing grant: %1").arg(message);
    case Kind::Tls:
        return QStringLiteral("TLS error: %1").arg(message);
    case Kind::Network:
        return QStringLiteral("network error: %1").arg(message);
    case Kind::Timeout:
        return QStringLiteral("timed out: %1").arg(message);
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Protocol:
        return QStringLiteral("unexpected answer from ClickHouse: %1").arg(message);
    case Kind::Usage:
        return message;
    }
    return message;
}

QString statementKeywords(const QString& sql) {
    static const QSet<QString> keywords = {
        QStringLiteral("SELECT"),       QStringLiteral("INSERT"),    QStringLiteral("INTO"),
        QStringLiteral("CREATE"),       QStringLiteral("DROP"),      QStringLiteral("ALTER"),
        QStringLiteral("TABLE"),        QStringLiteral("DATABASE"),  QStringLiteral("VIEW"),
        QStringLiteral("MATERIALIZED"), QStringLiteral("TEMPORARY"), QStringLiteral("DICTIONARY"),
        QStringLiteral("TRUNCATE"),     QStringLiteral("RENAME"),    QStringLiteral("OPTIMIZE"),
        QStringLiteral("SYSTEM"),       QStringLiteral("KILL"),      QStringLiteral("QUERY"),
        QStringLiteral("SHOW"),         QStringLiteral("DESCRIBE"),  QStringLiteral("EXISTS"),
        QStringLiteral("DETACH"),       QStringLiteral("ATTACH"),    QStringLiteral("WITH"),
        QStringLiteral("SET"),          QStringLiteral("GRANT"),     QStringLiteral("EXPLAIN")};
    QStringList words;
    for (const QString& word : sql.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString upper = word.toUpper();
        if (!keywords.contains(upper) || words.size() == 3)
            break;
        words << upper;
    }
    return words.join(QLatin1Char(' '));
}

} // namespace ckstudio
