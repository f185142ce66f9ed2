// Column type strings: the checker must point inside the input on error, and a valid type printed in its
// canonical form must parse again to the same canonical form.
#include "types/ClickHouseType.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ckstudio;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const TypeCheckResult checked = checkClickHouseType(text);
    if (!checked) {
        if (checked.type || checked.errorOffset > text.size())
            std::abort();
        return 0;
    }
    if (!checked.type)
        std::abort();
    const std::string canonical = checked.type->toString();
    const TypeCheckResult again = checkClickHouseType(canonical);
    if (!again || !again.type || again.type->toString() != canonical)
        std::abort();
    (void)minimumServerVersion(*checked.type);
    return 0;
}
