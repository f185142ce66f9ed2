#include "preview/RowStore.h"

#include <algorithm>
#include <cstring>

namespace ckstudio {
namespace {

constexpr std::size_t kMaxVarintBytes = 10;

char* writeVarint(char* out, std::uint64_t value) {
    while (value >= 0x80) {
        *out++ = static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    *out++ = static_cast<char>(value);
    return out;
}

} // namespace

void RowStore::reset(int columnCount) {
    m_columns = columnCount;
    m_rowCount = 0;
    m_blocks.clear();
    m_rowPages.clear();
    m_pending.clear();
    m_pendingEnds.clear();
}

void RowStore::endCell(CellKind kind) {
    m_pendingEnds.push_back((std::uint64_t{m_pending.size()} << kKindBits) |
                            static_cast<std::uint64_t>(kind));
}

void RowStore::discardRow() {
    m_pending.clear();
    m_pendingEnds.clear();
}

bool RowStore::commitRow() {
    if (static_cast<int>(m_pendingEnds.size()) != m_columns) {
        discardRow();
        return false;
    }
    const std::size_t worst = m_pending.size() + m_pendingEnds.size() * kMaxVarintBytes;
    if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().used < worst) {
        Block block;
        block.capacity = std::max(kBlockSize, worst);
        block.data = std::make_unique_for_overwrite<char[]>(block.capacity);
        m_blocks.push_back(std::move(block));
    }
    Block& block = m_blocks.back();
    char* const start = block.data.get() + block.used;
    char* out = start;
    std::size_t begin = 0;
    for (const std::uint64_t end : m_pendingEnds) {
        const std::size_t endOffset = static_cast<std::size_t>(end >> kKindBits);
        const std::size_t size = endOffset - begin;
        out = writeVarint(out, (std::uint64_t{size} << kKindBits) | (end & ((1u << kKindBits) - 1)));
        if (size > 0)
            std::memcpy(out, m_pending.data() + begin, size);
        out += size;
        begin = endOffset;
    }
    block.used += static_cast<std::size_t>(out - start);
    const auto row = static_cast<std::size_t>(m_rowCount);
    if ((row & (kPageRows - 1)) == 0)
        m_rowPages.push_back(std::make_unique_for_overwrite<const char*[]>(kPageRows));
    m_rowPages.back()[row & (kPageRows - 1)] = start;
    ++m_rowCount;
    discardRow();
    return true;
}

CellRef RowStore::cell(qsizetype row, int column) const {
    const char* at = rowStart(row);
    for (int c = 0; c < column; ++c)
        readCell(at);
    return readCell(at);
}

qint64 RowStore::memoryBytes() const {
    qint64 total = 0;
    for (const auto& b : m_blocks)
        total += static_cast<qint64>(b.capacity);
    total += static_cast<qint64>(m_rowPages.size() * kPageRows * sizeof(const char*));
    return total;
}

} // namespace ckstudio
