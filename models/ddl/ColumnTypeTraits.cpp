#include "ddl/ColumnTypeTraits.h"

#include <algorithm>
#include <array>
#include <cctype>

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

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// The argument text of `Family(...)` when `type` is exactly that (case-sensitive family), else nullopt-like
// empty.
bool unwrap(std::string_view type, std::string_view family, std::string_view& inner) {
    type = trimmed(type);
    if (type.size() < family.size() + 2 || type.substr(0, family.size()) != family)
        return false;
    std::string_view rest = trimmed(type.substr(family.size()));
    if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')')
        return false;
    inner = trimmed(rest.substr(1, rest.size() - 2));
    return true;
}

template <std::size_t N>
bool familyIn(std::string_view type, const std::array<std::string_view, N>& names, bool caseInsensitive) {
    const auto family = typeFamily(withoutLowCardinality(type));
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) {
        return caseInsensitive ? equalsIgnoringCase(n, family) : n == family;
    });
}

} // namespace

std::string_view withoutLowCardinality(std::string_view type) {
    std::string_view inner;
    return unwrap(type, "LowCardinality", inner) ? inner : trimmed(type);
}

std::string_view typeFamily(std::string_view type) {
    type = trimmed(type);
    const auto paren = type.find('(');
    return trimmed(paren == std::string_view::npos ? type : type.substr(0, paren));
}

bool isNullableType(std::string_view type) {
    std::string_view inner;
    return unwrap(withoutLowCardinality(type), "Nullable", inner);
}

bool usesLowCardinality(std::string_view type) {
    return type.find("LowCardinality") != std::string_view::npos;
}

bool isDateOrDateTime(std::string_view type) {
    static constexpr std::array<std::string_view, 6> names{"Date",       "Date32",     "DateTime",
                                                           "DateTime32", "DateTime64", "TIMESTAMP"};
    return !isNullableType(type) && familyIn(type, names, true);
}

bool isUnsignedInteger(std::string_view type) {
    static constexpr std::array<std::string_view, 6> names{"UInt8",  "UInt16",  "UInt32",
                                                           "UInt64", "UInt128", "UInt256"};
    return !isNullableType(type) && familyIn(type, names, false);
}

bool isInt8(std::string_view type) {
    static constexpr std::array<std::string_view, 1> exact{"Int8"};
    static constexpr std::array<std::string_view, 3> aliases{"TINYINT", "INT1", "BYTE"};
    return !isNullableType(type) && (familyIn(type, exact, false) || familyIn(type, aliases, true));
}

bool isNumeric(std::string_view type) {
    static constexpr std::array<std::string_view, 15> exact{
        "Int8",   "Int16",  "Int32",   "Int64",   "Int128",  "Int256",  "UInt8",   "UInt16",
        "UInt32", "UInt64", "UInt128", "UInt256", "Float32", "Float64", "BFloat16"};
    static constexpr std::array<std::string_view, 22> insensitive{
        "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256", "DEC",    "NUMERIC", "FIXED",
        "TINYINT", "SMALLINT",  "MEDIUMINT", "INT",        "INTEGER",    "BIGINT", "INT1",    "BYTE",
        "SIGNED",  "UNSIGNED",  "FLOAT",     "DOUBLE",     "REAL",       "SINGLE"};
    if (familyIn(type, exact, false) || familyIn(type, insensitive, true))
        return true;
    // Multi-word aliases: "INT UNSIGNED", "DOUBLE PRECISION", ...
    const auto family = typeFamily(withoutLowCardinality(type));
    const auto space = family.find(' ');
    if (space == std::string_view::npos)
        return false;
    const auto first = family.substr(0, space);
    return familyIn(first, insensitive, true);
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
