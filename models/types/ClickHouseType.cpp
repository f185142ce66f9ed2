#include "types/ClickHouseType.h"

#include "text/SqlQuote.h"
#include "types/TypeFamilies.h"

#include <algorithm>

namespace ckstudio {

namespace types {

std::string backQuoteIfNeeded(std::string_view name) {
    const auto plainStart = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    const auto plainChar = [&](char c) { return plainStart(c) || (c >= '0' && c <= '9'); };
    if (!name.empty() && plainStart(name[0]) && std::all_of(name.begin(), name.end(), plainChar))
        return std::string(name);
    return quoteIdentifier(name);
}

std::string jsonPathText(std::string_view path) {
    // A path spelled SKIP is quoted whatever its case, so that it cannot read as the keyword.
    std::string upper(path);
    for (char& c : upper)
        c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper == "SKIP")
        return quoteIdentifier(path);
    return backQuoteIfNeeded(path);
}

} // namespace types

std::string ClickHouseType::toString() const {
    std::string s = family;
    if (arguments.empty())
        return family == "Tuple" ? s + "()" : s;
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
            s += (family == "JSON" ? types::jsonPathText(a.text) : types::backQuoteIfNeeded(a.text)) + " " +
                 a.type->toString();
            break;
        case Argument::Kind::Number:
            s += a.text;
            break;
        case Argument::Kind::String:
            s += quoteStringLiteral(a.text);
            break;
        case Argument::Kind::EnumElement:
            s += quoteStringLiteral(a.text) + " = " + std::to_string(a.value.value_or(0));
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
            if (f.kind != types::FamilyKind::NotStorable && f.kind != types::FamilyKind::Interval &&
                f.removedIn == std::pair<int, int>{0, 0})
                r.emplace_back(f.name);
        for (const auto& a : types::aliases())
            r.emplace_back(a.spelling);
        return r;
    }();
    return names;
}

namespace {

// The version a family is usable from with default settings.
std::pair<int, int> usableByDefault(const types::Family& f) {
    return f.byDefault == std::pair<int, int>{0, 0} ? f.since : f.byDefault;
}

std::string versionText(std::pair<int, int> v) {
    return std::to_string(v.first) + "." + std::to_string(v.second);
}

void collectRequirements(const ClickHouseType& type, std::pair<int, int> server,
                         std::vector<TypeRequirement>& out) {
    const types::Family* f = types::findFamily(type.family);
    const auto known = [&](const std::string& name) {
        return std::any_of(out.begin(), out.end(),
                           [&](const TypeRequirement& r) { return r.family == name; });
    };
    if (f && server < usableByDefault(*f) && !known(type.family)) {
        TypeRequirement r{type.family, usableByDefault(*f), std::string(f->setting), {0, 0}};
        if (!f->setting.empty())
            r.settingSince = f->since;
        out.push_back(std::move(r));
    } else if (server < type.spellingSince && !known(type.spelledAs)) {
        out.push_back({type.spelledAs, type.spellingSince, {}, {0, 0}});
    }
    for (const auto& a : type.arguments)
        if (a.type)
            collectRequirements(*a.type, server, out);
}

} // namespace

std::pair<int, int> minimumServerVersion(const ClickHouseType& type) {
    std::pair<int, int> version = type.spellingSince;
    if (const types::Family* f = types::findFamily(type.family))
        version = std::max(version, usableByDefault(*f));
    for (const auto& a : type.arguments)
        if (a.type)
            version = std::max(version, minimumServerVersion(*a.type));
    return version;
}

std::string TypeRequirement::message() const {
    std::string text = family + " needs ClickHouse " + versionText(usableByDefault);
    if (!setting.empty())
        text += " (or " + setting + "=1 on " + versionText(settingSince) + "+)";
    return text;
}

std::vector<TypeRequirement> typeRequirements(const ClickHouseType& type, std::pair<int, int> serverVersion) {
    std::vector<TypeRequirement> out;
    collectRequirements(type, serverVersion, out);
    return out;
}

} // namespace ckstudio
