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

// `area` limits which institutions the rows may name: "" all, a prefecture
// code, or a county association code; rows outside it are rejected.
// `caller` is null for the operator's CLI.
[[nodiscard]] Result<ImportReport> ImportInstitutions(const Deps& deps, const Caller* caller,
                                                      RowSource& source, std::string_view area,
                                                      const ProgressFn& progress = {});
[[nodiscard]] Result<ImportReport> ImportAffiliations(const Deps& deps, const Caller* caller,
                                                      RowSource& source, std::string_view area,
                                                      const ProgressFn& progress = {});

// The same over HTTP: JMA and prefecture administrators, each within their
// area (a prefecture imports only its own institutions).
[[nodiscard]] Result<ImportReport> ImportInstitutionsAs(const Deps& deps, const Caller& caller,
                                                        RowSource& source);
[[nodiscard]] Result<ImportReport> ImportAffiliationsAs(const Deps& deps, const Caller& caller,
                                                        RowSource& source);

// True when the institution lies in `area` ("" all, "13", "13001").
bool InArea(const Institution& i, std::string_view area);

}  // namespace kakari::core
