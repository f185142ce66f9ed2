// Oracle: the sample check's verdict per message equals what ClickHouse 26.5's Kafka engine does with it.
//
// What is compared, and why at this level. SampleCheck talks HTTP, and there is no 26.x HTTP server here, so
// the test runs SampleCheck's own pieces on the embedded 26.5 engine (app/engine): tableFormatSettings() on
// the Kafka table's engine_full as 26.5 reports it, verdictWithoutServer(), sampleCheckStatement() with those
// settings, and sampleVerdict() on the engine's answer. That is everything SampleCheck::start() does on a
// server with format() except the transport (tests/clickhouse covers the HTTP path against 18.16). The
// same messages are produced to librdkafka's mock cluster (in this process; chDB's own librdkafka reaches it
// over loopback) and read by a 26.5 Kafka table with the same settings plus kafka_handle_error_mode='stream',
// through a materialized view into a MergeTree that keeps each row's _offset and _error. Per message the
// two sides must agree on the outcome: "parses into N rows", "fails" (Kafka: a row with _error), or "gives no
// row" (Kafka: no row at its offset). The test waits, bounded, for a last sentinel message: one partition
// is consumed in order, so once the sentinel's row is in, every earlier message has been accounted for.
// Two tables with different date_time_input_format values read the same messages, so a date only
// best_effort parses must pass on one and fail on the other on both sides.
#include "MockKafkaCluster.h"
#include "clickhouse/SampleCheck.h"
#include "clickhouse/TableName.h"
#include "engine/EmbeddedClickHouse.h"

#include <QSet>
#include <QTest>

using namespace ckstudio;
using ckstudio::test::MockKafkaCluster;
using ckstudio::test::MockMessage;

namespace {

const std::vector<TableColumn> kColumns = {
    {QStringLiteral("id"), QStringLiteral("UInt32")},
    {QStringLiteral("name"), QStringLiteral("String")},
    {QStringLiteral("amount"), QStringLiteral("Decimal(10, 2)")},
    {QStringLiteral("ts"), QStringLiteral("DateTime")},
    {QStringLiteral("day"), QStringLiteral("Date")},
    {QStringLiteral("flag"), QStringLiteral("Bool")},
    {QStringLiteral("tags"), QStringLiteral("Array(String)")},
    {QStringLiteral("score"), QStringLiteral("Float64")},
    {QStringLiteral("level"), QStringLiteral("Enum8('info' = 1, 'warn' = 2)")},
    {QStringLiteral("ip"), QStringLiteral("IPv4")},
    {QStringLiteral("uid"), QStringLiteral("UUID")},
    {QStringLiteral("parent"), QStringLiteral("Nullable(UInt64)")},
    {QStringLiteral("attrs"), QStringLiteral("Map(String, UInt32)")},
};

struct Sample {
    const char* label;
    QByteArray message;
};

// Good ones, one bad value per column type, dates in several spellings, empty and broken messages.
const QList<Sample> kSamples = {
    {"all columns", R"({"id":1,"name":"a","amount":"12.34","ts":"2024-01-01 10:00:00","day":"2024-01-02",)"
                    R"("flag":true,"tags":["x","y"],"score":1.5,"level":"warn","ip":"10.0.0.1",)"
                    R"("uid":"61f0c404-5cb3-11e7-907b-a6006ad3dba0","parent":null,"attrs":{"k":1}})"},
    {"only id", R"({"id":2})"},
    {"two rows", R"({"id":3}{"id":4})"},
    {"unknown field", R"({"id":5,"zz":1})"},
    {"number as string", R"({"id":"6","name":7})"},
    {"UInt8 overflow", R"({"id":4294967297})"},
    {"negative into UInt32", R"({"id":-1})"},
    {"bad UInt32", R"({"id":"seven"})"},
    {"bad Decimal", R"({"amount":"12,34"})"},
    {"Decimal scale", R"({"amount":1.234})"},
    {"basic DateTime", R"({"ts":"2024-01-01 10:00:00"})"},
    {"unix DateTime", R"({"ts":1704103200})"},
    {"best_effort DateTime", R"({"ts":"2024-01-01T10:00:00+02:00"})"},
    {"RFC 1123 DateTime", R"({"ts":"Mon, 01 Jan 2024 10:00:00 GMT"})"},
    {"bad DateTime", R"({"ts":"yesterday"})"},
    {"bad Date", R"({"day":"02/01/2024x"})"},
    {"bad Bool", R"({"flag":"maybe"})"},
    {"bad Array", R"({"tags":"x"})"},
    {"bad Float64", R"({"score":"fast"})"},
    {"bad Enum8", R"({"level":"fatal"})"},
    {"bad IPv4", R"({"ip":"300.1.1.1"})"},
    {"bad UUID", R"({"uid":"not-a-uuid"})"},
    {"bad Nullable", R"({"parent":"none"})"},
    {"bad Map", R"({"attrs":{"k":"v"}})"},
    {"empty message", ""},
    {"blank message", "  "},
    {"cut JSON", R"({"id":1,)"},
    {"not JSON", "not json at all"},
    {"JSON array", "[1,2]"},
    {"JSON string", R"("text")"},
};

// The outcome both sides are reduced to.
QString outcome(bool failed, int rows) {
    if (failed)
        return QStringLiteral("fails");
    if (rows == 0)
        return QStringLiteral("no row");
    return QStringLiteral("%1 row(s)").arg(rows);
}

} // namespace

