#pragma once
// The ClickHouse side of a clickhouse_kafka integration: one ENGINE = Kafka table per user_config tables[]
// entry, with each user_config key mapped to the Kafka-engine setting that carries it. Used by the Aiven
// emulator and, against real servers, by the oracle suites.
//
// Upstream ClickHouse lacks the settings of Aiven's fork (auto_offset_reset,
// auto_offset_reset_by_duration_ms, producer_*; reference/aiven-api.md §5.2): a key whose setting the server
// does not take is left out and reported, never sent. Values that mean "the server's default" (0 for
// max_block_size, poll_max_batch_size, poll_max_timeout_ms) are left out too: 26.5 refuses 0 for the first
// two (Code 36).
#include "domain/Json.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace ckstudio {

// What the mapping needs to know about the server that gets the table.
struct KafkaServer {
    QString version;        // version(), e.g. "26.5.1.1"; empty when unknown
    QSet<QString> settings; // the Kafka-engine settings it takes (kafkaSettingsProbeSql() finds them out)
    // kafka_handle_error_mode = 'dead_letter_queue' is accepted: the server has the mode (upstream 25.1+)
    // and system.dead_letter_queue configured (<dead_letter_queue> in its config; Aiven services have it).
    bool deadLetterQueue = false;
    // Its input formats (system.formats); empty when unknown. 18.16 creates a Kafka table of any format name
    // and fails only on the first message, so the mapping says so up front.
    QSet<QString> inputFormats;
};

struct ConnectorTableSql {
    QString name;
    QString create; // CREATE TABLE db.name (...) ENGINE = Kafka SETTINGS ...
    QString group;
    QStringList topics;
    bool startAtLatest = false;    // auto_offset_reset latest/largest/end
    QMap<QString, QString> mapped; // user_config key -> the engine setting in `create` that carries it
    QStringList skipped;           // keys left out because the server cannot take them (each has a note)
    QStringList serverDefaults;    // keys left out because their value means the server's default
    QStringList unmapped;          // keys the mapping does not know (a newer schema's; each has a note)
    QStringList unsupported;       // keys in `create` whose value the server lacks (each has a note)
    QStringList notes;             // one line per key the server does not get as given: table, key, why
};

// The CREATE statement for one tables[] entry in `database`, reading the Kafka cluster at `brokers`.
ConnectorTableSql connectorTableSql(const QString& database, const Json& table, const QString& brokers,
                                    const KafkaServer& server);

// The Kafka-engine settings that may carry user_config key `key`, preferred first (kafka_max_block_size for
// max_block_size, ...); empty for keys that are not one (name, columns, materialized_view, a newer schema's).
QStringList kafkaSettingsFor(const QString& key);

// Every Kafka-engine setting the mapping may use, besides the four required ones (probe order).
QStringList candidateKafkaSettings();
// A value of `setting` every server that knows the setting takes, for probing; empty for other names.
QString kafkaSettingProbeValue(const QString& setting);

// A CREATE of a Kafka table `table` (already quoted) that names the four required settings, then each of
// `candidates` with its probe value, and last one setting no server has. It never creates anything: the
// server refuses the first setting it lacks by name ("Unknown setting", see unknownSettingIn()); when that
// is kafkaSettingsProbeEnd(), it takes every candidate. A server that ignores unknown settings creates it.
QString kafkaSettingsProbeSql(const QString& table, const QStringList& candidates);
QString kafkaSettingsProbeEnd();
// The setting an "Unknown setting 'x'" error names (18.16's and 26.5's wording); empty for other errors.
QString unknownSettingIn(const QString& serverError);

// A CREATE of a Kafka table `table` (already quoted) in dead_letter_queue mode: it succeeds only where
// KafkaServer::deadLetterQueue holds (drop the table afterwards), else the server says why.
QString deadLetterQueueProbeSql(const QString& table);

// The server's input formats, one a line (KafkaServer::inputFormats).
QString inputFormatsProbeSql();

// One statement's outcome for probeKafkaServer(): ok, or the server's error text as it sent it.
struct ProbeAnswer {
    bool ok = false;
    QString error;
    QByteArray data; // the result, TabSeparated
};

// Finds out what a server takes (settings, dead_letter_queue, input formats) by running the probe statements
// above through `run` (synchronous: the embedded engine, a test's HTTP call). `probeTable`: a quoted table
// name that is free; any table made under it is dropped again. `version`: the server's version(), copied
// into the result. On an answer that is neither a success nor an unknown setting, returns the four required
// settings only and sets *error.
KafkaServer probeKafkaServer(const QString& version, const QString& probeTable,
                             const std::function<ProbeAnswer(const QString& sql)>& run,
                             QString* error = nullptr);

} // namespace ckstudio
