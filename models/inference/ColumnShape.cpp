#include "inference/ColumnShape.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace ckstudio::inference {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    return v;
}

struct DateTimeText {
    bool hasTime = false;
    int fractionDigits = 0;
    bool zoned = false;
    int year = 0;
};

// YYYY-MM-DD, optionally followed by [ T]hh:mm:ss[.fraction][Z|+hh:mm|+hhmm|+hh].
std::optional<DateTimeText> parseDateTimeText(std::string_view s) {
    if (s.size() < 10 || !allDigits(s.substr(0, 4)) || s[4] != '-' || !allDigits(s.substr(5, 2)) ||
        s[7] != '-' || !allDigits(s.substr(8, 2)))
        return std::nullopt;
    DateTimeText r;
    r.year = number(s.substr(0, 4));
    const int month = number(s.substr(5, 2));
    const int day = number(s.substr(8, 2));
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1])
        return std::nullopt;
    const bool leap = (r.year % 4 == 0 && r.year % 100 != 0) || r.year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return std::nullopt;
    if (s.size() == 10)
        return r;
    if ((s[10] != ' ' && s[10] != 'T') || s.size() < 19 || !allDigits(s.substr(11, 2)) || s[13] != ':' ||
        !allDigits(s.substr(14, 2)) || s[16] != ':' || !allDigits(s.substr(17, 2)))
        return std::nullopt;
    if (number(s.substr(11, 2)) > 23 || number(s.substr(14, 2)) > 59 || number(s.substr(17, 2)) > 59)
        return std::nullopt;
    r.hasTime = true;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start || pos - start > 9)
            return std::nullopt;
        r.fractionDigits = static_cast<int>(pos - start);
    }
    if (pos == s.size())
        return r;
    r.zoned = true;
    const std::string_view zone = s.substr(pos);
    if (zone == "Z")
        return r;
    if (zone[0] != '+' && zone[0] != '-')
        return std::nullopt;
    const std::string_view offset = zone.substr(1);
    if ((offset.size() == 2 && allDigits(offset)) || (offset.size() == 4 && allDigits(offset)) ||
        (offset.size() == 5 && allDigits(offset.substr(0, 2)) && offset[2] == ':' &&
         allDigits(offset.substr(3))))
        return r;
    return std::nullopt;
}

enum class IntegerRange { Int64, UInt64, Wider };

// text: an optional sign and digits.
IntegerRange integerRange(std::string_view text, bool& negative) {
    negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+'))
        text.remove_prefix(1);
    while (text.size() > 1 && text[0] == '0')
        text.remove_prefix(1);
    auto compare = [&](std::string_view limit) {
        if (text.size() != limit.size())
            return text.size() < limit.size() ? -1 : 1;
        return text.compare(limit) < 0 ? -1 : (text == limit ? 0 : 1);
    };
    if (negative)
        return compare("9223372036854775808") <= 0 ? IntegerRange::Int64 : IntegerRange::Wider;
    if (compare("9223372036854775807") <= 0)
        return IntegerRange::Int64;
    return compare("18446744073709551615") <= 0 ? IntegerRange::UInt64 : IntegerRange::Wider;
}

bool looksLikeInteger(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    // A leading zero (007, zip codes) means an identifier, not a number.
    return allDigits(s) && !(s.size() > 1 && s[0] == '0');
}

bool looksLikeFloat(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    std::size_t pos = 0;
    const auto digits = [&] {
        const std::size_t start = pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        return pos - start;
    };
    const std::size_t intDigits = digits();
    std::size_t fracDigits = 0;
    bool point = false;
    if (pos < s.size() && s[pos] == '.') {
        point = true;
        ++pos;
        fracDigits = digits();
    }
    if (intDigits + fracDigits == 0)
        return false;
    bool exponent = false;
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
        exponent = true;
        ++pos;
        if (pos < s.size() && (s[pos] == '-' || s[pos] == '+'))
            ++pos;
        if (digits() == 0)
            return false;
    }
    return pos == s.size() && (point || exponent);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) ==
                      (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
           });
}

Problem warning(const std::string& field, std::string message) {
    return Problem{field, std::move(message), Problem::Severity::Warning};
}

} // namespace

void ColumnShape::observe(const SampleValue& value) {
    switch (value.kind) {
    case SampleValue::Kind::Null:
        ++m_nulls;
        break;
    case SampleValue::Kind::Bool:
        ++m_bools;
        break;
    case SampleValue::Kind::Integer:
        observeNumberText(value.text, true);
        break;
    case SampleValue::Kind::Float:
        observeNumberText(value.text, false);
        break;
    case SampleValue::Kind::String:
        observeDateOrString(value.text);
        break;
    case SampleValue::Kind::Text:
        observeText(value.text);
        break;
    case SampleValue::Kind::Object:
        ++m_objects;
        break;
    case SampleValue::Kind::Array:
        ++m_arrays;
        if (!m_elements)
            m_elements = std::make_shared<ColumnShape>();
        for (const auto& item : value.items)
            m_elements->observe(item);
        break;
    }
}

