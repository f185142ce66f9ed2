// models/text: each codec's escape set, byte by byte (the oracle, tst_oracle_ddl::quotingReadsBackAsWritten,
// checks the same set against ClickHouse 26.5), and that the QString forms in app/ are the same quoting.
#include "clickhouse/TableName.h"
#include "text/EditDistance.h"
#include "text/JsonFields.h"
#include "text/SqlQuote.h"
#include "text/TsvCodec.h"

#include <QTest>

using namespace ckstudio;

class TestTextCodecs : public QObject {
    Q_OBJECT
private slots:
    void literalEscapes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("'abc'");
        QTest::newRow("quote") << QByteArray("it's") << QByteArray("'it\\'s'");
        QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray("'a\\\\b'");
        QTest::newRow("backtick stays") << QByteArray("a`b") << QByteArray("'a`b'");
        QTest::newRow("as ClickHouse writes them")
            << QByteArray("\b\f\n\r\t") << QByteArray("'\\b\\f\\n\\r\\t'");
        QTest::newRow("nul") << QByteArray("x\0y", 3) << QByteArray("'x\\0y'");
        QTest::newRow("other control bytes")
            << QByteArray("\x01\x1b\x1f\x7f") << QByteArray("'\\x01\\x1B\\x1F\\x7F'");
        QTest::newRow("utf-8 and high bytes") << QByteArray("ü\xff") << QByteArray("'ü\xff'");
    }
    void literalEscapes() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, quoted);
        const std::string_view view(text.constData(), std::size_t(text.size()));
        QCOMPARE(QByteArray::fromStdString(quoteStringLiteral(view)), quoted);
        // An identifier takes the same set with the other quote.
        QByteArray asIdentifier = quoted;
        asIdentifier.replace("\\'", "'");
        asIdentifier.replace("`", "\\`");
        asIdentifier.front() = '`';
        asIdentifier.back() = '`';
        QCOMPARE(QByteArray::fromStdString(quoteIdentifier(view)), asIdentifier);
    }

    void qualifiedNameQuotesEachPart() {
        QCOMPARE(qualifiedName("service_my-kafka", "a.b"), std::string("`service_my-kafka`.`a.b`"));
    }

    // TableName's QString forms used to escape less (no \n in literals): now the same function.
    void qstringFormsAreTheSameQuoting() {
        const QString text = QStringLiteral("l\nt\t'`\\ ü\x01");
        QCOMPARE(quoteSqlString(text), QString::fromStdString(quoteStringLiteral(text.toStdString())));
        QCOMPARE(quoteSqlIdentifier(text), QString::fromStdString(quoteIdentifier(text.toStdString())));
        QCOMPARE((TableName{QStringLiteral("d-b"), QStringLiteral("t`")}.quoted()),
                 QStringLiteral("`d-b`.`t\\``"));
    }

    void tsvUnescape_data() {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("escapes") << QByteArray("\\b\\f\\n\\r\\t\\0\\a\\v\\e")
                                 << QByteArray("\b\f\n\r\t\0\a\v\x1b", 9);
        QTest::newRow("hex") << QByteArray("\\x41\\x7F") << QByteArray("A\x7f");
        QTest::newRow("short hex is an x") << QByteArray("\\x4") << QByteArray("x4");
        QTest::newRow("itself") << QByteArray("\\\\\\'\\\"\\/") << QByteArray("\\'\"/");
        QTest::newRow("lone trailing backslash") << QByteArray("ab\\") << QByteArray("ab\\");
        QTest::newRow("the text N") << QByteArray("\\\\N") << QByteArray("\\N");
    }
    void tsvUnescape() {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        const auto out = unescapeTsvField(std::string_view(field.constData(), std::size_t(field.size())));
        QVERIFY(out.has_value());
        QCOMPARE(QByteArray::fromStdString(*out), value);
    }
    void tsvNull() { QVERIFY(!unescapeTsvField("\\N").has_value()); }

    void editDistanceCounts() {
        QCOMPARE(editDistance("", ""), std::size_t(0));
        QCOMPARE(editDistance("kitten", "sitting"), std::size_t(3));
        QCOMPARE(editDistance("String", "string"), std::size_t(1));
        QCOMPARE(editDistance("String", "string", LetterCase::Ignored), std::size_t(0));
        QCOMPARE(editDistance("DateTime64", "datetim", LetterCase::Ignored), std::size_t(3));
    }

    void stringFieldTakesOnlyStrings() {
        const Json object = Json::parse(R"({"s": "x", "n": 1, "null": null, "o": {}})");
        QCOMPARE(stringField(object, "s"), std::string("x"));
        QCOMPARE(stringField(object, "n"), std::string());
        QCOMPARE(stringField(object, "null"), std::string());
        QCOMPARE(stringField(object, "missing"), std::string());
        QCOMPARE(stringField(Json::array({1}), "s"), std::string());
    }
};

QTEST_GUILESS_MAIN(TestTextCodecs)
#include "tst_text_codecs.moc"
