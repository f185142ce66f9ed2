#include "kafka/DirectPeek.h"

#include <ostream>

namespace ckstudio::cli {

std::optional<int> runDirectPeek(const QStringList&, CliIo& io, const Finish&) {
    io.err << "ckstudio-cli peek --bootstrap: not available in this build yet\n";
    return ExitUsage;
}

} // namespace ckstudio::cli
