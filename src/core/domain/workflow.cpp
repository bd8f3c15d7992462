#include "core/domain/workflow.hpp"

#include <array>

namespace kakari::core {

namespace {
constexpr std::array<const char*, 3> kKindNames = {"application", "activity", "declaration"};
}

const char* ReviewKindName(ReviewKind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<ReviewKind> ParseReviewKind(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return static_cast<ReviewKind>(i);
  }
  return std::nullopt;
}

}  // namespace kakari::core
