// `ckstudio-cli infer` as a CI pipeline runs it: the built binary, its stdout, stderr and exit code.
#include "CliProcess.h"
#include "types/ClickHouseType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTest>

namespace {

using Run = ckstudio::test::CliRun;

Run runCli(const QStringList& args, const QByteArray& input = {}) {
    return ckstudio::test::runCli(args, ckstudio::test::CliOptions().withInput(input));
}

QString fixture(const char* name) {
    return QStringLiteral(CKSTUDIO_FIXTURES_DIR "/inference/") + QLatin1String(name);
}

// The expected `columns` array.
QJsonArray columns(std::initializer_list<std::pair<const char*, const char*>> nameTypes) {
    QJsonArray a;
    for (const auto& [name, type] : nameTypes)
        a.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                             {QStringLiteral("type"), QLatin1String(type)}});
    return a;
}

} // namespace

class TestCliInfer : public QObject {
    Q_OBJECT
private slots:
    void jsonEachRowPrintsColumns() {
        const Run r = runCli({QStringLiteral("infer"), QStringLiteral("--format"),
                              QStringLiteral("JSONEachRow"), fixture("orders.jsonl")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(doc.isArray(),
                 qPrintable(error.errorString() + QLatin1Char('\n') + QString::fromUtf8(r.out)));
        const QJsonArray columns = doc.array();
        QCOMPARE(columns.size(), 9);
        QCOMPARE(columns[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("order_id"));
        QCOMPARE(columns[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("UInt64"));
        QCOMPARE(columns[5].toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("Array(Nullable(String))"));
        for (const auto& c : columns) {
            // Exactly the two keys a table's columns entry has, and a type the validator accepts.
            QCOMPARE(c.toObject().keys(), (QStringList{QStringLiteral("name"), QStringLiteral("type")}));
            QVERIFY(ckstudio::checkClickHouseType(
                c.toObject().value(QStringLiteral("type")).toString().toStdString()));
        }
        // One column per line.
        QCOMPARE(r.out.count('\n'), 11);
        // The nested object's warning names the field.
        QVERIFY2(r.err.contains("shipping: nested object"), r.err.constData());
    }

    void csvAndTsv() {
        Run r = runCli({QStringLiteral("infer"), QStringLiteral("--format=CSV"), fixture("people.csv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array(),
                 columns({{"id", "Int64"}, {"name", "String"}, {"score", "Nullable(Float64)"}}));
        r = runCli({QStringLiteral("infer"), QStringLiteral("--format"), QStringLiteral("TabSeparated"),
                    fixture("notes.tsv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array(),
                 columns({{"id", "Int64"}, {"note", "Nullable(String)"}}));
        QVERIFY(r.err.isEmpty());
    }

    void samplesFromStdin() {
        const Run r = runCli({QStringLiteral("infer"), QStringLiteral("--format"),
                              QStringLiteral("JSONEachRow"), QStringLiteral("-")},
                             "{\"x\": 1.5}\n{\"x\": null}\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array(), columns({{"x", "Nullable(Float64)"}}));
    }

    void badLineIsAWarningWithItsLineNumber() {
        const Run r = runCli({QStringLiteral("infer"), QStringLiteral("--format"),
                              QStringLiteral("JSONEachRow"), fixture("broken.jsonl")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.startsWith("line 2: invalid JSON"), r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
    }

    void nothingInferableExitsOne() {
        const Run r = runCli({QStringLiteral("infer"), QStringLiteral("--format"),
                              QStringLiteral("JSONEachRow"), fixture("unusable.jsonl")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("line 1: invalid JSON"), r.err.constData());
        QVERIFY2(r.err.contains("line 2: expected a JSON object"), r.err.constData());
        QVERIFY2(r.err.contains("nothing to infer columns from"), r.err.constData());
    }

    void usageAndIoErrorsExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString orders = fixture("orders.jsonl");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("--format"), QStringLiteral("JSONEachRow"),
                           QStringLiteral("/nonexistent/samples.jsonl")}
            << QStringLiteral("cannot read /nonexistent/samples.jsonl");
        QTest::newRow("unknown format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("Protobuf"), orders}
            << QStringLiteral("unsupported format 'Protobuf'");
        QTest::newRow("no format") << QStringList{orders} << QStringLiteral("missing --format");
        QTest::newRow("format without value")
            << QStringList{orders, QStringLiteral("--format")} << QStringLiteral("--format needs a value");
        QTest::newRow("no file") << QStringList{QStringLiteral("--format"), QStringLiteral("CSV")}
                                 << QStringLiteral("missing SAMPLES_FILE");
        QTest::newRow("two files") << QStringList{QStringLiteral("--format"), QStringLiteral("CSV"), orders,
                                                  orders}
                                   << QStringLiteral("unexpected argument");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frmat"), QStringLiteral("CSV"), orders}
            << QStringLiteral("unknown option --frmat");
    }

    void usageAndIoErrorsExitTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(QStringList{QStringLiteral("infer")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void helpDocumentsTheCommand() {
        const Run r = runCli({QStringLiteral("infer"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--format FORMAT SAMPLES_FILE"));
        QVERIFY(r.out.contains("JSONEachRow"));
    }
};

QTEST_GUILESS_MAIN(TestCliInfer)
#include "tst_cli_infer.moc"
