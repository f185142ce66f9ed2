#include "types/ClickHouseType.h"

#include "types/TypeFamilies.h"

#include <algorithm>

namespace ckstudio {

namespace types {

std::string quoteString(std::string_view text) {
    std::string r = "'";
    for (const char c : text) {
        switch (c) {
        case '\'':
            r += "\\'";
            break;
        case '\\':
            r += "\\\\";
            break;
        case '\n':
            r += "\\n";
            break;
        case '\t':
            r += "\\t";
            break;
        case '\r':
            r += "\\r";
            break;
        case '\0':
            r += "\\0";
            break;
        default:
            r += c;
        }
    }
    return r + "'";
}

std::string backQuoteIfNeeded(std::string_view name) {
    const auto plainStart = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    const auto plainChar = [&](char c) { return plainStart(c) || (c >= '0' && c <= '9'); };
    if (!name.empty() && plainStart(name[0]) && std::all_of(name.begin(), name.end(), plainChar))
        return std::string(name);
    std::string r = "`";
    for (const char c : name) {
        if (c == '`' || c == '\\')
            r += '\\';
        r += c;
    }
    return r + "`";
}

} // namespace types

std::string ClickHouseType::toString() const {
    std::string s = family;
    if (arguments.empty())
        return s;
    s += '(';
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const Argument& a = arguments[i];
        if (i)
            s += ", ";
        switch (a.kind) {
        case Argument::Kind::Type:
            s += a.type->toString();
            break;
        case Argument::Kind::NamedType:
            // JSON path hints are dotted paths, already quoted part by part.
            s += (family == "JSON" ? a.text : types::backQuoteIfNeeded(a.text)) + " " + a.type->toString();
            break;
        case Argument::Kind::Number:
            s += a.text;
            break;
        case Argument::Kind::String:
            s += types::quoteString(a.text);
            break;
        case Argument::Kind::EnumElement:
            s += types::quoteString(a.text) + " = " + std::to_string(a.value.value_or(0));
            break;
        case Argument::Kind::Identifier:
            s += a.text;
            break;
        }
    }
    return s + ')';
}

const std::vector<std::string>& clickHouseTypeFamilies() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> r;
        for (const auto& f : types::families())
            if (f.kind != types::FamilyKind::NotStorable)
                r.emplace_back(f.name);
        for (const auto& a : types::aliases())
            r.emplace_back(a.spelling);
        return r;
    }();
    return names;
}

std::pair<int, int> minimumServerVersion(const ClickHouseType& type) {
    std::pair<int, int> version = type.spellingSince;
    if (const types::Family* f = types::findFamily(type.family))
        version = std::max(version, f->since);
    for (const auto& a : type.arguments)
        if (a.type)
            version = std::max(version, minimumServerVersion(*a.type));
    return version;
}

} // namespace ckstudio
