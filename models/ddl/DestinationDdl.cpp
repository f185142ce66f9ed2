// Destination table + materialized view DDL for a connector table (reference/clickhouse.md §3.6, §6).
// Only syntax both ClickHouse 18.16 and current Aiven releases accept is emitted by default; options that
// need a newer server (TTL, virtual columns, LowCardinality) come with a warning that says so.
#include "ddl/DestinationDdl.h"

#include "ddl/ColumnTypeTraits.h"
#include "types/ClickHouseType.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>

namespace ckstudio {
namespace {

using ddl::isDateOrDateTime;
using ddl::isInt8;
using ddl::isNumeric;
using ddl::isUnsignedInteger;

// One column of the destination table and what the view selects into it.
struct DestinationColumn {
    std::string name;
    std::string type;      // as the connector table spells it: the destination gets the same text
    ClickHouseType parsed; // what the checks look at (aliases resolved, nesting explicit)
    bool isVirtual = false;
};

// How an engine's parameters are checked: each parameter names a destination column of a fitting type.
struct EngineSpec {
    std::string name;
    std::size_t minParams = 0;
    std::size_t maxParams = 0;
    std::function<std::string(std::size_t index, const DestinationColumn& column)>
        paramTypeProblem; // empty: fits
};

std::string unsignedOrDateProblem(const DestinationColumn& c) {
    if (isUnsignedInteger(c.parsed) || isDateOrDateTime(c.parsed))
        return {};
    return "is " + c.type + "; a version column must be UInt8..UInt256, Date, Date32, DateTime or DateTime64";
}

std::string signProblem(const DestinationColumn& c) {
    return isInt8(c.parsed) ? std::string()
                            : "is " + c.type + "; the sign column must be Int8 (values 1 and -1)";
}

const std::vector<EngineSpec>& engineSpecs() {
    static const std::vector<EngineSpec> specs = {
        {"MergeTree", 0, 0, {}},
        {"ReplicatedMergeTree", 0, 0, {}},
        {"ReplacingMergeTree", 0, 1,
         [](std::size_t, const DestinationColumn& c) { return unsignedOrDateProblem(c); }},
        {"SummingMergeTree", 0, 100,
         [](std::size_t, const DestinationColumn& c) {
             return isNumeric(c.parsed) ? std::string() : "is " + c.type + "; columns to sum must be numeric";
         }},
        {"AggregatingMergeTree", 0, 0, {}},
        {"CollapsingMergeTree", 1, 1, [](std::size_t, const DestinationColumn& c) { return signProblem(c); }},
        {"VersionedCollapsingMergeTree", 2, 2,
         [](std::size_t i, const DestinationColumn& c) {
             return i == 0 ? signProblem(c) : unsignedOrDateProblem(c);
         }},
    };
    return specs;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

std::string integrationDatabase(const std::string& kafkaService) {
    return "service_" + kafkaService;
}

// Works out the destination for one connector table and collects every problem on the way.
class DestinationPlan {
public:
    DestinationPlan(const ConnectorTable& table, const DdlOptions& options)
        : m_table(table)
        , m_options(options) {}

    DdlResult generate() {
        checkNames();
        collectColumns();
        checkEngine();
        chooseOrderBy();
        checkPartitionAndTtl();
        if (hasErrors(m_result.problems))
            return std::move(m_result);
        m_result.statements.push_back(destinationTable());
        m_result.statements.push_back(materializedView());
        return std::move(m_result);
    }

    std::string destinationName() const {
        return m_options.destinationName.empty() ? m_table.name + "_data" : m_options.destinationName;
    }
    std::string viewName() const {
        return m_options.viewName.empty() ? m_table.name + "_mv" : m_options.viewName;
    }

    // The ORDER BY columns the destination gets (empty for tuple() or when none fits).
    std::vector<std::string> orderByColumns() {
        collectColumns();
        chooseOrderBy();
        return m_orderBy;
    }

private:
    void error(std::string path, std::string message) {
        m_result.problems.push_back({std::move(path), std::move(message), Problem::Severity::Error});
    }
    void warn(std::string path, std::string message) {
        m_result.problems.push_back({std::move(path), std::move(message), Problem::Severity::Warning});
    }

    const DestinationColumn* column(const std::string& name) const {
        auto it =
            std::find_if(m_columns.begin(), m_columns.end(), [&](const auto& c) { return c.name == name; });
        return it == m_columns.end() ? nullptr : &*it;
    }

    std::string knownColumns() const {
        std::vector<std::string> names;
        for (const auto& c : m_columns)
            names.push_back(c.name);
        return names.empty() ? std::string("none") : joined(names, ", ");
    }

    void checkNames() {
        if (m_table.verbatim)
            error("", "the table is not a JSON object");
        else if (m_table.name.empty())
            error("name", "the connector table has no name");
        if (m_options.kafkaService.empty())
            error("kafka_service",
                  "the Kafka service name is required: the connector table lives in database service_<name>");
        if (m_options.targetDatabase.empty())
            error("target_database", "the target database name is empty");
        else if (!m_options.kafkaService.empty() &&
                 m_options.targetDatabase == integrationDatabase(m_options.kafkaService))
            error("target_database", "must not be the integration database " +
                                         integrationDatabase(m_options.kafkaService) +
                                         ": it is not replicated and is dropped with the integration");
        if (m_table.materializedView)
            warn("materialized_view",
                 "the table has a materialized_view block, so Aiven already creates a view "
                 "and a target table for it; these statements would add a second copy");
        if (destinationName() == viewName())
            error("view_name", "the view and the destination table are both named '" + viewName() + "'");
    }

    void collectColumns() {
        if (m_columnsCollected)
            return;
        m_columnsCollected = true;
        if (m_table.columns.empty() && !m_table.verbatim)
            error("columns", "the table has no columns");
        std::map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < m_table.columns.size(); ++i) {
            const Column& c = m_table.columns[i];
            const std::string path = "columns[" + std::to_string(i) + "]";
            if (c.verbatim) {
                error(path, "is not a JSON object with name and type");
                continue;
            }
            if (c.name.empty()) {
                error(path + ".name", "the column has no name");
                continue;
            }
            if (auto [it, inserted] = seen.emplace(c.name, i); !inserted) {
                error(path + ".name",
                      "'" + c.name + "' is already the name of columns[" + std::to_string(it->second) + "]");
                continue;
            }
            if (const auto problem = ddl::sqlFragmentProblem(c.type); !problem.empty()) {
                error(path + ".type", "the type " + problem);
                continue;
            }
            // The keys, engine parameters and TTL are checked on the parsed type; a type the parser refuses
            // would be refused by the server too.
            auto checked = checkClickHouseType(c.type);
            if (!checked) {
                error(path + ".type", "'" + c.type + "' is not a valid type (at offset " +
                                          std::to_string(checked.errorOffset) + "): " + checked.error);
                continue;
            }
            for (const auto& warning : checked.warnings)
                warn(path + ".type", warning);
            if (ddl::usesLowCardinality(*checked.type))
                warn(path + ".type", "LowCardinality needs allow_experimental_low_cardinality_type=1 on "
                                     "ClickHouse 18.x; 19.x and later (and Aiven) accept it as is");
            m_columns.push_back({c.name, c.type, std::move(*checked.type), false});
        }
        const auto& known = kafkaVirtualColumns();
        std::vector<std::string> wanted;
        for (const auto& name : m_options.virtualColumns) {
            auto it = std::find_if(known.begin(), known.end(), [&](const auto& v) { return v.name == name; });
            if (it == known.end()) {
                std::vector<std::string> names;
                for (const auto& v : known)
                    names.push_back(v.name);
                error("virtual_columns",
                      "unknown Kafka virtual column '" + name + "'; known: " + joined(names, ", "));
            } else if (std::find(wanted.begin(), wanted.end(), name) != wanted.end()) {
                error("virtual_columns", "'" + name + "' is listed twice");
            } else if (seen.count(name)) {
                error("virtual_columns", "'" + name + "' is also the name of a connector column");
            } else {
                wanted.push_back(name);
                m_columns.push_back({it->name, it->type, *checkClickHouseType(it->type).type, true});
                warn("virtual_columns", "'" + name + "' needs ClickHouse " + it->since +
                                            " or newer (ClickHouse 18.16 has no Kafka virtual columns)");
            }
        }
    }

    void checkEngine() {
        const auto& specs = engineSpecs();
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const auto& s) { return s.name == m_options.engine; });
        if (spec == specs.end()) {
            std::vector<std::string> names;
            for (const auto& s : specs)
                names.push_back(s.name);
            error("engine", "unknown engine '" + m_options.engine + "'; use one of " + joined(names, ", "));
            return;
        }
        const auto& params = m_options.engineParams;
        if (params.size() < spec->minParams || params.size() > spec->maxParams) {
            std::string expected;
            if (spec->maxParams == 0)
                expected = "takes no parameters";
            else if (spec->minParams == spec->maxParams)
                expected = "takes " + std::to_string(spec->minParams) + " column parameter(s)";
            else
                expected = "takes at most " + std::to_string(spec->maxParams) + " column parameter(s)";
            if (spec->name == "ReplicatedMergeTree")
                expected +=
                    " here: on Aiven's Replicated databases the ZooKeeper path and replica come from the "
                    "server";
            error("engine_params", spec->name + " " + expected + ", got " + std::to_string(params.size()));
            return;
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const std::string path = "engine_params[" + std::to_string(i) + "]";
            const auto* c = column(params[i]);
            if (!c) {
                error(path,
                      "no column '" + params[i] + "' in the destination; columns are: " + knownColumns());
                continue;
            }
            if (spec->paramTypeProblem) {
                if (auto problem = spec->paramTypeProblem(i, *c); !problem.empty())
                    error(path, "column '" + c->name + "' " + problem);
            }
        }
        m_engine = spec->name;
    }

