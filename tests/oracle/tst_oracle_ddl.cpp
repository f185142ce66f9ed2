// Oracle: the destination DDL generator (models/ddl) against ClickHouse 26.5 (the embedded engine), default
// settings. The views read Kafka tables created the way Aiven creates them (database service_<kafka>,
// ENGINE = Kafka SETTINGS kafka_broker_list, kafka_topic_list, kafka_group_name, kafka_format: the mapping of
// models/connector), whose broker is a loopback port nothing listens on.
//
// The matrix:
// - every valid type of the type tests (tests/types/TypeCorpus.h) as a plain column, as the first column (the
//   default sorting key) and as an explicit order_by;
// - every engine the generator knows with no parameter and with each column as its parameter(s), PARTITION
//   BY each column and a few expressions, TTL on each column, each Kafka virtual column (also as the key);
// - the hostile identifiers of the quoting tests as Kafka service, connector table, column and target
//   database at once.
// For each case either the generator refuses, naming the column (or option) and the reason, or 26.5 accepts
// every statement it emits (destination and view); never "we emit, 26.5 refuses". A sorting key we refuse is
// also forced onto 26.5, which must refuse it as well (with the error code our message names, if any): the
// key rules are the server's, not stricter.
//
// Drops are not SYNC: with a view attached to a Kafka table, chDB 26.5's DROP ... SYNC waits forever for the
// table's last reference; a plain DROP returns at once and the engine's directory goes when the test ends.
#include "../types/TypeCorpus.h"
#include "connector/ConnectorTableSql.h"
#include "ddl/DestinationDdl.h"
#include "engine/EmbeddedClickHouse.h"
#include "types/ClickHouseType.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <vector>

using namespace ckstudio;