class TestOracleSampleCheck : public QObject {
    Q_OBJECT
    std::unique_ptr<EmbeddedClickHouse> m_engine;
    MockKafkaCluster m_cluster;

    QByteArray run(const QString& sql, const QByteArray& format = "TabSeparated") {
        const EngineReply reply = m_engine->query(sql.toUtf8(), format);
        if (!reply.ok())
            qWarning("%s\n-> %s", qPrintable(sql), qPrintable(reply.error->toString()));
        return reply.ok() ? reply.data : QByteArray("(error)");
    }

private slots:
    void initTestCase() {
        if (!EmbeddedClickHouse::loadError().isEmpty())
            QSKIP(qPrintable(EmbeddedClickHouse::loadError()));
        QVERIFY2(m_cluster.isValid(), qPrintable(m_cluster.error()));
        ClickHouseError error;
        m_engine = EmbeddedClickHouse::open(QString(), &error);
        QVERIFY2(m_engine, qPrintable(error.toString()));
    }

    void cleanupTestCase() {
        if (m_engine) { // the consumers stop before the cluster goes
            run(QStringLiteral("DROP DATABASE IF EXISTS oracle")); // not SYNC: see below
            m_engine.reset();
        }
    }

    void verdictsMatchTheKafkaEngine_data() {
        QTest::addColumn<QString>("tableSettings");
        QTest::addColumn<QString>(
            "bestEffortDate"); // the outcome of "2024-01-01T10:00:00+02:00" into DateTime
        QTest::newRow("basic") << QStringLiteral("date_time_input_format = 'basic'")
                               << QStringLiteral("fails");
        QTest::newRow("best_effort, strict fields")
            << QStringLiteral("date_time_input_format = 'best_effort', input_format_skip_unknown_fields = 0")
            << QStringLiteral("1 row(s)");
    }

