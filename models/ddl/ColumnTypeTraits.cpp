#include "ddl/ColumnTypeTraits.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

namespace ckstudio::ddl {
namespace {

std::string_view trimmed(std::string_view text) {
    auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// The first node of the type tree (the type itself included) that `matches`, or nullptr.
template <typename Predicate>
const ClickHouseType* findInside(const ClickHouseType& type, const Predicate& matches) {
    if (matches(type))
        return &type;
    for (const auto& argument : type.arguments)
        if (argument.type)
            if (const auto* found = findInside(*argument.type, matches))
                return found;
    return nullptr;
}

bool familyIs(const ClickHouseType& type, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), type.family) != names.end();
}

KeyProblem problemAt(const ClickHouseType& type, const ClickHouseType* found, std::string reason) {
    return {found == &type ? std::string() : found->toString(), std::move(reason)};
}

} // namespace

std::string KeyProblem::describe(const std::string& typeAsWritten) const {
    return "is " + typeAsWritten + (part.empty() ? std::string() : ", which contains " + part) + "; " +
           reason;
}

KeyProblem sortingKeyProblem(const ClickHouseType& type) {
    // Each refusal below was seen on 26.5 with default settings; the order only decides which reason is
    // named when several apply.
    if (type.family == "Nested")
        return {{},
                "a Nested column is stored as separate arrays (name.field), none of which is the column "
                "itself, so it cannot be a key column"};
    if (type.family == "SimpleAggregateFunction")
        return {{},
                "ClickHouse refuses a SimpleAggregateFunction column in a key unless "
                "allow_suspicious_primary_key is on (Code 549)"};
    if (const auto* found = findInside(type, [](const ClickHouseType& t) {
            return familyIs(t, {"JSON", "Object", "Variant", "Dynamic", "Geometry"});
        }))
        return problemAt(
            type, found,
            "ClickHouse refuses JSON, Variant, Dynamic and Geometry (a Variant) anywhere in a key "
            "(Code 549); use a column of a concrete type");
    if (const auto* found =
            findInside(type, [](const ClickHouseType& t) { return t.family == "AggregateFunction"; }))
        return problemAt(type, found,
                         "AggregateFunction states cannot be compared, so ClickHouse refuses them in a key "
                         "(Code 549)");
    if (const auto* found = findInside(type, [](const ClickHouseType& t) { return t.family == "Nullable"; }))
        return problemAt(type, found,
                         "ClickHouse refuses Nullable anywhere in a key while the MergeTree setting "
                         "allow_nullable_key is off (the default, Code 44)");
    return {};
}

KeyProblem partitionKeyProblem(const ClickHouseType& type) {
    if (auto problem = sortingKeyProblem(type))
        return problem;
    const ClickHouseType* inner = &type;
    if (inner->family == "LowCardinality" && !inner->arguments.empty() && inner->arguments[0].type)
        inner = inner->arguments[0].type.get();
    if (familyIs(*inner, {"Float32", "Float64", "BFloat16"}))
        return {{},
                "ClickHouse refuses a floating-point partition key (allow_floating_point_partition_key is "
                "off by default)"};
    return {};
}

bool usesLowCardinality(const ClickHouseType& type) {
    return findInside(type, [](const ClickHouseType& t) { return t.family == "LowCardinality"; }) != nullptr;
}

bool isDateOrDateTime(const ClickHouseType& type) {
    return familyIs(type, {"Date", "Date32", "DateTime", "DateTime32", "DateTime64"});
}

bool isUnsignedInteger(const ClickHouseType& type) {
    return familyIs(type, {"UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256"});
}

bool isInt8(const ClickHouseType& type) {
    return type.family == "Int8";
}

bool isNumeric(const ClickHouseType& type) {
    return isUnsignedInteger(type) ||
           familyIs(type, {"Int8", "Int16", "Int32", "Int64", "Int128", "Int256", "Float32", "Float64",
                           "BFloat16", "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256"});
}

std::string sqlFragmentProblem(std::string_view text) {
    if (trimmed(text).empty())
        return "is empty";
    std::string closers; // expected closing brackets, innermost last
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\')
                ++i; // the escaped character cannot end the quote
            else if (c == quote)
                quote = 0;
            continue;
        }
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        switch (c) {
        case '\'':
        case '"':
        case '`':
            quote = c;
            break;
        case '(':
            closers += ')';
            break;
        case '[':
            closers += ']';
            break;
        case ')':
        case ']':
            if (closers.empty() || closers.back() != c)
                return std::string("has an unmatched '") + c + "' at offset " + std::to_string(i);
            closers.pop_back();
            break;
        case ';':
            return "contains ';' at offset " + std::to_string(i) + " (one expression only)";
        case '#':
            return "contains a comment ('#') at offset " + std::to_string(i);
        case '-':
            if (next == '-')
                return "contains a comment ('--') at offset " + std::to_string(i);
            break;
        case '/':
            if (next == '*')
                return "contains a comment ('/*') at offset " + std::to_string(i);
            break;
        default:
            break;
        }
    }
    if (quote)
        return std::string("has an unclosed ") + quote + " quote";
    if (!closers.empty())
        return std::string("is missing a closing '") + closers.back() + "'";
    return {};
}

} // namespace ckstudio::ddl
