#pragma once
// Names ClickHouse 26.5 knows that a type can mention: time zones (DateTime('tz')), aggregate functions and
// their combinators (AggregateFunction(f, ...)). Internal to models/types. The lists are the engine's own
// (ServerNames.cpp says how they were read); tst_oracle_types keeps them equal to it.
#include <string_view>
#include <vector>

namespace ckstudio::types {

struct AggregateFunctionName {
    std::string_view name;
    bool caseInsensitive = false; // the server also takes it in any letter case
    std::string_view aliasTo;     // the function it stands for, as the server prints it; empty if none
};

const std::vector<std::string_view>& serverTimeZones();                  // sorted
const std::vector<AggregateFunctionName>& serverAggregateFunctions();    // sorted by name
const std::vector<std::string_view>& serverAggregateCombinators();       // sorted

} // namespace ckstudio::types
