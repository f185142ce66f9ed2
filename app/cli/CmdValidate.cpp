// ckstudio-cli validate: the schema's rules and ClickHouse's on a config file (DESIGN.md §3).
#include "cli/Cli.h"
#include "domain/JsonText.h"
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <ostream>
#include <vector>

namespace ckstudio::cli {

const CommandSpec& validateSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("validate");
        s.summary =
            QStringLiteral("check a user_config against the schema and ClickHouse's rules; one line per "
                           "problem");
        s.positionals = {{QStringLiteral("CONFIG.json"), QStringLiteral("the user_config to check")}};
        OptionSpec schema{QStringLiteral("schema"), QStringLiteral("FILE"),
                          QStringLiteral("a schema document, or a saved integration_types response\n"
                                         "(default: the bundled copy)")};
        schema.allowEmpty = false;
        s.options = {schema};
        s.description = QStringLiteral(
            "Checks a clickhouse_kafka user_config against its JSON schema (the bundled copy, or "
            "FILE:\n"
            "a schema document, or a saved integration_types response, whose clickhouse_kafka\n"
            "user_config_schema is used) and against what the schema cannot say: ClickHouse "
            "column types,\n"
            "duplicate names, materialized_view column references, TTL settings.\n");
        s.footer = QStringLiteral(
            "Output:\n"
            "  valid      exit 0, stdout \"ok: N tables\"\n"
            "  invalid    exit 1, stdout one line per error \"PATH: message\" in document order,\n"
            "             e.g. \"tables[0].columns[3].type: ...\"; a summary line on stderr\n"
            "  warnings   never fail; stderr \"PATH: warning: message\"\n"
            "  not JSON   exit 2, stderr \"FILE:LINE:COL: message\"\n"
            "  usage, unreadable file, unusable --schema: exit 2, message on stderr\n");
        return s;
    }();
    return spec;
}

namespace {

// The schema inside what the API (or `avn service integration-types-list --json`) returns, so that a saved
// response can be passed as is: {"integration_types":[{"integration_type":"clickhouse_kafka",
// "user_config_schema":{...}}]}, a single such entry, or the schema itself.
const Json& schemaIn(const Json& document) {
    const Json* types = &document;
    if (document.is_object()) {
        if (auto it = document.find("integration_types"); it != document.end())
            types = &*it;
    }
    if (types->is_array()) {
        for (const auto& entry : *types) {
            if (entry.is_object() && entry.value("integration_type", Json()) == Json("clickhouse_kafka")) {
                if (auto it = entry.find("user_config_schema"); it != entry.end())
                    return *it;
            }
        }
    }
    if (document.is_object()) {
        if (auto it = document.find("user_config_schema"); it != document.end() && it->is_object())
            return *it;
    }
    return document;
}

// The document is the largest thing the command holds; main() may keep it rather than free it (CliIo).
void doneWith(CliIo& io, Json&& document) {
    if (io.keepUntilExit)
        io.keepUntilExit(std::make_shared<const Json>(std::move(document)));
}

} // namespace

std::optional<int> runValidate(const QStringList& arguments, CliIo& io, const Finish&) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(validateSpec(), arguments, io, args))
        return *exit;
    struct {
        QString config;
        QString schema;
    } parsed{args.positional(QStringLiteral("CONFIG.json")), args.value(QStringLiteral("schema"))};

    std::shared_ptr<const JsonSchema> schema = ConfigValidator::bundledSchema();
    if (!parsed.schema.isEmpty()) {
        const JsonFileResult schemaFile = readJsonFile(parsed.schema);
        if (!schemaFile) {
            io.err << schemaFile.error << "\n";
            return ExitUsage;
        }
        std::string error;
        schema = ConfigValidator::loadSchema(schemaIn(*schemaFile.value), &error);
        if (!schema) {
            io.err << parsed.schema.toStdString() << ": not a usable schema: " << error << "\n";
            return ExitUsage;
        }
    }

    JsonFileResult config = readJsonFile(parsed.config);
    if (!config) {
        io.err << config.error << "\n";
        return ExitUsage;
    }

    const Problems problems = ConfigValidator(schema).validate(*config.value);
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const Problem& p : problems) {
        if (p.isError()) {
            ++errors;
            io.out << p.toLine() << "\n";
        } else {
            ++warnings;
            io.err << (p.path.empty() ? std::string("(document)") : p.path) << ": warning: " << p.message
                   << "\n";
        }
    }
    if (errors > 0) {
        doneWith(io, std::move(*config.value));
        io.err << parsed.config.toStdString() << ": invalid, " << errors
               << (errors == 1 ? " error" : " errors");
        if (warnings > 0)
            io.err << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
        io.err << "\n";
        return ExitInvalid;
    }
    const Json& value = *config.value;
    std::size_t tables = 0;
    if (auto it = value.find("tables"); it != value.end() && it->is_array())
        tables = it->size();
    io.out << "ok: " << tables << " tables\n";
    doneWith(io, std::move(*config.value));
    return ExitOk;
}

} // namespace ckstudio::cli
