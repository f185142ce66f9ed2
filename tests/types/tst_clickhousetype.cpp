// The ClickHouse type parser: every family, alias, parameter range and nesting rule, error offsets and the
// canonical form (reference/clickhouse.md §4).
#include "TypeCorpus.h"
#include "types/ClickHouseType.h"

#include <QTest>
#include <algorithm>

using namespace ckstudio;

namespace {
QByteArray describe(const TypeCheckResult& r) {
    if (r)
        return QByteArray("valid: ") + r.type->toString().c_str();
    return QByteArray("error at ") + QByteArray::number(qulonglong(r.errorOffset)) + ": " + r.error.c_str();
}
} // namespace

class TestClickHouseType : public QObject {
    Q_OBJECT
private slots:
    void validTypes_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        auto row = [](const char* in, const char* canonical) {
            QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(canonical);
        };
        test::forEachValidType(row);
    }

    void validTypes() {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        const auto r = checkClickHouseType(input.toStdString());
        QVERIFY2(r, describe(r).constData());
        QCOMPARE(QString::fromStdString(r.type->toString()), canonical);
        // The canonical form is itself valid and a fixed point.
        const auto again = checkClickHouseType(r.type->toString());
        QVERIFY2(again, describe(again).constData());
        QCOMPARE(QString::fromStdString(again.type->toString()), canonical);
    }

    void invalidTypes_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message"); // a part of the message that must appear
        auto row = [](const char* name, const char* in, int offset, const char* message) {
            QTest::newRow(name) << QString::fromUtf8(in) << offset << QString::fromUtf8(message);
        };
        test::forEachInvalidType(row);
    }

    void invalidTypes() {
        QFETCH(QString, input);
        QFETCH(int, offset);
        QFETCH(QString, message);
        const auto r = checkClickHouseType(input.toStdString());
        QVERIFY2(!r, describe(r).constData());
        QVERIFY(!r.type);
        QVERIFY2(QString::fromStdString(r.error).contains(message), describe(r).constData());
        QCOMPARE(int(r.errorOffset), offset);
    }

    // Refusals of types 26.5 accepts but silently changes carry the lint's name; other refusals none.
    void deliberateLints_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("lint");
        QTest::newRow("enum8 wraps") << "Enum8('a' = 200)"
                                     << "enum-value-wraps";
        QTest::newRow("enum16 wraps") << "Enum16('a' = 40000)"
                                      << "enum-value-wraps";
        QTest::newRow("enum wraps") << "Enum('a' = 1, 'b' = -70000)"
                                    << "enum-value-wraps";
        QTest::newRow("datetime second argument") << "DateTime('UTC', 1)"
                                                  << "argument-ignored";
        QTest::newRow("datetime64 numeric zone") << "DateTime64(3, 3)"
                                                 << "argument-ignored";
        QTest::newRow("enum numbered out of range") << "Enum8('a' = 127, 'b')"
                                                    << "";
        QTest::newRow("unknown family") << "Strnig"
                                        << "";
        QTest::newRow("decimal range") << "Decimal(80, 2)"
                                       << "";
    }

    void deliberateLints() {
        QFETCH(QString, input);
        QFETCH(QString, lint);
        const auto r = checkClickHouseType(input.toStdString());
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.lint), lint);
    }

    void parsedTreeHoldsFamiliesAndArguments() {
        const auto r =
            checkClickHouseType("Map(LowCardinality(String), Tuple(a Decimal32(2), b Enum8('x' = -1)))");
        QVERIFY(r);
        const ClickHouseType& map = *r.type;
        QCOMPARE(map.family, std::string("Map"));
        QCOMPARE(map.arguments.size(), std::size_t(2));
        QCOMPARE(map.arguments[0].type->family, std::string("LowCardinality"));
        const ClickHouseType& tuple = *map.arguments[1].type;
        QCOMPARE(tuple.arguments[0].kind, ClickHouseType::Argument::Kind::NamedType);
        QCOMPARE(tuple.arguments[0].text, std::string("a"));
        const ClickHouseType& decimal = *tuple.arguments[0].type;
        QCOMPARE(decimal.family, std::string("Decimal"));
        QCOMPARE(decimal.spelledAs, std::string("Decimal32"));
        QCOMPARE(decimal.arguments[0].value, std::optional<long long>(9));
        QCOMPARE(decimal.arguments[1].value, std::optional<long long>(2));
        const ClickHouseType& enumType = *tuple.arguments[1].type;
        QCOMPARE(enumType.arguments[0].kind, ClickHouseType::Argument::Kind::EnumElement);
        QCOMPARE(enumType.arguments[0].text, std::string("x"));
        QCOMPARE(enumType.arguments[0].value, std::optional<long long>(-1));

        const auto alias = checkClickHouseType("character  varying");
        QVERIFY(alias);
        QCOMPARE(alias.type->family, std::string("String"));
        QCOMPARE(alias.type->spelledAs, std::string("character  varying"));
    }

    // A zone is read with the string escapes, and an unknown one is named as the server would print it.
    void quotedTimeZoneRoundTrips() {
        const auto r = checkClickHouseType("DateTime('it''s\\\\zone')");
        QVERIFY(!r);
        QVERIFY2(r.error.find("unknown time zone 'it\\'s\\\\zone'") != std::string::npos, r.error.c_str());
        const auto escaped = checkClickHouseType("DateTime('Europe\\/Berlin')");
        QVERIFY2(escaped, escaped.error.c_str());
        QCOMPARE(escaped.type->toString(), std::string("DateTime('Europe/Berlin')"));
    }

    void depthLimit() {
        std::string ok;
        for (int i = 0; i < 299; ++i)
            ok += "Array(";
        ok += "UInt8" + std::string(299, ')');
        QVERIFY2(checkClickHouseType(ok), checkClickHouseType(ok).error.c_str());

        std::string deep;
        for (int i = 0; i < 300; ++i)
            deep += "Array(";
        deep += "UInt8" + std::string(300, ')');
        const auto r = checkClickHouseType(deep);
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error).contains(QStringLiteral("deeper than 300")));
        QCOMPARE(r.errorOffset, std::size_t(300 * 6));

        // Hostile input is refused quickly, not by exhausting the stack.
        const std::string hostile(1000000, '(');
        QVERIFY(!checkClickHouseType("Array" + hostile));
        std::string hostileArrays;
        for (int i = 0; i < 100000; ++i)
            hostileArrays += "Array(";
        QVERIFY(!checkClickHouseType(hostileArrays));
    }

    // A million-character name and a 20 000-element tuple: a parser that were quadratic in either would run
    // for hours and hit CTest's time limit. No clock here: a timed assertion failed under ASan on a busy
    // machine.
    void hostileNamesAreHandled() {
        const std::string longName(1000000, 'x');
        const auto r = checkClickHouseType(longName);
        QVERIFY(!r);
        QCOMPARE(r.errorOffset, std::size_t(0));
        QVERIFY(r.error.size() < 200);
        const auto trailing = checkClickHouseType("String " + longName);
        QVERIFY(!trailing);
        QCOMPARE(trailing.errorOffset, std::size_t(7));
        QVERIFY(trailing.error.size() < 200);
        std::string manyElements = "Tuple(";
        for (int i = 0; i < 20000; ++i)
            manyElements += "a" + std::to_string(i) + " UInt8, ";
        QVERIFY(checkClickHouseType(manyElements + "z String)"));
    }

    void warningsForSuspiciousTypes() {
        const auto lc = checkClickHouseType("LowCardinality(UInt32)");
        QVERIFY(lc);
        QCOMPARE(lc.warnings.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(lc.warnings[0])
                    .contains(QStringLiteral("allow_suspicious_low_cardinality_types")));
        const auto fs = checkClickHouseType("FixedString(300)");
        QVERIFY(fs);
        QCOMPARE(fs.warnings.size(), std::size_t(1));
        QVERIFY(checkClickHouseType("LowCardinality(String)").warnings.empty());
        // 26.5 creates these by default (survey 5.3): no warning.
        for (const char* t :
             {"LowCardinality(UUID)", "LowCardinality(Nullable(UUID))", "LowCardinality(FixedString(16))",
              "LowCardinality(Nullable(FixedString(3)))"}) {
            const auto r = checkClickHouseType(t);
            QVERIFY2(r && r.warnings.empty(), t);
        }
        for (const char* t :
             {"LowCardinality(Date)", "LowCardinality(IPv4)", "LowCardinality(Nullable(Bool))",
              "LowCardinality(DateTime('UTC'))", "LowCardinality(Float32)"}) {
            const auto r = checkClickHouseType(t);
            QVERIFY2(r && r.warnings.size() == 1, t);
        }
        QVERIFY(checkClickHouseType("FixedString(256)").warnings.empty());
    }

    void minimumVersions_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        auto row = [](const char* in, int major, int minor) {
            QTest::newRow(in) << QString::fromUtf8(in) << major << minor;
        };
        row("String", 0, 0);
        row("Nullable(Decimal(18, 3))", 0, 0);
        row("Tuple(a String, b UInt8)", 0, 0);
        row("VARCHAR", 0, 0);
        row("Bool", 21, 12);
        row("Array(Bool)", 21, 12);
        row("Map(String, UInt8)", 21, 1);
        row("Date32", 21, 9);
        row("DateTime64(3)", 20, 1);
        row("DateTime32", 20, 1);
        row("Int128", 20, 8);
        row("UInt256", 20, 8);
        row("Decimal256(5)", 20, 8);
        row("IPv4", 19, 3);
        row("LowCardinality(String)", 19, 0);
        // Usable by default (system.settings_changes of 26.5); earlier only behind a setting, see
        // requirements().
        row("JSON", 25, 3);
        row("Variant(String, UInt8)", 25, 3);
        row("Dynamic", 25, 3);
        row("BFloat16", 25, 1);
        row("Time", 25, 12);
        row("Array(Time64(3))", 25, 12);
        row("Nested(a Map(String, Date32))", 21, 9);
        row("INT(11)", 21, 1);
        row("DOUBLE PRECISION", 21, 1);
    }

    void minimumVersions() {
        QFETCH(QString, input);
        QFETCH(int, major);
        QFETCH(int, minor);
        const auto r = checkClickHouseType(input.toStdString());
        QVERIFY2(r, r.error.c_str());
        QCOMPARE(minimumServerVersion(*r.type), std::make_pair(major, minor));
    }

    void requirements() {
        const auto json = checkClickHouseType("Map(String, Array(JSON))");
        QVERIFY(json);
        QVERIFY(typeRequirements(*json.type, {25, 3}).empty());
        QVERIFY(typeRequirements(*json.type, {26, 5}).empty());
        const auto old = typeRequirements(*json.type, {24, 8});
        QCOMPARE(old.size(), std::size_t(1));
        QCOMPARE(old[0].family, std::string("JSON"));
        QCOMPARE(old[0].usableByDefault, std::make_pair(25, 3));
        QCOMPARE(old[0].setting, std::string("allow_experimental_json_type"));
        QCOMPARE(old[0].settingSince, std::make_pair(24, 8));
        QCOMPARE(old[0].message(),
                 std::string("JSON needs ClickHouse 25.3 (or allow_experimental_json_type=1 on 24.8+)"));
        // Map is 21.1 with no setting; each family once, outermost first.
        const auto older = typeRequirements(*json.type, {20, 8});
        QCOMPARE(older.size(), std::size_t(2));
        QCOMPARE(older[0].message(), std::string("Map needs ClickHouse 21.1"));
        QCOMPARE(older[1].family, std::string("JSON"));

        struct Case {
            const char* type;
            const char* family;
            std::pair<int, int> byDefault;
            const char* setting;
            std::pair<int, int> settingSince;
        };
        for (const Case& c :
             {Case{"Variant(String, UInt8)", "Variant", {25, 3}, "allow_experimental_variant_type", {24, 1}},
              Case{"Dynamic", "Dynamic", {25, 3}, "allow_experimental_dynamic_type", {24, 5}},
              Case{"Time", "Time", {25, 12}, "enable_time_time64_type", {25, 6}},
              Case{"Nullable(Time64(3))", "Time64", {25, 12}, "enable_time_time64_type", {25, 6}},
              Case{"BFloat16", "BFloat16", {25, 1}, "allow_experimental_bfloat16_type", {24, 11}}}) {
            const auto r = checkClickHouseType(c.type);
            QVERIFY2(r, c.type);
            const auto needs = typeRequirements(*r.type, {24, 3});
            QCOMPARE(needs.size(), std::size_t(1));
            QCOMPARE(needs[0].family, std::string(c.family));
            QCOMPARE(needs[0].usableByDefault, c.byDefault);
            QCOMPARE(needs[0].setting, std::string(c.setting));
            QCOMPARE(needs[0].settingSince, c.settingSince);
            QVERIFY(typeRequirements(*r.type, c.byDefault).empty());
        }
        // Two JSON columns inside one type are named once.
        const auto twice = checkClickHouseType("Tuple(a JSON, b Array(JSON))");
        QCOMPARE(typeRequirements(*twice.type, {24, 8}).size(), std::size_t(1));
        // A spelling 18.16 lacks is named as written.
        const auto width = checkClickHouseType("INT(11)");
        const auto needs = typeRequirements(*width.type, {18, 16});
        QCOMPARE(needs.size(), std::size_t(1));
        QCOMPARE(needs[0].message(), std::string("INT needs ClickHouse 21.1"));
        QVERIFY(typeRequirements(*width.type, {21, 1}).empty());
    }

    void familiesForCompleter() {
        const auto& names = clickHouseTypeFamilies();
        auto has = [&](const char* n) {
            return std::find(names.begin(), names.end(), std::string(n)) != names.end();
        };
        for (const char* n :
             {"String", "Nullable", "LowCardinality", "DateTime64", "Decimal128", "Map", "JSON", "Bool",
              "Enum8", "IPv6", "BIGINT", "DOUBLE PRECISION", "CHARACTER VARYING"})
            QVERIFY2(has(n), n);
        QVERIFY(!has("Nothing"));
        QVERIFY(!has("IntervalSecond"));
        // Canonical names first, then aliases.
        const auto firstAlias = std::find(names.begin(), names.end(), std::string("TINYINT"));
        QVERIFY(std::find(names.begin(), firstAlias, std::string("UInt8")) != firstAlias);
        QVERIFY(std::find(firstAlias, names.end(), std::string("String")) == names.end());
        // Every entry is a valid type on its own or needs arguments (never an unknown family).
        for (const auto& n : names) {
            const auto r = checkClickHouseType(n);
            QVERIFY2(r || r.error.find("unknown type family") == std::string::npos, n.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestClickHouseType)
#include "tst_clickhousetype.moc"
