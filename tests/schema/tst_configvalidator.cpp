// ConfigValidator: every rule of the bundled schema (valid and invalid), the rules beyond the schema,
// warnings, document order, a custom schema, and the time to validate the largest config the schema allows.
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"
#include "schema/TableRules.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ckstudio;

namespace {

Json baseConfig() {
    return Json::parse(R"({"tables":[{"name":"events",
        "columns":[{"name":"id","type":"UInt64"},{"name":"ts","type":"DateTime"},{"name":"payload","type":"String"}],
        "topics":[{"name":"events"}],"data_format":"JSONEachRow","group_name":"clickhouse"}]})");
}

// Sets (or with "DELETE" removes) the value at a JSON pointer of the base config.
Json edited(const QString& pointer, const QString& value) {
    Json doc = baseConfig();
    const Json::json_pointer where(pointer.toStdString());
    if (value == QLatin1String("DELETE"))
        doc[where.parent_pointer()].erase(where.back());
    else
        doc[where] = Json::parse(value.toStdString());
    return doc;
}

Problems only(const Problems& problems, Problem::Severity severity) {
    Problems out;
    for (const auto& p : problems)
        if (p.severity == severity)
            out.push_back(p);
    return out;
}

QString linesOf(const Problems& problems) {
    QStringList lines;
    for (const auto& p : problems)
        lines << QString::fromStdString(p.toLine());
    return lines.join(QLatin1Char('\n'));
}

QString repeated(const char* piece, int times) {
    QString s;
    for (int i = 0; i < times; ++i)
        s += QString::fromUtf8(piece);
    return s;
}

// Line by line, so that a failure shows the first differing line in full.
void compareLines(const QString& actual, const QString& expected) {
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
        QCOMPARE(a[i], e[i]);
    QCOMPARE(a.size(), e.size());
}

QString quotedJson(const QString& s) {
    return QString::fromStdString(Json(s.toStdString()).dump());
}

} // namespace

class TestConfigValidator : public QObject {
    Q_OBJECT
private slots:
    void baseConfigIsValidWithoutWarnings() {
        const auto problems = ConfigValidator().validate(baseConfig());
        QVERIFY2(problems.empty(), qPrintable(linesOf(problems)));
    }

