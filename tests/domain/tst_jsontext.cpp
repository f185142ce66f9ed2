// Defensive JSON reading: positions, limits, invalid UTF-8, atomic writes.
#include "domain/JsonText.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <optional>

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
    // Differential check against nlohmann's parser: random documents, then random corruptions of them. Both
    // must accept or both refuse, and accepted documents must be equal value for value (types included).
    void agreesWithNlohmannOnRandomText() {
        std::uint32_t seed = 12345;
        auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        const char* atoms[] = {"0",
                               "-0",
                               "1",
                               "-1",
                               "18446744073709551615",
                               "18446744073709551616",
                               "-9223372036854775808",
                               "-9223372036854775809",
                               "1.5",
                               "-2.5e-3",
                               "1E+2",
                               "1e-400",
                               "0.1",
                               "true",
                               "false",
                               "null",
                               "\"\"",
                               "\"a\\\"b\"",
                               "\"\\u00e9\\ud83d\\ude00\"",
                               "\"\xc3\xa9\xf0\x9f\x98\x80\"",
                               "\"\\n\\t\\/\""};
        std::function<std::string(int)> generate = [&](int depth) -> std::string {
            const auto pick = next() % 10;
            if (depth > 4 || pick < 5)
                return atoms[next() % std::size(atoms)];
            std::string out;
            const auto n = next() % 5;
            if (pick < 8) {
                out = "{";
                for (std::uint32_t i = 0; i < n; ++i)
                    out += (i ? ", " : "") + std::string("\"k") + std::to_string(next() % 4) +
                           "\": " + generate(depth + 1);
                return out + "}";
            }
            out = "[";
            for (std::uint32_t i = 0; i < n; ++i)
                out += (i ? "," : "") + generate(depth + 1);
            return out + "]";
        };
        const char noise[] = {'{', '}', '[', ']',  ',', ':',    '"',    '\\',   '-',    '.',
                              'e', '0', ' ', '\n', 'x', '\x80', '\xc3', '\xed', '\xf4', '\x01'};
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 4000; ++round) {
            std::string text = generate(0);
            if (round % 2 == 1 && !text.empty()) {
                const auto at = next() % text.size();
                switch (next() % 3) {
                case 0:
                    text[at] = noise[next() % sizeof noise];
                    break;
                case 1:
                    text.erase(at, 1);
                    break;
                default:
                    text.insert(at, 1, noise[next() % sizeof noise]);
                    break;
                }
            }
            JsonLimits limits;
            auto ours = parseJsonText(text, limits);
            std::optional<Json> theirs;
            try {
                theirs = Json::parse(text);
            } catch (const Json::exception&) {
            }
            QVERIFY2(ours.value.has_value() == theirs.has_value(),
                     (text + " | ours: " + (ours ? std::string("ok") : ours.error->message)).c_str());
            if (theirs) {
                ++accepted;
                QVERIFY2(*ours.value == *theirs, text.c_str());
                QCOMPARE(ours.value->dump(), theirs->dump());
            } else {
                ++refused;
                QVERIFY(ours.error->line >= 1 && ours.error->column >= 1);
            }
        }
        QVERIFY(accepted > 1000);
        QVERIFY(refused > 500);
    }
    void typesMatchNlohmann() {
        auto r = parseJsonText("[1, -1, 18446744073709551615, 18446744073709551616, -0, 1.0]");
        QVERIFY(r);
        const Json& a = *r.value;
        QVERIFY(a[0].is_number_unsigned());
        QVERIFY(a[1].is_number_integer() && !a[1].is_number_unsigned());
        QVERIFY(a[2].is_number_unsigned());
        QVERIFY(a[3].is_number_float());
        QVERIFY(a[4].is_number_integer() && !a[4].is_number_unsigned());
        QVERIFY(a[5].is_number_float());
    }
    void byteOrderMarkIsSkipped() {
        auto r = parseJsonText("\xEF\xBB\xBF{\"tables\": []}");
        QVERIFY(r);
        QVERIFY(r.value->contains("tables"));
    }
    void messagesNameTheProblem_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("trailing comma") << QByteArray("[1,]") << 4 << QStringLiteral("expected a value");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 6 << QStringLiteral("expected ':'");
        QTest::newRow("lone surrogate") << QByteArray("[\"\\ud800\"]") << 3 << QStringLiteral("surrogate");
        QTest::newRow("control char") << QByteArray("[\"a\tb\"]") << 4 << QStringLiteral("U+0009");
        QTest::newRow("overlong") << QByteArray("[\"\xc0\xaf\"]") << 3 << QStringLiteral("UTF-8");
        QTest::newRow("encoded surrogate")
            << QByteArray("[\"\xed\xa0\x80\"]") << 3 << QStringLiteral("UTF-8");
        QTest::newRow("leading zero") << QByteArray("[01]") << 3 << QStringLiteral("expected ',' or ']'");
        QTest::newRow("two values") << QByteArray("{} {}") << 4 << QStringLiteral("end of input");
        QTest::newRow("unterminated") << QByteArray("[\"abc") << 6 << QStringLiteral("closing quote");
        QTest::newRow("empty") << QByteArray("") << 1 << QStringLiteral("expected a value");
        // nlohmann would stop reading at the NUL and accept the document.
        QTest::newRow("NUL after the value") << QByteArray("{}\0{", 4) << 3 << QStringLiteral("byte 0x00");
    }
    void messagesNameTheProblem() {
        QFETCH(QByteArray, text);
        QFETCH(int, column);
        QFETCH(QString, message);
        auto r = parseJsonText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error->message).contains(message), r.error->message.c_str());
        QCOMPARE(r.error->column, std::size_t(column));
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
