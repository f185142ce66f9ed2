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

    std::size_t mNulls = 0;
    std::size_t mBools = 0;
    std::size_t mIntegers = 0;    // fit in Int64
    std::size_t mBigUnsigned = 0; // above Int64 max, fit in UInt64
    std::size_t mNegatives = 0;
    std::size_t mHugeIntegers = 0; // beyond 64 bits
    std::size_t mFloats = 0;
    std::size_t mStrings = 0; // text that is not a date or date-time
    std::size_t mDates = 0;
    std::size_t mDateTimes = 0;
    std::size_t mObjects = 0;
    std::size_t mArrays = 0;
    int mFractionDigits = 0;                // most sub-second digits seen in a date-time
    bool mZoned = false;                    // a date-time with Z or an offset
    bool mOutsideDateRange = false;         // a date outside Date's 1970..2149
    bool mOutsideDateTimeRange = false;     // a date or date-time outside DateTime64's 1900..2299
    std::shared_ptr<ColumnShape> mElements; // array elements
};

} // namespace ckstudio::inference
