#include "preview/ResultStreamParser.h"

namespace ckstudio {
namespace {

// A minimal scanner for one line of JSONCompactEachRow: a JSON array of scalar or composite values.
class JsonLineScanner {
public:
    explicit JsonLineScanner(std::string_view line)
        : m_text(line) {}

    void skipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(char c) {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool atEnd() {
        skipSpace();
        return m_pos == m_text.size();
    }

    // Appends the value's text to out: strings unescaped, numbers and true/false as written, composites as
    // raw JSON. Returns false on malformed input.
    bool value(std::string& out, CellKind& kind) {
        skipSpace();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '"') {
            kind = CellKind::Text;
            return string(out);
        }
        if (c == '[' || c == '{') {
            const std::size_t start = m_pos;
            if (!skipComposite())
                return false;
            out.append(m_text.substr(start, m_pos - start));
            kind = CellKind::JsonText;
            return true;
        }
        if (m_text.substr(m_pos, 4) == "null") {
            m_pos += 4;
            kind = CellKind::Null;
            return true;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               (isNumberChar(m_text[m_pos]) || (m_text[m_pos] >= 'a' && m_text[m_pos] <= 'z')))
            ++m_pos;
        if (m_pos == start)
            return false;
        const auto word = m_text.substr(start, m_pos - start);
        if (!(word == "true" || word == "false" || isNumberChar(word.front())))
            return false;
        out.append(word);
        kind = CellKind::Text;
        return true;
    }

private:
    static bool isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }
    static int hex(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    bool hex4(unsigned& v) {
        if (m_pos + 4 > m_text.size())
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(m_text[m_pos++]);
            if (h < 0)
                return false;
            v = v * 16 + static_cast<unsigned>(h);
        }
        return true;
    }
    static void appendUtf8(unsigned cp, std::string& out) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    bool string(std::string& out) {
        ++m_pos; // opening quote
        for (;;) {
            const std::size_t stop = m_text.find_first_of("\"\\", m_pos);
            if (stop == std::string_view::npos)
                return false;
            out.append(m_text.substr(m_pos, stop - m_pos));
            m_pos = stop + 1;
            if (m_text[stop] == '"')
                return true;
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                    const std::size_t save = m_pos;
                    m_pos += 2;
                    unsigned low = 0;
                    if (hex4(low) && low >= 0xDC00 && low < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        m_pos = save;
                }
                appendUtf8(cp, out);
                break;
            }
            default:
                return false;
            }
        }
    }
    bool skipComposite() {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                for (;;) {
                    const std::size_t stop = m_text.find_first_of("\"\\", m_pos);
                    if (stop == std::string_view::npos)
                        return false;
                    m_pos = stop + 1;
                    if (m_text[stop] == '"')
                        break;
                    ++m_pos; // the escaped character
                }
                continue;
            }
            if (c == '[' || c == '{')
                ++depth;
            else if (c == ']' || c == '}')
                --depth;
            ++m_pos;
            if (depth == 0)
                return true;
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

bool JsonCompactStreamParser::parseHeaderLine(std::string_view line, std::vector<std::string>& values) {
    JsonLineScanner s(line);
    if (!s.consume('['))
        return false;
    if (s.consume(']'))
        return s.atEnd();
    do {
        values.emplace_back();
        CellKind kind = CellKind::Text;
        if (!s.value(values.back(), kind) || kind != CellKind::Text)
            return false;
    } while (s.consume(','));
    return s.consume(']') && s.atEnd();
}

bool JsonCompactStreamParser::parseRowLine(std::string_view line) {
    JsonLineScanner s(line);
    std::string& out = m_store.pendingBytes();
    std::size_t index = 0;
    bool ok = s.consume('[');
    if (ok && !s.consume(']')) {
        do {
            CellKind kind = CellKind::Text;
            if (!s.value(out, kind)) {
                ok = false;
                break;
            }
            m_store.endCell(kind);
            ++index;
        } while (s.consume(','));
        ok = ok && s.consume(']');
    }
    if (!ok || !s.atEnd() || index != m_classes.size()) {
        m_store.discardRow();
        return false;
    }
    return m_store.commitRow();
}

} // namespace ckstudio
