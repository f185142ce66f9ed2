#pragma once
// ckstudio-cli: the command table and what every command gets. Contract: ../shared/DESIGN.md §3.
#include "cli/CommandSpec.h"
#include "clickhouse/ConnectionSettings.h"

#include <QStringList>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ckstudio::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitInvalid = 1, // the input is invalid or the check failed
    ExitUsage = 2,   // usage or I/O error
    ExitRefused = 3, // refused to avoid losing a change
    ExitRemote = 4,  // remote error (network, API, ClickHouse)
};

struct CliIo {
    std::ostream& out;
    std::ostream& err;
    // Set by main(), where the process ends right after the command: a command hands it large data it is done
    // with, which then stays allocated until the exit instead of being freed piece by piece
    // (docs/performance.md, "Validation"). Unset in tests, which run commands in process: the data is freed
    // as usual.
    std::function<void(std::shared_ptr<const void>)> keepUntilExit = {};
};

// Called once by an asynchronous command when it is done.
using Finish = std::function<void(int exitCode)>;

struct Command {
    const CommandSpec& (*spec)(); // name, synopsis, summary, options
    // Offline commands return their exit code. Network commands start their work, return nullopt and call
    // finish() from the event loop.
    std::function<std::optional<int>(const QStringList& args, CliIo& io, const Finish& finish)> run;
};

const std::vector<Command>& commands();

// Entry point used by main() and by the tests: args exclude the program name.
// Returns the exit code, or nullopt when an asynchronous command is running (finish will be called).
std::optional<int> runCli(const QStringList& args, CliIo& io, const Finish& finish);

// Parses `args` with `spec`. --help prints the command's help and returns ExitOk; a usage error prints
// "ckstudio-cli NAME: message" and the usage, and returns ExitUsage; otherwise fills `parsed`, returns
// nullopt.
std::optional<int> parseCommandLine(const CommandSpec& spec, const QStringList& args, CliIo& io,
                                    ParsedArgs& parsed);
// "ckstudio-cli NAME: message" and the usage on stderr, for what the command checks after parsing.
int usageError(CliIo& io, const CommandSpec& spec, const QString& message);

// The ClickHouse connection from clickHouseConnectionOptions() and the environment (DESIGN.md §3).
ConnectionArgsResult clickHouseConnection(const ParsedArgs& args);

// Each command lives in its own file, with its spec, and registers here.
const CommandSpec& validateSpec();
const CommandSpec& formatSpec();
const CommandSpec& exportSpec();
const CommandSpec& ddlSpec();
const CommandSpec& inferSpec();
const CommandSpec& integrationsSpec();
const CommandSpec& pullSpec();
const CommandSpec& pushSpec();
const CommandSpec& peekSpec();
const CommandSpec& peekDirectSpec(); // peek --bootstrap
const CommandSpec& previewSpec();
const CommandSpec& insertSpec();

std::optional<int> runValidate(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runFormat(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runExport(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runDdl(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runInfer(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runIntegrations(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runPull(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runPush(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runPeek(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runPreview(const QStringList& args, CliIo& io, const Finish& finish);
std::optional<int> runInsert(const QStringList& args, CliIo& io, const Finish& finish);

} // namespace ckstudio::cli
