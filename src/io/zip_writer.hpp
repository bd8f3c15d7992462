// ZIP archives of files already in memory (libzip), written to a path: the
// certificates staff download together. Names are stored as given (ASCII
// names need no encoding flag). Thread-safe: no shared state.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/domain/result.hpp"

namespace kakari::io {

struct ZipEntry {
  std::string name;
  std::string bytes;
};

// Writes `entries` (deflated) to `path`, replacing it. kUnavailable when the
// file cannot be written (a full disk among them); nothing is left behind.
[[nodiscard]] core::Status WriteZip(const std::string& path, const std::vector<ZipEntry>& entries);

}  // namespace kakari::io
