#pragma once
// A result column as the server announced it (name + type line of the *WithNamesAndTypes formats), with the
// few type facts the parsers and exporters need.
#include <QString>
#include <vector>

namespace ckstudio {

struct ResultColumn {
    // How a column's values are written by ClickHouse; decides TSV unescaping and JSON rendering.
    enum class ValueClass {
        Text,         // String, FixedString, Date, DateTime, UUID, Enum, IPv4/6, ...: JSON string
        SmallInteger, // up to 32 bits: JSON number
        WideInteger,  // 64 bits and wider: exact text, JSON string (as ClickHouse quotes them)
        Float,        // Float32/64: JSON number; inf/nan as strings
        Decimal,      // exact text, JSON string (output_format_json_quote_decimals)
        Bool,         // true/false
        Composite,    // Array, Tuple, Map, Nested: ClickHouse literal text in TSV, JSON in JSON formats
    };

    QString name;
    QString type; // as the server prints it, e.g. "Nullable(Decimal(18, 3))"

    // The type without Nullable/LowCardinality wrappers.
    QString baseType() const;
    ValueClass valueClass() const;
    bool isNumeric() const;
};

using ResultColumns = std::vector<ResultColumn>;

} // namespace ckstudio
