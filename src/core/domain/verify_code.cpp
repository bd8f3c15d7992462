#include "core/domain/verify_code.hpp"

#include <cstdint>

#include "core/domain/text.hpp"

namespace kakari::core {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The value of one typed character, with Crockford's readings of look-alikes.
std::optional<int> ValueOf(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  auto pos = kAlphabet.find(c);
  if (pos == std::string_view::npos) return std::nullopt;
  return static_cast<int>(pos);
}

}  // namespace

std::string VerifyCodeOf(std::string_view signature) {
  uint64_t bits = 0;
  for (size_t i = 0; i < 7 && i < signature.size(); ++i) {
    bits = (bits << 8) | static_cast<unsigned char>(signature[i]);
  }
  bits >>= 6;  // 56 bits read, 50 used
  std::string code(kVerifyCodeLength, '0');
  for (size_t i = kVerifyCodeLength; i-- > 0;) {
    code[i] = kAlphabet[bits & 31U];
    bits >>= 5;
  }
  return code;
}

std::optional<std::string> NormaliseVerifyCode(std::string_view typed) {
  std::string text = NormalizeNfkc(typed);  // full-width letters, digits and hyphen
  // Dashes an IME gives for "-" (ー, ‐, –, —, −) separate groups as "-" does.
  for (std::string_view dash : {"ー", "‐", "–", "—", "−"}) {
    for (size_t at = text.find(dash); at != std::string::npos; at = text.find(dash, at)) {
      text.replace(at, dash.size(), "-");
    }
  }
  std::string code;
  for (char c : text) {
    if (c == '-' || c == ' ' || c == '\t') continue;
    auto v = ValueOf(c);
    if (!v) return std::nullopt;
    code.push_back(kAlphabet[static_cast<size_t>(*v)]);
    if (code.size() > kVerifyCodeLength) return std::nullopt;
  }
  if (code.size() != kVerifyCodeLength) return std::nullopt;
  return code;
}

std::string FormatVerifyCode(std::string_view code) {
  if (code.size() != kVerifyCodeLength) return std::string(code);
  return std::string(code.substr(0, 5)) + "-" + std::string(code.substr(5));
}

std::string ShortVerifyUrl(std::string_view public_url, std::string_view code) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/v/" + FormatVerifyCode(code);
}

}  // namespace kakari::core
