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
    Problems
        problems; // errors (nothing usable) and warnings (nested object -> String, mixed types -> String)
};

// format: JSONEachRow (one object per line), CSV / TSV / TabSeparated (first line a header).
//
// Rules (docs/types-and-inference.md): integers -> Int64, or UInt64 when one exceeds Int64's maximum;
// integers that need more than 64 bits, or values above Int64's maximum next to negative ones -> String with
// a warning; any fraction or exponent -> Float64; true/false -> Bool; YYYY-MM-DD -> Date (Date32 outside
// 1970..2149); date-times (space or T, optional fraction, Z or offset) -> DateTime64(3), or (6)/(9) for finer
// fractions; arrays -> Array(T) over their elements; a null seen -> Nullable(T), never around Array
// (Array(Nullable(T)) when elements are null); nested objects and mixed kinds -> String with a warning. A
// field missing from some rows, names over 40 characters and more than 100 columns are reported as warnings.
// A bad line is skipped with a warning; an error is reported only when no column can be inferred. Columns
// keep first-seen order.
InferenceResult inferColumns(std::string_view samples, std::string_view format);

// Formats inferColumns understands, as ClickHouse names them.
const std::vector<std::string>& inferenceFormats();
bool isInferenceFormat(std::string_view format);

} // namespace ckstudio
