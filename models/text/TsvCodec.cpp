#include "text/TsvCodec.h"

namespace ckstudio {
namespace {

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

std::optional<std::string> unescapeTsvField(std::string_view field) {
    if (field == "\\N")
        return std::nullopt;
    std::string value;
    appendTsvUnescaped(field, value);
    return value;
}

} // namespace ckstudio
