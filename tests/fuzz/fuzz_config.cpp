// Hostile config text: the reader must answer with a value or a positioned error, the model must round-trip
// losslessly, and the validator must survive whatever the model holds. The reader is checked against
// nlohmann's parser as a reference.
#include "domain/JsonText.h"
#include "domain/UserConfig.h"
#include "schema/ConfigValidator.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ckstudio;
    static const ConfigValidator validator; // the bundled schema is loaded once, not per input
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const JsonReadResult read = parseJsonText(text);
    // Our reader must agree with nlohmann's on what is JSON and what it means (the depth limit aside: nesting
    // is refused on purpose).
    // nlohmann stops at a NUL byte as if the input ended there; for us a NUL is never part of JSON text.
    if (text.find('\0') != std::string_view::npos) {
        if (read)
            std::abort();
    } else if (!(read.error && read.error->message.rfind("nesting deeper", 0) == 0)) {
        std::optional<Json> reference;
        try {
            reference = Json::parse(text);
        } catch (const Json::exception&) {
        }
        if (reference.has_value() != read.value.has_value())
            std::abort();
        if (reference && (*reference != *read.value || reference->dump() != read.value->dump()))
            std::abort();
    }
    if (!read) {
        // An error must say where: line and column are 1-based.
        if (!read.error || read.error->line == 0 || read.error->column == 0)
            std::abort();
        return 0;
    }
    const UserConfig config = userConfigFromJson(*read.value);
    const Json written = toJson(config);
    if (written != *read.value) // nothing is lost, nothing invented
        std::abort();
    if (userConfigFromJson(written) != config)
        std::abort();
    const JsonReadResult reread = parseJsonText(formatJson(written));
    if (!reread || *reread.value != written)
        std::abort();
    (void)validator.validate(written);
    return 0;
}
