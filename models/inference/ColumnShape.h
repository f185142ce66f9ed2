#pragma once
// What the samples showed for one column, and the ClickHouse type that follows. Internal to models/inference.
#include "inference/SampleRows.h"

#include <memory>
#include <string>

namespace ckstudio::inference {

class ColumnShape {
public:
    void observe(const SampleValue& value);
    // The column's type. Choices the user should know about (mixed types, nested objects, ...) are added to
    // problems as warnings under `field`.
    std::string resolve(const std::string& field, Problems& problems) const;

private:
    bool observedNothing() const;
    void observeNumberText(const std::string& text, bool integral);
    void observeDateOrString(const std::string& text);
    void observeText(const std::string& text);
    std::string resolveScalar(const std::string& field, Problems& problems) const;

    std::size_t m_nulls = 0;
    std::size_t m_bools = 0;
    std::size_t m_integers = 0;    // fit in Int64
    std::size_t m_bigUnsigned = 0; // above Int64 max, fit in UInt64
    std::size_t m_negatives = 0;
    std::size_t m_hugeIntegers = 0; // beyond 64 bits
    std::size_t m_floats = 0;
    std::size_t m_strings = 0; // text that is not a date or date-time
    std::size_t m_dates = 0;
    std::size_t m_dateTimes = 0;
    std::size_t m_objects = 0;
    std::size_t m_arrays = 0;
    int m_fractionDigits = 0;                // most sub-second digits seen in a date-time
    bool m_zoned = false;                    // a date-time with Z or an offset
    bool m_outsideDateRange = false;         // a date outside Date's 1970..2149
    bool m_outsideDateTimeRange = false;     // a date or date-time outside DateTime64's 1900..2299
    std::shared_ptr<ColumnShape> m_elements; // array elements
};

} // namespace ckstudio::inference
