// `ckstudio-cli ddl CONFIG.json --kafka-service SVC ...`: destination table + materialized view per connector
// table, printed as a script runnable as is, or run statement by statement with --execute.
#include "cli/Cli.h"
#include "cli/CmdDdlExecute.h"
#include "ddl/DestinationDdl.h"
#include "domain/JsonText.h"

#include <map>
#include <ostream>

namespace ckstudio::cli {
namespace {

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

} // namespace

const CommandSpec& ddlSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("ddl");
        s.summary =
            QStringLiteral("destination table + materialized view DDL for each (or one) table; --execute "
                           "runs it");
        s.positionals = {
            {QStringLiteral("CONFIG.json"), QStringLiteral("the config whose tables to create")}};
        auto option = [](const char* name, const char* valueName, const char* help,
                         OptionSpec::Show show = OptionSpec::Show::Optional) {
            OptionSpec o{QString::fromLatin1(name), QString::fromLatin1(valueName), QString::fromUtf8(help)};
            o.show = show;
            return o;
        };
        constexpr auto full = OptionSpec::Show::Full;
        OptionSpec service = option("kafka-service", "SVC", "the Kafka service of the integration");
        service.required = true;
        s.options = {
            service,
            option("table", "NAME", "only this connector table"),
            option("target-database", "DB", "where the destination and the view go (default: default)"),
            option("engine", "ENGINE",
                   "MergeTree (default), ReplicatedMergeTree, ReplacingMergeTree,\n"
                   "SummingMergeTree, AggregatingMergeTree, CollapsingMergeTree,\n"
                   "VersionedCollapsingMergeTree"),
            option("engine-params", "a,b",
                   "engine column parameters (version, columns to sum, sign[, version])", full),
            option("order-by", "a,b",
                   "sorting key columns (default: the first non-Nullable column);\n'tuple()' for none"),
            option("partition-by", "EXPR", "PARTITION BY expression, e.g. toYYYYMM(ts)", full),
            option("ttl-column", "C", "Date/DateTime column for TTL C + INTERVAL N DAY (with --ttl-days N)",
                   full),
            option("ttl-days", "N", "days to keep rows", full),
            option("virtual-columns", "LIST",
                   "Kafka virtual columns to keep: _topic, _key, _offset, _partition, _timestamp", full),
            option("destination", "NAME", "destination table name (default: <table>_data; one table only)",
                   full),
            option("view", "NAME", "materialized view name (default: <table>_mv; one table only)", full),
            option("execute", "", "run the statements on ClickHouse instead of printing them"),
        };
        for (auto& o : clickHouseConnectionOptions(full)) {
            if (o.show != OptionSpec::Show::Hidden)
                o.help = QStringLiteral("for --execute: ") + o.help;
            s.options.push_back(o);
        }
        s.description = QStringLiteral(
            "For each connector table of CONFIG.json (or only --table), a MergeTree-family destination table "
            "and a\n"
            "materialized view TO it that selects every column by name from `service_<SVC>`.`<table>`.\n"
            "Statements are separated by ';' and a blank line. Warnings (features old servers lack) go to "
            "stderr.\n");
        s.footer = QStringLiteral(
            "Exit codes: 0 ok, 1 the config or the options do not make valid DDL, 2 usage or I/O error,\n"
            "4 ClickHouse error (--execute).\n");
        return s;
    }();
    return spec;
}

std::optional<int> runDdl(const QStringList& arguments, CliIo& io, const Finish& finish) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(ddlSpec(), arguments, io, args))
        return *exit;
    auto usage = [&io](const std::string& message) {
        return usageError(io, ddlSpec(), QString::fromStdString(message));
    };
    // The option names as the checks below spell them, "--name" -> value.
    std::map<std::string, std::string> values;
    for (const auto& o : ddlSpec().options)
        if (const auto value = args.optionalValue(o.name))
            values["--" + o.name.toStdString()] = value->toStdString();
    const bool execute = args.isSet(QStringLiteral("execute"));
    for (const char* option : {"--clickhouse-url", "--user", "--ca-file"})
        if (!execute && values.count(option))
            return usage(std::string(option) + " is only used with --execute");

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
            return usage("--ttl-days needs a whole number of days, not '" + values["--ttl-days"] + "'");
    }
    if (values.count("--virtual-columns"))
        options.virtualColumns = splitList(values["--virtual-columns"]);
    options.destinationName = values["--destination"];
    options.viewName = values["--view"];

    const QString path = args.positional(QStringLiteral("CONFIG.json"));
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
        return usage("--destination and --view name one table: add --table");

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
        return executeDdl(statements, clickHouseConnection(args), io, finish);
    io.out << ddlScript(statements);
    return ExitOk;
}

} // namespace ckstudio::cli