    // Why the column cannot be in the sorting key (or, with partition, be the partition key), or empty: "is
    // T; reason", to follow the column's name.
    std::string keyProblem(const DestinationColumn& c, bool partition = false) const {
        if (m_options.engine == "SummingMergeTree" &&
            std::find(m_options.engineParams.begin(), m_options.engineParams.end(), c.name) !=
                m_options.engineParams.end())
            return std::string(
                       "is summed by SummingMergeTree, and ClickHouse refuses a summed column in the ") +
                   (partition ? "partition" : "sorting") + " key";
        const auto problem =
            partition ? ddl::partitionKeyProblem(c.parsed) : ddl::sortingKeyProblem(c.parsed);
        return problem ? problem.describe(c.type) : std::string();
    }

    void chooseOrderBy() {
        if (m_orderByChosen)
            return;
        m_orderByChosen = true;
        if (m_options.orderByTuple) {
            if (!m_options.orderBy.empty())
                error("order_by", "give either ORDER BY columns or tuple(), not both");
            return;
        }
        if (m_options.orderBy.empty()) {
            // The first connector column that can be a key, as before for Nullable: a sorting key keeps the
            // primary index useful, and the warning names what was skipped and why.
            std::vector<std::string> skipped;
            for (const auto& c : m_columns) {
                if (c.isVirtual)
                    continue;
                if (auto problem = keyProblem(c); !problem.empty()) {
                    skipped.push_back("'" + c.name + "' " + problem);
                    continue;
                }
                if (!skipped.empty())
                    warn("order_by",
                         "ordering by '" + c.name +
                             "', the first column that can be a sorting key: " + joined(skipped, "; "));
                m_orderBy.push_back(c.name);
                return;
            }
            if (!skipped.empty())
                warn("order_by",
                     "no column can be a sorting key, so using ORDER BY tuple() (no sorting key): " +
                         joined(skipped, "; "));
            return;
        }
        for (std::size_t i = 0; i < m_options.orderBy.size(); ++i) {
            const auto& name = m_options.orderBy[i];
            const std::string path = "order_by[" + std::to_string(i) + "]";
            const auto* c = column(name);
            if (!c) {
                error(path, "no column '" + name + "' in the destination; columns are: " + knownColumns());
            } else if (auto problem = keyProblem(*c); !problem.empty()) {
                error(path, "column '" + name + "' cannot be in the sorting key: it " + problem);
            } else if (std::find(m_orderBy.begin(), m_orderBy.end(), name) != m_orderBy.end()) {
                error(path, "column '" + name + "' is listed twice");
            } else {
                m_orderBy.push_back(name);
            }
        }
    }

