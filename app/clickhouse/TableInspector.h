#pragma once
// What a table is before we read from it: engine, columns, attached materialized views and, for a Kafka
// table, its topics and consumer group. And the PreviewPlan that says what a preview would do.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableName.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace ckstudio {

class ClickHouseClient;

struct TableColumn {
    QString name;
    QString type;
};

struct TableInfo {
    TableName name;
    bool exists = false;
    QString engine;     // "MergeTree", "Kafka", "MaterializedView", ...
    QString engineFull; // engine with its arguments and settings
    QString createQuery;
    std::vector<TableColumn> columns;
    QStringList attachedViews; // db.view of materialized views reading from this table
    // Kafka engine only:
    QStringList topics;
    QString consumerGroup;
    QString dataFormat;

    bool isStreamLike() const; // Kafka, RabbitMQ, NATS, FileLog, ...: reading consumes
};

// Parses kafka_topic_list / kafka_group_name / kafka_format from `engine_full` or a CREATE query (named
// settings or the positional Kafka('brokers', 'topics', 'group', 'format') form).
void readKafkaSettings(const QString& engineText, TableInfo& info);

using TableInfoDone = std::function<void(const TableInfo& info, const std::optional<ClickHouseError>& error)>;
// Reads system.tables (+ system.columns, + materialized views when the server has no dependencies columns).
void inspectTable(ClickHouseClient* client, const TableName& table, QObject* context, TableInfoDone done);

struct PreviewPlan {
    TableInfo table;
    bool consumes = false; // reading takes messages from the table's consumers (stream-like engine)
    // A SELECT commits the group's offsets: always before 21.12; from 21.12 only with kafka_commit_on_select
    // (PR #31053). Otherwise the committed offsets stay, but the table's consumers move past what was read
    // and a table with attached materialized views refuses the read.
    bool commitsOffsets = true;
    // Lines for a human: what will happen and what else can be done.
    QString explanation() const;
    QStringList alternatives() const;
};

// `serverVersion`: the server's (major, minor); {0, 0} when unknown (then a SELECT is taken to commit).
PreviewPlan planPreview(const TableInfo& table, std::pair<int, int> serverVersion = {0, 0});

} // namespace ckstudio
