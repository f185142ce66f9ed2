#pragma once
// `ckstudio-cli peek --bootstrap HOST:PORT --topic T ...`: reads a topic directly with librdkafka
// (explicit partition assignment, no consumer group, nothing committed). The reading is app/kafka's
// KafkaReader; this is the command around it.
#include "cli/Cli.h"

namespace ckstudio::cli {

std::optional<int> runDirectPeek(const QStringList& args, CliIo& io, const Finish& finish);

} // namespace ckstudio::cli
