// RowSource: a port over a decoded table (a CSV file, later XLSX) for the
// import services. Fields are UTF-8; the source has already detected and
// converted the file's encoding. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/table_row.hpp"

namespace kakari::core {

class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const std::vector<std::string>& Header() const = 0;
  // Fills `row` and returns true, or returns false at the end.
  virtual bool Next(TableRow& row) = 0;
  // How far through the input we are, 0..1, for a progress bar.
  virtual double Fraction() const = 0;
};

}  // namespace kakari::core
