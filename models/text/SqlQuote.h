// Quoting for the SQL we send and the type names we print: one escape set for identifiers and literals alike.
// Backslash, the quote and \b \f \n \r \t \0 are escaped as ClickHouse itself writes them (its
// writeAnyEscapedString); every other byte below 0x20 and DEL as \xHH, which every version reads back as the
// same byte and which keeps terminal control sequences out of what we print. UTF-8 passes through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace ckstudio {

void appendSqlQuoted(std::string& out, std::string_view text, char quote);
std::string quoteIdentifier(std::string_view name);                          // `name`
std::string quoteStringLiteral(std::string_view value);                      // 'value'
std::string qualifiedName(std::string_view database, std::string_view name); // `db`.`name`

} // namespace ckstudio
