#pragma once
// DDL for persisting a connector table's messages: a MergeTree-family destination table and a materialized
// view TO it reading from `service_<kafka>`.`<table>`, runnable on Aiven (24+) and on ClickHouse 18.16.
#include "domain/Problem.h"
#include "domain/UserConfig.h"
#include "text/SqlQuote.h"

#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

struct DdlOptions {
    std::string kafkaService; // the connector table lives in database service_<kafkaService>
    std::string targetDatabase = "default";
    std::string engine = "MergeTree";        // MergeTree, ReplicatedMergeTree, ReplacingMergeTree, ...
    std::vector<std::string> engineParams;   // e.g. sign / version columns
    std::vector<std::string> orderBy;        // empty: the first column
    std::string partitionBy;                 // optional expression
    std::string ttlColumn;                   // optional
    int ttlDays = 0;                         // with ttlColumn
    std::vector<std::string> virtualColumns; // _topic, _partition, _offset, _timestamp, _key: only when asked
    std::string destinationName;             // empty: <table>_data (or materialized_view naming rules)
    std::string viewName;                    // empty: <table>_mv
    bool ifNotExists = true;
    bool orderByTuple = false; // ORDER BY tuple(): no sorting key (orderBy must then be empty)
};

struct DdlStatement {
    std::string what; // "destination table default.events_data", "materialized view default.events_mv"
    std::string sql;  // one statement, no trailing semicolon
};

// Statements in the order they must run.
std::vector<DdlStatement> destinationDdl(const ConnectorTable& table, const DdlOptions& options);

// All statements as one script, separated by ";\n\n", ending with ";\n".
std::string ddlScript(const std::vector<DdlStatement>& statements);

// Statements (in run order) and what is wrong or worth knowing. When problems hold an error, statements is
// empty.
struct DdlResult {
    std::vector<DdlStatement> statements;
    Problems problems; // paths name the table part (columns[2].type) or the option (order_by, engine_params)
};

// Like destinationDdl, with the reasons when nothing can be generated and warnings about old servers.
DdlResult generateDestinationDdl(const ConnectorTable& table, const DdlOptions& options);

// The server-side alternative: the table's `materialized_view` block Aiven fills itself, from the same
// options. Virtual columns, PARTITION BY and the destination name cannot be expressed there and are left out.
MaterializedView materializedViewBlock(const ConnectorTable& table, const DdlOptions& options);

// The Kafka virtual columns a destination can keep, with their destination types.
struct KafkaVirtualColumn {
    std::string name;
    std::string type;
    std::string since; // first ClickHouse version that has it
};
const std::vector<KafkaVirtualColumn>& kafkaVirtualColumns();

} // namespace ckstudio
