#include "schema/TableRules.h"

#include "schema/ValueText.h"
#include "types/ClickHouseType.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace ckstudio {
namespace {

constexpr auto Warning = Problem::Severity::Warning;

// Enough names to recognise the table, not a wall of text for a 100-column table.
std::string nameList(const std::vector<std::string>& names) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(names.size(), 12);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i)
            out += ", ";
        out += names[i];
    }
    if (names.size() > shown)
        out += ", ... (" + std::to_string(names.size()) + " in all)";
    return out;
}

const std::string* stringMember(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(text[i]) != lower(prefix[i]))
            return false;
    }
    return true;
}

// Date, Date32, DateTime, DateTime64 and the TIMESTAMP alias: what a TTL expression can count from.
bool isDateLikeType(std::string_view type) {
    while (!type.empty() && type.front() == ' ')
        type.remove_prefix(1);
    return startsWithNoCase(type, "date") || startsWithNoCase(type, "timestamp");
}

std::string versionText(MajorMinorVersion version) {
    return std::to_string(version.first) + "." + std::to_string(version.second);
}

// Settings Aiven takes only from a version on ("Requires ClickHouse >= 25.8" in its schema's descriptions;
// reference/aiven-api.md §3.4). Upstream came first for dead_letter_queue: 25.1 (PR #68873, December 2024),
// where it also needs the server's <dead_letter_queue> table; auto_offset_reset_by_duration_ms is Aiven's
// own (patch 076, first on its 25.8 line).
constexpr MajorMinorVersion kDeadLetterQueueSince{25, 8};
constexpr MajorMinorVersion kOffsetByDurationSince{25, 8};

} // namespace

std::optional<MajorMinorVersion> parseServerVersion(std::string_view text) {
    if (!text.empty() && (text.front() == 'v' || text.front() == 'V'))
        text.remove_prefix(1);
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const auto number = [&]() -> std::optional<int> {
        int value = 0;
        std::size_t digits = 0;
        for (; digits < text.size() && isDigit(text[digits]); ++digits) {
            if (digits == 6)
                return std::nullopt;
            value = value * 10 + (text[digits] - '0');
        }
        if (digits == 0)
            return std::nullopt;
        text.remove_prefix(digits);
        return value;
    };
    const auto major = number();
    if (!major || text.empty() || text.front() != '.')
        return std::nullopt;
    text.remove_prefix(1);
    const auto minor = number();
    if (!minor)
        return std::nullopt;
    return MajorMinorVersion{*major, *minor}; // what follows (".1.1", "-aiven") does not matter here
}

bool isPositionalFormat(const std::string& dataFormat) {
    // MsgPack rows are plain value sequences too: ClickHouse reads them in column order.
    static const std::array<std::string_view, 6> positional = {
        "CSV", "TSV", "TabSeparated", "JSONCompactEachRow", "JSONCompactStringsEachRow", "MsgPack"};
    return std::find(positional.begin(), positional.end(), dataFormat) != positional.end();
}

void TableRules::check(const Json& table) {
    if (!table.is_object())
        return;
    m_columnNames.clear();
    m_columnTypes.clear();
    m_columnsKnown = false;
    if (auto it = table.find("columns"); it != table.end() && it->is_array())
        checkColumns(table, *it);
    if (auto it = table.find("topics"); it != table.end() && it->is_array())
        checkTopics(table, *it);
    if (const std::string* format = stringMember(table, "data_format");
        format && isPositionalFormat(*format)) {
        PathStep step(m_path, table, "data_format");
        m_out.add(m_path,
                  *format +
                      " maps message fields to columns by position, not by name: keep the columns in the "
                      "order of the fields in the messages",
                  Warning);
    }
    checkSettings(table);
    if (auto it = table.find("materialized_view"); it != table.end() && it->is_object())
        checkMaterializedView(table, *it);
}

