// ClickHouse's TabSeparated escaping, read side: what the server's readEscapedString accepts. The preview's
// stream parser, the row export and sample inference all unescape through this one function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ckstudio {

// Appends `field` (one TSV field, tabs and newlines already split off) unescaped to `out`: \b \f \n \r \t \0
// \a \v \e, \xHH, and any other escaped character standing for itself (\\ \' \"); a lone trailing backslash
// is kept.
void appendTsvUnescaped(std::string_view field, std::string& out);

// One field as a value: nullopt for \N (NULL).
std::optional<std::string> unescapeTsvField(std::string_view field);

} // namespace ckstudio
