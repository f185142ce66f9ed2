#include "cli/Cli.h"

#include <ostream>

namespace ckstudio::cli {

std::optional<int> runInfer(const QStringList&, CliIo& io, const Finish&) {
    io.err << "ckstudio-cli infer: not available in this build yet\n";
    return ExitUsage;
}

} // namespace ckstudio::cli
