// Detects and converts the encodings association files come in: UTF-8 with
// or without a byte-order mark, or CP932 (Shift_JIS with the NEC and IBM
// extensions, as Excel on Windows writes it). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::io {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)" or "CP932"
};

// Refuses bytes that are neither valid UTF-8 nor valid CP932, naming the
// first bad byte's offset.
[[nodiscard]] core::Result<DecodedText> DecodeToUtf8(std::string bytes);

// UTF-8 to CP932, for tests and exports. Fails on characters CP932 lacks.
[[nodiscard]] core::Result<std::string> EncodeCp932(std::string_view utf8);
// The same for exports to Excel users: a character CP932 lacks (𠮷) becomes
// 〓 rather than failing the whole file. The UTF-8 export keeps it exactly.
[[nodiscard]] core::Result<std::string> EncodeCp932Lossy(std::string_view utf8);

}  // namespace kakari::io
