#include "clickhouse/TableInspector.h"

#include "clickhouse/ClickHouseClient.h"
#include "domain/Json.h"
#include "text/JsonFields.h"

#include <QPointer>
#include <QRegularExpression>

namespace ckstudio {
namespace {

QString unquoteSql(const QString& quoted) {
    QString out;
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == QLatin1Char('\\') && i + 1 < quoted.size())
            ++i;
        out += quoted[i];
    }
    return out;
}

std::vector<Json> jsonRows(const QByteArray& body) {
    std::vector<Json> rows;
    for (const QByteArray& line : body.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        auto j = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        if (!j.is_discarded())
            rows.push_back(std::move(j));
    }
    return rows;
}

QString str(const Json& row, const char* key) {
    return QString::fromStdString(stringField(row, key));
}

// Does a materialized view's CREATE query read from `table`?
bool viewReadsFrom(const QString& createQuery, const TableName& table) {
    const QString q = createQuery;
    const qsizetype as = q.indexOf(QLatin1String(" AS SELECT"), 0, Qt::CaseInsensitive);
    const QString select = as >= 0 ? q.mid(as) : q;
    const QString db = QRegularExpression::escape(table.database);
    const QString t = QRegularExpression::escape(table.table);
    const QString part = QStringLiteral("(?:`%1`|\"%1\"|%1)");
    const QRegularExpression re(QStringLiteral("FROM\\s+") + part.arg(db) + QStringLiteral("\\s*\\.\\s*") +
                                    part.arg(t) + QStringLiteral("(?![\\w`])"),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(select).hasMatch();
}

} // namespace

bool TableInfo::isStreamLike() const {
    static const QStringList engines = {QStringLiteral("Kafka"),        QStringLiteral("RabbitMQ"),
                                        QStringLiteral("NATS"),         QStringLiteral("FileLog"),
                                        QStringLiteral("RedisStreams"), QStringLiteral("S3Queue"),
                                        QStringLiteral("AzureQueue")};
    return engines.contains(engine);
}

void readKafkaSettings(const QString& engineText, TableInfo& info) {
    const QString value = QStringLiteral("'((?:[^'\\\\]|\\\\.)*)'");
    const auto named = [&](const char* key) {
        const QRegularExpression re(QLatin1String(key) + QStringLiteral("\\s*=\\s*") + value);
        const auto m = re.match(engineText);
        return m.hasMatch() ? std::optional<QString>(unquoteSql(m.captured(1))) : std::nullopt;
    };
    auto topics = named("kafka_topic_list");
    auto group = named("kafka_group_name");
    auto format = named("kafka_format");
    if (!topics) {
        const QRegularExpression positional(
            QStringLiteral("Kafka\\s*\\(\\s*") + value + QStringLiteral("\\s*,\\s*") + value +
            QStringLiteral("\\s*,\\s*") + value + QStringLiteral("\\s*,\\s*") + value);
        const auto m = positional.match(engineText);
        if (m.hasMatch()) {
            topics = unquoteSql(m.captured(2));
            group = unquoteSql(m.captured(3));
            format = unquoteSql(m.captured(4));
        }
    }
    info.topics.clear();
    if (topics)
        for (const auto& t : topics->split(QLatin1Char(','), Qt::SkipEmptyParts))
            info.topics << t.trimmed();
    info.consumerGroup = group.value_or(QString());
    info.dataFormat = format.value_or(QString());
}

void inspectTable(ClickHouseClient* client, const TableName& table, QObject* context, TableInfoDone done) {
    QPointer<QObject> guard(context);
    QueryOptions o;
    o.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
    const QString where = QStringLiteral("database = %1 AND name = %2")
                              .arg(quoteSqlString(table.database), quoteSqlString(table.table));
    auto* q = client->query(
        QStringLiteral("SELECT * FROM system.tables WHERE %1 FORMAT JSONEachRow").arg(where), o);
    QObject::connect(q, &ClickHouseQuery::finished, context, [=] {
        TableInfo info;
        info.name = table;
        if (q->error()) {
            done(info, q->error());
            return;
        }
        const auto rows = jsonRows(q->body());
        if (rows.empty()) {
            done(info, std::nullopt);
            return;
        }
        const Json& row = rows.front();
        info.exists = true;
        info.engine = str(row, "engine");
        info.engineFull = str(row, "engine_full");
        info.createQuery = str(row, "create_table_query");
        const bool hasDependencies =
            row.contains("dependencies_table") && row.contains("dependencies_database") &&
            row["dependencies_table"].is_array() && row["dependencies_database"].is_array();
        if (hasDependencies) {
            const auto& dbs = row["dependencies_database"];
            const auto& names = row["dependencies_table"];
            for (std::size_t i = 0; i < names.size() && i < dbs.size(); ++i) {
                if (!dbs[i].is_string() || !names[i].is_string())
                    continue;
                info.attachedViews << TableName{QString::fromStdString(dbs[i].get<std::string>()),
                                                QString::fromStdString(names[i].get<std::string>())}
                                          .display();
            }
        }
        if (info.engine == QLatin1String("Kafka"))
            readKafkaSettings(info.engineFull.isEmpty() ? info.createQuery : info.engineFull, info);

        auto* cq =
            client->query(QStringLiteral("SELECT name, type FROM system.columns WHERE database = %1 AND "
                                         "table = %2 FORMAT JSONEachRow")
                              .arg(quoteSqlString(table.database), quoteSqlString(table.table)),
                          o);
        QObject::connect(cq, &ClickHouseQuery::finished, context, [=]() mutable {
            if (cq->error()) {
                done(info, cq->error());
                return;
            }
            for (const auto& c : jsonRows(cq->body()))
                info.columns.push_back(TableColumn{str(c, "name"), str(c, "type")});
            if (hasDependencies) {
                done(info, std::nullopt);
                return;
            }
            // No dependencies columns: scan the materialized views' queries for this table.
            auto* vq =
                client->query(QStringLiteral("SELECT database, name, create_table_query FROM system.tables "
                                             "WHERE engine = 'MaterializedView' FORMAT JSONEachRow"),
                              o);
            QObject::connect(vq, &ClickHouseQuery::finished, context, [=]() mutable {
                if (vq->error()) {
                    done(info, vq->error());
                    return;
                }
                for (const auto& v : jsonRows(vq->body()))
                    if (viewReadsFrom(str(v, "create_table_query"), table))
                        info.attachedViews << TableName{str(v, "database"), str(v, "name")}.display();
                done(info, std::nullopt);
            });
        });
    });
}

