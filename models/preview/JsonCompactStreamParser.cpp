#include "preview/ResultStreamParser.h"

namespace ckstudio {
namespace {

// A minimal scanner for one line of JSONCompactEachRow: a JSON array of scalar or composite values.
class JsonLineScanner {
public:
    explicit JsonLineScanner(std::string_view line)
        : mText(line) {}

    void skipSpace() {
        while (mPos < mText.size() && (mText[mPos] == ' ' || mText[mPos] == '\t' || mText[mPos] == '\r'))
            ++mPos;
    }
    bool consume(char c) {
        skipSpace();
        if (mPos < mText.size() && mText[mPos] == c) {
            ++mPos;
            return true;
        }
        return false;
    }
    bool atEnd() {
        skipSpace();
        return mPos == mText.size();
    }

    // Appends the value's text to out: strings unescaped, numbers and true/false as written, composites as
    // raw JSON. Returns false on malformed input.
    bool value(std::string& out, CellKind& kind) {
        skipSpace();
        if (mPos >= mText.size())
            return false;
        const char c = mText[mPos];
        if (c == '"') {
            kind = CellKind::Text;
            return string(out);
        }
        if (c == '[' || c == '{') {
            const std::size_t start = mPos;
            if (!skipComposite())
                return false;
            out.append(mText.substr(start, mPos - start));
            kind = CellKind::JsonText;
            return true;
        }
        if (mText.substr(mPos, 4) == "null") {
            mPos += 4;
            kind = CellKind::Null;
            return true;
        }
        const std::size_t start = mPos;
        while (mPos < mText.size() &&
               (isNumberChar(mText[mPos]) || (mText[mPos] >= 'a' && mText[mPos] <= 'z')))
            ++mPos;
        if (mPos == start)
            return false;
        const auto word = mText.substr(start, mPos - start);
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
        if (mPos + 4 > mText.size())
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(mText[mPos++]);
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
        ++mPos; // opening quote
        for (;;) {
            const std::size_t stop = mText.find_first_of("\"\\", mPos);
            if (stop == std::string_view::npos)
                return false;
            out.append(mText.substr(mPos, stop - mPos));
            mPos = stop + 1;
            if (mText[stop] == '"')
                return true;
            if (mPos >= mText.size())
                return false;
            const char e = mText[mPos++];
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
                if (cp >= 0xD800 && cp < 0xDC00 && mText.substr(mPos, 2) == "\\u") {
                    const std::size_t save = mPos;
                    mPos += 2;
                    unsigned low = 0;
                    if (hex4(low) && low >= 0xDC00 && low < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        mPos = save;
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
        while (mPos < mText.size()) {
            const char c = mText[mPos];
            if (c == '"') {
                ++mPos;
                for (;;) {
                    const std::size_t stop = mText.find_first_of("\"\\", mPos);
                    if (stop == std::string_view::npos)
                        return false;
                    mPos = stop + 1;
                    if (mText[stop] == '"')
                        break;
                    ++mPos; // the escaped character
                }
                continue;
            }
            if (c == '[' || c == '{')
                ++depth;
            else if (c == ']' || c == '}')
                --depth;
            ++mPos;
            if (depth == 0)
                return true;
        }
        return false;
    }

    std::string_view mText;
    std::size_t mPos = 0;
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
    std::string& out = mStore.pendingBytes();
    std::size_t index = 0;
    bool ok = s.consume('[');
    if (ok && !s.consume(']')) {
        do {
            CellKind kind = CellKind::Text;
            if (!s.value(out, kind)) {
                ok = false;
                break;
            }
            mStore.endCell(kind);
            ++index;
        } while (s.consume(','));
        ok = ok && s.consume(']');
    }
    if (!ok || !s.atEnd() || index != mClasses.size()) {
        mStore.discardRow();
        return false;
    }
    return mStore.commitRow();
}

} // namespace ckstudio
