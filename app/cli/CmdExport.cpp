// `ckstudio-cli export CONFIG.json --as json|avn|terraform [--project P] [--integration-id ID]`
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "export/Exporters.h"

#include <ostream>

namespace ckstudio::cli {
const CommandSpec& exportSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("export");
        s.summary =
            QStringLiteral("print the config as user_config JSON, an avn command line or a Terraform block");
        s.positionals = {{QStringLiteral("CONFIG.json"), QStringLiteral("the config to export")}};
        OptionSpec as{QStringLiteral("as"), {}, QStringLiteral("the form to print")};
        as.choices = {QStringLiteral("json"), QStringLiteral("avn"), QStringLiteral("terraform")};
        as.defaultValue = QStringLiteral("json");
        as.show = OptionSpec::Show::Plain;
        s.options = {as,
                     {QStringLiteral("project"), QStringLiteral("P"),
                      QStringLiteral("the Aiven project (a placeholder otherwise)")},
                     {QStringLiteral("integration-id"), QStringLiteral("ID"),
                      QStringLiteral("the integration's id (a placeholder otherwise)")}};
        s.description = QStringLiteral(
            "Prints the config in a form to paste elsewhere:\n"
            "  json       the API's user_config JSON, pretty-printed (unknown keys kept)\n"
            "  avn        an 'avn service integration-update' command line, quoted for POSIX shells\n"
            "  terraform  an aiven_service_integration resource with a clickhouse_kafka_user_config block;\n"
            "             keys the provider does not know are left out with a '# note' comment\n");
        return s;
    }();
    return spec;
}

std::optional<int> runExport(const QStringList& arguments, CliIo& io, const Finish&) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(exportSpec(), arguments, io, args))
        return *exit;
    const std::string format = args.value(QStringLiteral("as")).toStdString();
    const std::string project = args.value(QStringLiteral("project")).toStdString();
    const std::string integrationId = args.value(QStringLiteral("integration-id")).toStdString();
    const auto file = readJsonFile(args.positional(QStringLiteral("CONFIG.json")));
    if (!file) {
        io.err << file.error << "\n";
        return ExitUsage;
    }
    const UserConfig config = userConfigFromJson(*file.value);
    if (format == "json")
        io.out << exportUserConfigJson(config);
    else if (format == "avn")
        io.out << exportAvnCommand(config, project, integrationId) << "\n";
    else
        io.out << exportTerraform(config, project, integrationId);
    return ExitOk;
}

} // namespace ckstudio::cli
