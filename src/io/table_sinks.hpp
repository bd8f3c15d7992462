// Export files: the TableSink port as XLSX (libxlsxwriter in constant-memory
// mode: rows go to disk as they come) and as CSV in UTF-8 with a byte-order
// mark or in CP932 (what Excel on Japanese Windows opens without garbling).
// Each sink writes to a path and owns its file. Not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "core/ports/table_sink.hpp"

namespace kakari::io {

enum class ExportFormat { kXlsx, kCsvUtf8, kCsvCp932 };

// "xlsx", "csv", "csv-cp932"; none for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
const char* ExportExtension(ExportFormat f);    // "xlsx", "csv"
const char* ExportContentType(ExportFormat f);  // for HTTP downloads

// A sink writing `path` (created or truncated). Fails kUnavailable when
// the file cannot be created.
[[nodiscard]] core::Result<std::unique_ptr<core::TableSink>> OpenTableSink(ExportFormat f,
                                                                           const std::string& path);

}  // namespace kakari::io
