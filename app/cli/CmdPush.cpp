#include "cli/Cli.h"

#include <ostream>

namespace ckstudio::cli {

std::optional<int> runPush(const QStringList&, CliIo& io, const Finish&) {
    io.err << "ckstudio-cli push: not available in this build yet\n";
    return ExitUsage;
}

} // namespace ckstudio::cli
