// How an association is reached by post and telephone: what mail it sends
// prints as the sender (差出人). Plain values and their checks; no I/O.
// Thread-safe.
#pragma once

#include <string>

#include "core/domain/result.hpp"

namespace kakari::core {

struct OrganisationContact {
  std::string postal_code;  // 7 digits
  std::string address;
  std::string phone;  // as written, digits and hyphens; may be empty
};

// The contact as typed (any width, with or without the postal hyphen) made
// canonical, or the first field that is wrong. Postal code and address are
// required; the telephone number is optional (10 or 11 digits when given).
[[nodiscard]] Result<OrganisationContact> ValidateContact(const OrganisationContact& typed);

// The sender's second line on a label: "〒113-0021 東京都文京区… TEL 03-…";
// empty when no address has been entered.
std::string SenderAddressLine(const OrganisationContact& contact);

}  // namespace kakari::core
