#include "preview/ResultStreamParser.h"
#include "text/TsvCodec.h"

namespace ckstudio {
namespace {

template <typename Fn> void forEachField(std::string_view line, Fn&& fn) {
    for (;;) {
        const std::size_t tab = line.find('\t');
        fn(line.substr(0, tab));
        if (tab == std::string_view::npos)
            return;
        line.remove_prefix(tab + 1);
    }
}

} // namespace

bool TsvStreamParser::parseHeaderLine(std::string_view line, std::vector<std::string>& values) {
    forEachField(line, [&](std::string_view f) {
        values.emplace_back();
        appendTsvUnescaped(f, values.back());
    });
    return true;
}

bool TsvStreamParser::parseRowLine(std::string_view line) {
    const std::size_t columns = m_classes.size();
    std::size_t index = 0;
    std::string& out = m_store.pendingBytes();
    forEachField(line, [&](std::string_view f) {
        if (index < columns) {
            if (f == "\\N") {
                m_store.endCell(CellKind::Null);
            } else if (m_classes[index] == ResultColumn::ValueClass::Composite) {
                out.append(f); // kept as ClickHouse prints it: ['a\'b',NULL]
                m_store.endCell(CellKind::Literal);
            } else {
                appendTsvUnescaped(f, out);
                m_store.endCell(CellKind::Text);
            }
        }
        ++index;
    });
    if (index != columns) {
        m_store.discardRow();
        return false;
    }
    return m_store.commitRow();
}

} // namespace ckstudio