void TableRules::checkColumns(const Json& table, const Json& columns) {
    PathStep atColumns(m_path, table, "columns");
    if (columns.empty()) {
        m_out.add(m_path, "at least one column is required");
        return;
    }
    m_columnsKnown = true;
    std::unordered_map<std::string_view, std::size_t> firstIndex;
    firstIndex.reserve(columns.size());
    m_columnNames.reserve(columns.size());
    m_columnTypes.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Json& column = columns[i];
        const std::string* name = column.is_object() ? stringMember(column, "name") : nullptr;
        if (!name || name->empty()) {
            m_columnsKnown = false; // a nameless column makes "not a column" findings guesswork
            continue;
        }
        PathStep atColumn(m_path, i);
        m_columnNames.push_back(*name);
        const std::string* type = stringMember(column, "type");
        m_columnTypes.push_back(type ? *type : std::string());
        auto [it, inserted] = firstIndex.emplace(*name, i);
        if (!inserted) {
            PathStep atName(m_path, column, "name");
            m_out.add(m_path, "duplicate column name " + quotedShort(*name) + " (first at columns[" +
                                  std::to_string(it->second) + "])");
        }
        if (type && !type->empty()) {
            PathStep atType(m_path, column, "type");
            checkType(*type);
        }
    }
}

void TableRules::checkType(const std::string& type) {
    if (m_typeMaxLength && codePointCount(type) > *m_typeMaxLength)
        return;
    auto it = m_typeVerdicts.find(type);
    if (it == m_typeVerdicts.end()) {
        const TypeCheckResult result = checkClickHouseType(type);
        TypeVerdict verdict;
        // Positions are 1-based, as in ClickHouse's own "at position N".
        if (!result)
            verdict.error = result.error + " at position " + std::to_string(result.errorOffset + 1);
        verdict.warnings = result.warnings;
        // What the target version cannot create with default settings, and what would make it.
        if (result && result.type && m_targetVersion)
            for (const TypeRequirement& requirement : typeRequirements(*result.type, *m_targetVersion))
                verdict.warnings.push_back(requirement.message() + "; the target is ClickHouse " +
                                           versionText(*m_targetVersion));
        it = m_typeVerdicts.emplace(type, std::move(verdict)).first;
    }
    if (!it->second.error.empty())
        m_out.add(m_path, it->second.error);
    for (const auto& warning : it->second.warnings)
        m_out.add(m_path, warning, Warning);
}

void TableRules::checkTopics(const Json& table, const Json& topics) {
    PathStep atTopics(m_path, table, "topics");
    if (topics.empty()) {
        m_out.add(m_path, "at least one topic is required");
        return;
    }
    std::unordered_map<std::string_view, std::size_t> firstIndex;
    firstIndex.reserve(topics.size());
    for (std::size_t i = 0; i < topics.size(); ++i) {
        const std::string* name = topics[i].is_object() ? stringMember(topics[i], "name") : nullptr;
        if (!name || name->empty())
            continue;
        auto [it, inserted] = firstIndex.emplace(*name, i);
        if (!inserted) {
            PathStep atTopic(m_path, i);
            PathStep atName(m_path, topics[i], "name");
            m_out.add(m_path, "duplicate topic " + quotedShort(*name) + " (first at topics[" +
                                  std::to_string(it->second) + "])");
        }
    }
}

void TableRules::checkSettings(const Json& table) {
    const std::string target =
        m_targetVersion ? "; the target is ClickHouse " + versionText(*m_targetVersion) : std::string();
    if (const std::string* mode = stringMember(table, "handle_error_mode");
        mode && *mode == "dead_letter_queue" &&
        (!m_targetVersion || *m_targetVersion < kDeadLetterQueueSince)) {
        PathStep step(m_path, table, "handle_error_mode");
        m_out.add(m_path,
                  "dead_letter_queue needs ClickHouse " + versionText(kDeadLetterQueueSince) + " or newer" +
                      target +
                      " (on Aiven; upstream ClickHouse has it from 25.1 and needs <dead_letter_queue> in the "
                      "server config for system.dead_letter_queue)",
                  Warning);
    }
    if (auto it = table.find("auto_offset_reset_by_duration_ms");
        it != table.end() && it->is_number() && *it != Json(0) &&
        (!m_targetVersion || *m_targetVersion < kOffsetByDurationSince)) {
        PathStep step(m_path, table, "auto_offset_reset_by_duration_ms");
        m_out.add(m_path,
                  "needs ClickHouse " + versionText(kOffsetByDurationSince) + " or newer" + target +
                      "; older versions start from auto_offset_reset",
                  Warning);
    }
    if (auto it = table.find("num_consumers");
        it != table.end() && it->is_number_integer() && *it > Json(1)) {
        PathStep step(m_path, table, "num_consumers");
        std::string hint = it->dump() +
                           " consumers: each one reads its own partitions, so consumers beyond the topics' "
                           "partition count stay idle, and the total must not exceed the service's CPU cores";
        const auto threaded = table.find("thread_per_consumer");
        if (threaded == table.end() || *threaded != Json(true))
            hint += "; without thread_per_consumer they share one thread";
        m_out.add(m_path, std::move(hint), Warning);
    }
}

