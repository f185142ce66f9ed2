#pragma once
// DDL for persisting a connector table's messages: a MergeTree-family destination table and a materialized
// view TO it reading from `service_<kafka>`.`<table>`, runnable on Aiven (24+) and on ClickHouse 18.16.
#include "domain/UserConfig.h"

#include <string>
#include <vector>

namespace ckstudio {

struct DdlOptions {
    std::string kafkaService;             // the connector table lives in database service_<kafkaService>
    std::string targetDatabase = "default";
    std::string engine = "MergeTree";     // MergeTree, ReplicatedMergeTree, ReplacingMergeTree, ...
    std::vector<std::string> engineParams; // e.g. sign / version columns
    std::vector<std::string> orderBy;     // empty: the first column
    std::string partitionBy;              // optional expression
    std::string ttlColumn;                // optional
    int ttlDays = 0;                      // with ttlColumn
    std::vector<std::string> virtualColumns; // _topic, _partition, _offset, _timestamp, _key: only when asked
    std::string destinationName;          // empty: <table>_data (or materialized_view naming rules)
    std::string viewName;                 // empty: <table>_mv
    bool ifNotExists = true;
};

struct DdlStatement {
    std::string what; // "destination table default.events_data", "materialized view default.events_mv"
    std::string sql;  // one statement, no trailing semicolon
};

// Statements in the order they must run.
std::vector<DdlStatement> destinationDdl(const ConnectorTable& table, const DdlOptions& options);

// All statements as one script, separated by ";\n\n", ending with ";\n".
std::string ddlScript(const std::vector<DdlStatement>& statements);

// Backtick-quotes a ClickHouse identifier (dashes, digits, keywords, backticks, backslashes, control chars).
std::string quoteIdentifier(std::string_view name);
// Single-quoted ClickHouse string literal.
std::string quoteStringLiteral(std::string_view value);

} // namespace ckstudio
