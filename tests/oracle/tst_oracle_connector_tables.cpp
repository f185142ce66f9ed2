// Oracle: the user_config -> ENGINE = Kafka mapping (models/connector) against real servers, ClickHouse 26.5
// (the embedded engine) and 18.16 (Debian's clickhouse-server, tests/support). The cases come from the
// bundled schema itself: every setting of tables[] at its minimum, maximum and default and with each enum
// value, so a setting a newer schema adds is covered (or fails here until the mapping knows it).
//
// For each case: the mapping names the key (carried by a setting, skipped because the server lacks it, or
// left out as the server's default), the server accepts the CREATE it emits, and a key it skipped is one the
// server really refuses.
#include "ClickHouseServer.h"
#include "connector/ConnectorTableSql.h"
#include "ddl/DestinationDdl.h"
#include "engine/EmbeddedClickHouse.h"

#include <QFile>
#include <QTest>
#include <functional>
#include <memory>
#include <vector>

using namespace ckstudio;

namespace {

const QString kDatabase = QStringLiteral("oracle_connector");
const QString kBrokers = QStringLiteral("127.0.0.1:9"); // nothing listens: CREATE does not connect
const QString kProbeTable = QStringLiteral("`oracle_connector`.`_probe`");

using Runner = std::function<ProbeAnswer(const QString& sql)>;

Json tableProperties() {
    QFile file(QStringLiteral(":/schema/clickhouse_kafka.user_config.schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Json schema = Json::parse(file.readAll().toStdString(), nullptr, false);
    if (!schema.is_object())
        return {};
    return schema.value("/properties/tables/items/properties"_json_pointer, Json());
}

// Keys that are not settings of the table: its structure (the DDL oracle covers columns and the view).
bool isStructure(const std::string& key) {
    return key == "columns" || key == "topics" || key == "materialized_view";
}

struct Case {
    std::string key;
    Json value;
    QString label; // min, max, default, enum
};

// Every case of one schema property; empty when its type is one this generator does not know.
std::vector<Case> casesOf(const std::string& key, const Json& property) {
    std::vector<Case> out;
    auto add = [&](const Json& value, const QString& label) {
        for (const auto& c : out)
            if (c.value == value)
                return;
        out.push_back({key, value, label});
    };
    const std::string type = property.value("type", std::string());
    if (property.contains("enum")) {
        for (const auto& v : property.at("enum"))
            add(v, QStringLiteral("enum"));
    } else if (type == "integer" || type == "number") {
        if (property.contains("minimum"))
            add(property.at("minimum"), QStringLiteral("min"));
        if (property.contains("maximum"))
            add(property.at("maximum"), QStringLiteral("max"));
    } else if (type == "boolean") {
        add(true, QStringLiteral("true"));
        add(false, QStringLiteral("false"));
    } else if (type == "string") {
        const char fill = key == "name" ? 't' : 'g';
        add(std::string(property.value("minLength", std::size_t(1)), fill), QStringLiteral("min"));
        if (property.contains("maxLength"))
            add(std::string(property.at("maxLength").get<std::size_t>(), fill), QStringLiteral("max"));
    } else {
        return {};
    }
    if (property.contains("default"))
        add(property.at("default"), QStringLiteral("default"));
    return out;
}

Json tableWith(const Case& c, int index) {
    Json table = {{"name", "c" + std::to_string(index)},
                  {"columns", Json::array({Json{{"name", "a"}, {"type", "String"}}})},
                  {"topics", Json::array({Json{{"name", "oracle"}}})}};
    table[c.key] = c.value;
    return table;
}

QString literal(const Json& value) {
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("1") : QStringLiteral("0");
    if (value.is_string())
        return QString::fromStdString(quoteStringLiteral(value.get<std::string>()));
    return QString::fromStdString(value.dump());
}

QString dropOf(const QString& name) {
    return QStringLiteral("DROP TABLE IF EXISTS %1.%2")
        .arg(QString::fromStdString(quoteIdentifier(kDatabase.toStdString())),
             QString::fromStdString(quoteIdentifier(name.toStdString())));
}

} // namespace

class TestOracleConnectorTables : public QObject {
    Q_OBJECT
    std::unique_ptr<EmbeddedClickHouse> m_engine;
    test::ClickHouseServer m_server;
    Runner m_run26;
    Runner m_run1816;
    KafkaServer m_kafka26;
    KafkaServer m_kafka1816;
    QStringList m_report; // what each server lacks, printed at the end

    // One case on one server; `label` names the server in messages.
    void runCase(const QString& label, const Runner& run, const KafkaServer& server, const std::string& key,
                 const Json& table) {
        const QString k = QString::fromStdString(key);
        const ConnectorTableSql sql = connectorTableSql(kDatabase, table, kBrokers, server);
        QVERIFY2(sql.unmapped.isEmpty(),
                 qPrintable(QStringLiteral("the mapping does not know user_config key %1: add it to "
                                           "models/connector/ConnectorTableSql.cpp")
                                .arg(sql.unmapped.join(QStringLiteral(", ")))));
        const bool structural = key == "name" || key == "group_name" || key == "data_format";
        const bool accounted =
            structural || sql.mapped.contains(k) || sql.skipped.contains(k) || sql.serverDefaults.contains(k);
        QVERIFY2(
            accounted,
            qPrintable(
                QStringLiteral("%1 is neither mapped, skipped nor a server default: %2").arg(k, sql.create)));
        if (sql.mapped.contains(k))
            QVERIFY2(
                sql.create.contains(sql.mapped.value(k) + QStringLiteral(" = ") + literal(table.at(key))),
                qPrintable(sql.create));
        if (sql.serverDefaults.contains(k))
            for (const QString& setting : kafkaSettingsFor(k))
                QVERIFY2(!sql.create.contains(setting + QStringLiteral(" =")), qPrintable(sql.create));
        for (const QString& note : sql.notes)
            if (!m_report.contains(label + QStringLiteral(": ") + note.section(QLatin1Char(':'), 1).trimmed()))
                m_report << label + QStringLiteral(": ") + note.section(QLatin1Char(':'), 1).trimmed();

        const ProbeAnswer created = run(sql.create);
        run(dropOf(sql.name));
        QVERIFY2(created.ok, qPrintable(QStringLiteral("%1 refused the mapping's statement\n  %2\n  %3")
                                            .arg(label, sql.create, created.error)));
        if (!sql.skipped.contains(k))
            return;
        // A skip is only right where the server cannot take any of the settings.
        for (const QString& setting : kafkaSettingsFor(k)) {
            const QString forced =
                sql.create + QStringLiteral(", ") + setting + QStringLiteral(" = ") + literal(table.at(key));
            const ProbeAnswer refused = run(forced);
            if (refused.ok)
                run(dropOf(sql.name));
            QVERIFY2(
                !refused.ok,
                qPrintable(
                    QStringLiteral("%1 takes %2, which the mapping skipped\n  %3").arg(label, k, forced)));
            const bool lacksSetting = unknownSettingIn(refused.error) == setting;
            const bool lacksDeadLetterQueue = refused.error.contains(QLatin1String("dead_letter_queue"));
            QVERIFY2(
                lacksSetting || lacksDeadLetterQueue,
                qPrintable(
                    QStringLiteral("%1 refused %2 for another reason: %3").arg(label, k, refused.error)));
        }
    }

    static void addCaseRows() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value"); // JSON
        const Json properties = tableProperties();
        QVERIFY2(properties.is_object() && !properties.empty(),
                 "the bundled schema has no tables[] properties");
        int rows = 0;
        for (const auto& [key, property] : properties.items()) {
            if (isStructure(key))
                continue;
            const auto cases = casesOf(key, property);
            QVERIFY2(!cases.empty(),
                     qPrintable(QStringLiteral("no cases for schema property %1 (type %2): "
                                               "teach this oracle its values")
                                    .arg(QString::fromStdString(key),
                                         QString::fromStdString(property.value("type", "?")))));
            for (const auto& c : cases) {
                const QString value = QString::fromStdString(c.value.dump());
                QTest::newRow(qPrintable(
                    QStringLiteral("%1=%2 (%3)").arg(QString::fromStdString(key), value.left(20), c.label)))
                    << QString::fromStdString(key) << value;
                ++rows;
            }
        }
        QVERIFY(rows > 40); // 20-odd settings of the schema, most with three cases or more
    }

    static Json tableOf(const QString& key, const QString& value) {
        static int index = 0;
        return tableWith({key.toStdString(), Json::parse(value.toStdString()), {}}, ++index);
    }

private slots:
    void initTestCase() {
        if (!EmbeddedClickHouse::loadError().isEmpty())
            QSKIP(qPrintable(EmbeddedClickHouse::loadError()));
        ClickHouseError error;
        m_engine = EmbeddedClickHouse::open(QString(), &error);
        QVERIFY2(m_engine, qPrintable(error.message));
        m_run26 = [this](const QString& sql) {
            const EngineReply reply = m_engine->query(sql.toUtf8());
            return reply.ok() ? ProbeAnswer{true, {}, reply.data}
                              : ProbeAnswer{false,
                                            QStringLiteral("Code: %1. %2")
                                                .arg(reply.error->serverCode)
                                                .arg(reply.error->message),
                                            {}};
        };
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_run1816 = [this](const QString& sql) {
            const test::QueryResult r = m_server.query(sql);
            if (r.ok())
                return ProbeAnswer{true, {}, r.body};
            return ProbeAnswer{false, QString::fromUtf8(r.body).trimmed() + r.networkError, {}};
        };
        const QString createDatabase = QStringLiteral("CREATE DATABASE IF NOT EXISTS ") +
                                       QString::fromStdString(quoteIdentifier(kDatabase.toStdString()));
        for (const Runner* run : {&m_run26, &m_run1816}) {
            const ProbeAnswer created = (*run)(createDatabase);
            QVERIFY2(created.ok, qPrintable(created.error));
        }
        QString probeError;
        m_kafka26 = probeKafkaServer(m_engine->version(), kProbeTable, m_run26, &probeError);
        QVERIFY2(probeError.isEmpty(), qPrintable(probeError));
        m_kafka1816 =
            probeKafkaServer(QString::fromUtf8(m_server.queryOk(QStringLiteral("SELECT version()"))).trimmed(),
                             kProbeTable, m_run1816, &probeError);
        QVERIFY2(probeError.isEmpty(), qPrintable(probeError));
        QVERIFY2(m_kafka26.version.startsWith(QLatin1String("26.")), qPrintable(m_kafka26.version));
        QVERIFY2(m_kafka1816.version.startsWith(QLatin1String("18.16")), qPrintable(m_kafka1816.version));
    }

    // What the probes found: 26.5 has every upstream setting of the mapping and none of the Aiven fork's;
    // 18.16 has few. If a server's list changes, the mapping's notes change with it.
    void probesSeeTheServersSettings() {
        for (const char* s :
             {"kafka_num_consumers", "kafka_max_block_size", "kafka_skip_broken_messages",
              "kafka_poll_max_batch_size", "kafka_poll_timeout_ms", "kafka_thread_per_consumer",
              "kafka_handle_error_mode", "kafka_max_rows_per_message", "date_time_input_format",
              "kafka_compression_codec", "kafka_compression_level"})
            QVERIFY2(m_kafka26.settings.contains(QLatin1String(s)), s);
        for (const char* s : {"kafka_auto_offset_reset", "kafka_auto_offset_reset_by_duration_ms",
                              "kafka_producer_batch_size", "kafka_producer_compression_codec"})
            QVERIFY2(!m_kafka26.settings.contains(QLatin1String(s)), s);
        QVERIFY(!m_kafka26.deadLetterQueue); // the embedded engine has no <dead_letter_queue> table
        QVERIFY(m_kafka1816.settings.contains(QStringLiteral("kafka_num_consumers")));
        QVERIFY(!m_kafka1816.settings.contains(QStringLiteral("kafka_handle_error_mode")));
        QVERIFY(!m_kafka1816.deadLetterQueue);
        QVERIFY(m_kafka26.inputFormats.contains(QStringLiteral("Parquet")));
        QVERIFY(m_kafka1816.inputFormats.contains(QStringLiteral("JSONEachRow")));
        QVERIFY(!m_kafka1816.inputFormats.contains(QStringLiteral("Parquet")));
        QStringList s26(m_kafka26.settings.cbegin(), m_kafka26.settings.cend());
        QStringList s1816(m_kafka1816.settings.cbegin(), m_kafka1816.settings.cend());
        s26.sort();
        s1816.sort();
        qInfo("26.5 takes: %s", qPrintable(s26.join(QStringLiteral(", "))));
        qInfo("18.16 takes: %s", qPrintable(s1816.join(QStringLiteral(", "))));
    }

    void on26_data() { addCaseRows(); }
    void on26() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        runCase(QStringLiteral("ClickHouse %1").arg(m_kafka26.version), m_run26, m_kafka26, key.toStdString(),
                tableOf(key, value));
    }

