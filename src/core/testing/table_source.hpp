// TableSource: a RowSource over rows written in the test, standing in for
// a decoded CSV file. Test-only; not thread-safe (one reader).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/ports/row_source.hpp"

namespace kakari::core::testing {

class TableSource final : public RowSource {
 public:
  TableSource(std::vector<std::string> header, std::vector<std::vector<std::string>> rows)
      : header_(std::move(header)), rows_(std::move(rows)) {}
  const std::vector<std::string>& Header() const override { return header_; }
  bool Next(TableRow& row) override {
    if (next_ >= rows_.size()) return false;
    row.line = static_cast<int64_t>(next_) + 2;  // line 1 is the header
    row.fields.assign(rows_[next_].begin(), rows_[next_].end());
    ++next_;
    return true;
  }
  double Fraction() const override {
    return rows_.empty() ? 1.0 : static_cast<double>(next_) / static_cast<double>(rows_.size());
  }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  size_t next_ = 0;
};

}  // namespace kakari::core::testing
