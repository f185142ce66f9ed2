// Recursive-descent parser for ClickHouse type names (reference/clickhouse.md §4.3-4.5, after
// src/Parsers/ParserDataType.cpp and the families' create() checks).
#include "text/EditDistance.h"
#include "text/SqlQuote.h"
#include "types/ClickHouseType.h"
#include "types/ServerNames.h"
#include "types/TypeFamilies.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <map>
#include <regex>
#include <set>

namespace ckstudio {
namespace {

using types::Family;
using types::FamilyKind;

constexpr int kMaxDepth = 300; // DataTypeFactory's limit in release builds

// Internal control flow only: thrown at the first problem, caught in checkClickHouseType().
struct ParseFailure {
    std::size_t offset;
    std::string message;
    std::string lint; // see TypeCheckResult::lint
};

bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isWordStart(char c) {
    return isAsciiAlpha(c) || c == '_' || c == '$';
}
bool isWordChar(char c) {
    return isWordStart(c) || isDigit(c);
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char toUpper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view s) {
    std::string r(s);
    std::transform(r.begin(), r.end(), r.begin(), toUpper);
    return r;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return upper(a) == upper(b);
}

std::string unknownFamilyMessage(const std::string& name) {
    // Suggestions cost |name| x |candidate| per candidate: no point for names far longer than any family.
    if (name.size() > 64)
        return "unknown type family '" + name.substr(0, 64) + "...'";
    std::string best;
    std::size_t bestDistance = std::string::npos;
    auto consider = [&](std::string_view candidate) {
        const std::size_t d = editDistance(name, candidate, LetterCase::Ignored);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(candidate);
        }
    };
    for (const auto& f : types::families())
        consider(f.name);
    for (const auto& a : types::aliases())
        consider(a.spelling);
    std::string message = "unknown type family '" + name + "'";
    if (bestDistance == 0)
        return message + " (did you mean " + best + "? type family names are case-sensitive)";
    if (bestDistance <= std::max<std::size_t>(1, name.size() / 3))
        return message + " (did you mean " + best + "?)";
    return message;
}

// A literal argument as written: 3, -1.5, 'text', or a bare word.
struct Literal {
    enum class Kind { Number, String, Word } kind = Kind::Number;
    std::string text;                 // number as written, unescaped string, or the word
    std::optional<long long> integer; // Number that is an integer and fits
    std::size_t offset = 0;
};

std::string describeLiteral(const Literal& l) {
    return l.kind == Literal::Kind::String ? quoteStringLiteral(l.text) : l.text;
}

ClickHouseType::Argument typeArgument(ClickHouseType type) {
    ClickHouseType::Argument a;
    a.kind = ClickHouseType::Argument::Kind::Type;
    a.type = std::make_shared<ClickHouseType>(std::move(type));
    return a;
}

ClickHouseType::Argument namedTypeArgument(std::string name, ClickHouseType type) {
    ClickHouseType::Argument a;
    a.kind = ClickHouseType::Argument::Kind::NamedType;
    a.text = std::move(name);
    a.type = std::make_shared<ClickHouseType>(std::move(type));
    return a;
}

ClickHouseType::Argument numberArgument(long long value) {
    ClickHouseType::Argument a;
    a.kind = ClickHouseType::Argument::Kind::Number;
    a.text = std::to_string(value);
    a.value = value;
    return a;
}

ClickHouseType::Argument stringArgument(std::string text) {
    ClickHouseType::Argument a;
    a.kind = ClickHouseType::Argument::Kind::String;
    a.text = std::move(text);
    return a;
}

ClickHouseType::Argument identifierArgument(std::string text, std::optional<long long> value = {}) {
    ClickHouseType::Argument a;
    a.kind = ClickHouseType::Argument::Kind::Identifier;
    a.text = std::move(text);
    a.value = value;
    return a;
}

std::pair<int, int> later(std::pair<int, int> a, std::pair<int, int> b) {
    return std::max(a, b);
}

// What a column of `t` stores: SimpleAggregateFunction(f, T) stores T.
const ClickHouseType& storedType(const ClickHouseType& t) {
    if (t.family == "SimpleAggregateFunction" && !t.arguments.empty() && t.arguments.back().type)
        return storedType(*t.arguments.back().type);
    return t;
}

bool isNullableOf(const ClickHouseType& t) {
    return t.family == "Nullable";
}
bool isLowCardinalityOfNullable(const ClickHouseType& t) {
    return t.family == "LowCardinality" && !t.arguments.empty() && t.arguments[0].type &&
           isNullableOf(*t.arguments[0].type);
}

// The shape CREATE TABLE compares Variant members by: what is stored (no Nullable, LowCardinality or
// SimpleAggregateFunction around it), the geo types as their arrays and tuples, Nested as Array(Tuple(...)).
ClickHouseType structuralType(const ClickHouseType& type) {
    const ClickHouseType* t = &storedType(type);
    while ((t->family == "Nullable" || t->family == "LowCardinality") && !t->arguments.empty())
        t = &storedType(*t->arguments[0].type);
    auto make = [](std::string family, std::vector<ClickHouseType> elements) {
        ClickHouseType out;
        out.family = std::move(family);
        for (auto& e : elements)
            out.arguments.push_back(typeArgument(std::move(e)));
        return out;
    };
    ClickHouseType float64;
    float64.family = "Float64";
    const auto point = [&] { return make("Tuple", {float64, float64}); };
    const auto ring = [&] { return make("Array", {point()}); };
    if (t->family == "Point")
        return point();
    if (t->family == "Ring" || t->family == "LineString")
        return ring();
    if (t->family == "Polygon" || t->family == "MultiLineString")
        return make("Array", {ring()});
    if (t->family == "MultiPolygon")
        return make("Array", {make("Array", {ring()})});
    if (t->family == "Nested") {
        std::vector<ClickHouseType> fields;
        for (const auto& a : t->arguments)
            fields.push_back(*a.type);
        return make("Array", {make("Tuple", std::move(fields))});
    }
    return *t;
}

// The integer a scalar is stored as, for the supertype rules below: bits and signedness; 0 bits if none.
// Enum is its Int8/Int16, IPv4 its UInt32.
struct IntegerShape {
    int bits = 0;
    bool isSigned = false;
};

IntegerShape integerShape(const ClickHouseType& t) {
    const std::string& f = t.family;
    if (f == "Enum8")
        return {8, true};
    if (f == "Enum16")
        return {16, true};
    if (f == "IPv4")
        return {32, false};
    const bool isUnsigned = f.rfind("UInt", 0) == 0;
    if (!isUnsigned && (f.rfind("Int", 0) != 0 || f.rfind("Interval", 0) == 0))
        return {};
    return {std::stoi(f.substr(isUnsigned ? 4 : 3)), !isUnsigned};
}

bool isFloat(const ClickHouseType& t) {
    return t.family == "Float32" || t.family == "Float64" || t.family == "BFloat16";
}
bool isText(const ClickHouseType& t) {
    return t.family == "String" || t.family == "FixedString";
}
bool isEnum(const ClickHouseType& t) {
    return t.family == "Enum8" || t.family == "Enum16";
}

// Whether two scalars have a common supertype (26.5's getLeastSupertype), as measured on the engine.
bool scalarsMix(const ClickHouseType& a, const ClickHouseType& b) {
    const IntegerShape ia = integerShape(a);
    const IntegerShape ib = integerShape(b);
    if (ia.bits && ib.bits) {
        if (isEnum(a) && isEnum(b))
            return true;
        if (ia.isSigned == ib.isSigned)
            return true;
        const IntegerShape& u = ia.isSigned ? ib : ia;
        const IntegerShape& sgn = ia.isSigned ? ia : ib;
        // A signed type twice the unsigned one's width holds both; from UInt64 the server does not go to
        // Int128, and nothing holds UInt256 and a signed value.
        return u.bits < sgn.bits || (u.bits != 64 && u.bits != 256);
    }
    const auto floatWith = [](const ClickHouseType& f, const IntegerShape& i, const ClickHouseType& other) {
        return isFloat(f) && (isFloat(other) || (i.bits && i.bits <= 32));
    };
    if (floatWith(a, ib, b) || floatWith(b, ia, a))
        return true;
    const auto decimalWith = [](const ClickHouseType& d, const IntegerShape& i, const ClickHouseType& other) {
        return d.family == "Decimal" &&
               (other.family == "Decimal" ||
                (i.bits && i.bits <= 64 && !isEnum(other) && other.family != "IPv4"));
    };
    if (decimalWith(a, ib, b) || decimalWith(b, ia, a))
        return true;
    if ((isEnum(a) && isText(b)) || (isEnum(b) && isText(a)) || (isText(a) && isText(b)))
        return true;
    const auto dateKin = [](const ClickHouseType& t) {
        if (t.family == "Date" || t.family == "Date32")
            return 1;
        if (t.family == "DateTime" || t.family == "DateTime64")
            return 2;
        if (t.family == "Time" || t.family == "Time64")
            return 3;
        return 0;
    };
    const int da = dateKin(a);
    const int db = dateKin(b);
    // Dates mix with date-times, date-times with times.
    return da && db && std::abs(da - db) <= 1;
}

// Two Variant members CREATE TABLE calls "similar" (refused without allow_suspicious_variant_types): they
// have a common supertype other than Dynamic. `nested`: inside an Array, Map or Tuple, where Bool counts as
// the UInt8 it is stored as.
bool similarVariantMembers(const ClickHouseType& left, const ClickHouseType& right, bool nested = false) {
    ClickHouseType a = structuralType(left);
    ClickHouseType b = structuralType(right);
    if (nested && a.family == "Bool")
        a.family = "UInt8";
    if (nested && b.family == "Bool")
        b.family = "UInt8";
    if (a.family == "Dynamic" || b.family == "Dynamic" || a.family == "Nothing" || b.family == "Nothing")
        return true; // inside an Array or Tuple: the supertype is Array(Dynamic), not Dynamic
    if (a.toString() == b.toString())
        return true;
    if (a.family != b.family && (a.family == "Variant" || b.family == "Variant"))
        return false;
    if (a.family == "Array" && b.family == "Array")
        return similarVariantMembers(*a.arguments[0].type, *b.arguments[0].type, true);
    if (a.family == "Map" && b.family == "Map")
        return similarVariantMembers(*a.arguments[0].type, *b.arguments[0].type, true) &&
               similarVariantMembers(*a.arguments[1].type, *b.arguments[1].type, true);
    if (a.family == "Tuple" && b.family == "Tuple") {
        if (a.arguments.size() != b.arguments.size())
            return false;
        for (std::size_t i = 0; i < a.arguments.size(); ++i)
            if (!similarVariantMembers(*a.arguments[i].type, *b.arguments[i].type, true))
                return false;
        return true;
    }
    if (a.family == "JSON" && b.family == "JSON")
        return true;
    // Intervals: two of one kind of unit (months or seconds) mix, two of different kinds are refused as not
    // comparable (Code 386); either way not without the setting. IntervalYear alone does not mix with
    // numbers.
    const bool intervalA = a.family.rfind("Interval", 0) == 0;
    const bool intervalB = b.family.rfind("Interval", 0) == 0;
    if (intervalA && intervalB)
        return true;
    if ((intervalA && a.family == "IntervalYear") || (intervalB && b.family == "IntervalYear"))
        return false;
    // An interval (other than IntervalYear) mixes with every integer, float, Enum and IPv4, and, as measured
    // however odd, with IPv6 and aggregate states.
    const auto intervalWith = [](const ClickHouseType& other) {
        return integerShape(other).bits || isFloat(other) || other.family == "IPv6" ||
               other.family == "AggregateFunction";
    };
    if ((intervalA && intervalWith(b)) || (intervalB && intervalWith(a)))
        return true;
    if (intervalA || intervalB)
        return false;
    return scalarsMix(a, b);
}

class TypeParser {
public:
    explicit TypeParser(std::string_view text)
        : m_text(text) {}

