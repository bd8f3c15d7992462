// CreditImport: records lecture credits from an association's table (CSV).
// Each row is validated on its own; bad rows are reported with their line and
// reason, good rows are recorded, all in one transaction, so an import is
// never half-done. Rows that repeat a recorded credit, or an earlier row of
// the same file, count as duplicates. Not thread-safe (one per import).
#pragma once

#include <optional>
#include <string>

#include "core/domain/column_map.hpp"
#include "core/domain/date.hpp"
#include "core/domain/half_units.hpp"
#include "core/domain/import_report.hpp"
#include "core/ports/row_source.hpp"
#include "core/ports/store.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// One credit row read and checked, before the doctor is looked up.
struct ParsedCredit {
  std::string registry_number;
  Date taken_on;
  HalfUnits units;
  std::optional<int> curriculum_code;
};

// The columns of a credits file (English or Japanese names).
std::span<const ColumnSpec> CreditColumns();

// Reads the registry number, date, units (or minutes) and curriculum code of
// one row. `today` bounds the date: a credit cannot be from the future.
[[nodiscard]] Result<ParsedCredit> ParseCreditRow(const TableRow& row, const ColumnMap& columns,
                                                  const Date& today);

// Lecture credits from a table, for whoever holds the credits:import
// permission (a nightly job's API token; the command line): credits of
// unknown doctors and bad rows are reported, a failing database leaves
// nothing written. Recorded in the audit log with its counts once committed.
// REQUIRES: `source` is positioned before its first data row.
[[nodiscard]] Result<ImportReport> ImportCredits(const Deps& deps, const Caller& caller,
                                                 RowSource& source,
                                                 const ProgressFn& progress = {});

}  // namespace kakari::core
