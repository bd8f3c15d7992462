// Proof files (certificates of participation, appointment letters, scans):
// PDF, JPEG or PNG, at most 10 MB, the type taken from the content, never
// from the file name. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::core {

inline constexpr size_t kMaxProofBytes = 10 * 1024 * 1024;

// "application/pdf", "image/jpeg" or "image/png"; kTooLarge over the
// limit, kUnsupportedFormat for anything else (including an empty file).
[[nodiscard]] Result<std::string> DetectProofType(std::string_view bytes);

// The name as given, stripped of any folder part and control characters,
// at most 200 bytes; "file" when nothing is left.
std::string SafeFileName(std::string_view name);

}  // namespace kakari::core