    TypeCheckResult run() {
        TypeCheckResult result;
        try {
            if (atEnd())
                fail(m_pos, "empty type: expected a ClickHouse type such as String or Nullable(Int64)");
            ClickHouseType type = parseType(1, true);
            if (!atEnd())
                fail(m_pos, "unexpected " + describeHere() + " after the type " + type.toString());
            // What a column stores cannot be Nothing, through Nullable, Array or a top-level Nested's arrays.
            std::vector<const ClickHouseType*> columns = {&type};
            if (type.family == "Nested")
                for (const auto& field : type.arguments)
                    columns.push_back(field.type.get());
            for (const ClickHouseType* column : columns) {
                const ClickHouseType* stored = &storedType(*column);
                while ((stored->family == "Nullable" || stored->family == "Array") &&
                       !stored->arguments.empty())
                    stored = &storedType(*stored->arguments[0].type);
                if (stored->family == "Nothing")
                    fail(m_nothingOffset.value_or(0),
                         "Nothing cannot be used in a table column (it only types empty literals like [] or "
                         "NULL in expressions), nor can an Array or Nullable of it; inside a Tuple or Map "
                         "it can");
            }
            result.type = std::move(type);
            result.warnings = std::move(m_warnings);
        } catch (const ParseFailure& failure) {
            result.errorOffset = failure.offset;
            result.error = failure.message;
            result.lint = failure.lint;
        }
        return result;
    }

private:
    struct Word {
        std::string text;
        std::size_t offset = 0;
        bool quoted = false;
    };

    [[noreturn]] void fail(std::size_t offset, std::string message, std::string lint = {}) {
        throw ParseFailure{offset, std::move(message), std::move(lint)};
    }

    void skipSpace() {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }
    bool atEnd() {
        skipSpace();
        return m_pos >= m_text.size();
    }
    char peek() {
        skipSpace();
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }
    bool consume(char c) {
        if (atEnd() || m_text[m_pos] != c)
            return false;
        ++m_pos;
        return true;
    }
    // ',' between the items of a list, false at its end; a trailing comma before ')' is allowed, as 26.5's
    // parser allows it in every list: Variant(UInt8,) is Variant(UInt8).
    bool consumeSeparator() {
        if (!consume(','))
            return false;
        return peek() != ')';
    }
    // '=' or '==': the server reads `name == value` as the same equals operator.
    bool consumeEquals() {
        if (!consume('='))
            return false;
        if (m_pos < m_text.size() && m_text[m_pos] == '=')
            ++m_pos;
        return true;
    }
    void expect(char c, const std::string& context) {
        if (!consume(c))
            fail(m_pos, std::string("expected '") + c + "' " + context + ", got " + describeHere());
    }
    bool peekWordStart() {
        const char c = peek();
        return isWordStart(c) || c == '`' || c == '"';
    }

    std::string describeHere() {
        if (atEnd())
            return "end of input";
        if (isWordStart(m_text[m_pos])) {
            std::size_t end = m_pos;
            while (end < m_text.size() && isWordChar(m_text[end]))
                ++end;
            const std::size_t shown = std::min<std::size_t>(end - m_pos, 40);
            return "'" + std::string(m_text.substr(m_pos, shown)) + (shown < end - m_pos ? "...'" : "'");
        }
        return "'" + std::string(1, m_text[m_pos]) + "'";
    }

