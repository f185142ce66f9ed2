// user_config JSON and the `avn` command line.
#include "domain/JsonText.h"
#include "export/Exporters.h"

#include <algorithm>

namespace ckstudio {
namespace {

bool isShellSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

} // namespace

std::string shellQuote(std::string_view word) {
    if (!word.empty() && std::all_of(word.begin(), word.end(), isShellSafe))
        return std::string(word);
    // Inside single quotes nothing is special except the closing quote itself.
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

std::string exportUserConfigJson(const UserConfig& config) {
    return formatJson(toJson(config));
}

std::string exportAvnCommand(const UserConfig& config, const std::string& project,
                             const std::string& integrationId) {
    // Compact and on one line: JSON escapes every control character, so the quoted word has no line breaks.
    const std::string json = toJson(config).dump(-1, ' ', false, Json::error_handler_t::replace);
    return "avn service integration-update " +
           shellQuote(integrationId.empty() ? "INTEGRATION_ID" : integrationId) + " --project " +
           shellQuote(project.empty() ? "PROJECT_NAME" : project) + " --user-config-json " + shellQuote(json);
}

} // namespace ckstudio
