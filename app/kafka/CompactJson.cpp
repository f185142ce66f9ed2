#include "kafka/CompactJson.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <locale.h>

namespace ckstudio {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Bytes that end a run of plain string bytes: the closing quote, an escape, a control character, non-ASCII.
struct StringStops {
    bool stop[256] = {};
    constexpr StringStops() {
        for (int c = 0; c < 0x20; ++c)
            stop[c] = true;
        for (int c = 0x80; c < 0x100; ++c)
            stop[c] = true;
        stop[int('"')] = true;
        stop[int('\\')] = true;
    }
};
constexpr StringStops kStringStops;

// Skips 8 bytes at a time while none of them is a string stop; the byte loop after it finds the exact one.
// A lane's high bit ends up set for a byte with its own high bit, one below 0x20 (the subtraction wraps) and
// a
// '"' or '\\' (the xor leaves zero, which wraps); a borrow can also flag a lane above a stop, which only ends
// the fast loop where it would have ended anyway.
const char* skipPlainRun(const char* p, const char* end) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    while (end - p >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        const std::uint64_t quote = v ^ (ones * '"');
        const std::uint64_t backslash = v ^ (ones * '\\');
        const std::uint64_t stops =
            v | ((v - ones * 0x20) & ~v) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
        if ((stops & highs) != 0)
            break;
        p += 8;
    }
    return p;
}

class Compactor {
public:
    Compactor(std::string_view text, std::string& out)
        : m_p(text.data())
        , m_end(text.data() + text.size())
        , m_copied(m_p)
        , m_out(out) {}

    bool run() {
        // A byte order mark is skipped by the parser, kept by compactJson (it is not whitespace).
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        if (m_p != m_end)
            return false;
        m_out.append(m_copied, std::size_t(m_p - m_copied));
        return true;
    }

private:
    // The output is the input without the whitespace between tokens: everything up to the whitespace goes
    // out in one piece, and the next piece starts after it. Compact JSON is a single append.
    void skipSpace() {
        if (m_p == m_end || !isSpace(*m_p))
            return;
        m_out.append(m_copied, std::size_t(m_p - m_copied));
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
        m_copied = m_p;
    }

    bool value(int depth) {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth);
        case '[':
            return array(depth);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return (*m_p == '-' || isDigit(*m_p)) && number();
        }
    }

    bool literal(std::string_view word) {
        if (std::size_t(m_end - m_p) < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
            return false;
        m_p += word.size();
        return true;
    }

    bool array(int depth) {
        if (depth >= kMaxJsonDepth)
            return false;
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (*m_p != ']')
                return false;
            ++m_p;
            return true;
        }
    }

    bool object(int depth) {
        if (depth >= kMaxJsonDepth)
            return false;
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (m_p == m_end || *m_p != '"' || !string())
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                skipSpace();
                continue;
            }
            if (*m_p != '}')
                return false;
            ++m_p;
            return true;
        }
    }

    bool string() {
        ++m_p; // the opening quote
        for (;;) {
            const char* p = skipPlainRun(m_p, m_end);
            while (p != m_end && !kStringStops.stop[static_cast<unsigned char>(*p)])
                ++p;
            m_p = p;
            if (m_p == m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
            } else if (c < 0x20 || !utf8Sequence()) {
                return false;
            }
        }
    }

    // As RFC 3629: no overlong forms, no surrogates, at most U+10FFFF.
    bool utf8Sequence() {
        const auto* p = reinterpret_cast<const unsigned char*>(m_p);
        const auto left = std::size_t(m_end - m_p);
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
        if (length == 0 || left < length || p[1] < low || p[1] > high)
            return false;
        for (std::size_t i = 2; i < length; ++i)
            if (p[i] < 0x80 || p[i] > 0xBF)
                return false;
        m_p += length;
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (m_end - m_p < 4)
            return false;
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            std::uint32_t digit = 0;
            if (isDigit(c))
                digit = std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                digit = std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                digit = std::uint32_t(c - 'A' + 10);
            else
                return false;
            cp = (cp << 4) | digit;
        }
        m_p += 4;
        return true;
    }

    bool escape() {
        ++m_p; // the backslash
        if (m_p == m_end)
            return false;
        switch (*m_p++) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            return true;
        case 'u':
            break;
        default:
            return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF))
            return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            m_p += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
        }
        return true;
    }

    // The parser's grammar, and its one other refusal: a number that overflows a double.
    bool number() {
        const char* start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        const char* digits = m_p;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        const std::ptrdiff_t integerDigits = m_p - digits;
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        bool exponent = false;
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            exponent = true;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        // Below 10^308 without an exponent: a finite double (or a 64-bit integer) whatever the digits.
        return (!exponent && integerDigits <= 308) || finite(start, m_p);
    }

    // As the parser reads a number it does not hold as a 64-bit integer: from_chars, or strtod in the C
    // locale when that is out of range (too large overflows, too small rounds to zero).
    static bool finite(const char* begin, const char* end) {
        double v = 0;
        const auto r = std::from_chars(begin, end, v);
        if (r.ec == std::errc::result_out_of_range) {
            static const locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
            v = strtod_l(std::string(begin, end).c_str(), nullptr, c);
        }
        return std::isfinite(v);
    }

    const char* m_p;
    const char* m_end;
    const char* m_copied; // the input before it is in m_out
    std::string& m_out;
};

} // namespace

bool appendCompactJson(std::string_view text, std::string& out) {
    const std::size_t before = out.size();
    if (Compactor(text, out).run())
        return true;
    out.resize(before);
    return false;
}

} // namespace ckstudio
