#pragma once
// What Aiven does in the destination ClickHouse when a clickhouse_kafka integration is applied: database
// service_<kafka> with one ENGINE = Kafka table per tables[] entry, reading the Kafka service's brokers.
//
// The server's Kafka-engine settings are found out once by probing (a CREATE that names every candidate
// setting and ends with one no server knows: the error names the first unknown setting; nothing is ever
// created), then whether it takes dead_letter_queue mode (a CREATE, dropped again) and its input formats;
// the statements are models/connector/ConnectorTableSql.h's. Config settings the server lacks are skipped
// with a note. Tables that did not change are left alone (their consumers keep their place); changed ones
// are dropped and created again; removed ones dropped. Before a table is created, its consumer group gets
// committed offsets (auto_offset_reset: earliest or latest) where it has none: ClickHouse 18.16's consumers
// otherwise start a new group at the end of the topic.
#include "TopicStore.h"
#include "connector/ConnectorTableSql.h"
#include "domain/Json.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace ckstudio::emulator {

// connectorTableSql() with the emulator's notes: what it does instead of auto_offset_reset on a server that
// lacks it, and how to get the materialized view it does not create.
ConnectorTableSql emulatedTableSql(const QString& database, const Json& table, const QString& brokers,
                                   const KafkaServer& server);

struct ConnectorApplyResult {
    QStringList errors; // statements that failed, with the server's message
    QStringList notes;  // skipped settings
    bool ok() const { return errors.isEmpty(); }
};

class ConnectorTables : public QObject {
public:
    using StoreAccess = std::function<TopicStore*()>;
    ConnectorTables(QNetworkAccessManager* network, StoreAccess store, QObject* parent = nullptr);

    void setClickHouseUrl(const QUrl& url) { // another server: nothing known about it yet
        m_url = url;
        m_version.clear();
        m_server.reset();
        m_applied.clear();
    }
    const QUrl& clickHouseUrl() const { return m_url; }

    // Brings `database` in line with `tables` (the user_config's tables[]). kafkaService: the store's service
    // whose consumer groups get seeded (empty for an external endpoint). Jobs run one after the other.
    void apply(const QString& database, const QString& kafkaService, const QString& brokers,
               const Json& tables, std::function<void(const ConnectorApplyResult&)> done);
    void dropDatabase(const QString& database);

    // Known after the first apply: the server's version, its Kafka settings (the four required ones too) and
    // whether it takes dead_letter_queue mode.
    const QString& serverVersion() const { return m_version; }
    const std::optional<KafkaServer>& server() const { return m_server; }

private:
    struct Step {
        std::function<void()> before; // runs right before the statement is sent
        QString sql;
        QString table; // the table the statement is for; empty: database level
    };
    struct Job {
        std::function<void(std::function<void()>)> run; // gets a "job over" callback
    };
    void enqueue(std::function<void(std::function<void()>)> run);
    void runNextJob();
    void probe(std::function<void()> then);
    void probeSettings(QStringList candidates, std::function<void()> then);
    void post(const QString& sql, std::function<void(bool ok, const QString& body)> done);
    void runSteps(std::shared_ptr<std::deque<Step>> steps, std::shared_ptr<ConnectorApplyResult> result,
                  QString database, std::function<void()> finished);
    void dropDatabaseSteps(const QString& database, std::function<void(std::deque<Step>)> then);
    void seedGroup(const QString& kafkaService, const ConnectorTableSql& table);

    QNetworkAccessManager* m_network;
    StoreAccess m_store;
    QUrl m_url;
    QString m_version;
    std::optional<KafkaServer> m_server;
    std::map<QString, std::map<QString, QString>> m_applied; // database -> table -> the CREATE it has
    std::deque<Job> m_jobs;
    bool m_busy = false;
};

} // namespace ckstudio::emulator
