// Column inference from sample messages: every rule for JSONEachRow, CSV quoting, TSV escapes.
#include "inference/ColumnInference.h"
#include "types/ClickHouseType.h"

#include <QTest>

using namespace ckstudio;

namespace {

std::string typeOf(const InferenceResult& r, const std::string& name) {
    for (const auto& c : r.columns)
        if (c.name == name)
            return c.type;
    return "<no column " + name + ">";
}

std::vector<std::string> names(const InferenceResult& r) {
    std::vector<std::string> n;
    for (const auto& c : r.columns)
        n.push_back(c.name);
    return n;
}

// The problem with this path whose message contains `part`, or nullptr.
const Problem* problemAt(const InferenceResult& r, const std::string& path, const std::string& part) {
    for (const auto& p : r.problems)
        if (p.path == path && p.message.find(part) != std::string::npos)
            return &p;
    return nullptr;
}

QByteArray dump(const InferenceResult& r) {
    std::string s;
    for (const auto& c : r.columns)
        s += c.name + " " + c.type + "; ";
    for (const auto& p : r.problems)
        s += "\n  " + std::string(p.isError() ? "E " : "W ") + p.toLine();
    return QByteArray::fromStdString(s);
}

} // namespace

class TestColumnInference : public QObject {
    Q_OBJECT
private slots:
    void jsonScalarRules_data() {
        QTest::addColumn<QString>("values"); // JSON values of field "f", one row each, '|' separated
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("warning"); // part of a warning for field f, empty for none
        auto row = [](const char* name, const char* values, const char* type, const char* warning = "") {
            QTest::newRow(name) << QString::fromUtf8(values) << QString::fromUtf8(type)
                                << QString::fromUtf8(warning);
        };
        row("int", "1|-2|3", "Int64");
        row("int64 max", "9223372036854775807|-9223372036854775808", "Int64");
        row("uint64", "9223372036854775808|18446744073709551615|0", "UInt64");
        row("uint64 and negative", "18446744073709551615|-1", "String", "Int128 would hold both");
        row("beyond 64 bits", "123456789012345678901234567890|1", "String", "beyond 64 bits");
        row("beyond 64 bits with floats", "123456789012345678901234567890|1.5", "Float64");
        row("float", "1.5|2e10|-0.25", "Float64");
        row("int and float", "1|2.5", "Float64");
        row("bool", "true|false", "Bool");
        row("bool and int", "true|1", "String", "mixed types in the samples (booleans and numbers)");
        row("string", "\"a\"|\"b\"", "String");
        row("numeric strings stay strings", "\"1\"|\"2\"", "String");
        row("date", "\"2024-01-31\"|\"2024-02-29\"", "Date");
        row("date before 1970", "\"1969-12-31\"|\"2024-01-01\"", "Date32");
        row("date after 2149", "\"2200-01-01\"", "Date32");
        row("date outside DateTime64", "\"1800-01-01\"", "String", "outside ClickHouse's date types");
        row("invalid date", "\"2023-02-29\"", "String");
        row("invalid month", "\"2024-13-01\"", "String");
        row("datetime", "\"2024-01-02 03:04:05\"", "DateTime64(3)");
        row("datetime millis", "\"2024-01-02 03:04:05.123\"", "DateTime64(3)");
        row("datetime micros", "\"2024-01-02 03:04:05.123456\"", "DateTime64(6)");
        row("datetime nanos", "\"2024-01-02 03:04:05.123456789\"", "DateTime64(9)");
        row("iso T", "\"2024-01-02T03:04:05\"", "DateTime64(3)");
        row("iso Z", "\"2024-01-02T03:04:05Z\"", "DateTime64(3)", "date_time_input_format = best_effort");
        row("iso offset", "\"2024-01-02T03:04:05.5+02:00\"", "DateTime64(3)", "best_effort");
        row("date and datetime", "\"2024-01-02\"|\"2024-01-02 03:04:05\"", "DateTime64(3)");
        row("bad time", "\"2024-01-02 25:00:00\"", "String");
        row("date and text", "\"2024-01-02\"|\"soon\"", "String");
        row("nullable int", "1|null", "Nullable(Int64)");
        row("nullable string", "null|\"x\"", "Nullable(String)");
        row("nullable date", "\"2024-01-02\"|null", "Nullable(Date)");
        row("nullable bool", "true|null", "Nullable(Bool)");
        row("only null", "null|null", "Nullable(String)", "only null values");
        row("mixed", "1|\"x\"", "String", "mixed types in the samples (numbers and strings)");
        row("mixed nullable", "1|\"x\"|null", "Nullable(String)", "mixed types");
        row("object", "{\"a\": 1}|{\"b\": [1]}", "String", "nested object");
        row("object and null", "{\"a\": 1}|null", "Nullable(String)", "nested object");
        row("object and number", "{\"a\": 1}|1", "String", "mixed types");
        row("array", "[1, 2]|[3]", "Array(Int64)");
        row("array of strings", "[\"a\"]|[]", "Array(String)");
        row("array nullable elements", "[1, null]", "Array(Nullable(Int64))");
        row("array of arrays", "[[1], [2, 3]]|[[]]", "Array(Array(Int64))");
        row("array of nullable arrays", "[[1], null]", "Array(Array(Int64))", "cannot be Nullable");
        row("array of objects", "[{\"a\": 1}]", "Array(String)", "nested object");
        row("array of mixed", "[1, \"a\"]", "Array(String)", "mixed types");
        row("array of dates", "[\"2024-01-01\", null]", "Array(Nullable(Date))");
        row("null array", "[1]|null", "Array(Int64)", "null arrays are read as empty arrays");
        row("only empty arrays", "[]|[]", "Array(String)", "only empty arrays");
        row("array and scalar", "[1]|1", "String", "mixed types in the samples (numbers and arrays)");
    }

