#pragma once
// ClickHouse data type grammar (reference/clickhouse.md §4): parse a `columns[].type` string into a tree,
// check families, parameters, ranges and nesting rules, and report where a problem is.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ckstudio {

// A parsed type. `family` is the canonical family name (aliases resolved: "BIGINT" -> "Int64",
// "varchar" -> "String", "DateTime64" keeps its name). Arguments are either nested types or literals.
struct ClickHouseType {
    struct Argument {
        enum class Kind { Type, Number, String, NamedType, EnumElement, Identifier } kind = Kind::Type;
        std::string text;                     // literal text, element/field name
        std::shared_ptr<ClickHouseType> type; // for Type / NamedType
        std::optional<long long> value;       // for Number / EnumElement
    };
    std::string family;
    std::string spelledAs; // as written by the user
    std::vector<Argument> arguments;
    // Newest syntax used by this node alone (an alias or argument form older servers lack, e.g. INT(11),
    // Decimal without arguments); {0,0} when any version understands it. See minimumServerVersion().
    std::pair<int, int> spellingSince{0, 0};

    // Canonical text as ClickHouse prints it, e.g. "Array(Nullable(String))", "Decimal(9, 2)".
    std::string toString() const;
};

struct TypeCheckResult {
    std::optional<ClickHouseType> type; // set when valid
    std::size_t errorOffset = 0;        // 0-based byte offset of the problem in the input
    std::string error;                  // empty when valid; names the problem and what is allowed
    // Valid but likely refused at CREATE TABLE by default settings (e.g. LowCardinality(UInt32) needs
    // allow_suspicious_low_cardinality_types=1, FixedString(N) with N > 256).
    std::vector<std::string> warnings;
    // Set when the type is refused as a deliberate lint although ClickHouse 26.5 accepts it, because the
    // server would silently change what was written (docs/types-and-inference.md, "Deliberate differences"):
    // "enum-value-wraps" (an Enum value out of range), "argument-ignored" (DateTime('UTC', 3)).
    std::string lint;
    explicit operator bool() const { return error.empty(); }
};

TypeCheckResult checkClickHouseType(std::string_view text);

// Every family name and alias a completer can offer, canonical names first.
const std::vector<std::string>& clickHouseTypeFamilies();

// Lowest ClickHouse version (major, minor) that creates this type with default settings, e.g. {21, 12} for
// Bool, {25, 3} for JSON (24.8-25.2 need allow_experimental_json_type=1, see typeRequirements()); {0,0} when
// any version does.
std::pair<int, int> minimumServerVersion(const ClickHouseType& type);

// When a family is usable: from which version by default, from which version behind a setting.
struct TypeRequirement {
    std::string family;                  // canonical family name, e.g. "JSON"
    std::pair<int, int> usableByDefault; // first version that creates it with default settings
    std::string setting;                 // enables it earlier, e.g. "allow_experimental_json_type"; or empty
    std::pair<int, int> settingSince;    // first version that knows `setting`; {0,0} when there is none
    // "JSON needs ClickHouse 25.3 (or allow_experimental_json_type=1 on 24.8+)"
    std::string message() const;
};

// What `type` needs that a server of `serverVersion` (major, minor) does not give with default settings: one
// entry per family (each family once, outermost first), or an alias or argument form that version lacks
// (family = the spelling). Empty when that version creates the type as is.
std::vector<TypeRequirement> typeRequirements(const ClickHouseType& type, std::pair<int, int> serverVersion);

} // namespace ckstudio
