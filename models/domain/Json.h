#pragma once
// The JSON value type used across the domain. ordered_json keeps the key order of what was read,
// so that pull -> edit -> push changes only what the user changed.
#include <nlohmann/json.hpp>

namespace ckstudio {
using Json = nlohmann::ordered_json;
}
