#include "cli/Cli.h"

#include <QProcessEnvironment>
#include <ostream>

namespace ckstudio::cli {
namespace {

void printHelp(std::ostream& out) {
    out << "ckstudio-cli " << CKSTUDIO_VERSION << " - ClickHouse Kafka Studio on the command line\n\n"
        << "Usage: ckstudio-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto& c : commands()) {
        const CommandSpec& spec = c.spec();
        QString synopsis = spec.synopsis();
        if (spec.alternative)
            synopsis += QStringLiteral(" | ") + spec.alternative->synopsis();
        out << "  " << synopsis.toStdString() << "\n      " << spec.summary.toStdString() << "\n";
    }
    out << "\nExit codes: 0 ok, 1 invalid input or failed check, 2 usage or I/O error,\n"
        << "            3 refused to avoid losing a change, 4 remote error (network, API, ClickHouse).\n"
        << "Aiven: token from AIVEN_AUTH_TOKEN, then ~/.config/aiven/aiven-credentials.json (or\n"
        << "       AIVEN_CREDENTIALS_FILE), then the OS keychain; API base URL from AIVEN_WEB_URL.\n"
        << "ClickHouse: --clickhouse-url/--user/--ca-file or CLICKHOUSE_URL, CLICKHOUSE_USER, "
           "CLICKHOUSE_PASSWORD.\n"
        << "Run 'ckstudio-cli COMMAND --help' for a command's options.\n";
}

} // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {validateSpec, runValidate}, {formatSpec, runFormat}, {exportSpec, runExport},
        {ddlSpec, runDdl},           {inferSpec, runInfer},   {integrationsSpec, runIntegrations},
        {pullSpec, runPull},         {pushSpec, runPush},     {peekSpec, runPeek},
        {previewSpec, runPreview},   {insertSpec, runInsert},
    };
    return table;
}

std::optional<int> parseCommandLine(const CommandSpec& spec, const QStringList& args, CliIo& io,
                                    ParsedArgs& parsed) {
    ParseResult r = parse(spec, args);
    if (r.help) {
        io.out << spec.helpText().toStdString();
        io.out.flush();
        return ExitOk;
    }
    if (!r.error.isEmpty())
        return usageError(io, spec, r.error);
    parsed = std::move(r.args);
    return std::nullopt;
}

int usageError(CliIo& io, const CommandSpec& spec, const QString& message) {
    io.err << "ckstudio-cli " << spec.name.toStdString() << ": " << message.toStdString() << "\n"
           << "Usage: ckstudio-cli " << spec.synopsis(false).toStdString() << "\n";
    io.err.flush();
    return ExitUsage;
}

ConnectionArgsResult clickHouseConnection(const ParsedArgs& args) {
    return connectionFromValues(
        args.optionalValue(QStringLiteral("clickhouse-url")), args.optionalValue(QStringLiteral("user")),
        args.optionalValue(QStringLiteral("ca-file")), QProcessEnvironment::systemEnvironment());
}

// preview parses its arguments by hand until it is converted (CmdPreview.cpp is being tuned); its spec
// already gives the command table its synopsis.
const CommandSpec& previewSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("preview");
        s.summary =
            QStringLiteral("rows over ClickHouse HTTP; a Kafka connector table is refused unless --consume "
                           "or --twin");
        OptionSpec table{
            QStringLiteral("table"), QStringLiteral("DB.TABLE"),
            QStringLiteral("names with dots or dashes in backquotes: `service_my-kafka`.`events`")};
        table.required = true;
        OptionSpec limit{QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("rows to read")};
        limit.defaultValue = QStringLiteral("100");
        OptionSpec format{QStringLiteral("format"), {}, QStringLiteral("tsv, jsonl or csv")};
        format.choices = {QStringLiteral("tsv"), QStringLiteral("jsonl"), QStringLiteral("csv")};
        format.defaultValue = QStringLiteral("tsv");
        OptionSpec output{QStringLiteral("output"), QStringLiteral("FILE"),
                          QStringLiteral("write the rows to FILE instead of stdout")};
        output.shortName = QLatin1Char('o');
        OptionSpec consume{
            QStringLiteral("consume"),
            {},
            QStringLiteral("read a Kafka-engine table even though that consumes its messages")};
        consume.exclusiveGroup = QStringLiteral("kafka");
        OptionSpec twin{QStringLiteral("twin"),
                        {},
                        QStringLiteral("read a Kafka-engine table through a temporary twin with a fresh "
                                       "consumer group")};
        twin.exclusiveGroup = QStringLiteral("kafka");
        OptionSpec twinDatabase{QStringLiteral("twin-database"), QStringLiteral("DB"),
                                QStringLiteral("where to create the twin (created if missing)")};
        twinDatabase.defaultValue = QStringLiteral("ckstudio_tmp");
        twinDatabase.show = OptionSpec::Show::Full;
        s.options = {table, limit, format, output, consume, twin, twinDatabase};
        for (auto& o : clickHouseConnectionOptions())
            s.options.push_back(o);
        return s;
    }();
    return spec;
}

// peek --bootstrap (CmdPeekDirect) parses its arguments by hand until it is converted; this spec gives `peek`
// its second form.
const CommandSpec& peekDirectSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("peek");
        s.summary =
            QStringLiteral("a topic's messages directly from the brokers (librdkafka, no consumer group)");
        OptionSpec bootstrap{QStringLiteral("bootstrap"), QStringLiteral("HOST:PORT[,HOST:PORT]"),
                             QStringLiteral("the brokers to start from")};
        bootstrap.required = true;
        OptionSpec topic{QStringLiteral("topic"), QStringLiteral("T"), QStringLiteral("the topic")};
        topic.required = true;
        OptionSpec limit{QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("how many messages")};
        limit.defaultValue = QStringLiteral("10");
        OptionSpec fromOffset{QStringLiteral("from-offset"), QStringLiteral("N"),
                              QStringLiteral("the first N from offset N in each partition")};
        fromOffset.exclusiveGroup = QStringLiteral("start");
        OptionSpec fromTime{QStringLiteral("from-time"), QStringLiteral("ISO"),
                            QStringLiteral("from a time: ISO 8601 (UTC unless it has an offset) or ms since "
                                           "the epoch")};
        fromTime.exclusiveGroup = QStringLiteral("start");
        OptionSpec partition{QStringLiteral("partition"), QStringLiteral("P"),
                             QStringLiteral("only this partition")};
        partition.show = OptionSpec::Show::Full;
        OptionSpec format{QStringLiteral("format"), {}, QStringLiteral("the value per line, or JSON lines")};
        format.choices = {QStringLiteral("values"), QStringLiteral("jsonl")};
        format.defaultValue = QStringLiteral("values");
        format.show = OptionSpec::Show::Full;
        OptionSpec timeout{QStringLiteral("timeout"), QStringLiteral("SECONDS"),
                           QStringLiteral("give up after SECONDS")};
        timeout.show = OptionSpec::Show::Full;
        s.options = {bootstrap, topic, limit, fromOffset, fromTime, partition};
        for (auto& o : kafkaSecurityOptions())
            s.options.push_back(o);
        s.options.push_back(format);
        s.options.push_back(timeout);
        return s;
    }();
    return spec;
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
        if (first == c.spec().name)
            return c.run(args.mid(1), io, finish);
    }
    io.err << "ckstudio-cli: unknown command '" << first.toStdString() << "'\n";
    printHelp(io.err);
    return ExitUsage;
}

} // namespace ckstudio::cli