    void jsonScalarRules() {
        QFETCH(QString, values);
        QFETCH(QString, type);
        QFETCH(QString, warning);
        std::string samples;
        for (const QString& v : values.split(QLatin1Char('|')))
            samples += "{\"f\": " + v.toStdString() + "}\n";
        const auto r = inferColumns(samples, "JSONEachRow");
        QVERIFY2(r.columns.size() == 1, dump(r).constData());
        QCOMPARE(QString::fromStdString(r.columns[0].type), type);
        QVERIFY2(checkClickHouseType(r.columns[0].type), r.columns[0].type.c_str());
        QVERIFY2(!hasErrors(r.problems), dump(r).constData());
        if (warning.isEmpty()) {
            QVERIFY2(r.problems.empty(), dump(r).constData());
        } else {
            QVERIFY2(problemAt(r, "f", warning.toStdString()), dump(r).constData());
            QCOMPARE(r.problems[0].severity, Problem::Severity::Warning);
        }
    }

    void jsonColumnsInFirstSeenOrder() {
        const auto r = inferColumns(
            "{\"b\": 1, \"a\": \"x\"}\n\n   \n{\"c\": true, \"a\": \"y\", \"b\": 2}\n", "JSONEachRow");
        QCOMPARE(names(r), (std::vector<std::string>{"b", "a", "c"}));
        QCOMPARE(typeOf(r, "c"), std::string("Bool"));
        // c is missing from the first row: noted, not made Nullable.
        const Problem* missing = problemAt(r, "c", "missing in 1 of 2 rows");
        QVERIFY2(missing, dump(r).constData());
        QVERIFY(!missing->isError());
        QVERIFY(!problemAt(r, "a", "missing"));
    }

    void jsonBadLinesAreSkippedWithTheirLineNumber() {
        const auto r = inferColumns("{\"a\": 1}\n{\"a\": \n\n[1, 2]\n\"text\"\n{\"a\": 2}\n", "JSONEachRow");
        QCOMPARE(typeOf(r, "a"), std::string("Int64"));
        QVERIFY2(problemAt(r, "line 2", "invalid JSON at column"), dump(r).constData());
        QVERIFY2(problemAt(r, "line 4", "expected a JSON object, got an array"), dump(r).constData());
        QVERIFY2(problemAt(r, "line 5", "expected a JSON object, got a string"), dump(r).constData());
        QVERIFY(!hasErrors(r.problems));
    }

    void jsonDuplicateKeyIsReported() {
        const auto r = inferColumns("{\"a\": 1, \"a\": \"x\"}\n", "JSONEachRow");
        QCOMPARE(typeOf(r, "a"), std::string("Int64"));
        QVERIFY2(problemAt(r, "line 1", "'a' appears twice"), dump(r).constData());
    }