    // The partition expression with surrounding blanks removed.
    std::string_view trimmedPartition() const {
        std::string_view text = m_options.partitionBy;
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
            text.remove_prefix(1);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
            text.remove_suffix(1);
        return text;
    }

    static bool isPlainIdentifier(std::string_view text) {
        const auto start = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
        return !text.empty() && start(text.front()) && std::all_of(text.begin(), text.end(), [&](char c) {
            return start(c) || std::isdigit(static_cast<unsigned char>(c));
        });
    }

    void checkPartitionAndTtl() {
        if (!m_options.partitionBy.empty()) {
            if (auto problem = ddl::sqlFragmentProblem(m_options.partitionBy); !problem.empty()) {
                error("partition_by", "the expression " + problem);
            } else {
                // An expression is the user's; a partition key that is one column, plain or quoted as this
                // generator quotes, gets the server's key checks.
                const auto text = trimmedPartition();
                const auto named = std::find_if(m_columns.begin(), m_columns.end(), [&](const auto& c) {
                    return (isPlainIdentifier(text) && text == c.name) || text == quoteIdentifier(c.name);
                });
                if (named != m_columns.end()) {
                    if (auto problem = keyProblem(*named, true); !problem.empty())
                        error("partition_by",
                              "column '" + named->name + "' cannot be the partition key: it " + problem);
                } else if (isPlainIdentifier(text)) {
                    error("partition_by", "no column '" + std::string(text) +
                                              "' in the destination; columns are: " + knownColumns());
                }
            }
        }
        const bool hasColumn = !m_options.ttlColumn.empty();
        if (!hasColumn && m_options.ttlDays != 0) {
            error("ttl_column", "a TTL in days needs a TTL column");
            return;
        }
        if (!hasColumn)
            return;
        if (m_options.ttlDays < 1 || m_options.ttlDays > 36500)
            error("ttl_days",
                  "must be between 1 and 36500 with a TTL column, got " + std::to_string(m_options.ttlDays));
        const auto* c = column(m_options.ttlColumn);
        if (!c)
            error("ttl_column", "no column '" + m_options.ttlColumn +
                                    "' in the destination; columns are: " + knownColumns());
        else if (!isDateOrDateTime(c->parsed))
            error("ttl_column", "column '" + c->name + "' is " + c->type +
                                    "; a TTL column must be Date, Date32, DateTime or DateTime64");
        else
            warn("ttl_column", "TTL needs ClickHouse 19.6 or newer");
    }

