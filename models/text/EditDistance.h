// Levenshtein distance, for "did you mean" suggestions (schema keys, type families, function names).
#pragma once

#include <cstddef>
#include <string_view>

namespace ckstudio {

enum class LetterCase { Sensitive, Ignored };

std::size_t editDistance(std::string_view a, std::string_view b,
                         LetterCase letterCase = LetterCase::Sensitive);

} // namespace ckstudio
