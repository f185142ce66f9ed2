#pragma once
// Sample messages split into rows of named values, before any type is guessed. Internal to models/inference.
#include "domain/Problem.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ckstudio::inference {

// One value as the format delivered it. JSON keeps its own kinds; CSV/TSV (and JSONStringsEachRow) deliver
// Text, whose type is read from its spelling.
struct SampleValue {
    enum class Kind { Null, Bool, Integer, Float, String, Text, Array, Object } kind = Kind::Null;
    std::string text;               // String/Text value; number as written; "true"/"false"
    std::vector<SampleValue> items; // Array
    std::size_t memberCount = 0;    // Object (members are not needed: objects become String)
};

struct SampleRow {
    std::size_t line = 0; // 1-based line where the row starts
    std::vector<std::pair<std::string, SampleValue>> fields;
};

struct SampleRows {
    std::vector<SampleRow> rows;
    std::size_t rowsSeen = 0;        // non-blank rows, valid or not
    std::vector<std::string> header; // CSV/TSV: the header's column names, in order
};

// One JSON object per line; blank lines ignored; a bad line is reported as "line N" and skipped.
// stringsOnly: JSONStringsEachRow, where scalar values are strings to be read as text.
SampleRows readJsonEachRow(std::string_view samples, bool stringsOnly, Problems& problems);

// A header line, then one record per line. CSV: RFC 4180 quoting ("" inside quotes, quoted newlines),
// \N is NULL. TSV: backslash escapes (\t \n \\ ...), \N is NULL.
enum class Delimited { Csv, Tsv };
SampleRows readDelimited(std::string_view samples, Delimited format, Problems& problems);

std::string lineLabel(std::size_t line);

} // namespace ckstudio::inference
