#pragma once
// `ckstudio-cli ddl ... --execute`: runs generated statements one by one on the configured ClickHouse.
#include "cli/Cli.h"
#include "ddl/DestinationDdl.h"

#include <vector>

namespace ckstudio::cli {

// args: the ddl command's arguments (for --clickhouse-url, --user, --ca-file). Prints progress and a report.
std::optional<int> executeDdl(const std::vector<DdlStatement>& statements, const QStringList& args, CliIo& io,
                              const Finish& finish);

} // namespace ckstudio::cli