    void on1816_data() { addCaseRows(); }
    void on1816() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        runCase(QStringLiteral("ClickHouse %1").arg(m_kafka1816.version), m_run1816, m_kafka1816,
                key.toStdString(), tableOf(key, value));
    }

    // Every setting at once (its example, else its default): settings that each pass may still clash.
    void everySettingAtOnce() {
        Json table = tableWith({"name", "every", {}}, 0);
        const Json properties = tableProperties();
        for (const auto& [key, property] : properties.items()) {
            if (isStructure(key) || key == "name")
                continue;
            if (property.contains("example"))
                table[key] = property.at("example");
            else if (property.contains("default"))
                table[key] = property.at("default");
        }
        for (const auto& [label, run, server] : {std::tuple{QStringLiteral("26.5"), m_run26, m_kafka26},
                                                 std::tuple{QStringLiteral("18.16"), m_run1816, m_kafka1816}}) {
            const ConnectorTableSql sql = connectorTableSql(kDatabase, table, kBrokers, server);
            const ProbeAnswer created = run(sql.create);
            run(dropOf(sql.name));
            QVERIFY2(created.ok, qPrintable(label + QStringLiteral(": ") + sql.create + QStringLiteral("\n") +
                                            created.error));
            QVERIFY(sql.unmapped.isEmpty());
        }
    }

    // Why the mapping leaves 0 out for the two block sizes: 26.5 refuses it (Code 36, BAD_ARGUMENTS).
    void zeroBlockSizesAreRefusedBy26() {
        for (const char* setting : {"kafka_max_block_size", "kafka_poll_max_batch_size"}) {
            const ConnectorTableSql sql =
                connectorTableSql(kDatabase, tableWith({"name", "z", {}}, 0), kBrokers, m_kafka26);
            const ProbeAnswer answer =
                m_run26(sql.create + QStringLiteral(", ") + QLatin1String(setting) + QStringLiteral(" = 0"));
            if (answer.ok)
                m_run26(dropOf(sql.name));
            QVERIFY2(!answer.ok && answer.error.startsWith(QLatin1String("Code: 36.")),
                     qPrintable(answer.error));
        }
    }

    void cleanupTestCase() {
        m_report.sort();
        for (const QString& line : std::as_const(m_report))
            qInfo("skipped: %s", qPrintable(line));
        if (m_run26)
            m_run26(QStringLiteral("DROP DATABASE IF EXISTS ") +
                   QString::fromStdString(quoteIdentifier(kDatabase.toStdString())));
        m_engine.reset(); // close the engine before exit: chDB crashes at exit otherwise
    }
};

QTEST_GUILESS_MAIN(TestOracleConnectorTables)
#include "tst_oracle_connector_tables.moc"
