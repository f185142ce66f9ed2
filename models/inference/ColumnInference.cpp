#include "inference/ColumnInference.h"

#include "inference/ColumnShape.h"
#include "inference/SampleRows.h"
#include "types/ClickHouseType.h"

#include <algorithm>
#include <unordered_map>

namespace ckstudio {
namespace {

using inference::ColumnShape;
using inference::SampleRows;

constexpr std::size_t kMaxColumnNameLength = 40; // user_config schema: columns[].name maxLength
constexpr std::size_t kMaxColumns = 100;         // user_config schema: columns maxItems

enum class FormatKind { JsonEachRow, JsonStringsEachRow, Csv, Tsv };

// Format names as ClickHouse spells them; matched case-insensitively for the command line's sake.
std::optional<FormatKind> formatKind(std::string_view spelled) {
    std::string format;
    for (const char c : spelled)
        format += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (format == "JSONEACHROW")
        return FormatKind::JsonEachRow;
    if (format == "JSONSTRINGSEACHROW")
        return FormatKind::JsonStringsEachRow;
    if (format == "CSV" || format == "CSVWITHNAMES")
        return FormatKind::Csv;
    if (format == "TSV" || format == "TABSEPARATED" || format == "TSVWITHNAMES" ||
        format == "TABSEPARATEDWITHNAMES")
        return FormatKind::Tsv;
    return std::nullopt;
}

std::string supportedList() {
    std::string list;
    for (const auto& f : inferenceFormats())
        list += (list.empty() ? "" : ", ") + f;
    return list;
}

Problem warning(std::string path, std::string message) {
    return Problem{std::move(path), std::move(message), Problem::Severity::Warning};
}

struct ColumnSeen {
    std::string name;
    ColumnShape shape;
    std::size_t rows = 0; // rows that have this field
};

} // namespace

const std::vector<std::string>& inferenceFormats() {
    static const std::vector<std::string> formats = {
        "JSONEachRow", "JSONStringsEachRow", "CSV",          "CSVWithNames",
        "TSV",         "TabSeparated",       "TSVWithNames", "TabSeparatedWithNames"};
    return formats;
}

bool isInferenceFormat(std::string_view format) {
    return formatKind(format).has_value();
}

InferenceResult inferColumns(std::string_view samples, std::string_view format) {
    InferenceResult result;
    const auto kind = formatKind(format);
    if (!kind) {
        result.problems.push_back(Problem{"format", "cannot infer columns from format '" +
                                                        std::string(format) +
                                                        "' (supported: " + supportedList() + ")"});
        return result;
    }
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    if (samples.substr(0, kUtf8Bom.size()) == kUtf8Bom)
        samples.remove_prefix(kUtf8Bom.size());
    Problems rowProblems;
    const SampleRows rows =
        *kind == FormatKind::Csv ? inference::readDelimited(samples, inference::Delimited::Csv, rowProblems)
        : *kind == FormatKind::Tsv
            ? inference::readDelimited(samples, inference::Delimited::Tsv, rowProblems)
            : inference::readJsonEachRow(samples, *kind == FormatKind::JsonStringsEachRow, rowProblems);
    result.problems = rowProblems;
    const bool delimited = *kind == FormatKind::Csv || *kind == FormatKind::Tsv;
    if (rows.rows.empty()) {
        std::string why;
        if (delimited && rows.header.empty())
            why = "the samples are empty: expected a header line and at least one row";
        else if (delimited && rows.rowsSeen == 0)
            why = "no rows after the header line";
        else if (rows.rowsSeen == 0)
            why = "the samples are empty: expected one JSON object per line";
        else
            why = "none of the " + std::to_string(rows.rowsSeen) + " sample rows could be read";
        result.problems.push_back(Problem{"", "nothing to infer columns from: " + why});
        return result;
    }

    std::vector<ColumnSeen> seen;
    std::unordered_map<std::string, std::size_t> index;
    const auto columnFor = [&](const std::string& name) -> ColumnSeen& {
        const auto [it, added] = index.emplace(name, seen.size());
        if (added)
            seen.push_back(ColumnSeen{name, {}, 0});
        return seen[it->second];
    };
    for (const auto& name : rows.header)
        columnFor(name);
    for (const auto& row : rows.rows) {
        for (const auto& [name, value] : row.fields) {
            ColumnSeen& column = columnFor(name);
            column.shape.observe(value);
            ++column.rows;
        }
    }

    for (const auto& column : seen) {
        if (column.name.empty()) {
            result.problems.push_back(
                warning("(empty name)", "a field without a name cannot be a column; left out"));
            continue;
        }
        if (column.name.size() > kMaxColumnNameLength)
            result.problems.push_back(warning(column.name, "the name has " +
                                                               std::to_string(column.name.size()) +
                                                               " characters; column names are limited to " +
                                                               std::to_string(kMaxColumnNameLength)));
        Column c;
        c.name = column.name;
        c.type = column.shape.resolve(column.name, result.problems);
        // Every type built here must pass the same parser the validator uses.
        if (!checkClickHouseType(c.type)) {
            result.problems.push_back(warning(column.name, "internal: inferred type '" + c.type +
                                                               "' did not parse; typed as String"));
            c.type = "String";
        }
        if (!delimited && column.rows < rows.rows.size())
            result.problems.push_back(
                warning(column.name, "missing in " + std::to_string(rows.rows.size() - column.rows) + " of " +
                                         std::to_string(rows.rows.size()) +
                                         " rows; ClickHouse fills in the column's default "
                                         "there"));
        result.columns.push_back(std::move(c));
    }
    if (result.columns.size() > kMaxColumns)
        result.problems.push_back(warning("", std::to_string(result.columns.size()) +
                                                  " columns; a table allows at most " +
                                                  std::to_string(kMaxColumns)));
    if (result.columns.empty())
        result.problems.push_back(
            Problem{"", "nothing to infer columns from: the rows have no named fields"});
    return result;
}

} // namespace ckstudio
