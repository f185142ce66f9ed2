#pragma once
// The JSON schema's rules applied to a value: type, enum, lengths, pattern, ranges, item counts, required and
// unknown keys. Walks the value and the compiled schema together and reports at the current path.
#include "domain/Json.h"
#include "schema/ProblemCollector.h"

namespace ckstudio {

struct SchemaNode;

class SchemaRules {
public:
    SchemaRules(ProblemCollector& out, DocumentPath& path)
        : m_out(out)
        , m_path(path) {}

    void check(const Json& value, const SchemaNode& schema);

private:
    void checkString(const std::string& text, const SchemaNode& schema);
    void checkNumber(const Json& value, const SchemaNode& schema);
    void checkArray(const Json& array, const SchemaNode& schema);
    void checkObject(const Json& object, const SchemaNode& schema);
    void error(std::string message) { m_out.add(m_path, std::move(message)); }

    ProblemCollector& m_out;
    DocumentPath& m_path;
};

} // namespace ckstudio
