#include "schema/ValueText.h"

namespace ckstudio {
namespace {

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

bool isPlainKey(std::string_view key) {
    if (key.empty())
        return false;
    for (char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

std::size_t codePointCount(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8)
        if (!isContinuationByte(c))
            ++count;
    return count;
}

std::string quotedShort(std::string_view text, std::size_t maxCodePoints) {
    std::size_t cut = text.size();
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isContinuationByte(text[i]))
            continue;
        if (seen == maxCodePoints) {
            cut = i;
            break;
        }
        ++seen;
    }
    // dump() escapes quotes and control characters; replace keeps a message printable whatever the bytes.
    std::string quoted =
        Json(std::string(text.substr(0, cut))).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (cut < text.size())
        quoted.insert(quoted.size() - 1, "...");
    return quoted;
}

std::string valueText(const Json& value) {
    if (value.is_string())
        return quotedShort(value.get_ref<const std::string&>());
    if (value.is_array())
        return "an array";
    if (value.is_object())
        return "an object";
    return value.dump();
}

std::string describeValue(const Json& value) {
    switch (value.type()) {
    case Json::value_t::string:
        return "the string " + valueText(value);
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "the number " + value.dump();
    case Json::value_t::boolean:
        return value.dump();
    case Json::value_t::null:
        return "null";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

void appendPathKey(std::string& path, std::string_view key) {
    if (isPlainKey(key)) {
        if (!path.empty())
            path += '.';
        path += key;
    } else {
        path += '[';
        path += quotedShort(key, 1000);
        path += ']';
    }
}

} // namespace ckstudio
