#include "io/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>

#include "core/domain/text.hpp"

namespace kakari::io {

namespace {

// ICU's name for Microsoft's CP932 (ibm-943_P15A-2003), which carries the NEC
// special characters (①, ㈱) and the IBM extension kanji (髙, 﨑).
constexpr const char* kCp932 = "windows-31j";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr StrictConverter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return conv;
}

core::Result<std::string> Convert(const char* to, const char* from, std::string_view in,
                                  bool substitute = false) {
  ConverterPtr target = StrictConverter(to);
  if (target && substitute) {
    // 〓 (geta, 0x81AC): the mark Japanese printing uses for a missing glyph.
    UErrorCode st = U_ZERO_ERROR;
    ucnv_setFromUCallBack(target.get(), UCNV_FROM_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                          &st);
    ucnv_setSubstChars(target.get(), "\x81\xAC", 2, &st);
    if (U_FAILURE(st)) target.reset();
  }
  ConverterPtr source = StrictConverter(from);
  if (!target || !source) {
    return core::Fail(core::ErrorCode::kInternal, "文字コード変換の準備に失敗しました",
                      "cannot open a character converter");
  }
  // Worst case: a one-byte half-width katakana becomes three bytes of UTF-8.
  std::string out(in.size() * 3 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  char* dst = out.data();
  const char* src = in.data();
  UChar pivot[1024];
  UChar* ps = pivot;
  UChar* pt = pivot;
  ucnv_convertEx(target.get(), source.get(), &dst, out.data() + out.size(), &src,
                 in.data() + in.size(), pivot, &ps, &pt, pivot + 1024, true, true, &status);
  if (U_FAILURE(status)) {
    auto offset = std::to_string(src - in.data());
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "文字コードを変換できません（" + offset + "バイト目付近）",
                      "cannot convert the text (near byte " + offset + ")", "file");
  }
  out.resize(static_cast<size_t>(dst - out.data()));
  out.shrink_to_fit();
  return out;
}

}  // namespace

core::Result<DecodedText> DecodeToUtf8(std::string bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    if (!core::IsValidUtf8(bytes)) {
      return core::Fail(core::ErrorCode::kInvalidArgument,
                        "ファイルはUTF-8（BOM付き）ですが、不正なバイト列を含みます",
                        "the file starts as UTF-8 (BOM) but holds invalid bytes", "file");
    }
    return DecodedText{std::move(bytes), "UTF-8 (BOM)"};
  }
  if (core::IsValidUtf8(bytes)) return DecodedText{std::move(bytes), "UTF-8"};
  auto converted = Convert("UTF-8", kCp932, bytes);
  if (!converted) {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        "ファイルの文字コードがUTF-8でもShift_JIS（CP932）でもありません: " +
            converted.error().message_ja,
        "the file is neither UTF-8 nor Shift_JIS (CP932): " + converted.error().message_en, "file");
  }
  return DecodedText{std::move(*converted), "CP932"};
}

core::Result<std::string> EncodeCp932(std::string_view utf8) {
  return Convert(kCp932, "UTF-8", utf8);
}

core::Result<std::string> EncodeCp932Lossy(std::string_view utf8) {
  return Convert(kCp932, "UTF-8", utf8, true);
}

}  // namespace kakari::io
