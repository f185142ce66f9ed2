#pragma once
// The emulator's server-side check of a user_config against a JSON schema, the way Aiven's API rejects a PUT:
// type, required, properties (unknown keys refused), enum, string lengths, pattern, numeric ranges, maxItems.
// Deliberately separate from the application's validator so that the two can disagree in a test.
#include "domain/Json.h"

#include <string>
#include <vector>

namespace ckstudio::emulator {

std::vector<std::string> checkAgainstSchema(const Json& value, const Json& schema,
                                            const std::string& path = {});

} // namespace ckstudio::emulator
