#include "text/EditDistance.h"

#include <algorithm>
#include <vector>

namespace ckstudio {

std::size_t editDistance(std::string_view a, std::string_view b, LetterCase letterCase) {
    const auto fold = [letterCase](char c) {
        return letterCase == LetterCase::Ignored && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A')
                                                                         : c;
    };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace ckstudio
