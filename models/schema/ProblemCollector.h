#pragma once
// Where in a user_config a finding sits, and the list of findings sorted into document order.
#include "domain/Json.h"
#include "domain/Problem.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

// A JSON path being walked: keys and array indices, each with its position in the document (the key's index
// in its object, the element's index), so that findings from different passes can be merged in document
// order.
class DocumentPath {
public:
    void pushKey(std::string_view key, std::uint32_t position) {
        m_steps.push_back({key, 0, false, position});
    }
    void pushIndex(std::size_t index) {
        m_steps.push_back({{}, index, true, static_cast<std::uint32_t>(index)});
    }
    // A key of `object` (which the path currently points at): its position is looked up in the document.
    void pushKeyOf(const Json& object, std::string_view key);
    void pop() { m_steps.pop_back(); }

    std::string text() const; // tables[0].columns[3].type
    std::vector<std::uint32_t> positions() const;

private:
    struct Step {
        std::string_view key; // points into the document or a literal; outlives the walk
        std::size_t index;
        bool isIndex;
        std::uint32_t position;
    };
    std::vector<Step> m_steps;
};

// Pushes a step for the lifetime of a scope.
class PathStep {
public:
    PathStep(DocumentPath& path, std::string_view key, std::uint32_t position)
        : m_path(path) {
        m_path.pushKey(key, position);
    }
    PathStep(DocumentPath& path, std::size_t index)
        : m_path(path) {
        m_path.pushIndex(index);
    }
    PathStep(DocumentPath& path, const Json& object, std::string_view key)
        : m_path(path) {
        m_path.pushKeyOf(object, key);
    }
    ~PathStep() { m_path.pop(); }
    PathStep(const PathStep&) = delete;
    PathStep& operator=(const PathStep&) = delete;

private:
    DocumentPath& m_path;
};

class ProblemCollector {
public:
    void add(const DocumentPath& at, std::string message,
             Problem::Severity severity = Problem::Severity::Error);
    // Sorted by position; findings at the same place keep the order they were added in. A warning at a path
    // that also has an error is dropped.
    Problems takeInDocumentOrder();

private:
    struct Entry {
        std::vector<std::uint32_t> positions;
        Problem problem;
    };
    std::vector<Entry> m_entries;
};

} // namespace ckstudio