void TableRules::requireColumn(const Json& name, const char* role) {
    if (!m_columnsKnown || !name.is_string())
        return;
    const auto& text = name.get_ref<const std::string&>();
    if (text.empty())
        return; // the schema's minLength reports it
    if (std::find(m_columnNames.begin(), m_columnNames.end(), text) != m_columnNames.end())
        return;
    m_out.add(m_path, std::string(role) + " " + quotedShort(text) +
                          " is not a column of this table; columns: " + nameList(m_columnNames));
}

void TableRules::checkMaterializedView(const Json& table, const Json& view) {
    PathStep atView(m_path, table, "materialized_view");
    for (const char* key : {"order_by", "engine_params"}) {
        auto it = view.find(key);
        if (it == view.end() || !it->is_array())
            continue;
        PathStep atList(m_path, view, key);
        std::size_t index = 0;
        for (const Json& name : *it) {
            PathStep atItem(m_path, index++);
            requireColumn(name, std::string_view(key) == "order_by" ? "ORDER BY column" : "engine parameter");
        }
    }
    const std::string* ttlColumn = stringMember(view, "ttl_column");
    if (ttlColumn) {
        PathStep atTtl(m_path, view, "ttl_column");
        requireColumn(view["ttl_column"], "TTL column");
        const auto it = std::find(m_columnNames.begin(), m_columnNames.end(), *ttlColumn);
        if (it != m_columnNames.end()) {
            const std::string& type = m_columnTypes[static_cast<std::size_t>(it - m_columnNames.begin())];
            if (!type.empty() && !isDateLikeType(type))
                m_out.add(m_path,
                          "column " + quotedShort(*ttlColumn) + " is " + quotedShort(type) +
                              "; a TTL counts from a Date or DateTime column",
                          Warning);
        }
    }
    checkEngineParameters(view);
    for (const char* key : {"ttl_days", "local_disk_ttl_days"}) {
        if (!view.contains(key) || view.contains("ttl_column"))
            continue;
        PathStep step(m_path, view, key);
        m_out.add(m_path,
                  std::string(key) + " needs ttl_column, the Date or DateTime column the TTL counts from");
    }
    if (const std::string* database = stringMember(view, "database_name");
        database && database->rfind("service_", 0) == 0) {
        PathStep step(m_path, view, "database_name");
        m_out.add(m_path,
                  quotedShort(*database) +
                      " is the Kafka integration's database (service_...), which is not replicated and "
                      "may be dropped: put the view in another database such as default");
    }
}

// How many engine_params each MergeTree engine takes (ClickHouse's engine signatures), and what they mean.
struct EngineSignature {
    std::string_view engine;
    std::size_t minParams;
    std::size_t maxParams;
    const char* meaning;
};
constexpr std::array<EngineSignature, 6> kEngineSignatures = {{
    {"MergeTree", 0, 0, "no engine_params"},
    {"AggregatingMergeTree", 0, 0, "no engine_params"},
    {"SummingMergeTree", 0, 100, "the columns to sum as engine_params"},
    {"ReplacingMergeTree", 0, 2, "at most two engine_params (the version column, then is_deleted)"},
    {"CollapsingMergeTree", 1, 1, "exactly one engine parameter (the sign column)"},
    {"VersionedCollapsingMergeTree", 2, 2,
     "exactly two engine_params (the sign column, then the version column)"},
}};

