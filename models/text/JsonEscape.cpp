#include "text/JsonEscape.h"

#include <array>

namespace ckstudio {
namespace {

// For JSON strings: 0 for a byte written as it is, the letter of a short escape, or 'u' for \u00XX.
constexpr std::array<char, 256> kJsonEscapes = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[static_cast<std::size_t>(c)] = 'u';
    table[0x7f] = 'u';
    table['"'] = '"';
    table['\\'] = '\\';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    table['\b'] = 'b';
    table['\f'] = 'f';
    return table;
}();

} // namespace

// Copies runs of plain bytes in one append: most values have nothing to escape.
void appendJsonString(std::string_view value, std::string& out) {
    static const char hex[] = "0123456789abcdef";
    const char* const data = value.data();
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        const char letter = kJsonEscapes[c];
        if (letter == 0)
            continue;
        out.append(data + run, i - run);
        out += '\\';
        out += letter;
        if (letter == 'u') {
            out += "00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
        run = i + 1;
    }
    out.append(data + run, value.size() - run);
    out += '"';
}

} // namespace ckstudio
