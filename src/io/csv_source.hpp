// CsvRowSource: RFC 4180 CSV over UTF-8 text in memory, as core::RowSource.
// Handles quoted fields (with commas, quotes and line breaks inside), CRLF or
// LF line ends, and skips blank lines. The first row is the header.
// Not thread-safe.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/domain/result.hpp"
#include "core/ports/row_source.hpp"

namespace kakari::io {

class CsvRowSource final : public core::RowSource {
 public:
  // Reads the header row; fails on an empty file.
  [[nodiscard]] static core::Result<std::unique_ptr<CsvRowSource>> Create(std::string utf8);

  const std::vector<std::string>& Header() const override { return header_; }
  bool Next(core::TableRow& row) override;
  double Fraction() const override;

 private:
  explicit CsvRowSource(std::string text) : text_(std::move(text)) {}
  // Parses one record at pos_ into row; false at the end of the text.
  bool ParseRecord(core::TableRow& row);
  std::string_view ParseQuoted(size_t& i, size_t slot);

  std::string text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  std::vector<std::string> header_;
  // Storage for quoted fields with "": a deque, because growing it must not
  // move the strings that earlier fields of the same row still point into
  // (a vector did, and libFuzzer found the use-after-free).
  std::deque<std::string> unescaped_;
};

}  // namespace kakari::io
