#pragma once
// `ckstudio-cli ddl ... --execute`: runs the generated statements on the configured ClickHouse through
// DdlRunner, with progress on stderr and the report on stdout.
#include "cli/Cli.h"
#include "ddl/DestinationDdl.h"

#include <vector>

namespace ckstudio::cli {

// args: the ddl command's arguments (for --clickhouse-url, --user, --ca-file).
std::optional<int> executeDdl(const std::vector<DdlStatement>& statements, const QStringList& args, CliIo& io,
                              const Finish& finish);

} // namespace ckstudio::cli
