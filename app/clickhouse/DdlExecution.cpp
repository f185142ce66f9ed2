#include "clickhouse/DdlExecution.h"

#include <ostream>

namespace ckstudio::cli {

std::optional<int> executeDdl(const std::vector<DdlStatement>&, const QStringList&, CliIo& io, const Finish&) {
    io.err << "ckstudio-cli ddl --execute: not available in this build yet\n";
    return ExitUsage;
}

} // namespace ckstudio::cli
