// Whole-file reads and atomic writes. Thread-safe (no shared state).
#pragma once

#include <string>

#include "core/domain/result.hpp"

namespace kakari::io {

// Reads a file into memory; a clear error when it is missing or unreadable.
[[nodiscard]] core::Result<std::string> ReadFile(const std::string& path);

// Writes through a temporary file and a rename, so that a reader never sees
// half a file.
[[nodiscard]] core::Status WriteFileAtomically(const std::string& path, const std::string& data);

}  // namespace kakari::io
