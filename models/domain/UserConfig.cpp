#include "domain/UserConfig.h"

#include <algorithm>
#include <functional>

namespace ckstudio {
namespace {

bool contains(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Reads an object's keys in order. `take` returns true when it stored the value in a typed field;
// everything else lands in `extra`.
void readObject(const Json& json, Json& extra, std::vector<std::string>& keyOrder,
                const std::function<bool(const std::string&, const Json&)>& take) {
    for (const auto& [key, value] : json.items()) {
        keyOrder.push_back(key);
        if (!take(key, value))
            extra[key] = value;
    }
}

// A typed key and how to write it: `present` says whether its value should appear even if not read.
struct TypedKey {
    std::string key;
    bool present;
    std::function<Json()> value;
};

// Writes typed keys and extra keys in the order they were read; new keys follow in canonical order.
Json writeObject(const std::vector<TypedKey>& typed, const Json& extra, const std::vector<std::string>& keyOrder) {
    Json out = Json::object();
    auto emitTyped = [&](const TypedKey& k) {
        if (k.present)
            out[k.key] = k.value();
        else if (extra.contains(k.key))
            out[k.key] = extra.at(k.key);
        else if (contains(keyOrder, k.key))
            out[k.key] = k.value();
    };
    for (const auto& key : keyOrder) {
        if (out.contains(key))
            continue;
        auto it = std::find_if(typed.begin(), typed.end(), [&](const TypedKey& k) { return k.key == key; });
        if (it != typed.end())
            emitTyped(*it);
        else if (extra.contains(key))
            out[key] = extra.at(key);
    }
    for (const auto& k : typed)
        if (!out.contains(k.key))
            emitTyped(k);
    for (const auto& [key, value] : extra.items())
        if (!out.contains(key))
            out[key] = value;
    return out;
}

bool takeString(const Json& value, std::string& target) {
    if (!value.is_string())
        return false;
    target = value.get<std::string>();
    return true;
}

bool takeStringList(const Json& value, std::vector<std::string>& target) {
    if (!value.is_array())
        return false;
    for (const auto& item : value)
        if (!item.is_string())
            return false;
    target.clear();
    for (const auto& item : value)
        target.push_back(item.get<std::string>());
    return true;
}

Json stringList(const std::vector<std::string>& list) {
    Json out = Json::array();
    for (const auto& s : list)
        out.push_back(s);
    return out;
}

} // namespace

Column columnFromJson(const Json& json) {
    Column c;
    if (!json.is_object()) {
        c.verbatim = json;
        return c;
    }
    readObject(json, c.extra, c.keyOrder, [&](const std::string& key, const Json& v) {
        if (key == "name")
            return takeString(v, c.name);
        if (key == "type")
            return takeString(v, c.type);
        return false;
    });
    return c;
}

Json toJson(const Column& c) {
    if (c.verbatim)
        return *c.verbatim;
    return writeObject({{"name", !c.name.empty(), [&] { return Json(c.name); }},
                        {"type", !c.type.empty(), [&] { return Json(c.type); }}},
                       c.extra, c.keyOrder);
}

Topic topicFromJson(const Json& json) {
    Topic t;
    if (!json.is_object()) {
        t.verbatim = json;
        return t;
    }
    readObject(json, t.extra, t.keyOrder, [&](const std::string& key, const Json& v) {
        return key == "name" && takeString(v, t.name);
    });
    return t;
}

Json toJson(const Topic& t) {
    if (t.verbatim)
        return *t.verbatim;
    return writeObject({{"name", !t.name.empty(), [&] { return Json(t.name); }}}, t.extra, t.keyOrder);
}

MaterializedView materializedViewFromJson(const Json& json) {
    MaterializedView m;
    if (!json.is_object()) {
        m.verbatim = json;
        return m;
    }
    readObject(json, m.extra, m.keyOrder, [&](const std::string& key, const Json& v) {
        if (key == "view_name")
            return takeString(v, m.viewName);
        if (key == "order_by")
            return takeStringList(v, m.orderBy);
        if (key == "database_name" || key == "engine" || key == "ttl_column") {
            std::string s;
            if (!takeString(v, s))
                return false;
            (key == "database_name" ? m.databaseName : key == "engine" ? m.engine : m.ttlColumn) = s;
            return true;
        }
        if (key == "engine_params") {
            std::vector<std::string> list;
            if (!takeStringList(v, list))
                return false;
            m.engineParams = list;
            return true;
        }
        if (key == "ttl_days" || key == "local_disk_ttl_days") {
            if (!v.is_number_integer())
                return false;
            (key == "ttl_days" ? m.ttlDays : m.localDiskTtlDays) = v.get<std::int64_t>();
            return true;
        }
        return false;
    });
    return m;
}

Json toJson(const MaterializedView& m) {
    if (m.verbatim)
        return *m.verbatim;
    auto optString = [](const std::optional<std::string>& o) { return o ? Json(*o) : Json(); };
    auto optInt = [](const std::optional<std::int64_t>& o) { return o ? Json(*o) : Json(); };
    return writeObject(
        {{"view_name", !m.viewName.empty(), [&] { return Json(m.viewName); }},
         {"database_name", m.databaseName.has_value(), [&] { return optString(m.databaseName); }},
         {"engine", m.engine.has_value(), [&] { return optString(m.engine); }},
         {"engine_params", m.engineParams.has_value(),
          [&] { return m.engineParams ? stringList(*m.engineParams) : Json(); }},
         {"order_by", !m.orderBy.empty(), [&] { return stringList(m.orderBy); }},
         {"ttl_column", m.ttlColumn.has_value(), [&] { return optString(m.ttlColumn); }},
         {"ttl_days", m.ttlDays.has_value(), [&] { return optInt(m.ttlDays); }},
         {"local_disk_ttl_days", m.localDiskTtlDays.has_value(), [&] { return optInt(m.localDiskTtlDays); }}},
        m.extra, m.keyOrder);
}

ConnectorTable connectorTableFromJson(const Json& json) {
    ConnectorTable t;
    if (!json.is_object()) {
        t.verbatim = json;
        return t;
    }
    readObject(json, t.extra, t.keyOrder, [&](const std::string& key, const Json& v) {
        if (key == "name")
            return takeString(v, t.name);
        if (key == "data_format")
            return takeString(v, t.dataFormat);
        if (key == "group_name")
            return takeString(v, t.groupName);
        if (key == "columns") {
            if (!v.is_array())
                return false;
            for (const auto& item : v)
                t.columns.push_back(columnFromJson(item));
            return true;
        }
        if (key == "topics") {
            if (!v.is_array())
                return false;
            for (const auto& item : v)
                t.topics.push_back(topicFromJson(item));
            return true;
        }
        if (key == "materialized_view") {
            if (!v.is_object())
                return false;
            t.materializedView = materializedViewFromJson(v);
            return true;
        }
        return false;
    });
    return t;
}

Json toJson(const ConnectorTable& t) {
    if (t.verbatim)
        return *t.verbatim;
    return writeObject({{"name", !t.name.empty(), [&] { return Json(t.name); }},
                        {"columns", !t.columns.empty(),
                         [&] {
                             Json a = Json::array();
                             for (const auto& c : t.columns)
                                 a.push_back(toJson(c));
                             return a;
                         }},
                        {"topics", !t.topics.empty(),
                         [&] {
                             Json a = Json::array();
                             for (const auto& tp : t.topics)
                                 a.push_back(toJson(tp));
                             return a;
                         }},
                        {"data_format", !t.dataFormat.empty(), [&] { return Json(t.dataFormat); }},
                        {"group_name", !t.groupName.empty(), [&] { return Json(t.groupName); }},
                        {"materialized_view", t.materializedView.has_value(),
                         [&] { return t.materializedView ? toJson(*t.materializedView) : Json(); }}},
                       t.extra, t.keyOrder);
}

UserConfig userConfigFromJson(const Json& json) {
    UserConfig u;
    if (!json.is_object()) {
        u.verbatim = json;
        return u;
    }
    readObject(json, u.extra, u.keyOrder, [&](const std::string& key, const Json& v) {
        if (key != "tables" || !v.is_array())
            return false;
        for (const auto& item : v)
            u.tables.push_back(connectorTableFromJson(item));
        return true;
    });
    return u;
}

Json toJson(const UserConfig& u) {
    if (u.verbatim)
        return *u.verbatim;
    return writeObject({{"tables", !u.tables.empty(),
                         [&] {
                             Json a = Json::array();
                             for (const auto& t : u.tables)
                                 a.push_back(toJson(t));
                             return a;
                         }}},
                       u.extra, u.keyOrder);
}

const Json* ConnectorTable::setting(const std::string& key) const {
    auto it = extra.find(key);
    return it == extra.end() ? nullptr : &*it;
}

void ConnectorTable::setSetting(const std::string& key, Json value) { extra[key] = std::move(value); }

void ConnectorTable::unsetSetting(const std::string& key) { extra.erase(key); }

ConnectorTable newConnectorTable(const std::string& name) {
    ConnectorTable t;
    t.name = name;
    t.dataFormat = "JSONEachRow";
    t.groupName = "clickhouse";
    t.keyOrder = {"name", "columns", "topics", "data_format", "group_name"};
    return t;
}

} // namespace ckstudio
