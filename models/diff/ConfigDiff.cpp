#include "diff/ConfigDiff.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace ckstudio {
namespace {

const Json& emptyObject() {
    static const Json empty = Json::object();
    return empty;
}

// A table's identity: its name, or "#index" when it has none (so broken entries still show up).
std::string tableKey(const Json& table, std::size_t index) {
    if (table.is_object() && table.contains("name") && table.at("name").is_string())
        return table.at("name").get<std::string>();
    return "#" + std::to_string(index);
}

// Named elements of a list (columns, topics) by name, keeping the list order.
std::vector<std::pair<std::string, Json>> namedItems(const Json& list) {
    std::vector<std::pair<std::string, Json>> items;
    if (!list.is_array())
        return items;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list.at(i);
        std::string key = item.is_object() && item.contains("name") && item.at("name").is_string()
                              ? item.at("name").get<std::string>()
                              : "#" + std::to_string(i);
        items.emplace_back(std::move(key), item);
    }
    return items;
}

const Json* findNamed(const std::vector<std::pair<std::string, Json>>& items, const std::string& key) {
    for (const auto& [name, value] : items)
        if (name == key)
            return &value;
    return nullptr;
}

std::vector<std::string> names(const std::vector<std::pair<std::string, Json>>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        out.push_back(item.first);
    return out;
}

// Names common to both lists, in the order of `of`: tells a reorder apart from additions and removals.
std::vector<std::string> commonOrder(const std::vector<std::string>& of,
                                     const std::vector<std::string>& other) {
    std::vector<std::string> out;
    for (const auto& n : of)
        if (std::find(other.begin(), other.end(), n) != other.end())
            out.push_back(n);
    return out;
}

void diffNamedList(const Json& before, const Json& after, ItemChange::Area area, ItemChange::Area orderArea,
                   std::vector<ItemChange>& out) {
    const auto a = namedItems(before);
    const auto b = namedItems(after);
    for (const auto& [name, value] : b) {
        const Json* old = findNamed(a, name);
        if (!old)
            out.push_back({area, ChangeKind::Added, name, Json(), value});
        else if (!sameConfig(*old, value))
            out.push_back({area, ChangeKind::Changed, name, *old, value});
    }
    for (const auto& [name, value] : a)
        if (!findNamed(b, name))
            out.push_back({area, ChangeKind::Removed, name, value, Json()});
    const auto namesA = names(a);
    const auto namesB = names(b);
    if (commonOrder(namesA, namesB) != commonOrder(namesB, namesA))
        out.push_back({orderArea, ChangeKind::Changed, {}, Json(namesA), Json(namesB)});
}

// Keys of two objects compared one by one, skipping `skip`; keys in the order of `after`, then removed ones.
void diffKeys(const Json& before, const Json& after, const std::set<std::string>& skip, ItemChange::Area area,
              std::vector<ItemChange>& out) {
    const Json& a = before.is_object() ? before : emptyObject();
    const Json& b = after.is_object() ? after : emptyObject();
    for (const auto& [key, value] : b.items()) {
        if (skip.count(key))
            continue;
        if (!a.contains(key))
            out.push_back({area, ChangeKind::Added, key, Json(), value});
        else if (!sameConfig(a.at(key), value))
            out.push_back({area, ChangeKind::Changed, key, a.at(key), value});
    }
    for (const auto& [key, value] : a.items())
        if (!skip.count(key) && !b.contains(key))
            out.push_back({area, ChangeKind::Removed, key, value, Json()});
}

std::vector<ItemChange> diffTable(const Json& before, const Json& after) {
    std::vector<ItemChange> items;
    if (!before.is_object() || !after.is_object()) {
        if (!sameConfig(before, after))
            items.push_back({ItemChange::Area::Document, ChangeKind::Changed, {}, before, after});
        return items;
    }
    auto member = [](const Json& obj, const char* key) { return obj.contains(key) ? obj.at(key) : Json(); };
    diffNamedList(member(before, "columns"), member(after, "columns"), ItemChange::Area::Column,
                  ItemChange::Area::ColumnOrder, items);
    diffNamedList(member(before, "topics"), member(after, "topics"), ItemChange::Area::Topic,
                  ItemChange::Area::TopicOrder, items);
    diffKeys(before, after, {"name", "columns", "topics", "materialized_view"}, ItemChange::Area::Setting,
             items);
    const Json mvBefore = member(before, "materialized_view");
    const Json mvAfter = member(after, "materialized_view");
    if (mvBefore.is_object() && mvAfter.is_object())
        diffKeys(mvBefore, mvAfter, {}, ItemChange::Area::MaterializedView, items);
    else if (!sameConfig(mvBefore, mvAfter))
        items.push_back({ItemChange::Area::MaterializedView,
                         mvBefore.is_null() ? ChangeKind::Added
                                            : (mvAfter.is_null() ? ChangeKind::Removed : ChangeKind::Changed),
                         {},
                         mvBefore,
                         mvAfter});
    return items;
}

std::string compact(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const char* sign(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added:
        return "+";
    case ChangeKind::Removed:
        return "-";
    case ChangeKind::Changed:
        break;
    }
    return "~";
}