    DdlStatement destinationTable() const {
        const auto target = qualifiedName(m_options.targetDatabase, destinationName());
        std::string sql = "CREATE TABLE ";
        if (m_options.ifNotExists)
            sql += "IF NOT EXISTS ";
        sql += target + "\n(\n";
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            sql += "    " + quoteIdentifier(m_columns[i].name) + " " + m_columns[i].type;
            sql += i + 1 < m_columns.size() ? ",\n" : "\n";
        }
        std::vector<std::string> params;
        for (const auto& p : m_options.engineParams)
            params.push_back(quoteIdentifier(p));
        // SummingMergeTree takes one argument, the columns to sum: several are a tuple (26.5: Code 42 for
        // SummingMergeTree(a, b)).
        std::string arguments = joined(params, ", ");
        if (m_engine == "SummingMergeTree" && params.size() > 1)
            arguments = "(" + arguments + ")";
        sql += ")\nENGINE = " + m_engine + "(" + arguments + ")";
        if (!m_options.partitionBy.empty())
            sql += "\nPARTITION BY " + m_options.partitionBy;
        if (m_orderBy.empty()) {
            sql += "\nORDER BY tuple()";
        } else {
            std::vector<std::string> keys;
            for (const auto& k : m_orderBy)
                keys.push_back(quoteIdentifier(k));
            sql += "\nORDER BY (" + joined(keys, ", ") + ")";
        }
        if (!m_options.ttlColumn.empty())
            sql += "\nTTL " + quoteIdentifier(m_options.ttlColumn) + " + INTERVAL " +
                   std::to_string(m_options.ttlDays) + " DAY";
        return {"destination table " + m_options.targetDatabase + "." + destinationName(), sql};
    }

    DdlStatement materializedView() const {
        std::string sql = "CREATE MATERIALIZED VIEW ";
        if (m_options.ifNotExists)
            sql += "IF NOT EXISTS ";
        sql += qualifiedName(m_options.targetDatabase, viewName()) + " TO " +
               qualifiedName(m_options.targetDatabase, destinationName()) + "\nAS SELECT\n";
        std::vector<std::string> selected;
        for (const auto& c : m_columns) {
            if (c.parsed.family != "Nested") {
                selected.push_back(quoteIdentifier(c.name));
                continue;
            }
            // Both tables store a Nested column as its arrays c.a, c.b (flatten_nested, the default): there
            // is no column c to select into the destination (26.5: Code 8), so each array is selected.
            for (const auto& field : c.parsed.arguments)
                if (field.type)
                    selected.push_back(quoteIdentifier(c.name + "." + field.text));
        }
        for (std::size_t i = 0; i < selected.size(); ++i)
            sql += "    " + selected[i] + " AS " + selected[i] + (i + 1 < selected.size() ? ",\n" : "\n");
        sql += "FROM " + qualifiedName(integrationDatabase(m_options.kafkaService), m_table.name);
        return {"materialized view " + m_options.targetDatabase + "." + viewName() + " from " +
                    integrationDatabase(m_options.kafkaService) + "." + m_table.name,
                sql};
    }

    const ConnectorTable& m_table;
    const DdlOptions& m_options;
    DdlResult m_result;
    std::vector<DestinationColumn> m_columns;
    bool m_columnsCollected = false;
    std::string m_engine;
    std::vector<std::string> m_orderBy;
    bool m_orderByChosen = false;
};

} // namespace

