#pragma once
// A temporary twin of a Kafka-engine connector table: same columns, same Kafka settings, but its own fresh
// consumer group, so that reading it never moves the production group's offsets. These functions only build
// SQL; PreviewSession creates, reads and drops the twin.
#include "clickhouse/TableInspector.h"

#include <QString>
#include <optional>

namespace ckstudio {

struct TwinTableSql {
    TableName twin;
    QString group;
    QString createDatabase; // CREATE DATABASE IF NOT EXISTS (the twin's database)
    QString createEarliest; // CREATE TABLE ... with kafka_auto_offset_reset = 'earliest'
    QString createPlain;    // the same without it, for servers whose Kafka engine lacks that setting
    QString drop;           // DROP TABLE IF EXISTS
};

// Default database for twins: a scratch database of ours rather than the connector's, because on Aiven the
// integration owns `service_<kafka>` and the user may not create tables there.
QString defaultTwinDatabase();
// "ckstudio_preview_<32 hex digits>": a group name no other consumer uses.
QString freshTwinGroup();

// nullopt (with *error) when `source` is not a Kafka table or its consumer group cannot be found in the
// engine definition.
std::optional<TwinTableSql> twinTableSql(const TableInfo& source, const QString& twinDatabase,
                                         const QString& group, QString* error);

} // namespace ckstudio