    // A quoted token starting at m_pos: '...', `...` or "...". Backslash escapes and a doubled quote work
    // like in ClickHouse string literals; an unknown escape yields the character itself.
    std::string readQuoted() {
        const std::size_t open = m_pos;
        const char quote = m_text[m_pos++];
        std::string value;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == quote) {
                if (m_pos < m_text.size() && m_text[m_pos] == quote) {
                    value += quote;
                    ++m_pos;
                    continue;
                }
                return value;
            }
            if (c != '\\') {
                value += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case 'b':
                value += '\b';
                break;
            case 'f':
                value += '\f';
                break;
            case 'r':
                value += '\r';
                break;
            case 'n':
                value += '\n';
                break;
            case 't':
                value += '\t';
                break;
            case '0':
                value += '\0';
                break;
            case 'a':
                value += '\a';
                break;
            case 'v':
                value += '\v';
                break;
            case 'e':
                value += '\x1b';
                break;
            case 'N':
                break; // reserved, does nothing
            case 'x': {
                auto hex = [](char h) -> int {
                    if (isDigit(h))
                        return h - '0';
                    if (h >= 'a' && h <= 'f')
                        return h - 'a' + 10;
                    if (h >= 'A' && h <= 'F')
                        return h - 'A' + 10;
                    return -1;
                };
                if (m_pos + 1 < m_text.size() && hex(m_text[m_pos]) >= 0 && hex(m_text[m_pos + 1]) >= 0) {
                    value += static_cast<char>(hex(m_text[m_pos]) * 16 + hex(m_text[m_pos + 1]));
                    m_pos += 2;
                } else {
                    value += 'x';
                }
                break;
            }
            case '\\':
            case '\'':
            case '"':
            case '`':
            case '/':
                value += e;
                break;
            default: // an unknown escape keeps its backslash (26.5: '\q' is the two characters \q)
                value += '\\';
                value += e;
            }
        }
        fail(open, std::string("unterminated quoted ") + (quote == '\'' ? "string" : "identifier") +
                       ": missing closing " + quote);
    }

    std::optional<Word> readWord() {
        if (!peekWordStart())
            return std::nullopt;
        Word w;
        w.offset = m_pos;
        if (m_text[m_pos] == '`' || m_text[m_pos] == '"') {
            w.quoted = true;
            w.text = readQuoted();
            return w;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && isWordChar(m_text[m_pos]))
            ++m_pos;
        w.text = std::string(m_text.substr(start, m_pos - start));
        return w;
    }

    Literal readLiteral(const std::string& what) {
        skipSpace();
        Literal l;
        l.offset = m_pos;
        const char c = peek();
        if (c == '\'') {
            l.kind = Literal::Kind::String;
            l.text = readQuoted();
            return l;
        }
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && m_pos + 1 < m_text.size())) {
            const std::size_t start = m_pos;
            std::string sign;
            if (c == '-' || c == '+') { // a unary operator, so spaces may follow it: '- 1'
                sign = c == '-' ? "-" : "";
                ++m_pos;
                skipSpace();
            }
            const std::size_t numberStart = m_pos;
            const std::size_t digitsStart = m_pos;
            if (numberStart < m_text.size() && !isDigit(m_text[numberStart]) && m_text[numberStart] != '.')
                fail(start, what + " must be a number, got '" +
                                std::string(m_text.substr(start, m_pos - start + 1)) + "'");
            while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                ++m_pos;
            bool integral = m_pos > digitsStart;
            if (m_pos < m_text.size() && m_text[m_pos] == '.') {
                integral = false;
                ++m_pos;
                while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                    ++m_pos;
            }
            if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
                integral = false;
                ++m_pos;
                if (m_pos < m_text.size() && (m_text[m_pos] == '-' || m_text[m_pos] == '+'))
                    ++m_pos;
                while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                    ++m_pos;
            }
            const std::string number(m_text.substr(numberStart, m_pos - numberStart));
            l.text = sign + number;
            if (number.empty() || number == "." || (m_pos < m_text.size() && isWordChar(m_text[m_pos])))
                fail(start, what + " must be a number, got '" +
                                std::string(m_text.substr(start, m_pos - start)) + "'");
            if (integral) {
                long long value = 0;
                const char* first = l.text.data();
                const auto [end, ec] = std::from_chars(first, l.text.data() + l.text.size(), value);
                if (ec == std::errc() && end == l.text.data() + l.text.size())
                    l.integer = value;
            }
            return l;
        }
        if (isWordStart(c)) {
            l.kind = Literal::Kind::Word;
            l.text = readWord()->text;
            return l;
        }
        fail(m_pos, what + ": expected a number or a quoted string, got " + describeHere());
    }

    // '(' literal {',' literal} ')' with m_pos at '('; empty parentheses give an empty list.
    std::vector<Literal> readLiteralArguments(const std::string& family) {
        expect('(', "after " + family);
        std::vector<Literal> args;
        if (consume(')'))
            return args;
        do {
            if (!args.empty() && peek() == ')') // a trailing comma, which 26.5's parser allows
                break;
            if (peekWordStart() || peek() == '\'' || isDigit(peek()) || peek() == '-' || peek() == '+' ||
                peek() == '.')
                args.push_back(readLiteral(family + " argument"));
            else
                fail(m_pos, family + " argument: expected a number or a quoted string, got " + describeHere());
        } while (consume(','));
        expect(')', "to close the arguments of " + family);
        return args;
    }

    long long requireInteger(const Literal& l, const std::string& what) {
        if (l.kind != Literal::Kind::Number)
            fail(l.offset, what + " must be an integer, got " + describeLiteral(l));
        if (!l.integer)
            fail(l.offset, what + " must be an integer in range, got " + l.text);
        return *l.integer;
    }

    long long requireRange(const Literal& l, long long low, long long high, const std::string& what) {
        const long long v = requireInteger(l, what);
        if (v < low || v > high)
            fail(l.offset,
                 what + " must be " + std::to_string(low) + ".." + std::to_string(high) + ", got " + l.text);
        return v;
    }

    std::string requireString(const Literal& l, const std::string& what) {
        if (l.kind != Literal::Kind::String)
            fail(l.offset, what + " must be a quoted string, got " + describeLiteral(l));
        return l.text;
    }

    // A time zone the server can load: one of its zones (case matters: 'utc' is refused), or 'localtime';
    // empty means the server's zone.
    std::string timeZone(const Literal& l, const std::string& what) {
        const std::string zone = requireString(l, what);
        if (zone.empty() || zone == "localtime")
            return zone;
        const auto& zones = types::serverTimeZones();
        if (std::binary_search(zones.begin(), zones.end(), std::string_view(zone)))
            return zone;
        std::string message = "unknown time zone " + quoteStringLiteral(zone);
        for (const std::string_view known : zones)
            if (equalsIgnoreCase(known, zone)) {
                message += " (did you mean " + quoteStringLiteral(std::string(known)) + "?)";
                break;
            }
        fail(l.offset, message + "; zones are IANA names such as 'UTC' or 'Europe/Berlin'");
    }

    // Resolve the family name at m_pos: multi-word aliases first (longest), then exact names, names of
    // case-insensitive families, single-word aliases (case-insensitive).
    struct Resolved {
        const Family* family = nullptr;
        std::string spelledAs;
        std::pair<int, int> since{0, 0};
    };

    // probing: the caller only asks whether a family is there; an unknown name gives an empty Resolved
    // instead of an error (whose suggestion is costly to compute).
    Resolved resolveFamily(std::size_t start, bool probing = false) {
        const Word first = *readWord();
        Resolved r;
        r.spelledAs = first.text;
        if (!first.quoted) {
            const std::size_t afterFirst = m_pos;
            std::size_t bestEnd = afterFirst;
            const types::Alias* best = nullptr;
            const std::string firstUpper = upper(first.text);
            for (const auto& alias : types::aliases()) {
                const std::string_view spelling = alias.spelling;
                if (spelling.find(' ') == std::string_view::npos ||
                    spelling.substr(0, spelling.find(' ')) != firstUpper)
                    continue;
                m_pos = afterFirst;
                std::string_view rest = spelling.substr(spelling.find(' ') + 1);
                bool matched = true;
                while (!rest.empty()) {
                    const std::size_t space = rest.find(' ');
                    const std::string_view word = rest.substr(0, space);
                    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                    skipSpace();
                    const std::size_t wordStart = m_pos;
                    while (m_pos < m_text.size() && isWordChar(m_text[m_pos]))
                        ++m_pos;
                    if (upper(m_text.substr(wordStart, m_pos - wordStart)) != word) {
                        matched = false;
                        break;
                    }
                }
                if (matched && m_pos > bestEnd) {
                    bestEnd = m_pos;
                    best = &alias;
                }
            }
            m_pos = bestEnd;
            if (best) {
                r.family = types::findFamily(best->family);
                r.spelledAs = std::string(m_text.substr(start, bestEnd - start));
                r.since = best->since;
                return r;
            }
        }
        if ((r.family = types::findFamily(first.text)))
            return r;
        for (const auto& f : types::families()) {
            if (f.caseInsensitive && equalsIgnoreCase(f.name, first.text)) {
                r.family = &f;
                return r;
            }
        }
        const std::string firstUpper = upper(first.text);
        for (const auto& alias : types::aliases()) {
            if (alias.spelling == firstUpper) {
                r.family = types::findFamily(alias.family);
                r.since = alias.since;
                return r;
            }
        }
        // 26.5's parser reads Enum8 and Enum16 in any case (its enum syntax is parsed apart), though the
        // factory lists them case-sensitive; dated approximately.
        if (!first.quoted && (firstUpper == "ENUM8" || firstUpper == "ENUM16")) {
            r.family = types::findFamily(firstUpper == "ENUM8" ? "Enum8" : "Enum16");
            r.since = {24, 1};
            return r;
        }
        if (probing)
            return {};
        fail(start, unknownFamilyMessage(first.text));
    }

    ClickHouseType parseType(int depth, bool topLevel) {
        skipSpace();
        const std::size_t start = m_pos;
        if (depth > kMaxDepth)
            fail(start, "type nesting is deeper than " + std::to_string(kMaxDepth) + " levels");
        if (!peekWordStart())
            fail(start, "expected a type name, got " + describeHere());
        const Resolved resolved = resolveFamily(start);
        const Family& family = *resolved.family;
        ClickHouseType t;
        t.family = std::string(family.name);
        t.spelledAs = resolved.spelledAs;
        t.spellingSince = later(resolved.since, family.since);
        const std::string name(family.name);
        switch (family.kind) {
        case FamilyKind::Integer:
            parseIntegerArguments(t);
            break;
        case FamilyKind::Float:
            parseFloatArguments(t);
            break;
        case FamilyKind::Plain:
            parseNoArguments(t);
            break;
        case FamilyKind::Decimal:
            parseDecimal(t);
            break;
        case FamilyKind::DecimalFixed:
            parseDecimalFixed(t, family);
            break;
        case FamilyKind::String:
            parseStringArguments(t);
            break;
        case FamilyKind::FixedString:
            parseFixedString(t);
            break;
        case FamilyKind::DateTime:
            parseDateTime(t);
            break;
        case FamilyKind::DateTime64:
            parseDateTime64(t);
            break;
        case FamilyKind::Time64:
            parseTime64(t);
            break;
        case FamilyKind::Enum:
            parseEnum(t);
            break;
        case FamilyKind::Nullable:
            parseNullable(t, depth);
            break;
        case FamilyKind::LowCardinality:
            parseLowCardinality(t, depth);
            break;
        case FamilyKind::Array:
            t.arguments.push_back(typeArgument(parseSingleTypeArgument(name, depth)));
            break;
        case FamilyKind::Tuple:
            parseTuple(t, depth);
            break;
        case FamilyKind::Map:
            parseMap(t, depth);
            break;
        case FamilyKind::Nested:
            // Nested inside other types: 26.5 accepts it (multi-level nesting, ClickHouse 21.7, approx.).
            if (!topLevel)
                t.spellingSince = later(t.spellingSince, {21, 7});
            parseNested(t, depth);
            break;
        case FamilyKind::AggregateFunction:
            parseAggregateFunction(t, depth, false);
            break;
        case FamilyKind::SimpleAggregateFunction:
            parseAggregateFunction(t, depth, true);
            break;
        case FamilyKind::Json:
            parseJson(t, depth);
            break;
        case FamilyKind::Object:
            // 26.5: Unknown data type family: Object (PR #85718).
            fail(start,
                 "Object('json') was removed in ClickHouse 25.11 (and was experimental before); use JSON");
        case FamilyKind::Variant:
            parseVariant(t, depth);
            break;
        case FamilyKind::Dynamic:
            parseDynamic(t);
            break;
        case FamilyKind::Interval:
            parseNoArguments(t);
            break;
        case FamilyKind::NotStorable:
            // A column cannot be Nothing (nor an Array or Nullable of it: see run()), but a Tuple element or
            // a Map's key or value can (26.5).
            if (!m_nothingOffset)
                m_nothingOffset = start;
            parseNoArguments(t);
            break;
        }
        return t;
    }

    // Families without arguments; empty parentheses are allowed, as the server allows them (UUID()).
    void parseNoArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        t.spellingSince = later(t.spellingSince, {21, 1});
        if (args.empty())
            return;
        // Time(p) is Time64(p) on 26.5, as DateTime(p) is DateTime64(p); Time(0) is Time.
        if (t.family == "Time" && args.size() == 1 && args[0].kind == Literal::Kind::Number) {
            const long long precision = requireRange(args[0], 0, 9, "Time precision");
            if (precision > 0) {
                t.family = "Time64";
                t.arguments = {numberArgument(precision)};
            }
            return;
        }
        if (t.family == "Time")
            fail(open, "Time takes no time zone (and at most a precision: Time(3) is Time64(3))");
        // The geo types, BFloat16 and the Interval types take arguments and drop them (26.5); the others
        // refuse them.
        const Family* f = types::findFamily(t.family);
        const bool dropsArguments = f->kind == FamilyKind::Interval || t.family == "BFloat16" ||
                                    t.family == "Point" || t.family == "Ring" || t.family == "Polygon" ||
                                    t.family == "MultiPolygon" || t.family == "LineString" ||
                                    t.family == "MultiLineString" || t.family == "Geometry";
        fail(open, t.family + " takes no arguments" + (dropsArguments ? " (the server would drop them)" : ""),
             dropsArguments ? "argument-ignored" : "");
    }

    void parseIntegerArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 1)
            fail(open, t.spelledAs + " takes at most one argument (a display width, which is ignored)");
        if (!args.empty()) // 26.5 ignores any width (MySQL's INT(11))
            requireRange(args[0], 0, std::numeric_limits<long long>::max(), t.spelledAs + " display width");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseFloatArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 2)
            fail(open, t.spelledAs + " takes at most two arguments (precision and scale, which are ignored)");
        for (const auto& a : args)
            requireRange(a, 0, std::numeric_limits<long long>::max(), t.spelledAs + " argument");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseDecimal(ClickHouseType& t) {
        long long precision = 10;
        long long scale = 0;
        if (peek() == '(') {
            const std::size_t open = m_pos;
            const auto args = readLiteralArguments("Decimal");
            if (args.size() > 2)
                fail(open, "Decimal takes a precision and an optional scale: Decimal(P, S) with P 1..76 and "
                           "S 0..P");
            if (!args.empty())
                precision = requireRange(args[0], 1, 76, "Decimal precision");
            if (args.size() == 2) {
                scale = requireInteger(args[1], "Decimal scale");
                if (scale < 0 || scale > precision)
                    fail(args[1].offset, "Decimal scale must be 0..P (P = " + std::to_string(precision) +
                                             "), got " + args[1].text);
            } else
                t.spellingSince = later(t.spellingSince, {21, 1});
        } else {
            t.spellingSince = later(t.spellingSince, {21, 1});
        }
        t.family = "Decimal";
        t.arguments = {numberArgument(precision), numberArgument(scale)};
    }

    void parseDecimalFixed(ClickHouseType& t, const Family& family) {
        const std::string name(family.name);
        if (peek() != '(')
            fail(m_pos,
                 name + " needs a scale: " + name + "(S) with S 0.." + std::to_string(family.maxPrecision));
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(name);
        if (args.size() != 1)
            fail(open,
                 name + " takes exactly one argument, the scale 0.." + std::to_string(family.maxPrecision));
        const long long scale = requireRange(args[0], 0, family.maxPrecision, name + " scale");
        t.family = "Decimal";
        t.arguments = {numberArgument(family.maxPrecision), numberArgument(scale)};
    }

    void parseStringArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 1)
            fail(open, t.spelledAs + " takes at most one argument (a length, which is ignored)");
        if (!args.empty())
            requireRange(args[0], 0, std::numeric_limits<long long>::max(), t.spelledAs + " length");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseFixedString(ClickHouseType& t) {
        if (peek() != '(')
            fail(m_pos, t.spelledAs + " needs a length in bytes, e.g. FixedString(16)");
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() != 1)
            fail(open, t.spelledAs + " takes exactly one argument, the length in bytes");
        const long long n = requireInteger(args[0], "FixedString length");
        if (n <= 0)
            fail(args[0].offset, "FixedString length must be a positive integer, got " + args[0].text);
        if (n > 0xFFFFFF)
            fail(args[0].offset,
                 "FixedString length is too large (at most 16777215 bytes), got " + args[0].text);
        if (n > 256)
            warn("FixedString(" + std::to_string(n) +
                 ") is refused at CREATE TABLE unless allow_suspicious_fixed_string_types=1 "
                 "(lengths above 256)");
        t.family = "FixedString";
        t.arguments = {numberArgument(n)};
    }

    // DateTime[('tz')]; DateTime(p[, 'tz']) is DateTime64(p[, 'tz']) for p 1..9 on 26.5, DateTime(0) and an
    // empty zone are plain DateTime.
    void parseDateTime(ClickHouseType& t) {
        t.family = "DateTime";
        if (peek() != '(')
            return;
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.empty())
            return;
        if (args.size() > 2)
            fail(open, t.spelledAs + " takes a time zone, e.g. DateTime('UTC'), or a precision and a zone, "
                                     "e.g. DateTime(3, 'UTC')");
        if (args[0].kind == Literal::Kind::Number && t.spelledAs != "DateTime32" &&
            !equalsIgnoreCase(t.spelledAs, "DateTime32")) {
            const long long precision = requireRange(args[0], 0, 9, t.spelledAs + " precision");
            if (precision == 0) { // DateTime(0[, 'tz']) is DateTime[('tz')]
                if (args.size() == 2) {
                    const std::string zone = timeZone(args[1], "DateTime time zone");
                    if (!zone.empty())
                        t.arguments = {stringArgument(zone)};
                }
                t.spellingSince = later(t.spellingSince, {21, 1});
                return;
            }
            t.family = "DateTime64";
            t.arguments = {numberArgument(precision)};
            t.spellingSince = later(t.spellingSince, {21, 1});
            if (args.size() == 2) {
                const std::string zone = timeZone(args[1], "DateTime64 time zone");
                if (!zone.empty())
                    t.arguments.push_back(stringArgument(zone));
            }
            return;
        }
        const std::string zone = timeZone(args[0], t.spelledAs + " time zone");
        if (args.size() == 2)
            fail(args[1].offset,
                 t.spelledAs + " takes only a time zone after which the server ignores " +
                     describeLiteral(args[1]) + "; for sub-second precision use DateTime64(" +
                     describeLiteral(args[1]) + ", " + quoteStringLiteral(zone) + ")",
                 "argument-ignored");
        if (!zone.empty())
            t.arguments = {stringArgument(zone)};
    }

    void parseDateTime64(ClickHouseType& t) {
        long long precision = 3;
        t.family = "DateTime64";
        if (peek() != '(') {
            t.arguments = {numberArgument(precision)};
            return;
        }
        const std::size_t open = m_pos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 2)
            fail(open,
                 "DateTime64 takes a precision 0..9 and an optional time zone, e.g. DateTime64(3, 'UTC')");
        if (!args.empty())
            precision = requireRange(args[0], 0, 9, "DateTime64 precision");
        t.arguments = {numberArgument(precision)};
        if (args.size() == 2) {
            if (args[1].kind == Literal::Kind::Number)
                fail(args[1].offset,
                     "the DateTime64 time zone must be a quoted string, got " + args[1].text +
                         " (which the server ignores)",
                     "argument-ignored");
            const std::string zone = timeZone(args[1], "DateTime64 time zone");
            if (!zone.empty())
                t.arguments.push_back(stringArgument(zone));
        }
    }

    void parseTime64(ClickHouseType& t) {
        t.family = "Time64";
        long long precision = 3;
        if (peek() == '(') {
            const std::size_t open = m_pos;
            const auto args = readLiteralArguments(t.spelledAs);
            if (args.size() > 1)
                fail(open, "Time64 takes one argument, the precision 0..9 (no time zone)");
            if (!args.empty())
                precision = requireRange(args[0], 0, 9, "Time64 precision");
        }
        t.arguments = {numberArgument(precision)};
    }

    void parseEnum(ClickHouseType& t) {
        const std::string name = t.family;
        const std::size_t familyOffset = m_pos - std::min(m_pos, t.spelledAs.size());
        // Enum8/Enum16 spelled in another case: 26.5 reads them only through its expression parser (below).
        const bool otherCase = t.spelledAs != name && name != "Enum";
        if (peek() != '(' && otherCase)
            fail(familyOffset, unknownFamilyMessage(t.spelledAs));
        if (peek() != '(')
            fail(m_pos, name + " needs its elements, e.g. " + name + "('a' = 1, 'b' = 2)");
        expect('(', "after " + name);
        struct Element {
            std::string name;
            std::optional<long long> value;
            std::size_t offset;
            std::size_t valueOffset;
            std::string valueText;
            bool explicitValue = false;
            bool doubleEquals = false; // written 'a' == 1
        };
        std::vector<Element> elements;
        if (peek() == ')')
            fail(m_pos, name + " needs at least one element, e.g. " + name + "('a' = 1)");
        do {
            skipSpace();
            Element e;
            e.offset = m_pos;
            if (peek() != '\'')
                fail(m_pos, name + " element must be a quoted name like 'a' = 1, got " + describeHere());
            e.name = readQuoted();
            if (consumeEquals()) {
                e.doubleEquals = m_text[m_pos - 1] == '=' && m_text[m_pos - 2] == '=';
                skipSpace();
                // '==' or Enum8/Enum16 in another case send the list through the server's expression parser,
                // which takes no unary '+'.
                if ((e.doubleEquals || otherCase) && peek() == '+')
                    fail(m_pos, name + " element " + quoteStringLiteral(e.name) +
                                   ": the server takes no '+' here; write = 5");
                e.valueOffset = m_pos;
                const Literal l = readLiteral(name + " value");
                e.value = requireInteger(l, name + " value");
                e.valueText = l.text;
            }
            elements.push_back(std::move(e));
        } while (consumeSeparator());
        std::size_t back = m_pos;
        while (back > 0 && isSpace(m_text[back - 1]))
            --back;
        const bool trailingComma = back > 0 && m_text[back - 1] == ',';
        expect(')', "to close the elements of " + name);

        // 26.5 (DataTypeEnum.cpp, autoAssignNumberForEnum) takes either every value written, with only the
        // first one possibly left out (it is 1), or only the first one written (or none): the others are
        // numbered from it, 'a' = 5, 'b', 'c' giving 6 and 7.
        std::size_t implicitAfterFirst = 0;
        for (std::size_t i = 1; i < elements.size(); ++i)
            implicitAfterFirst += elements[i].value ? 0 : 1;
        if (implicitAfterFirst != 0 && implicitAfterFirst != elements.size() - 1) {
            const auto mixed = std::find_if(elements.begin() + 1, elements.end(),
                                            [&](const Element& e) { return e.value.has_value(); });
            fail(mixed->offset, name +
                                    " elements must all have a value, or only the first one: 'a' = 5, 'b', "
                                    "'c' numbers b and c from 5; " +
                                    quoteStringLiteral(mixed->name) + " has one after an element without");
        }
        // '==' or Enum8/Enum16 in another case send the list through the server's expression parser, which
        // takes no trailing comma.
        const bool expressionParser =
            otherCase ||
            std::any_of(elements.begin(), elements.end(), [](const Element& e) { return e.doubleEquals; });
        if (expressionParser && trailingComma)
            fail(back - 1, name + ": remove the trailing comma (with '==', or " + name +
                               " spelled otherwise, the server refuses it)");
        // A list with a value left out goes through the server's own enum parser, which takes only '=', and
        // Enum8/Enum16 only in their own case.
        const bool valueLeftOut = implicitAfterFirst != 0 || !elements.front().value;
        if (valueLeftOut && otherCase)
            fail(familyOffset, "unknown type family '" + t.spelledAs + "' (did you mean " + name +
                                   "? with a value left out, only " + name + " is spelled so)");
        if (valueLeftOut)
            for (const Element& e : elements)
                if (e.doubleEquals)
                    fail(e.offset, name + " element " + quoteStringLiteral(e.name) +
                                       ": write '=' (26.5 takes '==' only when every element has a value)");
        const long long start = elements.front().value.value_or(1);
        bool numbered = false;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            Element& e = elements[i];
            if (!e.value) {
                e.value = start + static_cast<long long>(i);
                e.valueOffset = e.offset;
                e.valueText = std::to_string(*e.value);
                numbered = true;
            } else {
                e.explicitValue = true;
            }
        }
        if (numbered)
            t.spellingSince = later(t.spellingSince, {21, 1});

        long long low = -128;
        long long high = 127;
        if (name == "Enum16") {
            low = -32768;
            high = 32767;
        } else if (name == "Enum") {
            bool fitsEnum8 = true;
            for (const auto& e : elements)
                fitsEnum8 = fitsEnum8 && *e.value >= -128 && *e.value <= 127;
            t.family = fitsEnum8 ? "Enum8" : "Enum16";
            low = fitsEnum8 ? -128 : -32768;
            high = fitsEnum8 ? 127 : 32767;
        }
        std::set<std::string> names;
        std::set<long long> values;
        for (const auto& e : elements) {
            // 26.5 wraps a written value around (Enum8('a' = 200) becomes -56, and 'a' is stored as -56):
            // refused here as a deliberate lint. A value it numbers itself out of range it refuses too.
            if (*e.value < low || *e.value > high)
                fail(e.valueOffset,
                     (name == "Enum" ? std::string("Enum") : name) + " values must be " +
                         std::to_string(low) + ".." + std::to_string(high) + ", got " + e.valueText +
                         (e.explicitValue ? " (the server would silently wrap it around)" : ""),
                     e.explicitValue ? "enum-value-wraps" : "");
            if (!names.insert(e.name).second)
                fail(e.offset, name + " element names must be unique: " + quoteStringLiteral(e.name) +
                                   " appears twice");
            if (!values.insert(*e.value).second)
                fail(e.valueOffset,
                     name + " values must be unique: " + std::to_string(*e.value) + " appears twice");
            ClickHouseType::Argument a;
            a.kind = ClickHouseType::Argument::Kind::EnumElement;
            a.text = e.name;
            a.value = e.value;
            t.arguments.push_back(std::move(a));
        }
        // The server keeps the elements ordered by value.
        std::stable_sort(t.arguments.begin(), t.arguments.end(),
                         [](const auto& a, const auto& b) { return *a.value < *b.value; });
    }

    // '(' type ')' for the one-argument wrappers.
    ClickHouseType parseSingleTypeArgument(const std::string& name, int depth) {
        if (peek() != '(')
            fail(m_pos, name + " needs a type argument, e.g. " + name + "(String)");
        expect('(', "after " + name);
        ClickHouseType inner = parseType(depth + 1, false);
        skipSpace();
        if (const std::size_t comma = m_pos; consumeSeparator())
            fail(comma, name + " takes exactly one type argument");
        expect(')', "to close " + name + "(...)");
        return inner;
    }

    void parseNullable(ClickHouseType& t, int depth) {
        skipSpace();
        const std::size_t innerOffset = [&] {
            std::size_t p = m_pos;
            if (p < m_text.size() && m_text[p] == '(')
                ++p;
            while (p < m_text.size() && isSpace(m_text[p]))
                ++p;
            return p;
        }();
        ClickHouseType inner = parseSingleTypeArgument("Nullable", depth);
        // SimpleAggregateFunction(f, T) is stored as T: Nullable takes it where it takes T.
        const ClickHouseType& stored = storedType(inner);
        // Nothing is NULL's own type (a column of it is refused in run()); among an AggregateFunction's
        // argument types 26.5 also takes a Nullable Tuple (and Point, a Tuple).
        const bool takesNull =
            types::findFamily(stored.family)->insideNullable || stored.family == "Nothing" ||
            (m_aggregateArguments > 0 && (stored.family == "Tuple" || stored.family == "Point"));
        if (!takesNull && &stored != &inner)
            fail(innerOffset, "Nullable cannot wrap " + inner.toString() + ": its values are " +
                                  stored.toString() + ", which cannot be NULL");
        if (!takesNull) {
            const std::string text = inner.toString();
            std::string message = "Nullable cannot wrap " + text;
            if (inner.family == "Array") {
                const ClickHouseType& element = *inner.arguments[0].type;
                const Family* ef = types::findFamily(element.family);
                if (ef->insideNullable)
                    message += "; use Array(Nullable(" + element.toString() + "))";
                else
                    message += ": an Array cannot be NULL (an empty array usually stands in for it)";
            } else if (inner.family == "LowCardinality") {
                message += "; use LowCardinality(Nullable(" + inner.arguments[0].type->toString() + "))";
            } else if (inner.family == "Nullable") {
                message = "Nullable cannot wrap Nullable: " + text + " is already nullable";
            } else if (inner.family == "Map") {
                message += ": a Map cannot be NULL; make its values Nullable instead";
            } else if (inner.family == "Tuple") {
                message += ": a Tuple cannot be NULL; make its elements Nullable instead";
            } else {
                message +=
                    "; Nullable allows numbers, Decimal, String, FixedString, dates and times, Enum, UUID, "
                    "IPv4/IPv6, Bool and JSON";
            }
            fail(innerOffset, message);
        }
        t.arguments.push_back(typeArgument(std::move(inner)));
    }

    static bool allowedInLowCardinality(const ClickHouseType& type) {
        const ClickHouseType& inner = storedType(type);
        const ClickHouseType& base =
            inner.family == "Nullable" ? storedType(*inner.arguments[0].type) : inner;
        return types::findFamily(base.family)->insideLowCardinality;
    }

    void parseLowCardinality(ClickHouseType& t, int depth) {
        skipSpace();
        std::size_t innerOffset = m_pos;
        if (innerOffset < m_text.size() && m_text[innerOffset] == '(')
            ++innerOffset;
        while (innerOffset < m_text.size() && isSpace(m_text[innerOffset]))
            ++innerOffset;
        ClickHouseType inner = parseSingleTypeArgument("LowCardinality", depth);
        if (!allowedInLowCardinality(inner))
            fail(innerOffset,
                 "LowCardinality cannot wrap " + inner.toString() +
                     "; it allows String, FixedString, Date, Date32, DateTime, numbers (not Decimal), "
                     "UUID, IPv4/IPv6 and Nullable of those");
        const ClickHouseType& stored = storedType(inner);
        const ClickHouseType& base =
            stored.family == "Nullable" ? storedType(*stored.arguments[0].type) : stored;
        // 26.5 creates LowCardinality of String, FixedString and UUID by default.
        if (base.family != "String" && base.family != "FixedString" && base.family != "UUID")
            warn("LowCardinality(" + inner.toString() +
                 ") is refused at CREATE TABLE unless allow_suspicious_low_cardinality_types=1; "
                 "LowCardinality pays off for String, FixedString and UUID");
        t.arguments.push_back(typeArgument(std::move(inner)));
    }

    // Whether the element at m_pos is `name type` rather than a bare type: as in ClickHouse's parser, a first
    // word followed by another word is a name, even when the two words would make a multi-word alias
    // (26.5 reads Tuple(DOUBLE PRECISION) as an element DOUBLE of the unknown type PRECISION).
    bool elementIsNamed() {
        const std::size_t save = m_pos;
        bool named = false;
        try {
            if (peekWordStart()) {
                readWord();
                named = peekWordStart();
            }
        } catch (const ParseFailure&) {
            named = false;
        }
        m_pos = save;
        return named;
    }

    static bool isPlainIdentifier(std::string_view s) {
        if (s.empty() || !(isAsciiAlpha(s[0]) || s[0] == '_'))
            return false;
        return std::all_of(s.begin(), s.end(),
                           [](char c) { return isAsciiAlpha(c) || isDigit(c) || c == '_'; });
    }

    void parseTuple(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(m_pos, "Tuple needs element types, e.g. Tuple(String, UInt64) or Tuple(a String, b UInt64)");
        expect('(', "after Tuple");
        if (consume(')')) { // Tuple(), which 26.5 stores (empty tuples: ClickHouse 23.10, approx.)
            t.spellingSince = later(t.spellingSince, {23, 10});
            return;
        }
        std::optional<bool> named;
        std::set<std::string> names;
        while (true) {
            skipSpace();
            const std::size_t elementStart = m_pos;
            const bool thisNamed = elementIsNamed();
            if (named && *named != thisNamed)
                fail(elementStart, "Tuple elements must be all named (a String, b UInt64) or all unnamed "
                                   "(String, UInt64), not mixed");
            named = thisNamed;
            if (thisNamed) {
                const Word name = *readWord();
                if (name.text.empty())
                    fail(name.offset, "Tuple element names cannot be empty");
                if (!names.insert(name.text).second)
                    fail(name.offset,
                         "Tuple element names must be unique: '" + name.text + "' appears twice");
                t.arguments.push_back(namedTypeArgument(name.text, parseType(depth + 1, false)));
            } else {
                t.arguments.push_back(typeArgument(parseType(depth + 1, false)));
            }
            if (!consume(','))
                break;
            if (peek() == ')') // trailing comma, as the modern parser allows
                break;
        }
        expect(')', "to close Tuple(...)");
    }

    void parseMap(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(m_pos, "Map needs a key and a value type, e.g. Map(String, UInt64)");
        expect('(', "after Map");
        skipSpace();
        const std::size_t keyOffset = m_pos;
        ClickHouseType key = parseType(depth + 1, false);
        if (const ClickHouseType& stored = storedType(key);
            isNullableOf(stored) || isLowCardinalityOfNullable(stored))
            fail(keyOffset, "Map key cannot be " + key.toString() + ": keys cannot be NULL");
        if (peek() != ',')
            fail(m_pos, "Map takes two types, the key and the value: Map(K, V); got " + describeHere());
        expect(',', "between the Map key and value types");
        ClickHouseType value = parseType(depth + 1, false);
        skipSpace();
        if (const std::size_t comma = m_pos; consumeSeparator())
            fail(comma, "Map takes exactly two types, the key and the value: Map(K, V)");
        expect(')', "to close Map(...)");
        t.arguments = {typeArgument(std::move(key)), typeArgument(std::move(value))};
    }

    void parseNested(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(m_pos, "Nested needs named fields, e.g. Nested(id UInt64, name String)");
        expect('(', "after Nested");
        if (peek() == ')')
            fail(m_pos, "Nested needs at least one field");
        std::set<std::string> names;
        do {
            skipSpace();
            const std::optional<Word> name = readWord();
            if (!name)
                fail(m_pos, "Nested field: expected a field name, got " + describeHere());
            if (name->text.empty())
                fail(name->offset, "Nested field names cannot be empty");
            if (!names.insert(name->text).second)
                fail(name->offset, "Nested field names must be unique: '" + name->text + "' appears twice");
            if (peek() == ',' || peek() == ')' || peek() == '(')
                fail(name->offset, "Nested fields need a name and a type, e.g. Nested(id UInt64)");
            t.arguments.push_back(namedTypeArgument(name->text, parseType(depth + 1, false)));
        } while (consumeSeparator());
        expect(')', "to close Nested(...)");
    }

    // The name the server prints for aggregate function `name`: aliases resolved (median -> quantile), a
    // case-insensitive one in its registered case (MAX -> max), combinators kept (MAXIf -> maxIf); nullopt
    // when 26.5 has no such function.
    static std::optional<std::string> canonicalAggregateFunction(std::string_view name) {
        const auto& functions = types::serverAggregateFunctions();
        const auto canonical = [](const types::AggregateFunctionName& f) {
            return std::string(f.aliasTo.empty() ? f.name : f.aliasTo);
        };
        for (const auto& f : functions)
            if (f.name == name)
                return canonical(f);
        for (const auto& f : functions)
            if (f.caseInsensitive && equalsIgnoreCase(f.name, name))
                return canonical(f);
        for (const std::string_view combinator : types::serverAggregateCombinators())
            if (name.size() > combinator.size() && name.substr(name.size() - combinator.size()) == combinator)
                if (auto base = canonicalAggregateFunction(name.substr(0, name.size() - combinator.size())))
                    return *base + std::string(combinator);
        return std::nullopt;
    }

    // A parameter as the server prints it: numbers in their shortest exact form (0.10 -> 0.1, 1e-5 ->
    // 0.00001), strings quoted.
    static std::string parameterText(const Literal& l) {
        if (l.kind != Literal::Kind::Number || l.integer)
            return describeLiteral(l);
        double value = 0;
        const char* first = l.text.data() + (l.text[0] == '+' ? 1 : 0);
        if (std::from_chars(first, l.text.data() + l.text.size(), value).ec != std::errc())
            return l.text;
        char buffer[400];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
        if (ec != std::errc())
            return l.text;
        std::string text(buffer, end);
        if (text.find('.') == std::string::npos) // a float that is whole: 0.0 -> 0.
            text += '.';
        return text;
    }

    // func[(params)] as ClickHouse prints it: quantiles(0.5, 0.9)
    std::string readAggregateFunctionName(const std::string& family, bool simple) {
        skipSpace();
        const std::optional<Word> func = readWord();
        if (!func)
            fail(m_pos, family + " needs an aggregate function name first, e.g. " + family + "(sum, UInt64)");
        const std::optional<std::string> name = canonicalAggregateFunction(func->text);
        if (!name) {
            std::string message = "unknown aggregate function '" + func->text + "'";
            std::size_t best = 3;
            std::string_view suggestion;
            for (const auto& f : types::serverAggregateFunctions())
                if (const std::size_t d = editDistance(f.name, func->text, LetterCase::Ignored); d < best) {
                    best = d;
                    suggestion = f.name;
                }
            if (!suggestion.empty())
                message += " (did you mean " + std::string(suggestion) + "?)";
            fail(func->offset, message);
        }
        // DataTypeCustomSimpleAggregateFunction.cpp: the functions whose state is a value of the column type.
        static const std::set<std::string, std::less<>> simpleFunctions = {"any",
                                                                           "any_respect_nulls",
                                                                           "anyLast",
                                                                           "anyLast_respect_nulls",
                                                                           "min",
                                                                           "max",
                                                                           "sum",
                                                                           "sumWithOverflow",
                                                                           "groupBitAnd",
                                                                           "groupBitOr",
                                                                           "groupBitXor",
                                                                           "sumMap",
                                                                           "minMap",
                                                                           "maxMap",
                                                                           "groupArrayArray",
                                                                           "groupArrayLastArray",
                                                                           "groupUniqArrayArray",
                                                                           "groupUniqArrayArrayMap",
                                                                           "sumMappedArrays",
                                                                           "minMappedArrays",
                                                                           "maxMappedArrays"};
        if (simple && !simpleFunctions.count(*name))
            fail(func->offset,
                 "SimpleAggregateFunction cannot use " + *name +
                     " (its state is not a plain value); it takes any, anyLast, min, max, sum, "
                     "sumWithOverflow, groupBitAnd/Or/Xor, sumMap, minMap, maxMap, "
                     "groupArrayArray, groupUniqArrayArray and a few more; use AggregateFunction(" +
                     *name + ", ...) for others");
        std::string text = *name;
        if (peek() == '(') {
            const auto params = readLiteralArguments(func->text);
            text += "(";
            for (std::size_t i = 0; i < params.size(); ++i)
                text += (i ? ", " : "") + parameterText(params[i]);
            text += ")";
        }
        return text;
    }

    void parseAggregateFunction(ClickHouseType& t, int depth, bool simple) {
        const std::string name = t.family;
        if (peek() != '(')
            fail(m_pos, name + " needs a function and argument types, e.g. " + name + "(sum, UInt64)");
        expect('(', "after " + name);
        if (!simple && isDigit(peek())) {
            const Literal version = readLiteral("AggregateFunction version");
            // Version 0 is the default, which the server does not print.
            if (const long long v = requireRange(version, 0, 1000000, "AggregateFunction version"); v != 0)
                t.arguments.push_back(numberArgument(v));
            expect(',', "after the AggregateFunction version");
        }
        t.arguments.push_back(identifierArgument(readAggregateFunctionName(name, simple)));
        std::size_t typeCount = 0;
        if (!simple)
            ++m_aggregateArguments;
        while (consumeSeparator()) {
            t.arguments.push_back(typeArgument(parseType(depth + 1, false)));
            ++typeCount;
        }
        if (!simple)
            --m_aggregateArguments;
        // An argument of type Nullable(Nothing) (only NULL) makes the server store the state of a stand-in
        // that always gives NULL (0 for count), keeping the parameters: nothingNull(0.5).
        const auto onlyNull = [](const ClickHouseType::Argument& a) {
            return a.type && a.type->family == "Nullable" && a.type->arguments[0].type->family == "Nothing";
        };
        if (std::any_of(t.arguments.begin(), t.arguments.end(), onlyNull)) {
            auto& function = *std::find_if(t.arguments.begin(), t.arguments.end(), [](const auto& a) {
                return a.kind == ClickHouseType::Argument::Kind::Identifier;
            });
            const std::size_t open = function.text.find('(');
            const std::string base = function.text.substr(0, open);
            function.text = (base == "count" ? "nothingUInt64" : "nothingNull") +
                            (open == std::string::npos ? std::string() : function.text.substr(open));
        }
        if (simple && typeCount == 0)
            fail(m_pos, "SimpleAggregateFunction needs the value type after the function, e.g. "
                       "SimpleAggregateFunction(sum, UInt64)");
        expect(')', "to close " + name + "(...)");
    }

    // JSON path: a.b.`c d`, as the server keeps it: the parts joined by dots, unquoted ("a.b.c d").
    std::string readJsonPath() {
        std::string path;
        do {
            skipSpace();
            const std::optional<Word> part = readWord();
            if (!part)
                fail(m_pos, "JSON path: expected a name, got " + describeHere());
            if (!path.empty())
                path += '.';
            path += part->text;
        } while (consume('.'));
        return path;
    }

    // JSON[(max_dynamic_types=N, max_dynamic_paths=N, path Type, SKIP path, SKIP REGEXP 're')], printed as
    // 26.5 prints it (DataTypeObject::doGetName): parameters that differ from their defaults first, then
    // typed paths, skipped paths and skipped patterns, each sorted.
    void parseJson(ClickHouseType& t, int depth) {
        t.family = "JSON";
        if (peek() != '(')
            return;
        expect('(', "after JSON");
        if (consume(')'))
            return;
        std::optional<long long> maxTypes;
        std::optional<long long> maxPaths;
        struct TypedPath {
            std::size_t offset;
            ClickHouseType type;
        };
        std::map<std::string, TypedPath> typed;
        std::map<std::string, std::size_t> skipped; // path -> offset
        std::multiset<std::string> patterns;        // 26.5 keeps a repeated pattern (not a repeated path)
        do {
            skipSpace();
            const std::size_t argStart = m_pos;
            if (!peekWordStart())
                fail(m_pos, "JSON argument: expected a path, a setting or SKIP, got " + describeHere());
            const std::size_t save = m_pos;
            const Word first = *readWord();
            if (!first.quoted && equalsIgnoreCase(first.text, "SKIP") && peekWordStart()) {
                const std::size_t save2 = m_pos;
                const Word second = *readWord();
                if (!second.quoted && equalsIgnoreCase(second.text, "REGEXP") && peek() != '.') {
                    if (peek() != '\'')
                        fail(m_pos, "SKIP REGEXP needs a quoted pattern, e.g. SKIP REGEXP 'tmp_.*'; got " +
                                       describeHere());
                    const Literal pattern = readLiteral("SKIP REGEXP pattern");
                    checkPattern(pattern);
                    patterns.insert(pattern.text);
                    continue;
                }
                m_pos = save2;
                skipSpace();
                const std::size_t pathOffset = m_pos;
                skipped.emplace(readJsonPath(), pathOffset);
                continue;
            }
            m_pos = save;
            const std::string path = readJsonPath();
            if (consumeEquals()) {
                if (path != "max_dynamic_paths" && path != "max_dynamic_types")
                    fail(argStart, "unknown JSON parameter '" + path +
                                       "' (known: max_dynamic_paths, "
                                       "max_dynamic_types)");
                // 26.5's limits (DataTypeObject.cpp); the last of repeated parameters wins there too.
                const bool types = path == "max_dynamic_types";
                (types ? maxTypes : maxPaths) = requireRange(readLiteral(path), 0, types ? 254 : 10000, path);
                continue;
            }
            skipSpace();
            const std::size_t hintOffset = m_pos;
            ClickHouseType hint = parseType(depth + 1, false);
            if (const std::string why = m_aggregateArguments > 0 ? std::string() : notReadableFromJson(hint);
                !why.empty())
                fail(hintOffset,
                     "JSON path '" + path + "' cannot have the type " + hint.toString() + ": " + why);
            if (typed.count(path))
                fail(argStart, "JSON path '" + path + "' has two types; give each path one type");
            typed.emplace(path, TypedPath{argStart, std::move(hint)});
        } while (consumeSeparator());
        expect(')', "to close JSON(...)");
        for (const auto& [path, hint] : typed)
            for (const auto& [skip, offset] : skipped)
                if (path.compare(0, skip.size(), skip) == 0)
                    fail(hint.offset, "JSON path '" + path + "' has a type but is skipped by SKIP " +
                                          types::backQuoteIfNeeded(skip));
        // A pattern skips the paths it matches as a whole (RE2 FullMatch on 26.5; std::regex reads the
        // common subset alike, and a pattern it cannot read is left to the server). std::regex backtracks,
        // so a repeated group ('(a*)*') is left to the server too: it could take exponential time while the
        // user types.
        static const std::regex repeatedGroup(R"(\)[*+?{])");
        for (const auto& [path, hint] : typed)
            for (const auto& pattern : patterns) {
                if (std::regex_search(pattern, repeatedGroup))
                    continue;
                bool matches = false;
                try {
                    matches = std::regex_match(path, std::regex(pattern));
                } catch (const std::regex_error&) {
                    matches = false;
                }
                if (matches)
                    fail(hint.offset, "JSON path '" + path + "' has a type but is skipped by SKIP REGEXP " +
                                          quoteStringLiteral(pattern));
            }
        if (maxTypes && *maxTypes != 32)
            t.arguments.push_back(
                identifierArgument("max_dynamic_types=" + std::to_string(*maxTypes), maxTypes));
        if (maxPaths && *maxPaths != 1024)
            t.arguments.push_back(
                identifierArgument("max_dynamic_paths=" + std::to_string(*maxPaths), maxPaths));
        for (auto& [path, hint] : typed)
            t.arguments.push_back(namedTypeArgument(path, std::move(hint.type)));
        for (const auto& [path, offset] : skipped)
            t.arguments.push_back(identifierArgument("SKIP " + types::backQuoteIfNeeded(path)));
        for (const auto& pattern : patterns)
            t.arguments.push_back(identifierArgument("SKIP REGEXP " + quoteStringLiteral(pattern)));
    }

    // Why a JSON typed path cannot be `type` (26.5: "JSON serialization doesn't support the return type"),
    // or empty: JSON has no text form for intervals, BFloat16, aggregate states or Nothing, and its objects'
    // keys are strings, so a Map's key must be a String.
    static std::string notReadableFromJson(const ClickHouseType& type) {
        const std::string& f = type.family;
        if (f.rfind("Interval", 0) == 0 || f == "BFloat16" || f == "AggregateFunction" || f == "Nothing")
            return "JSON has no values of " + f;
        if (f == "Map") {
            const ClickHouseType& key = *type.arguments[0].type;
            const ClickHouseType& plainKey = key.family == "LowCardinality" ? *key.arguments[0].type : key;
            if (plainKey.family != "String")
                return "the keys of a JSON object are strings, not " + key.toString();
        }
        if (f == "JSON") // its own typed paths were checked when it was read
            return {};
        for (const auto& a : type.arguments)
            if (a.type)
                if (std::string why = notReadableFromJson(*a.type); !why.empty())
                    return why;
        return {};
    }

    // A SKIP REGEXP pattern the server's RE2 cannot compile: only the unbalanced brackets are caught here.
    void checkPattern(const Literal& pattern) {
        int parens = 0;
        bool inClass = false;
        for (std::size_t i = 0; i < pattern.text.size(); ++i) {
            const char c = pattern.text[i];
            if (c == '\\') {
                ++i;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                ++parens;
            } else if (c == ')' && --parens < 0) {
                break;
            }
        }
        if (parens != 0 || inClass)
            fail(pattern.offset, "SKIP REGEXP " + quoteStringLiteral(pattern.text) +
                                     " is not a valid regular expression (unbalanced brackets)");
    }

    void parseVariant(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(m_pos, "Variant needs member types, e.g. Variant(String, UInt64)");
        expect('(', "after Variant");
        if (peek() == ')')
            fail(m_pos, "Variant needs at least one member type");
        std::set<std::string> seen;
        do {
            skipSpace();
            const std::size_t memberOffset = m_pos;
            ClickHouseType member = parseType(depth + 1, false);
            const ClickHouseType& stored = storedType(member);
            if (isNullableOf(stored) || isLowCardinalityOfNullable(stored) || stored.family == "Variant" ||
                stored.family == "Geometry")
                fail(memberOffset,
                     "Variant members cannot be " + member.toString() +
                         " (no Nullable, LowCardinality(Nullable) or Variant inside Variant, and "
                         "Geometry is a Variant; a Variant is NULL when it holds no member)");
            if (stored.family == "Dynamic")
                fail(memberOffset, "Variant members cannot be " + member.toString() +
                                       ": Dynamic already holds values of any type");
            // A repeated member is dropped, as 26.5 does: Variant(String, String) is Variant(String); so is
            // Nothing, which no value has.
            if (stored.family != "Nothing" && seen.insert(member.toString()).second)
                t.arguments.push_back(typeArgument(std::move(member)));
        } while (consumeSeparator());
        expect(')', "to close Variant(...)");
        if (t.arguments.empty())
            fail(m_pos, "Variant needs at least one member type other than Nothing");
        // ClickHouse prints members sorted by name.
        std::sort(t.arguments.begin(), t.arguments.end(),
                  [](const auto& a, const auto& b) { return a.type->toString() < b.type->toString(); });
        for (std::size_t i = 0; i < t.arguments.size(); ++i)
            for (std::size_t j = i + 1; j < t.arguments.size(); ++j)
                if (similarVariantMembers(*t.arguments[i].type, *t.arguments[j].type)) {
                    warn(t.toString() +
                         " is refused at CREATE TABLE unless allow_suspicious_variant_types=1: its members " +
                         t.arguments[i].type->toString() + " and " + t.arguments[j].type->toString() +
                         " are similar, so a value could be read as either");
                    return;
                }
    }

    void parseDynamic(ClickHouseType& t) {
        if (peek() != '(')
            return;
        expect('(', "after Dynamic");
        if (consume(')'))
            return;
        skipSpace();
        const std::size_t settingOffset = m_pos;
        const std::optional<Word> setting = readWord();
        if (!setting || setting->text != "max_types")
            fail(settingOffset, "Dynamic takes one setting, max_types: Dynamic(max_types=N)");
        if (!consumeEquals())
            fail(m_pos, "expected '=' after max_types, got " + describeHere());
        const long long v = requireRange(readLiteral("max_types"), 0, 254, "Dynamic max_types");
        if (v != 32) // the default, which the server does not print
            t.arguments.push_back(identifierArgument("max_types=" + std::to_string(v), v));
        expect(')', "to close Dynamic(...)");
    }

    // CREATE TABLE checks suspicious types everywhere except inside AggregateFunction's arguments (26.5).
    void warn(std::string message) {
        if (m_aggregateArguments == 0)
            m_warnings.push_back(std::move(message));
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::vector<std::string> m_warnings;
    int m_aggregateArguments = 0;               // depth of AggregateFunction(...) argument lists around m_pos
    std::optional<std::size_t> m_nothingOffset; // where the first Nothing is
};

} // namespace

TypeCheckResult checkClickHouseType(std::string_view text) {
    return TypeParser(text).run();
}

} // namespace ckstudio
