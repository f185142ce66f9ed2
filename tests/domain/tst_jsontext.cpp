// Defensive JSON reading: positions, limits, invalid UTF-8, atomic writes.
#include "domain/JsonText.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace ckstudio;

class TestJsonText : public QObject {
    Q_OBJECT
private slots:
    void errorPositionIsLineAndColumn() {
        auto r = parseJsonText("{\n  \"tables\": [\n    {\"name\": }\n]}");
        QVERIFY(!r);
        QCOMPARE(r.error->line, std::size_t(3));
        QCOMPARE(r.error->column, std::size_t(14));
        QVERIFY(!r.error->message.empty());
    }
    void fileErrorHasFileLineCol() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeTextFileAtomically(path, "{\"a\": 1,\n \"b\" 2}").empty());
        auto r = readJsonFile(path);
        QVERIFY(!r);
        QVERIFY(!r.ioError);
        QVERIFY2(QString::fromStdString(r.error).startsWith(path + QStringLiteral(":2:")), r.error.c_str());
    }
    void missingFileIsIoError() {
        auto r = readJsonFile(QStringLiteral("/nonexistent/x.json"));
        QVERIFY(!r);
        QVERIFY(r.ioError);
    }
    void deepNestingIsRefusedQuickly() {
        QElapsedTimer timer;
        timer.start();
        std::string deep(100000, '[');
        deep += std::string(100000, ']');
        auto r = parseJsonText(deep);
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error->message).contains(QStringLiteral("nesting")));
        QCOMPARE(r.error->column, std::size_t(257));
    }
    void invalidUtf8IsAnError() {
        auto r = parseJsonText("{\"a\": \"\xff\xfe\"}");
        QVERIFY(!r);
        QCOMPARE(r.error->line, std::size_t(1));
    }
    void hugeNumberIsAnErrorNotACrash() {
        auto r = parseJsonText("{\"tables\": [\n  {\"num_consumers\": 1e400}]}");
        QVERIFY(!r);
        QCOMPARE(r.error->line, std::size_t(2));
        QCOMPARE(r.error->column, std::size_t(21));
        QVERIFY2(QString::fromStdString(r.error->message).contains(QStringLiteral("1e400")),
                 r.error->message.c_str());
    }
    void oversizeIsRefused() {
        JsonLimits limits;
        limits.maxBytes = 10;
        auto r = parseJsonText("{\"tables\": []}", limits);
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error->message).contains(QStringLiteral("bytes")));
    }
    // The DOM is built by our own SAX handler: same values, key order and duplicate-key rule as nlohmann's.
    void domEqualsNlohmannsOwnParse_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("scalars") << QByteArray(
            "[null, true, false, -9223372036854775808, 18446744073709551615, 1.5e3, \"x\"]");
        QTest::newRow("nested order")
            << QByteArray("{\"b\":{\"y\":[],\"x\":{}},\"a\":[[1],[2,{\"k\":\"v\"}]]}");
        QTest::newRow("duplicate key") << QByteArray("{\"a\":1,\"b\":2,\"a\":{\"c\":3}}");
        QTest::newRow("scalar root") << QByteArray("\"just text\"");
        QTest::newRow("empty") << QByteArray("{\"a\":{},\"b\":[],\"c\":\"\"}");
        QByteArray wide = "{";
        for (int i = 0; i < 100; ++i)
            wide += "\"k" + QByteArray::number(i % 70) + "\":" + QByteArray::number(i) + ",";
        wide += "\"end\":true}";
        QTest::newRow("duplicates in a large object") << wide;
    }
    void domEqualsNlohmannsOwnParse() {
        QFETCH(QByteArray, text);
        auto r = parseJsonText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(r);
        const Json expected = Json::parse(text.constData(), text.constData() + text.size());
        QCOMPARE(QByteArray::fromStdString(r.value->dump()), QByteArray::fromStdString(expected.dump()));
    }
    void formatIsStable() {
        auto r = parseJsonText(R"({"b":1,"a":[1,{"z":"ü"}]})");
        QVERIFY(r);
        QCOMPARE(
            QString::fromStdString(formatJson(*r.value)),
            QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    1,\n    {\n      \"z\": \"ü\"\n    }\n  ]\n}\n"));
    }
};

QTEST_APPLESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