PreviewPlan planPreview(const TableInfo& table, std::pair<int, int> serverVersion) {
    PreviewPlan plan;
    plan.table = table;
    plan.consumes = table.isStreamLike();
    if (plan.consumes && table.engine == QLatin1String("Kafka") && serverVersion >= std::pair(21, 12)) {
        static const QRegularExpression commitOnSelect(
            QStringLiteral(R"(kafka_commit_on_select\s*=\s*'?(1|true)'?)"),
            QRegularExpression::CaseInsensitiveOption);
        plan.commitsOffsets =
            commitOnSelect.match(table.engineFull.isEmpty() ? table.createQuery : table.engineFull)
                .hasMatch();
    }
    return plan;
}

QString PreviewPlan::explanation() const {
    const QString name = table.name.display();
    if (!consumes)
        return QStringLiteral("%1 (%2): reading it changes nothing.").arg(name, table.engine);
    const QString topics = table.topics.isEmpty()
                               ? QString()
                               : QStringLiteral(" from topic%1 %2")
                                     .arg(table.topics.size() > 1 ? QStringLiteral("s") : QString(),
                                          table.topics.join(QStringLiteral(", ")));
    const QString views = table.attachedViews.join(QStringLiteral(", "));
    const QString plural = table.attachedViews.size() > 1 ? QStringLiteral("s") : QString();
    if (!commitsOffsets) {
        QString text =
            QStringLiteral("%1 is a %2-engine table: reading it takes messages%3 from its consumers")
                .arg(name, table.engine, topics);
        if (!table.consumerGroup.isEmpty())
            text += QStringLiteral(" (group '%1')").arg(table.consumerGroup);
        text += QStringLiteral(". This server does not commit them on a SELECT (kafka_commit_on_select is "
                               "off), so the group's committed offsets stay, but the table's consumers move "
                               "past what the preview reads and the group rebalances.");
        if (!table.attachedViews.isEmpty())
            text += QStringLiteral(" The server refuses the read while materialized view%1 %2 %3 attached.")
                        .arg(plural, views,
                             table.attachedViews.size() > 1 ? QStringLiteral("are") : QStringLiteral("is"));
        return text;
    }
    QString text =
        QStringLiteral("%1 is a %2-engine table: reading it CONSUMES messages").arg(name, table.engine);
    if (!table.consumerGroup.isEmpty())
        text += QStringLiteral(" as consumer group '%1'").arg(table.consumerGroup);
    text += topics + QStringLiteral(".");
    if (!table.attachedViews.isEmpty())
        text += QStringLiteral(
                    " Materialized view%1 %2 read%3 from it: messages the preview takes may never reach "
                    "them (newer servers refuse the read).")
                    .arg(table.attachedViews.size() > 1 ? QStringLiteral("s") : QString(),
                         table.attachedViews.join(QStringLiteral(", ")),
                         table.attachedViews.size() > 1 ? QString() : QStringLiteral("s"));
    else
        text += QStringLiteral(" Other readers in the same consumer group will see a rebalance.");
    return text;
}

QStringList PreviewPlan::alternatives() const {
    QStringList out;
    if (!consumes)
        return out;
    const QString topic = table.topics.isEmpty() ? QStringLiteral("TOPIC") : table.topics.first();
    out << QStringLiteral(
               "peek the topic without consuming: ckstudio-cli peek --project P --service KAFKA --topic %1")
               .arg(topic);
    if (!table.attachedViews.isEmpty())
        out << QStringLiteral("preview the destination table that %1 writes to")
                   .arg(table.attachedViews.join(QStringLiteral(", ")));
    else
        out << QStringLiteral("preview the destination table of a materialized view (ckstudio-cli ddl ... "
                              "--execute creates one)");
    out << QStringLiteral(
        "preview through a temporary twin table with its own consumer group (the production "
        "group's offsets stay where they are): add --twin");
    out << QStringLiteral("or consume anyway: add --consume");
    return out;
}

} // namespace ckstudio
