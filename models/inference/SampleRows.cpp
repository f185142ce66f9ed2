#include "inference/SampleRows.h"

#include "domain/Json.h"
#include "text/TsvCodec.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace ckstudio::inference {
namespace {

constexpr int kMaxJsonDepth = 64; // deeper sample messages are refused rather than walked recursively

Problem lineWarning(std::size_t line, std::string message) {
    return Problem{lineLabel(line), std::move(message), Problem::Severity::Warning};
}

// Builds SampleValues from nlohmann's SAX events. The raw text of numbers is kept, so integers beyond 64 bits
// are still recognised as integers.
class SampleValueBuilder {
public:
    using json = nlohmann::json;

    explicit SampleValueBuilder(bool stringsOnly)
        : m_stringsOnly(stringsOnly) {}

    bool null() { return put(SampleValue{}); }
    bool boolean(bool v) { return put(scalar(SampleValue::Kind::Bool, v ? "true" : "false")); }
    bool number_integer(json::number_integer_t v) { return number(std::to_string(v), true); }
    bool number_unsigned(json::number_unsigned_t v) { return number(std::to_string(v), true); }
    bool number_float(json::number_float_t, const json::string_t& raw) {
        return number(raw, raw.find_first_of(".eE") == std::string::npos);
    }
    bool string(json::string_t& s) {
        return put(scalar(m_stringsOnly ? SampleValue::Kind::Text : SampleValue::Kind::String, std::move(s)));
    }
    bool binary(json::binary_t&) { return put(scalar(SampleValue::Kind::String, {})); }
    bool start_object(std::size_t) { return open(SampleValue::Kind::Object); }
    bool key(json::string_t& k) {
        if (m_stack.size() == 1)
            m_key = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(SampleValue::Kind::Array); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." -> "syntax
        // error ..."
        const std::size_t column = what.find("column ");
        const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos)
            what = what.substr(colon + 2);
        m_error = "invalid JSON at column " + std::to_string(position) + ": " + what;
        return false;
    }

    std::optional<SampleValue> root;
    std::vector<std::pair<std::string, SampleValue>> fields; // members of the top-level object, in order
    std::vector<std::string> duplicateKeys;
    std::string m_error;

private:
    static SampleValue scalar(SampleValue::Kind kind, std::string text) {
        SampleValue v;
        v.kind = kind;
        v.text = std::move(text);
        return v;
    }
    bool number(std::string text, bool integral) {
        return put(scalar(m_stringsOnly ? SampleValue::Kind::Text
                                       : (integral ? SampleValue::Kind::Integer : SampleValue::Kind::Float),
                          std::move(text)));
    }
    bool open(SampleValue::Kind kind) {
        if (static_cast<int>(m_stack.size()) >= kMaxJsonDepth) {
            m_error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
            return false;
        }
        SampleValue v;
        v.kind = kind;
        m_stack.push_back(std::move(v));
        return true;
    }
    bool close() {
        SampleValue done = std::move(m_stack.back());
        m_stack.pop_back();
        return put(std::move(done));
    }
    bool put(SampleValue v) {
        if (m_stack.empty()) {
            root = std::move(v);
            return true;
        }
        SampleValue& parent = m_stack.back();
        if (parent.kind == SampleValue::Kind::Array) {
            parent.items.push_back(std::move(v));
        } else if (m_stack.size() == 1) {
            ++parent.memberCount;
            if (!m_keys.insert(m_key).second)
                duplicateKeys.push_back(m_key);
            else
                fields.emplace_back(m_key, std::move(v));
        } else {
            ++parent.memberCount;
        }
        return true;
    }

    bool m_stringsOnly;
    std::vector<SampleValue> m_stack;
    std::string m_key;
    std::unordered_set<std::string> m_keys; // keys of the top-level object seen so far
};

const char* kindName(SampleValue::Kind kind) {
    switch (kind) {
    case SampleValue::Kind::Null:
        return "null";
    case SampleValue::Kind::Bool:
        return "a boolean";
    case SampleValue::Kind::Integer:
    case SampleValue::Kind::Float:
        return "a number";
    case SampleValue::Kind::String:
    case SampleValue::Kind::Text:
        return "a string";
    case SampleValue::Kind::Array:
        return "an array";
    case SampleValue::Kind::Object:
        return "an object";
    }
    return "a value";
}

bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// One record of a delimited file: its values (nullopt = \N) and where it starts.
struct Record {
    std::size_t line = 0;
    std::vector<std::optional<std::string>> values;
};

