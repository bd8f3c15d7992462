#include "io/table_sinks.hpp"

#include <xlsxwriter.h>

#include <charconv>
#include <cstdio>
#include <vector>

#include "io/encoding.hpp"
#include "util/strings.hpp"

namespace kakari::io {

namespace {

core::Error CannotWrite(const std::string& detail) {
  return core::MakeError(core::ErrorCode::kUnavailable, "出力ファイルを書けませんでした",
                         "the export file could not be written", "", detail);
}

// CSV rows gathered into chunks of about 1 MiB: the CP932 conversion and
// the write then happen per chunk, never per row, and a chunk always ends
// at a line end (no character is split).
class CsvSink final : public core::TableSink {
 public:
  CsvSink(std::FILE* file, bool cp932) : file_(file), cp932_(cp932) {}
  ~CsvSink() override {
    if (file_ != nullptr) std::fclose(file_);
  }

  core::Status Begin(std::string_view, std::span<const core::ExportColumn> columns) override {
    if (!cp932_) buffer_ = "\xEF\xBB\xBF";
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) buffer_ += ',';
      buffer_ += util::SpreadsheetCsvField(columns[i].title);
    }
    buffer_ += "\r\n";
    return {};
  }

  core::Status Row(std::span<const core::ExportCell> cells) override {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) buffer_ += ',';
      AppendCell(cells[i]);
    }
    buffer_ += "\r\n";
    if (buffer_.size() >= kChunk) return Flush();
    return {};
  }

  core::Status Finish() override {
    KAKARI_RETURN_IF_ERROR(Flush());
    std::FILE* f = file_;
    file_ = nullptr;
    if (std::fclose(f) != 0) return tl::unexpected(CannotWrite("fclose"));
    return {};
  }

 private:
  static constexpr size_t kChunk = 1 << 20;

  void AppendCell(const core::ExportCell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) {
      buffer_ += util::SpreadsheetCsvField(*s);
    } else if (const auto* n = std::get_if<int64_t>(&cell)) {
      buffer_ += std::to_string(*n);
    } else if (const auto* x = std::get_if<double>(&cell)) {
      char text[32];
      auto end = std::to_chars(text, text + sizeof text, *x).ptr;
      buffer_.append(text, end);
    } else if (const auto* d = std::get_if<core::Date>(&cell)) {
      buffer_ += d->ToIso();
    }
  }

  core::Status Flush() {
    std::string bytes;
    if (cp932_) {
      auto encoded = EncodeCp932Lossy(buffer_);
      KAKARI_RETURN_IF_ERROR(encoded);
      bytes = std::move(*encoded);
    } else {
      bytes = std::move(buffer_);
    }
    buffer_.clear();
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      return tl::unexpected(CannotWrite("fwrite"));
    return {};
  }

  std::FILE* file_;
  bool cp932_;
  std::string buffer_;
};

// libxlsxwriter with constant_memory: each row is written to a temporary
// file as soon as the next one starts, so memory stays flat.
class XlsxSink final : public core::TableSink {
 public:
  explicit XlsxSink(lxw_workbook* book) : book_(book) {
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xE8EEF4);
    format_set_border(header_, LXW_BORDER_THIN);
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy/mm/dd");
  }
  ~XlsxSink() override {
    if (book_ != nullptr) workbook_close(book_);
  }

  core::Status Begin(std::string_view sheet_name,
                     std::span<const core::ExportColumn> columns) override {
    sheet_ = workbook_add_worksheet(book_, std::string(sheet_name).c_str());
    if (sheet_ == nullptr) return tl::unexpected(CannotWrite("add_worksheet"));
    for (size_t i = 0; i < columns.size(); ++i) {
      auto col = static_cast<lxw_col_t>(i);
      worksheet_set_column(sheet_, col, col, columns[i].width,
                           columns[i].kind == core::ColumnKind::kDate ? date_ : nullptr);
      worksheet_write_string(sheet_, 0, col, columns[i].title.c_str(), header_);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    if (!columns.empty())
      worksheet_autofilter(sheet_, 0, 0, 0, static_cast<lxw_col_t>(columns.size() - 1));
    return {};
  }

  core::Status Row(std::span<const core::ExportCell> cells) override {
    ++row_;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (lxw_error e = WriteCell(static_cast<lxw_col_t>(i), cells[i]); e != LXW_NO_ERROR)
        return tl::unexpected(CannotWrite(lxw_strerror(e)));
    }
    return {};
  }

  core::Status Finish() override {
    lxw_workbook* book = book_;
    book_ = nullptr;
    if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
      return tl::unexpected(CannotWrite(lxw_strerror(e)));
    return {};
  }

 private:
  lxw_error WriteCell(lxw_col_t col, const core::ExportCell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell))
      return worksheet_write_string(sheet_, row_, col, s->c_str(), nullptr);
    if (const auto* n = std::get_if<int64_t>(&cell))
      return worksheet_write_number(sheet_, row_, col, static_cast<double>(*n), nullptr);
    if (const auto* x = std::get_if<double>(&cell))
      return worksheet_write_number(sheet_, row_, col, *x, nullptr);
    if (const auto* d = std::get_if<core::Date>(&cell)) {
      lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
      return worksheet_write_datetime(sheet_, row_, col, &dt, date_);
    }
    return LXW_NO_ERROR;
  }

  lxw_workbook* book_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "xlsx") return ExportFormat::kXlsx;
  if (name == "csv") return ExportFormat::kCsvUtf8;
  if (name == "csv-cp932") return ExportFormat::kCsvCp932;
  return std::nullopt;
}

const char* ExportExtension(ExportFormat f) { return f == ExportFormat::kXlsx ? "xlsx" : "csv"; }

const char* ExportContentType(ExportFormat f) {
  switch (f) {
    case ExportFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ExportFormat::kCsvUtf8:
      return "text/csv; charset=utf-8";
    case ExportFormat::kCsvCp932:
      return "text/csv; charset=Shift_JIS";
  }
  return "application/octet-stream";
}

core::Result<std::unique_ptr<core::TableSink>> OpenTableSink(ExportFormat f,
                                                             const std::string& path) {
  if (f == ExportFormat::kXlsx) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (book == nullptr) return tl::unexpected(CannotWrite("workbook_new_opt " + path));
    return std::unique_ptr<core::TableSink>(std::make_unique<XlsxSink>(book));
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return tl::unexpected(CannotWrite("fopen " + path));
  return std::unique_ptr<core::TableSink>(
      std::make_unique<CsvSink>(file, f == ExportFormat::kCsvCp932));
}

}  // namespace kakari::io
