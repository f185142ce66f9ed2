// ckstudio-cli format: canonical pretty JSON of a config, unknown keys and key order kept (DESIGN.md §3).
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "domain/UserConfig.h"

#include <ostream>

namespace ckstudio::cli {
const CommandSpec& formatSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("format");
        s.summary = QStringLiteral("print canonical pretty JSON, unknown keys kept");
        s.positionals = {{QStringLiteral("CONFIG.json"), QStringLiteral("the config to print")}};
        s.description = QStringLiteral(
            "Prints the config as canonical JSON on stdout: two-space indent, UTF-8, keys in the order of "
            "the\n"
            "file, keys this version does not know kept. Does not validate (see 'validate').\n");
        s.footer = QStringLiteral("Exit 0 on success; exit 2 with \"FILE:LINE:COL: message\" on stderr when "
                                  "the file is not JSON, or\n"
                                  "with a message when it cannot be read.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runFormat(const QStringList& arguments, CliIo& io, const Finish&) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(formatSpec(), arguments, io, args))
        return *exit;
    const QString path = args.positional(QStringLiteral("CONFIG.json"));
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
