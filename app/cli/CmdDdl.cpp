// `ckstudio-cli ddl CONFIG.json --kafka-service SVC ...`: destination table + materialized view per connector
// table, printed as a script runnable as is, or run statement by statement with --execute.
#include "cli/Cli.h"
#include "cli/CmdDdlExecute.h"
#include "ddl/DestinationDdl.h"
#include "domain/JsonText.h"

#include <map>
#include <ostream>
#include <set>

namespace ckstudio::cli {
namespace {

constexpr const char* kUsage =
    "Usage: ckstudio-cli ddl CONFIG.json --kafka-service SVC [--table NAME] [--target-database DB]\n"
    "         [--engine ENGINE] [--engine-params a,b] [--order-by a,b|tuple()] [--partition-by EXPR]\n"
    "         [--ttl-column C --ttl-days N] [--virtual-columns _topic,_offset] [--destination NAME]\n"
    "         [--view NAME] [--execute [--clickhouse-url URL] [--user USER] [--ca-file FILE]]\n";

void printHelp(std::ostream& out) {
    out << kUsage
        << "\nFor each connector table of CONFIG.json (or only --table), a MergeTree-family destination "
           "table and a\n"
           "materialized view TO it that selects every column by name from `service_<SVC>`.`<table>`.\n"
           "Statements are separated by ';' and a blank line. Warnings (features old servers lack) go to "
           "stderr.\n"
           "\nOptions:\n"
           "  --kafka-service SVC    the Kafka service of the integration (required)\n"
           "  --table NAME           only this connector table\n"
           "  --target-database DB   where the destination and the view go (default: default)\n"
           "  --engine ENGINE        MergeTree (default), ReplicatedMergeTree, ReplacingMergeTree,\n"
           "                         SummingMergeTree, AggregatingMergeTree, CollapsingMergeTree,\n"
           "                         VersionedCollapsingMergeTree\n"
           "  --engine-params a,b    engine column parameters (version, columns to sum, sign[, version])\n"
           "  --order-by a,b         sorting key columns (default: the first non-Nullable column);\n"
           "                         'tuple()' for none\n"
           "  --partition-by EXPR    PARTITION BY expression, e.g. toYYYYMM(ts)\n"
           "  --ttl-column C         Date/DateTime column for TTL C + INTERVAL N DAY (with --ttl-days N)\n"
           "  --ttl-days N           days to keep rows\n"
           "  --virtual-columns LIST Kafka virtual columns to keep: _topic, _key, _offset, _partition, "
           "_timestamp\n"
           "  --destination NAME     destination table name (default: <table>_data; one table only)\n"
           "  --view NAME            materialized view name (default: <table>_mv; one table only)\n"
           "  --execute              run the statements on ClickHouse instead of printing them\n"
           "  --clickhouse-url URL, --user USER, --ca-file FILE   ClickHouse for --execute\n"
           "                         (or CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD)\n"
           "  -h, --help             this text\n"
           "\nExit codes: 0 ok, 1 the config or the options do not make valid DDL, 2 usage or I/O error,\n"
           "4 ClickHouse error (--execute).\n";
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::string current;
    for (const char c : text) {
        if (c == ',') {
            items.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    items.push_back(current);
    return items;
}

struct ParsedArgs {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    QStringList positional;
};

// Returns an error message, empty when the arguments parse.
std::string parseArgs(const QStringList& args, ParsedArgs& parsed) {
    static const std::set<std::string> valueOptions = {
        "--kafka-service", "--table",        "--target-database", "--engine",   "--engine-params",
        "--order-by",      "--partition-by", "--ttl-column",      "--ttl-days", "--virtual-columns",
        "--destination",   "--view",         "--clickhouse-url",  "--user",     "--ca-file"};
    static const std::set<std::string> flagOptions = {"--execute", "--help"};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const std::string arg = args[i].toStdString();
        if (arg == "-h") {
            parsed.flags.insert("--help");
            continue;
        }
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            parsed.positional << args[i];
            continue;
        }
        const auto eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        if (name == "--password")
            return "--password is not accepted (it would be visible in the process list): set "
                   "CLICKHOUSE_PASSWORD";
        if (flagOptions.count(name)) {
            if (eq != std::string::npos)
                return name + " takes no value";
            parsed.flags.insert(name);
        } else if (!valueOptions.count(name)) {
            return "unknown option " + name;
        } else if (eq != std::string::npos) {
            parsed.values[name] = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            parsed.values[name] = args[++i].toStdString();
        } else {
            return name + " needs a value";
        }
    }
    return {};
}

} // namespace

std::optional<int> runDdl(const QStringList& args, CliIo& io, const Finish& finish) {
    ParsedArgs parsed;
    auto usageError = [&](const std::string& message) {
        io.err << "ckstudio-cli ddl: " << message << "\n" << kUsage;
        return ExitUsage;
    };
    if (auto problem = parseArgs(args, parsed); !problem.empty())
        return usageError(problem);
    if (parsed.flags.count("--help")) {
        printHelp(io.out);
        return ExitOk;
    }
    auto& values = parsed.values;
    if (parsed.positional.size() != 1)
        return usageError("expected one CONFIG.json, got " + std::to_string(parsed.positional.size()));
    if (!values.count("--kafka-service"))
        return usageError("--kafka-service is required");
    const bool execute = parsed.flags.count("--execute") > 0;
    for (const char* option : {"--clickhouse-url", "--user", "--ca-file"})
        if (!execute && values.count(option))
            return usageError(std::string(option) + " is only used with --execute");

    DdlOptions options;
    options.kafkaService = values["--kafka-service"];
    if (values.count("--target-database"))
        options.targetDatabase = values["--target-database"];
    if (values.count("--engine"))
        options.engine = values["--engine"];
    if (values.count("--engine-params"))
        options.engineParams = splitList(values["--engine-params"]);
    if (values.count("--order-by")) {
        if (values["--order-by"] == "tuple()")
            options.orderByTuple = true;
        else
            options.orderBy = splitList(values["--order-by"]);
    }
    options.partitionBy = values["--partition-by"];
    options.ttlColumn = values["--ttl-column"];
    if (values.count("--ttl-days")) {
        bool ok = false;
        options.ttlDays = QString::fromStdString(values["--ttl-days"]).toInt(&ok);
        if (!ok)
            return usageError("--ttl-days needs a whole number of days, not '" + values["--ttl-days"] + "'");
    }
    if (values.count("--virtual-columns"))
        options.virtualColumns = splitList(values["--virtual-columns"]);
    options.destinationName = values["--destination"];
    options.viewName = values["--view"];

    const QString path = parsed.positional.first();
    const std::string file = path.toStdString();
    const auto json = readJsonFile(path);
    if (!json) {
        io.err << json.error << "\n";
        return ExitUsage;
    }
    const UserConfig config = userConfigFromJson(*json.value);
    if (config.verbatim) {
        io.err << file << ": the document is not a JSON object with a tables array\n";
        return ExitInvalid;
    }
    std::vector<std::size_t> selected;
    for (std::size_t i = 0; i < config.tables.size(); ++i)
        if (!values.count("--table") || config.tables[i].name == values["--table"])
            selected.push_back(i);
    if (selected.empty()) {
        if (!values.count("--table")) {
            io.err << file << ": tables: the config has no connector tables\n";
        } else {
            io.err << file << ": no table named '" << values["--table"] << "'; tables are:";
            for (const auto& t : config.tables)
                io.err << " '" << t.name << "'";
            io.err << "\n";
        }
        return ExitInvalid;
    }
    if (selected.size() > 1 && (!options.destinationName.empty() || !options.viewName.empty()))
        return usageError("--destination and --view name one table: add --table");

    std::vector<DdlStatement> statements;
    bool failed = false;
    for (const auto index : selected) {
        const auto result = generateDestinationDdl(config.tables[index], options);
        const std::string where =
            file + ": tables[" + std::to_string(index) + "] '" + config.tables[index].name + "'";
        for (const auto& p : result.problems)
            io.err << (p.isError() ? "" : "warning: ") << where << ": " << p.toLine() << "\n";
        failed = failed || hasErrors(result.problems);
        statements.insert(statements.end(), result.statements.begin(), result.statements.end());
    }
    if (failed)
        return ExitInvalid;
    if (execute)
        return executeDdl(statements, args, io, finish);
    io.out << ddlScript(statements);
    return ExitOk;
}

} // namespace ckstudio::cli
