// Validation of the identifiers the domain carries. Each function takes text
// already NFKC-normalised (see text.hpp) and returns the canonical form or an
// error whose message says what to fix. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::core {

// The check digit of a 10-digit medical institution code, over its first 9
// digits: from the right, weights 2,1,2,1,...; a product of 10 or more counts
// as the sum of its digits; check = (10 - total mod 10) mod 10.
// REQUIRES: digits9 holds exactly 9 ASCII digits.
int InstitutionCodeCheckDigit(std::string_view digits9);

// 10 digits: prefecture (01-47), fee-schedule table (1 medical, 3 dental),
// 6 more digits, check digit.
[[nodiscard]] Result<std::string> ValidateInstitutionCode(std::string_view text);

// True for a dental institution code (fee-schedule digit 3): dental
// institutions are exempt from the family-doctor-function report.
bool IsDentalInstitutionCode(std::string_view valid_code);

// "01".."47". Accepts "1" and returns "01".
[[nodiscard]] Result<std::string> ValidatePrefectureCode(std::string_view text);

// 7 digits, with or without the hyphen after the third; returns "1234567".
[[nodiscard]] Result<std::string> ValidatePostalCode(std::string_view text);
// "1234567" -> "〒123-4567".
std::string FormatPostalCode(std::string_view seven_digits);

// 医籍登録番号: 1 to 7 digits; leading zeros are dropped.
[[nodiscard]] Result<std::string> ValidateRegistryNumber(std::string_view text);

// JMA member ID: 1 to 12 ASCII letters or digits (upper-cased).
[[nodiscard]] Result<std::string> ValidateMemberId(std::string_view text);

// An association code: a prefecture "01".."47" or a county association
// "PPnnn" (prefecture + 3 digits).
[[nodiscard]] Result<std::string> ValidateAssociationCode(std::string_view text);

// A minimal e-mail check: one @, something on both sides, a dot after it.
[[nodiscard]] Result<std::string> ValidateEmail(std::string_view text);

// Text from outside (HTTP or a file) must be valid UTF-8 without control
// characters (newline and tab only when `multiline`); otherwise kInvalidArgument naming
// `field`, before anything is written.
[[nodiscard]] Status RequireCleanText(std::string_view text, std::string_view field,
                                      bool multiline);

}  // namespace kakari::core
