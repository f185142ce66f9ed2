#pragma once
// What DDL generation needs to know about a column type: checks on the parsed type (checkClickHouseType) for
// keys, engine parameters and TTL, and whether a text is a self-contained SQL fragment.
#include "types/ClickHouseType.h"

#include <string>
#include <string_view>

namespace ckstudio::ddl {

// Why ClickHouse refuses a column of a type in a MergeTree key with default settings (checked on 26.5).
struct KeyProblem {
    std::string part;   // the offending part when it is nested ("Nullable(String)"), empty for the whole type
    std::string reason; // empty: the type can be a key column
    explicit operator bool() const { return !reason.empty(); }
    // "is T; reason" or "is T, which contains P; reason", to follow a column's name.
    std::string describe(const std::string& typeAsWritten) const;
};

// For a sorting key (ORDER BY). Walks the whole type: Nullable inside Array/Tuple/Map/LowCardinality counts
// (Code 44 while allow_nullable_key is off), as do Variant, Dynamic, JSON, Object and Geometry (a Variant)
// at any depth and AggregateFunction, which is not comparable (Code 549). A SimpleAggregateFunction (Code
// 549 unless allow_suspicious_primary_key) or a Nested column (stored as separate arrays) is refused at the
// top level only.
KeyProblem sortingKeyProblem(const ClickHouseType& type);

// For a column that is the whole partition key: floating-point types are refused there too.
KeyProblem partitionKeyProblem(const ClickHouseType& type);

bool usesLowCardinality(const ClickHouseType& type); // anywhere in the type
bool isDateOrDateTime(const ClickHouseType& type);   // Date, Date32, DateTime[(tz)], DateTime64(...)
bool isUnsignedInteger(const ClickHouseType& type);  // UInt8 ... UInt256
bool isInt8(const ClickHouseType& type);             // Int8 (aliases resolve to it)
bool isNumeric(const ClickHouseType& type);          // integers, floats, decimals

// Empty when `text` can be pasted into a statement as one expression or type: quotes closed, brackets
// balanced, no ';' and no comment outside quotes. Otherwise says what is wrong.
std::string sqlFragmentProblem(std::string_view text);

} // namespace ckstudio::ddl
