#include "text/TsvCodec.h"

#include <array>

namespace ckstudio {
namespace {

// The letter after the backslash for each byte TabSeparated escapes, 0 for the bytes written as they are.
constexpr std::array<char, 256> kTsvEscapes = [] {
    std::array<char, 256> table{};
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    table['\0'] = '0';
    table['\\'] = '\\';
    table['\''] = '\'';
    return table;
}();

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

void appendTsvUnescaped(std::string_view field, std::string& out) {
    std::size_t i = 0;
    while (i < field.size()) {
        const std::size_t bs = field.find('\\', i);
        if (bs == std::string_view::npos) {
            out.append(field.substr(i));
            return;
        }
        out.append(field.substr(i, bs - i));
        if (bs + 1 >= field.size()) {
            out += '\\';
            return;
        }
        const char c = field[bs + 1];
        i = bs + 2;
        switch (c) {
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
        case '0':
            out += '\0';
            break;
        case 'a':
            out += '\a';
            break;
        case 'v':
            out += '\v';
            break;
        case 'e':
            out += '\x1b';
            break;
        case 'x':
            if (i + 2 <= field.size() && hexValue(field[i]) >= 0 && hexValue(field[i + 1]) >= 0) {
                out += static_cast<char>(hexValue(field[i]) * 16 + hexValue(field[i + 1]));
                i += 2;
            } else {
                out += 'x';
            }
            break;
        default:
            out += c;
            break;
        }
    }
}

// Copies runs of plain bytes in one append: most values have nothing to escape.
void appendTsvEscaped(std::string_view value, std::string& out) {
    const char* const data = value.data();
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char letter = kTsvEscapes[static_cast<unsigned char>(data[i])];
        if (letter == 0)
            continue;
        out.append(data + run, i - run);
        out += '\\';
        out += letter;
        run = i + 1;
    }
    out.append(data + run, value.size() - run);
}

std::optional<std::string> unescapeTsvField(std::string_view field) {
    if (field == "\\N")
        return std::nullopt;
    std::string value;
    appendTsvUnescaped(field, value);
    return value;
}

} // namespace ckstudio
