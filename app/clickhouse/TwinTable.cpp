#include "clickhouse/TwinTable.h"

#include <QRegularExpression>
#include <QUuid>

namespace ckstudio {
namespace {

const QString kQuotedValue = QStringLiteral("'((?:[^'\\\\]|\\\\.)*)'");

// The ENGINE clause of a CREATE query: everything after the first " ENGINE = " outside the column list.
QString engineFromCreate(const QString& create) {
    const QRegularExpression re(QStringLiteral("\\)\\s*ENGINE\\s*=\\s*"),
                                QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(create);
    return m.hasMatch() ? create.mid(m.capturedEnd()) : QString();
}

} // namespace

QString defaultTwinDatabase() {
    return QStringLiteral("ckstudio_tmp");
}

QString freshTwinGroup() {
    return QStringLiteral("ckstudio_preview_") + QUuid::createUuid().toString(QUuid::Id128);
}

std::optional<TwinTableSql> twinTableSql(const TableInfo& source, const QString& twinDatabase,
                                         const QString& group, QString* error) {
    if (source.engine != QLatin1String("Kafka")) {
        *error =
            QStringLiteral("%1 is not a Kafka-engine table (engine %2): a twin preview is only for Kafka "
                           "connector tables")
                .arg(source.name.display(), source.engine);
        return std::nullopt;
    }
    if (source.columns.empty()) {
        *error = QStringLiteral("the columns of %1 are unknown").arg(source.name.display());
        return std::nullopt;
    }
    QString engine = source.engineFull.trimmed();
    if (engine.isEmpty())
        engine = engineFromCreate(source.createQuery).trimmed();
    if (!engine.startsWith(QLatin1String("Kafka"))) {
        *error = QStringLiteral("cannot read the Kafka settings of %1").arg(source.name.display());
        return std::nullopt;
    }
    // Newer servers show secret settings (kafka_sasl_password, ...) as '[HIDDEN]' to users without the
    // displaySecretsInShowAndSelect privilege. A twin made from that text would try to log in with the
    // literal password "[HIDDEN]" and fail in the broker's words; say what happened instead.
    if (engine.contains(QLatin1String("'[HIDDEN]'"))) {
        *error = QStringLiteral(
                     "the server hides the Kafka credentials of %1 ('[HIDDEN]' in its engine settings), "
                     "so no twin can be made with them; preview the table itself, or use a user "
                     "allowed to see secrets (displaySecretsInShowAndSelect)")
                     .arg(source.name.display());
        return std::nullopt;
    }
    // Swap the consumer group: named setting, or the third argument of the positional form.
    const QString quotedGroup = quoteSqlString(group);
    const QRegularExpression named(QStringLiteral("kafka_group_name\\s*=\\s*") + kQuotedValue);
    if (const auto m = named.match(engine); m.hasMatch()) {
        engine.replace(m.capturedStart(), m.capturedLength(),
                       QStringLiteral("kafka_group_name = ") + quotedGroup);
    } else {
        const QRegularExpression positional(QStringLiteral("^Kafka\\s*\\(\\s*") + kQuotedValue +
                                            QStringLiteral("\\s*,\\s*") + kQuotedValue +
                                            QStringLiteral("\\s*,\\s*") + kQuotedValue);
        const auto p = positional.match(engine);
        if (!p.hasMatch()) {
            *error = QStringLiteral("cannot find the consumer group in the engine of %1")
                         .arg(source.name.display());
            return std::nullopt;
        }
        engine.replace(p.capturedStart(3) - 1, p.capturedLength(3) + 2, quotedGroup);
    }
    // Start a new group at the earliest offset where the engine has the setting (Aiven's builds).
    QString earliest = engine;
    const QRegularExpression reset(QStringLiteral("kafka_auto_offset_reset\\s*=\\s*") + kQuotedValue);
    if (const auto m = reset.match(earliest); m.hasMatch())
        earliest.replace(m.capturedStart(), m.capturedLength(),
                         QStringLiteral("kafka_auto_offset_reset = 'earliest'"));
    else if (earliest.contains(QRegularExpression(QStringLiteral("\\bSETTINGS\\b"))))
        earliest += QStringLiteral(", kafka_auto_offset_reset = 'earliest'");
    else
        earliest += QStringLiteral(" SETTINGS kafka_auto_offset_reset = 'earliest'");

    TwinTableSql sql;
    sql.group = group;
    sql.twin = TableName{twinDatabase, group};
    QStringList columns;
    for (const TableColumn& c : source.columns)
        columns << quoteSqlIdentifier(c.name) + QLatin1Char(' ') + c.type;
    const QString head = QStringLiteral("CREATE TABLE %1 (%2) ENGINE = ")
                             .arg(sql.twin.quoted(), columns.join(QStringLiteral(", ")));
    sql.createDatabase =
        QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(quoteSqlIdentifier(twinDatabase));
    sql.createEarliest = head + earliest;
    sql.createPlain = head + engine;
    sql.drop = QStringLiteral("DROP TABLE IF EXISTS %1").arg(sql.twin.quoted());
    return sql;
}

} // namespace ckstudio
