// Recursive-descent parser for ClickHouse type names (reference/clickhouse.md §4.3-4.5, after
// src/Parsers/ParserDataType.cpp and the families' create() checks).
#include "types/ClickHouseType.h"
#include "types/TypeFamilies.h"

#include <algorithm>
#include <charconv>
#include <map>
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

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = toUpper(a[i - 1]) == toUpper(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknownFamilyMessage(const std::string& name) {
    // Suggestions cost |name| x |candidate| per candidate: no point for names far longer than any family.
    if (name.size() > 64)
        return "unknown type family '" + name.substr(0, 64) + "...'";
    std::string best;
    std::size_t bestDistance = std::string::npos;
    auto consider = [&](std::string_view candidate) {
        const std::size_t d = editDistance(name, candidate);
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
    return l.kind == Literal::Kind::String ? types::quoteString(l.text) : l.text;
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

bool isNullableOf(const ClickHouseType& t) {
    return t.family == "Nullable";
}
bool isLowCardinalityOfNullable(const ClickHouseType& t) {
    return t.family == "LowCardinality" && !t.arguments.empty() && t.arguments[0].type &&
           isNullableOf(*t.arguments[0].type);
}

class TypeParser {
public:
    explicit TypeParser(std::string_view text)
        : mText(text) {}

    TypeCheckResult run() {
        TypeCheckResult result;
        try {
            if (atEnd())
                fail(mPos, "empty type: expected a ClickHouse type such as String or Nullable(Int64)");
            ClickHouseType type = parseType(1, true);
            if (!atEnd())
                fail(mPos, "unexpected " + describeHere() + " after the type " + type.toString());
            result.type = std::move(type);
            result.warnings = std::move(mWarnings);
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
        while (mPos < mText.size() && isSpace(mText[mPos]))
            ++mPos;
    }
    bool atEnd() {
        skipSpace();
        return mPos >= mText.size();
    }
    char peek() {
        skipSpace();
        return mPos < mText.size() ? mText[mPos] : '\0';
    }
    bool consume(char c) {
        if (atEnd() || mText[mPos] != c)
            return false;
        ++mPos;
        return true;
    }
    void expect(char c, const std::string& context) {
        if (!consume(c))
            fail(mPos, std::string("expected '") + c + "' " + context + ", got " + describeHere());
    }
    bool peekWordStart() {
        const char c = peek();
        return isWordStart(c) || c == '`' || c == '"';
    }

    std::string describeHere() {
        if (atEnd())
            return "end of input";
        if (isWordStart(mText[mPos])) {
            std::size_t end = mPos;
            while (end < mText.size() && isWordChar(mText[end]))
                ++end;
            const std::size_t shown = std::min<std::size_t>(end - mPos, 40);
            return "'" + std::string(mText.substr(mPos, shown)) + (shown < end - mPos ? "...'" : "'");
        }
        return "'" + std::string(1, mText[mPos]) + "'";
    }

    // A quoted token starting at mPos: '...', `...` or "...". Backslash escapes and a doubled quote work
    // like in ClickHouse string literals; an unknown escape yields the character itself.
    std::string readQuoted() {
        const std::size_t open = mPos;
        const char quote = mText[mPos++];
        std::string value;
        while (mPos < mText.size()) {
            const char c = mText[mPos++];
            if (c == quote) {
                if (mPos < mText.size() && mText[mPos] == quote) {
                    value += quote;
                    ++mPos;
                    continue;
                }
                return value;
            }
            if (c != '\\') {
                value += c;
                continue;
            }
            if (mPos >= mText.size())
                break;
            const char e = mText[mPos++];
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
                if (mPos + 1 < mText.size() && hex(mText[mPos]) >= 0 && hex(mText[mPos + 1]) >= 0) {
                    value += static_cast<char>(hex(mText[mPos]) * 16 + hex(mText[mPos + 1]));
                    mPos += 2;
                } else {
                    value += 'x';
                }
                break;
            }
            default:
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
        w.offset = mPos;
        if (mText[mPos] == '`' || mText[mPos] == '"') {
            w.quoted = true;
            w.text = readQuoted();
            return w;
        }
        const std::size_t start = mPos;
        while (mPos < mText.size() && isWordChar(mText[mPos]))
            ++mPos;
        w.text = std::string(mText.substr(start, mPos - start));
        return w;
    }

    Literal readLiteral(const std::string& what) {
        skipSpace();
        Literal l;
        l.offset = mPos;
        const char c = peek();
        if (c == '\'') {
            l.kind = Literal::Kind::String;
            l.text = readQuoted();
            return l;
        }
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && mPos + 1 < mText.size())) {
            const std::size_t start = mPos;
            if (c == '-' || c == '+')
                ++mPos;
            const std::size_t digitsStart = mPos;
            while (mPos < mText.size() && isDigit(mText[mPos]))
                ++mPos;
            bool integral = mPos > digitsStart;
            if (mPos < mText.size() && mText[mPos] == '.') {
                integral = false;
                ++mPos;
                while (mPos < mText.size() && isDigit(mText[mPos]))
                    ++mPos;
            }
            if (mPos < mText.size() && (mText[mPos] == 'e' || mText[mPos] == 'E')) {
                integral = false;
                ++mPos;
                if (mPos < mText.size() && (mText[mPos] == '-' || mText[mPos] == '+'))
                    ++mPos;
                while (mPos < mText.size() && isDigit(mText[mPos]))
                    ++mPos;
            }
            l.text = std::string(mText.substr(start, mPos - start));
            if (l.text == "-" || l.text == "+" || l.text == "." ||
                (mPos < mText.size() && isWordChar(mText[mPos])))
                fail(start, what + " must be a number, got '" + l.text + "'");
            if (integral) {
                long long value = 0;
                const char* first = l.text.data() + (l.text[0] == '+' ? 1 : 0);
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
        fail(mPos, what + ": expected a number or a quoted string, got " + describeHere());
    }

    // '(' literal {',' literal} ')' with mPos at '('; empty parentheses give an empty list.
    std::vector<Literal> readLiteralArguments(const std::string& family) {
        expect('(', "after " + family);
        std::vector<Literal> args;
        if (consume(')'))
            return args;
        do {
            if (peekWordStart() || peek() == '\'' || isDigit(peek()) || peek() == '-' || peek() == '+' ||
                peek() == '.')
                args.push_back(readLiteral(family + " argument"));
            else
                fail(mPos, family + " argument: expected a number or a quoted string, got " + describeHere());
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

    // Resolve the family name at mPos: multi-word aliases first (longest), then exact names, names of
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
            const std::size_t afterFirst = mPos;
            std::size_t bestEnd = afterFirst;
            const types::Alias* best = nullptr;
            const std::string firstUpper = upper(first.text);
            for (const auto& alias : types::aliases()) {
                const std::string_view spelling = alias.spelling;
                if (spelling.find(' ') == std::string_view::npos ||
                    spelling.substr(0, spelling.find(' ')) != firstUpper)
                    continue;
                mPos = afterFirst;
                std::string_view rest = spelling.substr(spelling.find(' ') + 1);
                bool matched = true;
                while (!rest.empty()) {
                    const std::size_t space = rest.find(' ');
                    const std::string_view word = rest.substr(0, space);
                    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                    skipSpace();
                    const std::size_t wordStart = mPos;
                    while (mPos < mText.size() && isWordChar(mText[mPos]))
                        ++mPos;
                    if (upper(mText.substr(wordStart, mPos - wordStart)) != word) {
                        matched = false;
                        break;
                    }
                }
                if (matched && mPos > bestEnd) {
                    bestEnd = mPos;
                    best = &alias;
                }
            }
            mPos = bestEnd;
            if (best) {
                r.family = types::findFamily(best->family);
                r.spelledAs = std::string(mText.substr(start, bestEnd - start));
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
        if (probing)
            return {};
        fail(start, unknownFamilyMessage(first.text));
    }

    ClickHouseType parseType(int depth, bool topLevel) {
        skipSpace();
        const std::size_t start = mPos;
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
            fail(start, "Nothing cannot be used in a table column (it only types empty literals like [] "
                        "or NULL in expressions)");
        }
        return t;
    }

    // Families without arguments; empty parentheses are allowed, as the server allows them (UUID()).
    void parseNoArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = mPos;
        if (!readLiteralArguments(t.spelledAs).empty())
            fail(open, t.family + " takes no arguments");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseIntegerArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = mPos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 1)
            fail(open, t.spelledAs + " takes at most one argument (a display width, which is ignored)");
        if (!args.empty())
            requireRange(args[0], 0, 255, t.spelledAs + " display width");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseFloatArguments(ClickHouseType& t) {
        if (peek() != '(')
            return;
        const std::size_t open = mPos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 2)
            fail(open, t.spelledAs + " takes at most two arguments (precision and scale, which are ignored)");
        for (const auto& a : args)
            requireRange(a, 0, 255, t.spelledAs + " argument");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseDecimal(ClickHouseType& t) {
        long long precision = 10;
        long long scale = 0;
        if (peek() == '(') {
            const std::size_t open = mPos;
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
            fail(mPos,
                 name + " needs a scale: " + name + "(S) with S 0.." + std::to_string(family.maxPrecision));
        const std::size_t open = mPos;
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
        const std::size_t open = mPos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.size() > 1)
            fail(open, t.spelledAs + " takes at most one argument (a length, which is ignored)");
        if (!args.empty())
            requireRange(args[0], 0, 1LL << 40, t.spelledAs + " length");
        t.spellingSince = later(t.spellingSince, {21, 1});
    }

    void parseFixedString(ClickHouseType& t) {
        if (peek() != '(')
            fail(mPos, t.spelledAs + " needs a length in bytes, e.g. FixedString(16)");
        const std::size_t open = mPos;
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
            mWarnings.push_back("FixedString(" + std::to_string(n) +
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
        const std::size_t open = mPos;
        const auto args = readLiteralArguments(t.spelledAs);
        if (args.empty())
            return;
        if (args.size() > 2)
            fail(open, t.spelledAs + " takes a time zone, e.g. DateTime('UTC'), or a precision and a zone, "
                                     "e.g. DateTime(3, 'UTC')");
        if (args[0].kind == Literal::Kind::Number && t.spelledAs != "DateTime32" &&
            !equalsIgnoreCase(t.spelledAs, "DateTime32")) {
            const long long precision = requireRange(args[0], 0, 9, t.spelledAs + " precision");
            if (precision == 0 && args.size() == 1)
                return;
            if (precision == 0)
                fail(args[0].offset, t.spelledAs + "(0, ...) is not a valid form; write DateTime(" +
                                         describeLiteral(args[1]) + ")");
            t.family = "DateTime64";
            t.arguments = {numberArgument(precision)};
            t.spellingSince = later(t.spellingSince, {21, 1});
            if (args.size() == 2) {
                const std::string zone = requireString(args[1], "DateTime64 time zone");
                if (!zone.empty())
                    t.arguments.push_back(stringArgument(zone));
            }
            return;
        }
        const std::string zone = requireString(args[0], t.spelledAs + " time zone");
        if (args.size() == 2)
            fail(args[1].offset,
                 t.spelledAs + " takes only a time zone after which the server ignores " +
                     describeLiteral(args[1]) + "; for sub-second precision use DateTime64(" +
                     describeLiteral(args[1]) + ", " + types::quoteString(zone) + ")",
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
        const std::size_t open = mPos;
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
            const std::string zone = requireString(args[1], "DateTime64 time zone");
            if (!zone.empty())
                t.arguments.push_back(stringArgument(zone));
        }
    }

    void parseTime64(ClickHouseType& t) {
        t.family = "Time64";
        long long precision = 3;
        if (peek() == '(') {
            const std::size_t open = mPos;
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
        if (peek() != '(')
            fail(mPos, name + " needs its elements, e.g. " + name + "('a' = 1, 'b' = 2)");
        expect('(', "after " + name);
        struct Element {
            std::string name;
            std::optional<long long> value;
            std::size_t offset;
            std::size_t valueOffset;
            std::string valueText;
            bool explicitValue = false;
        };
        std::vector<Element> elements;
        if (peek() == ')')
            fail(mPos, name + " needs at least one element, e.g. " + name + "('a' = 1)");
        do {
            skipSpace();
            Element e;
            e.offset = mPos;
            if (peek() != '\'')
                fail(mPos, name + " element must be a quoted name like 'a' = 1, got " + describeHere());
            e.name = readQuoted();
            if (consume('=')) {
                skipSpace();
                e.valueOffset = mPos;
                const Literal l = readLiteral(name + " value");
                e.value = requireInteger(l, name + " value");
                e.valueText = l.text;
            }
            elements.push_back(std::move(e));
        } while (consume(','));
        expect(')', "to close the elements of " + name);

        // An element without a value takes the previous one's plus 1, the first 1 (as 26.5 numbers them).
        long long next = 1;
        bool numbered = false;
        for (auto& e : elements) {
            if (!e.value) {
                e.value = next;
                e.valueOffset = e.offset;
                e.valueText = std::to_string(next);
                numbered = true;
            } else {
                e.explicitValue = true;
            }
            next = *e.value + 1;
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
                fail(e.offset, name + " element names must be unique: " + types::quoteString(e.name) +
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
    }

    // '(' type ')' for the one-argument wrappers.
    ClickHouseType parseSingleTypeArgument(const std::string& name, int depth) {
        if (peek() != '(')
            fail(mPos, name + " needs a type argument, e.g. " + name + "(String)");
        expect('(', "after " + name);
        ClickHouseType inner = parseType(depth + 1, false);
        if (peek() == ',')
            fail(mPos, name + " takes exactly one type argument");
        expect(')', "to close " + name + "(...)");
        return inner;
    }

    void parseNullable(ClickHouseType& t, int depth) {
        skipSpace();
        const std::size_t innerOffset = [&] {
            std::size_t p = mPos;
            if (p < mText.size() && mText[p] == '(')
                ++p;
            while (p < mText.size() && isSpace(mText[p]))
                ++p;
            return p;
        }();
        ClickHouseType inner = parseSingleTypeArgument("Nullable", depth);
        const Family* f = types::findFamily(inner.family);
        if (!f->insideNullable) {
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

    static bool allowedInLowCardinality(const ClickHouseType& inner) {
        const ClickHouseType& base = inner.family == "Nullable" ? *inner.arguments[0].type : inner;
        return types::findFamily(base.family)->insideLowCardinality;
    }

    void parseLowCardinality(ClickHouseType& t, int depth) {
        skipSpace();
        std::size_t innerOffset = mPos;
        if (innerOffset < mText.size() && mText[innerOffset] == '(')
            ++innerOffset;
        while (innerOffset < mText.size() && isSpace(mText[innerOffset]))
            ++innerOffset;
        ClickHouseType inner = parseSingleTypeArgument("LowCardinality", depth);
        if (!allowedInLowCardinality(inner))
            fail(innerOffset,
                 "LowCardinality cannot wrap " + inner.toString() +
                     "; it allows String, FixedString, Date, Date32, DateTime, numbers (not Decimal), "
                     "UUID, IPv4/IPv6 and Nullable of those");
        const ClickHouseType& base = inner.family == "Nullable" ? *inner.arguments[0].type : inner;
        // 26.5 creates LowCardinality of String, FixedString and UUID by default.
        if (base.family != "String" && base.family != "FixedString" && base.family != "UUID")
            mWarnings.push_back(
                "LowCardinality(" + inner.toString() +
                ") is refused at CREATE TABLE unless allow_suspicious_low_cardinality_types=1; "
                "LowCardinality pays off for String, FixedString and UUID");
        t.arguments.push_back(typeArgument(std::move(inner)));
    }

    // Whether the element at mPos is `name type` rather than a bare type: as in ClickHouse's parser, a first
    // word followed by another word is a name, even when the two words would make a multi-word alias
    // (26.5 reads Tuple(DOUBLE PRECISION) as an element DOUBLE of the unknown type PRECISION).
    bool elementIsNamed() {
        const std::size_t save = mPos;
        bool named = false;
        try {
            if (peekWordStart()) {
                readWord();
                named = peekWordStart();
            }
        } catch (const ParseFailure&) {
            named = false;
        }
        mPos = save;
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
            fail(mPos, "Tuple needs element types, e.g. Tuple(String, UInt64) or Tuple(a String, b UInt64)");
        expect('(', "after Tuple");
        if (consume(')')) { // Tuple(), which 26.5 stores (empty tuples: ClickHouse 23.10, approx.)
            t.spellingSince = later(t.spellingSince, {23, 10});
            return;
        }
        std::optional<bool> named;
        std::set<std::string> names;
        while (true) {
            skipSpace();
            const std::size_t elementStart = mPos;
            const bool thisNamed = elementIsNamed();
            if (named && *named != thisNamed)
                fail(elementStart, "Tuple elements must be all named (a String, b UInt64) or all unnamed "
                                   "(String, UInt64), not mixed");
            named = thisNamed;
            if (thisNamed) {
                const Word name = *readWord();
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
            fail(mPos, "Map needs a key and a value type, e.g. Map(String, UInt64)");
        expect('(', "after Map");
        skipSpace();
        const std::size_t keyOffset = mPos;
        ClickHouseType key = parseType(depth + 1, false);
        if (isNullableOf(key) || isLowCardinalityOfNullable(key))
            fail(keyOffset, "Map key cannot be " + key.toString() + ": keys cannot be NULL");
        if (peek() != ',')
            fail(mPos, "Map takes two types, the key and the value: Map(K, V); got " + describeHere());
        expect(',', "between the Map key and value types");
        ClickHouseType value = parseType(depth + 1, false);
        if (peek() == ',')
            fail(mPos, "Map takes exactly two types, the key and the value: Map(K, V)");
        expect(')', "to close Map(...)");
        t.arguments = {typeArgument(std::move(key)), typeArgument(std::move(value))};
    }

    void parseNested(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(mPos, "Nested needs named fields, e.g. Nested(id UInt64, name String)");
        expect('(', "after Nested");
        if (peek() == ')')
            fail(mPos, "Nested needs at least one field");
        std::set<std::string> names;
        do {
            skipSpace();
            const std::optional<Word> name = readWord();
            if (!name)
                fail(mPos, "Nested field: expected a field name, got " + describeHere());
            if (!names.insert(name->text).second)
                fail(name->offset, "Nested field names must be unique: '" + name->text + "' appears twice");
            if (peek() == ',' || peek() == ')' || peek() == '(')
                fail(name->offset, "Nested fields need a name and a type, e.g. Nested(id UInt64)");
            t.arguments.push_back(namedTypeArgument(name->text, parseType(depth + 1, false)));
        } while (consume(','));
        expect(')', "to close Nested(...)");
    }

    // func[(params)] as ClickHouse prints it: quantiles(0.5, 0.9)
    std::string readAggregateFunctionName(const std::string& family) {
        skipSpace();
        const std::optional<Word> func = readWord();
        if (!func)
            fail(mPos, family + " needs an aggregate function name first, e.g. " + family + "(sum, UInt64)");
        std::string text = func->text;
        if (peek() == '(') {
            const auto params = readLiteralArguments(func->text);
            text += "(";
            for (std::size_t i = 0; i < params.size(); ++i)
                text += (i ? ", " : "") + describeLiteral(params[i]);
            text += ")";
        }
        return text;
    }

    void parseAggregateFunction(ClickHouseType& t, int depth, bool simple) {
        const std::string name = t.family;
        if (peek() != '(')
            fail(mPos, name + " needs a function and argument types, e.g. " + name + "(sum, UInt64)");
        expect('(', "after " + name);
        if (!simple && isDigit(peek())) {
            const Literal version = readLiteral("AggregateFunction version");
            t.arguments.push_back(
                numberArgument(requireRange(version, 0, 1000000, "AggregateFunction version")));
            expect(',', "after the AggregateFunction version");
        }
        t.arguments.push_back(identifierArgument(readAggregateFunctionName(name)));
        std::size_t typeCount = 0;
        while (consume(',')) {
            t.arguments.push_back(typeArgument(parseType(depth + 1, false)));
            ++typeCount;
        }
        if (simple && typeCount == 0)
            fail(mPos, "SimpleAggregateFunction needs the value type after the function, e.g. "
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
                fail(mPos, "JSON path: expected a name, got " + describeHere());
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
        std::set<std::string> patterns;
        do {
            skipSpace();
            const std::size_t argStart = mPos;
            if (!peekWordStart())
                fail(mPos, "JSON argument: expected a path, a setting or SKIP, got " + describeHere());
            const std::size_t save = mPos;
            const Word first = *readWord();
            if (!first.quoted && equalsIgnoreCase(first.text, "SKIP") && peekWordStart()) {
                const std::size_t save2 = mPos;
                const Word second = *readWord();
                if (!second.quoted && equalsIgnoreCase(second.text, "REGEXP") && peek() == '\'') {
                    const Literal pattern = readLiteral("SKIP REGEXP pattern");
                    checkPattern(pattern);
                    patterns.insert(pattern.text);
                    continue;
                }
                mPos = save2;
                skipSpace();
                const std::size_t pathOffset = mPos;
                skipped.emplace(readJsonPath(), pathOffset);
                continue;
            }
            mPos = save;
            const std::string path = readJsonPath();
            if (consume('=')) {
                if (path != "max_dynamic_paths" && path != "max_dynamic_types")
                    fail(argStart, "unknown JSON parameter '" + path +
                                       "' (known: max_dynamic_paths, "
                                       "max_dynamic_types)");
                // 26.5's limits (DataTypeObject.cpp); the last of repeated parameters wins there too.
                const bool types = path == "max_dynamic_types";
                (types ? maxTypes : maxPaths) = requireRange(readLiteral(path), 0, types ? 254 : 10000, path);
                continue;
            }
            ClickHouseType hint = parseType(depth + 1, false);
            if (typed.count(path))
                fail(argStart, "JSON path '" + path + "' has two types; give each path one type");
            typed.emplace(path, TypedPath{argStart, std::move(hint)});
        } while (consume(','));
        expect(')', "to close JSON(...)");
        for (const auto& [path, hint] : typed)
            for (const auto& [skip, offset] : skipped)
                if (path.compare(0, skip.size(), skip) == 0)
                    fail(hint.offset, "JSON path '" + path + "' has a type but is skipped by SKIP " +
                                          types::backQuoteIfNeeded(skip));
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
            t.arguments.push_back(identifierArgument("SKIP REGEXP " + types::quoteString(pattern)));
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
            fail(pattern.offset, "SKIP REGEXP " + types::quoteString(pattern.text) +
                                     " is not a valid regular expression (unbalanced brackets)");
    }

    void parseVariant(ClickHouseType& t, int depth) {
        if (peek() != '(')
            fail(mPos, "Variant needs member types, e.g. Variant(String, UInt64)");
        expect('(', "after Variant");
        if (peek() == ')')
            fail(mPos, "Variant needs at least one member type");
        std::set<std::string> seen;
        do {
            skipSpace();
            const std::size_t memberOffset = mPos;
            ClickHouseType member = parseType(depth + 1, false);
            if (isNullableOf(member) || isLowCardinalityOfNullable(member) || member.family == "Variant")
                fail(memberOffset, "Variant members cannot be " + member.toString() +
                                       " (no Nullable, LowCardinality(Nullable) or Variant inside Variant; a "
                                       "Variant is NULL when it holds no member)");
            // A repeated member is dropped, as 26.5 does: Variant(String, String) is Variant(String).
            if (seen.insert(member.toString()).second)
                t.arguments.push_back(typeArgument(std::move(member)));
        } while (consume(','));
        expect(')', "to close Variant(...)");
        // ClickHouse prints members sorted by name.
        std::sort(t.arguments.begin(), t.arguments.end(),
                  [](const auto& a, const auto& b) { return a.type->toString() < b.type->toString(); });
    }

    void parseDynamic(ClickHouseType& t) {
        if (peek() != '(')
            return;
        expect('(', "after Dynamic");
        if (consume(')'))
            return;
        skipSpace();
        const std::size_t settingOffset = mPos;
        const std::optional<Word> setting = readWord();
        if (!setting || setting->text != "max_types")
            fail(settingOffset, "Dynamic takes one setting, max_types: Dynamic(max_types=N)");
        expect('=', "after max_types");
        const long long v = requireRange(readLiteral("max_types"), 0, 254, "Dynamic max_types");
        t.arguments.push_back(identifierArgument("max_types=" + std::to_string(v), v));
        expect(')', "to close Dynamic(...)");
    }

    std::string_view mText;
    std::size_t mPos = 0;
    std::vector<std::string> mWarnings;
};

} // namespace

TypeCheckResult checkClickHouseType(std::string_view text) {
    return TypeParser(text).run();
}

} // namespace ckstudio