    void verdictsMatchTheKafkaEngine() {
        QFETCH(QString, tableSettings);
        QFETCH(QString, bestEffortDate);
        static int round = 0;
        const QString topic = QStringLiteral("samples_%1").arg(++round);
        QString error;
        QVERIFY2(m_cluster.createTopic(topic, 1, &error), qPrintable(error));
        QList<MockMessage> messages;
        for (const Sample& s : kSamples)
            messages.append(MockMessage{0, std::nullopt, s.message, 0});
        messages.append(MockMessage{0, std::nullopt, QByteArray(R"({"id":999999})"), 0}); // the sentinel
        QList<qint64> offsets;
        QVERIFY2(m_cluster.produce(topic, messages, &error, &offsets), qPrintable(error));
        QCOMPARE(offsets.size(), messages.size());

        const QString source = QStringLiteral("oracle.source_%1").arg(round);
        const QString sink = QStringLiteral("oracle.sink_%1").arg(round);
        run(QStringLiteral("CREATE DATABASE IF NOT EXISTS oracle"));
        const EngineReply created = m_engine->query(
            QStringLiteral("CREATE TABLE %1 (%2) ENGINE = Kafka SETTINGS kafka_broker_list = %3, "
                           "kafka_topic_list = %4, kafka_group_name = %5, kafka_format = 'JSONEachRow', "
                           "kafka_handle_error_mode = 'stream', kafka_flush_interval_ms = 200, %6")
                .arg(source, sampleStructure(kColumns), quoteSqlString(m_cluster.bootstrapServers()),
                     quoteSqlString(topic), quoteSqlString(topic + QStringLiteral("_group")), tableSettings)
                .toUtf8());
        QVERIFY2(created.ok(), qPrintable(created.error->toString()));

        // Our side reads the settings back from 26.5's engine_full, as SampleCheckView does.
        const QString engineFull = QString::fromUtf8(run(
            QStringLiteral("SELECT engine_full FROM system.tables WHERE database = 'oracle' AND name = %1")
                .arg(quoteSqlString(source.section(QLatin1Char('.'), 1))),
            "TabSeparatedRaw"));
        const FormatSettings settings = tableFormatSettings(engineFull);
        QStringList shown;
        for (const auto& s : settings)
            shown << s.first + QStringLiteral(" = ") + s.second;
        QCOMPARE(shown.join(QStringLiteral(", ")), tableSettings);

        QVERIFY(m_engine
                    ->query(QStringLiteral("CREATE TABLE %1 (offset UInt64, error String) ENGINE = MergeTree "
                                           "ORDER BY offset")
                                .arg(sink)
                                .toUtf8())
                    .ok());
        QVERIFY(
            m_engine
                ->query(QStringLiteral("CREATE MATERIALIZED VIEW %1_mv TO %1 AS SELECT _offset AS offset, "
                                       "_error AS error FROM %2")
                            .arg(sink, source)
                            .toUtf8())
                .ok());
        const QString sentinelSeen =
            QStringLiteral("SELECT count() FROM %1 WHERE offset = %2").arg(sink).arg(offsets.last());
        QTRY_VERIFY_WITH_TIMEOUT(run(sentinelSeen) == "1\n", 120000);

        // The Kafka engine's verdict per offset: its rows, whether one carries _error, and that error's first
        // line.
        struct KafkaVerdict {
            QString outcome;
            QString error;
        };
        QMap<qint64, KafkaVerdict> kafka;
        const QByteArray rows =
            run(QStringLiteral("SELECT offset, count(), countIf(error != ''), "
                               "replaceAll(splitByChar('\\n', any(error))[1], '\\t', ' ') FROM %1 "
                               "GROUP BY offset ORDER BY offset")
                    .arg(sink),
                "TabSeparatedRaw");
        for (const QByteArray& line : rows.split('\n')) {
            const QList<QByteArray> f = line.split('\t');
            if (f.size() == 4)
                kafka[f[0].toLongLong()] = {outcome(f[2].toInt() > 0, f[1].toInt()),
                                            QString::fromUtf8(f[3]).trimmed()};
        }

        // Without SYNC: 26.5 waits for ever on a SYNC drop of a table a Kafka consumer has read (measured).
        run(QStringLiteral("DROP TABLE %1_mv").arg(sink));
        run(QStringLiteral("DROP TABLE %1").arg(source));

        // Ours, message by message as SampleCheck::checkNext() does it, and the comparison.
        QStringList mismatches;
        QStringList table;
        QSet<QString> seen;
        for (int i = 0; i < kSamples.size(); ++i) {
            const QString message = QString::fromUtf8(kSamples[i].message);
            std::optional<SampleVerdict> verdict = verdictWithoutServer(i, message);
            if (!verdict) {
                const EngineReply reply =
                    m_engine->query(sampleCheckStatement(QStringLiteral("JSONEachRow"),
                                                        sampleStructure(kColumns), message, settings)
                                       .toUtf8());
                verdict = sampleVerdict(i, reply.error, reply.data);
            }
            const QString ours = verdict->noRow ? outcome(false, 0) : outcome(!verdict->ok, verdict->rows);
            const QString reason = verdict->error.section(QLatin1Char('\n'), 0, 0).trimmed();
            const KafkaVerdict theirs = kafka.value(offsets[i], {outcome(false, 0), QString()});
            seen << ours;
            table << QStringLiteral("%1: ours %2 [%3], Kafka %4 [%5]")
                         .arg(QLatin1String(kSamples[i].label), ours, reason, theirs.outcome, theirs.error);
            if (ours != theirs.outcome)
                mismatches << table.last();
            else if (ours == QLatin1String("fails") &&
                     reason != theirs.error) // the same parser, the same reason
                mismatches << table.last();
            if (QLatin1String(kSamples[i].label) == QLatin1String("best_effort DateTime"))
                QCOMPARE(ours, bestEffortDate);
        }
        QVERIFY2(mismatches.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 differ:\n%3\n\nall:\n%4")
                                .arg(mismatches.size())
                                .arg(kSamples.size())
                                .arg(mismatches.join(QLatin1Char('\n')), table.join(QLatin1Char('\n')))));
        // The samples reach every outcome, so agreement is not agreement on nothing.
        for (const char* expected : {"1 row(s)", "2 row(s)", "fails", "no row"})
            QVERIFY2(seen.contains(QLatin1String(expected)), expected);
    }
};

QTEST_GUILESS_MAIN(TestOracleSampleCheck)
#include "tst_oracle_samplecheck.moc"
