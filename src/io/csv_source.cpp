#include "io/csv_source.hpp"

#include <memory>

namespace kakari::io {

core::Result<std::unique_ptr<CsvRowSource>> CsvRowSource::Create(std::string utf8) {
  std::unique_ptr<CsvRowSource> src(new CsvRowSource(std::move(utf8)));
  core::TableRow header;
  if (!src->ParseRecord(header)) {
    return core::Fail(core::ErrorCode::kInvalidArgument, "ファイルが空です（見出し行がありません）",
                      "the file is empty (no header row)", "file");
  }
  for (auto f : header.fields) src->header_.emplace_back(f);
  return src;
}

double CsvRowSource::Fraction() const {
  return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
}

bool CsvRowSource::Next(core::TableRow& row) { return ParseRecord(row); }

std::string_view CsvRowSource::ParseQuoted(size_t& i, size_t slot) {
  size_t start = ++i;  // after the opening quote
  bool escaped = false;
  while (i < text_.size()) {
    if (text_[i] == '"') {
      if (i + 1 < text_.size() && text_[i + 1] == '"') {
        escaped = true;
        i += 2;
        continue;
      }
      break;
    }
    if (text_[i] == '\n') ++line_;
    ++i;
  }
  std::string_view raw(text_.data() + start, i - start);
  if (i < text_.size()) ++i;  // the closing quote
  // Anything between the closing quote and the separator is kept as is.
  size_t tail = i;
  while (i < text_.size() && text_[i] != ',' && text_[i] != '\n' && text_[i] != '\r') ++i;
  if (!escaped && tail == i) return raw;
  if (unescaped_.size() <= slot) unescaped_.resize(slot + 1);
  std::string& out = unescaped_[slot];
  out.clear();
  for (size_t k = 0; k < raw.size(); ++k) {
    out += raw[k];
    if (raw[k] == '"') ++k;  // "" -> "
  }
  out.append(text_, tail, i - tail);
  return out;
}

bool CsvRowSource::ParseRecord(core::TableRow& row) {
  row.fields.clear();
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  row.line = line_;
  size_t i = pos_;
  for (;;) {
    if (i < text_.size() && text_[i] == '"') {
      row.fields.push_back(ParseQuoted(i, row.fields.size()));
    } else {
      size_t start = i;
      while (i < text_.size() && text_[i] != ',' && text_[i] != '\n' && text_[i] != '\r') ++i;
      row.fields.emplace_back(text_.data() + start, i - start);
    }
    if (i < text_.size() && text_[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  if (i < text_.size() && text_[i] == '\r') ++i;
  if (i < text_.size() && text_[i] == '\n') {
    ++i;
    ++line_;
  }
  pos_ = i;
  return true;
}

}  // namespace kakari::io
