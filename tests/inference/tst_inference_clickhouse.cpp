// Inferred columns against a real ClickHouse 18.16: a table with exactly the inferred columns accepts the
// very samples they were inferred from, through the server's own JSONEachRow, CSV and TSV parsers, with
// values intact. (The samples stick to types 18.16 knows: no Bool, Date32 or DateTime64.)
#include "ClickHouseServer.h"
#include "inference/ColumnInference.h"

#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

class TestInferenceClickHouse : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    int m_table = 0;

    // A Memory table with the inferred columns, loaded with the samples; its name, or empty on failure.
    QString loadSamples(const std::string& samples, const char* inferFormat, const char* insertFormat,
                        QStringList* types = nullptr) {
        const InferenceResult inferred = inferColumns(samples, inferFormat);
        if (inferred.columns.empty() || hasErrors(inferred.problems)) {
            qWarning("nothing inferred");
            return {};
        }
        QStringList columns;
        for (const auto& c : inferred.columns) {
            columns << QStringLiteral("`%1` %2").arg(QString::fromStdString(c.name),
                                                     QString::fromStdString(c.type));
            if (types)
                types->append(QString::fromStdString(c.type));
        }
        const QString table = QStringLiteral("default.inferred_%1").arg(++m_table);
        const QueryResult created = server.query(QStringLiteral("CREATE TABLE %1 (%2) ENGINE = Memory")
                                                     .arg(table, columns.join(QStringLiteral(", "))));
        if (!created.ok()) {
            qWarning("CREATE: %s", created.body.constData());
            return {};
        }
        const QueryResult inserted = server.query(
            QStringLiteral("INSERT INTO %1 FORMAT %2\n").arg(table, QLatin1String(insertFormat)) +
            QString::fromStdString(samples));
        if (!inserted.ok()) {
            qWarning("INSERT: %s", inserted.body.constData());
            return {};
        }
        return table;
    }

    QByteArray select(const QString& sql) { return server.queryOk(sql); }

private slots:
    void initTestCase() { QVERIFY2(server.start(), qPrintable(server.error())); }

    void jsonEachRowSamplesLoad() {
        const std::string samples =
            "{\"id\": 1, \"name\": \"a\", \"price\": 1.5, \"day\": \"2024-01-02\", \"tags\": [\"x\", \"y\"], "
            "\"nums\": [1, null], \"big\": 18446744073709551615, \"note\": null}\n"
            "\n"
            "{\"id\": -2, \"name\": \"b\\\"q\", \"price\": 3, \"day\": \"2024-02-29\", \"tags\": [], "
            "\"nums\": [], "
            "\"big\": 7, \"note\": \"n\"}\n";
        QStringList types;
        const QString table = loadSamples(samples, "JSONEachRow", "JSONEachRow", &types);
        QVERIFY(!table.isEmpty());
        QCOMPARE(types,
                 (QStringList{QStringLiteral("Int64"), QStringLiteral("String"), QStringLiteral("Float64"),
                              QStringLiteral("Date"), QStringLiteral("Array(String)"),
                              QStringLiteral("Array(Nullable(Int64))"), QStringLiteral("UInt64"),
                              QStringLiteral("Nullable(String)")}));
        QCOMPARE(
            select(QStringLiteral("SELECT id, name, price, day, tags, nums, big, note FROM %1 ORDER BY id "
                                  "FORMAT TSV")
                       .arg(table)),
            QByteArray("-2\tb\"q\t3\t2024-02-29\t[]\t[]\t7\tn\n"
                       "1\ta\t1.5\t2024-01-02\t['x','y']\t[1,NULL]\t18446744073709551615\t\\N\n"));
    }

    void csvSamplesLoad() {
        const std::string samples = "id,name,score,day\n"
                                    "1,\"Doe, Jane\",9.5,2024-01-02\n"
                                    "2,\"O\"\"Brien\nsecond line\",\\N,2024-01-03\n";
        QStringList types;
        const QString table = loadSamples(samples, "CSV", "CSVWithNames", &types);
        QVERIFY(!table.isEmpty());
        QCOMPARE(types, (QStringList{QStringLiteral("Int64"), QStringLiteral("String"),
                                     QStringLiteral("Nullable(Float64)"), QStringLiteral("Date")}));
        QCOMPARE(
            select(QStringLiteral("SELECT id, name, score, day FROM %1 ORDER BY id FORMAT TSV").arg(table)),
            QByteArray("1\tDoe, Jane\t9.5\t2024-01-02\n2\tO\"Brien\\nsecond line\t\\N\t2024-01-03\n"));
    }

    void tsvSamplesLoad() {
        const std::string samples = "id\tmsg\tamount\n"
                                    "1\tline\\none\\ttab\t\\N\n"
                                    "2\tback\\\\slash\t10.25\n";
        QStringList types;
        const QString table = loadSamples(samples, "TSV", "TSVWithNames", &types);
        QVERIFY(!table.isEmpty());
        QCOMPARE(types, (QStringList{QStringLiteral("Int64"), QStringLiteral("String"),
                                     QStringLiteral("Nullable(Float64)")}));
        // Same escaped text back: the server read the escapes as the inference did.
        QCOMPARE(select(QStringLiteral("SELECT id, msg, amount FROM %1 ORDER BY id FORMAT TSV").arg(table)),
                 QByteArray("1\tline\\none\\ttab\t\\N\n2\tback\\\\slash\t10.25\n"));
        QCOMPARE(select(QStringLiteral("SELECT length(msg) FROM %1 ORDER BY id FORMAT TSV").arg(table)),
                 QByteArray("12\n10\n"));
    }
};

QTEST_GUILESS_MAIN(TestInferenceClickHouse)
#include "tst_inference_clickhouse.moc"
