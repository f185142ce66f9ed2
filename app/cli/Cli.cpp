#include "cli/Cli.h"

#include <ostream>

namespace ckstudio::cli {
namespace {

void printHelp(std::ostream& out) {
    out << "ckstudio-cli " << CKSTUDIO_VERSION << " - ClickHouse Kafka Studio on the command line\n\n"
        << "Usage: ckstudio-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto& c : commands())
        out << "  " << c.synopsis << "\n      " << c.summary << "\n";
    out << "\nExit codes: 0 ok, 1 invalid input or failed check, 2 usage or I/O error,\n"
        << "            3 refused to avoid losing a change, 4 remote error (network, API, ClickHouse).\n"
        << "Aiven: token from AIVEN_AUTH_TOKEN, then ~/.config/aiven/aiven-credentials.json (or\n"
        << "       AIVEN_CREDENTIALS_FILE), then the OS keychain; API base URL from AIVEN_WEB_URL.\n"
        << "ClickHouse: --clickhouse-url/--user/--ca-file or CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD.\n"
        << "Run 'ckstudio-cli COMMAND --help' for a command's options.\n";
}

} // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"validate", "validate CONFIG.json [--schema FILE]",
         "check a user_config against the schema and ClickHouse's rules; one line per problem", runValidate},
        {"format", "format CONFIG.json", "print canonical pretty JSON, unknown keys kept", runFormat},
        {"export", "export CONFIG.json --as json|avn|terraform [--project P] [--integration-id ID]",
         "print the config as user_config JSON, an avn command line or a Terraform block", runExport},
        {"ddl",
         "ddl CONFIG.json --kafka-service SVC [--table NAME] [--target-database DB] [--engine ENGINE] "
         "[--order-by a,b] [--execute]",
         "destination table + materialized view DDL for each (or one) table; --execute runs it", runDdl},
        {"infer", "infer --format FORMAT SAMPLES_FILE", "infer columns from sample messages (JSON array)", runInfer},
        {"integrations", "integrations --project P --service CH",
         "list the ClickHouse service's clickhouse_kafka integrations", runIntegrations},
        {"pull", "pull --project P --integration ID [-o FILE]", "fetch an integration's user_config", runPull},
        {"push", "push --project P --integration ID CONFIG.json [--dry-run] [--force]",
         "apply a config; refuses (exit 3) when the remote changed since the pull", runPush},
        {"peek",
         "peek --project P --service KAFKA --topic T [--limit N] | peek --bootstrap HOST:PORT --topic T [--limit N] "
         "[--from-offset N | --from-time ISO]",
         "newest messages of a topic through Aiven's Kafka REST endpoint, or directly from the brokers; consumes "
         "nothing",
         runPeek},
        {"preview", "preview --table DB.TABLE [--limit N] [--format tsv|jsonl] [--output FILE] [--consume|--twin]",
         "rows over ClickHouse HTTP; a Kafka connector table is refused unless --consume or --twin", runPreview},
        {"insert", "insert --table DB.TABLE --format FORMAT FILE", "write rows to a table (a connector table "
         "produces them to its topic)", runInsert},
    };
    return table;
}

std::optional<int> runCli(const QStringList& args, CliIo& io, const Finish& finish) {
    if (args.isEmpty()) {
        printHelp(io.err);
        return ExitUsage;
    }
    const QString& first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printHelp(io.out);
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
        io.out << "ckstudio-cli " << CKSTUDIO_VERSION << "\n";
        return ExitOk;
    }
    for (const auto& c : commands()) {
        if (first == QString::fromStdString(c.name))
            return c.run(args.mid(1), io, finish);
    }
    io.err << "ckstudio-cli: unknown command '" << first.toStdString() << "'\n";
    printHelp(io.err);
    return ExitUsage;
}

} // namespace ckstudio::cli
