// TableSink: a port over an export file (XLSX, CSV in UTF-8 or CP932) that
// the export services write one row at a time, so that 340,000 rows never
// sit in memory at once. src/io implements it. Not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/domain/date.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

enum class ColumnKind { kText, kInteger, kDecimal, kDate };

struct ExportColumn {
  std::string title;  // Japanese, as staff read it in Excel
  ColumnKind kind = ColumnKind::kText;
  double width = 12;  // in Excel's character widths
};

// An empty cell, text, a whole number, a decimal (units: 6.5) or a date.
using ExportCell = std::variant<std::monostate, std::string, int64_t, double, Date>;

class TableSink {
 public:
  virtual ~TableSink() = default;
  // REQUIRES: called once, before any Row.
  [[nodiscard]] virtual Status Begin(std::string_view sheet_name,
                                     std::span<const ExportColumn> columns) = 0;
  // REQUIRES: one cell per column.
  [[nodiscard]] virtual Status Row(std::span<const ExportCell> cells) = 0;
  // Completes the file; nothing is usable before this succeeds.
  [[nodiscard]] virtual Status Finish() = 0;
};

}  // namespace kakari::core
