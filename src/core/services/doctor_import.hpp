// DoctorImport: records or refreshes doctors from an association's roster
// (CSV). Doctors are keyed by registry number: a new number is added, a known
// one has its details refreshed. Bad rows are reported; the good ones are
// recorded in one transaction. Not thread-safe.
#pragma once

#include <span>

#include "core/domain/column_map.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/import_report.hpp"
#include "core/ports/row_source.hpp"
#include "core/ports/store.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

std::span<const ColumnSpec> DoctorColumns();

// A doctor read from one row; home_association_id is left 0 and the
// association code is returned beside it for the caller to resolve.
struct ParsedDoctor {
  Doctor doctor;
  std::string association_code;
};

[[nodiscard]] Result<ParsedDoctor> ParseDoctorRow(const TableRow& row, const ColumnMap& columns,
                                                  const Date& today);

// The doctors' roster, for JMA administrators and the command line: new
// doctors are added, known registry numbers left as they are, bad rows
// reported. Recorded in the audit log with its counts once committed.
[[nodiscard]] Result<ImportReport> ImportDoctors(const Deps& deps, const Caller& caller,
                                                 RowSource& source,
                                                 const ProgressFn& progress = {});

}  // namespace kakari::core
