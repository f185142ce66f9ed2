// How peek prints payloads: JSON kept as is but compacted, text as a JSON string, other bytes as base64.
#include "kafka/MessageText.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace ckstudio;

class TestMessageText : public QObject {
    Q_OBJECT
private slots:
    void compactsJsonButNotStrings() {
        const QByteArray json = "{ \"a\" : [1, 2.50 ,\n 3e5],\r\n\t\"b\": \"x  y\\\" }\" }";
        QCOMPARE(QByteArray::fromStdString(payloadAsLine(json)),
                 QByteArray("{\"a\":[1,2.50,3e5],\"b\":\"x  y\\\" }\"}"));
    }
    void keepsKeyOrderAndEscapesOfJson() {
        const QByteArray json = "{\"z\":1,\"a\":\"\\u00e9\\n\"}"; // escapes stay escapes
        QCOMPARE(QByteArray::fromStdString(payloadAsLine(json)), json);
    }
    void jsonScalarsAsIs() {
        QCOMPARE(payloadAsLine(QByteArray("42")), std::string("42"));
        QCOMPARE(payloadAsLine(QByteArray(" true ")), std::string("true"));
        QCOMPARE(payloadAsLine(QByteArray("\"quoted\"")), std::string("\"quoted\""));
    }
    void textBecomesAJsonString() {
        const QByteArray text = "caf\xc3\xa9 \"menu\"\n\ttab\\ \x01 end";
        const std::string line = payloadAsLine(text);
        QCOMPARE(line, std::string("\"caf\xc3\xa9 \\\"menu\\\"\\n\\ttab\\\\ \\u0001 end\""));
        // The line is JSON, and decodes back to the original bytes.
        QCOMPARE(QByteArray::fromStdString(nlohmann::json::parse(line).get<std::string>()), text);
    }
    void invalidJsonTextIsAString() {
        QCOMPARE(payloadAsLine(QByteArray("{\"a\":")), std::string("\"{\\\"a\\\":\""));
        QCOMPARE(payloadAsLine(QByteArray("")), std::string("\"\""));
        // JSON then a NUL byte: text, not JSON (a raw NUL never belongs to JSON text).
        QCOMPARE(payloadAsLine(QByteArray("1\0xyz", 5)), std::string("\"1\\u0000xyz\""));
        QCOMPARE(payloadAsLine(QByteArray("  ")), std::string("\"  \""));
    }
    void binaryIsBase64() {
        const QByteArray avro("\x00\x02\xff\xfe\x80", 5);
        QCOMPARE(payloadAsLine(avro), "base64:" + avro.toBase64().toStdString());
        QVERIFY(!payloadAsJson(avro));
        const QByteArray truncatedUtf8 = "ab\xc3";
        QCOMPARE(payloadAsLine(truncatedUtf8), std::string("base64:YWLD"));
    }
    void nullIsNull() {
        QCOMPARE(payloadAsLine(std::nullopt), std::string("null"));
        QCOMPARE(payloadAsJson(std::nullopt).value_or(""), std::string("null"));
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_message_text.moc"
