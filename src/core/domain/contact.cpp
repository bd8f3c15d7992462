#include "core/domain/contact.hpp"

#include <algorithm>

#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr size_t kMaxAddressBytes = 300;  // 100 characters of kanji

tl::unexpected<Error> Wrong(const char* field, std::string ja, std::string en) {
  return Fail(ErrorCode::kInvalidArgument, std::move(ja), std::move(en), field);
}

// Digits with hyphens or brackets, 10 (landline) or 11 (mobile, 0120…)
// digits; returned as written, in half width.
Result<std::string> ValidatePhone(std::string_view normalised) {
  std::string t(util::Trim(normalised));
  size_t digits = 0;
  bool only_phone_characters = std::all_of(t.begin(), t.end(), [&](char c) {
    if (c >= '0' && c <= '9') ++digits;
    return (c >= '0' && c <= '9') || c == '-' || c == '(' || c == ')' || c == ' ';
  });
  if (!only_phone_characters || digits < 10 || digits > 11 || t.front() != '0') {
    return Wrong("phone", "電話番号「" + t + "」は市外局番からの10桁または11桁で入力してください",
                 "telephone number \"" + t + "\" must be 10 or 11 digits with the area code");
  }
  return t;
}

}  // namespace

Result<OrganisationContact> ValidateContact(const OrganisationContact& typed) {
  for (const auto& [text, field] :
       {std::pair{&typed.postal_code, "postal_code"}, std::pair{&typed.address, "address"},
        std::pair{&typed.phone, "phone"}}) {
    KAKARI_RETURN_IF_ERROR(RequireCleanText(*text, field, false));
  }
  OrganisationContact out;
  auto postal = ValidatePostalCode(NormalizeNfkc(typed.postal_code));
  KAKARI_RETURN_IF_ERROR(postal);
  out.postal_code = *postal;
  out.address = std::string(util::Trim(typed.address));
  if (out.address.empty()) {
    return Wrong("address", "住所を入力してください", "enter the address");
  }
  if (out.address.size() > kMaxAddressBytes) {
    return Wrong("address", "住所は100文字以内で入力してください",
                 "the address must be at most 100 characters");
  }
  std::string phone = NormalizeNfkc(typed.phone);
  if (!util::Trim(phone).empty()) {
    auto valid = ValidatePhone(phone);
    KAKARI_RETURN_IF_ERROR(valid);
    out.phone = *valid;
  }
  return out;
}

std::string SenderAddressLine(const OrganisationContact& contact) {
  if (contact.address.empty()) return "";
  std::string line = FormatPostalCode(contact.postal_code) + " " + contact.address;
  if (!contact.phone.empty()) line += "　TEL " + contact.phone;
  return line;
}

}  // namespace kakari::core
