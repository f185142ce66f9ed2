// ClickHouse's TabSeparated escaping: reading what the server's readEscapedString accepts (the preview's
// stream parser, the row export and sample inference), and writing as the server's writeEscapedString writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ckstudio {

// Appends `field` (one TSV field, tabs and newlines already split off) unescaped to `out`: \b \f \n \r \t \0
// \a \v \e, \xHH, and any other escaped character standing for itself (\\ \' \"); a lone trailing backslash
// is kept.
void appendTsvUnescaped(std::string_view field, std::string& out);

// Appends `value` escaped as the server writes a TabSeparated field: \b \f \n \r \t \0 \\ \'.
void appendTsvEscaped(std::string_view value, std::string& out);

// One field as a value: nullopt for \N (NULL).
std::optional<std::string> unescapeTsvField(std::string_view field);

} // namespace ckstudio
