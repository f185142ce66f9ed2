// JSON string literals: one writer for every JSON the tool prints (row export, peeked messages).
#pragma once

#include <string>
#include <string_view>

namespace ckstudio {

// Appends `value` (UTF-8) as a quoted JSON string: " and \\ escaped, \b \f \n \r \t as short escapes, the
// other control bytes and DEL as \u00XX; everything else as it is.
void appendJsonString(std::string_view value, std::string& out);

} // namespace ckstudio
