#pragma once
// The config in the forms users paste elsewhere.
#include "domain/UserConfig.h"

#include <string>
#include <string_view>

namespace ckstudio {

// The API's user_config JSON, pretty-printed.
std::string exportUserConfigJson(const UserConfig& config);

// `avn service integration-update <ID> --project <P> --user-config-json '<compact JSON>'`, safely
// shell-quoted. Placeholders are used for an empty project or integration id.
std::string exportAvnCommand(const UserConfig& config, const std::string& project,
                             const std::string& integrationId);

// A Terraform `clickhouse_kafka_user_config { tables { ... } }` block for aiven_service_integration.
std::string exportTerraform(const UserConfig& config, const std::string& project,
                            const std::string& integrationId);

// One word for a POSIX shell: kept as is when it only holds safe characters, otherwise single-quoted with
// each ' written as '\''. Any text without NUL bytes survives.
std::string shellQuote(std::string_view word);

// A Terraform (HCL) quoted string: escapes ", \, control characters, and the template openers ${ and %{.
std::string hclString(std::string_view text);

} // namespace ckstudio