    void nothingToInferIsAnError_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("samples");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty json") << "JSONEachRow"
                                    << ""
                                    << "the samples are empty";
        QTest::newRow("blank json") << "JSONEachRow"
                                    << "\n  \n\n"
                                    << "the samples are empty";
        QTest::newRow("only bad rows") << "JSONEachRow"
                                       << "{x}\n[1]\n"
                                       << "none of the 2 sample rows";
        QTest::newRow("no fields") << "JSONEachRow"
                                   << "{}\n{}\n"
                                   << "no named fields";
        QTest::newRow("empty csv") << "CSV"
                                   << ""
                                   << "expected a header line";
        QTest::newRow("header only csv") << "CSV"
                                         << "a,b\n"
                                         << "no rows after the header";
        QTest::newRow("header only tsv") << "TSV"
                                         << "a\tb\n\n"
                                         << "no rows after the header";
        QTest::newRow("unknown format") << "Avro"
                                        << "{\"a\": 1}"
                                        << "cannot infer columns from format 'Avro'";
    }

    void nothingToInferIsAnError() {
        QFETCH(QString, format);
        QFETCH(QString, samples);
        QFETCH(QString, message);
        const auto r = inferColumns(samples.toStdString(), format.toStdString());
        QVERIFY(r.columns.empty());
        QVERIFY2(hasErrors(r.problems), dump(r).constData());
        bool found = false;
        for (const auto& p : r.problems)
            found = found || (p.isError() && p.message.find(message.toStdString()) != std::string::npos);
        QVERIFY2(found, dump(r).constData());
    }

    void longNamesAndTooManyColumnsAreWarned() {
        const std::string longName(41, 'n');
        auto r =
            inferColumns("{\"" + longName + "\": 1, \"" + std::string(40, 'k') + "\": 2}", "JSONEachRow");
        QCOMPARE(r.columns.size(), std::size_t(2));
        QVERIFY2(problemAt(r, longName, "limited to 40"), dump(r).constData());
        QVERIFY(!problemAt(r, std::string(40, 'k'), "limited"));

        std::string wide = "{";
        for (int i = 0; i < 101; ++i)
            wide += (i ? ", \"c" : "\"c") + std::to_string(i) + "\": 1";
        r = inferColumns(wide + "}", "JSONEachRow");
        QCOMPARE(r.columns.size(), std::size_t(101));
        QVERIFY2(problemAt(r, "", "at most 100"), dump(r).constData());
        QVERIFY(!hasErrors(r.problems));
    }

    // 50 000 keys in one row: quadratic inference would run for many minutes and hit CTest's time limit. No
    // clock here (timings belong in tests/bench, not in assertions).
    void wideRowsAreLinear() {
        std::string wide = "{";
        for (int i = 0; i < 50000; ++i)
            wide += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": " + std::to_string(i);
        const auto r = inferColumns(wide + "}\n", "JSONEachRow");
        QCOMPARE(r.columns.size(), std::size_t(50000));
        QCOMPARE(r.columns.back().type, std::string("Int64"));
    }

    void emptyFieldNameIsLeftOut() {
        const auto r = inferColumns("{\"\": 1, \"a\": 2}", "JSONEachRow");
        QCOMPARE(names(r), std::vector<std::string>{"a"});
        QVERIFY2(problemAt(r, "(empty name)", "cannot be a column"), dump(r).constData());
    }

    void deeplyNestedJsonIsRefusedQuickly() {
        const std::string deep =
            "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}\n{\"a\": [1]}";
        const auto r = inferColumns(deep, "JSONEachRow");
        QCOMPARE(typeOf(r, "a"), std::string("Array(Int64)"));
        QVERIFY2(problemAt(r, "line 1", "nested deeper"), dump(r).constData());
    }

    void jsonStringsEachRowReadsTypesFromText() {
        const auto r =
            inferColumns("{\"n\": \"42\", \"f\": \"1.5\", \"b\": \"true\", \"d\": \"2024-01-01\"}\n"
                         "{\"n\": \"-7\", \"f\": \"2\", \"b\": \"false\", \"d\": null}",
                         "JSONStringsEachRow");
        QCOMPARE(typeOf(r, "n"), std::string("Int64"));
        QCOMPARE(typeOf(r, "f"), std::string("Float64"));
        QCOMPARE(typeOf(r, "b"), std::string("Bool"));
        QCOMPARE(typeOf(r, "d"), std::string("Nullable(Date)"));
    }

    void csvQuotingAndTextTypes() {
        const std::string csv = "id,name,price,ok,day,zip,note\r\n"
                                "1,\"Smith, John\",1.5,true,2024-01-02,01234,\"said \"\"hi\"\"\"\r\n"
                                "2,\"multi\nline\",2,FALSE,2024-01-03 10:00:00,99999,\\N\r\n"
                                "\r\n"
                                "3,plain,-3e2,false,2024-01-04,12345,\"\"\n";
        const auto r = inferColumns(csv, "CSV");
        QCOMPARE(names(r), (std::vector<std::string>{"id", "name", "price", "ok", "day", "zip", "note"}));
        QCOMPARE(typeOf(r, "id"), std::string("Int64"));
        QCOMPARE(typeOf(r, "name"), std::string("String"));
        QCOMPARE(typeOf(r, "price"), std::string("Float64"));
        QCOMPARE(typeOf(r, "ok"), std::string("Bool"));
        QCOMPARE(typeOf(r, "day"), std::string("DateTime64(3)"));
        // A leading zero marks an identifier: the column stays text.
        QCOMPARE(typeOf(r, "zip"), std::string("String"));
        QCOMPARE(typeOf(r, "note"), std::string("Nullable(String)"));
        QVERIFY(!hasErrors(r.problems));
        QVERIFY2(!problemAt(r, "name", "mixed"), dump(r).constData());
    }

    void csvQuotedNewlinesKeepLineNumbers() {
        const auto r = inferColumns("a,b\n1,\"x\ny\nz\"\n2\n3,4,5\n", "CSV");
        QCOMPARE(typeOf(r, "a"), std::string("Int64"));
        QVERIFY2(problemAt(r, "line 5", "1 values, but the header has 2 columns"), dump(r).constData());
        QVERIFY2(
            problemAt(r, "line 6", "3 values, but the header has 2 columns; the extra values are ignored"),
            dump(r).constData());
    }

    void csvUnterminatedQuoteIsReported() {
        const auto r = inferColumns("a,b\n1,2\n3,\"open\n4,5\n", "CSV");
        QCOMPARE(typeOf(r, "a"), std::string("Int64"));
        QVERIFY2(problemAt(r, "line 3", "unterminated quoted field"), dump(r).constData());
    }

    void csvHeaderNamesColumnsWithoutValues() {
        const auto r = inferColumns("a,b,a\n1,,2\n", "CSV");
        QCOMPARE(names(r), (std::vector<std::string>{"a", "b", "a_2"}));
        QCOMPARE(typeOf(r, "b"), std::string("String"));
        QVERIFY2(problemAt(r, "b", "no values"), dump(r).constData());
        QVERIFY2(problemAt(r, "line 1", "'a' appears twice"), dump(r).constData());
    }

    void tsvEscapes() {
        const std::string tsv = "id\tmsg\tamount\twhen\n"
                                "1\tline\\none\\ttab\t\\N\t2024-05-06 07:08:09.5\n"
                                "2\tback\\\\slash\t10.25\t2024-05-06 07:08:10\n";
        for (const char* format : {"TSV", "TabSeparated", "TSVWithNames"}) {
            const auto r = inferColumns(tsv, format);
            QCOMPARE(names(r), (std::vector<std::string>{"id", "msg", "amount", "when"}));
            QCOMPARE(typeOf(r, "id"), std::string("Int64"));
            QCOMPARE(typeOf(r, "msg"), std::string("String"));
            QCOMPARE(typeOf(r, "amount"), std::string("Nullable(Float64)"));
            QCOMPARE(typeOf(r, "when"), std::string("DateTime64(3)"));
            QVERIFY2(r.problems.empty(), dump(r).constData());
        }
        // An escaped tab is part of the value, not a separator.
        const auto r = inferColumns("a\tb\nx\\ty\t1\n", "TSV");
        QCOMPARE(names(r), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(typeOf(r, "b"), std::string("Int64"));
    }

    void formatNamesAndByteOrderMark() {
        const auto r = inferColumns("\xEF\xBB\xBFid,name\n1,x\n", "csv");
        QCOMPARE(names(r), (std::vector<std::string>{"id", "name"}));
        QCOMPARE(typeOf(r, "id"), std::string("Int64"));
        QCOMPARE(typeOf(inferColumns("{\"a\": 1}", "jsoneachrow"), "a"), std::string("Int64"));
        QVERIFY(isInferenceFormat("TabSeparated"));
        QVERIFY(!isInferenceFormat("Avro"));
        QVERIFY(!isInferenceFormat(""));
    }

    void fixtureSamples() {
        const QString dir = QStringLiteral(CKSTUDIO_FIXTURES_DIR "/inference/");
        QFile json(dir + QStringLiteral("orders.jsonl"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto r = inferColumns(json.readAll().toStdString(), "JSONEachRow");
        QCOMPARE(names(r), (std::vector<std::string>{"order_id", "customer", "amount", "paid", "created_at",
                                                     "items", "shipping", "coupon", "day"}));
        QCOMPARE(typeOf(r, "order_id"), std::string("UInt64"));
        QCOMPARE(typeOf(r, "customer"), std::string("String"));
        QCOMPARE(typeOf(r, "amount"), std::string("Float64"));
        QCOMPARE(typeOf(r, "paid"), std::string("Bool"));
        QCOMPARE(typeOf(r, "created_at"), std::string("DateTime64(3)"));
        QCOMPARE(typeOf(r, "items"), std::string("Array(Nullable(String))"));
        QCOMPARE(typeOf(r, "shipping"), std::string("String"));
        QCOMPARE(typeOf(r, "coupon"), std::string("Nullable(String)"));
        QCOMPARE(typeOf(r, "day"), std::string("Date"));
        QVERIFY2(problemAt(r, "shipping", "nested object"), dump(r).constData());
        for (const auto& c : r.columns)
            QVERIFY2(checkClickHouseType(c.type), c.type.c_str());
    }
};

QTEST_GUILESS_MAIN(TestColumnInference)
#include "tst_columninference.moc"
