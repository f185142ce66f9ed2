#pragma once
// Compact storage for result rows: every cell's bytes live in a few large blocks (an arena), each cell
// preceded by one varint holding its length and kind (one byte for a cell shorter than 32 bytes), and a row
// is one pointer to its first cell. No per-cell allocation and no per-cell offset table: 1M rows x 5 columns
// costs the cell bytes plus about 5 MB of varints and 8 MB of row pointers.
#include <QtGlobal>
#include <cstdint>
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
    qsizetype rowCount() const { return m_rowCount; }
    CellRef cell(qsizetype row, int column) const;
    // fn(int column, const CellRef& cell) for every cell of `row`, in column order: what an export reads,
    // cheaper than cell() per column.
    template <typename Fn> void forEachCell(qsizetype row, Fn&& fn) const {
        const char* at = rowStart(row);
        for (int column = 0; column < m_columns; ++column) {
            const CellRef c = readCell(at);
            fn(column, c);
        }
    }

    // Building a row: append a cell's bytes to pendingBytes(), then endCell(); commitRow() stores the row.
    std::string& pendingBytes() { return m_pending; }
    void endCell(CellKind kind);
    int pendingCells() const { return static_cast<int>(m_pendingEnds.size()); }
    bool commitRow(); // false when the row has the wrong number of cells (it is discarded)
    void discardRow();

    // Bytes held: arena blocks (allocated) and row pointers.
    qint64 memoryBytes() const;

private:
    static constexpr int kKindBits = 2;
    static constexpr std::size_t kBlockSize = std::size_t{1} << 20;
    static constexpr int kPageShift = 12; // row pointers in pages of 4096 (32 KiB)
    static constexpr std::size_t kPageRows = std::size_t{1} << kPageShift;

    struct Block {
        std::unique_ptr<char[]> data;
        std::size_t capacity = 0;
        std::size_t used = 0;
    };

    const char* rowStart(qsizetype row) const {
        const auto r = static_cast<std::size_t>(row);
        return m_rowPages[r >> kPageShift][r & (kPageRows - 1)];
    }
    // The cell at `at` (its varint, then its bytes); moves `at` past it.
    static CellRef readCell(const char*& at) {
        std::uint64_t header = 0;
        int shift = 0;
        for (;;) {
            const auto byte = static_cast<unsigned char>(*at++);
            header |= std::uint64_t{byte & 0x7fu} << shift;
            if (byte < 0x80)
                break;
            shift += 7;
        }
        const auto size = static_cast<std::size_t>(header >> kKindBits);
        const CellRef cell{std::string_view(at, size),
                           static_cast<CellKind>(header & ((1u << kKindBits) - 1))};
        at += size;
        return cell;
    }

    int m_columns = 0;
    qsizetype m_rowCount = 0;
    std::vector<Block> m_blocks;
    std::vector<std::unique_ptr<const char*[]>> m_rowPages;
    std::string m_pending;
    std::vector<std::uint64_t> m_pendingEnds; // (end offset in m_pending << 2) | kind
};

} // namespace ckstudio
