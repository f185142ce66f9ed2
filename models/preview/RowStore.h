#pragma once
// Compact storage for result rows: every cell's bytes live in a few large blocks (an arena), a row is one
// 64-bit start position and each cell a 32-bit end offset inside its row, with the cell kind in the top bits.
// No per-cell allocation; 1M rows x 5 columns costs the cell bytes plus 28 MB of offsets.
#include <QtGlobal>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

enum class CellKind : std::uint8_t {
    Text = 0,     // a plain value (already unescaped)
    Null = 1,     // SQL NULL: distinct from "" and from the text "\N" or "null"
    Literal = 2,  // a composite value as ClickHouse's text formats print it: ['a\'b',NULL], ('x',1)
    JsonText = 3, // a composite value as JSON text: ["a'b",null]
};

struct CellRef {
    std::string_view bytes;
    CellKind kind = CellKind::Text;
    bool isNull() const { return kind == CellKind::Null; }
};

class RowStore {
public:
    void reset(int columnCount);
    int columnCount() const { return m_columns; }
    qsizetype rowCount() const { return static_cast<qsizetype>(m_rowStarts.size()); }
    CellRef cell(qsizetype row, int column) const;

    // Building a row: append a cell's bytes to pendingBytes(), then endCell(); commitRow() stores the row.
    std::string& pendingBytes() { return m_pending; }
    void endCell(CellKind kind);
    int pendingCells() const { return static_cast<int>(m_pendingEnds.size()); }
    bool commitRow(); // false when the row has the wrong number of cells (it is discarded)
    void discardRow();

    // Bytes held: arena blocks (allocated), offsets and row starts.
    qint64 memoryBytes() const;

private:
    static constexpr std::uint32_t kKindShift = 30;
    static constexpr std::uint32_t kOffsetMask = (1u << kKindShift) - 1;
    static constexpr std::size_t kBlockSize = std::size_t{1} << 20;
    static constexpr int kBlockShift = 40;

    struct Block {
        std::unique_ptr<char[]> data;
        std::size_t capacity = 0;
        std::size_t used = 0;
    };

    int m_columns = 0;
    std::vector<Block> m_blocks;
    std::deque<std::uint64_t> m_rowStarts; // (block index << 40) | offset in block
    std::deque<std::uint32_t> m_cellEnds;  // (kind << 30) | end offset inside the row
    std::string m_pending;
    std::vector<std::uint32_t> m_pendingEnds;
};

} // namespace ckstudio
