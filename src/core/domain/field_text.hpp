// Helpers for reading one field of an imported row: normalisation that skips
// ICU for plain ASCII (most fields of a 10-million-row file), and a field
// lookup by column. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/domain/column_map.hpp"
#include "core/domain/result.hpp"
#include "core/domain/table_row.hpp"

namespace kakari::core {

// A row refused for its content: reported with its line, the import goes on.
inline tl::unexpected<Error> RowError(std::string ja, std::string en) {
  return Fail(ErrorCode::kInvalidArgument, std::move(ja), std::move(en));
}

// Every field of `row` is clean single-line text (valid UTF-8, no control
// characters); otherwise the row error names the column by its header.
[[nodiscard]] Status CheckRowText(const TableRow& row, const std::vector<std::string>& header);

// Trimmed NFKC of `raw`; returns a view into `raw` or into `buffer`.
std::string_view NormalizedField(std::string_view raw, std::string& buffer);

// The raw field for `key`, or empty when the column is absent or the row short.
std::string_view FieldOf(const TableRow& row, const ColumnMap& columns, const std::string& key);

// Katakana reading: NFKC, hiragana folded to katakana, spaces kept single.
std::string KatakanaReading(std::string_view text);

// True when every code point is katakana, the long-vowel mark or a space.
bool IsKatakanaReading(std::string_view text);

}  // namespace kakari::core
