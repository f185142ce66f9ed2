#include "connector/ConnectorTableSql.h"

#include "ddl/DestinationDdl.h"

#include <QRegularExpression>
#include <map>
#include <optional>
#include <vector>

namespace ckstudio {
namespace {

// The project's SQL quoting (ddl/SqlQuoting.cpp) for QStrings.
QString sqlIdentifier(const QString& name) {
    return QString::fromStdString(ckstudio::quoteIdentifier(name.toStdString()));
}

QString sqlString(const QString& text) {
    return QString::fromStdString(quoteStringLiteral(text.toStdString()));
}

struct Candidate {
    const char* setting;
    const char* probeValue;
};

// Upstream settings first, then the ones of Aiven's ClickHouse fork (reference/aiven-api.md §5.2). The probe
// values are ones every server that has the setting takes: 26.5 refuses 0 for the two block sizes.
const Candidate kCandidates[] = {
    {"kafka_num_consumers", "1"},
    {"kafka_max_block_size", "1"},
    {"kafka_skip_broken_messages", "0"},
    {"kafka_poll_max_batch_size", "1"},
    {"kafka_poll_timeout_ms", "0"},
    {"kafka_thread_per_consumer", "0"},
    {"kafka_handle_error_mode", "'default'"},
    {"kafka_max_rows_per_message", "1"},
    {"date_time_input_format", "'basic'"},
    {"kafka_auto_offset_reset", "'earliest'"},
    {"kafka_auto_offset_reset_by_duration_ms", "0"},
    {"kafka_producer_batch_size", "0"},
    {"kafka_producer_batch_num_messages", "0"},
    {"kafka_producer_linger_ms", "0"},
    {"kafka_producer_queue_buffering_max_messages", "0"},
    {"kafka_producer_queue_buffering_max_kbytes", "0"},
    {"kafka_producer_request_required_acks", "-1"},
    {"kafka_producer_compression_codec", "'none'"},
    {"kafka_producer_compression_level", "-1"},
    {"kafka_compression_codec", "'none'"},
    {"kafka_compression_level", "-1"},
};

struct KeyMapping {
    std::vector<const char*> settings; // preferred first
    // The value that means "the server's (or librdkafka's) default": left out rather than sent. 26.5 refuses
    // kafka_max_block_size = 0 and kafka_poll_max_batch_size = 0; Aiven's fork does not forward its producer
    // settings' 0 / -1 to librdkafka (reference/aiven-api.md §5.2, patch 033).
    std::optional<long long> serverDefault;
    const char* origin; // who has the setting, for the note when a server lacks it
};

// user_config key -> the engine setting that carries it.
const std::map<std::string, KeyMapping>& keyMap() {
    static const char* upstream = "";
    static const char* aiven = " (a setting of Aiven's ClickHouse fork)";
    static const char* compression = " (the first is Aiven's fork's, the second upstream's from 25.11)";
    static const std::map<std::string, KeyMapping> map = {
        {"num_consumers", {{"kafka_num_consumers"}, {}, upstream}},
        {"max_block_size", {{"kafka_max_block_size"}, 0, upstream}},
        {"skip_broken_messages", {{"kafka_skip_broken_messages"}, {}, upstream}},
        {"poll_max_batch_size", {{"kafka_poll_max_batch_size"}, 0, upstream}},
        {"poll_max_timeout_ms", {{"kafka_poll_timeout_ms"}, 0, upstream}},
        {"thread_per_consumer", {{"kafka_thread_per_consumer"}, {}, upstream}},
        {"handle_error_mode", {{"kafka_handle_error_mode"}, {}, upstream}},
        {"max_rows_per_message", {{"kafka_max_rows_per_message"}, {}, upstream}},
        // A format setting, which upstream's Kafka engine takes among its own (Aiven's alias
        // kafka_date_time_input_format exists only in its fork).
        {"date_time_input_format", {{"date_time_input_format"}, {}, upstream}},
        {"auto_offset_reset", {{"kafka_auto_offset_reset"}, {}, aiven}},
        {"auto_offset_reset_by_duration_ms", {{"kafka_auto_offset_reset_by_duration_ms"}, 0, aiven}},
        {"producer_batch_size", {{"kafka_producer_batch_size"}, 0, aiven}},
        {"producer_batch_num_messages", {{"kafka_producer_batch_num_messages"}, 0, aiven}},
        {"producer_linger_ms", {{"kafka_producer_linger_ms"}, 0, aiven}},
        {"producer_queue_buffering_max_messages",
         {{"kafka_producer_queue_buffering_max_messages"}, 0, aiven}},
        {"producer_queue_buffering_max_kbytes", {{"kafka_producer_queue_buffering_max_kbytes"}, 0, aiven}},
        {"producer_request_required_acks", {{"kafka_producer_request_required_acks"}, {}, aiven}},
        // Upstream's own producer compression settings (PR #89073, October 2025: 25.11) where the fork's are
        // missing; on Aiven's 26.3 the fork's are aliases of them.
        {"producer_compression_codec",
         {{"kafka_producer_compression_codec", "kafka_compression_codec"}, {}, compression}},
        {"producer_compression_level",
         {{"kafka_producer_compression_level", "kafka_compression_level"}, -1, compression}},
    };
    return map;
}

// Keys that are the table itself rather than a setting of it.
bool isStructuralKey(const std::string& key) {
    return key == "name" || key == "columns" || key == "topics" || key == "group_name" ||
           key == "data_format";
}

QString str(const Json& obj, const char* key, const QString& fallback = {}) {
    return obj.is_object() && obj.contains(key) && obj.at(key).is_string()
               ? QString::fromStdString(obj.at(key).get<std::string>())
               : fallback;
}

QString literal(const Json& value) {
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("1") : QStringLiteral("0");
    if (value.is_string())
        return sqlString(QString::fromStdString(value.get<std::string>()));
    return QString::fromStdString(value.dump());
}

QString requiredSettings(const QString& brokers, const QString& topics, const QString& group,
                         const QString& format) {
    return QStringLiteral("kafka_broker_list = %1, kafka_topic_list = %2, kafka_group_name = %3, "
                          "kafka_format = %4")
        .arg(sqlString(brokers), sqlString(topics), sqlString(group), sqlString(format));
}

} // namespace

QStringList candidateKafkaSettings() {
    QStringList out;
    for (const auto& c : kCandidates)
        out << QString::fromLatin1(c.setting);
    return out;
}

QString kafkaSettingProbeValue(const QString& setting) {
    for (const auto& c : kCandidates)
        if (setting == QLatin1String(c.setting))
            return QString::fromLatin1(c.probeValue);
    return {};
}

QStringList kafkaSettingsFor(const QString& key) {
    QStringList out;
    if (const auto it = keyMap().find(key.toStdString()); it != keyMap().end())
        for (const char* s : it->second.settings)
            out << QString::fromLatin1(s);
    return out;
}

QString kafkaSettingsProbeEnd() {
    return QStringLiteral("kafka_ckstudio_probe_end");
}

QString kafkaSettingsProbeSql(const QString& table, const QStringList& candidates) {
    QString settings = requiredSettings(QStringLiteral("127.0.0.1:9"), QStringLiteral("probe"),
                                        QStringLiteral("probe"), QStringLiteral("JSONEachRow"));
    for (const QString& c : candidates)
        settings += QStringLiteral(", ") + c + QStringLiteral(" = ") + kafkaSettingProbeValue(c);
    settings += QStringLiteral(", ") + kafkaSettingsProbeEnd() + QStringLiteral(" = 1");
    return QStringLiteral("CREATE TABLE %1 (x UInt8) ENGINE = Kafka SETTINGS %2").arg(table, settings);
}

QString unknownSettingIn(const QString& serverError) {
    static const QRegularExpression unknown(QStringLiteral("Unknown setting '?([A-Za-z0-9_]+)'?"));
    const auto match = unknown.match(serverError);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString deadLetterQueueProbeSql(const QString& table) {
    return QStringLiteral("CREATE TABLE %1 (x UInt8) ENGINE = Kafka SETTINGS %2, "
                          "kafka_handle_error_mode = 'dead_letter_queue'")
        .arg(table, requiredSettings(QStringLiteral("127.0.0.1:9"), QStringLiteral("probe"),
                                     QStringLiteral("probe"), QStringLiteral("JSONEachRow")));
}

QString inputFormatsProbeSql() {
    return QStringLiteral("SELECT name FROM system.formats WHERE is_input FORMAT TabSeparated");
}

ConnectorTableSql connectorTableSql(const QString& database, const Json& table, const QString& brokers,
                                    const KafkaServer& server) {
    ConnectorTableSql out;
    out.name = str(table, "name");
    out.group = str(table, "group_name", QStringLiteral("clickhouse"));
    if (table.contains("topics") && table.at("topics").is_array())
        for (const auto& t : table.at("topics"))
            if (!str(t, "name").isEmpty())
                out.topics << str(t, "name");
    const QString reset = str(table, "auto_offset_reset", QStringLiteral("earliest"));
    out.startAtLatest = reset == QLatin1String("latest") || reset == QLatin1String("largest") ||
                        reset == QLatin1String("end");
    QStringList columns;
    if (table.contains("columns") && table.at("columns").is_array())
        for (const auto& c : table.at("columns"))
            columns << sqlIdentifier(str(c, "name")) + QLatin1Char(' ') + str(c, "type");
    const QString format = str(table, "data_format", QStringLiteral("JSONEachRow"));
    QStringList settings = {requiredSettings(brokers, out.topics.join(QLatin1Char(',')), out.group, format)};
    const QString serverName = server.version.isEmpty() ? QStringLiteral("this ClickHouse server")
                                                        : QStringLiteral("ClickHouse %1").arg(server.version);
    if (!server.inputFormats.isEmpty() && !server.inputFormats.contains(format)) {
        out.unsupported << QStringLiteral("data_format");
        out.notes << QStringLiteral(
                         "table %1: data_format %2: %3 has no input format %2; the table is created "
                         "but cannot read a message")
                         .arg(out.name, format, serverName);
    }
    if (table.is_object())
        for (const auto& [key, value] : table.items()) {
            if (isStructuralKey(key))
                continue;
            const QString k = QString::fromStdString(key);
            if (key == "materialized_view") {
                out.notes << QStringLiteral("table %1: materialized_view is not part of the Kafka table: it "
                                            "is a view and its target table of their own")
                                 .arg(out.name);
                continue;
            }
            const auto mapped = keyMap().find(key);
            if (mapped == keyMap().end()) {
                out.unmapped << k;
                out.notes
                    << QStringLiteral("table %1: %2 has no Kafka-engine setting; skipped").arg(out.name, k);
                continue;
            }
            const KeyMapping& m = mapped->second;
            if (m.serverDefault && value.is_number_integer() && value.get<long long>() == *m.serverDefault) {
                out.serverDefaults << k;
                continue;
            }
            QString setting;
            QStringList names;
            for (const char* s : m.settings) {
                names << QString::fromLatin1(s);
                if (setting.isEmpty() && server.settings.contains(names.last()))
                    setting = names.last();
            }
            if (setting.isEmpty()) {
                out.skipped << k;
                out.notes << QStringLiteral("table %1: %2 skipped: %3 has no Kafka setting %4%5")
                                 .arg(out.name, k, serverName, names.join(QStringLiteral(" or ")),
                                      QString::fromLatin1(m.origin));
                continue;
            }
            if (key == "handle_error_mode" && value == Json("dead_letter_queue") && !server.deadLetterQueue) {
                out.skipped << k;
                out.notes << QStringLiteral(
                                 "table %1: handle_error_mode dead_letter_queue skipped: %2 has no "
                                 "system.dead_letter_queue (it needs ClickHouse 25.1 or newer "
                                 "with <dead_letter_queue> in the server config); the table uses "
                                 "mode default")
                                 .arg(out.name, serverName);
                continue;
            }
            out.mapped.insert(k, setting);
            settings << setting + QStringLiteral(" = ") + literal(value);
        }
    out.create = QStringLiteral("CREATE TABLE %1.%2 (%3) ENGINE = Kafka SETTINGS %4")
                     .arg(sqlIdentifier(database), sqlIdentifier(out.name),
                          columns.join(QStringLiteral(", ")), settings.join(QStringLiteral(", ")));
    return out;
}

KafkaServer probeKafkaServer(const QString& version, const QString& probeTable,
                             const std::function<ProbeAnswer(const QString& sql)>& run, QString* error) {
    KafkaServer server;
    server.version = version;
    server.settings = {QStringLiteral("kafka_broker_list"), QStringLiteral("kafka_topic_list"),
                       QStringLiteral("kafka_group_name"), QStringLiteral("kafka_format")};
    const QString drop = QStringLiteral("DROP TABLE IF EXISTS %1").arg(probeTable);
    QStringList candidates = candidateKafkaSettings();
    // Each round removes one unknown name, so this ends after at most one round per candidate.
    for (;;) {
        const ProbeAnswer answer = run(kafkaSettingsProbeSql(probeTable, candidates));
        if (answer.ok) // a server that ignores unknown settings
            run(drop);
        const QString unknown = answer.ok ? QString() : unknownSettingIn(answer.error);
        if (answer.ok || unknown == kafkaSettingsProbeEnd())
            break;
        if (unknown.isEmpty() || candidates.removeAll(unknown) == 0) {
            if (error)
                *error = answer.error;
            return server;
        }
    }
    for (const QString& c : candidates)
        server.settings.insert(c);
    if (server.settings.contains(QStringLiteral("kafka_handle_error_mode"))) {
        server.deadLetterQueue = run(deadLetterQueueProbeSql(probeTable)).ok;
        if (server.deadLetterQueue)
            run(drop);
    }
    if (const ProbeAnswer formats = run(inputFormatsProbeSql()); formats.ok)
        for (const QByteArray& name : formats.data.split('\n'))
            if (!name.trimmed().isEmpty())
                server.inputFormats.insert(QString::fromUtf8(name.trimmed()));
    return server;
}

} // namespace ckstudio