void TableRules::checkEngineParameters(const Json& view) {
    const std::string* engine = stringMember(view, "engine");
    const std::string_view name = engine ? std::string_view(*engine) : std::string_view("MergeTree");
    const auto signature = std::find_if(kEngineSignatures.begin(), kEngineSignatures.end(),
                                        [&](const EngineSignature& e) { return e.engine == name; });
    if (signature == kEngineSignatures.end())
        return; // an engine this version does not know: the schema's enum decides
    const auto params = view.find("engine_params");
    if (params != view.end() && !params->is_array())
        return;
    const std::size_t count = params == view.end() ? 0 : params->size();
    if (count < signature->minParams || count > signature->maxParams) {
        const bool missing = params == view.end();
        PathStep step(m_path, view, missing ? "engine" : "engine_params");
        m_out.add(m_path, std::string(name) + " takes " + signature->meaning +
                              (missing ? std::string("; engine_params is missing")
                                       : ", got " + std::to_string(count)));
        return;
    }
    // The sign column of the collapsing engines holds 1 and -1: ClickHouse requires Int8.
    if (signature->minParams > 0 && params != view.end() && (*params)[0].is_string()) {
        const auto& sign = (*params)[0].get_ref<const std::string&>();
        const auto column = std::find(m_columnNames.begin(), m_columnNames.end(), sign);
        if (column == m_columnNames.end())
            return;
        const std::string& type = m_columnTypes[static_cast<std::size_t>(column - m_columnNames.begin())];
        if (!type.empty() && type != "Int8") {
            PathStep atParams(m_path, view, "engine_params");
            PathStep atSign(m_path, 0);
            m_out.add(m_path, "the sign column " + quotedShort(sign) + " is " + quotedShort(type) + "; " +
                                  std::string(name) + " needs an Int8 sign column (1 or -1)");
        }
    }
}

void DocumentRules::check(const Json& document) {
    if (!document.is_object())
        return;
    auto tables = document.find("tables");
    if (tables == document.end() || !tables->is_array())
        return;
    PathStep atTables(m_path, document, "tables");
    std::unordered_map<std::string_view, std::size_t> tableByName;
    std::unordered_map<std::string, std::size_t> tableByView;
    // group -> topic -> first table; views into the document, so a huge name is never copied per topic.
    std::unordered_map<std::string_view, std::unordered_map<std::string_view, std::size_t>> tableByGroupTopic;
    tableByName.reserve(tables->size());
    for (std::size_t i = 0; i < tables->size(); ++i) {
        const Json& table = (*tables)[i];
        if (!table.is_object())
            continue;
        PathStep atTable(m_path, i);
        if (const std::string* name = stringMember(table, "name"); name && !name->empty()) {
            auto [it, inserted] = tableByName.emplace(*name, i);
            if (!inserted) {
                PathStep step(m_path, table, "name");
                m_out.add(m_path, "duplicate table name " + quotedShort(*name) + " (first at tables[" +
                                      std::to_string(it->second) + "])");
            }
        }
        if (auto view = table.find("materialized_view"); view != table.end() && view->is_object()) {
            const std::string* viewName = stringMember(*view, "view_name");
            const std::string* database = stringMember(*view, "database_name");
            if (viewName) {
                const std::string qualified =
                    (database ? *database : std::string("default")) + "." + *viewName;
                auto [it, inserted] = tableByView.emplace(qualified, i);
                if (!inserted) {
                    PathStep atView(m_path, table, "materialized_view");
                    PathStep step(m_path, *view, "view_name");
                    m_out.add(m_path, "duplicate materialized view " + quotedShort(qualified) +
                                          " (first at tables[" + std::to_string(it->second) + "])");
                }
            }
        }
        // Consumers of one group share a topic's partitions: two tables in one group each get part of it.
        const std::string* group = stringMember(table, "group_name");
        auto topics = table.find("topics");
        if (!group || topics == table.end() || !topics->is_array())
            continue;
        bool warned = false;
        for (const auto& topic : *topics) {
            const std::string* topicName = topic.is_object() ? stringMember(topic, "name") : nullptr;
            if (!topicName)
                continue;
            auto [it, inserted] = tableByGroupTopic[*group].emplace(*topicName, i);
            if (!inserted && it->second != i && !warned) {
                warned = true;
                PathStep step(m_path, table, "group_name");
                m_out.add(m_path,
                          "tables[" + std::to_string(it->second) + "] reads topic " +
                              quotedShort(*topicName) + " in the same consumer group " + quotedShort(*group) +
                              ": the two tables split its messages instead of each getting all of them",
                          Warning);
            }
        }
    }
}

} // namespace ckstudio
