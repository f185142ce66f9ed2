// The type parser against a real ClickHouse 18.16: what the parser accepts and dates to 18.16 or earlier, the
// server accepts in a table, printing the same canonical form; what the parser refuses by rule, or dates to a
// later version, the server refuses too. The server's family list matches the parser's case rules.
#include "ClickHouseServer.h"
#include "TypeCorpus.h"
#include "types/ClickHouseType.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

class TestTypesClickHouse : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    int m_table = 0;

private slots:
    void initTestCase() { QVERIFY2(server.start(), qPrintable(server.error())); }

    void parserAgreesWithServer_data() {
        QTest::addColumn<QString>("type");
        for (const char* t : test::typesProbedOn1816())
            QTest::newRow(t) << QString::fromUtf8(t);
    }

    void parserAgreesWithServer() {
        QFETCH(QString, type);
        const TypeCheckResult parsed = checkClickHouseType(type.toStdString());
        const bool expectAccepted = parsed && minimumServerVersion(*parsed.type) <= std::make_pair(18, 16);
        const QString table = QStringLiteral("default.type_probe_%1").arg(++m_table);
        const QueryResult created =
            server.query(QStringLiteral("CREATE TABLE %1 (x %2) ENGINE = Memory").arg(table, type));
        if (created.ok())
            server.query(QStringLiteral("DROP TABLE %1").arg(table));
        const QByteArray context =
            "parser: " +
            QByteArray::fromStdString(parsed ? "accepts, since 18.16 or earlier" : parsed.error) +
            (parsed && !expectAccepted ? QByteArray(" (needs a newer server)") : QByteArray()) +
            "\nserver: " + created.body.left(300);
        QVERIFY2(created.ok() == expectAccepted, context.constData());
        if (!created.ok())
            return;
        // Same canonical form as the server prints.
        const QString again = QStringLiteral("CREATE TABLE %1 (x %2) ENGINE = Memory").arg(table, type);
        QVERIFY(server.query(again).ok());
        const QueryResult described =
            server.query(QStringLiteral("DESCRIBE TABLE %1 FORMAT JSONEachRow").arg(table));
        server.query(QStringLiteral("DROP TABLE %1").arg(table));
        QVERIFY2(described.ok(), described.body.constData());
        const QList<QByteArray> rows = described.body.trimmed().split('\n');
        const QJsonObject row = QJsonDocument::fromJson(rows.first()).object();
        // 18.16 flattens Array(Tuple(...)) into one column per element, like Nested: nothing to compare
        // there.
        if (rows.size() != 1 || row.value(QStringLiteral("name")).toString() != QLatin1String("x"))
            return;
        QCOMPARE(QString::fromStdString(parsed.type->toString()),
                 row.value(QStringLiteral("type")).toString());
    }

    // system.data_type_families of 18.16: every family the parser knows keeps the server's case rule.
    void familyCaseRulesMatchServer() {
        const QueryResult r = server.query(QStringLiteral(
            "SELECT name, case_insensitive, alias_to FROM system.data_type_families FORMAT JSONEachRow"));
        QVERIFY2(r.ok(), r.body.constData());
        int checked = 0;
        for (const QByteArray& line : r.body.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject f = QJsonDocument::fromJson(line).object();
            const std::string name = f.value(QStringLiteral("name")).toString().toStdString();
            const bool insensitive = f.value(QStringLiteral("case_insensitive")).toInt() != 0;
            const auto known = [](const std::string& n) {
                const auto c = checkClickHouseType(n);
                return c || c.error.find("unknown type family") == std::string::npos;
            };
            // 18.16 lists experimental or removed families the parser does not carry.
            if (name == "LowCardinality" || !known(name)) {
                QVERIFY2(name.rfind("Interval", 0) != 0 && name != "String" && name != "Nullable",
                         name.c_str());
                continue;
            }
            std::string lower = name;
            for (char& c : lower)
                c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            if (insensitive)
                QVERIFY2(known(lower), lower.c_str());
            else if (lower != name && f.value(QStringLiteral("alias_to")).toString().isEmpty())
                QVERIFY2(!known(lower), lower.c_str());
            ++checked;
        }
        QVERIFY2(checked > 40, QByteArray::number(checked).constData());
    }
};

QTEST_GUILESS_MAIN(TestTypesClickHouse)
#include "tst_types_clickhouse.moc"
