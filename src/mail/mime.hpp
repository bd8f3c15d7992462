// The MIME form of an e-mail: UTF-8 throughout, names and subjects as RFC
// 2047 encoded words (so 髙橋 and 𠮷 reach any mail program intact), a
// multipart/alternative body with the plain text first and the HTML second,
// both base64 in lines of 76. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/ports/mail_transport.hpp"

namespace kakari::mail {

struct Sender {
  std::string address;  // "kakari@example.jp"
  std::string name;     // "かかりつけ医研修 Kakari"
};

// Base64 (RFC 4648, with padding).
std::string Base64(std::string_view bytes);
// `text` as it may stand in a header: as is when it is printable ASCII,
// otherwise encoded words of at most 75 characters, split between
// characters and folded onto continuation lines.
std::string EncodeHeaderText(std::string_view text);
// "Name <address>", the name encoded as needed.
std::string FormatAddress(std::string_view name, std::string_view address);
// "Sat, 05 Dec 2026 20:15:43 +0000".
std::string Rfc5322Date(int64_t unix_seconds);
// True for an address that can go into a header and an SMTP command: no
// spaces, line breaks, angle brackets or control characters; one @.
bool IsPlainAddress(std::string_view address);

// The whole message, headers and body, with CRLF line ends.
// REQUIRES: IsPlainAddress(mail.to_address) and of from.address.
std::string BuildMessage(const core::OutgoingMail& mail, const Sender& from, int64_t now,
                         std::string_view boundary);

}  // namespace kakari::mail