    // One row per schema constraint: pointer into the base config, new value (JSON, or DELETE), and the
    // single expected error (path and a part of the message), or no error when the path is empty.
    void schemaRules_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* pointer, const QString& value, const char* path,
                      const char* message) {
            QTest::newRow(name) << QString::fromUtf8(pointer) << value << QString::fromUtf8(path)
                                << QString::fromUtf8(message);
        };
        auto v = [](const char* json) { return QString::fromUtf8(json); };

        // Shapes.
        row("document not an object", "", v("[1,2]"), "", "expected an object, got an array");
        row("tables not an array", "/tables", v(R"({"name":"t"})"), "tables",
            "expected an array, got an object");
        row("tables empty", "/tables", v("[]"), "", "");
        row("table is a string", "/tables/0", v(R"("events")"), "tables[0]",
            R"(expected an object, got the string "events")");
        row("number where a string belongs", "/tables/0/name", v("5"), "tables[0].name",
            "expected a string, got the number 5");
        row("columns a string", "/tables/0/columns", v(R"("id UInt64")"), "tables[0].columns",
            "expected an array, got the string");
        row("column a string", "/tables/0/columns/1", v(R"("ts DateTime")"), "tables[0].columns[1]",
            "expected an object");
        row("topic a string", "/tables/0/topics/0", v(R"("events")"), "tables[0].topics[0]",
            "expected an object");
        row("topic name null", "/tables/0/topics/0/name", v("null"), "tables[0].topics[0].name",
            "expected a string, got null");

        // Required keys.
        for (const char* key : {"name", "columns", "topics", "data_format", "group_name"}) {
            const QByteArray name = QByteArray("missing ") + key;
            const QByteArray pointer = QByteArray("/tables/0/") + key;
            const QByteArray message = QByteArray("missing required key \"") + key + "\"";
            QTest::newRow(name.constData()) << QString::fromUtf8(pointer) << v("DELETE")
                                            << QStringLiteral("tables[0]") << QString::fromUtf8(message);
        }
        row("missing column name", "/tables/0/columns/2/name", v("DELETE"), "tables[0].columns[2]",
            R"(missing required key "name")");
        row("missing column type", "/tables/0/columns/2/type", v("DELETE"), "tables[0].columns[2]",
            R"(missing required key "type")");
        row("missing topic name", "/tables/0/topics/0/name", v("DELETE"), "tables[0].topics[0]",
            R"(missing required key "name")");

        // Lengths, counted in code points.
        row("name empty", "/tables/0/name", v(R"("")"), "tables[0].name",
            "empty; at least 1 character is required");
        row("name 40", "/tables/0/name", quotedJson(repeated("n", 40)), "", "");
        row("name 41", "/tables/0/name", quotedJson(repeated("n", 41)), "tables[0].name",
            "41 characters, more than the maximum length 40");
        row("name 40 umlauts (80 bytes)", "/tables/0/name", quotedJson(repeated("ü", 40)), "", "");
        row("name 41 umlauts", "/tables/0/name", quotedJson(repeated("ü", 41)), "tables[0].name",
            "41 characters, more than the maximum length 40");
        row("name 40 emoji (160 bytes)", "/tables/0/name", quotedJson(repeated("\xF0\x9F\x98\x80", 40)), "",
            "");
        row("column name 41", "/tables/0/columns/0/name", quotedJson(repeated("c", 41)),
            "tables[0].columns[0].name", "more than the maximum length 40");
        row("column name empty", "/tables/0/columns/0/name", v(R"("")"), "tables[0].columns[0].name",
            "empty");
        row("column type empty", "/tables/0/columns/2/type", v(R"("")"), "tables[0].columns[2].type",
            "empty");
        row("column type 1001", "/tables/0/columns/2/type", quotedJson(repeated("S", 1001)),
            "tables[0].columns[2].type", "1001 characters, more than the maximum length 1000");
        row("group_name 249", "/tables/0/group_name", quotedJson(repeated("g", 249)), "", "");
        row("group_name 250", "/tables/0/group_name", quotedJson(repeated("g", 250)), "tables[0].group_name",
            "250 characters, more than the maximum length 249");
        row("group_name empty", "/tables/0/group_name", v(R"("")"), "tables[0].group_name", "empty");
        row("topic name 249", "/tables/0/topics/0/name", quotedJson(repeated("t", 249)), "", "");
        row("topic name 250", "/tables/0/topics/0/name", quotedJson(repeated("t", 250)),
            "tables[0].topics[0].name", "250 characters, more than the maximum length 249");

        // The topic pattern, with its negative look-ahead.
        row("topic .", "/tables/0/topics/0/name", v(R"(".")"), "tables[0].topics[0].name",
            R"("." is not allowed: Must consist of alpha-numeric characters)");
        row("topic ..", "/tables/0/topics/0/name", v(R"("..")"), "tables[0].topics[0].name",
            "is not allowed");
        row("topic ...", "/tables/0/topics/0/name", v(R"("...")"), "", "");
        row("topic a.b", "/tables/0/topics/0/name", v(R"("a.b")"), "", "");
        row("topic .a", "/tables/0/topics/0/name", v(R"(".a")"), "", "");
        row("topic dash underscore", "/tables/0/topics/0/name", v(R"("A-b_9")"), "", "");
        row("topic umlaut", "/tables/0/topics/0/name", v(R"("ü")"), "tables[0].topics[0].name",
            R"("ü" is not allowed)");
        row("topic space", "/tables/0/topics/0/name", v(R"("a b")"), "tables[0].topics[0].name",
            "is not allowed");
        row("topic with a trailing newline", "/tables/0/topics/0/name", v("\"abc\\n\""),
            "tables[0].topics[0].name", "\"abc\\n\" is not allowed");
        row("topic with a leading newline", "/tables/0/topics/0/name", v("\"\\nabc\""),
            "tables[0].topics[0].name", "is not allowed");
        row("topic empty", "/tables/0/topics/0/name", v(R"("")"), "tables[0].topics[0].name", "empty");

        // Enums.
        row("data_format JSON", "/tables/0/data_format", v(R"("JSON")"), "tables[0].data_format",
            R"("JSON" is not one of Avro, AvroConfluent, CSV, JSONAsString, JSONCompactEachRow, )"
            "JSONCompactStringsEachRow, JSONEachRow, JSONStringsEachRow, MsgPack, Parquet, RawBLOB, TSKV, "
            "TSV, "
            "TabSeparated");
        row("data_format lower case", "/tables/0/data_format", v(R"("jsoneachrow")"), "tables[0].data_format",
            "is not one of");
        row("data_format Avro", "/tables/0/data_format", v(R"("Avro")"), "", "");
        row("auto_offset_reset latest", "/tables/0/auto_offset_reset", v(R"("latest")"), "", "");
        row("auto_offset_reset oldest", "/tables/0/auto_offset_reset", v(R"("oldest")"),
            "tables[0].auto_offset_reset",
            R"("oldest" is not one of beginning, earliest, end, largest, latest, smallest)");
        row("date_time_input_format best_effort", "/tables/0/date_time_input_format", v(R"("best_effort")"),
            "", "");
        row("date_time_input_format fancy", "/tables/0/date_time_input_format", v(R"("fancy")"),
            "tables[0].date_time_input_format", "is not one of basic, best_effort, best_effort_us");
        row("handle_error_mode stream", "/tables/0/handle_error_mode", v(R"("stream")"), "", "");
        row("handle_error_mode skip", "/tables/0/handle_error_mode", v(R"("skip")"),
            "tables[0].handle_error_mode", "is not one of dead_letter_queue, default, stream");
        row("producer_compression_codec zstd", "/tables/0/producer_compression_codec", v(R"("zstd")"), "",
            "");
        row("producer_compression_codec brotli", "/tables/0/producer_compression_codec", v(R"("brotli")"),
            "tables[0].producer_compression_codec", "is not one of gzip, lz4, none, snappy, zstd");
        row("enum value of another type", "/tables/0/auto_offset_reset", v("1"),
            "tables[0].auto_offset_reset", "expected a string, got the number 1");

        // Integer ranges, at both ends.
        struct Range {
            const char* key;
            long long min;
            long long max;
        };
        for (const Range& r :
             {Range{"auto_offset_reset_by_duration_ms", 0, 2147483647},
              Range{"max_block_size", 0, 1000000000}, Range{"max_rows_per_message", 1, 1000000000},
              Range{"num_consumers", 1, 10}, Range{"poll_max_batch_size", 0, 1000000000},
              Range{"poll_max_timeout_ms", 0, 30000}, Range{"producer_batch_num_messages", 1, 1000000},
              Range{"producer_batch_size", 0, 2147483647}, Range{"producer_compression_level", -1, 12},
              Range{"producer_linger_ms", 0, 900000},
              Range{"producer_queue_buffering_max_kbytes", 0, 2147483647},
              Range{"producer_queue_buffering_max_messages", 0, 2147483647},
              Range{"producer_request_required_acks", -1, 1000},
              Range{"skip_broken_messages", 0, 1000000000}}) {
            const QString pointer = QStringLiteral("/tables/0/") + QString::fromUtf8(r.key);
            const QString path = QStringLiteral("tables[0].") + QString::fromUtf8(r.key);
            const QByteArray key(r.key);
            QTest::newRow(key + " min") << pointer << QString::number(r.min) << QString() << QString();
            QTest::newRow(key + " max") << pointer << QString::number(r.max) << QString() << QString();
            QTest::newRow(key + " below")
                << pointer << QString::number(r.min - 1) << path
                << QStringLiteral("%1 is below the minimum %2").arg(r.min - 1).arg(r.min);
            QTest::newRow(key + " above")
                << pointer << QString::number(r.max + 1) << path
                << QStringLiteral("%1 is above the maximum %2").arg(r.max + 1).arg(r.max);
        }
        row("num_consumers 11", "/tables/0/num_consumers", v("11"), "tables[0].num_consumers",
            "11 is above the maximum 10");
        row("num_consumers beyond 64 bits", "/tables/0/num_consumers", v("99999999999999999999"),
            "tables[0].num_consumers", "is above the maximum 10");
        row("num_consumers beyond -64 bits", "/tables/0/num_consumers", v("-99999999999999999999"),
            "tables[0].num_consumers", "is below the minimum 1");
        row("num_consumers max uint64", "/tables/0/num_consumers", v("18446744073709551615"),
            "tables[0].num_consumers", "18446744073709551615 is above the maximum 10");
        row("num_consumers 1.0", "/tables/0/num_consumers", v("1.0"), "tables[0].num_consumers",
            "expected an integer, got the number 1.0 (write whole numbers without a decimal point");
        row("num_consumers 1e0", "/tables/0/num_consumers", v("1e0"), "tables[0].num_consumers",
            "expected an integer");
        row("num_consumers 2.5", "/tables/0/num_consumers", v("2.5"), "tables[0].num_consumers",
            "expected an integer, got the number 2.5");
        row("num_consumers string", "/tables/0/num_consumers", v(R"("4")"), "tables[0].num_consumers",
            R"(expected an integer, got the string "4")");
        row("num_consumers true", "/tables/0/num_consumers", v("true"), "tables[0].num_consumers",
            "expected an integer, got true");
        row("num_consumers null", "/tables/0/num_consumers", v("null"), "tables[0].num_consumers",
            "expected an integer, got null");

        // Booleans are not integers and integers are not booleans.
        row("thread_per_consumer true", "/tables/0/thread_per_consumer", v("true"), "", "");
        row("thread_per_consumer 1", "/tables/0/thread_per_consumer", v("1"), "tables[0].thread_per_consumer",
            "expected a boolean, got the number 1");
        row("thread_per_consumer string", "/tables/0/thread_per_consumer", v(R"("true")"),
            "tables[0].thread_per_consumer", "expected a boolean");

        // materialized_view.
        const char* mv = R"({"view_name":"events_mv","order_by":["id"]})";
        row("mv minimal", "/tables/0/materialized_view", v(mv), "", "");
        row("mv full", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id","ts"],"database_name":"analytics","engine":"ReplacingMergeTree",
                  "engine_params":["ts"],"ttl_column":"ts","ttl_days":30,"local_disk_ttl_days":7})"),
            "", "");
        row("mv a string", "/tables/0/materialized_view", v(R"("events_mv")"), "tables[0].materialized_view",
            "expected an object");
        row("mv missing view_name", "/tables/0/materialized_view", v(R"({"order_by":["id"]})"),
            "tables[0].materialized_view", R"(missing required key "view_name")");
        row("mv missing order_by", "/tables/0/materialized_view", v(R"({"view_name":"v"})"),
            "tables[0].materialized_view", R"(missing required key "order_by")");
        row("mv view_name 41", "/tables/0/materialized_view",
            QStringLiteral(R"({"view_name":%1,"order_by":["id"]})").arg(quotedJson(repeated("v", 41))),
            "tables[0].materialized_view.view_name", "more than the maximum length 40");
        row("mv order_by a string", "/tables/0/materialized_view", v(R"({"view_name":"v","order_by":"id"})"),
            "tables[0].materialized_view.order_by", "expected an array");
        row("mv order_by item a number", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":[1]})"), "tables[0].materialized_view.order_by[0]",
            "expected a string, got the number 1");
        row("mv engine Log", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"engine":"Log"})"), "tables[0].materialized_view.engine",
            R"("Log" is not one of AggregatingMergeTree, CollapsingMergeTree, MergeTree, ReplacingMergeTree, )"
            "SummingMergeTree, VersionedCollapsingMergeTree");
        row("mv engine_params 11", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"engine":"SummingMergeTree",
                  "engine_params":["id","id","id","id","id","id","id","id","id","id","id"]})"),
            "tables[0].materialized_view.engine_params", "11 items, more than the maximum 10");
        row("mv database_name empty", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"database_name":""})"),
            "tables[0].materialized_view.database_name", "empty");
        row("mv ttl_days 0", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"ttl_column":"ts","ttl_days":0})"),
            "tables[0].materialized_view.ttl_days", "0 is below the minimum 1");
        row("mv ttl_days 36501", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"ttl_column":"ts","ttl_days":36501})"),
            "tables[0].materialized_view.ttl_days", "36501 is above the maximum 36500");
        row("mv local_disk_ttl_days 0", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"ttl_column":"ts","local_disk_ttl_days":0})"),
            "tables[0].materialized_view.local_disk_ttl_days", "0 is below the minimum 1");

        // Unknown keys at every level: the API rejects them.
        row("unknown root key", "/extra", v("1"), "extra", R"(unknown key "extra"; allowed keys: tables)");
        row("unknown table key", "/tables/0/consumers", v("2"), "tables[0].consumers",
            R"(unknown key "consumers"; allowed keys: auto_offset_reset, auto_offset_reset_by_duration_ms, )");
        row("misspelt table key", "/tables/0/num_consumer", v("2"), "tables[0].num_consumer",
            R"(unknown key "num_consumer" (did you mean "num_consumers"?); allowed keys:)");
        row("unknown column key", "/tables/0/columns/0/codec", v(R"("ZSTD")"), "tables[0].columns[0].codec",
            R"(unknown key "codec"; allowed keys: name, type)");
        row("unknown topic key", "/tables/0/topics/0/partitions", v("3"), "tables[0].topics[0].partitions",
            R"(unknown key "partitions"; allowed keys: name)");
        row("unknown mv key", "/tables/0/materialized_view",
            v(R"({"view_name":"v","order_by":["id"],"x":1})"), "tables[0].materialized_view.x",
            R"(unknown key "x"; allowed keys: database_name, engine, engine_params,)");
        row("unknown key with a dot", "/tables/0/a.b", v("1"), R"(tables[0]["a.b"])", R"(unknown key "a.b")");
    }
    void schemaRules() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Json doc = pointer.isEmpty() ? Json::parse(value.toStdString()) : edited(pointer, value);
        const Problems errors = only(ConfigValidator().validate(doc), Problem::Severity::Error);
        if (path.isEmpty() && message.isEmpty()) {
            QVERIFY2(errors.empty(), qPrintable(linesOf(errors)));
            return;
        }
        QVERIFY2(errors.size() == 1, qPrintable(linesOf(errors)));
        QCOMPARE(QString::fromStdString(errors[0].path), path);
        QVERIFY2(QString::fromStdString(errors[0].message).contains(message), qPrintable(linesOf(errors)));
    }

    void itemCounts_data() {
        QTest::addColumn<QString>("list");
        QTest::addColumn<int>("allowed");
        QTest::newRow("tables") << QStringLiteral("tables") << 400;
        QTest::newRow("columns") << QStringLiteral("columns") << 100;
        QTest::newRow("topics") << QStringLiteral("topics") << 100;
        QTest::newRow("order_by") << QStringLiteral("order_by") << 100;
    }
    void itemCounts() {
        QFETCH(QString, list);
        QFETCH(int, allowed);
        for (int count : {allowed, allowed + 1}) {
            Json doc = baseConfig();
            Json& table = doc["tables"][0];
            table["materialized_view"] = Json::parse(R"({"view_name":"v","order_by":[]})");
            std::string path;
            for (int i = 0; i < count; ++i) {
                const std::string n = std::to_string(i);
                if (list == QLatin1String("tables")) {
                    Json t = baseConfig()["tables"][0];
                    t["name"] = "t" + n;
                    t["topics"][0]["name"] = "topic" + n;
                    if (i > 0)
                        doc["tables"].push_back(t);
                    path = "tables";
                } else if (list == QLatin1String("columns")) {
                    if (i >= 3)
                        table["columns"].push_back({{"name", "c" + n}, {"type", "String"}});
                    path = "tables[0].columns";
                } else if (list == QLatin1String("topics")) {
                    if (i >= 1)
                        table["topics"].push_back({{"name", "topic" + n}});
                    path = "tables[0].topics";
                } else {
                    table["materialized_view"]["order_by"].push_back("id");
                    path = "tables[0].materialized_view.order_by";
                }
            }
            const Problems errors = only(ConfigValidator().validate(doc), Problem::Severity::Error);
            if (count == allowed) {
                QVERIFY2(errors.empty(), qPrintable(linesOf(errors)));
            } else {
                QVERIFY2(errors.size() == 1, qPrintable(linesOf(errors)));
                QCOMPARE(errors[0].path, path);
                QCOMPARE(errors[0].message,
                         std::to_string(count) + " items, more than the maximum " + std::to_string(allowed));
            }
        }
    }

    // Rules the schema cannot express: one row per rule with the expected error.
    void beyondSchema_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* pointer, const char* value, const char* path,
                      const char* message) {
            QTest::newRow(name) << QString::fromUtf8(pointer) << QString::fromUtf8(value)
                                << QString::fromUtf8(path) << QString::fromUtf8(message);
        };
        row("no columns", "/tables/0/columns", "[]", "tables[0].columns", "at least one column is required");
        row("no topics", "/tables/0/topics", "[]", "tables[0].topics", "at least one topic is required");
        row("duplicate column", "/tables/0/columns/2/name", R"("id")", "tables[0].columns[2].name",
            R"(duplicate column name "id" (first at columns[0]))");
        row("duplicate topic", "/tables/0/topics", R"([{"name":"a"},{"name":"b"},{"name":"a"}])",
            "tables[0].topics[2].name", R"(duplicate topic "a" (first at topics[0]))");
        row("order_by not a column", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id","tss"]})", "tables[0].materialized_view.order_by[1]",
            R"(ORDER BY column "tss" is not a column of this table; columns: id, ts, payload)");
        row("engine_params not a column", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"engine":"CollapsingMergeTree","engine_params":["sign"]})",
            "tables[0].materialized_view.engine_params[0]", R"(engine parameter "sign" is not a column)");
        row("ttl_column not a column", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"ttl_column":"created","ttl_days":3})",
            "tables[0].materialized_view.ttl_column",
            R"(TTL column "created" is not a column of this table)");
        row("ttl_days without ttl_column", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"ttl_days":3})", "tables[0].materialized_view.ttl_days",
            "ttl_days needs ttl_column");
        row("local_disk_ttl_days without ttl_column", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"local_disk_ttl_days":3})",
            "tables[0].materialized_view.local_disk_ttl_days", "local_disk_ttl_days needs ttl_column");
        row("view in the integration database", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"database_name":"service_my-kafka"})",
            "tables[0].materialized_view.database_name",
            R"("service_my-kafka" is the Kafka integration's database)");
        row("columns case differ", "/tables/0/columns/2/name", R"("ID")", "", "");
        // Column types go through the ClickHouse type parser; positions are 1-based.
        row("type typo", "/tables/0/columns/2/type", R"("Strin")", "tables[0].columns[2].type",
            "unknown type family 'Strin' (did you mean String?) at position 1");
        row("nested type typo", "/tables/0/columns/2/type", "\"Array(Nullable(Strng))\"",
            "tables[0].columns[2].type", "unknown type family 'Strng' (did you mean String?) at position 16");
        row("type unclosed", "/tables/0/columns/2/type", "\"Map(String, UInt64\"",
            "tables[0].columns[2].type", "expected ')' to close Map(...), got end of input at position 19");
        row("decimal out of range", "/tables/0/columns/2/type", "\"Decimal(80, 2)\"",
            "tables[0].columns[2].type", "Decimal precision must be 1..76, got 80 at position 9");
        row("valid nested type", "/tables/0/columns/2/type",
            "\"Map(LowCardinality(String), Array(Tuple(a Nullable(Decimal(18, 4)), b DateTime64(3, "
            "'UTC'))))\"",
            "", "");
        row("type alias", "/tables/0/columns/2/type", R"("BIGINT")", "", "");
    }
    void beyondSchema() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Problems errors =
            only(ConfigValidator().validate(edited(pointer, value)), Problem::Severity::Error);
        if (path.isEmpty()) {
            QVERIFY2(errors.empty(), qPrintable(linesOf(errors)));
            return;
        }
        QVERIFY2(errors.size() == 1, qPrintable(linesOf(errors)));
        QCOMPARE(QString::fromStdString(errors[0].path), path);
        QVERIFY2(QString::fromStdString(errors[0].message).contains(message), qPrintable(linesOf(errors)));
    }

    void engineParameters_data() {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("expected"); // the error lines, empty when valid
        auto row = [](const char* name, const char* view, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(view) << QString::fromUtf8(expected);
        };
        row("MergeTree by default", R"({"view_name":"v","order_by":["id"]})", "");
        row("MergeTree with a parameter", R"({"view_name":"v","order_by":["id"],"engine_params":["ts"]})",
            "tables[0].materialized_view.engine_params: MergeTree takes no engine_params, got 1");
        row("Aggregating with a parameter",
            R"({"view_name":"v","order_by":["id"],"engine":"AggregatingMergeTree","engine_params":["ts"]})",
            "tables[0].materialized_view.engine_params: AggregatingMergeTree takes no engine_params, got 1");
        row("Summing with columns",
            R"({"view_name":"v","order_by":["id"],"engine":"SummingMergeTree","engine_params":["id","ts"]})",
            "");
        row("Replacing without version",
            R"({"view_name":"v","order_by":["id"],"engine":"ReplacingMergeTree"})", "");
        row("Replacing with three",
            R"({"view_name":"v","order_by":["id"],"engine":"ReplacingMergeTree","engine_params":["ts","id","sign"]})",
            "tables[0].materialized_view.engine_params: ReplacingMergeTree takes at most two engine_params "
            "(the "
            "version column, then is_deleted), got 3");
        row("Collapsing without sign",
            R"({"view_name":"v","order_by":["id"],"engine":"CollapsingMergeTree"})",
            "tables[0].materialized_view.engine: CollapsingMergeTree takes exactly one engine parameter (the "
            "sign "
            "column); engine_params is missing");
        row("Collapsing with sign",
            R"({"view_name":"v","order_by":["id"],"engine":"CollapsingMergeTree","engine_params":["sign"]})",
            "");
        row("Collapsing with a String sign",
            R"({"view_name":"v","order_by":["id"],"engine":"CollapsingMergeTree","engine_params":["payload"]})",
            "tables[0].materialized_view.engine_params[0]: the sign column \"payload\" is \"String\"; "
            "CollapsingMergeTree needs an Int8 sign column (1 or -1)");
        row("Versioned with one",
            R"({"view_name":"v","order_by":["id"],"engine":"VersionedCollapsingMergeTree","engine_params":["sign"]})",
            "tables[0].materialized_view.engine_params: VersionedCollapsingMergeTree takes exactly two "
            "engine_params (the sign column, then the version column), got 1");
        row("Versioned with two",
            R"({"view_name":"v","order_by":["id"],"engine":"VersionedCollapsingMergeTree",
                                      "engine_params":["sign","ts"]})",
            "");
    }
    void engineParameters() {
        QFETCH(QString, view);
        QFETCH(QString, expected);
        Json doc = baseConfig();
        doc["tables"][0]["columns"].push_back({{"name", "sign"}, {"type", "Int8"}});
        doc["tables"][0]["materialized_view"] = Json::parse(view.toStdString());
        compareLines(linesOf(only(ConfigValidator().validate(doc), Problem::Severity::Error)), expected);
    }

    void duplicatesAcrossTables() {
        Json doc = baseConfig();
        Json second = doc["tables"][0];
        second["group_name"] = "other";
        second["materialized_view"] = Json::parse(R"({"view_name":"v","order_by":["id"]})");
        doc["tables"][0]["materialized_view"] = Json::parse(R"({"view_name":"v","order_by":["id"]})");
        doc["tables"].push_back(second);
        const Problems errors = only(ConfigValidator().validate(doc), Problem::Severity::Error);
        QCOMPARE(linesOf(errors),
                 QStringLiteral("tables[1].name: duplicate table name \"events\" (first at tables[0])\n"
                                "tables[1].materialized_view.view_name: duplicate materialized view "
                                "\"default.v\" (first at tables[0])"));
        // Same view name in another database is fine.
        doc["tables"][1]["materialized_view"]["database_name"] = "analytics";
        doc["tables"][1]["name"] = "events2";
        const Problems after = only(ConfigValidator().validate(doc), Problem::Severity::Error);
        QVERIFY2(after.empty(), qPrintable(linesOf(after)));
        // validateTable is table-local: no cross-table findings.
        doc["tables"][1]["name"] = "events";
        QVERIFY(only(ConfigValidator().validateTable(doc["tables"][1], 1), Problem::Severity::Error).empty());
    }

    void warnings_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* pointer, const char* value, const char* path,
                      const char* message) {
            QTest::newRow(name) << QString::fromUtf8(pointer) << QString::fromUtf8(value)
                                << QString::fromUtf8(path) << QString::fromUtf8(message);
        };
        for (const char* format :
             {"CSV", "TSV", "TabSeparated", "JSONCompactEachRow", "JSONCompactStringsEachRow"}) {
            const QByteArray value = QByteArray("\"") + format + "\"";
            QTest::newRow(format) << QStringLiteral("/tables/0/data_format") << QString::fromUtf8(value)
                                  << QStringLiteral("tables[0].data_format")
                                  << QString::fromUtf8(format) +
                                         QStringLiteral(" maps message fields to columns by "
                                                        "position, not by name");
        }
        row("JSONEachRow is by name", "/tables/0/data_format", R"("JSONEachRow")", "", "");
        row("Avro is by name", "/tables/0/data_format", R"("Avro")", "", "");
        row("dead letter queue", "/tables/0/handle_error_mode", R"("dead_letter_queue")",
            "tables[0].handle_error_mode", "dead_letter_queue needs ClickHouse 25.8 or newer");
        row("offset by duration", "/tables/0/auto_offset_reset_by_duration_ms", "60000",
            "tables[0].auto_offset_reset_by_duration_ms", "needs ClickHouse 25.8 or newer");
        row("offset by duration 0", "/tables/0/auto_offset_reset_by_duration_ms", "0", "", "");
        row("num_consumers 1", "/tables/0/num_consumers", "1", "", "");
        row("num_consumers 4", "/tables/0/num_consumers", "4", "tables[0].num_consumers",
            "4 consumers: each one reads its own partitions");
        row("ttl column not a date", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"ttl_column":"payload","ttl_days":3})",
            "tables[0].materialized_view.ttl_column",
            R"(column "payload" is "String"; a TTL counts from a Date or DateTime column)");
        row("ttl column a date", "/tables/0/materialized_view",
            R"({"view_name":"v","order_by":["id"],"ttl_column":"ts","ttl_days":3})", "", "");
    }
    void warnings() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Problems problems = ConfigValidator().validate(edited(pointer, value));
        QVERIFY2(!hasErrors(problems), qPrintable(linesOf(problems)));
        const Problems warnings = only(problems, Problem::Severity::Warning);
        if (path.isEmpty()) {
            QVERIFY2(warnings.empty(), qPrintable(linesOf(warnings)));
            return;
        }
        QVERIFY2(warnings.size() == 1, qPrintable(linesOf(warnings)));
        QCOMPARE(QString::fromStdString(warnings[0].path), path);
        QVERIFY2(QString::fromStdString(warnings[0].message).contains(message),
                 qPrintable(linesOf(warnings)));
    }

    // With a target version, the settings and column types that version cannot take are warnings at their
    // path, naming the version (or setting) they need; what it can take is quiet.
    void targetVersionWarnings_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");     // empty: no warning
        QTest::addColumn<QStringList>("says"); // each part of the one warning
        auto row = [](const char* name, const char* target, const char* pointer, const char* value,
                      const char* path, QStringList says) {
            QTest::newRow(name) << QString::fromUtf8(target) << QString::fromUtf8(pointer)
                                << QString::fromUtf8(value) << QString::fromUtf8(path) << says;
        };
        const char* dlq = R"("dead_letter_queue")";
        row("dlq on 25.3", "25.3", "/tables/0/handle_error_mode", dlq, "tables[0].handle_error_mode",
            {QStringLiteral(
                 "dead_letter_queue needs ClickHouse 25.8 or newer; the target is ClickHouse 25.3"),
             QStringLiteral("<dead_letter_queue> in the server config")});
        row("dlq on 25.8", "25.8", "/tables/0/handle_error_mode", dlq, "", {});
        row("dlq on 26.3.4.1", "26.3.4.1", "/tables/0/handle_error_mode", dlq, "", {});
        row("stream on 24.3", "24.3", "/tables/0/handle_error_mode", R"("stream")", "", {});
        row("by duration on 24.8", "24.8", "/tables/0/auto_offset_reset_by_duration_ms", "60000",
            "tables[0].auto_offset_reset_by_duration_ms",
            {QStringLiteral(
                "needs ClickHouse 25.8 or newer; the target is ClickHouse 24.8; older versions start "
                "from auto_offset_reset")});
        row("by duration on 25.8", "25.8", "/tables/0/auto_offset_reset_by_duration_ms", "60000", "", {});
        row("by duration 0 on 24.8", "24.8", "/tables/0/auto_offset_reset_by_duration_ms", "0", "", {});
        row("JSON on 24.8", "24.8", "/tables/0/columns/2/type", R"("JSON")", "tables[0].columns[2].type",
            {QStringLiteral("JSON needs ClickHouse 25.3 (or allow_experimental_json_type=1 on 24.8+)"),
             QStringLiteral("the target is ClickHouse 24.8")});
        row("JSON on 25.3", "25.3", "/tables/0/columns/2/type", R"("JSON")", "", {});
        row("nested Variant on 24.12", "24.12", "/tables/0/columns/2/type",
            R"j("Array(Variant(String, UInt8))")j", "tables[0].columns[2].type",
            {QStringLiteral("Variant needs ClickHouse 25.3 (or allow_experimental_variant_type=1"),
             QStringLiteral("the target is ClickHouse 24.12")});
        row("Dynamic on 25.1", "25.1", "/tables/0/columns/2/type", R"("Dynamic")",
            "tables[0].columns[2].type", {QStringLiteral("Dynamic needs ClickHouse 25.3")});
        row("Time on 25.8", "25.8", "/tables/0/columns/1/type", R"("Time")", "tables[0].columns[1].type",
            {QStringLiteral("Time needs ClickHouse 25.12 (or enable_time_time64_type=1 on 25.6+)")});
        row("Time on 26.3", "26.3", "/tables/0/columns/1/type", R"("Time")", "", {});
        row("BFloat16 on 24.8", "24.8", "/tables/0/columns/2/type", R"("BFloat16")",
            "tables[0].columns[2].type", {QStringLiteral("BFloat16 needs ClickHouse 25.1")});
        row("String on 18.16", "18.16", "/tables/0/columns/2/type", R"("String")", "", {});
        // Without a target, the settings are warned about as before and the types are not.
        row("dlq, no target", "", "/tables/0/handle_error_mode", dlq, "tables[0].handle_error_mode",
            {QStringLiteral(
                "dead_letter_queue needs ClickHouse 25.8 or newer (on Aiven; upstream ClickHouse has it "
                "from 25.1 and needs <dead_letter_queue> in the server config")});
        row("JSON, no target", "", "/tables/0/columns/2/type", R"("JSON")", "", {});
    }
    void targetVersionWarnings() {
        QFETCH(QString, target);
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QStringList, says);
        ConfigValidator validator;
        if (!target.isEmpty()) {
            const auto version = parseServerVersion(target.toStdString());
            QVERIFY(version);
            validator.setTargetVersion(version);
        }
        const Json doc = edited(pointer, value);
        // The whole document and the one table (live validation while editing) say the same.
        for (const Problems& problems :
             {validator.validate(doc), validator.validateTable(doc["tables"][0], 0)}) {
            QVERIFY2(!hasErrors(problems), qPrintable(linesOf(problems)));
            const Problems warnings = only(problems, Problem::Severity::Warning);
            if (path.isEmpty()) {
                QVERIFY2(warnings.empty(), qPrintable(linesOf(warnings)));
                continue;
            }
            QVERIFY2(warnings.size() == 1, qPrintable(linesOf(warnings)));
            QCOMPARE(QString::fromStdString(warnings[0].path), path);
            for (const QString& part : says)
                QVERIFY2(QString::fromStdString(warnings[0].message).contains(part),
                         qPrintable(linesOf(warnings)));
        }
    }

    void serverVersionsParse() {
        using V = std::optional<MajorMinorVersion>;
        QCOMPARE(parseServerVersion("25.8"), V(MajorMinorVersion{25, 8}));
        QCOMPARE(parseServerVersion("26.5.1.1"), V(MajorMinorVersion{26, 5}));
        QCOMPARE(parseServerVersion("v24.12"), V(MajorMinorVersion{24, 12}));
        QCOMPARE(parseServerVersion("25.8-aiven"), V(MajorMinorVersion{25, 8}));
        for (const char* bad : {"", "25", "25.", ".8", "x.y", "25 .8", "1234567.1"})
            QVERIFY2(!parseServerVersion(bad), bad);
    }

    void sharedConsumerGroupWarns() {
        Json doc = baseConfig();
        Json second = doc["tables"][0];
        second["name"] = "events_copy";
        doc["tables"].push_back(second);
        Problems warnings = only(ConfigValidator().validate(doc), Problem::Severity::Warning);
        QCOMPARE(linesOf(warnings),
                 QStringLiteral("tables[1].group_name: tables[0] reads topic \"events\" in the same "
                                "consumer group \"clickhouse\": the two tables split its messages "
                                "instead of each getting all of them"));
        doc["tables"][1]["group_name"] = "copy";
        QVERIFY(ConfigValidator().validate(doc).empty());
    }

    void reorderedColumnsWarnForPositionalFormats() {
        UserConfig base =
            userConfigFromJson(edited(QStringLiteral("/tables/0/data_format"), QStringLiteral("\"CSV\"")));
        UserConfig swapped = base;
        std::swap(swapped.tables[0].columns[0], swapped.tables[0].columns[1]);
        Problems warnings = reorderWarnings(base, swapped);
        QCOMPARE(
            linesOf(warnings),
            QStringLiteral("tables[0].columns: column positions changed (was id, ts, payload; now ts, id, "
                           "payload): CSV maps fields by position, so messages in the old layout land in the "
                           "wrong columns"));
        QCOMPARE(warnings[0].severity, Problem::Severity::Warning);

        UserConfig inserted = base;
        inserted.tables[0].columns.insert(inserted.tables[0].columns.begin() + 1,
                                          Column{"x", "String", Json::object(), {}, {}});
        QCOMPARE(reorderWarnings(base, inserted).size(), std::size_t(1));

        UserConfig appended = base; // appending keeps every existing field where it was
        appended.tables[0].columns.push_back(Column{"x", "String", Json::object(), {}, {}});
        QVERIFY(reorderWarnings(base, appended).empty());

        UserConfig byName = swapped; // JSONEachRow matches by name
        byName.tables[0].dataFormat = "JSONEachRow";
        QVERIFY(reorderWarnings(base, byName).empty());

        UserConfig renamed = swapped; // a new table has no old layout
        renamed.tables[0].name = "other";
        QVERIFY(reorderWarnings(base, renamed).empty());
    }

    void problemsComeInDocumentOrder() {
        const Json doc = Json::parse(R"({"tables":[
            {"name":"","zzz":1,"columns":[{"name":"a","type":"String"},{"name":"a","type":""}],
             "topics":[],"data_format":"CSV","group_name":"g",
             "materialized_view":{"view_name":"v","order_by":["nope"],"ttl_days":2}},
            {"topics":[{"name":".."}],"name":"","columns":[{"name":"b","type":"String"}],"data_format":"X"}
        ],"extra":true})");
        compareLines(
            linesOf(ConfigValidator().validate(doc)),
            QStringLiteral(
                "tables[0].name: empty; at least 1 character is required\n"
                "tables[0].zzz: unknown key \"zzz\"; allowed keys: auto_offset_reset, "
                "auto_offset_reset_by_duration_ms, columns, data_format, date_time_input_format, group_name, "
                "handle_error_mode, materialized_view, max_block_size, max_rows_per_message, name, "
                "num_consumers, poll_max_batch_size, poll_max_timeout_ms, producer_batch_num_messages, "
                "producer_batch_size, producer_compression_codec, producer_compression_level, "
                "producer_linger_ms, producer_queue_buffering_max_kbytes, "
                "producer_queue_buffering_max_messages, "
                "producer_request_required_acks, skip_broken_messages, thread_per_consumer, topics\n"
                "tables[0].columns[1].name: duplicate column name \"a\" (first at columns[0])\n"
                "tables[0].columns[1].type: empty; at least 1 character is required\n"
                "tables[0].topics: at least one topic is required\n"
                "tables[0].data_format: CSV maps message fields to columns by position, not by name: keep "
                "the "
                "columns in the order of the fields in the messages\n"
                "tables[0].materialized_view.order_by[0]: ORDER BY column \"nope\" is not a column of this "
                "table; columns: a, a\n"
                "tables[0].materialized_view.ttl_days: ttl_days needs ttl_column, the Date or DateTime "
                "column "
                "the TTL counts from\n"
                "tables[1]: missing required key \"group_name\"\n"
                "tables[1].topics[0].name: \"..\" is not allowed: Must consist of alpha-numeric characters, "
                "underscores, dashes or dots, max 249 characters\n"
                "tables[1].name: empty; at least 1 character is required\n"
                "tables[1].data_format: \"X\" is not one of Avro, AvroConfluent, CSV, JSONAsString, "
                "JSONCompactEachRow, JSONCompactStringsEachRow, JSONEachRow, JSONStringsEachRow, MsgPack, "
                "Parquet, RawBLOB, TSKV, TSV, TabSeparated\n"
                "extra: unknown key \"extra\"; allowed keys: tables"));
    }

    void validateTableMatchesDocumentFindings() {
        Json doc = edited(QStringLiteral("/tables/0/num_consumers"), QStringLiteral("11"));
        doc["tables"][0]["columns"][1]["name"] = "id";
        doc["tables"].insert(doc["tables"].begin(), baseConfig()["tables"][0]);
        doc["tables"][0]["name"] = "first";
        doc["tables"][0]["group_name"] = "first";
        const Problems whole = ConfigValidator().validate(doc);
        const Problems one = ConfigValidator().validateTable(doc["tables"][1], 1);
        QCOMPARE(linesOf(one), linesOf(whole));
        QCOMPARE(linesOf(one),
                 QStringLiteral("tables[1].columns[1].name: duplicate column name \"id\" (first at "
                                "columns[0])\ntables[1].num_consumers: 11 is above the maximum 10"));
        QCOMPARE(linesOf(ConfigValidator().validateTable(Json("t"), 7)),
                 QStringLiteral("tables[7]: expected an object, got the string \"t\""));
    }

    void customSchemaDrivesTheRules() {
        Json document = ConfigValidator::bundledSchema()->document();
        Json& table = document["properties"]["tables"]["items"];
        table["properties"]["num_consumers"]["maximum"] = 4;
        table["additionalProperties"] = true;
        table["required"].push_back("owner");
        table["properties"]["owner"] = Json::parse(R"({"type":"string","pattern":"^[a-z]+$"})");
        std::string error;
        auto schema = ConfigValidator::loadSchema(document, &error);
        QVERIFY2(schema, error.c_str());
        Json doc = edited(QStringLiteral("/tables/0/num_consumers"), QStringLiteral("5"));
        doc["tables"][0]["anything"] = 1; // open now
        doc["tables"][0]["owner"] = "Team A";
        QCOMPARE(linesOf(only(ConfigValidator(schema).validate(doc), Problem::Severity::Error)),
                 QStringLiteral("tables[0].num_consumers: 5 is above the maximum 4\n"
                                "tables[0].owner: \"Team A\" does not match the pattern ^[a-z]+$"));
        doc["tables"][0].erase("owner");
        QCOMPARE(linesOf(only(ConfigValidator(schema).validate(doc), Problem::Severity::Error)),
                 QStringLiteral("tables[0]: missing required key \"owner\"\n"
                                "tables[0].num_consumers: 5 is above the maximum 4"));
        // The bundled schema is untouched.
        const QString bundled = linesOf(only(ConfigValidator().validate(doc), Problem::Severity::Error));
        QVERIFY2(bundled.startsWith(QStringLiteral("tables[0].anything: unknown key \"anything\"")),
                 qPrintable(bundled));
        QVERIFY2(!bundled.contains(QLatin1Char('\n')), qPrintable(bundled));
    }

    void unusableSchemasAreRefused_data() {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an object")
            << QStringLiteral("[]") << QStringLiteral("(schema): expected a schema object");
        QTest::newRow("array root") << QStringLiteral(R"({"type":"array"})")
                                    << QStringLiteral("type: a user_config schema describes an object");
        QTest::newRow("unknown type")
            << QStringLiteral(R"({"type":"object","properties":{"a":{"type":"strin"}}})")
            << QStringLiteral("properties.a.type: unknown type \"strin\"");
        QTest::newRow("bad maxLength")
            << QStringLiteral(
                   R"({"properties":{"tables":{"items":{"properties":{"n":{"maxLength":"40"}}}}}})")
            << QStringLiteral(
                   "properties.tables.items.properties.n.maxLength: expected a non-negative integer, got "
                   "the string \"40\"");
        QTest::newRow("bad pattern") << QStringLiteral("{\"properties\":{\"a\":{\"pattern\":\"(\\u005b\"}}}")
                                     << QStringLiteral(
                                            "properties.a.pattern: not a valid regular expression");
        QTest::newRow("bad required") << QStringLiteral(R"({"required":"tables"})")
                                      << QStringLiteral("required: expected a list of keys");
        QTest::newRow("bad minimum") << QStringLiteral(R"({"properties":{"a":{"minimum":"1"}}})")
                                     << QStringLiteral("properties.a.minimum: expected a number");
        QTest::newRow("tuple items") << QStringLiteral(R"({"properties":{"a":{"items":[{}]}}})")
                                     << QStringLiteral("properties.a.items: expected one schema object");
    }
    void unusableSchemasAreRefused() {
        QFETCH(QString, schema);
        QFETCH(QString, error);
        std::string message;
        QVERIFY(!ConfigValidator::loadSchema(Json::parse(schema.toStdString()), &message));
        QVERIFY2(QString::fromStdString(message).startsWith(error), message.c_str());
    }

    // The largest config the schema allows: 400 tables x 100 columns x 100 topics, plus a view each.
    void largestConfigIsFast() {
        Json doc = {{"tables", Json::array()}};
        for (int t = 0; t < 400; ++t) {
            Json table = {{"name", "table_" + std::to_string(t)},
                          {"columns", Json::array()},
                          {"topics", Json::array()},
                          {"data_format", "JSONEachRow"},
                          {"group_name", "group_" + std::to_string(t)},
                          {"num_consumers", 1}};
            for (int c = 0; c < 100; ++c)
                table["columns"].push_back(
                    {{"name", "column_number_" + std::to_string(c)},
                     {"type", c % 2 ? "Nullable(String)" : "Array(LowCardinality(String))"}});
            for (int k = 0; k < 100; ++k)
                table["topics"].push_back({{"name", "topic." + std::to_string(t) + "-" + std::to_string(k)}});
            table["materialized_view"] = {{"view_name", "mv_" + std::to_string(t)},
                                          {"order_by", {"column_number_0", "column_number_1"}}};
            doc["tables"].push_back(std::move(table));
        }
        const ConfigValidator validator;
        validator.validate(baseConfig()); // schema compiled before timing
        QElapsedTimer timer;
        timer.start();
        const Problems problems = validator.validate(doc);
        const qint64 ms = timer.elapsed();
        QVERIFY2(problems.empty(), qPrintable(linesOf(problems).left(2000)));
        qInfo("validated 400 tables x 100 columns x 100 topics in %lld ms", ms);

        // The same size with an error in every column still reports quickly and in full.
        for (auto& table : doc["tables"])
            for (auto& column : table["columns"])
                column["name"] = "";
        timer.restart();
        const Problems many = validator.validate(doc);
        qInfo("validated it with %zu errors in %lld ms", many.size(), timer.elapsed());
        QVERIFY(many.size() >= 40000);
        QCOMPARE(many.front().path, std::string("tables[0].columns[0].name"));
    }
};

QTEST_GUILESS_MAIN(TestConfigValidator)
#include "tst_configvalidator.moc"
