// JsonSchema: what the bundled schema says about each field (the settings editor is generated from it).
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QTest>

using namespace ckstudio;

class TestJsonSchema : public QObject {
    Q_OBJECT
private slots:
    void bundledSchemaCompiles() {
        const auto schema = ConfigValidator::bundledSchema();
        QVERIFY(schema);
        QCOMPARE(schema->compileError(), std::string());
        QVERIFY(schema->document().contains("properties"));
        QCOMPARE(schema.get(), ConfigValidator::bundledSchema().get()); // compiled once
    }

    void scalarProperty() {
        const auto p = ConfigValidator::bundledSchema()->property("tables[].num_consumers");
        QVERIFY(p);
        QCOMPARE(p->name, std::string("num_consumers"));
        QCOMPARE(p->type, std::string("integer"));
        QCOMPARE(p->title, std::string("The number of consumers per table per replica"));
        QVERIFY(p->description.find("Number of Kafka consumers") == 0);
        QCOMPARE(p->defaultValue, std::optional<Json>(1));
        QCOMPARE(p->example, std::optional<Json>(4));
        QCOMPARE(p->minimum, std::optional<long long>(1));
        QCOMPARE(p->maximum, std::optional<long long>(10));
        QVERIFY(!p->required);
        QVERIFY(p->enumValues.empty());
    }

    void patternProperty() {
        const auto p = ConfigValidator::bundledSchema()->property("tables[].topics[].name");
        QVERIFY(p);
        QCOMPARE(p->pattern, std::string(R"(^(?!\.$|\.\.$)[-_.A-Za-z0-9]+$)"));
        QVERIFY(p->userError.find("Must consist of alpha-numeric characters") == 0);
        QCOMPARE(p->minLength, std::optional<std::size_t>(1));
        QCOMPARE(p->maxLength, std::optional<std::size_t>(249));
        QVERIFY(p->required);
    }

    void enumAndArrayProperties() {
        const auto schema = ConfigValidator::bundledSchema();
        const auto engine = schema->property("tables[].materialized_view.engine");
        QVERIFY(engine);
        QCOMPARE(engine->enumValues.size(), std::size_t(6));
        QCOMPARE(engine->enumValues.front(), std::string("AggregatingMergeTree"));
        QCOMPARE(engine->defaultValue, std::optional<Json>("MergeTree"));
        const auto columns = schema->property("tables[].columns");
        QVERIFY(columns);
        QCOMPARE(columns->type, std::string("array"));
        QCOMPARE(columns->maxItems, std::optional<std::size_t>(100));
        QVERIFY(columns->required);
        const auto tables = schema->property("tables");
        QVERIFY(tables);
        QCOMPARE(tables->maxItems, std::optional<std::size_t>(400));
        QVERIFY(!tables->required);
        const auto params = schema->property("tables[].materialized_view.engine_params[]");
        QVERIFY(params);
        QCOMPARE(params->maxLength, std::optional<std::size_t>(40));
    }

    void unknownPaths() {
        const auto schema = ConfigValidator::bundledSchema();
        QVERIFY(!schema->property("tables[].nope"));
        QVERIFY(!schema->property("nope"));
        QVERIFY(!schema->property("tables[].name[]"));
        QVERIFY(!schema->property("tables[].columns[].name.x"));
        QVERIFY(schema->properties("tables[].nope").empty());
    }

    void propertiesOfObjects() {
        const auto schema = ConfigValidator::bundledSchema();
        const auto root = schema->properties("");
        QCOMPARE(root.size(), std::size_t(1));
        QCOMPARE(root[0].name, std::string("tables"));
        const auto view = schema->properties("tables[].materialized_view");
        QStringList names;
        for (const auto& p : view)
            names << QString::fromStdString(p.name) + (p.required ? QStringLiteral("*") : QString());
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("database_name,engine,engine_params,local_disk_ttl_days,order_by*,ttl_column,"
                                "ttl_days,view_name*"));
        const auto column = schema->properties("tables[].columns[]");
        QCOMPARE(column.size(), std::size_t(2));
        QVERIFY(column[0].required && column[1].required);
    }

    void tableSettingsAreTheOptionalScalars() {
        const auto settings = ConfigValidator::bundledSchema()->tableSettings();
        QStringList names;
        for (const auto& p : settings)
            names << QString::fromStdString(p.name);
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("auto_offset_reset,auto_offset_reset_by_duration_ms,date_time_input_format,"
                                "handle_error_mode,max_block_size,max_rows_per_message,num_consumers,"
                                "poll_max_batch_size,poll_max_timeout_ms,producer_batch_num_messages,"
                                "producer_batch_size,producer_compression_codec,producer_compression_level,"
                                "producer_linger_ms,producer_queue_buffering_max_kbytes,"
                                "producer_queue_buffering_max_messages,producer_request_required_acks,"
                                "skip_broken_messages,thread_per_consumer"));
        for (const auto& p : settings)
            QVERIFY2(!p.title.empty() && !p.type.empty(), p.name.c_str());
        QCOMPARE(settings.back().type, std::string("boolean"));
        QCOMPARE(settings.back().defaultValue, std::optional<Json>(false));
    }

    // Patterns follow ECMA-262 as JSON schema says: "$" is the end of the input, not "before a final
    // newline".
    void patternsAnchorAtTheEnd() {
        const auto schema =
            ConfigValidator::loadSchema(Json::parse("{\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":"
                                                    "\"^[$\\\\]]+$\"},\"b\":{\"pattern\":\"x\\\\$\"}}}"),
                                        nullptr);
        QVERIFY(schema);
        const ConfigValidator validator(schema);
        QVERIFY(validator.validate(Json::parse("{\"a\":\"$]$\",\"b\":\"ax$\"}")).empty());
        const Problems problems = validator.validate(Json::parse("{\"a\":\"$$\\n\",\"b\":\"x\"}"));
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].toLine(), std::string("a: \"$$\\n\" does not match the pattern ^[$\\]]+$"));
        QCOMPARE(problems[1].toLine(), std::string("b: \"x\" does not match the pattern x\\$"));
    }

    void typeListsAndOpenObjects() {
        const JsonSchema schema(Json::parse(R"({"type":"object","properties":{
            "tables":{"type":"array","items":{"type":"object","additionalProperties":{"type":"integer"},
              "properties":{"note":{"type":["string","null"],"maximum":99999999999999999999}}}}}})"));
        QCOMPARE(schema.compileError(), std::string());
        const auto note = schema.property("tables[].note");
        QVERIFY(note);
        QCOMPARE(note->type, std::string("string or null"));
        QVERIFY(!note->maximum); // beyond what the field can hold: left unset rather than wrapped
        const auto settings = schema.tableSettings();
        QCOMPARE(settings.size(), std::size_t(1));
        QCOMPARE(settings[0].name, std::string("note"));
        const ConfigValidator validator(std::make_shared<const JsonSchema>(schema.document()));
        const Problems problems =
            validator.validate(Json::parse(R"({"tables":[{"note":null,"x":1,"y":"2"},{"note":3}]})"));
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].toLine(), std::string("tables[0].y: expected an integer, got the string \"2\""));
        QCOMPARE(problems[1].toLine(),
                 std::string("tables[1].note: expected a string or null, got the number 3"));
    }
};

QTEST_GUILESS_MAIN(TestJsonSchema)
#include "tst_jsonschema.moc"
