// What an import did: counts and the rows refused, each with its line and
// reason. Thread-safe value type.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kakari::core {

struct RejectedRow {
  int64_t line = 0;
  std::string reason_ja;
  std::string reason_en;
};

struct ImportReport {
  int64_t imported = 0;
  int64_t updated = 0;     // doctors only: existing records refreshed
  int64_t duplicates = 0;  // rows already recorded, or repeated in the file
  std::vector<RejectedRow> rejected;
};

// Called now and then with the fraction done (0..1).
using ProgressFn = std::function<void(double)>;

// Maps a header to column positions, accepting each column's English or
// Japanese name (after NFKC, case-insensitive for English).
struct ColumnSpec {
  const char* key;      // the English name, e.g. "registry_number"
  const char* name_ja;  // e.g. "医籍登録番号"
  bool required;
};

}  // namespace kakari::core