std::string describe(const ItemChange& c) {
    const std::string s = sign(c.kind);
    auto value = [&](const Json& v) {
        return c.kind == ChangeKind::Removed ? compact(c.before) : compact(v);
    };
    switch (c.area) {
    case ItemChange::Area::Column: {
        const Json& col = c.kind == ChangeKind::Removed ? c.before : c.after;
        std::string type = col.is_object() && col.contains("type") ? compact(col.at("type")) : compact(col);
        if (c.kind == ChangeKind::Changed) {
            const Json oldType =
                c.before.is_object() && c.before.contains("type") ? c.before.at("type") : c.before;
            const Json newType =
                c.after.is_object() && c.after.contains("type") ? c.after.at("type") : c.after;
            if (!sameConfig(oldType, newType))
                return s + " column " + c.key + ": " + compact(oldType) + " -> " + compact(newType);
            return s + " column " + c.key + ": " + compact(c.before) + " -> " + compact(c.after);
        }
        return s + " column " + c.key + " " + type;
    }
    case ItemChange::Area::Topic:
        return s + " topic " + c.key;
    case ItemChange::Area::ColumnOrder:
        return "~ column order: " + compact(c.before) + " -> " + compact(c.after);
    case ItemChange::Area::TopicOrder:
        return "~ topic order: " + compact(c.before) + " -> " + compact(c.after);
    case ItemChange::Area::Setting:
    case ItemChange::Area::MaterializedView:
    case ItemChange::Area::Document:
        break;
    }
    std::string key = c.area == ItemChange::Area::Setting ? c.key
                      : c.area == ItemChange::Area::MaterializedView
                          ? (c.key.empty() ? std::string("materialized_view") : "materialized_view." + c.key)
                          : (c.key.empty() ? std::string("document") : c.key);
    if (c.kind == ChangeKind::Changed)
        return s + " " + key + ": " + compact(c.before) + " -> " + compact(c.after);
    return s + " " + key + ": " + value(c.after);
}

} // namespace

bool sameConfig(const Json& a, const Json& b) {
    // Order-insensitive: nlohmann::json keeps objects sorted, so equal content compares equal.
    return nlohmann::json::parse(a.dump(-1, ' ', false, Json::error_handler_t::replace)) ==
           nlohmann::json::parse(b.dump(-1, ' ', false, Json::error_handler_t::replace));
}

ConfigDiff diffConfigs(const UserConfig& before, const UserConfig& after) {
    return diffConfigs(toJson(before), toJson(after));
}

ConfigDiff diffConfigs(const Json& before, const Json& after) {
    ConfigDiff diff;
    if (!before.is_object() || !after.is_object()) {
        if (!sameConfig(before, after))
            diff.document.push_back({ItemChange::Area::Document, ChangeKind::Changed, {}, before, after});
        return diff;
    }
    diffKeys(before, after, {"tables"}, ItemChange::Area::Document, diff.document);

    // A missing `tables` and an empty one mean the same; anything that is not a list is compared as a whole.
    const Json none;
    const Json& oldList = before.contains("tables") ? before.at("tables") : none;
    const Json& newList = after.contains("tables") ? after.at("tables") : none;
    if (!(oldList.is_array() || oldList.is_null()) || !(newList.is_array() || newList.is_null())) {
        if (!sameConfig(oldList, newList))
            diff.document.push_back(
                {ItemChange::Area::Document, ChangeKind::Changed, "tables", oldList, newList});
        return diff;
    }
    const Json emptyList = Json::array();
    const Json& a = oldList.is_array() ? oldList : emptyList;
    const Json& b = newList.is_array() ? newList : emptyList;

    std::vector<std::pair<std::string, Json>> oldTables;
    std::vector<std::pair<std::string, Json>> newTables;
    for (std::size_t i = 0; i < a.size(); ++i)
        oldTables.emplace_back(tableKey(a.at(i), i), a.at(i));
    for (std::size_t i = 0; i < b.size(); ++i)
        newTables.emplace_back(tableKey(b.at(i), i), b.at(i));

    for (const auto& [name, table] : newTables) {
        const Json* old = findNamed(oldTables, name);
        if (!old) {
            diff.tables.push_back({name, ChangeKind::Added, {}});
            continue;
        }
        auto items = diffTable(*old, table);
        if (!items.empty())
            diff.tables.push_back({name, ChangeKind::Changed, std::move(items)});
    }
    for (const auto& [name, table] : oldTables)
        if (!findNamed(newTables, name))
            diff.tables.push_back({name, ChangeKind::Removed, {}});
    const auto namesA = names(oldTables);
    const auto namesB = names(newTables);
    diff.tableOrderChanged = commonOrder(namesA, namesB) != commonOrder(namesB, namesA);
    return diff;
}

std::vector<std::string> ConfigDiff::toLines() const {
    std::vector<std::string> lines;
    for (const auto& d : document)
        lines.push_back(describe(d));
    for (const auto& t : tables) {
        lines.push_back(std::string(sign(t.kind)) + " table " + t.name);
        for (const auto& item : t.items)
            lines.push_back("    " + describe(item));
    }
    if (tableOrderChanged)
        lines.push_back("~ table order changed");
    return lines;
}

std::string ConfigDiff::summary() const {
    if (isEmpty())
        return "no changes";
    std::vector<std::string> parts;
    for (ChangeKind kind : {ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed}) {
        std::vector<std::string> which;
        for (const auto& t : tables)
            if (t.kind == kind)
                which.push_back(t.name);
        if (which.empty())
            continue;
        std::string joined;
        for (const auto& n : which)
            joined += (joined.empty() ? "" : ", ") + n;
        const char* verb = kind == ChangeKind::Added     ? "added"
                           : kind == ChangeKind::Removed ? "removed"
                                                         : "changed";
        parts.push_back(std::to_string(which.size()) + (which.size() == 1 ? " table " : " tables ") + verb +
                        " (" + joined + ")");
    }
    if (!document.empty())
        parts.push_back(std::to_string(document.size()) + " top-level key(s) changed");
    if (tableOrderChanged)
        parts.push_back("table order changed");
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

} // namespace ckstudio
