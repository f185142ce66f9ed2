// How peek prints payloads: JSON kept as is but compacted, text as a JSON string, other bytes as base64.
#include "domain/JsonParser.h"
#include "kafka/CompactJson.h"
#include "kafka/KafkaReader.h"
#include "kafka/MessageText.h"

#include <QRandomGenerator>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace ckstudio;

namespace {

// What peek printed before appendCompactJson: the config parser decides whether it is JSON, compactJson()
// removes the whitespace.
std::optional<std::string> reference(const QByteArray& text) {
    Json ignored;
    JsonParseFailure failure;
    if (!parseJsonValue(std::string_view(text.constData(), std::size_t(text.size())), kMaxJsonDepth, ignored,
                        failure))
        return std::nullopt;
    return compactJson(text);
}

std::optional<std::string> compacted(const QByteArray& text) {
    std::string out = "prefix";
    if (!appendCompactJson(std::string_view(text.constData(), std::size_t(text.size())), out)) {
        if (out != "prefix")
            return std::string("<changed the output on failure>");
        return std::nullopt;
    }
    if (out.rfind("prefix", 0) != 0)
        return std::string("<lost the prefix>");
    return out.substr(6);
}

// Random JSON with random whitespace, strings with escapes and UTF-8, numbers of every shape.
class JsonGenerator {
public:
    explicit JsonGenerator(quint32 seed)
        : m_random(seed) {}

    QByteArray document() {
        QByteArray out;
        space(out);
        value(out, 0);
        space(out);
        return out;
    }

private:
    int pick(int n) { return int(m_random.bounded(n)); }

    void space(QByteArray& out) {
        static const char spaces[] = {' ', '\n', '\r', '\t'};
        for (int n = pick(3) == 0 ? pick(4) : 0; n > 0; --n)
            out += spaces[pick(4)];
    }

    void value(QByteArray& out, int depth) {
        switch (depth > 4 ? 2 + pick(4) : pick(6)) {
        case 0: {
            out += '[';
            space(out);
            for (int n = pick(4), i = 0; i < n; ++i) {
                if (i > 0) {
                    out += ',';
                    space(out);
                }
                value(out, depth + 1);
                space(out);
            }
            out += ']';
            break;
        }
        case 1: {
            out += '{';
            space(out);
            for (int n = pick(4), i = 0; i < n; ++i) {
                if (i > 0) {
                    out += ',';
                    space(out);
                }
                string(out);
                space(out);
                out += ':';
                space(out);
                value(out, depth + 1);
                space(out);
            }
            out += '}';
            break;
        }
        case 2:
            string(out);
            break;
        case 3:
            number(out);
            break;
        case 4:
            out += pick(2) == 0 ? "true" : "false";
            break;
        default:
            out += "null";
        }
    }

    void string(QByteArray& out) {
        static const char* const pieces[] = {
            "a",   "key",      " x y ",          "\\\"",     "\\\\",         "\\/",
            "\\n", "\\u00e9",  "\\uD83D\\uDE00", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
            "\\t", "\\b\\f\\r"};
        out += '"';
        for (int n = pick(5); n > 0; --n)
            out += pieces[pick(int(std::size(pieces)))];
        out += '"';
    }

    void number(QByteArray& out) {
        static const char* const numbers[] = {"0",
                                              "-0",
                                              "7",
                                              "-12",
                                              "3.25",
                                              "-0.5",
                                              "1e5",
                                              "2E-3",
                                              "1.5e+10",
                                              "12345678901234567890123",
                                              "1e400",
                                              "-1e400",
                                              "1e-400",
                                              "9223372036854775808",
                                              "-9223372036854775809"};
        out += numbers[pick(int(std::size(numbers)))];
    }

