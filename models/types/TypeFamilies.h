#pragma once
// The table of ClickHouse type families and aliases the parser knows (reference/clickhouse.md §4.2, §4.3).
// Internal to models/types.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ckstudio::types {

// How a family's arguments are read and checked.
enum class FamilyKind {
    Integer,        // Int8..UInt256: optional display width, ignored
    Float,          // Float32/Float64: up to two ignored numbers
    Plain,          // no arguments: UUID, IPv4, IPv6, Bool, Date, Date32, Time, BFloat16, geo types
    Decimal,        // Decimal[(P[, S])]
    DecimalFixed,   // Decimal32/64/128/256(S)
    String,         // String[(N)], N ignored
    FixedString,    // FixedString(N)
    DateTime,       // DateTime[('tz')], DateTime32[('tz')]
    DateTime64,     // DateTime64[(p[, 'tz'])]
    Time64,         // Time64(p)
    Enum,           // Enum8/Enum16/Enum('a' = 1, ...)
    Nullable,       // Nullable(T)
    LowCardinality, // LowCardinality(T)
    Array,          // Array(T)
    Tuple,          // Tuple(T, ...) or Tuple(a T, ...)
    Map,            // Map(K, V)
    Nested,         // Nested(a T, ...)
    AggregateFunction,
    SimpleAggregateFunction,
    Json,        // JSON[(...)]
    Object,      // Object('json'): removed in 25.11, refused with a message saying so
    Variant,     // Variant(T, ...)
    Dynamic,     // Dynamic[(max_types=N)]
    Interval,    // IntervalSecond...: storable since 23.5 (PR #49085), not offered by the completer
    NotStorable, // Nothing: exists, but tables refuse it
};

struct Family {
    std::string_view name;
    FamilyKind kind;
    bool caseInsensitive = false;
    std::pair<int, int> since{0, 0}; // first ClickHouse version that knows it; {0,0} = any
    bool insideNullable = false;     // IDataType::canBeInsideNullable()
    bool insideLowCardinality = false;
    int maxPrecision = 0; // DecimalFixed: 9, 18, 38, 76
    // Experimental families: the setting that enables them from `since`, and the first version that creates
    // them with default settings ({0,0}: `since`). From ClickHouse's system.settings_changes.
    std::string_view setting = {};
    std::pair<int, int> byDefault{0, 0};
    std::pair<int, int> removedIn{0, 0}; // first version that no longer knows the family; {0,0} = not removed
};

struct Alias {
    std::string_view spelling; // upper case; multi-word aliases separated by one space
    std::string_view family;
    std::pair<int, int> since{0, 0};
};

const std::vector<Family>& families();
const std::vector<Alias>& aliases();

// name as is when it is a plain identifier, else `back-quoted` (text/SqlQuote.h).
std::string backQuoteIfNeeded(std::string_view name);

// A JSON path ("a.b") as the server prints it: back-quoted as a whole unless a plain identifier.
std::string jsonPathText(std::string_view path);

// Exact lookup by canonical name.
const Family* findFamily(std::string_view canonicalName);

} // namespace ckstudio::types
