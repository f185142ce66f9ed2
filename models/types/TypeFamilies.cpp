#include "types/TypeFamilies.h"

namespace ckstudio::types {
namespace {

// Versions marked "approx." in the reference are taken as written there; aliases that 18.16 does not list
// are dated to 21.1 (MySQL-compatibility aliases arrived in the 20.x-21.x releases).
constexpr std::pair<int, int> kAny{0, 0};
constexpr std::pair<int, int> kModernAlias{21, 1};

Family integer(std::string_view name, std::pair<int, int> since = kAny) {
    return {name, FamilyKind::Integer, false, since, true, true, 0};
}
Family plain(std::string_view name, bool nullable, bool lowCardinality, bool caseInsensitive = false,
             std::pair<int, int> since = kAny) {
    return {name, FamilyKind::Plain, caseInsensitive, since, nullable, lowCardinality, 0};
}
Family wrapper(std::string_view name, FamilyKind kind, std::pair<int, int> since = kAny) {
    return {name, kind, false, since, false, false, 0};
}
Family decimalFixed(std::string_view name, int maxPrecision, std::pair<int, int> since = kAny) {
    return {name, FamilyKind::DecimalFixed, true, since, true, false, maxPrecision};
}
// A family that `setting` enables from family.since and that is on by default from `byDefault`.
Family experimental(Family family, std::string_view setting, std::pair<int, int> byDefault) {
    family.setting = setting;
    family.byDefault = byDefault;
    return family;
}
Family removed(Family family, std::pair<int, int> removedIn) {
    family.removedIn = removedIn;
    return family;
}
Family notStorable(std::string_view name) {
    return {name, FamilyKind::NotStorable, false, kAny, true, false, 0};
}
Family interval(std::string_view name) {
    return {name, FamilyKind::Interval, false, {23, 5}, true, true, 0};
}

} // namespace

const std::vector<Family>& families() {
    static const std::vector<Family> table = {
        integer("UInt8"),
        integer("UInt16"),
        integer("UInt32"),
        integer("UInt64"),
        integer("UInt128", {20, 8}),
        integer("UInt256", {20, 8}),
        integer("Int8"),
        integer("Int16"),
        integer("Int32"),
        integer("Int64"),
        integer("Int128", {20, 8}),
        integer("Int256", {20, 8}),
        {"Float32", FamilyKind::Float, false, kAny, true, true, 0},
        {"Float64", FamilyKind::Float, false, kAny, true, true, 0},
        experimental(plain("BFloat16", true, true, false, {24, 11}), "allow_experimental_bfloat16_type",
                     {25, 1}),
        {"Decimal", FamilyKind::Decimal, true, kAny, true, false, 76},
        decimalFixed("Decimal32", 9),
        decimalFixed("Decimal64", 18),
        decimalFixed("Decimal128", 38),
        decimalFixed("Decimal256", 76, {20, 8}),
        {"String", FamilyKind::String, false, kAny, true, true, 0},
        {"FixedString", FamilyKind::FixedString, false, kAny, true, true, 0},
        plain("UUID", true, true),
        plain("IPv4", true, true, false, {19, 3}),
        plain("IPv6", true, true, false, {19, 3}),
        plain("Bool", true, true, false, {21, 12}),
        plain("Date", true, true, true),
        plain("Date32", true, true, true, {21, 9}),
        {"DateTime", FamilyKind::DateTime, true, kAny, true, true, 0},
        {"DateTime32", FamilyKind::DateTime, true, {20, 1}, true, true, 0},
        {"DateTime64", FamilyKind::DateTime64, true, {20, 1}, true, false, 0},
        experimental(plain("Time", true, true, true, {25, 6}), "enable_time_time64_type", {25, 12}),
        experimental({"Time64", FamilyKind::Time64, true, {25, 6}, true, false, 0}, "enable_time_time64_type",
                     {25, 12}),
        {"Enum8", FamilyKind::Enum, false, kAny, true, false, 0},
        {"Enum16", FamilyKind::Enum, false, kAny, true, false, 0},
        {"Enum", FamilyKind::Enum, true, {20, 1}, true, false, 0},
        wrapper("Nullable", FamilyKind::Nullable),
        wrapper("LowCardinality", FamilyKind::LowCardinality, {19, 0}),
        wrapper("Array", FamilyKind::Array),
        wrapper("Tuple", FamilyKind::Tuple),
        wrapper("Map", FamilyKind::Map, {21, 1}),
        wrapper("Nested", FamilyKind::Nested),
        wrapper("AggregateFunction", FamilyKind::AggregateFunction),
        wrapper("SimpleAggregateFunction", FamilyKind::SimpleAggregateFunction, {19, 8}),
        plain("Point", false, false, false, {20, 5}),
        plain("Ring", false, false, false, {20, 5}),
        plain("Polygon", false, false, false, {20, 5}),
        plain("MultiPolygon", false, false, false, {20, 5}),
        plain("LineString", false, false, false, {23, 3}),
        plain("MultiLineString", false, false, false, {23, 3}),
        plain("Geometry", false, false, false, {25, 11}),
        // Nullable(JSON) exists in recent versions; the server has the last word there.
        experimental({"JSON", FamilyKind::Json, true, {24, 8}, true, false, 0},
                     "allow_experimental_json_type", {25, 3}),
        // Object('json'), the first JSON type: experimental from 22.3, removed in 25.11 (PR #85718).
        removed(experimental({"Object", FamilyKind::Object, false, {22, 3}, true, false, 0},
                             "allow_experimental_object_type", {0, 0}),
                {25, 11}),
        experimental(wrapper("Variant", FamilyKind::Variant, {24, 1}), "allow_experimental_variant_type",
                     {25, 3}),
        experimental(wrapper("Dynamic", FamilyKind::Dynamic, {24, 5}), "allow_experimental_dynamic_type",
                     {25, 3}),
        notStorable("Nothing"),
        interval("IntervalNanosecond"),
        interval("IntervalMicrosecond"),
        interval("IntervalMillisecond"),
        interval("IntervalSecond"),
        interval("IntervalMinute"),
        interval("IntervalHour"),
        interval("IntervalDay"),
        interval("IntervalWeek"),
        interval("IntervalMonth"),
        interval("IntervalQuarter"),
        interval("IntervalYear"),
    };
    return table;
}

const std::vector<Alias>& aliases() {
    static const std::vector<Alias> table = {
        // Known to 18.16 (system.data_type_families there).
        {"TINYINT", "Int8"},
        {"SMALLINT", "Int16"},
        {"INT", "Int32"},
        {"INTEGER", "Int32"},
        {"BIGINT", "Int64"},
        {"FLOAT", "Float32"},
        {"DOUBLE", "Float64"},
        {"DEC", "Decimal"},
        {"CHAR", "String"},
        {"VARCHAR", "String"},
        {"TEXT", "String"},
        {"TINYTEXT", "String"},
        {"MEDIUMTEXT", "String"},
        {"LONGTEXT", "String"},
        {"BLOB", "String"},
        {"TINYBLOB", "String"},
        {"MEDIUMBLOB", "String"},
        {"LONGBLOB", "String"},
        {"BINARY", "FixedString"},
        {"TIMESTAMP", "DateTime"},
        // Newer.
        {"INT1", "Int8", kModernAlias},
        {"BYTE", "Int8", kModernAlias},
        {"TINYINT SIGNED", "Int8", kModernAlias},
        {"INT1 SIGNED", "Int8", kModernAlias},
        {"SMALLINT SIGNED", "Int16", kModernAlias},
        {"MEDIUMINT", "Int32", kModernAlias},
        {"MEDIUMINT SIGNED", "Int32", kModernAlias},
        {"INT SIGNED", "Int32", kModernAlias},
        {"INTEGER SIGNED", "Int32", kModernAlias},
        {"SIGNED", "Int64", kModernAlias},
        {"BIGINT SIGNED", "Int64", kModernAlias},
        {"TINYINT UNSIGNED", "UInt8", kModernAlias},
        {"INT1 UNSIGNED", "UInt8", kModernAlias},
        {"SMALLINT UNSIGNED", "UInt16", kModernAlias},
        {"YEAR", "UInt16", kModernAlias},
        {"MEDIUMINT UNSIGNED", "UInt32", kModernAlias},
        {"INT UNSIGNED", "UInt32", kModernAlias},
        {"INTEGER UNSIGNED", "UInt32", kModernAlias},
        {"UNSIGNED", "UInt64", kModernAlias},
        {"BIGINT UNSIGNED", "UInt64", kModernAlias},
        {"BIT", "UInt64", kModernAlias},
        {"SET", "UInt64", kModernAlias},
        {"REAL", "Float32", kModernAlias},
        {"SINGLE", "Float32", kModernAlias},
        {"DOUBLE PRECISION", "Float64", kModernAlias},
        {"NUMERIC", "Decimal", kModernAlias},
        {"FIXED", "Decimal", kModernAlias},
        {"NCHAR", "String", kModernAlias},
        {"CHARACTER", "String", kModernAlias},
        {"NVARCHAR", "String", kModernAlias},
        {"VARCHAR2", "String", kModernAlias},
        {"CLOB", "String", kModernAlias},
        {"BYTEA", "String", kModernAlias},
        {"VARBINARY", "String", kModernAlias},
        {"CHARACTER LARGE OBJECT", "String", kModernAlias},
        {"CHARACTER VARYING", "String", kModernAlias},
        {"CHAR LARGE OBJECT", "String", kModernAlias},
        {"CHAR VARYING", "String", kModernAlias},
        {"NATIONAL CHAR", "String", kModernAlias},
        {"NATIONAL CHARACTER", "String", kModernAlias},
        {"NATIONAL CHARACTER LARGE OBJECT", "String", kModernAlias},
        {"NATIONAL CHARACTER VARYING", "String", kModernAlias},
        {"NATIONAL CHAR VARYING", "String", kModernAlias},
        {"NCHAR VARYING", "String", kModernAlias},
        {"NCHAR LARGE OBJECT", "String", kModernAlias},
        {"BINARY LARGE OBJECT", "String", kModernAlias},
        {"BINARY VARYING", "String", kModernAlias},
        {"INET4", "IPv4", {22, 1}},
        {"INET6", "IPv6", {22, 1}},
        {"BOOL", "Bool", {21, 12}},
        {"BOOLEAN", "Bool", {21, 12}},
    };
    return table;
}

const Family* findFamily(std::string_view canonicalName) {
    for (const auto& f : families())
        if (f.name == canonicalName)
            return &f;
    return nullptr;
}

} // namespace ckstudio::types
