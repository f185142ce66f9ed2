#include "connector/ConnectorTableSql.h"

#include "ddl/DestinationDdl.h"

#include <map>

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

// Upstream settings first, then the ones of Aiven's ClickHouse fork (reference/aiven-api.md §5.2).
const Candidate kCandidates[] = {
    {"kafka_num_consumers", "1"},
    {"kafka_max_block_size", "0"},
    {"kafka_skip_broken_messages", "0"},
    {"kafka_poll_max_batch_size", "0"},
    {"kafka_poll_timeout_ms", "0"},
    {"kafka_thread_per_consumer", "0"},
    {"kafka_handle_error_mode", "'default'"},
    {"kafka_max_rows_per_message", "1"},
    {"date_time_input_format", "'basic'"},
    {"kafka_date_time_input_format", "'basic'"},
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
};

// user_config key -> the engine settings that carry it, preferred first.
const std::map<std::string, QStringList>& settingMap() {
    static const std::map<std::string, QStringList> map = {
        {"num_consumers", {QStringLiteral("kafka_num_consumers")}},
        {"max_block_size", {QStringLiteral("kafka_max_block_size")}},
        {"skip_broken_messages", {QStringLiteral("kafka_skip_broken_messages")}},
        {"poll_max_batch_size", {QStringLiteral("kafka_poll_max_batch_size")}},
        {"poll_max_timeout_ms", {QStringLiteral("kafka_poll_timeout_ms")}},
        {"thread_per_consumer", {QStringLiteral("kafka_thread_per_consumer")}},
        {"handle_error_mode", {QStringLiteral("kafka_handle_error_mode")}},
        {"max_rows_per_message", {QStringLiteral("kafka_max_rows_per_message")}},
        {"date_time_input_format",
         {QStringLiteral("kafka_date_time_input_format"), QStringLiteral("date_time_input_format")}},
        {"auto_offset_reset", {QStringLiteral("kafka_auto_offset_reset")}},
        {"auto_offset_reset_by_duration_ms", {QStringLiteral("kafka_auto_offset_reset_by_duration_ms")}},
        {"producer_batch_size", {QStringLiteral("kafka_producer_batch_size")}},
        {"producer_batch_num_messages", {QStringLiteral("kafka_producer_batch_num_messages")}},
        {"producer_linger_ms", {QStringLiteral("kafka_producer_linger_ms")}},
        {"producer_queue_buffering_max_messages",
         {QStringLiteral("kafka_producer_queue_buffering_max_messages")}},
        {"producer_queue_buffering_max_kbytes",
         {QStringLiteral("kafka_producer_queue_buffering_max_kbytes")}},
        {"producer_request_required_acks", {QStringLiteral("kafka_producer_request_required_acks")}},
        {"producer_compression_codec", {QStringLiteral("kafka_producer_compression_codec")}},
        {"producer_compression_level", {QStringLiteral("kafka_producer_compression_level")}},
    };
    return map;
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

} // namespace

QStringList candidateKafkaSettings() {
    QStringList out;
    for (const auto& c : kCandidates)
        out << QString::fromLatin1(c.setting);
    return out;
}

ConnectorTableSql connectorTableSql(const QString& database, const Json& table, const QString& brokers,
                                    const QSet<QString>& serverSettings, const QString& serverVersion) {
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
    QStringList settings = {
        QStringLiteral("kafka_broker_list = ") + sqlString(brokers),
        QStringLiteral("kafka_topic_list = ") + sqlString(out.topics.join(QLatin1Char(','))),
        QStringLiteral("kafka_group_name = ") + sqlString(out.group),
        QStringLiteral("kafka_format = ") +
            sqlString(str(table, "data_format", QStringLiteral("JSONEachRow"))),
    };
    const QString server =
        QStringLiteral("ClickHouse %1").arg(serverVersion.isEmpty() ? QStringLiteral("?") : serverVersion);
    if (table.is_object())
        for (const auto& [key, value] : table.items()) {
            if (key == "name" || key == "columns" || key == "topics" || key == "group_name" ||
                key == "data_format")
                continue;
            const QString k = QString::fromStdString(key);
            if (key == "materialized_view") {
                out.notes << QStringLiteral(
                                 "table %1: materialized_view is not emulated; create the view with "
                                 "`ckstudio-cli ddl --execute`")
                                 .arg(out.name);
                continue;
            }
            const auto mapped = settingMap().find(key);
            if (mapped == settingMap().end()) {
                out.notes
                    << QStringLiteral("table %1: %2 has no Kafka-engine setting; skipped").arg(out.name, k);
                continue;
            }
            QString chosen;
            for (const QString& s : mapped->second)
                if (serverSettings.contains(s)) {
                    chosen = s;
                    break;
                }
            if (chosen.isEmpty()) {
                QString note = QStringLiteral("table %1: %2 skipped: %3 has no Kafka setting %4")
                                   .arg(out.name, k, server, mapped->second.join(QStringLiteral(" or ")));
                if (key == "auto_offset_reset")
                    note += QStringLiteral(" (the consumer group's starting offsets were set instead)");
                out.notes << note;
                continue;
            }
            settings << chosen + QStringLiteral(" = ") + literal(value);
        }
    out.create = QStringLiteral("CREATE TABLE %1.%2 (%3) ENGINE = Kafka SETTINGS %4")
                     .arg(sqlIdentifier(database), sqlIdentifier(out.name),
                          columns.join(QStringLiteral(", ")), settings.join(QStringLiteral(", ")));
    return out;
}

QString kafkaSettingProbeValue(const QString& setting) {
    for (const auto& c : kCandidates)
        if (setting == QLatin1String(c.setting))
            return QString::fromLatin1(c.probeValue);
    return {};
}

} // namespace ckstudio
