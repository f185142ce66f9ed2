#include "text/SqlQuote.h"

namespace ckstudio {

void appendSqlQuoted(std::string& out, std::string_view text, char quote) {
    static constexpr char kHexDigits[] = "0123456789ABCDEF";
    out.reserve(out.size() + text.size() + 2);
    out += quote;
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (ch) {
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\0':
            out += "\\0";
            break;
        default:
            if (ch == quote) {
                out += '\\';
                out += ch;
            } else if (byte < 0x20 || byte == 0x7f) {
                out += "\\x";
                out += kHexDigits[byte >> 4];
                out += kHexDigits[byte & 0x0f];
            } else {
                out += ch;
            }
        }
    }
    out += quote;
}

std::string quoteIdentifier(std::string_view name) {
    std::string out;
    appendSqlQuoted(out, name, '`');
    return out;
}

std::string quoteStringLiteral(std::string_view value) {
    std::string out;
    appendSqlQuoted(out, value, '\'');
    return out;
}

std::string qualifiedName(std::string_view database, std::string_view name) {
    return quoteIdentifier(database) + "." + quoteIdentifier(name);
}

} // namespace ckstudio
