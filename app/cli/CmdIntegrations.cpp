// `integrations --project P --service CH [--json]`: the ClickHouse service's clickhouse_kafka integrations.
#include "cli/AivenSupport.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"

#include <algorithm>
#include <ostream>

namespace ckstudio::cli {
namespace {

void printTable(std::ostream& out, const std::vector<std::vector<QString>>& rows) {
    std::vector<qsizetype> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.push_back(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    for (const auto& row : rows) {
        QString line;
        for (std::size_t i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line.toStdString() << "\n";
    }
}

} // namespace

const CommandSpec& integrationsSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("integrations");
        s.summary = QStringLiteral("list the ClickHouse service's clickhouse_kafka integrations");
        OptionSpec project{QStringLiteral("project"), QStringLiteral("P"), QStringLiteral("Aiven project")};
        project.required = true;
        project.allowEmpty = false;
        OptionSpec service{QStringLiteral("service"), QStringLiteral("CH"),
                           QStringLiteral("ClickHouse service")};
        service.required = true;
        service.allowEmpty = false;
        OptionSpec json{
            QStringLiteral("json"), {}, QStringLiteral("print the API's integration objects as a JSON list")};
        json.show = OptionSpec::Show::Full;
        s.options = {project, service, json};
        for (auto& o : aivenOptions())
            s.options.push_back(o);
        s.description = QStringLiteral(
            "Lists the clickhouse_kafka integrations of ClickHouse service CH: id, source (Kafka service or\n"
            "external endpoint), destination, active, status and number of tables.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runIntegrations(const QStringList& args, CliIo& io, const Finish& finish) {
    ParsedArgs parser;
    if (const auto exit = parseCommandLine(integrationsSpec(), args, io, parser))
        return *exit;
    const QString project = parser.value(QStringLiteral("project"));
    const QString service = parser.value(QStringLiteral("service"));
    const bool json = parser.isSet(QStringLiteral("json"));
    runWithAivenClient(
        "integrations", parser.value(QStringLiteral("ca-file")), io, finish,
        [&io, project, service, json](AivenClient& client, const Finish& done) {
            client.listServiceIntegrations(
                project, service, &client,
                [&io, service, json, done](AivenResult<std::vector<AivenIntegration>> r) {
                    if (!r) {
                        printError(io, "integrations", r.error.describe());
                        done(ExitRemote);
                        return;
                    }
                    const auto list = clickhouseKafkaIntegrations(*r.value, service);
                    if (json) {
                        Json out = Json::array();
                        for (const auto& i : list)
                            out.push_back(i.raw);
                        io.out << formatJson(out);
                        io.out.flush();
                        done(ExitOk);
                        return;
                    }
                    std::vector<std::vector<QString>> rows{
                        {QStringLiteral("SERVICE_INTEGRATION_ID"), QStringLiteral("SOURCE"),
                         QStringLiteral("DEST"), QStringLiteral("ACTIVE"), QStringLiteral("STATUS"),
                         QStringLiteral("TABLES")}};
                    for (const auto& i : list)
                        rows.push_back({i.id, i.source(), i.dest(),
                                        i.active ? QStringLiteral("true") : QStringLiteral("false"),
                                        i.status.isEmpty() ? QStringLiteral("-") : i.status,
                                        QString::number(i.tableCount())});
                    printTable(io.out, rows);
                    io.out.flush();
                    if (list.empty())
                        io.err << "ckstudio-cli integrations: service " << service.toStdString()
                               << " has no clickhouse_kafka integration\n";
                    done(ExitOk);
                });
        });
    return std::nullopt;
}

} // namespace ckstudio::cli
