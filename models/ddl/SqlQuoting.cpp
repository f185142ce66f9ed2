// Quoting for generated SQL (reference/clickhouse.md §5): identifiers always back-quoted, literals
// single-quoted, both with backslash escapes, so that any name (dashes, keywords, quotes, control characters,
// Unicode) survives.
#include "ddl/DestinationDdl.h"

namespace ckstudio {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

// Backslash-escapes `\`, the quote character and control characters; UTF-8 bytes pass through unchanged.
std::string quoteWith(std::string_view text, char quote) {
    std::string out;
    out.reserve(text.size() + 2);
    out += quote;
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (ch) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
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
    return out;
}

} // namespace

std::string quoteIdentifier(std::string_view name) {
    return quoteWith(name, '`');
}

std::string quoteStringLiteral(std::string_view value) {
    return quoteWith(value, '\'');
}

std::string qualifiedName(std::string_view database, std::string_view name) {
    return quoteIdentifier(database) + "." + quoteIdentifier(name);
}

} // namespace ckstudio
