#include "core/domain/validation.hpp"

#include <cctype>

#include "core/domain/text.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {
tl::unexpected<Error> Invalid(std::string field, std::string ja, std::string en) {
  return Fail(ErrorCode::kInvalidArgument, std::move(ja), std::move(en), std::move(field));
}
}  // namespace

int InstitutionCodeCheckDigit(std::string_view digits9) {
  int total = 0;
  int weight = 2;
  for (size_t i = digits9.size(); i-- > 0;) {
    int product = (digits9[i] - '0') * weight;
    total += product >= 10 ? product / 10 + product % 10 : product;
    weight = weight == 2 ? 1 : 2;
  }
  return (10 - total % 10) % 10;
}

Result<std::string> ValidateInstitutionCode(std::string_view text) {
  std::string t(util::Trim(text));
  if (t.size() != 10 || !util::IsAsciiDigits(t)) {
    return Invalid("institution_code", "医療機関コード「" + t + "」は10桁の数字で入力してください",
                   "institution code \"" + t + "\" must be 10 digits");
  }
  if (!ValidatePrefectureCode(t.substr(0, 2))) {
    return Invalid("institution_code",
                   "医療機関コード「" + t + "」の先頭2桁が都道府県番号（01〜47）ではありません",
                   "institution code \"" + t + "\" does not start with a prefecture (01-47)");
  }
  if (t[2] != '1' && t[2] != '3') {
    return Invalid("institution_code",
                   "医療機関コード「" + t + "」の3桁目は点数表番号（医科1・歯科3）です",
                   "institution code \"" + t + "\": third digit must be 1 (medical) or 3 (dental)");
  }
  if (InstitutionCodeCheckDigit(std::string_view(t).substr(0, 9)) != t[9] - '0') {
    return Invalid("institution_code",
                   "医療機関コード「" + t + "」の検証番号（末尾の1桁）が一致しません",
                   "institution code \"" + t + "\" has a wrong check digit");
  }
  return t;
}

bool IsDentalInstitutionCode(std::string_view valid_code) {
  return valid_code.size() == 10 && valid_code[2] == '3';
}

Result<std::string> ValidatePrefectureCode(std::string_view text) {
  std::string t(util::Trim(text));
  if (util::IsAsciiDigits(t) && t.size() <= 2) {
    int n = std::stoi(t);
    if (n >= 1 && n <= 47) return std::string(n < 10 ? "0" : "") + std::to_string(n);
  }
  return Invalid("prefecture_code", "都道府県番号「" + t + "」は01〜47で入力してください",
                 "prefecture code \"" + t + "\" must be 01-47");
}

Result<std::string> ValidatePostalCode(std::string_view text) {
  std::string t(util::Trim(text));
  std::string digits = t;
  if (t.size() == 8 && t[3] == '-') digits = t.substr(0, 3) + t.substr(4);
  if (digits.size() != 7 || !util::IsAsciiDigits(digits)) {
    return Invalid("postal_code", "郵便番号「" + t + "」は7桁（例: 113-8621）で入力してください",
                   "postal code \"" + t + "\" must be 7 digits (e.g. 113-8621)");
  }
  return digits;
}

std::string FormatPostalCode(std::string_view d) {
  return "〒" + std::string(d.substr(0, 3)) + "-" + std::string(d.substr(3));
}

Result<std::string> ValidateRegistryNumber(std::string_view text) {
  std::string t(util::Trim(text));
  if (!util::IsAsciiDigits(t) || t.size() > 7) {
    return Invalid("registry_number", "医籍登録番号「" + t + "」は7桁以内の数字で入力してください",
                   "registry number \"" + t + "\" must be up to 7 digits");
  }
  size_t nz = t.find_first_not_of('0');
  if (nz == std::string::npos) {
    return Invalid("registry_number", "医籍登録番号に0は使えません",
                   "registry number cannot be zero");
  }
  return t.substr(nz);
}

Result<std::string> ValidateMemberId(std::string_view text) {
  std::string t(util::Trim(text));
  bool ok = !t.empty() && t.size() <= 12;
  for (char& c : t) {
    if (!std::isalnum(static_cast<unsigned char>(c))) ok = false;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!ok) {
    return Invalid("member_id", "会員番号「" + t + "」は12文字以内の英数字で入力してください",
                   "member ID \"" + t + "\" must be up to 12 letters or digits");
  }
  return t;
}

Result<std::string> ValidateAssociationCode(std::string_view text) {
  std::string t(util::Trim(text));
  if (t.size() <= 2) {
    if (auto p = ValidatePrefectureCode(t)) return *p;
  } else if (t.size() == 5 && util::IsAsciiDigits(t) && ValidatePrefectureCode(t.substr(0, 2))) {
    return t;
  }
  return Invalid("association_code",
                 "医師会コード「" + t + "」は都道府県番号（01〜47）か郡市区医師会コード（5桁）です",
                 "association code \"" + t +
                     "\" must be a prefecture (01-47) or a county association (5 digits)");
}

Result<std::string> ValidateEmail(std::string_view text) {
  std::string t(util::Trim(text));
  size_t at = t.find('@');
  bool ok = at != std::string::npos && at > 0 && t.find('@', at + 1) == std::string::npos &&
            t.find('.', at) != std::string::npos && t.back() != '.' && t.size() <= 254 &&
            t.find(' ') == std::string::npos;
  if (!ok) {
    return Invalid("email", "メールアドレス「" + t + "」の形式が正しくありません",
                   "email address \"" + t + "\" is not valid");
  }
  return t;
}

Status RequireCleanText(std::string_view text, std::string_view field, bool multiline) {
  std::string name(field);
  switch (FindTextFlaw(text, multiline)) {
    case TextFlaw::kNone:
      return {};
    case TextFlaw::kInvalidUtf8:
      return Fail(ErrorCode::kInvalidArgument,
                  "「" + name + "」の文字コードが正しくありません（UTF-8で送ってください）",
                  "\"" + name + "\" is not valid UTF-8", name);
    case TextFlaw::kControlCharacter:
      break;
  }
  return Fail(ErrorCode::kInvalidArgument,
              "「" + name + "」に使えない制御文字" +
                  (multiline ? std::string("") : std::string("（改行・タブを含む）")) +
                  "が含まれています",
              "\"" + name + "\" contains a control character" +
                  (multiline ? std::string("") : std::string(" (line breaks and tabs included)")),
              name);
}

}  // namespace kakari::core
