#pragma once
// Shared body of the preview stream fuzzers: the first bytes choose where the stream is cut into chunks, the
// rest is the stream. Feeding it whole and feeding it in pieces must give the same rows and the same verdict.
#include "preview/ResultStreamParser.h"
#include "preview/RowStore.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace ckstudio::fuzz {

struct StreamOutcome {
    std::vector<std::vector<std::string>> cells;
    bool failed = false;
};

inline StreamOutcome parseInChunks(WireFormat format, std::string_view stream,
                                   const std::vector<std::size_t>& cuts) {
    RowStore store;
    auto parser = ResultStreamParser::create(format, store);
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        const std::size_t end = std::min(stream.size(), at + cut);
        parser->feed(stream.substr(at, end - at));
        at = end;
    }
    parser->feed(stream.substr(at));
    parser->finish();
    StreamOutcome outcome;
    outcome.failed = parser->error().has_value();
    for (qsizetype row = 0; row < store.rowCount(); ++row) {
        std::vector<std::string>& cells = outcome.cells.emplace_back();
        for (int column = 0; column < store.columnCount(); ++column)
            cells.emplace_back(store.cell(row, column).bytes);
    }
    return outcome;
}

inline int fuzzStream(WireFormat format, const std::uint8_t* data, std::size_t size) {
    if (size < 4)
        return 0;
    // Four cut lengths of 0..15 bytes, repeated: splits land inside escapes and UTF-8 sequences.
    std::vector<std::size_t> pattern;
    for (int i = 0; i < 4; ++i)
        pattern.push_back(data[i] & 0x0f);
    const std::string_view stream(reinterpret_cast<const char*>(data) + 4, size - 4);
    std::vector<std::size_t> cuts;
    for (std::size_t total = 0, i = 0; total < stream.size(); ++i) {
        const std::size_t cut = pattern[i % pattern.size()];
        cuts.push_back(cut);
        total += cut == 0 ? 1 : cut;
    }
    const StreamOutcome whole = parseInChunks(format, stream, {});
    const StreamOutcome pieces = parseInChunks(format, stream, cuts);
    if (whole.failed != pieces.failed || whole.cells != pieces.cells)
        std::abort();
    return 0;
}

} // namespace ckstudio::fuzz