const std::vector<KafkaVirtualColumn>& kafkaVirtualColumns() {
    // Destination types that every version with the column can store; _topic is LowCardinality(String) on
    // new servers, a plain String column takes it everywhere.
    static const std::vector<KafkaVirtualColumn> columns = {
        {"_topic", "String", "19.11"},
        {"_key", "String", "19.11"},
        {"_offset", "UInt64", "19.11"},
        {"_partition", "UInt64", "19.14"},
        {"_timestamp", "Nullable(DateTime)", "19.14"},
    };
    return columns;
}

DdlResult generateDestinationDdl(const ConnectorTable& table, const DdlOptions& options) {
    return DestinationPlan(table, options).generate();
}

std::vector<DdlStatement> destinationDdl(const ConnectorTable& table, const DdlOptions& options) {
    return generateDestinationDdl(table, options).statements;
}

std::string ddlScript(const std::vector<DdlStatement>& statements) {
    std::string script;
    for (const auto& s : statements) {
        if (!script.empty())
            script += ";\n\n";
        script += s.sql;
    }
    if (!script.empty())
        script += ";\n";
    return script;
}

MaterializedView materializedViewBlock(const ConnectorTable& table, const DdlOptions& options) {
    // Start from the existing block so that keys this code does not set (local_disk_ttl_days, unknown keys)
    // stay.
    MaterializedView view = table.materializedView && !table.materializedView->verbatim
                                ? *table.materializedView
                                : MaterializedView{};
    DestinationPlan plan(table, options);
    view.viewName = plan.viewName();
    view.databaseName = options.targetDatabase;
    // Aiven turns MergeTree engines into their Replicated variants itself; the block only knows the plain
    // names.
    view.engine = options.engine == "ReplicatedMergeTree" ? std::string("MergeTree") : options.engine;
    if (options.engineParams.empty())
        view.engineParams.reset();
    else
        view.engineParams = options.engineParams;
    view.orderBy = plan.orderByColumns();
    if (options.ttlColumn.empty()) {
        view.ttlColumn.reset();
        view.ttlDays.reset();
    } else {
        view.ttlColumn = options.ttlColumn;
        view.ttlDays = options.ttlDays;
    }
    // A key that was read but is now unset must not be written back as null.
    auto forget = [&view](const std::string& key) {
        view.keyOrder.erase(std::remove(view.keyOrder.begin(), view.keyOrder.end(), key),
                            view.keyOrder.end());
        view.extra.erase(key);
    };
    if (!view.engineParams)
        forget("engine_params");
    if (!view.ttlColumn) {
        forget("ttl_column");
        forget("ttl_days");
    }
    // Keys new to the block follow in the schema's order; order_by is mandatory, so it is written even when
    // empty.
    std::vector<std::string> keys = {"view_name", "database_name", "engine"};
    if (view.engineParams)
        keys.push_back("engine_params");
    keys.push_back("order_by");
    if (view.ttlColumn) {
        keys.push_back("ttl_column");
        keys.push_back("ttl_days");
    }
    for (const auto& key : keys)
        if (std::find(view.keyOrder.begin(), view.keyOrder.end(), key) == view.keyOrder.end())
            view.keyOrder.push_back(key);
    view.verbatim.reset();
    return view;
}

} // namespace ckstudio
