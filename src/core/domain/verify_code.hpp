// The short verification code printed on a certificate, for people who type
// the address rather than scan the QR code: ten characters of Crockford's
// base32 (no I, L, O or U, so nothing reads as another), printed as
// "7K3M9-QX2AB" in the address https://host/v/7K3M9-QX2AB. It is taken from
// the certificate's signature, so nobody without the signing key can make a
// code for a certificate that was not issued; 50 bits and the verification
// rate limit keep guessing out of reach. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kakari::core {

inline constexpr size_t kVerifyCodeLength = 10;

// The code of a certificate version from its signature's bytes (>= 7 bytes).
std::string VerifyCodeOf(std::string_view signature);

// What a person typed, as a stored code: full-width characters, lower case,
// spaces and hyphens are accepted, O reads as 0 and I/L as 1. Nullopt when
// it cannot be a code (wrong length or a character outside the alphabet).
std::optional<std::string> NormaliseVerifyCode(std::string_view typed);

// "7K3M9QX2AB" -> "7K3M9-QX2AB".
std::string FormatVerifyCode(std::string_view code);

// "https://host/v/7K3M9-QX2AB" for any spelling of the public address.
std::string ShortVerifyUrl(std::string_view public_url, std::string_view code);

}  // namespace kakari::core
