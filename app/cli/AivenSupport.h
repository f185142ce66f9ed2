#pragma once
// What the Aiven commands of ckstudio-cli share: the client's settings from the environment (DESIGN.md §3),
// token resolution, and a client that lives exactly as long as the command.
#include "aiven/AivenClient.h"
#include "cli/Cli.h"

#include <QProcessEnvironment>
#include <functional>

namespace ckstudio::cli {

// Test and CI knobs besides avn's variables: CKSTUDIO_AIVEN_TIMEOUT_MS, CKSTUDIO_AIVEN_RETRY_INITIAL_MS,
// CKSTUDIO_AIVEN_RETRY_BUDGET_MS, CKSTUDIO_NO_KEYCHAIN=1.
AivenClient::Options aivenOptionsFromEnvironment(const QProcessEnvironment& env);

// Resolves the token, then runs `body` with a client. `body` ends the command by calling the Finish it gets,
// which releases the client and then calls `finish`. A missing token ends the command with exit 2.
void runWithAivenClient(const char* command, const QString& caFile, CliIo& io, const Finish& finish,
                        std::function<void(AivenClient& client, const Finish& done)> body);

// "ckstudio-cli CMD: message\n" on stderr.
void printError(CliIo& io, const char* command, const QString& message);

} // namespace ckstudio::cli
