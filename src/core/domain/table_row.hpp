// TableRow: one decoded row of an imported table, as the import rules read
// it. A view into the RowSource's buffer; not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kakari::core {

struct TableRow {
  int64_t line = 0;                      // 1-based line number in the file, for error reports
  std::vector<std::string_view> fields;  // valid until the next call to Next
};

}  // namespace kakari::core
