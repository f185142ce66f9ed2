#include "preview/RowStore.h"

#include <algorithm>
#include <cstring>

namespace ckstudio {

void RowStore::reset(int columnCount) {
    m_columns = columnCount;
    m_blocks.clear();
    m_rowStarts.clear();
    m_cellEnds.clear();
    m_pending.clear();
    m_pendingEnds.clear();
}

void RowStore::endCell(CellKind kind) {
    m_pendingEnds.push_back((static_cast<std::uint32_t>(kind) << kKindShift) |
                            (static_cast<std::uint32_t>(m_pending.size()) & kOffsetMask));
}

void RowStore::discardRow() {
    m_pending.clear();
    m_pendingEnds.clear();
}

bool RowStore::commitRow() {
    if (static_cast<int>(m_pendingEnds.size()) != m_columns || m_pending.size() > kOffsetMask) {
        discardRow();
        return false;
    }
    const std::size_t size = m_pending.size();
    if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().used < size) {
        Block block;
        block.capacity = std::max(kBlockSize, size);
        block.data = std::make_unique_for_overwrite<char[]>(block.capacity);
        m_blocks.push_back(std::move(block));
    }
    Block& block = m_blocks.back();
    if (size > 0)
        std::memcpy(block.data.get() + block.used, m_pending.data(), size);
    m_rowStarts.push_back((static_cast<std::uint64_t>(m_blocks.size() - 1) << kBlockShift) | block.used);
    block.used += size;
    m_cellEnds.insert(m_cellEnds.end(), m_pendingEnds.begin(), m_pendingEnds.end());
    discardRow();
    return true;
}

CellRef RowStore::cell(qsizetype row, int column) const {
    const std::uint64_t start = m_rowStarts[static_cast<std::size_t>(row)];
    const Block& block = m_blocks[start >> kBlockShift];
    const char* rowData = block.data.get() + (start & ((std::uint64_t{1} << kBlockShift) - 1));
    const std::size_t first = static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns);
    const std::uint32_t end = m_cellEnds[first + static_cast<std::size_t>(column)];
    const std::uint32_t begin =
        column == 0 ? 0 : (m_cellEnds[first + static_cast<std::size_t>(column) - 1] & kOffsetMask);
    return CellRef{std::string_view(rowData + begin, (end & kOffsetMask) - begin),
                   static_cast<CellKind>(end >> kKindShift)};
}

qint64 RowStore::memoryBytes() const {
    qint64 total = 0;
    for (const auto& b : m_blocks)
        total += static_cast<qint64>(b.capacity);
    total += static_cast<qint64>(m_rowStarts.size() * sizeof(std::uint64_t));
    total += static_cast<qint64>(m_cellEnds.size() * sizeof(std::uint32_t));
    return total;
}

} // namespace ckstudio
