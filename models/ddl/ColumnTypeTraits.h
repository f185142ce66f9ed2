#pragma once
// What DDL generation needs to know about a `columns[].type` string, without a full type parser: the
// outermost family, Nullable-ness, and whether the text is a self-contained SQL fragment.
#include <string>
#include <string_view>

namespace ckstudio::ddl {

// The type with an outer LowCardinality(...) removed, trimmed: "LowCardinality(Nullable(String))" ->
// "Nullable(String)".
std::string_view withoutLowCardinality(std::string_view type);

// The family name before any '(' ("DateTime('UTC')" -> "DateTime"), trimmed.
std::string_view typeFamily(std::string_view type);

bool isNullableType(std::string_view type);     // Nullable(T) or LowCardinality(Nullable(T))
bool usesLowCardinality(std::string_view type); // anywhere in the type
bool isDateOrDateTime(std::string_view type);   // Date, Date32, DateTime[(tz)], DateTime32, DateTime64(...)
bool isUnsignedInteger(std::string_view type);  // UInt8 ... UInt256
bool isInt8(std::string_view type);             // Int8 and its aliases
bool isNumeric(std::string_view type); // integers, floats, decimals (canonical names and SQL aliases)

// Empty when `text` can be pasted into a statement as one expression or type: quotes closed, brackets
// balanced, no ';' and no comment outside quotes. Otherwise says what is wrong.
std::string sqlFragmentProblem(std::string_view text);

} // namespace ckstudio::ddl
