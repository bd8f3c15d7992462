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

[[nodiscard]] Result<ImportReport> ImportDoctors(Store& store, RowSource& source, const Date& today,
                                                 const ProgressFn& progress = {});

}  // namespace kakari::core
