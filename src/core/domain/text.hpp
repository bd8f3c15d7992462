// Japanese text handling on ICU: NFKC normalisation (full-width digits and
// letters to half-width, half-width katakana to full-width) and a search key
// that folds kana, spacing and old/variant kanji. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kakari::core {

// NFKC of valid UTF-8. Invalid sequences become U+FFFD.
std::string NormalizeNfkc(std::string_view utf8);

// True when NFKC would leave the UTF-8 text as it is (most text is): a check
// without copies, so callers normalise only what needs it. False for
// ill-formed UTF-8 (normalising replaces it).
bool IsNfkc(std::string_view utf8);

// True when the bytes are well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// A key under which names match however they were typed: NFKC, case-folded,
// hiragana folded to katakana, spaces and middle dots removed, variant kanji
// (髙→高, 﨑→崎, 邊/邉→辺, ...) folded to their common form.
// SearchKey("髙橋　ﾀﾛｳ") == SearchKey("高橋たろう").
std::string SearchKey(std::string_view utf8);

enum class TextFlaw { kNone, kInvalidUtf8, kControlCharacter };

// What is wrong with text that came from outside: not UTF-8, or a control
// character (NUL and the rest of C0, DEL, C1). Newline and tab are allowed
// only in `multiline` text.
TextFlaw FindTextFlaw(std::string_view bytes, bool multiline);

// Number of user-perceived characters (code points) in UTF-8 text.
size_t CodePointCount(std::string_view utf8);

}  // namespace kakari::core
