#include "core/domain/field_text.hpp"

#include <unicode/unistr.h>

#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "util/strings.hpp"

namespace kakari::core {

std::string_view NormalizedField(std::string_view raw, std::string& buffer) {
  std::string_view t = util::Trim(raw);
  for (unsigned char c : t) {
    if (c >= 0x80) {
      if (IsNfkc(t)) return t;
      buffer = NormalizeNfkc(t);
      // Full-width spaces become ASCII under NFKC; trim again.
      return util::Trim(buffer);
    }
  }
  return t;
}

std::string_view FieldOf(const TableRow& row, const ColumnMap& columns, const std::string& key) {
  int i = columns.Index(key);
  if (i < 0 || static_cast<size_t>(i) >= row.fields.size()) return {};
  return row.fields[static_cast<size_t>(i)];
}

std::string KatakanaReading(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(NormalizeNfkc(util::Trim(text)));
  icu::UnicodeString out;
  bool last_space = false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;
    bool space = c == ' ' || c == 0x3000;
    if (space && last_space) continue;
    out.append(space ? UChar32(0x3000) : c);
    last_space = space;
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

bool IsKatakanaReading(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  if (s.isEmpty()) return false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    bool ok = (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x3000 || c == ' ';
    if (!ok) return false;
  }
  return true;
}

Status CheckRowText(const TableRow& row, const std::vector<std::string>& header) {
  for (size_t i = 0; i < row.fields.size(); ++i) {
    if (FindTextFlaw(row.fields[i], false) == TextFlaw::kNone) continue;  // the common case
    std::string column = i < header.size() ? header[i] : std::to_string(i + 1) + "列目";
    return RequireCleanText(row.fields[i], column, false);
  }
  return {};
}

}  // namespace kakari::core
