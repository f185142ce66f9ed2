// Reading a field of a JSON object that may be missing or of another type, as API answers and server rows
// can be: the value when it is a string, else empty.
#pragma once

#include "domain/Json.h"

#include <string>
#include <string_view>

namespace ckstudio {

std::string stringField(const Json& object, std::string_view key);

} // namespace ckstudio