void ColumnShape::observeNumberText(const std::string& text, bool integral) {
    if (!integral) {
        ++m_floats;
        return;
    }
    bool negative = false;
    switch (integerRange(text, negative)) {
    case IntegerRange::Int64:
        ++m_integers;
        break;
    case IntegerRange::UInt64:
        ++m_bigUnsigned;
        break;
    case IntegerRange::Wider:
        ++m_hugeIntegers;
        break;
    }
    if (negative)
        ++m_negatives;
}

void ColumnShape::observeDateOrString(const std::string& text) {
    const auto dt = parseDateTimeText(text);
    if (!dt) {
        ++m_strings;
        return;
    }
    if (dt->year < 1900 || dt->year > 2299)
        m_outsideDateTimeRange = true;
    if (dt->hasTime) {
        ++m_dateTimes;
        m_fractionDigits = std::max(m_fractionDigits, dt->fractionDigits);
        m_zoned = m_zoned || dt->zoned;
    } else {
        ++m_dates;
        if (dt->year < 1970 || dt->year > 2149)
            m_outsideDateRange = true;
    }
}

void ColumnShape::observeText(const std::string& text) {
    if (equalsIgnoreCase(text, "true") || equalsIgnoreCase(text, "false"))
        ++m_bools;
    else if (looksLikeInteger(text))
        observeNumberText(text, true);
    else if (looksLikeFloat(text))
        observeNumberText(text, false);
    else
        observeDateOrString(text);
}

bool ColumnShape::observedNothing() const {
    return m_nulls + m_bools + m_integers + m_bigUnsigned + m_hugeIntegers + m_floats + m_strings + m_dates +
               m_dateTimes + m_objects + m_arrays ==
           0;
}

std::string ColumnShape::resolve(const std::string& field, Problems& problems) const {
    const bool numbers = m_integers + m_bigUnsigned + m_hugeIntegers + m_floats > 0;
    const bool strings = m_strings + m_dates + m_dateTimes > 0;
    std::vector<std::string> kinds;
    if (m_bools)
        kinds.emplace_back("booleans");
    if (numbers)
        kinds.emplace_back("numbers");
    if (strings)
        kinds.emplace_back("strings");
    if (m_objects)
        kinds.emplace_back("objects");
    if (m_arrays)
        kinds.emplace_back("arrays");

    const auto nullable = [&](const std::string& type) { return m_nulls ? "Nullable(" + type + ")" : type; };
    if (kinds.empty()) {
        problems.push_back(warning(field, m_nulls
                                              ? "only null values in the samples; typed as Nullable(String)"
                                              : "no values in the samples; typed as String"));
        return nullable("String");
    }
    if (kinds.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < kinds.size(); ++i)
            list += (i == 0 ? "" : i + 1 == kinds.size() ? " and " : ", ") + kinds[i];
        problems.push_back(warning(field, "mixed types in the samples (" + list + "); typed as String"));
        return nullable("String");
    }
    if (m_objects) {
        problems.push_back(warning(field,
                                   "nested object; typed as String holding its JSON text (ClickHouse reads "
                                   "objects into String with input_format_json_read_objects_as_strings, "
                                   "on by default since 23.1)"));
        return nullable("String");
    }
    if (m_arrays) {
        if (m_nulls)
            problems.push_back(
                warning(field, "null arrays are read as empty arrays (an Array cannot be Nullable)"));
        if (m_elements->observedNothing()) {
            problems.push_back(warning(field, "only empty arrays in the samples; typed as Array(String)"));
            return "Array(String)";
        }
        return "Array(" + m_elements->resolve(field, problems) + ")";
    }
    return nullable(resolveScalar(field, problems));
}

std::string ColumnShape::resolveScalar(const std::string& field, Problems& problems) const {
    if (m_bools)
        return "Bool";
    if (m_integers + m_bigUnsigned + m_hugeIntegers + m_floats > 0) {
        if (m_hugeIntegers || (m_bigUnsigned && m_negatives)) {
            if (m_floats)
                return "Float64";
            problems.push_back(warning(field, m_hugeIntegers
                                                  ? "integers beyond 64 bits; typed as String (Int128 or "
                                                    "Int256 would hold them)"
                                                  : "integers above Int64's maximum and negative integers; "
                                                    "typed as String (Int128 would hold both)"));
            return "String";
        }
        if (m_floats)
            return "Float64";
        return m_bigUnsigned ? "UInt64" : "Int64";
    }
    if (m_strings)
        return "String";
    if (m_outsideDateTimeRange) {
        problems.push_back(warning(field,
                                   "dates before 1900 or after 2299 are outside ClickHouse's date types; "
                                   "typed as String"));
        return "String";
    }
    if (m_dateTimes) {
        if (m_zoned)
            problems.push_back(warning(field,
                                       "date-times with a time zone (Z or an offset) need the table setting "
                                       "date_time_input_format = best_effort"));
        return "DateTime64(" + std::to_string(m_fractionDigits <= 3 ? 3 : m_fractionDigits <= 6 ? 6 : 9) + ")";
    }
    return m_outsideDateRange ? "Date32" : "Date";
}

} // namespace ckstudio::inference
