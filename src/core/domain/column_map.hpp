// Finds the columns an import needs in a header row, by English or Japanese
// name, in any order. Thread-safe.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/domain/import_report.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

class ColumnMap {
 public:
  // Fails naming every required column that is missing, or a column given twice.
  [[nodiscard]] static Result<ColumnMap> Build(const std::vector<std::string>& header,
                                               std::span<const ColumnSpec> specs);
  // Position of `key`, or -1 when the optional column is absent.
  int Index(const std::string& key) const;

 private:
  std::unordered_map<std::string, int> index_;
};

}  // namespace kakari::core
