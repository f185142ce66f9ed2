// Hostile config text: the reader must answer with a value or a positioned error, the model must round-trip
// losslessly, and the validator must survive whatever the model holds.
#include "domain/JsonText.h"
#include "domain/UserConfig.h"
#include "schema/ConfigValidator.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ckstudio;
    static const ConfigValidator validator; // the bundled schema is loaded once, not per input
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const JsonReadResult read = parseJsonText(text);
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
