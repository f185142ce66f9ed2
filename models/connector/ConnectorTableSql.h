#pragma once
// The ClickHouse side of a clickhouse_kafka integration: one ENGINE = Kafka table per user_config tables[]
// entry, with each user_config key mapped to the Kafka-engine setting that carries it. Used by the Aiven
// emulator and, against real servers, by the oracle suites.
#include "domain/Json.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace ckstudio {

struct ConnectorTableSql {
    QString name;
    QString create; // CREATE TABLE db.name (...) ENGINE = Kafka SETTINGS ...
    QString group;
    QStringList topics;
    bool startAtLatest = false; // auto_offset_reset latest/largest/end
    QStringList notes;          // settings skipped because the server lacks them
};

// The CREATE statement for one tables[] entry. `serverSettings`: the Kafka settings the server accepts.
ConnectorTableSql connectorTableSql(const QString& database, const Json& table, const QString& brokers,
                                    const QSet<QString>& serverSettings, const QString& serverVersion);

// Every Kafka-engine setting the mapping may use, besides the four required ones (probe order).
QStringList candidateKafkaSettings();
// A value of `setting` every server that knows the setting takes, for probing; empty for other names.
QString kafkaSettingProbeValue(const QString& setting);

} // namespace ckstudio
