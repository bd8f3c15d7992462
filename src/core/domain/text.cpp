#include "core/domain/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <unordered_map>

namespace kakari::core {

namespace {

const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) std::abort();  // ICU data missing: a broken install
  return *n;
}

// Old and variant kanji common in Japanese names, folded to the form most
// people type. Only used for search keys, never for stored names.
const std::unordered_map<UChar32, UChar32>& VariantKanji() {
  static const std::unordered_map<UChar32, UChar32> kMap = {
      {0x9AD9, 0x9AD8},   // 髙 -> 高
      {0xFA11, 0x5D0E},   // 﨑 -> 崎
      {0x5D5C, 0x5D0E},   // 嵜 -> 崎
      {0x908A, 0x8FBA},   // 邊 -> 辺
      {0x9089, 0x8FBA},   // 邉 -> 辺
      {0x9F4B, 0x658E},   // 齋 -> 斎
      {0x9F4A, 0x658E},   // 齊 -> 斎
      {0x6FF5, 0x6D5C},   // 濵 -> 浜
      {0x6FF1, 0x6D5C},   // 濱 -> 浜
      {0x5FB7, 0x5FB3},   // 德 -> 徳
      {0x6AFB, 0x685C},   // 櫻 -> 桜
      {0x5EE3, 0x5E83},   // 廣 -> 広
      {0x6FA4, 0x6CA2},   // 澤 -> 沢
      {0x5D8B, 0x5CF6},   // 嶋 -> 島
      {0x5D8C, 0x5CF6},   // 嶌 -> 島
      {0x570B, 0x56FD},   // 國 -> 国
      {0x9F8D, 0x7ADC},   // 龍 -> 竜
      {0x51A8, 0x5BCC},   // 冨 -> 富
      {0x20BB7, 0x5409},  // 𠮷 -> 吉
  };
  return kMap;
}

UChar32 FoldChar(UChar32 c) {
  if (c >= 0x3041 && c <= 0x3096) return c + 0x60;  // hiragana -> katakana
  auto it = VariantKanji().find(c);
  return it == VariantKanji().end() ? c : it->second;
}

bool IsIgnoredInSearch(UChar32 c) {
  return c == ' ' || c == 0x3000 || c == 0x30FB || c == 0xFF65 ||
         c == '\t';  // spaces and middle dots
}

}  // namespace

std::string NormalizeNfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString out = Nfkc().normalize(in, status);
  std::string result;
  if (U_FAILURE(status)) return result;
  out.toUTF8String(result);
  return result;
}

bool IsNfkc(std::string_view utf8) {
  // ICU passes ill-formed bytes through as they are; NormalizeNfkc replaces them.
  if (!IsValidUtf8(utf8)) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool normalized =
      Nfkc().isNormalizedUTF8(icu::StringPiece(utf8.data(), utf8.size()), status) != 0;
  return U_SUCCESS(status) && normalized;
}

namespace {

// Calls `f` with each code point; false at the first ill-formed sequence, or
// when `f` returns false.
template <class F>
bool EachCodePoint(std::string_view bytes, F f) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !f(c)) return false;
  }
  return true;
}

}  // namespace

TextFlaw FindTextFlaw(std::string_view bytes, bool multiline) {
  TextFlaw flaw = TextFlaw::kInvalidUtf8;
  bool clean = EachCodePoint(bytes, [&](UChar32 c) {
    bool allowed_space = multiline && (c == '\n' || c == '\t');
    if ((c < 0x20 && !allowed_space) || (c >= 0x7F && c <= 0x9F)) {
      flaw = TextFlaw::kControlCharacter;
      return false;
    }
    return true;
  });
  return clean ? TextFlaw::kNone : flaw;
}

bool IsValidUtf8(std::string_view bytes) {
  return EachCodePoint(bytes, [](UChar32) { return true; });
}

std::string SearchKey(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(NormalizeNfkc(utf8));
  s.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (!IsIgnoredInSearch(c)) out.append(FoldChar(c));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

size_t CodePointCount(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace kakari::core
