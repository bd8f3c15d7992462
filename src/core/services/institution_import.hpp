// Imports of the institution registry and of affiliations (CSV as
// associations keep them). Institutions are keyed by code, affiliations by
// (doctor, institution, start date): a new key is added, a known one is
// refreshed when it differs and counted as a duplicate when it does not, so
// that importing a file twice changes nothing the second time. Bad rows are
// reported by line; the good ones are recorded in one transaction with one
// audit record. Not thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "core/domain/column_map.hpp"
#include "core/domain/import_report.hpp"
#include "core/domain/institution.hpp"
#include "core/ports/row_source.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

std::span<const ColumnSpec> InstitutionColumns();
std::span<const ColumnSpec> AffiliationColumns();

[[nodiscard]] Result<Institution> ParseInstitutionRow(const TableRow& row,
                                                      const ColumnMap& columns);

// The institution registry and who works where, for JMA and prefecture
// administrators (and the command line), each within their area: a
// prefecture imports only its own institutions, rows outside are rejected.
[[nodiscard]] Result<ImportReport> ImportInstitutions(const Deps& deps, const Caller& caller,
                                                      RowSource& source,
                                                      const ProgressFn& progress = {});
[[nodiscard]] Result<ImportReport> ImportAffiliations(const Deps& deps, const Caller& caller,
                                                      RowSource& source,
                                                      const ProgressFn& progress = {});

// True when the institution lies in `area` ("" all, "13", "13001").
bool InArea(const Institution& i, std::string_view area);

}  // namespace kakari::core
