#pragma once
// Infer connector-table columns from sample messages.
#include "domain/Problem.h"
#include "domain/UserConfig.h"

#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

struct InferenceResult {
    std::vector<Column> columns;
    Problems problems; // errors (nothing usable) and warnings (nested object -> String, mixed types -> String)
};

// format: JSONEachRow (one object per line), CSV / TSV / TabSeparated (first line a header).
InferenceResult inferColumns(std::string_view samples, std::string_view format);

} // namespace ckstudio
