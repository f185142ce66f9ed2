// `ckstudio-cli export CONFIG.json --as json|avn|terraform [--project P] [--integration-id ID]`
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "export/Exporters.h"

#include <map>
#include <ostream>

namespace ckstudio::cli {
namespace {

constexpr const char* kUsage =
    "Usage: ckstudio-cli export CONFIG.json --as json|avn|terraform [--project P] [--integration-id ID]\n";

void printHelp(std::ostream& out) {
    out << kUsage
        << "\nPrints the config in a form to paste elsewhere:\n"
           "  json       the API's user_config JSON, pretty-printed (unknown keys kept)\n"
           "  avn        an 'avn service integration-update' command line, quoted for POSIX shells\n"
           "  terraform  an aiven_service_integration resource with a clickhouse_kafka_user_config block;\n"
           "             keys the provider does not know are left out with a '# note' comment\n"
           "\nOptions:\n"
           "  --as FORMAT           json (default), avn or terraform\n"
           "  --project P           the Aiven project (a placeholder otherwise)\n"
           "  --integration-id ID   the integration's id (a placeholder otherwise)\n"
           "  -h, --help            this text\n";
}

} // namespace

std::optional<int> runExport(const QStringList& args, CliIo& io, const Finish&) {
    static const std::map<QString, std::string> valueOptions = {
        {QStringLiteral("--as"), "as"},
        {QStringLiteral("--project"), "project"},
        {QStringLiteral("--integration-id"), "integration-id"},
    };
    std::map<std::string, std::string> values;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            printHelp(io.out);
            return ExitOk;
        }
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            positional << arg;
            continue;
        }
        const auto eq = arg.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? arg : arg.left(eq);
        auto option = valueOptions.find(name);
        if (option == valueOptions.end()) {
            io.err << "ckstudio-cli export: unknown option " << name.toStdString() << "\n" << kUsage;
            return ExitUsage;
        }
        if (eq >= 0) {
            values[option->second] = arg.mid(eq + 1).toStdString();
        } else if (i + 1 < args.size()) {
            values[option->second] = args[++i].toStdString();
        } else {
            io.err << "ckstudio-cli export: " << name.toStdString() << " needs a value\n" << kUsage;
            return ExitUsage;
        }
    }
    if (positional.size() != 1) {
        io.err << "ckstudio-cli export: expected one CONFIG.json, got " << positional.size() << "\n"
               << kUsage;
        return ExitUsage;
    }
    const std::string format = values.count("as") ? values["as"] : std::string("json");
    if (format != "json" && format != "avn" && format != "terraform") {
        io.err << "ckstudio-cli export: --as must be json, avn or terraform, not '" << format << "'\n";
        return ExitUsage;
    }
    const auto file = readJsonFile(positional.first());
    if (!file) {
        io.err << file.error << "\n";
        return ExitUsage;
    }
    const UserConfig config = userConfigFromJson(*file.value);
    if (format == "json")
        io.out << exportUserConfigJson(config);
    else if (format == "avn")
        io.out << exportAvnCommand(config, values["project"], values["integration-id"]) << "\n";
    else
        io.out << exportTerraform(config, values["project"], values["integration-id"]);
    return ExitOk;
}

} // namespace ckstudio::cli
