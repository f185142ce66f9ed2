#include "ConnectorTables.h"

#include "ddl/DestinationDdl.h"

#include <QDebug>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

namespace ckstudio::emulator {
namespace {

constexpr int kTimeoutMs = 20000;
const QString kProbeTable = QStringLiteral("`default`.`_ckstudio_kafka_settings_probe`");

int majorVersion(const QString& version) {
    return version.section(QLatin1Char('.'), 0, 0).toInt();
}

// The project's SQL quoting (ddl/SqlQuoting.cpp) for QStrings.
QString quoteIdentifier(const QString& name) {
    return QString::fromStdString(ckstudio::quoteIdentifier(name.toStdString()));
}

QString quoteString(const QString& text) {
    return QString::fromStdString(quoteStringLiteral(text.toStdString()));
}

} // namespace

ConnectorTableSql emulatedTableSql(const QString& database, const Json& table, const QString& brokers,
                                   const KafkaServer& server) {
    ConnectorTableSql sql = connectorTableSql(database, table, brokers, server);
    const QString resetNote = QStringLiteral("table %1: auto_offset_reset skipped").arg(sql.name);
    const QString viewNote = QStringLiteral("table %1: materialized_view ").arg(sql.name);
    for (QString& note : sql.notes) {
        if (note.startsWith(resetNote))
            note += QStringLiteral(" (the consumer group's starting offsets were set instead)");
        else if (note.startsWith(viewNote))
            note = viewNote +
                   QStringLiteral("is not emulated; create the view with `ckstudio-cli ddl --execute`");
    }
    return sql;
}

ConnectorTables::ConnectorTables(QNetworkAccessManager* network, StoreAccess store, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_store(std::move(store)) {}

void ConnectorTables::enqueue(std::function<void(std::function<void()>)> run) {
    m_jobs.push_back({std::move(run)});
    if (!m_busy)
        runNextJob();
}

void ConnectorTables::runNextJob() {
    if (m_jobs.empty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    QPointer<ConnectorTables> self(this);
    job.run([self] {
        if (self)
            self->runNextJob();
    });
}

void ConnectorTables::post(const QString& sql, std::function<void(bool, const QString&)> done) {
    QUrl url = m_url;
    QUrlQuery query(url);
    if (majorVersion(m_version) > 0 && majorVersion(m_version) < 19) // LowCardinality was experimental then
        query.addQueryItem(QStringLiteral("allow_experimental_low_cardinality_type"), QStringLiteral("1"));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    QNetworkReply* reply = m_network->post(request, sql.toUtf8());
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QString body = QString::fromUtf8(reply->readAll()).trimmed();
        const bool ok = reply->error() == QNetworkReply::NoError;
        done(ok, ok || !body.isEmpty() ? body : reply->errorString());
    });
}

void ConnectorTables::probe(std::function<void()> then) {
    if (m_server) {
        then();
        return;
    }
    post(QStringLiteral("SELECT version()"), [this, then](bool ok, const QString& body) {
        m_version = ok ? body : QString();
        probeSettings(candidateKafkaSettings(), then);
    });
}

void ConnectorTables::probeSettings(QStringList candidates, std::function<void()> then) {
    post(kafkaSettingsProbeSql(kProbeTable, candidates), [this, candidates,
                                                          then](bool ok, const QString& body) mutable {
        // keep = false: forget what was found once `then` ran (the server was not reachable: ask again next
        // time, it may be up by then).
        auto finish = [&](const QStringList& known, bool keep = true) {
            KafkaServer server;
            server.version = m_version;
            server.settings = {QStringLiteral("kafka_broker_list"), QStringLiteral("kafka_topic_list"),
                               QStringLiteral("kafka_group_name"), QStringLiteral("kafka_format")};
            for (const QString& s : known)
                server.settings.insert(s);
            QStringList sorted(server.settings.cbegin(), server.settings.cend());
            sorted.sort();
            qInfo().noquote() << "clickhouse" << (m_version.isEmpty() ? QStringLiteral("?") : m_version)
                              << "kafka settings" << sorted.join(QLatin1Char(','));
            m_server = server;
            // Then its input formats, and whether it takes dead_letter_queue mode: only a real CREATE tells.
            auto formats = [this, then, keep] {
                post(inputFormatsProbeSql(), [this, then, keep](bool listed, const QString& body) {
                    if (listed && m_server)
                        for (const QString& name : body.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                            m_server->inputFormats.insert(name.trimmed());
                    then();
                    if (!keep)
                        m_server.reset();
                });
            };
            if (!server.settings.contains(QStringLiteral("kafka_handle_error_mode"))) {
                formats();
                return;
            }
            post(deadLetterQueueProbeSql(kProbeTable), [this, formats](bool created, const QString&) {
                if (m_server)
                    m_server->deadLetterQueue = created;
                if (!created) {
                    formats();
                    return;
                }
                post(QStringLiteral("DROP TABLE IF EXISTS %1").arg(kProbeTable),
                     [formats](bool, const QString&) { formats(); });
            });
        };
        if (ok) { // a server that ignores unknown settings: take them all, remove the table again
            post(QStringLiteral("DROP TABLE IF EXISTS %1").arg(kProbeTable), [](bool, const QString&) {});
            finish(candidates);
            return;
        }
        const QString name = unknownSettingIn(body);
        if (name == kafkaSettingsProbeEnd()) {
            finish(candidates);
            return;
        }
        if (!name.isEmpty() && candidates.removeAll(name) > 0) {
            probeSettings(candidates, then);
            return;
        }
        qWarning().noquote() << "cannot tell the server's Kafka settings, using the required four only:"
                             << body.left(300);
        finish({}, !m_version.isEmpty());
    });
}

void ConnectorTables::seedGroup(const QString& kafkaService, const ConnectorTableSql& table) {
    TopicStore* store = m_store ? m_store() : nullptr;
    if (!store || kafkaService.isEmpty())
        return;
    store->watchGroup(kafkaService, table.group);
    for (const QString& topic : table.topics)
        for (const auto& p : store->partitions(kafkaService, topic))
            if (p.consumerGroupOffsets.count(table.group) == 0)
                store->setConsumerGroupOffset(kafkaService, topic, p.partition, table.group,
                                              table.startAtLatest ? p.latestOffset : p.earliestOffset);
}

void ConnectorTables::apply(const QString& database, const QString& kafkaService, const QString& brokers,
                            const Json& tables, std::function<void(const ConnectorApplyResult&)> done) {
    enqueue([this, database, kafkaService, brokers, tables, done](std::function<void()> over) {
        probe([this, database, kafkaService, brokers, tables, done, over] {
            auto result = std::make_shared<ConnectorApplyResult>();
            auto steps = std::make_shared<std::deque<Step>>();
            const bool known = m_applied.count(database) > 0;
            auto& applied = m_applied[database];
            steps->push_back(
                {{}, QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(quoteIdentifier(database)), {}});
            std::map<QString, ConnectorTableSql> wanted;
            if (tables.is_array())
                for (const auto& t : tables) {
                    auto sql = emulatedTableSql(database, t, brokers, *m_server);
                    if (!sql.name.isEmpty())
                        wanted[sql.name] = std::move(sql);
                }
            for (const auto& [name, create] : applied)
                if (!wanted.count(name) || wanted.at(name).create != create)
                    steps->push_back({{},
                                      QStringLiteral("DROP TABLE IF EXISTS %1.%2")
                                          .arg(quoteIdentifier(database), quoteIdentifier(name)),
                                      name});
            for (const auto& [name, table] : wanted) {
                result->notes << table.notes;
                if (applied.count(name) && applied.at(name) == table.create)
                    continue; // unchanged: its consumers keep their place
                steps->push_back(
                    {[this, kafkaService, table] { seedGroup(kafkaService, table); }, table.create, name});
            }
            for (const QString& note : result->notes)
                qInfo().noquote() << database << "note:" << note;
            // The record follows what the steps do; a failed CREATE leaves the table out of it.
            for (auto it = applied.begin(); it != applied.end();)
                it = wanted.count(it->first) ? std::next(it) : applied.erase(it);
            for (const auto& [name, table] : wanted)
                applied[name] = table.create;
            auto run = [this, steps, result, database, done, over] {
                runSteps(steps, result, database, [done, result, over] {
                    done(*result);
                    over();
                });
            };
            if (known) {
                run();
                return;
            }
            // First time in this process: whatever an earlier run left in the database goes.
            dropDatabaseSteps(database, [steps, run](std::deque<Step> drops) {
                steps->insert(steps->begin(), drops.begin(), drops.end());
                run();
            });
        });
    });
}

void ConnectorTables::runSteps(std::shared_ptr<std::deque<Step>> steps,
                               std::shared_ptr<ConnectorApplyResult> result, QString database,
                               std::function<void()> finished) {
    if (steps->empty()) {
        finished();
        return;
    }
    Step step = std::move(steps->front());
    steps->pop_front();
    if (step.before)
        step.before();
    post(step.sql, [this, steps, result, database, finished, step](bool ok, const QString& body) {
        if (!ok) {
            const QString what = step.table.isEmpty() ? database : QStringLiteral("table %1").arg(step.table);
            result->errors << QStringLiteral("%1: %2").arg(what, body.left(400));
            qWarning().noquote() << "clickhouse:" << result->errors.last();
            if (!step.table.isEmpty())
                m_applied[database].erase(step.table);
            else { // without the database nothing else can work
                m_applied.erase(database);
                finished();
                return;
            }
        }
        runSteps(steps, result, database, finished);
    });
}

// 18.16 aborts on DROP DATABASE while a Kafka table of it streams into a materialized view elsewhere
// (seen here); DROP TABLE stops the table's consumers first. So: every table on its own, then the database.
void ConnectorTables::dropDatabaseSteps(const QString& database, std::function<void(std::deque<Step>)> then) {
    post(QStringLiteral("SELECT name FROM system.tables WHERE database = %1 FORMAT TabSeparated")
             .arg(quoteString(database)),
         [database, then](bool ok, const QString& body) {
             std::deque<Step> steps;
             if (ok)
                 for (const QString& name : body.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                     steps.push_back({{},
                                      QStringLiteral("DROP TABLE IF EXISTS %1.%2")
                                          .arg(quoteIdentifier(database), quoteIdentifier(name)),
                                      name});
             steps.push_back(
                 {{}, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoteIdentifier(database)), {}});
             then(std::move(steps));
         });
}

void ConnectorTables::dropDatabase(const QString& database) {
    enqueue([this, database](std::function<void()> over) {
        m_applied.erase(database);
        dropDatabaseSteps(database, [this, database, over](std::deque<Step> drops) {
            auto steps = std::make_shared<std::deque<Step>>(std::move(drops));
            auto result = std::make_shared<ConnectorApplyResult>();
            runSteps(steps, result, database, [this, database, over] {
                m_applied.erase(database);
                over();
            });
        });
    });
}

} // namespace ckstudio::emulator
