#pragma once
#include <string>
#include <vector>

namespace ckstudio {

// One finding about a config: an error blocks applying it, a warning does not.
struct Problem {
    enum class Severity { Error, Warning };
    std::string path;    // JSON path like tables[2].columns[5].type; empty for the document itself
    std::string message; // says what is wrong and what is allowed
    Severity severity = Severity::Error;

    bool isError() const { return severity == Severity::Error; }
    std::string toLine() const { return (path.empty() ? std::string("(document)") : path) + ": " + message; }
    friend bool operator==(const Problem&, const Problem&) = default;
};

using Problems = std::vector<Problem>;

inline bool hasErrors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.isError())
            return true;
    return false;
}

} // namespace ckstudio
