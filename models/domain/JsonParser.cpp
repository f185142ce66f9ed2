#include "domain/JsonParser.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <locale.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ckstudio {
namespace {

using Members = std::vector<std::pair<std::string, Json>>;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// "'x'" for a printable character, "byte 0xNN" otherwise, for messages.
std::string describe(const char* p, const char* end) {
    if (p == end)
        return "end of input";
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7f)
        return std::string("'") + static_cast<char>(c) + "'";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
    return buffer;
}

void appendUtf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
        s.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// strtod in the C locale whatever the process locale (a Qt application adopts the user's).
double strtodC(const std::string& text) {
    static const locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
    return strtod_l(text.c_str(), nullptr, c);
}

class Parser {
public:
    Parser(std::string_view text, int maxDepth, JsonParseFailure& failure)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth)
        , m_failure(failure) {}

    bool run(Json& out) {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3; // a UTF-8 byte order mark, as editors on Windows write
        skipSpace();
        if (!value(out, 0))
            return false;
        skipSpace();
        if (m_p != m_end)
            return fail(m_p,
                        "unexpected " + describe(m_p, m_end) + " after the value; expected end of input");
        return true;
    }

private:
    bool fail(const char* at, std::string message) {
        m_failure.offset = static_cast<std::size_t>(at - m_begin);
        m_failure.message = std::move(message);
        return false;
    }

    void skipSpace() {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool value(Json& out, int depth) {
        if (m_p == m_end)
            return fail(m_p, "unexpected end of input; expected a value");
        switch (*m_p) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = Json(std::move(s));
            return true;
        }
        case 't':
            return literal("true", out, Json(true));
        case 'f':
            return literal("false", out, Json(false));
        case 'n':
            return literal("null", out, Json(nullptr));
        default:
            if (*m_p == '-' || isDigit(*m_p))
                return number(out);
            return fail(m_p, "unexpected " + describe(m_p, m_end) + "; expected a value");
        }
    }

    bool literal(std::string_view word, Json& out, Json value) {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
            std::memcmp(m_p, word.data(), word.size()) != 0)
            return fail(m_p, "invalid literal; expected '" + std::string(word) + "'");
        m_p += word.size();
        out = std::move(value);
        return true;
    }

    bool tooDeep() {
        m_failure.tooDeep = true;
        return fail(m_p, "nesting deeper than " + std::to_string(m_maxDepth) + " levels");
    }

    bool array(Json& out, int depth) {
        if (depth >= m_maxDepth)
            return tooDeep();
        ++m_p;
        std::vector<Json> items;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            out = Json::array();
            return true;
        }
        for (;;) {
            items.emplace_back();
            if (!value(items.back(), depth + 1))
                return false;
            skipSpace();
            if (m_p != m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p != m_end && *m_p == ']') {
                ++m_p;
                break;
            }
            return fail(m_p, "unexpected " + describe(m_p, m_end) + "; expected ',' or ']'");
        }
        out = Json(Json::value_t::array);
        out.get_ref<Json::array_t&>() = std::move(items);
        return true;
    }

    bool object(Json& out, int depth) {
        if (depth >= m_maxDepth)
            return tooDeep();
        ++m_p;
        // One member buffer per depth, reused by every object at that depth: an object is complete before the
        // next one at its depth starts. A deque keeps references valid while deeper levels are added.
        if (m_members.size() <= static_cast<std::size_t>(depth))
            m_members.resize(static_cast<std::size_t>(depth) + 1);
        Members& members = m_members[static_cast<std::size_t>(depth)];
        members.clear();
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            out = Json::object();
            return true;
        }
        for (;;) {
            if (m_p == m_end || *m_p != '"')
                return fail(m_p, "unexpected " + describe(m_p, m_end) + "; expected a string as member name");
            members.emplace_back();
            if (!string(members.back().first))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return fail(m_p, "unexpected " + describe(m_p, m_end) + "; expected ':' after a member name");
            ++m_p;
            skipSpace();
            if (!value(members.back().second, depth + 1))
                return false;
            skipSpace();
            if (m_p != m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (m_p != m_end && *m_p == '}') {
                ++m_p;
                break;
            }
            return fail(m_p, "unexpected " + describe(m_p, m_end) + "; expected ',' or '}'");
        }
        out = Json(Json::value_t::object);
        build(out.get_ref<Json::object_t&>(), members);
        members.clear();
        return true;
    }

    // Reserved once, so no growth copies subtrees. A duplicate key keeps its first position and takes the
    // last value (nlohmann's rule); large objects (never a config, maybe an attack) get an index so that
    // finding duplicates stays linear.
    void build(Json::object_t& map, Members& members) {
        map.reserve(members.size());
        if (members.size() <= 32) {
            for (auto& [key, value] : members) {
                auto it = map.begin();
                while (it != map.end() && it->first != key)
                    ++it;
                if (it != map.end())
                    it->second = std::move(value);
                else
                    map.Container::emplace_back(std::move(key), std::move(value));
            }
            return;
        }
        std::unordered_map<std::string_view, std::size_t> index;
        index.reserve(members.size());
        for (auto& [key, value] : members) {
            if (auto found = index.find(key); found != index.end()) {
                (map.begin() + static_cast<std::ptrdiff_t>(found->second))->second = std::move(value);
                continue;
            }
            map.Container::emplace_back(std::move(key), std::move(value));
            index.emplace(map.back().first, map.size() - 1); // reserved: the key's storage stays put
        }
    }

    bool string(std::string& s) {
        ++m_p; // the opening quote
        for (;;) {
            const char* run = m_p;
            while (m_p != m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_p;
            }
            s.append(run, static_cast<std::size_t>(m_p - run));
            if (m_p == m_end)
                return fail(m_p, "invalid string: missing closing quote");
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                if (!escape(s))
                    return false;
            } else if (c < 0x20) {
                char buffer[96];
                std::snprintf(buffer, sizeof buffer,
                              "invalid string: control character U+%04X must be escaped", c);
                return fail(m_p, buffer);
            } else if (!utf8Sequence(s)) {
                return false;
            }
        }
    }

    // One multi-byte UTF-8 sequence, checked as RFC 3629 says: no overlong forms, no surrogates, at most
    // U+10FFFF.
    bool utf8Sequence(std::string& s) {
        const auto* p = reinterpret_cast<const unsigned char*>(m_p);
        const auto left = static_cast<std::size_t>(m_end - m_p);
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (p[0] >= 0xC2 && p[0] <= 0xDF) {
            length = 2;
        } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
            length = 3;
            if (p[0] == 0xE0)
                low = 0xA0;
            else if (p[0] == 0xED)
                high = 0x9F;
        } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
            length = 4;
            if (p[0] == 0xF0)
                low = 0x90;
            else if (p[0] == 0xF4)
                high = 0x8F;
        }
        bool valid = length > 0 && left >= length && p[1] >= low && p[1] <= high;
        for (std::size_t i = 2; valid && i < length; ++i)
            valid = p[i] >= 0x80 && p[i] <= 0xBF;
        if (!valid)
            return fail(m_p, "invalid string: ill-formed UTF-8 byte");
        s.append(m_p, length);
        m_p += length;
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (m_end - m_p < 4)
            return fail(m_p, "invalid string: '\\u' must be followed by 4 hex digits");
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            std::uint32_t digit = 0;
            if (isDigit(c))
                digit = static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return fail(m_p + i, "invalid string: '\\u' must be followed by 4 hex digits");
            cp = (cp << 4) | digit;
        }
        m_p += 4;
        return true;
    }

    bool escape(std::string& s) {
        const char* at = m_p;
        ++m_p; // the backslash
        if (m_p == m_end)
            return fail(m_p, "invalid string: missing closing quote");
        const char c = *m_p++;
        switch (c) {
        case '"':
            s.push_back('"');
            return true;
        case '\\':
            s.push_back('\\');
            return true;
        case '/':
            s.push_back('/');
            return true;
        case 'b':
            s.push_back('\b');
            return true;
        case 'f':
            s.push_back('\f');
            return true;
        case 'n':
            s.push_back('\n');
            return true;
        case 'r':
            s.push_back('\r');
            return true;
        case 't':
            s.push_back('\t');
            return true;
        case 'u':
            break;
        default:
            return fail(at, "invalid string: forbidden character after backslash");
        }
        std::uint32_t cp = 0;
        if (!hex4(cp))
            return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return fail(at, "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return fail(at,
                            "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
            m_p += 2;
            if (!hex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(at,
                            "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(s, cp);
        return true;
    }

    bool number(Json& out) {
        const char* start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail(m_p, "invalid number; expected a digit after '-'");
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        bool integer = true;
        if (m_p != m_end && *m_p == '.') {
            integer = false;
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(m_p, "invalid number; expected a digit after '.'");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(m_p, "invalid number; expected a digit in the exponent");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        if (integer) {
            if (negative) {
                std::int64_t v = 0;
                if (auto r = std::from_chars(start, m_p, v); r.ec == std::errc() && r.ptr == m_p) {
                    out = Json(static_cast<Json::number_integer_t>(v));
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                if (auto r = std::from_chars(start, m_p, v); r.ec == std::errc() && r.ptr == m_p) {
                    out = Json(static_cast<Json::number_unsigned_t>(v));
                    return true;
                }
            }
            // Beyond 64 bits: a double, as nlohmann reads it.
        }
        double v = 0;
        const auto r = std::from_chars(start, m_p, v);
        if (r.ec == std::errc::result_out_of_range) {
            // Too large is an error; too small rounds to zero (or a denormal), as strtod says.
            v = strtodC(std::string(start, m_p));
        }
        if (!std::isfinite(v))
            return fail(start, "number overflow parsing '" + std::string(start, m_p) + "'");
        out = Json(static_cast<Json::number_float_t>(v));
        return true;
    }

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    int m_maxDepth;
    JsonParseFailure& m_failure;
    std::deque<Members> m_members;
};

} // namespace

bool parseJsonValue(std::string_view text, int maxDepth, Json& out, JsonParseFailure& failure) {
    return Parser(text, maxDepth, failure).run(out);
}

} // namespace ckstudio
