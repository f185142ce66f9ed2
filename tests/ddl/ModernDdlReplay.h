#pragma once
// What a ClickHouse 26.5 server answers to a DDL run (tests/http_modern/ReplayClickHouse writes it byte for
// byte): it has database dest and table dest.events (stored types: Int64, a numbered Enum8, Decimal(9, 4), a
// Nested column as its arrays), src.raw is unknown, so the first view fails with 404 and code 60; a
// readonly=1 user's requests with any setting fail with code 164. Used by tst_ddl_runner and tst_ddl_execute.
#include "ReplayClickHouse.h"
#include "ddl/DestinationDdl.h"

#include <vector>

namespace ckstudio::test {

inline const QByteArray kModernTag = "Xq3vB7rT0pLm2sZa";

struct ModernDdlReplay {
    int readonly = 0;
    QList<QByteArray> bodies;
    QList<QByteArray> targets;

    ReplayResponse answer(const ReplayRequest& request) {
        bodies << request.body;
        targets << request.target;
        ReplayResponse r;
        r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Tag"), kModernTag));
        const QByteArray& sql = request.body;
        const auto fail = [&](int status, const QByteArray& reason, int code, const QByteArray& text) {
            r.status = status;
            r.reason = reason;
            r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Code"), QByteArray::number(code)));
            r.chunks = {"Code: " + QByteArray::number(code) + ". DB::Exception: " + text +
                        " (version 26.5.1.1 (official build))\n"};
            return r;
        };
        if (readonly == 1 && request.target.contains("readonly="))
            return fail(500, "Internal Server Error", 164,
                        "Cannot modify 'readonly' setting in readonly mode. (READONLY)");
        if (sql.contains("FROM system.formats")) {
            QByteArray tsv = "version\t26.5.1.1\n";
            for (const char* s : {"readonly", "max_execution_time", "flatten_nested",
                                  "cancel_http_readonly_queries_on_client_close"})
                tsv += QByteArray("setting\t") + s + '\n';
            tsv +=
                "format\tTabSeparated\nformat\tJSONEachRow\nreadonly\t" + QByteArray::number(readonly) + '\n';
            r.headers.append(qMakePair(QByteArray("X-ClickHouse-Format"), QByteArray("TabSeparated")));
            r.chunks = {tsv};
            return r;
        }
        r.headers.append(qMakePair(QByteArray("X-ClickHouse-Format"), QByteArray("JSONEachRow")));
        if (sql.contains("FROM system.tables")) {
            r.chunks = {"{\"kind\":\"table\",\"found_database\":\"dest\",\"found_table\":\"events\"}\n"
                        "{\"kind\":\"database\",\"found_database\":\"dest\",\"found_table\":\"\"}\n"};
            return r;
        }
        if (sql.contains("FROM system.columns")) {
            // 26.5 shows the stored types: BIGINT as Int64, Enum('a', 'b') numbered, Decimal32(4) as
            // Decimal(9, 4), a Nested column as its arrays.
            r.chunks = {"{\"name\":\"id\",\"type\":\"Int64\"}\n"
                        "{\"name\":\"state\",\"type\":\"Enum8('a' = 1, 'b' = 2)\"}\n"
                        "{\"name\":\"amount\",\"type\":\"Decimal(9, 4)\"}\n"
                        "{\"name\":\"tags.k\",\"type\":\"Array(String)\"}\n"
                        "{\"name\":\"tags.v\",\"type\":\"Array(UInt8)\"}\n"};
            return r;
        }
        if (sql.startsWith("CREATE MATERIALIZED VIEW"))
            return fail(404, "Not Found", 60,
                        "Unknown table expression identifier 'src.raw' in scope SELECT id FROM src.raw. "
                        "(UNKNOWN_TABLE)");
        return fail(400, "Bad Request", 62, "the replay has no answer for this query. (SYNTAX_ERROR)");
    }
};

inline const std::vector<DdlStatement> kModernStatements = {
    {"database dest", "CREATE DATABASE IF NOT EXISTS dest"},
    {"destination table dest.events",
     "CREATE TABLE IF NOT EXISTS dest.events (id BIGINT, state Enum('a', 'b'), amount Decimal32(4), tags "
     "Nested(k String, v UInt8)) ENGINE = MergeTree ORDER BY id"},
    {"materialized view dest.events_mv",
     "CREATE MATERIALIZED VIEW IF NOT EXISTS dest.events_mv TO dest.events AS SELECT id FROM src.raw"},
    {"materialized view dest.other_mv",
     "CREATE MATERIALIZED VIEW IF NOT EXISTS dest.other_mv TO dest.events AS SELECT id FROM src.raw"},
};

} // namespace ckstudio::test
