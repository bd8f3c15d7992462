// Exports staff take into Excel: the review queue (as filtered), doctors'
// completion, certificates, institutions without a trained doctor and the
// statistics table, written row by row to a TableSink. Every export is
// audited with its kind, area, format and row count.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/workflow.hpp"
#include "core/ports/table_sink.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

enum class ExportKind { kQueue, kCompletions, kCertificates, kCoverage, kStatistics };
std::optional<ExportKind> ParseExportKind(std::string_view name);
const char* ExportKindName(ExportKind k);  // "queue", "completions", ...

struct ExportRequest {
  ExportKind kind = ExportKind::kCompletions;
  std::optional<std::string> area;  // inside the caller's; their own when none
  std::optional<Date> as_of;        // coverage and statistics; today when none
  QueueFilter queue;                // kQueue only; paging is ignored
  std::string format;               // for the audit record ("xlsx", "csv", ...)
};

struct ExportSummary {
  int64_t rows = 0;
  std::string name;  // file name without extension: "completions-13-2026-12-05"
};

// Writes the export into `sink` (Begin, rows, Finish).
[[nodiscard]] Result<ExportSummary> ExportTable(const Deps& deps, const Caller& caller,
                                                const ExportRequest& request, TableSink& sink);

}  // namespace kakari::core