    QRandomGenerator m_random;
};

// One random change that often breaks the document: a byte replaced, removed, inserted, or the end cut off.
QByteArray mutate(QByteArray text, QRandomGenerator& random) {
    static const char bytes[] = {'"',    '\\',   ',',    ':',    '[', ']', '{', '}', ' ', '\0', '\x01',
                                 '\x80', '\xc0', '\xed', '\xff', 'e', '-', '.', '0', 'u', 'D',  'n'};
    const auto at = qsizetype(random.bounded(quint32(text.size() + 1)));
    const char byte = bytes[random.bounded(quint32(std::size(bytes)))];
    switch (random.bounded(4)) {
    case 0:
        if (at < text.size())
            text[at] = byte;
        break;
    case 1:
        text.remove(at, 1);
        break;
    case 2:
        text.insert(at, byte);
        break;
    default:
        text.truncate(at);
    }
    return text;
}

} // namespace

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
    void compactJsonAgreesWithTheParserOnGeneratedDocuments() {
        JsonGenerator generator(20261208);
        QRandomGenerator random(7);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray text = generator.document();
            if (i % 2 == 1)
                text = mutate(text, random);
            const auto expected = reference(text);
            QVERIFY2(compacted(text) == expected, text.left(80).toPercentEncoding().constData());
            ++(expected ? valid : invalid);
        }
        // Both kinds were seen, many times.
        QVERIFY2(valid > 9000 && invalid > 2000,
                 qPrintable(QStringLiteral("%1 valid, %2 invalid").arg(valid).arg(invalid)));
    }

    void compactJsonAgreesWithTheParserAtTheEdges() {
        const QByteArray deepest = QByteArray(kMaxJsonDepth, '[') + QByteArray(kMaxJsonDepth, ']');
        const QByteArray tooDeep = QByteArray(kMaxJsonDepth + 1, '[') + QByteArray(kMaxJsonDepth + 1, ']');
        QByteArray deepObject;
        for (int i = 0; i <= kMaxJsonDepth; ++i)
            deepObject += "{\"a\":";
        deepObject += '1' + QByteArray(kMaxJsonDepth + 1, '}');
        const QList<QByteArray> cases = {
            deepest,
            tooDeep,
            deepObject,
            "\xEF\xBB\xBF { \"bom\" : 1 }", // a byte order mark: skipped by the parser, kept in the output
            "\xEF\xBB",
            "1e400",
            "-1e400",
            "1e-400",
            "0.5e308",
            "1.8e308",
            "17976931348623157e292",
            QByteArray(309, '9'),
            QByteArray(308, '9'),
            "-" + QByteArray(400, '1') + ".5",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "\"\\uD83D\"",
            "\"\\uDE00\"",
            "\"\\uD83D\\u0041\"",
            "\"\\uD83D\\uDE00\"",
            "\"\\u12\"",
            "\"\\x\"",
            "\"\xc0\xaf\"",
            "\"\xed\xa0\x80\"",
            "\"\xf4\x90\x80\x80\"",
            "\"\xe2\x82\"",
            "\"tab\there\"",
            QByteArray("\"nul\0\"", 6),
            QByteArray("1\0", 2),
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "tru",
            "nulls",
            "true false",
            "",
            " ",
            "\v1",
            "\f",
            "{}",
            "[]",
            " [ ] ",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}"};
        for (const QByteArray& text : cases)
            QVERIFY2(compacted(text) == reference(text), text.left(60).constData());
        QCOMPARE(compacted(deepest).value_or("<not JSON>"), deepest.toStdString());
        QVERIFY(!compacted(tooDeep));
        QCOMPARE(compacted("\xEF\xBB\xBF { \"bom\" : 1 }").value_or("<not JSON>"),
                 std::string("\xEF\xBB\xBF{\"bom\":1}"));
        QVERIFY(!compacted("1e400"));
        QCOMPARE(compacted(" [ 1e-400 , -0 ] ").value_or("<not JSON>"), std::string("[1e-400,-0]"));
    }

    void messageLines() {
        KafkaMessage m;
        m.partition = 2;
        m.offset = 9007199254740993;
        m.timestampMs = -1;
        m.key = QByteArray("\xff", 1);
        m.value = QByteArray("{ \"a\": [1, 2] }");
        std::string out = "before\n";
        appendMessageLine(m, MessageLineFormat::Values, out);
        appendMessageLine(m, MessageLineFormat::Jsonl, out);
        m.key = QByteArray("k");
        m.value = std::nullopt;
        m.timestampMs = 1700000000000;
        appendMessageLine(m, MessageLineFormat::Values, out);
        appendMessageLine(m, MessageLineFormat::Jsonl, out);
        QCOMPARE(out, std::string("before\n"
                                  "{\"a\":[1,2]}\n"
                                  "{\"partition\":2,\"offset\":9007199254740993,\"timestamp\":null,"
                                  "\"key_base64\":\"/w==\",\"value\":{\"a\":[1,2]}}\n"
                                  "null\n"
                                  "{\"partition\":2,\"offset\":9007199254740993,\"timestamp\":1700000000000,"
                                  "\"key\":\"k\",\"value\":null}\n"));
    }

    void nullIsNull() {
        QCOMPARE(payloadAsLine(std::nullopt), std::string("null"));
        QCOMPARE(payloadAsJson(std::nullopt).value_or(""), std::string("null"));
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_message_text.moc"
