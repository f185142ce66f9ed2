#pragma once
// `ckstudio-cli ddl ... --execute`: runs the generated statements on the configured ClickHouse through
// DdlRunner, with progress on stderr and the report on stdout.
#include "cli/Cli.h"
#include "ddl/DestinationDdl.h"

#include <vector>

namespace ckstudio::cli {

// connection: from the ddl command's --clickhouse-url, --user, --ca-file and the environment.
std::optional<int> executeDdl(const std::vector<DdlStatement>& statements,
                              const ConnectionArgsResult& connection, CliIo& io, const Finish& finish);
// The same with the connection options read from a command line (connectionFromArgs).
std::optional<int> executeDdl(const std::vector<DdlStatement>& statements, const QStringList& args, CliIo& io,
                              const Finish& finish);

} // namespace ckstudio::cli
