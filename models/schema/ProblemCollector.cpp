#include "schema/ProblemCollector.h"

#include "schema/ValueText.h"

#include <algorithm>
#include <unordered_set>

namespace ckstudio {

void DocumentPath::pushKeyOf(const Json& object, std::string_view key) {
    std::uint32_t position = 0;
    if (object.is_object()) {
        for (const auto& [k, v] : object.items()) {
            if (k == key)
                break;
            ++position;
        }
    }
    pushKey(key, position);
}

std::string DocumentPath::text() const {
    std::string out;
    for (const auto& s : m_steps) {
        if (s.isIndex)
            out += "[" + std::to_string(s.index) + "]";
        else
            appendPathKey(out, s.key);
    }
    return out;
}

std::vector<std::uint32_t> DocumentPath::positions() const {
    std::vector<std::uint32_t> out;
    out.reserve(m_steps.size());
    for (const auto& s : m_steps)
        out.push_back(s.position);
    return out;
}

void ProblemCollector::add(const DocumentPath& at, std::string message, Problem::Severity severity) {
    m_entries.push_back({at.positions(), Problem{at.text(), std::move(message), severity}});
}

Problems ProblemCollector::takeInDocumentOrder() {
    // A prefix sorts first: a finding about an object precedes those about its members.
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry& a, const Entry& b) { return a.positions < b.positions; });
    // An error at a path makes advice about the same value moot (no consumer hint for an out-of-range count).
    std::unordered_set<std::string> errorPaths;
    for (const auto& e : m_entries)
        if (e.problem.isError())
            errorPaths.insert(e.problem.path);
    Problems out;
    out.reserve(m_entries.size());
    for (auto& e : m_entries)
        if (e.problem.isError() || !errorPaths.contains(e.problem.path))
            out.push_back(std::move(e.problem));
    m_entries.clear();
    return out;
}

} // namespace ckstudio
