#include "shell/HeapTidy.h"

#include "domain/UserConfig.h"

#include <cstddef>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ckstudio {

void tidyHeapAfterValidating(const UserConfig& config) {
#if defined(__GLIBC__)
    // Large configs are where the first edit paid for the coalescing (docs/performance.md, "Editing"); beside
    // a whole validation of one, the trim is small.
    constexpr std::size_t largeConfigItems = 10000;
    std::size_t items = 0;
    for (const auto& table : config.tables)
        items += table.columns.size() + table.topics.size();
    if (items >= largeConfigItems)
        malloc_trim(0);
#else
    (void)config;
#endif
}

} // namespace ckstudio
