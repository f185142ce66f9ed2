// ckstudio-cli format: canonical pretty JSON of a config, unknown keys and key order kept (DESIGN.md §3).
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "domain/UserConfig.h"

#include <ostream>

namespace ckstudio::cli {
namespace {

void printFormatHelp(std::ostream& out) {
    out << "Usage: ckstudio-cli format CONFIG.json\n\n"
        << "Prints the config as canonical JSON on stdout: two-space indent, UTF-8, keys in the order of "
           "the\n"
        << "file, keys this version does not know kept. Does not validate (see 'validate').\n"
        << "Exit 0 on success; exit 2 with \"FILE:LINE:COL: message\" on stderr when the file is not JSON, "
           "or\n"
        << "with a message when it cannot be read.\n";
}

} // namespace

std::optional<int> runFormat(const QStringList& args, CliIo& io, const Finish&) {
    QString path;
    for (const QString& a : args) {
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printFormatHelp(io.out);
            return ExitOk;
        }
        std::string usage;
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1)
            usage = "unknown option '" + a.toStdString() + "'";
        else if (!path.isEmpty())
            usage = "unexpected argument '" + a.toStdString() + "' (one CONFIG.json at a time)";
        if (!usage.empty()) {
            io.err << "ckstudio-cli format: " << usage << "\nUsage: ckstudio-cli format CONFIG.json\n";
            return ExitUsage;
        }
        path = a;
    }
    if (path.isEmpty()) {
        io.err << "ckstudio-cli format: missing CONFIG.json\nUsage: ckstudio-cli format CONFIG.json\n";
        return ExitUsage;
    }
    const JsonFileResult config = readJsonFile(path);
    if (!config) {
        io.err << config.error << "\n";
        return ExitUsage;
    }
    io.out << formatJson(toJson(userConfigFromJson(*config.value)));
    io.out.flush();
    return io.out ? ExitOk : ExitUsage;
}

} // namespace ckstudio::cli