namespace {

const QString kBrokers = QStringLiteral("127.0.0.1:1"); // nothing listens there
const std::string kKafka = "oracle-kafka";
const std::string kTarget = "oracle_ddl";

struct TypeCase {
    std::string type;
    std::string column; // c<N> in the wide source table
};

Json tableJson(const std::string& name, const std::vector<Column>& columns) {
    Json cols = Json::array();
    for (const auto& c : columns)
        cols.push_back({{"name", c.name}, {"type", c.type}});
    return {{"name", name},
            {"columns", cols},
            {"topics", Json::array({Json{{"name", "oracle-topic"}}})},
            {"data_format", "JSONEachRow"},
            {"group_name", "oracle-group"}};
}

ConnectorTable connectorTable(const std::string& name, const std::vector<Column>& columns) {
    ConnectorTable t = newConnectorTable(name);
    t.columns = columns;
    return t;
}

Column col(const std::string& name, const std::string& type) {
    return {name, type, {}, {}, {}};
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::string errorsOf(const Problems& problems) {
    std::string out;
    for (const auto& p : problems)
        if (p.isError())
            out += (out.empty() ? "" : "\n") + p.path + ": " + p.message;
    return out;
}

// The "Code N" our message names, 0 if none.
int codeNamedIn(const std::string& message) {
    static const QRegularExpression re(QStringLiteral(R"(\bCode (\d+)\b)"));
    const auto m = re.match(q(message));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

class TestOracleDdl : public QObject {
    Q_OBJECT
    std::unique_ptr<EmbeddedClickHouse> m_engine;
    std::vector<TypeCase> m_types;            // accepted by a Kafka table on 26.5, columns of the wide source
    std::vector<std::string> m_sourceRefused; // "TYPE: error": 26.5 refuses it in a Kafka table already
    std::map<std::string, int> m_counts;
    std::map<std::string, int> m_refusalReasons; // our refusals by option path (order_by[0], engine_params...)
    int m_caseIndex = 0;

    EngineReply run(const std::string& sql) {
        ++m_counts["statements run"];
        return m_engine->query(QByteArray::fromStdString(sql));
    }

    void drop(const std::string& database, const std::string& name) {
        run("DROP TABLE IF EXISTS " + qualifiedName(database, name));
    }

    // A source table the way Aiven makes it, in service_<kafka>.
    bool createSource(const std::string& kafka, const std::string& name, const std::vector<Column>& columns,
                      QString* error) {
        const auto database = "service_" + kafka;
        const auto db = run("CREATE DATABASE IF NOT EXISTS " + quoteIdentifier(database));
        if (!db.ok()) {
            *error = db.error->message;
            return false;
        }
        const auto sql = connectorTableSql(q(database), tableJson(name, columns), kBrokers, KafkaServer{});
        const auto created = run(sql.create.toStdString());
        if (!created.ok())
            *error = QStringLiteral("Code %1: %2\n  %3")
                         .arg(created.error->serverCode)
                         .arg(created.error->message, sql.create);
        return created.ok();
    }

    // Generates and runs one case; returns the generator's result. Fails the test when 26.5 refuses a
    // statement the generator emitted; drops what it made.
    DdlResult runCase(const std::string& label, const ConnectorTable& table, DdlOptions options) {
        ++m_counts["cases"];
        const std::string suffix = "_" + std::to_string(++m_caseIndex);
        if (options.destinationName.empty())
            options.destinationName = table.name + suffix + "_data";
        if (options.viewName.empty())
            options.viewName = table.name + suffix + "_mv";
        DdlResult result = generateDestinationDdl(table, options);
        if (hasErrors(result.problems)) {
            ++m_counts["refused by the generator"];
            for (const auto& p : result.problems)
                if (p.isError()) {
                    ++m_refusalReasons[q(p.path).section(QLatin1Char('['), 0, 0).toStdString()];
                    if (p.message.empty())
                        QTest::qFail(("an error without a message at " + p.path + " (" + label + ")").c_str(),
                                     __FILE__, __LINE__);
                }
            return result;
        }
        if (result.statements.size() != 2) {
            QTest::qFail(("expected a table and a view: " + label).c_str(), __FILE__, __LINE__);
            return result;
        }
        if (options.engine == "ReplicatedMergeTree") {
            // The embedded engine has no Keeper and no Replicated database, which supply path and replica on
            // Aiven: the only refusal accepted here is that one.
            const auto reply = run(result.statements[0].sql);
            if (reply.ok() || !reply.error->message.contains(QLatin1String("Replicated database")))
                QTest::qFail(("ReplicatedMergeTree: expected the missing Replicated database, got " +
                              (reply.ok() ? std::string("success") : reply.error->message.toStdString()))
                                 .c_str(),
                             __FILE__, __LINE__);
            drop(options.targetDatabase, options.destinationName);
            ++m_counts["not runnable here (ReplicatedMergeTree)"];
            return result;
        }
        for (const auto& statement : result.statements) {
            const auto reply = run(statement.sql);
            if (!reply.ok()) {
                drop(options.targetDatabase, options.viewName);
                drop(options.targetDatabase, options.destinationName);
                QTest::qFail(("we emit, 26.5 refuses (" + label + "): Code " +
                              std::to_string(reply.error->serverCode) + " " +
                              reply.error->message.toStdString() + "\n" + statement.sql)
                                 .c_str(),
                             __FILE__, __LINE__);
                result.statements.clear();
                return result;
            }
            ++m_counts["statements accepted"];
        }
        ++m_counts["accepted by 26.5"];
        drop(options.targetDatabase, options.viewName);
        drop(options.targetDatabase, options.destinationName);
        return result;
    }

    DdlOptions options() const {
        DdlOptions o;
        o.kafkaService = kKafka;
        o.targetDatabase = kTarget;
        return o;
    }

private slots:
    void initTestCase() {
        if (!EmbeddedClickHouse::loadError().isEmpty())
            QSKIP(qPrintable(EmbeddedClickHouse::loadError()));
        ClickHouseError error;
        m_engine = EmbeddedClickHouse::open(QString(), &error);
        QVERIFY2(m_engine, qPrintable(error.message));
        QVERIFY2(m_engine->version().startsWith(QLatin1String("26.")), qPrintable(m_engine->version()));
        QVERIFY(run("CREATE DATABASE " + quoteIdentifier(kTarget)).ok());

        // Which types a Kafka table takes on 26.5 (one probe each), then one wide source with all of them.
        std::set<std::string> seen;
        std::vector<Column> wide = {col("id", "UInt64")};
        QString probeError;
        QVERIFY2(createSource(kKafka, "probe", {col("id", "UInt64")}, &probeError), qPrintable(probeError));
        drop("service_" + kKafka, "probe");
        test::forEachValidType([&](const char* input, const char*) {
            const std::string type = input;
            if (!seen.insert(type).second || !checkClickHouseType(type))
                return;
            QString refused;
            if (!createSource(kKafka, "probe", {col("id", "UInt64"), col("c", type)}, &refused)) {
                m_sourceRefused.push_back(type + ": " +
                                         refused.section(QLatin1Char('\n'), 0, 0).toStdString());
                return;
            }
            drop("service_" + kKafka, "probe");
            const std::string name = "c" + std::to_string(m_types.size());
            m_types.push_back({type, name});
            wide.push_back(col(name, type));
        });
        QVERIFY2(m_types.size() > 150, qPrintable(QString::number(m_types.size())));
        QVERIFY2(createSource(kKafka, "wide", wide, &probeError), qPrintable(probeError));
    }

    // Each type as a plain column (the key is id), as the first column (the default key picks it or skips
    // it with a warning naming it) and as the explicit order_by.
    void everyTypeAsColumnAndKey() {
        QElapsedTimer timer;
        timer.start();
        std::vector<std::string> stricter; // we refuse the key, 26.5 takes it
        for (const auto& t : m_types) {
            const std::string label = "type " + t.type;
            auto plain =
                runCase(label + " (plain)",
                        connectorTable("wide", {col("id", "UInt64"), col(t.column, t.type)}), options());
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(!hasErrors(plain.problems), (label + ": " + errorsOf(plain.problems)).c_str());

            auto first =
                runCase(label + " (first column)",
                        connectorTable("wide", {col(t.column, t.type), col("id", "UInt64")}), options());
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(!hasErrors(first.problems), (label + ": " + errorsOf(first.problems)).c_str());
            const bool pickedFirst =
                first.statements.at(0).sql.find("\nORDER BY (" + quoteIdentifier(t.column) + ")") !=
                std::string::npos;
            if (!pickedFirst) {
                // Skipped: the warning names the column and why.
                const bool named =
                    std::any_of(first.problems.begin(), first.problems.end(), [&](const auto& p) {
                        return p.path == "order_by" &&
                               p.message.find("'" + t.column + "' is " + t.type) != std::string::npos;
                    });
                QVERIFY2(named, (label + ": the default key skipped the column without saying why").c_str());
                ++m_counts["first column skipped by the default key"];
            }

            auto o = options();
            o.orderBy = {t.column};
            const auto keyed =
                runCase(label + " (order_by)",
                        connectorTable("wide", {col("id", "UInt64"), col(t.column, t.type)}), o);
            if (QTest::currentTestFailed())
                return;
            if (!hasErrors(keyed.problems)) {
                QVERIFY2(pickedFirst,
                         (label + ": accepted as order_by, yet skipped by the default key").c_str());
                continue;
            }
            QVERIFY2(!pickedFirst, (label + ": refused as order_by, yet picked by the default key").c_str());
            const auto& p = *std::find_if(keyed.problems.begin(), keyed.problems.end(),
                                          [](const Problem& problem) { return problem.isError(); });
            QCOMPARE(q(p.path), QStringLiteral("order_by[0]"));
            QVERIFY2(p.message.find("column '" + t.column + "' cannot be in the sorting key: it is " +
                                    t.type) == 0,
                     p.message.c_str());
            // Our refusal is the server's: force the key onto 26.5.
            auto forcedOptions = options();
            forcedOptions.destinationName = "forced_" + t.column;
            auto forced =
                generateDestinationDdl(connectorTable("wide", {col("id", "UInt64"), col(t.column, t.type)}),
                                       forcedOptions)
                    .statements.at(0)
                    .sql;
            const auto at = forced.find("\nORDER BY (`id`)");
            QVERIFY(at != std::string::npos);
            forced.replace(at, std::string("\nORDER BY (`id`)").size(),
                           "\nORDER BY (" + quoteIdentifier(t.column) + ")");
            const auto reply = run(forced);
            if (reply.ok()) {
                stricter.push_back(t.type + ": " + p.message);
                drop(kTarget, forcedOptions.destinationName);
            } else if (const int code = codeNamedIn(p.message); code != 0) {
                QVERIFY2(code == reply.error->serverCode,
                         qPrintable(QStringLiteral("%1: we name Code %2, 26.5 says Code %3 %4")
                                        .arg(q(t.type))
                                        .arg(code)
                                        .arg(reply.error->serverCode)
                                        .arg(reply.error->message)));
            }
            ++m_counts["key refusals confirmed by 26.5"];
        }
        QVERIFY2(stricter.empty(),
                 qPrintable(QStringLiteral("refused as a key, but 26.5 accepts it:\n  ") +
                            q(std::accumulate(stricter.begin(), stricter.end(), std::string(),
                                              [](std::string a, const std::string& b) {
                                                  return a.empty() ? b : a + "\n  " + b;
                                              }))));
        qInfo("types: %zu as plain column, first column and order_by in %lld ms", m_types.size(),
              static_cast<long long>(timer.elapsed()));
    }

    // Every engine with no parameter and with each column as its parameter (both parameters for
    // VersionedCollapsingMergeTree), PARTITION BY each column and some expressions, TTL on each column, each
    // virtual column, a few keys.
    void everyOption() {
        const std::vector<Column> columns = {col("id", "UInt64"),
                                             col("ts", "DateTime"),
                                             col("d", "Date"),
                                             col("d32", "Date32"),
                                             col("dt64", "DateTime64(3)"),
                                             col("sign", "Int8"),
                                             col("ver", "UInt32"),
                                             col("i64", "Int64"),
                                             col("amount", "Float64"),
                                             col("dec", "Decimal(18, 4)"),
                                             col("s", "String"),
                                             col("lc", "LowCardinality(String)"),
                                             col("ns", "Nullable(String)"),
                                             col("ndt", "Nullable(DateTime)"),
                                             col("arr", "Array(UInt8)"),
                                             col("m", "Map(String, UInt64)"),
                                             col("b", "Bool"),
                                             col("u", "UUID"),
                                             col("ts_alias", "TIMESTAMP"),
                                             col("big", "BIGINT UNSIGNED")};
        QString error;
        QVERIFY2(createSource(kKafka, "opts", columns, &error), qPrintable(error));
        const auto table = connectorTable("opts", columns);
        const std::vector<std::string> engines = {"MergeTree",
                                                  "ReplicatedMergeTree",
                                                  "ReplacingMergeTree",
                                                  "SummingMergeTree",
                                                  "AggregatingMergeTree",
                                                  "CollapsingMergeTree",
                                                  "VersionedCollapsingMergeTree"};
        auto expectNamed = [](const DdlResult& r, const std::string& what, const std::string& label) {
            const auto errors = errorsOf(r.problems);
            QVERIFY2(errors.find(what) != std::string::npos,
                     (label + ": the refusal does not name " + what + ":\n" + errors).c_str());
        };
        for (const auto& engine : engines) {
            auto o = options();
            o.engine = engine;
            runCase(engine, table, o);
            for (const auto& c : columns) {
                o.engineParams = {c.name};
                auto r = runCase(engine + "(" + c.name + ")", table, o);
                if (hasErrors(r.problems) && engine != "MergeTree" && engine != "ReplicatedMergeTree" &&
                    engine != "AggregatingMergeTree" && engine != "VersionedCollapsingMergeTree")
                    expectNamed(r, "'" + c.name + "'", engine + "(" + c.name + ")");
                if (engine == "VersionedCollapsingMergeTree") {
                    o.engineParams = {"sign", c.name};
                    r = runCase(engine + "(sign, " + c.name + ")", table, o);
                    if (hasErrors(r.problems))
                        expectNamed(r, "'" + c.name + "'", engine + "(sign, " + c.name + ")");
                    o.engineParams = {c.name, "ver"};
                    r = runCase(engine + "(" + c.name + ", ver)", table, o);
                    if (hasErrors(r.problems))
                        expectNamed(r, "'" + c.name + "'", engine + "(" + c.name + ", ver)");
                }
                if (engine == "SummingMergeTree") {
                    // A summed column in the key: refused by both.
                    o.engineParams = {c.name};
                    o.orderBy = {c.name};
                    runCase(engine + "(" + c.name + ") ORDER BY it", table, o);
                    o.orderBy.clear();
                }
            }
            o.engineParams.clear();
        }
        auto summing = options();
        summing.engine = "SummingMergeTree";
        summing.engineParams = {"amount", "dec", "i64"};
        runCase("SummingMergeTree(amount, dec, i64)", table, summing);

        for (const auto& c : columns) {
            auto o = options();
            o.partitionBy = c.name;
            auto r = runCase("PARTITION BY " + c.name, table, o);
            if (hasErrors(r.problems))
                expectNamed(r, "'" + c.name + "'", "PARTITION BY " + c.name);
            o.partitionBy.clear();
            o.ttlColumn = c.name;
            o.ttlDays = 30;
            r = runCase("TTL " + c.name, table, o);
            if (hasErrors(r.problems))
                expectNamed(r, "'" + c.name + "'", "TTL " + c.name);
        }
        for (const char* expression : {"toYYYYMM(ts)", "toDate(dt64)", "tuple()", "(d, s)",
                                       "intDiv(id, 1000)", "toYYYYMM(d32)", " `d` ", "cityHash64(s) % 16"}) {
            auto o = options();
            o.partitionBy = expression;
            runCase(std::string("PARTITION BY ") + expression, table, o);
        }

        std::vector<std::string> all;
        for (const auto& v : kafkaVirtualColumns()) {
            all.push_back(v.name);
            auto o = options();
            o.virtualColumns = {v.name};
            runCase("virtual " + v.name, table, o);
            o.orderBy = {v.name, "id"};
            auto r = runCase("virtual " + v.name + " in the key", table, o);
            if (hasErrors(r.problems))
                expectNamed(r, "'" + v.name + "'", "virtual " + v.name + " in the key");
        }
        auto everything = options();
        everything.virtualColumns = all;
        everything.engine = "ReplacingMergeTree";
        everything.engineParams = {"dt64"};
        everything.orderBy = {"_topic", "_partition", "_offset", "s"};
        everything.partitionBy = "toYYYYMM(ts)";
        everything.ttlColumn = "d32";
        everything.ttlDays = 7;
        auto r = runCase("every option at once", table, everything);
        QVERIFY2(!hasErrors(r.problems), errorsOf(r.problems).c_str());
        for (const std::vector<std::string>& key :
             {std::vector<std::string>{"ts", "id"}, {"s", "d", "lc"}, {"arr", "m"}, {"b", "u", "big"}}) {
            auto o = options();
            o.orderBy = key;
            r = runCase("ORDER BY " + key.front() + "...", table, o);
            QVERIFY2(!hasErrors(r.problems), errorsOf(r.problems).c_str());
        }
        auto tuple = options();
        tuple.orderByTuple = true;
        runCase("ORDER BY tuple()", table, tuple);
        drop("service_" + kKafka, "opts");
    }

    // text/SqlQuote's one escape set on 26.5: every byte value as a literal reads back as itself, every
    // control byte in an identifier arrives intact, and an Enum name with the bytes ClickHouse itself escapes
    // prints in our canonical form exactly as system.columns does.
    void quotingReadsBackAsWritten() {
        const auto why = [](const EngineReply& r) {
            return r.error ? r.error->toString().toUtf8() : QByteArray();
        };
        std::string every;
        for (int b = 0; b < 256; ++b)
            every += static_cast<char>(b);
        const auto hexOf = [](const std::string& bytes) {
            return QByteArray::fromStdString(bytes).toHex().toUpper();
        };
        const auto literal = run("SELECT hex(" + quoteStringLiteral(every) + ")");
        QVERIFY2(literal.ok(), why(literal).constData());
        QCOMPARE(literal.data.trimmed(), hexOf(every));

        // Every byte below 0x20, DEL and the three that quoting escapes with a backslash.
        const std::string controls = "c" + every.substr(0, 32) + "\x7f`'\\";
        QVERIFY(run("CREATE DATABASE IF NOT EXISTS quoting").ok());
        const auto created =
            run("CREATE TABLE quoting.t (" + quoteIdentifier(controls) + " String) ENGINE = Memory");
        QVERIFY2(created.ok(), why(created).constData());
        const auto stored =
            run("SELECT hex(name) FROM system.columns WHERE database = 'quoting' AND table = 't'");
        QVERIFY2(stored.ok(), why(stored).constData());
        QCOMPARE(stored.data.trimmed(), hexOf(controls));

        const auto checked = checkClickHouseType("Enum8('a\\b\\f\\n\\t\\r\\0\\\\\\'z' = 1)");
        QVERIFY2(checked.type, checked.error.c_str());
        QVERIFY(run("CREATE TABLE quoting.e (e " + checked.type->toString() + ") ENGINE = Memory").ok());
        const auto printed =
            run("SELECT hex(type) FROM system.columns WHERE database = 'quoting' AND table = 'e'");
        QVERIFY2(printed.ok(), why(printed).constData());
        QCOMPARE(printed.data.trimmed(), hexOf(checked.type->toString()));
        run("DROP DATABASE quoting");
    }

    // The hostile names of the quoting tests, each as Kafka service, connector table, column and target
    // database in one case, the column also the sorting key.
    void hostileIdentifiers() {
        const std::vector<std::string> names = {
            "my-table",     "1abc",       "select",         "a`b",       "back\\slash",
            "x\\`",         "it's \"q\"", "a b.c",          "l\nt\tr\r", std::string("n\0x", 3),
            "\x01\x1f\x7f", "ünï 名前 😀", "1st-table`\\ ü", "order"};
        for (const auto& name : names) {
            const std::string label = "hostile " + quoteIdentifier(name);
            QString error;
            const std::vector<Column> columns = {col(name, "UInt64"), col("v", "String")};
            QVERIFY2(createSource(name, name, columns, &error),
                     qPrintable(q(label) + QStringLiteral(": ") + error));
            QVERIFY2(run("CREATE DATABASE IF NOT EXISTS " + quoteIdentifier(name)).ok(), label.c_str());
            DdlOptions o;
            o.kafkaService = name;
            o.targetDatabase = name;
            o.orderBy = {name};
            o.virtualColumns = {"_key"};
            const auto r = runCase(label, connectorTable(name, columns), o);
            QVERIFY2(!hasErrors(r.problems), (label + ": " + errorsOf(r.problems)).c_str());
            // The names arrived intact.
            const auto stored = m_engine->query(QByteArray::fromStdString(
                "SELECT count() FROM system.tables WHERE database = " +
                quoteStringLiteral("service_" + name) + " AND name = " + quoteStringLiteral(name)));
            QVERIFY2(stored.ok() && stored.data.trimmed() == "1", label.c_str());
            drop("service_" + name, name);
            run("DROP DATABASE IF EXISTS " + quoteIdentifier(name));
            run("DROP DATABASE IF EXISTS " + quoteIdentifier("service_" + name));
        }
        // The one name the generator refuses: an empty column name.
        DdlOptions o = options();
        const auto r = runCase("empty column name", connectorTable("wide", {col("", "UInt64")}), o);
        QVERIFY(hasErrors(r.problems));
    }

    void cleanupTestCase() {
        if (!m_engine)
            return;
        drop("service_" + kKafka, "wide");
        QString counts;
        for (const auto& [what, n] : m_counts)
            counts += QStringLiteral("\n  %1: %2").arg(q(what)).arg(n);
        QString reasons;
        for (const auto& [path, n] : m_refusalReasons)
            reasons += QStringLiteral("\n  %1: %2").arg(q(path)).arg(n);
        qInfo("DDL oracle on ClickHouse %s:%s\n refusals by path:%s\n types 26.5 refuses in a Kafka table "
              "(not a DDL case): %zu",
              qPrintable(m_engine->version()), qPrintable(counts), qPrintable(reasons), m_sourceRefused.size());
        for (const auto& t : m_sourceRefused)
            qInfo("  %s", t.c_str());
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestOracleDdl)
#include "tst_oracle_ddl.moc"