// RFC 4180 records. Quoted fields may hold the delimiter, newlines and "" for a quote.
std::vector<Record> splitCsv(std::string_view text, Problems& problems) {
    std::vector<Record> records;
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size()) {
        Record record;
        record.line = line;
        bool endOfRecord = false;
        bool blankLine = true;
        while (!endOfRecord) {
            std::string value;
            bool quoted = false;
            if (pos < text.size() && text[pos] == '"') {
                quoted = true;
                blankLine = false;
                const std::size_t openLine = line;
                ++pos;
                bool closed = false;
                while (pos < text.size()) {
                    const char c = text[pos++];
                    if (c == '"') {
                        if (pos < text.size() && text[pos] == '"') {
                            value += '"';
                            ++pos;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\n')
                        ++line;
                    value += c;
                }
                if (!closed) {
                    problems.push_back(lineWarning(openLine,
                                                   "unterminated quoted field (a \" without its "
                                                   "closing \"); the rest of the input is ignored"));
                    return records;
                }
            }
            // Unquoted text, or anything between a closing quote and the next delimiter.
            while (pos < text.size() && text[pos] != ',' && text[pos] != '\n')
                value += text[pos++];
            if (!value.empty() && value.back() == '\r' && (pos >= text.size() || text[pos] == '\n'))
                value.pop_back();
            if (!isBlank(value))
                blankLine = false;
            if (!quoted && value == "\\N")
                record.values.emplace_back(std::nullopt);
            else
                record.values.emplace_back(std::move(value));
            if (pos >= text.size()) {
                endOfRecord = true;
            } else if (text[pos] == ',') {
                ++pos;
                blankLine = false;
            } else { // '\n'
                ++pos;
                ++line;
                endOfRecord = true;
            }
        }
        if (!(blankLine && record.values.size() == 1))
            records.push_back(std::move(record));
    }
    return records;
}

std::vector<Record> splitTsv(std::string_view text) {
    std::vector<Record> records;
    std::size_t pos = 0;
    std::size_t line = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view content = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (!content.empty() && content.back() == '\r')
            content.remove_suffix(1);
        if (isBlank(content))
            continue;
        Record record;
        record.line = line;
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = content.find('\t', start);
            record.values.push_back(unescapeTsvField(
                content.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
            if (tab == std::string_view::npos)
                break;
            start = tab + 1;
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

std::string lineLabel(std::size_t line) {
    return "line " + std::to_string(line);
}

SampleRows readJsonEachRow(std::string_view samples, bool stringsOnly, Problems& problems) {
    SampleRows result;
    std::size_t pos = 0;
    std::size_t line = 0;
    while (pos <= samples.size()) {
        const std::size_t end = std::min(samples.find('\n', pos), samples.size());
        const std::string_view content = samples.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (isBlank(content))
            continue;
        ++result.rowsSeen;
        SampleValueBuilder builder(stringsOnly);
        const bool parsed = nlohmann::json::sax_parse(content, &builder);
        if (!parsed || !builder.root) {
            problems.push_back(
                lineWarning(line, (builder.m_error.empty() ? std::string("invalid JSON") : builder.m_error) +
                                      "; line skipped"));
            continue;
        }
        if (builder.root->kind != SampleValue::Kind::Object) {
            problems.push_back(lineWarning(line, std::string("expected a JSON object, got ") +
                                                     kindName(builder.root->kind) + "; line skipped"));
            continue;
        }
        for (const auto& key : builder.duplicateKeys)
            problems.push_back(lineWarning(line, "key '" + key +
                                                     "' appears twice; the first value is used (ClickHouse "
                                                     "refuses such a row)"));
        result.rows.push_back(SampleRow{line, std::move(builder.fields)});
    }
    return result;
}

SampleRows readDelimited(std::string_view samples, Delimited format, Problems& problems) {
    SampleRows result;
    const std::vector<Record> records =
        format == Delimited::Csv ? splitCsv(samples, problems) : splitTsv(samples);
    if (records.empty())
        return result;
    const Record& header = records.front();
    std::vector<std::string> names;
    for (const auto& v : header.values) {
        std::string name = v.value_or("\\N");
        // Positional formats need every column: a repeated header name is renamed, not dropped.
        const auto taken = [&](const std::string& n) {
            return std::find(names.begin(), names.end(), n) != names.end();
        };
        if (taken(name)) {
            std::string renamed;
            for (int suffix = 2; renamed.empty() || taken(renamed); ++suffix)
                renamed = name + "_" + std::to_string(suffix);
            problems.push_back(lineWarning(header.line, "column name '" + name +
                                                            "' appears twice in the header; the "
                                                            "second is named '" +
                                                            renamed + "'"));
            name = renamed;
        }
        names.push_back(std::move(name));
    }
    result.header = names;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& record = records[r];
        ++result.rowsSeen;
        if (record.values.size() != names.size())
            problems.push_back(lineWarning(
                record.line,
                std::to_string(record.values.size()) +
                    " values, but the "
                    "header has " +
                    std::to_string(names.size()) + " columns" +
                    (record.values.size() > names.size() ? "; the extra values are ignored" : "")));
        SampleRow row;
        row.line = record.line;
        for (std::size_t i = 0; i < record.values.size() && i < names.size(); ++i) {
            SampleValue v;
            if (record.values[i]) {
                // An empty field is read as the column's default by ClickHouse: it says nothing about the
                // type.
                if (record.values[i]->empty())
                    continue;
                v.kind = SampleValue::Kind::Text;
                v.text = *record.values[i];
            }
            row.fields.emplace_back(names[i], std::move(v));
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace ckstudio::inference
